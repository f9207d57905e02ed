"""The audit log: per document for everyone, the whole log for admins (viewable and exportable)."""

from __future__ import annotations

import json

from flask import Blueprint, Response, jsonify, render_template, request
from flask_login import login_required

from reviewer.store import records as store
from webui.db import get_db
from webui.present import event_dict, load_document
from webui.views.auth import allowed

bp = Blueprint("audit", __name__)


@bp.route("/documents/<sha>/audit")
@bp.route("/documents/<sha>/audit.json", endpoint="document_json")
@login_required
def document(sha: str):
    session = get_db()
    doc = load_document(session, sha)
    rows = [event_dict(e) for e in store.events(session, sha)]
    if request.path.endswith(".json"):
        return jsonify({"document": sha, "events": rows})
    return render_template("audit.html", doc=doc, events=rows)


@bp.route("/audit")
@bp.route("/audit.json", endpoint="all_json")
@allowed("admin")
def everything():
    rows = [event_dict(e) for e in store.events(get_db(), limit=500)]
    if request.path.endswith(".json"):
        return jsonify({"events": rows})
    return render_template("audit.html", doc=None, events=rows)


@bp.route("/audit.jsonl")
@allowed("admin")
def export():
    """The whole log, oldest first, one JSON object per line (a download)."""
    events = reversed(store.events(get_db()))
    body = "".join(json.dumps(event_dict(e), ensure_ascii=False) + "\n" for e in events)
    return Response(body, mimetype="application/x-ndjson",
                    headers={"Content-Disposition": "attachment; filename=audit-log.jsonl"})
