"""Reading order of a PDF page, whichever library read its glyphs.

Both PDF engines (`pdf.py`: pdfplumber/pdfminer, `pdfmupdf.py`: PyMuPDF) turn a page into `Glyph`s on the
displayed page and hand them here, so the two give the same words in the same order.

1. The page's text direction is the direction of most of its glyphs; a page whose text is turned
   (a landscape scan, /Rotate that does not match the content) is laid out in the frame where that
   text is upright, and the boxes are turned back.
2. Body glyphs are told from the rest: glyphs turned or skewed against the page's text (diagonal
   watermarks, rotated margin notes and stamps), far larger than the page's body size, very light
   and large, or outside the page are *artifacts*. They stay in the page text, after the body, as
   words of their own with `kind="artifact"` (a stamp may carry data and redaction must see it), but
   they never join a body line, and the detectors do not read them (see `detect.pipeline.detection_view`).
3. Lines are built from the body glyphs' vertical centres with a tolerance from the page's body size
   (the median glyph size), not from one word's height; words split at spaces and at gaps.
4. Ruled tables (found by the engine) are read cell by cell; two text columns separated by a gutter
   are read column by column (key/value blocks such as "Nama : ..." are not columns: see `_is_columns`).
5. A word hyphenated at a line end ("Puspi-" / "tasari") is joined in the text ("Puspitasari") while
   both pieces keep their own box; the continuation moves to the end of the first line.
6. Lines that repeat, word for word, at the top or bottom of most pages are page furniture
   (`mark_furniture`): their words get `kind="furniture"`, and each repetition points at its first
   occurrence so that detectors read it once and its findings are copied to every page.
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from reviewer.core.model import Box, Cell, Page, Word
from reviewer.extract.tables import is_header_row

SKEW = 5.0  # degrees off the page's text direction before a glyph counts as turned
HUGE = 3.0  # glyphs more than this many times the body size are not body text
LIGHT_LARGE = 1.5  # very light glyphs at least this many times the body size are a watermark
READABLE = 4.0  # points: smaller glyphs do not count towards the body size
LINE_TOLERANCE = 0.5  # share of the body size by which glyph centres of one line may differ
COLUMN_GAP = 2.5  # a gap wider than this many times the font size inside a line is written as a tab
WORD_GAP = 3.0  # points (pdfplumber's x_tolerance), scaled down for small type
GUTTER = 1.5  # a column gutter is at least this many body sizes wide
FURNITURE_BAND = 0.15  # share of the page height at the top and bottom where furniture lives
FURNITURE_SHARE = 0.5  # a line is furniture when it repeats on at least this share of pages
MAX_GLYPHS = 200_000  # a page drawn with more text glyphs than this keeps only the first ones
_HYPHEN = re.compile(r"[A-Za-z\u00C0-\u024F]{2,}[-\u00AD]$")


class Glyph(NamedTuple):
    """One drawn character on the displayed page (origin top-left, y down, PDF points)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    angle: float = 0.0  # direction of the text, degrees counter-clockwise on the displayed page
    light: bool = False  # very light or transparent fill
    order: int = 0  # position in the content stream


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    kind: str = "body"
    order: int = 0
    sp_before: bool = False  # a space glyph comes right before it in the content stream
    sp_after: bool = False

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Table:
    """A ruled table as an engine found it: its box and rows of cell boxes (None for a merged cell)."""

    index: int
    bbox: tuple[float, float, float, float]
    rows: list[list[tuple[float, float, float, float] | None]]


@dataclass
class Laid:
    """A laid-out page and the spans of its body lines (for furniture)."""

    page: Page
    lines: list[tuple[int, int, float, float]] = field(default_factory=list)  # start, end, top, bottom


