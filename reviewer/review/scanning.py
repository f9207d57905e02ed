"""Scanning a stored document page by page into the database, so that the first pages can be
reviewed while the rest is still being scanned, and an interrupted scan resumes where it stopped.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from reviewer.core.errors import ReviewerError
from reviewer.core.settings import Settings
from reviewer.store import jobs, originals
from reviewer.store import records as store
from reviewer.store import units as unitstore
from reviewer.store.context import scan_settings

log = logging.getLogger(__name__)


def run_job(factory: sessionmaker[Session], job: store.Job, originals_root: Path, settings: Settings) -> None:
    """Scan the job's document. Unreadable files end as status `failed` with a clear message."""
    with factory() as session:
        try:
            scan_into(session, job, originals_root, settings)
            jobs.finish(session, job)
            session.commit()
        except Exception as exc:
            session.rollback()
            message = str(exc) if isinstance(exc, ReviewerError) else \
                f"galat tak terduga / unexpected error: {type(exc).__name__}: {exc}"
            if not isinstance(exc, ReviewerError):
                log.exception("scan of %s failed", job.document_sha)
            doc = session.get(store.DocumentRecord, job.document_sha)
            if doc is not None:  # a job whose document is gone only ends, with the message
                doc.status, doc.error = "failed", message
                store.log_event(session, None, "scan_failed", document_sha=doc.sha256, after={"error": message})
            jobs.finish(session, job, message)
            session.commit()


def scan_into(session: Session, job: store.Job, originals_root: Path, settings: Settings) -> None:
    """Scan the job's document with the one pipeline (`reviewer.detect.pipeline.scan`) and store it.

    Scanned pages are read one by one first (with a heartbeat after each, and cached, so an
    interrupted job resumes quickly); then the whole document is detected, as every other door does,
    and stored page by page. Pages already stored by an interrupted run are kept as they are.
    """
    from reviewer.detect import pipeline
    from reviewer.extract import extract

    doc = _document(session, job)
    document = extract(originals.path_of(originals_root, doc.content_sha))
    doc.kind, doc.page_count = document.kind, len(document.pages)
    settings = scan_settings(session, settings, doc.sha256)
    session.commit()
    warnings: list[str] = []
    document = _read_scanned_pages(session, job, document, settings, warnings)
    result = pipeline.scan(document, settings)
    done = _stored_pages(session, doc.sha256)
    by_page = result.by_page()
    for page in result.document.pages:
        if page.number in done:
            continue
        store.save_page(session, doc.sha256, page, by_page[page.number])
        done.add(page.number)
        doc.pages_done = len(done)
        jobs.heartbeat(session, job)
        session.commit()
    doc.warnings = sorted(set(warnings) | set(result.warnings))
    doc.status = "needs_review"
    store.log_event(session, None, "scanned", document_sha=doc.sha256,
                    after={"pages": doc.page_count, "findings": _count(session, doc.sha256)})


def _read_scanned_pages(session: Session, job: store.Job, document, settings: Settings, warnings: list[str]):
    """The document with its scanned pages OCR'd, one page at a time with a heartbeat in between.

    `pages_read` counts the pages read so far, for the upload's progress bar (digital pages are read
    by the extraction already)."""
    from reviewer.detect import pipeline

    doc = _document(session, job)
    if not settings.use_ocr or not any(p.needs_ocr for p in document.pages):
        doc.pages_read = len(document.pages)
        session.commit()
        return document
    pages = []
    for page in document.pages:
        if page.needs_ocr:
            page = pipeline.prepare(replace(document, pages=(page,)), settings, warnings).pages[0]
            jobs.heartbeat(session, job)
        pages.append(page)
        doc.pages_read = len(pages)
        session.commit()
    return replace(document, pages=tuple(pages))


def _document(session: Session, job: store.Job) -> store.DocumentRecord:
    """The job's document record, or a clear error when it is gone (deleted while queued)."""
    doc = session.get(store.DocumentRecord, job.document_sha)
    if doc is None:
        raise ReviewerError(f"dokumen tidak ditemukan / document not found: {job.document_sha}")
    return doc


def _stored_pages(session: Session, sha: str) -> set[int]:
    return set(session.scalars(select(store.PageRecord.number).where(store.PageRecord.document_sha == sha)))


def _count(session: Session, sha: str) -> int:
    return session.scalar(select(func.count()).select_from(store.FindingRecord)
                          .where(store.FindingRecord.document_sha == sha)) or 0


def accept_upload(session: Session, originals_root: Path, tmp_file: Path, filename: str, *, user=None,
                  source: str = "upload", unit: str | None = None) -> tuple[store.DocumentRecord, bool]:
    """Check an uploaded file by its content, store the original, queue its scan; (document, created).

    The document belongs to `unit` (None: to no unit). The same bytes already a document of that unit
    (one `user` may see) give that document back, created False; in any other unit they are a new,
    independent document, and the path there is the same as for bytes never seen (the original is
    written again, not skipped), so nothing in the answer or its timing tells of the other unit's copy.
    Raises `UnsupportedFormat` / `CorruptFile` for files that are not PDF, DOCX, text or images.
    """
    from reviewer.core.filenames import display_name
    from reviewer.extract import sha256_file, sniff

    kind = sniff(str(tmp_file))
    sha = sha256_file(str(tmp_file))
    name = display_name(filename, f"dokumen.{kind}")
    unitstore.lock_content(session, sha, unit)  # a simultaneous upload of the same bytes waits here
    if (own := unitstore.own_document(session, sha, unit, user)) is not None:
        return own, False
    originals.put_file(originals_root, tmp_file, rewrite=True)
    doc, _ = unitstore.add_document(session, sha, name, tmp_file.stat().st_size, unit=unit, source=source,
                                    uploaded_by=user)
    doc.kind = kind
    session.flush()
    jobs.enqueue(session, doc.sha256)
    store.log_event(session, user, "uploaded", document_sha=doc.sha256, target=f"document:{doc.sha256}",
                    after={"filename": name, "kind": kind, "size": doc.size, "source": source})
    return doc, True


def release_original(session: Session, originals_root: Path, content_sha: str) -> None:
    """Remove a stored original no document uses (after a refused upload): the store counts references."""
    if not store.content_in_use(session, content_sha):
        originals.path_of(originals_root, content_sha).unlink(missing_ok=True)
