"""Reading order of PDFs with the traps of real documents, on both engines (fixtures generated here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.core.errors import CorruptFile, ReviewerError
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import detect, detection_view
from reviewer.extract import extract
from tests import pdf_layout_fixtures as fx

ENGINES = ("pymupdf", "pdfplumber")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("layout")
    return {name: make(d / f"{name}.pdf") for name, make in (
        ("decision", fx.watermarked_decision), ("columns", fx.two_columns), ("stamp", fx.stamped_letter),
        ("table", fx.ruled_table))}


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("engine", ENGINES)
def test_watermark_letters_never_join_body_lines(pdfs, engine):
    doc = extract(pdfs["decision"], pdf_engine=engine)
    page = doc.pages[0]
    body = lines(detection_view(doc).pages[0].text)
    assert body[1:6] == [f"{label} : {value}" for label, value in fx.IDENTITY]
    assert body[6:10] == [" ".join(fx.PROSE[0].split()), " ".join(fx.PROSE[1].split()), "Terdakwa Sutrisno Wibowo",
                          "ditahan dalam tahanan rutan sejak tanggal 3 Maret 2024 sampai sekarang;"]
    marks = [w for w in page.words if w.text == fx.WATERMARK]
    assert len(marks) > 10 and all(w.kind == "artifact" for w in marks)
    assert fx.WATERMARK in page.text and fx.WATERMARK not in detection_view(doc).pages[0].text
    first_mark = page.text.index(fx.WATERMARK)
    assert all(w.start < first_mark for w in page.words if w.kind != "artifact")  # after the body


@pytest.mark.parametrize("engine", ENGINES)
def test_identity_values_and_names_are_contiguous(pdfs, engine):
    text = detection_view(extract(pdfs["decision"], pdf_engine=engine)).pages[0].text
    for _, value in fx.IDENTITY:
        assert value in text, value


@pytest.mark.parametrize("engine", ENGINES)
def test_hyphenated_name_is_joined_and_keeps_both_boxes(pdfs, engine):
    page = extract(pdfs["decision"], pdf_engine=engine).pages[0]
    start = page.text.index("Sutrisno Wibowo\n")
    boxes = page.boxes(start, start + len("Sutrisno Wibowo"))
    assert len(boxes) == 2 and boxes[1].top > boxes[0].bottom - 1  # "Wibo-" on one line, "wo" on the next
    assert [w.text for w in page.textmap.words_in(start + 9, start + 15)] == ["Wibo", "wo"]


@pytest.mark.parametrize("engine", ENGINES)
def test_repeated_header_and_footer_are_furniture_read_once(pdfs, engine):
    doc = extract(pdfs["decision"], pdf_engine=engine)
    header_words = {w.kind for p in doc.pages for w in p.words if w.text == "ppid@contoh.go.id"}
    assert header_words == {"furniture"}
    assert doc.pages[0].repeats == ()
    for page in doc.pages[1:]:
        repeated = {page.text[a:b] for a, b, _, _ in page.repeats}
        assert fx.HEADER in repeated and fx.FOOTER in repeated
        assert f"Halaman {page.number}" in page.text and f"Halaman {page.number}" not in repeated
    emails = [f for f in detect(doc, Settings(use_ner=False, use_passages=False, use_ocr=False))
              if f.label == "EMAIL"]
    assert sorted(f.page for f in emails) == [1, 2, 3]  # found once, copied to every page
    for f in emails:
        assert doc.pages[f.page - 1].text[f.start:f.end] == "ppid@contoh.go.id"


@pytest.mark.parametrize("engine", ENGINES)
def test_two_columns_read_column_by_column(pdfs, engine):
    body = lines(extract(pdfs["columns"], pdf_engine=engine).pages[0].text)
    assert body == (["LAPORAN PENYALURAN BANTUAN SOSIAL TAHUN 2024"] + fx.LEFT + fx.RIGHT
                    + ["Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya."])


@pytest.mark.parametrize("engine", ENGINES)
def test_key_value_block_is_not_taken_for_columns(pdfs, engine):
    text = extract(pdfs["decision"], pdf_engine=engine).pages[0].text
    assert "1. Nama lengkap\t: Sutrisno Wibowo Als Tris\n2. Tempat lahir" in text


@pytest.mark.parametrize("engine", ENGINES)
def test_turned_stamp_margin_note_and_huge_letter_are_artifacts_still_in_the_text(pdfs, engine):
    page = extract(pdfs["stamp"], pdf_engine=engine).pages[0]
    kinds = {w.text: w.kind for w in page.words}
    for word in ("DISAHKAN", "Rina", "Kartika", "SALINAN", "SESUAI", "ASLI", "X"):
        assert kinds[word] == "artifact", word
    assert lines(page.text)[:3] == [
        "Dengan hormat, bersama ini kami sampaikan undangan rapat koordinasi",
        "pelayanan informasi publik yang akan dilaksanakan pada hari Senin",
        "tanggal 4 Maret 2024 bertempat di ruang rapat lantai dua kantor kami."]
    stamp = next(w for w in page.words if w.text == "Rina")
    assert stamp.box is not None and 250 < stamp.box.x0 < 450  # redaction can still find it


@pytest.mark.parametrize("engine", ENGINES)
def test_ruled_table_cells_know_their_header(pdfs, engine):
    page = extract(pdfs["table"], pdf_engine=engine).pages[0]
    cells = {(c.row, c.col): c for c in page.cells}
    assert cells[(1, 1)].text == "Rina Kartika" and cells[(1, 1)].header == "Nama"
    assert cells[(2, 2)].text == "3209121503870004" and cells[(2, 2)].header == "NIK"
    assert page.text.index("Daftar penerima") < page.text.index("Rina Kartika") < page.text.index("Demikian")


def test_both_engines_give_the_same_words_in_the_same_order(pdfs):
    """The intended differences: boxes of skewed glyphs (MuPDF boxes the glyph, pdfminer the font box
    turned) and up to ~2 pt where the two libraries read a font's descender differently."""
    for name, path in pdfs.items():
        a, b = (extract(path, pdf_engine=e) for e in ENGINES)
        assert len(a.pages) == len(b.pages)
        for pa, pb in zip(a.pages, b.pages):
            assert pa.text == pb.text, name
            assert [(w.text, w.start, w.kind) for w in pa.words] == [(w.text, w.start, w.kind) for w in pb.words]
            for wa, wb in zip(pa.words, pb.words):
                if wa.kind != "artifact":
                    assert max(abs(x - y) for x, y in zip(wa.box.as_tuple(), wb.box.as_tuple())) < 2.5, (name, wa)
            assert [(c.row, c.col, c.text, c.header) for c in pa.cells] == \
                   [(c.row, c.col, c.text, c.header) for c in pb.cells]
            assert pa.repeats == pb.repeats


