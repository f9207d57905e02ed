"""A document belongs to a unit. The same bytes uploaded by another unit are a new document of that unit, with
its own id, review, decisions and audit trail, answered exactly as a first upload (no message, status, id or
timing telling that the file is held elsewhere); the same bytes uploaded again within one unit are that
unit's document. The store keeps one copy of the bytes, and removes it only when no document uses it."""

import hashlib
import re

import pytest
from sqlalchemy import func, select

from reviewer.review import accounts
from reviewer.store import records as store
from tests.webui_helpers import city, city_members, client_of, post, upload, web_database  # noqa: F401

TELLING = ("sudah", "sama", "lain", "luar", "ada di", "dinkes", "kesehatan", "already", "same", "exists",
           "another", "other", "outside", "elsewhere")
JSON = {"Accept": "application/json"}
SECRET = "Laporan kejadian.\nNIK 3209120708750001 milik Siti Aminah, telepon 0812-2345-6789.\n"


def _file(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body)
    return path


def _send(client, path, name):
    """(status, Location, the one flash message shown after the upload)."""
    with path.open("rb") as fh:
        res = post(client, "/upload", {"file": (fh, name)}, content_type="multipart/form-data")
    html = client.get(res.headers["Location"]).get_data(as_text=True)
    flashes = re.findall(r'<div class="flash (?:info|error)" role="status">(.*?)</div>', html, re.S)
    assert len(flashes) == 1, html[-2000:]
    return res.status_code, res.headers["Location"], flashes[0].strip()


def _scan(app):
    from webui import worker

    while worker.run_one(app):
        pass


def _count(app, model, **where) -> int:
    with app.extensions["reviewer.sessions"]() as s:
        q = select(func.count()).select_from(model)
        for column, value in where.items():
            q = q.where(getattr(model, column) == value)
        return s.scalar(q)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_another_units_file_is_a_new_document_answered_as_a_first_upload(city, tmp_path, lang):
    held = _file(tmp_path, "a.txt", SECRET)
    andi = client_of(city, "andi")
    theirs = upload(city, andi, held, "rekam-medis-rahasia.txt")
    assert post(andi, f"/documents/{theirs}/submit", headers=JSON).status_code == 200
    ani = client_of(city, "ani", lang)
    fresh = _file(tmp_path, "b.txt", SECRET.replace("Siti Aminah", "Rina Wati"))
    said = [_send(ani, held, "laporan.txt"), _send(ani, fresh, "laporan.txt")]
    (code, where, text), (code2, where2, text2) = said
    assert (code, text) == (code2, text2)  # the same answer as for bytes never seen
    assert re.fullmatch(r"/documents/[0-9a-f]{64}", where) and re.fullmatch(r"/documents/[0-9a-f]{64}", where2)
    mine = where.rsplit("/", 1)[1]
    assert mine not in (theirs, hashlib.sha256(held.read_bytes()).hexdigest())  # the id tells nothing of the bytes
    for word in TELLING:
        assert word not in text.lower(), (word, text)
    assert "rekam-medis" not in text and theirs[:12] not in text
    assert ani.get(f"/documents/{mine}/status.json").get_json()["status"] == "processing"
    _scan(city)
    mine_json = ani.get(f"/documents/{mine}.json").get_json()
    theirs_json = andi.get(f"/documents/{theirs}.json").get_json()
    assert mine_json["document"]["status"] == "needs_review"
    assert theirs_json["document"]["status"] == "awaiting_approval"
    assert len(mine_json["findings"]) == len(theirs_json["findings"]) > 0
    assert not {f["id"] for f in mine_json["findings"]} & {f["id"] for f in theirs_json["findings"]}
    assert ani.get(f"/documents/{theirs}").status_code == 404 and andi.get(f"/documents/{mine}").status_code == 404


