"""End to end on small texts: what is suggested for redaction and what stays open, with reasons."""

import pytest

from reviewer.core.model import Document
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import detect
from reviewer.extract.text import page_from_text

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)

LETTER = """PEMERINTAH KABUPATEN SUKAMAJU
DINAS KOMUNIKASI DAN INFORMATIKA
Jalan Veteran Nomor 12 Sukamaju 45211 Telepon (0231) 481234
Laman diskominfo.sukamajukab.go.id, Pos-el ppid@sukamajukab.go.id
SURAT KETERANGAN
Nama\t:\tRudi Hartono
NIK\t:\t3209121503870004
No. KK\t:\t3209121001100005
Alamat\t:\tJl. Kenanga No. 7 RT 002/RW 005, Kel. Sumber, Kec. Sumber, Kabupaten Cirebon 45611
No. HP\t:\t0812-2345-6781
Pertanyaan dapat disampaikan ke layanan PPID melalui WhatsApp 0811-2900-360.
Pembayaran retribusi ke rekening Kas Daerah Bank BJB nomor 0012345678.
Sukamaju, 3 Maret 2025
Kepala Dinas,
Dewi Kartikasari, S.Sos.
NIP. 19860415 201001 2 003
"""


def findings(text, settings=SETTINGS):
    page = page_from_text(1, text)
    doc = Document("0" * 64, "x.txt", "txt", (page,))
    return {f.text: f for f in detect(doc, settings)}


@pytest.fixture(scope="module")
def letter():
    return findings(LETTER)


@pytest.mark.parametrize("text,label", [
    ("Rudi Hartono", "PERSON"), ("3209121503870004", "NIK"), ("3209121001100005", "KK"),
    ("0812-2345-6781", "PHONE"),
])
def test_private_data_is_suggested_for_redaction(letter, text, label):
    assert letter[text].label == label and letter[text].action == "redact"
    assert letter[text].reasons


def test_address_is_one_redaction(letter):
    address = [f for f in letter.values() if f.label == "ADDRESS" and f.action != "keep"]
    assert [f.text for f in address] == ["Jl. Kenanga No. 7 RT 002/RW 005, Kel. Sumber, Kec. Sumber, "
                                         "Kabupaten Cirebon 45611"]
    assert address[0].action == "redact"


@pytest.mark.parametrize("text,why", [
    ("(0231) 481234", "kop surat"),
    ("ppid@sukamajukab.go.id", "kop surat"),
    ("Jalan Veteran Nomor 12 Sukamaju 45211", "kop surat"),
    ("0811-2900-360", "instansi"),
    ("0012345678", "instansi"),
    ("19860415 201001 2 003", "Pasal 18"),
])
def test_public_information_is_kept_with_its_reason(letter, text, why):
    assert letter[text].action == "keep"
    assert any(why in r for r in letter[text].reasons)


def test_nothing_is_dropped_silently(letter):
    kept = [f for f in letter.values() if f.action == "keep"]
    assert len(kept) >= 6


def test_private_nip_in_a_form_is_redacted():
    found = findings("DATA PEGAWAI\nNama\t: Hadi Hartono, S.Kep.\nNIP\t: 19890114 202004 1 008\n")
    assert found["19890114 202004 1 008"].action == "redact"
    assert found["Hadi Hartono, S.Kep."].label == "PERSON"


def test_configured_officials_and_allow_terms_stay_open():
    settings = Settings(use_ner=False, use_passages=False, use_ocr=False, officials=("Rudi Hartono",))
    assert findings(LETTER, settings)["Rudi Hartono"].action == "keep"
    settings = Settings(use_ner=False, use_passages=False, use_ocr=False, allow_terms=("0812-2345-6781",))
    assert findings(LETTER, settings)["0812-2345-6781"].action == "keep"


def test_deny_terms_are_always_suggested():
    settings = Settings(use_ner=False, use_passages=False, use_ocr=False, deny_terms=("Proyek Mawar",))
    found = findings("Rapat membahas Proyek Mawar minggu depan.", settings)
    assert found["Proyek Mawar"].action == "redact" and found["Proyek Mawar"].source == "deny-list"


def test_needs_ocr_page_is_reported_not_clean():
    from reviewer.core.model import Page

    doc = Document("0" * 64, "scan.pdf", "pdf", (Page(1, "", needs_ocr=True),))
    (f,) = detect(doc, SETTINGS)
    assert f.label == "UNREADABLE" and f.action == "review" and "OCR" in f.reasons[0]


def test_signing_official_is_kept_and_the_subject_is_not():
    text = ("SURAT KETERANGAN\nYang bertanda tangan di bawah ini:\nNama\t: Slamet Riyadi, S.Sos.\n"
            "Jabatan\t: Lurah Sumber\ndengan ini menerangkan bahwa:\nNama\t: Sri Wahyuni\n"
            "Jabatan\t: Kepala Seksi Umum pada PT Maju\n")
    found = findings(text)
    assert found["Slamet Riyadi, S.Sos."].action == "keep"
    assert any("Pasal 18" in r for r in found["Slamet Riyadi, S.Sos."].reasons)
    assert found["Sri Wahyuni"].action == "redact"


def test_tab_separated_table_in_text_gives_column_context():
    text = ("No\tNama\tTempat/Tgl. Lahir\tNIK\tHubungan\n"
            "1 (Maryam Alhabsyi\tJakarta, 17 Februari 1952\t3374115702521401\tIstri\n"
            "2\tAbdullah Alkaff\tSemarang, 24 November 1993\t3374092411930043\tAnak\n"
            "3\tMuhsin Alkaff\tJakarta, 22 Agustus 1976\t3374112208760078\tAnak\n")
    found = findings(text)
    for date in ("Jakarta, 17 Februari 1952", "Semarang, 24 November 1993", "Jakarta, 22 Agustus 1976"):
        assert found[date].label == "DATE_OF_BIRTH" and found[date].action == "redact"


def test_signature_nip_under_a_garbled_name_is_kept():
    found = findings("Petugas Pelayanan Informasi\netiaw awa\tetyawan\nNIP. 19970725 201903 1009\n")
    assert found["19970725 201903 1009"].action == "keep"


def test_officer_on_duty_nrp_is_kept_and_a_passage_holding_it_goes_to_review():
    from reviewer.core.model import Finding
    from reviewer.detect.policy import resolve_overlaps

    text = "saya: Budi Santoso, pangkat AIPTU, NRP 81123336, selaku Penyidik Pembantu"
    nrp = findings(text)["81123336"]
    assert nrp.action == "keep" and any("Pasal 18" in r for r in nrp.reasons)
    passage = Finding(1, 0, len(text), text, "PASSAGE", "17a", 0.9, "redact", "passages:model", ("model",))
    out = resolve_overlaps([passage, nrp])
    (p,) = [f for f in out if f.label == "PASSAGE"]
    assert p.action == "review" and "81123336" in p.reasons[-1]
