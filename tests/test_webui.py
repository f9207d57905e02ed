import json

import pytest
from sqlalchemy import select

from reviewer.store import records as store
from tests.webui_helpers import app, client, csrf, login, make_app, migrate, post, upload  # noqa: F401


def test_login_required_and_json_twins_say_401(client):
    assert client.get("/").status_code == 302
    res = client.get("/documents.json")
    assert res.status_code == 401 and "masuk" in res.get_json()["error"]


def test_login_wrong_password_then_right(client):
    token = csrf(client)
    res = client.post("/login", data={"username": "ani", "password": "salah", "csrf_token": token})
    assert res.status_code == 200 and "salah" in res.get_data(as_text=True)
    login(client, "ani")
    assert "Ani" in client.get("/").get_data(as_text=True)


def test_login_is_rate_limited(tmp_path):
    app = make_app(tmp_path / "i", LOGIN_LIMIT="3 per minute")
    client = app.test_client()
    token = csrf(client)
    codes = [client.post("/login", data={"username": "ani", "password": "x", "csrf_token": token}).status_code
             for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_forms_without_csrf_token_are_refused(client, samples):
    login(client, "ani")
    with (samples / "laporan-kejadian.txt").open("rb") as fh:
        res = client.post("/upload", data={"file": (fh, "x.txt")}, content_type="multipart/form-data")
    assert res.status_code == 400 and "Formulir kedaluwarsa" in res.get_data(as_text=True)
    assert client.post("/logout").status_code == 400


def test_session_cookie_is_secure_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("REVIEWER_SECURE_COOKIES", raising=False)
    app = make_app(tmp_path / "i")
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["SESSION_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax" and not app.debug


def test_secret_key_generated_into_instance(tmp_path, monkeypatch):
    from webui import create_app

    monkeypatch.delenv("REVIEWER_SECRET_KEY", raising=False)
    (tmp_path / "i").mkdir()
    migrate(store.database_url(tmp_path / "i"))
    app = create_app({"INSTANCE": str(tmp_path / "i"), "WORKER": False})
    key = (tmp_path / "i" / "secret_key")
    assert app.config["SECRET_KEY"] == key.read_text().strip() and len(app.config["SECRET_KEY"]) == 64
    assert oct(key.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("name, body, message", [
    ("kosong.pdf", b"", "kosong"),
    ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(range(256)) * 4, "tidak didukung"),
    ("arsip.docx", b"PK\x03\x04" + b"\x00" * 40, "zip"),
    ("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".docx"),
])
def test_bad_uploads_are_refused_by_content(app, client, name, body, message, tmp_path):
    login(client, "ani")
    f = tmp_path / name
    f.write_bytes(body)
    with f.open("rb") as fh:
        res = post(client, "/upload", {"file": (fh, name)}, content_type="multipart/form-data",
                   follow_redirects=True)
    assert message in res.get_data(as_text=True)
    with app.extensions["reviewer.sessions"]() as s:
        assert s.scalars(select(store.DocumentRecord)).all() == []
    assert not any((tmp_path / "instance" / "originals").glob("*/*"))


def test_upload_with_a_pdf_name_is_checked_by_content(app, client, samples):
    login(client, "ani")
    sha = upload(app, client, samples / "laporan-kejadian.txt", "laporan.pdf")
    doc = client.get(f"/documents/{sha}.json").get_json()["document"]
    assert doc["kind"] == "txt" and doc["status"] == "needs_review"


def test_corrupt_pdf_gets_a_clear_message(app, client, tmp_path):
    login(client, "ani")
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage that is not a pdf")
    sha = upload(app, client, bad)
    html = client.get(f"/documents/{sha}").get_data(as_text=True)
    assert "gagal dibaca" in html and "PDF rusak" in html and "Traceback" not in html


def test_too_large_upload(tmp_path, samples):
    app = make_app(tmp_path / "i", MAX_CONTENT_LENGTH=1000)
    client = app.test_client()
    login(client, "ani")
    with (samples / "daftar-penerima-bansos.pdf").open("rb") as fh:
        res = post(client, "/upload", {"file": (fh, "besar.pdf")}, content_type="multipart/form-data",
                   follow_redirects=True)
    assert "terlalu besar" in res.get_data(as_text=True)


def test_same_file_twice_is_one_document(app, client, samples):
    login(client, "ani")
    a = upload(app, client, samples / "laporan-kejadian.txt")
    b = upload(app, client, samples / "laporan-kejadian.txt", "salinan.txt")
    assert a == b and len(client.get("/documents.json").get_json()["documents"]) == 1


def test_review_page_shows_boxes_per_finding(app, client, samples):
    login(client, "ani")
    sha = upload(app, client, samples / "daftar-penerima-bansos.pdf")
    data = client.get(f"/documents/{sha}.json").get_json()
    niks = [f for f in data["findings"] if f["label"] == "NIK"]
    assert niks and all(f["boxes"] for f in niks)
    html = client.get(f"/documents/{sha}?page=1").get_data(as_text=True)
    for f in niks:
        assert f'class="box state-pending lbl-NIK" href="#f-{f["id"]}"' in html
    keep = [f for f in data["findings"] if f["action"] == "keep"]
    assert keep and "box state-keep-suggested" in html
    image = client.get(f"/documents/{sha}/pages/1.png")
    assert image.status_code == 200 and image.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get(f"/documents/{sha}/pages/9.png").status_code == 404


def test_text_documents_are_shown_as_text_with_highlights(app, client, samples):
    login(client, "ani")
    sha = upload(app, client, samples / "laporan-kejadian.txt")
    html = client.get(f"/documents/{sha}").get_data(as_text=True)
    assert 'id="page-text"' in html and 'id="page-wrap"' not in html
    assert 'class="hl state-pending lbl-NIK"' in html and ">3209120708750001</mark>" in html


def _finding(client, sha, label):
    return next(f for f in client.get(f"/documents/{sha}.json").get_json()["findings"] if f["label"] == label)


def test_decide_change_basis_adjust_span_and_history(app, client, samples):
    login(client, "ani")
    sha = upload(app, client, samples / "laporan-kejadian.txt")
    f = _finding(client, sha, "DATE_OF_BIRTH")
    url = f"/documents/{sha}/findings/{f['id']}/decide"
    assert post(client, url, {"verdict": "redact", "basis": "17h2", "note": "data pribadi"}).status_code == 302
    res = post(client, url, {"verdict": "redact", "start": f["start"] + 9, "end": f["end"]},
               headers={"Accept": "application/json"})
    body = res.get_json()
    assert body["ok"] and body["finding"]["decision"]["text"] == f["text"][9:]
    post(client, "/logout")
    login(client, "andi")
    post(client, url, {"verdict": "keep", "note": "sudah publik"})
    now = _finding(client, sha, "DATE_OF_BIRTH")["decision"]
    assert now["verdict"] == "keep" and now["by"] == "Andi"
    events = [e for e in client.get(f"/documents/{sha}/audit.json").get_json()["events"] if e["action"] == "decision"]
    assert [e["after"]["verdict"] for e in reversed(events)] == ["redact", "redact", "keep"]
    assert events[0]["before"]["verdict"] == "redact" and events[-1]["after"]["basis"] == "17h2"


def test_bad_decisions_are_refused(app, client, samples):
    login(client, "ani")
    sha = upload(app, client, samples / "laporan-kejadian.txt")
    f = _finding(client, sha, "NIK")
    url = f"/documents/{sha}/findings/{f['id']}/decide"
    for data in ({"verdict": "maybe"}, {"verdict": "redact", "basis": "pasal 99"},
                 {"verdict": "redact", "start": 5, "end": 100000}):
        res = post(client, url, data, headers={"Accept": "application/json"})
        assert res.status_code == 400 and not res.get_json()["ok"]
    assert _finding(client, sha, "NIK")["decision"] is None
    assert post(client, f"/documents/{sha}/findings/999999/decide", {"verdict": "redact"}).status_code == 404


def test_apply_to_all_occurrences_adds_the_undetected_ones(app, client, tmp_path):
    login(client, "ani")
    doc = tmp_path / "surat.txt"
    # no role word before the name: nothing finds it (the tests run without NER) until a person marks it
    doc.write_text("Surat ini ditulis Sutrisno Wibowo, NIK 3209120708750001.\nKemudian Sutrisno Wibowo lari.\n"
                   "\fHalaman dua: sutrisno wibowo kembali.\n")
    sha = upload(app, client, doc)
    nik = _finding(client, sha, "NIK")
    page = client.get(f"/documents/{sha}/pages/1.json").get_json()
    start = page["text"].index("Sutrisno")
    post(client, f"/documents/{sha}/manual", {"page": 1, "start": start, "end": start + 15, "label": "PERSON",
                                               "basis": "17h"})
    person = _finding(client, sha, "PERSON")
    res = post(client, f"/documents/{sha}/findings/{person['id']}/decide", {"verdict": "redact", "all": "1"},
               follow_redirects=True)
    assert "3 kemunculan" in res.get_data(as_text=True)
    persons = [f for f in client.get(f"/documents/{sha}.json").get_json()["findings"] if f["label"] == "PERSON"]
    assert sorted(f["page"] for f in persons) == [1, 1, 2]
    assert all(f["decision"]["verdict"] == "redact" for f in persons)
    assert _finding(client, sha, "NIK")["id"] == nik["id"]


def test_apply_to_every_mention_of_a_person_uses_the_entity_not_the_string(app, client, tmp_path):
    login(client, "ani")
    doc = tmp_path / "putusan.txt"
    doc.write_text("Menimbang, bahwa Terdakwa Rina Wulandari Als OCHA ditahan. Saksi Bagus Pratama melihat OCHA.\n"
                   "Kemudian RINA WULANDARI pulang; Bagus Pratama tinggal.\n")
    sha = upload(app, client, doc)
    persons = [f for f in client.get(f"/documents/{sha}.json").get_json()["findings"] if f["label"] == "PERSON"]
    rina = [f for f in persons if f["text"].lower().replace("ocha", "rina wulandari") == "rina wulandari"]
    assert len(rina) == 4 and len({f["entity"] for f in rina}) == 1 and rina[0]["entity"]
    res = post(client, f"/documents/{sha}/findings/{rina[0]['id']}/decide",
               {"verdict": "keep", "entity": "1", "note": "sudah dipublikasikan"}, follow_redirects=True)
    assert "4 sebutan orang ini" in res.get_data(as_text=True)
    after = {f["id"]: f for f in client.get(f"/documents/{sha}.json").get_json()["findings"]}
    assert all(after[f["id"]]["decision"]["verdict"] == "keep" for f in rina)
    assert all(after[f["id"]]["decision"] is None for f in persons if f not in rina)  # Bagus: another person
    events = [e for e in client.get(f"/documents/{sha}/audit.json").get_json()["events"] if e["action"] == "decision"]
    assert len(events) == 4
    start = client.get(f"/documents/{sha}/pages/1.json").get_json()["text"].index("Menimbang")
    post(client, f"/documents/{sha}/manual", {"page": 1, "start": start, "end": start + 9, "label": "PERSON",
                                               "basis": "17h"})
    manual = next(f for f in client.get(f"/documents/{sha}.json").get_json()["findings"] if f["source"] == "manual")
    lone = post(client, f"/documents/{sha}/findings/{manual['id']}/decide", {"verdict": "keep", "entity": "1"},
                headers={"Accept": "application/json"})
    assert lone.status_code == 400 and "tidak terkait" in lone.get_json()["message"]


def test_manual_box_on_a_pdf_page(app, client, samples):
    login(client, "ani")
    sha = upload(app, client, samples / "daftar-penerima-bansos.pdf")
    nik = _finding(client, sha, "NIK")
    x0, top, x1, bottom = nik["boxes"][0]
    res = post(client, f"/documents/{sha}/manual", {"page": 1, "x0": x0 - 1, "top": top - 1, "x1": x1 + 1,
                                                     "bottom": bottom + 1, "label": "NIK", "basis": "17j"})
    assert res.status_code == 302
    manual = [f for f in client.get(f"/documents/{sha}.json").get_json()["findings"] if f["source"] == "manual"]
    assert len(manual) == 1 and manual[0]["text"] == nik["text"] and manual[0]["decision"]["verdict"] == "redact"
    res = post(client, f"/documents/{sha}/manual", {"page": 1, "x0": 5, "top": 5, "x1": 5.5, "bottom": 5.5},
               follow_redirects=True)
    assert "terlalu kecil" in res.get_data(as_text=True)


def test_submit_needs_review_findings_decided_and_records_accepted_suggestions(app, client, tmp_path):
    login(client, "ani")
    doc = tmp_path / "a.txt"
    doc.write_text("NIK 3209120708750001 milik pelapor.\n")
    sha = upload(app, client, doc)
    with app.extensions["reviewer.sessions"]() as s:
        f = s.scalars(select(store.FindingRecord)).first()
        f.action = "review"
        s.commit()
    res = post(client, f"/documents/{sha}/submit", follow_redirects=True)
    assert "belum diputuskan" in res.get_data(as_text=True)
    assert client.get(f"/documents/{sha}.json").get_json()["document"]["status"] == "needs_review"
    f = _finding(client, sha, "NIK")
    post(client, f"/documents/{sha}/findings/{f['id']}/decide", {"verdict": "redact"})
    post(client, f"/documents/{sha}/submit")
    assert client.get(f"/documents/{sha}.json").get_json()["document"]["status"] == "awaiting_approval"


def test_submit_records_undecided_suggestions_in_the_submitters_name(app, client, samples):
    login(client, "ani")
    sha = upload(app, client, samples / "laporan-kejadian.txt")
    post(client, f"/documents/{sha}/submit")
    findings = client.get(f"/documents/{sha}.json").get_json()["findings"]
    assert all(f["decision"]["by"] == "Ani" for f in findings)
    assert all(f["decision"]["verdict"] == ("keep" if f["action"] == "keep" else "redact") for f in findings)


def test_json_twins(app, client, samples):
    login(client, "root")
    sha = upload(app, client, samples / "formulir-permohonan.docx")
    listing = client.get("/documents.json?status=needs_review&label=EMAIL").get_json()
    row = listing["documents"][0]
    assert row["sha256"] == sha and row["label_counts"]["EMAIL"] == 2 and row["status_name"] == "perlu ditinjau"
    assert client.get("/documents.json?status=approved").get_json()["documents"] == []
    assert client.get("/documents.json?q=gmail").get_json()["documents"][0]["sha256"] == sha
    assert client.get("/documents.json?q=tidakada").get_json()["documents"] == []
    page = client.get(f"/documents/{sha}/pages/1.json").get_json()
    assert page["width"] is None and "rudi.hartono87@gmail.com" in page["text"]
    assert client.get(f"/documents/{sha}/audit.json").get_json()["events"][-1]["action"] == "uploaded"
    assert client.get(f"/documents/{sha}/status.json").get_json()["pages_done"] == 1
    assert client.get(f"/documents/{sha}/decisions.json").get_json()["decisions"] == []
    admin = client.get("/admin.json").get_json()
    assert {u["username"] for u in admin["users"]} >= {"ani", "budi", "root"}
    assert "17j" in admin["box_labels"]
    assert client.get("/audit.json").get_json()["events"]
    lines = client.get("/audit.jsonl").get_data(as_text=True).splitlines()
    assert json.loads(lines[0])["action"] == "user_added"
    assert client.get("/documents/" + "0" * 64 + ".json").status_code == 404


def test_restart_resumes_queued_and_interrupted_work(tmp_path, samples):
    from reviewer.store import jobs
    from webui import worker

    app = make_app(tmp_path / "i")
    client = app.test_client()
    login(client, "ani")
    with (samples / "laporan-kejadian.txt").open("rb") as fh:
        post(client, "/upload", {"file": (fh, "a.txt")}, content_type="multipart/form-data")
    with (samples / "formulir-permohonan.docx").open("rb") as fh:
        post(client, "/upload", {"file": (fh, "b.docx")}, content_type="multipart/form-data")
    with app.extensions["reviewer.sessions"]() as s:
        job = jobs.claim(s, f"{jobs.worker_name().rsplit(':', 1)[0]}:999999999")  # a process that died
        assert job is not None
    from webui import create_app

    again = create_app({**app.config, "WORKER": False})
    with again.extensions["reviewer.sessions"]() as s:
        assert jobs.requeue_dead(s) == 1
    while worker.run_one(again):
        pass
    statuses = [d["status"] for d in again.test_client().get("/documents.json").get_json().get("documents", [])] \
        or None
    with again.extensions["reviewer.sessions"]() as s:
        assert [d.status for d in s.scalars(select(store.DocumentRecord))] == ["needs_review", "needs_review"]
    assert statuses is None  # not logged in on the new client


def test_language_switch(client):
    login(client, "ani")
    assert "Keluar" in client.get("/").get_data(as_text=True)
    post(client, "/lang/en")
    html = client.get("/").get_data(as_text=True)
    assert "Log out" in html and "Upload and scan" in html


def test_every_template_message_has_an_english_translation():
    from pathlib import Path

    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parent.parent / "webui"
    with (root / "translations/en/LC_MESSAGES/messages.po").open("rb") as fh:
        catalog = read_po(fh)
    methods = [("templates/**.html", "jinja2"), ("**.py", "python")]  # templates, and the flash messages
    for *_, message, _comments, _context in extract_from_dir(root, method_map=methods):
        key = message[0] if isinstance(message, tuple) else message
        assert catalog.get(key) is not None and catalog.get(key).string, key


def test_people_deciding_at_once_lose_nothing(database_url, tmp_path, samples):
    """Runs on SQLite and PostgreSQL: concurrent decisions on one finding are all kept, the last counts."""
    from concurrent.futures import ThreadPoolExecutor

    app = make_app(tmp_path / "i", DATABASE_URL=database_url)
    clients = [app.test_client() for _ in range(6)]
    for i, c in enumerate(clients):
        login(c, ("ani", "andi", "budi")[i % 3])
    sha = upload(app, clients[0], samples / "laporan-kejadian.txt")
    nik = _finding(clients[0], sha, "NIK")
    url = f"/documents/{sha}/findings/{nik['id']}/decide"
    tokens = [csrf(c, "/") for c in clients]

    def decide(i):
        c = clients[i % len(clients)]
        verdict = "redact" if i % 2 else "keep"
        return c.post(url, data={"verdict": verdict, "note": f"n{i}", "csrf_token": tokens[i % len(clients)]},
                      headers={"Accept": "application/json"}).status_code

    with ThreadPoolExecutor(6) as pool:
        codes = list(pool.map(decide, range(24)))
    assert codes == [200] * 24
    events = [e for e in clients[0].get(f"/documents/{sha}/audit.json").get_json()["events"]
              if e["action"] == "decision"]
    assert sorted(e["after"]["note"] for e in events) == sorted(f"n{i}" for i in range(24))
    assert _finding(clients[0], sha, "NIK")["decision"]["note"] == events[0]["after"]["note"]
    app.extensions["reviewer.engine"].dispose()


def test_the_app_never_migrates_the_database_itself(tmp_path):
    """Migrations are an explicit step (`reviewer db upgrade`, which the demo runs); an app on an empty or
    old database refuses with what to run, and leaves the database as it was."""
    from sqlalchemy import inspect

    from reviewer.core.errors import SchemaError
    from webui import create_app

    url = f"sqlite:///{tmp_path / 'kosong.sqlite3'}"
    with pytest.raises(SchemaError, match="reviewer db upgrade"):
        create_app({"INSTANCE": str(tmp_path / "i"), "WORKER": False, "DATABASE_URL": url})
    assert inspect(store.make_engine(url)).get_table_names() == []
    migrate(url)
    assert create_app({"INSTANCE": str(tmp_path / "i"), "WORKER": False, "DATABASE_URL": url})
