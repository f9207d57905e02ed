"""The review page: the page image (or text) with a box per finding, the side list, decisions,
manual redactions and the workflow buttons (submit, approve, return)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_babel import gettext
from flask_login import current_user, login_required
from sqlalchemy import select

from reviewer.core import vocabulary
from reviewer.core.errors import ReviewerError
from reviewer.core.model import LABELS
from reviewer.detect.near_miss import SOURCE as NEAR_MISS
from reviewer.review import workflow
from reviewer.store import originals
from reviewer.store import records as store
from webui import render
from webui.db import get_db
from webui.i18n import one_language
from webui.present import basis_label, doc_dict, finding_brief, finding_dict, load_document
from webui.views import sheets, slides
from webui.views import units as units_views

bp = Blueprint("review", __name__)


@bp.route("/documents/<sha>")
@bp.route("/documents/<sha>.json", endpoint="document_json")
@login_required
def document(sha: str):
    session = get_db()
    doc = load_document(session, sha)
    users = {u.id: u for u in session.scalars(select(store.User))}
    json_twin = request.path.endswith(".json")
    findings = store.findings_of(session, sha, brief=not json_twin)  # the page loads the rest for its rows
    decisions = store.current_decisions(session, sha)
    counts = store.label_counts(session, [sha]).get(sha, {})
    if json_twin:
        return jsonify({"document": doc_dict(doc, counts, users),
                        "findings": units_views.with_dik_notes(session, doc, findings, [
                            finding_dict(f, decisions.get(f.id), users) for f in findings])})
    number = max(1, request.args.get("page", 1, type=int))
    record = workflow.get_page(session, sha, number)
    here = [f for f in findings if f.page == number]
    sheet = sheets.context(session, doc, record, [finding_brief(f, decisions.get(f.id)) for f in here])
    window = sheet["window"] if sheet else None
    if window:  # a sheet page: the list and the text view hold the rows shown
        here = [f for f in here if window[0] <= f.start < window[1]]
    store.load_in_full(session, here)
    shown = units_views.with_dik_notes(session, doc, here, [finding_dict(f, decisions.get(f.id), users)
                                                            for f in here])
    return render_template(
        "documents/review.html", doc=doc, info=doc_dict(doc, counts, users), page=record, number=number,
        findings=shown, findings_total=sum(f.page == number for f in findings), groups=_groups(shown),
        segments=_segments(record, shown, window) if record else [],
        page_summary=_page_summary(doc, findings, decisions), labels=LABELS, bases=vocabulary.BASES,
        basis_titles={b: basis_label(b) for b in vocabulary.BASES}, pending=_pending(session, sha),
        progress=_progress(findings, decisions),
        sheet=sheet, slide=slides.context(doc, record, shown))


def _progress(findings, decisions) -> workflow.Progress:
    """How far the document is decided: findings to act on (not `keep` suggestions) and decided ones."""
    return workflow.Progress.of([(f.action, f.id in decisions) for f in findings])


def _groups(findings: list[dict]) -> list[tuple[str, list[dict]]]:
    """Findings by label in the order of `LABELS` (people and identity numbers first); within a label,
    the ones to act on first and the ones left open (`keep`) last, each in page order. Near-misses (a
    number one edit from a valid identifier, maybe misread by OCR) come first of all: their label's group
    leads and they lead it (issue 19 item 5)."""
    groups: dict[str, list[dict]] = {}
    for f in sorted(findings, key=lambda f: (f.get("source") != NEAR_MISS, f["action"] == "keep", f["start"])):
        groups.setdefault(f["label"], []).append(f)

    def order(group: tuple[str, list[dict]]) -> tuple[bool, int]:
        label, items = group
        return (items[0].get("source") != NEAR_MISS, LABELS.index(label) if label in LABELS else len(LABELS))

    return sorted(groups.items(), key=order)


def _page_summary(doc, findings, decisions) -> list[dict]:
    """Per page: how many findings and how many still undecided (for the page navigation)."""
    pages = [{"number": n, "findings": 0, "open": 0} for n in range(1, (doc.page_count or 0) + 1)]
    for f in findings:
        if f.page <= len(pages):
            pages[f.page - 1]["findings"] += 1
            pages[f.page - 1]["open"] += f.id not in decisions and f.action != "keep"
    return pages


def state(f: dict) -> str:
    if f["decision"]:
        return f["decision"]["verdict"]
    return "keep-suggested" if f["action"] == "keep" else "pending"


def _segments(record, findings: list[dict], window: list[int] | None = None) -> list[dict]:
    """The page text (or its `window` [lo, hi), a sheet's rows shown) cut at every finding boundary, each
    piece with the finding that covers it (the shortest, so an entity inside a passage stays visible).
    One sweep over the findings in order of their start: a page of thousands stays fast."""
    text = record.text
    lo, hi = window or (0, len(text))
    spans = sorted(((*_span(f), f) for f in findings), key=lambda s: s[0])
    cuts = sorted({lo, hi, *[c for a, b, _ in spans for c in (a, b) if lo <= c <= hi]})
    out, active, i = [], [], 0
    for a, b in zip(cuts, cuts[1:]):
        while i < len(spans) and spans[i][0] <= a:
            active.append(spans[i])
            i += 1
        active = [s for s in active if b <= s[1]]
        best = min(active, key=lambda s: s[2]["end"] - s[2]["start"], default=None)
        f = best[2] if best else None
        out.append({"start": a, "text": text[a:b], "finding": f, "state": state(f) if f else ""})
    return out


def _span(f: dict) -> tuple[int, int]:
    return ((f["decision"] or f)["start"], (f["decision"] or f)["end"])


@bp.app_template_global()
def finding_state(f: dict) -> str:
    return state(f)


@bp.route("/documents/<sha>/pages/<int:number>.png")
@login_required
def page_image(sha: str, number: int):
    doc = load_document(get_db(), sha)
    if doc.kind not in ("pdf", "image"):
        abort(404)
    try:
        path = render.page_png(originals.path_of(current_app.config["ORIGINALS"], doc.content_sha), doc.kind,
                               number, Path(current_app.config["CACHE"]) / "pages" / doc.sha256)
    except LookupError:
        abort(404)
    return send_file(path, mimetype="image/png", max_age=None, conditional=False)


@bp.route("/documents/<sha>/pages/<int:number>.json")
@login_required
def page_json(sha: str, number: int):
    session = get_db()
    load_document(session, sha)
    record = workflow.get_page(session, sha, number)
    if record is None:
        abort(404, gettext("Halaman belum tersedia"))
    users = {u.id: u for u in session.scalars(select(store.User))}
    decisions = store.current_decisions(session, sha)
    return jsonify({"page": number, "text": record.text, "width": record.width, "height": record.height,
                    "needs_ocr": record.needs_ocr, "ocr": record.ocr,
                    "findings": [finding_dict(f, decisions.get(f.id), users)
                                 for f in store.findings_of(session, sha, number)]})


def _done(sha: str, message: str, anchor: str = "", ok: bool = True, page: int | None = None, data=None,
          code: int = 400):
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"ok": ok, "message": message, **(data or {})}), 200 if ok else code
    message = one_language(message)
    flash(message, "info" if ok else "error")
    page = page or request.form.get("page", type=int) or 1
    return redirect(url_for("review.document", sha=sha, page=page) + (f"#{anchor}" if anchor else ""))


def _refused(sha: str, exc: ReviewerError, anchor: str = "", page: int | None = None):
    """The answer to a refused change, after the rollback: 403 for a role or the two-person rule,
    409 for a race lost (someone else changed the document first), 400 for bad input."""
    get_db().rollback()
    if isinstance(exc, workflow.Forbidden):
        abort(403, one_language(exc))
    return _done(sha, str(exc), anchor, ok=False, page=page, code=409 if isinstance(exc, workflow.Conflict) else 400)


def _finding(session, sha: str, finding_id: int) -> store.FindingRecord:
    load_document(session, sha)
    finding = session.get(store.FindingRecord, finding_id) if finding_id < 2**62 else None
    if finding is None or finding.document_sha != sha:
        abort(404, gettext("Temuan tidak ditemukan"))
    return finding


@bp.route("/documents/<sha>/findings/<int:finding_id>/decide", methods=["POST"])
@login_required
def decide(sha: str, finding_id: int):
    session = get_db()
    finding = _finding(session, sha, finding_id)
    form = request.form
    verdict = form.get("verdict", "")
    try:
        if form.get("entity"):
            made = workflow.apply_to_entity(session, current_user.row, finding, verdict, basis=form.get("basis"),
                                            note=form.get("note", ""))
            message = gettext("%(n)s sebutan orang ini diputuskan", n=len(made))
        elif form.get("all"):
            made = workflow.apply_to_all(session, current_user.row, finding, verdict, basis=form.get("basis"),
                                         note=form.get("note", ""))
            message = gettext("%(n)s kemunculan diputuskan", n=len(made))
        else:
            workflow.decide(session, current_user.row, finding, verdict, basis=form.get("basis"),
                            label=form.get("label") or None, note=form.get("note", ""),
                            start=form.get("start", type=int), end=form.get("end", type=int))
            message = gettext("Keputusan disimpan")
        session.commit()
    except ReviewerError as exc:
        return _refused(sha, exc, f"f-{finding_id}", finding.page)
    users = {current_user.id: current_user.row}
    decision = store.decision_history(session, finding.id)[-1]
    progress = workflow.progress(session, sha)
    return _done(sha, message, f"f-{finding_id}", page=finding.page,
                 data={"finding": finding_dict(finding, decision, users), "pending": _pending(session, sha),
                       "reload": bool(form.get("all") or form.get("entity")), "progress": asdict(progress),
                       "progress_text": gettext("%(d)s dari %(n)s temuan sudah diputuskan", d=progress.decided,
                                                n=progress.act)})


def _pending(session, sha: str) -> dict:
    """`workflow.pending` with names in the user's language (for the submit button and its confirmation)."""
    from webui.present import label_name, verdict_name

    now = workflow.pending(session, sha)
    return {"open_review": now.open_review,
            "accept": [{"label": label, "verdict": verdict, "count": n,
                        "label_name": label_name(label), "verdict_name": verdict_name(verdict)}
                       for label, verdict, n in now.accept]}


@bp.route("/documents/<sha>/pending.json")
@login_required
def pending(sha: str):
    """What a submit would accept now, asked at the moment the officer presses the button."""
    session = get_db()
    load_document(session, sha)
    return jsonify(_pending(session, sha))


@bp.route("/documents/<sha>/manual", methods=["POST"])
@login_required
def manual(sha: str):
    session = get_db()
    load_document(session, sha)
    form = request.form
    box = None
    if form.get("x0"):
        try:
            box = tuple(float(form[k]) for k in ("x0", "top", "x1", "bottom"))
        except (KeyError, ValueError):
            return _done(sha, gettext("Kotak tidak sah"), ok=False)
    try:
        finding = workflow.add_manual(session, current_user.row, sha, form.get("page", 1, type=int),
                                      label=form.get("label", "PERSON"), basis=form.get("basis", "17h"),
                                      start=form.get("start", type=int), end=form.get("end", type=int),
                                      box=box, note=form.get("note", ""))
        session.commit()
    except ReviewerError as exc:
        return _refused(sha, exc)
    return _done(sha, gettext("Penghitaman manual ditambahkan"), f"f-{finding.id}",
                 data={"reload": True})


@bp.route("/documents/<sha>/<any(submit, approve, return):step>", methods=["POST"])
@login_required
def step(sha: str, step: str):
    session = get_db()
    doc = load_document(session, sha)
    note = request.form.get("note", "")
    user = current_user.row
    try:
        if step == "submit":
            workflow.submit(session, user, doc, note)
            message = gettext("Diajukan untuk persetujuan")
        elif step == "approve":
            workflow.approve(session, user, doc, note)
            message = gettext("Disetujui; berkas dapat diekspor")
        else:
            workflow.return_(session, user, doc, note)
            message = gettext("Dikembalikan ke petugas")
        session.commit()
    except ReviewerError as exc:
        return _refused(sha, exc)
    return _done(sha, message)
