"""The DIK library: legal basis and duration wording, import/export in agencies' layouts, advice on
conflicts with the law, matching findings to rows, and durations (Pasal 20)."""

from datetime import date

import pytest

from reviewer.core.model import Finding
from reviewer.dik import exporter, importer
from reviewer.dik.advice import check_row
from reviewer.dik.expiry import add_months, expires_on, rows_due, working_days_before
from reviewer.dik.match import match, note, proposal
from reviewer.dik.model import Decree, DikError, DikRow, format_basis, parse_basis, parse_date, parse_duration


@pytest.fixture
def dik_dir(data_dir):
    return data_dir / "dik"


# --- wording ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, codes, others", [
    ("Pasal 17 huruf h angka 2 UU No. 14 Tahun 2008", ("17h2",), ()),
    ("17 c angka 1, 3, 4, 6, 7", ("17c1", "17c3", "17c4", "17c6", "17c7"), ()),
    ("17 c angka 6 + 17 h", ("17c6", "17h"), ()),
    ("Pasal 17 huruf h dan huruf j UU KIP", ("17h", "17j"), ()),
    ("Ps. 17h(1) Identitas Pribadi", ("17h1",), ()),
    ("17h2", ("17h2",), ()),
    ("Pasal 17 huruf b dan huruf h angka 3 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
     ("17b", "17h3"), ()),
    # another law's "Pasal 17 ayat (1)" is not UU KIP's Pasal 17; citing a statute implies huruf j
    ("UU 17/2003 Pasal 30(1), UU 15/2004 Pasal 17(1), 17 j", ("17j",),
     ("UU 17/2003 Pasal 30(1)", "UU 15/2004 Pasal 17(1)")),
    ("UU 43/2009 Kearsipan Pasal 44(1) huruf h", ("17j",), ("UU 43/2009 Kearsipan Pasal 44(1) huruf h",)),
    # a Perpres is not a statute: no huruf j
    ("17 h angka 3 + Perpres 54/2010 Pasal 6", ("17h3",), ("Perpres 54/2010 Pasal 6",)),
    ("", (), ()),
    ("selama berlaku", (), ()),
])
def test_parse_basis(text, codes, others):
    basis = parse_basis(text)
    assert basis.codes == codes and basis.other_laws == others


def test_format_basis_reads_back():
    text = format_basis(("17c1", "17c3", "17h"), ("UU 43/2009 Pasal 44 ayat (1) huruf h",))
    assert text == "Pasal 17 huruf c angka 1, 3 dan huruf h UU 14/2008; UU 43/2009 Pasal 44 ayat (1) huruf h"
    assert set(parse_basis(text).codes) == {"17c1", "17c3", "17h", "17j"}


@pytest.mark.parametrize("text, kind, months", [
    ("Selama berlaku", "while_valid", None), ("1 tahun", "period", 12), ("5 (lima) tahun", "period", 60),
    ("tiga puluh tahun", "period", 360), ("6 bulan", "period", 6), ("Permanen", "permanent", None),
    ("Dibuka dengan persetujuan tertulis ybs", "consent", None),
    ("Setelah yang bersangkutan dilantik", "event", None), ("", "unspecified", None),
])
def test_parse_duration(text, kind, months):
    d = parse_duration(text)
    assert (d.kind, d.months, d.text) == (kind, months, text)


def test_duration_counted_from_decree_when_said():
    assert parse_duration("2 tahun sejak ditetapkan").counted_from == "decree"
    assert parse_duration("2 tahun").counted_from == "document"


