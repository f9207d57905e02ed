"""The queries behind the batch reports: the run's items and findings, and the aggregates of the summary."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from reviewer.detect import risk
from reviewer.store import records as store

RESULT_STATES = ("scanned", "unchanged")


def review_url(ui_url: str, sha256: str) -> str:
    return f"{ui_url.rstrip('/')}/documents/{sha256}"


def item_url(ui_url: str, item: store.BatchItem) -> str:
    """The review page of an item's document; "" for an item that never got one (failed before hashing)."""
    return review_url(ui_url, item.document_sha) if item.document_sha else ""


def items(session: Session, run_id: int, states=None) -> Iterator[store.BatchItem]:
    q = select(store.BatchItem).where(store.BatchItem.run_id == run_id).order_by(store.BatchItem.name)
    if states:
        q = q.where(store.BatchItem.status.in_(states))
    yield from session.scalars(q.execution_options(yield_per=500))


def finding_rows(session: Session, run_id: int, boxes: bool = False) -> Iterator[dict]:
    """One dict per finding of every document the run holds results for (as `reviewer scan` prints);
    with `boxes`, a finding on a page with geometry (PDF, image) carries them as `--format jsonl` does."""
    for item in items(session, run_id, RESULT_STATES):
        drawn = _pages_with_geometry(session, item.document_sha) if boxes else set()
        for f in session.scalars(select(store.FindingRecord)
                                 .where(store.FindingRecord.document_sha == item.document_sha)
                                 .order_by(store.FindingRecord.page, store.FindingRecord.start)):
            row = {"file": item.name, "sha256": item.document_sha, "page": f.page, "start": f.start,
                   "end": f.end, "text": f.text, "label": f.label, "basis": f.basis,
                   "score": round(f.score, 3), "action": f.action, "source": f.source,
                   "reasons": list(f.reasons)}
            if f.page in drawn:
                row["boxes"] = [list(b) for b in f.boxes or ()]
            yield row


def _pages_with_geometry(session: Session, sha256: str | None) -> set[int]:
    """The numbers of a document's pages that have a size and words (`reviewer.cli.scan.finding_json`)."""
    q = select(store.PageRecord.number, store.PageRecord.words).where(
        store.PageRecord.document_sha == sha256, store.PageRecord.width.is_not(None))
    return {number for number, words in session.execute(q) if words}


# --- aggregates for the summary ------------------------------------------------------------------

def _run_docs(run_id: int):
    return (select(store.BatchItem.document_sha)
            .where(store.BatchItem.run_id == run_id, store.BatchItem.status.in_(RESULT_STATES)).distinct())


def counts_by_label(session: Session, run_id: int) -> list[tuple[str, int, int]]:
    """(label, findings that need action, findings kept open) over the run's distinct documents."""
    acting = func.sum(case((store.FindingRecord.action != "keep", 1), else_=0))
    rows = session.execute(select(store.FindingRecord.label, acting, func.count())
                           .where(store.FindingRecord.document_sha.in_(_run_docs(run_id)))
                           .group_by(store.FindingRecord.label)).all()
    return sorted(((label, int(a or 0), n - int(a or 0)) for label, a, n in rows), key=lambda r: -r[1] - r[2])


def counts_by_huruf(session: Session, run_id: int) -> list[tuple[str, int]]:
    """Findings that need action per Pasal 17 huruf (a…j), all ten listed."""
    huruf = func.substr(store.FindingRecord.basis, 1, 3)
    rows = dict(session.execute(select(huruf, func.count())
                                .where(store.FindingRecord.document_sha.in_(_run_docs(run_id)),
                                       store.FindingRecord.action != "keep")
                                .group_by(huruf)).tuples().all())
    return [(f"17{c}", int(rows.get(f"17{c}", 0))) for c in "abcdefghij"]


def counts_by_level(session: Session, run_id: int) -> list[tuple[str, int]]:
    levels = {"tinggi": 0, "sedang": 0, "rendah": 0, "aman": 0}
    for (value,) in session.execute(select(store.BatchItem.risk).where(
            store.BatchItem.run_id == run_id, store.BatchItem.status.in_(RESULT_STATES))):
        levels[risk.level(value)] += 1
    return list(levels.items())


def acting_labels(session: Session, shas: list[str]) -> dict[str, dict[str, int]]:
    """{sha: {label: findings that need action}} for these documents."""
    out: dict[str, dict[str, int]] = {}
    for sha, label, n in session.execute(select(store.FindingRecord.document_sha, store.FindingRecord.label,
                                                func.count())
                                         .where(store.FindingRecord.document_sha.in_(shas),
                                                store.FindingRecord.action != "keep")
                                         .group_by(store.FindingRecord.document_sha, store.FindingRecord.label)):
        out.setdefault(sha, {})[label] = n
    return out


def top_documents(session: Session, run_id: int, limit: int = 100) -> list[store.BatchItem]:
    return list(session.scalars(select(store.BatchItem)
                                .where(store.BatchItem.run_id == run_id,
                                       store.BatchItem.status.in_(RESULT_STATES))
                                .order_by(store.BatchItem.risk.desc(), store.BatchItem.name).limit(limit)))


def problems(session: Session, run_id: int, limit: int = 200) -> list[store.BatchItem]:
    return list(session.scalars(select(store.BatchItem)
                                .where(store.BatchItem.run_id == run_id,
                                       store.BatchItem.status.in_(("failed", "unsupported", "skipped")))
                                .order_by(store.BatchItem.status, store.BatchItem.name).limit(limit)))
