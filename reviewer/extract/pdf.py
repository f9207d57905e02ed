"""PDF text with positions: two engines, one layout.

`extract_pdf(path, engine)` reads a PDF with PyMuPDF (`pdfmupdf.py`) or pdfplumber (this module); both
turn each page into glyphs on the displayed page and `pdflayout.layout` builds the page text, words,
boxes and table cells from them, so the document is the same whichever engine read it. `auto` (the
default, `REVIEWER_PDF_ENGINE` or the `pdf_engine` setting) reads with PyMuPDF and falls back to
pdfplumber for a page, or a whole file, PyMuPDF cannot read; each fallback is logged and noted in the
document's warnings. Tables are emitted cell by cell (row-major, tab between cells, newline between
rows) so that a multi-line cell such as an address stays one run of text and every cell knows its
column header.
"""

from __future__ import annotations

import logging
import math
import os

from reviewer.core.errors import CorruptFile, EncryptedFile, ReviewerError
from reviewer.core.model import Page
from reviewer.extract import pdflayout
from reviewer.extract.pdflayout import Glyph, Laid, Table

log = logging.getLogger(__name__)
ENGINES = ("auto", "pymupdf", "pdfplumber")
LIGHT = 0.85  # luminance from which a fill is "very light"


def engine_from_env(engine: str | None = None) -> str:
    """The PDF engine to use: the one asked for, else $REVIEWER_PDF_ENGINE, else auto."""
    engine = (engine or os.environ.get("REVIEWER_PDF_ENGINE") or "auto").strip().lower()
    if engine not in ENGINES:
        raise ReviewerError(f"mesin PDF tidak dikenal '{engine}' (auto, pymupdf, pdfplumber) / "
                            f"unknown PDF engine '{engine}'")
    return engine


