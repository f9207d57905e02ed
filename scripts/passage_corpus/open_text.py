"""Open (public) sentences: the boilerplate of exempt documents and the body of public ones.

Many share vocabulary with exempt passages on purpose (a press release about an investigation,
an announcement of a tax rate already in force, the total HPS of a tender): these hard negatives
teach the classifier that words alone do not make a passage exempt."""

OPENINGS = [
    "{Sehubungan dengan|Menindaklanjuti|Memperhatikan} {surat|disposisi|nota dinas} {Saudara|Bapak|Kepala <OFFICE>} Nomor <LETTERNO> tanggal <DATE>, {bersama ini|dengan ini} kami {sampaikan|laporkan} {hal-hal|beberapa hal} sebagai berikut.",
    "Dengan hormat, {bersama ini|melalui surat ini} kami {sampaikan|menyampaikan} {laporan|telaahan|keterangan} {mengenai|tentang} {hal tersebut di atas|pokok permasalahan} {untuk menjadi bahan pertimbangan|sebagai bahan} Bapak/Ibu.",
    "{Dalam rangka|Untuk} {pelaksanaan|mendukung} {tugas|program} {<OFFICE>|pemerintah daerah} {tahun anggaran <YEAR>|tahun <YEAR>}, {berikut|bersama ini} {disampaikan|kami sampaikan} {uraian|laporan} {kegiatan|pelaksanaan} {sebagai berikut|di bawah ini}.",
    "Yang bertanda tangan di bawah ini {menerangkan|menyatakan} {dengan sebenarnya|bahwa}:",
]
CLOSINGS = [
    "Demikian {laporan|telaahan|surat keterangan|berita acara} ini {dibuat|disampaikan} {dengan sebenarnya|untuk dipergunakan sebagaimana mestinya|untuk menjadi perhatian}.",
    "Demikian {disampaikan|kami sampaikan}, {atas perhatian dan kerja samanya|atas perhatian Bapak/Ibu} {diucapkan terima kasih|kami ucapkan terima kasih}.",
    "{Mohon|Dimohon} {arahan|petunjuk|keputusan} {Bapak|Ibu|Pimpinan} lebih lanjut.",
    "{Surat keterangan|Laporan} ini {berlaku|dibuat} {sejak tanggal dikeluarkan|untuk keperluan administrasi}.",
    "{Atas|Untuk} perhatian {Saudara|Bapak/Ibu}, kami {ucapkan|sampaikan} terima kasih.",
]
NEUTRAL = {
    "bap": [
        "Apakah Saudara {dalam keadaan sehat jasmani dan rohani|sehat} {serta|dan} bersedia {diperiksa|memberikan keterangan} {hari ini|pada saat ini}?",
        "Ya, saya {dalam keadaan sehat|sehat jasmani dan rohani} dan bersedia memberikan keterangan yang {sebenarnya|sebenar-benarnya}.",
        "Apakah Saudara {mengerti|paham} {mengapa|sebabnya} Saudara {diperiksa|dimintai keterangan} {hari ini|saat ini}?",
        "Apakah {masih ada|ada} keterangan lain yang {akan|ingin} Saudara {tambahkan|sampaikan}?",
        "{Cukup|Tidak ada lagi}, {semua|seluruh} keterangan saya sudah {benar|saya sampaikan}.",
        "Setelah berita acara ini selesai dibuat, {kemudian|lalu} dibacakan kembali kepada yang diperiksa {dan|lalu} ia {menyatakan|membenarkan} {setuju|seluruh isinya} {dengan membubuhkan tanda tangan|}.",
        "Pemeriksaan {dilakukan|dilaksanakan} di ruang {penyidik|pemeriksaan} {Satreskrim|unit <N>} {pada pukul|mulai pukul} {09.00|10.30|13.00} {WIB|WITA|WIT}.",
    ],
    "memo": [
        "{Rapat|Pertemuan} {koordinasi|lanjutan} {akan|direncanakan} {dilaksanakan|diadakan} {di ruang rapat|di aula} {lantai <N>|<OFFICE>} {pada|hari} <DATE>.",
        "{Bersama ini|Terlampir} kami {sampaikan|lampirkan} {salinan|fotokopi} {surat|dokumen} {terkait|pendukung} sebagai bahan {pertimbangan|kelengkapan}.",
        "{Pelaksanaan|Penyelesaian} {kegiatan|tugas} {ini|tersebut} {dikoordinasikan|dilakukan} oleh {Sekretaris|Kepala Bagian|Kepala Bidang} {<OFFICE>|terkait}.",
        "{Mengingat|Karena} sifatnya, {nota dinas|dokumen|surat} ini {agar|supaya} tidak {digandakan|disebarluaskan} {di luar|kepada selain} {pejabat|pihak} yang {dituju|berkepentingan}.",
    ],
    "medical": [
        "{Yang bertanda tangan|Kami} {di bawah ini|dokter pemeriksa} {Dokter|dokter} {pada|di} {RSUD|Puskesmas|Klinik} <CITY> {menerangkan|menyatakan} bahwa {telah|sudah} {memeriksa|melakukan pemeriksaan terhadap}:",
        "{Surat keterangan|Keterangan} ini {diberikan|dibuat} {untuk|guna} {keperluan|kelengkapan} {pengajuan cuti|administrasi kepegawaian|klaim asuransi}.",
        "{Pemeriksaan|Konsultasi} {dilakukan|dilaksanakan} {di|pada} {poliklinik|instalasi rawat jalan} {pada|tanggal} <DATE>.",
    ],
    "tender": [
        "{Pekerjaan|Paket pekerjaan} {ini|tersebut} {dibiayai|bersumber} dari {APBD|DAK|DAU} <REGION> {Tahun Anggaran|TA} <YEAR>.",
        "{Dokumen|Berkas} {ini|HPS} {disusun|ditetapkan} oleh Pejabat Pembuat Komitmen {berdasarkan|dengan memperhatikan} {Perpres Nomor 16 Tahun 2018|ketentuan pengadaan barang/jasa} {dan perubahannya|}.",
        "{Jangka waktu|Waktu} pelaksanaan {pekerjaan|kegiatan} {adalah|selama} <N>0 hari kalender {terhitung sejak|sejak} {penandatanganan kontrak|SPMK diterbitkan}.",
    ],
    "family": [
        "{Ahli waris|Para ahli waris} {yang sah|dari almarhum} {adalah|terdiri atas} {istri|suami} {dan|beserta} <N> {orang anak|anak kandung} {sebagaimana|seperti} {tercantum|tersebut} {dalam|pada} {daftar|tabel} {di bawah ini|berikut}.",
        "{Surat keterangan|Keterangan} ini {dikuatkan|diketahui} oleh {Lurah|Kepala Desa} dan {Camat|Kepala Kecamatan} {setempat|<CITY>}.",
        "{Almarhum|Almarhumah} {meninggal dunia|wafat} {pada|tanggal} <DATE> {di|di rumah sakit} <CITY>.",
    ],
    "security": [
        "{Dasar|Pedoman} {pelaksanaan|kegiatan}: {Undang-Undang|Peraturan} {Nomor <N> Tahun <YEAR>|terkait} {tentang|mengenai} {Pemilihan|Ketertiban Umum|Penyelenggaraan Pengamanan}.",
        "{Tujuan|Maksud} {kegiatan|rencana} ini {adalah|yaitu} {terciptanya|mewujudkan} {situasi|kondisi} {yang aman dan kondusif|aman, tertib, dan lancar} {selama|pada} {tahapan|pelaksanaan} {pemilihan|kegiatan}.",
        "{Seluruh|Semua} {unsur|satuan} {pelaksana|pengamanan} {agar|supaya} {melaporkan|menyampaikan} {perkembangan|situasi} {secara berkala|setiap <N> jam} {kepada|ke} {pos komando|Posko}.",
    ],
    "geology": [
        "{Kegiatan|Penyelidikan} {eksplorasi|lapangan} {dilaksanakan|dilakukan} {pada|selama} {bulan|} <MONTH> {sampai dengan|hingga} <MONTH> <YEAR> {oleh|bersama} {tim|konsultan} {geologi|<COMPANY>}.",
        "{Metode|Cara} {yang digunakan|penyelidikan} {meliputi|adalah} {pemetaan geologi|pengambilan conto|pengukuran topografi} {dan|serta} {analisis laboratorium|pemboran inti}.",
    ],
    "fiscal": [
        "{Kajian|Naskah} ini {disusun|dibuat} {oleh|bersama} {Bidang Pendapatan|tim teknis} {sebagai|untuk} bahan {pertimbangan|pembahasan} {pimpinan|TAPD}.",
        "{Realisasi|Capaian} {penerimaan|pendapatan} {pajak daerah|PBB-P2} {tahun lalu|tahun <YEAR>} {mencapai|sebesar} <PCT> dari target.",
    ],
    "diplomatic": [
        "{Bersama ini|Dengan hormat,} kami {laporkan|sampaikan} {hasil|perkembangan} {pertemuan|pembahasan} {dengan|bersama} {delegasi|perwakilan} {dari|} <COUNTRY> {pada|tanggal} <DATE> {di|bertempat di} <CITY>.",
        "{Kerja sama|Hubungan} {kota kembar|sister city|antardaerah} {ini|tersebut} {telah|sudah} {berjalan|dirintis} {sejak|mulai} tahun <YEAR>.",
    ],
    "personnel": [
        "{Data|Identitas} pegawai {yang bersangkutan|tersebut} {tercantum|tersebut} {pada|dalam} {lampiran|tabel} {surat ini|di bawah}.",
        "{Penilaian|Evaluasi} {dilaksanakan|dilakukan} {oleh|bersama} {Tim Penilai Kinerja|Panitia Seleksi|BKPSDM} {pada|tanggal} <DATE>.",
    ],
    "school": [
        "{Laporan|Catatan} ini {disusun|dibuat} oleh {wali kelas|guru BK|dosen wali} {untuk|sebagai} {bahan|laporan} {rapat|pertemuan} {dengan orang tua|dewan guru}.",
    ],
}