@pytest.mark.parametrize("value, expected", [
    ("15 Februari 2024", date(2024, 2, 15)), ("2024-02-15", date(2024, 2, 15)), ("15/02/2024", date(2024, 2, 15)),
    ("31/02/2024", None), ("kemarin", None), (date(2024, 1, 2), date(2024, 1, 2)),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# --- import: the layouts agencies use ----------------------------------------------------------

def test_layout_a_with_title_and_signature_blocks(dik_dir):
    result = importer.import_file(dik_dir / "layout-a-dinkes.csv")
    assert result.warnings == []
    assert result.decree == Decree("440/125/DINKES/2024", date(2024, 2, 15),
                                   "KEPALA DINAS KESEHATAN KOTA CONTOH, dr. Rina Hapsari, M.Kes", "Kota Contoh")
    assert [r.number for r in result.rows] == ["1", "2", "3", "4"]
    nik = result.rows[1]
    assert nik.codes == ("17j",) and nik.duration.months == 60
    assert nik.if_opened == "Data kependudukan dapat disalahgunakan" and nik.if_closed == "Melindungi data pribadi"
    assert all(r.decree.number == "440/125/DINKES/2024" for r in result.rows)


def test_layout_b_windows_1252(dik_dir):
    rows = importer.import_file(dik_dir / "layout-b-cp1252.csv").rows
    assert "–" in rows[1].information and rows[0].duration.kind == "consent"


def test_layout_c_xlsx_merged_header_groups_and_numbering_row(dik_dir):
    rows = importer.import_file(dik_dir / "layout-c-rsj.xlsx").rows
    assert [r.number for r in rows] == ["1", "2", "3"]
    assert rows[0].group == "A. Informasi yang berkaitan dengan rahasia pribadi pegawai"
    assert rows[2].group == "B. Informasi pengadaan"
    # the basis sits in the 'pertimbangan' column in this layout
    assert rows[0].codes == ("17h1",) and rows[1].codes == ("17h2",)
    assert rows[0].if_opened.startswith("Dapat mengungkap") and rows[0].if_closed == "Hak pribadi terlindungi"


def test_layout_e_and_f(dik_dir):
    e = importer.import_file(dik_dir / "layout-e-univ.csv").rows
    assert e[1].codes == ("17h4",) and e[0].duration.kind == "event"
    f = importer.import_file(dik_dir / "layout-f-seeder.csv").rows
    assert f[0].information.startswith("Dokumen hasil penilaian") and f[0].holder == "Bagian Akademik"


@pytest.mark.parametrize("name, message", [
    ("not-a-dik.csv", "tabel DIK tidak ditemukan"), ("old-excel.xls", "simpan sebagai .xlsx"),
    ("corrupt.xlsx", "XLSX rusak"), ("missing.csv", "tidak dapat dibaca"),
])
def test_bad_files_are_clear_errors(dik_dir, name, message):
    with pytest.raises(DikError, match=message):
        importer.import_file(dik_dir / name)


def test_bad_row_values_are_warnings_naming_the_row():
    table = [["No", "Informasi", "Dasar Hukum", "Jangka Waktu", "Tanggal Penetapan", "Label Temuan", "Status"],
             ["1", "Data pribadi pegawai", "17 h", "1 tahun", "kapan-kapan", "NIK, FOO", "aneh"],
             ["2", "", "17 j", "", "", "", ""]]
    result = importer.parse_table(table, "dik.csv")
    assert len(result.rows) == 1 and result.rows[0].labels == ("NIK",)
    text = "\n".join(result.warnings)
    assert "baris 2: tanggal tidak terbaca" in text and "FOO" in text and "status tidak dikenal" in text
    assert "baris 3: kolom informasi kosong" in text


# --- export and round trips ---------------------------------------------------------------------

DECREE = Decree("800/123/DINKES/2024", date(2024, 3, 12), "Kepala Dinas Kesehatan", "Kota Contoh")
ROWS = [
    DikRow("Data rekam medis ASN", "Pasal 17 huruf h angka 2 UU 14/2008", if_opened="Mengungkap rahasia pribadi",
           if_closed="Melindungi privasi", duration=parse_duration("Selama berlaku"), decree=DECREE, number="1",
           group="A. Informasi kepegawaian"),
    DikRow("=HYPERLINK(\"x\") data NIK penerima bansos", "17 j (UU 23/2006 Adminduk)",
           duration=parse_duration("5 (lima) tahun"), decree=DECREE, number="2", group="B. Bantuan sosial"),
    DikRow("Rencana awal pembelian tanah", "Pasal 17 huruf e angka 4", if_opened="Harga tanah naik",
           if_closed="Pengadaan tanah wajar", duration=parse_duration("2 tahun sejak ditetapkan"), decree=DECREE,
           number="3", group="B. Bantuan sosial"),
]
DIK_FIELDS = ("number", "group", "information", "basis_text", "if_opened", "if_closed", "duration", "decree")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_dik_layout(fmt):
    data = exporter.export(ROWS, fmt, "dik", "Dinas Kesehatan Kota Contoh")
    result = importer.import_file(f"dik.{fmt}", data)
    assert result.warnings == [] and result.decree == DECREE
    assert [{f: getattr(r, f) for f in DIK_FIELDS} for r in result.rows] == \
        [{f: getattr(r, f) for f in DIK_FIELDS} for r in ROWS]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_dik_layout_with_different_decrees(fmt):
    rows = [ROWS[0], ROWS[1].with_(decree=Decree("800/200/2025", date(2025, 1, 6), "Wali Kota", ""))]
    result = importer.import_file(f"dik.{fmt}", exporter.export(rows, fmt, "dik"))
    assert [r.decree for r in result.rows] == [r.decree for r in rows]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_full_layout_keeps_every_field(fmt):
    rows = [r.with_(keywords=("rekam medis", "diagnosa"), labels=("PERSON",), holder="Subbag Umum",
                    reason="Pasal 17 huruf h", unit="dinkes") for r in ROWS]
    rows[2] = rows[2].with_(status="usulan", ended_on=date(2025, 5, 1))
    back = importer.import_file(f"dik.{fmt}", exporter.export(rows, fmt, "lengkap")).rows
    assert back == rows


def test_export_neutralises_formulas():
    csv_text = exporter.export(ROWS, "csv", "lengkap").decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(exporter.export(ROWS, "xlsx", "dik"))).active
    values = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("'=HYPERLINK") for v in values)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_export_rejects_unknown_layout():
    with pytest.raises(DikError, match="tata letak"):
        exporter.export(ROWS, "csv", "pdf")


