"""The review web UI: officers propose, reviewers approve, everything logged.

`create_app(test_config=None)` builds the app: instance folder for runtime state (database,
originals, page-image cache, secret key), one blueprint per area, Indonesian by default.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

MB = 1024 * 1024


def create_app(test_config: dict | None = None) -> Flask:
    from reviewer.core import officetime
    from reviewer.store import records as store

    test_config = test_config or {}
    instance = store.instance_dir(test_config.get("INSTANCE"))
    app = Flask(__name__, instance_path=str(instance), instance_relative_config=True)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(_defaults(instance))
    app.config.from_mapping(test_config)
    app.config.setdefault("TIMEZONE", app.config["SCAN_SETTINGS"].timezone)
    officetime.zone(app.config["TIMEZONE"])  # an unknown zone stops the start with a clear message
    app.debug = bool(test_config.get("DEBUG"))  # never from FLASK_DEBUG in the environment
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance)

    from webui import db, i18n, present, security, worker
    from webui.views import auth

    db.init_app(app)
    security.init_app(app)
    present.register(app)
    i18n.init_app(app)
    auth.init_app(app)
    _blueprints(app)
    _errors(app)
    if app.config["WORKER"]:
        worker.start(app)
    return app


def _defaults(instance: Path) -> dict:
    from reviewer.core.settings import from_env
    from reviewer.store import records as store

    env = os.environ.get
    return {
        "DATABASE_URL": store.database_url(instance),
        "ORIGINALS": str(instance / "originals"),
        "CACHE": str(instance / "cache"),
        "MAX_CONTENT_LENGTH": int(env("REVIEWER_MAX_UPLOAD_MB", "50")) * MB,
        "SESSION_COOKIE_SECURE": env("REVIEWER_SECURE_COOKIES", "1") != "0",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": env("REVIEWER_SECURE_COOKIES", "1") != "0",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the login session
        "SESSION_IDLE_MINUTES": int(env("REVIEWER_SESSION_IDLE_MINUTES", "480")),
        "SESSION_MAX_HOURS": int(env("REVIEWER_SESSION_MAX_HOURS", "24")),
        "LOGIN_LIMIT": env("REVIEWER_LOGIN_LIMIT", "10 per minute"),
        "RATELIMIT_STORAGE_URI": "memory://",
        "SCAN_SETTINGS": from_env(),
        "WORKER": True,
        "DEMO": False,
    }


def _secret_key(instance: Path) -> str:
    """From $REVIEWER_SECRET_KEY, else generated once into the instance folder (mode 0600)."""
    if os.environ.get("REVIEWER_SECRET_KEY"):
        return os.environ["REVIEWER_SECRET_KEY"]
    path = instance / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def _blueprints(app: Flask) -> None:
    from webui.views import admin, api, audit, auth, dik, documents, exports, review, sheets, units

    for module in (auth, documents, review, sheets, exports, audit, admin, api, units, dik):
        app.register_blueprint(module.bp)


def _errors(app: Flask) -> None:
    from flask import flash, jsonify, redirect, render_template, request, url_for
    from flask_babel import gettext, lazy_gettext
    from flask_wtf.csrf import CSRFError
    from sqlalchemy.exc import OperationalError

    def wants_json() -> bool:
        return request.path.endswith(".json") or request.path.startswith("/api/") \
            or request.accept_mimetypes.best == "application/json"

    def page(code: int, message: str):
        if wants_json():
            return jsonify({"error": message}), code
        return render_template("error.html", code=code, message=message), code

    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        return page(400, gettext("Formulir kedaluwarsa atau tidak sah; muat ulang halaman dan coba lagi"))

    @app.errorhandler(413)
    def too_large(exc):
        limit = app.config["MAX_CONTENT_LENGTH"] // MB
        if wants_json():
            return page(413, gettext("Berkas lebih dari %(limit)s MB", limit=limit))
        flash(gettext("Berkas terlalu besar (maksimal %(limit)s MB)", limit=limit), "error")
        return redirect(url_for("documents.index"))

    @app.errorhandler(OperationalError)
    def database_unavailable(exc):
        from flask import g

        app.logger.error("database unavailable: %s", exc)
        if g.get("db") is not None:
            g.db.rollback()  # the error page reads the user again
        return page(503, gettext("Basis data sedang sibuk atau tidak tersedia; tidak ada yang disimpan, coba lagi"))

    @app.errorhandler(OverflowError)
    def out_of_range(exc):  # a number too large for the database (`?page=99999999999999999999`)
        from flask import g

        if g.get("db") is not None:
            g.db.rollback()
        return page(400, gettext("Angka di luar jangkauan"))

    for code, message in ((400, lazy_gettext("Permintaan tidak sah")),
                          (403, lazy_gettext("Anda tidak berhak melakukan ini")),
                          (404, lazy_gettext("Tidak ditemukan")),
                          (429, lazy_gettext("Terlalu banyak percobaan; tunggu sebentar")),
                          (500, lazy_gettext("Galat server; sudah dicatat"))):
        app.register_error_handler(code, _handler(page, code, message))


def _handler(page, code: int, message: str):
    def handle(exc):
        custom = getattr(exc, "description", None)
        from webui.i18n import one_language

        return page(code, one_language(custom) if custom and custom != type(exc).description else str(message))
    return handle