# Bodies of public documents (all open): press releases, announcements, SOPs, regulations, budgets...
PUBLIC = {
    "press": [
        "{Wali Kota|Bupati|Gubernur|Sekretaris Daerah} <REGION> {meresmikan|membuka|meninjau} {gedung|layanan|program} {<OFFICE>|pelayanan terpadu|pasar rakyat} {pada|hari} <DATE> {yang dihadiri|dengan dihadiri} {unsur Forkopimda|ratusan warga|para camat}.",
        "{Dalam sambutannya|Dalam keterangannya}, {ia|beliau} {menyampaikan|menegaskan} bahwa {pemerintah daerah|Pemda} {berkomitmen|terus berupaya} {meningkatkan|memperbaiki} {kualitas|mutu} {pelayanan publik|layanan kesehatan|pendidikan} {bagi|kepada} {seluruh|semua} warga.",
        "{Kepolisian|Polres|Kejaksaan Negeri} {telah menetapkan|menetapkan} <N> {orang|tersangka} {dalam|pada} {kasus|perkara} {dugaan|} {korupsi|penyalahgunaan} {dana desa|anggaran} {dan|serta} {menyerahkan|melimpahkan} berkas {perkara|} ke {kejaksaan|pengadilan}, {kata|ujar} {Kasat Reskrim|Kepala Seksi Intelijen} {dalam konferensi pers|kepada wartawan}.",
        "{Program|Kegiatan} {vaksinasi|pemeriksaan kesehatan gratis|skrining TBC|posyandu} {telah menjangkau|diikuti} <BIG> {warga|peserta} {di|pada} <N> {kecamatan|puskesmas} {selama|sepanjang} {tahun <YEAR>|bulan <MONTH>}.",
        "{Pemerintah daerah|Pemkot|Pemkab} {menandatangani|meneken} {nota kesepahaman|MoU|perjanjian kerja sama} {dengan|bersama} {pemerintah|kota} {<CITY>|mitra} {di|dari} <COUNTRY> {di bidang|tentang} {pendidikan vokasi|pariwisata|pengelolaan sampah} {yang disaksikan|disaksikan oleh} {Duta Besar|Konsul Jenderal} {negara tersebut|mereka}.",
        "{Realisasi|Capaian} {pendapatan asli daerah|penerimaan pajak daerah} {hingga|sampai} {akhir|triwulan III} <YEAR> {mencapai|tercatat} <RP> {atau|sekitar} <PCT> {dari|terhadap} target, {ujar|kata} Kepala {Bapenda|BPKAD}.",
        "{Satpol PP|Tim gabungan} {menertibkan|menata} <N> {lapak pedagang kaki lima|reklame liar|bangunan tanpa izin} {di|sepanjang} {Jalan|kawasan} <GIVEN> {setelah|usai} {diberi|memberikan} {surat peringatan|teguran} {sebanyak tiga kali|sebelumnya}.",
        "{Masyarakat|Warga} {yang ingin|dapat} {mengajukan|menyampaikan} {permohonan informasi|pengaduan} {dapat|bisa} {datang langsung|menghubungi} {ke|melalui} {Meja Layanan PPID|kanal LAPOR!|laman resmi} {pada hari dan jam kerja|setiap hari kerja}.",
        "{Pemerintah|Pemda} {menyalurkan|membagikan} {bantuan|beasiswa} {kepada|bagi} <BIG> {penerima|siswa|keluarga} {dengan total|senilai} <RP> {yang bersumber dari|melalui} {APBD|dana bagi hasil}.",
        "{Menurut|Berdasarkan} {data|catatan} {BMKG|BPBD}, {curah hujan|banjir} {tinggi|rob} {diperkirakan|berpotensi} {terjadi|melanda} {hingga|sampai} {akhir|pertengahan} <MONTH>, {sehingga|maka} warga {diimbau|diminta} {waspada|berhati-hati}.",
        "{Izin usaha pertambangan|IUP} {operasi produksi|eksplorasi} {untuk|atas} {komoditas|} <MINERAL> {telah|resmi} {diterbitkan|diumumkan} {melalui|di} {sistem|laman} {perizinan|Online Single Submission} {sesuai|berdasarkan} {ketentuan|peraturan} {yang berlaku|perundang-undangan}.",
        "{Kegiatan|Upacara} {peringatan|HUT} {Bhayangkara|Satpol PP|Hari Jadi} {ke-<N>|tahun ini} {diramaikan|dimeriahkan} {dengan|oleh} {pameran|bakti sosial|donor darah} {yang|dan} {terbuka untuk umum|diikuti pelajar}.",
    ],
    "announcement": [
        "{Sehubungan dengan|Dalam rangka} {cuti bersama|libur nasional|pemeliharaan sistem}, {layanan|pelayanan} {<OFFICE>|PPID|perizinan} {ditutup|tidak tersedia} {pada|mulai} <DATE> {dan|lalu} {dibuka kembali|kembali normal} {pada|tanggal} <DATE>.",
        "{Pendaftaran|Penerimaan} {calon|peserta} {pelatihan kerja|beasiswa daerah|PPPK} {dibuka|dilaksanakan} {mulai|dari} <DATE> {sampai dengan|hingga} <DATE> {melalui|di} {laman|aplikasi} {resmi|<OFFICE>}.",
        "{Persyaratan|Syarat} {pendaftaran|permohonan} {meliputi|adalah} {fotokopi KTP|surat lamaran|ijazah terakhir} {dan|serta} {pas foto|surat keterangan sehat} {yang|dengan} {masih berlaku|terbaru}.",
        "{Hasil|Pengumuman} {seleksi administrasi|kelulusan} {dapat|bisa} {dilihat|diunduh} {di|pada} {laman|papan pengumuman} {resmi|kantor} {<OFFICE>|panitia} {mulai|pada} <DATE>.",
        "{Informasi|Keterangan} lebih lanjut {dapat|bisa} {diperoleh|ditanyakan} {melalui|di} {pusat panggilan|nomor layanan} {<OFFICE>|kantor} {pada jam kerja|setiap hari kerja}.",
        "{Tarif|Besaran} {retribusi|pajak} {parkir|pasar|PBB-P2} {yang berlaku|yang baru} {sesuai|berdasarkan} {Peraturan Daerah|Perda} {Nomor <N> Tahun <YEAR>|yang telah ditetapkan} {adalah|yaitu} <SMALL_RP> {per|untuk} {kendaraan|meter persegi|tahun} {dan|yang} {mulai berlaku|berlaku sejak} <DATE>.",
        "{Batas akhir|Jatuh tempo} {pembayaran|pelunasan} {PBB-P2|pajak kendaraan|retribusi} {tahun <YEAR>|tahun ini} {adalah|yaitu} <DATE>{; wajib pajak yang membayar tepat waktu mendapat potongan <PCT>|}.",
    ],
    "sop": [
        "{Petugas|Staf} {layanan|informasi} {menerima|mencatat} {permohonan|formulir} {dan|lalu} {memeriksa|meneliti} {kelengkapan|keabsahan} {persyaratan|berkas} {dalam waktu|paling lama} <N> {menit|hari kerja}.",
        "{Apabila|Jika} {berkas|persyaratan} {belum lengkap|tidak lengkap}, {petugas|staf} {mengembalikan|menyerahkan kembali} {berkas|formulir} {kepada|ke} pemohon {disertai|dengan} {catatan|penjelasan} {kekurangan|yang harus dilengkapi}.",
        "{PPID|Atasan PPID} {memberikan|menyampaikan} {tanggapan|jawaban} {tertulis|} {paling lambat|dalam waktu} <N> hari kerja {sejak|setelah} {permohonan|berkas} {diterima|dicatat} {dan dapat diperpanjang|}.",
        "{Pemohon|Pengguna layanan} {yang tidak puas|yang keberatan} {dapat|berhak} {mengajukan|menyampaikan} {keberatan|sengketa} {kepada|ke} {Atasan PPID|Komisi Informasi} {dalam jangka waktu|paling lambat} <N> hari kerja.",
        "{Standar|Waktu} {pelayanan|penyelesaian} {rekam medis|permohonan salinan rekam medis} {di|pada} {rumah sakit|RSUD} {adalah|paling lama} <N> hari kerja {dengan|dan} {wajib|harus} {melampirkan|membawa} {identitas|KTP} pasien.",
        "{Setiap|Seluruh} {pegawai|petugas} {wajib|harus} {menjaga|menjamin} kerahasiaan {data pribadi|identitas} {pemohon|pengadu|pasien} {sesuai|sebagaimana diatur dalam} {Undang-Undang Pelindungan Data Pribadi|ketentuan yang berlaku}.",
        "{Dokumen|Arsip} {yang telah|yang sudah} {diproses|selesai} {disimpan|diarsipkan} {secara|dalam} {elektronik|sistem informasi} {paling sedikit|selama} <N> tahun.",
    ],
    "regulation": [
        "{Menimbang|bahwa} {bahwa|} untuk {melaksanakan|menindaklanjuti} ketentuan Pasal <N> {Undang-Undang|Peraturan Pemerintah} Nomor <N> Tahun <YEAR>, perlu {menetapkan|membentuk} Peraturan {Wali Kota|Bupati|Daerah} tentang {Pengelolaan Informasi|Retribusi|Tata Naskah Dinas}.",
        "{Setiap|Seluruh} Badan Publik {wajib|harus} {menyediakan|mengumumkan} {Informasi Publik|informasi} {secara berkala|setiap saat} {melalui|dengan} {media|sarana} yang {mudah dijangkau|tersedia} {oleh masyarakat|}.",
        "{PPID|Pejabat Pengelola Informasi dan Dokumentasi} {bertugas|berwenang} {menetapkan|menyusun} {daftar informasi publik|klasifikasi informasi} {dan|serta} {melakukan|menyelenggarakan} uji konsekuensi {secara saksama|dengan cermat}.",
        "{Peraturan|Keputusan} ini {mulai berlaku|berlaku} {pada tanggal diundangkan|sejak ditetapkan}, {dan|serta} {agar|supaya} setiap orang {mengetahuinya|dapat mengetahuinya}, {memerintahkan|diperintahkan} pengundangannya {dengan penempatannya|} {dalam|pada} Berita Daerah.",
        "Tarif {Pajak|Retribusi} {<GIVEN>|Parkir|Hotel|Restoran} {ditetapkan|sebesar} <PCT> {dari|atas} {dasar pengenaan|nilai} {pajak|transaksi}.",
        "{Ketentuan|Tata cara} {lebih lanjut|teknis} {mengenai|tentang} {pelaksanaan|penyelenggaraan} {Peraturan ini|layanan informasi} {diatur|ditetapkan} {dengan|dalam} {Keputusan Kepala Dinas|Peraturan Wali Kota|Keputusan Bupati}.",
        "{Dengan|Pada saat} Peraturan ini mulai berlaku, {Peraturan|Keputusan} {Wali Kota|Bupati} Nomor <N> Tahun <YEAR> {dicabut|dinyatakan tidak berlaku}.",
    ],
    "budget": [
        "{Pendapatan daerah|Pendapatan Asli Daerah|Belanja daerah|Belanja modal} {Tahun Anggaran|TA} <YEAR> {direncanakan|dianggarkan|ditetapkan} sebesar <RP>.",
        "{Belanja|Alokasi} {pegawai|barang dan jasa|modal|tidak terduga} {dialokasikan|direncanakan} {sebesar|senilai} <RP> {atau|yaitu} <PCT> {dari|terhadap} total belanja.",
        "{Defisit|Surplus} anggaran {sebesar|senilai} <RP> {ditutup|dimanfaatkan} {dari|untuk} {Sisa Lebih Perhitungan Anggaran|pembiayaan daerah}.",
        "{Rekening Kas Umum Daerah|RKUD} {berada|dikelola} {di|pada} <BANK> {dengan|dan} {NPWP|nomor} {instansi|bendahara} {tercantum|sesuai} {dalam|pada} {dokumen|lampiran} {pelaksanaan anggaran|DPA}.",
        "{Laporan|Ringkasan} {realisasi|pelaksanaan} {APBD|anggaran} {ini|tersebut} {telah|sudah} {diaudit|diperiksa} {oleh BPK|Badan Pemeriksa Keuangan} {dengan opini|dan memperoleh opini} {Wajar Tanpa Pengecualian|WTP}.",
        "{Gaji|Penghasilan} {pokok|} {PNS|ASN} {golongan|} {III/a|II/c|IV/a} {sesuai|berdasarkan} {Peraturan Pemerintah|PP} {tentang gaji|Nomor <N> Tahun <YEAR>} {berkisar|adalah} {antara|} <SMALL_RP> {sampai|hingga} <SMALL_RP> per bulan.",
    ],
    "procurement": [
        "{Nilai|Total nilai} {HPS|Harga Perkiraan Sendiri} {paket|untuk paket} {pekerjaan|} {ini|tersebut} {adalah|sebesar|ditetapkan} <RP> {termasuk PPN|sudah termasuk pajak}.",
        "{Pagu|Pagu anggaran|Pagu dana} {kegiatan|paket} {adalah|sebesar} <RP> {yang bersumber dari|dari} {APBD|DAK} {Tahun Anggaran|TA} <YEAR>.",
        "{Pemenang|Penyedia terpilih} {tender|seleksi} {adalah|yaitu} <COMPANY> {dengan|dengan harga} {nilai penawaran terkoreksi|harga penawaran} <RP> {dan|serta} {nilai kontrak|kontrak ditandatangani senilai} <RP>.",
        "{Peserta|Penyedia} {yang berminat|yang memenuhi syarat} {dapat|bisa} {mengunduh|mengakses} {dokumen pemilihan|dokumen tender} {melalui|pada} {LPSE|SPSE} <REGION> {mulai|sejak} <DATE>.",
        "{Masa sanggah|Masa sanggah hasil tender} {berlangsung|dibuka} {selama|untuk} <N> hari kalender {sejak|setelah} pengumuman {pemenang|hasil}.",
        "{Jadwal|Tahapan} {pembukaan|evaluasi} {dokumen penawaran|penawaran} {dilaksanakan|diumumkan} {secara elektronik|secara daring} {pada|tanggal} <DATE> {pukul|jam} {10.00|13.00} WIB.",
    ],
    "contract": [
        "{Pihak Kedua|Penyedia} {wajib|harus} {menyelesaikan|melaksanakan} {pekerjaan|pengadaan} {sesuai|berdasarkan} {spesifikasi teknis|gambar kerja} {dalam waktu|paling lambat} <N>0 hari kalender.",
        "{Nilai|Harga} {kontrak|perjanjian} {ini|tersebut} {adalah|sebesar} <RP> {termasuk|sudah termasuk} {PPN|pajak-pajak}.",
        "{Pembayaran|Pelunasan} {dilakukan|dibayarkan} {secara|dengan} {termin|bertahap} {berdasarkan|sesuai} {kemajuan|prestasi} pekerjaan {yang|dan} {telah|sudah} {diperiksa|disetujui} {oleh|} {PPK|Pejabat Pembuat Komitmen}.",
        "{Apabila|Jika} {terjadi|timbul} {keterlambatan|perselisihan}, {Pihak Kedua|para pihak} {dikenai|menyelesaikan} {denda|secara musyawarah} {sebesar|} {1/1000|satu per seribu|} {dari nilai kontrak per hari|terlebih dahulu}.",
    ],
    "court": [
        "{Menyatakan|Menetapkan} {Terdakwa|terdakwa} <NAME> {terbukti|telah terbukti} secara sah dan meyakinkan bersalah melakukan tindak pidana {korupsi|penipuan|penggelapan} {sebagaimana dalam|dalam} dakwaan {primair|kesatu|alternatif kedua}.",
        "{Menjatuhkan|Menghukum} pidana {kepada|terhadap} Terdakwa {oleh karena itu|} {dengan pidana penjara|berupa penjara} selama <N> {tahun|bulan} {dan denda|serta denda} <RP>.",
        "{Menimbang|Bahwa}, {bahwa|} {berdasarkan|dari} keterangan saksi-saksi {dan|serta} {barang bukti|alat bukti} {yang diajukan|di persidangan}, {Majelis Hakim|majelis} {memperoleh|mendapat} fakta hukum sebagai berikut.",
        "{Membebankan|Menetapkan} biaya perkara {kepada|pada} Terdakwa sebesar <SMALL_RP>.",
    ],
    "sp3": [
        "{Penyidikan|Proses penyidikan} {perkara|atas laporan} {dugaan|} {penggelapan|penipuan} {dengan|atas} {terlapor|tersangka} <NAME> {dihentikan|dinyatakan dihentikan} {karena|sebab} {tidak terdapat cukup bukti|peristiwa tersebut bukan tindak pidana}.",
        "{Surat ketetapan|Ketetapan} {ini|tersebut} {disampaikan|diberitahukan} {kepada|ke} {pelapor|penuntut umum} {dan|serta} {terlapor|keluarganya} {untuk diketahui|sebagai pemberitahuan}.",
    ],
    "report": [
        "{Capaian|Realisasi} {indikator kinerja utama|IKU} {<OFFICE>|dinas} {tahun <YEAR>|pada tahun berjalan} {mencapai|sebesar} <PCT> {dari|terhadap} target yang ditetapkan {dalam|pada} {Renstra|RPJMD}.",
        "{Jumlah|Sebanyak} <BIG> {permohonan informasi|pengaduan masyarakat|kunjungan} {diterima|tercatat} {sepanjang|selama} {tahun <YEAR>|triwulan ini}, {dengan|dan} <PCT> {di antaranya|} {diselesaikan|dipenuhi} {tepat waktu|dalam <N> hari kerja}.",
        "{Kendala|Hambatan} {utama|yang dihadapi} {adalah|yaitu} {keterbatasan|kurangnya} {sumber daya manusia|anggaran|sarana} {dan|serta} {jaringan internet|koordinasi antarperangkat daerah} {yang belum memadai|yang masih lemah}.",
        "{Angka|Jumlah} {kasus|penderita} {demam berdarah|TBC|stunting} {di|pada} {wilayah|<REGION>} {turun|menurun} {menjadi|hingga} <BIG> {kasus|balita} {pada|di} tahun <YEAR>{ berkat kegiatan pemberantasan sarang nyamuk|}.",
        "{Rata-rata|Nilai rata-rata} {hasil ujian|nilai rapor} {siswa|peserta didik} {SD dan SMP|se-kabupaten} {tahun ajaran|TA} <YEAR> {meningkat|naik} {menjadi|sebesar} <SCORE>.",
        "{Sebanyak|Jumlah} <BIG> {pegawai|ASN} {mengikuti|telah mengikuti} {uji kompetensi|pelatihan kepemimpinan|asesmen} {pada|selama} tahun <YEAR> {dan|dengan} <PCT> {dinyatakan|di antaranya} {memenuhi syarat|kompeten}.",
    ],
    "invitation": [
        "{Dengan hormat|Mengharap kehadiran}, {kami|} {mengundang|mengharapkan kehadiran} {Bapak/Ibu/Saudara|Saudara} {untuk|dalam} {menghadiri|mengikuti} {rapat koordinasi|sosialisasi|bimbingan teknis} {yang akan dilaksanakan pada|pada}:",
        "{Mengingat|Karena} pentingnya acara {tersebut|ini}, {dimohon|diharapkan} {hadir|kehadiran} {tepat waktu|secara langsung} {dan|serta} {membawa|menyiapkan} {bahan paparan|data pendukung}.",
        "{Acara|Kegiatan} {dilaksanakan|bertempat} {di|pada} {Ruang Rapat|Aula} {<GIVEN>|utama} {<OFFICE>|Balai Kota} {pukul|mulai pukul} {09.00|13.30} {WIB|WITA} {sampai dengan selesai|}.",
    ],
    "lhkpn": [
        "{Total|Jumlah} harta kekayaan {Bupati|Wali Kota|Kepala Daerah} {yang diumumkan|berdasarkan pengumuman} {LHKPN|KPK} {tahun <YEAR>|periodik} {adalah|sebesar} <RP>.",
    ],
}
