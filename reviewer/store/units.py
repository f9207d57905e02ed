"""Units, memberships, the unit of each document and the DIK rows, in the shared database.

The tables hang off `reviewer.store.records.Base` (created by migration 0002_units). Scoping rules:

- no unit defined at all: nobody is scoped (a single-office installation works as before);
- units defined: an instance admin sees everything; anyone else sees the documents of the units
  their memberships reach (`UnitTree.scope`), and documents without a unit only through the PPID utama.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    select,
    true,
)
from sqlalchemy import text as sql
from sqlalchemy.orm import Mapped, Session, mapped_column

from reviewer.core.settings import Settings
from reviewer.core.units import ROLE_RANK, Unit, UnitError, UnitTree, check_unit
from reviewer.store import records as store

TERM_FIELDS = {"official": "officials", "allow": "allow_terms", "deny": "deny_terms", "contact": "agency_contacts"}


class UnitRecord(store.Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="dinas")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), default=None, index=True)
    ppid: Mapped[str] = mapped_column(String(10), default="pembantu")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=store.utcnow)


class UnitTerm(store.Base):
    """A unit's officials (acting in office), allow terms and deny terms; inherited downwards."""

    __tablename__ = "unit_terms"
    __table_args__ = (UniqueConstraint("unit_id", "kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(300))


class UnitBoxLabel(store.Base):
    __tablename__ = "unit_box_labels"

    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    basis: Mapped[str] = mapped_column(String(20), primary_key=True)
    text: Mapped[str] = mapped_column(String(60))


class Membership(store.Base):
    """A user's role in a unit (petugas, penyetuju or admin of that unit's PPID)."""

    __tablename__ = "unit_members"
    __table_args__ = (UniqueConstraint("user_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=store.utcnow)


class DocumentUnit(store.Base):
    """The unit a document belongs to (one per document)."""

    __tablename__ = "document_units"

    document_sha: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=store.utcnow)


class DikRowRecord(store.Base):
    """A row of a unit's DIK (see `reviewer.dik.model.DikRow`). Revoked rows stay, as 'dicabut'."""

    __tablename__ = "dik_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    number: Mapped[str] = mapped_column(String(20), default="")
    group_name: Mapped[str] = mapped_column(String(300), default="")
    information: Mapped[str] = mapped_column(Text)
    basis_text: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    if_opened: Mapped[str] = mapped_column(Text, default="")
    if_closed: Mapped[str] = mapped_column(Text, default="")
    duration_kind: Mapped[str] = mapped_column(String(20), default="unspecified")
    duration_months: Mapped[int | None] = mapped_column(Integer, default=None)
    duration_text: Mapped[str] = mapped_column(String(300), default="")
    counted_from: Mapped[str] = mapped_column(String(10), default="document")
    decree_number: Mapped[str] = mapped_column(String(120), default="")
    decree_date: Mapped[date | None] = mapped_column(Date, default=None)
    decree_official: Mapped[str] = mapped_column(String(300), default="")
    decree_place: Mapped[str] = mapped_column(String(120), default="")
    holder: Mapped[str] = mapped_column(String(300), default="")
    keywords: Mapped[list] = mapped_column(JSON, default=list)
    labels: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="ditetapkan", index=True)
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)
    source: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=store.utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=store.utcnow, onupdate=store.utcnow)


# --- units --------------------------------------------------------------------------------------

def unit_record(session: Session, code: str) -> UnitRecord:
    rec = session.scalar(select(UnitRecord).where(UnitRecord.code == code))
    if rec is None:
        raise UnitError(f"unit tidak dikenal / unknown unit: {code}")
    return rec


def has_units(session: Session) -> bool:
    return session.scalar(select(UnitRecord.id).limit(1)) is not None


def load_tree(session: Session) -> UnitTree:
    records = list(session.scalars(select(UnitRecord).where(UnitRecord.active)))
    codes = {r.id: r.code for r in records}
    lists: dict[int, dict[str, list[str]]] = {r.id: {f: [] for f in TERM_FIELDS.values()} for r in records}
    for term in session.scalars(select(UnitTerm).order_by(UnitTerm.id)):
        if term.unit_id in lists and term.kind in TERM_FIELDS:
            lists[term.unit_id][TERM_FIELDS[term.kind]].append(term.value)
    labels: dict[int, dict[str, str]] = {r.id: {} for r in records}
    for label in session.scalars(select(UnitBoxLabel)):
        labels.setdefault(label.unit_id, {})[label.basis] = label.text
    return UnitTree(Unit(r.code, r.name, r.kind, codes.get(r.parent_id) if r.parent_id else None, r.ppid,
                         box_labels=labels[r.id], id=r.id, **{k: tuple(v) for k, v in lists[r.id].items()})
                    for r in records)


