"""The NER detector with the model shipped in models/ner-id: persons with roles, context labels."""
import pytest

from reviewer.core.model import Document, Page
from reviewer.core.settings import Settings
from reviewer.detect import ner

FORM = ("FORMULIR PERMOHONAN INFORMASI PUBLIK\n"
        "Nama\t:\tBambang Priyatmoko\n"
        "NIK\t:\t3374064909620026\n"
        "Pekerjaan\t:\tWiraswasta\n\n"
        "Semarang, 3 Juni 2024\n"
        "Kepala Dinas Sosial,\n\n\n\n"
        "Dra. Endah Purwaningsih, M.Si.\n"
        "NIP. 19700101 199503 2 002\n")


@pytest.fixture(scope="module")
def detect():
    return ner.detector(Settings())


def findings(detect, text, settings=None):
    import hashlib

    doc = Document(hashlib.sha256(text.encode()).hexdigest(), "t.txt", "txt", (Page(1, text),))
    return detect(doc, settings or Settings()).get(1, [])


def test_private_applicant_is_flagged_and_signing_official_kept(detect):
    found = {f.text: f for f in findings(detect, FORM) if f.label == "PERSON"}
    applicant = found["Bambang Priyatmoko"]
    assert applicant.action == "redact" and applicant.basis == "17h"
    assert any("Nama" in r for r in applicant.reasons)
    official = found["Dra. Endah Purwaningsih, M.Si."]
    assert official.action == "keep" and official.basis == ""
    assert "Pasal 18 ayat (2) huruf b" in official.reasons[1]


def test_configured_official_is_kept(detect):
    text = "Nama : Bambang Priyatmoko\nAlamat : Jl. Melati No. 2"
    settings = Settings(officials=("Bambang Priyatmoko",))
    person = [f for f in findings(detect, text, settings) if f.label == "PERSON"]
    assert person and all(f.action == "keep" for f in person)


def test_press_release_officials_are_not_flagged(detect):
    text = ("SIARAN PERS\nNomor: 12/SP/2024\n\nKegiatan dibuka oleh Wali Kota Salatiga, Yuliana Kristanti, S.E., "
            "dan diikuti 40 peserta. Menurut Yuliana Kristanti, seluruh dokumen akan diumumkan.\n")
    person = [f for f in findings(detect, text) if f.label == "PERSON"]
    assert person
    assert all(f.action == "keep" for f in person)


def test_organizations_and_places_are_low_score_context(detect):
    text = "Rapat diadakan di Kantor Dinas Kesehatan Kota Surakarta bersama Badan Pusat Statistik."
    context = [f for f in findings(detect, text) if f.label in ("ORGANIZATION", "LOCATION")]
    assert context
    assert all(f.action == "keep" and f.score < 0.4 for f in context)


def test_witness_in_police_report_cites_17a(detect):
    text = ("BERITA ACARA PEMERIKSAAN\nPenyidik telah memeriksa seorang perempuan yang mengaku bernama "
            "Theresia Manurung, lahir di Medan, sebagai saksi dalam perkara penipuan.\n")
    person = [f for f in findings(detect, text) if f.label == "PERSON"]
    assert [f.text for f in person] == ["Theresia Manurung"]
    assert person[0].action == "redact" and person[0].basis == "17a2"


def test_headings_and_form_labels_are_not_persons(detect):
    text = "RIWAYAT HIDUP\nJumlah Kotor\tRp 4.500.000\nCara Memperoleh Informasi:\nTembusan:\n"
    assert not [f for f in findings(detect, text) if f.label == "PERSON"]


def test_documents_scanned_at_once_in_threads_keep_their_own_findings(detect):
    from concurrent.futures import ThreadPoolExecutor

    texts = [FORM, "Nama : Fransiska Wulandari\nPekerjaan : Guru\n"] * 4
    expected = [sorted(f.text for f in findings(detect, t)) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: sorted(f.text for f in findings(detect, t)), texts))
    assert got == expected


def test_the_model_runs_on_one_blas_thread(detect, monkeypatch):
    """numpy's OpenBLAS would run the tok2vec products on every core, its idle thread spinning in between."""
    import numpy  # noqa: F401  (the BLAS library threadpoolctl limits)
    from threadpoolctl import threadpool_info

    nlp, _ = ner._model(str(Settings().models_dir / ner.MODEL_NAME))
    seen = []
    pipe = type(nlp).pipe

    def recording(self, texts, **kwargs):
        seen.append({i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"})
        return pipe(self, texts, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", recording)
    assert findings(detect, FORM)
    assert seen == [{1}]
