"""The review workflow: who may do what, decisions, manual redactions, submit → approve / return.

Everything here is a plain function over a SQLAlchemy session, used by the web UI and the API.
Every change writes an audit event (who, what, before → after). Decisions are appended, never
overwritten, so two people deciding at once lose nothing: the later one counts, both stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import CursorResult, exists, insert, select, update
from sqlalchemy.orm import Session

from reviewer.core import reasons
from reviewer.core.errors import ReviewerError
from reviewer.core.model import LABELS, Box, Page, Word
from reviewer.core.vocabulary import is_basis
from reviewer.store.records import (
    VERDICTS,
    DecisionRecord,
    DocumentRecord,
    Event,
    FindingRecord,
    PageRecord,
    User,
    log_event,
    utcnow,
)

EDITABLE = ("processing", "needs_review", "returned")
SUBMITTABLE = ("needs_review", "returned")
CHUNK = 500  # suggestions accepted per transaction on submit: the write lock is released in between
ACTIONS = ("view", "upload", "decide", "submit", "approve", "return", "export", "admin")


class WorkflowError(ReviewerError):
    """An action that is not possible in the document's state, or not for this user."""


class Forbidden(WorkflowError):
    """The user's role or the two-person rule does not allow the action."""


class Conflict(WorkflowError):
    """Someone else changed the document's state first (a race lost): nothing was done."""


CHANGED = ("dokumen baru saja diubah oleh orang lain; muat ulang halaman / the document was just changed by "
           "someone else; reload the page")


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
        if doc.status not in SUBMITTABLE:
            return "dokumen belum siap diajukan / document cannot be submitted in this state"
    if action in ("approve", "return"):
        if role not in ("reviewer", "admin"):
            return "hanya penyetuju yang dapat menyetujui / only reviewers can approve or return"
        if doc.status != "awaiting_approval":
            return "dokumen tidak sedang menunggu persetujuan / document is not awaiting approval"
        if took_part(doc, user):
            return ("aturan dua orang: Anda ikut memutuskan atau mengajukan dokumen ini / two-person rule: "
                    "you decided on or submitted this document")
    if action == "export" and doc.status != "approved":
        return "hanya dokumen yang disetujui dapat diekspor / only approved documents can be exported"
    return None


def _unit_role(user: User, doc: DocumentRecord) -> str | None:
    """The user's role on this document: their role in its unit when units are used."""
    from sqlalchemy.orm import object_session

    from reviewer.store import units as unitstore

    session = object_session(doc)
    return user.role if session is None else unitstore.role_for(session, user, doc.sha256)


def took_part(doc: DocumentRecord, user: User) -> bool:
    """Whether `user` submitted the document or decided any of its findings (two-person rule)."""
    from sqlalchemy.orm import object_session

    if doc.proposed_by_id == user.id:
        return True
    session = object_session(doc)
    return session is not None and bool(session.scalar(select(exists().where(
        DecisionRecord.document_sha == doc.sha256, DecisionRecord.user_id == user.id))))


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


def document(session: Session, sha: str) -> DocumentRecord:
    """The stored document, or a clear error when there is none with this sha256."""
    doc = session.get(DocumentRecord, sha)
    if doc is None:
        raise WorkflowError(f"dokumen tidak ditemukan / document not found: {sha}")
    return doc


def get_page(session: Session, sha: str, number: int) -> PageRecord | None:
    return session.scalar(select(PageRecord).where(PageRecord.document_sha == sha, PageRecord.number == number))


def decide(session: Session, user: User, finding: FindingRecord, verdict: str, *, basis: str | None = None,
           label: str | None = None, note: str = "", start: int | None = None,
           end: int | None = None) -> DecisionRecord:
    """Record a decision about a finding: `redact` (accept) or `keep` (reject), optionally with another
    basis, label or span. Refused once the document is submitted, even by a request that read it before."""
    doc = document(session, finding.document_sha)
    require(user, "decide", doc)
    lock_editable(session, doc)
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
    return append_decision(session, user, finding, verdict, previous, label=label, basis=basis, note=note,
                           span=(start, end, text, boxes))