@dataclass
class _Out:
    parts: list[str]
    words: list[Word]
    length: int = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def word(self, w: _Word, text: str | None = None) -> None:
        text = w.text if text is None else text
        self.words.append(Word(text, self.length, self.length + len(text), Box(w.x0, w.top, w.x1, w.bottom),
                               kind=w.kind))
        self.add(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


# ---------------------------------------------------------------- the page frame

def _quarter(angle: float) -> int:
    return round(angle / 90) % 4


def _skew(angle: float) -> float:
    return abs((angle + 45) % 90 - 45)


def _upright(angle: float) -> bool:
    return angle == 0.0 or (_quarter(angle) == 0 and _skew(angle) <= SKEW)


def text_turn(glyphs: list[Glyph]) -> int:
    """Quarter turns (0-3) of most of the page's text on the displayed page."""
    angles = Counter(g.angle for g in glyphs if not g.text.isspace())  # few distinct angles a page
    votes: Counter = Counter()
    for angle, n in angles.items():
        if _skew(angle) <= SKEW:
            votes[_quarter(angle)] += n
    if not votes:
        return 0
    quarter, count = votes.most_common(1)[0]
    return quarter if count > sum(votes.values()) / 2 else 0


def _to_frame(q: int, w: float, h: float):
    """Point maps display → the frame where text of `q` quarter turns is upright, and back."""
    if q == 1:
        return (lambda x, y: (h - y, x)), (lambda x, y: (y, h - x))
    if q == 2:
        return (lambda x, y: (w - x, h - y)), (lambda x, y: (w - x, h - y))
    if q == 3:
        return (lambda x, y: (y, w - x)), (lambda x, y: (w - y, x))
    return (lambda x, y: (x, y)), (lambda x, y: (x, y))


def _map_box(f, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = box
    (ax, ay), (bx, by) = f(x0, top), f(x1, bottom)
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _framed(glyphs: list[Glyph], q: int, w: float, h: float) -> list[Glyph]:
    if not q:
        return glyphs
    fwd, _ = _to_frame(q, w, h)
    out = []
    for g in glyphs:
        x0, top, x1, bottom = _map_box(fwd, (g.x0, g.top, g.x1, g.bottom))
        out.append(g._replace(x0=x0, top=top, x1=x1, bottom=bottom, angle=g.angle - 90 * q))
    return out


# ---------------------------------------------------------------- body and artifacts

def body_size(glyphs: list[Glyph]) -> float:
    """The page's body size: the median size of its upright, not light, printing glyphs of a readable
    size (a drawing made of thousands of 1 pt dots does not make 12 pt text "huge")."""
    upright = {a for a in {g.angle for g in glyphs} if _upright(a)}
    sizes = [g.size for g in glyphs if g.angle in upright and not g.light and not g.text.isspace()]
    readable = [s for s in sizes if s >= READABLE]
    sizes = readable or sizes
    return max(statistics.median(sizes), 1.0) if sizes else 10.0


def is_artifact(g: Glyph, body: float, w: float, h: float) -> bool:
    """Whether a glyph (in the page's reading frame) is not body text."""
    if g.angle != 0.0 and not _upright(g.angle):
        return True
    if g.size > HUGE * body or (g.light and g.size >= LIGHT_LARGE * body):
        return True
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return not (0 <= cx <= w and 0 <= cy <= h)


def _artifacts(glyphs: list[Glyph], body: float, w: float, h: float) -> list[bool]:
    """`is_artifact` for every glyph, with the common case (upright, body-sized, on the page) made cheap."""
    big, light_big = HUGE * body, LIGHT_LARGE * body
    return [not (g.angle == 0.0 and g.size <= big and not (g.light and g.size >= light_big)
                 and 0 <= g.x0 + g.x1 <= 2 * w and 0 <= g.top + g.bottom <= 2 * h) and is_artifact(g, body, w, h)
            for g in glyphs]


def _artifact_words(glyphs: list[Glyph]) -> list[_Word]:
    """Artifact glyphs grouped into words in content-stream order (a watermark is drawn letter by letter)."""
    words: list[_Word] = []
    prev: Glyph | None = None
    for g in sorted(glyphs, key=lambda g: g.order):
        near = prev is not None and g.order == prev.order + 1 and round(g.angle) == round(prev.angle) and math.dist(
            ((g.x0 + g.x1) / 2, (g.top + g.bottom) / 2),
            ((prev.x0 + prev.x1) / 2, (prev.top + prev.bottom) / 2)) <= 1.5 * max(g.size, prev.size)
        if g.text.isspace():
            prev = None
            continue
        if near and words:
            _grow(words[-1], g)
        else:
            words.append(_Word(g.text, g.x0, g.top, g.x1, g.bottom, g.size, "artifact", g.order))
        prev = g
    return words


def _grow(word: _Word, g: Glyph, text: bool = True) -> None:
    if text:
        word.text += g.text
    if g.x0 < word.x0:
        word.x0 = g.x0
    if g.x1 > word.x1:
        word.x1 = g.x1
    if g.top < word.top:
        word.top = g.top
    if g.bottom > word.bottom:
        word.bottom = g.bottom
    if g.size > word.size:
        word.size = g.size


# ---------------------------------------------------------------- lines and words

def _pieces(glyphs: list[Glyph], body: float) -> list[_Word]:
    """Body glyphs in content-stream order cut into pieces of words: a glyph continues the piece
    before it when it sits on the same line right after it (`_continues_at`); a space ends a piece.
    The hottest loop of the layout, so each glyph is unpacked once."""
    pieces: list[_Word] = []
    cur: _Word | None = None
    px1 = ptop = pbottom = psize = 0.0  # the previous glyph's right edge, top, bottom, size
    after_space = True
    for text, x0, top, x1, bottom, size, _angle, _light, order in glyphs:
        if text.isspace():
            if cur is not None:
                cur.sp_after = True
            cur, after_space = None, True
            continue
        if cur is not None and _continues_at(px1, ptop, pbottom, psize, x0, top, bottom, size, body):
            cur.text += text
            if x1 > cur.x1:
                cur.x1 = x1
            if top < cur.top or bottom > cur.bottom or size > cur.size or x0 < cur.x0:
                _grow(cur, Glyph(text, x0, top, x1, bottom, size), text=False)
        else:
            cur = _Word(text, x0, top, x1, bottom, size, "body", order, sp_before=after_space)
            pieces.append(cur)
        px1, ptop, pbottom, psize, after_space = x1, top, bottom, size, False
    return pieces


def _continues_at(px1: float, ptop: float, pbottom: float, psize: float, x0: float, top: float, bottom: float,
                  size: float, body: float) -> bool:
    """Whether a glyph continues the one before it on its line (min/max written out: the same values)."""
    big = psize if psize > size else size
    if 1.0 > big:
        big = 1.0
    gap = x0 - px1
    if not -0.5 * big <= gap <= (WORD_GAP if WORD_GAP < 0.3 * big else 0.3 * big):
        return False
    small = psize if psize < size else size
    if 1.0 > small:
        small = 1.0
    return abs((top + bottom - ptop - pbottom) / 2) <= LINE_TOLERANCE * (body if body < small else small)


def _lines_of(pieces: list[_Word], body: float) -> list[list[_Word]]:
    """Pieces grouped into lines by their vertical centres (tolerance from the body size), each line
    left to right with touching pieces (no space between them) joined into one word."""
    lines: list[list[_Word]] = []
    mean = size = 0.0
    for w in sorted(pieces, key=lambda w: w.top + w.bottom):
        cy = (w.top + w.bottom) / 2
        if lines and abs(cy - mean) <= LINE_TOLERANCE * min(body, max(1.0, min(w.size, size))):
            lines[-1].append(w)
            mean += (cy - mean) / len(lines[-1])
        else:
            lines.append([w])
            mean, size = cy, w.size
    return [_joined(sorted(line, key=lambda w: (w.x0, w.order))) for line in lines]


def _joined(line: list[_Word]) -> list[_Word]:
    out = [line[0]]
    for w in line[1:]:
        last = out[-1]
        if not last.sp_after and not w.sp_before and w.x0 - last.x1 <= min(WORD_GAP, 0.3 * max(w.size, 1.0)):
            last.text += w.text
            last.x1, last.top, last.bottom = max(last.x1, w.x1), min(last.top, w.top), max(last.bottom, w.bottom)
            last.size, last.sp_after = max(last.size, w.size), w.sp_after
        else:
            out.append(w)
    return out


# ---------------------------------------------------------------- columns

def _reorder_columns(lines: list[list[_Word]], body: float) -> list[list[_Word]]:
    """Lines in reading order: a run of lines split by a column gutter is read column by column."""
    out: list[list[_Word]] = []
    i = 0
    while i < len(lines):
        end, gutter = _column_region(lines, i, body)
        if gutter is None:
            out.append(lines[i])
            i += 1
            continue
        mid = sum(gutter) / 2
        region = lines[i:end]
        out += [p for p in ([w for w in line if w.cx < mid] for line in region) if p]
        out += [p for p in ([w for w in line if w.cx >= mid] for line in region) if p]
        i = end
    return out


def _column_region(lines: list[list[_Word]], i: int, body: float) -> tuple[int, tuple[float, float] | None]:
    """The end of the run of lines from `i` that share a gutter, and the gutter, if they are columns."""
    for a, b in zip(lines[i], lines[i][1:]):
        if b.x0 - a.x1 < GUTTER * body:
            continue
        g0, g1, j = a.x1, b.x0, i + 1
        while j < len(lines):
            narrowed = _narrow(lines[j], g0, g1, body)
            if narrowed is None:
                break
            g0, g1 = narrowed
            j += 1
        if j - i >= 4 and _is_columns(lines[i:j], (g0 + g1) / 2):
            return j, (g0, g1)
    return i + 1, None


def _narrow(line: list[_Word], g0: float, g1: float, body: float) -> tuple[float, float] | None:
    mid = (g0 + g1) / 2
    for w in line:
        if w.x0 < mid < w.x1:
            return None
        if w.cx < mid:
            g0 = max(g0, w.x1)
        else:
            g1 = min(g1, w.x0)
    return (g0, g1) if g1 - g0 >= 0.8 * GUTTER * body else None


def _is_columns(region: list[list[_Word]], mid: float) -> bool:
    """Two columns of running text, not a key/value block or a table without rules: both sides hold
    several words a line on most lines, and the left side's lines run up to the gutter."""
    left = [[w for w in line if w.cx < mid] for line in region]
    right = [[w for w in line if w.cx >= mid] for line in region]
    left, right = [p for p in left if p], [p for p in right if p]
    if len(left) < 3 or len(right) < 3:
        return False
    if min(sum(map(len, left)) / len(left), sum(map(len, right)) / len(right)) < 3.5:
        return False
    x0 = min(p[0].x0 for p in left)
    edge = max(p[-1].x1 for p in left)
    full = sum(1 for p in left if p[-1].x1 >= edge - 0.15 * (edge - x0))
    return full >= 0.6 * len(left)


# ---------------------------------------------------------------- tables

def _cell_of(w: _Word, tables: list[Table]) -> tuple[int, int, int] | None:
    cx, cy = w.cx, w.cy
    for t in tables:
        x0, top, x1, bottom = t.bbox
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        for r, row in enumerate(t.rows):
            for c, bbox in enumerate(row):
                if bbox and bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]:
                    return (t.index, r, c)
    return None


def _word_lines(words: list[_Word], body: float) -> list[list[_Word]]:
    """Words grouped into lines by their centres (for the words of one table cell)."""
    lines: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: w.cy):
        if lines and abs(w.cy - statistics.fmean(x.cy for x in lines[-1])) <= LINE_TOLERANCE * min(body, w.size):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _emit_table(out: _Out, table: Table, cell_words: dict, body: float) -> list[Cell]:
    texts: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(table.rows):
        if r:
            out.add("\n")
        for c, bbox in enumerate(row):
            if c:
                out.add("\t")
            if bbox is None:
                continue
            start = out.length
            _emit_lines(out, _word_lines(cell_words.get((table.index, r, c), []), body), " ")
            texts[(r, c)] = (start, out.length)
    text = out.text
    headers = [" ".join(text[slice(*texts[(0, c)])].split()) if (0, c) in texts else ""
               for c in range(len(table.rows[0]))]
    if not is_header_row(headers):
        headers = [""] * len(headers)
    return [Cell(table.index, r, c, text[a:b], headers[c] if r and c < len(headers) else "", a, b,
                 Box(*table.rows[r][c]))  # type: ignore[misc]
            for (r, c), (a, b) in texts.items()]


