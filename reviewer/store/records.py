"""Storage: documents (keyed by SHA-256), pages, findings, decisions, users, audit events, jobs.

Plain SQLAlchemy 2.0, usable without Flask (the web UI, the batch screener and the CLI share it).
SQLite is the embedded default; PostgreSQL through a `postgresql+psycopg://` URL. The schema is
created and changed only by the Alembic migrations in `reviewer/migrations` (`upgrade`).

Two tables are append-only and the database itself refuses UPDATE and DELETE on them (triggers
created by the migration): `events` (the audit log) and `decisions`. A decision is never
overwritten; the current one for a finding is simply the latest row.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from reviewer.core import reasons

ROLES = ("officer", "reviewer", "admin")
# Document status, in workflow order. `failed`: the file could not be read (see `error`).
STATUSES = ("processing", "needs_review", "awaiting_approval", "returned", "approved", "failed")
VERDICTS = ("redact", "keep")  # what a person decided about a finding: black it out, or leave it open
TERM_KINDS = ("official", "allow", "deny", "contact")  # contact: the agency's own published contacts
JOB_STATES = ("queued", "running", "done", "failed")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON, list: JSON}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # SHA-256 of the API token (the token itself is shown once and never stored).
    api_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


class LoginSession(Base):
    """A web login: the cookie carries a random token, the database its SHA-256. Logging out ends the
    row, so a copy of the cookie made before stops working too."""

    __tablename__ = "login_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class DocumentRecord(Base):
    __tablename__ = "documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    filename: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(10), default=None)  # pdf, docx, txt, image
    size: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(30), default="processing", index=True)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    page_count: Mapped[int | None] = mapped_column(Integer, default=None)
    pages_done: Mapped[int] = mapped_column(Integer, default=0)  # pages stored: they can be reviewed
    pages_read: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # read (OCR'd), not stored
    source: Mapped[str] = mapped_column(String(20), default="upload")  # upload, api, batch
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    proposed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    return_comment: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class PageRecord(Base):
    """A page's text and word geometry: enough to draw boxes and map a selection to offsets."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_sha", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_sha: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    width: Mapped[float | None] = mapped_column(Float, default=None)  # PDF points; None: no geometry
    height: Mapped[float | None] = mapped_column(Float, default=None)
    needs_ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    # [[start, end, x0, top, x1, bottom], ...]; the four coordinates are absent without geometry
    words: Mapped[list] = mapped_column(JSON, default=list)
    # a sheet page's grid (`reviewer.extract.sheets.layout`): cells, column headers, header row; else None
    sheet: Mapped[dict | None] = mapped_column(JSON, default=None)


class FindingRecord(Base):
    """A suggestion of a detector, or a manual redaction a person added (`source` = "manual")."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_sha: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    label: Mapped[str] = mapped_column(String(30))
    basis: Mapped[str] = mapped_column(String(20), default="")
    score: Mapped[float] = mapped_column(Float, default=0.0)
    action: Mapped[str] = mapped_column(String(10))  # suggested: redact, review, keep
    source: Mapped[str] = mapped_column(String(80), default="")
    reasons: Mapped[list] = mapped_column(JSON, default=list)  # Indonesian text, as the JSONL `reasons`
    # the same reasons structured (reviewer.core.reasons.as_dict), to render them in the user's language
    reason_data: Mapped[list | None] = mapped_column(JSON, default=None)
    entity: Mapped[str] = mapped_column(String(40), default="", server_default="")  # the person, within the doc
    boxes: Mapped[list] = mapped_column(JSON, default=list)  # [[x0, top, x1, bottom], ...] in points
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DecisionRecord(Base):
    """What a person decided about a finding. Append-only: the latest row per finding counts."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_sha: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), index=True)
    verdict: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(30))
    basis: Mapped[str] = mapped_column(String(20), default="")
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    boxes: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Event(Base):
    """One audit event: who did what, when, to what, before → after. Append-only."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    username: Mapped[str] = mapped_column(String(80), default="")  # as it was then
    action: Mapped[str] = mapped_column(String(50))
    document_sha: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    target: Mapped[str] = mapped_column(String(200), default="")
    before: Mapped[dict | None] = mapped_column(JSON, default=None)
    after: Mapped[dict | None] = mapped_column(JSON, default=None)


class Job(Base):
    """Queued work (scanning a stored original). Survives restarts: stale running jobs are re-queued."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_sha: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="scan")
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str] = mapped_column(String(100), default="")
    error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Term(Base):
    """The agency's lists: officials acting in office, allow terms, deny terms."""

    __tablename__ = "terms"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class BoxLabel(Base):
    """The short code printed on a redaction box for a legal basis (agency-configurable)."""

    __tablename__ = "box_labels"

    basis: Mapped[str] = mapped_column(String(20), primary_key=True)
    text: Mapped[str] = mapped_column(String(60))


