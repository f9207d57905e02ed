import pytest

from reviewer.extract import extract
from reviewer.model import Decision
from reviewer.redact import redact_document
from reviewer.settings import Settings

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
LINES = ["Nama pemohon: Ayu Wahyuni binti Sarjo", "NIK:3374064909620026 berlaku seumur hidup",
         "Alamat kantor Jalan Pemuda Nomor 148", "Telepon kantor (024) 3513366 setiap hari kerja"]


@pytest.fixture(params=[0, 90, 180, 270])
def tight_pdf(request, tmp_path):
    import fitz

    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    for i, line in enumerate(LINES):
        page.insert_text((72, 100 + i * 11), line, fontsize=11)  # leading = font size: boxes overlap
    page.set_rotation(request.param)
    path = tmp_path / f"rapat-{request.param}.pdf"
    doc.save(path)
    return path


def decide(document, text, label, basis):
    page = document.pages[0]
    start = page.text.index(text)
    return Decision(1, start, start + len(text), text, label, basis)


def test_tight_lines_and_rotation_remove_exactly_the_targets(tight_pdf, tmp_path):
    import fitz

    doc = extract(tight_pdf)
    assert doc.pages[0].text.splitlines()[0] == LINES[0]
    decisions = [decide(doc, "Ayu Wahyuni", "PERSON", "17h"), decide(doc, "3374064909620026", "NIK", "17j")]
    out = tmp_path / "hasil.pdf"
    report = redact_document(tight_pdf, decisions, out, SETTINGS)
    assert report.ok, report.failures
    with fitz.open(out) as result:
        text = result[0].get_text()
    assert "Ayu" not in text and "3374" not in text
    for survivor in ("Nama pemohon:", "binti Sarjo", "NIK:", "berlaku seumur hidup", "Alamat kantor Jalan Pemuda",
                     "(024) 3513366"):
        assert survivor in text, survivor
    assert report.over_redaction["hilang"] == 0
