"""A unit's DIK in the database: load (with the rows inherited from the units above), import, edit,
revoke, and the suggestions' basis notes and the re-review list computed from it.

Rows are never deleted: a revoked row stays with status 'dicabut' and the day it ended, so
decisions that cited it keep their meaning. Every change writes an audit event.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.dik.expiry import NOTICE_WORKING_DAYS, Due, expires_on, state_of
from reviewer.dik.match import BasisNote, match, note
from reviewer.dik.model import CODE, COUNTED_FROM, DURATION_KINDS, STATUSES, Decree, DikError, DikRow, Duration
from reviewer.store import records as store
from reviewer.store.units import DikRowRecord, DocumentUnit, UnitRecord, load_tree, unit_record

EDITABLE = ("number", "group", "information", "basis_text", "reason", "if_opened", "if_closed", "holder",
            "keywords", "labels", "status", "ended_on", "duration", "decree")


def to_row(rec: DikRowRecord, unit_code: str) -> DikRow:
    return DikRow(
        information=rec.information, basis_text=rec.basis_text, reason=rec.reason, if_opened=rec.if_opened,
        if_closed=rec.if_closed, duration=Duration(rec.duration_kind, rec.duration_months, rec.duration_text,
                                                   rec.counted_from),
        decree=Decree(rec.decree_number, rec.decree_date, rec.decree_official, rec.decree_place),
        number=rec.number, group=rec.group_name, holder=rec.holder, keywords=tuple(rec.keywords or ()),
        labels=tuple(rec.labels or ()), status=rec.status, ended_on=rec.ended_on, unit=unit_code, id=rec.id)


def _fill(rec: DikRowRecord, row: DikRow) -> DikRowRecord:
    _check(row)
    rec.information, rec.basis_text, rec.reason = row.information.strip(), row.basis_text.strip(), row.reason
    rec.if_opened, rec.if_closed, rec.number, rec.group_name = row.if_opened, row.if_closed, row.number, row.group
    rec.duration_kind, rec.duration_months = row.duration.kind, row.duration.months
    rec.duration_text, rec.counted_from = row.duration.text[:300], row.duration.counted_from
    rec.decree_number, rec.decree_date = row.decree.number[:120], row.decree.date
    rec.decree_official, rec.decree_place = row.decree.official[:300], row.decree.place[:120]
    rec.holder, rec.keywords, rec.labels = row.holder[:300], list(row.keywords), list(row.labels)
    rec.status, rec.ended_on = row.status, row.ended_on
    return rec


def _check(row: DikRow) -> None:
    if not row.information.strip():
        raise DikError("informasi kosong / the information column is empty")
    if row.status not in STATUSES:
        raise DikError(f"status harus salah satu dari {', '.join(STATUSES)} / unknown status {row.status!r}")
    if row.duration.kind not in DURATION_KINDS or row.duration.counted_from not in COUNTED_FROM:
        raise DikError(f"jangka waktu tidak sah / invalid duration {row.duration}")
    if len(row.number) > 20:
        raise DikError("nomor baris terlalu panjang / row number too long")


def rows_of(session: Session, code: str, inherited: bool = True, with_revoked: bool = False) -> list[DikRow]:
    """The unit's rows, after the rows of the units above it when `inherited` (a city-wide DIK applies
    to every dinas)."""
    tree = load_tree(session)
    units = tree.ancestors(code) if inherited else [tree[code]]
    ids = {u.id: u.code for u in units}
    q = select(DikRowRecord).where(DikRowRecord.unit_id.in_(ids))
    if not with_revoked:
        q = q.where(DikRowRecord.status != "dicabut")
    order = {u.id: i for i, u in enumerate(units)}
    recs = sorted(session.scalars(q), key=lambda r: (order[r.unit_id], _number_key(r.number), r.id))
    return [to_row(r, ids[r.unit_id]) for r in recs]


def _number_key(number: str) -> tuple:
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


def get_row(session: Session, row_id: int) -> DikRow:
    rec = session.get(DikRowRecord, row_id)
    if rec is None:
        raise DikError(f"baris DIK tidak ditemukan / DIK row not found: {row_id}")
    return to_row(rec, session.get_one(UnitRecord, rec.unit_id).code)


def add_row(session: Session, code: str, row: DikRow, by: store.User | None = None, source: str = "") -> DikRow:
    unit = unit_record(session, code)
    rec = _fill(DikRowRecord(unit_id=unit.id, source=source[:300], created_by_id=by.id if by else None,
                             created_at=store.utcnow(), updated_at=store.utcnow()), row)
    session.add(rec)
    session.flush()
    store.log_event(session, by, "dik_row_added", target=f"dik:{rec.id}", after=_summary(to_row(rec, code)))
    return to_row(rec, code)


def import_rows(session: Session, code: str, rows, by: store.User | None = None, source: str = "",
                replace_existing: bool = False) -> list[DikRow]:
    """Add imported rows to unit `code`. With `replace_existing` the unit's current rows are revoked
    (kept as 'dicabut', ended today) — a new decree replacing the old DIK."""
    unit = unit_record(session, code)
    revoked = 0
    if replace_existing:
        for rec in session.scalars(select(DikRowRecord).where(DikRowRecord.unit_id == unit.id,
                                                              DikRowRecord.status != "dicabut")):
            rec.status, rec.ended_on = "dicabut", rec.ended_on or date.today()
            revoked += 1
    added = []
    for row in rows:
        rec = _fill(DikRowRecord(unit_id=unit.id, source=source[:300], created_by_id=by.id if by else None,
                                 created_at=store.utcnow(), updated_at=store.utcnow()), row)
        session.add(rec)
        added.append(rec)
    session.flush()
    store.log_event(session, by, "dik_imported", target=f"unit:{code}",
                    after={"source": source, "rows": len(added), "revoked": revoked})
    return [to_row(r, code) for r in added]


def update_row(session: Session, row_id: int, by: store.User | None = None, **changes) -> DikRow:
    """Change fields of a row (see `EDITABLE`); the audit event keeps before and after."""
    rec = session.get(DikRowRecord, row_id)
    if rec is None:
        raise DikError(f"baris DIK tidak ditemukan / DIK row not found: {row_id}")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DikError(f"kolom tidak dapat diubah / cannot change: {', '.join(sorted(unknown))}")
    code = session.get_one(UnitRecord, rec.unit_id).code
    before = to_row(rec, code)
    after = replace(before, **changes)
    _fill(rec, after)
    rec.updated_at = store.utcnow()
    store.log_event(session, by, "dik_row_changed", target=f"dik:{row_id}", before=_summary(before),
                    after=_summary(after))
    return to_row(rec, code)


def revoke_row(session: Session, row_id: int, by: store.User | None = None, on: date | None = None) -> DikRow:
    return update_row(session, row_id, by, status="dicabut", ended_on=on or date.today())


def _summary(row: DikRow) -> dict:
    d = row.to_dict()
    return {k: d[k] for k in ("number", "information", "basis_text", "status", "ended_on")} | {
        "duration": row.duration.describe(), "decree": row.decree.describe()}


# --- suggestions and re-review -----------------------------------------------------------------

def notes_for(session: Session, code: str | None, findings, page_texts: dict[int, str] | None = None,
              today: date | None = None, document_date: date | None = None) -> dict[int, BasisNote]:
    """A basis note per finding (keyed by `id(finding)` or the record's id) for a document of unit `code`."""
    rows = rows_of(session, code) if code else []
    unit_name = load_tree(session)[code].name if code else ""
    out = {}
    for f in findings:
        context = _context(page_texts or {}, f)
        out[getattr(f, "id", None) or id(f)] = note(f, match(f, rows, context), unit_name, today or date.today(),
                                                    document_date)
    return out


def _context(page_texts: dict[int, str], f, width: int = 300) -> str:
    text = page_texts.get(f.page, "")
    return text[max(f.start - width, 0):f.end + width]


def redactions_due(session: Session, today: date, codes: set[str] | None = None,
                   notice: int = NOTICE_WORKING_DAYS) -> list[tuple[store.DocumentRecord, store.DecisionRecord, Due]]:
    """Redactions in approved documents whose DIK row's period has ended (or ends within the notice),
    and redactions under huruf a–f that no row covers (so no period was ever set)."""
    tree = load_tree(session)
    q = select(store.DocumentRecord, UnitRecord.code) \
        .join(DocumentUnit, DocumentUnit.document_sha == store.DocumentRecord.sha256) \
        .join(UnitRecord, UnitRecord.id == DocumentUnit.unit_id).where(store.DocumentRecord.status == "approved")
    out = []
    for doc, code in session.execute(q):
        if codes is not None and code not in codes or code not in tree:
            continue
        rows = rows_of(session, code)
        pages = {p.number: p.text for p in session.scalars(select(store.PageRecord)
                                                           .where(store.PageRecord.document_sha == doc.sha256))}
        approved = doc.approved_at.date() if doc.approved_at else None
        for decision in store.current_decisions(session, doc.sha256).values():
            if decision.verdict != "redact":
                continue
            due = _redaction_due(decision, rows, _context(pages, decision), approved, today, notice)
            if due is not None:
                out.append((doc, decision, due))
    return sorted(out, key=lambda t: (t[2].expires or date.max, t[0].filename))


def _redaction_due(decision, rows, context: str, approved: date | None, today: date, notice: int) -> Due | None:
    found = match(decision, rows, context)
    if found is None:
        m = CODE.match(decision.basis or "")
        if m and m.group(1) in "abcdef":
            return Due(DikRow(information=f"(tidak ada baris DIK) {decision.label}", basis_text=decision.basis),
                       "no_period", None)
        return None
    ends = expires_on(found.row, approved)
    state = state_of(ends, today, notice)
    return Due(found.row, state, ends) if state else None
