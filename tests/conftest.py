import atexit
import functools
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from webui_helpers import copy_sqlite

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def data_dir() -> Path:
    return DATA


# --- running in parallel (pytest-xdist, `make test`) ---------------------------------------------------------------
# Each worker gets what tests would otherwise share: its own PostgreSQL database (DATABASE_URL_TEST with a `_gw0`
# suffix, created on first use; the role needs CREATEDB, which scripts/ci-postgres.sh grants) and its own cache
# folder (XDG_CACHE_HOME: the OCR cache and Chromium's). Ports are always free ones (port 0), and every other
# folder a test writes is its tmp_path. A file's tests run on one worker (`--dist loadfile`), so a module-scoped
# fixture (a loaded model, a trained one, a running server) is built once; `loadgroup` would be finer, but
# pytest-xdist 3.8 cannot rename pytest 9.2's node ids, so its groups are silently ignored.


# Hashing a password at the shipped scrypt cost takes about 0.1 s of one core, and the suite creates and logs in
# thousands of throw-away accounts: it hashes them at N=2**10 instead (still scrypt, salted, verified the same
# way; Django's testing guide does the same with its hashers). test_store checks the shipped cost.
TEST_PASSWORD_METHOD = "scrypt:1024:8:1"
_shipped: dict[str, str] = {}


def _cheap_password_hashes() -> None:
    from reviewer.review import accounts

    _shipped.setdefault("method", accounts.PASSWORD_METHOD)
    accounts.PASSWORD_METHOD = TEST_PASSWORD_METHOD


@pytest.fixture
def shipped_password_method(monkeypatch) -> str:
    """Accounts made in this test are hashed at the shipped cost, which this returns."""
    from reviewer.review import accounts

    monkeypatch.setattr(accounts, "PASSWORD_METHOD", _shipped["method"])
    return _shipped["method"]


# Tesseract reads the same page picture in several tests (the redaction tests OCR one scanned fixture a test, then
# check the burned copy; a page read upright is read again turned): each process keeps what Tesseract printed for
# a command line and picture and prints it again, as the same Tesseract would. Only successful readings are kept,
# and only while subprocess.run is the real one (a test that fakes a failure gets it). Tests of the OCR cache
# itself are unaffected: it sits above this, in reviewer.ocr.ocr_document.
_TESSERACT_READINGS: dict[tuple, str] = {}


def _remembered_tesseract() -> None:
    import hashlib
    import subprocess

    from reviewer.ocr import engine

    run, real_subprocess_run = engine._run, subprocess.run

    def remembered(argv, data, timeout):
        if "stdin" not in argv or subprocess.run is not real_subprocess_run:
            return run(argv, data, timeout)
        key = (tuple(argv), hashlib.sha256(data).digest(), timeout, os.environ.get("OMP_THREAD_LIMIT"))
        if key not in _TESSERACT_READINGS:
            _TESSERACT_READINGS[key] = run(argv, data, timeout)
        return _TESSERACT_READINGS[key]

    engine._run = remembered


def pytest_configure(config):
    _cheap_password_hashes()
    _remembered_tesseract()
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    base = Path(config.cache.mkdir(f"xdist-{worker}")) if config.cache else None
    if base is not None:
        os.environ["XDG_CACHE_HOME"] = str(base / "cache")
    if os.environ.get("DATABASE_URL_TEST"):
        os.environ["DATABASE_URL_TEST"] = _worker_database(os.environ["DATABASE_URL_TEST"], worker)


