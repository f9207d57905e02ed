"""The fast character conversion gives exactly pdfplumber's dicts."""

from pathlib import Path

import pdfplumber
import pytest

from reviewer.extract.pdfchars import FastPage, fast

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "devset"
PDFS = sorted({*ROOT.glob("tests/data/**/*.pdf"), *ROOT.glob("samples/**/*.pdf"), *SHARED.glob("**/*.pdf")}
              - {ROOT / "tests/data/extract/corrupt.pdf", ROOT / "tests/data/extract/encrypted-user-password.pdf"})


def _objects(path, convert):
    with pdfplumber.open(path) as pdf:
        out = []
        for page in pdf.pages:
            if convert:
                fast(page)
            out.append(page.chars)  # other objects take pdfplumber's own path
        return out


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_same_objects_as_pdfplumber(path):
    assert _objects(path, True) == _objects(path, False)


def test_pages_are_converted_by_the_extractor(monkeypatch):
    calls = []
    original = FastPage.process_object

    def spy(self, obj):
        calls.append(type(obj).__name__)
        return original(self, obj)

    monkeypatch.setattr(FastPage, "process_object", spy)
    from reviewer.extract import extract

    document = extract(ROOT / "tests/data/extract/table.pdf", pdf_engine="pdfplumber")
    assert document.pages[0].text
    assert "LTChar" in calls


def test_unusual_attributes_fall_back_to_pdfplumber(monkeypatch):
    from pdfminer.pdftypes import PDFObjRef

    with pdfplumber.open(ROOT / "tests/data/extract/table.pdf") as pdf:
        page = fast(pdf.pages[0])
        char = next(o for o in page.layout._objs if type(o).__name__ == "LTChar")
        expected = page.process_object(char)
        char.tag = PDFObjRef(None, 1)  # not a plain value: pdfplumber's resolver must handle it
        seen = []
        monkeypatch.setattr("pdfplumber.page.Page.process_object",
                            lambda self, obj: seen.append(obj) or expected)
        assert page.process_object(char) is expected
        assert seen == [char]
