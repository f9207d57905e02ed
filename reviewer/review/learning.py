"""Learning from decisions: values people keep rejecting become allow-list proposals, and decided
passages become training examples for the passage classifier."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.review.workflow import normalise
from reviewer.store.records import DecisionRecord, FindingRecord, Term, current_decisions

MIN_DOCUMENTS = 3


def allow_proposals(session: Session, min_documents: int = MIN_DOCUMENTS) -> list[dict]:
    """Values suggested for redaction but left open (`keep`) in at least `min_documents` documents,
    not yet on the allow list: [{value, label, documents}], most frequent first."""
    allowed = {normalise(t.value) for t in session.scalars(select(Term).where(Term.kind == "allow"))}
    seen: dict[str, dict] = {}
    for sha in session.scalars(select(DecisionRecord.document_sha).distinct()):
        decisions = current_decisions(session, sha)
        findings = {f.id: f for f in session.scalars(select(FindingRecord).where(
            FindingRecord.id.in_(list(decisions))))}
        for fid, d in decisions.items():
            f = findings[fid]
            value = normalise(f.text)
            if d.verdict != "keep" or f.action == "keep" or f.source == "manual" or not value or value in allowed:
                continue
            entry = seen.setdefault(value, {"value": " ".join(f.text.split()), "label": f.label, "docs": set()})
            entry["docs"].add(sha)
    out = [{"value": e["value"], "label": e["label"], "documents": len(e["docs"])}
           for e in seen.values() if len(e["docs"]) >= min_documents]
    return sorted(out, key=lambda e: (-e["documents"], e["value"]))


def passage_examples(session: Session) -> list[dict]:
    """Decided passages as training rows: {text, label: "exempt"|"open", basis, document, decided_by}."""
    rows = []
    for sha in session.scalars(select(DecisionRecord.document_sha).distinct()):
        decisions = current_decisions(session, sha)
        for d in decisions.values():
            if d.label != "PASSAGE" or not d.text.strip():
                continue
            rows.append({"text": d.text, "label": "exempt" if d.verdict == "redact" else "open",
                         "basis": d.basis if d.verdict == "redact" else "", "document": sha,
                         "decided_by": d.user_id})
    return rows
