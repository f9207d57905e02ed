"""Document genres: which exempt and open sentences a document holds, and how it is laid out.

A document is a list of blocks (kind, text, label); `render` lays it out as a digital PDF would
come out of extraction (hard-wrapped lines), as a DOCX (one paragraph per line, tab fields) or as
plain text, and records the character span of every labelled sentence.
"""

from __future__ import annotations

import hashlib
import textwrap

from common import Gen
from exempt import EXEMPT
from exempt_more import MORE
from exempt_wording import HARD_OPEN, WORDING
from forms import BAP_QUESTIONS, COMPLAINT_HEADERS, COMPLAINTS_OPEN, FORM_LINES
from open_meta import OPENNESS
from open_more import BACKGROUND, HARD_PUBLIC
from open_text import CLOSINGS, NEUTRAL, OPENINGS, PUBLIC

for _label, _extra in [*MORE.items(), *WORDING.items()]:
    EXEMPT[_label] = EXEMPT[_label] + _extra
for _bank, _extra in BACKGROUND.items():
    NEUTRAL[_bank] = NEUTRAL.get(_bank, []) + _extra
PUBLIC["hard"] = HARD_PUBLIC + HARD_OPEN
PUBLIC["form"] = FORM_LINES
PUBLIC["complaint"] = COMPLAINTS_OPEN
PUBLIC["openness"] = OPENNESS
NEUTRAL["bap"] = NEUTRAL["bap"] + BAP_QUESTIONS + BAP_QUESTIONS

MARKERS = ["Sifat{\t|  }: {RAHASIA|Rahasia}", "Klasifikasi: {RAHASIA|SANGAT RAHASIA|TERBATAS}", "RAHASIA",
           "SANGAT RAHASIA", "Sifat : Terbatas", "{TIDAK UNTUK DISEBARLUASKAN|UNTUK KALANGAN SENDIRI}"]
ROUTINE = ["Sifat{\t|  }: {Biasa|Segera|Penting}", "Sifat : Biasa"]

