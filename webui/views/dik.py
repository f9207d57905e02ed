"""A unit's DIK in the web UI (the `dik` blueprint): import, export, edit, revoke, end,
a proposed row from a finding (start of an uji konsekuensi), the re-review list and yearly figures."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from reviewer.core.errors import ReviewerError
from reviewer.dik import advice, exporter, importer
from reviewer.dik.expiry import DUE_STATES, rows_due
from reviewer.dik.match import proposal
from reviewer.dik.model import COUNTED_FROM, DURATION_KINDS, STATUSES, Decree, DikError, parse_date, parse_duration
from reviewer.report import charts
from reviewer.review import figures as yearly
from reviewer.store import dik as dikstore
from reviewer.store import records as store
from reviewer.store import units as unitstore
from webui.db import get_db
from webui.i18n import one_language
from webui.views.unit_access import DIK_EDIT, back, commit, reaches, unit_or_404

bp = Blueprint("dik", __name__)


@bp.route("/units/<code>/dik/import", methods=["POST"])
@login_required
def dik_import(code: str):
    unit_or_404(code, DIK_EDIT)
    file = request.files.get("file")
    if file is None or not file.filename:
        return back(code, gettext("Pilih berkas CSV atau XLSX"), False, "dik")
    f = request.form
    given = Decree(f.get("decree_number", "").strip(), parse_date(f.get("decree_date", "")),
                   f.get("decree_official", "").strip(), f.get("decree_place", "").strip())
    try:
        result = importer.import_file(file.filename, file.read(importer_limit() + 1), decree=given, unit=code)
    except ReviewerError as exc:
        return back(code, str(exc), False, "dik")
    for warning in result.warnings[:20]:
        flash(one_language(warning), "warn")
    rows = [r.with_(unit=code) for r in result.rows]
    return commit(code, lambda s: dikstore.import_rows(s, code, rows, current_user.row, file.filename,
                                                        replace_existing=bool(f.get("replace"))),
                   gettext("%(n)s baris DIK diimpor", n=len(rows)), "dik")


def importer_limit() -> int:
    from reviewer.dik.tables import MAX_BYTES

    return MAX_BYTES


@bp.route("/units/<code>/dik.<any(csv, xlsx):fmt>")
@login_required
def dik_export(code: str, fmt: str):
    u = unit_or_404(code)
    layout = request.args.get("layout", "dik")
    rows = dikstore.rows_of(get_db(), code, inherited=not request.args.get("own"))
    try:
        data = exporter.export(rows, fmt, layout, u.name)
    except DikError as exc:
        abort(400, one_language(exc))
    mime = "text/csv" if fmt == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(data, mimetype=mime,
                    headers={"Content-Disposition": f'attachment; filename="DIK-{code}-{layout}.{fmt}"'})


def _row_or_404(code: str, row_id: int):
    try:
        row = dikstore.get_row(get_db(), row_id)
    except DikError:
        abort(404, gettext("Baris DIK tidak ditemukan"))
    if row.unit != code:
        abort(404, gettext("Baris DIK tidak ditemukan"))
    return row


@bp.route("/units/<code>/dik/<int:row_id>", methods=["GET", "POST"])
@bp.route("/units/<code>/dik/<int:row_id>.json", endpoint="dik_row_json")
@login_required
def dik_row(code: str, row_id: int):
    u = unit_or_404(code)
    row = _row_or_404(code, row_id)
    if request.method == "GET":
        if request.path.endswith(".json"):
            return jsonify(row.to_dict() | {"advice": [a.__dict__ for a in advice.check_row(row)]})
        return render_template("units/row.html", u=u, row=row, advice=advice.check_row(row), statuses=STATUSES,
                               kinds=DURATION_KINDS, counted=COUNTED_FROM,
                               may_edit=reaches(get_db(), current_user.row, code, DIK_EDIT))
    unit_or_404(code, DIK_EDIT)
    changes = _changes(request.form)
    if "error" in changes:
        return back(code, changes["error"], False)
    return commit(code, lambda s: dikstore.update_row(s, row_id, current_user.row, **changes),
                   gettext("Baris DIK disimpan"), f"dik-{row_id}")


def _changes(form) -> dict:
    text = {k: form.get(k, "").strip() for k in ("number", "group", "information", "basis_text", "reason",
                                                  "if_opened", "if_closed", "holder")}
    decree_date = form.get("decree_date", "").strip()
    ended = form.get("ended_on", "").strip()
    if decree_date and parse_date(decree_date) is None or ended and parse_date(ended) is None:
        return {"error": gettext("Tanggal tidak terbaca (TTTT-BB-HH)")}
    return text | {
        "keywords": tuple(k.strip() for k in form.get("keywords", "").split(",") if k.strip()),
        "status": form.get("status", "ditetapkan"), "ended_on": parse_date(ended) if ended else None,
        "duration": parse_duration(form.get("duration", ""), form.get("counted_from") or None),
        "decree": Decree(form.get("decree_number", "").strip(), parse_date(decree_date) if decree_date else None,
                         form.get("decree_official", "").strip(), form.get("decree_place", "").strip())}


@bp.route("/units/<code>/dik/new", methods=["POST"])
@login_required
def dik_new(code: str):
    unit_or_404(code, DIK_EDIT)
    from reviewer.dik.model import DikRow

    changes = _changes(request.form)
    if "error" in changes:
        return back(code, changes["error"], False)
    session = get_db()
    try:
        row = dikstore.add_row(session, code, DikRow(**changes), current_user.row, "manual")
        session.commit()
    except ReviewerError as exc:
        session.rollback()
        return back(code, str(exc), False, "dik")
    flash(gettext("Baris DIK ditambahkan"), "info")
    return redirect(url_for("dik.dik_row", code=code, row_id=row.id))


@bp.route("/units/<code>/dik/<int:row_id>/<any(revoke, end):what>", methods=["POST"])
@login_required
def dik_end(code: str, row_id: int, what: str):
    unit_or_404(code, DIK_EDIT)
    _row_or_404(code, row_id)
    on = parse_date(request.form.get("on", "")) or date.today()
    if what == "revoke":
        return commit(code, lambda s: dikstore.revoke_row(s, row_id, current_user.row, on),
                       gettext("Baris DIK dicabut"), "dik")
    return commit(code, lambda s: dikstore.update_row(s, row_id, current_user.row, ended_on=on),
                   gettext("Berakhirnya pengecualian dicatat"), "dik")


@bp.route("/documents/<sha>/findings/<int:finding_id>/dik-proposal", methods=["POST"])
@login_required
def dik_proposal(sha: str, finding_id: int):
    """Start an uji konsekuensi from a suggestion no DIK row covers: a proposed row in the unit's DIK."""
    from webui.present import load_document

    session = get_db()
    doc = load_document(session, sha)
    finding = session.get(store.FindingRecord, finding_id)
    code = unitstore.unit_of(session, sha)
    if finding is None or finding.document_sha != sha or code is None:
        abort(404, gettext("Temuan atau unit tidak ditemukan"))
    unit_or_404(code, DIK_EDIT)
    row = dikstore.add_row(session, code, proposal(finding, code, doc.filename), current_user.row,
                           f"uji konsekuensi: {doc.filename}")
    session.commit()
    flash(gettext("Usulan baris DIK dibuat; lengkapi uji konsekuensinya lalu tetapkan"), "info")
    return redirect(url_for("dik.dik_row", code=code, row_id=row.id))


