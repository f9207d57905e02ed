"""A birth date in a sentence of a public document is at most review (reviewer.detect.policy)."""
from reviewer.core.model import Document, Finding, Page
from reviewer.detect import policy


def judged(text: str, date: str) -> Finding:
    start = text.index(date)
    page = Page(1, text)
    f = Finding(1, start, start + len(date), date, "DATE_OF_BIRTH", "17h", 0.9, "redact", "pattern:date-of-birth", ())
    return policy.birth_date_in_prose(Document("x" * 64, "t.txt", "txt", (page,)), page, f)


def test_birth_date_in_a_public_sentence_goes_to_review():
    text = "Media sosial sangat membantu kerja kami, kata anggota dewan yang lahir 3 Juni 1990 itu kepada wartawan."
    assert judged(text, "3 Juni 1990").action == "review"


def test_identity_fields_and_case_documents_keep_redact():
    assert judged("Nama : Sri Wulandari\nTempat/Tgl. Lahir : Demak, 3 Juni 1990\n", "3 Juni 1990").action == "redact"
    text = ("Tersangka yang lahir 3 Juni 1990 itu diperiksa penyidik di ruang reserse kriminal sejak pagi hari.")
    assert judged(text, "3 Juni 1990").action == "redact"
