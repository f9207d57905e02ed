from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def data_dir() -> Path:
    return DATA


def _reset_postgres(url: str) -> None:
    from sqlalchemy import text

    from reviewer.store.records import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> str:
    """An empty database: SQLite in tmp_path, and PostgreSQL when DATABASE_URL_TEST is set
    (.ci/run starts a local server; see scripts/ci-postgres.sh)."""
    import os

    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    url = os.environ.get("DATABASE_URL_TEST")
    if not url:
        pytest.skip("DATABASE_URL_TEST not set (no PostgreSQL server)")
    _reset_postgres(url)
    return url


@pytest.fixture
def engine(database_url):
    """A migrated database engine (SQLite and, when available, PostgreSQL)."""
    from reviewer.store import records as store

    eng = store.make_engine(database_url)
    store.upgrade(eng)
    yield eng
    eng.dispose()
