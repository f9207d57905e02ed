"""OpenDocument presentations (ODP) from the package XML, through lxml with the safe parser.

Each `draw:page` of content.xml is a slide and a page: its text boxes, shapes and table cells in
the order of the XML, the alt text (`svg:title` / `svg:desc`) of its frames, its comments
(`officeooo:annotation` as LibreOffice writes them, or `office:annotation`) and its speaker notes
(`presentation:notes`). A slide or shape name given by a person ("Data Pak Budi", not
LibreOffice's "page3") is read too. The header, footer and date declarations of content.xml and the text of
the master slides in styles.xml, shown on every slide, are one last page.

A unit is (element, "" for its text or "@attribute"); `units` and `slots` are the single
definition of what a unit is and the redactor uses them. Paragraph slots are the ODT ones
(`reviewer.extract.odt.slots`): spans and links, `text:s` / `text:tab` / `text:line-break`.
"""

from __future__ import annotations

import re

from reviewer.core.errors import CorruptFile
from reviewer.core.model import Location, Page
from reviewer.extract import odt
from reviewer.extract.ods import OFFICE, STYLE, TABLE, TEXT, odf_metadata, q, read_part
from reviewer.extract.odt import DRAW, SVG

PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
OFFICEOOO = "http://openoffice.org/2009/office"
PARTS = ("content.xml", "styles.xml")
SLIDE = q(DRAW, "page")
NAME = "@" + q(DRAW, "name")
DECLS = tuple(q(PRESENTATION, n) for n in ("header-decl", "footer-decl", "date-time-decl"))
ANNOTATIONS = (q(OFFICEOOO, "annotation"), q(OFFICE, "annotation"))
NAMED = (SLIDE, q(DRAW, "frame"), q(DRAW, "custom-shape"), q(DRAW, "g"))
UNIT_TAGS = (q(TEXT, "p"), q(TEXT, "h"), q(SVG, "title"), q(SVG, "desc")) + NAMED + DECLS
# A name of one word and/or a number is what an office suite gives ("page3", "Shape 1", "Image12"):
# not read. A name of several words was typed by someone ("Data Pak Budi") and is read.
DEFAULT_NAME = re.compile(r"[^\W\d_]*\s*\d*$")
_KIND_OF = ((q(PRESENTATION, "notes"), "notes"), ANNOTATIONS[:1] + ("comment",), ANNOTATIONS[1:] + ("comment",),
            (q(TABLE, "table-cell"), "table"))


def units(root) -> list[tuple]:
    """(element, where) of every paragraph, alt text, declaration and named slide, in document order."""
    out = []
    for el in root.iter(*UNIT_TAGS):
        if el.tag not in NAMED:
            out.append((el, ""))
        elif not DEFAULT_NAME.match((el.get(q(DRAW, "name")) or "").strip()):
            out.append((el, NAME))
    return out


def slots(unit) -> list[tuple]:
    el, where = unit
    if where:
        return [(el, where, el.get(where[1:]) or "", True)]
    return odt.slots(el)


def unit_text(unit) -> str:
    return "".join(s[2] for s in slots(unit))


def kind_of(unit, part: str) -> str:
    el, where = unit
    if where:
        return "slide-name" if el.tag == SLIDE else "shape-name"
    if el.tag in (q(SVG, "title"), q(SVG, "desc")):
        return "alt"
    if el.tag in DECLS:
        return "header" if el.tag == DECLS[0] else "footer"
    for ancestor in el.iterancestors():
        for tag, kind in _KIND_OF:
            if ancestor.tag == tag:
                return kind
    return "body" if part == "content.xml" else "master"


def slide_of(el):
    """The draw:page holding an element (itself for a slide name), or None (master, declarations)."""
    return el if el.tag == SLIDE else next(el.iterancestors(SLIDE), None)


def _cell(el, part: str, tables: dict) -> tuple | None:
    tc = next(el.iterancestors(q(TABLE, "table-cell")), None)
    if tc is None:
        return None
    tr = tc.getparent()
    table = next(tr.iterancestors(q(TABLE, "table")))
    rows = list(table.iter(q(TABLE, "table-row")))
    cols = [c for c in tr if c.tag in (q(TABLE, "table-cell"), q(TABLE, "covered-table-cell"))]
    return (part, tables[table], rows.index(tr), cols.index(tc))


def _add(flow, part: str, numbered: list[tuple[int, tuple]], tables: dict) -> None:
    prev = None
    for n, unit in numbered:
        cell = _cell(unit[0], part, tables)
        sep = "\t" if cell and prev and cell[:3] == prev[:3] and cell != prev else "\n"
        flow.add(unit_text(unit), Location(part, n), kind_of(unit, part), sep, cell)
        prev = cell


def _parts(path: str) -> dict:
    roots = {}
    for part in PARTS:
        try:
            roots[part] = read_part(path, part, "ODP")
        except CorruptFile:
            if part == "content.xml":
                raise
    return roots


def extract_odp(path: str) -> tuple[list[Page], dict]:
    from reviewer.extract.flow import Flow

    roots = _parts(path)
    content = roots["content.xml"]
    slides = list(content.iter(SLIDE))
    by_slide: dict = {s: [] for s in slides}
    rest: dict[str, list] = {}
    for part, root in roots.items():
        for n, unit in enumerate(units(root)):
            slide = slide_of(unit[0]) if part == "content.xml" else None
            if slide in by_slide:
                by_slide[slide].append((n, unit))
            else:
                rest.setdefault(part, []).append((n, unit))
    pages: list[Page] = []
    for slide in slides:
        flow = Flow()
        _add(flow, "content.xml", by_slide[slide], _tables(slide))
        pages.append(flow.page(len(pages) + 1))
    master = Flow()
    for part, numbered in rest.items():
        _add(master, part, numbered, _tables(roots[part]))
    if master.length:
        pages.append(master.page(len(pages) + 1))
    return pages or [Page(1, "")], _metadata(path, content, roots.get("styles.xml"), len(slides))


def _tables(root) -> dict:
    return {t: i for i, t in enumerate(root.iter(q(TABLE, "table")))}


def _metadata(path: str, content, styles, count: int) -> dict:
    metadata = odf_metadata(path)
    metadata["slides"] = str(count)
    hidden = hidden_slides(content, styles)
    if hidden:
        metadata["hidden_slides"] = ", ".join(str(i) for i in hidden)
    if any(True for _ in content.iter(*ANNOTATIONS)):
        metadata["comments"] = "yes"
    return metadata


def hidden_slides(content, styles=None) -> list[int]:
    """Slide numbers whose drawing-page style says `presentation:visibility="hidden"`."""
    hidden_styles = set()
    for root in (content, styles):
        for style in root.iter(q(STYLE, "style")) if root is not None else ():
            props = style.find(q(STYLE, "drawing-page-properties"))
            if props is not None and props.get(q(PRESENTATION, "visibility")) == "hidden":
                hidden_styles.add(style.get(q(STYLE, "name")))
    return [i for i, s in enumerate(content.iter(SLIDE), 1) if s.get(q(DRAW, "style-name")) in hidden_styles]
