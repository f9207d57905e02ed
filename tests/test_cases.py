"""Case type of a court decision and the SK KMA 2-144/2022 rule by case type (reviewer.detect.cases)."""
import pytest

from reviewer.core.model import Document, Finding, Page
from reviewer.detect import cases


@pytest.mark.parametrize("text,case,anonymise", [
    ("PUTUSAN Nomor 12/Pid.Sus-Anak/2024/PN Sby. Anak Budi didakwa mencuri.", "anak", True),
    ("PUTUSAN Nomor 3/Pid.B/2024/PN Smg. Terdakwa didakwa Pasal 285 KUHP (pemerkosaan).", "kesusilaan", True),
    ("PUTUSAN Nomor 7/Pid.Sus/2023/PN Dmk. Pasal 44 UU Nomor 23 Tahun 2004 tentang Penghapusan Kekerasan "
     "Dalam Rumah Tangga.", "kdrt", True),
    ("PUTUSAN Nomor 45/Pdt.G/2023/PA Smg dalam perkara cerai gugat antara Penggugat dan Tergugat.", "keluarga", True),
    ("PUTUSAN Nomor 1922 K/Pid.Sus/2016. Terdakwa didakwa UU Nomor 21 Tahun 2007 (perdagangan orang).",
     "pidana_khusus", False),
    ("PUTUSAN Nomor 3/Pid.B/2024/PN Smg. Terdakwa didakwa Pasal 362 KUHP (pencurian).", "pidana_umum", False),
    ("PUTUSAN Nomor 9/Pdt.G/2024/PN Smg tentang wanprestasi jual beli tanah.", "perdata", False),
])
def test_case_type_from_the_case_number_and_charges(text, case, anonymise):
    found = cases.case_of(text)
    assert found is not None and (found.id, found.anonymise) == (case, anonymise)


def test_no_decision_no_case_type():
    assert cases.case_of("Siaran pers: program perlindungan anak diluncurkan Bupati.") is None
    assert cases.case_of("") is None
    assert cases.case_of("Polisi menyebut perkara nomor 12/Pid.B/2024/PN Smg tentang pencurian.") is None
    assert cases.case_of("P U T U S A NNomor 7/Pid.B/2024/PN Sby pencurian").id == "pidana_umum"


def person(text: str, role: str, basis: str = "17h", action: str = "redact") -> Finding:
    return Finding(1, 0, len(text), text, "PERSON", basis, 0.9, action, "identity:person", (f"{role}: peran",))


def test_published_case_sends_parties_to_review_but_children_and_victims_stay_redacted():
    text = "PUTUSAN Nomor 3/Pid.B/2024/PN Smg. Terdakwa didakwa Pasal 362 KUHP (pencurian)."
    doc = Document("x" * 64, "t.txt", "txt", (Page(1, text),))
    raw = {1: [person("Budi", "terdakwa"), person("Sari", "korban", "17a2"), person("Ani", "anak", "17j"),
               person("Hakim", "pejabat", "", "keep")]}
    assert cases.apply(doc, raw).id == "pidana_umum"
    assert [f.action for f in raw[1]] == ["review", "redact", "redact", "keep"]
    assert "pengadilan mempublikasikan" in raw[1][0].reasons[-1] and "SK KMA 2-144" in raw[1][0].reasons[-1]


def test_closed_case_keeps_parties_redacted_with_the_reason():
    text = "PUTUSAN Nomor 12/Pid.Sus-Anak/2024/PN Sby."
    doc = Document("x" * 64, "t.txt", "txt", (Page(1, text),))
    raw = {1: [person("Budi", "terdakwa")]}
    cases.apply(doc, raw)
    assert raw[1][0].action == "redact" and "wajib dianonimkan" in raw[1][0].reasons[-1]
