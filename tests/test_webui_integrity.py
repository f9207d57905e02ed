"""The security review's findings 7–13 (issue 21), one test each (or a few): unit admin escalation, the
two-person rule, open redirect, long submits in chunks, password policy, 404 whatever the reason,
originals removed on refusal, no caching of contents, no server paths, scoped label lists, no slow work
inside a write transaction and no write on a read request."""

import re
import sqlite3

import pytest
from sqlalchemy import event, func, insert, select

from reviewer.review import accounts, workflow
from reviewer.store import records as store
from reviewer.store import units as unitstore
from tests.webui_helpers import (  # noqa: F401
    PASSWORDS,
    app,
    city,
    client,
    client_of,
    csrf,
    login,
    make_app,
    post,
    upload,
    web_database,
)

BODY = "Pemohon Sutrisno, NIK 3209120708750001, telepon 0812-2345-6789, surel sutrisno@contoh.id.\n"
JSON = {"Accept": "application/json"}


def _doc(tmp_path, name="surat.txt", body=BODY):
    path = tmp_path / name
    path.write_text(body)
    return path


@pytest.fixture
def city_members():
    """kota (PPID utama) with dinsos and dinkes (pembantu). root: instance admin; budi: admin of kota;
    bayu: admin of dinsos; ani: penyetuju dinsos; andi: petugas dinkes."""
    return (("ani", "dinsos", "reviewer"), ("andi", "dinkes", "officer"), ("budi", "kota", "admin"),
            ("bayu", "dinsos", "admin"))


# --- 7: a PPID pembantu admin cannot take over the tree ---------------------------------------------

def _ppid(app, code):
    with app.extensions["reviewer.sessions"]() as s:
        return unitstore.unit_record(s, code).ppid


def test_a_pembantu_admin_cannot_make_their_unit_utama(city):
    bayu = client_of(city, "bayu")
    res = post(bayu, "/units/dinsos/edit", {"ppid": "utama"}, headers=JSON)
    assert res.status_code == 403 and _ppid(city, "dinsos") == "pembantu"
    res = post(bayu, "/units/", {"code": "upt", "name": "UPT Panti", "kind": "upt", "parent": "dinsos",
                                 "ppid": "utama"}, headers=JSON)
    assert res.status_code == 403
    with city.extensions["reviewer.sessions"]() as s:
        assert "upt" not in unitstore.load_tree(s)
        assert unitstore.visible_units(s, accounts.get(s, "bayu")) == {"dinsos"}
    assert post(bayu, "/units/dinsos/edit", {"name": "Dinas Sosial Kota"}, headers=JSON).status_code == 200
    assert post(bayu, "/units/", {"code": "upt", "name": "UPT Panti", "kind": "upt", "parent": "dinsos",
                                  "ppid": "pembantu"}, headers=JSON).status_code == 200


def test_the_utama_admin_changes_the_hierarchy(city):
    budi = client_of(city, "budi")
    assert post(budi, "/units/dinsos/edit", {"ppid": ""}, headers=JSON).status_code == 200
    assert _ppid(city, "dinsos") == ""


# --- 9: the two-person rule covers whoever decided or submitted ---------------------------------------

def test_a_reviewer_who_decided_a_finding_cannot_approve(app, client, tmp_path):
    login(client, "ani")
    sha = upload(app, client, _doc(tmp_path))
    budi = client_of(app, "budi")
    finding = budi.get(f"/documents/{sha}.json").get_json()["findings"][0]
    assert post(budi, f"/documents/{sha}/findings/{finding['id']}/decide", {"verdict": "redact"},
                headers=JSON).status_code == 200
    assert post(client, f"/documents/{sha}/submit", headers=JSON).status_code == 200
    res = post(budi, f"/documents/{sha}/approve", headers=JSON)
    assert res.status_code == 403 and "dua orang" in res.get_json()["error"]
    assert post(client_of(app, "bayu"), f"/documents/{sha}/approve", headers=JSON).status_code == 200


# --- 10: `next` only a local path --------------------------------------------------------------------

@pytest.mark.parametrize("target", ["/%09/evil.example", "/\t/evil.example", "//evil.example", "/\\evil.example",
                                    "https://evil.example/", "/\r\nSet-Cookie: x=1", "javascript:alert(1)",
                                    "/%0d%0aLocation:%20https://evil.example"])
def test_login_redirects_only_to_a_local_path(app, client, target):
    from urllib.parse import quote

    token = csrf(client)
    url = "/login?next=" + (target if "%" in target else quote(target, safe=""))
    res = client.post(url, data={"username": "ani", "password": PASSWORDS["ani"], "csrf_token": token})
    assert res.status_code == 302
    location = res.headers["Location"]
    cleaned = "".join(c for c in location if c not in "\t\r\n")
    assert cleaned.startswith("/") and not cleaned.startswith(("//", "/\\")), location
    assert "evil" not in location and "\n" not in location


