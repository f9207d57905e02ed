"""Spreadsheets and delimited files: extraction with structure, column-aware detection."""

from __future__ import annotations

import pytest

from reviewer.core.errors import CorruptFile, EncryptedFile, UnsupportedFormat
from reviewer.core.settings import Settings
from reviewer.detect import columns
from reviewer.detect.pipeline import scan_file
from reviewer.extract import extract
from tests import sheet_fixtures as fx

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)


@pytest.fixture(scope="module")
def people():
    return fx.recipients(60)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory, people):
    path = tmp_path_factory.mktemp("xlsx") / "bansos.xlsx"
    fx.write_xlsx(path, people[:50], people[50:], comment_phone="081299887766")
    return path


def test_xlsx_sheets_cells_headers(workbook, people):
    doc = extract(workbook)
    assert doc.kind == "xlsx" and len(doc.pages) == 3  # visible sheet, hidden sheet, defined names
    first, hidden, names = doc.pages
    assert first.text.startswith("Lembar: Penerima\n" + fx.TITLE)
    nik = next(c for c in first.cells if c.text == people[0].nik)
    assert (nik.table, nik.row, nik.col, nik.header) == (0, 2, 1, "NIK")
    assert first.text[nik.start:nik.end] == people[0].nik
    assert hidden.text.startswith("Lembar tersembunyi: Data Asli") and people[55].nik in hidden.text
    assert "Komentar C3: Ahli waris bisa dihubungi di 081299887766" in first.text
    assert "Kaki halaman (center): " + fx.AGENCY_LINE in first.text
    assert {s.kind for s in first.segments} == {"title", "comment", "footer"}
    assert "Dinas Sosial Kabupaten Bandung" in names.text
    assert doc.metadata["creator"] == "Operator Desa" and "Data Asli" in doc.metadata["hidden_sheets"]
    assert any("tersembunyi" in w for w in doc.warnings)


def test_xlsx_cached_values_not_formulas(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Nama", "Jumlah"])
    wb.active.append(["Ayu", "=1+1"])
    wb.save(tmp_path / "f.xlsx")  # openpyxl writes no cached value: a reader must not evaluate it
    text = extract(tmp_path / "f.xlsx").pages[0].text
    assert "=1+1" not in text and "\t2" not in text


def test_xlsm_macros_reported(tmp_path):
    import zipfile

    from openpyxl import Workbook

    Workbook().save(tmp_path / "m.xlsx")
    with zipfile.ZipFile(tmp_path / "m.xlsx") as src, zipfile.ZipFile(tmp_path / "m.xlsm", "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0fake macro storage")
    doc = extract(tmp_path / "m.xlsm")
    assert doc.metadata["macros"] and any("makro" in w for w in doc.warnings)


@pytest.mark.parametrize("delimiter,encoding", [(";", "utf-8-sig"), (",", "utf-8"), ("\t", "cp1252")])
def test_csv_dialect_and_encoding(tmp_path, people, delimiter, encoding):
    path = tmp_path / "d.csv"
    fx.write_csv(path, people[:5], delimiter, encoding)
    with open(path, "a", encoding=encoding, newline="") as fh:
        fh.write(delimiter.join(["6", "-", "Andr\u00e9 Caf\u00e9", "-"]) + "\r\n")  # not ASCII
    doc = extract(path)
    assert doc.kind == "csv" and doc.metadata["encoding"].replace("_", "-").startswith(encoding[:3])
    page = doc.pages[0]
    assert page.text.split("\n")[0] == "\t".join(fx.HEADER)
    name = next(c for c in page.cells if c.text == people[2].name)
    assert name.header == "Nama Penerima" and name.row == 3
    assert "Andr\u00e9 Caf\u00e9" in page.text


def test_csv_binary_garbage_and_huge_line(tmp_path):
    (tmp_path / "g.csv").write_bytes(b"\x00\x01\x02garbage" * 100)
    with pytest.raises(UnsupportedFormat):
        extract(tmp_path / "g.csv")
    with open(tmp_path / "long.csv", "wb") as fh:
        fh.write(b"a," * (3 * 1024 * 1024))
    with pytest.raises(CorruptFile, match="baris"):
        extract(tmp_path / "long.csv")


def test_garbage_xlsx_and_encrypted(tmp_path):
    (tmp_path / "g.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(CorruptFile):
        extract(tmp_path / "g.xlsx")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    (tmp_path / "p.xlsx").write_bytes(ole)
    with pytest.raises(EncryptedFile, match="sandi"):
        extract(tmp_path / "p.xlsx")


@pytest.mark.parametrize("header,label", [
    ("NIK", "NIK"), ("No. KTP", "NIK"), ("Nomor Induk Kependudukan", "NIK"), ("No. KK", "KK"),
    ("Nama Penerima", "PERSON"), ("Nama", "PERSON"), ("Alamat", "ADDRESS"), ("No. HP", "PHONE"),
    ("Telp/WA", "PHONE"), ("No. Rekening", "BANK_ACCOUNT"), ("Tgl Lahir", "DATE_OF_BIRTH"), ("NPWP", "NPWP"),
    ("Nama Desa", None), ("Nama Bank", None), ("Alamat Kantor", None), ("Nama Petugas", None), ("No", None),
    ("Jenis Bantuan", None), ("Nominal (Rp)", None),
])
def test_header_vocabulary(header, label):
    column = columns.column_of(header)
    assert (column.label if column else None) == label


def test_column_detector_validates(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("No;NIK;Nama;No. HP;Desa\n1;3204071103758780;Ayu Lestari;081234567890;Cibodas\n"
                    "2;1234567890123456;Budi Santoso;12345;Sukamaju\n3;-;Citra;;Margahayu\n", encoding="utf-8")
    found = columns.page_findings(extract(path).pages[0])
    by_text = {f.text: f for f in found}
    assert by_text["3204071103758780"].action == "redact" and by_text["3204071103758780"].label == "NIK"
    bad = by_text["1234567890123456"]
    assert bad.action == "review" and bad.label == "NIK" and "tidak valid" in bad.reasons[1]
    assert by_text["Ayu Lestari"].label == "PERSON" and by_text["081234567890"].action == "redact"
    assert by_text["12345"].action == "review"
    assert "-" not in by_text and "Cibodas" not in by_text
    assert by_text["Ayu Lestari"].reasons[0] == "kolom C 'Nama' (PERSON)"


def test_totals_row_under_a_name_column_is_no_person(tmp_path):
    path = tmp_path / "insentif.csv"
    path.write_text("No;Nama;Jumlah (Rp)\n1;Ayu Lestari;500000\n2;Budi Santoso;750000\n;JUMLAH;1250000\n"
                    ";Total;1250000\n", encoding="utf-8")
    result = scan_file(str(path), Settings(use_passages=False, use_ocr=False))
    persons = {f.text for f in result.findings if f.label == "PERSON" and f.action != "keep"}
    assert {"Ayu Lestari", "Budi Santoso"} <= persons
    assert not persons & {"JUMLAH", "Total"}


def test_scan_bansos_recall(workbook, people):
    result = scan_file(str(workbook), SETTINGS)
    flagged = {(f.label, f.text) for f in result.findings if f.action == "redact"}
    for p in people:
        assert ("NIK", p.nik) in flagged and ("PHONE", p.phone) in flagged
    assert ("PHONE", "081299887766") in flagged  # in the comment
    agency = [f for f in result.findings if fx.AGENCY_PHONE in f.text]
    assert agency and all(f.action == "keep" for f in agency)