# --- advice -------------------------------------------------------------------------------------

@pytest.mark.parametrize("information, basis, duration, expected", [
    ("Dokumen pengadaan barang/jasa dari penyedia", "17 h angka 3", "1 tahun", "whole_document"),
    ("MoU dan PKS", "17 i", "Selama berlaku", "whole_document"),
    ("HPS pengadaan alat kesehatan", "17 b", "1 tahun", "total_hps"),
    ("Data NIK dan KK pegawai", "Ps. 17h(1) Identitas Pribadi", "1 tahun", "identity_h1"),
    ("Data gaji dan tunjangan pegawai", "17 i", "1 tahun", "money_h3"),
    ("SK Sanksi / Penjatuhan Hukuman Disiplin", "17 h angka 5", "1 tahun", "discipline_h5"),
    ("Realisasi belanja (BLU)", "17 h angka 3", "1 tahun", "agency_money_h3"),
    ("Data rekam medis ASN", "17 h", "1 tahun", "health_h2"),
    ("Usulan nama calon pejabat", "Pasal 322 ayat (1) UU 8/1981 KUHAP", "1 tahun", "kuhap_322"),
    ("Topologi jaringan", "Pasal 17 huruf c angka 8", "1 tahun", "invalid_code"),
    ("Dokumen penawaran", "Perpres 16/2018", "1 tahun", "below_statute"),
    ("Topologi Jaringan Data Center", "17 c angka 6", "Selama berlaku", "pasal20"),
    ("Rencana operasi", "17 a angka 3", "Permanen", "pasal20"),
    ("Surat edaran wali kota", "17 i", "1 tahun", "pasal18"),
])
def test_advice_flags_known_conflicts(information, basis, duration, expected):
    row = DikRow(information, basis, duration=parse_duration(duration), decree=DECREE, if_opened="x")
    assert expected in [a.code for a in check_row(row)]


@pytest.mark.parametrize("information, basis", [
    ("Rincian harga satuan HPS sebelum tender ditutup", "Pasal 17 huruf b"),
    ("Nomor rekening dan jaminan bank dalam dokumen penawaran", "Pasal 17 huruf h angka 3"),
    ("Riwayat dan kondisi anggota keluarga pegawai (biodata PNS)", "Pasal 17 huruf h angka 1"),
    ("Data rekam medis ASN", "Pasal 17 huruf h angka 2"),
    ("NIK penerima bansos", "Pasal 17 huruf j UU 14/2008; UU 23/2006 tentang Administrasi Kependudukan"),
])
def test_advice_leaves_sound_rows_alone(information, basis):
    row = DikRow(information, basis, duration=parse_duration("1 tahun"), decree=DECREE, if_opened="x")
    assert [a for a in check_row(row) if a.severity == "warning"] == []


def test_incomplete_rows_get_info_advice():
    codes = [a.code for a in check_row(DikRow("Data pribadi pegawai", "17 h"))]
    assert {"no_decree", "no_consequence", "no_duration"} <= set(codes)


# --- matching findings to rows ------------------------------------------------------------------

def finding(label, basis, text="x", action="redact"):
    return Finding(1, 0, len(text), text, label, basis, 0.9, action, "test")


DIK = [
    DikRow("Data rekam medis pasien", "Pasal 17 huruf h angka 2", number="1", decree=DECREE,
           duration=parse_duration("Selama berlaku")),
    DikRow("Nomor Induk Kependudukan (NIK) dan Kartu Keluarga penerima bantuan", "Pasal 17 huruf j", number="2",
           decree=DECREE, duration=parse_duration("5 tahun")),
    DikRow("Data pribadi pegawai", "Pasal 17 huruf h", number="3", decree=DECREE, keywords=("kepegawaian",)),
    DikRow("Nomor rekening penerima hibah", "Pasal 17 huruf h angka 3", number="4", decree=DECREE),
    DikRow("Data dicabut: NIK", "Pasal 17 huruf j", number="5", status="dicabut"),
]


