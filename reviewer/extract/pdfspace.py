"""Coordinate spaces of a PDF page, as pure arithmetic (no PDF library needed).

Three spaces meet here:
- PDF user space (origin bottom-left, y up), where content streams draw;
- pdfplumber's page space (origin top-left, y down, the page as displayed, i.e. after /Rotate),
  the space of every `Box` in the document model;
- PyMuPDF's page space (origin top-left of the CropBox, y down, *unrotated*), where redaction
  annotations are placed.

The formulas follow pdfminer's `PDFPageInterpreter.process_page` and pdfplumber's
`Page.process_object`, so a box extracted by pdfplumber lands where PyMuPDF draws.
"""

from __future__ import annotations

Matrix = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f as in PDF


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (row vectors, as PDF writes them)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def invert(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def apply_box(m: Matrix, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The axis-aligned rectangle around the image of `box` (exact for multiples of 90°)."""
    x0, y0, x1, y1 = box
    pts = [apply(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _sorted(box) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in box)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def user_to_plumber(mediabox, rotation: int) -> Matrix:
    """PDF user space → pdfplumber's (x, top) for a page with this MediaBox and /Rotate."""
    x0, y0, x1, y1 = _sorted(mediabox)
    rotation %= 360
    ctm = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
           270: (0, 1, -1, 0, y1, -x0)}.get(rotation, (1, 0, 0, 1, -x0, -y0))
    # pdfplumber: top = height - y + mediabox top, x + mediabox x0, with the box swapped for 90/270.
    nx0, ny0, nx1, ny1 = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
    height = ny1 - ny0
    flip: Matrix = (1, 0, 0, -1, nx0, height - ny0)
    return multiply(ctm, flip)


def user_to_mupdf(mediabox, cropbox=None) -> Matrix:
    """PDF user space → PyMuPDF's unrotated page space (origin top-left of the CropBox)."""
    mx0, my0, mx1, my1 = _sorted(mediabox)
    cx0, cy0, cx1, cy1 = _sorted(cropbox) if cropbox is not None else (mx0, my0, mx1, my1)
    cx0, cy1 = max(cx0, mx0), min(cy1, my1)
    return (1, 0, 0, -1, -cx0, cy1)


def plumber_to_mupdf(mediabox, rotation: int, cropbox=None) -> Matrix:
    return multiply(invert(user_to_plumber(mediabox, rotation)), user_to_mupdf(mediabox, cropbox))


def between_rotations(mediabox, from_rotation: int, to_rotation: int) -> Matrix:
    """pdfplumber space of the page read with one /Rotate → the same page read with another."""
    return multiply(invert(user_to_plumber(mediabox, from_rotation)), user_to_plumber(mediabox, to_rotation))
