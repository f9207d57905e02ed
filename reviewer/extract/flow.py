"""Text flows: paragraph-like pieces (ODT, PPTX, HTML) assembled into one page text.

A format reader walks its XML and hands each piece of text to a `Flow` with the `Location` that
finds it again (part, index among that part's units) and the separator that stands before it
("\n" between paragraphs, "\t" between the cells of a table row, "" inside one HTML paragraph).
Empty pieces are skipped, so no segment is empty. Pieces inside a table cell also extend that
cell's span; the cells get their column header as DOCX cells do.
"""

from __future__ import annotations

from reviewer.core.model import Location, Page, Segment


class Flow:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        self.cell_spans: dict[tuple, list[int]] = {}

    def add(self, text: str, location: Location, kind: str, sep: str = "\n", cell: tuple | None = None) -> None:
        """Append one piece; `cell` is (part, table, row, col) when the piece is in a table cell."""
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

    def page(self, number: int) -> Page:
        from reviewer.extract.docx import table_cells
        from reviewer.extract.sheets import words

        text = "".join(self.parts)
        return Page(number, text, words(text), segments=tuple(self.segments),
                    cells=tuple(table_cells(text, self.cell_spans)))
