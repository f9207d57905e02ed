"""Windows of page text that make sense to classify: sentences, form values, table rows.

Every window carries exact offsets into `Page.text`, so a finding built from it points at the
same characters the redactor will black out. PDF text arrives with hard line breaks inside
sentences; wrapped lines are joined back before sentences are split. Headings, form fields
("Sifat : Rahasia") and list markers ("1.", "a.") are kept out of the sentence they precede.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_WORDS = 4  # shorter windows are entity territory (names, numbers), not passages
MIN_PROSE = 3  # lower-case words a passage needs: headings, name lists and number rows have few
ROW_PROSE_SHARE = 0.4  # ... and a table row needs this share of them (header rows are Title Case)
WRAP_MIN = 40  # a PDF line at least this long that ends without punctuation probably wraps

ABBREVIATIONS = frozenset("""
no nomor jl jln kel kec kab kota prov dr drs dra ir prof h hj sdr sdri yth st tbk pt cv ud
rp nip nrp nik npwp s.e s.h s.pd s.kom s.stp m.si m.m m.kes m.t m.h dll dsb dkk tgl tlp telp
hlm ps psl ayat bpk ny tn a.n u.p an up mr mrs ns apt amd kp gg rt rw sp ttd ybs dst br
""".split())

_ENUM = re.compile(r"^\s*(?:\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|[IVXLC]{1,5}\.|[-•*–])\s+")
_FIELD = re.compile(r"^\s*([A-Za-z][\w./() -]{0,38}?)[ \t]*(?:\t[ \t]*:?|:)[ \t]*(?=\S)")
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’)]*)\s+(?=[\"“(]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]{2,}")
_PROSE = re.compile(r"(?<![\w.])[a-z][a-z-]{2,}\b")


@dataclass(frozen=True)
class Window:
    start: int
    end: int
    text: str  # exactly page_text[start:end]
    kind: str  # sentence, field, row, cell
    context: str = ""  # a label shown with the value (form field name, table row label)

    @property
    def classify_text(self) -> str:
        return f"{self.context}: {self.text}" if self.context else self.text


def words(text: str) -> int:
    return len(_WORD.findall(text))


def page_windows(text: str, cells=()) -> list[Window]:
    """The windows of one page, in text order, without overlaps."""
    covered: list[tuple[int, int]] = []
    out: list[Window] = []
    for win in _table_windows(text, cells):
        out.append(win)
    for row_start, row_end in _row_spans(cells):
        covered.append((row_start, row_end))
    for start, end, block in _blocks(text, covered):
        out.extend(_sentences(text, start, end, block))
    return sorted((w for w in out if is_prose(w)), key=lambda w: w.start)


def is_prose(w: Window) -> bool:
    """A window worth classifying: enough words, and enough of them lower case (real sentences)."""
    enough = words(w.text) >= MIN_WORDS or w.kind != "sentence" and words(w.classify_text) >= MIN_WORDS
    prose = len(_PROSE.findall(w.text))
    if w.kind == "row" or "\t" in w.text:  # a table row: a header or a record unless mostly running words
        return enough and prose >= MIN_PROSE and prose >= ROW_PROSE_SHARE * words(w.text)
    return enough and prose >= MIN_PROSE


def _row_spans(cells) -> list[tuple[int, int]]:
    rows: dict[tuple[int, int], list] = {}
    for c in cells:
        if c.start >= 0 and c.end > c.start:
            rows.setdefault((c.table, c.row), []).append(c)
    return [(min(c.start for c in r), max(c.end for c in r)) for r in rows.values()]


def _table_windows(text: str, cells) -> list[Window]:
    """A row of a table is one window; a long cell is split into sentences with its row label."""
    rows: dict[tuple[int, int], list] = {}
    for c in cells:
        if c.start >= 0 and c.end > c.start:
            rows.setdefault((c.table, c.row), []).append(c)
    out: list[Window] = []
    for row in rows.values():
        row.sort(key=lambda c: c.col)
        label = row[0].text.strip() if len(row) > 1 and words(row[0].text) <= 5 else ""
        long_cells = [c for c in row if words(c.text) >= 12]
        if long_cells:
            for c in long_cells:
                out.extend(_sentences(text, c.start, c.end, text[c.start:c.end], context=label or c.header))
            continue
        values = [c for c in row if c is not row[0] and c.text.strip() not in ("", ":")] if label else row
        if not values:
            continue
        start, end = _trim(text, values[0].start, values[-1].end)
        if end > start:
            out.append(Window(start, end, text[start:end], "row", label))
    return out


def _blocks(text: str, covered: list[tuple[int, int]]):
    """Paragraph-like blocks: lines joined where a PDF wrapped them; headings and fields alone."""
    lines = _lines(text, covered)
    block: list[tuple[int, int]] = []
    for start, end in lines:
        line = text[start:end]
        if block and _continues(text[block[-1][0]:block[-1][1]], line):
            block.append((start, end))
            continue
        if block:
            yield block[0][0], block[-1][1], text[block[0][0]:block[-1][1]]
        block = [(start, end)]
    if block:
        yield block[0][0], block[-1][1], text[block[0][0]:block[-1][1]]


def _lines(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n\f"))
        pos += len(raw)
        if any(a <= start < b or a < end <= b for a, b in covered):
            continue
        if text[start:end].strip():
            out.append((start, end))
    return out


def _is_heading(line: str) -> bool:
    if len(line) >= 120:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8


def _continues(previous: str, line: str) -> bool:
    prev = previous.rstrip()
    if not prev or prev[-1] in ".:;!?" or len(prev) < WRAP_MIN or _is_heading(prev):
        return False
    if _is_heading(line) or _FIELD.match(line) or "\t" in line:
        return False
    if _ENUM.match(line) and not line.lstrip()[:1].isdigit():
        return False
    return True


def _sentences(text: str, start: int, end: int, block: str, context: str = "") -> list[Window]:
    """Split a block into sentences; a form field's value gets the field name as context."""
    kind = "cell" if context else "sentence"
    m = _ENUM.match(block)
    if m:
        start += m.end()
        block = block[m.end():]
    f = _FIELD.match(block)
    if f and words(f.group(1)) <= 4:
        context, kind = f.group(1).strip(), "field"
        start += f.end()
        block = block[f.end():]
    out = []
    for a, b in _split(block):
        s, e = _trim(text, start + a, start + b)
        if e > s:
            out.append(Window(s, e, text[s:e], kind, context))
    return out


def _split(block: str) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for m in _SENTENCE_END.finditer(block):
        cut = m.start() + 1
        if _abbreviation(block[begin:cut]):
            continue
        spans.append((begin, m.end() - (len(m.group()) - len(m.group().rstrip()))))
        begin = m.end()
    spans.append((begin, len(block)))
    return spans


def _abbreviation(piece: str) -> bool:
    tail = re.search(r"([A-Za-z.]+)\.$", piece)
    if not tail:
        return False
    token = tail.group(1).lower()
    return token in ABBREVIATIONS or len(token) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
