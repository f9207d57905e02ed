"""How stored rows are shown: status names, who holds a document, dicts for the JSON twins."""

from __future__ import annotations

from flask import abort
from flask_babel import gettext
from sqlalchemy import select

from reviewer.core import reasons, vocabulary
from reviewer.store import records as store

STATUS_NAMES = {
    "processing": "diproses",
    "needs_review": "perlu ditinjau",
    "awaiting_approval": "menunggu persetujuan",
    "returned": "dikembalikan",
    "approved": "disetujui",
    "failed": "gagal dibaca",
}


def load_document(session, sha: str) -> store.DocumentRecord:
    """The document, or 404. Whether the user may see it is asked first, the same question whether or not
    it exists, so that another unit's document costs what a missing one does (no timing to tell them apart)."""
    seen = len(sha) == 64 and _may_see(session, sha)
    doc = session.get(store.DocumentRecord, sha) if seen else None
    if doc is None:
        abort(404, gettext("Dokumen tidak ditemukan"))
    return doc


def _may_see(session, sha: str) -> bool:
    """Units: a PPID pembantu sees only its unit's documents (as if the others did not exist)."""
    from flask import g
    from flask_login import current_user

    from reviewer.store import units as unitstore

    user = g.get("api_user") or (current_user.row if current_user.is_authenticated else None)
    return user is None or unitstore.can_see(session, user, sha)


def name_of(users: dict, user_id: int | None) -> str:
    user = users.get(user_id) if user_id else None
    return user.display_name if user else ""


def holder(doc: store.DocumentRecord, users: dict) -> str:
    """Who has the document now, in words."""
    if doc.status == "processing":
        return "sistem (memindai)"
    if doc.status == "awaiting_approval":
        return "penyetuju"
    if doc.status == "approved":
        return "tidak ada (selesai)"
    return name_of(users, doc.proposed_by_id or doc.uploaded_by_id) or "petugas"


def iso(value) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def doc_dict(doc: store.DocumentRecord, counts: dict, users: dict, act: dict | None = None) -> dict:
    return {
        "sha256": doc.sha256, "filename": doc.filename, "kind": doc.kind, "size": doc.size,
        "status": doc.status, "status_name": STATUS_NAMES[doc.status], "error": doc.error,
        "warnings": doc.warnings or [], "page_count": doc.page_count, "pages_done": doc.pages_done,
        "pages_read": doc.pages_read,
        "label_counts": dict(sorted(counts.items())), "holder": holder(doc, users), "source": doc.source,
        "action_counts": dict(sorted((act if act is not None else counts).items())),
        "keep_count": sum(counts.values()) - sum((act if act is not None else counts).values()),
        "uploaded_by": name_of(users, doc.uploaded_by_id), "proposed_by": name_of(users, doc.proposed_by_id),
        "approved_by": name_of(users, doc.approved_by_id), "return_comment": doc.return_comment,
        "created_at": iso(doc.created_at), "updated_at": iso(doc.updated_at),
        "proposed_at": iso(doc.proposed_at), "approved_at": iso(doc.approved_at),
    }


def reason_texts(f: store.FindingRecord) -> list[str]:
    """A stored finding's reasons in the user's language (as stored when there is no structured form)."""
    if not f.reason_data or len(f.reason_data) != len(f.reasons):
        return list(f.reasons)
    lang = _lang()
    return [reasons.render_dict(data, lang) or text for data, text in zip(f.reason_data, f.reasons, strict=True)]


def finding_dict(f: store.FindingRecord, decision: store.DecisionRecord | None, users: dict) -> dict:
    return {
        "id": f.id, "page": f.page, "start": f.start, "end": f.end, "text": f.text, "label": f.label,
        "basis": f.basis, "score": round(f.score, 3), "action": f.action, "source": f.source,
        "reasons": reason_texts(f), "boxes": f.boxes, "entity": f.entity,
        "decision": None if decision is None else {
            "verdict": decision.verdict, "label": decision.label, "basis": decision.basis,
            "start": decision.start, "end": decision.end, "text": decision.text, "boxes": decision.boxes,
            "note": note_text(decision.note), "by": name_of(users, decision.user_id), "at": iso(decision.created_at)},
    }