# --- re-review list and yearly figures ----------------------------------------------------------

@bp.route("/dik/due")
@bp.route("/dik/due.json", endpoint="due_json")
@login_required
def due():
    session = get_db()
    tree = unitstore.load_tree(session)
    seen = unitstore.visible_units(session, current_user.row)
    codes = set(tree.units) if seen is None else seen
    today = parse_date(request.args.get("date", "")) or date.today()
    rows = rows_due([r for c in sorted(codes) for r in dikstore.rows_of(session, c, inherited=False)], today)
    redactions = dikstore.redactions_due(session, today, codes)
    if request.path.endswith(".json"):
        return jsonify({"date": today.isoformat(), "rows": [
            {"unit": d.row.unit, "row": d.row.id, "information": d.row.information, "state": d.state,
             "expires": d.expires and d.expires.isoformat()} for d in rows],
            "redactions": [{"document": doc.sha256, "filename": doc.filename, "page": dec.page, "label": dec.label,
                            "basis": dec.basis, "state": d.state, "expires": d.expires and d.expires.isoformat(),
                            "row": d.row.id} for doc, dec, d in redactions]})
    return render_template("units/due.html", rows=rows, redactions=redactions, today=today, states=DUE_STATES)


@bp.route("/figures")
@bp.route("/figures.<any(json, csv, xlsx):fmt>", endpoint="figures_export")
@login_required
def figures(fmt: str | None = None):
    session = get_db()
    year = request.args.get("year", date.today().year, type=int)
    if not 1900 <= year <= 9999:
        abort(400, gettext("Tahun tidak sah (1900–9999)"))
    me = current_user.row
    seen = None if unitstore.sees_unassigned(session, me) else unitstore.visible_units(session, me)
    figs = yearly.yearly(session, year, seen)
    if fmt == "json":
        return jsonify({"year": year, "figures": [f.to_dict() for f in figs]})
    if fmt in ("csv", "xlsx"):
        data = yearly.to_csv(figs) if fmt == "csv" else yearly.to_xlsx(figs)
        mime = "text/csv" if fmt == "csv" else \
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return Response(data, mimetype=mime,
                        headers={"Content-Disposition": f'attachment; filename="angka-ppid-{year}.{fmt}"'})
    return render_template("units/figures.html", figs=figs, year=year, table=yearly.table(figs),
                           svg=_charts(figs, year))


def _charts(figs: list, year: int) -> list:
    """The yearly charts, titled and labelled in the user's language."""
    from babel.dates import get_month_names

    from webui.i18n import select_locale

    if not figs:
        return []
    total, name = figs[-1], one_language(figs[-1].name)
    months = list(get_month_names("abbreviated", locale=select_locale()).values())
    received, redactions, approved = gettext("diterima"), gettext("penghitaman"), gettext("disetujui")
    letters = [gettext("huruf %(h)s", h=h) if h != yearly.OTHER else gettext("lain") for h in total.redactions]
    svg = [charts.bars(letters,
                       {redactions: list(total.redactions.values())},
                       gettext("Penghitaman per huruf Pasal 17 — %(name)s %(year)s", name=name, year=year)),
           charts.bars(months, {received: total.received_by_month, approved: total.approved_by_month},
                       gettext("Dokumen per bulan — %(name)s %(year)s", name=name, year=year))]
    units = [f for f in figs if f.unit]
    if units:
        svg.append(charts.bars([f.unit for f in units], {received: [f.received for f in units],
                                                         redactions: [f.redactions_total for f in units]},
                               gettext("Per unit — %(year)s", year=year)))
    return svg