def open_pdf(path: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from reviewer.extract.pdfchars import fast

    try:
        pdf = pdfplumber.open(path)
        for page in pdf.pages:  # also forces the page tree to be read
            fast(page)
        return pdf
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        if _caused_by(exc, PDFPasswordIncorrect):
            raise EncryptedFile("PDF terkunci kata sandi; buka kuncinya dulu / "
                                "PDF is password-protected; remove the password first") from exc
        raise CorruptFile(f"PDF rusak atau tidak dapat dibaca / corrupt or unreadable PDF ({_short(exc)})") from exc


def extract_pdf(path: str, engine: str | None = None) -> tuple[list[Page], dict]:
    """The pages and metadata of a PDF, read by the engine asked for (see the module docstring)."""
    engine = engine_from_env(engine)
    if engine == "pdfplumber":
        return _extract_plumber(path)
    try:
        return _extract_mupdf(path, fallback=engine == "auto")
    except EncryptedFile:
        raise
    except CorruptFile as exc:
        if engine != "auto":
            raise
        pages, metadata = _extract_plumber(path)  # its error, as before, when it cannot read the file either
        log.warning("PyMuPDF could not read %s (%s); read it with pdfplumber", path, exc)
        metadata["engine_notes"] = f"PyMuPDF gagal membaca berkas; dibaca dengan pdfplumber / " \
                                   f"PyMuPDF could not read the file; read with pdfplumber ({exc})"
        return pages, metadata


def _extract_mupdf(path: str, fallback: bool) -> tuple[list[Page], dict]:
    from reviewer.extract import pdfmupdf

    doc = pdfmupdf.open_doc(path)
    plumber = None
    failed: list[int] = []
    try:
        metadata = pdfmupdf.metadata(doc)
        laid = []
        for number, fpage in enumerate(doc, start=1):
            try:
                laid.append(_mupdf_page(doc, fpage, number))
            except Exception as exc:
                if not fallback:
                    raise CorruptFile(f"halaman {number} rusak / page {number} is corrupt ({_short(exc)})") from exc
                log.warning("PyMuPDF could not read page %s of %s (%s); reading it with pdfplumber",
                            number, path, _short(exc))
                plumber = plumber or open_pdf(path)
                laid.append(_plumber_page(plumber.pages[number - 1], number))
                failed.append(number)
        if not laid:
            raise CorruptFile("PDF tidak berisi halaman / PDF has no pages")
    finally:
        doc.close()
        if plumber is not None:
            plumber.close()
    if failed:
        metadata["engine_notes"] = (f"halaman {', '.join(map(str, failed))} dibaca dengan pdfplumber (PyMuPDF gagal) "
                                    f"/ pages read with pdfplumber (PyMuPDF failed)")
    return pdflayout.mark_furniture(laid), metadata


def _mupdf_page(doc, fpage, number: int) -> Laid:
    from reviewer.extract import pdfmupdf

    m, width, height = pdfmupdf.display_matrix(doc, fpage)
    glyphs = pdfmupdf.glyphs(fpage, m)
    printing = any(not g.text.isspace() for g in glyphs)
    images = pdfmupdf.images(fpage, m)
    tables = pdfmupdf.tables(fpage, m, width, height) if printing else []
    laid = pdflayout.layout(glyphs, number, width, height, fpage.rotation % 360, tables)
    return _with_ocr_flag(laid, images, width, height)


def _extract_plumber(path: str) -> tuple[list[Page], dict]:
    pdf = open_pdf(path)
    try:
        metadata = {k: _plain(v) for k, v in (pdf.metadata or {}).items()}
        metadata.update(_hidden_content(pdf))
        laid = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                laid.append(_plumber_page(page, number))
            except Exception as exc:
                raise CorruptFile(
                    f"halaman {number} rusak / page {number} is corrupt ({_short(exc)})") from exc
            page.flush_cache()
        if not laid:
            raise CorruptFile("PDF tidak berisi halaman / PDF has no pages")
        return pdflayout.mark_furniture(laid), metadata
    finally:
        pdf.close()


def _plumber_page(page, number: int) -> Laid:
    width, height = float(page.width), float(page.height)
    glyphs = plumber_glyphs(page)
    tables = _tables(page) if any(not g.text.isspace() for g in glyphs) else []
    laid = pdflayout.layout(glyphs, number, width, height, int(page.rotation or 0) % 360, tables)
    boxes = [(float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"])) for i in page.images]
    if not laid.page.words and not boxes and page.objects.get("image"):
        boxes = [(0.0, 0.0, width, height)]
    return _with_ocr_flag(laid, boxes, width, height)


def plumber_glyphs(page) -> list[Glyph]:
    """pdfplumber's characters as glyphs: direction from the text matrix, lightness from the fill.

    The size is the font size as drawn (the box's extent across the text): pdfminer's `size` is the
    box height, which for text turned a quarter is the glyph's advance, not its size."""
    out = []
    for i, c in enumerate(page.chars[:pdflayout.MAX_GLYPHS]):
        m = c.get("matrix") or (1, 0, 0, 1, 0, 0)
        angle = math.degrees(math.atan2(m[1], m[0]))
        x0, top, x1, bottom = float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"])
        size = x1 - x0 if abs(math.sin(math.radians(angle))) > 0.7 else bottom - top
        out.append(Glyph(c.get("text", ""), x0, top, x1, bottom, size, angle,
                         _light(c.get("non_stroking_color")), i))
    return out


def _light(color) -> bool:
    """Whether a fill colour (grey, RGB or CMYK, components 0..1) is very light."""
    if not isinstance(color, (tuple, list)) or not color or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 1:
        lum = color[0]
    elif len(color) == 3:
        lum = 0.2126 * color[0] + 0.7152 * color[1] + 0.0722 * color[2]
    elif len(color) == 4:
        c, m, y, k = color
        lum = (0.2126 * (1 - c) + 0.7152 * (1 - m) + 0.0722 * (1 - y)) * (1 - k)
    else:
        return False
    return lum >= LIGHT


def _tables(page) -> list[Table]:
    """Ruled tables with at least two rows and two columns."""
    out = []
    try:
        found = page.find_tables()
    except Exception as exc:  # table finding is a refinement; a failure must not lose the page
        log.warning("table detection failed on page %s: %s", page.page_number, exc)
        return []
    for index, table in enumerate(found):
        rows = [list(row.cells) for row in table.rows]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        out.append(Table(index, tuple(table.bbox), rows))
    return out


def _hidden_content(pdf) -> dict:
    """Flags for places a PDF can hide data that page text does not show."""
    from pdfminer.pdftypes import resolve1

    out = {}
    try:
        catalog = resolve1(pdf.doc.catalog) or {}
        names = resolve1(catalog.get("Names")) or {}
        if "EmbeddedFiles" in names:
            out["embedded_files"] = "yes"
        action = resolve1(catalog.get("OpenAction"))
        if "JavaScript" in names or (isinstance(action, dict) and "JS" in action):
            out["javascript"] = "yes"
        if "AcroForm" in catalog:
            out["form_fields"] = "yes"
    except Exception:  # a broken catalog must not stop extraction of the text
        log.debug("could not inspect the PDF catalog", exc_info=True)
    return out


def _caused_by(exc: BaseException | None, kind: type) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, kind) or any(isinstance(a, kind) for a in exc.args):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


# A scanned letter often carries a little digital text (an e-signature footer, a stamp, a page
# number) over the scan: the page has words, yet what the scan says is in no text layer.
SCAN_SHARE = 0.5  # an image covering at least this share of the page may be a scan
SCAN_WORDS_PER_SQ_INCH = 1.0  # fewer words than this over it: its text is not in the text layer


def _with_ocr_flag(laid: Laid, images: list[tuple[float, float, float, float]], width: float,
                   height: float) -> Laid:
    """The page marked `needs_ocr` when it has no words but images, or a page-sized image whose text
    the page's words do not cover."""
    from dataclasses import replace

    words = [w for w in laid.page.words if w.box is not None]
    needs = bool(images) if not words else _unread_scan(images, words, width * height)
    return Laid(replace(laid.page, needs_ocr=needs), laid.lines) if needs else laid


def _unread_scan(images, words, area: float) -> bool:
    for x0, top, x1, bottom in images:
        w, h = x1 - x0, bottom - top
        if w * h < SCAN_SHARE * area:
            continue
        over = sum(1 for word in words if x0 <= (word.box.x0 + word.box.x1) / 2 <= x1
                   and top <= (word.box.top + word.box.bottom) / 2 <= bottom)
        if over < SCAN_WORDS_PER_SQ_INCH * w * h / (72 * 72):
            return True
    return False


def _plain(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:160]
