"""Where to cut on a PDF page: from a decision's words to PyMuPDF rectangles.

Each line of a redaction gets two rectangles in PyMuPDF's page space:
- `removal`, the middle band of the line, inset at both ends by a fraction of a character:
  MuPDF removes every glyph a redaction rectangle touches, and word boxes of tightly set lines
  overlap their neighbours, so full boxes would also remove letters above, below and beside;
- `visual`, the full line height (trimmed where a neighbouring line's box reaches into it): the
  black box that is drawn, and the area where image pixels and enclosed vector graphics are burned.

Partly redacted words ("NIK:3374…") are cut at real glyph positions taken from PyMuPDF, not at a
share of the word's width, whenever the glyphs can be matched one to one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reviewer.core.model import Decision, Page, Word
from reviewer.extract.pdfmupdf import raw_box
from reviewer.extract.pdfspace import apply_box, plumber_to_mupdf

LINE_BAND = 0.3  # share of the line height, around its middle, that the removal rectangle spans
EDGE = 0.15  # share of a character's width left out at each end of the removal rectangle
RIGHT, DOWN, LEFT, UP = (1, 0), (0, 1), (-1, 0), (0, -1)


@dataclass(frozen=True)
class Target:
    removal: tuple[float, float, float, float]
    visual: tuple[float, float, float, float]
    direction: tuple[int, int]  # direction of the text in PyMuPDF space
    basis: str
    index: int  # the decision's index


@dataclass
class _Piece:
    direction: tuple[int, int]
    lo: float  # extent along the text direction (x for horizontal text, y for vertical)
    hi: float
    c0: float  # extent across it
    c1: float
    chars: int


class PageGeometry:
    """One page's coordinate mapping and glyph positions, computed once for all its decisions."""

    def __init__(self, doc, fpage, page: Page):
        self.page = page
        self.fpage = fpage
        mediabox = raw_box(doc, fpage.xref, "MediaBox") or (0, 0, page.width or 612, page.height or 792)
        self.to_fitz = plumber_to_mupdf(mediabox, fpage.rotation, raw_box(doc, fpage.xref, "CropBox"))
        self._chars: list[tuple[tuple, tuple[int, int]]] | None = None
        self._words: list[tuple[Word, tuple]] | None = None

    def rect(self, box) -> tuple[float, float, float, float]:
        return apply_box(self.to_fitz, box.as_tuple())

    def chars(self) -> list[tuple[tuple, tuple[int, int]]]:
        if self._chars is None:
            raw = self.fpage.get_text("rawdict", flags=0)
            self._chars = [(tuple(ch["bbox"]), _axis(line["dir"]))
                           for block in raw["blocks"] for line in block.get("lines", ())
                           for span in line["spans"] for ch in span["chars"] if ch["c"].strip()]
        return self._chars

    def chars_in(self, rect) -> list[tuple[tuple, tuple[int, int]]]:
        x0, y0, x1, y1 = rect
        out = []
        for bbox, direction in self.chars():
            cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
            if x0 - 0.5 <= cx <= x1 + 0.5 and y0 - 0.5 <= cy <= y1 + 0.5:
                out.append((bbox, direction))
        return out

    def direction(self) -> tuple[int, int]:
        votes = Counter(d for _, d in self.chars())
        return votes.most_common(1)[0][0] if votes else RIGHT

    def words(self) -> list[tuple[Word, tuple]]:
        if self._words is None:
            self._words = [(w, self.rect(w.box)) for w in self.page.words if w.box is not None]
        return self._words


def text_targets(geo: PageGeometry, d: Decision, index: int) -> list[Target]:
    pieces = []
    for word in geo.page.textmap.words_in(d.start, d.end):
        if word.box is not None:
            pieces.append(_piece(geo, word, max(d.start, word.start) - word.start,
                                 min(d.end, word.end) - word.start))
    inside = (d.start, d.end)
    return [_target(geo, line, d.basis, index, inside) for line in _lines(pieces)]


def area_target(geo: PageGeometry, d: Decision, index: int) -> Target:
    rect = geo.rect(d.box)
    return Target(rect, rect, geo.direction(), d.basis, index)