BATCH_ITEM_STATES = ("scanned", "unchanged", "failed", "unsupported", "skipped")


class BatchRun(Base):
    """One `reviewer batch` run over folders and archives. Running the same paths again resumes it."""

    __tablename__ = "batch_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256 of the paths and settings
    paths: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="running")  # running, done
    summary: Mapped[dict] = mapped_column(JSON, default=dict)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class BatchItem(Base):
    """What a run did with one file of the archive (`arsip.zip!surat/a.pdf` for a zip member).
    One row per run and name, written in the same transaction as the document's results."""

    __tablename__ = "batch_items"
    __table_args__ = (UniqueConstraint("run_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("batch_runs.id"), index=True)
    name: Mapped[str] = mapped_column(String(1000))
    document_sha: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    status: Mapped[str] = mapped_column(String(12))  # one of BATCH_ITEM_STATES
    error_kind: Mapped[str | None] = mapped_column(String(20), default=None)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    findings: Mapped[int] = mapped_column(Integer, default=0)  # findings that need action
    risk: Mapped[float] = mapped_column(Float, default=0.0)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


APPEND_ONLY = ("events", "decisions")


# --- engine and sessions -------------------------------------------------------------------------

def instance_dir(given: str | Path | None = None) -> Path:
    """The folder for runtime state (database, originals, secrets): given, $REVIEWER_INSTANCE, ./instance."""
    return Path(given or os.environ.get("REVIEWER_INSTANCE") or "instance").resolve()


def database_url(instance: str | Path) -> str:
    """$DATABASE_URL (e.g. PostgreSQL), else the embedded SQLite file in the instance folder."""
    return os.environ.get("DATABASE_URL") or sqlite_url(Path(instance) / "reviewer.sqlite3")


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def normalise_url(url: str) -> str:
    """Accept the common `postgres://` / `postgresql://` spellings and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str, **kwargs) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 30, "check_same_thread": False})
    else:
        kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    if cur.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
        cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or migrate the schema to `revision` with the Alembic migrations."""
    from alembic import command

    with engine.begin() as conn:
        cfg = _alembic_config(conn)
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """The newest migration this version ships."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(None)).get_current_head() or ""


def require_schema(engine: Engine) -> None:
    """Refuse to run on a database that is empty or behind (migrations are an explicit step)."""
    from reviewer.core.errors import SchemaError

    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    state = "masih kosong / is empty" if current is None else f"pada revisi {current} / at revision {current}"
    raise SchemaError(f"basis data {state}, perlu revisi {head}: jalankan `reviewer db upgrade` dulu "
                      f"(cadangkan dulu bila berisi data) / database needs revision {head}: "
                      f"run `reviewer db upgrade` first (back it up first if it holds data)")


def _alembic_config(conn):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg


# --- documents, pages, findings ------------------------------------------------------------------

def add_document(session: Session, sha256: str, filename: str, size: int, *, source: str = "upload",
                 uploaded_by: User | None = None) -> tuple[DocumentRecord, bool]:
    """The stored document with this SHA-256, created (status `processing`) if new; (doc, created)."""
    doc = session.get(DocumentRecord, sha256)
    if doc is not None:
        return doc, False
    doc = DocumentRecord(sha256=sha256, filename=filename, size=size, source=source, status="processing",
                   uploaded_by_id=uploaded_by.id if uploaded_by else None, warnings=[])
    session.add(doc)
    return doc, True


def save_page(session: Session, sha256: str, page, findings) -> None:
    """Store one scanned page (`reviewer.core.model.Page`) and its findings (`reviewer.core.model.Finding`)."""
    session.add(page_record(sha256, page))
    for f in findings:
        session.add(finding_record(sha256, f, page))


def page_record(sha256: str, page) -> PageRecord:
    words = [[w.start, w.end, *([round(v, 2) for v in w.box.as_tuple()] if w.box else [])]
             for w in page.words]
    from reviewer.extract.sheets import layout

    return PageRecord(document_sha=sha256, number=page.number, text=page.text, width=page.width,
                      height=page.height, needs_ocr=page.needs_ocr, ocr=page.ocr, words=words, sheet=layout(page))


def finding_record(sha256: str, f, page=None, created_by: User | None = None) -> FindingRecord:
    boxes = [[round(v, 2) for v in b.as_tuple()] for b in page.boxes(f.start, f.end)] if page else []
    return FindingRecord(document_sha=sha256, page=f.page, start=f.start, end=f.end, text=f.text,
                         label=f.label, basis=f.basis, score=float(f.score), action=f.action,
                         source=f.source, reasons=list(f.reasons), boxes=boxes,
                         reason_data=[reasons.as_dict(r) for r in f.reasons], entity=getattr(f, "entity", ""),
                         created_by_id=created_by.id if created_by else None)


def save_scan(session: Session, result, *, filename: str | None = None, size: int = 0,
              source: str = "batch", uploaded_by: User | None = None) -> DocumentRecord:
    """Store a whole `reviewer.detect.pipeline.ScanResult` at once (batch use). Idempotent per SHA-256:
    a document already stored keeps its pages, findings and decisions."""
    document = result.document
    doc, created = add_document(session, document.sha256, filename or Path(document.path).name, size,
                                source=source, uploaded_by=uploaded_by)
    if not created and doc.status != "processing":
        return doc
    by_page: dict[int, list] = {}
    for f in result.findings:
        by_page.setdefault(f.page, []).append(f)
    for page in document.pages:
        save_page(session, document.sha256, page, by_page.get(page.number, []))
    doc.kind, doc.page_count, doc.pages_done = document.kind, len(document.pages), len(document.pages)
    doc.pages_read = doc.page_count
    doc.warnings = list(result.warnings)
    doc.status = "needs_review"
    return doc


def findings_of(session: Session, sha256: str, page: int | None = None) -> list[FindingRecord]:
    q = select(FindingRecord).where(FindingRecord.document_sha == sha256)
    if page is not None:
        q = q.where(FindingRecord.page == page)
    return list(session.scalars(q.order_by(FindingRecord.page, FindingRecord.start, FindingRecord.id)))


def label_counts(session: Session, shas: list[str], *, keep: bool | None = None) -> dict[str, dict[str, int]]:
    """{sha: {label: count}}; `keep=False` counts only findings to act on, `keep=True` only `keep` ones."""
    q = select(FindingRecord.document_sha, FindingRecord.label, func.count()).where(
        FindingRecord.document_sha.in_(shas))
    if keep is not None:
        q = q.where((FindingRecord.action == "keep") if keep else (FindingRecord.action != "keep"))
    rows = session.execute(q.group_by(FindingRecord.document_sha, FindingRecord.label))
    out: dict[str, dict[str, int]] = {}
    for sha, label, n in rows:
        out.setdefault(sha, {})[label] = n
    return out


# --- decisions and audit -------------------------------------------------------------------------

def current_decisions(session: Session, sha256: str) -> dict[int, DecisionRecord]:
    """The latest decision per finding of a document: {finding_id: decision}."""
    latest = (select(func.max(DecisionRecord.id)).where(DecisionRecord.document_sha == sha256)
              .group_by(DecisionRecord.finding_id))
    rows = session.scalars(select(DecisionRecord).where(DecisionRecord.id.in_(latest)))
    return {d.finding_id: d for d in rows}


def decision_history(session: Session, finding_id: int) -> list[DecisionRecord]:
    return list(session.scalars(select(DecisionRecord).where(DecisionRecord.finding_id == finding_id)
                                .order_by(DecisionRecord.id)))


def log_event(session: Session, user: User | None, action: str, *, document_sha: str | None = None,
              target: str = "", before: dict | None = None, after: dict | None = None) -> Event:
    ev = Event(user_id=user.id if user else None, username=user.username if user else "sistem",
               action=action, document_sha=document_sha, target=target, before=before, after=after,
               at=utcnow())
    session.add(ev)
    return ev


def events(session: Session, document_sha: str | None = None, limit: int | None = None) -> list[Event]:
    q = select(Event)
    if document_sha is not None:
        q = q.where(Event.document_sha == document_sha)
    q = q.order_by(Event.id.desc())
    if limit:
        q = q.limit(limit)
    return list(session.scalars(q))


@event.listens_for(Session, "before_flush")
def _refuse_rewrites(session: Session, _ctx, _instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, Event | DecisionRecord) and (obj in session.deleted or session.is_modified(obj)):
            raise PermissionError(f"{type(obj).__name__} is append-only")

