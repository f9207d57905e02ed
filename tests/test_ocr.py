"""OCR with Tesseract on small generated scans: known words drawn at known places.

Every fixture is made here with PIL (its bundled font), so no scan is committed and nothing is
downloaded. Boxes are checked against where the text was drawn, converted to page points.
"""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from reviewer.core.errors import OcrError
from reviewer.core.model import Box
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.extract import extract
from reviewer.ocr import ocr_document
from reviewer.ocr.engine import find_engine

try:
    ENGINE = find_engine()
    MISSING = "" if "ind" in ENGINE.languages else "Tesseract has no 'ind' data (install tesseract-ocr-ind)"
except OcrError as exc:
    MISSING = f"Tesseract not installed ({exc})"

pytestmark = [pytest.mark.ocr, pytest.mark.skipif(bool(MISSING), reason=MISSING or "ok")]

DPI = 300
LINES = ["NIK: 3374064909620026", "Nama: Siti Aminah binti Ahmad", "Alamat: Jl. Pemuda No. 148 Semarang"]


def draw_page(lines=LINES, size=(1500, 600), origin=(80, 60), step=90):
    """A white page with `lines` drawn in black; returns the image and each word's box in pixels."""
    font = ImageFont.load_default(size=38)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    boxes = {}
    x, y = origin
    for line in lines:
        cursor = x
        for word in line.split(" "):
            draw.text((cursor, y), word, font=font, fill=0)
            boxes[word] = draw.textbbox((cursor, y), word, font=font)
            cursor = draw.textbbox((cursor, y), word + " ", font=font)[2]
        y += step
    return image, boxes


def noisy(image, seed=1):
    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.float64) * 0.9 + 15 + rng.normal(0, 12, (image.height, image.width))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def ocr(path, **settings):
    warnings = []
    document = ocr_document(extract(path), Settings(ocr_cache=False, **settings), warnings)
    assert not warnings
    return document


def word(page, text):
    found = [w for w in page.words if w.text == text]
    assert found, f"{text!r} not read; page text: {page.text!r}"
    return found[0]


def assert_near(box, expected, tolerance=3.0):
    got = box.as_tuple()
    assert all(abs(a - b) <= tolerance for a, b in zip(got, expected, strict=True)), (got, expected)


def to_points(px_box, dpi=DPI):
    return tuple(v * 72 / dpi for v in px_box)


def test_image_words_boxes_and_confidence(tmp_path):
    image, boxes = draw_page()
    path = tmp_path / "scan.png"
    noisy(image).save(path, dpi=(DPI, DPI))
    page = ocr(path).pages[0]
    assert page.ocr and not page.needs_ocr
    assert page.text.splitlines()[0] == "NIK: 3374064909620026"
    assert "Siti Aminah binti Ahmad" in page.text
    for w in page.words:
        assert page.text[w.start:w.end] == w.text
        assert 0 <= w.conf <= 1
    nik = word(page, "3374064909620026")
    assert nik.conf > 0.8
    assert_near(nik.box, to_points(boxes["3374064909620026"]))
    assert_near(word(page, "Semarang").box, to_points(boxes["Semarang"]))


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_sideways_and_upside_down_scans(tmp_path, turn):
    image, boxes = draw_page()
    turned = image.rotate(turn, expand=True, fillcolor=255)
    path = tmp_path / f"turned{turn}.png"
    turned.save(path, dpi=(DPI, DPI))
    page = ocr(path).pages[0]
    assert "3374064909620026" in page.text and "Siti Aminah" in page.text
    assert page.text.index("NIK") < page.text.index("Nama") < page.text.index("Alamat")
    # where the number is drawn on the turned page
    x0, top, x1, bottom = boxes["3374064909620026"]
    w, h = image.size
    corners = [_turn_point(x, y, w, h, turn) for x, y in ((x0, top), (x1, bottom))]
    expected = (min(c[0] for c in corners), min(c[1] for c in corners),
                max(c[0] for c in corners), max(c[1] for c in corners))
    assert_near(word(page, "3374064909620026").box, to_points(expected))


def _turn_point(x, y, w, h, turn):
    """Where PIL's rotate(turn, expand=True) puts pixel (x, y)."""
    return {90: (y, w - x), 180: (w - x, h - y), 270: (h - y, x)}[turn]


def test_skewed_noisy_scan_is_deskewed(tmp_path):
    image, boxes = draw_page(size=(1500, 700))
    skewed = noisy(image.rotate(3.0, resample=Image.Resampling.BICUBIC, fillcolor=255), seed=2)
    path = tmp_path / "skewed.png"
    skewed.save(path, dpi=(DPI, DPI))
    page = ocr(path).pages[0]
    assert "3374064909620026" in page.text
    assert "Siti Aminah binti Ahmad" in page.text
    # the box holds the turned word: its centre is where the drawn word's centre went
    x0, top, x1, bottom = boxes["3374064909620026"]
    cx, cy = _rotate_about_centre((x0 + x1) / 2, (top + bottom) / 2, image.size, 3.0)
    got = word(page, "3374064909620026").box
    assert abs((got.x0 + got.x1) / 2 - cx * 72 / DPI) < 3
    assert abs((got.top + got.bottom) / 2 - cy * 72 / DPI) < 3


