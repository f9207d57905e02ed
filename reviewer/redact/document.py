"""One document in, one verified redacted copy out (or an error and nothing written as done)."""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime

from reviewer.core.errors import RedactionError, VerificationFailed
from reviewer.core.model import Decision, Document
from reviewer.core.officetime import zone
from reviewer.core.settings import Settings
from reviewer.redact.labels import ASCII_BLOCK, BLOCK, box_label
from reviewer.redact.outcome import Check, Outcome, Redaction, RedactionReport

# A CSV keeps its own suffix (.csv/.tsv).
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "txt": ".txt", "image": ".pdf", "xlsx": ".xlsx", "ods": ".ods", "odt": ".odt",
          "odp": ".odp", "pptx": ".pptx"}
# Copies that cannot keep their format: macros go, legacy binaries are written as their successor.
MODERN = {".xlsm": ".xlsx", ".doc": ".docx", ".xls": ".xlsx", ".ppt": ".pptx", ".dot": ".docx", ".xlt": ".xlsx"}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")  # a redacted picture is published as PDF


def default_output(path: str | os.PathLike, kind: str | None = None) -> str:
    """surat.pdf -> surat.disensor.pdf, next to the original."""
    root, ext = os.path.splitext(os.fspath(path))
    if kind is None and ext.lower() in IMAGE_SUFFIXES:
        kind = "image"
    ext = MODERN.get(ext.lower(), ext)
    return f"{root}.disensor{SUFFIX.get(kind or '', ext) or ext}"


def redact_document(path: str | os.PathLike, decisions: list[Decision], out_path: str | os.PathLike,
                    settings: Settings, *, sha256: str = "", document: Document | None = None,
                    allow_over_redaction: bool = False) -> RedactionReport:
    """Apply the `redact` decisions to a copy of the file at `out_path` and verify the copy.

    `sha256` is the hash the decisions were made on (checked when given). The original is never
    written to. The copy is first written next to `out_path` as `.part`; it replaces `out_path`
    only when every check passed, otherwise it is deleted and `VerificationFailed` carries the
    report. Raises `DecisionError` for decisions that do not fit the document.
    """
    from reviewer.extract import extract
    from reviewer.redact.decisions import check

    path, out_path = os.fspath(path), os.fspath(out_path)
    if os.path.exists(out_path) and os.path.samefile(path, out_path):
        raise RedactionError("berkas hasil tidak boleh sama dengan berkas asli / output must not be the original")
    if document is None:
        from reviewer.detect.pipeline import prepare

        document = prepare(extract(path), settings, [])  # scanned pages: the OCR the decisions were made on
    applied = check(document, decisions, sha256)
    if document.kind == "image" and not out_path.lower().endswith(".pdf"):
        raise RedactionError("gambar pindaian dihitamkan menjadi PDF; beri nama berkas hasil .pdf / "
                             "a redacted picture is written as PDF: name the output .pdf")
    kept = sum(d.action == "keep" for d in decisions)
    part = out_path + ".part"
    try:
        with modern_copy(document) as work:
            outcome = _redact(work, applied, part, settings)
            report = _report(document, applied, kept, out_path, outcome, settings)
            _verify(work, applied, part, report, settings, allow_over_redaction)
    except BaseException:
        if os.path.exists(part):
            os.unlink(part)
        raise
    if not report.ok:
        os.unlink(part)
        names = "; ".join(f"{c.tool}: {c.name} — {c.detail}" for c in report.failures)
        raise VerificationFailed(f"verifikasi gagal, berkas hasil tidak disimpan / verification failed, "
                                 f"nothing written: {names}", report)
    os.replace(part, out_path)
    from reviewer.extract import sha256_file

    report.output_sha256 = sha256_file(out_path)
    return report


@contextmanager
def modern_copy(document: Document):
    """The document as the redactors read it: a DOC/XLS/PPT is its LibreOffice DOCX/XLSX/PPTX copy,
    converted again (and checked to read as it did when scanned) for as long as the redaction runs."""
    legacy = document.metadata.get("converted_from")
    if not legacy:
        yield document
        return
    from dataclasses import replace

    from reviewer.extract import extract
    from reviewer.extract.legacy import converted

    with converted(document.path, legacy) as copy:
        if extract(copy).text != document.text:
            raise RedactionError("LibreOffice membaca berkas lama ini berbeda dari saat dipindai; pindai ulang / "
                                 "the legacy file converts differently than when scanned: scan it again")
        yield replace(document, path=copy)


REDACTORS = {"xlsx": ("reviewer.redact.xlsx", "redact_xlsx"), "csv": ("reviewer.redact.delimited", "redact_csv"),
             "ods": ("reviewer.redact.ods", "redact_ods"), "odt": ("reviewer.redact.odt", "redact_odt"),
             "odp": ("reviewer.redact.odp", "redact_odp"), "pptx": ("reviewer.redact.pptx", "redact_pptx"),
             "html": ("reviewer.redact.html", "redact_html")}
# Structural checks of a copy per kind (module, function): hidden sheets, comments, macros, ...
AUDITS = {"xlsx": ("reviewer.redact.xlsx", "xlsx_checks"), "ods": ("reviewer.redact.ods", "ods_checks"),
          "odt": ("reviewer.redact.odt", "odt_checks"), "odp": ("reviewer.redact.odp", "odp_checks"),
          "pptx": ("reviewer.redact.pptx", "pptx_checks"),
          "html": ("reviewer.redact.html", "html_checks")}
