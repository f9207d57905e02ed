"""The office-server setup of deploy/, run for real against the local PostgreSQL (DATABASE_URL_TEST; CI starts
one with scripts/ci-postgres.sh): the commands of the systemd units (waitress web UI without a worker, and the
separate scan worker) with the settings of deploy/env.example, then login → upload → decide → submit →
approve → export over HTTP, `reviewer doctor --server`, and a backup that is restored into an empty database
and instance folder. HTTPS-less staging: REVIEWER_SECURE_COOKIES=0, as `install-debian.sh --staging` writes."""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import time
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
REVIEWER_BIN = "/opt/ppid-reviewer/venv/bin/reviewer"
SAMPLE = ROOT / "samples" / "daftar-penerima-bansos.pdf"

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def unit_commands(name: str) -> dict[str, list[str]]:
    """ExecStartPre/ExecStart of a unit in deploy/systemd, split as systemd would."""
    out = {}
    for line in (DEPLOY / "systemd" / name).read_text().splitlines():
        key, _, value = line.partition("=")
        if key in ("ExecStartPre", "ExecStart"):
            out[key] = shlex.split(value)
    return out


def local(argv: list[str], port: int) -> list[str]:
    """A unit's command run from this checkout: our Python instead of the installed script, a free port."""
    assert argv[0] == REVIEWER_BIN, argv
    args = list(argv[1:])
    if "--port" in args:
        args[args.index("--port") + 1] = str(port)
    if args[0] == "worker" and "worker" not in {e.name for e in entry_points(group="reviewer.commands")}:
        # a development venv installed before the `worker` entry point existed
        return [sys.executable, "-c", "from webui.cli import worker; worker()", *args[1:]]
    return [sys.executable, "-m", "reviewer", *args]