def _rotate_about_centre(x, y, size, degrees):
    import math

    w, h = size
    rad = math.radians(degrees)
    dx, dy = x - w / 2, y - h / 2
    return (w / 2 + dx * math.cos(rad) + dy * math.sin(rad), h / 2 - dx * math.sin(rad) + dy * math.cos(rad))


def test_multipage_tiff_reads_every_frame(tmp_path):
    first, _ = draw_page(["Halaman pertama surat"])
    second, boxes = draw_page(["Pemohon: Budi Santoso", "Telepon 081234567890"])
    path = tmp_path / "scan.tif"
    first.save(path, save_all=True, append_images=[second], dpi=(DPI, DPI), compression="tiff_lzw")
    document = ocr(path)
    assert [p.number for p in document.pages] == [1, 2]
    assert "pertama" in document.pages[0].text
    page = document.pages[1]
    assert "Budi Santoso" in page.text and "081234567890" in page.text
    assert_near(word(page, "081234567890").box, to_points(boxes["081234567890"]))


def make_mixed_pdf(path, scan):
    """Page 1 digital text; page 2 a scan placed at an offset on a letter page."""
    import fitz

    doc = fitz.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "Surat pengantar digital NIK 3374064909620026", fontsize=11)
    page = doc.new_page(width=612, height=792)
    rect = fitz.Rect(36, 120, 36 + scan.width * 72 / DPI, 120 + scan.height * 72 / DPI)
    png = path.with_suffix(".png")
    scan.save(png)
    page.insert_image(rect, filename=str(png))
    doc.save(path)
    return rect


def test_mixed_pdf_page_by_page(tmp_path):
    image, boxes = draw_page()
    path = tmp_path / "mixed.pdf"
    rect = make_mixed_pdf(path, noisy(image))
    result = scan_file(str(path), Settings(ocr_cache=False, use_ner=False, use_passages=False))
    digital, scanned = result.document.pages
    assert not digital.ocr and all(w.conf is None for w in digital.words)
    assert scanned.ocr and not scanned.needs_ocr
    x0, top, x1, bottom = to_points(boxes["3374064909620026"])
    expected = (x0 + rect.x0, top + rect.y0, x1 + rect.x0, bottom + rect.y0)
    assert_near(word(scanned, "3374064909620026").box, expected)
    assert not any(f.label == "UNREADABLE" for f in result.findings)


@pytest.mark.parametrize("rotate, origin", [(0, 0), (90, 0), (0, 40)])
def test_ocr_boxes_match_pdfplumber_boxes(tmp_path, rotate, origin):
    """OCR of a rendered digital page puts words where pdfplumber says they are."""
    import fitz
    import pdfplumber
    import pypdfium2

    from reviewer.ocr import read_image
    from reviewer.ocr.images import render_pdf_page

    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.set_mediabox(fitz.Rect(origin, origin, 595, 842))
    page.insert_text((90, 150), "Nomor rekening 7299016885 atas nama Rudi Hartono", fontsize=14)
    page.insert_text((90, 400), "Telepon 0858 2607 6872", fontsize=14)
    page.set_rotation(rotate)
    path = tmp_path / "digital.pdf"
    doc.save(path)
    with pdfplumber.open(path) as plumber:
        found = plumber.pages[0].extract_words()
    digital = {w["text"]: Box(w["x0"], w["top"], w["x1"], w["bottom"]) for w in found}
    pdf = pypdfium2.PdfDocument(str(path))
    _, words, _ = read_image(ENGINE, render_pdf_page(pdf, 0, 300))
    pdf.close()
    for w in words:
        if w.text in ("7299016885", "Hartono", "0858"):
            # pdfplumber's box is the font's em box, OCR's the ink: same place, ink inside
            want = digital[w.text]
            if rotate:
                assert abs(w.box.top - want.top) < 2 and abs(w.box.bottom - want.bottom) < 2
                assert want.x0 - 1 <= w.box.x0 and w.box.x1 <= want.x1 + 1
            else:
                assert abs(w.box.x0 - want.x0) < 2 and abs(w.box.x1 - want.x1) < 2
                assert want.top - 1 <= w.box.top and w.box.bottom <= want.bottom + 1
    assert {"7299016885", "Hartono", "0858"} <= {w.text for w in words}


