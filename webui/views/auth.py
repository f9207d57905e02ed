"""Log in and out. Flask-Login sessions, CSRF on every form (Flask-WTF), login rate limiting.

Each login is a row in `login_sessions` (the cookie holds a random token, the database its hash):
logging out ends it for every copy of the cookie, and a session ends by itself after
SESSION_IDLE_MINUTES without a request or SESSION_MAX_HOURS after login.
"""

from __future__ import annotations

import hashlib
import secrets
from contextlib import contextmanager
from datetime import timedelta
from functools import wraps

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext, lazy_gettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf import CSRFProtect

from reviewer.review import accounts
from reviewer.review import workflow as review
from reviewer.store import records as store
from webui.db import get_db
from webui.i18n import one_language

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


class SessionUser:
    """What Flask-Login keeps for the logged-in user: the `store.User` row, looked up per request."""

    def __init__(self, row: store.User, token: str):
        self.row = row
        self.token = token
        self.is_authenticated = True
        self.is_active = row.active
        self.is_anonymous = False

    def get_id(self) -> str:
        return f"{self.row.id}:{fingerprint(self.row)}:{self.token}"

    def __getattr__(self, name):
        return getattr(self.row, name)


def init_app(app) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Silakan masuk dulu")
    login_manager.login_message_category = "info"
    csrf.init_app(app)
    limiter.init_app(app)
    app.context_processor(lambda: {"can": can, "ROLE_NAMES": accounts.ROLE_NAMES})


@login_manager.unauthorized_handler
def unauthorized():
    if request.path.endswith(".json") or request.accept_mimetypes.best == "application/json":
        return jsonify({"error": gettext("Silakan masuk dulu")}), 401
    flash(str(login_manager.login_message), "info")
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def fingerprint(row: store.User) -> str:
    """Changes with the password: a new password ends every session opened with the old one."""
    return hashlib.sha256(f"session:{row.password_hash}".encode()).hexdigest()[:16]


@login_manager.user_loader
def load_user(user_id: str):
    number, _, rest = user_id.partition(":")
    mark, _, token = rest.partition(":")
    db = get_db()
    row = db.get(store.User, int(number)) if number.isdigit() else None
    if row is None or not row.active or mark != fingerprint(row) or not token:
        return None
    login = db.get(store.LoginSession, accounts.token_digest(token))
    if login is None or login.user_id != row.id or not _alive(login):
        return None
    if store.utcnow() - login.last_seen > timedelta(minutes=1):  # one write a minute at most
        _touch(login.token_hash)
    return SessionUser(row, token)


def _touch(token_hash: str) -> None:
    """Mark the login session seen, on a connection of its own that does not wait for the write lock:
    a read request must never queue behind a long write (a submit, a scan). When the database is busy
    the mark waits for a later request; the idle limit counts in minutes."""
    from sqlalchemy import update
    from sqlalchemy.exc import OperationalError

    engine = current_app.extensions["reviewer.engine"]
    now = store.utcnow()
    try:
        with engine.connect() as conn:
            with _no_waiting(conn):
                conn.execute(update(store.LoginSession).where(store.LoginSession.token_hash == token_hash)
                             .values(last_seen=now))
                conn.commit()
    except OperationalError:
        current_app.logger.info("login session not marked seen: database busy")


@contextmanager
def _no_waiting(conn):
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("SET LOCAL lock_timeout = '200ms'")
        yield
        return
    waited = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
    conn.exec_driver_sql("PRAGMA busy_timeout=0")
    try:
        yield
    finally:
        conn.rollback()
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(waited)}")


def _alive(login: store.LoginSession) -> bool:
    now, config = store.utcnow(), current_app.config
    return (login.ended_at is None
            and now - login.last_seen <= timedelta(minutes=config["SESSION_IDLE_MINUTES"])
            and now - login.created_at <= timedelta(hours=config["SESSION_MAX_HOURS"]))


def start_session(db, user: store.User) -> SessionUser:
    token = secrets.token_urlsafe(32)
    db.add(store.LoginSession(token_hash=accounts.token_digest(token), user_id=user.id))
    return SessionUser(user, token)


def end_session(db, token: str) -> None:
    login = db.get(store.LoginSession, accounts.token_digest(token))
    if login is not None and login.ended_at is None:
        login.ended_at = store.utcnow()


def can(action: str, doc=None) -> bool:
    return current_user.is_authenticated and review.refusal(current_user.row, action, doc) is None


def allowed(action: str):
    """Decorator for views that need a role (documents are checked in the view itself)."""
    def wrap(view):
        @wraps(view)
        @login_required
        def inner(*args, **kwargs):
            reason = review.refusal(current_user.row, action)
            if reason:
                abort(403, one_language(reason))
            return view(*args, **kwargs)
        return inner
    return wrap


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT"], methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("documents.index"))
    if request.method == "POST":
        db = get_db()
        username = request.form.get("username", "")
        user = accounts.authenticate(db, username, request.form.get("password", ""))
        if user is None:
            store.log_event(db, None, "login_failed", target=f"user:{username[:80]}")
            db.commit()
            flash(gettext("Nama pengguna atau kata sandi salah"), "error")
        else:
            session.clear()  # a new session (and CSRF token) at login: no fixation
            login_user(start_session(db, user))
            store.log_event(db, user, "login")
            db.commit()
            return redirect(_safe_next(request.args.get("next")))
    return render_template("login.html", demo=current_app.config.get("DEMO_USERS"))


def _safe_next(target: str | None) -> str:
    """Only a path on this site: no scheme, no host, no `//` or `/\\` (also once a browser has dropped
    tabs and line breaks, as it does: `/%09/host` is `//host`), no control characters at all."""
    from urllib.parse import urlsplit

    if not target or any(ord(c) < 0x21 or c in "\\\x7f" for c in target):
        return url_for("documents.index")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.scheme and not parts.netloc:
        return target
    return url_for("documents.index")


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    db = get_db()
    store.log_event(db, current_user.row, "logout")
    end_session(db, current_user.token)
    db.commit()
    logout_user()
    session.clear()
    flash(gettext("Anda telah keluar"), "info")
    return redirect(url_for("auth.login"))
