"""OpenDocument text (ODT) from the package XML, through lxml with the safe parser.

The units of a part (content.xml, then styles.xml for page headers and footers) are its
`text:p` / `text:h` paragraphs and the `svg:title` / `svg:desc` of its frames (alt text), in
document order. A paragraph's text is its slots (`reviewer.redact.slots`): the text and tails
of its spans and links, `text:s` / `text:tab` / `text:line-break` as what they mean; notes,
annotations and frames inside it are units of their own. Paragraphs in a table cell are the
cell; annotations are comments, `meta.xml` the document properties.

`units` and `slots` are the single definition of what a unit is; the redactor uses them.
"""

from __future__ import annotations

from reviewer.core.errors import CorruptFile
from reviewer.core.model import Location, Page
from reviewer.extract.ods import OFFICE, TABLE, TEXT, odf_metadata, q, read_part

SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
UNIT_TAGS = (q(TEXT, "p"), q(TEXT, "h"), q(SVG, "title"), q(SVG, "desc"))
PARTS = ("content.xml", "styles.xml")
_OWN_UNITS = (q(OFFICE, "annotation"), q(OFFICE, "annotation-end"), q(TEXT, "note"), q(DRAW, "frame"),
              q(DRAW, "custom-shape"), q(DRAW, "a"), q(TEXT, "tracked-changes"))
_KIND_OF = ((q(OFFICE, "annotation"), "comment"), (q(TEXT, "note"), "footnote"), (q(DRAW, "text-box"), "textbox"),
            (q(STYLE, "header"), "header"), (q(STYLE, "footer"), "footer"), (q(TABLE, "table-cell"), "table"),
            (q(TEXT, "tracked-changes"), "tracked"))


def units(root) -> list:
    return list(root.iter(*UNIT_TAGS))


def slots(unit) -> list[tuple]:
    if unit.tag in (q(SVG, "title"), q(SVG, "desc")):
        return [(unit, "text", unit.text or "", True)]
    out = [(unit, "text", unit.text or "", True)]
    for child in unit:
        tag = child.tag
        if tag == q(TEXT, "s"):
            out.append((child, "", " " * int(child.get(q(TEXT, "c"), "1") or 1), False))
        elif tag == q(TEXT, "tab"):
            out.append((child, "", "\t", False))
        elif tag == q(TEXT, "line-break"):
            out.append((child, "", "\n", False))
        elif isinstance(tag, str) and tag not in _OWN_UNITS:
            out += slots(child)
        out.append((child, "tail", child.tail or "", True))
    return out


def unit_text(unit) -> str:
    return "".join(s[2] for s in slots(unit))


def kind_of(unit, part: str) -> str:
    for ancestor in unit.iterancestors():
        for tag, kind in _KIND_OF:
            if ancestor.tag == tag:
                return kind
    if unit.tag in (q(SVG, "title"), q(SVG, "desc")):
        return "alt"
    return "body" if part == "content.xml" else "header"


def cell_of(el, part: str, tables: dict) -> tuple | None:
    """(part, table, row, col) of the table cell holding an element, or None outside tables."""
    tc = next(el.iterancestors(q(TABLE, "table-cell")), None)
    if tc is None:
        return None
    tr = tc.getparent()
    table = next(tr.iterancestors(q(TABLE, "table")))
    rows = list(table.iter(q(TABLE, "table-row")))
    cols = [c for c in tr if c.tag in (q(TABLE, "table-cell"), q(TABLE, "covered-table-cell"))]
    return (part, tables[table], rows.index(tr), cols.index(tc))


def tables_of(root) -> dict:
    return {t: i for i, t in enumerate(root.iter(q(TABLE, "table")))}


def read_parts(path: str, parts: tuple[str, ...], what: str) -> dict:
    """The parsed parts of an ODF package by name; content.xml must be there, the others may not."""
    roots = {}
    for part in parts:
        try:
            roots[part] = read_part(path, part, what)
        except CorruptFile:
            if part == "content.xml":
                raise
    return roots


def add_units(flow, part: str, pieces, tables: dict, block_of=None) -> None:
    """Hand the units of one part to the flow: `pieces` are (index, element, text, kind) in document
    order; the cells of one table row are separated by a tab, everything else by a new line.
    `block_of(element)`, for a presentation, names the shape each piece belongs to."""
    prev = None
    for n, el, text, kind in pieces:
        cell = cell_of(el, part, tables)
        sep = "\t" if cell and prev and cell[:3] == prev[:3] and cell != prev else "\n"
        flow.add(text, Location(part, n), kind, sep, cell, block_of(el) if block_of else None)
        prev = cell


def extract_odt(path: str) -> tuple[list[Page], dict]:
    from reviewer.extract.flow import Flow

    flow = Flow()
    tracked = False
    for part, root in read_parts(path, PARTS, "ODT").items():
        tracked |= next(root.iter(q(TEXT, "tracked-changes")), None) is not None
        add_units(flow, part, ((n, u, unit_text(u), kind_of(u, part)) for n, u in enumerate(units(root))),
                  tables_of(root))
    metadata = odf_metadata(path)
    if tracked:
        metadata["tracked_changes"] = "yes"
    return [flow.page(1)], metadata
