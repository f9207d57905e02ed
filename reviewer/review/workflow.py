"""The review workflow: who may do what, decisions, manual redactions, submit → approve / return.

Everything here is a plain function over a SQLAlchemy session, used by the web UI and the API.
Every change writes an audit event (who, what, before → after). Decisions are appended, never
overwritten, so two people deciding at once lose nothing: the later one counts, both stay.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.core.errors import ReviewerError
from reviewer.core.model import LABELS, Box, Page, Word
from reviewer.core.vocabulary import is_basis
from reviewer.store.records import (
    VERDICTS,
    DecisionRecord,
    DocumentRecord,
    FindingRecord,
    PageRecord,
    User,
    current_decisions,
    log_event,
    utcnow,
)

EDITABLE = ("processing", "needs_review", "returned")
ACTIONS = ("view", "upload", "decide", "submit", "approve", "return", "export", "admin")


class WorkflowError(ReviewerError):
    """An action that is not possible in the document's state, or not for this user."""


class Forbidden(WorkflowError):
    """The user's role or the two-person rule does not allow the action."""


def refusal(user: User, action: str, doc: DocumentRecord | None = None) -> str | None:
    """Why `user` may not do `action` (on `doc`), or None when allowed."""
    if not user.active:
        return "akun nonaktif / account disabled"
    if action == "admin":
        return None if user.role == "admin" else "hanya admin / admins only"
    if action in ("approve", "return") and doc is None and user.role not in ("reviewer", "admin"):
        return "hanya penyetuju yang dapat menyetujui / only reviewers can approve or return"
    if action in ("view", "upload") or doc is None:
        return None
    role = _unit_role(user, doc)
    if role is None:
        return "dokumen unit lain / this document belongs to another unit"
    if action == "decide" and doc.status not in EDITABLE:
        return "dokumen terkunci selama persetujuan / document is locked (awaiting approval or approved)"
    if action == "submit":
        if doc.status not in ("needs_review", "returned"):
            return "dokumen belum siap diajukan / document cannot be submitted in this state"
    if action in ("approve", "return"):
        if role not in ("reviewer", "admin"):
            return "hanya penyetuju yang dapat menyetujui / only reviewers can approve or return"
        if doc.status != "awaiting_approval":
            return "dokumen tidak sedang menunggu persetujuan / document is not awaiting approval"
        if doc.proposed_by_id == user.id:
            return ("aturan dua orang: Anda yang mengajukan dokumen ini / two-person rule: you proposed "
                    "this document")
    if action == "export" and doc.status != "approved":
        return "hanya dokumen yang disetujui dapat diekspor / only approved documents can be exported"
    return None


def _unit_role(user: User, doc: DocumentRecord) -> str | None:
    """The user's role on this document: their role in its unit when units are used."""
    from sqlalchemy.orm import object_session

    from reviewer.store import units as unitstore

    session = object_session(doc)
    return user.role if session is None else unitstore.role_for(session, user, doc.sha256)


def require(user: User, action: str, doc: DocumentRecord | None = None) -> None:
    reason = refusal(user, action, doc)
    if reason:
        raise Forbidden(reason)


# --- decisions ----------------------------------------------------------------------------------

def page_model(record: PageRecord) -> Page:
    """The stored page as a `reviewer.core.model.Page` (for mapping offsets to boxes)."""
    words = [Word(record.text[w[0]:w[1]], w[0], w[1], Box(*w[2:6]) if len(w) >= 6 else None)
             for w in record.words]
    return Page(record.number, record.text, tuple(words), record.width, record.height)


def get_page(session: Session, sha: str, number: int) -> PageRecord | None:
    return session.scalar(select(PageRecord).where(PageRecord.document_sha == sha, PageRecord.number == number))


