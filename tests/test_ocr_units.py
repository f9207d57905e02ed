"""OCR pieces that need no Tesseract: layout, geometry, skew, the missing-Tesseract path, scoring."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from reviewer.core.model import Box, Document, Finding, Page, Word
from reviewer.core.settings import Settings, from_env
from reviewer.detect import policy
from reviewer.ocr import images
from reviewer.ocr.engine import OcrWord, parse_tsv
from reviewer.ocr.layout import page_text


def w(text, left, top, width=None, height=30, line=(1, 1, 1), conf=0.95):
    return OcrWord(text, conf, left, top, width or 20 * len(text), height, line)


def test_lines_from_two_blocks_on_one_row_become_one_line_with_a_tab():
    words = [w("Nama", 100, 100, line=(1, 1, 1)), w("Alamat", 100, 160, line=(1, 1, 2)),
             w(":", 400, 102, line=(2, 1, 1)), w("Siti", 420, 101, line=(2, 1, 1)),
             w("Aminah", 520, 100, line=(2, 1, 1)), w(":", 400, 161, line=(2, 1, 2)),
             w("Jl.", 420, 160, line=(2, 1, 2))]
    text, out, _ = page_text(words, images.IDENTITY)
    assert text == "Nama\t: Siti Aminah\nAlamat\t: Jl."
    assert [text[x.start:x.end] for x in out] == [x.text for x in out]
    assert out[0].box == Box(100, 100, 180, 130) and out[0].conf == 0.95


def test_word_stretched_over_its_line_is_cut_back_between_neighbours():
    # Tesseract's answer for an underlined title: the second word got the whole line's box
    words = [w("SURAT", 810, 239, 193), w("KETERANGAN", 814, 243, 1000), w("AHLI", 1444, 239, 148),
             w("WARIS", 1626, 239, 193)]
    _, out, _ = page_text(words, images.IDENTITY)
    boxes = {x.text: x.box for x in out}
    assert boxes["KETERANGAN"].x0 >= boxes["SURAT"].x1 and boxes["KETERANGAN"].x1 <= boxes["AHLI"].x0
    assert boxes["SURAT"] == Box(810, 239, 1003, 269)


def test_boxes_are_mapped_to_page_points():
    to_page = (72 / 200, 0.0, 0.0, 0.0, 72 / 200, 0.0)
    _, out, _ = page_text([w("NIK", 200, 400, 100, 50)], to_page)
    assert out[0].box == Box(72.0, 144.0, 108.0, 162.0)


def test_parse_tsv_keeps_words_with_confidence_and_skips_structure_rows():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "4\t1\t1\t1\t1\t0\t10\t10\t100\t20\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t10\t10\t40\t20\t91.5\tNIK\n"
           "5\t1\t1\t1\t1\t2\t60\t10\t40\t20\t95\t \n")
    assert parse_tsv(tsv) == [OcrWord("NIK", 0.915, 10, 10, 40, 20, (1, 1, 1))]


@pytest.mark.parametrize("degrees", [90, 180, 270, 2.5, -7])
def test_rotation_keeps_the_map_back_to_the_page(degrees):
    image = Image.new("L", (300, 200), 255)
    image.putpixel((250, 40), 0)
    page = images.PageImage(image, (0.5, 0.0, 10.0, 0.0, 0.5, 20.0), 144)
    turned = page.rotated(degrees)
    dark = min(((x, y) for x in range(turned.image.width) for y in range(turned.image.height)),
               key=lambda p: turned.image.getpixel(p))
    x, y = images.apply(turned.to_page, dark[0] + 0.5, dark[1] + 0.5)
    assert abs(x - (10 + 250.5 * 0.5)) < 1.0 and abs(y - (20 + 40.5 * 0.5)) < 1.0


def _text_lines(size=(1400, 1000)):
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=30)
    for i in range(12):
        draw.text((100, 80 + i * 60), "Pemerintah Kota Semarang menerangkan bahwa warga", font=font, fill=0)
    return image


@pytest.mark.parametrize("skew", [0.0, 1.5, -4.0])
def test_text_angle_finds_the_turn_that_levels_the_lines(skew):
    image = _text_lines().rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    assert abs(images.text_angle(image) + skew) <= 0.3


def test_text_angle_sees_sideways_pages_and_blank_ones():
    sideways = _text_lines().rotate(-90, expand=True)
    assert abs(images.text_angle(sideways) - 90) <= 0.3
    assert images.text_angle(Image.new("L", (500, 700), 250)) == 0.0


def test_without_tesseract_scanned_pages_stay_unreadable(tmp_path, monkeypatch):
    import shutil

    from reviewer.detect.pipeline import scan_file

    Image.new("L", (400, 400), 255).save(tmp_path / "scan.png")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    settings = Settings(use_ner=False, use_passages=False, ocr_cache=False)
    result = scan_file(str(tmp_path / "scan.png"), settings)
    assert [f.label for f in result.findings] == ["UNREADABLE"]
    assert "Tesseract not installed" in result.findings[0].reasons[0]
    assert any("Tesseract" in w and "README" in w for w in result.warnings)


def _ocr_page(conf):
    text = "NIK 3374064909620026"
    words = (Word("NIK", 0, 3, Box(0, 0, 10, 10), 0.95),
             Word("3374064909620026", 4, 20, Box(12, 0, 80, 10), conf))
    return Page(1, text, words, 595, 842, ocr=True)


@pytest.mark.parametrize("conf, score, action", [(0.96, 0.95, "redact"), (0.70, 0.86, "redact"),
                                                 (0.30, 0.62, "review"), (0.05, 0.47, "review")])
def test_low_ocr_confidence_lowers_the_score(conf, score, action):
    page = _ocr_page(conf)
    finding = Finding(1, 4, 20, "3374064909620026", "NIK", "17j", 0.95, "redact", "pattern:nik")
    document = Document("0" * 64, "x.png", "image", (page,))
    [out] = policy.apply(document, page, [finding], Settings())
    assert (round(out.score, 2), out.action) == (score, action)
    assert (conf >= policy.OCR_SURE) == (out.reasons == ())


def test_ocr_doubt_never_drops_a_finding():
    page = _ocr_page(0.0)
    weak = Finding(1, 4, 20, "3374064909620026", "PHONE", "17h", 0.45, "review", "pattern:phone")
    assert policy.ocr_doubt(page, weak).score == policy.REVIEW_AT


def test_ocr_settings_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("REVIEWER_OCR_CACHE", str(tmp_path))
    monkeypatch.setenv("REVIEWER_OCR_WORKERS", "2")
    monkeypatch.setenv("REVIEWER_OCR_DPI", "250")
    s = from_env()
    assert (s.ocr_cache_dir, s.ocr_cache, s.ocr_workers, s.ocr_dpi) == (tmp_path, True, 2, 250)
    monkeypatch.setenv("REVIEWER_OCR_CACHE", "off")
    assert from_env().ocr_cache is False


def _ruled(merged_second_row=False):
    image = Image.new("L", (1000, 500), 255)
    draw = ImageDraw.Draw(image)
    for y in (50, 150, 250, 350):
        draw.line((50, y, 950, y), fill=0, width=3)
    for x in (50, 300, 600, 950):
        draw.line((x, 50, x, 350), fill=0, width=3)
    if merged_second_row:
        draw.rectangle((298, 153, 302, 247), fill=255)
    draw.text((70, 90), "Nama", fill=0)
    draw.line((70, 420, 900, 420), fill=0, width=2)  # an underline, not a table
    return image


def test_find_grids_rows_cells_and_merged_cells():
    from reviewer.ocr.tables import find_grids

    grids, clean = find_grids(_ruled(merged_second_row=True), 200)
    assert len(grids) == 1
    grid = grids[0]
    assert len(grid.rows) == 3
    assert [len(cells) for cells in grid.cells] == [3, 2, 3]
    pixels = np.asarray(clean)
    assert pixels[200, 600] > 200 and pixels[50, 500] < 100  # column rules wiped, row rules kept
    assert pixels[420, 500] < 100  # the underline outside the table stays
    assert pixels[95:105, 70:110].min() < 100  # the text stays


def test_no_grid_without_column_rules():
    from reviewer.ocr.tables import find_grids

    image = Image.new("L", (1000, 500), 255)
    draw = ImageDraw.Draw(image)
    for y in (50, 150, 250, 350):
        draw.line((50, y, 950, y), fill=0, width=3)
    grids, clean = find_grids(image, 200)
    assert grids == [] and clean is image


def _pdf_with_background(tmp_path, lines):
    import fitz

    png = tmp_path / "latar.png"
    Image.new("L", (850, 1100), 235).save(png)
    doc = fitz.open()
    page = doc.new_page(width=612, height=792)
    page.insert_image(page.rect, filename=str(png))
    for i, line in enumerate(lines):
        page.insert_text((72, 90 + 14 * i), line, fontsize=10)
    path = tmp_path / "latar.pdf"
    doc.save(path)
    return path


def test_digital_text_over_a_page_sized_picture_is_not_sent_to_ocr(tmp_path):
    from reviewer.extract import extract

    body = ["Surat ini menerangkan bahwa kegiatan rapat koordinasi berjalan dengan baik dan lancar."] * 40
    assert not extract(_pdf_with_background(tmp_path, body)).pages[0].needs_ocr


def test_page_sized_picture_with_a_few_digital_words_needs_ocr_and_they_are_still_read(tmp_path, monkeypatch):
    import shutil

    from reviewer.detect.pipeline import scan_file

    path = _pdf_with_background(tmp_path, ["Kontak pemohon: budi.santoso@gmail.com"])
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = scan_file(str(path), Settings(use_ner=False, use_passages=False, ocr_cache=False))
    assert result.document.pages[0].needs_ocr
    labels = [f.label for f in result.findings]
    assert "UNREADABLE" in labels and "EMAIL" in labels
