"""Exports of an approved document: the decisions (JSON), and — through `reviewer.redact` — the
redacted file, the redaction log and the draft uji konsekuensi, with proposer and approver named."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from reviewer import review as workflow
from reviewer import store
from webui.db import get_db
from webui.present import iso, load_document, name_of

bp = Blueprint("exports", __name__)


def decisions_export(session, doc: store.Document) -> dict:
    """Every current decision of the document, in page order, with who proposed and approved it."""
    users = {u.id: u for u in session.scalars(select(store.User))}
    findings = {f.id: f for f in store.findings_of(session, doc.sha256)}
    rows = sorted(store.current_decisions(session, doc.sha256).values(), key=lambda d: (d.page, d.start, d.id))
    return {
        "document": {"sha256": doc.sha256, "filename": doc.filename, "kind": doc.kind, "status": doc.status},
        "proposed_by": name_of(users, doc.proposed_by_id), "proposed_at": iso(doc.proposed_at),
        "approved_by": name_of(users, doc.approved_by_id), "approved_at": iso(doc.approved_at),
        "decisions": [{"finding_id": d.finding_id, "page": d.page, "start": d.start, "end": d.end,
                       "text": d.text, "label": d.label, "basis": d.basis, "verdict": d.verdict,
                       "boxes": d.boxes, "note": d.note, "source": findings[d.finding_id].source,
                       "by": name_of(users, d.user_id), "at": iso(d.created_at)} for d in rows],
    }


@bp.route("/documents/<sha>/decisions.json")
@login_required
def decisions(sha: str):
    session = get_db()
    return jsonify(decisions_export(session, load_document(session, sha)))


@bp.route("/documents/<sha>/export")
@login_required
def export(sha: str):
    session = get_db()
    doc = load_document(session, sha)
    reason = workflow.refusal(current_user.row, "export", doc)
    if reason:
        abort(403, reason)
    return render_template("documents/export.html", doc=doc, available=redactor_available())


def redactor_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("reviewer.redact") is not None


@bp.route("/documents/<sha>/export/<any(redacted, log, uji):what>")
@login_required
def download(sha: str, what: str):
    session = get_db()
    doc = load_document(session, sha)
    reason = workflow.refusal(current_user.row, "export", doc)
    if reason:
        abort(403, reason)
    if not redactor_available():
        abort(503, "Modul penghitaman belum terpasang / the redaction module is not installed yet")
    abort(501)