# ---------------------------------------------------------------- writing the text

def _emit_line(out: _Out, line: list[_Word]) -> None:
    prev = None
    for w in line:
        if prev is not None:
            out.add("\t" if w.x0 - prev.x1 > COLUMN_GAP * max(prev.bottom - prev.top, 1.0) else " ")
        out.word(w)
        prev = w


def _joinable(last: _Word, nxt: _Word) -> bool:
    return bool(_HYPHEN.search(last.text)) and nxt.text[:1].islower()


def _emit_lines(out: _Out, lines: list[list[_Word]], sep: str = "\n",
                spans: list[tuple[int, int, float, float]] | None = None) -> None:
    """Lines separated by `sep`; a word hyphenated at a line end is joined with its continuation."""
    pending = [list(line) for line in lines]
    emitted = False
    for i, line in enumerate(pending):
        if not line:
            continue
        if emitted:
            out.add(sep)
        emitted = True
        start = out.length
        nxt = next((p for p in pending[i + 1:] if p), None)
        if nxt is not None and _joinable(line[-1], nxt[0]) and nxt[0].top >= line[-1].top:
            _emit_line(out, line[:-1])
            if len(line) > 1:
                out.add(" ")
            _emit_hyphenated(out, line[-1], nxt.pop(0))
        else:
            _emit_line(out, line)
        if spans is not None:
            spans.append((start, out.length, min(w.top for w in line), max(w.bottom for w in line)))


