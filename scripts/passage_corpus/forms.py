"""Forms, citizens' letters and complaint registers: everyday PPID documents whose text is open
(the personal data in them is the identifier detectors' business, not a passage)."""

FORM_LINES = [
    "{☐|□|[ ]|O} {Melihat|Membaca|Mendengarkan|Mencatat}{/membaca|}{/mencatat|} {informasi|dokumen}",
    "{☐|□|[ ]} {Mendapatkan|Memperoleh} salinan informasi {(hardcopy/softcopy)|dalam bentuk cetak|dalam bentuk elektronik}",
    "{*|**|***} {Coret|Pilih} {yang tidak perlu|salah satu dengan memberi tanda centang}.",
    "{Cara|Metode} {memperoleh|mendapatkan} informasi{:|} {mengambil langsung|dikirim melalui pos|dikirim melalui surel|melihat di tempat}.",
    "{Rincian|Uraian} informasi yang {dibutuhkan|diminta}: {salinan|dokumen} {laporan keuangan|daftar penerima bantuan|rencana kerja|kontrak pengadaan} {<OFFICE>|desa} tahun <YEAR>.",
    "{Tujuan|Alasan} {penggunaan|permintaan} informasi: {untuk|sebagai} {bahan penelitian skripsi|bahan pemberitaan|kepentingan advokasi warga|pengawasan penggunaan anggaran|bahan kajian lembaga}.",
    "{Pemohon|Saya} {bersedia|sanggup} {membayar|menanggung} biaya {penggandaan|pengiriman} {informasi|dokumen} {sesuai|berdasarkan} ketentuan yang berlaku.",
    "{Formulir|Permohonan} ini {diisi|dibuat} {dengan sebenarnya|oleh pemohon} {dan|serta} {ditandatangani|disampaikan} {di|kepada} {Meja Layanan|petugas} PPID.",
    "{Nomor|No.} {pendaftaran|register} permohonan {diisi oleh petugas|akan diberikan petugas}.",
    "{Dengan ini|Bersama ini} saya {mengajukan|menyampaikan} permohonan {informasi publik|salinan dokumen} {kepada|ke} PPID {<OFFICE>|<REGION>} {sebagai berikut|dengan rincian berikut}.",
    "{Demikian|Atas} {permohonan|surat} ini {saya sampaikan|dibuat}, {atas perhatian|atas bantuan} {Bapak/Ibu|PPID} saya {ucapkan|sampaikan} terima kasih.",
    "{Apabila|Jika} {informasi|dokumen} {tersebut|yang diminta} {memuat|berisi} data pribadi, {saya|kami} {bersedia|setuju} {menerima|diberikan} salinan yang {telah dihitamkan|sudah dikaburkan} {pada bagian tersebut|sebagian}.",
]
COMPLAINTS_OPEN = [
    "{Jalan|Saluran air} {berlubang|rusak|tersumbat} di {depan|dekat} {gang rumah saya|sekolah|masjid} {di|} {Jl.|Jalan} <GIVEN> {sudah|telah} {lebih dari|sekitar} <N> bulan {belum|tidak} {diperbaiki|ditangani} {dan|sehingga} {membahayakan|mengganggu} {pengendara|warga}.",
    "{Lampu|Penerangan} jalan {di|sepanjang} {Jalan|Jl.} <GIVEN> {padam|mati} {sejak|selama} {dua minggu|sebulan|<N> hari} {sehingga|dan} {rawan|sering terjadi} {kecelakaan|kejahatan} {pada malam hari|di malam hari}.",
    "{Sampah|Tumpukan sampah} di {TPS|pinggir jalan|pasar} {Kelurahan|dekat} <GIVEN> {tidak|belum} {diangkut|dibersihkan} {selama|sudah} <N> hari {dan|sehingga} {menimbulkan|menyebabkan} bau {tidak sedap|busuk}.",
    "{Juru parkir|Petugas parkir} {liar|tanpa seragam} di {depan|sekitar} {minimarket|pasar|rumah sakit} {Jalan|Jl.} <GIVEN> {menarik|memungut} {tarif|uang parkir} <SMALL_RP> {untuk|bagi} {motor|mobil} {tanpa|dan tidak memberi} karcis.",
    "{Antrean|Pelayanan} {di|pada} {kantor|loket} {Disdukcapil|puskesmas|Samsat} {sangat|terlalu} {lama|panjang} {dan|karena} {sistem|aplikasi} {sering|kerap} {gangguan|tidak bisa diakses}.",
    "{Banjir|Genangan air} {setinggi|sedalam} <N>0 cm {selalu|sering} {terjadi|muncul} di {perumahan|kawasan} <GIVEN> {setiap|saat} hujan deras {karena|akibat} {drainase|gorong-gorong} {terlalu kecil|tersumbat}.",
    "{Ibu|Ayah|Orang tua} saya {atas nama|bernama} <NAME> {tidak lagi|belum} {menerima|mendapat} {bantuan|BPNT|PKH} {sejak|mulai} {bulan|} <MONTH> <YEAR> {padahal|walaupun} {masih|tetap} {terdaftar|termasuk} {sebagai|dalam} {penerima|data} {dan|serta} {tidak|belum} {ada|pernah ada} {pemberitahuan|penjelasan}.",
    "{Status|Tindak lanjut}: {diteruskan|didisposisikan} {kepada|ke} {<OFFICE>|dinas terkait} {pada|tanggal} <DATE>{; menunggu tanggapan|; selesai ditangani|}.",
    "{Kanal|Sumber} {aduan|laporan}: {LAPOR!|SP4N|WhatsApp pengaduan|surat langsung}; {kategori|klasifikasi}: {infrastruktur|pelayanan publik|kebersihan|bantuan sosial}.",
    "{Pelapor|Pengadu} {meminta|mengharapkan} {agar|supaya} {permasalahan|keluhan} {tersebut|ini} {segera|dapat} {ditindaklanjuti|diselesaikan} {oleh|dari} {dinas terkait|pemerintah daerah}.",
]
COMPLAINT_HEADERS = [
    "{DOKUMEN INTERNAL|REKAP INTERNAL} - {memuat|berisi} {identitas|data} {pelapor|pengadu}, {tidak untuk dipublikasikan|hanya untuk petugas}",
    "{Rekapitulasi|Daftar} {aduan|pengaduan} masyarakat {periode|bulan} <MONTH> <YEAR>",
]
BAP_QUESTIONS = [
    "{Apakah|Benarkah} Saudara {mengenal|kenal dengan} {terlapor|tersangka|orang tersebut} {dan|serta} {sejak kapan|bagaimana} Saudara {mengenalnya|berkenalan}?",
    "{Jelaskan|Terangkan} {kronologi|urutan} {kejadian|peristiwa} {yang Saudara alami|tersebut} {secara rinci|dengan jelas}!",
    "{Siapa saja|Siapa} yang {mengetahui|melihat|menyaksikan} {kejadian|peristiwa} {tersebut|itu}?",
    "{Di mana|Kapan} {kejadian|peristiwa} {tersebut|itu} {terjadi|berlangsung}?",
    "{Apakah|Adakah} {barang bukti|dokumen} yang {dapat|bisa} Saudara {serahkan|tunjukkan} {kepada pemeriksa|sebagai bukti}?",
    "{Berapa|Berapakah} {jumlah|besar} {kerugian|uang} yang Saudara {alami|serahkan} {akibat|dalam} kejadian {tersebut|itu}?",
    "{Ya|Benar}, saya {mengerti|paham} {dan|serta} {bersedia|siap} {menjawab|memberikan keterangan}.",
    "{Tidak ada|Cukup}, {semua|seluruh} {keterangan|jawaban} saya {sudah|telah} {benar|saya sampaikan}.",
]
