"""Fixtures and helpers shared by the web UI tests."""

import atexit
import re
import shutil
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

import pytest
from jinja2 import MemcachedBytecodeCache

from reviewer.core.settings import Settings

PASSWORDS = {"ani": "sandi-ani-123", "andi": "sandi-andi-123", "budi": "sandi-budi-123",
             "bayu": "sandi-bayu-123", "root": "sandi-root-123"}
ROLES = {"ani": "officer", "andi": "officer", "budi": "reviewer", "bayu": "reviewer", "root": "admin"}


def make_app(instance: Path, **extra):
    """An app on a migrated database with the users of ROLES. On the default SQLite database that is a copy
    of one built once per process: migrating and hashing five passwords (scrypt) cost more than most tests."""
    from webui import create_app

    own = f"sqlite:///{instance / 'db.sqlite3'}"
    config = {"INSTANCE": str(instance), "WORKER": False, "TESTING": True, "SECRET_KEY": "test",
              "SCAN_SETTINGS": Settings(use_ner=False, use_passages=False, use_ocr=False),
              "LOGIN_LIMIT": "1000 per minute", "DATABASE_URL": own}
    config.update(extra)
    instance.mkdir(parents=True, exist_ok=True)
    if config["DATABASE_URL"] == own and not (instance / "db.sqlite3").exists():
        copy_sqlite(_seeded_sqlite(), instance / "db.sqlite3")
    else:
        migrate(config["DATABASE_URL"])
        _add_users(config["DATABASE_URL"])
    app = create_app(config)
    app.jinja_env.bytecode_cache = _TEMPLATES  # compile each template once per process, not once per app
    return app


class _Memory(dict):
    """The client interface MemcachedBytecodeCache needs, on a dict."""

    def set(self, key, value, timeout=None):
        self[key] = value


_TEMPLATES = MemcachedBytecodeCache(_Memory())


def migrate(url: str) -> None:
    """What `reviewer db upgrade` does, before an app is created on a new database."""
    from reviewer.store import records as store

    engine = store.make_engine(url)
    store.upgrade(engine)
    engine.dispose()


def _add_users(url: str) -> None:
    from reviewer.review import accounts
    from reviewer.store import records as store

    engine = store.make_engine(url)
    with store.session_factory(engine)() as session:
        for name, role in ROLES.items():
            accounts.add_user(session, name, PASSWORDS[name], role, name.title())
        session.commit()
    engine.dispose()


@cache
def _seeded_sqlite() -> Path:
    """A migrated SQLite database with the users, built once per process in a folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix="reviewer-test-db-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "db.sqlite3"
    migrate(f"sqlite:///{path}")
    _add_users(f"sqlite:///{path}")
    return path


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (the database runs in WAL mode)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def csrf(client, path="/login") -> str:
    html = client.get(path, follow_redirects=True).get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def login(client, name: str):
    token = csrf(client)
    res = client.post("/login", data={"username": name, "password": PASSWORDS[name], "csrf_token": token})
    assert res.status_code == 302, res.get_data(as_text=True)[:500]
    return res


def post(client, path: str, data=None, **kwargs):
    data = dict(data or {})
    data.setdefault("csrf_token", csrf(client, "/"))
    return client.post(path, data=data, **kwargs)


def upload(app, client, path: Path, name: str | None = None, unit: str | None = None) -> str:
    from webui import worker

    with path.open("rb") as fh:
        form = {"file": (fh, name or path.name), **({"unit": unit} if unit else {})}
        res = post(client, "/upload", form, content_type="multipart/form-data")
    assert res.status_code == 302
    sha = res.headers["Location"].rstrip("/").split("/")[-1]
    while worker.run_one(app):
        pass
    return sha


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path / "instance")


@pytest.fixture
def client(app):
    return app.test_client()
