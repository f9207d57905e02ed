"""Who may see and change a unit, and the answer of a unit view (shared by the units and DIK views).

A unit's penyetuju or admin (or an instance admin) edits its DIK; a unit's admin (or an instance admin)
edits the unit itself, its lists and its members.
"""

from __future__ import annotations

from flask import abort, flash, jsonify, redirect, request, url_for
from flask_babel import gettext
from flask_login import current_user

from reviewer.core.errors import ReviewerError
from reviewer.core.units import ROLE_RANK, Unit
from reviewer.store import records as store
from reviewer.store import units as unitstore
from webui.db import get_db
from webui.i18n import one_language

DIK_EDIT, UNIT_EDIT = "reviewer", "admin"


def reaches(session, user: store.User, code: str, role: str) -> bool:
    if user.role == "admin":
        return True
    tree = unitstore.load_tree(session)
    held = tree.role_in(unitstore.memberships(session, user), code)
    return held is not None and ROLE_RANK[held] >= ROLE_RANK[role]


def restructures(session, user: store.User, code: str) -> bool:
    """Whether `user` may change the hierarchy at unit `code` (its PPID level or parent, or a PPID utama
    below it): an instance admin, or an admin of a PPID utama whose tree holds `code`. A PPID pembantu's
    admin edits their unit, but cannot make it (or a new child) the PPID utama and so see the whole tree."""
    if user.role == "admin":
        return True
    tree = unitstore.load_tree(session)
    return any(role == "admin" and unit in tree and tree[unit].ppid == "utama" and code in tree.scope(unit)
               for unit, role in unitstore.memberships(session, user))


def require_restructure(code: str) -> None:
    if not restructures(get_db(), current_user.row, code):
        abort(403, gettext("Hanya admin PPID utama yang dapat mengubah susunan unit"))


def unit_or_404(code: str, role: str | None = None) -> Unit:
    session = get_db()
    tree = unitstore.load_tree(session)
    seen = unitstore.visible_units(session, current_user.row)
    if code not in tree or (seen is not None and code not in seen):
        abort(404, gettext("Unit tidak ditemukan"))
    if role and not reaches(session, current_user.row, code, role):
        abort(403, gettext("Anda tidak berhak mengubah unit ini"))
    return tree[code]


def back(code: str | None, message: str, ok: bool = True, anchor: str = ""):
    message = one_language(message)
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"ok": ok, "message": message}), 200 if ok else 400
    flash(message, "info" if ok else "error")
    target = url_for("units.unit", code=code) if code else url_for("units.index")
    return redirect(target + (f"#{anchor}" if anchor else ""))


def commit(code: str | None, action, ok_message: str, anchor: str = ""):
    session = get_db()
    try:
        action(session)
        session.commit()
    except ReviewerError as exc:
        session.rollback()
        return back(code, str(exc), False, anchor)
    return back(code, ok_message, anchor=anchor)