def _emit_hyphenated(out: _Out, first: _Word, second: _Word) -> None:
    stem = first.text[:-1]
    rest = re.sub(r"\W+$", "", second.text)
    keep = rest.lower() == stem.lower() or rest.lower().startswith(stem.lower())  # surat-surat, not Puspi-tasari
    out.word(first, first.text if keep else stem)
    out.word(second)


# ---------------------------------------------------------------- the page

def layout(glyphs: list[Glyph], number: int, width: float, height: float, rotation: int = 0,
           tables: list[Table] | None = None, needs_ocr: bool = False) -> Laid:
    """The page: text in reading order, words with offsets and boxes, table cells, body line spans."""
    glyphs = [g for g in glyphs[:MAX_GLYPHS] if g.text]
    if not any(not g.text.isspace() for g in glyphs):
        return Laid(Page(number, "", (), width, height, needs_ocr=needs_ocr, rotation=rotation))
    q = text_turn(glyphs)
    fw, fh = (height, width) if q in (1, 3) else (width, height)
    framed = _framed(glyphs, q, width, height)
    fwd, back = _to_frame(q, width, height)
    frame_tables = [Table(t.index, _map_box(fwd, t.bbox), [[_map_box(fwd, c) if c else None for c in row]
                                                          for row in t.rows]) for t in tables or ()]
    body = body_size(framed)
    artifact = _artifacts(framed, body, fw, fh)
    lines = _lines_of(_pieces([g for g, a in zip(framed, artifact) if not a], body), body)
    out, cells, spans = _body_text(lines, frame_tables, body)
    extra = _artifact_words([g for g, a in zip(framed, artifact) if a and not g.text.isspace()])
    for i, w in enumerate(extra):
        same_run = i and w.order - extra[i - 1].order <= len(extra[i - 1].text) + 2
        out.add(" " if same_run else "\n" if out.length else "")
        out.word(w)
    words, cells = _unframed(out.words, cells, q, back)
    page = Page(number, out.text, tuple(words), width, height, needs_ocr=needs_ocr, cells=tuple(cells),
                rotation=rotation)
    return Laid(page, spans if not q else [])


