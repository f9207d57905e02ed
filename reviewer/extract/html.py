"""HTML pages through lxml's HTML parser: text, tables, alt/title attributes, meta tags.

Every place that holds words is a unit: an element's text or tail, or one of its attributes
that people read (`alt`, `title`, `aria-label`, `placeholder`, a form field's `value`, a meta
tag's `content`), in document order. Scripts, styles, templates and comments are not read
(scripts are reported). Units inside one paragraph join with nothing between them, so
"<b>Budi</b> Santoso" reads as one name; block elements and `<br>` start a new line, table
cells are separated by tabs and get their column header. The whole page is read, not only an
article's main text: what is published is what must be checked.

`units` and `slots` are the single definition of what a unit is; the redactor uses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.core.errors import CorruptFile
from reviewer.core.model import Location, Page

MAX_BYTES = 50 * 1024 * 1024
DROP = {"script", "style", "template"}
BLOCKS = {"html", "head", "body", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table",
          "tr", "thead", "tbody", "tfoot", "caption", "section", "article", "header", "footer", "nav", "aside",
          "main", "blockquote", "pre", "address", "figure", "figcaption", "dl", "dt", "dd", "form", "fieldset",
          "legend", "hr", "title", "option", "br", "noscript", "iframe", "textarea", "select"}
CELLS = {"td", "th"}
ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
PART = "html"


@dataclass(frozen=True)
class Unit:
    el: Any  # an lxml element
    where: str  # "text", "tail" or "@attribute"
    sep: str
    kind: str
    cell: tuple | None = None


def parse(data: bytes):
    """(root element, encoding, doctype) of an HTML file."""
    import lxml.html
    from lxml import etree

    from reviewer.extract.text import decode

    if len(data) > MAX_BYTES:
        raise CorruptFile(f"HTML terlalu besar (lebih dari {MAX_BYTES // 2**20} MB) / HTML too large")
    text, encoding = decode(data)
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=False, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFile(f"HTML tidak dapat dibaca / unreadable HTML ({exc})") from exc
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops reading past 256 levels: what follows would silently go unscanned
        raise CorruptFile("HTML terlalu dalam bersarang (lebih dari 256 tingkat); sebagian isi tidak terbaca / "
                          "HTML nested too deeply")
    return root, encoding, getattr(root.getroottree().docinfo, "doctype", "")  # not in lxml-stubs


class _Walk:
    def __init__(self) -> None:
        self.out: list[Unit] = []
        self.pending = ""
        self.tables = 0
        self.stack: list[list[int]] = []  # [table, row, col] of open tables
        self.cell: tuple | None = None

    def add(self, el, where: str, kind: str) -> None:
        value = el.get(where[1:]) if where.startswith("@") else getattr(el, where)
        self.out.append(Unit(el, where, self.pending if value else "", kind, self.cell))
        if value:
            self.pending = ""

    def brk(self, sep: str) -> None:
        if sep == "\n" or not self.pending:
            self.pending = sep

    def element(self, el, kind: str) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is None or tag in DROP:
            return
        saved = self._enter(tag)
        kind = "title" if tag == "title" else ("table" if tag in CELLS else kind)
        for name in _attributes(el, tag):
            self.brk("\n")
            self.add(el, "@" + name, "meta" if tag == "meta" else "alt")
            self.brk("\n")
        self.add(el, "text", kind)
        for child in el:
            self.element(child, kind)
            self.add(child, "tail", kind)
        self._leave(tag, saved)

    def _enter(self, tag: str):
        saved = self.cell
        if tag == "table":
            self.stack.append([self.tables, -1, 0])
            self.tables += 1
        elif tag == "tr" and self.stack:
            self.stack[-1][1] += 1
            self.stack[-1][2] = 0
        elif tag in CELLS and self.stack:
            t, r, c = self.stack[-1]
            self.cell = (PART, t, max(r, 0), c)
            self.stack[-1][2] += 1
        if tag in CELLS:
            self.brk("\t")
        elif tag in BLOCKS:
            self.brk("\n")
        return saved

    def _leave(self, tag: str, saved) -> None:
        if tag == "table" and self.stack:
            self.stack.pop()
        self.cell = saved
        if tag in BLOCKS and tag not in CELLS:
            self.brk("\n")


def _attributes(el, tag: str) -> list[str]:
    if tag == "meta":
        return ["content"] if el.get("content") and (el.get("name") or el.get("property")) else []
    names = [n for n in ATTRIBUTES if el.get(n)]
    if tag == "input" and el.get("value") and el.get("type", "text").lower() not in ("submit", "button", "reset"):
        names.append("value")
    return names


def units(root) -> list[Unit]:
    walk = _Walk()
    walk.element(root, "body")
    return walk.out


def slots(unit: Unit) -> list[tuple]:
    el, where = unit.el, unit.where
    value = el.get(where[1:]) if where.startswith("@") else getattr(el, where)
    return [(el, where, value or "", True)]


def extract_html(path: str) -> tuple[list[Page], dict]:
    from reviewer.extract.flow import Flow

    with open(path, "rb") as fh:
        root, encoding, _ = parse(fh.read())
    flow = Flow()
    for n, unit in enumerate(units(root)):
        flow.add(slots(unit)[0][2], Location(PART, n), unit.kind, unit.sep, unit.cell)
    metadata = {"encoding": encoding}
    title = root.findtext(".//title")
    if title and title.strip():
        metadata["title"] = title.strip()
    if any(s.text or s.get("src") for s in root.iter("script")):
        metadata["javascript"] = "yes"
    return [flow.page(1)], metadata