def decide(session: Session, user: User, finding: FindingRecord, verdict: str, *, basis: str | None = None,
           label: str | None = None, note: str = "", start: int | None = None,
           end: int | None = None) -> DecisionRecord:
    """Record a decision about a finding: `redact` (accept) or `keep` (reject), optionally with another
    basis, label or span."""
    doc = session.get(DocumentRecord, finding.document_sha)
    require(user, "decide", doc)
    if verdict not in VERDICTS:
        raise WorkflowError(f"keputusan tidak dikenal / unknown verdict: {verdict}")
    basis = finding.basis if basis is None else basis.strip()
    label = finding.label if not label else label
    if basis and not is_basis(basis):
        raise WorkflowError(f"dasar hukum tidak sah / invalid basis: {basis!r} (contoh / e.g. 17h2)")
    if label not in LABELS:
        raise WorkflowError(f"label tidak dikenal / unknown label: {label}")
    text, boxes = finding.text, finding.boxes
    start = finding.start if start is None else start
    end = finding.end if end is None else end
    if (start, end) != (finding.start, finding.end):
        text, boxes = _span(session, finding, start, end)
    previous = session.scalar(select(DecisionRecord).where(DecisionRecord.finding_id == finding.id)
                              .order_by(DecisionRecord.id.desc()).limit(1))
    decision = DecisionRecord(document_sha=finding.document_sha, finding_id=finding.id, verdict=verdict,
                              label=label, basis=basis, page=finding.page, start=start, end=end, text=text,
                              boxes=boxes, note=note.strip(), user_id=user.id, created_at=utcnow())
    session.add(decision)
    log_event(session, user, "decision", document_sha=finding.document_sha, target=f"finding:{finding.id}",
              before=summary(previous), after=summary(decision))
    return decision


def _span(session: Session, finding: FindingRecord, start: int, end: int) -> tuple[str, list]:
    record = get_page(session, finding.document_sha, finding.page)
    if record is None or not (0 <= start < end <= len(record.text)):
        raise WorkflowError("rentang teks tidak sah / invalid text span")
    page = page_model(record)
    return record.text[start:end], [[round(v, 2) for v in b.as_tuple()] for b in page.boxes(start, end)]


def summary(decision: DecisionRecord | None) -> dict | None:
    if decision is None:
        return None
    return {"verdict": decision.verdict, "label": decision.label, "basis": decision.basis,
            "start": decision.start, "end": decision.end, "text": decision.text, "note": decision.note}


def normalise(value: str) -> str:
    return " ".join(value.split()).casefold()


def apply_to_all(session: Session, user: User, finding: FindingRecord, verdict: str, *,
                 basis: str | None = None, note: str = "") -> list[DecisionRecord]:
    """The same decision for every occurrence of the finding's value in the document; occurrences no
    detector found are added as manual findings first."""
    value = normalise(finding.text)
    if not value:
        raise WorkflowError("temuan tanpa teks / finding has no text")
    _add_missing_occurrences(session, user, finding)
    same = [f for f in session.scalars(select(FindingRecord).where(
        FindingRecord.document_sha == finding.document_sha)) if normalise(f.text) == value]
    return [decide(session, user, f, verdict, basis=basis, note=note) for f in same]


def _add_missing_occurrences(session: Session, user: User, finding: FindingRecord) -> None:
    taken = {(f.page, f.start) for f in session.scalars(select(FindingRecord).where(
        FindingRecord.document_sha == finding.document_sha))}
    words = [re.escape(w) for w in finding.text.split()]
    pattern = re.compile(r"\s+".join(words), re.IGNORECASE)
    for record in session.scalars(select(PageRecord).where(PageRecord.document_sha == finding.document_sha)):
        for m in pattern.finditer(record.text):
            if (record.number, m.start()) not in taken:
                _new_finding(session, user, record, m.start(), m.end(), finding.label, finding.basis,
                             f"kemunculan lain dari '{finding.text}' / another occurrence")
    session.flush()


def _new_finding(session: Session, user: User, record: PageRecord, start: int, end: int, label: str,
                 basis: str, reason: str, boxes: list | None = None) -> FindingRecord:
    if boxes is None:
        boxes = [[round(v, 2) for v in b.as_tuple()] for b in page_model(record).boxes(start, end)]
    finding = FindingRecord(document_sha=record.document_sha, page=record.number, start=start, end=end,
                            text=record.text[start:end], label=label, basis=basis, score=1.0, action="redact",
                            source="manual", reasons=[f"ditambahkan oleh {user.username}: {reason}"],
                            boxes=boxes, created_by_id=user.id, created_at=utcnow())
    session.add(finding)
    return finding


