"""Image files (PNG, JPEG, TIFF incl. multi-page): one page per frame, marked for OCR."""

from __future__ import annotations

from reviewer.core.errors import CorruptFile
from reviewer.core.model import Page

DEFAULT_DPI = 300.0
MAX_PIXELS = 200_000_000


def extract_image(path: str) -> tuple[list[Page], dict]:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as im:
            im.verify()  # truncated or corrupt data, checked before anyone renders or OCRs it
        with Image.open(path) as im:
            pages = []
            for frame in range(getattr(im, "n_frames", 1)):
                im.seek(frame)
                dpi = float((im.info.get("dpi") or (DEFAULT_DPI,))[0] or DEFAULT_DPI)
                w, h = im.size
                pages.append(Page(frame + 1, "", (), w * 72 / dpi, h * 72 / dpi, needs_ocr=True))
            return pages, {"format": im.format or ""}
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise CorruptFile(f"gambar rusak atau terlalu besar / corrupt or oversized image ({exc})") from exc
