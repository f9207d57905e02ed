"""Presentations in the review page: a slide page as a card, and its JSON twin.

The card is built by `reviewer.review.slides.slide_view` and drawn by `templates/partials/_slide.html`;
decisions, keyboard and manual redaction are those of the other views (`static/review.js`).
"""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask_login import login_required
from sqlalchemy import select

from reviewer.review import slides, workflow
from reviewer.store import records as store
from webui.db import get_db
from webui.present import finding_dict, load_document

bp = Blueprint("slides", __name__)


def context(doc, record, findings: list[dict]) -> dict | None:
    """What the review template needs to draw a slide page as a card (None: not a slide page)."""
    if doc.kind not in slides.SLIDE_KINDS or record is None:
        return None
    return slides.slide_view(record, findings)


@bp.route("/documents/<sha>/pages/<int:number>/slide.json")
@login_required
def slide_json(sha: str, number: int):
    """The JSON twin of the card: number, title, hidden, blocks (tables as rows), notes, with findings."""
    session = get_db()
    doc = load_document(session, sha)
    record = workflow.get_page(session, sha, number)
    decisions = store.current_decisions(session, sha)
    users = {u.id: u for u in session.scalars(select(store.User))}
    findings = [finding_dict(f, decisions.get(f.id), users) for f in store.findings_of(session, sha, number)]
    view = context(doc, record, findings)
    if view is None:
        return jsonify({"error": "bukan salindia / not a slide page"}), 404
    return jsonify(view)
