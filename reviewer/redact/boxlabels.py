"""The basis label printed in white on each box of a redacted PDF page (digital or scanned)."""

from __future__ import annotations

from reviewer.core.settings import Settings
from reviewer.redact.labels import box_label, short_label
from reviewer.redact.pdfgeom import LEFT, RIGHT, Target

LABEL_MAX = 8.0  # points
LABEL_MIN = 3.5


def print_labels(fpage, targets: list[Target], settings: Settings) -> list[str]:
    """Print each box's label in white. A TextWriter embeds its own font under a fresh name (a
    page that shows a form XObject may already use the name "helv" for another font), and one
    writer per text direction turns all its labels at once."""
    import fitz

    font = fitz.Font("helv")
    pivot = fitz.Point(0, 0)
    writers: dict[tuple[int, int], fitz.TextWriter] = {}
    short = 0
    for t in targets:
        placed = _place(font, t, box_label(t.basis, settings))
        if placed is None:
            short += 1
            continue
        start, text, size, full = placed
        short += not full
        dx, dy = t.direction
        turn = fitz.Matrix(dx, dy, -dy, dx, 0, 0)
        writer = writers.setdefault(t.direction, fitz.TextWriter(fpage.rect))
        writer.append(fitz.Point(start) * ~turn, text, font=font, fontsize=size)
    for (dx, dy), writer in writers.items():
        writer.write_text(fpage, color=(1, 1, 1), morph=(pivot, fitz.Matrix(dx, dy, -dy, dx, 0, 0)))
    if not short:
        return []
    return [f"halaman {fpage.number + 1}: {short} kotak terlalu kecil untuk label lengkap; "
            "dipakai huruf pasalnya saja atau tanpa label"]


def _place(font, t: Target, text: str):
    """(baseline start, text, size, full label?) for the box, or None when no label fits."""
    x0, y0, x1, y1 = t.visual
    horizontal = t.direction in (RIGHT, LEFT)
    along, across = (x1 - x0, y1 - y0) if horizontal else (y1 - y0, x1 - x0)
    for full, candidate in ((True, text), (False, short_label(t.basis))):
        size = min(LABEL_MAX, across * 0.75)
        width = font.text_length(candidate, fontsize=size)
        if width > along - 2:
            size *= max(along - 2, 0) / width
            width = font.text_length(candidate, fontsize=size)
        if size >= LABEL_MIN:
            dx, dy = t.direction
            down = (-dy, dx)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            start = (cx - dx * width / 2 + down[0] * size * 0.35, cy - dy * width / 2 + down[1] * size * 0.35)
            return start, candidate, size, full
    return None


