"""Reading a spreadsheet (CSV or XLSX) into rows of cells, and the column vocabulary of DIK tables.

Agencies' DIK tables (legal-reference §2.3) differ in column names, use two-row headers with merged
cells ("Konsekuensi / Pertimbangan Bagi Publik" over "Dibuka" | "Ditutup"), a title block above
the table (the decree's number and date) and a signature block below it.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from reviewer.dik.model import DikError

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Column names as the product writes them in the full layout ("lengkap"); the reader also knows
# the agencies' names through `field_of`.
FULL_COLUMNS = {
    "number": "No", "group": "Kelompok", "information": "Informasi yang Dikecualikan",
    "basis_text": "Dasar Hukum", "reason": "Alasan Pengecualian", "if_opened": "Konsekuensi Apabila Dibuka",
    "if_closed": "Konsekuensi Apabila Ditutup", "duration": "Jangka Waktu", "counted_from": "Dihitung Sejak",
    "holder": "Pejabat/Unit yang Menguasai Informasi", "decree_number": "Nomor Penetapan",
    "decree_date": "Tanggal Penetapan", "decree_official": "Pejabat yang Menetapkan",
    "decree_place": "Tempat Penetapan", "keywords": "Kata Kunci", "labels": "Label Temuan", "status": "Status",
    "ended_on": "Berakhir Pada", "unit": "Unit",
}

# (field, pattern) in the order they are tried on a normalised header ("konsekuensi … dibuka" is an
# opening consequence before it is anything else).
_FIELD_RULES = [
    ("if_opened", r"\bdibuka\b"),
    ("if_closed", r"\bditutup\b"),
    ("counted_from", r"dihitung sejak"),
    ("ended_on", r"berakhir pada|tanggal berakhir"),
    ("decree_number", r"(?:nomor|no\.?)\s*(?:penetapan|sk|keputusan|surat keputusan)"),
    ("decree_date", r"tanggal\s*(?:penetapan|sk|keputusan|ditetapkan)"),
    ("decree_official", r"pejabat (?:yang )?(?:menetapkan|penetap)|ditetapkan oleh|penandatangan"),
    ("decree_place", r"tempat penetapan|ditetapkan di"),
    ("duration", r"jangka[ _]waktu|batas waktu|masa (?:berlaku|pengecualian)"),
    ("basis_text", r"dasar[ _]hukum|landasan hukum|^pasal\b"),
    ("holder", r"menguasai|pengelola informasi"),
    ("responsible", r"penanggung ?jawab"),
    ("keywords", r"kata kunci|keywords?"),
    ("labels", r"label"),
    ("status", r"^status"),
    ("unit", r"^unit(?: kerja)?$|^satuan kerja$|^perangkat daerah$"),
    ("group", r"^kelompok|^kategori$"),
    ("reason", r"alasan|pertimbangan|konsekuensi|deskripsi|uraian"),
    ("information", r"informasi|konten|ringkasan isi|^judul$|jenis klasifikasi|^dokumen$"),
    ("number", r"^(?:no|nomor|no urut|nomor urut)\.?$"),
]


def norm(text) -> str:
    return " ".join(re.sub(r"[\[\]:*_]", " ", str(text or "")).split()).lower()


def field_of(header) -> str | None:
    h = norm(header)
    if not h:
        return None
    for name, pattern in _FIELD_RULES:
        if re.search(pattern, h):
            return name
    return None


def cell_text(value) -> str:
    """A cell as text: whole numbers without '.0', a leading "'" that protected a formula removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").strip()
    if text.startswith("'") and text[1:2] in FORMULA_START:
        text = text[1:]
    return text


def safe_cell(text: str) -> str:
    """A text that spreadsheet programs will not run as a formula (CSV/formula injection)."""
    return "'" + text if text.startswith(FORMULA_START) else text


# --- reading ------------------------------------------------------------------------------------

