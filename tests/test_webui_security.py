"""Web security: every route × every role, CSRF on every state-changing route, session fixation,
security headers, uploads with hostile names and contents, production configuration."""

import re

import pytest
from sqlalchemy import func, select

from reviewer.review import accounts, workflow
from reviewer.store import records as store
from tests.webui_helpers import app, client, csrf, login, make_app, migrate, post, upload  # noqa: F401

OFFICER, REVIEWER, ADMIN = "ani", "budi", "root"
IDENTITIES = {"anonymous": None, "petugas": OFFICER, "penyetuju": REVIEWER, "admin": ADMIN}
PUBLIC = {"auth.login", "static", "i18n.set_language"}
TOKEN_ONLY = "api."  # the REST API: bearer tokens, never cookies


def _text_doc(tmp_path, i: int):
    path = tmp_path / f"surat-{i}.txt"
    path.write_text(f"Surat {i}. Pemohon Sutrisno, NIK 3209120708750001, telepon 0812-2345-{i:04d}.\n")
    return path


def _world(tmp_path, samples, proposer_of_own: str | None = None):
    """An app with documents in every state: open, awaiting approval (by the officer, and by
    `proposer_of_own`), approved. Returns (app, {name: sha})."""
    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, OFFICER)
    shas = {name: upload(app, client, _text_doc(tmp_path, i), f"{name}.txt")
            for i, name in enumerate(("open", "approve", "return", "own", "approved"))}
    with app.extensions["reviewer.sessions"]() as s:
        officer, reviewer = accounts.get(s, OFFICER), accounts.get(s, "bayu")
        for name in ("approve", "return", "own", "approved"):
            who = accounts.get(s, proposer_of_own) if name == "own" and proposer_of_own else officer
            workflow.submit(s, who, s.get(store.DocumentRecord, shas[name]))
        workflow.approve(s, reviewer, s.get(store.DocumentRecord, shas["approved"]))
        s.commit()
    return app, shas


def _finding_id(app, sha: str) -> int:
    with app.extensions["reviewer.sessions"]() as s:
        return s.scalar(select(store.FindingRecord.id).where(store.FindingRecord.document_sha == sha).limit(1))


def _url(rule, shas: dict, app) -> str:
    """A concrete URL for a rule, pointing at the document in the state the route needs."""
    endpoint = rule.endpoint
    sha = shas["approved"] if endpoint.startswith("exports.") else shas["open"]
    if endpoint == "review.step":
        sha = shas["approve"]
    values = {"sha": sha, "finding_id": _finding_id(app, sha), "number": 1, "what": "log", "username": "andi",
              "term_id": 999999, "code": "en", "filename": "style.css", "step": "approve"}
    args = {}
    for name in rule.arguments:
        converter, value = rule._converters.get(name), values.get(name, "x")
        choices = sorted(getattr(converter, "items", ()) or ())
        if choices and value not in choices:
            value = choices[0]
        elif type(converter).__name__ == "IntegerConverter" and not isinstance(value, int):
            value = 1
        args[name] = value
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **args)


def _routes(app):
    return sorted((r for r in app.url_map.iter_rules()), key=lambda r: r.rule)


# Who may use a route: every role (documents are shared across the agency unless units scope them),
# or admins only. Refusals must be 403; anything else must not be a 403 nor a server error.
ADMIN_ONLY = {"admin.index", "admin.index_json", "admin.add_user", "admin.change_user", "admin.add_term",
              "admin.delete_term", "admin.set_labels", "admin.passages", "audit.everything", "audit.all_json",
              "audit.export", "audit.export_csv"}
OPEN_TO_ALL_ROLES = {"documents", "review", "exports", "audit", "auth"}
# POST routes whose refusal depends on the document state or the two-person rule.
STEP_EXPECTED = {"petugas": 403, "penyetuju": None, "admin": None}


