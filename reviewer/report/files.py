"""Reports of a batch run, read back from the database: findings as JSONL and CSV, documents as CSV,
and the HTML summary for the head of the PPID (`summary`). Rows are streamed document by
document, so a report of a huge archive needs no more memory than a small one.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from sqlalchemy.orm import Session

from reviewer.core.officetime import DEFAULT_ZONE
from reviewer.detect import risk
from reviewer.report.queries import RESULT_STATES, finding_rows, item_url, items
from reviewer.report.summary import render_summary
from reviewer.store import records as store

FINDING_FIELDS = ("file", "sha256", "page", "start", "end", "text", "label", "basis", "score", "action",
                  "source", "reasons")
DOCUMENT_FIELDS = ("file", "sha256", "status", "risk", "risk_level", "pages", "findings_to_act",
                   "error_kind", "error", "seconds", "review_url")


def write_reports(database_url: str, run_id: int, out_dir: Path, ui_url: str,
                  timezone: str = DEFAULT_ZONE) -> list[Path]:
    """findings.jsonl, findings.csv, documents.csv and ringkasan.html (times in `timezone`) in `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    engine = store.make_engine(database_url)
    try:
        with store.session_factory(engine)() as session:
            paths = [_atomic(out_dir / "findings.jsonl", lambda fh: write_findings_jsonl(session, run_id, fh)),
                     _atomic(out_dir / "findings.csv", lambda fh: write_findings_csv(session, run_id, fh)),
                     _atomic(out_dir / "documents.csv",
                             lambda fh: write_documents_csv(session, run_id, fh, ui_url)),
                     _atomic(out_dir / "ringkasan.html",
                             lambda fh: fh.write(render_summary(session, run_id, ui_url, timezone)))]
    finally:
        engine.dispose()
    return paths


def _atomic(path: Path, write) -> Path:
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        write(fh)
    os.replace(tmp, path)
    return path


def write_findings_jsonl(session: Session, run_id: int, fh) -> None:
    for row in finding_rows(session, run_id, boxes=True):
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_findings_csv(session: Session, run_id: int, fh) -> None:
    writer = csv.DictWriter(fh, FINDING_FIELDS)
    writer.writeheader()
    for row in finding_rows(session, run_id):
        writer.writerow({**row, "text": _cell(row["text"]), "reasons": _cell(" | ".join(row["reasons"]))})


def write_documents_csv(session: Session, run_id: int, fh, ui_url: str) -> None:
    writer = csv.DictWriter(fh, DOCUMENT_FIELDS)
    writer.writeheader()
    for item in items(session, run_id):
        has_result = item.status in RESULT_STATES
        writer.writerow({"file": _cell(item.name), "sha256": item.document_sha or "", "status": item.status,
                         "risk": item.risk, "risk_level": risk.level(item.risk) if has_result else "",
                         "pages": item.pages, "findings_to_act": item.findings,
                         "error_kind": item.error_kind or "", "error": _cell(item.error or ""),
                         "seconds": item.seconds,
                         "review_url": item_url(ui_url, item) if has_result else ""})


def _cell(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection); "+62 812-…" stays as it is."""
    formula = text[:1] in ("=", "@", "\t", "\r") or \
        text[:1] in ("+", "-") and any(c.isalpha() or c == "(" for c in text)
    return "'" + text if formula else text