# genre: (title options, exempt labels with weights, neutral bank, marker probability)
POSITIVE = {
    "bap": (["BERITA ACARA PEMERIKSAAN {SAKSI|TERSANGKA}", "BERITA ACARA PEMERIKSAAN"], ["17a"], "bap", 0.2),
    "laporan-informasi": (["LAPORAN INFORMASI", "LAPORAN HASIL PENYELIDIKAN", "LAPORAN KEJADIAN {PENERTIBAN|OPERASI}",
                           "NOTA PENGADUAN MASYARAKAT"], ["17a"], "security", 0.4),
    "hps": (["HARGA PERKIRAAN SENDIRI (HPS)", "RINCIAN HARGA PERKIRAAN SENDIRI", "ANALISA HARGA SATUAN PEKERJAAN"],
            ["17b"], "tender", 0.5),
    "rahasia-dagang": (["LAPORAN RENCANA BISNIS {PERUMDA|BUMD}", "DOKUMEN PENAWARAN TEKNIS DAN HARGA",
                        "KAJIAN INTERNAL STRATEGI USAHA"], ["17b"], "memo", 0.5),
    "pengamanan": (["RENCANA PENGAMANAN (RENPAM)", "RENCANA OPERASI {KETUPAT|LILIN|MANTAP PRAJA}",
                    "LAPORAN INTELIJEN {HARIAN|KHUSUS}", "PERKIRAAN KEADAAN {KAMTIBMAS|INTELIJEN}"],
                   ["17c"], "security", 0.7),
    "geologi": (["LAPORAN EVALUASI SUMBER DAYA DAN CADANGAN", "LAPORAN EKSPLORASI RINCI {<MINERAL>|}",
                 "KAJIAN POTENSI {PANAS BUMI|KEANEKARAGAMAN HAYATI|MINERAL}"], ["17d"], "geology", 0.3),
    "fiskal": (["KAJIAN RENCANA {PENYESUAIAN TARIF|KENAIKAN NJOP|PERUBAHAN RETRIBUSI}", "TELAAH RENCANA PENGADAAN TANAH",
                "NOTA RENCANA INVESTASI DAN PINJAMAN DAERAH"], ["17e"], "fiscal", 0.5),
    "diplomatik": (["LAPORAN HASIL PERTEMUAN", "NOTA DINAS", "SURAT KEPADA {KEMENTERIAN LUAR NEGERI|DUTA BESAR RI}"],
                   ["17f"], "diplomatic", 0.5),
    "waris": (["SURAT KETERANGAN AHLI WARIS", "SALINAN AKTA {WASIAT|HIBAH|PERJANJIAN KAWIN}",
               "BERITA ACARA PEMBAGIAN WARIS"], ["17g"], "family", 0.1),
    "kepegawaian": (["{FORMULIR PERMINTAAN CUTI|SURAT KETERANGAN SAKIT|LAPORAN HASIL PEMERIKSAAN KESEHATAN}",
                     "SLIP GAJI BULAN <MONTH> <YEAR>", "LAPORAN HASIL {ASESMEN|PENILAIAN KOMPETENSI}",
                     "BERITA ACARA PEMERIKSAAN DISIPLIN", "LAPORAN KEADAAN {KELUARGA|SOSIAL} PEGAWAI"],
                    ["17h1", "17h2", "17h2", "17h3", "17h4"], "personnel", 0.2),
    "kesehatan": (["SURAT KETERANGAN {SAKIT|DOKTER}", "RESUME MEDIS", "SURAT RUJUKAN"], ["17h2"], "medical", 0.1),
    "sekolah": (["LAPORAN {BIMBINGAN KONSELING|PERKEMBANGAN PESERTA DIDIK}", "CATATAN KASUS SISWA",
                 "BERITA ACARA {SIDANG|EVALUASI} AKADEMIK"], ["17h5"], "school", 0.1),
    "memo-rahasia": (["NOTA DINAS", "TELAAHAN STAF", "NOTULEN RAPAT PIMPINAN TERBATAS", "MEMO INTERNAL"],
                     ["17i"], "memo", 0.9),
    "litmas": (["LAPORAN PENELITIAN KEMASYARAKATAN", "LAPORAN LITMAS UNTUK SIDANG ANAK", "LAPORAN PENDAMPINGAN ANAK"],
               ["17j"], "personnel", 0.3),
    "ditutup-uu": (["LAPORAN PENDAMPINGAN KORBAN", "DATA WAJIB PAJAK", "LAPORAN HASIL ANALISIS TRANSAKSI",
                    "SURAT KETERANGAN NASABAH"], ["17j"], "personnel", 0.5),
}
NEGATIVE = {
    "siaran-pers": (["SIARAN PERS", "BERITA RESMI", "RILIS MEDIA"], ["press"]),
    "pengumuman": (["PENGUMUMAN", "PENGUMUMAN NOMOR <LETTERNO>", "INFORMASI LAYANAN"], ["announcement"]),
    "sop": (["STANDAR OPERASIONAL PROSEDUR", "SOP PELAYANAN {INFORMASI PUBLIK|REKAM MEDIS|PENGADUAN}"],
            ["sop", "openness"]),
    "keterbukaan": (["PROFIL PPID <OFFICE>", "DAFTAR INFORMASI PUBLIK", "SIARAN PERS", "LAPORAN LAYANAN INFORMASI PUBLIK",
                     "STANDAR OPERASIONAL PROSEDUR\nPENGUJIAN INFORMASI YANG DIKECUALIKAN"], ["openness", "press"]),
    "peraturan": (["PERATURAN {WALI KOTA|BUPATI|DAERAH} <CITY>\nNOMOR <N> TAHUN <YEAR>",
                   "KEPUTUSAN {BUPATI|WALI KOTA} <CITY>\nNOMOR <LETTERNO>"], ["regulation"]),
    "surat-edaran": (["SURAT EDARAN\nNOMOR <LETTERNO>"], ["regulation", "announcement"]),
    "anggaran": (["RINGKASAN APBD TAHUN ANGGARAN <YEAR>", "LAPORAN REALISASI ANGGARAN", "NOTA KEUANGAN"],
                 ["budget"]),
    "pengadaan": (["PENGUMUMAN {TENDER|PEMENANG TENDER|SELEKSI}", "RENCANA UMUM PENGADAAN"], ["procurement"]),
    "kontrak": (["SURAT PERJANJIAN\nPEKERJAAN {KONSTRUKSI|PENGADAAN BARANG}", "KONTRAK KERJA"], ["contract"]),
    "putusan": (["PUTUSAN\nNomor <N>/Pid.{B|Sus}/<YEAR>/PN <CITY>"], ["court"]),
    "sp3": (["SURAT KETETAPAN PENGHENTIAN PENYIDIKAN"], ["sp3"]),
    "laporan-kinerja": (["LAPORAN KINERJA INSTANSI PEMERINTAH", "LAPORAN LAYANAN INFORMASI PUBLIK TAHUN <YEAR>",
                         "PROFIL {KESEHATAN|PENDIDIKAN} DAERAH"], ["report", "press", "openness"]),
    "undangan": (["UNDANGAN", "SURAT UNDANGAN"], ["invitation"]),
    "memo-biasa": (["NOTA DINAS", "MEMO"], ["invitation", "report"]),
    "lhkpn": (["PENGUMUMAN HARTA KEKAYAAN PENYELENGGARA NEGARA"], ["lhkpn", "press"]),
    "formulir": (["FORMULIR PERMOHONAN INFORMASI PUBLIK", "SURAT PERMOHONAN INFORMASI", "FORMULIR KEBERATAN"],
                 ["form"]),
    "rekap-aduan": (COMPLAINT_HEADERS, ["complaint"]),
}


