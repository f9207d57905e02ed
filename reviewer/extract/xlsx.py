"""XLSX/XLSM workbooks through openpyxl in read-only (streaming) mode, cached values only.

Every worksheet is read, hidden and very hidden ones too (they come after the visible ones, see
`reviewer.extract.sheets.order_pages`). Formulas are never evaluated: a cell holds the value
Excel last computed and saved (`data_only`). Comments (legacy notes; threaded comments keep a
copy there) and page headers/footers are read from the package XML, as openpyxl's read-only
mode skips them; defined names form a last page. Macros (vbaProject.bin), external links and
threaded-comment parts are reported in the metadata so the warnings name them.

The package is checked for zip bombs and DTDs before openpyxl opens it (`extract.safety`).
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile

from reviewer.core.errors import CorruptFile, EncryptedFile
from reviewer.core.model import Page
from reviewer.extract.sheets import Sheet, order_pages

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HF_PARTS = ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")
SIDES = ("left", "center", "right")
CORE_FIELDS = ("creator", "lastModifiedBy", "title", "subject", "keywords", "description", "category",
               "created", "modified", "lastPrinted")
HF_TAIL = 1 << 20  # bytes of a sheet's XML kept after </sheetData> (print settings, header/footer)


def cell_text(value) -> str:
    """The text a reader sees for a cached cell value (numbers without float noise)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e17:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y" if value.time() == dt.time() else "%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


def open_workbook(path: str, **options):
    """The openpyxl workbook after the package checks. Raises CorruptFile/EncryptedFile."""
    import openpyxl

    if not zipfile.is_zipfile(path):
        with open(path, "rb") as fh:
            if fh.read(8).startswith(b"\xd0\xcf\x11\xe0"):
                raise EncryptedFile("XLSX terenkripsi (berkata sandi); simpan ulang tanpa kata sandi / "
                                    "password-protected workbook; save it without a password")
        raise CorruptFile("XLSX rusak (bukan arsip zip) / corrupt XLSX (not a zip archive)")
    from reviewer.extract.safety import inspect_ooxml

    report = inspect_ooxml(path, "XLSX")
    with open(path, "rb") as fh:  # bytes, not a path: openpyxl judges a path by its suffix (a copy ends .part)
        data = io.BytesIO(fh.read())
    try:
        return openpyxl.load_workbook(data, data_only=True, keep_links=False, **options), report
    except (MemoryError, RecursionError) as exc:
        raise CorruptFile("XLSX terlalu besar atau terlalu bersarang / XLSX too large or nested too deeply") from exc
    except Exception as exc:
        detail = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
        raise CorruptFile(f"XLSX rusak atau tidak dapat dibaca / corrupt or unreadable XLSX ({detail})") from exc


def extract_xlsx(path: str) -> tuple[list[Page], dict]:
    workbook, report = open_workbook(path, read_only=True)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            sheets = [Sheet(i, ws.title, _rows(ws), ws.sheet_state, _notes(zf, names, ws._worksheet_path))
                      for i, ws in enumerate(workbook.worksheets)]
            pages = order_pages(sheets, defined_names(workbook))
            metadata = _metadata(zf, names, workbook, report)
    finally:
        workbook.close()
    return pages, metadata


def _rows(ws):
    for row in ws.iter_rows():
        values, number = [], 0
        for c in row:
            if c.value is not None:
                values.append((c.column - 1, cell_text(c.value)))
                number = c.row - 1
        if values:
            yield number, values


def defined_names(workbook) -> list[tuple[str, str, str]]:
    """Workbook-level defined names whose value is a constant text (a formula to a range is not)."""
    out = []
    for name, dn in sorted(workbook.defined_names.items()):
        value = dn.attr_text or ""
        if name.startswith("_xlnm.") or not value.strip():
            continue
        out.append((f"name:{name}", f"Nama {name}: ", value))
    return out


def _notes(zf: zipfile.ZipFile, names: set[str], sheet_part: str) -> list[tuple[str, str, str]]:
    return comments(zf, names, sheet_part) + header_footer(zf, sheet_part)


