"""Redaction of scanned (OCR) PDF pages: a new picture with the boxes burned in, and a text layer.

The page as displayed is rendered at the scan's own resolution, the pixels under every redacted
word or area are painted black in that picture, and the page is rebuilt from nothing: its old
content and resources (the original scan among them) are dropped, so the original image is never
kept, and `garbage=4` at save removes it from the file. The new picture fills the page; the basis
label is printed on each box as on digital pages; and the OCR words that were not redacted are
written back as invisible text (render mode 3) at their boxes, so the published scan stays
searchable and readable by screen readers. The text layer is built from the OCR of the original,
minus the redacted words; nothing is OCR'd after redaction to make it.

The page is left with /Rotate 0 and its MediaBox at the origin, the size it was displayed at.
Every scanned page of the document goes through here, decided or not, so the copy is searchable
throughout (and the verifier finds the words outside the redactions on every page). Image files
(PNG, JPEG, TIFF) are redacted into a PDF with one such page per frame (`redact_image`).
"""

from __future__ import annotations

import io

from reviewer.core.errors import RedactionError
from reviewer.core.model import Box, Decision, Page, Word
from reviewer.core.settings import Settings
from reviewer.redact.outcome import Outcome

PAD = 0.12  # share of the line height added around each burned box: OCR boxes hug the ink
MIN_DPI, MAX_DPI = 150, 400
JPEG_QUALITY = 85
# Helvetica's ascent and descent (AFM units / 1000): an invisible word whose font box matches the
# OCR box keeps words and lines apart for every text extractor.
ASCENT, DESCENT = 0.718, 0.207
DESCENDERS = set("gjpqy,;()[]{}|@$")


def redact_page(doc, fpage, page: Page, items: list[tuple[int, Decision]], settings: Settings,
                outcome: Outcome | None = None) -> dict[int, int]:
    """Burn the decisions into a new picture of `page`; return places (boxes) per decision index."""
    to_shown = shown_transform(doc, fpage, page)
    boxes: dict[int, list[Box]] = {}
    for i, d in items:
        found = [_map(to_shown, d.box)] if d.box is not None else _line_boxes(page, d, to_shown)
        if not found:
            raise RedactionError(f"keputusan #{i + 1}: kata-kata '{d.text}' tidak punya posisi di halaman "
                                 f"{page.number} / no word positions for the decision")
        boxes[i] = found
    dpi = _dpi(fpage)
    picture = _render(fpage, dpi)
    _burn(picture, [b for found in boxes.values() for b in found], dpi / 72)
    width, height = fpage.rect.width, fpage.rect.height
    _rebuild(doc, fpage, width, height, picture)
    kept = _kept_words(page, [d for _, d in items], to_shown)
    _text_layer(fpage, page, kept)
    warnings = _labels(fpage, boxes, dict(items), settings)
    if outcome is not None:
        outcome.warnings += warnings
    return {i: len(found) for i, found in boxes.items()}


def redact_image(document, decisions: list[Decision], out_path: str, settings: Settings):
    """A PNG/JPEG/TIFF file redacted into a PDF: one page per frame, each rebuilt as a scanned page.

    The pages have the size extract/image.py gave them (pixels at the file's dpi), MediaBox at the
    origin, so the words' boxes are already in the new pages' space.
    """
    import fitz

    doc = fitz.open()
    for page in document.pages:
        fpage = doc.new_page(width=page.width, height=page.height)
        fpage.insert_image(fpage.rect, stream=_frame_png(document.path, page.number - 1), keep_proportion=False)
    by_page: dict[int, list[tuple[int, Decision]]] = {}
    for i, d in enumerate(decisions):
        by_page.setdefault(d.page, []).append((i, d))
    outcome = Outcome()
    for page in document.pages:
        if page.ocr or page.number in by_page:
            places = redact_page(doc, doc[page.number - 1], page, by_page.get(page.number, []), settings,
                                 outcome)
            outcome.places.update(places)
    outcome.notes.append("gambar disimpan sebagai PDF: satu halaman per bingkai, dengan lapisan teks OCR "
                         "tak terlihat untuk kata yang tidak dihitamkan")
    doc.save(out_path, garbage=4, deflate=True)
    doc.close()
    return outcome


def _frame_png(path: str, frame: int) -> bytes:
    from PIL import Image

    from reviewer.ocr.images import MAX_PIXELS

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with Image.open(path) as im:
        im.seek(frame)
        picture = im.convert("L" if im.mode in ("1", "L", "I;16", "I") else "RGB")
    buf = io.BytesIO()
    picture.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def shown_transform(doc, fpage, page: Page):
    """pdfplumber's page space -> the page as displayed (PyMuPDF's rotated space), in points."""
    import fitz

    from reviewer.redact.pdfgeom import PageGeometry

    a, b, c, d, e, f = PageGeometry(doc, fpage, page).to_fitz
    return fitz.Matrix(a, b, c, d, e, f) * fpage.rotation_matrix


def _map(matrix, box: Box) -> Box:
    import fitz

    r = fitz.Rect(box.x0, box.top, box.x1, box.bottom) * matrix
    return Box(r.x0, r.y0, r.x1, r.y1)


def _line_boxes(page: Page, d: Decision, matrix) -> list[Box]:
    """Whole words (OCR cannot place a cut inside a word reliably), one box per line, padded."""
    lines: list[Box] = []
    for word in page.textmap.words_in(d.start, d.end):
        if word.box is None:
            continue
        box = _map(matrix, word.box)
        if lines and _same_line(lines[-1], box):
            lines[-1] = lines[-1].union(box)
        else:
            lines.append(box)
    return [_pad(b) for b in lines]


def _same_line(a: Box, b: Box) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.height, b.height)