def page_findings(session, sha: str, number: int) -> list[dict]:
    """Every finding of one page as `finding_dict`, with its current decision (the JSON twins of the views)."""
    decisions = store.current_decisions(session, sha)
    users = {u.id: u for u in session.scalars(select(store.User))}
    return [finding_dict(f, decisions.get(f.id), users) for f in store.findings_of(session, sha, number)]


def finding_brief(f: store.FindingRecord, decision: store.DecisionRecord | None) -> dict:
    """What a mark in a table needs of a finding (no reasons, boxes or names): a sheet of 10,000 rows has
    40,000 findings, and only those of the rows shown get their `finding_dict`."""
    return {"id": f.id, "page": f.page, "start": f.start, "end": f.end, "label": f.label, "basis": f.basis,
            "action": f.action, "decision": None if decision is None else {
                "verdict": decision.verdict, "basis": decision.basis, "start": decision.start, "end": decision.end}}


def note_text(note: str | None) -> str | None:
    """A decision's note; the system's own note (suggestion accepted on submit) in the user's language."""
    from flask_babel import gettext

    from reviewer.review.workflow import ACCEPTED_ON_SUBMIT

    return gettext("saran diterima saat diajukan") if note == ACCEPTED_ON_SUBMIT else note


def event_dict(e: store.Event) -> dict:
    return {"id": e.id, "at": iso(e.at), "user": e.username, "user_id": e.user_id, "action": e.action,
            "document": e.document_sha,
            "target": e.target, "before": e.before, "after": e.after}


