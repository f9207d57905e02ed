"""The pictures of the guides in docs/ are taken here, by the real UI in headless Chromium (the fixtures of
tests/test_browser.py), so they never go stale: `make screenshots` runs this file with
REVIEWER_DOCS_SCREENSHOTS=docs/img and overwrites the pictures; in the test suite they go to a temporary
folder and the run checks that every step of the guides still works.

Actions go through the routes (with the page's own cookies and CSRF token), not through button
selectors, so a change of layout changes the pictures and not this script; only pages are visited.
tests/test_docs.py checks that every picture the guides and the README show is one this script makes."""

from __future__ import annotations

import os
import re
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from tests.test_browser import browser  # noqa: F401  (fixture)

VIEWPORT = {"width": 1280, "height": 800}
PASSWORD = {"petugas": "sandi-petugas-1", "penyetuju": "sandi-penyetuju-1", "admin": "sandi-admin-1",
            "penyetuju2": "sandi-penyetuju-2"}

# Every picture the guides use, in the order they are taken.
SHOTS = (
    "petugas-01-masuk", "petugas-02-daftar", "petugas-03-tinjau", "petugas-04-teks", "petugas-05-diputuskan",
    "petugas-06-diajukan",
    "penyetuju-01-daftar", "penyetuju-02-tinjau", "penyetuju-03-dua-orang", "penyetuju-04-ekspor",
    "penyetuju-05-riwayat",
    "admin-01-admin", "admin-02-unit", "admin-03-unit-dik", "admin-04-jatuh-tempo", "admin-05-angka",
    "admin-06-audit",
)


@pytest.fixture
def office(tmp_path):
    """An office as the guides describe it: a city with two units, an officer and two reviewers in Dinas
    Sosial, an admin; the full scanner (patterns, NER, passages) in the server's background worker."""
    from waitress import create_server

    from reviewer.core.units import Unit
    from reviewer.review import accounts
    from reviewer.store import units as unitstore
    from tests.webui_helpers import migrate
    from webui import create_app

    (tmp_path / "instance").mkdir(parents=True, exist_ok=True)
    migrate(f"sqlite:///{tmp_path / 'instance' / 'db.sqlite3'}")  # what `reviewer db upgrade` does
    app = create_app({"INSTANCE": str(tmp_path / "instance"), "SECRET_KEY": "x" * 64, "WORKER": True,
                      "SESSION_COOKIE_SECURE": False, "REMEMBER_COOKIE_SECURE": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'instance' / 'db.sqlite3'}"})
    with app.extensions["reviewer.sessions"]() as s:
        for unit in (Unit("kota", "Pemerintah Kota Contoh", "pemkot", None, "utama"),
                     Unit("dinsos", "Dinas Sosial", "dinas", "kota"),
                     Unit("dinkes", "Dinas Kesehatan", "dinas", "kota")):
            unitstore.add_unit(s, unit)
        for name, role, full, unit in (("petugas", "officer", "Ani Petugas", "dinsos"),
                                       ("penyetuju", "reviewer", "Budi Penyetuju", "dinsos"),
                                       ("penyetuju2", "reviewer", "Citra Penyetuju", "dinsos"),
                                       ("admin", "admin", "Admin PPID", "kota")):
            accounts.add_user(s, name, PASSWORD[name], role, full)
            unitstore.set_member(s, accounts.get(s, name), unit, role)
        s.commit()
    srv = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=srv.run, daemon=True).start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    srv.close()


class Guide:
    """One person at the browser: visits pages, acts through the routes, takes the guide's pictures."""

    def __init__(self, chromium, base: str, folder: Path):
        self.page = chromium.new_page(viewport=VIEWPORT)
        self.base, self.folder, self.taken = base, folder, []

    def shot(self, name: str, full: bool = False) -> None:
        assert name in SHOTS, name
        self.page.screenshot(path=str(self.folder / f"{name}.png"), full_page=full)
        self.taken.append(name)

    def go(self, path: str):
        response = self.page.goto(self.base + path)
        assert response.status == 200, (path, response.status)
        self.page.wait_for_load_state("networkidle")
        return response

    def token(self) -> str:
        return re.search(r'name="csrf-token" content="([^"]+)"', self.page.content()).group(1)

    def post(self, path: str, form: dict | None = None, multipart: dict | None = None, keep_message=False):
        data = {"csrf_token": self.token(), **(form or {})}
        if multipart is not None:
            res = self.page.request.post(self.base + path, multipart={**data, **multipart}, max_redirects=0)
        else:
            res = self.page.request.post(self.base + path, form=data, max_redirects=0)
        assert res.status in (200, 302), (path, res.status, res.text()[:300])
        if not keep_message:  # a page shows the messages of every action since the last page: drop them
            self.page.request.get(self.base + "/")
        return res

    def log_in(self, name: str) -> None:
        self.go("/login")
        self.page.fill("input[name=username]", name)
        self.page.fill("input[name=password]", PASSWORD[name])
        self.page.press("input[name=password]", "Enter")
        self.page.wait_for_load_state("networkidle")
        assert "/login" not in self.page.url

    def upload(self, path: Path) -> str:
        res = self.post("/upload", multipart={"file": {"name": path.name, "mimeType": "application/octet-stream",
                                                       "buffer": path.read_bytes()}})
        sha = res.headers["location"].rstrip("/").split("/")[-1]
        deadline = time.monotonic() + 180
        while self.json(f"/documents/{sha}/status.json")["status"] == "processing":
            assert time.monotonic() < deadline, "scan did not finish"
            time.sleep(0.5)
        return sha

    def json(self, path: str) -> dict:
        res = self.page.request.get(self.base + path)
        assert res.status == 200, (path, res.status)
        return res.json()

    def decide_all(self, sha: str) -> dict:
        findings = self.json(f"/documents/{sha}.json")["findings"]
        for f in findings:
            verdict = "keep" if f["action"] == "keep" or f["label"] in ("ORGANIZATION", "LOCATION") else "redact"
            self.post(f"/documents/{sha}/findings/{f['id']}/decide", {"verdict": verdict})
        return {f["label"]: f for f in findings}


