"""Redaction of scanned PDF pages: burned pixels, a new picture, an invisible layer with the rest.

Fixtures are generated scans (text drawn with PIL, grain added, placed in a PDF) so the words and
their places are known. The checks read the result three ways: the verifier's report, OCR of the
rendered result, and the pixels under the redacted words.
"""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from reviewer.core.errors import OcrError, VerificationFailed
from reviewer.core.model import Box, Decision
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.ocr.engine import find_engine
from reviewer.redact import redact_document

try:
    find_engine()
    MISSING = ""
except OcrError as exc:
    MISSING = f"Tesseract not installed ({exc})"

pytestmark = [pytest.mark.ocr, pytest.mark.skipif(bool(MISSING), reason=MISSING or "ok")]

DPI = 200
SETTINGS = Settings(use_ner=False, use_passages=False, ocr_cache=False)
LINES = ["SURAT KETERANGAN", "Nama: Siti Aminah", "NIK: 3374064909620026",
         "Alamat: Jalan Pemuda Nomor 148 Semarang", "Demikian surat ini dibuat dengan sebenarnya.",
         "Hormat kami, Siti Aminah"]


def scan_image(lines=LINES, size=(1650, 1200)):
    font = ImageFont.load_default(size=30)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((120, 100 + i * 70), line, font=font, fill=0)
    rng = np.random.default_rng(3)
    pixels = np.asarray(image, dtype=np.float64) * 0.9 + 18 + rng.normal(0, 10, (size[1], size[0]))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def scanned_pdf(path, image, rotate=0, digital_first=False):
    import fitz

    doc = fitz.open()
    if digital_first:
        doc.new_page(width=595, height=842).insert_text((72, 90), "Lampiran: surat pemohon Siti Aminah", fontsize=11)
    w, h = image.width * 72 / DPI, image.height * 72 / DPI
    page = doc.new_page(width=w, height=h)
    png = path.with_suffix(".png")
    image.save(png)
    page.insert_image(page.rect, filename=str(png))
    page.set_rotation(rotate)
    doc.save(path)
    return path


def decide(document, number, text, label, basis, nth=0):
    page = document.pages[number - 1]
    start = -1
    for _ in range(nth + 1):
        start = page.text.index(text, start + 1)
    return Decision(number, start, start + len(text), text, label, basis)


def redact(path, decisions, document, tmp_path):
    out = tmp_path / "hasil.pdf"
    report = redact_document(path, decisions, out, SETTINGS, document=document)
    return out, report


def ocr_text(path):
    import fitz

    from reviewer.redact.verify_scan import read_again

    with fitz.open(path) as doc:
        numbers = list(range(1, len(doc) + 1))
    return read_again(str(path), numbers)


def test_scanned_page_is_burned_and_keeps_an_invisible_layer(tmp_path):
    import fitz

    path = scanned_pdf(tmp_path / "surat.pdf", scan_image())
    document = scan_file(str(path), SETTINGS).document
    assert document.pages[0].ocr
    nik = decide(document, 1, "3374064909620026", "NIK", "17j")
    name = decide(document, 1, "Siti Aminah", "PERSON", "17h")
    out, report = redact(path, [nik, name], document, tmp_path)
    assert report.ok, report.failures
    names = {c.name for c in report.checks}
    assert {"OCR hasil tidak membaca teks dihitamkan", "gambar pindaian asli tidak disimpan"} <= names
    # the signature's "Siti Aminah" was not decided: it stays, in the picture and the text layer
    assert any("no. 2 (PERSON)" in w and "masih muncul" in w for w in report.warnings)  # named by number
    with fitz.open(out) as result:
        layer = result[0].get_text()
        assert len(result[0].get_images()) == 1
        assert result[0].rotation == 0
    assert "3374064909620026" not in layer and "3374" not in layer
    assert layer.count("Aminah") == 1
    for kept in ("SURAT", "KETERANGAN", "Alamat:", "Pemuda", "Semarang", "sebenarnya.", "Hormat"):
        assert kept in layer, kept
    seen = ocr_text(out)
    assert "3374064909620026" not in seen.replace(" ", "") and "Pemuda" in seen
    # the pixels where the number was are black (the label is drawn on top, in a thin band)
    box = document.pages[0].words[[w.text for w in document.pages[0].words].index("3374064909620026")].box
    picture = _render(out)
    band = picture.crop(tuple(round(v * DPI / 72) for v in (box.x0, box.top, box.x1, box.bottom)))
    assert np.mean(np.asarray(band) < 60) > 0.7


def _render(path):
    import fitz

    with fitz.open(path) as doc:
        pix = doc[0].get_pixmap(matrix=fitz.Matrix(DPI / 72, DPI / 72), colorspace=fitz.csGRAY)
        return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def test_area_decision_burns_the_area_and_drops_its_words(tmp_path):
    path = scanned_pdf(tmp_path / "surat.pdf", scan_image())
    document = scan_file(str(path), SETTINGS).document
    page = document.pages[0]
    address = [w for w in page.words if w.text in ("Alamat:", "Semarang")]
    area = Box(address[0].box.x0 - 2, address[0].box.top - 2, address[-1].box.x1 + 2, address[-1].box.bottom + 2)
    out, report = redact(path, [Decision(1, 0, 0, "", "ADDRESS", "17h", box=area)], document, tmp_path)
    assert report.ok, report.failures
    import fitz

    with fitz.open(out) as result:
        layer = result[0].get_text()
    assert "Pemuda" not in layer and "Semarang" not in layer and "3374064909620026" in layer
    assert "Pemuda" not in ocr_text(out)


