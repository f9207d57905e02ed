"""PDF redaction on the fixtures of tests/data/redact (see make_fixtures.py there)."""

import re
import subprocess
import zlib
from pathlib import Path

import pytest

from reviewer.core.errors import VerificationFailed
from reviewer.core.model import Box, Decision
from reviewer.core.settings import Settings
from reviewer.extract import extract
from reviewer.redact import redact_document

DATA = Path(__file__).parent / "data" / "redact"
SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
NAME, NIK, PHONE, ACCOUNT = "Ayu Wahyuni", "3374064909620026", "0812-2345-6781", "0001627448985"
OLD_ACCOUNT, WITNESS = "9900112233445566", "Budi Santoso"


def decide(document, text, label="PERSON", basis="17h", page=None):
    out = []
    for p in document.pages:
        if page is not None and p.number != page:
            continue
        for m in re.finditer(re.escape(text), p.text):
            out.append(Decision(p.number, m.start(), m.end(), text, label, basis))
    assert out, text
    return out


def everything(path: Path) -> bytes:
    """The file's bytes plus every stream decompressed (zlib), found by scanning the raw file."""
    data = path.read_bytes()
    out = [data]
    for m in re.finditer(rb"stream\r?\n", data):
        try:
            out.append(zlib.decompressobj().decompress(data[m.end():m.end() + 2_000_000]))
        except zlib.error:
            pass
    return b"\n".join(out)


def texts(path: Path) -> dict[str, str]:
    import fitz
    import pdfplumber

    with fitz.open(path) as doc:
        mupdf = "\n".join(p.get_text() for p in doc)
    with pdfplumber.open(path) as pdf:
        plumber = "\n".join(p.extract_text() or "" for p in pdf.pages)
    poppler = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
    return {"PyMuPDF": mupdf, "pdfplumber": plumber, "pdftotext": poppler}


@pytest.fixture(scope="module")
def layers(tmp_path_factory):
    doc = extract(DATA / "lapisan.pdf")
    decisions = (decide(doc, NAME) + decide(doc, NIK, "NIK", "17j") + decide(doc, ACCOUNT, "BANK_ACCOUNT", "17h3")
                 + decide(doc, WITNESS, basis="17a2")
                 + [Decision(1, 0, 0, "", "PERSON", "17h", box=Box(75, 285, 235, 355))])  # the signature
    out = tmp_path_factory.mktemp("lapisan") / "hasil.pdf"
    report = redact_document(DATA / "lapisan.pdf", decisions, out, SETTINGS)
    return doc, out, report


def test_fixture_really_hides_the_secrets_everywhere():
    import fitz

    with fitz.open(DATA / "lapisan.pdf") as doc:
        assert NAME in doc.metadata["author"] and doc.embfile_count() == 1
        assert len(list(doc[0].annots())) == 2 and len(list(doc[0].widgets())) == 1
        assert NIK.encode() in doc.get_xml_metadata().encode()
        assert any(xobj[0] for xobj in doc[1].get_xobjects())  # page 2 is a form XObject
    assert OLD_ACCOUNT.encode() in (DATA / "revisi.pdf").read_bytes()


def test_secrets_gone_for_every_extractor_and_the_bytes(layers):
    _, out, report = layers
    assert report.ok, report.failures
    for tool, text in texts(out).items():
        for secret in (NAME, NIK, ACCOUNT, WITNESS, PHONE):
            assert secret not in text, (tool, secret)
    raw = everything(out)
    for secret in (NAME, NIK, ACCOUNT, WITNESS, PHONE, "ayu.wahyuni", "JavaScript"):
        assert secret.encode() not in raw, secret


def test_public_text_and_labels_remain(layers):
    _, out, report = layers
    text = texts(out)["pdftotext"]
    for public in ("SURAT KETERANGAN", "Pemohon:", "Kantor pelayanan di Jalan Pemuda Nomor 148 Semarang",
                   "Tempat pemeriksaan: Kantor Kecamatan Candisari", "Tanda tangan pemohon:", "Rek."):
        assert public in text, public
    assert "Ps.17 h" in text and "Ps.17 j" in text and "Ps.17 a" in text
    assert report.over_redaction["hilang"] == 0


def test_metadata_annotations_attachments_scripts_stripped(layers):
    import fitz

    _, out, report = layers
    with fitz.open(out) as doc:
        assert not any(v for k, v in doc.metadata.items() if k not in ("format", "encryption"))
        assert doc.get_xml_metadata() == ""
        assert doc.embfile_count() == 0
        assert all(not list(p.annots()) and not list(p.widgets()) and not p.get_links() for p in doc)
    assert {c.name for c in report.checks if c.passed} >= {"metadata kosong (Info, XMP)",
                                                           "tanpa lampiran tertanam"}


def test_pixels_under_the_box_are_burned_not_covered(layers):
    import fitz

    doc, out, _ = layers
    (box,) = doc.pages[0].boxes(*_span(doc, ACCOUNT))
    with fitz.open(DATA / "lapisan.pdf") as before, fitz.open(out) as after:
        old, new = _image_pixels(before, box), _image_pixels(after, box)
    assert old.size and old.std() > 20  # the picture showed the number (dark on light) there
    assert new.size and new.std() < 1  # and now the picture's own pixels there are blank, not just covered


def test_vector_signature_inside_an_area_decision_is_removed(layers):
    import fitz

    _, out, _ = layers
    with fitz.open(DATA / "lapisan.pdf") as before, fitz.open(out) as after:
        def curves(doc):
            return [d for d in doc[0].get_drawings() if any(item[0] == "c" for item in d["items"])]
        assert curves(before) and not curves(after)


