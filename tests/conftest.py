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


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.nodeid.split("::")[0]
        if item.nodeid.split("[")[0] in SLOW_TESTS or SLOW_FIXTURES.get(path, set()) & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