@pytest.mark.parametrize("identity", list(IDENTITIES))
def test_every_route_for_every_role(tmp_path, samples, identity):
    app, shas = _world(tmp_path, samples)
    client = app.test_client()
    if IDENTITIES[identity]:
        login(client, IDENTITIES[identity])
    token = csrf(client, "/")
    seen = []
    for rule in _routes(app):
        url = _url(rule, shas, app)
        for method in sorted(rule.methods & {"GET", "POST"}):
            res = client.get(url) if method == "GET" else client.post(url, data={"csrf_token": token})
            code, where = res.status_code, f"{method} {url} as {identity}"
            seen.append(rule.endpoint)
            assert code < 500, where
            if rule.endpoint in PUBLIC:
                continue
            if rule.endpoint.startswith(TOKEN_ONLY):
                assert code == 401, where  # a session cookie is not an API token
            elif identity == "anonymous":
                assert code in (302, 401), where
                assert code == 401 or "/login" in res.headers["Location"], where
            elif rule.endpoint in ADMIN_ONLY:
                assert (code == 403) == (identity != "admin"), where
            elif rule.endpoint == "review.step":
                assert (code == 403) == (STEP_EXPECTED[identity] == 403), where
            elif rule.endpoint.split(".")[0] in OPEN_TO_ALL_ROLES:
                assert code != 403, where
            # other blueprints (units, DIK) scope by unit membership and have their own matrix tests
    assert {"review.decide", "exports.download", "admin.set_labels", "audit.export"} <= set(seen)


def test_two_person_rule_through_every_door(tmp_path, samples):
    """A reviewer who proposed a document can neither approve nor return it, by form or by JSON."""
    app, shas = _world(tmp_path, samples, proposer_of_own=REVIEWER)
    client = app.test_client()
    login(client, REVIEWER)
    for step in ("approve", "return"):
        res = post(client, f"/documents/{shas['own']}/{step}", {"note": "saya sendiri"},
                   headers={"Accept": "application/json"})
        assert res.status_code == 403 and "dua orang" in res.get_json()["error"]
    with app.extensions["reviewer.sessions"]() as s:
        assert s.get(store.DocumentRecord, shas["own"]).status == "awaiting_approval"
    post(client, "/logout")
    login(client, "bayu")
    assert post(client, f"/documents/{shas['own']}/approve").status_code == 302


def _state(app):
    with app.extensions["reviewer.sessions"]() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m))
                for m in (store.Event, store.DecisionRecord, store.DocumentRecord, store.Term, store.User)}


def test_every_state_changing_route_needs_the_csrf_token(tmp_path, samples):
    app, shas = _world(tmp_path, samples)
    client = app.test_client()
    login(client, ADMIN)
    before = _state(app)
    posts = [r for r in _routes(app) if "POST" in r.methods and not r.endpoint.startswith(TOKEN_ONLY)
             and r.endpoint not in ("auth.login", "i18n.set_language")]
    assert len(posts) >= 10
    for rule in posts:
        url = _url(rule, shas, app)
        for token in (None, "forged", csrf(app.test_client(), "/login")):  # another browser's token
            data = {"verdict": "redact", "username": "x", "password": "sandi-x-12345", "role": "admin",
                    "kind": "allow", "value": "x", "what": "disable", "note": "x"}
            if token:
                data["csrf_token"] = token
            res = client.post(url, data=data)
            assert res.status_code == 400 and "Formulir kedaluwarsa" in res.get_data(as_text=True), (url, token)
    assert _state(app) == before
    assert "GET" not in app.url_map.bind("localhost").match("/logout", method="POST", return_rule=True)[0].methods


def test_login_form_itself_needs_the_csrf_token(client):
    res = client.post("/login", data={"username": OFFICER, "password": "sandi-ani-123"})
    assert res.status_code == 400 and "Formulir kedaluwarsa" in res.get_data(as_text=True)


def test_session_is_renewed_at_login_and_cleared_at_logout(app, client):
    before_token = csrf(client)
    planted = client.get_cookie("session").value  # what a fixation attacker would have planted
    login(client, OFFICER)
    after = client.get_cookie("session").value
    assert after != planted and csrf(client, "/") != before_token
    other = app.test_client()
    other.set_cookie("session", planted)
    assert other.get("/documents.json").status_code == 401  # the planted session stays anonymous
    stolen = after
    post(client, "/logout")
    assert client.get("/documents.json").status_code == 401
    assert client.get_cookie("session") is None or client.get_cookie("session").value != stolen


