"""A small REST API for a PPID portal: upload a document, fetch its status and findings.

Authentication by `Authorization: Bearer TOKEN` only (`reviewer user token NAME`); session cookies are
not accepted here, so the API needs no CSRF token and cannot be driven by a forged form.
"""

from __future__ import annotations

from functools import wraps

from flask import Blueprint, g, jsonify, request, url_for
from flask_babel import gettext
from sqlalchemy import select

from reviewer.review import accounts
from reviewer.store import records as store
from webui.db import get_db
from webui.present import doc_dict, finding_dict, load_document
from webui.views.auth import csrf, limiter
from webui.views.documents import receive

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)


def token_required(view):
    @wraps(view)
    def inner(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        user = accounts.by_token(get_db(), token)
        if user is None:
            return jsonify({"error": gettext("Token API tidak sah atau tidak ada")}), 401
        g.api_user = user
        return view(*args, **kwargs)
    return inner


@bp.route("/documents", methods=["POST"])
@limiter.limit("60 per minute")
@token_required
def upload():
    doc, message = receive(request.files.get("file"), g.api_user, "api")
    if doc is None:
        return jsonify({"error": message}), 400
    return jsonify({"sha256": doc.sha256, "status": doc.status, "message": message,
                    "url": url_for("api.status", sha=doc.sha256)}), 202


@bp.route("/documents/<sha>")
@token_required
def status(sha: str):
    session = get_db()
    doc = load_document(session, sha)
    users = {u.id: u for u in session.scalars(select(store.User))}
    return jsonify(doc_dict(doc, store.label_counts(session, [sha]).get(sha, {}), users))


@bp.route("/documents/<sha>/findings")
@token_required
def findings(sha: str):
    session = get_db()
    load_document(session, sha)
    users = {u.id: u for u in session.scalars(select(store.User))}
    decisions = store.current_decisions(session, sha)
    return jsonify({"sha256": sha, "findings": [finding_dict(f, decisions.get(f.id), users)
                                                for f in store.findings_of(session, sha)]})