def add_manual(session: Session, user: User, sha: str, page_number: int, *, label: str, basis: str,
               start: int | None = None, end: int | None = None, box: tuple | None = None,
               note: str = "") -> FindingRecord:
    """A redaction no detector suggested: a text selection (start, end) or a drawn box (points)."""
    doc = session.get(DocumentRecord, sha)
    require(user, "decide", doc)
    record = get_page(session, sha, page_number)
    if record is None:
        raise WorkflowError("halaman belum tersedia / page not available yet")
    if start is None and box is not None:
        start, end, boxes = _from_box(record, box)
        reason = "kotak manual / drawn box"
    elif start is not None and end is not None and 0 <= start < end <= len(record.text):
        boxes, reason = None, "pilihan teks / text selection"
    else:
        raise WorkflowError("pilih teks atau gambar kotak / select text or draw a box")
    finding = _new_finding(session, user, record, start, end, label, basis, reason, boxes)
    session.flush()
    log_event(session, user, "manual_added", document_sha=sha, target=f"finding:{finding.id}",
              after={"page": page_number, "start": start, "end": end, "text": finding.text, "boxes": finding.boxes})
    decide(session, user, finding, "redact", basis=basis, label=label, note=note)
    return finding


def _from_box(record: PageRecord, box: tuple) -> tuple[int, int, list]:
    if record.width is None:
        raise WorkflowError("halaman ini tanpa geometri; pilih teksnya / this page has no geometry: select text")
    x0, top, x1, bottom = (float(v) for v in box)
    x0, x1 = sorted((max(0.0, x0), min(record.width, x1)))
    top, bottom = sorted((max(0.0, top), min(record.height, bottom)))
    if x1 - x0 < 2 or bottom - top < 2:
        raise WorkflowError("kotak terlalu kecil / box too small")
    inside = [w for w in record.words if len(w) >= 6 and x0 <= (w[2] + w[4]) / 2 <= x1
              and top <= (w[3] + w[5]) / 2 <= bottom]
    start = min((w[0] for w in inside), default=0)
    end = max((w[1] for w in inside), default=0)
    return start, end, [[round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)]]


# --- workflow -----------------------------------------------------------------------------------

def progress(session: Session, sha: str) -> dict:
    """{total, act, decided, keep}: findings, those to act on (not `keep` suggestions), decided ones."""
    rows = session.execute(select(FindingRecord.action, FindingRecord.id.in_(
        select(DecisionRecord.finding_id).where(DecisionRecord.document_sha == sha))).where(
        FindingRecord.document_sha == sha)).all()
    act = [decided for action, decided in rows if action != "keep"]
    return {"total": len(rows), "act": len(act), "decided": sum(map(bool, act)), "keep": len(rows) - len(act)}


def undecided(session: Session, sha: str) -> list[FindingRecord]:
    current = current_decisions(session, sha)
    return [f for f in session.scalars(select(FindingRecord).where(FindingRecord.document_sha == sha))
            if f.id not in current]


def submit(session: Session, user: User, doc: DocumentRecord, note: str = "") -> None:
    """Send for approval. Findings marked `review` must be decided first; undecided `redact` and `keep`
    suggestions are recorded as accepted, in the submitter's name, so the log shows who."""
    require(user, "submit", doc)
    pending = undecided(session, doc.sha256)
    open_questions = [f for f in pending if f.action == "review"]
    if open_questions:
        raise WorkflowError(f"{len(open_questions)} temuan 'tinjau' belum diputuskan / findings marked "
                            "'review' are still undecided")
    for f in pending:
        decide(session, user, f, "keep" if f.action == "keep" else "redact",
               note="saran diterima saat diajukan / suggestion accepted on submit")
    _move(session, user, doc, "awaiting_approval", "submitted", note)
    doc.proposed_by_id, doc.proposed_at = user.id, utcnow()


def approve(session: Session, user: User, doc: DocumentRecord, note: str = "") -> None:
    require(user, "approve", doc)
    _move(session, user, doc, "approved", "approved", note)
    doc.approved_by_id, doc.approved_at = user.id, utcnow()


def return_(session: Session, user: User, doc: DocumentRecord, comment: str) -> None:
    require(user, "return", doc)
    if not comment.strip():
        raise WorkflowError("tulis alasan pengembalian / a comment is required to return a document")
    _move(session, user, doc, "returned", "returned", comment)
    doc.return_comment = comment.strip()


def _move(session: Session, user: User, doc: DocumentRecord, status: str, action: str, note: str) -> None:
    before = doc.status
    doc.status = status
    log_event(session, user, action, document_sha=doc.sha256, target=f"document:{doc.sha256}",
              before={"status": before}, after={"status": status, "note": note.strip()})