def _body_text(lines: list[list[_Word]], tables: list[Table], body: float):
    cell_words: dict[tuple[int, int, int], list[_Word]] = {}
    loose: list[list[_Word]] = []
    for line in lines:
        rest = []
        for w in line:
            key = _cell_of(w, tables) if tables else None
            if key is None:
                rest.append(w)
            else:
                cell_words.setdefault(key, []).append(w)
        if rest:
            loose.append(rest)
    blocks: list[tuple[float, int, object]] = [(line[0].top, 0, line) for line in _reorder_columns(loose, body)]
    blocks += [(t.bbox[1], 1, t) for t in tables]
    blocks = _merge_tables(blocks)  # lines keep their reading order; tables slot in by their top
    out, cells = _Out([], []), []
    spans: list[tuple[int, int, float, float]] = []
    run: list[list[_Word]] = []
    for _, kind, item in blocks + [(0.0, 2, None)]:
        if kind == 0:
            run.append(item)  # type: ignore[arg-type]
            continue
        if run and out.length:
            out.add("\n")
        _emit_lines(out, run, spans=spans)
        run = []
        if kind == 1:
            if out.length:
                out.add("\n")
            cells += _emit_table(out, item, cell_words, body)  # type: ignore[arg-type]
    return out, cells, spans


