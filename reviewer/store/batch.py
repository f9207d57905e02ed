"""The batch's reads and writes in the shared database (`reviewer.store.records`).

Every outcome is one transaction: a scanned document's pages and findings (through
`store.save_scan`, idempotent per SHA-256) together with its `BatchItem` row. A run killed at any
moment therefore leaves each file either fully recorded or not at all, and the unique
(run, name) row means a resumed run never records a file twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer.core.filenames import display_name
from reviewer.core.settings import Settings
from reviewer.detect import risk
from reviewer.store import records as store

DONE_STATUSES = ("needs_review", "awaiting_approval", "returned", "approved")


def run_key(paths, settings: Settings) -> str:
    """Same paths and same detection settings: the same run, to be resumed."""
    plain = {"paths": sorted(os.path.abspath(p) for p in paths),
             "settings": {k: str(v) for k, v in sorted(vars(settings).items())}}
    return hashlib.sha256(json.dumps(plain, sort_keys=True).encode()).hexdigest()


def open_run(session: Session, paths, settings: Settings, fresh: bool = False) -> tuple[store.BatchRun, bool]:
    """The unfinished run for these paths and settings, or a new one; (run, resumed)."""
    key = run_key(paths, settings)
    if not fresh:
        run = session.scalar(select(store.BatchRun).where(store.BatchRun.key == key,
                                                          store.BatchRun.status == "running")
                             .order_by(store.BatchRun.id.desc()).limit(1))
        if run is not None:
            return run, True
    run = store.BatchRun(key=key, paths=[os.path.abspath(p) for p in paths], status="running", summary={},
                         started_at=store.utcnow())
    session.add(run)
    session.commit()
    return run, False


def has_item(session: Session, run_id: int, name: str) -> bool:
    return session.scalar(select(store.BatchItem.id).where(store.BatchItem.run_id == run_id,
                                                           store.BatchItem.name == name)) is not None


def document_state(session: Session, sha256: str) -> tuple[store.DocumentRecord | None, str | None]:
    """(document, "done") when it is stored with its results; "busy" when the web UI is scanning it
    page by page right now (its job to finish, not ours); (None, None) when it must be scanned."""
    doc = session.get(store.DocumentRecord, sha256)
    if doc is None:
        return None, None
    if doc.status in DONE_STATUSES:
        return doc, "done"
    pages = session.scalar(select(store.PageRecord.id)
                           .where(store.PageRecord.document_sha == sha256).limit(1))
    return (doc, "busy") if doc.status == "processing" and pages is not None else (None, None)


def record_unchanged(session: Session, run_id: int, name: str, doc: store.DocumentRecord) -> store.BatchItem:
    findings = session.execute(select(store.FindingRecord.label, store.FindingRecord.action,
                                      store.FindingRecord.score)
                               .where(store.FindingRecord.document_sha == doc.sha256)).all()
    rows = [{"label": label, "action": action, "score": score} for label, action, score in findings]
    return record(session, run_id, name, "unchanged", document_sha=doc.sha256, pages=doc.page_count or 0,
                  findings=sum(r["action"] != "keep" for r in rows), risk=risk.document_risk(rows))


def record_scan(session: Session, run_id: int, name: str, size: int, result: dict,
                originals_root: Path | None = None, original_path: str | None = None) -> store.BatchItem:
    """Store a scanned document (pages, findings; the original if a store folder is set) + its item."""
    scan = result["scan"]
    if originals_root is not None and original_path is not None:
        from reviewer.store import originals

        originals.put_file(originals_root, original_path)
    doc = session.get(store.DocumentRecord, scan.document.sha256)
    if doc is not None and doc.status == "failed":
        doc.status, doc.error = "processing", None  # a file the UI could not read, read now
    store.save_scan(session, scan, filename=display_name(name.split("!")[-1]), size=size, source="batch")
    findings = scan.findings
    return record(session, run_id, name, "scanned", document_sha=scan.document.sha256,
                  pages=len(scan.document.pages), findings=sum(f.action != "keep" for f in findings),
                  risk=risk.document_risk(findings), seconds=result.get("seconds", 0.0))


def record(session: Session, run_id: int, name: str, status: str, **fields) -> store.BatchItem:
    item = store.BatchItem(run_id=run_id, name=name, status=status, created_at=store.utcnow(), **fields)
    session.add(item)
    session.commit()
    return item


@dataclass(frozen=True)
class BatchTotals:
    """The counts of a batch run: items by status (`store.BATCH_ITEM_STATES`), pages, findings to act on, and
    failures by kind. `as_dict` is the form the CLI prints, the run stores and the report reads, keys in
    this order."""

    run: int
    items: int
    scanned: int = 0
    unchanged: int = 0
    failed: int = 0
    unsupported: int = 0
    skipped: int = 0
    pages: int = 0
    findings_to_act: int = 0
    failures_by_kind: Mapping[str | None, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {**asdict(self), "failures_by_kind": dict(self.failures_by_kind)}

    @classmethod
    def from_dict(cls, data: Mapping) -> BatchTotals:
        """Totals stored with a run (`BatchRun.summary`); keys it does not know are left out."""
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


def summary(session: Session, run_id: int) -> BatchTotals:
    """Counts of the run, from the database (so an interrupted and resumed run counts once)."""
    rows = session.execute(select(store.BatchItem.status, func.count(), func.sum(store.BatchItem.pages),
                                  func.sum(store.BatchItem.findings))
                           .where(store.BatchItem.run_id == run_id).group_by(store.BatchItem.status)).all()
    counts = {status: 0 for status in store.BATCH_ITEM_STATES}
    pages = findings = 0
    for status, n, p, f in rows:
        counts[status] = n
        pages += p or 0
        findings += f or 0
    failures = dict(session.execute(select(store.BatchItem.error_kind, func.count())
                                    .where(store.BatchItem.run_id == run_id,
                                           store.BatchItem.status == "failed")
                                    .group_by(store.BatchItem.error_kind)).tuples().all())
    return BatchTotals(run=run_id, items=sum(counts.values()), **counts, pages=pages, findings_to_act=findings,
                       failures_by_kind=failures)


def finish_run(session: Session, run: store.BatchRun, totals: BatchTotals) -> None:
    run.status, run.summary, run.finished_at = "done", totals.as_dict(), store.utcnow()
    session.commit()
