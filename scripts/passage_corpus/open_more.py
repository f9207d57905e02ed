"""More open sentences that sit inside exempt documents: background, method, legal basis, public facts
already announced, statements about the document itself. They teach the classifier that an exempt
document is not exempt from its first line to its last."""

BACKGROUND = {
    "bap": [
        "Pemeriksaan ini {dilakukan|dilaksanakan} {berdasarkan|sesuai} {Laporan Polisi|laporan pengaduan} Nomor LP/B/<N>/<MONTH>/<YEAR> {tanggal|tertanggal} <DATE>.",
        "{Pada hari ini|Hari ini} <DATE> {sekitar|pukul} {09.00|10.15|13.30} WIB, {saya|kami} {penyidik|penyidik pembantu} {pada|di} {Satreskrim|Unit Reskrim} {telah|} {melakukan pemeriksaan|memeriksa} {terhadap|seorang}:",
        "Pada hari {Senin|Selasa|Rabu|Kamis|Jumat} tanggal <DATE>, {pukul|sekitar pukul} {09.00|10.00|14.30} {WIB|WITA}, saya: <NAME>, pangkat {BRIPKA|AIPTU|IPDA|BRIGPOL}, NRP <BIG><N>, selaku {penyidik|penyidik pembantu} pada {Satreskrim|Unit Reskrim} {Polres|Polsek} <CITY>, telah {memeriksa|melakukan pemeriksaan terhadap} seorang {laki-laki|perempuan} yang mengaku bernama <NAME>.",
        "Yang diperiksa {menyatakan|mengaku} {tidak keberatan|bersedia} {diperiksa|memberikan keterangan} {tanpa didampingi|tanpa} penasihat hukum.",
        "{Pertanyaan|Tanya}: Apakah Saudara {pernah|sebelumnya} {dihukum|terlibat perkara pidana}?",
        "Saya {tidak pernah|belum pernah} {dihukum|berurusan dengan polisi} {sebelumnya|}.",
    ],
    "security": [
        "{Kegiatan|Operasi} {ini|tersebut} {bertujuan|dimaksudkan} {untuk|guna} {menjaga|memelihara} {ketertiban umum|keamanan} {dan|serta} {ketenteraman masyarakat|kelancaran kegiatan}.",
        "{Petugas|Tim} {telah|sudah} {menertibkan|membongkar} <N> {lapak|bangunan liar|reklame} {dan|serta} {memberikan|menyampaikan} {pembinaan|teguran} {kepada|bagi} {pemiliknya|para pedagang}.",
        "{Barang|Minuman} {hasil penertiban|sitaan} {sebanyak|berjumlah} <N> {botol|karton|unit} {telah|sudah} {dicatat|diinventarisasi} {dan|lalu} {disimpan|diamankan} di kantor {Satpol PP|pos}.",
        "{Seluruh|Semua} {kegiatan|rangkaian kegiatan} {berjalan|berlangsung} {aman|lancar} {dan|serta} {tidak ada|tanpa} {perlawanan|korban} {dari|oleh} {pelanggar|warga}.",
        "{Laporan|Catatan} ini {disusun|dibuat} {sebagai|untuk} {pertanggungjawaban|bahan evaluasi} {pelaksanaan|kegiatan} {tugas|operasi} {bulan <MONTH>|pada periode ini}.",
    ],
    "tender": [
        "{Nilai|Total nilai} HPS {pekerjaan ini|paket ini} {ditetapkan|adalah} {sebesar|} <RP> {sudah termasuk|termasuk} PPN.",
        "{Pagu|Pagu anggaran} {kegiatan|pekerjaan} {sesuai|menurut} DPA {adalah|sebesar} <RP>.",
        "{Dokumen|Berkas} {ini|HPS ini} {bersifat rahasia|hanya untuk Pokja Pemilihan} {dan|serta} {tidak boleh|dilarang} {diberikan|diungkapkan} kepada {calon penyedia|peserta} {sebelum|hingga} {pengumuman|penetapan} {pemenang|hasil pemilihan}.",
        "{Lokasi|Tempat} {pekerjaan|kegiatan}: {Jalan|Kelurahan} <GIVEN>, <REGION>.",
    ],
    "geology": [
        "{Secara|Menurut} {administratif|geografis}, {daerah|wilayah} {penyelidikan|studi} {terletak|berada} di {Kecamatan|Desa} <GIVEN>, <REGION>, {dan|serta} {dapat dicapai|dapat ditempuh} {dengan|menggunakan} kendaraan roda empat.",
        "{Izin|Wilayah izin} {usaha pertambangan|eksplorasi} {atas nama|milik} <COMPANY> {berlaku|diterbitkan} {sampai|hingga} tahun <YEAR>.",
        "{Perhitungan|Estimasi} {sumber daya|cadangan} {mengacu pada|menggunakan} {SNI 4726:2019|standar KCMI|pedoman pelaporan yang berlaku}.",
        "{Stratigrafi|Geologi} {regional|daerah} {tersusun|terdiri} {atas|dari} {batuan|satuan} {vulkanik|sedimen} {berumur|dari zaman} {Tersier|Kuarter}.",
    ],
    "fiscal": [
        "{NJOP|Tarif} {terakhir|sebelumnya} {disesuaikan|ditetapkan} {pada|melalui} {tahun <YEAR>|Perda Nomor <N> Tahun <YEAR>} {dan|sehingga} {dinilai|dianggap} {sudah|telah} {tidak sesuai|tertinggal dari} {harga pasar|nilai pasar}.",
        "{Dasar hukum|Landasan} {pengenaan|pemungutan} {pajak|retribusi} {ini|tersebut} {adalah|yaitu} {Undang-Undang Nomor 1 Tahun 2022|Perda tentang Pajak Daerah dan Retribusi Daerah}.",
        "{Jumlah|Sebanyak} <BIG> {objek pajak|wajib pajak} {terdaftar|tercatat} {di|dalam} {basis data|sistem} {Bapenda|pajak daerah} {per|pada} <DATE>.",
        "{Metode|Pendekatan} {kajian|analisis} {menggunakan|adalah} {perbandingan harga pasar|data transaksi jual beli} {dari|di} <N> {kelurahan|zona} {sampel|contoh}.",
    ],
    "diplomatic": [
        "{Kunjungan|Pertemuan} {delegasi|rombongan} {tersebut|ini} {telah|sudah} {diberitakan|diliput} {oleh|di} {media lokal|media massa} {pada|tanggal} <DATE>.",
        "{Daftar|Susunan} {delegasi|anggota tim} {Pemerintah Daerah|kita} {untuk|pada} {pertemuan|putaran} {berikutnya|selanjutnya} {sebagaimana terlampir|terlampir}.",
        "{Nota kesepahaman|MoU} {kerja sama|kota kembar} {ditandatangani|diteken} {pada|tanggal} <DATE> {di|bertempat di} <CITY> {dan|serta} {berlaku|berlaku selama} <N> tahun.",
    ],
    "memo": [
        "{Gugatan|Perkara} {tersebut|ini} {didaftarkan|terdaftar} {di|pada} Pengadilan {Negeri|Tata Usaha Negara} <CITY> {pada|tanggal} <DATE> {dengan|dan} sidang pertama {dijadwalkan|digelar} {pada|tanggal} <DATE>.",
        "{Objek|Pokok} {sengketa|perkara} {adalah|berupa} {sebidang tanah|lahan|bangunan} {seluas|dengan luas} <BIG> m2 {di|yang terletak di} {Kelurahan|Desa} <GIVEN>.",
        "{Sebagai|Untuk} bahan {pertimbangan|kelengkapan}, {kami|bersama ini} {lampirkan|sampaikan} {kronologi|salinan} {perkara|dokumen} {dan|serta} {daftar|fotokopi} {bukti|surat}.",
        "{Nota dinas|Surat} ini {dibuat|disampaikan} {dalam|sebanyak} <N> {rangkap|eksemplar}.",
    ],
    "personnel": [
        "{Yang bersangkutan|Pegawai tersebut} {bekerja|bertugas} {sebagai|pada jabatan} {Analis|Pengelola|Pranata} {Kepegawaian|Keuangan|Perencanaan} {di|pada} <OFFICE> {sejak|mulai} tahun <YEAR>.",
        "{Pengajuan|Permohonan} {ini|tersebut} {diproses|ditindaklanjuti} {sesuai|berdasarkan} {PP Nomor 11 Tahun 2017|Peraturan BKN} {tentang|mengenai} Manajemen PNS.",
        "{Atas|Terhadap} {permohonan|hal} {tersebut|ini}, {atasan langsung|pejabat yang berwenang} {memberikan|menyatakan} {persetujuan|pertimbangan} {sebagaimana|seperti} tercantum {di bawah|pada formulir}.",
    ],
    "medical": [
        "{Nama|Identitas} {pasien|pegawai} {sesuai|sebagaimana} {tercantum|tertera} {pada|dalam} {kartu identitas|KTP}.",
        "{Surat|Keterangan} ini {hanya berlaku|berlaku} {untuk|bagi} {keperluan|kepentingan} {kedinasan|yang disebutkan}.",
    ],
    "family": [
        "{Surat keterangan|Keterangan} {ahli waris|ini} {dibuat|disusun} {atas permintaan|berdasarkan permohonan} {para ahli waris|keluarga} {untuk|guna} {keperluan|pengurusan} {balik nama sertifikat|pencairan tabungan|administrasi}.",
        "{Kami|Yang bertanda tangan} {menyatakan|menerangkan} bahwa {keterangan|data} {di atas|tersebut} {adalah|ialah} benar {dan|serta} {dapat|bersedia} {dipertanggungjawabkan|dituntut} {di kemudian hari|apabila tidak benar}.",
    ],
    "school": [
        "{Pertemuan|Rapat} {dengan|bersama} {orang tua|wali} {siswa|murid} {dilaksanakan|diadakan} {pada|tanggal} <DATE> {di ruang|di} {BK|kepala sekolah}.",
        "{Sekolah|Satuan pendidikan} {berkomitmen|akan terus} {mendampingi|membina} {peserta didik|siswa} {sesuai|berdasarkan} {tata tertib|peraturan} {yang berlaku|sekolah}.",
    ],
}