def test_cache_reuses_pages_and_ignores_damaged_entries(tmp_path, monkeypatch):
    image, _ = draw_page()
    path = tmp_path / "scan.png"
    image.save(path, dpi=(DPI, DPI))
    settings = Settings(ocr_cache_dir=tmp_path / "cache")
    first = ocr_document(extract(path), settings, [])
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 1

    import reviewer.ocr

    def no_tesseract(*args, **kwargs):
        raise AssertionError("Tesseract ran although the page was cached")

    monkeypatch.setattr(reviewer.ocr, "read_image", no_tesseract)
    again = ocr_document(extract(path), settings, [])
    assert again.pages[0].words == first.pages[0].words and again.pages[0].text == first.pages[0].text

    entries[0].write_text('{"text": "x", "words": [["NIK", 0, 3, 1, 1, 2, 2, 0.9]]}')
    monkeypatch.undo()
    redone = ocr_document(extract(path), settings, [])
    assert redone.pages[0].text == first.pages[0].text


def test_blank_scan_is_read_and_empty(tmp_path):
    path = tmp_path / "blank.png"
    noisy(Image.new("L", (800, 1000), 255)).save(path, dpi=(DPI, DPI))
    page = ocr(path).pages[0]
    assert page.ocr and not page.needs_ocr and page.text.strip() == ""


def ruled_table(rows, widths, origin=(80, 80), row_height=110, font_size=30):
    """A ruled table drawn like a scanned form: rules 3 px thick, each cell's lines written inside."""
    font = ImageFont.load_default(size=font_size)
    size = (origin[0] * 2 + sum(widths), origin[1] * 2 + row_height * len(rows))
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    x_edges = [origin[0] + sum(widths[:i]) for i in range(len(widths) + 1)]
    for r, row in enumerate(rows):
        top = origin[1] + r * row_height
        for c, cell in enumerate(row):
            for i, line in enumerate(cell.split("\n")):
                draw.text((x_edges[c] + 12, top + 12 + i * 40), line, font=font, fill=0)
    for r in range(len(rows) + 1):
        y = origin[1] + r * row_height
        draw.line((x_edges[0], y, x_edges[-1], y), fill=0, width=3)
    for x in x_edges:
        draw.line((x, origin[1], x, origin[1] + row_height * len(rows)), fill=0, width=3)
    return image


def test_ruled_table_is_read_cell_by_cell(tmp_path):
    rows = [["No", "Nama", "Alamat", "NIK"],
            ["1", "Budi Santoso", "Jl. Pemuda No. 148\nKota Semarang", "3374064909620026"],
            ["2", "Siti Aminah", "Jl. Pandanaran 12\nKota Semarang", "3374115507890002"]]
    path = tmp_path / "tabel.png"
    noisy(ruled_table(rows, [110, 330, 420, 400])).save(path, dpi=(DPI, DPI))
    page = ocr(path).pages[0]
    lines = page.text.splitlines()
    assert lines[0].split("\t") == ["No", "Nama", "Alamat", "NIK"]
    assert lines[1].split("\t") == ["1", "Budi Santoso", "Jl. Pemuda No. 148 Kota Semarang", "3374064909620026"]
    assert "|" not in page.text
    nik = page.text.index("3374115507890002")
    cell = page.cell_at(nik, nik + 16)
    assert (cell.row, cell.col, cell.header, cell.text) == (2, 3, "NIK", "3374115507890002")
    address = page.cell_at(page.text.index("Pandanaran"))
    assert address.text.endswith("Pandanaran 12 Kota Semarang") and address.header == "Alamat"
    # the cell's box is where the cell was drawn (x from 80 + 110 + 330 to + 420 px)
    assert abs(address.box.x0 - 520 * 72 / DPI) < 2 and abs(address.box.x1 - 940 * 72 / DPI) < 2


def test_scan_with_a_digital_footer_is_ocrd(tmp_path):
    """A scanned letter with an e-signature footer added digitally: the words of the scan count."""
    import fitz

    image, _ = draw_page()
    png = tmp_path / "scan.png"
    noisy(image).save(png)
    doc = fitz.open()
    page = doc.new_page(width=image.width * 72 / DPI, height=image.height * 72 / DPI + 40)
    page.insert_image(fitz.Rect(0, 0, image.width * 72 / DPI, image.height * 72 / DPI), filename=str(png))
    page.insert_text((20, page.rect.height - 15), "Ditandatangani secara elektronik oleh BSrE", fontsize=8)
    path = tmp_path / "ttd-elektronik.pdf"
    doc.save(path)
    extracted = extract(path).pages[0]
    assert extracted.needs_ocr and "elektronik" in extracted.text
    result = scan_file(str(path), Settings(ocr_cache=False, use_ner=False, use_passages=False))
    page = result.document.pages[0]
    assert page.ocr and "3374064909620026" in page.text and "elektronik" in page.text
    assert any(f.label == "NIK" and f.text == "3374064909620026" for f in result.findings)
