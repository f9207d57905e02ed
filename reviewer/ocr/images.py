"""Page images for OCR, and the one transform that takes their pixels back to page points.

A `PageImage` is a grayscale picture of a page plus the affine map from its pixels to the page
coordinates every other stage uses (PDF points, origin top-left, as pdfplumber names them).
Rotating the picture (sideways scans, skew) composes that map, so words read on the upright
picture land where they are drawn on the page as it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow is imported only where a picture is made
    from PIL.Image import Image as PILImage

Affine = tuple[float, float, float, float, float, float]  # x' = a x + b y + c; y' = d x + e y + f
IDENTITY: Affine = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
MAX_PIXELS = 200_000_000
MIN_DPI = 200  # below this Tesseract's accuracy drops on ordinary 10-12 pt print
MAX_SKEW = 10.0  # degrees searched either side of horizontal (and of vertical)


def apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + b * y + c, d * x + e * y + f


def compose(outer: Affine, inner: Affine) -> Affine:
    """The map that applies `inner`, then `outer`."""
    a, b, c, d, e, f = outer
    p, q, r, s, t, u = inner
    return (a * p + b * s, a * q + b * t, a * r + b * u + c,
            d * p + e * s, d * q + e * t, d * r + e * u + f)


def invert(m: Affine) -> Affine:
    a, b, c, d, e, f = m
    det = a * e - b * d
    ia, ib, id_, ie = e / det, -b / det, -d / det, a / det
    return (ia, ib, -(ia * c + ib * f), id_, ie, -(id_ * c + ie * f))


def map_box(m: Affine, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
    """The upright rectangle that holds the mapped rectangle (larger when the map turns a little)."""
    corners = [apply(m, x, y) for x, y in ((x0, top), (x1, top), (x1, bottom), (x0, bottom))]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class PageImage:
    image: PILImage  # mode "L"
    to_page: Affine  # pixels of `image` -> page points
    dpi: float

    def rotated(self, degrees: float) -> PageImage:
        """The picture turned `degrees` counter-clockwise (as seen), grown to hold all of it."""
        from PIL import Image

        if abs(degrees % 360) < 1e-6:
            return self
        forward, size = rotation(self.image.size, degrees)
        square = abs(degrees % 90) < 1e-6
        image = self.image.transform(size, Image.Transform.AFFINE, invert(forward),
                                     Image.Resampling.NEAREST if square else Image.Resampling.BICUBIC,
                                     fillcolor=255)
        return PageImage(image, compose(self.to_page, invert(forward)), self.dpi)


def rotation(size: tuple[int, int], degrees: float) -> tuple[Affine, tuple[int, int]]:
    """Forward map of a counter-clockwise turn about the centre, and the size that holds the result."""
    w, h = size
    rad = math.radians(degrees)
    cos, sin = _clean(math.cos(rad)), _clean(math.sin(rad))
    nw = math.ceil(abs(w * cos) + abs(h * sin) - 1e-6)
    nh = math.ceil(abs(w * sin) + abs(h * cos) - 1e-6)
    cx, cy, ncx, ncy = w / 2, h / 2, nw / 2, nh / 2
    forward = (cos, sin, ncx - cos * cx - sin * cy, -sin, cos, ncy + sin * cx - cos * cy)
    return forward, (nw, nh)


def _clean(v: float) -> float:
    return round(v) if abs(v - round(v)) < 1e-12 else v


def grayscale(image):
    """Mode "L" on a white background, whatever the file held (1-bit fax, CMYK, alpha, 16-bit)."""
    from PIL import Image

    if image.mode == "L":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("L")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda v: v / 256).convert("L")
    return image.convert("L")


def render_pdf_page(pdf, index: int, max_dpi: float) -> PageImage:
    """Page `index` of an open pypdfium2 document, rendered over its whole MediaBox.

    The resolution is the scan's own (the largest image on the page), kept within
    [MIN_DPI, max_dpi]: rendering a 200-dpi scan at 300 dpi costs 1.6 times the OCR time and
    reads no better (benchmarks/ocr_accuracy.py), while rendering a 300-dpi scan at 200 loses
    detail. pdfplumber measures from the MediaBox (after /Rotate), so the rendering covers the
    MediaBox too and the map adds the same offsets pdfplumber does.
    """
    page = pdf[index]
    try:
        native = native_dpi(page)
        dpi = max_dpi if native is None else min(max(native, MIN_DPI), max_dpi)
        mediabox = page.get_mediabox(fallback_ok=False)
        if mediabox is not None:
            page.set_cropbox(*mediabox)  # only in memory; the file is never written
        scale = dpi / 72
        image = page.render(scale=scale, grayscale=True, draw_annots=True).to_pil()
        x0, y0 = _plumber_origin(mediabox, page.get_rotation())
    finally:
        page.close()
    return PageImage(grayscale(image), (1 / scale, 0.0, x0, 0.0, 1 / scale, y0), dpi)


def native_dpi(page) -> float | None:
    """Resolution of the image that covers most of the page, None when the page has no image."""
    import pypdfium2.raw as pdfium_c

    best, area = None, 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        meta = obj.get_metadata()
        size = (right - left) * (top - bottom)
        if size > area and meta.horizontal_dpi > 0:
            best, area = min(meta.horizontal_dpi, meta.vertical_dpi or meta.horizontal_dpi), size
    return None if best is None else round(best)


def _plumber_origin(mediabox, rotation: int) -> tuple[float, float]:
    if mediabox is None:
        return 0.0, 0.0
    left, bottom = min(mediabox[0], mediabox[2]), min(mediabox[1], mediabox[3])
    if rotation in (90, 270):
        left, bottom = bottom, left
    return left, -bottom


def image_frame(path: str, frame: int, default_dpi: float) -> PageImage:
    """Frame `frame` (0-based) of an image file at its own resolution, as extract/image.py measured it."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with Image.open(path) as im:
        im.seek(frame)
        dpi = float((im.info.get("dpi") or (default_dpi,))[0] or default_dpi)
        image = grayscale(im)
        image.load()
    return PageImage(image, (72 / dpi, 0.0, 0.0, 0.0, 72 / dpi, 0.0), dpi)