# public sentences with words of exempt passages (hard negatives)
HARD_PUBLIC = [
    "{Jumlah|Sebanyak} <BIG> {pasien|warga} {dirawat inap|menjalani rawat inap} {di|pada} {RSUD|rumah sakit daerah} {selama|sepanjang} {tahun <YEAR>|triwulan ini}, {naik|turun} <PCT> {dibandingkan|dari} tahun sebelumnya.",
    "{Pemerintah|Pemda} {menyediakan|membuka} layanan {rehabilitasi|konseling} {gratis|tanpa biaya} {bagi|untuk} {warga|pecandu} {yang|dan} {melapor|datang} {secara sukarela|sendiri}.",
    "{Cadangan|Stok} {beras|pangan} {pemerintah daerah|daerah} {mencapai|sebanyak} <BIG> ton {dan|sehingga} {dinilai|dianggap} {cukup|aman} {hingga|sampai} {akhir tahun|Lebaran}.",
    "{Tarif|Besaran} {retribusi|pajak} {sesuai|berdasarkan} Perda {yang telah ditetapkan|Nomor <N> Tahun <YEAR>} {telah|sudah} {disosialisasikan|diumumkan} kepada {masyarakat|wajib pajak} {melalui|di} {laman resmi|media sosial}.",
    "{Nilai|Total} {kontrak|HPS} {paket|pekerjaan} {tersebut|ini} {sebesar|adalah} <RP> {diumumkan|telah diumumkan} {melalui|di} LPSE.",
    "{Pelatihan|Bimbingan teknis} {penulisan|pengelolaan} {rekam medis|arsip} {diikuti|dihadiri} <N> {petugas|peserta} {dari|se-} {puskesmas|perangkat daerah}.",
    "{Kasus|Perkara} {tersebut|ini} {sudah|telah} {diputus|berkekuatan hukum tetap} {dan|serta} {salinan putusannya|putusannya} {dapat|bisa} {diakses|dibaca} {di|melalui} direktori putusan Mahkamah Agung.",
    "{Wali Kota|Bupati} {menerima|menyambut} {kunjungan|audiensi} {Konsul Jenderal|Duta Besar} <COUNTRY> {untuk|guna} {membahas|menjajaki} {peluang|kerja sama} {di bidang|pada sektor} {pariwisata|pendidikan|perdagangan}.",
    "{Hasil|Pengumuman} {seleksi|asesmen} {terbuka|jabatan pimpinan tinggi} {berupa|yaitu} {tiga nama|nama-nama} {terbaik|yang lolos} {telah|sudah} {diumumkan|dipublikasikan} {di|melalui} laman BKPSDM.",
    "{Sosialisasi|Penyuluhan} {pencegahan|bahaya} {kekerasan seksual|perundungan|narkoba} {digelar|dilaksanakan} di <N> {sekolah|kelurahan} {dengan|yang diikuti} <BIG> {peserta|siswa}.",
    "{Program|Kegiatan} {pengamanan|patroli} {Ramadan|malam tahun baru|arus mudik} {melibatkan|diikuti} {ratusan|<BIG>} personel {gabungan|dari berbagai instansi}, {kata|ujar} {Kapolres|Kasatpol PP} {kepada wartawan|dalam apel gelar pasukan}.",
    "{Penyaluran|Pembayaran} {gaji|tunjangan} {ke-13|dan TPP} {bagi|untuk} {ASN|pegawai} {dijadwalkan|dilaksanakan} {pada|mulai} <DATE> {melalui|ke} rekening masing-masing.",
]
