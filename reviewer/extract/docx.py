"""DOCX text with (part, paragraph, offset) locations, through python-docx.

A DOCX becomes one page whose text is every place that can hold words, in reading order:
page headers, the body (paragraphs and tables in document order, text boxes in place), page
footers, footnotes, endnotes and comments. Each paragraph is a `Segment` pointing back to its
part and its index among the part's `w:p` elements, so redaction can find it again.

`paragraph_text` is the single definition of a paragraph's text; the redactor uses it too.
"""

from __future__ import annotations

import zipfile

from reviewer.core.errors import CorruptFile, EncryptedFile
from reviewer.core.model import Cell, Location, Page, Segment

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _T, _TAB, _BR, _CR = (f"{{{W}}}{n}" for n in ("p", "t", "tab", "br", "cr"))
_TC, _TR, _TBL, _TXBX = (f"{{{W}}}{n}" for n in ("tc", "tr", "tbl", "txbxContent"))
_NBH, _SYMH = f"{{{W}}}noBreakHyphen", f"{{{W}}}softHyphen"
_FALLBACK = f"{{{MC}}}Fallback"

CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# Reading order of the kinds of parts, and the segment kind their paragraphs get.
PART_KINDS = [
    (CT + "header+xml", "header"),
    (CT + "document.main+xml", "body"),
    (CT + "template.main+xml", "body"),
    (CT + "document.macroEnabled.main+xml", "body"),
    (CT + "footer+xml", "footer"),
    (CT + "footnotes+xml", "footnote"),
    (CT + "endnotes+xml", "endnote"),
    (CT + "comments+xml", "comment"),
]
CORE_FIELDS = ("author", "last_modified_by", "title", "subject", "keywords", "comments",
               "category", "content_status", "identifier", "language", "version", "created",
               "modified", "last_printed", "revision")


def paragraphs(root) -> list:
    """The part's paragraphs in document order, the same list extraction and redaction index."""
    return list(root.iter(_P))


def in_fallback(element) -> bool:
    """True inside mc:Fallback, the legacy duplicate of a text box (same words, drawn twice)."""
    return any(a.tag == _FALLBACK for a in element.iterancestors())


def paragraph_text(p) -> str:
    """Text of a paragraph without the text of paragraphs nested in it (text boxes)."""
    out = []
    for el in p.iter(_T, _TAB, _BR, _CR, _NBH, _SYMH):
        if _owner(el) is not p:
            continue
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif tag == _TAB:
            if el.getparent() is not None and el.getparent().tag.endswith("}r"):
                out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NBH:
            out.append("-")
    return "".join(out)


def _owner(el):
    for a in el.iterancestors(_P):
        return a
    return None


def open_docx(path: str):
    """The python-docx Document, after the safety checks. Raises CorruptFile/EncryptedFile."""
    return open_docx_checked(path)[0]


