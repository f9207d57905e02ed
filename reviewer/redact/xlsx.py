"""XLSX/XLSM redaction through openpyxl: decided cells rewritten, everything hidden dropped.

The copy is the workbook as openpyxl loads it with cached values (`data_only`): formulas are
replaced by their last computed values, so no formula can rebuild a redacted value from
elsewhere. Decided cells get the basis label or the partial mask (`redact.sheets`); page
headers/footers are cut the same way; a decided sheet name is replaced by "Lembar N". Then, in
every copy: hidden and very hidden sheets, comments (notes and threaded comments), defined
names, document properties (core and custom), external links and macros (the copy is always
.xlsx) are removed. Charts and embedded objects openpyxl cannot carry are not in the copy.
"""

from __future__ import annotations

from reviewer.core.errors import RedactionError
from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.redact.outcome import Check, Outcome
from reviewer.redact.sheets import Plan, plan, rewrite


def redact_xlsx(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    from reviewer.extract.xlsx import open_workbook

    edits = plan(document, decisions)
    workbook, _ = open_workbook(document.path)
    sheets = list(workbook.worksheets)
    notes = [f"sel dihitamkan: {len(edits.cells)}; rumus diganti nilai terakhirnya (tidak ada rumus di salinan)"]
    _cells(sheets, edits, settings)
    _notes(sheets, edits, settings)
    notes += _strip(workbook, sheets)
    workbook.save(out_path)
    edits.outcome.notes += notes
    if document.metadata.get("embedded_files"):
        edits.outcome.warnings.append("objek tertanam (embeddings/ActiveX) tidak disalin ke hasil")
    return edits.outcome


def _cells(sheets: list, edits: Plan, settings: Settings) -> None:
    from reviewer.extract.sheets import flat
    from reviewer.extract.xlsx import cell_text

    for (sheet, row, col), spans in edits.cells.items():
        cell = sheets[sheet].cell(row + 1, col + 1)
        original = cell_text(cell.value)
        for a, b, i, d in spans:
            if d.text and flat(original)[a:b] not in d.text:
                raise RedactionError(f"keputusan #{i + 1}: isi sel berbeda dari saat dipindai / cell text changed")
        cell.value = rewrite(original, spans, settings)
        cell.data_type = "s"  # a text starting with "=" stays text
        cell.hyperlink = None


def _notes(sheets: list, edits: Plan, settings: Settings) -> None:
    for (sheet, part), spans in edits.notes.items():
        if sheet < 0 or part.startswith(("comment:", "name:")):
            continue  # removed whole below
        ws = sheets[sheet]
        if part == "title":
            ws.title = _free_title(ws.parent, sheet)
        elif part.startswith("hf:"):
            _, tag, side = part.split(":")
            piece = getattr(getattr(ws, tag), side)
            piece.text = rewrite(piece.text or "", spans, settings)


def _free_title(workbook, index: int) -> str:
    taken = set(workbook.sheetnames)
    n = index + 1
    while f"Lembar {n}" in taken:
        n += 1
    return f"Lembar {n}"


def _strip(workbook, sheets: list) -> list[str]:
    """Remove what a published workbook must not carry; one note per kind removed."""
    from openpyxl.packaging.core import DocumentProperties
    from openpyxl.packaging.custom import CustomPropertyList

    notes = []
    hidden = [ws for ws in sheets if ws.sheet_state != "visible"]
    if len(hidden) == len(sheets):
        raise RedactionError("semua lembar tersembunyi; tampilkan lembar yang akan dipublikasikan / "
                             "every sheet is hidden")
    for ws in hidden:
        workbook.remove(ws)
    if hidden:
        notes.append("lembar tersembunyi dihapus: " + ", ".join(ws.title for ws in hidden))
    workbook.active = 0
    comments = 0
    for ws in workbook.worksheets:
        for cell in list(ws._cells.values()):
            if cell.comment is not None:
                cell.comment = None
                comments += 1
        ws.defined_names.clear() if hasattr(ws, "defined_names") else None
    names = [n for n in workbook.defined_names if not n.startswith("_xlnm.")]
    for name in names:
        del workbook.defined_names[name]
    workbook.properties = DocumentProperties(creator="")
    workbook.custom_doc_props = CustomPropertyList()
    workbook._external_links = []
    notes.append(f"komentar dihapus: {comments}; nama terdefinisi dihapus: {len(names)}; properti dokumen "
                 "dikosongkan; tautan eksternal dan makro dihapus")
    return notes


FORBIDDEN_PARTS = {"xl/comments": "komentar", "xl/threadedComments/": "komentar berutas", "xl/persons/": "daftar orang",
                   "xl/vbaProject": "makro", "xl/externalLinks/": "tautan eksternal", "customXml/": "XML kustom",
                   "docProps/custom.xml": "properti kustom", "xl/embeddings/": "objek tertanam"}


def xlsx_checks(path: str) -> list[Check]:
    """Structure of the copy: no hidden sheets, comments, macros, links, names or properties."""
    import zipfile

    from lxml import etree

    from reviewer.extract.safety import SAFE_PARSER

    found = []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        found += sorted({what for n in names for prefix, what in FORBIDDEN_PARTS.items() if n.startswith(prefix)})
        book = etree.fromstring(zf.read("xl/workbook.xml"), SAFE_PARSER)
        core = etree.fromstring(zf.read("docProps/core.xml"), SAFE_PARSER) if "docProps/core.xml" in names else None
    for el in book.iter():
        local = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if local == "sheet" and el.get("state") in ("hidden", "veryHidden"):
            found.append(f"lembar tersembunyi '{el.get('name')}'")
        if local == "definedName" and not (el.get("name") or "").startswith("_xlnm."):
            found.append(f"nama terdefinisi '{el.get('name')}'")
    props = [etree.QName(el).localname for el in (core if core is not None else ())
             if (el.text or "").strip() and etree.QName(el).localname not in ("created", "modified")]
    return [Check("tanpa lembar tersembunyi, komentar, makro, tautan, nama", "XML mentah", not found,
                  "tidak ada" if not found else "DITEMUKAN: " + ", ".join(found[:8])),
            Check("properti dokumen kosong", "XML mentah", not props,
                  "kosong" if not props else "tersisa: " + ", ".join(props))]
