"""Initials of private persons in criminal news (reviewer.detect.initials): synthetic texts."""
from reviewer.core.model import Document, Page
from reviewer.detect import initials


def flagged(text: str) -> list[str]:
    found = initials.analyse(Document("x" * 64, "t.txt", "txt", (Page(1, text),)))[1]
    assert all(f.label == "PERSON" and f.action == "redact" and text[f.start:f.end] == f.text for f in found)
    return [f.text for f in found]


def test_initials_with_an_age_are_found_everywhere():
    text = ("Polisi menangkap dua pemuda, yakni KRW (19) dan DPS (22), di sebuah warung.\n\n"
            "KRW adalah warga desa setempat. Menurut polisi, DPS membawa senjata tajam.")
    assert flagged(text) == ["KRW", "KRW", "DPS", "DPS"]


def test_a_list_of_initials_after_a_private_role():
    text = "Kejaksaan menetapkan enam tersangka. Empat tersangka lainnya adalah GH, B, NM dan W dari pihak swasta."
    assert sorted(flagged(text)) == ["B", "GH", "NM", "W"]


def test_officials_countries_and_public_documents_are_left_alone():
    assert flagged("Uang itu diserahkan kepada jaksa RT (45) di kantornya, kata tersangka.") == []
    assert "AS" not in flagged("Tersangka BW (30) menyimpan uang dollar AS palsu dan dikirim ke AS.")
    assert flagged("Terdakwa didakwa melanggar PASAL 2 AYAT (1) UU tersebut; ayat itu mengatur ancaman pidana.") == []
    # no criminal case in the document: initials with a number are something else
    assert flagged("Pertandingan PSS (2) melawan tim tamu berlangsung meriah di stadion kota.") == []