def read_table(path: str | Path, data: bytes | None = None) -> list[list]:
    """All rows of the first sheet that looks like a DIK table (or the CSV), as lists of cell values."""
    path = Path(path)
    if data is None:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise DikError(f"{path.name}: berkas lebih dari {MAX_BYTES // 2**20} MB / file too large")
            data = path.read_bytes()
        except OSError as exc:
            raise DikError(f"{path.name}: tidak dapat dibaca / cannot be read: {exc.strerror}") from exc
    if len(data) > MAX_BYTES:
        raise DikError(f"{path.name}: berkas lebih dari {MAX_BYTES // 2**20} MB / file too large")
    suffix = path.suffix.lower()
    if data[:4] == b"PK\x03\x04" or suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path.name, data)
    if suffix in (".xls", ".ods") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DikError(f"{path.name}: format lama/lain tidak didukung; simpan sebagai .xlsx atau .csv / "
                       "old or other spreadsheet format: save as .xlsx or .csv")
    return _read_csv(path.name, data)


def _read_csv(name: str, data: bytes) -> list[list]:
    text = _decode(name, data)
    if "\x00" in text:
        raise DikError(f"{name}: bukan berkas CSV atau XLSX / not a CSV or XLSX file")
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    if len(rows) > MAX_ROWS:
        raise DikError(f"{name}: lebih dari {MAX_ROWS} baris / more than {MAX_ROWS} rows")
    return rows


def _decode(name: str, data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DikError(f"{name}: pengodean teks tidak dikenal; simpan sebagai CSV UTF-8 / unknown text encoding: "
                   "save as CSV UTF-8")


def _read_xlsx(name: str, data: bytes) -> list[list]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DikError(f"{name}: berkas XLSX rusak / corrupt XLSX file ({type(exc).__name__})") from exc
    try:
        sheets = []
        for sheet in book.worksheets:
            rows = []
            for row in sheet.iter_rows(values_only=True):
                rows.append(list(row))
                if len(rows) > MAX_ROWS:
                    raise DikError(f"{name}: lebih dari {MAX_ROWS} baris / more than {MAX_ROWS} rows")
            sheets.append(rows)
    finally:
        book.close()
    for rows in sheets:
        if find_header(rows) is not None:
            return rows
    return sheets[0] if sheets else []


# --- header -------------------------------------------------------------------------------------

def find_header(rows: list[list]) -> tuple[int, int, list[str | None]] | None:
    """(first header row, rows in the header, field per column), or None when no header is found."""
    for i, row in enumerate(rows[:40]):
        fields = [field_of(c) for c in row]
        if "information" not in fields or not {"basis_text", "duration", "reason", "if_opened"} & set(fields):
            continue
        if i + 1 < len(rows) and _is_subheader(rows[i + 1]):
            return i, 2, _combined(row, rows[i + 1])
        return i, 1, _dedupe_fields(fields)
    return None


def _is_subheader(row: list) -> bool:
    texts = [norm(c) for c in row if cell_text(c)]
    return bool(texts) and any(re.search(r"\bdibuka\b|\bditutup\b", t) for t in texts) and \
        not any(len(t) > 60 for t in texts)


def _combined(top: list, sub: list) -> list[str | None]:
    width = max(len(top), len(sub))
    top = list(top) + [None] * (width - len(top))
    sub = list(sub) + [None] * (width - len(sub))
    out, carried = [], ""
    for t, s in zip(top, sub):
        t, s = cell_text(t), cell_text(s)
        if t:
            carried = t
        out.append(field_of(f"{t or (carried if s else '')} {s}".strip()))
    return _dedupe_fields(out)


def _dedupe_fields(fields: list[str | None]) -> list[str | None]:
    seen: set[str] = set()
    out = []
    for f in fields:
        out.append(None if f in seen else f)
        if f:
            seen.add(f)
    return out


def is_numbering_row(row: list) -> bool:
    """The '(1) (2) (3) …' row under many tables' headers."""
    texts = [cell_text(c) for c in row if cell_text(c)]
    return len(texts) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in texts)
