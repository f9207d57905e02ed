"""Spreadsheets in the review page: the table view's data and "Terapkan ke seluruh kolom".

The table itself is built by `reviewer.review.columns.sheet_view` and drawn by
`templates/partials/_sheet.html`; the column decision is `reviewer.review.columns.apply_to_column`
(each finding its own decision and audit event, the document locked as for one decision,
findings decided by someone else left alone).
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from reviewer.core.errors import ReviewerError
from reviewer.review import columns, workflow
from webui.db import get_db
from webui.present import load_document, page_findings

bp = Blueprint("sheets", __name__)


def context(session, doc, record, findings: list[dict]) -> dict | None:
    """What the review template needs to draw a sheet page as a table (None: not a sheet page)."""
    if doc.kind not in columns.SHEET_KINDS or record is None or not record.sheet:
        return None
    offset = max(0, request.args.get("rows", 0, type=int))
    view = columns.sheet_view(record, findings, offset)
    if view is None:
        return None
    view["tabs"] = columns.sheet_tabs(session, doc.sha256)
    return view


@bp.route("/documents/<sha>/pages/<int:number>/columns/decide", methods=["POST"])
@login_required
def decide_column(sha: str, number: int):
    """Form fields: `col` (0-based column), `verdict` (redact or keep), `note`."""
    session = get_db()
    load_document(session, sha)
    verdict, col = request.form.get("verdict", ""), request.form.get("col", -1, type=int)
    try:
        result = columns.apply_to_column(session, current_user.row, sha, number, col, verdict,
                                         note=request.form.get("note", ""))
        session.commit()
    except ReviewerError as exc:
        session.rollback()
        if isinstance(exc, workflow.Forbidden):
            abort(403, str(exc))
        return _answer(sha, number, str(exc), ok=False, code=409 if isinstance(exc, workflow.Conflict) else 400)
    message = gettext("%(n)s temuan di kolom ini diputuskan", n=len(result.decided))
    if result.skipped:
        message += "; " + gettext("%(n)s sudah diputuskan orang lain dan tidak diubah", n=result.skipped)
    return _answer(sha, number, message, data={"decided": len(result.decided), "skipped": result.skipped,
                                               "reload": True, "progress": workflow.progress(session, sha)})


def _answer(sha: str, number: int, message: str, ok: bool = True, code: int = 400, data: dict | None = None):
    """JSON for the page's script, else a flash message and back to the same rows of the sheet."""
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"ok": ok, "message": message, **(data or {})}), 200 if ok else code
    flash(message, "info" if ok else "error")
    rows = request.form.get("rows", 0, type=int)
    return redirect(url_for("review.document", sha=sha, page=number, **({"rows": rows} if rows else {})))


@bp.route("/documents/<sha>/pages/<int:number>/sheet.json")
@login_required
def sheet_json(sha: str, number: int):
    """The JSON twin of the table view: columns, header, rows (with ?rows=offset) and their findings."""
    session = get_db()
    doc = load_document(session, sha)
    record = workflow.get_page(session, sha, number)
    findings = page_findings(session, sha, number)
    view = context(session, doc, record, findings)
    if view is None:
        return jsonify({"error": "bukan lembar kerja / not a sheet page"}), 404
    return jsonify(view)
