"""Migration 0008 (a document apart from its bytes) keeps what was stored before it: every document keeps its
id and so its URLs, pages, findings, decisions, events and unit, its original is found by `content_sha`, and
the bytes of an old document uploaded by another unit become that unit's own document. The way down refuses
while two documents share bytes. On SQLite and, when DATABASE_URL_TEST is set, PostgreSQL."""

import shutil
from datetime import datetime

import pytest
from sqlalchemy import MetaData, func, select, text

from reviewer.core.units import Unit
from reviewer.extract import sha256_file
from reviewer.review import accounts
from reviewer.store import records as store
from reviewer.store import units as unitstore
from tests.webui_helpers import client_of, make_app, upload

WHEN = datetime(2026, 11, 30, 9, 0)


def _before_0008(url: str, sha: str) -> None:
    """A database at 0007 holding one scanned PDF of Dinas Sosial, with a finding, a decision and an event."""
    engine = store.make_engine(url)
    store.upgrade(engine, "0007")
    with engine.begin() as conn:
        tables = MetaData()
        tables.reflect(bind=conn)
        rows = {
            "units": [{"id": 1, "code": "kota", "name": "Pemerintah Kota", "kind": "pemkot", "parent_id": None,
                       "ppid": "utama", "active": True, "created_at": WHEN},
                      {"id": 2, "code": "dinsos", "name": "Dinas Sosial", "kind": "dinas", "parent_id": 1,
                       "ppid": "pembantu", "active": True, "created_at": WHEN}],
            "documents": [{"sha256": sha, "filename": "bansos-lama.pdf", "kind": "pdf", "size": 10,
                           "status": "needs_review", "warnings": [], "page_count": 1, "pages_done": 1,
                           "pages_read": 1, "source": "upload", "created_at": WHEN, "updated_at": WHEN}],
            "document_units": [{"document_sha": sha, "unit_id": 2, "created_at": WHEN}],
            "pages": [{"id": 1, "document_sha": sha, "number": 1, "text": "NIK 3209120708750001", "width": 595.0,
                       "height": 842.0, "needs_ocr": False, "ocr": False, "words": [[0, 3, 1, 1, 20, 10]]}],
            "findings": [{"id": 1, "document_sha": sha, "page": 1, "start": 4, "end": 20,
                          "text": "3209120708750001", "label": "NIK", "basis": "17h", "score": 0.95,
                          "action": "redact", "source": "pattern", "reasons": [], "entity": "", "boxes": [],
                          "created_at": WHEN}],
            "decisions": [{"id": 1, "document_sha": sha, "finding_id": 1, "verdict": "redact", "label": "NIK",
                           "basis": "17h", "page": 1, "start": 4, "end": 20, "text": "3209120708750001",
                           "boxes": [], "note": "lama", "created_at": WHEN}],
            "events": [{"id": 1, "at": WHEN, "username": "sistem", "action": "scanned", "document_sha": sha,
                        "target": "", "after": {"pages": 1}}],
        }
        for name, values in rows.items():
            conn.execute(tables.tables[name].insert(), values)
            if conn.dialect.name == "postgresql" and "id" in values[0]:  # the rows named their ids
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), 10)"))
    engine.dispose()


@pytest.fixture
def migrated(tmp_path, database_url, samples):
    """The app on the database of `_before_0008` after `reviewer db upgrade`, with its original stored."""
    pdf = samples / "daftar-penerima-bansos.pdf"
    sha = sha256_file(str(pdf))
    _before_0008(database_url, sha)
    instance = tmp_path / "instance"
    (instance / "originals" / sha[:2]).mkdir(parents=True)
    shutil.copyfile(pdf, instance / "originals" / sha[:2] / sha)
    app = make_app(instance, DATABASE_URL=database_url)  # migrates to the head, adds the test users
    with app.extensions["reviewer.sessions"]() as s:
        unitstore.add_unit(s, Unit("dinkes", "Dinas Kesehatan", "dinas", "kota"))
        unitstore.set_member(s, accounts.get(s, "ani"), "dinsos", "reviewer")
        unitstore.set_member(s, accounts.get(s, "andi"), "dinkes", "officer")
        s.commit()
    yield app, sha, pdf
    app.extensions["reviewer.engine"].dispose()


def test_an_old_document_keeps_its_id_urls_and_history(migrated):
    app, sha, _pdf = migrated
    with app.extensions["reviewer.sessions"]() as s:
        doc = s.get(store.DocumentRecord, sha)
        assert doc.content_sha == sha and unitstore.unit_of(s, sha) == "dinsos"
    ani = client_of(app, "ani")
    data = ani.get(f"/documents/{sha}.json").get_json()
    assert data["document"]["filename"] == "bansos-lama.pdf"
    (finding,) = data["findings"]
    assert finding["decision"]["verdict"] == "redact"
    assert ani.get(f"/documents/{sha}/pages/1.png").status_code == 200  # its original, found by content_sha
    assert "scanned" in ani.get(f"/documents/{sha}/audit.json").get_data(as_text=True)
    assert client_of(app, "andi").get(f"/documents/{sha}").status_code == 404


def test_the_old_documents_bytes_are_one_document_per_unit(migrated):
    app, sha, pdf = migrated
    again = upload(app, client_of(app, "ani"), pdf, "lagi.pdf")
    assert again == sha  # Dinas Sosial's own document
    copy = upload(app, client_of(app, "andi"), pdf)
    assert copy != sha
    with app.extensions["reviewer.sessions"]() as s:
        assert s.get(store.DocumentRecord, copy).content_sha == sha and unitstore.unit_of(s, copy) == "dinkes"
        assert s.scalar(select(func.count()).select_from(store.DocumentRecord)) == 2


def test_the_way_down_refuses_while_two_documents_share_bytes(migrated):
    from alembic import command

    app, sha, pdf = migrated
    engine = app.extensions["reviewer.engine"]
    upload(app, client_of(app, "andi"), pdf)
    with pytest.raises(RuntimeError, match="not named by the SHA-256"), engine.begin() as conn:
        command.downgrade(store._alembic_config(conn), "0007")
    assert store.current_revision(engine) == store.head_revision()


def test_the_way_down_and_up_again_while_each_document_is_its_bytes(migrated):
    from alembic import command

    app, sha, _pdf = migrated
    engine = app.extensions["reviewer.engine"]
    with engine.begin() as conn:
        command.downgrade(store._alembic_config(conn), "0007")
    store.upgrade(engine)
    with app.extensions["reviewer.sessions"]() as s:
        assert s.get(store.DocumentRecord, sha).content_sha == sha
    assert client_of(app, "ani").get(f"/documents/{sha}/pages/1.png").status_code == 200
