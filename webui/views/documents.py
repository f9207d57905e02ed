"""Document list (with filters and search), upload, processing status. Each view has a JSON twin."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import func, or_, select

from reviewer.core.errors import ReviewerError
from reviewer.core.filenames import display_name
from reviewer.review import scanning as process
from reviewer.store import records as store
from reviewer.store import units as unitstore
from webui import worker
from webui.db import get_db
from webui.present import doc_dict, load_document
from webui.views import units as units_views

bp = Blueprint("documents", __name__)
log = logging.getLogger(__name__)
PER_PAGE = 50


@bp.route("/")
@bp.route("/documents.json", endpoint="index_json")
@login_required
def index():
    session = get_db()
    filters = {k: request.args.get(k, "").strip() for k in ("status", "label", "q", "mine")}
    docs = list(session.scalars(_query(filters).where(unitstore.visible_clause(session, current_user.row))
                                .limit(PER_PAGE)))
    shas = [d.sha256 for d in docs]
    counts, act = store.label_counts(session, shas), store.label_counts(session, shas, keep=False)
    users = _users(session)
    rows = [doc_dict(d, counts.get(d.sha256, {}), users, act.get(d.sha256, {})) for d in docs]
    by_status = {s: n for s, n in session.execute(
        select(store.DocumentRecord.status, func.count()).where(unitstore.visible_clause(session, current_user.row))
        .group_by(store.DocumentRecord.status))}
    if request.path.endswith(".json"):
        return jsonify({"documents": rows, "filters": filters, "status_counts": by_status})
    return render_template("documents/list.html", rows=rows, filters=filters, statuses=store.STATUSES,
                           labels=_labels_in_use(session, current_user.row), by_status=by_status)


def _query(filters: dict):
    q = select(store.DocumentRecord).order_by(store.DocumentRecord.updated_at.desc())
    if filters["status"] in store.STATUSES:
        q = q.where(store.DocumentRecord.status == filters["status"])
    if filters["q"]:
        like = f"%{filters['q']}%"
        found = select(store.FindingRecord.document_sha).where(store.FindingRecord.text.ilike(like))
        q = q.where(or_(store.DocumentRecord.filename.ilike(like), store.DocumentRecord.sha256.in_(found)))
    if filters["label"]:
        has = select(store.FindingRecord.document_sha).where(store.FindingRecord.label == filters["label"])
        q = q.where(store.DocumentRecord.sha256.in_(has))
    if filters["mine"]:
        me = current_user.id
        q = q.where(or_(store.DocumentRecord.uploaded_by_id == me, store.DocumentRecord.proposed_by_id == me))
    return q


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
    a unit the uploader cannot see is refused with the same words whatever that document is: neither its
    name nor its state nor its unit is told."""
    if file is None or not file.filename:
        return None, "Pilih berkas dulu / choose a file first"
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
            raise ReviewerError(ELSEWHERE)
        units_views.place_upload(session, doc, user, created)
        session.commit()
    except ReviewerError as exc:
        _discard(session, stored)
        return None, f"{display_name(file.filename)}: berkas ditolak / file rejected — {exc}"
    except OSError as exc:  # a full disk, a read-only folder: say so, record nothing
        _discard(session, stored)
        log.error("upload of %r not stored: %s", file.filename, exc)
        return None, (f"{display_name(file.filename)}: tidak dapat disimpan di server (disk penuh?) / could not "
                      f"be stored on the server (disk full?): {exc.strerror or exc}")
    finally:
        os.unlink(tmp)
    if not created:
        return doc, f"Dokumen ini sudah ada (diunggah sebelumnya) / already uploaded: {doc.filename}"
    worker.wake()
    return doc, f"{doc.filename} diunggah; sedang dipindai / uploaded; scanning"


ELSEWHERE = ("berkas yang sama sudah ditangani di luar unit Anda; hubungi PPID utama / the same file is "
             "handled outside your unit; ask the PPID utama")


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