def pool_of(bank: str, index: int) -> str:
    """Sentence templates are split once into a training pool (A) and a held-out pool (B)."""
    return "B" if int(hashlib.sha256(f"{bank}:{index}".encode()).hexdigest(), 16) % 5 == 0 else "A"


def draw(g: Gen, bank: str, templates: list[str], pool: str) -> str:
    choices = [t for i, t in enumerate(templates) if pool_of(bank, i) == pool] or templates
    return g.t(g.pick(choices))


def kop(g: Gen) -> list[str]:
    region = g.t("<REGION>")
    site = region.split(" ", 1)[1].lower().replace(" ", "")
    lines = [f"PEMERINTAH {region.upper()}", g.t("<OFFICE>").upper(),
             g.t(f"Jalan <GIVEN> {{Raya |}}Nomor <N> {region.split(' ', 1)[1]} Telepon (0<N>) <BIG><N>"
                 f"{{ Faksimile (0<N>) <BIG>|}}")]
    if g.chance(0.6):
        lines.append(g.t(f"{{Laman|Website|Situs}} {{www.|ppid.|}}{site}{{kab|kota|}}.go.id, {{Pos-el|Email|Surel}} "
                         f"{{info|ppid|setda|humas}}@{site}{{kab|kota|}}.go.id"))
    if g.chance(0.3):
        lines = [g.t("{KEPOLISIAN NEGARA REPUBLIK INDONESIA|KEJAKSAAN NEGERI <CITY>|BALAI PEMASYARAKATAN KELAS I <CITY>|"
                     "RUMAH SAKIT UMUM DAERAH <CITY>|KANTOR NOTARIS <NAME>, S.H., M.Kn.}").upper(), lines[2]]
    return lines