def open_docx_checked(path: str):
    """(python-docx Document, PackageReport): the package is inspected before it is parsed."""
    import docx

    if not zipfile.is_zipfile(path):
        with open(path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise EncryptedFile("DOCX terenkripsi atau format Word lama (.doc); simpan ulang sebagai .docx "
                                "tanpa kata sandi / encrypted or legacy Word file; save as .docx without password")
        raise CorruptFile("DOCX rusak (bukan arsip zip) / corrupt DOCX (not a zip archive)")
    from reviewer.extract.safety import inspect_ooxml

    report = inspect_ooxml(path)  # refuse bombs and DTDs before python-docx reads every part into memory
    try:
        return docx.Document(path), report
    except (MemoryError, RecursionError) as exc:
        raise CorruptFile("DOCX terlalu besar atau terlalu bersarang / DOCX too large or too deeply nested") from exc
    except Exception as exc:
        if "depth" in str(exc).lower():
            raise CorruptFile("DOCX terlalu dalam bersarang (lebih dari 256 tingkat) / DOCX nested too deeply") from exc
        raise CorruptFile(f"DOCX rusak atau tidak dapat dibaca / corrupt or unreadable DOCX ({exc})") from exc


def extract_docx(path: str) -> tuple[list[Page], dict]:
    from docx.oxml import parse_xml

    document, report = open_docx_checked(path)
    package = document.part.package
    metadata = _core_properties(document)
    if report.external_links:
        metadata["external_links"] = " ".join(report.external_links[:20])
    parts = []
    for part in package.iter_parts():
        kind = dict(PART_KINDS).get(part.content_type)
        if kind is None:
            continue
        root = part.element if hasattr(part, "element") else parse_xml(part.blob)
        parts.append((kind, str(part.partname).lstrip("/"), root))
    order = [k for _, k in PART_KINDS]
    parts.sort(key=lambda p: (order.index(p[0]), _natural(p[1])))

    text: list[str] = []
    length = 0
    segments: list[Segment] = []
    cell_spans: dict[tuple, list[int]] = {}
    prev_cell = None
    for kind, partname, root in parts:
        cell_tables = {tbl: i for i, tbl in enumerate(root.iter(_TBL))}
        for index, p in enumerate(paragraphs(root)):
            if in_fallback(p):
                continue
            ptext = paragraph_text(p)
            cell = _cell_key(p, cell_tables)
            if length:
                sep = "\t" if cell and prev_cell and cell[:2] == prev_cell[:2] and cell != prev_cell else "\n"
                text.append(sep)
                length += 1
            prev_cell = cell
            seg_kind = "textbox" if _in_textbox(p) else ("table" if cell and kind == "body" else kind)
            segments.append(Segment(length, length + len(ptext), Location(partname, index), seg_kind))
            if cell:
                span = cell_spans.setdefault((partname, *cell), [length, length])
                span[1] = length + len(ptext)
            text.append(ptext)
            length += len(ptext)
    page_text = "".join(text)
    cells = _cells(page_text, cell_spans)
    if any(True for _, _, root in parts for _ in root.iter(f"{{{W}}}del", f"{{{W}}}ins")):
        metadata["tracked_changes"] = "yes"
    return [Page(1, page_text, (), None, None, segments=tuple(segments), cells=tuple(cells))], metadata


def _cell_key(p, tables: dict) -> tuple[int, int, int] | None:
    tc = next(p.iterancestors(_TC), None)
    if tc is None:
        return None
    tr = tc.getparent()
    tbl = tr.getparent()
    table_no = tables[tbl]
    row = [c for c in tbl if c.tag == _TR].index(tr)
    col = [c for c in tr if c.tag == _TC].index(tc)
    return (table_no, row, col)


def _cells(text: str, spans: dict[tuple, list[int]]) -> list[Cell]:
    from reviewer.extract.tables import is_header_row

    first_rows: dict[tuple, list[tuple[int, str]]] = {}
    for (part, t, r, c), (a, b) in spans.items():
        if r == 0:
            first_rows.setdefault((part, t), []).append((c, text[a:b]))
    headers = {}
    for (part, t), row in first_rows.items():
        if is_header_row([cell for _, cell in sorted(row)]):
            headers.update({(part, t, c): " ".join(cell.split()) for c, cell in row})
    cells = []
    for (part, t, r, c), (a, b) in spans.items():
        header = headers.get((part, t, c), "") if r > 0 else ""
        cells.append(Cell(t, r, c, text[a:b], header, a, b))
    return cells


table_cells = _cells  # (part, table, row, col) -> [start, end] spans to `Cell`s with headers


def _in_textbox(p) -> bool:
    return any(a.tag == _TXBX for a in p.iterancestors())


def _core_properties(document) -> dict:
    props = document.core_properties
    out = {}
    for name in CORE_FIELDS:
        value = getattr(props, name, None)
        if value not in (None, ""):
            out[name] = str(value)
    return out


def _natural(name: str) -> tuple:
    import re

    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))