def test_logout_ends_every_copy_of_the_session_cookie(app, client):
    login(client, OFFICER)
    copy = app.test_client()
    copy.set_cookie("session", client.get_cookie("session").value)  # e.g. taken from a shared PC
    assert copy.get("/documents.json").status_code == 200
    post(client, "/logout")
    assert copy.get("/documents.json").status_code == 401
    again = app.test_client()
    login(again, OFFICER)  # logging in again opens a new session; the old copy stays dead
    assert again.get("/documents.json").status_code == 200
    assert copy.get("/documents.json").status_code == 401


@pytest.mark.parametrize("column, ago", [("last_seen", {"minutes": 481}), ("created_at", {"hours": 25})])
def test_sessions_expire_when_idle_or_old(app, client, column, ago):
    from datetime import timedelta

    from reviewer.store import records as store

    login(client, OFFICER)
    assert client.get("/documents.json").status_code == 200
    with app.extensions["reviewer.sessions"]() as session:
        (row,) = session.query(store.LoginSession).all()
        setattr(row, column, store.utcnow() - timedelta(**ago))
        session.commit()
    assert client.get("/documents.json").status_code == 401


def test_session_rows_hold_no_usable_token(app, client):
    from reviewer.store import records as store

    login(client, OFFICER)
    cookie = client.get_cookie("session").value
    with app.extensions["reviewer.sessions"]() as session:
        (row,) = session.query(store.LoginSession).all()
        assert row.token_hash not in cookie and len(row.token_hash) == 64 and row.ended_at is None


def test_password_change_ends_old_sessions(app, client):
    login(client, OFFICER)
    assert client.get("/documents.json").status_code == 200
    admin = app.test_client()
    login(admin, ADMIN)
    assert post(admin, f"/admin/users/{OFFICER}", {"what": "password", "password": "sandi-baru-12345"}
                ).status_code == 302
    assert client.get("/documents.json").status_code == 401


def test_disabled_account_loses_its_session_at_once(app, client):
    login(client, OFFICER)
    admin = app.test_client()
    login(admin, ADMIN)
    post(admin, f"/admin/users/{OFFICER}", {"what": "disable"})
    assert client.get("/documents.json").status_code == 401


HEADER_PATHS = ["/login", "/", "/documents.json", "/static/style.css", "/tidak-ada", "/admin/"]


@pytest.mark.parametrize("path", HEADER_PATHS)
def test_security_headers_everywhere(app, client, path):
    login(client, OFFICER)
    res = client.get(path)
    csp = res.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "unsafe-eval" not in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert res.headers["X-Content-Type-Options"] == "nosniff"
    assert res.headers["X-Frame-Options"] == "DENY"
    assert res.headers["Referrer-Policy"] == "same-origin"
    if path != "/static/style.css":
        assert "public" not in res.headers.get("Cache-Control", "") and res.headers.get("Cache-Control")


