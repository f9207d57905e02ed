"""More exempt sentence templates, in other wordings, so the classifier learns the matter and not one
phrasing of it. Same rules as exempt.py: written for this corpus, nothing from the evaluation set."""

MORE = {
    "17a": [
        "{Hasil|Dari hasil} {pengintaian|pemantauan|pengamatan} {selama|dalam} <N> hari {menunjukkan|diketahui} {bahwa|} {pelaku|kelompok tersebut} {biasa|sering} {bertransaksi|berkumpul} di {belakang|sekitar} {stasiun|pasar induk|SPBU} {antara pukul|sekitar pukul} {20.00|22.00|01.00} {hingga|dan} {23.00|02.00|04.00}.",
        "{Untuk|Guna} {kepentingan|kelancaran} {penyidikan|penyelidikan}, {nama|identitas} {saksi|pelapor} {dalam laporan ini|di atas} {hanya|cukup} {ditulis|disebut} {dengan inisial|sebagai} {\"<GIVEN>\"|\"Saksi A\"|\"Sumber 1\"} {dan|sedangkan} {data lengkapnya|identitas aslinya} {disimpan|dicatat} {terpisah|oleh penyidik}.",
        "{Penyidik|Tim} {akan|berencana} {memanggil|memeriksa} {kembali|ulang} {tersangka|terlapor} {setelah|sesudah} {hasil|laporan} {audit|uji forensik|pemeriksaan laboratorium} {keluar|diterima}, {dan|serta} {mempertimbangkan|membuka kemungkinan} {penahanan|pencegahan ke luar negeri} {terhadapnya|atas dirinya}.",
        "{Sumber|Informan} {kami|di lapangan} {menyebutkan|melaporkan} {bahwa|} {barang|muatan} {tersebut|itu} {akan|direncanakan} {dikirim|diangkut} {menggunakan|dengan} {truk|kapal|mobil boks} {bernomor polisi|nomor polisi} <PLATE> {pada|sekitar} <DATE>.",
        "{Keterangan|Pengakuan} {tersangka|terlapor} {berbeda|bertentangan} {dengan|dari} {keterangan|pernyataan} {saksi|para saksi} {mengenai|tentang} {waktu|jumlah uang|lokasi} {penyerahan|pertemuan}, {sehingga|maka} {perlu|akan} {dilakukan|diadakan} {konfrontasi|pemeriksaan silang}.",
        "{Rekaman|Bukti rekaman} {CCTV|percakapan} {yang diperoleh|yang diserahkan} {dari|oleh} {pelapor|saksi} {memperlihatkan|menunjukkan} {terlapor|pelaku} {menerima|menghitung} uang {di|dalam} {ruang kerjanya|mobilnya} {pada|tanggal} <DATE>.",
        "{Saya|Pelapor} {bersedia|siap} {menjadi saksi|memberikan keterangan} {asalkan|jika} {nama|identitas} saya {tidak|jangan sampai} {diketahui|diberitahukan kepada} {atasan|pihak} {terlapor|yang dilaporkan} karena saya {masih|masih bekerja} {di|pada} {kantor|unit} yang sama.",
    ],
    "17c": [
        "{Pos|Posko} {komando|pengamanan} {utama|taktis} {ditempatkan|didirikan} di {gedung|halaman} <GIVEN> {dengan|dan} {pos|titik} {bayangan|cadangan} di {Jalan|kawasan} <GIVEN>{ yang tidak diketahui umum|}.",
        "{Perkiraan|Analisis} {ancaman|kerawanan} {menyebutkan|menyimpulkan} {adanya|kemungkinan} {aksi|gerakan} {sabotase|provokasi|penyusupan} {terhadap|pada} {gardu listrik|jaringan komunikasi|gudang logistik} {menjelang|pada saat} {hari pemungutan suara|kunjungan kenegaraan}.",
        "{Personel|Anggota} {berpakaian preman|intelijen} {sebanyak|berjumlah} <N> orang {disusupkan|ditempatkan} {di|ke} {tengah massa|lokasi aksi|sekitar gedung} {untuk|guna} {memantau|mendeteksi} {pergerakan|provokator}.",
        "{Kunci|Sandi} {akses|masuk} {ruang server|gudang senjata|ruang kendali} {diganti|diperbarui} {setiap|tiap} {pekan|bulan} {dan|serta} {hanya|cuma} {diketahui|dipegang} {oleh|} <N> {pejabat|petugas}.",
        "{Jadwal|Waktu} {pergantian|rotasi} {jaga|piket} {di|pada} {objek vital|pos perbatasan|markas} {dilakukan|berlangsung} {pukul|setiap pukul} {06.00|14.00|22.00} {dengan|melalui} {pintu|jalur} {belakang|samping}.",
        "{Kemampuan|Kekuatan} {satuan|unit} {pengamanan|reaksi cepat} {saat ini|sekarang} {hanya|sebanyak} <N> personel {siap|aktif} {dan|dengan} <N> {kendaraan|senjata} {yang laik|yang dapat dioperasikan}, {sehingga|maka} {rawan|lemah} {apabila|jika} {terjadi|muncul} {kerusuhan|serangan} {serentak|besar}.",
    ],
    "17e": [
        "{Pemerintah daerah|Tim Anggaran} {mempertimbangkan|menyiapkan} {opsi|skenario} {menaikkan|menyesuaikan} {tarif|retribusi} {sampah|air minum|parkir|pasar} {hingga|sampai} <PCT> {untuk|guna} {menutup|mengurangi} defisit {tahun depan|anggaran}{, namun belum ada keputusan|}.",
        "{Lahan|Tanah} {incaran|sasaran} {untuk|bagi} {jalan lingkar|kawasan industri|stadion} {berada|terletak} di {Desa|Kelurahan} <GIVEN>{rejo|sari} {dan|sehingga} {informasi|rencana} {ini|tersebut} {dijaga|tidak dibuka} {agar|supaya} {tidak|tak} {terjadi|muncul} {spekulasi|permainan} harga {oleh|dari} {makelar|spekulan} tanah.",
        "{Simulasi|Proyeksi} {menunjukkan|memperlihatkan} {kenaikan|penyesuaian} {tarif|pajak} {tersebut|ini} {akan|dapat} {menambah|meningkatkan} {PAD|pendapatan} {sekitar|kira-kira} <RP> {per tahun|setiap tahun} {dengan|tetapi} {risiko|potensi} {penolakan|keberatan} {dari|oleh} {pelaku usaha|asosiasi}.",
        "{Penyertaan modal|Tambahan modal} {kepada|untuk} {BUMD|Perumda|bank daerah} {sebesar|senilai} <RP> {direncanakan|diusulkan} {masuk|dimasukkan} {dalam|ke} {rancangan|RAPBD} {tahun <YEAR>|Perubahan} {tanpa|sebelum} {kajian|persetujuan} {DPRD|investasi} {yang diumumkan|selesai}.",
        "{Harga|Nilai} {dasar|limit} {penjualan|pelepasan} {aset|tanah|gedung} {milik daerah|Pemda} {di|pada} {Jalan|kawasan} <GIVEN> {ditetapkan|direncanakan} {sebesar|minimal} <RP> {dan|yang} {belum|tidak} {boleh|untuk} {diketahui|disampaikan kepada} {calon pembeli|publik}.",
    ],
    "17f": [
        "{Menurut|Dalam} {laporan|kawat} {perwakilan|KBRI|KJRI} {di|} <CITY>, {pemerintah|kementerian} <COUNTRY> {cenderung|kemungkinan} {menolak|menunda} {usulan|permintaan} {kita|Indonesia} {karena|sebab} {pertimbangan|alasan} {politik dalam negeri|anggaran|pemilihan umum} {mereka|di sana}.",
        "{Kita|Delegasi} {sebaiknya|perlu} {tidak|jangan} {menunjukkan|memperlihatkan} {kepentingan|kebutuhan} {mendesak|besar} {atas|terhadap} {investasi|bantuan} {tersebut|ini} {agar|supaya} {posisi|daya} {tawar|runding} {tetap|tidak} {kuat|melemah} {dalam|pada} {pertemuan|perundingan} {berikutnya|lanjutan}.",
        "{Pihak|Delegasi} <COUNTRY> {secara tertutup|secara informal} {meminta|mengusulkan} {agar|supaya} {klausul|ketentuan} {alih teknologi|tenaga kerja lokal} {dihapus|dilonggarkan} {dengan|sebagai} {imbalan|kompensasi} {tambahan|kenaikan} {hibah|pendanaan} <PCT>.",
        "{Catatan|Laporan} {pertemuan|pembicaraan} {dengan|bersama} {Duta Besar|Konsul} <COUNTRY> {mengungkap|menyebutkan} {kekhawatiran|keberatan} {pemerintah|negara} {mereka|tersebut} {atas|terhadap} {kebijakan|rencana} {impor|ekspor|perizinan} {daerah|kita} {yang|dan} {belum|tidak} {disampaikan|diumumkan} {secara resmi|kepada publik}.",
    ],
    "17h1": [
        "{Menurut|Berdasarkan} {keterangan|hasil kunjungan rumah}, {yang bersangkutan|pegawai tersebut} {tinggal|hidup} {terpisah|berpisah} {dari|dengan} {istri|suami}nya {sejak|selama} <N> tahun {dan|serta} {menanggung|membiayai} <N> anak {dari|hasil} {perkawinan|pernikahan} {sebelumnya|pertama}.",
        "{Anak|Putra} {sulung|kedua} {yang bersangkutan|pemohon} {sedang|tengah} {menjalani|dalam} {masa|proses} {hukuman|rehabilitasi} {di|pada} {lembaga pemasyarakatan|panti rehabilitasi} {sehingga|dan} {keluarga|ia} {mengalami|menghadapi} {tekanan|kesulitan} {ekonomi|mental}.",
    ],
    "17h2": [
        "{Dokter|Psikiater} {pemeriksa|yang merawat} {menyatakan|menyimpulkan} {yang bersangkutan|pasien} {mengalami|menderita} {gangguan|penyakit} {<DISEASE>|kronis} {yang|dan} {memerlukan|membutuhkan} {pengobatan|kontrol} {jangka panjang|seumur hidup}.",
        "{Yang bersangkutan|Pegawai} {tidak masuk kerja|absen} {selama|sebanyak} <N> hari {karena|akibat} {menjalani|harus menjalani} {operasi|perawatan} {di|pada} {rumah sakit|RSUD} <CITY>{ setelah mengalami keguguran| akibat kecelakaan lalu lintas|}.",
        "{Tekanan darah|Gula darah|Kadar kolesterol} {pasien|yang bersangkutan} {tercatat|mencapai} <BIG> {mmHg|mg/dL} {dan|sehingga} {dinyatakan|dianggap} {tidak|belum} {layak|memenuhi syarat} {untuk|mengikuti} {tugas lapangan|pendidikan lanjutan}.",
    ],
    "17h3": [
        "{Rincian|Daftar} {utang|kewajiban} {yang bersangkutan|pemohon} {meliputi|terdiri atas} {kredit|pinjaman} {kendaraan|rumah} {di|pada} <BANK> {sebesar|senilai} <RP> {dan|serta} {pinjaman|utang} {daring|pribadi} <SMALL_RP>.",
        "{Rekening|Tabungan} {atas nama|milik} {yang bersangkutan|<NAME>} {nomor|no.} <ACCOUNT> {pada|di} <BANK> {menerima|mencatat} {transfer|setoran} {rutin|bulanan} {sebesar|senilai} <SMALL_RP> {dari|oleh} {pihak|orang} {yang tidak dikenal|lain}.",
    ],
    "17h4": [
        "{Dalam|Pada} {wawancara|tes} {kompetensi|jabatan}, {peserta|yang bersangkutan} {tidak mampu|gagal} {menjelaskan|menguraikan} {program|rencana} {kerja|strategis} {unitnya|bidangnya} {dan|serta} {memperoleh|mendapat} {nilai|skor} <SCORE> dari 100.",
        "{Atasan|Penilai} {mencatat|menilai} {bahwa|} {yang bersangkutan|pegawai} {kurang|tidak} {teliti|disiplin} {dalam|saat} {menyusun|mengelola} {laporan|anggaran} {sehingga|dan} {beberapa kali|berulang kali} {terjadi|menimbulkan} {kesalahan|selisih} {pembayaran|perhitungan}.",
    ],
    "17h5": [
        "{Mahasiswa|Siswa} {tersebut|itu} {tercatat|terdaftar} {mengulang|tidak lulus} {ujian|mata pelajaran} {matematika|bahasa Inggris|kimia} {sebanyak|hingga} <N> kali {dan|serta} {mendapat|memperoleh} {catatan|predikat} {kurang|buruk} {dalam|pada} {sikap|kehadiran}.",
    ],
    "17i": [
        "{Kami|Tim} {menyarankan|berpendapat} {agar|supaya} {Pimpinan|Kepala Daerah} {tidak|belum} {menandatangani|menyetujui} {permohonan|usulan} {tersebut|ini} {sebelum|hingga} {ada|diperoleh} {pendapat hukum|kajian} {dari|oleh} {Kejaksaan|Biro Hukum} {karena|mengingat} {risiko|potensi} {gugatan|kerugian} {cukup besar|tinggi}.",
        "{Beberapa|Sejumlah} {anggota|pimpinan} {DPRD|fraksi} {diperkirakan|diprediksi} {akan|bakal} {menolak|mempersoalkan} {rancangan|usulan} {ini|tersebut}, {sehingga|maka} {perlu|disarankan} {dilakukan|ditempuh} {pendekatan|lobi} {informal|terlebih dahulu} {sebelum|menjelang} {rapat paripurna|pembahasan}.",
        "{Secara|Dari sisi} {internal|anggaran}, {kami|tim} {menilai|melihat} {program|proyek} {ini|tersebut} {kurang|tidak} {layak|efektif} {dan|namun} {sulit|tidak mudah} {dihentikan|dibatalkan} {karena|sebab} {sudah|telah} {menjadi|termasuk} {janji|komitmen} {politik|kampanye} {Kepala Daerah|pimpinan}.",
        "{Opsi|Alternatif} {yang|paling} {kami|tim} {rekomendasikan|usulkan} {adalah|ialah} {menunda|menahan} {pengumuman|pelaksanaan} {kebijakan|program} {ini|tersebut} {hingga|sampai} {setelah|selesai} {masa|tahapan} {pemilihan|reses} {untuk|guna} {menghindari|mencegah} {polemik|kegaduhan}.",
        "{Hasil|Catatan} {rapat|pembahasan} {internal|terbatas} {menunjukkan|memperlihatkan} {perbedaan pendapat|ketidaksepakatan} {antara|di antara} {Bappeda|BPKAD} {dan|dengan} {Dinas|Sekretariat} {mengenai|tentang} {besaran|alokasi} {anggaran|dana} {yang|untuk} {diusulkan|dialokasikan}.",
    ],
    "17j": [
        "{Anak|Klien} {mengakui|menyesali} {perbuatannya|tindakannya} {dan|serta} {menyatakan|berjanji} {tidak akan|tak akan} {mengulanginya|mengulangi lagi}{, sementara korban telah memaafkan|; keluarga korban bersedia berdamai|}.",
        "{Menurut|Berdasarkan} {keterangan|hasil wawancara} {dengan|bersama} {guru|wali kelas|tetangga}, {klien|anak} {sering|kerap} {membolos|bergaul} {dan|dengan} {bergaul|berkumpul} {dengan|bersama} {remaja|anak-anak} {yang|putus sekolah yang} {lebih tua|sering mabuk}.",
        "{Visum et repertum|Hasil visum} {terhadap|atas} {korban|anak korban} {menunjukkan|menyatakan} {adanya|terdapat} {luka|robekan|memar} {akibat|karena} {kekerasan|benda tumpul} {pada|di} {bagian|daerah} {tubuh|kemaluan}.",
        "{Korban|Anak korban} {saat ini|kini} {mengalami|menderita} {trauma|ketakutan} {berat|mendalam} {dan|sehingga} {tidak|enggan} {mau|bersedia} {bersekolah|keluar rumah} {serta|dan} {menjalani|mengikuti} {pemulihan|konseling} {psikologis|di UPTD PPA}.",
        "{Wajib pajak|WP} {tersebut|atas nama <NAME>} {melaporkan|menyampaikan} {penghasilan|omzet} {yang|jauh} {lebih rendah|tidak sesuai} {dari|dengan} {data|hasil} {pihak ketiga|pemeriksaan}, {sehingga|dan} {diterbitkan|dikeluarkan} {surat ketetapan pajak kurang bayar|SKPKB} {senilai|sebesar} <RP>.",
        "{Nasabah|Debitur} {atas nama|bernama} <NAME> {memiliki|menyimpan} {deposito|tabungan} {di|pada} {bank|<BANK>} {senilai|sebesar} <RP> {yang|dan} {dijadikan|digunakan sebagai} {jaminan|agunan} {kredit|pinjaman} {usahanya|perusahaannya}.",
    ],
}
