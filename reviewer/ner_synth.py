"""Synthetic government-document text for the NER model: what news corpora never show.

Forms ("Nama : ..."), tables of people, signature blocks (titles, degrees, NIP), letters, press
releases, upper-case names, letterheads and headings without any person. Every snippet comes with
its entity spans (PERSON on the name itself, without courtesy words, titles or degrees: the
detector widens the span afterwards). Names come from the shared name lists and from PERSON
strings of the news training split; `split_names` keeps a disjoint pool for held-out snippets.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import ReviewerError

Entity = tuple[int, int, str]

PREFIX_M = ("H.", "Drs.", "Ir.", "Dr.", "dr.", "Prof. Dr.", "KH.", "R.", "drg.", "Dr. H.", "Ir. H.")
PREFIX_F = ("Hj.", "Dra.", "Ir.", "Dr.", "dr.", "drg.", "Dr. Hj.", "R.A.")
DEGREES = ("S.H.", "S.E.", "S.Kom.", "M.Si.", "S.STP.", "M.AP.", "S.Kep.", "Ns.", "S.Pd.", "M.Pd.", "A.Md.",
           "A.Md.Keb.", "S.Sos.", "M.M.", "M.T.", "S.T.", "Sp.PD", "Sp.A.", "M.Kes.", "S.Psi.", "S.IP.", "M.H.",
           "Ph.D.", "S.Ag.", "M.Ak.", "Lc.", "S.Tr.Sos.", "M.Sc.", "S.Hut.", "S.I.Kom.", "M.I.Kom.", "S.Farm.",
           "Apt.", "S.Ked.", "S.Gz.", "M.E.", "S.Ak.", "MBA", "M.Kn.", "S.Pi.", "S.Si.", "SH", "SE", "MM")
COURTESY = ("Bapak", "Ibu", "Sdr.", "Sdri.", "Bpk.", "Pak", "Bu", "Tn.", "Ny.", "Saudara", "Saudari", "Yth.")
BALI = ("I Wayan", "I Made", "I Nyoman", "I Ketut", "I Komang", "I Putu", "I Gede", "Ni Putu", "Ni Made",
        "Ni Luh", "Ni Wayan", "Ni Komang", "Ni Ketut", "Ni Kadek", "I Kadek")
CHINESE = ("Tan", "Lie", "Liem", "Ong", "Go", "Oei", "Kwee", "Lim", "The", "Tjoa", "Han", "Sie")
SYLLABLES = ("Mei", "Ling", "Hwa", "Hok", "Siong", "Lan", "Kiat", "Hong", "Swie", "Giok", "Tjeng", "Bing")
JOBS = ("Kepala Dinas Sosial", "Kepala Dinas Kesehatan", "Sekretaris Daerah", "Wali Kota", "Bupati", "Camat",
        "Lurah", "Kepala Desa", "Kepala Bidang Informasi dan Komunikasi Publik", "Kepala Bagian Umum",
        "Sekretaris Dinas", "Kepala Badan Pendapatan Daerah", "Direktur RSUD", "Inspektur", "Kepala Seksi Pelayanan",
        "Kepala Satuan Polisi Pamong Praja", "Komisioner Komisi Informasi", "Kepala Subbagian Kepegawaian",
        "Pejabat Pengelola Informasi dan Dokumentasi", "Plt. Kepala Dinas Perhubungan", "Asisten Pemerintahan",
        "Kepala Pelaksana BPBD", "Penyidik Pembantu", "Pembimbing Kemasyarakatan", "Kepala Puskesmas",
        "Wakil Bupati", "Ketua DPRD", "Kepala Kantor Pertanahan", "Panitera", "Hakim Anak", "Kepala Sekolah")
RANKS = ("Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Penata (III/c)", "Penata Tingkat I (III/d)",
         "Pembina Utama Muda (IV/c)", "Penata Muda (III/a)", "AKP", "IPTU", "AIPTU", "KOMPOL", "BRIPKA")
OFFICES = ("Dinas Sosial", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Komunikasi dan Informatika",
           "Badan Kepegawaian Daerah", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Pekerjaan Umum",
           "Badan Pengelola Keuangan dan Aset Daerah", "Satuan Polisi Pamong Praja", "Dinas Tenaga Kerja",
           "Badan Perencanaan Pembangunan Daerah", "Inspektorat", "Dinas Perhubungan", "Dinas Lingkungan Hidup")
JOBS_PRIVATE = ("Wiraswasta", "Ibu Rumah Tangga", "Pelajar", "Mahasiswa", "Buruh Harian Lepas", "Karyawan Swasta",
                "Petani", "Pedagang", "Sopir", "Guru Honorer", "Nelayan", "Tidak Bekerja", "Perawat")
ROLES_PRIVATE = ("pemohon", "pelapor", "saksi", "korban", "terlapor", "tersangka", "pasien", "ahli waris",
                 "penerima bantuan", "peserta", "anak", "orang tua anak", "informan", "pengadu", "pegawai")
NAME_FIELDS = ("Nama", "Nama Lengkap", "Nama Pemohon", "Nama Pelapor", "Nama Pasien", "Nama Pegawai", "Nama Anak",
               "Nama Ayah", "Nama Ibu", "Nama Wali", "Nama Saksi", "Atas Nama", "Nama Penerima", "NAMA",
               "Nama Terlapor", "Nama Ahli Waris", "Nama Peserta", "Nama Kuasa")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


@dataclass
class Pools:
    first: list[str]
    last: list[str]
    full: list[str]  # whole names seen in news
    cities: list[str]
    villages: list[str]
    streets: list[str]


def _lines(path: Path) -> list[str]:
    if not path.exists():
        raise ReviewerError(f"daftar nama tidak ada / name list missing: {path}")
    return [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def load_pools(data_dir: Path, news_names: list[str]) -> Pools:
    faker, mutia = Path(data_dir) / "names-faker-id_ID", Path(data_dir) / "names-mutiawsr"
    first = [*_lines(faker / "first_names_male.txt"), *_lines(faker / "first_names_female.txt")]
    first += [n for f in ("first-female", "first-male", "first-neutral") for n in _lines(mutia / f"{f}.csv")]
    last = [*_lines(faker / "last_names_male.txt"), *_lines(faker / "last_names_female.txt")]
    last += [n for f in ("last-female", "last-male", "last-neutral") for n in _lines(mutia / f"{f}.csv")]
    cities, villages = [], []
    with open(Path(data_dir) / "wilayah-cahyadsn" / "wilayah_derived.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "2":
                name = row["nama"].replace("Kabupaten ", "").replace("Kota ", "").replace("Administrasi ", "")
                cities.append(name.strip())
            elif row["level"] == "4" and int(hashlib.sha1(row["kode"].encode()).hexdigest()[:4], 16) % 20 < 2:
                villages.append(row["nama"].strip())
    pools = Pools(sorted(set(first)), sorted(set(last)), news_names, sorted(set(cities)), sorted(set(villages)),
                  _lines(faker / "address_streets.txt"))
    for what in ("first", "last", "cities", "villages", "streets"):
        if not getattr(pools, what):
            raise ReviewerError(f"daftar {what} kosong di / empty {what} list in {data_dir}")
    return pools


def split_names(pools: Pools, heldout: bool) -> Pools:
    """The training pool or the held-out pool: given names and news names split by hash."""
    def keep(name: str) -> bool:
        bucket = int(hashlib.sha1(name.split()[0].lower().encode()).hexdigest()[:4], 16) % 5
        return (bucket == 0) == heldout
    first = [n for n in pools.first if keep(n)]
    if not first:
        raise ReviewerError("daftar nama depan terlalu pendek untuk dibagi / first-name list too short to split")
    return Pools(first, pools.last, [n for n in pools.full if keep(n)], pools.cities, pools.villages, pools.streets)


class Text:
    """Text built piece by piece, remembering where the entities are."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.ents: list[Entity] = []

    def add(self, text: str, label: str | None = None) -> Text:
        if label and text:
            self.ents.append((self.size, self.size + len(text), label))
        self.parts.append(text)
        self.size += len(text)
        return self

    def result(self) -> tuple[str, list[Entity]]:
        return "".join(self.parts), self.ents


