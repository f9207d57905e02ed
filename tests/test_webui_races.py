"""Races against a served app (waitress, real threads, real HTTP): of N simultaneous approvals exactly one
wins and writes one audit event; an approval and a return sent together: one wins; a decision racing a
submit lands before it or is refused, never after. On SQLite and, when DATABASE_URL_TEST is set, PostgreSQL.

Each request is made slow on purpose (a pause after the permission check, as a busy server would be),
so that every request has read the document before any of them writes: the window the old code lost in.
"""

import re
import threading
import time

import pytest
import requests
from sqlalchemy import func, select

from reviewer.review import accounts, workflow
from reviewer.store import records as store
from tests.webui_helpers import PASSWORDS, make_app

BODY = "".join(f"Pemohon ke-{i}: Sutrisno, NIK 32091207087500{i + 1:02d}, telepon 0812-2345-{i:04d}.\n"
               for i in range(12))


@pytest.fixture
def served(tmp_path, database_url):
    from waitress import create_server

    app = make_app(tmp_path / "instance", DATABASE_URL=database_url, SESSION_COOKIE_SECURE=False)
    srv = create_server(app, host="127.0.0.1", port=0, threads=12)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{srv.effective_port}"
    srv.close()
    app.extensions["reviewer.engine"].dispose()


def _client(base: str, name: str) -> requests.Session:
    http = requests.Session()
    html = http.get(base + "/login").text
    token = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
    res = http.post(base + "/login", data={"username": name, "password": PASSWORDS[name], "csrf_token": token},
                    allow_redirects=False)
    assert res.status_code == 302
    http.headers["X-CSRFToken"] = re.search(r'name="csrf-token" content="([^"]+)"', http.get(base + "/").text
                                            ).group(1)
    http.headers["Accept"] = "application/json"
    return http


def _document(app, tmp_path, *, submitted_by: str | None = "ani") -> str:
    from webui import worker

    path = tmp_path / "surat.txt"
    path.write_text(BODY)
    with app.extensions["reviewer.sessions"]() as s:
        from reviewer.review import scanning

        doc, _ = scanning.accept_upload(s, tmp_path / "instance" / "originals", path, "surat.txt",
                                        user=accounts.get(s, "ani"))
        s.commit()
        sha = doc.sha256
    while worker.run_one(app):
        pass
    if submitted_by:
        with app.extensions["reviewer.sessions"]() as s:
            workflow.submit(s, accounts.get(s, submitted_by), s.get(store.DocumentRecord, sha))
            s.commit()
    return sha


def _slow_checks(monkeypatch, seconds=0.3):
    """Every workflow request pauses after its permission check, before it writes."""
    original = workflow.require

    def slow(user, action, doc=None):
        original(user, action, doc)
        time.sleep(seconds)

    monkeypatch.setattr(workflow, "require", slow)