@pytest.mark.parametrize("f, context, number", [
    (finding("NIK", "17j", "3374064909620026"), "Daftar penerima bantuan sosial", "2"),
    (finding("KK", "17j", "3374060101090001"), "", "2"),
    (finding("BANK_ACCOUNT", "17h3", "1234567890"), "rekening hibah", "4"),
    (finding("PASSAGE", "17h2", "riwayat penyakit jantung"), "", "1"),
    (finding("PHONE", "17h", "081234567890"), "data kepegawaian", "3"),
    (finding("PASSAGE", "17e4", "rencana pembelian tanah"), "", None),
    (finding("EMAIL", "17h", "a@b.id"), "", "3"),
])
def test_match_finds_the_covering_row(f, context, number):
    found = match(f, DIK, context)
    assert (found.row.number if found else None) == number


def test_match_explains_itself():
    found = match(finding("NIK", "17j"), DIK)
    assert any("nik" in r.lower() for r in found.reasons) and any("dasar hukum sama" in r for r in found.reasons)


def test_note_cites_row_and_decree():
    f = finding("NIK", "17j")
    n = note(f, match(f, DIK), "Dinas Sosial", today=date(2025, 1, 1))
    assert n.kind == "dik" and "800/123/DINKES/2024" in n.text and "DIK Dinas Sosial no. 2" in n.text
    assert n.decree.startswith("800/123/DINKES/2024 tanggal 12 Maret 2024")


def test_note_without_row_asks_for_a_consequence_test():
    f = finding("PASSAGE", "17e4")
    n = note(f, match(f, DIK), "Dinas Sosial")
    assert n.kind == "needs_test" and "uji konsekuensi" in n.text and "Pasal 19" in n.text
    assert note(finding("NIK", "17j", action="keep"), None).kind == "open"


def test_note_on_proposed_and_expired_rows():
    f = finding("NIK", "17j")
    proposed = [DIK[1].with_(status="usulan")]
    assert note(f, match(f, proposed)).kind == "dik_proposed"
    ended = [DIK[1].with_(ended_on=date(2024, 6, 1))]
    n = note(f, match(f, ended), today=date(2025, 1, 1))
    assert n.kind == "dik_expired" and "Pasal 20" in n.text


def test_proposal_is_a_draft_row_for_the_finding():
    row = proposal(finding("NIK", "17j"), unit="dinsos")
    assert row.status == "usulan" and row.codes == ("17j",) and "NIK" in row.information
    assert "Pelindungan Data Pribadi" in row.basis_text and row.labels == ("NIK",)
    assert "huruf j" in row.basis_text and row.if_opened.startswith("Bertentangan dengan undang-undang")


# --- durations ----------------------------------------------------------------------------------

def test_add_months_and_working_days():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 3, 12), 24) == date(2026, 3, 12)
    assert working_days_before(date(2025, 3, 10), 5) == date(2025, 3, 3)  # Monday → previous Monday


def test_expiry_counted_from_decree_or_document_or_event():
    by_decree = DikRow("Rencana awal pembelian tanah", "17 e angka 4", decree=DECREE,
                       duration=parse_duration("2 tahun sejak ditetapkan"))
    assert expires_on(by_decree) == date(2026, 3, 12)
    per_document = DikRow("Nilai tes", "17 h angka 4", decree=DECREE, duration=parse_duration("1 tahun"))
    assert expires_on(per_document) is None
    assert expires_on(per_document, document_date=date(2025, 7, 1)) == date(2026, 7, 1)
    event = DikRow("Usulan calon pejabat", "17 i", duration=parse_duration("Setelah dilantik"))
    assert expires_on(event) is None and expires_on(event.with_(ended_on=date(2025, 2, 1))) == date(2025, 2, 1)


def test_rows_due_lists_expired_soon_and_a_to_f_without_period():
    expired = DikRow("Rencana tarif", "17 e angka 3", number="1", decree=DECREE,
                     duration=parse_duration("1 tahun sejak ditetapkan"))
    soon = DikRow("Rencana pembelian tanah", "17 e angka 4", number="2",
                  decree=Decree("x", date(2024, 4, 1)), duration=parse_duration("1 tahun sejak ditetapkan"))
    later = DikRow("Rencana investasi", "17 e angka 5", number="3", decree=DECREE,
                   duration=parse_duration("5 tahun sejak ditetapkan"))
    open_ended = DikRow("Topologi jaringan", "17 c angka 6", number="4", duration=parse_duration("Selama berlaku"))
    personal = DikRow("Data pribadi", "17 h", number="5", duration=parse_duration("Selama berlaku"))
    revoked = expired.with_(number="6", status="dicabut")
    due = rows_due([expired, soon, later, open_ended, personal, revoked], today=date(2025, 3, 20))
    assert [(d.row.number, d.state) for d in due] == [("1", "expired"), ("2", "soon"), ("4", "no_period")]
    assert due[0].expires == date(2025, 3, 12) and "berakhir 12 Maret 2025" in due[0].describe()