class Gen:
    def __init__(self, pools: Pools, rng: random.Random):
        self.p, self.r = pools, rng

    def pick(self, seq):
        return self.r.choice(seq)

    def name(self) -> str:
        r, p = self.r.random(), self.p
        if r < 0.25 and p.full:
            return self.pick(p.full)
        if r < 0.33:
            return self.pick(p.first)
        if r < 0.38:
            return f"{self.pick(BALI)} {self.pick(p.first)}"
        if r < 0.43:
            return f"{self.pick(p.first)} {self.pick(('br.', 'boru', 'bin', 'binti'))} {self.pick(p.last)}"
        if r < 0.46:
            return f"{self.pick(CHINESE)} {self.pick(SYLLABLES)} {self.pick(SYLLABLES)}"
        if r < 0.7:
            return f"{self.pick(p.first)} {self.pick(p.first)} {self.pick(p.last)}"
        return f"{self.pick(p.first)} {self.pick(p.last)}"

    def person(self, t: Text, titles: float = 0.3, courtesy: float = 0.0, upper: float = 0.1) -> Text:
        """A person's name with optional courtesy word, title and degrees; the entity is the name."""
        name = self.name()
        if self.r.random() < upper:
            name = name.upper()
        if self.r.random() < courtesy:
            t.add(self.pick(COURTESY) + " ")
        if self.r.random() < titles * 0.6:
            t.add(self.pick(PREFIX_M + PREFIX_F) + " ")
        t.add(name, "PERSON")
        if self.r.random() < titles:
            t.add(", " + ", ".join(self.r.sample(DEGREES, self.r.randint(1, 2))))
        return t

    def digits(self, n: int) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def nip(self) -> str:
        y = self.r.randint(1965, 1998)
        return f"{y}{self.r.randint(1, 12):02d}{self.r.randint(1, 28):02d} {y + 24}{self.r.randint(1, 12):02d} " \
               f"{self.r.randint(1, 2)} {self.r.randint(1, 20):03d}"

    def date(self) -> str:
        return f"{self.r.randint(1, 28)} {self.pick(MONTHS)} {self.r.randint(2019, 2026)}"

    def city(self, t: Text) -> Text:
        return t.add(self.pick(self.p.cities), "LOCATION")

    def address(self, t: Text) -> Text:
        t.add(f"{self.pick(('Jl.', 'Jalan', 'Gg.', 'Jln.'))} {self.pick(self.p.streets)} No. {self.r.randint(1, 200)} ")
        t.add(f"RT {self.r.randint(1, 15):03d}/RW {self.r.randint(1, 15):03d}, Kel. ")
        t.add(self.pick(self.p.villages), "LOCATION").add(", Kota ")
        return self.city(t).add(f" {self.r.randint(20000, 99999)}")

    def office(self, t: Text) -> Text:
        return t.add(f"{self.pick(OFFICES)} {self.pick(('Kota', 'Kabupaten', 'Provinsi'))} "
                     f"{self.pick(self.p.cities)}", "ORGANIZATION")

    def sep(self) -> str:
        return self.pick((" : ", ": ", "\t: ", "\t", "  :  ", " :\t"))