def _together(calls) -> list:
    """Run the calls at the same moment in threads; their results in order."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def _events(app, sha, action) -> int:
    with app.extensions["reviewer.sessions"]() as s:
        return s.scalar(select(func.count()).select_from(store.Event)
                        .where(store.Event.document_sha == sha, store.Event.action == action))


def test_simultaneous_approvals_exactly_one_wins(served, tmp_path, monkeypatch):
    app, base = served
    sha = _document(app, tmp_path)
    reviewers = [_client(base, "budi") for _ in range(2)] + [_client(base, "bayu") for _ in range(2)]
    _slow_checks(monkeypatch)
    results = _together([lambda c=c: c.post(f"{base}/documents/{sha}/approve") for c in reviewers])
    codes = sorted(r.status_code for r in results)
    assert codes == [200, 409, 409, 409], [r.text[:200] for r in results]
    assert _events(app, sha, "approved") == 1
    with app.extensions["reviewer.sessions"]() as s:
        doc = s.get(store.DocumentRecord, sha)
        winner = next(r for r in results if r.status_code == 200)
        assert doc.status == "approved" and doc.approved_by_id is not None and winner.json()["ok"]


def test_approve_and_return_together_one_wins(served, tmp_path, monkeypatch):
    app, base = served
    sha = _document(app, tmp_path)
    budi, bayu = _client(base, "budi"), _client(base, "bayu")
    _slow_checks(monkeypatch)
    approve, ret = _together([lambda: budi.post(f"{base}/documents/{sha}/approve"),
                              lambda: bayu.post(f"{base}/documents/{sha}/return", data={"note": "cek lagi"})])
    assert sorted((approve.status_code, ret.status_code)) == [200, 409]
    with app.extensions["reviewer.sessions"]() as s:
        status = s.get(store.DocumentRecord, sha).status
    assert status == ("approved" if approve.status_code == 200 else "returned")
    assert _events(app, sha, "approved") + _events(app, sha, "returned") == 1


def test_decisions_racing_a_submit_land_before_it_or_are_refused(served, tmp_path, monkeypatch):
    app, base = served
    sha = _document(app, tmp_path, submitted_by=None)
    with app.extensions["reviewer.sessions"]() as s:
        ids = list(s.scalars(select(store.FindingRecord.id).where(store.FindingRecord.document_sha == sha,
                                                                  store.FindingRecord.action != "review")))
    assert len(ids) >= 10
    andi, ani = _client(base, "andi"), _client(base, "ani")
    _slow_checks(monkeypatch)
    calls = [lambda i=i: andi.post(f"{base}/documents/{sha}/findings/{i}/decide", data={"verdict": "keep"})
             for i in ids[:8]]
    results = _together([lambda: ani.post(f"{base}/documents/{sha}/submit"), *calls])
    assert results[0].status_code == 200, results[0].text[:300]
    with app.extensions["reviewer.sessions"]() as s:
        for finding_id, res in zip(ids, results[1:]):
            rows = list(s.scalars(select(store.DecisionRecord).where(store.DecisionRecord.finding_id == finding_id)))
            assert len(rows) == 1, (finding_id, res.status_code, [(r.verdict, r.user_id) for r in rows])
            kept = rows[0].verdict == "keep"
            assert kept == (res.status_code == 200), (res.status_code, res.text[:200])
            assert res.status_code in (200, 409)
        assert s.get(store.DocumentRecord, sha).status == "awaiting_approval"
    assert _events(app, sha, "submitted") == 1


def test_a_decision_after_submit_is_refused(served, tmp_path):
    app, base = served
    sha = _document(app, tmp_path)
    with app.extensions["reviewer.sessions"]() as s:
        finding_id = s.scalar(select(store.FindingRecord.id).where(store.FindingRecord.document_sha == sha))
        before = s.scalar(select(func.count()).select_from(store.DecisionRecord))
    res = _client(base, "andi").post(f"{base}/documents/{sha}/findings/{finding_id}/decide", data={"verdict": "keep"})
    assert res.status_code in (403, 409)
    with app.extensions["reviewer.sessions"]() as s:
        assert s.scalar(select(func.count()).select_from(store.DecisionRecord)) == before


def test_the_same_file_uploaded_twice_at_once_is_one_document(served, tmp_path, monkeypatch):
    """A double click on "Unggah", or two officers of a unit sending the same file: one document, one scan,
    one "uploaded" event; the other upload is told the document is already there."""
    import hashlib

    from reviewer.review import scanning

    app, base = served
    body = BODY.encode("utf-8")
    clients = [_client(base, "ani") for _ in range(3)]
    original = scanning.originals.put_file

    def slow_put(*args, **kwargs):  # the window between "is it there?" and "add it"
        time.sleep(0.3)
        return original(*args, **kwargs)

    monkeypatch.setattr(scanning.originals, "put_file", slow_put)
    results = _together([lambda c=c: c.post(f"{base}/upload", files={"file": ("surat.txt", body)},
                                             allow_redirects=False) for c in clients])
    assert all(r.status_code == 302 for r in results), [r.status_code for r in results]
    with app.extensions["reviewer.sessions"]() as s:
        docs = list(s.scalars(select(store.DocumentRecord.sha256).where(
            store.DocumentRecord.content_sha == hashlib.sha256(body).hexdigest())))
        assert len(docs) == 1, docs
        assert _events(app, docs[0], "uploaded") == 1
        assert s.scalar(select(func.count()).select_from(store.Job)) == 1
    assert len({r.headers["Location"] for r in results}) == 1