# Segment kinds removed whole from the copy, so their words are not missed by the over-redaction count.
REMOVED_KINDS = {"docx": ("comment",), "xlsx": ("comment", "name"), "ods": ("comment",), "odt": ("comment", "tracked"),
                 "odp": ("comment",), "pptx": ("comment",), "html": ()}


def _redact(document: Document, decisions: list[Decision], part: str, settings: Settings) -> Outcome:
    if document.kind == "pdf":
        from reviewer.redact.pdf import redact_pdf

        return redact_pdf(document, decisions, part, settings)
    if document.kind == "docx":
        from reviewer.redact.docx import redact_docx

        return redact_docx(document, decisions, part, settings)
    if document.kind == "txt":
        from reviewer.redact.text import redact_text

        return redact_text(document, decisions, part, settings)
    if document.kind == "image":
        from reviewer.redact.scan import redact_image

        return redact_image(document, decisions, part, settings)
    if document.kind in REDACTORS:
        import importlib

        module, name = REDACTORS[document.kind]
        return getattr(importlib.import_module(module), name)(document, decisions, part, settings)
    raise RedactionError(f"jenis berkas '{document.kind}' tidak dapat dihitamkan / cannot redact this kind")


def _report(document: Document, applied: list[Decision], kept: int, out_path: str, outcome: Outcome,
            settings: Settings) -> RedactionReport:
    redactions = [Redaction(i + 1, d, box_label(d.basis, settings), outcome.places.get(i, 0),
                            outcome.where.get(i, "")) for i, d in enumerate(applied)]
    warnings = list(outcome.warnings)
    unread = [p.number for p in document.pages if p.needs_ocr and not p.ocr]
    if unread:
        warnings.append(f"halaman tanpa lapisan teks yang belum dibaca (OCR): {unread}; isinya TIDAK diperiksa "
                        "dan tidak dihitamkan / pages without text were not checked")
    notes = list(outcome.notes)
    if document.metadata.get("converted_from"):
        notes.insert(0, f"berkas asli .{document.metadata['converted_from']} (format lama) diubah oleh LibreOffice; "
                        f"salinan yang dihitamkan berformat .{document.kind}")
    return RedactionReport(document.path, document.sha256, out_path, document.kind, redactions, kept,
                           notes=notes, warnings=warnings,
                           created_at=datetime.now(zone(settings.timezone)).isoformat(timespec="seconds"))


def _verify(document: Document, applied: list[Decision], part: str, report: RedactionReport,
            settings: Settings, allow_over_redaction: bool) -> None:
    from reviewer.extract import extract
    from reviewer.redact import audit, verify
    from reviewer.redact import extractors as verify_readers

    labels = _labels(applied, settings)
    items = verify.needles(applied)
    counts = verify.remaining_in_text(document, applied, items)
    ocr_text = "\n".join(p.text for p in document.pages if p.ocr)
    # read once: our own reader's leak check (on pdfminer, the engine MuPDF is checked against) and
    # the over-redaction count
    result = extract(part, pdf_engine="pdfplumber")
    kind = "pdf" if document.kind == "image" else document.kind  # a redacted picture is a PDF
    own = verify_readers.OWN_READER[kind]
    known = {own: ("\n".join(p.text for p in document.pages if not p.ocr), "\n".join(p.text for p in result.pages))}
    checks, warnings = verify.leak_checks(kind, document.path, part, items, counts, labels, ocr_text,
                                          known)
    checks.append(verify.hidden_check(kind, part, items, counts, labels))
    if kind == "pdf":
        checks += audit.pdf_checks(part)
        if ocr_text:
            from reviewer.redact.verify_scan import scanned_checks

            checks += scanned_checks(document, applied, part, items, labels)
    elif document.kind == "docx":
        checks += audit.docx_checks(part)
    elif document.kind in AUDITS:
        import importlib

        module, name = AUDITS[document.kind]
        checks += getattr(importlib.import_module(module), name)(part)
    missing = [r.number for r in report.redactions if r.places == 0]
    checks.append(Check("setiap keputusan diterapkan", "penghitam", not missing,
                        f"{len(report.redactions)} keputusan" + (f"; tanpa tempat: {missing}" if missing else "")))
    skip = REMOVED_KINDS.get(document.kind, ())
    over = verify.over_redaction(document, result, applied, skip)
    report.over_redaction = over
    lost = over["hilang"]
    checks.append(Check("teks di luar penghitaman tetap ada", "pdfplumber" if kind == "pdf" else "reviewer",
                        lost == 0 or allow_over_redaction,
                        f"{over['kata_di_luar_penghitaman']} kata di luar penghitaman, {lost} hilang"
                        + (f" (contoh: {', '.join(over['contoh_hilang'])})" if lost else "")
                        + (" — diizinkan oleh pengguna" if lost and allow_over_redaction else "")))
    report.checks = checks
    report.warnings += warnings


def _labels(applied: list[Decision], settings: Settings) -> tuple[str, ...]:
    labels = {box_label(d.basis, settings) for d in applied}
    labels |= {f"{b} [{label}]" for label in labels for b in (BLOCK, ASCII_BLOCK)}
    labels |= {"[dihitamkan]"}
    return tuple(sorted(labels, key=len, reverse=True))
