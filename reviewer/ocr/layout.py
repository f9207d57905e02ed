"""OCR words into page text, built together with the word boxes as extract/pdf.py does.

Lines come from Tesseract (it follows skewed baselines better than any grouping of boxes); lines
that share a row (a form's "Nama" and ": Siti Aminah" read as two blocks) are joined left to right.
Separators follow extract/pdf.py: a tab where the gap is a column gap, a space otherwise, a newline
between rows. Positions are grouped on the upright picture and only then mapped to page points.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from reviewer.model import Box, Word
from reviewer.ocr.engine import OcrWord
from reviewer.ocr.images import Affine, map_box

COLUMN_GAP = 2.5  # same rule as extract/pdf.py, with the line height standing in for the font size
ROW_TOLERANCE = 0.5


def page_text(words: list[OcrWord], to_page: Affine) -> tuple[str, tuple[Word, ...]]:
    parts: list[str] = []
    out: list[Word] = []
    length = 0
    for r, row in enumerate(rows(words)):
        height = median(w.height for w in row)
        prev = None
        for w in row:
            sep = "\n" if r and prev is None else ""
            if prev is not None:
                sep = "\t" if w.left - (prev.left + prev.width) > COLUMN_GAP * height else " "
            parts.append(sep)
            length += len(sep)
            x0, top, x1, bottom = map_box(to_page, w.left, w.top, w.left + w.width, w.top + w.height)
            out.append(Word(w.text, length, length + len(w.text),
                            Box(round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)), w.conf))
            parts.append(w.text)
            length += len(w.text)
            prev = w
    return "".join(parts), tuple(out)


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