def append_decision(session: Session, user: User, finding: FindingRecord, verdict: str,
                    previous: DecisionRecord | None, *, label: str, basis: str, note: str = "",
                    span: tuple[int, int, str, list] | None = None) -> DecisionRecord:
    """The decision row and its audit event, once the caller checked the rules and holds the lock."""
    start, end, text, boxes = span or (finding.start, finding.end, finding.text, finding.boxes)
    decision = DecisionRecord(document_sha=finding.document_sha, finding_id=finding.id, verdict=verdict,
                              label=label, basis=basis, page=finding.page, start=start, end=end, text=text,
                              boxes=boxes, note=note.strip(), user_id=user.id, created_at=utcnow())
    session.add(decision)
    log_event(session, user, "decision", document_sha=finding.document_sha, target=f"finding:{finding.id}",
              before=summary(previous), after=summary(decision))
    return decision


def lock_editable(session: Session, doc: DocumentRecord) -> None:
    """Take the document's row (the write lock on SQLite) while it is still editable, or refuse: a decision
    racing a submit either lands before it or is refused, never after it."""
    if not _transition(session, doc, EDITABLE, None):
        raise Conflict("dokumen terkunci selama persetujuan / document is locked (awaiting approval or approved)")


def _transition(session: Session, doc: DocumentRecord, allowed: tuple[str, ...], status: str | None,
                **values) -> bool:
    """`UPDATE documents SET status … WHERE sha256 = … AND status IN allowed` (status None: unchanged);
    True when this request won. The row stays locked until the transaction ends (the whole database on
    SQLite), so of N simultaneous requests exactly one wins and the others see its result."""
    values["updated_at"] = utcnow()
    if status is not None:
        values["status"] = status
    result = cast("CursorResult[Any]", session.execute(update(DocumentRecord).where(DocumentRecord.sha256 == doc.sha256,
                                                          DocumentRecord.status.in_(allowed))
                             .values(**values)
                             .execution_options(synchronize_session=False)))  # what an UPDATE gives
    if result.rowcount != 1:
        session.expire(doc)
        return False
    session.refresh(doc)
    return True


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
    doc = document(session, finding.document_sha)
    require(user, "decide", doc)
    lock_editable(session, doc)
    _add_missing_occurrences(session, user, finding)
    same = [f for f in session.scalars(select(FindingRecord).where(
        FindingRecord.document_sha == finding.document_sha)) if normalise(f.text) == value]
    return [decide(session, user, f, verdict, basis=basis, note=note) for f in same]


def apply_to_entity(session: Session, user: User, finding: FindingRecord, verdict: str, *,
                    basis: str | None = None, note: str = "") -> list[DecisionRecord]:
    """The same decision for every finding of the same person (the scan's entity grouping, not string
    matching: "Rina", "RINA WULANDARI" and her alias are one person). Each finding gets its own decision
    and audit event; refused like any decision once the document is submitted."""
    if not finding.entity:
        raise WorkflowError("temuan ini tidak terkait dengan satu orang / this finding belongs to no person")
    doc = document(session, finding.document_sha)
    require(user, "decide", doc)
    lock_editable(session, doc)
    same = session.scalars(select(FindingRecord).where(FindingRecord.document_sha == finding.document_sha,
                                                       FindingRecord.entity == finding.entity)
                           .order_by(FindingRecord.page, FindingRecord.start, FindingRecord.id))
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
                             reasons.reason("manual.other_occurrence", text=finding.text))
    session.flush()


def _new_finding(session: Session, user: User, record: PageRecord, start: int, end: int, label: str,
                 basis: str, reason: str, boxes: list | None = None) -> FindingRecord:
    if boxes is None:
        boxes = [[round(v, 2) for v in b.as_tuple()] for b in page_model(record).boxes(start, end)]
    why = reasons.reason("manual.added", user=user.username, how=reason, source="manual")
    finding = FindingRecord(document_sha=record.document_sha, page=record.number, start=start, end=end,
                            text=record.text[start:end], label=label, basis=basis, score=1.0, action="redact",
                            source="manual", reasons=[why], reason_data=[reasons.as_dict(why)],
                            boxes=boxes, created_by_id=user.id, created_at=utcnow())
    session.add(finding)
    return finding