def _folder(tmp_path) -> Path:
    folder = Path(os.environ.get("REVIEWER_DOCS_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.slow
def test_guide_screenshots(office, browser, samples, tmp_path, data_dir):  # noqa: F811
    folder = _folder(tmp_path)
    taken = officer_steps(Guide(browser, office, folder), samples)
    taken += reviewer_steps(Guide(browser, office, folder), samples)
    taken += admin_steps(Guide(browser, office, folder), data_dir)
    assert sorted(taken) == sorted(SHOTS)
    assert all((folder / f"{name}.png").stat().st_size > 5000 for name in SHOTS)


def officer_steps(g: Guide, samples: Path) -> list[str]:
    g.go("/login")
    g.shot("petugas-01-masuk")
    g.log_in("petugas")
    g.shot("petugas-02-daftar")
    sha = g.upload(samples / "daftar-penerima-bansos.pdf")
    g.go(f"/documents/{sha}")
    g.shot("petugas-03-tinjau")
    txt = g.upload(samples / "laporan-kejadian.txt")
    g.go(f"/documents/{txt}")
    g.shot("petugas-04-teks")
    g.decide_all(sha)
    g.go(f"/documents/{sha}")
    g.shot("petugas-05-diputuskan")
    g.post(f"/documents/{sha}/submit")
    g.go("/")
    g.shot("petugas-06-diajukan")
    g.decide_all(txt)
    g.post(f"/documents/{txt}/submit")
    return g.taken


def reviewer_steps(g: Guide, samples: Path) -> list[str]:
    g.log_in("penyetuju")
    g.go("/?status=awaiting_approval")
    g.shot("penyetuju-01-daftar")
    docs = {d["filename"]: d["sha256"] for d in g.json("/documents.json")["documents"]}
    sha = docs["daftar-penerima-bansos.pdf"]
    g.go(f"/documents/{sha}")
    g.shot("penyetuju-02-tinjau")
    own = g.upload(samples / "formulir-permohonan.docx")  # the reviewer proposes this one himself ...
    g.decide_all(own)
    g.post(f"/documents/{own}/submit")
    g.go(f"/documents/{own}")
    g.shot("penyetuju-03-dua-orang")  # ... so he may not approve it: another reviewer must
    g.post(f"/documents/{sha}/approve", keep_message=True)
    g.go(f"/documents/{sha}/export")
    g.shot("penyetuju-04-ekspor")
    g.go(f"/documents/{sha}/audit")
    g.shot("penyetuju-05-riwayat")
    return g.taken


def admin_steps(g: Guide, data_dir: Path) -> list[str]:
    g.log_in("admin")
    g.go("/admin/")
    g.post("/admin/terms", {"kind": "official", "value": "Drs. Hendra Wijaya, M.Si."})
    g.post("/admin/terms", {"kind": "allow", "value": "Jl. Merdeka No. 1"})
    g.go("/admin/")
    g.shot("admin-01-admin", full=True)
    g.go("/units/")
    g.shot("admin-02-unit")
    g.go("/units/dinsos")
    csv = data_dir / "dik" / "layout-a-dinkes.csv"
    g.post("/units/dinsos/dik/import", multipart={"file": {"name": csv.name, "mimeType": "text/csv",
                                                           "buffer": csv.read_bytes()}}, keep_message=True)
    g.go("/units/dinsos")
    g.shot("admin-03-unit-dik", full=True)
    g.go("/dik/due")
    g.shot("admin-04-jatuh-tempo")
    g.go(f"/figures?year={date.today().year}")
    g.shot("admin-05-angka", full=True)
    g.go("/audit")
    g.shot("admin-06-audit")
    return g.taken

