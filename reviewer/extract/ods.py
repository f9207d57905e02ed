"""OpenDocument spreadsheets (ODS) from the package XML, through lxml with a safe parser.

Each `table:table` of content.xml is a sheet; a table whose style says `table:display="false"`
is hidden. Repeated rows and cells (`number-*-repeated`) count as what they stand for; repeated
*filled* cells are expanded up to `MAX_REPEAT` per sheet (a bomb of one cell repeated a
million times is refused). A float cell reads as its stored value (`office:value`), not the
display format (a NIK typed as a number would display as 3,2E+15); other cells read as their
paragraphs. Cell annotations are comments. `meta.xml` gives the document properties.

`walk` is the single definition of which element is which (sheet, row, col); the redactor uses it.
"""

from __future__ import annotations

import zipfile

from reviewer.core.errors import CorruptFile, EncryptedFile
from reviewer.core.model import Page
from reviewer.extract.sheets import Sheet, order_pages

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
MAX_REPEAT = 1_000_000  # filled cells per sheet, repetitions included
MIMETYPES = {"application/vnd.oasis.opendocument.spreadsheet": "ods",
             "application/vnd.oasis.opendocument.text": "odt",
             "application/vnd.oasis.opendocument.presentation": "odp"}


def q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def mimetype(zf: zipfile.ZipFile) -> str:
    try:
        return zf.read("mimetype")[:100].decode("ascii", "replace").strip()
    except KeyError:
        return ""


def read_part(path: str, name: str, what: str = "ODS"):
    """The parsed XML part of an ODF package, after the zip-bomb and DTD checks."""
    from lxml import etree

    from reviewer.extract.safety import SAFE_PARSER, inspect_ooxml

    inspect_ooxml(path, what)
    with zipfile.ZipFile(path) as zf:
        if "META-INF/manifest.xml" in zf.namelist() and b"encryption-data" in zf.read("META-INF/manifest.xml"):
            raise EncryptedFile(f"{what} terenkripsi (berkata sandi); simpan ulang tanpa kata sandi / "
                                f"password-protected {what}; save it without a password")
        try:
            return etree.fromstring(zf.read(name), SAFE_PARSER)
        except KeyError as exc:
            raise CorruptFile(f"{what} rusak: bagian {name} tidak ada / corrupt {what}: {name} missing") from exc
        except etree.XMLSyntaxError as exc:
            raise CorruptFile(f"{what} rusak: {name} bukan XML yang sah / corrupt {what} ({exc})") from exc


def paragraph_text(p) -> str:
    """Text of a text:p / text:h with spaces (text:s), tabs and line breaks as written; notes skipped."""
    out = [p.text or ""]
    for child in p:
        tag = child.tag
        if tag == q(TEXT, "s"):
            out.append(" " * int(child.get(q(TEXT, "c"), "1") or 1))
        elif tag == q(TEXT, "tab"):
            out.append("\t")
        elif tag == q(TEXT, "line-break"):
            out.append("\n")
        elif tag in (q(OFFICE, "annotation"), q(OFFICE, "annotation-end"), q(TEXT, "note")):
            pass
        elif isinstance(tag, str):
            out.append(paragraph_text(child))
        out.append(child.tail or "")
    return "".join(out)


def cell_text(cell) -> str:
    if cell.get(q(OFFICE, "value-type")) in ("float", "percentage", "currency") and cell.get(q(OFFICE, "value")):
        from reviewer.extract.xlsx import cell_text as number_text

        try:
            return number_text(float(cell.get(q(OFFICE, "value"))))
        except ValueError:
            pass
    return "\n".join(paragraph_text(p) for p in cell if p.tag in (q(TEXT, "p"), q(TEXT, "h")))


def hidden_styles(root) -> set[str]:
    return {s.get(q(STYLE, "name")) for s in root.iter(q(STYLE, "style"))
            if any(p.get(q(TABLE, "display")) == "false" for p in s.iter(q(STYLE, "table-properties")))}


