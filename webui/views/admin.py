"""Admin pages: users, the agency's officials and allow/deny terms, box label codes, and allow-list
proposals learnt from decisions. Every page has a JSON twin; every change is an audit event."""

from __future__ import annotations

import json

from flask import Blueprint, Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select

from reviewer.core.errors import ReviewerError
from reviewer.core.settings import DEFAULT_BOX_LABELS
from reviewer.review import accounts, learning
from reviewer.store import records as store
from webui.db import get_db
from webui.i18n import one_language
from webui.views.auth import allowed

bp = Blueprint("admin", __name__)


@bp.route("/admin/")
@bp.route("/admin.json", endpoint="index_json")
@allowed("admin")
def index():
    session = get_db()
    users = list(session.scalars(select(store.User).order_by(store.User.username)))
    terms = list(session.scalars(select(store.Term).order_by(store.Term.kind, store.Term.value)))
    labels = dict(DEFAULT_BOX_LABELS)
    labels.update({b.basis: b.text for b in session.scalars(select(store.BoxLabel))})
    proposals = learning.allow_proposals(session)
    if request.path.endswith(".json"):
        return jsonify({
            "users": [{"username": u.username, "full_name": u.full_name, "role": u.role, "active": u.active,
                       "has_token": bool(u.api_token_hash)} for u in users],
            "terms": [{"id": t.id, "kind": t.kind, "value": t.value, "note": t.note} for t in terms],
            "box_labels": labels, "allow_proposals": proposals})
    return render_template("admin/index.html", users=users, terms=terms, labels=labels, proposals=proposals,
                           roles=store.ROLES, term_kinds=store.TERM_KINDS)


def _back(message: str, ok: bool = True, anchor: str = ""):
    flash(one_language(message), "info" if ok else "error")
    return redirect(url_for("admin.index") + (f"#{anchor}" if anchor else ""))


@bp.route("/admin/users", methods=["POST"])
@allowed("admin")
def add_user():
    session = get_db()
    f = request.form
    try:
        accounts.add_user(session, f.get("username", ""), f.get("password", ""), f.get("role", ""),
                          f.get("full_name", ""), by=current_user.row)
        session.commit()
    except ReviewerError as exc:
        session.rollback()
        return _back(str(exc), False, "users")
    return _back(gettext("Akun %(name)s dibuat", name=f.get("username")), anchor="users")


@bp.route("/admin/users/<username>", methods=["POST"])
@allowed("admin")
def change_user(username: str):
    session = get_db()
    user = accounts.get(session, username)
    if user is None:
        return _back(gettext("Pengguna tidak ada"), False, "users")
    what = request.form.get("what")
    token = None
    try:
        if what in ("disable", "enable"):
            if user.id == current_user.id:
                return _back(gettext("Anda tidak dapat menonaktifkan diri sendiri"), False)
            accounts.set_active(session, user, what == "enable", by=current_user.row)
        elif what == "role":
            accounts.set_role(session, user, request.form.get("role", ""), by=current_user.row)
        elif what == "password":
            accounts.set_password(session, user, request.form.get("password", ""), by=current_user.row)
        elif what == "token":
            token = accounts.issue_token(session, user, by=current_user.row)
        session.commit()
    except ReviewerError as exc:
        session.rollback()
        return _back(str(exc), False, "users")
    if token:
        return _back(gettext("Token API untuk %(name)s (salin sekarang, tidak ditampilkan lagi): %(token)s",
                             name=username, token=token), anchor="users")
    return _back(gettext("Akun %(name)s diperbarui", name=username), anchor="users")


@bp.route("/admin/terms", methods=["POST"])
@allowed("admin")
def add_term():
    session = get_db()
    kind, value = request.form.get("kind", ""), " ".join(request.form.get("value", "").split())
    if kind not in store.TERM_KINDS or not value:
        return _back(gettext("Jenis atau isi daftar tidak sah"), False, "terms")
    if session.scalar(select(store.Term).where(store.Term.kind == kind, store.Term.value == value)):
        return _back(gettext("Sudah ada di daftar"), False, "terms")
    session.add(store.Term(kind=kind, value=value, note=request.form.get("note", ""),
                           created_by_id=current_user.id))
    store.log_event(session, current_user.row, "term_added", target=f"{kind}:{value}", after={"kind": kind,
                                                                                           "value": value})
    session.commit()
    return _back(gettext("Ditambahkan ke daftar: %(value)s", value=value), anchor="terms")


@bp.route("/admin/terms/<int:term_id>/delete", methods=["POST"])
@allowed("admin")
def delete_term(term_id: int):
    session = get_db()
    term = session.get(store.Term, term_id)
    if term is not None:
        store.log_event(session, current_user.row, "term_removed", target=f"{term.kind}:{term.value}",
                        before={"kind": term.kind, "value": term.value})
        session.delete(term)
        session.commit()
    return _back(gettext("Dihapus dari daftar"), anchor="terms")


@bp.route("/admin/labels", methods=["POST"])
@allowed("admin")
def set_labels():
    session = get_db()
    changed = {}
    for basis in DEFAULT_BOX_LABELS:
        text = " ".join(request.form.get(basis, "").split())[:60]
        row = session.get(store.BoxLabel, basis)
        old = row.text if row else DEFAULT_BOX_LABELS[basis]
        if text and text != old:
            if row is None:
                session.add(store.BoxLabel(basis=basis, text=text))
            else:
                row.text = text
            changed[basis] = {"before": old, "after": text}
    if changed:
        store.log_event(session, current_user.row, "box_labels_changed", target="box_labels", after=changed)
    session.commit()
    return _back(gettext("%(n)s kode kotak diubah", n=len(changed)), anchor="labels")


@bp.route("/admin/passages.jsonl")
@allowed("admin")
def passages():
    """Decided passages in the classifier's training format, one JSON object per line."""
    rows = learning.passage_examples(get_db())
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return Response(body, mimetype="application/x-ndjson",
                    headers={"Content-Disposition": "attachment; filename=passages-decided.jsonl"})
