import pytest
from sqlalchemy import func, select, text

from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.review import accounts
from reviewer.review import scanning as process
from reviewer.store import jobs, originals
from reviewer.store import records as store

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)


@pytest.fixture
def session(engine):
    with store.session_factory(engine)() as s:
        yield s


def test_migrations_match_models(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), store.Base.metadata)
    assert diffs == []
    assert store.current_revision(engine) is not None


def test_upgrade_twice_is_harmless(engine):
    store.upgrade(engine)
    assert store.current_revision(engine) == _head()


def _head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(store._alembic_config(None)).get_current_head()


def test_save_scan_is_idempotent(session, samples):
    result = scan_file(str(samples / "formulir-permohonan.docx"), SETTINGS)
    doc = store.save_scan(session, result)
    session.commit()
    n = len(store.findings_of(session, doc.sha256))
    assert doc.status == "needs_review" and doc.kind == "docx" and n == len(result.findings) > 0
    store.save_scan(session, result)
    session.commit()
    assert len(store.findings_of(session, doc.sha256)) == n
    counts = store.label_counts(session, [doc.sha256])[doc.sha256]
    assert counts["EMAIL"] >= 1 and sum(counts.values()) == n


def test_pdf_findings_keep_their_boxes(session, samples):
    result = scan_file(str(samples / "daftar-penerima-bansos.pdf"), SETTINGS)
    doc = store.save_scan(session, result)
    session.commit()
    findings = store.findings_of(session, doc.sha256)
    assert findings and all(f.boxes for f in findings)
    page = session.scalar(select(store.PageRecord).where(store.PageRecord.document_sha == doc.sha256))
    x0, top, x1, bottom = findings[0].boxes[0]
    assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height


def _decide(session, finding, verdict, user, note=""):
    session.add(store.DecisionRecord(document_sha=finding.document_sha, finding_id=finding.id, verdict=verdict,
                                     label=finding.label, basis=finding.basis, page=finding.page,
                                     start=finding.start, end=finding.end, text=finding.text, note=note,
                                     user_id=user.id))
    session.commit()


def test_later_decision_wins_and_history_keeps_both(session, samples):
    doc = store.save_scan(session, scan_file(str(samples / "formulir-permohonan.docx"), SETTINGS))
    a = accounts.add_user(session, "ani", "rahasia-ani", "officer")
    b = accounts.add_user(session, "budi", "rahasia-budi", "reviewer")
    session.commit()
    finding = store.findings_of(session, doc.sha256)[0]
    _decide(session, finding, "redact", a)
    _decide(session, finding, "keep", b, "jabatan publik")
    current = store.current_decisions(session, doc.sha256)
    assert current[finding.id].verdict == "keep" and current[finding.id].user_id == b.id
    assert [d.verdict for d in store.decision_history(session, finding.id)] == ["redact", "keep"]


def test_audit_and_decisions_are_append_only(session, engine, samples):
    doc = store.save_scan(session, scan_file(str(samples / "formulir-permohonan.docx"), SETTINGS))
    user = accounts.add_user(session, "ani", "rahasia-ani", "officer")
    session.commit()
    finding = store.findings_of(session, doc.sha256)[0]
    _decide(session, finding, "redact", user)
    ev = store.events(session)[0]
    ev.action = "forged"
    with pytest.raises(PermissionError):
        session.commit()
    session.rollback()
    for sql in ("UPDATE events SET action = 'forged'", "DELETE FROM events", "DELETE FROM decisions",
                "UPDATE decisions SET verdict = 'keep'"):
        with pytest.raises(Exception, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))
    assert session.scalar(select(func.count()).select_from(store.DecisionRecord)) == 1


def test_claim_is_exclusive_and_stale_jobs_resume(engine, session):
    session.add(store.DocumentRecord(sha256="a" * 64, filename="x.pdf", status="processing", warnings=[]))
    job = jobs.enqueue(session, "a" * 64)
    session.commit()
    factory = store.session_factory(engine)
    with factory() as s1, factory() as s2:
        assert jobs.claim(s1, "w1").id == job.id
        assert jobs.claim(s2, "w2") is None
    assert jobs.requeue_stale(session) == 0
    assert jobs.requeue_stale(session, older_than=jobs.timedelta(seconds=-1)) == 1
    with factory() as s3:
        again = jobs.claim(s3, "w3")
        assert again.id == job.id and again.attempts == 2


def _queue_file(session, tmp_path, src):
    sha, _ = originals.put_file(tmp_path / "originals", src)
    store.add_document(session, sha, src.name, src.stat().st_size)
    jobs.enqueue(session, sha)
    session.commit()
    return sha


def test_run_job_scans_page_by_page(engine, session, tmp_path, samples):
    sha = _queue_file(session, tmp_path, samples / "daftar-penerima-bansos.pdf")
    factory = store.session_factory(engine)
    with factory() as s:
        job = jobs.claim(s, "w")
    process.run_job(factory, job, tmp_path / "originals", SETTINGS)
    session.expire_all()
    doc = session.get(store.DocumentRecord, sha)
    assert doc.status == "needs_review" and doc.pages_done == doc.page_count >= 1
    assert store.findings_of(session, sha)
    assert session.get(store.Job, job.id).status == "done"
    assert [e.action for e in store.events(session, sha)] == ["scanned"]