def test_no_inline_scripts_in_templates():
    """The CSP forbids inline scripts: a template that relies on one would silently break."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "webui" / "templates"
    for template in root.rglob("*.html"):
        html = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), template
        assert not re.search(r"\son[a-z]+\s*=", html), template
        assert "javascript:" not in html, template


def test_page_images_are_not_cached_by_shared_caches(app, client, samples):
    login(client, OFFICER)
    sha = upload(app, client, samples / "daftar-penerima-bansos.pdf")
    res = client.get(f"/documents/{sha}/pages/1.png")
    assert res.status_code == 200 and res.mimetype == "image/png"
    assert "private" in res.headers["Cache-Control"] and "public" not in res.headers["Cache-Control"]


def test_production_config_never_debug_and_secrets_from_the_environment(tmp_path, monkeypatch):
    from webui import create_app

    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.setenv("REVIEWER_SECRET_KEY", "dari-lingkungan-" + "x" * 40)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    monkeypatch.delenv("REVIEWER_SECURE_COOKIES", raising=False)
    migrate(f"sqlite:///{tmp_path / 'env.sqlite3'}")
    app = create_app({"INSTANCE": str(tmp_path / "i"), "WORKER": False})
    assert not app.debug and not app.testing and not app.config["PROPAGATE_EXCEPTIONS"]
    assert app.config["SECRET_KEY"] == "dari-lingkungan-" + "x" * 40
    assert not (tmp_path / "i" / "secret_key").exists()
    assert app.config["DATABASE_URL"].endswith("env.sqlite3") and (tmp_path / "env.sqlite3").exists()
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]


def test_serve_uses_waitress_not_the_debug_server(tmp_path, monkeypatch):
    import waitress
    from click.testing import CliRunner

    from webui import worker
    from webui.cli import serve

    seen = {}
    monkeypatch.setattr(worker, "start", lambda app: None)
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = CliRunner().invoke(serve, ["--instance", str(tmp_path / "i")])
    assert result.exit_code == 1 and "reviewer db upgrade" in result.output and not seen  # never migrates itself
    assert result.exception is None or isinstance(result.exception, SystemExit)
    from reviewer.cli import cli

    assert CliRunner().invoke(cli, ["db", "upgrade", "--instance", str(tmp_path / "i")]).exit_code == 0
    result = CliRunner().invoke(serve, ["--instance", str(tmp_path / "i")])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and not seen["app"].debug


def test_no_secrets_in_the_source():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in list((root / "webui").rglob("*.py")) + list((root / "reviewer").rglob("*.py")):
        text = path.read_text()
        assert not re.search(r"SECRET_KEY['\"]?\s*[:=]\s*['\"][^'\"]+['\"]", text), path
        assert not re.search(r"postgres(ql)?://\w+:\w+@", text), path


@pytest.mark.parametrize("raw, shown", [
    ("../../../etc/passwd", "passwd"),
    ("..\\..\\Windows\\win.ini", "Windowswin.ini"),  # the multipart parser drops the backslashes
    ("/abs/path/surat.txt", "surat.txt"),
    ("surat\u202efdp.exe", "surat fdp.exe"),
    ("\u200bnol\u200d.txt", "nol .txt"),
    ("..", "dokumen.txt"),
    (".htaccess", "htaccess"),
    ("Cafe\u0301 \u65e5\u672c.txt", "Caf\u00e9 \u65e5\u672c.txt"),
    ("<script>alert(1)</script>.txt", "script>.txt"),
    ("<img src=x onerror=alert(1)>.txt", "<img src=x onerror=alert(1)>.txt"),
    ("a" * 400 + ".txt", "a" * 196 + ".txt"),
])
def test_upload_names_are_stored_safely(app, client, tmp_path, raw, shown):
    login(client, OFFICER)
    path = tmp_path / "isi.txt"
    path.write_text(f"Dokumen {len(raw)} NIK 3209120708750001\n")
    sha = upload(app, client, path, raw)
    with app.extensions["reviewer.sessions"]() as s:
        assert s.get(store.DocumentRecord, sha).filename == shown
    html = client.get("/").get_data(as_text=True)
    assert "<img src=x" not in html and "\u202e" not in html
    originals = tmp_path / "instance" / "originals"
    assert [p.name for p in originals.rglob("*") if p.is_file()] == [sha]


def test_display_name_drops_folders_of_every_kind():
    from reviewer.core.filenames import display_name

    assert display_name("C:\\Users\\ani\\surat.pdf") == "surat.pdf"
    assert display_name("arsip.zip!../../x/../surat.pdf") == "surat.pdf"
    assert display_name("\u0000\u0007") == "dokumen"
    assert display_name("nama\nbaru\r\n.txt") == "nama baru .txt"


def test_hostile_text_content_is_shown_as_text(app, client, tmp_path):
    login(client, OFFICER)
    path = tmp_path / "x.txt"
    path.write_text('<script>alert("x")</script><img src=x onerror=alert(1)> NIK 3209120708750001\n')
    sha = upload(app, client, path, "laporan.html")
    html = client.get(f"/documents/{sha}").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def test_export_names_of_odd_filenames_are_safe_headers(tmp_path, samples):
    app, shas = _world(tmp_path, samples)
    with app.extensions["reviewer.sessions"]() as s:
        s.get(store.DocumentRecord, shas["approved"]).filename = "berita\u00a0acara \u65e5\u672c \"x\".txt"
        s.commit()
    client = app.test_client()
    login(client, OFFICER)
    res = client.get(f"/documents/{shas['approved']}/export/redacted")
    assert res.status_code == 200
    disposition = res.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "\n" not in disposition and "/" not in disposition