def _pad(b: Box) -> Box:
    p = PAD * min(b.height, b.width)
    return Box(b.x0 - p, b.top - p, b.x1 + p, b.bottom + p)


def _dpi(fpage) -> float:
    """The resolution of the largest picture on the page, within MIN_DPI..MAX_DPI."""
    best, area = 300.0, 0.0
    for info in fpage.get_image_info():
        x0, y0, x1, y1 = info["bbox"]
        size = abs((x1 - x0) * (y1 - y0))
        if size > area and info.get("width") and x1 > x0:
            long_px = max(info["width"], info["height"])
            long_pt = max(abs(x1 - x0), abs(y1 - y0))
            best, area = long_px * 72 / long_pt, size
    return min(max(best, MIN_DPI), MAX_DPI)


def _render(fpage, dpi: float):
    import fitz
    from PIL import Image

    pix = fpage.get_pixmap(matrix=fitz.Matrix(dpi / 72, dpi / 72), colorspace=fitz.csRGB, alpha=False,
                           annots=False)
    picture = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    r, g, b = picture.split()
    if r.tobytes() == g.tobytes() == b.tobytes():
        return r  # a grey scan stays grey (a third of the size)
    return picture


def _burn(picture, boxes: list[Box], scale: float) -> None:
    import math

    from PIL import ImageDraw

    draw = ImageDraw.Draw(picture)
    black = 0 if picture.mode == "L" else (0, 0, 0)
    for b in boxes:
        draw.rectangle((math.floor(b.x0 * scale), math.floor(b.top * scale),
                        math.ceil(b.x1 * scale), math.ceil(b.bottom * scale)), fill=black)


def _rebuild(doc, fpage, width: float, height: float, picture) -> None:
    """Drop every piece of the page's old content, then place the new picture over the whole page."""
    import fitz

    fpage.set_rotation(0)
    fpage.set_mediabox(fitz.Rect(0, 0, width, height))
    for xref in fpage.get_contents():
        doc.update_stream(xref, b" ")
    doc.xref_set_key(fpage.xref, "Resources", "<<>>")
    for key in ("Group", "CropBox", "TrimBox", "BleedBox", "ArtBox", "UserUnit"):
        if doc.xref_get_key(fpage.xref, key)[0] != "null":
            doc.xref_set_key(fpage.xref, key, "null")
    buf = io.BytesIO()
    picture.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    fpage.insert_image(fpage.rect, stream=buf.getvalue(), keep_proportion=False)


def _kept_words(page: Page, decisions: list[Decision], matrix) -> list[tuple[Word, Box]]:
    """OCR words outside every redaction (not in a redacted span, not under a redacted area)."""
    spans = [(d.start, d.end) for d in decisions if d.box is None]
    areas = [_map(matrix, d.box) for d in decisions if d.box is not None]
    out = []
    for word in page.words:
        if word.box is None or any(a < word.end and word.start < b for a, b in spans):
            continue
        box = _map(matrix, word.box)
        if any(_touches(box, area) for area in areas):
            continue
        out.append((word, box))
    return out


def _touches(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def _text_layer(fpage, page: Page, words: list[tuple[Word, Box]]) -> None:
    """Invisible words at their boxes; one font size per line of the page text, so lines stay lines."""
    import fitz

    sizes = _line_sizes(page, words)
    shape = fpage.new_shape()
    for word, box in words:
        text = word.text.encode("cp1252", "replace").decode("cp1252")
        vertical = _is_vertical(word, box)
        along = box.height if vertical else box.width
        size = sizes[word.start]
        sink = DESCENT * size if set(text) & DESCENDERS else 0.0
        natural = fitz.get_text_length(text, "helv", size) or 1.0
        stretch = min(max(along / natural, 0.2), 5.0)
        if vertical:  # reads bottom to top, as a page turned a quarter counter-clockwise shows it
            point = fitz.Point(box.x1 - sink, box.bottom)
            morph = (point, fitz.Matrix(1, stretch))
            shape.insert_text(point, text, fontsize=size, fontname="helv", render_mode=3, rotate=90, morph=morph)
        else:
            point = fitz.Point(box.x0, box.bottom - sink)
            shape.insert_text(point, text, fontsize=size, fontname="helv", render_mode=3,
                              morph=(point, fitz.Matrix(stretch, 1)))
    shape.commit()


def _line_sizes(page: Page, words: list[tuple[Word, Box]]) -> dict[int, float]:
    """Word start -> font size: the median box height of its line (a line of the page text)."""
    from bisect import bisect_right
    from statistics import median

    breaks = [i for i, c in enumerate(page.text) if c == "\n"]
    lines: dict[int, list[tuple[Word, Box]]] = {}
    for word, box in words:
        lines.setdefault(bisect_right(breaks, word.start), []).append((word, box))
    sizes = {}
    for members in lines.values():
        across = median(min(b.width, b.height) if _is_vertical(w, b) else b.height for w, b in members)
        for w, _ in members:
            sizes[w.start] = max(across / (ASCENT + DESCENT), 1.0)
    return sizes


def _is_vertical(word: Word, box: Box) -> bool:
    return box.height > 1.5 * box.width and len(word.text) > 2


def _labels(fpage, boxes: dict[int, list[Box]], decisions: dict[int, Decision], settings: Settings) -> list[str]:
    """The basis label on each box, printed as on digital pages; the warnings for boxes too small."""
    from reviewer.redact.boxlabels import print_labels
    from reviewer.redact.pdfgeom import RIGHT, UP, Target

    targets = []
    for i, found in boxes.items():
        for b in found:
            rect = (b.x0, b.top, b.x1, b.bottom)
            targets.append(Target(rect, rect, UP if b.height > 1.5 * b.width else RIGHT, decisions[i].basis, i))
    return print_labels(fpage, targets, settings)