def add_manual(session: Session, user: User, sha: str, page_number: int, *, label: str, basis: str,
               start: int | None = None, end: int | None = None, box: tuple | None = None,
               note: str = "") -> FindingRecord:
    """A redaction no detector suggested: a text selection (start, end) or a drawn box (points)."""
    doc = document(session, sha)
    require(user, "decide", doc)
    lock_editable(session, doc)
    record = get_page(session, sha, page_number)
    if record is None:
        raise WorkflowError("halaman belum tersedia / page not available yet")
    if start is None and box is not None:
        start, end, boxes = _from_box(record, box)
        reason = reasons.reason("manual.box")
    elif start is not None and end is not None and 0 <= start < end <= len(record.text):
        boxes, reason = None, reasons.reason("manual.selection")
    else:
        raise WorkflowError("pilih teks atau gambar kotak / select text or draw a box")
    finding = _new_finding(session, user, record, start, end, label, basis, reason, boxes)
    session.flush()
    log_event(session, user, "manual_added", document_sha=sha, target=f"finding:{finding.id}",
              after={"page": page_number, "start": start, "end": end, "text": finding.text, "boxes": finding.boxes})
    decide(session, user, finding, "redact", basis=basis, label=label, note=note)
    return finding


def _from_box(record: PageRecord, box: tuple) -> tuple[int, int, list]:
    if record.width is None or record.height is None:
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

@dataclass(frozen=True)
class Progress:
    """How far a document is decided: its findings, those to act on (not `keep` suggestions), the decided ones
    among them, and the `keep` suggestions."""

    total: int
    act: int
    decided: int
    keep: int

    @classmethod
    def of(cls, actions_decided: list[tuple[str, bool]]) -> Progress:
        """From (action, decided) per finding."""
        act = [decided for action, decided in actions_decided if action != "keep"]
        return cls(len(actions_decided), len(act), sum(map(bool, act)), len(actions_decided) - len(act))


class Accepted(NamedTuple):
    label: str
    verdict: str
    n: int


@dataclass(frozen=True)
class Pending:
    """What a submit would do now: `open_review` findings marked `review` still undecided (they block it),
    `accept` the undecided suggestions it would accept as they are, by label and verdict."""

    open_review: int
    accept: tuple[Accepted, ...]


def progress(session: Session, sha: str) -> Progress:
    """How far the document is decided (`Progress`)."""
    rows = session.execute(select(FindingRecord.action, FindingRecord.id.in_(
        select(DecisionRecord.finding_id).where(DecisionRecord.document_sha == sha))).where(
        FindingRecord.document_sha == sha)).all()
    return Progress.of([(action, bool(decided)) for action, decided in rows])


def undecided(session: Session, sha: str, limit: int | None = None) -> list[FindingRecord]:
    """The document's findings nobody has decided yet, in page order (at most `limit`)."""
    decided = select(DecisionRecord.finding_id).where(DecisionRecord.document_sha == sha)
    q = select(FindingRecord).where(FindingRecord.document_sha == sha, FindingRecord.id.not_in(decided)) \
        .order_by(FindingRecord.id)
    return list(session.scalars(q.limit(limit) if limit else q))


def pending(session: Session, sha: str) -> Pending:
    """What a submit would do now (`Pending`)."""
    from sqlalchemy import func

    decided = select(DecisionRecord.finding_id).where(DecisionRecord.document_sha == sha)
    rows = session.execute(select(FindingRecord.label, FindingRecord.action, func.count()).where(
        FindingRecord.document_sha == sha, FindingRecord.id.not_in(decided))
        .group_by(FindingRecord.label, FindingRecord.action)).all()
    accept: dict[tuple[str, str], int] = {}
    for label, action, n in rows:
        if action != "review":
            key = (label, "keep" if action == "keep" else "redact")
            accept[key] = accept.get(key, 0) + n
    return Pending(sum(n for _l, action, n in rows if action == "review"),
                   tuple(Accepted(label, verdict, n) for (label, verdict), n in sorted(accept.items())))