def _piece(geo: PageGeometry, word: Word, a: int, b: int) -> _Piece:
    rect = geo.rect(word.box)
    chars = geo.chars_in(rect)
    direction = Counter(dr for _, dr in chars).most_common(1)[0][0] if chars else geo.direction()
    horizontal = direction in (RIGHT, LEFT)
    lo, hi = (rect[0], rect[2]) if horizontal else (rect[1], rect[3])
    c0, c1 = (rect[1], rect[3]) if horizontal else (rect[0], rect[2])
    n = len(word.text)
    sign = 1 if direction in (RIGHT, DOWN) else -1
    extents = sorted(((bb[0], bb[2]) if horizontal else (bb[1], bb[3]) for bb, _ in chars),
                     key=lambda e: sign * (e[0] + e[1]))
    if a <= 0 and b >= n:
        if extents:
            lo, hi = min(lo, *(e[0] for e in extents)), max(hi, *(e[1] for e in extents))
    elif len(extents) == n:
        part = extents[a:b]
        lo, hi = min(e[0] for e in part), max(e[1] for e in part)
    else:  # glyphs do not match the word's letters one to one: cut by share of the width
        width = hi - lo
        fa, fb = (a / n, b / n) if sign > 0 else (1 - b / n, 1 - a / n)
        lo, hi = lo + fa * width, lo + fb * width
    return _Piece(direction, lo, hi, c0, c1, max(b - a, 1))


def _lines(pieces: list[_Piece]) -> list[_Piece]:
    lines: list[_Piece] = []
    for p in pieces:
        last = lines[-1] if lines else None
        if last and last.direction == p.direction and _cross_overlap(last, p) > 0.5:
            lines[-1] = _Piece(p.direction, min(last.lo, p.lo), max(last.hi, p.hi), min(last.c0, p.c0),
                               max(last.c1, p.c1), last.chars + p.chars)
        else:
            lines.append(p)
    return lines


def _cross_overlap(a: _Piece, b: _Piece) -> float:
    inter = min(a.c1, b.c1) - max(a.c0, b.c0)
    return inter / max(min(a.c1 - a.c0, b.c1 - b.c0), 0.01)


def _target(geo: PageGeometry, line: _Piece, basis: str, index: int, inside: tuple[int, int]) -> Target:
    edge = min(1.0, EDGE * (line.hi - line.lo) / line.chars)
    mid, half = (line.c0 + line.c1) / 2, (line.c1 - line.c0) * LINE_BAND / 2
    removal = _rect(line.direction, line.lo + edge, line.hi - edge, mid - half, mid + half)
    c0, c1 = _trim(geo, line, inside)
    visual = _rect(line.direction, line.lo, line.hi, c0, c1)
    return Target(removal, visual, line.direction, basis, index)


def _trim(geo: PageGeometry, line: _Piece, inside: tuple[int, int]) -> tuple[float, float]:
    """The line's extent across the text, trimmed where boxes of neighbouring lines reach into it."""
    horizontal = line.direction in (RIGHT, LEFT)
    c0, c1 = line.c0, line.c1
    mid, height = (c0 + c1) / 2, c1 - c0
    for word, r in geo.words():
        if inside[0] <= word.start and word.end <= inside[1]:
            continue
        lo, hi = (r[0], r[2]) if horizontal else (r[1], r[3])
        n0, n1 = (r[1], r[3]) if horizontal else (r[0], r[2])
        if hi <= line.lo or lo >= line.hi or n1 <= c0 or n0 >= c1:
            continue
        centre = (n0 + n1) / 2
        if centre < mid - 0.3 * height:
            c0 = max(c0, (c0 + n1) / 2)
        elif centre > mid + 0.3 * height:
            c1 = min(c1, (c1 + n0) / 2)
    return c0, c1


def _rect(direction, lo, hi, c0, c1) -> tuple[float, float, float, float]:
    lo, hi = min(lo, hi), max(lo, hi)
    return (lo, c0, hi, c1) if direction in (RIGHT, LEFT) else (c0, lo, c1, hi)


def _axis(vector) -> tuple[int, int]:
    dx, dy = vector
    if abs(dx) >= abs(dy):
        return RIGHT if dx >= 0 else LEFT
    return DOWN if dy > 0 else UP