def positive(g: Gen, genre: str, pool: str) -> list[tuple[str, str, str]]:
    titles, labels, neutral, marker_p = POSITIVE[genre]
    blocks = [("title", g.t(g.pick(titles)), "none")]
    if g.chance(marker_p):
        blocks.append(("field", g.t(g.pick(MARKERS)), "none"))
    elif g.chance(0.3):
        blocks.append(("field", g.t(g.pick(ROUTINE)), "none"))
    blocks += fields(g)
    if g.chance(0.6):
        blocks.append(("para", draw(g, "open", OPENINGS, pool), "none"))
    label = g.pick(labels)
    body = [(draw(g, label, EXEMPT[label], pool), label) for _ in range(g.r.randint(2, 5))]
    if label.startswith("17h") and g.chance(0.4):
        other = g.pick([k for k in EXEMPT if k.startswith("17h")])
        body.append((draw(g, other, EXEMPT[other], pool), other))
    body += [(draw(g, neutral, NEUTRAL[neutral], pool), "none") for _ in range(g.r.randint(2, 5))]
    for _ in range(g.r.randint(0, 2)):
        kind = g.pick(list(PUBLIC) + ["hard", "hard"])
        body.append((draw(g, kind, PUBLIC[kind], pool), "none"))
    g.r.shuffle(body)
    blocks += [("para", text, lab) for text, lab in body]
    if g.chance(0.7):
        blocks.append(("para", draw(g, "close", CLOSINGS, pool), "none"))
    return blocks


def negative(g: Gen, genre: str, pool: str) -> list[tuple[str, str, str]]:
    titles, banks = NEGATIVE[genre]
    blocks = [("title", g.t(g.pick(titles)), "none")]
    if genre in ("memo-biasa", "undangan"):
        blocks.append(("field", g.t(g.pick(ROUTINE)), "none"))
    blocks += fields(g)
    if g.chance(0.4):
        blocks.append(("para", draw(g, "open", OPENINGS, pool), "none"))
    for _ in range(g.r.randint(3, 8)):
        bank = g.pick(banks + ["hard"]) if g.chance(0.25) else g.pick(banks)
        blocks.append(("para", draw(g, bank, PUBLIC[bank], pool), "none"))
    if genre == "rekap-aduan" and g.chance(0.4):
        blocks.insert(g.r.randint(1, len(blocks)), ("para", draw(g, "17a", EXEMPT["17a"], pool), "17a"))
    if g.chance(0.5):
        blocks.append(("para", draw(g, "close", CLOSINGS, pool), "none"))
    return blocks


def fields(g: Gen) -> list[tuple[str, str, str]]:
    out = []
    for name, value in [("Nomor", "<LETTERNO>"), ("Tanggal", "<DATE>"), ("Lampiran", "{1 (satu) berkas|-}"),
                        ("Hal", "{Laporan|Telaahan|Penyampaian} {hasil kegiatan|data|informasi}")]:
        if g.chance(0.5):
            out.append(("field", g.t(f"{name}{{\t|  |\t\t}}: {value}"), "none"))
    return out


def signature(g: Gen) -> list[str]:
    return [g.t("<CITY>, <DATE>"), g.t("{Kepala <OFFICE>|Pejabat Pembuat Komitmen|Penyidik|Sekretaris Daerah},"), "",
            g.t("<NAME>, {S.H.|S.E.|S.T., M.T.|S.STP., M.Si.|dr.}"), g.t("NIP. 19<N>0<N>12 20<N>01 1 00<N>")]


def render(g: Gen, blocks, layout: str) -> tuple[str, list[dict]]:
    """(text, spans): lay the blocks out as extraction would give them."""
    lines = kop(g) if g.chance(0.85) else []
    text = "\n".join(lines) + ("\n" if lines else "")
    spans = []
    width = g.r.randint(70, 100)
    numbered = g.chance(0.35)
    n = 0
    for kind, body, label in blocks:
        if kind == "title":
            text += body + "\n"
            continue
        if kind == "field":
            text += (body.replace("\t", "  ") if layout == "pdf" else body) + "\n"
            continue
        n += 1
        prefix = f"{n}.{chr(9) if layout == 'docx' else ' '}" if numbered and label != "none" or numbered and n > 1 \
            and g.chance(0.5) else ""
        shown = "\n".join(textwrap.wrap(prefix + body, width)) if layout == "pdf" else prefix + body
        start = len(text) + len(prefix)
        text += shown + ("\n\n" if layout == "txt" and g.chance(0.5) else "\n")
        if label != "none":
            spans.append({"start": start, "end": start + len(shown) - len(prefix), "label": label})
    text += "\n".join(signature(g)) + "\n"
    return text, spans
