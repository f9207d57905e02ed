"""Exports of an approved document: its decisions as `reviewer.core.model.Decision`s (the redaction
module's format, with proposer and approver named), and the redacted file, the redaction log and the
draft uji konsekuensi made from them by `reviewer.redact`."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.core.errors import RedactionError
from reviewer.core.model import Box, Decision
from reviewer.core.settings import Settings
from reviewer.redact.document import SUFFIX
from reviewer.store import originals
from reviewer.store import records as store

REDACTABLE = tuple(SUFFIX)  # the kinds the redactor writes; a redacted picture is a PDF
PAGED = ("pdf", "image")  # kinds whose pages have a size, so boxes and whole pages can be blacked out
STAGING = ".part"


def decisions(session: Session, doc: store.DocumentRecord) -> list[Decision]:
    """The current decision of every finding, in page order, as the redaction module takes them."""
    users: dict[int | None, str] = {u.id: u.display_name for u in session.scalars(select(store.User))}
    findings = {f.id: f for f in store.findings_of(session, doc.sha256)}
    pages = {p.number: p for p in session.scalars(select(store.PageRecord)
                                                  .where(store.PageRecord.document_sha == doc.sha256))}
    approver = users.get(doc.approved_by_id, "")
    out: list[Decision] = []
    for d in sorted(store.current_decisions(session, doc.sha256).values(), key=lambda d: (d.page, d.start, d.id)):
        f = findings[d.finding_id]
        common = {"label": d.label, "basis": d.basis, "action": d.verdict,
                  "reason": d.note or (f.reasons[0] if f.reasons else ""), "proposed_by": users.get(d.user_id, ""),
                  "approved_by": approver, "decided_at": d.created_at.isoformat(timespec="seconds") + "Z",
                  "source": f.source}
        out += _one(d, f, pages.get(d.page), doc.kind, common)
    return out


def _one(d: store.DecisionRecord, f: store.FindingRecord, page, kind: str | None, common: dict) -> list[Decision]:
    drawn = f.source == "manual" and f.boxes and any("kotak" in r for r in f.reasons)
    if d.label == "UNREADABLE":
        if d.verdict == "keep" or page is None or page.width is None or kind not in PAGED:
            return []  # a flag about the page, not a stretch of text: nothing to black out
        return [Decision(d.page, 0, 0, "", box=Box(0.0, 0.0, page.width, page.height), **common)]
    if drawn and kind in PAGED and d.verdict == "redact":
        # one drawn box is one redaction with one label: the box itself (whatever it covers goes), carrying
        # the words inside it so the leak check still looks for them; not a second burn over their lines
        boxes = d.boxes or f.boxes
        text = d.text if len(boxes) == 1 else ""
        return [Decision(d.page, d.start if text else 0, d.end if text else 0, text, box=Box(*map(float, b)),
                         **common) for b in boxes]
    if d.end > d.start and d.text.strip():
        return [Decision(d.page, d.start, d.end, d.text, **common)]
    return []


def export_files(session: Session, doc: store.DocumentRecord, originals_root: Path, out_dir: Path,
                 settings: Settings) -> dict[str, Path]:
    """Make (once) the redacted file, the log (CSV, JSON) and the draft uji konsekuensi in `out_dir`.

    The files are made in a staging folder that replaces `out_dir` only when all of them are
    complete, so a crash or a full disk never leaves a half-written export that looks done.
    Raises `RedactionError` (with a message for the user) when the copy cannot be made or verified.
    """
    from reviewer.redact.report import log_paths

    if doc.kind not in REDACTABLE:
        raise RedactionError(f"berkas jenis '{doc.kind}' tidak dapat dihitamkan / cannot redact this kind of file")
    name = f"{Path(doc.filename).stem or 'dokumen'}.disensor{SUFFIX[doc.kind]}"
    paths = {"redacted": out_dir / name, **{k: out_dir / Path(v).name for k, v in log_paths(name).items()}}
    if out_dir.parent.exists():
        _sweep(out_dir)
    if all(p.exists() for p in paths.values()):
        return paths
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.", suffix=STAGING))
    try:
        _make(session, doc, originals_root, staging, name, settings, final=paths["redacted"])
        if out_dir.exists():
            shutil.rmtree(out_dir)  # an incomplete export from before
        os.replace(staging, out_dir)
    except OSError as exc:
        raise RedactionError(f"berkas ekspor tidak dapat ditulis / the export could not be written: "
                             f"{exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return paths


def _make(session: Session, doc: store.DocumentRecord, originals_root: Path, folder: Path, name: str,
          settings: Settings, final: Path) -> None:
    from reviewer.redact import redact_document
    from reviewer.redact.report import log_paths, write_all

    out = folder / name
    report = redact_document(originals.path_of(originals_root, doc.content_sha), decisions(session, doc), out,
                             settings, sha256=doc.content_sha)
    report.source, report.output = doc.filename, final.name  # never a server path in what is handed out
    write_all(report, settings, log_paths(str(out)))


def _sweep(out_dir: Path, older_than: float = 3600.0) -> None:
    """Staging folders left by an export that was killed half-way."""
    now = time.time()
    for old in out_dir.parent.glob(f".{out_dir.name}.*{STAGING}"):
        try:
            if now - old.stat().st_mtime > older_than:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
