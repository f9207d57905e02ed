"""OCR of pages without a text layer (scanned PDF pages, image files), with Tesseract.

`ocr_document` fills every page marked `needs_ocr` with words whose boxes are in page points
(origin top-left, as pdfplumber measures digital pages) and whose `conf` is Tesseract's word
confidence, so detectors, redaction and the UI treat scanned and digital pages alike. Pages are
read in parallel, one Tesseract process per page with one thread each, and cached by document
SHA-256, page and settings. Without Tesseract, or when a page cannot be read, the page stays
marked and the pipeline reports it as UNREADABLE: it is never passed as clean.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from reviewer.core import progress
from reviewer.core.errors import OcrError
from reviewer.core.model import Cell, Document, Page, Word
from reviewer.core.settings import Settings

if TYPE_CHECKING:  # the OCR modules import numpy and Pillow: loaded only when a page is read
    from reviewer.ocr.engine import OcrWord
    from reviewer.ocr.images import PageImage
    from reviewer.ocr.tables import Grid

log = logging.getLogger(__name__)

Reading = tuple[str, tuple[Word, ...], tuple[Cell, ...]]  # page text, its words, its table cells

GOOD_CONF = 0.70  # mean word confidence at which the first reading of a page is accepted
MIN_WORDS = 3  # fewer words than this: nothing to compare, no second attempt
MIN_SKEW = 0.3  # degrees; below this Tesseract copes and resampling would only blur


def ocr_document(document: Document, settings: Settings, warnings: list[str]) -> Document:
    """The document with its `needs_ocr` pages read; pages that could not be read stay marked."""
    from reviewer.ocr.cache import OcrCache, default_dir, settings_key
    from reviewer.ocr.engine import find_engine

    todo = [p for p in document.pages if p.needs_ocr]
    if not todo:
        return document
    try:
        engine = find_engine()
    except OcrError as exc:
        warnings.append(str(exc))
        return document
    if "ind" not in engine.languages:
        warnings.append("data bahasa Indonesia Tesseract (ind) tidak ada; OCR memakai "
                        f"{engine.lang} / Tesseract has no Indonesian data, reading with {engine.lang}")
    cache = OcrCache((settings.ocr_cache_dir or default_dir()) if settings.ocr_cache else None)
    key = settings_key(engine.version, engine.lang, _dpi_label(document, settings))
    done: dict[int, Reading] = {}
    missing = []
    for page in todo:
        hit = cache.get(document.sha256, page.number, key)
        if hit is None:
            missing.append(page)
        else:
            done[page.number] = hit
    progress.report("ocr", len(done), len(todo))
    read = lambda i: progress.report("ocr", len(todo) - len(missing) + i, len(todo))  # noqa: E731
    for number, outcome in read_pages(document, missing, engine, settings, read):
        if isinstance(outcome, Exception):
            warnings.append(f"halaman {number}: OCR gagal / OCR failed: {outcome}")
            continue
        done[number] = outcome
        cache.put(document.sha256, number, key, outcome)
    pages = tuple(_filled(p, done[p.number]) if p.number in done else p for p in document.pages)
    return dataclasses.replace(document, pages=pages)


def _filled(page: Page, result: Reading) -> Page:
    text, words, cells = result
    return Page(page.number, text, words, page.width, page.height, needs_ocr=False, cells=cells,
                rotation=page.rotation, ocr=True)


def _dpi_label(document: Document, settings: Settings) -> str:
    return str(settings.ocr_dpi) if document.kind == "pdf" else "native"


def workers(settings: Settings, pages: int) -> int:
    wanted = settings.ocr_workers or os.cpu_count() or 1
    return max(1, min(wanted, pages))


def read_pages(document: Document, pages: list[Page], engine, settings: Settings, on_read=None):
    """(page number, (text, words) or the exception) for each page, in page order.

    `on_read(i)` is called (in the caller's thread) when the first `i` pages are finished."""
    if not pages:
        return []
    try:
        source = PageSource(document, settings.ocr_dpi)
    except Exception as exc:  # the file moved or pdfium refuses it: every page stays marked
        return [(p.number, OcrError(f"berkas tidak dapat dirender / cannot render the file ({exc})"))
                for p in pages]
    try:
        with ThreadPoolExecutor(max_workers=workers(settings, len(pages))) as pool:
            futures = [(p.number, pool.submit(_read_one, engine, source, p)) for p in pages]
            out = []
            for number, future in futures:
                out.append((number, _outcome(future)))
                if on_read:
                    on_read(len(out))
            return out
    finally:
        source.close()


def _outcome(future):
    try:
        return future.result()
    except OcrError as exc:
        return exc
    except Exception as exc:  # one unreadable page must not lose the others
        log.exception("OCR failed")
        return OcrError(f"{type(exc).__name__}: {exc}")


def _read_one(engine, source: PageSource, page: Page) -> Reading:
    return read_image(engine, source.image(page.number))


def read_image(engine, image) -> Reading:
    """Page text and words of one `PageImage`, turned upright first.

    The projection profile gives the line direction and the skew; whether the page is upside down
    (or which way a sideways page turns) is settled by reading it and, when the words come back
    with low confidence, reading it turned half a turn and keeping the better reading.
    """
    from reviewer.ocr.images import text_angle
    from reviewer.ocr.layout import page_text

    turn = text_angle(image.image)
    skew = turn - 90 if turn > 45 else turn
    if abs(skew) < MIN_SKEW:
        turn -= skew
    best = _attempt(engine, image, turn)
    quality, words = best[0], best[1]
    if quality < GOOD_CONF and len(words) >= MIN_WORDS:
        upside_down = _attempt(engine, image, turn + 180)
        if upside_down[0] > quality:
            best = upside_down
    _, words, view, grids = best
    return page_text(words, view.to_page, grids)


def _attempt(engine, image: PageImage, turn: float) -> tuple[float, list[OcrWord], PageImage, list[Grid]]:
    """One reading of the picture turned `turn` degrees: (quality, words, turned picture, its tables)."""
    from reviewer.ocr.engine import read_words
    from reviewer.ocr.tables import find_grids

    view = image.rotated(turn)
    grids, clean = find_grids(view.image, view.dpi)
    words = read_words(engine, clean, view.dpi)
    return mean_conf(words), words, view, grids


def mean_conf(words) -> float:
    """Mean word confidence weighted by length (a long word misread weighs more than a stray mark)."""
    total = sum(len(w.text) for w in words)
    return sum(w.conf * len(w.text) for w in words) / total if total else 0.0


class PageSource:
    """Page pictures of one document. PDFium is not thread-safe, so rendering takes a lock."""

    def __init__(self, document: Document, dpi: int):
        self.document = document
        self.dpi = dpi
        self.lock = threading.Lock()
        self.pdf = None
        if document.kind == "pdf":
            import pypdfium2

            self.pdf = pypdfium2.PdfDocument(document.path)

    def image(self, number: int):
        from reviewer.extract.image import DEFAULT_DPI
        from reviewer.ocr.images import image_frame, render_pdf_page

        with self.lock:
            if self.pdf is not None:
                return render_pdf_page(self.pdf, number - 1, self.dpi)
            return image_frame(self.document.path, number - 1, DEFAULT_DPI)

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
