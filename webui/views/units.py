"""Units and their DIK in the web UI: the unit tree, a unit's lists and members, its DIK (import,
export, edit, revoke), the re-review list (Pasal 20), yearly figures with charts, and the hooks the
document pages call (which unit an upload goes to, the DIK note on each suggestion).

Who may do what: anyone sees the units they can see (`unitstore.visible_units`); a unit's penyetuju
or admin (or an instance admin) edits its DIK; a unit's admin (or an instance admin) edits the unit
itself, its lists and its members. Every view that shows data has a JSON twin.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, jsonify, render_template, request
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_required
from sqlalchemy import select

from reviewer.core.units import KINDS, PPID_LEVELS, ROLE_RANK, Unit
from reviewer.dik import advice
from reviewer.dik.expiry import DUE_STATES, rows_due
from reviewer.review.accounts import ROLE_NAMES
from reviewer.store import dik as dikstore
from reviewer.store import records as store
from reviewer.store import units as unitstore
from webui.db import get_db
from webui.i18n import one_language
from webui.views.unit_access import DIK_EDIT, UNIT_EDIT, back, commit, reaches, require_restructure, unit_or_404

bp = Blueprint("units", __name__)


# --- hooks for the document pages ---------------------------------------------------------------

def place_upload(session, doc: store.DocumentRecord, user: store.User, created: bool) -> None:
    """Put a new upload in the unit chosen on the form, or the uploader's own unit."""
    if not created or not unitstore.has_units(session):
        return
    wanted = (request.form.get("unit") or "").strip() if request else ""
    code = wanted or unitstore.default_unit(session, user)
    if code is None:
        return
    if not reaches(session, user, code, "officer"):
        raise unitstore.UnitError(gettext("Anda bukan anggota unit %(code)s", code=code))
    unitstore.assign_document(session, doc.sha256, code, user)


def with_dik_notes(session, doc: store.DocumentRecord, findings, dicts: list[dict]) -> list[dict]:
    """Add to each finding dict the note on its footing in the document's unit DIK."""
    code = unitstore.unit_of(session, doc.sha256)
    if code is None and not unitstore.has_units(session):
        return dicts
    pages = {p.number: p.text for p in session.scalars(
        select(store.PageRecord).where(store.PageRecord.document_sha == doc.sha256))}
    notes = dikstore.notes_for(session, code, findings, pages)
    for f, d in zip(findings, dicts):
        n = notes[f.id]
        d["dik"] = {"kind": n.kind, "text": note_text(n), "decree": n.decree,
                    "row": n.row.id if n.row else None,
                    "unit": n.row.unit if n.row else code}
    return dicts


# The English forms of `reviewer.dik.match.note`, through the catalog (in Indonesian its own text is shown).
NOTE_TEXTS = {
    "needs_test": lazy_gettext("Belum tercantum dalam DIK unit: lakukan uji konsekuensi (Pasal 19 UU 14/2008) "
                               "sebelum informasi ini dikecualikan; setelah ditetapkan, hasilnya menjadi baris DIK."),
    "dik_proposed": lazy_gettext("%(cite)s. Baris ini belum ditetapkan (usulan); tetapkan dulu setelah uji "
                                 "konsekuensi (Pasal 19)."),
    "dik_expired": lazy_gettext("%(cite)s. Ditetapkan dengan %(decree)s; jangka waktunya berakhir: tinjau ulang "
                                "(Pasal 20)."),
    "dik": lazy_gettext("%(cite)s. Ditetapkan dengan %(decree)s."),
}


def note_text(n) -> str:
    """A suggestion's DIK note in the user's language: the library's Indonesian text, or its catalog form."""
    from webui.i18n import select_locale

    if select_locale() == "id" or n.kind not in NOTE_TEXTS:
        return one_language(n.text)
    params = {}
    if n.row is not None:
        params["cite"] = f"DIK no. {n.row.number or '-'}: {n.row.information} — {n.row.basis_description() or '-'}"
        day = n.row.decree.date
        params["decree"] = " ".join(p for p in (n.row.decree.number, day.isoformat() if day else "") if p)
    return str(NOTE_TEXTS[n.kind]) % params


@bp.app_context_processor
def _globals():
    def my_units():
        if not current_user.is_authenticated:
            return []
        session = get_db()
        if not unitstore.has_units(session):
            return []
        tree = unitstore.load_tree(session)
        seen = unitstore.visible_units(session, current_user.row)
        return [(depth, u) for depth, u in tree.walk() if seen is None or u.code in seen]
    return {"my_units": my_units}


# --- the tree and a unit ------------------------------------------------------------------------

@bp.route("/units/")
@bp.route("/units.json", endpoint="index_json")
@login_required
def index():
    session = get_db()
    tree = unitstore.load_tree(session)
    seen = unitstore.visible_units(session, current_user.row)
    walked = [(d, u) for d, u in tree.walk() if seen is None or u.code in seen]
    if request.path.endswith(".json"):
        return jsonify({"units": [_unit_dict(u, d) for d, u in walked]})
    return render_template("units/index.html", walked=walked, kinds=KINDS, ppid_levels=PPID_LEVELS,
                           may_add=current_user.role == "admin" or any(
                               reaches(session, current_user.row, u.code, UNIT_EDIT) for _d, u in walked))


