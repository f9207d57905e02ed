"""Scanning a stored document page by page into the database, so that the first pages can be
reviewed while the rest is still being scanned, and an interrupted scan resumes where it stopped.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from reviewer import jobs, originals, store, unitstore
from reviewer.errors import ReviewerError
from reviewer.settings import Settings

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
            doc = session.get(store.Document, job.document_sha)
            doc.status, doc.error = "failed", message
            store.log_event(session, None, "scan_failed", document_sha=doc.sha256, after={"error": message})
            jobs.finish(session, job, message)
            session.commit()


def scan_into(session: Session, job: store.Job, originals_root: Path, settings: Settings) -> None:
    from reviewer import pipeline
    from reviewer.extract import extract

    doc = session.get(store.Document, job.document_sha)
    document = extract(originals.path_of(originals_root, doc.sha256))
    doc.kind, doc.page_count = document.kind, len(document.pages)
    warnings: list[str] = list(document.warnings)
    settings = unitstore.settings_for_document(session, doc.sha256, settings_for(session, settings))
    detectors = pipeline.build_detectors(settings, warnings)
    done = _stored_pages(session, doc.sha256)
    session.commit()
    for page in document.pages:
        if page.number in done:
            continue
        page = _prepared(pipeline, document, page, settings, warnings)
        findings = pipeline.detect_page(document, page, settings, detectors)
        store.save_page(session, doc.sha256, page, findings)
        doc.pages_done = len(done) + 1
        done.add(page.number)
        jobs.heartbeat(session, job)
        session.commit()
    doc.warnings = sorted(set(warnings))
    doc.status = "needs_review"
    store.log_event(session, None, "scanned", document_sha=doc.sha256,
                    after={"pages": doc.page_count, "findings": _count(session, doc.sha256)})


def _prepared(pipeline, document, page, settings: Settings, warnings: list[str]):
    """OCR one page when it needs it (the OCR stage works on documents: give it a one-page one)."""
    if not page.needs_ocr:
        return page
    single = replace(document, pages=(page,))
    return pipeline.prepare(single, settings, warnings).pages[0]


def settings_for(session: Session, settings: Settings) -> Settings:
    """The agency's officials, allow and deny terms and box codes from the database."""
    terms: dict[str, list[str]] = {k: [] for k in store.TERM_KINDS}
    for term in session.scalars(select(store.Term)):
        terms.setdefault(term.kind, []).append(term.value)
    labels = dict(settings.box_labels)
    labels.update({b.basis: b.text for b in session.scalars(select(store.BoxLabel))})
    return settings.with_(officials=tuple(settings.officials) + tuple(terms["official"]),
                          allow_terms=tuple(settings.allow_terms) + tuple(terms["allow"]),
                          deny_terms=tuple(settings.deny_terms) + tuple(terms["deny"]), box_labels=labels)


def _stored_pages(session: Session, sha: str) -> set[int]:
    return set(session.scalars(select(store.PageRecord.number).where(store.PageRecord.document_sha == sha)))


def _count(session: Session, sha: str) -> int:
    return session.scalar(select(func.count()).select_from(store.FindingRecord)
                          .where(store.FindingRecord.document_sha == sha)) or 0


def accept_upload(session: Session, originals_root: Path, tmp_file: Path, filename: str, *, user=None,
                  source: str = "upload") -> tuple[store.Document, bool]:
    """Check an uploaded file by its content, store the original, queue its scan; (document, created).

    Raises `UnsupportedFormat` / `CorruptFile` for files that are not PDF, DOCX, text or images.
    """
    from reviewer.extract import sniff
    from reviewer.filenames import display_name

    kind = sniff(str(tmp_file))
    sha, _ = originals.put_file(originals_root, tmp_file)
    name = display_name(filename, f"dokumen.{kind}")
    doc, created = store.add_document(session, sha, name, tmp_file.stat().st_size, source=source,
                                      uploaded_by=user)
    if created:
        doc.kind = kind
        session.flush()
        jobs.enqueue(session, sha)
        store.log_event(session, user, "uploaded", document_sha=sha, target=f"document:{sha}",
                        after={"filename": name, "kind": kind, "size": doc.size, "source": source})
    return doc, created