def _worker_database(url: str, worker: str) -> str:
    """The URL of this worker's own database next to the one of `url`, created when it does not exist."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    if not re.fullmatch(r"gw\d+", worker):
        raise pytest.UsageError(f"unexpected xdist worker name {worker!r}")
    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    except SQLAlchemyError as exc:
        raise pytest.UsageError(f"cannot create the worker database {name} ({getattr(exc, 'orig', exc)}); "
                                f"give the test role CREATEDB (scripts/ci-postgres.sh does) or run without -n") from exc
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def _reset_postgres(url: str) -> None:
    from sqlalchemy import text

    from reviewer.store.records import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def _database(request, tmp_path) -> tuple[str, str]:
    """(dialect, URL) of this test's database, in whatever state the last test left it: SQLite in tmp_path, and
    PostgreSQL when DATABASE_URL_TEST is set (.ci/run starts a local server; see scripts/ci-postgres.sh)."""
    if request.param == "sqlite":
        return "sqlite", f"sqlite:///{tmp_path / 'test.sqlite3'}"
    url = os.environ.get("DATABASE_URL_TEST")
    if not url:
        pytest.skip("DATABASE_URL_TEST not set (no PostgreSQL server)")
    return "postgresql", url


@pytest.fixture
def database_url(_database) -> str:
    """An empty database (no schema): SQLite and, when available, PostgreSQL."""
    dialect, url = _database
    if dialect == "postgresql":
        _reset_postgres(url)
    return url


@pytest.fixture
def engine(_database):
    """A migrated database engine with no rows (SQLite and, when available, PostgreSQL). Migrating takes longer
    than most tests, so SQLite is a copy of a database migrated once per process and PostgreSQL, when it is
    already at the newest revision, has its tables emptied instead of being dropped and migrated again."""
    from reviewer.store import records as store

    dialect, url = _database
    path = Path(url.removeprefix("sqlite:///"))
    if dialect == "sqlite" and not path.exists():
        copy_sqlite(_migrated_sqlite(), path)
    elif dialect == "sqlite":
        _migrate(url)
    elif not _empty_if_migrated(url):
        _reset_postgres(url)
        _migrate(url)
    eng = store.make_engine(url)
    yield eng
    eng.dispose()


def _migrate(url: str) -> None:
    from reviewer.store import records as store

    eng = store.make_engine(url)
    store.upgrade(eng)
    eng.dispose()


@functools.cache
def _migrated_sqlite() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="reviewer-test-migrated-"))
    atexit.register(shutil.rmtree, folder, True)
    _migrate(f"sqlite:///{folder / 'db.sqlite3'}")
    return folder / "db.sqlite3"


def _empty_if_migrated(url: str) -> bool:
    """Empty every table (sequences restarted) when the database is at the newest revision; False otherwise."""
    from sqlalchemy import inspect, text

    from reviewer.store import records as store

    eng = store.make_engine(url)
    try:
        if store.current_revision(eng) != store.head_revision():
            return False
        tables = ", ".join(f'"{t}"' for t in inspect(eng).get_table_names() if t != "alembic_version")
        with eng.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        return True
    finally:
        eng.dispose()


# Tests measured at over ~10 s each on the 2-core machine (`pytest --durations=30`), marked `slow` here so that
# their files need not change. Files that are slow throughout set `pytestmark = pytest.mark.slow` themselves
# (browser, batch, training, fault and deploy tests). `make test` and CI run everything; `make test-fast`
# (`pytest -m "not slow"`) leaves these out while you work.
SLOW_TESTS = (
    "tests/test_ner_artifact.py::test_tokenizer_rules_saved_with_the_model_are_used",
    "tests/test_ner_artifact.py::test_written_artifact_loads_and_records_versions",
    "tests/test_passage_model.py::test_training_writes_a_loadable_artifact_with_versions_and_metrics",
    "tests/test_passage_model.py::test_train_command",
    "tests/test_redact_scan.py::test_image_files_are_redacted_into_a_pdf",
    "tests/test_redact_scan.py::test_scanned_pages_without_decisions_get_their_text_layer_too",
    "tests/test_redact_scan.py::test_mixed_pdf_redacts_digital_and_scanned_pages",
    "tests/test_ocr.py::test_cache_reuses_pages_and_ignores_damaged_entries",
    "tests/test_webui_security.py::test_every_route_for_every_role",
    "tests/test_webui_security.py::test_every_state_changing_route_needs_the_csrf_token",
    "tests/test_webui.py::test_people_deciding_at_once_lose_nothing",
)


# Fixtures that train a model first (about 35 s): every test that asks for one is slow too.
SLOW_FIXTURES = {"tests/test_passage_model.py": {"trained"}}


# The files that take longest (summed `--durations` of a whole `make test` run on the 2-core machine),
# longest first. They run first so that the two workers end together: with `--dist loadfile
# --no-loadscope-reorder` (the Makefile) xdist hands out whole files in collection order, and one long file
# started last (mypy alone takes about 50 s cold) is the suite's tail. Without the flag xdist sorts files by
# their number of tests instead, putting mypy's two last.
LONGEST_FIRST = (
    "tests/test_types.py", "tests/test_redact_devset.py", "tests/test_passage_model.py", "tests/test_deploy.py",
    "tests/test_redact_scan.py", "tests/test_docs_screenshots.py", "tests/test_batch.py", "tests/test_webui_fuzz.py",
    "tests/hostile/test_hostile_inputs.py", "tests/test_legacy_office.py", "tests/test_webui_security.py",
    "tests/test_webui_workflow.py", "tests/test_redact_sheets.py", "tests/test_batch_executors.py",
    "tests/test_progress.py", "tests/hostile/test_hostile_batch.py", "tests/test_ocr.py", "tests/test_webui.py",
)


def _file_rank(item) -> int:
    path = item.nodeid.split("::")[0]
    return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.nodeid.split("::")[0]
        if item.nodeid.split("[")[0] in SLOW_TESTS or SLOW_FIXTURES.get(path, set()) & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
    items.sort(key=_file_rank)  # stable: the other files, and the tests within each file, keep their order