EVENT_NAMES = {
    "uploaded": "diunggah", "scanned": "selesai dipindai", "scan_failed": "gagal dipindai",
    "decision": "keputusan", "manual_added": "penghitaman manual", "submitted": "diajukan",
    "approved": "disetujui", "returned": "dikembalikan", "exported": "diekspor", "login": "masuk",
    "login_failed": "gagal masuk", "logout": "keluar", "user_added": "akun dibuat",
    "user_disabled": "akun dinonaktifkan", "user_enabled": "akun diaktifkan", "password_changed": "sandi diganti",
    "role_changed": "peran diubah", "api_token_issued": "token API dibuat", "term_added": "daftar: ditambah",
    "term_removed": "daftar: dihapus", "box_labels_changed": "kode kotak diubah", "document_unit": "unit dokumen",
    "unit_added": "unit dibuat", "unit_changed": "unit diubah", "unit_member_set": "anggota unit",
    "unit_member_removed": "keanggotaan dicabut", "unit_term_added": "daftar unit: ditambah",
    "unit_term_removed": "daftar unit: dihapus", "unit_box_label": "kode kotak unit", "dik_imported": "DIK diimpor",
    "dik_row_added": "baris DIK ditambah", "dik_row_changed": "baris DIK diubah",
}
TERM_NAMES = {"official": "pejabat", "allow": "izin", "deny": "tolak", "contact": "kontak instansi"}
SENTENCES = {
    "uploaded": "%(who)s mengunggah %(doc)s", "scanned": "Sistem selesai memindai %(doc)s",
    "scan_failed": "Sistem gagal membaca %(doc)s", "decision": "%(who)s memutuskan %(detail)s di %(doc)s",
    "manual_added": "%(who)s menambah penghitaman manual di %(doc)s",
    "submitted": "%(who)s mengajukan %(doc)s untuk persetujuan", "approved": "%(who)s menyetujui %(doc)s",
    "returned": "%(who)s mengembalikan %(doc)s ke petugas", "exported": "%(who)s mengunduh hasil %(doc)s",
    "document_unit": "%(who)s memindahkan %(doc)s ke unit %(detail)s", "login": "%(who)s masuk",
    "login_failed": "Percobaan masuk yang gagal sebagai %(target)s", "logout": "%(who)s keluar",
    "user_added": "%(who)s membuat akun %(target)s", "user_disabled": "%(who)s menonaktifkan akun %(target)s",
    "user_enabled": "%(who)s mengaktifkan akun %(target)s",
    "password_changed": "%(who)s mengganti kata sandi akun %(target)s",
    "role_changed": "%(who)s mengubah peran akun %(target)s menjadi %(detail)s",
    "api_token_issued": "%(who)s membuat token API untuk %(target)s",
    "term_added": "%(who)s menambah %(detail)s ke daftar", "term_removed": "%(who)s menghapus %(detail)s dari daftar",
    "box_labels_changed": "%(who)s mengubah kode kotak", "unit_added": "%(who)s membuat unit %(target)s",
    "unit_changed": "%(who)s mengubah unit %(target)s",
    "unit_member_set": "%(who)s menjadikan %(member)s %(detail)s di unit %(target)s",
    "unit_member_removed": "%(who)s mencabut keanggotaan %(member)s di unit %(target)s",
    "unit_term_added": "%(who)s menambah %(detail)s ke daftar unit %(target)s",
    "unit_term_removed": "%(who)s menghapus %(detail)s dari daftar unit %(target)s",
    "unit_box_label": "%(who)s mengubah kode kotak unit %(target)s",
    "dik_imported": "%(who)s mengimpor %(detail)s baris DIK ke unit %(target)s",
    "dik_row_added": "%(who)s menambah baris DIK #%(target)s",
    "dik_row_changed": "%(who)s mengubah baris DIK #%(target)s",
}
# The keys of an event's before/after values, in words (the audit log's "sebelum"/"sesudah" column).
FIELD_NAMES = {"user": "pengguna", "role": "peran", "unit": "unit", "kind": "jenis", "value": "isi", "name": "nama",
               "parent": "induk", "ppid": "PPID", "source": "sumber", "rows": "baris", "revoked": "dicabut",
               "label": "label", "verdict": "keputusan", "basis": "dasar", "note": "catatan", "file": "berkas",
               "status": "status", "information": "informasi", "number": "nomor", "active": "aktif",
               "full_name": "nama lengkap", "disabled": "nonaktif", "start": "awal", "end": "akhir", "text": "teks",
               "pages": "halaman", "findings": "temuan", "filename": "nama berkas", "size": "ukuran",
               "comment": "komentar", "basis_text": "dasar hukum", "accepted": "diterima", "boxes": "kotak",
               "page": "halaman"}
SORT_NAMES = {"updated": "terakhir diubah", "created": "terbaru diunggah", "oldest": "terlama diunggah",
              "name": "nama berkas", "status": "status"}


def sentence(event: dict, filenames: dict[str, str], link: bool = True) -> str:
    """What happened, as a sentence in the user's language: "Ani mengajukan surat.pdf untuk persetujuan".
    With `link`, safe HTML with the document's name linked to its review page."""
    from flask import url_for
    from flask_babel import gettext
    from markupsafe import Markup, escape

    sha = event.get("document")
    name = filenames.get(sha, sha[:12] if sha else "")
    doc = Markup('<a href="{}">{}</a>').format(url_for("review.document", sha=sha), name) if link and sha else name
    params = {"who": who(event), "doc": doc, "detail": _detail(event),
              "target": (event.get("target") or "").partition(":")[2] or event.get("target") or "",
              "member": (event.get("after") or event.get("before") or {}).get("user", "")}
    template = SENTENCES.get(event["action"])
    if template is None:
        text = f"{params['who']}: {gettext(EVENT_NAMES.get(event['action'], event['action']))} {params['target']}"
        return escape(text) if link else text
    if not link:
        return gettext(template, **params)
    return Markup(gettext(template, **{k: v if isinstance(v, Markup) else escape(v) for k, v in params.items()}))


def who(event: dict) -> str:
    """The event's actor; the system (stored as "sistem", without an account) in the user's language."""
    from flask_babel import gettext

    system = event.get("user_id") is None and event.get("user") in (None, "", "sistem")
    return gettext("sistem") if system else event["user"]


