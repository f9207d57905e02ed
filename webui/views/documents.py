"""Document list (with filters and search), upload, processing status. Each view has a JSON twin."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required
from sqlalchemy import func, or_, select

from reviewer.core.errors import ReviewerError
from reviewer.core.filenames import display_name
from reviewer.core.units import ROLE_RANK
from reviewer.review import scanning as process
from reviewer.store import records as store
from reviewer.store import units as unitstore
from webui import worker
from webui.db import get_db
from webui.i18n import one_language
from webui.present import date_range, doc_dict, load_document
from webui.views import units as units_views

bp = Blueprint("documents", __name__)
log = logging.getLogger(__name__)
PER_PAGE = 50


FILTERS = ("status", "label", "q", "mine", "inbox", "unit", "user", "from", "to", "sort")
SORTS = {"updated": store.DocumentRecord.updated_at.desc(), "created": store.DocumentRecord.created_at.desc(),
         "oldest": store.DocumentRecord.created_at.asc(), "name": store.DocumentRecord.filename.asc(),
         "status": store.DocumentRecord.status.asc()}


@bp.route("/")
@bp.route("/documents.json", endpoint="index_json")
@login_required
def index():
    """One page of the documents the user may see, filtered, searched and sorted in the database."""
    session, me = get_db(), current_user.row
    filters = {k: request.args.get(k, "").strip()[:200] for k in FILTERS}
    per = min(200, max(10, request.args.get("per", PER_PAGE, type=int)))
    visible = _query(session, filters, me).where(unitstore.visible_clause(session, me))
    total = session.scalar(select(func.count()).select_from(visible.order_by(None).subquery())) or 0
    pages = max(1, -(-total // per))
    page = min(pages, max(1, request.args.get("page", 1, type=int)))
    docs = list(session.scalars(visible.order_by(SORTS.get(filters["sort"], SORTS["updated"]),
                                                 store.DocumentRecord.sha256).offset((page - 1) * per).limit(per)))
    rows = _rows(session, docs)
    by_status, inbox = _counts(session, me)
    paging = {"page": page, "pages": pages, "per": per, "total": total}
    if request.path.endswith(".json"):
        return jsonify({"documents": rows, "filters": filters, "status_counts": by_status, "inbox": inbox, **paging})
    return render_template("documents/list.html", rows=rows, filters=filters, statuses=store.STATUSES,
                           labels=_labels_in_use(session, me), by_status=by_status, inbox=inbox, paging=paging,
                           sorts=list(SORTS), users=_users_in_view(session, me))


def _rows(session, docs) -> list[dict]:
    shas = [d.sha256 for d in docs]
    counts, act = store.label_counts(session, shas), store.label_counts(session, shas, keep=False)
    users = _users(session)
    return [doc_dict(d, counts.get(d.sha256, {}), users, act.get(d.sha256, {})) for d in docs]


def _counts(session, me) -> tuple[dict, int]:
    """Documents per status, and how many wait for `me` (the inbox), among those `me` may see."""
    seen = unitstore.visible_clause(session, me)
    by_status = {s: n for s, n in session.execute(
        select(store.DocumentRecord.status, func.count()).where(seen).group_by(store.DocumentRecord.status))}
    inbox = session.scalar(select(func.count()).select_from(
        select(store.DocumentRecord.sha256).where(seen, _waiting_for(me)).subquery())) or 0
    return by_status, inbox


def _waiting_for(me: store.User):
    """"Menunggu saya": for a reviewer, documents awaiting approval they had no part in; for anyone,
    their own documents still to review or returned to them."""
    doc = store.DocumentRecord
    mine = or_(doc.uploaded_by_id == me.id, doc.proposed_by_id == me.id)
    own = doc.status.in_(("needs_review", "returned")) & mine
    if me.role == "officer" and not _reviews_anywhere(me):
        return own
    decided = select(store.DecisionRecord.document_sha).where(store.DecisionRecord.user_id == me.id)
    not_mine = or_(doc.proposed_by_id.is_(None), doc.proposed_by_id != me.id)
    to_approve = (doc.status == "awaiting_approval") & not_mine & doc.sha256.not_in(decided)
    return or_(own, to_approve)


def _reviews_anywhere(me: store.User) -> bool:
    return any(ROLE_RANK.get(role, 0) >= ROLE_RANK["reviewer"] for _c, role in unitstore.memberships(get_db(), me))


def _query(session, filters: dict, me: store.User):
    doc = store.DocumentRecord
    q = select(doc)
    if filters["status"] in store.STATUSES:
        q = q.where(doc.status == filters["status"])
    if filters["q"]:
        like = f"%{filters['q']}%"
        found = select(store.FindingRecord.document_sha).where(store.FindingRecord.text.ilike(like))
        q = q.where(or_(doc.filename.ilike(like), doc.sha256.in_(found)))
    if filters["label"]:
        has = select(store.FindingRecord.document_sha).where(store.FindingRecord.label == filters["label"])
        q = q.where(doc.sha256.in_(has))
    if filters["mine"]:
        q = q.where(or_(doc.uploaded_by_id == me.id, doc.proposed_by_id == me.id))
    if filters["inbox"]:
        q = q.where(_waiting_for(me))
    if filters["unit"]:
        q = q.where(doc.sha256.in_(select(unitstore.DocumentUnit.document_sha).join(
            unitstore.UnitRecord, unitstore.UnitRecord.id == unitstore.DocumentUnit.unit_id)
            .where(unitstore.UnitRecord.code == filters["unit"])))
    if filters["user"]:
        who = select(store.User.id).where(store.User.username == filters["user"])
        q = q.where(or_(doc.uploaded_by_id.in_(who), doc.proposed_by_id.in_(who), doc.approved_by_id.in_(who)))
    return _dates(q, filters)


def _dates(q, filters: dict):
    """`from` / `to` (YYYY-MM-DD, inclusive) on the upload date; a malformed date is ignored."""
    return date_range(q, filters, store.DocumentRecord.created_at)


def _users_in_view(session, me: store.User) -> list[str]:
    """User names for the people filter (only those with documents `me` may see)."""
    doc = store.DocumentRecord
    ids = select(doc.uploaded_by_id).where(unitstore.visible_clause(session, me))
    q = select(store.User.username).where(store.User.id.in_(ids)).order_by(store.User.username)
    return list(session.scalars(q))


def _users(session) -> dict[int, store.User]:
    return {u.id: u for u in session.scalars(select(store.User))}


def _labels_in_use(session, user: store.User) -> list[str]:
    """The labels found in the documents `user` may see (never another unit's)."""
    visible = select(store.DocumentRecord.sha256).where(unitstore.visible_clause(session, user))
    return sorted(session.scalars(select(store.FindingRecord.label).where(
        store.FindingRecord.document_sha.in_(visible)).distinct()))


@bp.route("/upload", methods=["POST"])
@login_required
def upload():
    doc, message = receive(request.files.get("file"), current_user.row, "upload")
    if doc is None:
        flash(message, "error")
        return redirect(url_for("documents.index"))
    flash(message, "info")
    return redirect(url_for("review.document", sha=doc.sha256))


def receive(file, user, source: str):
    """Store an uploaded file and queue it; (document, message) or (None, error message).

    A refused upload leaves nothing behind (no original, no row). A file that is already the document of
    a unit the uploader cannot see is refused in words that say nothing of that document: not that the
    same bytes are stored, nor its name, state or unit (originals are content-addressed, so "already
    there" would tell a PPID pembantu what another unit holds). The server log names it for the admin."""
    if file is None or not file.filename:
        return None, gettext("Pilih berkas dulu")
    session = get_db()
    fd, tmp = tempfile.mkstemp(dir=current_app.instance_path, suffix=".upload")
    stored = None
    try:
        with os.fdopen(fd, "wb") as out:
            file.save(out)
        stored = _new_original(Path(tmp))
        doc, created = process.accept_upload(session, Path(current_app.config["ORIGINALS"]), Path(tmp),
                                             file.filename, user=user, source=source)
        if not created and not unitstore.can_see(session, user, doc.sha256):
            log.warning("upload by %s refused: %s is a document outside their units", user.username, doc.sha256)
            raise ReviewerError(gettext("unggahan ini tidak dapat diterima dari akun Anda; hubungi PPID utama"))
        units_views.place_upload(session, doc, user, created)
        session.commit()
    except ReviewerError as exc:
        _discard(session, stored)
        return None, gettext("%(name)s: berkas ditolak — %(why)s", name=display_name(file.filename),
                             why=one_language(exc))
    except OSError as exc:  # a full disk, a read-only folder: say so, record nothing
        _discard(session, stored)
        log.error("upload of %r not stored: %s", file.filename, exc)
        return None, gettext("%(name)s: tidak dapat disimpan di server (disk penuh?)",
                              name=display_name(file.filename))
    finally:
        os.unlink(tmp)
    if not created:
        return doc, gettext("Dokumen ini sudah ada (diunggah sebelumnya): %(name)s", name=doc.filename)
    worker.wake()
    return doc, gettext("%(name)s diunggah; sedang dipindai", name=doc.filename)


def _new_original(tmp: Path) -> str | None:
    """The SHA-256 of the upload when its original is not stored yet (this upload will store it)."""
    import hashlib

    from reviewer.store import originals

    digest = hashlib.sha256()
    with tmp.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    sha = digest.hexdigest()
    return None if originals.path_of(current_app.config["ORIGINALS"], sha).exists() else sha


def _discard(session, sha: str | None) -> None:
    """Roll back, and remove the original this refused upload stored (unless a document now owns it)."""
    from reviewer.store import originals

    session.rollback()
    if sha and session.get(store.DocumentRecord, sha) is None:
        originals.path_of(current_app.config["ORIGINALS"], sha).unlink(missing_ok=True)


@bp.route("/documents/<sha>/status.json")
@login_required
def status(sha: str):
    session = get_db()
    doc = load_document(session, sha)
    return jsonify(doc_dict(doc, store.label_counts(session, [sha]).get(sha, {}), _users(session)))
