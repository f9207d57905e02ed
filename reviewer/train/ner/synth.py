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
from dataclasses import dataclass
from pathlib import Path

from reviewer.core import lexicon
from reviewer.core.errors import ReviewerError

Entity = tuple[int, int, str]

# titles, courtesy words and ranks: reviewer/data/people_words.yaml (the detectors read the same table)
_TITLES = [t for t in lexicon.title_forms() if t.endswith(".") and t.upper() != t or t in ("H.", "KH.", "R.", "R.A.")]
PREFIX_M = (*(t for t in _TITLES if t in lexicon.title_forms("m")), "Dr. H.", "Ir. H.")
PREFIX_F = (*(t for t in _TITLES if t in lexicon.title_forms("f")), "Dr. Hj.")
DEGREES = ("S.H.", "S.E.", "S.Kom.", "M.Si.", "S.STP.", "M.AP.", "S.Kep.", "Ns.", "S.Pd.", "M.Pd.", "A.Md.",
           "A.Md.Keb.", "S.Sos.", "M.M.", "M.T.", "S.T.", "Sp.PD", "Sp.A.", "M.Kes.", "S.Psi.", "S.IP.", "M.H.",
           "Ph.D.", "S.Ag.", "M.Ak.", "Lc.", "S.Tr.Sos.", "M.Sc.", "S.Hut.", "S.I.Kom.", "M.I.Kom.", "S.Farm.",
           "Apt.", "S.Ked.", "S.Gz.", "M.E.", "S.Ak.", "MBA", "M.Kn.", "S.Pi.", "S.Si.", "SH", "SE", "MM")
COURTESY = tuple(c for c in lexicon.words("courtesy") if not c.startswith("Alm"))
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
RANKS = (*lexicon.words("grades"), *(r.upper() for r in lexicon.ranks("police")))
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
        if r < 0.56:
            return f"{self.pick(p.first)} {self.coined()}" if r < 0.52 else f"{self.coined()} {self.pick(p.last)}"
        if r < 0.75:
            return f"{self.pick(p.first)} {self.pick(p.first)} {self.pick(p.last)}"
        return f"{self.pick(p.first)} {self.pick(p.last)}"

    def coined(self) -> str:
        """A made-up name word, so that context, not memory of names, decides (names on the hidden
        documents are not in any list)."""
        syllables = [self.pick("bcdghjklmnprstwy") + self.pick("aaeiiou") + self.pick(("", "", "n", "ng", "r", "s"))
                     for _ in range(self.r.randint(2, 3))]
        return "".join(syllables).capitalize()

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