def add_unit(session: Session, unit: Unit, by: store.User | None = None) -> UnitRecord:
    check_unit(unit)
    if session.scalar(select(UnitRecord.id).where(UnitRecord.code == unit.code)) is not None:
        raise UnitError(f"kode unit sudah dipakai / unit code already used: {unit.code}")
    parent = unit_record(session, unit.parent) if unit.parent else None
    rec = UnitRecord(code=unit.code, name=unit.name.strip(), kind=unit.kind, ppid=unit.ppid,
                     parent_id=parent.id if parent else None, active=True, created_at=store.utcnow())
    session.add(rec)
    session.flush()
    for kind, name in TERM_FIELDS.items():
        for value in getattr(unit, name):
            add_term(session, unit.code, kind, value)
    for basis, text in unit.box_labels.items():
        set_box_label(session, unit.code, basis, text)
    store.log_event(session, by, "unit_added", target=f"unit:{unit.code}",
                    after={"name": rec.name, "kind": rec.kind, "parent": unit.parent, "ppid": rec.ppid})
    return rec


def update_unit(session: Session, code: str, by: store.User | None = None, **changes) -> UnitRecord:
    """Change name, kind, ppid or parent (by code); the tree is re-validated (no cycles)."""
    rec = unit_record(session, code)
    tree = load_tree(session)
    current = tree[code]
    wanted: dict[str, Any] = {"name": current.name, "kind": current.kind, "ppid": current.ppid,
                              "parent": current.parent}
    wanted.update({k: v for k, v in changes.items() if k in wanted and v is not None})
    wanted["parent"] = wanted["parent"] or None
    new = Unit(code, wanted["name"], wanted["kind"], wanted["parent"], wanted["ppid"])
    UnitTree([new if u.code == code else u for _d, u in tree.walk()])  # raises on a cycle or bad value
    before = {k: getattr(current, k) for k in wanted}
    rec.name, rec.kind, rec.ppid = new.name.strip(), new.kind, new.ppid
    rec.parent_id = unit_record(session, new.parent).id if new.parent else None
    store.log_event(session, by, "unit_changed", target=f"unit:{code}", before=before, after=wanted)
    return rec


def add_term(session: Session, code: str, kind: str, value: str, by: store.User | None = None) -> bool:
    """Add an official / allow / deny term to a unit; False when it was already there."""
    if kind not in TERM_FIELDS:
        raise UnitError(f"jenis daftar tidak dikenal / unknown list kind {kind!r} (official, allow, deny, contact)")
    value = " ".join(value.split())
    if not value or len(value) > 300:
        raise UnitError("isi daftar kosong atau terlalu panjang / empty or too long term")
    rec = unit_record(session, code)
    exists = session.scalar(select(UnitTerm.id).where(UnitTerm.unit_id == rec.id, UnitTerm.kind == kind,
                                                      UnitTerm.value == value))
    if exists is not None:
        return False
    session.add(UnitTerm(unit_id=rec.id, kind=kind, value=value))
    store.log_event(session, by, "unit_term_added", target=f"unit:{code}", after={"kind": kind, "value": value})
    return True


def remove_term(session: Session, code: str, kind: str, value: str, by: store.User | None = None) -> bool:
    rec = unit_record(session, code)
    term = session.scalar(select(UnitTerm).where(UnitTerm.unit_id == rec.id, UnitTerm.kind == kind,
                                                 UnitTerm.value == value))
    if term is None:
        return False
    session.delete(term)
    store.log_event(session, by, "unit_term_removed", target=f"unit:{code}", before={"kind": kind, "value": value})
    return True


def set_box_label(session: Session, code: str, basis: str, text: str, by: store.User | None = None) -> None:
    """The unit's own code printed on boxes for `basis`; an empty text goes back to the inherited one."""
    from reviewer.dik.model import CODE

    if not CODE.match(basis):
        raise UnitError(f"dasar hukum tidak sah / invalid basis {basis!r} (mis. 17h, 17h2)")
    rec = unit_record(session, code)
    current = session.get(UnitBoxLabel, (rec.id, basis))
    before = current.text if current else None
    text = text.strip()[:60]
    if not text and current is not None:
        session.delete(current)
    elif current is not None:
        current.text = text
    elif text:
        session.add(UnitBoxLabel(unit_id=rec.id, basis=basis, text=text))
    store.log_event(session, by, "unit_box_label", target=f"unit:{code}", before={basis: before},
                    after={basis: text or None})