def form(g: Gen) -> tuple[str, list[Entity]]:
    t = Text().add(g.pick(("FORMULIR PERMOHONAN INFORMASI PUBLIK", "IDENTITAS PELAPOR", "DATA PEMOHON",
                           "BIODATA", "I. DATA PEGAWAI", "IDENTITAS ANAK", "DATA PASIEN", "Identitas pelanggar:"))
                   + "\n")
    for _ in range(g.r.randint(1, 2)):
        t.add(g.pick(NAME_FIELDS) + g.sep())
        g.person(t, titles=0.15, courtesy=0.1, upper=0.3).add("\n")
        if g.r.random() < 0.5:
            t.add("NIK" + g.sep() + g.digits(16) + "\n")
        if g.r.random() < 0.4:
            t.add("Tempat/Tgl. Lahir" + g.sep())
            g.city(t).add(", " + g.date() + "\n")
        if g.r.random() < 0.3:
            t.add("NIP" + g.sep() + g.nip() + "\n")
        if g.r.random() < 0.6:
            g.address(t.add("Alamat" + g.sep())).add("\n")
        t.add(g.pick(("Pekerjaan", "Jabatan")) + g.sep() + g.pick(JOBS_PRIVATE) + "\n")
        if g.r.random() < 0.5:
            t.add("No. HP" + g.sep() + "08" + g.digits(10) + "\n")
    return t.result()