def test_run_job_resumes_without_duplicating_pages(engine, session, tmp_path):
    src = tmp_path / "tiga-halaman.txt"
    src.write_text("Surel: ani@contoh.co.id\fSurel: budi@contoh.co.id\fSurel: citra@contoh.co.id\n")
    sha = _queue_file(session, tmp_path, src)
    result = scan_file(str(src), SETTINGS)
    store.save_page(session, sha, result.document.pages[0], [f for f in result.findings if f.page == 1])
    session.commit()
    factory = store.session_factory(engine)
    with factory() as s:
        process.run_job(factory, jobs.claim(s, "w"), tmp_path / "originals", SETTINGS)
    session.expire_all()
    assert [f.page for f in store.findings_of(session, sha)] == [1, 2, 3]
    doc = session.get(store.DocumentRecord, sha)
    assert doc.status == "needs_review" and doc.pages_done == 3


def test_unreadable_file_fails_with_message(engine, session, tmp_path):
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    sha = _queue_file(session, tmp_path, bad)
    factory = store.session_factory(engine)
    with factory() as s:
        job = jobs.claim(s, "w")
    process.run_job(factory, job, tmp_path / "originals", SETTINGS)
    session.expire_all()
    doc = session.get(store.DocumentRecord, sha)
    assert doc.status == "failed" and "rusak" in doc.error
    assert session.get(store.Job, job.id).status == "failed"


def test_originals_are_content_addressed_and_read_only(tmp_path, samples):
    src = samples / "laporan-kejadian.txt"
    sha, path = originals.put_file(tmp_path, src)
    assert path == originals.path_of(tmp_path, sha) and path.read_bytes() == src.read_bytes()
    assert not (path.stat().st_mode & 0o222)
    assert originals.put_file(tmp_path, src) == (sha, path)
    with pytest.raises(ValueError):
        originals.path_of(tmp_path, "../../etc/passwd")


def test_passwords_are_hashed_at_werkzeugs_full_scrypt_cost(session, shipped_password_method):
    assert shipped_password_method == "scrypt:32768:8:1"  # Werkzeug's default cost
    user = accounts.add_user(session, "ani", "rahasia-ani", "officer")
    assert user.password_hash.startswith("scrypt:32768:8:1$")
    assert accounts.authenticate(session, "ani", "rahasia-ani") is user


def test_accounts(session):
    user = accounts.add_user(session, "ani", "rahasia-ani", "officer", "Ani Lestari")
    session.commit()
    assert accounts.authenticate(session, "ani", "rahasia-ani") is user
    assert accounts.authenticate(session, "ani", "salah-sandi") is None
    assert "rahasia" not in user.password_hash
    token = accounts.issue_token(session, user)
    assert accounts.by_token(session, token) is user and user.api_token_hash != token
    accounts.set_active(session, user, False)
    session.commit()
    assert accounts.authenticate(session, "ani", "rahasia-ani") is None
    assert accounts.by_token(session, token) is None
    with pytest.raises(accounts.AccountError):
        accounts.add_user(session, "ani", "rahasia-lain", "officer")
    with pytest.raises(accounts.AccountError):
        accounts.add_user(session, "dewi", "pendek", "officer")
    with pytest.raises(accounts.AccountError):
        accounts.add_user(session, "eko", "rahasia-eko", "superuser")


def test_run_job_whose_document_is_gone_ends_with_a_message(engine, tmp_path):
    """A job naming no stored document used to crash inside the failure handler itself (AttributeError on
    None), so the job was never finished; now it ends cleanly with a clear message."""
    factory = store.session_factory(engine)
    ghost = store.Job(id=999, document_sha="b" * 64, kind="scan", status="running")
    process.run_job(factory, ghost, tmp_path / "originals", SETTINGS)  # raised before the fix


def test_manual_box_needs_both_page_dimensions(session):
    """A page with a width but no height is refused with a clear message, not a TypeError in min()."""
    from reviewer.review import workflow

    user = accounts.add_user(session, "ani", "rahasia-ani", "officer")
    session.add(store.DocumentRecord(sha256="c" * 64, filename="x.pdf", status="needs_review", warnings=[]))
    session.add(store.PageRecord(document_sha="c" * 64, number=1, text="Ani", width=595.0, height=None,
                                 words=[[0, 3, 10, 10, 40, 20]]))
    session.commit()
    with pytest.raises(workflow.WorkflowError, match="tanpa geometri"):
        workflow.add_manual(session, user, "c" * 64, 1, label="PERSON", basis="17h", box=(0, 0, 100, 100))
    with pytest.raises(workflow.WorkflowError, match="tidak ditemukan"):
        workflow.add_manual(session, user, "d" * 64, 1, label="PERSON", basis="17h", box=(0, 0, 100, 100))