def test_the_two_copies_are_reviewed_decided_and_audited_apart(city, tmp_path):
    held = _file(tmp_path, "a.txt", SECRET)
    andi, ani = client_of(city, "andi"), client_of(city, "ani")
    theirs, mine = upload(city, andi, held), upload(city, ani, held)
    finding = ani.get(f"/documents/{mine}.json").get_json()["findings"][0]["id"]
    assert post(ani, f"/documents/{mine}/findings/{finding}/decide", {"verdict": "keep", "note": "x"},
                headers=JSON).status_code == 200
    assert post(ani, f"/documents/{mine}/submit", headers=JSON).status_code == 200
    assert _count(city, store.DecisionRecord, document_sha=theirs) == 0
    assert andi.get(f"/documents/{theirs}.json").get_json()["document"]["status"] == "needs_review"
    their_log = andi.get(f"/documents/{theirs}/audit.json").get_data(as_text=True)
    assert mine not in their_log and "submitted" not in their_log
    assert _count(city, store.Event, document_sha=mine, action="uploaded") == 1
    assert _count(city, store.Event, document_sha=theirs, action="uploaded") == 1
    with city.extensions["reviewer.sessions"]() as s:
        shas = {s.get(store.DocumentRecord, d).content_sha for d in (mine, theirs)}
    assert len(shas) == 1 and len([p for p in (tmp_path / "instance" / "originals").rglob("*") if p.is_file()]) == 1


def test_the_same_file_twice_in_one_unit_is_that_units_document(city, tmp_path):
    held = _file(tmp_path, "a.txt", SECRET)
    andi, ani = client_of(city, "andi"), client_of(city, "ani")
    upload(city, andi, held)
    mine = upload(city, ani, held, "pertama.txt")
    code, where, text = _send(ani, held, "kedua.txt")
    assert code == 302 and where == f"/documents/{mine}"  # straight to the unit's own document
    assert "pertama.txt" in text and "sudah ada" in text
    assert _count(city, store.DocumentRecord) == 2


def test_the_api_answers_another_units_file_as_a_first_upload(city, tmp_path):
    held = _file(tmp_path, "a.txt", SECRET)
    theirs = upload(city, client_of(city, "andi"), held, "rekam-medis-rahasia.txt")
    with city.extensions["reviewer.sessions"]() as s:
        token = accounts.issue_token(s, accounts.get(s, "ani"))
        s.commit()
    fresh = _file(tmp_path, "b.txt", SECRET.replace("Siti Aminah", "Rina Wati"))
    answers = []
    for path in (held, fresh):
        with path.open("rb") as fh:
            res = city.test_client().post("/api/v1/documents", data={"file": (fh, "laporan.txt")},
                                          headers={"Authorization": f"Bearer {token}"},
                                          content_type="multipart/form-data")
        answers.append((res.status_code, res.get_json()))
    (code, body), (code2, body2) = answers
    assert code == code2 == 202 and body["message"] == body2["message"] and body["status"] == body2["status"]
    assert body["sha256"] not in (theirs, body2["sha256"])
    assert [w for w in TELLING if w in body["message"].lower()] == []


def test_a_refused_upload_keeps_only_the_originals_documents_use(city, tmp_path, monkeypatch):
    from reviewer.store import jobs

    held = _file(tmp_path, "a.txt", SECRET)
    upload(city, client_of(city, "andi"), held)
    originals = tmp_path / "instance" / "originals"
    stored = {p.name for p in originals.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jobs, "enqueue", broken)  # fails after the original is stored
    ani = client_of(city, "ani")
    fresh = _file(tmp_path, "b.txt", "Surat baru.\n")
    for path in (held, fresh):
        code, where, text = _send(ani, path, "surat.txt")
        assert where == "/" and "tidak dapat disimpan" in text
    assert {p.name for p in originals.rglob("*") if p.is_file()} == stored  # andi's kept, the new one gone
    assert _count(city, store.DocumentRecord) == 1


def test_a_page_image_is_rendered_for_each_document(city, samples, monkeypatch):
    from webui import render

    andi, ani = client_of(city, "andi"), client_of(city, "ani")
    path = samples / "daftar-penerima-bansos.pdf"
    theirs = upload(city, andi, path)
    assert andi.get(f"/documents/{theirs}/pages/1.png").status_code == 200
    mine = upload(city, ani, path)
    calls = []
    real = render._render_pdf
    monkeypatch.setattr(render, "_render_pdf", lambda *a: calls.append(a) or real(*a))
    res = ani.get(f"/documents/{mine}/pages/1.png")
    assert res.status_code == 200 and res.headers["Cache-Control"] == "private, no-store"
    assert len(calls) == 1  # not served at once from andi's rendering
