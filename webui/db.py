"""The database session of a request (`get_db()` on `g`), over `reviewer.store.records`."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from reviewer.store import records as store


def init_app(app: Flask) -> None:
    engine = store.make_engine(app.config["DATABASE_URL"])
    store.require_schema(engine)  # migrating is an explicit step: `reviewer db upgrade` (the demo runs it)
    app.extensions["reviewer.engine"] = engine
    app.extensions["reviewer.sessions"] = store.session_factory(engine)
    app.teardown_appcontext(close_db)


def sessions():
    return current_app.extensions["reviewer.sessions"]


def get_db() -> Session:
    if "db" not in g:
        g.db = sessions()()
    return g.db


def close_db(_exc=None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()