def test_a_local_next_is_kept(app, client):
    token = csrf(client)
    res = client.post("/login?next=/units/", data={"username": "ani", "password": PASSWORDS["ani"],
                                                   "csrf_token": token})
    assert res.headers["Location"] == "/units/"


# --- 11: a long submit in chunks that release the write lock -----------------------------------------

def _many_findings(app, sha: str, n: int) -> None:
    with app.extensions["reviewer.sessions"]() as s:
        s.execute(insert(store.FindingRecord), [
            {"document_sha": sha, "page": 1, "start": i, "end": i + 1, "text": "x", "label": "NIK", "basis": "17h",
             "score": 0.9, "action": "redact", "source": "test", "reasons": [], "boxes": []} for i in range(n)])
        s.commit()


def test_a_long_submit_commits_in_chunks(app, client, tmp_path, monkeypatch):
    login(client, "ani")
    sha = upload(app, client, _doc(tmp_path))
    _many_findings(app, sha, 1200)
    monkeypatch.setattr(workflow, "CHUNK", 500)
    per_transaction, current = [], [0]

    def count(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO DECISIONS"):
            current[0] += len(parameters) if executemany else 1

    def commit(conn):
        per_transaction.append(current[0])
        current[0] = 0

    engine = app.extensions["reviewer.engine"]
    event.listen(engine, "before_cursor_execute", count)
    event.listen(engine, "commit", commit)
    try:
        assert post(client, f"/documents/{sha}/submit", headers=JSON).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
        event.remove(engine, "commit", commit)
    written = [n for n in per_transaction if n]
    assert sum(written) >= 1200 and max(written) <= 500 and len(written) >= 3, per_transaction
    with app.extensions["reviewer.sessions"]() as s:
        assert s.get(store.DocumentRecord, sha).status == "awaiting_approval"
        assert workflow.undecided(s, sha) == []
        assert s.scalar(select(func.count()).select_from(store.Event).where(
            store.Event.document_sha == sha, store.Event.action == "submitted")) == 1


# --- 12: passwords, uploads, bad parameters, caching, server paths, label lists -----------------------

@pytest.mark.parametrize("password", ["password", "12345678", "Password123!", "qwertyuiop", "bismillah",
                                      "indonesia2024", "aaaaaaaaaa", "abababab"])
def test_common_passwords_are_refused(app, password):
    with app.extensions["reviewer.sessions"]() as s:
        with pytest.raises(accounts.AccountError, match="umum"):
            accounts.add_user(s, "dewi-baru", password, "officer")
        with pytest.raises(accounts.AccountError, match="sama dengan"):
            accounts.add_user(s, "dewi-baru", "Dewi-Baru", "officer")
        user = accounts.get(s, "ani")
        with pytest.raises(accounts.AccountError):
            accounts.set_password(s, user, password)
        accounts.add_user(s, "dewi", "kuda-lumping-merah-7", "officer")


def test_the_admin_form_refuses_a_common_password(app, client):
    login(client, "root")
    res = post(client, "/admin/users", {"username": "dewi", "password": "password", "role": "officer"},
               follow_redirects=True)
    assert "terlalu umum" in res.get_data(as_text=True)
    with app.extensions["reviewer.sessions"]() as s:
        assert accounts.get(s, "dewi") is None


def test_an_upload_never_tells_of_another_units_document(city, tmp_path):
    ani, andi = client_of(city, "ani"), client_of(city, "andi")
    path = _doc(tmp_path, "rahasia-dinsos.txt")
    upload(city, ani, path)
    with path.open("rb") as fh:
        res = post(andi, "/upload", {"file": (fh, "surat-saya.txt")}, content_type="multipart/form-data")
    assert res.status_code == 302 and res.headers["Location"].startswith("/documents/")  # a document of dinkes
    html = andi.get(res.headers["Location"]).get_data(as_text=True)
    assert "rahasia-dinsos" not in html and "sudah ada" not in html and "surat-saya.txt diunggah" in html


def test_a_refused_upload_leaves_no_original(city, tmp_path):
    ani = client_of(city, "ani")
    with _doc(tmp_path).open("rb") as fh:
        res = post(ani, "/upload", {"file": (fh, "x.txt"), "unit": "dinkes"}, content_type="multipart/form-data")
    assert res.status_code == 302
    originals = tmp_path / "instance" / "originals"
    assert [p for p in originals.rglob("*") if p.is_file()] == []


def test_document_contents_are_never_cached(app, client, samples):
    login(client, "ani")
    sha = upload(app, client, samples / "daftar-penerima-bansos.pdf")
    for path in (f"/documents/{sha}/pages/1.png", f"/documents/{sha}.json", f"/documents/{sha}",
                 f"/documents/{sha}/pages/1.json", "/documents.json"):
        res = client.get(path)
        assert res.status_code == 200, path
        assert res.headers["Cache-Control"] == "private, no-store", (path, res.headers["Cache-Control"])


def test_no_server_path_in_any_export(app, client, tmp_path):
    login(client, "ani")
    sha = upload(app, client, _doc(tmp_path))
    assert post(client, f"/documents/{sha}/submit", headers=JSON).status_code == 200
    budi = client_of(app, "budi")
    assert post(budi, f"/documents/{sha}/approve", headers=JSON).status_code == 200
    instance = str((tmp_path / "instance").resolve())
    for what in ("log", "log-json", "uji", "redacted"):
        res = budi.get(f"/documents/{sha}/export/{what}")
        assert res.status_code == 200, what
        body = res.get_data()
        if what == "uji":
            import io
            import zipfile

            archive = zipfile.ZipFile(io.BytesIO(body))
            body = b"".join(archive.read(n) for n in archive.namelist())
        assert instance.encode() not in body and b"/originals/" not in body, what
    for path in (f"/documents/{sha}/decisions.json", f"/documents/{sha}.json", f"/documents/{sha}/audit.json"):
        assert instance not in budi.get(path).get_data(as_text=True), path


def test_the_label_filter_lists_only_the_users_units_labels(city, tmp_path):
    ani, andi = client_of(city, "ani"), client_of(city, "andi")
    upload(city, ani, _doc(tmp_path, "a.txt", "Pemohon dengan NIK 3209120708750001.\n"))
    upload(city, andi, _doc(tmp_path, "b.txt", "Hubungi surel sutrisno@contoh.id segera.\n"))
    assert 'value="EMAIL"' in andi.get("/").get_data(as_text=True)
    html = ani.get("/").get_data(as_text=True)
    assert 'value="NIK"' in html and 'value="EMAIL"' not in html


# --- 12: 404 for another unit's document, whatever the route or the reason ---------------------------

def _sha_routes(app):
    return [r for r in app.url_map.iter_rules() if "sha" in r.arguments and not r.endpoint.startswith("api.")]


def test_another_units_document_is_not_found_on_every_route(city, tmp_path):
    ani, andi = client_of(city, "ani"), client_of(city, "andi")
    sha = upload(city, ani, _doc(tmp_path))
    finding = ani.get(f"/documents/{sha}.json").get_json()["findings"][0]["id"]
    assert post(ani, f"/documents/{sha}/submit", headers=JSON).status_code == 200
    missing = "0" * 64
    token = csrf(andi, "/")
    for rule in _sha_routes(city):
        values = {"sha": sha, "finding_id": finding, "number": 1, "row_id": 1}
        for name in rule.arguments - set(values):
            converter = rule._converters.get(name)
            values[name] = sorted(getattr(converter, "items", ()) or ("x",))[0]
        with city.test_request_context():
            from flask import url_for

            url, other = url_for(rule.endpoint, **values), url_for(rule.endpoint, **{**values, "sha": missing})
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            send = getattr(andi, method.lower())
            extra = {"data": {"csrf_token": token, "verdict": "redact", "note": "x"}} if method == "POST" else {}
            seen, none = send(url, **extra).status_code, send(other, **extra).status_code
            assert seen == none == 404, (method, rule.rule, seen, none)


# --- 13: no slow work inside a write transaction, no write on a read request ---------------------------

def _write_locked(db_file) -> bool:
    probe = sqlite3.connect(db_file, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def test_the_scanner_holds_no_write_lock_while_it_reads_detects_or_loads_models(app, client, tmp_path,
                                                                                monkeypatch, samples):
    import reviewer.extract as extract_module
    from reviewer.detect import pipeline
    from webui import worker

    db_file = tmp_path / "instance" / "db.sqlite3"
    held = []

    def probing(name, real):
        def call(*args, **kwargs):
            held.append((name, _write_locked(db_file)))
            return real(*args, **kwargs)
        return call

    for module, name in ((pipeline, "scan"), (pipeline, "prepare"), (extract_module, "extract")):
        monkeypatch.setattr(module, name, probing(name, getattr(module, name)))
    login(client, "ani")
    for path in (samples / "daftar-penerima-bansos.pdf", _doc(tmp_path)):
        with path.open("rb") as fh:
            post(client, "/upload", {"file": (fh, path.name)}, content_type="multipart/form-data")
    while worker.run_one(app):
        pass
    assert {name for name, _ in held} >= {"scan", "extract"}
    assert [name for name, locked in held if locked] == []


@pytest.fixture
def short_busy_timeout(monkeypatch):
    original = store._sqlite_pragmas

    def pragmas(conn, record):
        original(conn, record)
        conn.execute("PRAGMA busy_timeout=300")

    monkeypatch.setattr(store, "_sqlite_pragmas", pragmas)


def test_a_read_request_does_not_wait_for_a_long_write(tmp_path, short_busy_timeout):
    from datetime import timedelta

    from sqlalchemy import update

    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, "ani")
    with app.extensions["reviewer.sessions"]() as s:
        s.execute(update(store.LoginSession).values(last_seen=store.utcnow() - timedelta(minutes=5)))
        s.commit()
    holder = sqlite3.connect(tmp_path / "instance" / "db.sqlite3", timeout=0, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert client.get("/documents.json").status_code == 200
        assert client.get("/").status_code == 200
    finally:
        holder.rollback()
        holder.close()
    client.get("/documents.json")  # once the lock is gone, the session is marked seen again
    with app.extensions["reviewer.sessions"]() as s:
        seen = s.scalar(select(store.LoginSession.last_seen))
    assert store.utcnow() - seen < timedelta(minutes=1)


# --- the review screen never lies: one drawn box is one redaction ------------------------------------

def test_one_drawn_box_is_one_redaction_with_one_label(app, client, samples):
    import json

    login(client, "ani")
    sha = upload(app, client, samples / "daftar-penerima-bansos.pdf")
    findings = client.get(f"/documents/{sha}.json").get_json()["findings"]
    nik = next(f for f in findings if f["label"] == "NIK")
    for f in findings:
        post(client, f"/documents/{sha}/findings/{f['id']}/decide", {"verdict": "keep"}, headers=JSON)
    x0, top, x1, bottom = nik["boxes"][0]
    res = post(client, f"/documents/{sha}/manual", {"page": 1, "x0": x0 - 1, "top": top - 1, "x1": x1 + 1,
                                                     "bottom": bottom + 1, "label": "NIK", "basis": "17h"},
               headers=JSON)
    assert res.status_code == 200
    assert post(client, f"/documents/{sha}/submit", headers=JSON).status_code == 200
    budi = client_of(app, "budi")
    assert post(budi, f"/documents/{sha}/approve", headers=JSON).status_code == 200
    log = json.loads(budi.get(f"/documents/{sha}/export/log-json").get_data(as_text=True))
    assert log["dokumen"]["jumlah_penghitaman"] == 1, log
    (row,) = log["penghitaman"]
    assert row["label"] == "NIK" and row["jumlah_kotak"] == 1, row
    assert log["dokumen"]["pemeriksaan"] and all(c.get("lulus", c.get("passed", True)) is not False
                                                 for c in log["dokumen"]["pemeriksaan"]), log["dokumen"]
    redacted = budi.get(f"/documents/{sha}/export/redacted").get_data()
    import fitz

    with fitz.open(stream=redacted, filetype="pdf") as pdf:
        assert nik["text"] not in pdf[0].get_text()


def test_the_submit_button_and_what_it_will_accept_follow_each_decision(app, client, tmp_path):
    login(client, "ani")
    sha = upload(app, client, _doc(tmp_path))
    with app.extensions["reviewer.sessions"]() as s:
        question = s.scalars(select(store.FindingRecord).where(store.FindingRecord.document_sha == sha)).first()
        question.action = "review"
        s.commit()
        question_id, label = question.id, question.label
    html = client.get(f"/documents/{sha}").get_data(as_text=True)
    assert re.search(r'id="submit-btn"\s+disabled', html)
    before = client.get(f"/documents/{sha}/pending.json").get_json()
    assert before["open_review"] == 1 and before["accept"]
    res = post(client, f"/documents/{sha}/findings/{question_id}/decide", {"verdict": "redact", "basis": "17h1"},
               headers=JSON).get_json()
    assert res["pending"] == {**before, "open_review": 0}  # the button enables at once; the list is the same
    assert res["finding"]["decision"]["basis"] == "17h1"
    html = client.get(f"/documents/{sha}").get_data(as_text=True)
    assert not re.search(r'id="submit-btn"\s+disabled', html) and "17h1" in html
    accepted = sum(a["count"] for a in before["accept"])
    assert post(client, f"/documents/{sha}/submit", headers=JSON).status_code == 200
    with app.extensions["reviewer.sessions"]() as s:
        notes = s.scalars(select(store.DecisionRecord.note).where(store.DecisionRecord.document_sha == sha)).all()
    assert sum(n == workflow.ACCEPTED_ON_SUBMIT for n in notes) == accepted
    assert label