def test_engines_agree_on_the_shipped_test_pdfs():
    for path in sorted((ROOT / "tests/data").glob("*/*.pdf")):
        try:
            a = extract(path, pdf_engine="pymupdf")
        except ReviewerError:
            continue
        b = extract(path, pdf_engine="pdfplumber")
        assert [p.text for p in a.pages] == [p.text for p in b.pages], path.name


def test_page_pymupdf_cannot_read_falls_back_to_pdfplumber(pdfs, monkeypatch, caplog):
    from reviewer.extract import pdfmupdf

    original = pdfmupdf.glyphs

    def broken_on_page_two(fpage, m):
        if fpage.number == 1:
            raise RuntimeError("simulated MuPDF failure")
        return original(fpage, m)

    monkeypatch.setattr(pdfmupdf, "glyphs", broken_on_page_two)
    doc = extract(pdfs["decision"])  # auto
    assert [p.text for p in doc.pages] == [p.text for p in extract(pdfs["decision"], pdf_engine="pdfplumber").pages]
    assert any("halaman 2 dibaca dengan pdfplumber" in w for w in doc.warnings)
    assert "with pdfplumber" in caplog.text
    with pytest.raises(CorruptFile, match="halaman 2"):
        extract(pdfs["decision"], pdf_engine="pymupdf")


def test_file_pymupdf_cannot_open_is_read_by_pdfplumber(pdfs, monkeypatch):
    from reviewer.extract import pdfmupdf

    def refuse(path):
        raise CorruptFile("PDF rusak atau tidak dapat dibaca / corrupt or unreadable PDF (simulated)")

    monkeypatch.setattr(pdfmupdf, "open_doc", refuse)
    doc = extract(pdfs["table"])
    assert "Rina Kartika" in doc.pages[0].text
    assert any("dibaca dengan pdfplumber" in w for w in doc.warnings)


def test_pdf_neither_engine_reads_is_one_clear_error(tmp_path):
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(CorruptFile) as auto:
        extract(bad)
    with pytest.raises(CorruptFile) as plumber:
        extract(bad, pdf_engine="pdfplumber")
    assert str(auto.value) == str(plumber.value)
    assert "\n" not in str(auto.value) and str(auto.value).startswith("PDF")


def test_thousands_of_tiny_glyphs_stay_bounded(tmp_path):
    path = fx.tiny_glyphs(tmp_path / "peta.pdf")
    for engine in ENGINES:
        page = extract(path, pdf_engine=engine).pages[0]
        assert page.text.startswith("Peta lokasi kegiatan")
        assert len(page.words) < 2000  # dots join into runs, not one word each


def test_engine_setting(monkeypatch, pdfs):
    from reviewer.core.settings import from_env

    monkeypatch.setenv("REVIEWER_PDF_ENGINE", "pdfplumber")
    assert from_env().pdf_engine == "pdfplumber"
    monkeypatch.setenv("REVIEWER_PDF_ENGINE", "xpdf")
    with pytest.raises(ReviewerError, match="mesin PDF tidak dikenal"):
        extract(pdfs["table"])


def test_scan_jsonl_findings_carry_their_boxes(pdfs):
    from click.testing import CliRunner

    from reviewer.cli import cli

    out = CliRunner().invoke(cli, ["scan", "--format", "jsonl", "--no-ner", "--no-passages", "--no-ocr",
                                   str(pdfs["table"])])
    assert out.exit_code == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    nik = [r for r in rows if r["label"] == "NIK"]
    assert len(nik) == 2
    page = extract(pdfs["table"]).pages[0]
    for r in nik:
        assert {"file", "page", "start", "end", "text", "label", "basis", "score", "action", "source",
                "reasons"} <= set(r)
        (box,) = r["boxes"]
        expected = page.boxes(r["start"], r["end"])[0]
        assert box == pytest.approx(list(expected.as_tuple()), abs=0.01)
        assert 300 < box[0] < 500 and 100 < box[1] < 170


def test_pdf_mupdf_reports_errors_on_is_read_by_pdfplumber_with_a_note(tmp_path):
    from tests.hostile.corpus import NIK, pdf_raw, text_page_objects

    objects = text_page_objects(f"NIK {NIK}")
    nested = b"[" * 50000 + b"]" * 50000  # MuPDF: "exception stack overflow", "cannot load object"
    objects[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Deep " + nested + b" >>"
    path = tmp_path / "dalam.pdf"
    path.write_bytes(pdf_raw(objects))
    doc = extract(path)
    assert NIK in doc.pages[0].text
    assert any("dibaca dengan pdfplumber" in w for w in doc.warnings)
    with pytest.raises(CorruptFile, match="MuPDF"):
        extract(path, pdf_engine="pymupdf")