def env_file(**overrides) -> dict[str, str]:
    values = {}
    for line in (DEPLOY / "env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    return {**values, **overrides}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Production:
    def __init__(self, tmp: Path, url: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.instance = tmp / "var-lib" / "instance"
        self.env = {**os.environ, **env_file(
            DATABASE_URL=url, REVIEWER_INSTANCE=str(self.instance), REVIEWER_SECRET_KEY=secrets.token_hex(32),
            REVIEWER_OCR_CACHE=str(tmp / "ocr-cache"), REVIEWER_UI_URL=self.base, REVIEWER_SECURE_COOKIES="0",
            BACKUP_DIR=str(tmp / "backups"), PYTHON=sys.executable, REVIEWER=f"{sys.executable} -m reviewer")}
        self.procs: list[subprocess.Popen] = []
        self.logs = tmp / "logs"
        self.logs.mkdir()

    def run(self, argv: list[str], stdin: str = "", check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(argv, env=self.env, cwd=ROOT, input=stdin, capture_output=True, text=True,
                              timeout=300)
        assert not check or done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
        return done

    def start(self) -> None:
        web, work = unit_commands("ppid-reviewer-web.service"), unit_commands("ppid-reviewer-worker.service")
        self.run(local(web["ExecStartPre"], self.port))
        for name, argv in (("web", web["ExecStart"]), ("worker", work["ExecStart"])):
            log = open(self.logs / f"{name}.log", "a")
            self.procs.append(subprocess.Popen(local(argv, self.port), env=self.env, cwd=ROOT, stdout=log,
                                               stderr=subprocess.STDOUT))
        self._wait_ready()

    def _wait_ready(self) -> None:
        import requests

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.base + "/login", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                time.sleep(0.3)
        raise AssertionError("web UI did not start:\n" + (self.logs / "web.log").read_text())

    def stop(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            proc.wait(timeout=30)
        self.procs = []


class Browser:
    """One officer's or reviewer's browser: a cookie jar and the page's CSRF token."""

    def __init__(self, base: str):
        import requests

        self.base, self.http = base, requests.Session()

    def token(self, path: str = "/") -> str:
        html = self.http.get(self.base + path).text
        return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)

    def post(self, path: str, data: dict | None = None, **kwargs):
        token = self.token("/login" if path == "/login" else "/")
        return self.http.post(self.base + path, data={**(data or {}), "csrf_token": token}, allow_redirects=False,
                              **kwargs)

    def login(self, name: str, password: str) -> None:
        res = self.post("/login", {"username": name, "password": password})
        assert res.status_code == 302 and "/login" not in res.headers["Location"], res.text[:300]

    def json(self, path: str) -> dict:
        res = self.http.get(self.base + path)
        assert res.status_code == 200, (path, res.status_code)
        return res.json()


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    url = os.environ.get("DATABASE_URL_TEST")
    if not url:
        pytest.skip("DATABASE_URL_TEST not set (no PostgreSQL server)")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore not installed (apt-get install postgresql-client)")
    pytest.importorskip("requests")
    from tests.conftest import _reset_postgres

    _reset_postgres(url)
    prod = Production(tmp_path_factory.mktemp("server"), url)
    prod.run([sys.executable, "-m", "reviewer", "db", "upgrade"])  # as install-debian.sh does, before accounts
    for name, role in (("ani", "officer"), ("budi", "reviewer")):
        prod.run([sys.executable, "-m", "reviewer", "user", "add", name, "--role", role], stdin=f"sandi-{name}-123\n")
    prod.start()
    yield prod
    prod.stop()


def pdf_text(data: bytes) -> str:
    import fitz

    with fitz.open(stream=data, filetype="pdf") as pdf:
        return " ".join(" ".join(p.get_text().split()) for p in pdf)


def approved_document(prod: Production) -> tuple[str, str]:
    """Upload as the officer, decide, submit; approve as the reviewer (once per server). (sha, NIK text)"""
    if not hasattr(prod, "approved"):
        prod.approved = _approve_one(prod)
    return prod.approved


def _approve_one(prod: Production) -> tuple[str, str]:
    officer = Browser(prod.base)
    officer.login("ani", "sandi-ani-123")
    with SAMPLE.open("rb") as fh:
        res = officer.post("/upload", files={"file": (SAMPLE.name, fh, "application/pdf")})
    assert res.status_code == 302, res.text[:300]
    sha = res.headers["Location"].rstrip("/").split("/")[-1]
    deadline = time.monotonic() + 180
    while officer.json(f"/documents/{sha}/status.json")["status"] == "processing":
        assert time.monotonic() < deadline, (prod.logs / "worker.log").read_text()
        time.sleep(0.5)
    doc = officer.json(f"/documents/{sha}.json")
    assert doc["document"]["status"] == "needs_review", doc["document"]
    nik = next(f for f in doc["findings"] if f["label"] == "NIK")
    for f in doc["findings"]:
        verdict = "redact" if f is nik or f["action"] == "redact" else "keep"
        assert officer.post(f"/documents/{sha}/findings/{f['id']}/decide", {"verdict": verdict}).status_code < 400
    assert officer.post(f"/documents/{sha}/submit").status_code == 302
    assert officer.json(f"/documents/{sha}.json")["document"]["status"] == "awaiting_approval"
    assert officer.post(f"/documents/{sha}/approve").status_code == 403  # officers never approve

    reviewer = Browser(prod.base)
    reviewer.login("budi", "sandi-budi-123")
    assert reviewer.post(f"/documents/{sha}/approve").status_code == 302
    assert reviewer.json(f"/documents/{sha}.json")["document"]["status"] == "approved"
    return sha, nik["text"]


def export_redacted(prod: Production, sha: str) -> bytes:
    reviewer = Browser(prod.base)
    reviewer.login("budi", "sandi-budi-123")
    res = reviewer.http.get(f"{prod.base}/documents/{sha}/export/redacted")
    assert res.status_code == 200 and res.content[:5] == b"%PDF-", res.text[:300]
    return res.content


def test_login_upload_approve_export_over_http(production):
    sha, nik = approved_document(production)
    text = pdf_text(export_redacted(production, sha))
    assert nik not in text and "DAFTAR PENERIMA" in text
    assert nik in pdf_text(SAMPLE.read_bytes())  # the original is untouched
    assert (production.logs / "worker.log").read_text().count("Traceback") == 0


def test_doctor_passes_on_the_running_server(production):
    skip = [] if shutil.which("tesseract") else ["--skip", "tesseract"]
    done = production.run([sys.executable, "-m", "reviewer", "doctor", "--server", *skip], check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"OK.*database .*postgresql", done.stdout) and "OK  ] worker" in done.stdout
    assert "AWAS ] cookies" in done.stdout  # staging without HTTPS is a warning


def test_backup_restores_into_an_empty_database_and_instance(production):
    from tests.conftest import _reset_postgres

    sha, nik = approved_document(production)
    done = production.run(["sh", str(DEPLOY / "backup.sh")])
    folder = Path(re.search(r"backup: (\S+)", done.stdout).group(1))
    assert {p.name for p in folder.iterdir()} == {"database.dump", "instance.tar.gz", "SHA256SUMS"}

    production.stop()
    _reset_postgres(production.env["DATABASE_URL"])  # the database is lost ...
    shutil.rmtree(production.instance)  # ... and so is the instance folder
    refused = production.run(["sh", str(DEPLOY / "restore.sh"), str(folder)], check=False)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    production.run(["sh", str(DEPLOY / "restore.sh"), str(folder), "--yes"])
    production.start()
    assert nik not in pdf_text(export_redacted(production, sha))  # originals and decisions are back

    damaged = folder / "instance.tar.gz"
    damaged.write_bytes(damaged.read_bytes()[:-10])
    bad = production.run(["sh", str(DEPLOY / "restore.sh"), str(folder), "--yes"], check=False)
    assert bad.returncode == 1 and "checksum" in bad.stderr