def table(g: Gen) -> tuple[str, list[Entity]]:
    cols = ["NIK", "Alamat", "No. HP", "Keterangan", "Jabatan", "NIP", "Tempat/Tgl Lahir"]
    chosen = g.r.sample(cols, g.r.randint(1, 3))
    sep = g.pick(("\t", "  ", " | ", " "))
    t = Text().add(g.pick(("DAFTAR PENERIMA BANTUAN SOSIAL", "DAFTAR HADIR PESERTA", "DAFTAR NOMINATIF PEGAWAI",
                           "LAMPIRAN DAFTAR AHLI WARIS", "REKAPITULASI PESERTA PELATIHAN")) + "\n")
    t.add(sep.join(["No", g.pick(("Nama", "Nama Lengkap", "NAMA", "Nama Penerima")), *chosen]) + "\n")
    for i in range(1, g.r.randint(3, 9)):
        t.add(f"{i}{sep}")
        g.person(t, titles=0.3, courtesy=0.15, upper=0.2)
        for col in chosen:
            t.add(sep)
            if col == "Alamat":
                g.address(t)
            elif col == "Tempat/Tgl Lahir":
                g.city(t).add(", " + g.date())
            else:
                t.add({"NIK": g.digits(16), "No. HP": "08" + g.digits(10), "NIP": g.nip(),
                       "Jabatan": g.pick(JOBS_PRIVATE)}.get(col, g.pick(("Lansia", "Disabilitas", "-", "Lulus"))))
        t.add("\n")
    return t.result()


def signature(g: Gen) -> tuple[str, list[Entity]]:
    t = Text()
    g.city(t).add(", " + g.date() + "\n")
    if g.r.random() < 0.3:
        t.add(g.pick(("a.n. ", "Plt. ", "Mengetahui,\n")) + g.pick(JOBS) + "\n")
    t.add(g.pick(JOBS) + " ")
    if g.r.random() < 0.5:
        g.city(t)
    t.add(",\n" + g.pick(("\n\n", "ttd.\n\n", "\n\n\n", "\n")))
    g.person(t, titles=0.8, upper=0.2).add("\n")
    if g.r.random() < 0.5:
        t.add(g.pick(RANKS) + "\n")
    t.add(g.pick(("NIP. ", "NIP ", "NIP: ", "NRP ")) + g.nip() + "\n")
    return t.result()


def two_columns(g: Gen) -> tuple[str, list[Entity]]:
    left, right = g.pick((("Yang diperiksa,", "Yang memeriksa,"), ("Pemohon,", "Petugas,"),
                          ("Pihak Pertama,", "Pihak Kedua,"), ("Saksi,", "Penyidik,")))
    t = Text().add(f"{left}\t{right}\n\n\n")
    g.person(t, titles=0.2, upper=0.4).add(g.pick(("\t", "   ", "\t\t")))
    g.person(t, titles=0.5, upper=0.2).add("\n")
    return t.add(g.pick(RANKS) + " NIP " + g.nip() + "\n").result()