def _unit_dict(u: Unit, depth: int = 0) -> dict:
    return {"code": u.code, "name": u.name, "kind": u.kind, "parent": u.parent, "ppid": u.ppid, "depth": depth,
            "officials": list(u.officials), "allow_terms": list(u.allow_terms), "deny_terms": list(u.deny_terms),
            "box_labels": dict(u.box_labels)}


@bp.route("/units/", methods=["POST"])
@login_required
def add_unit():
    f = request.form
    parent = f.get("parent") or None
    if parent:
        unit_or_404(parent, UNIT_EDIT)
    elif current_user.role != "admin":
        abort(403, gettext("Hanya admin yang membuat unit akar"))
    unit = Unit(f.get("code", "").strip(), f.get("name", ""), f.get("kind", "dinas"), parent, f.get("ppid", ""))
    if parent and unit.ppid == "utama":
        require_restructure(parent)
    return commit(None, lambda s: unitstore.add_unit(s, unit, current_user.row),
                   gettext("Unit %(code)s dibuat", code=unit.code))


@bp.route("/units/<code>")
@bp.route("/units/<code>.json", endpoint="unit_json")
@login_required
def unit(code: str):
    session = get_db()
    u = unit_or_404(code)
    tree = unitstore.load_tree(session)
    from reviewer.core.settings import from_env

    origins = tree.origins(code, from_env())
    rows = dikstore.rows_of(session, code)
    checked = [(r, advice.check_row(r)) for r in rows]
    due = rows_due(rows, date.today())
    members = unitstore.members(session, code)
    if request.path.endswith(".json"):
        return jsonify({"unit": _unit_dict(u), "origins": {k: [{"value": o.value, "unit": o.unit} for o in v]
                                                           for k, v in origins.items()},
                        "members": [{"username": m.username, "role": r} for m, r in members],
                        "dik": [r.to_dict() | {"advice": [a.__dict__ for a in adv]} for r, adv in checked],
                        "due": [{"row": d.row.id, "state": d.state, "expires": d.expires and d.expires.isoformat()}
                                for d in due]})
    me = current_user.row
    return render_template("units/unit.html", u=u, tree=tree, origins=origins, checked=checked, due=due,
                           members=members, kinds=KINDS, ppid_levels=PPID_LEVELS, roles=list(ROLE_RANK),
                           may_edit_dik=reaches(session, me, code, DIK_EDIT),
                           may_edit_unit=reaches(session, me, code, UNIT_EDIT), due_states=DUE_STATES,
                           users=list(session.scalars(select(store.User).order_by(store.User.username))))


@bp.route("/units/<code>/edit", methods=["POST"])
@login_required
def edit_unit(code: str):
    current = unit_or_404(code, UNIT_EDIT)
    f = request.form
    changes = {k: f.get(k) for k in ("name", "kind", "ppid") if f.get(k) is not None}
    if "parent" in f and (f["parent"] or None) != current.parent:
        if f["parent"]:
            unit_or_404(f["parent"], UNIT_EDIT)
            require_restructure(f["parent"])
        elif current_user.role != "admin":
            abort(403)
        changes["parent"] = f["parent"]
    if changes.get("parent") is not None or changes.get("ppid", current.ppid) != current.ppid:
        require_restructure(code)
    return commit(code, lambda s: unitstore.update_unit(s, code, current_user.row, **changes),
                   gettext("Unit diubah"))


@bp.route("/units/<code>/lists", methods=["POST"])
@login_required
def lists(code: str):
    unit_or_404(code, UNIT_EDIT)
    f = request.form
    me = current_user.row
    if f.get("basis"):
        return commit(code, lambda s: unitstore.set_box_label(s, code, f["basis"].strip(), f.get("text", ""), me),
                       gettext("Kode kotak disimpan"), "lists")
    if f.get("remove"):
        return commit(code, lambda s: unitstore.remove_term(s, code, f.get("kind", ""), f["remove"], me),
                       gettext("Dihapus"), "lists")
    return commit(code, lambda s: unitstore.add_term(s, code, f.get("kind", ""), f.get("value", ""), me),
                   gettext("Ditambahkan"), "lists")


@bp.route("/units/<code>/members", methods=["POST"])
@login_required
def members(code: str):
    unit_or_404(code, UNIT_EDIT)
    session = get_db()
    from reviewer.review import accounts

    user = accounts.get(session, request.form.get("username", ""))
    if user is None:
        return back(code, gettext("Pengguna tidak dikenal"), False, "members")
    if request.form.get("remove"):
        return commit(code, lambda s: unitstore.remove_member(s, user, code, current_user.row),
                       gettext("Keanggotaan dicabut"), "members")
    role = request.form.get("role", "")
    return commit(code, lambda s: unitstore.set_member(s, user, code, role, current_user.row),
                   f"{user.username}: {gettext(ROLE_NAMES.get(role, role))}", "members")

