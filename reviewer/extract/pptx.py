"""PPTX slides, tables, speaker notes and alt text, through python-pptx and the slide XML.

Each slide is a page: its text frames and table cells in the order of the slide XML, then the
alt text (`descr`, `title` of `p:cNvPr`), then its speaker notes. The units of a slide or notes
part (`Location.paragraph` indexes them) are its `a:p` paragraphs and, after them in document
order, the alt-text attributes; comments (ppt/comments/) are a last page. Cells of a table get
their column header as DOCX cells do.

`units` and `slots` are the single definition of what a unit is; the redactor uses them. Each
piece also names its shape (`block_of`: title placeholder, text box, table, alt text, notes), the
blocks of the slide's card in the review; `<p:sld show="0">` is a hidden slide.
"""

from __future__ import annotations

import zipfile

from reviewer.core.errors import CorruptFile, EncryptedFile
from reviewer.core.model import Location, Page

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_AP, _AR, _AT, _ABR, _AFLD = (f"{{{A}}}{n}" for n in ("p", "r", "t", "br", "fld"))
_TBL, _TR, _TC = (f"{{{A}}}{n}" for n in ("tbl", "tr", "tc"))
_CNVPR = f"{{{P}}}cNvPr"
_SHAPES = tuple(f"{{{P}}}{n}" for n in ("sp", "graphicFrame", "pic", "cxnSp"))
_PH = f"{{{P}}}ph"
TITLES = ("title", "ctrTitle")
ALT = ("descr", "title")
COMMENTS = "ppt/comments/"


def units(root) -> list[tuple]:
    """(element, attribute or "") of every paragraph and alt text of a part, in document order."""
    out = []
    for el in root.iter(_AP, _CNVPR):
        if el.tag == _AP:
            out.append((el, ""))
        else:
            out += [(el, "@" + name) for name in ALT if el.get(name)]
    return out


def comment_units(root) -> list[tuple]:
    return [(el, "") for el in root.iter() if isinstance(el.tag, str) and el.tag.endswith("}text")]


def slots(unit) -> list[tuple]:
    el, where = unit
    if where:
        return [(el, where, el.get(where[1:]) or "", True)]
    if el.tag != _AP:  # a comment's text element
        return [(el, "text", el.text or "", True)]
    out = []
    for child in el:
        if child.tag in (_AR, _AFLD):
            out += [(t, "text", t.text or "", True) for t in child if t.tag == _AT]
        elif child.tag == _ABR:
            out.append((child, "", "\n", False))
    return out


def unit_text(unit) -> str:
    return "".join(s[2] for s in slots(unit))


def open_pptx(path: str):
    """(python-pptx Presentation, PackageReport) after the zip-bomb and DTD checks."""
    import pptx

    if not zipfile.is_zipfile(path):
        raise EncryptedFile("PPTX terenkripsi atau format PowerPoint lama (.ppt) / encrypted or legacy PowerPoint")
    from reviewer.extract.safety import inspect_ooxml

    report = inspect_ooxml(path, "PPTX")
    try:
        return pptx.Presentation(path), report
    except (MemoryError, RecursionError) as exc:
        raise CorruptFile("PPTX terlalu besar atau terlalu bersarang / PPTX too large or too deeply nested") from exc


def _cell(el, part: str, tables: dict) -> tuple | None:
    tc = next(el.iterancestors(_TC), None)
    if tc is None:
        return None
    tr = tc.getparent()
    tbl = tr.getparent()
    rows = [r for r in tbl if r.tag == _TR]
    return (part, tables[tbl], rows.index(tr), [c for c in tr if c.tag == _TC].index(tc))


def block_of(el, kind: str) -> tuple:
    """The shape a unit of a slide (`kind` body), its notes or a comment belongs to, as (kind, element):
    one block of the review's card. A title placeholder's shape is the slide's title."""
    if el.tag == _CNVPR:
        return ("alt", el)
    table = next(el.iterancestors(_TBL), None)
    if table is not None and kind == "body":
        return ("table", table)
    shape = next(el.iterancestors(*_SHAPES), None)
    if shape is None:
        return (kind, el)
    ph = next(shape.iter(_PH), None)
    return ("title" if kind == "body" and ph is not None and ph.get("type") in TITLES else kind, shape)


def add_part(flow, root, part: str, kind: str, unit_list=None) -> None:
    tables = {t: i for i, t in enumerate(root.iter(_TBL))}
    prev = None
    for n, unit in enumerate(units(root) if unit_list is None else unit_list):
        cell = _cell(unit[0], part, tables)
        sep = "\t" if cell and prev and cell[:3] == prev[:3] and cell != prev else "\n"
        what = "alt" if unit[1] else ("table" if cell else kind)
        flow.add(unit_text(unit), Location(part, n), what, sep, cell, block_of(unit[0], kind))
        prev = cell


def extract_pptx(path: str) -> tuple[list[Page], dict]:
    from reviewer.extract.docx import CORE_FIELDS
    from reviewer.extract.flow import Flow

    prs, report = open_pptx(path)
    pages: list = []
    for slide in prs.slides:
        flow = Flow()
        add_part(flow, slide._element, str(slide.part.partname).lstrip("/"), "body")
        if slide.has_notes_slide:
            notes = slide.notes_slide
            add_part(flow, notes._element, str(notes.part.partname).lstrip("/"), "notes")
        pages.append(flow.page(len(pages) + 1, hidden=slide._element.get("show") in ("0", "false")))
    comments = Flow()
    for part in prs.part.package.iter_parts():
        name = str(part.partname).lstrip("/")
        if name.startswith(COMMENTS):
            from lxml import etree

            from reviewer.extract.safety import SAFE_PARSER

            root = etree.fromstring(part.blob, SAFE_PARSER)
            add_part(comments, root, name, "comment", comment_units(root))
    if comments.length:
        pages.append(comments.page(len(pages) + 1, extra="comments"))
    metadata = {k: str(v) for k in CORE_FIELDS if (v := getattr(prs.core_properties, k, None)) not in (None, "")}
    metadata["slides"] = str(len(prs.slides))
    if report.external_links:
        metadata["external_links"] = " ".join(report.external_links[:20])
    with zipfile.ZipFile(path) as zf:
        if any(n.endswith("vbaProject.bin") for n in zf.namelist()):
            metadata["macros"] = "VBA"
    return pages or [Page(1, "", ())], metadata
