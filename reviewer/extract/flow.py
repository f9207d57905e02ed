"""Text flows: paragraph-like pieces (ODT, PPTX, HTML) assembled into one page text.

A format reader walks its XML and hands each piece of text to a `Flow` with the `Location` that
finds it again (part, index among that part's units) and the separator that stands before it
("\n" between paragraphs, "\t" between the cells of a table row, "" inside one HTML paragraph).
Empty pieces are skipped, so no segment is empty. Pieces inside a table cell also extend that
cell's span; the cells get their column header as DOCX cells do. A presentation's reader also
names the shape each piece belongs to (`block`): the slide's blocks for the review.
"""

from __future__ import annotations

from reviewer.core.model import Location, Page, Segment, Slide


class Flow:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        self.cell_spans: dict[tuple, list[int]] = {}
        self.blocks: dict[tuple, list[tuple[int, int]]] = {}

    def add(self, text: str, location: Location, kind: str, sep: str = "\n", cell: tuple | None = None,
            block: tuple | None = None) -> None:
        """Append one piece; `cell` is (part, table, row, col) when the piece is in a table cell, `block`
        (kind, shape) the slide shape it belongs to."""
        if not text:
            return
        if self.length and sep:
            self.parts.append(sep)
            self.length += len(sep)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.segments.append(Segment(start, self.length, location, kind))
        if cell is not None:
            self.cell_spans.setdefault(cell, [start, start])[1] = self.length
        if block is not None:
            self.blocks.setdefault(block, []).append((start, self.length))

    def page(self, number: int, hidden: bool | None = None, extra: str = "") -> Page:
        """The page; with `hidden` (True or False) or `extra` given, a slide page with its blocks."""
        from reviewer.extract.docx import table_cells
        from reviewer.extract.sheets import words

        text = "".join(self.parts)
        slide = None
        if hidden is not None or extra:
            slide = Slide(tuple((key[0], tuple(spans)) for key, spans in self.blocks.items()), bool(hidden), extra)
        return Page(number, text, words(text), segments=tuple(self.segments),
                    cells=tuple(table_cells(text, self.cell_spans)), slide=slide)


def slide_layout(page: Page) -> dict | None:
    """A slide page's blocks for the review card, as stored (`PageRecord.slide`): each block its kind,
    its pieces [start, end] and, for a table, its cells [row, col, start, end]; None for other pages."""
    if page.slide is None:
        return None
    blocks = []
    for kind, spans in page.slide.blocks:
        block: dict = {"kind": kind, "spans": [list(s) for s in spans]}
        if kind == "table":
            block["cells"] = [[c.row, c.col, c.start, c.end] for c in page.cells
                              if any(a <= c.start < b for a, b in spans)]
        blocks.append(block)
    return {"hidden": page.slide.hidden, "extra": page.slide.extra, "blocks": blocks}
