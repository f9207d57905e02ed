"""The audit log: per document for everyone who may see it, the whole log for admins. Filtered (who,
what, which document, from/to), paginated in the database, each event as a sentence in the user's language
with a link to its document; the filtered log downloads as CSV (and the whole log as JSONL)."""

from __future__ import annotations

import csv
import io
import json

from flask import Blueprint, Response, jsonify, render_template, request
from flask_babel import gettext, lazy_gettext
from flask_login import login_required
from sqlalchemy import func, select

from reviewer.store import records as store
from webui.db import get_db
from webui.present import EVENT_NAMES, date_range, event_dict, load_document, sentence, when, who
from webui.views.auth import allowed

bp = Blueprint("audit", __name__)
PER_PAGE = 100
FILTERS = ("user", "action", "q", "from", "to")


@bp.route("/documents/<sha>/audit")
@bp.route("/documents/<sha>/audit.json", endpoint="document_json")
@login_required
def document(sha: str):
    session = get_db()
    doc = load_document(session, sha)
    return _answer(session, _filters(), doc)


@bp.route("/audit")
@bp.route("/audit.json", endpoint="all_json")
@allowed("admin")
def everything():
    return _answer(get_db(), _filters())


CSV_HEADINGS = (lazy_gettext("waktu"), lazy_gettext("pengguna"), lazy_gettext("tindakan"), lazy_gettext("dokumen"),
                "sha256", lazy_gettext("kalimat"), lazy_gettext("sasaran"), lazy_gettext("sebelum"),
                lazy_gettext("sesudah"))


@bp.route("/audit.csv")
@allowed("admin")
def export_csv():
    """The filtered log, oldest first, as CSV (UTF-8 with BOM, so spreadsheet programs read it), in the user's
    language, times in the office's zone (`3 Des 2026 14.05 WIB`)."""
    session = get_db()
    events = list(session.scalars(_query(_filters()).order_by(store.Event.id)))
    names = _filenames(session, events)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([str(h) for h in CSV_HEADINGS])
    for e in events:
        d = event_dict(e)
        writer.writerow([when(e.at), who(d), gettext(EVENT_NAMES.get(e.action, e.action)),
                         names.get(e.document_sha, ""),
                         e.document_sha or "", sentence(d, names, link=False), e.target,
                         json.dumps(e.before, ensure_ascii=False) if e.before else "",
                         json.dumps(e.after, ensure_ascii=False) if e.after else ""])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=log-audit.csv"})


@bp.route("/audit.jsonl")
@allowed("admin")
def export():
    """The whole log, oldest first, one JSON object per line (a download)."""
    events = reversed(store.events(get_db()))
    body = "".join(json.dumps(event_dict(e), ensure_ascii=False) + "\n" for e in events)
    return Response(body, mimetype="application/x-ndjson",
                    headers={"Content-Disposition": "attachment; filename=audit-log.jsonl"})


def _filters() -> dict:
    return {k: request.args.get(k, "").strip()[:200] for k in FILTERS}


def _answer(session, filters: dict, doc=None):
    q = _query(filters, doc.sha256 if doc else None)
    total = session.scalar(select(func.count()).select_from(q.subquery())) or 0
    pages = max(1, -(-total // PER_PAGE))
    page = min(pages, max(1, request.args.get("page", 1, type=int)))
    events = list(session.scalars(q.order_by(store.Event.id.desc()).offset((page - 1) * PER_PAGE).limit(PER_PAGE)))
    names = _filenames(session, events)
    rows = [event_dict(e) | {"sentence": sentence(event_dict(e), names, link=False)} for e in events]
    paging = {"page": page, "pages": pages, "per": PER_PAGE, "total": total}
    if request.path.endswith(".json"):
        return jsonify({"document": doc.sha256 if doc else None, "events": rows, "filters": filters, **paging})
    for row in rows:
        row["html"] = sentence(row, names)
    users = sorted(session.scalars(select(store.Event.username).distinct()))
    return render_template("audit.html", doc=doc, events=rows, filters=filters, paging=paging, users=users,
                           actions=sorted(EVENT_NAMES))


def _query(filters: dict, sha: str | None = None):

    q = select(store.Event)
    if sha:
        q = q.where(store.Event.document_sha == sha)
    if filters["user"]:
        q = q.where(store.Event.username == filters["user"])
    if filters["action"]:
        q = q.where(store.Event.action == filters["action"])
    if filters["q"]:
        named = select(store.DocumentRecord.sha256).where(store.DocumentRecord.filename.ilike(f"%{filters['q']}%"))
        q = q.where(store.Event.document_sha.in_(named) | (store.Event.document_sha == filters["q"]))
    return date_range(q, filters, store.Event.at)


def _filenames(session, events) -> dict[str, str]:
    shas = {e.document_sha for e in events if e.document_sha}
    if not shas:
        return {}
    return dict(session.execute(select(store.DocumentRecord.sha256, store.DocumentRecord.filename)
                                .where(store.DocumentRecord.sha256.in_(shas))).all())
