"""Column-aware detection: a column header names what every cell under it holds.

"NIK", "No. KTP", "Nama Penerima", "Alamat", "No. HP", "No. Rekening" above a column are the
strongest evidence there is: each non-empty cell below becomes a candidate of that label, on any
page with table cells (spreadsheets, CSV, DOCX and PDF tables with a header row). Where a
validator exists the value is checked: a valid NIK under a NIK header is `redact`; an invalid
one is `review` (a mistyped NIK is still somebody's NIK, or the column holds something else),
never nothing. Headers that name places, programmes, officials or the agency ("Nama Desa",
"Nama Bank", "Nama Petugas", "Alamat Kantor") make no candidates.

Findings carry source `column` and, as their first reason, the header and the column
("kolom C 'NIK'"), so the review can decide a whole column at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.legal import REDACT_AT
from reviewer.core.lexicon import not_person
from reviewer.core.model import Cell, Document, Finding, Page
from reviewer.core.reasons import reason
from reviewer.core.settings import Settings
from reviewer.extract.sheets import column_letter


@dataclass(frozen=True)
class Column:
    label: str
    basis: str
    validator: str | None  # name in reviewer.detect.validators.REGISTRY
    valid: float  # score of a value the validator accepts (or of any value when there is none)
    invalid: float  # score of a value it rejects
    needs: str  # "digits" or "letters": a cell without any is not a value ("-", "belum ada")


# (header regex, column). First match wins; the order puts specific names before general ones.
RULES: tuple[tuple[re.Pattern, Column], ...] = tuple((re.compile(rx, re.I), col) for rx, col in (
    (r"\b(nik|no\.?\s*ktp|nomor\s+ktp|nomor\s+induk\s+kependudukan|ktp)\b",
     Column("NIK", "17j", "nik", 0.97, 0.6, "digits")),
    (r"\b(no\.?\s*kk|nomor\s+kk|kk|(no\.?|nomor)\s+kartu\s+keluarga)\b",
     Column("KK", "17j", "kk", 0.95, 0.6, "digits")),
    (r"\bnpwp\b", Column("NPWP", "17j", "npwp", 0.9, 0.55, "digits")),
    (r"\b(bpjs|kis|jkn)\b", Column("BPJS", "17j", "digits13", 0.9, 0.55, "digits")),
    (r"\b(rekening|no\.?\s*rek|norek)\b", Column("BANK_ACCOUNT", "17h3", "bank_account", 0.9, 0.55, "digits")),
    (r"\b(hp|handphone|ponsel|seluler|telepon|telp|tlp|telpon|whatsapp|wa|kontak|no\.?\s*tel)\b",
     Column("PHONE", "17h", "phone", 0.9, 0.55, "digits")),
    (r"\b(e-?mail|surel|pos-el)\b", Column("EMAIL", "17h", None, 0.9, 0.9, "letters")),
    (r"\b(tanggal\s+lahir|tgl\.?\s*lahir|ttl|tempat[,/\s]+(tanggal|tgl\.?)\s*lahir|lahir)\b",
     Column("DATE_OF_BIRTH", "17h", "date", 0.85, 0.55, "digits")),
    (r"\b(alamat|domisili|tempat\s+tinggal)\b", Column("ADDRESS", "17h", None, 0.8, 0.8, "letters")),
    (r"\b(nama|ahli\s+waris|penerima|pemohon|peserta|pasien|siswa|mahasiswa|kpm)\b",
     Column("PERSON", "17h", None, 0.85, 0.85, "letters")),
))
# Headers that name no private person's data, whatever else they say.
NOT_PERSONAL = re.compile(
    r"\b(desa|kelurahan|kecamatan|kabupaten|kota|provinsi|wilayah|barang|kegiatan|program|instansi|sekolah|"
    r"bank|jabatan|unit|dinas|kantor|perusahaan|usaha|toko|kelompok|pejabat|petugas|pendamping|operator|"
    r"verifikator|penyalur|koperasi|lembaga|organisasi|jumlah|total|status|keterangan|jenis|kode)\b", re.I)


@lru_cache(maxsize=4096)
def column_of(header: str) -> Column | None:
    """What a column with this header holds, or None."""
    text = " ".join(header.replace("_", " ").split())
    if not text or len(text) > 60 or NOT_PERSONAL.search(text):
        return None
    for rx, column in RULES:
        if rx.search(text):
            return column
    return None


def page_findings(page: Page) -> list[Finding]:
    out = []
    for cell in page.cells:
        if not cell.header or cell.start < 0:
            continue
        column = column_of(cell.header)
        if column is not None:
            found = _finding(page, cell, column)
            if found is not None:
                out.append(found)
    return out


def _finding(page: Page, cell: Cell, column: Column) -> Finding | None:
    text = page.text[cell.start:cell.end]
    value = text.strip()
    if not _has(value, column.needs) or " ".join(value.split()).lower() == cell.header.lower():
        return None
    if column.label == "PERSON" and not_person(value):  # "JUMLAH" in the totals row, "Toko Makmur"
        return None
    start = cell.start + len(text) - len(text.lstrip())
    reasons = [reason("column.header", column=column_letter(cell.col), header=cell.header, label=column.label,
                      source="column")]
    score = column.valid
    if column.validator:
        from reviewer.detect.validators import REGISTRY

        ok, why = REGISTRY[column.validator](value)
        score = column.valid if ok else column.invalid
        reasons.append(reason("pattern.valid" if ok else "column.invalid", why=why, source="column"))
    action = "redact" if score >= REDACT_AT else "review"
    return Finding(page.number, start, start + len(value), value, column.label, column.basis, score, action,
                   "column", tuple(reasons))


def _has(value: str, needs: str) -> bool:
    if needs == "digits":
        return any(c.isdigit() for c in value)
    return sum(c.isalpha() for c in value) >= 2


def clip_to_cells(page: Page, findings: list[Finding]) -> list[Finding]:
    """A finding that starts in a table cell ends with that cell: patterns read a tab or a line
    break as a space, and an address would run on into the next column ("Jl. Melati 5\tCibodas")."""
    if not page.cells:
        return findings
    out = []
    for f in findings:
        cell = page.cell_at(f.start) if f.end > f.start else None
        if cell is not None and f.end > cell.end:
            text = page.text[f.start:cell.end].rstrip()
            if not text:
                continue
            f = f.replace(end=f.start + len(text), text=text, reasons=f.reasons + (reason("column.clipped"),))
        out.append(f)
    return out


def detector(settings: Settings):
    """The document-level detector for `reviewer.detect.pipeline`."""
    def detect(document: Document, settings: Settings) -> dict[int, list[Finding]]:
        return {page.number: page_findings(page) for page in document.pages if page.cells}

    return detect
