"""Page images for the review page, rendered once and cached in the instance folder.

PDF pages through PyMuPDF; image files (PNG, JPEG, TIFF frames) through Pillow.
"""

from __future__ import annotations

import os
from pathlib import Path

WIDTH = 1100  # pixels; enough to read 8-pt text on a laptop screen, small enough for an office PC


def page_png(original: Path, kind: str, number: int, folder: Path) -> Path:
    """The page's PNG, cached in `folder`: the document's own (one per document, not per original, so
    that how fast a page appears never tells that another unit's copy of the bytes was shown before)."""
    out = folder / f"{number}-{WIDTH}.png"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    data = _render_pdf(original, number) if kind == "pdf" else _render_image(original, number)
    tmp = out.with_suffix(f".{os.getpid()}.part")
    tmp.write_bytes(data)
    tmp.replace(out)
    return out


def _render_pdf(path: Path, number: int) -> bytes:
    import fitz

    with fitz.open(path) as pdf:
        if not 1 <= number <= pdf.page_count:
            raise LookupError(number)
        page = pdf[number - 1]
        zoom = WIDTH / page.rect.width
        return page.get_pixmap(matrix=fitz.Matrix(zoom, zoom), alpha=False).tobytes("png")


def _render_image(path: Path, number: int) -> bytes:
    import io

    from PIL import Image

    with Image.open(path) as im:
        if not 1 <= number <= getattr(im, "n_frames", 1):
            raise LookupError(number)
        im.seek(number - 1)
        frame = im.convert("RGB")
        frame.thumbnail((WIDTH, WIDTH * 4))
        buf = io.BytesIO()
        frame.save(buf, "PNG", optimize=False)
        return buf.getvalue()
