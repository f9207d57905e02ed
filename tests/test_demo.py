"""The demo office (`reviewer demo`, `make run`): a PPID utama and two PPID pembantu with DIK rows and
officials, accounts per role and unit printed with their passwords, and the samples in their units."""

import re

import pytest
from click.testing import CliRunner

from reviewer.review import demo
from reviewer.store import dik as dikstore
from reviewer.store import records as store
from reviewer.store import units as unitstore
from webui import worker
from webui.cli import demo_accounts, load_demo


@pytest.fixture(scope="module")
def office(tmp_path_factory, samples):
    from reviewer.core.settings import Settings
    from tests.webui_helpers import migrate
    from webui import create_app

    instance = tmp_path_factory.mktemp("demo") / "instance"
    instance.mkdir()
    url = f"sqlite:///{instance / 'db.sqlite3'}"
    migrate(url)
    app = create_app({"INSTANCE": str(instance), "WORKER": False, "TESTING": True, "SECRET_KEY": "t",
                      "DATABASE_URL": url, "DEMO": True, "DEMO_USERS": demo_accounts(),
                      "SCAN_SETTINGS": Settings(use_ner=False, use_passages=False, use_ocr=False)})
    assert load_demo(app, str(samples)) == 3
    while worker.run_one(app):
        pass
    return app


@pytest.fixture(scope="module")
def samples():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "samples"


def visitor(app, username):
    plan = {u.username: u for u in demo.load_plan().users}
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    res = client.post("/login", data={"username": username, "password": plan[username].password, "csrf_token": token})
    assert res.status_code == 302, username
    return client


def names(client) -> set[str]:
    return {d["filename"] for d in client.get("/documents.json").get_json()["documents"]}


def test_a_ppid_utama_two_pembantu_with_dik_rows_and_officials(office):
    with office.extensions["reviewer.sessions"]() as s:
        tree = unitstore.load_tree(s).units
        levels = sorted(u.ppid for u in tree.values())
        assert levels == ["pembantu", "pembantu", "utama"]
        for code in tree:
            rows = dikstore.rows_of(s, code, inherited=False)
            assert rows and all(r.decree.number for r in rows), code
        officials = {t.value for t in s.query(unitstore.UnitTerm).filter_by(kind="official")}
        assert {"Bambang Priyanto", "Hendra Wijaya", "Dewi Kartikasari"} <= officials


def test_each_role_of_each_unit_sees_its_own_documents(office):
    assert names(visitor(office, "petugas")) == {"daftar-penerima-bansos.pdf"}
    assert names(visitor(office, "penyetuju-satpol")) == {"laporan-kejadian.txt"}
    assert names(visitor(office, "ppid")) == {"daftar-penerima-bansos.pdf", "laporan-kejadian.txt",
                                              "formulir-permohonan.docx"}
    admin = visitor(office, "admin")
    assert admin.get("/admin/").status_code == 200 and admin.get("/units/").status_code == 200


def test_the_dik_and_the_officials_show_on_the_suggestions(office):
    client = visitor(office, "petugas")
    sha = client.get("/documents.json").get_json()["documents"][0]["sha256"]
    findings = client.get(f"/documents/{sha}.json").get_json()["findings"]
    decrees = {f["dik"]["decree"] for f in findings if f.get("dik")}
    assert "480/12/DINSOS/2025" in " ".join(str(d) for d in decrees)
    official = [f for f in findings if "Bambang Priyanto" in f["text"]]
    assert all(f["action"] == "keep" for f in official)  # the signing head of the dinas stays open
    assert any(f["text"] == "Siti Aminah" and f["action"] != "keep" for f in findings)


def test_building_twice_changes_nothing(office, samples):
    with office.extensions["reviewer.sessions"]() as s:
        before = (s.query(store.User).count(), s.query(dikstore.DikRowRecord).count(),
                  s.query(store.DocumentRecord).count(), s.query(unitstore.UnitTerm).count())
    load_demo(office, str(samples))
    with office.extensions["reviewer.sessions"]() as s:
        after = (s.query(store.User).count(), s.query(dikstore.DikRowRecord).count(),
                 s.query(store.DocumentRecord).count(), s.query(unitstore.UnitTerm).count())
    assert after == before


def test_the_login_page_and_the_terminal_list_every_account_with_its_password(office, tmp_path, monkeypatch):
    from webui import cli

    page = office.test_client().get("/login").get_data(as_text=True)
    assert "<th>Kata sandi</th>" in page
    for u in demo.load_plan().users:
        assert f"<code>{u.username}</code>" in page and f"<code>{u.password}</code>" in page
    monkeypatch.setattr(cli, "_serve", lambda *a, **k: None)
    monkeypatch.setattr(cli, "load_demo", lambda app, samples: 3)
    out = CliRunner().invoke(cli.demo, ["--instance", str(tmp_path / "demo")]).output
    for u in demo.load_plan().users:
        assert re.search(rf"{re.escape(u.username)}\s+kata sandi / password: {re.escape(u.password)}", out), out
    assert "Dinas Sosial" in out and "penyetuju" in out


def test_a_plan_naming_an_unknown_unit_is_refused(tmp_path):
    from reviewer.core.errors import ReviewerError

    plan = tmp_path / "demo.yaml"
    plan.write_text(demo.PLAN.read_text().replace("unit: dinsos}", "unit: nowhere}", 1))
    with pytest.raises(ReviewerError, match="nowhere"):
        demo.load_plan(plan)
