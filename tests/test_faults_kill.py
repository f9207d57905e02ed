"""The server process killed (-9) in the middle of a scan and in the middle of an export: after a
restart the queued work resumes, nothing is lost, nothing is recorded twice, no half file is served."""

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewer.review import workflow
from reviewer.store import jobs
from reviewer.store import records as store
from tests.webui_helpers import login, make_app

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "Settings(use_ner=False, use_passages=False, use_ocr=False)"
# A server process whose scan (or export) dies at a chosen moment, as with `kill -9`.
SERVER = """
import os, signal, sys
from reviewer.store import jobs
from reviewer.store import records as store
from reviewer.core.settings import Settings
from webui import create_app, worker

def die():
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)

app = create_app({{"INSTANCE": {instance!r}, "WORKER": False, "SECRET_KEY": "test",
                  "DATABASE_URL": {url!r}, "SCAN_SETTINGS": {settings}}})
{body}
"""
SCAN_BODY = """
real, calls = store.save_page, []
def dying(*args, **kwargs):
    calls.append(1)
    if len(calls) > {after}:
        die()
    return real(*args, **kwargs)
store.save_page = dying
worker.run_one(app, jobs.worker_name())
"""
EXPORT_BODY = """
from pathlib import Path
from reviewer.review import export
from reviewer.redact import uji

def half_then_die(report, path, settings=None):
    Path(path).write_bytes(b"PK\\x03\\x04 half a docx")
    die()

uji.write_uji = half_then_die
with app.extensions["reviewer.sessions"]() as s:
    doc = s.get(store.DocumentRecord, {sha!r})
    export.export_files(s, doc, Path(app.config["ORIGINALS"]), Path(app.instance_path) / "exports" / doc.sha256,
                        app.config["SCAN_SETTINGS"])
"""


def _run_server(app, body: str) -> subprocess.CompletedProcess:
    code = SERVER.format(instance=app.instance_path, url=app.config["DATABASE_URL"], settings=SETTINGS, body=body)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env,
                          cwd=ROOT)


def _pdf(path: Path, pages: int) -> Path:
    import fitz

    doc = fitz.open()
    for i in range(pages):
        doc.new_page().insert_text((72, 100), f"Halaman {i + 1}. Pemohon NIK 32091207087500{i:02d}, "
                                              f"telepon 0812-2345-67{i:02d}.", fontsize=11)
    doc.save(path)
    return path


def _upload(app, client, path: Path) -> str:
    from tests.webui_helpers import post

    with path.open("rb") as fh:
        res = post(client, "/upload", {"file": (fh, path.name)}, content_type="multipart/form-data")
    return res.headers["Location"].rstrip("/").split("/")[-1]


def test_server_killed_during_a_scan_resumes_without_loss_or_duplicates(tmp_path):
    from webui import create_app, worker

    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, "ani")
    pdf = _pdf(tmp_path / "lima.pdf", 5)
    sha = _upload(app, client, pdf)
    proc = _run_server(app, SCAN_BODY.format(after=2))
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    with app.extensions["reviewer.sessions"]() as s:
        doc = s.get(store.DocumentRecord, sha)
        assert doc.status == "processing" and doc.pages_done == 2
        assert s.scalars(select(store.Job)).one().status == "running"
    again = create_app({**app.config, "WORKER": False})  # the restarted server
    with again.extensions["reviewer.sessions"]() as s:
        assert jobs.requeue_dead(s) == 1
    while worker.run_one(again):
        pass
    from reviewer.detect.pipeline import scan_file

    expected = scan_file(str(pdf), app.config["SCAN_SETTINGS"])
    with again.extensions["reviewer.sessions"]() as s:
        doc = s.get(store.DocumentRecord, sha)
        pages = sorted(s.scalars(select(store.PageRecord.number).where(store.PageRecord.document_sha == sha)))
        found = sorted((f.page, f.start, f.end, f.label) for f in store.findings_of(s, sha))
        job = s.scalars(select(store.Job)).one()
        scanned_events = s.scalar(select(func.count()).select_from(store.Event)
                                  .where(store.Event.action == "scanned", store.Event.document_sha == sha))
    assert doc.status == "needs_review" and pages == [1, 2, 3, 4, 5]
    assert found == sorted((f.page, f.start, f.end, f.label) for f in expected.findings)
    assert len(set(found)) == len(found) and job.status == "done" and job.attempts == 2
    assert scanned_events == 1


def _approved(app, client, tmp_path) -> str:
    path = tmp_path / "surat.txt"
    path.write_text("Pelapor Sutrisno Wibowo, NIK 3209120708750001, telepon 0812-2345-6789.\n")
    from tests.webui_helpers import upload

    sha = upload(app, client, path)
    from reviewer.review import accounts

    with app.extensions["reviewer.sessions"]() as s:
        doc = s.get(store.DocumentRecord, sha)
        workflow.submit(s, accounts.get(s, "ani"), doc)
        workflow.approve(s, accounts.get(s, "budi"), doc)
        s.commit()
    return sha


def test_server_killed_during_an_export_never_serves_a_half_file(tmp_path):
    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, "ani")
    sha = _approved(app, client, tmp_path)
    proc = _run_server(app, EXPORT_BODY.format(sha=sha))
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    exports = tmp_path / "instance" / "exports"
    assert not (exports / sha).exists()  # nothing in the place a finished export goes
    left = list(exports.glob(f".{sha}.*.part"))
    assert len(left) == 1  # the dead export's staging folder
    res = client.get(f"/documents/{sha}/export/uji")
    assert res.status_code == 200
    with zipfile.ZipFile(io.BytesIO(res.data)) as zf:
        assert "word/document.xml" in zf.namelist()
    log = client.get(f"/documents/{sha}/export/log-json")
    data = json.loads(log.data)
    assert data["penghitaman"] and "3209120708750001" not in log.get_data(as_text=True)
    redacted = client.get(f"/documents/{sha}/export/redacted").get_data(as_text=True)
    assert "3209120708750001" not in redacted and "Pelapor" in redacted and "telepon" in redacted
    old = time.time() - 7200
    os.utime(left[0], (old, old))
    client.get(f"/documents/{sha}/export/redacted")
    assert not left[0].exists()  # swept once it is clearly dead
    with app.extensions["reviewer.sessions"]() as s:
        exported = s.scalar(select(func.count()).select_from(store.Event).where(store.Event.action == "exported"))
    assert exported == 4


def test_export_on_a_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, monkeypatch):
    import errno

    from reviewer.redact import uji

    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, "ani")
    sha = _approved(app, client, tmp_path)

    def full(report, path, settings=None):
        Path(path).write_bytes(b"PK\x03\x04")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(uji, "write_uji", full)
    res = client.get(f"/documents/{sha}/export/redacted")
    assert res.status_code == 409 and "tidak dapat ditulis" in res.get_data(as_text=True)
    exports = tmp_path / "instance" / "exports"
    assert list(exports.iterdir()) == []
    monkeypatch.undo()
    assert client.get(f"/documents/{sha}/export/uji").status_code == 200

