"""Faults under the web UI: a full disk, a locked database. A clear message, nothing half-recorded,
and the work goes through once the fault is gone."""

import errno
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from reviewer.store import jobs
from reviewer.store import records as store
from tests.webui_helpers import app, client, login, make_app, post, upload  # noqa: F401

BODY = "Pelapor Sutrisno, NIK 3209120708750001, telepon 0812-2345-6789.\n"


def _count(app, model, *where):
    with app.extensions["reviewer.sessions"]() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _leftovers(instance):
    return [p for p in instance.rglob("*") if p.suffix in (".part", ".upload")]


def test_upload_on_a_full_disk(app, client, tmp_path, monkeypatch):
    from reviewer.store import originals

    def full(src, dst):
        with open(dst, "wb") as fh:
            fh.write(b"%PDF-1.7 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(originals.shutil, "copyfile", full)
    login(client, "ani")
    doc = tmp_path / "surat.txt"
    doc.write_text(BODY)
    with doc.open("rb") as fh:
        res = post(client, "/upload", {"file": (fh, "surat.txt")}, content_type="multipart/form-data",
                   follow_redirects=True)
    html = res.get_data(as_text=True)
    assert res.status_code == 200 and "disk penuh" in html  # the OS detail goes to the server log
    assert "Traceback" not in html
    assert _count(app, store.DocumentRecord) == 0 and _count(app, store.Job) == 0
    assert _leftovers(tmp_path / "instance") == []
    monkeypatch.undo()
    sha = upload(app, client, doc)
    with app.extensions["reviewer.sessions"]() as s:
        assert s.get(store.DocumentRecord, sha).status == "needs_review"


def test_api_upload_on_a_full_disk(app, tmp_path, monkeypatch):
    from reviewer.review import accounts
    from reviewer.store import originals

    with app.extensions["reviewer.sessions"]() as s:
        token = accounts.issue_token(s, accounts.get(s, "ani"))
        s.commit()
    monkeypatch.setattr(originals.shutil, "copyfile",
                        lambda a, b: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    doc = tmp_path / "surat.txt"
    doc.write_text(BODY)
    with doc.open("rb") as fh:
        res = app.test_client().post("/api/v1/documents", data={"file": (fh, "surat.txt")},
                                     headers={"Authorization": f"Bearer {token}"})
    assert res.status_code == 400 and "disk" in res.get_json()["error"]
    assert _count(app, store.DocumentRecord) == 0 and _leftovers(tmp_path / "instance") == []


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """SQLite gives up on a lock after 0.3 s instead of 30 s, so the test does not wait."""
    original = store._sqlite_pragmas

    def pragmas(conn, record):
        original(conn, record)
        conn.execute("PRAGMA busy_timeout=300")

    monkeypatch.setattr(store, "_sqlite_pragmas", pragmas)


def _lock(db_file):
    holder = sqlite3.connect(db_file, timeout=0, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def test_decision_while_the_database_is_locked(tmp_path, short_busy_timeout):
    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, "ani")
    doc = tmp_path / "surat.txt"
    doc.write_text(BODY)
    sha = upload(app, client, doc)
    finding = client.get(f"/documents/{sha}.json").get_json()["findings"][0]
    url = f"/documents/{sha}/findings/{finding['id']}/decide"
    holder = _lock(tmp_path / "instance" / "db.sqlite3")
    try:
        res = post(client, url, {"verdict": "redact"}, headers={"Accept": "application/json"})
        assert res.status_code == 503 and "tidak ada yang disimpan" in res.get_json()["error"]
        res = post(client, url, {"verdict": "redact"})
        assert res.status_code == 503 and "Traceback" not in res.get_data(as_text=True)
    finally:
        holder.rollback()
        holder.close()
    assert _count(app, store.DecisionRecord) == 0
    assert post(client, url, {"verdict": "redact"}).status_code == 302
    assert _count(app, store.DecisionRecord) == 1


def test_scan_while_the_database_is_locked_resumes_without_duplicates(tmp_path, samples, short_busy_timeout):
    from webui import worker

    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, "ani")
    with (samples / "daftar-penerima-bansos.pdf").open("rb") as fh:
        post(client, "/upload", {"file": (fh, "a.pdf")}, content_type="multipart/form-data")
    with app.extensions["reviewer.sessions"]() as s:
        job = jobs.claim(s, "test:1")
    holder = _lock(tmp_path / "instance" / "db.sqlite3")
    try:
        from sqlalchemy.exc import OperationalError

        from reviewer.review import scanning as process

        with pytest.raises(OperationalError):
            process.run_job(app.extensions["reviewer.sessions"], job, tmp_path / "instance" / "originals",
                            app.config["SCAN_SETTINGS"])
    finally:
        holder.rollback()
        holder.close()
    with app.extensions["reviewer.sessions"]() as s:
        doc = s.scalars(select(store.DocumentRecord)).one()
        assert doc.status == "processing"  # not marked done, not marked failed: retried later
        assert jobs.requeue_stale(s, older_than=timedelta(0)) == 1
    while worker.run_one(app):
        pass
    with app.extensions["reviewer.sessions"]() as s:
        doc = s.scalars(select(store.DocumentRecord)).one()
        pages = list(s.scalars(select(store.PageRecord.number).where(store.PageRecord.document_sha == doc.sha256)))
        assert doc.status == "needs_review" and sorted(pages) == list(range(1, doc.page_count + 1))
    from reviewer.detect.pipeline import scan_file

    expected = scan_file(str(samples / "daftar-penerima-bansos.pdf"), app.config["SCAN_SETTINGS"])
    assert _count(app, store.FindingRecord) == len(expected.findings)