def _detail(event: dict) -> str:
    """The object of the sentence: which label became what, the new role, the term, the unit."""
    from flask_babel import gettext

    after = event.get("after") or {}
    if event["action"] == "decision":
        label, verdict = after.get("label", ""), after.get("verdict", "")
        return f"{label_name(label)}: {verdict_name(verdict)}"
    if event["action"] in ("role_changed", "unit_member_set"):
        from reviewer.review.accounts import ROLE_NAMES

        return gettext(ROLE_NAMES.get(after.get("role", ""), after.get("role", "")))
    if event["action"] == "dik_imported":
        return str(after.get("rows", ""))
    if event["action"] in ("term_added", "term_removed", "unit_term_added", "unit_term_removed"):
        term = after or event.get("before") or {}
        return f"{term.get('value', '')} ({gettext(TERM_NAMES.get(term.get('kind', ''), term.get('kind', '')))})"
    return str(after.get("unit", ""))


def register(app) -> None:
    app.jinja_env.globals.update(STATUS_NAMES=STATUS_NAMES, EVENT_NAMES=EVENT_NAMES, TERM_NAMES=TERM_NAMES,
                                 SORT_NAMES=SORT_NAMES,
                                 **{f.__name__: f for f in (label_name, action_name, verdict_name, basis_label)})
    app.add_template_filter(when)
    app.add_template_filter(number)
    app.add_template_filter(compact)


def _lang() -> str:
    from webui.i18n import select_locale

    return select_locale()


# Names of labels, actions, verdicts and bases in the user's language, from the one vocabulary table.
def label_name(label: str) -> str:
    return vocabulary.label_name(label, _lang())


def action_name(action: str) -> str:
    return vocabulary.action_name(action, _lang())


def verdict_name(verdict: str) -> str:
    return vocabulary.verdict_name(verdict, _lang())


def basis_label(code: str) -> str:
    return vocabulary.basis_label(code, _lang())


def when(value) -> str:
    """A stored time (UTC) in the office's time zone, named: `3 Des 2026 14.05 WIB`."""
    from flask import current_app

    from reviewer.core.officetime import format_moment

    return format_moment(value, current_app.config["TIMEZONE"], _lang())


def number(value, digits: int | None = None) -> str:
    """A number in the user's language: `1.234` and `0,80` in Indonesian, `1,234` and `0.80` in English."""
    from reviewer.core.officetime import format_number

    return format_number(value, _lang(), digits)


def compact(value) -> str:
    """An event's before/after value in short words: `pengguna: ani; peran: petugas`."""
    from flask_babel import gettext

    if not value:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{gettext(FIELD_NAMES[k]) if k in FIELD_NAMES else k}: {_value(k, v)}"
                         for k, v in value.items() if v not in (None, "", []))
    return str(value)


def _value(key: str, value) -> str:
    from flask_babel import gettext

    from reviewer.review.accounts import ROLE_NAMES

    if key == "role" and value in ROLE_NAMES:
        return gettext(ROLE_NAMES[value])
    if key == "label":
        return label_name(str(value))
    if key == "note":
        return str(note_text(str(value)))
    if key == "status":
        return gettext(STATUS_NAMES.get(str(value), str(value)))
    if key == "verdict":
        return verdict_name(str(value))
    if isinstance(value, bool):
        return gettext("ya") if value else gettext("tidak")
    return str(value)


def date_range(q, filters: dict, column):
    """`filters["from"]` / `filters["to"]` (YYYY-MM-DD, both days included) on `column`; a malformed date is
    ignored and cleared from `filters`, so the form shows it was not applied."""
    from datetime import date, datetime, timedelta

    for key in ("from", "to"):
        try:
            day = date.fromisoformat(filters[key]) if filters[key] else None
        except ValueError:
            filters[key] = ""
            continue
        if day is not None:
            moment = datetime.combine(day, datetime.min.time())
            q = q.where(column >= moment if key == "from" else column < moment + timedelta(days=1))
    return q
