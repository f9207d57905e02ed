from pathlib import Path

import pytest

from reviewer.core.errors import CorruptFile, EncryptedFile, ReviewerError, UnsupportedFormat
from reviewer.extract import extract, iter_paths, sniff

DATA = Path(__file__).parent / "data" / "extract"


def page_of(name, n=0):
    return extract(DATA / name).pages[n]


def test_pdf_table_cells_know_their_column_header():
    page = page_of("table.pdf")
    nik = page.text.index("3209124506900002")
    cell = page.cell_at(nik, nik + 16)
    assert cell is not None and cell.header == "NIK" and cell.row == 1
    # a multi-line address cell stays one run of text
    assert "Jl. Anggrek No. 4 RT 001/RW 002, Kel. Sumber" in page.text
    address = page.cell_at(page.text.index("Jl. Anggrek"))
    assert address.header == "Alamat"


def test_pdf_header_and_footer_lines_are_in_the_text():
    page = page_of("table.pdf")
    assert page.text.startswith("KOP: DINAS CONTOH")
    assert page.text.rstrip().endswith("catatan kaki halaman")


def test_pdf_words_map_offsets_to_boxes():
    page = page_of("table.pdf")
    start = page.text.index("Budi Prakoso")
    boxes = page.boxes(start, start + len("Budi Prakoso"))
    assert len(boxes) == 1
    box = boxes[0]
    assert 40 + 30 <= box.x0 < box.x1 <= 40 + 30 + 120  # inside the "Nama" column
    assert 80 + 2 * 34 <= box.top < box.bottom <= 80 + 3 * 34  # third row


def test_partial_word_box_is_cut_in_proportion():
    page = page_of("table.pdf")
    start = page.text.index("3209124506900002")
    whole = page.boxes(start, start + 16)[0]
    half = page.boxes(start, start + 8)[0]
    assert half.x0 == pytest.approx(whole.x0)
    assert half.x1 == pytest.approx(whole.x0 + whole.width / 2)


def test_rotated_page_reads_in_order_with_boxes_on_the_shown_page():
    page = page_of("rotated.pdf")
    assert page.rotation == 90
    assert page.text == "Surat keterangan untuk Ani Lestari NIK 3209125204950003"
    start = page.text.index("3209")
    (box,) = page.boxes(start, start + 16)
    assert box.height > box.width  # the line runs down the shown page
    assert 0 <= box.x0 < box.x1 <= page.width and 0 <= box.top < box.bottom <= page.height


def test_textless_page_needs_ocr_and_others_do_not():
    doc = extract(DATA / "textless.pdf")
    assert [p.needs_ocr for p in doc.pages] == [True, False]
    assert doc.pages[1].text == "Halaman kedua dengan teks digital."


def test_encrypted_pdf_with_user_password_is_a_clear_error():
    with pytest.raises(EncryptedFile, match="kata sandi"):
        extract(DATA / "encrypted-user-password.pdf")


def test_encrypted_pdf_without_user_password_opens():
    assert "3209125204950003" in page_of("encrypted-owner-only.pdf").text


@pytest.mark.parametrize("name,error", [("corrupt.pdf", CorruptFile), ("not-a-docx.docx", CorruptFile),
                                        ("binary.bin", UnsupportedFormat)])
def test_broken_input_is_a_named_error(name, error):
    with pytest.raises(error):
        extract(DATA / name)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(ReviewerError, match="tidak ditemukan"):
        extract(tmp_path / "nope.pdf")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CorruptFile, match="kosong"):
        extract(empty)


def test_docx_reads_every_hidden_place_in_order():
    doc = extract(DATA / "full.docx")
    page = doc.pages[0]
    text = page.text
    order = ["PEMERINTAH KABUPATEN UJI", "Surat pernyataan", "Joko Susanto", "Isi kotak teks",
             "Dicetak oleh operator", "Keterangan: alamat pemohon", "Hubungi Joko"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    kinds = {page.textmap.segment_at(text.index(s)).kind for s in order}
    assert kinds == {"header", "body", "table", "textbox", "footer", "footnote", "comment"}
    assert doc.metadata["author"] == "Rina Oktaviani"
    assert doc.metadata["last_modified_by"] == "Admin Dinas"


def test_docx_locations_point_back_to_the_paragraph():
    from docx import Document as Docx

    from reviewer.extract.docx import paragraph_text, paragraphs

    page = page_of("full.docx")
    start = page.text.index("3209125307820002")
    ((loc, a, b),) = page.textmap.locations(start, start + 16)
    root = Docx(DATA / "full.docx").part.element
    assert loc.part == "word/document.xml"
    assert paragraph_text(paragraphs(root)[loc.paragraph])[a:b] == "3209125307820002"


def test_docx_table_cells_and_row_separators():
    page = page_of("full.docx")
    assert "1\tJoko Susanto\t3209121407800001\n" in page.text
    cell = page.cell_at(page.text.index("3209121407800001"))
    assert cell.header == "NIK" and cell.row == 1 and cell.col == 2


def test_text_legacy_encoding_and_form_feed_pages():
    assert "José Ramírez" in page_of("legacy-cp1252.txt").text
    doc = extract(DATA / "pages.txt")
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.pages[1].text.startswith("Halaman dua")
    start = doc.pages[1].text.index("0812")
    assert [w.text for w in doc.pages[1].textmap.words_in(start, start + 4)] == ["0812-1111-2222"]


def test_kind_is_sniffed_from_content(tmp_path):
    fake = tmp_path / "surat.txt"
    fake.write_bytes((DATA / "table.pdf").read_bytes())
    assert sniff(str(fake)) == "pdf"


def test_identity_is_sha256_of_bytes():
    import hashlib

    doc = extract(DATA / "pages.txt")
    assert doc.sha256 == hashlib.sha256((DATA / "pages.txt").read_bytes()).hexdigest()


def test_iter_paths_walks_folders_for_supported_files():
    files = iter_paths([DATA])
    assert str(DATA / "table.pdf") in files and str(DATA / "make_fixtures.py") not in files