def effective_settings(session: Session, code: str, base: Settings) -> Settings:
    """The settings a scan of a document of unit `code` runs with (`base` has the instance lists)."""
    return load_tree(session).effective(code, base)


# --- memberships and scope ----------------------------------------------------------------------

def set_member(session: Session, user: store.User, code: str, role: str, by: store.User | None = None) -> None:
    """Give `user` a role in unit `code` (replacing the role they had there)."""
    if role not in ROLE_RANK:
        raise UnitError(f"peran harus salah satu dari {', '.join(ROLE_RANK)} / role must be one of {tuple(ROLE_RANK)}")
    rec = unit_record(session, code)
    member = session.scalar(select(Membership).where(Membership.user_id == user.id, Membership.unit_id == rec.id))
    before = member.role if member else None
    if member is None:
        session.add(Membership(user_id=user.id, unit_id=rec.id, role=role, created_at=store.utcnow()))
    else:
        member.role = role
    store.log_event(session, by, "unit_member_set", target=f"unit:{code}",
                    before={"user": user.username, "role": before}, after={"user": user.username, "role": role})


def remove_member(session: Session, user: store.User, code: str, by: store.User | None = None) -> bool:
    rec = unit_record(session, code)
    member = session.scalar(select(Membership).where(Membership.user_id == user.id, Membership.unit_id == rec.id))
    if member is None:
        return False
    session.delete(member)
    store.log_event(session, by, "unit_member_removed", target=f"unit:{code}",
                    before={"user": user.username, "role": member.role})
    return True


def memberships(session: Session, user: store.User) -> list[tuple[str, str]]:
    rows = session.execute(select(UnitRecord.code, Membership.role)
                           .join(Membership, Membership.unit_id == UnitRecord.id)
                           .where(Membership.user_id == user.id, UnitRecord.active).order_by(UnitRecord.code))
    return [(code, role) for code, role in rows]


def members(session: Session, code: str) -> list[tuple[store.User, str]]:
    rec = unit_record(session, code)
    rows = session.execute(select(store.User, Membership.role).join(Membership, Membership.user_id == store.User.id)
                           .where(Membership.unit_id == rec.id).order_by(store.User.username))
    return [(user, role) for user, role in rows]


def visible_units(session: Session, user: store.User) -> set[str] | None:
    """Unit codes `user` may see; None means everything (no units defined, or an instance admin)."""
    if user.role == "admin" or not has_units(session):
        return None
    return load_tree(session).visible(memberships(session, user))


def sees_unassigned(session: Session, user: store.User) -> bool:
    """Documents without a unit are the PPID utama's (and the admin's)."""
    if user.role == "admin" or not has_units(session):
        return True
    tree = load_tree(session)
    return any(code in tree and tree[code].ppid == "utama" for code, _ in memberships(session, user))


def visible_clause(session: Session, user: store.User):
    """A WHERE clause for `select(store.DocumentRecord)` keeping only the documents `user` may see."""
    codes = visible_units(session, user)
    if codes is None:
        return true()
    in_units = select(DocumentUnit.document_sha).join(UnitRecord, UnitRecord.id == DocumentUnit.unit_id) \
        .where(UnitRecord.code.in_(codes or {""}))
    clause: ColumnElement[bool] = store.DocumentRecord.sha256.in_(in_units)
    if sees_unassigned(session, user):
        clause = clause | store.DocumentRecord.sha256.not_in(select(DocumentUnit.document_sha))
    return clause


def can_see(session: Session, user: store.User, sha: str) -> bool:
    q = select(store.DocumentRecord.sha256).where(store.DocumentRecord.sha256 == sha, visible_clause(session, user))
    return session.scalar(q) is not None


def unit_of(session: Session, sha: str) -> str | None:
    return session.scalar(select(UnitRecord.code).join(DocumentUnit, DocumentUnit.unit_id == UnitRecord.id)
                          .where(DocumentUnit.document_sha == sha))


def role_for(session: Session, user: store.User, sha: str) -> str | None:
    """The role `user` acts with on a document: their unit role there (their account role when the
    installation has no units, for admins, and for unit-less documents they may see)."""
    if user.role == "admin" or not has_units(session):
        return user.role
    code = unit_of(session, sha)
    if code is None:
        return user.role if sees_unassigned(session, user) else None
    return load_tree(session).role_in(memberships(session, user), code)