@pytest.mark.parametrize("rotate", [90, 270])
def test_rotated_scanned_page(tmp_path, rotate):
    path = scanned_pdf(tmp_path / "miring.pdf", scan_image(), rotate=rotate)
    document = scan_file(str(path), SETTINGS).document
    nik = decide(document, 1, "3374064909620026", "NIK", "17j")
    out, report = redact(path, [nik], document, tmp_path)
    assert report.ok, report.failures
    import fitz

    with fitz.open(out) as result:
        assert result[0].rotation == 0 and "3374064909620026" not in result[0].get_text()
        assert "Pemuda" in result[0].get_text()


def test_mixed_pdf_redacts_digital_and_scanned_pages(tmp_path):
    path = scanned_pdf(tmp_path / "campur.pdf", scan_image(), digital_first=True)
    document = scan_file(str(path), SETTINGS).document
    assert [p.ocr for p in document.pages] == [False, True]
    decisions = [decide(document, 1, "Siti Aminah", "PERSON", "17h"),
                 decide(document, 2, "Siti Aminah", "PERSON", "17h"),
                 decide(document, 2, "Siti Aminah", "PERSON", "17h", nth=1),
                 decide(document, 2, "3374064909620026", "NIK", "17j")]
    out, report = redact(path, decisions, document, tmp_path)
    assert report.ok, report.failures
    import fitz

    with fitz.open(out) as result:
        text = "".join(p.get_text() for p in result)
    assert "Aminah" not in text and "3374" not in text and "Lampiran" in text and "Pemuda" in text
    assert "Aminah" not in ocr_text(out)


def test_a_box_that_does_not_cover_is_caught_and_nothing_is_written(tmp_path, monkeypatch):
    import reviewer.redact.scan as scan

    path = scanned_pdf(tmp_path / "surat.pdf", scan_image())
    document = scan_file(str(path), SETTINGS).document
    nik = decide(document, 1, "3374064909620026", "NIK", "17j")
    monkeypatch.setattr(scan, "_burn", lambda picture, boxes, scale: None)
    with pytest.raises(VerificationFailed) as caught:
        redact(path, [nik], document, tmp_path)
    failed = {c.name for c in caught.value.report.failures}
    assert "OCR hasil tidak membaca teks dihitamkan" in failed
    assert not (tmp_path / "hasil.pdf").exists() and not (tmp_path / "hasil.pdf.part").exists()


def test_redacting_a_scanned_pdf_from_its_path_reads_it_with_ocr_first(tmp_path):
    path = scanned_pdf(tmp_path / "surat.pdf", scan_image())
    settings = Settings(use_ner=False, use_passages=False, ocr_cache_dir=tmp_path / "cache")
    document = scan_file(str(path), settings).document
    nik = decide(document, 1, "3374064909620026", "NIK", "17j")
    report = redact_document(path, [nik], tmp_path / "hasil.pdf", settings, sha256=document.sha256)
    assert report.ok, report.failures


def test_scanned_pages_without_decisions_get_their_text_layer_too(tmp_path):
    import fitz

    first = scanned_pdf(tmp_path / "satu.pdf", scan_image())
    second = scanned_pdf(tmp_path / "dua.pdf", scan_image(["Lampiran daftar hadir rapat", "Nomor 12 Tahun 2024"]))
    with fitz.open(first) as doc, fitz.open(second) as other:
        doc.insert_pdf(other)
        doc.save(tmp_path / "dua-halaman.pdf")
    path = tmp_path / "dua-halaman.pdf"
    document = scan_file(str(path), SETTINGS).document
    out, report = redact(path, [decide(document, 1, "3374064909620026", "NIK", "17j")], document, tmp_path)
    assert report.ok, report.failures
    with fitz.open(out) as result:
        assert "Lampiran daftar hadir" in result[1].get_text()


def test_image_files_are_redacted_into_a_pdf(tmp_path):
    import fitz

    from reviewer.redact import default_output

    path = tmp_path / "ktp.tif"
    first = scan_image()
    first.save(path, save_all=True, append_images=[scan_image(["Halaman kedua: Budi Santoso"])], dpi=(DPI, DPI))
    document = scan_file(str(path), SETTINGS).document
    assert document.kind == "image" and [p.ocr for p in document.pages] == [True, True]
    out = default_output(path)
    assert out.endswith("ktp.disensor.pdf")
    decisions = [decide(document, 1, "3374064909620026", "NIK", "17j"),
                 decide(document, 2, "Budi Santoso", "PERSON", "17h")]
    report = redact_document(path, decisions, out, SETTINGS, document=document)
    assert report.ok, report.failures
    with fitz.open(out) as result:
        assert len(result) == 2
        text = [p.get_text() for p in result]
    assert "3374" not in text[0] and "Pemuda" in text[0]
    assert "Budi" not in text[1] and "kedua" in text[1]
    assert "Budi" not in ocr_text(out) and "Pemuda" in ocr_text(out)
    with pytest.raises(Exception, match="pdf"):
        redact_document(path, decisions, tmp_path / "hasil.png", SETTINGS, document=document)
