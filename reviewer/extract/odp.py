"""OpenDocument presentations (ODP) from the package XML, through lxml with the safe parser.

Each `draw:page` of content.xml is a slide and a page: its text boxes, shapes and table cells in
the order of the XML, the alt text (`svg:title` / `svg:desc`) of its frames, its comments
(`officeooo:annotation` as LibreOffice writes them, or `office:annotation`) and its speaker notes
(`presentation:notes`). A slide or shape name given by a person ("Data Pak Budi", not
LibreOffice's "page3") is read too. The header, footer and date declarations of content.xml and the text of
the master slides in styles.xml, shown on every slide, are one last page.

A unit is (element, "" for its text or "@attribute"); `units` and `slots` are the single
definition of what a unit is and the redactor uses them. Paragraph slots are the ODT ones
(`reviewer.extract.odt.slots`): spans and links, `text:s` / `text:tab` / `text:line-break`; they are
handed to the page by ODT's walker (`reviewer.extract.odt.add_units`), with the shape each belongs
to (`block_of`) for the slide's card in the review.
"""

from __future__ import annotations

import re

from reviewer.core.model import Page
from reviewer.extract import odt
from reviewer.extract.ods import OFFICE, STYLE, TABLE, TEXT, odf_metadata, q
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
TITLE_CLASSES = ("title",)
# the shape a piece of a slide belongs to, nearest kind first: notes and comments hold frames of their own
_BLOCKS = (((q(PRESENTATION, "notes"),), "notes"), (ANNOTATIONS, "comment"), ((q(TABLE, "table"),), "table"),
           ((q(DRAW, "frame"), q(DRAW, "custom-shape")), "body"))
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


def block_of(el) -> tuple:
    """The shape of a slide an element is part of, as (kind, element): one block of the review's card."""
    if el.tag in NAMED:
        return ("slide-name" if el.tag == SLIDE else "shape-name", el)
    if el.tag in (q(SVG, "title"), q(SVG, "desc")):
        return ("alt", el)
    if el.tag in DECLS:
        return ("header" if el.tag == DECLS[0] else "footer", el)
    ancestors = list(el.iterancestors())
    for tags, kind in _BLOCKS:
        shape = next((a for a in ancestors if a.tag in tags), None)
        if shape is not None:
            title = kind == "body" and shape.get(q(PRESENTATION, "class")) in TITLE_CLASSES
            return ("title" if title else kind, shape)
    return ("body", el)


def _add(flow, part: str, numbered: list[tuple[int, tuple]], root) -> None:
    odt.add_units(flow, part, ((n, u[0], unit_text(u), kind_of(u, part)) for n, u in numbered),
                  odt.tables_of(root), block_of)


def extract_odp(path: str) -> tuple[list[Page], dict]:
    from reviewer.extract.flow import Flow

    roots = odt.read_parts(path, PARTS, "ODP")
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
    hidden = set(hidden_slides(content, roots.get("styles.xml")))
    pages: list[Page] = []
    for slide in slides:
        flow = Flow()
        _add(flow, "content.xml", by_slide[slide], slide)
        pages.append(flow.page(len(pages) + 1, hidden=len(pages) + 1 in hidden))
    master = Flow()
    for part, numbered in rest.items():
        _add(master, part, numbered, roots[part])
    if master.length:
        pages.append(master.page(len(pages) + 1, extra="master"))
    return pages or [Page(1, "")], _metadata(path, content, roots.get("styles.xml"), len(slides))


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
