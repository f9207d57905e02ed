"""OCR words into page text, built together with the word boxes as extract/pdf.py does.

Lines come from Tesseract (it follows skewed baselines better than any grouping of boxes); lines
that share a row (a form's "Nama" and ": Siti Aminah" read as two blocks) are joined left to right.
Separators follow extract/pdf.py: a tab where the gap is a column gap, a space otherwise, a newline
between rows. Positions are grouped on the upright picture and only then mapped to page points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from statistics import median

from reviewer.core.model import Box, Cell, Word
from reviewer.ocr.engine import OcrWord
from reviewer.ocr.images import Affine, map_box
from reviewer.ocr.tables import Grid

COLUMN_GAP = 2.5  # same rule as extract/pdflayout.py, with the line height standing in for the font size
ROW_TOLERANCE = 0.5


@dataclass
class _Builder:
    """Page text, words and cells, accumulated together so offsets and boxes never drift apart."""

    to_page: Affine
    parts: list[str] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_word(self, w: OcrWord) -> None:
        self.words.append(Word(w.text, self.length, self.length + len(w.text),
                               self.box(w.left, w.top, w.left + w.width, w.top + w.height), w.conf))
        self.add(w.text)

    def box(self, x0: float, top: float, x1: float, bottom: float) -> Box:
        a, b, c, d = map_box(self.to_page, x0, top, x1, bottom)
        return Box(round(a, 2), round(b, 2), round(c, 2), round(d, 2))

    def row(self, row: list[OcrWord], gaps: bool = True) -> None:
        height = median(w.height for w in row)
        for i, w in enumerate(row):
            if i:
                gap = w.left - (row[i - 1].left + row[i - 1].width)
                self.add("\t" if gaps and gap > COLUMN_GAP * height else " ")
            self.add_word(w)


def page_text(words: list[OcrWord], to_page: Affine,
              grids: Sequence[Grid] = ()) -> tuple[str, tuple[Word, ...], tuple[Cell, ...]]:
    """Text, words and table cells of a page; tables (ruled grids) are read cell by cell."""
    inside: list[list[OcrWord]] = [[] for _ in grids]
    loose: list[OcrWord] = []
    for w in words:
        cx, cy = w.left + w.width / 2, w.top + w.height / 2
        index = next((i for i, g in enumerate(grids) if g.left <= cx <= g.right and g.top <= cy <= g.bottom), None)
        (loose if index is None else inside[index]).append(w)
    lines = rows(loose)
    # (top, 0 for a line of loose words / 1 for a table, index into `lines` / `grids`)
    blocks = [(min(w.top for w in r), 0, i) for i, r in enumerate(lines)]
    blocks += [(g.top, 1, i) for i, g in enumerate(grids)]
    out = _Builder(to_page)
    for _, kind, i in sorted(blocks, key=lambda b: (b[0], b[1])):
        if out.length:
            out.add("\n")
        if kind == 0:
            out.row(lines[i])
        else:
            _table(out, i, grids[i], inside[i])
    return "".join(out.parts), tuple(out.words), tuple(out.cells)


def _table(out: _Builder, index: int, grid: Grid, words: list[OcrWord]) -> None:
    """Rows with a newline, cells with a tab, a cell's lines joined by a space (as extract/pdf.py)."""
    slots: dict[tuple[int, int], list[OcrWord]] = {}
    for w in words:
        slots.setdefault(_slot(grid, w), []).append(w)
    headers = [" ".join(x.text for line in rows(slots.get((0, c), [])) for x in line)
               for c in range(len(grid.cells[0]))]
    for r, (y0, y1) in enumerate(grid.rows):
        if r:
            out.add("\n")
        for c, (x0, x1) in enumerate(grid.cells[r]):
            if c:
                out.add("\t")
            start = out.length
            for i, line in enumerate(rows(slots.get((r, c), []))):
                if i:
                    out.add(" ")
                out.row(line, gaps=False)
            header = headers[c] if r and c < len(headers) else ""
            text = "".join(out.parts)[start:]
            out.cells.append(Cell(index, r, c, text, header, start, out.length, out.box(x0, y0, x1, y1)))


def _slot(grid: Grid, w: OcrWord) -> tuple[int, int]:
    """The cell holding the word's centre, or the nearest one (a word touching a rule is still in)."""
    cx, cy = w.left + w.width / 2, w.top + w.height / 2
    r = min(range(len(grid.rows)), key=lambda i: _distance(cy, *grid.rows[i]))
    c = min(range(len(grid.cells[r])), key=lambda i: _distance(cx, *grid.cells[r][i]))
    return r, c


def _distance(v: float, lo: float, hi: float) -> float:
    return 0.0 if lo <= v <= hi else min(abs(v - lo), abs(v - hi))


def rows(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Tesseract lines, joined into rows where they sit side by side; rows top to bottom."""
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    ordered = sorted((_repaired(ws) for ws in lines.values()), key=lambda ws: min(w.top for w in ws))
    out: list[tuple[float, float, list[list[OcrWord]]]] = []  # (top, bottom) of the row's first line
    for line in ordered:
        top, bottom = min(w.top for w in line), max(w.top + w.height for w in line)
        for ref_top, ref_bottom, members in out:
            tolerance = ROW_TOLERANCE * min(bottom - top, ref_bottom - ref_top)
            if abs((top + bottom) / 2 - (ref_top + ref_bottom) / 2) < tolerance:
                members.append(line)
                break
        else:
            out.append((top, bottom, [line]))
    result = []
    for _, _, members in out:
        members.sort(key=lambda ws: min(w.left for w in ws))
        result.append([w for line in members for w in line])
    return result


def _repaired(line: list[OcrWord]) -> list[OcrWord]:
    """A line's words in reading order, a word stretched over its neighbours cut back between them.

    Tesseract sometimes gives one word of an underlined line the box of the whole line; such a
    word is far wider than its letters need and overlaps the words beside it.
    """
    out = list(line)
    if len(out) < 2:
        return out
    per_char = median(w.width / max(len(w.text), 1) for w in out)
    for i, w in enumerate(out):
        prev = out[i - 1] if i else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        over_prev = prev is not None and w.left < prev.left + prev.width - 1
        over_next = nxt is not None and w.left + w.width > nxt.left + 1
        if not (over_prev or over_next) or w.width < 2 * per_char * len(w.text):
            continue
        need, gap = round(per_char * len(w.text)), round(per_char / 2)
        left = prev.left + prev.width + gap if prev is not None else nxt.left - gap - need  # type: ignore[union-attr]
        right = nxt.left - gap if nxt is not None else left + need
        if right > left:
            out[i] = replace(w, left=left, width=right - left)
    return out