def _related(zf: zipfile.ZipFile, names: set[str], part: str, kind: str) -> list[str]:
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels not in names:
        return []
    root = _xml(zf, rels)
    folder = posixpath.dirname(part)
    return [posixpath.normpath(posixpath.join(folder, r.get("Target", ""))).lstrip("/")
            for r in root if r.get("Type", "").endswith("/" + kind) and r.get("TargetMode") != "External"]


def comments(zf: zipfile.ZipFile, names: set[str], sheet_part: str) -> list[tuple[str, str, str]]:
    out = []
    for part in _related(zf, names, sheet_part, "comments"):
        if part not in names:
            continue
        for comment in _xml(zf, part).iter(f"{{{S}}}comment"):
            ref = comment.get("ref", "")
            text = "".join(t.text or "" for t in comment.iter(f"{{{S}}}t"))
            if text.strip():
                out.append((f"comment:{ref}", f"Komentar {ref}: ", text))
    return out


def header_footer(zf: zipfile.ZipFile, sheet_part: str) -> list[tuple[str, str, str]]:
    """The page header/footer texts of a sheet, per part and side, without format codes."""
    from openpyxl.worksheet.header_footer import HeaderFooterItem

    tail = _tail(zf, sheet_part)
    out = []
    for tag in HF_PARTS:
        m = re.search(rb"<(?:\w+:)?%s(?:\s[^>]*)?>(.*?)</(?:\w+:)?%s>" % (tag.encode(), tag.encode()), tail, re.S)
        if not m:
            continue
        item = HeaderFooterItem.from_tree(_fragment(m.group(1)))
        for side in SIDES if item else ():
            text = getattr(item, side).text
            if text and text.strip():
                what = "Kepala" if "Header" in tag else "Kaki"
                out.append((f"hf:{tag}:{side}", f"{what} halaman ({side}): ", text))
    return out


def _tail(zf: zipfile.ZipFile, part: str) -> bytes:
    """What follows the cell data in a sheet's XML, read as a stream (a big sheet is not held)."""
    keep, seen = b"", False
    with zf.open(part) as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            data = keep + block
            if not seen:
                at = max(data.rfind(b"</sheetData>"), data.rfind(b"<sheetData/>"))
                seen = at >= 0
                data = data[at:] if seen else data[-64:]
            keep = data[-HF_TAIL:]
    return keep if seen else b""


def _fragment(body: bytes):
    from lxml import etree

    from reviewer.extract.safety import SAFE_PARSER

    try:
        return etree.fromstring(b"<hf>" + body + b"</hf>", SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptFile(f"kepala/kaki halaman XLSX rusak / corrupt header/footer ({exc})") from exc


def _xml(zf: zipfile.ZipFile, name: str):
    from lxml import etree

    from reviewer.extract.safety import SAFE_PARSER

    try:
        return etree.fromstring(zf.read(name), SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptFile(f"bagian XLSX '{name}' rusak / corrupt part ({exc})") from exc


def _metadata(zf: zipfile.ZipFile, names: set[str], workbook, report) -> dict:
    metadata = {}
    props = workbook.properties
    for key in CORE_FIELDS:
        value = getattr(props, key, None)
        if value not in (None, ""):
            metadata[key] = str(value)
    states = [f"{ws.title} ({ws.sheet_state})" for ws in workbook.worksheets if ws.sheet_state != "visible"]
    if states:
        metadata["hidden_sheets"] = ", ".join(states)
    metadata["sheets"] = str(len(workbook.worksheets))
    links = [n for n in names if n.startswith("xl/externalLinks/") and n.endswith(".xml")]
    if links or report.external_links:
        metadata["external_links"] = " ".join((list(report.external_links) + links)[:20])
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        metadata["macros"] = "vbaProject.bin"
    if any(n.startswith("xl/threadedComments/") for n in names):
        metadata["threaded_comments"] = "yes"
    if any(n.startswith(("xl/embeddings/", "xl/activeX/")) for n in names):
        metadata["embedded_files"] = "yes"
    return metadata