def tables(root) -> list:
    body = root.find(q(OFFICE, "body"))
    sheet = body.find(q(OFFICE, "spreadsheet")) if body is not None else None
    if sheet is None:
        raise CorruptFile("ODS rusak: tidak ada lembar kerja / corrupt ODS: no spreadsheet body")
    return sheet.findall(q(TABLE, "table"))


def walk(table):
    """(row, col, cell element, repeat) of every filled cell of a table, 0-based, in order."""
    row, filled = 0, 0
    for tr in table.iter(q(TABLE, "table-row")):
        rows = int(tr.get(q(TABLE, "number-rows-repeated"), "1") or 1)
        col, cells = 0, []
        for tc in tr:
            if tc.tag not in (q(TABLE, "table-cell"), q(TABLE, "covered-table-cell")):
                continue
            repeat = int(tc.get(q(TABLE, "number-columns-repeated"), "1") or 1)
            if len(tc) or tc.get(q(OFFICE, "value")) is not None:
                cells.append((col, tc, repeat))
            col += repeat
        for r in range(rows if cells else 0):
            for col, tc, repeat in cells:
                filled += repeat
                if filled > MAX_REPEAT:
                    raise CorruptFile(f"ODS memuat lebih dari {MAX_REPEAT} sel terisi (pengulangan) — "
                                      "kemungkinan bom / too many repeated cells")
                for k in range(repeat):
                    yield row + r, col + k, tc, repeat
        row += rows


def _sheet(index: int, table, hidden: set[str]) -> Sheet:
    from reviewer.extract.sheets import column_letter

    notes = []
    rows: dict[int, list[tuple[int, str]]] = {}
    for row, col, tc, _ in walk(table):
        text = cell_text(tc)
        if text.strip():
            rows.setdefault(row, []).append((col, text))
        for note in tc.iter(q(OFFICE, "annotation")):
            body = "\n".join(paragraph_text(p) for p in note.iter(q(TEXT, "p")))
            if body.strip():
                ref = f"{column_letter(col)}{row + 1}"
                notes.append((f"comment:{ref}", f"Komentar {ref}: ", body))
    state = "hidden" if table.get(q(TABLE, "style-name")) in hidden else "visible"
    return Sheet(index, table.get(q(TABLE, "name"), f"Lembar {index + 1}"), sorted(rows.items()), state,
                 list(dict.fromkeys(notes)))


def extract_ods(path: str) -> tuple[list[Page], dict]:
    root = read_part(path, "content.xml")
    hidden = hidden_styles(root)
    sheets = [_sheet(i, t, hidden) for i, t in enumerate(tables(root))]
    metadata = odf_metadata(path)
    states = [f"{s.title} (hidden)" for s in sheets if s.state != "visible"]
    if states:
        metadata["hidden_sheets"] = ", ".join(states)
    metadata["sheets"] = str(len(sheets))
    return order_pages(sheets), metadata


META_FIELDS = {q(DC, "creator"): "last_modified_by", q(META, "initial-creator"): "author", q(DC, "title"): "title",
               q(DC, "subject"): "subject", q(DC, "description"): "comments", q(META, "keyword"): "keywords",
               q(META, "printed-by"): "printed_by", q(META, "creation-date"): "created", q(DC, "date"): "modified"}


def odf_metadata(path: str) -> dict:
    """Document properties from meta.xml, and what the package carries that the scan does not read."""
    from lxml import etree

    from reviewer.extract.safety import SAFE_PARSER

    out = {}
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        if "meta.xml" in names:
            try:
                meta = etree.fromstring(zf.read("meta.xml"), SAFE_PARSER)
            except etree.XMLSyntaxError:
                meta = None
            for el in meta.iter() if meta is not None else ():
                if el.tag in META_FIELDS and (el.text or "").strip():
                    out[META_FIELDS[el.tag]] = el.text.strip()
    if any(n.startswith(("Basic/", "Scripts/")) for n in names):
        out["macros"] = "Basic"
    if any(n.startswith("Object ") for n in names):
        out["embedded_files"] = "yes"
    return out
