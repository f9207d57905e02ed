"""DOCX redaction on tests/data/redact/lengkap.docx (see make_fixtures.py there)."""

import io
import re
import zipfile
from pathlib import Path

import pytest

from reviewer.core.model import Decision
from reviewer.core.settings import Settings
from reviewer.extract import extract
from reviewer.redact import redact_document

DATA = Path(__file__).parent / "data" / "redact"
SOURCE = DATA / "lengkap.docx"
SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
NAME, NIK, PHONE, ACCOUNT = "Ayu Wahyuni", "3374064909620026", "0812-2345-6781", "0001627448985"
OLD_ACCOUNT, EMAIL, WITNESS = "9900112233445566", "ayu.wahyuni@gmail.com", "Budi Santoso"
ADDRESS = "Jl. Kalicari Timur No. 74\nRT 001/RW 001 Kota Semarang"


def decide(document, text, label="PERSON", basis="17h"):
    page = document.pages[0]
    out = [Decision(1, m.start(), m.end(), text, label, basis) for m in re.finditer(re.escape(text), page.text)]
    assert out, text
    return out


@pytest.fixture(scope="module")
def redacted(tmp_path_factory):
    doc = extract(SOURCE)
    decisions = (decide(doc, NAME) + decide(doc, NIK, "NIK", "17j") + decide(doc, PHONE, "PHONE")
                 + decide(doc, ACCOUNT, "BANK_ACCOUNT", "17h3") + decide(doc, EMAIL, "EMAIL")
                 + decide(doc, ADDRESS, "ADDRESS"))
    out = tmp_path_factory.mktemp("docx") / "hasil.docx"
    report = redact_document(SOURCE, decisions, out, SETTINGS)
    return out, report


def package(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_fixture_holds_the_secrets_in_every_place():
    parts = package(SOURCE)
    assert NAME.encode() in parts["word/header1.xml"] and PHONE.encode() in parts["word/footer1.xml"]
    assert NIK.encode() in parts["word/comments.xml"] and b"Alamat lama" in parts["word/footnotes.xml"]
    assert parts["word/document.xml"].count(PHONE.encode()) == 2  # text box: mc:Choice and mc:Fallback
    assert OLD_ACCOUNT.encode() in parts["word/document.xml"]  # deleted text of a tracked change
    assert b"Foto KTP " + NAME.encode() in parts["word/document.xml"]  # alt text
    assert NIK.encode() in parts["docProps/custom.xml"] and NAME.encode() in parts["docProps/core.xml"]


def test_no_secret_left_in_any_part(redacted):
    out, report = redacted
    assert report.ok, report.failures
    for name, data in package(out).items():
        for secret in (NAME, NIK, PHONE, ACCOUNT, OLD_ACCOUNT, EMAIL, WITNESS, "Kalicari"):
            assert secret.encode() not in data, (name, secret)


def test_python_docx_reads_markers_and_public_text(redacted):
    import docx

    out, _ = redacted
    d = docx.Document(out)
    body = "\n".join(p.text for p in d.paragraphs)
    assert "NIK: █████ [Ps.17 j] (berlaku)" in body  # one marker for a number split over three runs
    assert "Rekening baru: █████ [Ps.17 h]" in body
    assert "Kantor pelayanan di Jalan Pemuda Nomor 148 Semarang" in body and "Ditetapkan di Semarang." in body
    assert d.sections[0].header.paragraphs[0].text == "Dicetak untuk █████ [Ps.17 h]"
    assert d.sections[0].footer.paragraphs[0].text == "Kontak pemohon █████ [Ps.17 h]"
    cell = d.tables[0].cell(1, 1).text
    assert "█████ [Ps.17 h]" in cell and "Kalicari" not in cell


def test_text_box_fallback_copy_is_redacted_too(redacted):
    out, report = redacted
    xml = package(out)["word/document.xml"].decode()
    assert xml.count("HP pemohon █████ [Ps.17 h]") == 2
    assert any("mc:Fallback" in n for n in report.notes)


def test_tracked_changes_accepted_comments_and_properties_gone(redacted):
    out, report = redacted
    parts = package(out)
    xml = parts["word/document.xml"].decode()
    for tag in ("<w:ins ", "<w:del ", "<w:delText", "w:commentReference", "w:commentRangeStart"):
        assert tag not in xml, tag
    assert b"<w:comment " not in parts["word/comments.xml"]
    assert b"docVar" not in parts["word/settings.xml"]
    assert b"<dc:creator>" not in parts["docProps/core.xml"] and b"<property" not in parts["docProps/custom.xml"]
    assert "docProps/thumbnail.jpeg" not in parts
    assert b"thumbnail" not in parts["_rels/.rels"]
    assert not [c for c in report.checks if not c.passed]


def test_field_code_and_alt_text_swept(redacted):
    out, _ = redacted
    xml = package(out)["word/document.xml"].decode()
    assert "HYPERLINK" not in xml or EMAIL not in xml
    assert 'descr="Foto KTP' not in xml


def test_result_opens_and_reads_back_with_nothing_else_lost(redacted):
    out, report = redacted
    page = extract(out).pages[0]
    assert "Paragraf dengan catatan kaki" in page.text and "Berkas diperiksa." in page.text
    assert report.over_redaction["hilang"] == 0
    assert report.over_redaction["kata_di_luar_penghitaman"] > 20


def test_a_whole_image_is_redacted(tmp_path):
    from PIL import Image

    doc = extract(SOURCE)
    image = Decision(1, 0, 0, "", "PERSON", "17h", image="word/media/image1.png")
    out = tmp_path / "hasil.docx"
    report = redact_document(SOURCE, [image], out, SETTINGS)
    assert report.ok and report.redactions[0].places == 1
    before = Image.open(io.BytesIO(package(SOURCE)["word/media/image1.png"]))
    after = Image.open(io.BytesIO(package(out)["word/media/image1.png"]))
    assert after.size == before.size
    light = sum(after.convert("L").point(lambda v: v > 128 and 255).histogram()[255:])
    assert light < 0.05 * after.size[0] * after.size[1]  # black, but for the label
    assert 'descr="Foto KTP' not in package(out)["word/document.xml"].decode()
    assert doc.pages[0].text  # the text is untouched by an image decision


def test_missing_image_is_a_named_error(tmp_path):
    from reviewer.core.errors import RedactionError

    with pytest.raises(RedactionError, match="tidak ada"):
        redact_document(SOURCE, [Decision(1, 0, 0, "", "PERSON", "17h", image="word/media/nope.png")],
                        tmp_path / "o.docx", SETTINGS)


def test_libreoffice_can_open_the_result(redacted, tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice not installed")
    out, _ = redacted
    subprocess.run([soffice, "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    text = (tmp_path / "hasil.txt").read_text("utf-8-sig")
    assert "█████ [Ps.17 j]" in text and NIK not in text