ACCEPTED_ON_SUBMIT = "saran diterima saat diajukan / suggestion accepted on submit"


def submit(session: Session, user: User, doc: DocumentRecord, note: str = "", *, chunk: int = CHUNK) -> None:
    """Send for approval. Findings marked `review` must be decided first; undecided `redact` and `keep`
    suggestions are recorded as accepted, in the submitter's name, so the log shows who.

    Commits: the suggestions are accepted `chunk` at a time, one transaction each, so a document with
    thousands of findings never holds the write lock for long; the last transaction moves the document
    (a conditional update) together with whatever is still undecided then. A submit cut off half-way
    leaves an editable document with some suggestions accepted in the submitter's name, nothing else.
    """
    require(user, "submit", doc)
    before = doc.status
    _refuse_open_questions(session, doc.sha256)
    while len(batch := undecided(session, doc.sha256, chunk + 1)) > chunk:
        lock_editable(session, doc)
        _accept(session, user, batch[:chunk])
        session.commit()
    if not _transition(session, doc, SUBMITTABLE, "awaiting_approval", proposed_by_id=user.id,
                       proposed_at=utcnow()):
        raise Conflict(CHANGED)
    _refuse_open_questions(session, doc.sha256)
    _accept(session, user, undecided(session, doc.sha256))
    _log_move(session, user, doc, "submitted", before, note)


def _refuse_open_questions(session: Session, sha: str) -> None:
    open_questions = [f for f in undecided(session, sha) if f.action == "review"]
    if open_questions:
        raise WorkflowError(f"{len(open_questions)} temuan 'tinjau' belum diputuskan / findings marked "
                            "'review' are still undecided")


def _accept(session: Session, user: User, findings: list[FindingRecord]) -> None:
    """Accept undecided suggestions as they are, in two bulk inserts (decisions and their events)."""
    if not findings:
        return
    now = utcnow()
    rows = [{"document_sha": f.document_sha, "finding_id": f.id, "verdict": "keep" if f.action == "keep" else
             "redact", "label": f.label, "basis": f.basis, "page": f.page, "start": f.start, "end": f.end,
             "text": f.text, "boxes": f.boxes, "note": ACCEPTED_ON_SUBMIT, "user_id": user.id, "created_at": now}
            for f in findings]
    session.execute(insert(DecisionRecord), rows)
    session.execute(insert(Event), [
        {"user_id": user.id, "username": user.username, "action": "decision", "document_sha": r["document_sha"],
         "target": f"finding:{r['finding_id']}", "before": None, "at": now,
         "after": {k: r[k] for k in ("verdict", "label", "basis", "start", "end", "text", "note")}}
        for r in rows])


def approve(session: Session, user: User, doc: DocumentRecord, note: str = "") -> None:
    """Approve (a conditional update: of simultaneous approvals and returns exactly one wins)."""
    require(user, "approve", doc)
    if not _transition(session, doc, ("awaiting_approval",), "approved", approved_by_id=user.id,
                       approved_at=utcnow()):
        raise Conflict(CHANGED)
    _log_move(session, user, doc, "approved", "awaiting_approval", note)


def return_(session: Session, user: User, doc: DocumentRecord, comment: str) -> None:
    require(user, "return", doc)
    if not comment.strip():
        raise WorkflowError("tulis alasan pengembalian / a comment is required to return a document")
    if not _transition(session, doc, ("awaiting_approval",), "returned", return_comment=comment.strip()):
        raise Conflict(CHANGED)
    _log_move(session, user, doc, "returned", "awaiting_approval", comment)


def _log_move(session: Session, user: User, doc: DocumentRecord, action: str, before: str, note: str) -> None:
    log_event(session, user, action, document_sha=doc.sha256, target=f"document:{doc.sha256}",
              before={"status": before}, after={"status": doc.status, "note": note.strip()})