def test_earlier_revision_does_not_survive(tmp_path):
    doc = extract(DATA / "revisi.pdf")
    out = tmp_path / "hasil.pdf"
    report = redact_document(DATA / "revisi.pdf", decide(doc, NAME), out, SETTINGS)
    assert report.ok
    assert OLD_ACCOUNT.encode() not in everything(out)
    assert out.read_bytes().count(b"%%EOF") == 1
    assert "Kantor pelayanan" in texts(out)["pdftotext"]


@pytest.mark.parametrize("page", [1, 2, 3, 4], ids=["0", "90", "180", "270"])
def test_tight_lines_on_rotated_pages_lose_nothing_else(page, tmp_path):
    doc = extract(DATA / "rapat.pdf")
    decisions = (decide(doc, NAME, page=page) + decide(doc, NIK, "NIK", "17j", page=page)
                 + decide(doc, PHONE, "PHONE", "17h", page=page)
                 + decide(doc, ACCOUNT, "BANK_ACCOUNT", "17h3", page=page))
    out = tmp_path / "hasil.pdf"
    report = redact_document(DATA / "rapat.pdf", decisions, out, SETTINGS)
    assert report.ok and report.over_redaction["hilang"] == 0
    import fitz

    with fitz.open(out) as result:
        text = result[page - 1].get_text()
    for gone in (NAME, NIK, PHONE, ACCOUNT):
        assert gone not in text
    for kept in ("binti Sarjo", "NIK:", "berlaku seumur hidup", "Saksi pertama Budi Santoso hadir",
                 "Telepon kantor (024) 3513366, HP", "pribadi", "Rapat dimulai pukul 09.00",
                 "dicatat terpisah", "Hasil rapat dibacakan"):
        assert kept in text, kept


def test_boxes_are_where_the_words_are_on_rotated_pages():
    import fitz

    from reviewer.redact.pdfgeom import PageGeometry

    doc = extract(DATA / "rapat.pdf")
    with fitz.open(DATA / "rapat.pdf") as pdf:
        for page in doc.pages:
            geo = PageGeometry(pdf, pdf[page.number - 1], page)
            for word in page.words[:12]:
                x0, y0, x1, y1 = geo.rect(word.box)
                inside = [w[4] for w in pdf[page.number - 1].get_text("words")
                          if x0 - 1 <= (w[0] + w[2]) / 2 <= x1 + 1 and y0 - 3 <= (w[1] + w[3]) / 2 <= y1 + 3]
                assert word.text in inside, (page.rotation, word.text, inside)


def test_over_redaction_is_caught(tmp_path, monkeypatch):
    """Full word boxes as removal rectangles (the naive way) remove letters of the next line."""
    from reviewer.redact import pdfgeom

    monkeypatch.setattr(pdfgeom, "LINE_BAND", 2.2)
    doc = extract(DATA / "rapat.pdf")
    out = tmp_path / "hasil.pdf"
    with pytest.raises(VerificationFailed) as failed:
        redact_document(DATA / "rapat.pdf", decide(doc, NIK, "NIK", "17j", page=1), out, SETTINGS)
    assert failed.value.report.over_redaction["hilang"] > 0
    assert not out.exists() and not Path(str(out) + ".part").exists()


def _span(document, text):
    start = document.pages[0].text.index(text)
    return start, start + len(text)


def _image_pixels(doc, box):
    import fitz
    import numpy as np

    page = doc[0]
    (info,) = page.get_image_info(xrefs=True)
    pix = fitz.Pixmap(doc, info["xref"])
    img = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, pix.n)[..., :3]
    x0, y0, x1, y1 = info["bbox"]
    sx, sy = pix.width / (x1 - x0), pix.height / (y1 - y0)
    left, right = int((box.x0 - x0) * sx) + 2, int((box.x1 - x0) * sx) - 2
    top, bottom = int((box.top - y0) * sy) + 1, int((box.bottom - y0) * sy) - 1
    region = img[max(top, 0):bottom, max(left, 0):right]
    return region.astype(float)  # brightness 0..255


def test_owner_password_only_pdf_is_redacted_and_saved_without_encryption(tmp_path):
    import fitz

    source = Path(__file__).parent / "data" / "extract" / "encrypted-owner-only.pdf"
    doc = extract(source)
    out = tmp_path / "hasil.pdf"
    report = redact_document(source, decide(doc, "3209125204950003", "NIK", "17j"), out, SETTINGS)
    assert report.ok
    with fitz.open(out) as result:
        assert not result.is_encrypted and "3209125204950003" not in result[0].get_text()


def test_small_drawings_taken_with_an_area_decision_are_counted_in_a_warning(tmp_path):
    """`_drawings_in_areas` returns how many other drawings the grown area also removed (it was annotated
    as returning None, so the count that feeds this warning looked like dead code)."""
    import fitz

    src = tmp_path / "tanda-tangan.pdf"
    with fitz.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 72), "Surat keterangan", fontsize=12)
        shape = page.new_shape()
        shape.draw_bezier((110, 140), (130, 100), (160, 160), (190, 110))  # the signature, inside the area
        shape.finish(color=(0, 0, 0), width=1)
        shape.draw_line((203, 120), (207, 124))  # a tick just outside it, within the miter margin
        shape.finish(color=(0, 0, 0), width=1)
        shape.commit()
        doc.save(src)
    decisions = [Decision(1, 0, 0, "", "PERSON", "17h", box=Box(100, 95, 200, 165))]
    report = redact_document(src, decisions, tmp_path / "hasil.pdf", SETTINGS)
    assert any("halaman 1: 1 gambar vektor kecil" in w for w in report.warnings), report.warnings
    with fitz.open(tmp_path / "hasil.pdf") as after:
        assert not [d for d in after[0].get_drawings() if any(item[0] == "c" for item in d["items"])]