def assign_document(session: Session, sha: str, code: str, by: store.User | None = None) -> None:
    """Put a document in a unit (moving it if it was in another one)."""
    rec = unit_record(session, code)
    link = session.get(DocumentUnit, sha)
    before = unit_of(session, sha)
    if link is None:
        session.add(DocumentUnit(document_sha=sha, unit_id=rec.id, created_at=store.utcnow()))
    else:
        link.unit_id = rec.id
    store.log_event(session, by, "document_unit", document_sha=sha, target=f"document:{sha}",
                    before={"unit": before}, after={"unit": code})


def lock_content(session: Session, content_sha: str, code: str | None) -> None:
    """Hold, until the transaction ends, the right to add a document of unit `code` with these bytes.

    Two uploads of the same file to the same unit at the same moment (a double click, two officers) must
    give one document, not two: each asks `own_document` and would find none. Taken before that question,
    this lock makes the second wait for the first to commit, then find its document. PostgreSQL: a
    transaction advisory lock on (unit, content); SQLite: the database's write lock (a no-op UPDATE starts
    the write transaction, which SQLite allows one at a time)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        key = int.from_bytes(bytes.fromhex(content_sha[:16]), "big", signed=True) ^ _unit_key(code)
        session.execute(sql("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    elif dialect == "sqlite":
        session.execute(sql("UPDATE documents SET status = status WHERE 1 = 0"))


def _unit_key(code: str | None) -> int:
    """A stable signed 64-bit number for a unit code (None: documents of no unit)."""
    import hashlib

    digest = hashlib.sha256((code or "").encode("utf-8")).digest()[:8]
    return int.from_bytes(digest, "big", signed=True)


def own_document(session: Session, content_sha: str, code: str | None,
                 user: store.User | None = None) -> store.DocumentRecord | None:
    """The document of unit `code` (None: of no unit) holding these bytes, the oldest if several; when `user`
    is given, only one they may see. Another unit's document with the same bytes is never it."""
    doc = store.DocumentRecord
    q = select(doc).where(doc.content_sha == content_sha)
    linked = select(DocumentUnit.document_sha)
    if code is None:
        q = q.where(doc.sha256.not_in(linked))
    else:
        q = q.where(doc.sha256.in_(linked.join(UnitRecord, UnitRecord.id == DocumentUnit.unit_id)
                                   .where(UnitRecord.code == code)))
    if user is not None:
        q = q.where(visible_clause(session, user))
    return session.scalars(q.order_by(doc.created_at, doc.sha256).limit(1)).first()


def add_document(session: Session, content_sha: str, filename: str, size: int, *, unit: str | None = None,
                 source: str = "upload", uploaded_by: store.User | None = None,
                 ) -> tuple[store.DocumentRecord, bool]:
    """The unit's document with these bytes, or a new one placed in `unit`; (document, created).

    The same bytes in two units are two independent documents (each its own review and audit trail);
    within one unit they are one document. `unit` None: documents of no unit. Safe against a simultaneous
    call with the same bytes and unit (`lock_content`)."""
    lock_content(session, content_sha, unit)
    found = own_document(session, content_sha, unit, uploaded_by)
    if found is not None:
        return found, False
    doc = store.add_document(session, content_sha, filename, size, source=source, uploaded_by=uploaded_by)
    session.flush()
    if unit is not None:
        assign_document(session, doc.sha256, unit, uploaded_by)
    return doc, True


def save_scan(session: Session, result, *, unit: str | None = None, filename: str | None = None, size: int = 0,
              source: str = "batch", uploaded_by: store.User | None = None) -> store.DocumentRecord:
    """Store a whole scan (batch use) as the document of `unit` with these bytes: idempotent per unit and
    content (a document already stored keeps its pages, findings and decisions)."""
    from pathlib import Path

    document = result.document
    doc, _ = add_document(session, document.sha256, filename or Path(document.path).name, size, unit=unit,
                          source=source, uploaded_by=uploaded_by)
    return store.save_scan(session, result, doc)


def default_unit(session: Session, user: store.User) -> str | None:
    """The unit an upload by `user` goes to: their only membership, or their strongest one."""
    mine = memberships(session, user)
    if not mine:
        return None
    return max(mine, key=lambda m: ROLE_RANK.get(m[1], 0))[0] if len(mine) > 1 else mine[0][0]
