"""The values that cross stage boundaries: documents, pages, words, tables and findings.

Everything here is frozen. Extraction builds a `Document`; detectors read its pages and emit
`Finding`s; redaction maps a finding's offsets back to boxes (PDF, images) or to
(part, paragraph, offset) locations (DOCX) through the page's `TextMap`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field

from reviewer.core import reasons
from reviewer.core.vocabulary import ACTIONS, LABELS  # noqa: F401  (the labels: reviewer/data/vocabulary.yaml)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in PDF points, origin top-left, named as pdfplumber names them."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.top, other.top),
                   max(self.x1, other.x1), max(self.bottom, other.bottom))

    def contains_point(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a stretch of DOCX text lives: a package part, the n-th paragraph in it, an offset.

    `paragraph` counts `w:p` elements of the part in document order (nested text-box paragraphs
    included), so the redactor can find the same paragraph again from the raw XML.
    """

    part: str
    paragraph: int
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the page text: its surface, offsets into `Page.text`, and where it is drawn."""

    text: str
    start: int
    end: int
    box: Box | None = None
    conf: float | None = None  # OCR confidence 0..1; None for digital text
    # body; artifact (watermark, rotated or huge glyphs, outside the page: in the text after the body,
    # not read by the detectors); furniture (a header/footer line repeated on most pages of a PDF)
    kind: str = "body"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of page text that comes from one place of the source (a DOCX paragraph)."""

    start: int
    end: int
    location: Location
    kind: str = "body"  # body, table, header, footer, footnote, endnote, comment, textbox


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: position in its table, header text of its column, and where its text is."""

    table: int
    row: int
    col: int
    text: str
    header: str = ""
    start: int = -1  # offsets into Page.text, -1 when the cell's text is not in one run
    end: int = -1
    box: Box | None = None


class TextMap:
    """Maps character offsets of a page text to words, boxes and DOCX locations.

    Built once while the page text is assembled (as pdfplumber's TextMap is), so nobody has to
    search strings again later.
    """

    def __init__(self, words: Iterable[Word], segments: Iterable[Segment] = ()):
        self.words = tuple(sorted(words, key=lambda w: w.start))
        self.segments = tuple(sorted(segments, key=lambda s: s.start))
        self._word_starts = [w.start for w in self.words]
        self._seg_starts = [s.start for s in self.segments]

    def words_in(self, start: int, end: int) -> list[Word]:
        """Words that overlap the half-open range [start, end)."""
        i = max(bisect.bisect_right(self._word_starts, start) - 1, 0)
        out = []
        for word in self.words[i:]:
            if word.start >= end:
                break
            if word.end > start:
                out.append(word)
        return out

    def boxes(self, start: int, end: int) -> list[Box]:
        """One box per line for the range: the union of the word boxes on that line.

        A word only partly inside the range gets a box cut in proportion to the characters
        that are inside, so a redaction of "3374..." inside "NIK:3374..." leaves "NIK:" alone.
        """
        lines: list[Box] = []
        for word in self.words_in(start, end):
            if word.box is None:
                continue
            box = _clip_box(word, max(start, word.start), min(end, word.end))
            if lines and _same_line(lines[-1], box):
                lines[-1] = lines[-1].union(box)
            else:
                lines.append(box)
        return lines

    def locations(self, start: int, end: int) -> list[tuple[Location, int, int]]:
        """(location, start, end) pieces of the range, offsets relative to each paragraph."""
        i = max(bisect.bisect_right(self._seg_starts, start) - 1, 0)
        out = []
        for seg in self.segments[i:]:
            if seg.start >= end:
                break
            if seg.end <= start:
                continue
            a, b = max(start, seg.start), min(end, seg.end)
            base = seg.location.offset
            out.append((seg.location, base + a - seg.start, base + b - seg.start))
        return out

    def segment_at(self, offset: int) -> Segment | None:
        i = bisect.bisect_right(self._seg_starts, offset) - 1
        if i >= 0 and self.segments[i].start <= offset < self.segments[i].end:
            return self.segments[i]
        return None


def _clip_box(word: Word, start: int, end: int) -> Box:
    box = word.box
    assert box is not None
    n = max(word.end - word.start, 1)
    if start <= word.start and end >= word.end:
        return box
    a = (start - word.start) / n
    b = (end - word.start) / n
    return Box(box.x0 + a * box.width, box.top, box.x0 + b * box.width, box.bottom)


def _same_line(a: Box, b: Box) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.height, b.height) and b.x0 >= a.x0 - 1


@dataclass(frozen=True, slots=True)
class Slide:
    """A slide's shapes, for the review: each block a kind (title, body, table, alt, name, notes,
    comment, header, footer) and its pieces of page text as (start, end), in slide order."""

    blocks: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = ()
    hidden: bool = False
    extra: str = ""  # "comments" or "master": a presentation's last page, not one of its slides


@dataclass(frozen=True)
class Page:
    """One page (PDF page, image frame, form-feed page of a text file; a DOCX is one page)."""

    number: int  # 1-based
    text: str
    words: tuple[Word, ...] = ()
    width: float | None = None  # points; None where the format has no geometry
    height: float | None = None
    needs_ocr: bool = False
    segments: tuple[Segment, ...] = ()
    cells: tuple[Cell, ...] = ()
    rotation: int = 0
    ocr: bool = False  # words come from OCR
    # Furniture lines that repeat an earlier page's line word for word: (start, end, first page, first
    # start). Detectors read the first occurrence only; its findings are copied here.
    repeats: tuple[tuple[int, int, int, int], ...] = ()
    slide: Slide | None = None  # a presentation's page: its shapes as blocks
    textmap: TextMap = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "textmap", TextMap(self.words, self.segments))

    def boxes(self, start: int, end: int) -> list[Box]:
        return self.textmap.boxes(start, end)

    def cell_at(self, start: int, end: int | None = None) -> Cell | None:
        """The table cell holding the text at [start, end), found by offsets or by box."""
        end = start + 1 if end is None else end
        starts, ordered = self._cell_index()
        if ordered is not None:  # cells do not overlap: binary search (a sheet has 100,000 cells)
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and end <= ordered[i].end:
                return ordered[i]
        else:
            for cell in self.cells:
                if cell.start >= 0 and cell.start <= start and end <= cell.end:
                    return cell
        boxes = self.textmap.boxes(start, end)
        if boxes:
            b = boxes[0]
            cx, cy = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
            for cell in self.cells:
                if cell.box is not None and cell.box.contains_point(cx, cy):
                    return cell
        return None

    def row_cells(self, table: int, row: int) -> tuple[Cell, ...]:
        """The cells of one table row, in column order (looked up, not searched)."""
        rows = self.__dict__.get("_rows")
        if rows is None:
            rows = {}
            for cell in self.cells:
                rows.setdefault((cell.table, cell.row), []).append(cell)
            rows = {k: tuple(sorted(v, key=lambda c: c.col)) for k, v in rows.items()}
            object.__setattr__(self, "_rows", rows)
        return rows.get((table, row), ())

    def cells_between(self, start: int, end: int) -> list[Cell]:
        """The cells whose text overlaps [start, end), in text order."""
        starts, ordered = self._cell_index()
        if ordered is None:
            return sorted((c for c in self.cells if c.start >= 0 and c.start < end and start < c.end),
                          key=lambda c: c.start)
        out = []
        for i in range(max(bisect.bisect_right(starts, start) - 1, 0), len(ordered)):  # no slice: no copy
            cell = ordered[i]
            if cell.start >= end:
                break
            if start < cell.end:
                out.append(cell)
        return out

    def _cell_index(self) -> tuple[list[int], tuple[Cell, ...] | None]:
        index = self.__dict__.get("_cells_by_start")
        if index is None:
            located = sorted((c for c in self.cells if c.start >= 0), key=lambda c: (c.start, c.end))
            disjoint = all(a.end <= b.start for a, b in zip(located, located[1:]))
            index = ([c.start for c in located], tuple(located)) if disjoint else ([], None)
            object.__setattr__(self, "_cells_by_start", index)
        return index


@dataclass(frozen=True)
class Document:
    """An extracted document. `sha256` of the original bytes is its identity everywhere."""

    sha256: str
    path: str
    kind: str  # pdf, docx, txt, image
    pages: tuple[Page, ...]
    metadata: dict = field(default_factory=dict, hash=False)
    warnings: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)

    @property
    def text(self) -> str:
        return "\f".join(p.text for p in self.pages)


@dataclass(frozen=True)
class Finding:
    """One detector hit, with its legal basis, score, suggested action and reasons."""

    page: int
    start: int
    end: int
    text: str
    label: str
    basis: str
    score: float
    action: str
    source: str
    reasons: tuple[str, ...] = ()
    entity: str = ""  # the person this mention belongs to, within the document ("P1"); "" when none

    def to_dict(self) -> dict:
        d = asdict(self)
        if not self.entity:
            del d["entity"]  # JSONL contract: only additions, and only where there is something to add
        d["reasons"] = list(self.reasons)  # text, as always
        d["reasons_structured"] = [reasons.as_dict(r) for r in self.reasons]  # code, params, source, delta
        d["score"] = round(self.score, 3)
        return d

    def replace(self, **changes) -> Finding:
        from dataclasses import replace

        return replace(self, **changes)

    @property
    def span(self) -> tuple[int, int, int]:
        return (self.page, self.start, self.end)


DECISION_ACTIONS = ("redact", "keep")


@dataclass(frozen=True)
class Decision:
    """What a person decided about one finding: black it out (`redact`) or leave it (`keep`).

    A decision points at text by page and offsets, exactly as a `Finding` does, and repeats the
    text so that a decision made on another version of the document is caught, never misapplied.
    `box` marks an area of a PDF page instead (a photo, a signature; pdfplumber coordinates), and
    `image` a whole DOCX image by its part name (e.g. "word/media/image1.png"); both leave
    start = end = 0 and text = "". The people and the time are free text the review UI fills.
    """

    page: int
    start: int
    end: int
    text: str
    label: str
    basis: str
    action: str = "redact"
    reason: str = ""
    proposed_by: str = ""
    approved_by: str = ""
    decided_at: str = ""  # ISO 8601
    source: str = ""  # detector that proposed it (pattern:nik, ner, manual, ...)
    box: Box | None = None
    image: str = ""

    @classmethod
    def from_finding(cls, finding: Finding, action: str | None = None, **people) -> Decision:
        reason = finding.reasons[0] if finding.reasons else ""
        return cls(finding.page, finding.start, finding.end, finding.text, finding.label, finding.basis,
                   action or finding.action, reason=reason, source=finding.source, **people)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["box"] = list(self.box.as_tuple()) if self.box else None
        return d

    @classmethod
    def from_dict(cls, data: dict) -> Decision:
        data = dict(data)
        box = data.pop("box", None)
        return cls(**data, box=Box(*map(float, box)) if box else None)

    @property
    def span(self) -> tuple[int, int, int]:
        return (self.page, self.start, self.end)
