"""Presentations in the review page: a slide page as a card, and its JSON twin.

The card is built by `reviewer.review.slides.slide_view` and drawn by `templates/partials/_slide.html`;
decisions, keyboard and manual redaction are those of the other views (`static/review.js`).
"""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask_login import login_required

from reviewer.review import slides, workflow
from webui.db import get_db
from webui.present import load_document, page_findings

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
    findings = page_findings(session, sha, number)
    view = context(doc, record, findings)
    if view is None:
        return jsonify({"error": "bukan salindia / not a slide page"}), 404
    return jsonify(view)
