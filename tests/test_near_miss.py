"""OCR near-misses: look-alike letters and split digit runs read as numbers; identifiers one edit from
valid become `review` with their reason; `redact --suggested` says so in its summary and exit code.

Fixtures are written here: the NIK 3374064909620026 (region 33.74.06, born 09-09-62, woman) is the
fictional example the other tests use; a scanned page is drawn with PIL and read with Tesseract.
"""

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont

from reviewer.core.model import Page
from reviewer.core.settings import DEFAULT_PATTERNS, Settings
from reviewer.detect import near_miss
from reviewer.detect.patterns import _cached as cached_patterns
from reviewer.detect.patterns import page_findings
from reviewer.detect.pipeline import scan_file

NIK = "3374064909620026"
SETTINGS = Settings(use_ner=False, use_passages=False, ocr_cache=False)
REASON = "mirip NIK, tidak valid — mungkin salah baca OCR"


def findings(text, ocr=True):
    page = Page(1, text, ocr=ocr)
    return page_findings(cached_patterns(str(DEFAULT_PATTERNS)), page)


def nik_findings(text, ocr=True):
    return [f for f in findings(text, ocr) if f.label == "NIK"]


@pytest.mark.parametrize("misread", ["33740649O9620026", "3374064909620o26", "3374O6490962OO26",
                                     "337406490962002l"])
def test_O_and_l_confusions_are_read_as_digits(misread):
    text = f"NIK : {misread}"
    hits = [f for f in nik_findings(text) if f.source == "pattern:nik"]
    assert hits, f"not found: {text!r}"
    assert hits[0].text == misread, "the finding points at the characters on the page"
    assert any("OCR dinormalisasi" in r for r in hits[0].reasons)


def test_I_and_pipe_confusions_are_read_as_one():
    for misread in ("NIK : 33740649096200I1", "NIK : 33740649096200|1"):
        hits = [f for f in nik_findings(misread) if f.source == "pattern:nik"]
        assert hits and hits[0].text == misread[6:]


def test_S_for_five_and_B_for_eight():
    # 3578 (Surabaya) region, born 15-08-85: "S" read for 5 and "B" for 8
    valid = "3578011508850003"
    from reviewer.detect.validators import nik

    assert nik(valid)[0]
    misread = valid.replace("5", "S", 1).replace("8", "B", 1)
    hits = [f for f in nik_findings(f"NIK: {misread}") if f.source == "pattern:nik"]
    assert hits and hits[0].text == misread


def test_spaces_inside_a_number_are_joined():
    text = "NIK: 33740 649096 20026"
    hits = [f for f in nik_findings(text) if f.source == "pattern:nik"]
    assert hits and hits[0].text == "33740 649096 20026"
    assert near_miss.normalise("Rp 1 000 000 pada 12 April").text == "Rp 1 000 000 pada 12 April"


def test_normalisation_only_on_ocr_pages():
    assert not [f for f in nik_findings("NIK : 33740649O9620026", ocr=False) if f.source == "pattern:nik"]


def test_words_are_not_turned_into_digits():
    assert near_miss.normalise("SOLO BISOS Illinois 2024").text == "SOLO BISOS Illinois 2024"


@pytest.mark.parametrize("run, edit", [(NIK + "6", "digit added"), (NIK[:-1], "digit dropped"),
                                       (NIK[:6] + "9" + NIK[7:], "digit changed")])
def test_one_edit_from_valid_is_review_with_reason(run, edit):
    from reviewer.detect.validators import nik

    assert not nik(run)[0], edit
    hits = nik_findings(f"NIK : {run}")
    assert len(hits) == 1, hits
    assert hits[0].action == "review" and hits[0].reasons[0] == REASON
    assert hits[0].text == run and hits[0].source == near_miss.SOURCE


def test_near_miss_needs_its_label_and_a_digital_page_says_typo():
    assert nik_findings(f"Nomor register {NIK}6 tahun ini") == []
    hits = nik_findings(f"NIK : {NIK}6", ocr=False)
    assert hits and "salah ketik" in hits[0].reasons[0]


def test_valid_nik_is_not_a_near_miss():
    assert [f.source for f in nik_findings(f"NIK : {NIK}")] == ["pattern:nik"]


# --- a scanned page, OCR'd by Tesseract -------------------------------------------------------------

def _tesseract_missing() -> str:
    from reviewer.core.errors import OcrError
    from reviewer.ocr.engine import find_engine

    try:
        return "" if "ind" in find_engine().languages else "Tesseract has no 'ind' data"
    except OcrError as exc:
        return f"Tesseract not installed ({exc})"


def scanned_pdf(tmp_path, lines):
    font = ImageFont.load_default(size=34)
    image = Image.new("L", (1650, 900), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((120, 120 + i * 80), line, font=font, fill=0)
    rng = np.random.default_rng(5)
    pixels = np.asarray(image, dtype=np.float64) * 0.92 + 12 + rng.normal(0, 8, (image.height, image.width))
    path = tmp_path / "scan.pdf"
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(path, resolution=200)
    return path


LINES = ["SURAT KETERANGAN DOMISILI", f"NIK : {NIK}7", "Demikian surat ini dibuat dengan sebenarnya."]


@pytest.mark.ocr
@pytest.mark.skipif(bool(_tesseract_missing()), reason=_tesseract_missing() or "ok")
def test_scanned_page_with_one_digit_off_nik_yields_review(tmp_path):
    result = scan_file(str(scanned_pdf(tmp_path, LINES)), SETTINGS)
    assert result.document.pages[0].ocr
    hits = [f for f in result.findings if f.label == "NIK"]
    assert hits, result.document.pages[0].text
    assert hits[0].action == "review" and REASON in hits[0].reasons


@pytest.mark.ocr
@pytest.mark.skipif(bool(_tesseract_missing()), reason=_tesseract_missing() or "ok")
def test_redact_suggested_reports_unresolved_near_miss(tmp_path):
    from reviewer.cli import cli

    path = scanned_pdf(tmp_path, LINES)
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(cli, ["redact", str(path), "--suggested", "-o", str(out), "--no-ner",
                                       "--no-passages"], env={"REVIEWER_OCR_CACHE": "off"})
    assert result.exit_code == 3, result.output
    assert "mirip" in result.output and "belum" in result.output


def test_review_page_lists_near_misses_first():
    """The web UI's finding groups: a near-miss leads, and so does its label's group (issue 19 item 5)."""
    from reviewer.detect.near_miss import SOURCE
    from webui.views.review import _groups

    found = [{"label": "PERSON", "action": "redact", "start": 5, "source": "ner"},
             {"label": "NIK", "action": "redact", "start": 10, "source": "pattern:nik"},
             {"label": "NIK", "action": "review", "start": 90, "source": SOURCE}]
    groups = _groups(found)
    assert [label for label, _ in groups] == ["NIK", "PERSON"]
    assert groups[0][1][0]["source"] == SOURCE
    assert [label for label, _ in _groups(found[:2])] == ["PERSON", "NIK"]  # otherwise the usual order