def _merge_tables(blocks: list[tuple[float, int, object]]) -> list[tuple[float, int, object]]:
    """Lines in their reading order with each table placed before the first line below its top."""
    lines = [b for b in blocks if b[1] == 0]
    tables = sorted((b for b in blocks if b[1] == 1), key=lambda b: b[0])
    out: list[tuple[float, int, object]] = []
    for line in lines:
        while tables and tables[0][0] <= line[0]:
            out.append(tables.pop(0))
        out.append(line)
    return out + tables


def _unframed(words: list[Word], cells: list[Cell], q: int, back) -> tuple[list[Word], list[Cell]]:
    if not q:
        return words, cells

    def turn(box: Box | None) -> Box | None:
        return None if box is None else Box(*_map_box(back, box.as_tuple()))

    return ([replace(w, box=turn(w.box)) for w in words], [replace(c, box=turn(c.box)) for c in cells])


# ---------------------------------------------------------------- page furniture

def _furniture_key(text: str) -> str:
    return " ".join(text.split())


def mark_furniture(laid: list[Laid]) -> list[Page]:
    """Pages with their repeated header/footer lines marked (see the module docstring)."""
    if len(laid) < 2:
        return [item.page for item in laid]
    candidates = [[seg for a, b, top, bottom in item.lines if _in_band(item.page, top, bottom)
                   for seg in _segments(item.page.text, a, b)] for item in laid]
    counts = Counter(k for page in candidates for k in {c[2] for c in page})
    need = max(2, FURNITURE_SHARE * len(laid))
    first: dict[str, tuple[int, int]] = {}
    pages = []
    for item, lines in zip(laid, candidates):
        spans = [(a, b, k) for a, b, k in lines if counts[k] >= need and len(k) >= 3]
        repeats = []
        for a, b, k in spans:
            if k in first:
                repeats.append((a, b) + first[k])
            else:
                first[k] = (item.page.number, a)
        pages.append(_with_furniture(item.page, spans, tuple(repeats)))
    return pages


def _in_band(page: Page, top: float, bottom: float) -> bool:
    h = page.height or 0
    return bool(h) and (bottom <= FURNITURE_BAND * h or top >= (1 - FURNITURE_BAND) * h)


def _segments(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The tab-separated pieces of a line (a footer and its page number), with their keys."""
    out, start = [], a
    for piece in text[a:b].split("\t"):
        end = start + len(piece)
        if piece.strip():
            out.append((start, end, _furniture_key(piece)))
        start = end + 1
    return out


def _with_furniture(page: Page, spans: list[tuple[int, int, str]], repeats: tuple) -> Page:
    if not spans:
        return page
    inside = sorted((a, b) for a, b, _ in spans)  # segments of lines: they do not overlap
    starts = [a for a, _ in inside]

    def covered(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < inside[i][1]

    words = tuple(replace(w, kind="furniture") if w.kind == "body" and covered(w.start) else w for w in page.words)
    return replace(page, words=words, repeats=repeats)