def text_angle(image) -> float:
    """Counter-clockwise turn (degrees) that makes the text lines horizontal: skew, or 90 + skew.

    Projection profile: ink pixels are projected across the lines at each candidate angle, and the
    angle whose profile is sharpest (text lines stacked into narrow peaks) wins. Whether the page
    is upside down is not visible here; OCR confidence settles that. 0 when there is too little ink.
    """
    import numpy as np

    points = _ink_points(image)
    if points is None:
        return 0.0
    xs, ys = points
    flat, flat_score = _best_angle(np, xs, ys)
    side, side_score = _best_angle(np, ys, -xs)
    return 90.0 + side if side_score > 1.1 * flat_score else flat


def _ink_points(image):
    import numpy as np

    factor = max(1, max(image.size) // 1200)
    small = np.asarray(image.reduce(factor) if factor > 1 else image, dtype=np.uint8)
    paper, ink = float(np.median(small)), float(np.percentile(small, 1))
    if paper - ink < 40:
        return None
    ys, xs = np.nonzero(small < (paper + ink) / 2)
    if len(xs) < 300:
        return None
    step = max(1, len(xs) // 60_000)
    return xs[::step].astype(np.float64), ys[::step].astype(np.float64)


def _best_angle(np, xs, ys) -> tuple[float, float]:
    def sharpness(deg: float) -> float:
        rad = math.radians(deg)
        proj = -math.sin(rad) * xs + math.cos(rad) * ys
        hist = np.bincount((proj - proj.min()).astype(np.int64))
        return float(np.dot(hist, hist))

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.1), key=sharpness)
    return round(float(fine), 2), sharpness(fine)
