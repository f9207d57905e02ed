"""Exports of an approved document: the decisions (JSON), and — through `reviewer.redact` — the
redacted file, the redaction log and the draft uji konsekuensi, with proposer and approver named."""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, render_template, send_file
from flask_login import current_user, login_required
from sqlalchemy import select

from reviewer.core.errors import ReviewerError
from reviewer.review import export, workflow
from reviewer.store import records as store
from reviewer.store.context import scan_settings
from webui.db import get_db
from webui.present import iso, load_document, name_of

bp = Blueprint("exports", __name__)


def decisions_file(session, doc: store.DocumentRecord) -> dict:
    """The decisions file `reviewer redact --decisions` reads, with who proposed and approved."""
    from reviewer.redact.decisions import FORMAT, VERSION

    users = {u.id: u for u in session.scalars(select(store.User))}
    return {"format": FORMAT, "version": VERSION, "document": {"file": doc.filename, "sha256": doc.sha256},
            "status": doc.status, "proposed_by": name_of(users, doc.proposed_by_id),
            "proposed_at": iso(doc.proposed_at), "approved_by": name_of(users, doc.approved_by_id),
            "approved_at": iso(doc.approved_at),
            "decisions": [d.to_dict() for d in export.decisions(session, doc)]}


@bp.route("/documents/<sha>/decisions.json")
@login_required
def decisions(sha: str):
    session = get_db()
    return jsonify(decisions_file(session, load_document(session, sha)))


@bp.route("/documents/<sha>/export", endpoint="export")
@login_required
def export_page(sha: str):
    session = get_db()
    doc = load_document(session, sha)
    reason = workflow.refusal(current_user.row, "export", doc)
    if reason:
        abort(403, reason)
    return render_template("documents/export.html", doc=doc, available=doc.kind in export.REDACTABLE,
                           names=_names(session, doc))


def _names(session, doc: store.DocumentRecord) -> dict:
    users = {u.id: u for u in session.scalars(select(store.User))}
    return {"proposed_by": name_of(users, doc.proposed_by_id), "approved_by": name_of(users, doc.approved_by_id),
            "approved_at": iso(doc.approved_at)}


_LOCK = threading.Lock()
NAMES = {"redacted": ("redacted", None), "log": ("csv", "text/csv"), "log-json": ("json", "application/json"),
         "uji": ("uji", None)}


@bp.route("/documents/<sha>/export/<any(redacted, log, \"log-json\", uji):what>")
@login_required
def download(sha: str, what: str):
    session = get_db()
    doc = load_document(session, sha)
    reason = workflow.refusal(current_user.row, "export", doc)
    if reason:
        abort(403, reason)
    settings = scan_settings(session, current_app.config["SCAN_SETTINGS"], sha)
    out_dir = Path(current_app.instance_path) / "exports" / sha
    try:
        with _LOCK:
            paths = export.export_files(session, doc, Path(current_app.config["ORIGINALS"]), out_dir, settings)
    except ReviewerError as exc:
        session.rollback()
        return render_template("documents/export.html", doc=doc, available=True, error=str(exc),
                               names=_names(session, doc)), 409
    key, mimetype = NAMES[what]
    store.log_event(session, current_user.row, "exported", document_sha=sha, target=f"export:{what}",
                    after={"file": paths[key].name})
    session.commit()
    return send_file(paths[key], as_attachment=True, download_name=paths[key].name, mimetype=mimetype)
