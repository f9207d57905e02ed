"""Tables as pages: what XLSX, ODS and CSV have in common once their cells are read.

A sheet becomes one `Page`: a first line naming the sheet ("Lembar: Data"), then one line per
row with the cells separated by tabs, then the sheet's comments and page headers/footers, each on
its own line. Every non-empty cell is a `Cell` (table = the sheet's position in the workbook,
row and col 0-based as in the file) with its offsets in the page text and the text of its
column header. Things that are not cells (the sheet name, comments, headers and footers,
defined names) are `Segment`s whose `Location.part` says what they are: "title",
"comment:B5", "hf:oddHeader:center", "name:Kontak"; the redactors find them again by it. A
note's segment covers its whole line, the words that introduce it ("Komentar B5: ") included;
`Location.offset` is minus their length, so offsets map into the note's own text.

The header row is the first of the first rows that reads as column headers
(`reviewer.extract.tables.is_header_row`); title rows above it ("DAFTAR PENERIMA BLT ...") are
skipped. Tabs and line breaks inside a cell are spaces in the page text (same length, so
offsets into the cell stay true).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reviewer.core.model import Cell, Location, Page, Segment, Word

HEADER_SCAN = 12  # rows searched for the header row
VISIBLE = "visible"
_BLANKS = str.maketrans("\t\n\r\x0b\x0c", "     ")


@dataclass
class Sheet:
    """One sheet as read from the file, before it becomes a page."""

    index: int
    title: str | None  # None for a CSV: no title line
    rows: Iterable[tuple[int, list[tuple[int, str]]]]  # (row, [(col, text), ...]) in order
    state: str = VISIBLE  # visible, hidden, veryHidden
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (part, label, text)


def flat(text: str) -> str:
    """A cell's text as it stands in the page text."""
    return text.translate(_BLANKS)


def sheet_page(number: int, sheet: Sheet) -> Page:
    """The page of one sheet: title line, rows, then comments and headers/footers."""
    out = _Builder()
    if sheet.title is not None:
        prefix = "Lembar tersembunyi: " if sheet.state != VISIBLE else "Lembar: "
        out.note("title", prefix, sheet.title, "title", sheet.index)
    header: dict[int, str] | None = None
    scanned = 0
    for row, values in sheet.rows:
        values = [(c, flat(t)) for c, t in values if t and t.strip()]
        if not values:
            continue
        out.row(row, values, header or {})
        scanned += 1
        if header is None and scanned <= HEADER_SCAN and _is_header(values):
            header = {c: " ".join(t.split()) for c, t in values}
    for part, label, text in sheet.notes:
        out.note(part, label, flat(text), note_kind(part), sheet.index)
    return out.page(number, sheet.index)


def note_kind(part: str) -> str:
    """Segment kind of a note: comment, header, footer, name (defined name), title."""
    head = part.split(":", 1)[0]
    if head == "hf":
        return "header" if "Header" in part else "footer"
    return head


def _is_header(values: list[tuple[int, str]]) -> bool:
    from reviewer.extract.tables import is_header_row

    return is_header_row([t for _, t in values])


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.cells: list[tuple[int, int, str, str, int, int]] = []
        self.segments: list[Segment] = []

    def _add(self, text: str) -> int:
        if self.length:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def row(self, row: int, values: list[tuple[int, str]], header: dict[int, str]) -> None:
        line: list[str] = []
        pos, prev = 0, 0
        spans = []
        for col, text in sorted(values):
            if col < prev or (line and col == prev):
                continue  # a repeated column: keep the first
            pad = "\t" * (col - prev)
            prev = col
            line += [pad, text]
            pos += len(pad)
            spans.append((col, text, pos))
            pos += len(text)
        start = self._add("".join(line))
        for col, text, at in spans:
            self.cells.append((row, col, text, header.get(col, ""), start + at, start + at + len(text)))

    def note(self, part: str, label: str, text: str, kind: str, sheet: int) -> None:
        """A line "label text"; its segment covers the line, offset -len(label) into the note's text."""
        start = self._add(label + text)
        self.segments.append(Segment(start, start + len(label) + len(text), Location(part, sheet, -len(label)), kind))

    def page(self, number: int, table: int) -> Page:
        text = "".join(self.parts)
        cells = tuple(Cell(table, r, c, t, h, a, b) for r, c, t, h, a, b in self.cells)
        return Page(number, text, words(text), segments=tuple(self.segments), cells=cells)


def column_letter(col: int) -> str:
    """Spreadsheet column name of a 0-based column: 0 -> A, 27 -> AB."""
    out = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def words(text: str) -> tuple[Word, ...]:
    import re

    return tuple(Word(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text))


def order_pages(sheets: list[Sheet], extra: Sequence[tuple[str, str, str]] = ()) -> list[Page]:
    """Visible sheets first, in workbook order, then hidden ones, then the workbook's own notes
    (defined names) as a last page. A redacted copy keeps only the visible sheets, so its pages
    line up with the first pages of the original."""
    ordered = [s for s in sheets if s.state == VISIBLE] + [s for s in sheets if s.state != VISIBLE]
    pages = [sheet_page(i, s) for i, s in enumerate(ordered, start=1)]
    if extra:
        pages.append(sheet_page(len(pages) + 1, Sheet(-1, None, (), VISIBLE, list(extra))))
    return pages


def sheet_of(page: Page) -> int:
    """The workbook index of the sheet a page shows (-1 for the workbook-notes page)."""
    if page.cells:
        return page.cells[0].table
    return page.segments[0].location.paragraph if page.segments else 0


def layout(page: Page) -> dict | None:
    """A sheet page's grid for the review table: its cells as [row, col, start, end] in text order,
    the column headers and the header row; None for a page whose cells are not one sheet."""
    if not page.cells or len({c.table for c in page.cells}) != 1:
        return None
    cells = sorted((c for c in page.cells if c.start >= 0), key=lambda c: c.start)
    headers = {str(c.col): c.header for c in cells if c.header}
    under = [c.row for c in cells if c.header]
    above = [c.row for c in cells if under and c.row < min(under)]
    return {"cells": [[c.row, c.col, c.start, c.end] for c in cells], "headers": headers,
            "header_row": max(above) if above else None}
