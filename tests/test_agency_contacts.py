"""The agency's own contacts stay open with a reason; a private person's mobile in the same document
is still flagged (issue 19, item 4). Texts are written for these tests; numbers are fictional."""

import pytest

from reviewer.core.model import Document
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import detect
from reviewer.extract.text import page_from_text

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)

RELEASE = """SIARAN PERS
Pemerintah Kabupaten Sukamaju membuka posko mudik di terminal bus mulai hari ini.
Warga yang membutuhkan bantuan dapat menghubungi Call Center 112 atau Pusat Layanan Informasi 0811-2233-4455.
Humas Polres Sukamaju: 0812-7788-9900
Salah satu pemudik, warga bernama Rudi Hartono (HP 0813-2345-6781), mengaku terbantu.
Daftar kontak:
Bagian Umum\t(0231) 481234
Sekretariat Dinas\t(0231) 481235
Layanan bebas pulsa 0800-1-234567.
"""


def findings(text, settings=SETTINGS):
    page = page_from_text(1, text)
    doc = Document("0" * 64, "x.txt", "txt", (page,))
    return {f.text: f for f in detect(doc, settings)}


@pytest.fixture(scope="module")
def release():
    return findings(RELEASE)


@pytest.mark.parametrize("number, why", [
    ("0811-2233-4455", "saluran layanan"),
    ("0812-7788-9900", "saluran layanan"),
    ("(0231) 481234", "daftar kontak"),
    ("(0231) 481235", "instansi"),
])
def test_agency_service_lines_and_directory_are_kept(release, number, why):
    hit = next((f for t, f in release.items() if number in t and f.label == "PHONE"), None)
    assert hit is not None, sorted(release)
    assert hit.action == "keep" and any(why in r for r in hit.reasons), hit.reasons


def test_toll_free_line_is_kept(release):
    hits = [f for t, f in release.items() if f.label == "PHONE" and "0800" in t]
    assert all(f.action == "keep" for f in hits)


def test_private_mobile_in_the_same_document_is_flagged(release):
    hit = next(f for t, f in release.items() if "0813-2345-6781" in t)
    assert hit.action in ("redact", "review") and hit.label == "PHONE"


def test_registered_contact_is_kept_even_without_its_label():
    text = "Untuk pertanyaan hubungi 0857-1111-2222 pada jam kerja.\nKirim berkas ke ppid.sukamaju@gmail.com.\n"
    plain = findings(text)
    assert any(f.action in ("redact", "review") for t, f in plain.items() if "0857" in t)
    registered = findings(text, Settings(use_ner=False, use_passages=False, use_ocr=False,
                                         agency_contacts=("+62 857 1111 2222", "ppid.sukamaju@gmail.com")))
    for key in ("0857", "ppid.sukamaju"):
        hit = next(f for t, f in registered.items() if key in t)
        assert hit.action == "keep" and "terdaftar" in hit.reasons[-1]


def test_a_private_cue_breaks_the_service_label():
    got = findings("Pengaduan diterima dari pelapor atas nama Sdr. Budi, HP 0812-3333-4444, kemarin.\n")
    hit = next(f for t, f in got.items() if "0812-3333-4444" in t)
    assert hit.action in ("redact", "review")


def test_unit_terms_carry_contacts_down_the_tree():
    from reviewer.core.units import Unit, UnitTree

    tree = UnitTree([Unit("pemkab", "Pemkab", "pemkab", None, "utama", agency_contacts=("(0231) 481234",)),
                     Unit("dinkes", "Dinkes", "dinas", "pemkab", agency_contacts=("dinkes@sukamajukab.go.id",))])
    settings = tree.effective("dinkes", Settings())
    assert settings.agency_contacts == ("(0231) 481234", "dinkes@sukamajukab.go.id")