def press(g: Gen) -> tuple[str, list[Entity]]:
    t = Text()
    opener = g.r.randint(0, 3)
    if opener == 0:
        t.add("Kegiatan dibuka oleh " + g.pick(JOBS) + ", ")
        g.person(t, titles=0.7).add(", dan diikuti peserta dari perangkat daerah.")
    elif opener == 1:
        t.add(g.pick(JOBS) + " ")
        g.city(t).add(" ")
        g.person(t, titles=0.5).add(" mengatakan bahwa program ini dibiayai dari APBD.")
    elif opener == 2:
        t.add("Menurut ")
        g.person(t, titles=0.2).add(", seluruh informasi publik akan diumumkan melalui laman ")
        g.office(t).add(".")
    else:
        g.person(t, titles=0.6).add(", " + g.pick(JOBS) + " ")
        g.office(t).add(", menyampaikan sambutan.")
    if g.r.random() < 0.4:
        t.add(" " + g.pick(("Hadir pula", "Turut hadir", "Acara dihadiri")) + " ")
        g.person(t, titles=0.5).add(" (" + g.pick(JOBS) + ").")
    return t.result()


def private_narrative(g: Gen) -> tuple[str, list[Entity]]:
    t = Text()
    k = g.r.randint(0, 5)
    if k == 0:
        t.add("telah melakukan pemeriksaan terhadap seorang " + g.pick(("laki-laki", "perempuan")) +
              " yang mengaku bernama ")
        g.person(t, upper=0.6).add(", lahir di ")
        g.city(t).add(".")
    elif k == 1:
        t.add("Informasi diperoleh dari warga bernama ")
        g.person(t, upper=0.05).add(" yang meminta agar identitasnya dirahasiakan.")
    elif k == 2:
        t.add(g.pick(("Saya", "Ibu saya", "Anak kami")) + " atas nama ")
        g.person(t).add(" tidak lagi menerima bantuan sejak " + g.date() + ".")
    elif k == 3:
        t.add(g.pick(("Anak", "Klien", "Korban", "Saksi", "Tersangka", "Terlapor", "Pasien")) + " ")
        g.person(t, upper=0.2).add(f" ({g.r.randint(12, 70)} tahun) " +
                                   g.pick(("tinggal bersama ibunya", "dirawat di RSUD", "diperiksa penyidik")) + ".")
    elif k == 4:
        t.add("uang ditransfer ke rekening atas nama ")
        g.person(t).add(" yang diduga dilakukan oleh ")
        g.person(t).add(".")
    else:
        t.add("Ahli waris almarhum ")
        g.person(t).add(" adalah: 1. ")
        g.person(t).add(" (istri); 2. ")
        g.person(t).add(" (anak kandung).")
    return t.result()


def letter(g: Gen) -> tuple[str, list[Entity]]:
    t = Text().add(g.pick(("Kepada\nYth. ", "Yth. ", "Kepada Yth.\n")))
    g.person(t, courtesy=0.8, titles=0.2).add("\n")
    if g.r.random() < 0.5:
        g.address(t).add("\n")
    t.add("di ")
    g.city(t).add("\n\nDengan hormat,\nSaya yang bertanda tangan di bawah ini" + g.sep())
    g.person(t, titles=0.1).add(", " + g.pick(ROLES_PRIVATE) + ", mengajukan permohonan informasi.\n")
    return t.add("Hormat saya,\n\n\n").result() if g.r.random() < 0.5 else t.result()


def letterhead(g: Gen) -> tuple[str, list[Entity]]:
    """No person at all: upper-case headings, offices and street names that honour heroes."""
    t = Text()
    t.add("PEMERINTAH " + g.pick(("KOTA", "KABUPATEN", "PROVINSI")) + " ")
    t.add(g.pick(g.p.cities).upper(), "LOCATION").add("\n")
    t.add(g.pick(OFFICES).upper(), "ORGANIZATION").add("\n")
    t.add(g.pick(("Jalan ", "Jl. ")) + g.pick(g.p.streets) + f" Nomor {g.r.randint(1, 99)} ")
    g.city(t).add(f" {g.r.randint(20000, 99999)} Telepon (0{g.r.randint(21, 99)}) {g.digits(7)}\n")
    site = g.pick(("dinsos", "diskominfo", "ppid", "bkd", "dinkes", "setda"))
    t.add(f"Laman {site}.{g.pick(g.p.cities).lower().replace(' ', '')}.go.id, Pos-el {site}@mail.go.id\n")
    t.add(g.pick(("BERITA ACARA PEMERIKSAAN", "SURAT KETERANGAN", "NOTA DINAS", "SIARAN PERS", "SURAT EDARAN",
                  "PENGUMUMAN", "LAPORAN KEJADIAN", "STANDAR OPERASIONAL PROSEDUR", "KEPUTUSAN WALI KOTA",
                  "DAFTAR INFORMASI PUBLIK", "RINGKASAN APBD", "SURAT UNDANGAN")))
    return t.add(f"\nNomor: {g.r.randint(100, 999)}/{g.r.randint(10, 999)}/{g.r.randint(2019, 2026)}\n").result()


DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
FIELD_LINES = ("Sifat", "Lampiran", "Hal", "Perihal", "Nomor", "Status", "Kanal", "Klasifikasi", "Jenis pelanggaran",
               "Uraian kejadian", "Keterangan", "Catatan", "Periode", "Tujuan Penggunaan Informasi", "Kategori")
FIELD_VALUES = ("Terbatas", "RAHASIA", "Biasa", "Segera", "1 (satu) berkas", "Menunggu verifikasi", "Ditindaklanjuti",
                "Aplikasi LAPOR!", "Penjualan tanpa izin", "Permohonan Informasi Publik", "Bahan kajian", "-",
                "Salinan kontrak pekerjaan", "Undangan Rapat Koordinasi", "Lansia tunggal", "Selesai")
SENTENCES = ("Hasil pemeriksaan dituangkan dalam berita acara.", "Dokumen asli disimpan di Bagian Umum.",
             "Gudang penyimpanan barang sitaan berada di {city}.", "Pengaduan diterima melalui kanal resmi.",
             "Kegiatan dilaksanakan sesuai jadwal yang telah ditetapkan.", "Narahubung:", "Tembusan:", "Uraian:",
             "Demikian disampaikan, atas perhatian diucapkan terima kasih.", "Surat ini berlaku sejak ditetapkan.",
             "Kendaraan operasional diparkir di halaman kantor.", "Lokasi kegiatan berada di wilayah {city}.",
             "Posko terpadu didirikan di setiap kelurahan.", "Data diolah oleh Bidang Statistik.",
             "Sehubungan dengan hal tersebut, mohon arahan lebih lanjut.", "Pelayanan dibuka setiap hari kerja.",
             "Pejabat Pengelola Informasi dan Dokumentasi menetapkan daftar informasi publik.")


def fields(g: Gen) -> tuple[str, list[Entity]]:
    """Field lines and office prose with no person in them (what a model must leave alone)."""
    t = Text()
    for _ in range(g.r.randint(2, 5)):
        k = g.r.random()
        if k < 0.4:
            t.add(g.pick(FIELD_LINES) + g.sep() + g.pick(FIELD_VALUES) + "\n")
        elif k < 0.55:
            t.add(f"Waktu kejadian{g.sep()}{g.pick(DAYS)}, {g.date()} pukul {g.r.randint(7, 23)}.{g.r.randint(10, 59)}"
                  " WIB\n")
        elif k < 0.7:
            t.add(g.pick(("Disposisi", "Dari", "Kepada", "Tembusan")) + g.sep())
            g.office(t).add("\n")
        else:
            sentence = g.pick(SENTENCES)
            if "{city}" in sentence:
                head, tail = sentence.split("{city}")
                g.city(t.add(head)).add(tail + "\n")
            else:
                t.add(sentence + "\n")
    return t.result()


TEMPLATES: tuple[tuple[Callable[[Gen], tuple[str, list[Entity]]], int], ...] = (
    (form, 4), (table, 3), (signature, 4), (two_columns, 1), (press, 3), (private_narrative, 3), (letter, 2),
    (letterhead, 2), (fields, 3))


def generate(pools: Pools, count: int, seed: int) -> list[tuple[str, list[Entity]]]:
    """`count` snippets, reproducible from the seed."""
    gen = Gen(pools, random.Random(seed))
    funcs = [f for f, w in TEMPLATES for _ in range(w)]
    return [gen.pick(funcs)(gen) for _ in range(count)]
