import csv
import json
import re

import pytest

from reviewer.batch.run import BatchOptions, run_batch
from reviewer.cli.scan import finding_json
from reviewer.core.errors import ReviewerError
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.report.files import write_reports
from reviewer.report.summary import render_summary
from reviewer.store import records as store

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
EVIL = "<img src=x onerror=alert(1)>.txt"


def test_reports_list_every_finding_rank_documents_and_escape_names(tmp_path, samples, database_url):
    folder = tmp_path / "arsip"
    folder.mkdir()
    for p in samples.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / EVIL).write_bytes((samples / "laporan-kejadian.txt").read_bytes() + b"\nNIK 3209121503870004\n")
    (folder / "kosong.txt").write_text("tidak ada data pribadi di sini")
    (folder / "rusak.pdf").write_bytes(b"%PDF-1.7\n sampah")
    totals = run_batch([folder], database_url, SETTINGS, BatchOptions(workers=1))
    paths = write_reports(database_url, totals.run, tmp_path / "laporan", "https://ppid.example.go.id/ui/")
    assert [p.name for p in paths] == ["findings.jsonl", "findings.csv", "documents.csv", "ringkasan.html"]

    rows = [json.loads(line) for line in paths[0].read_text().splitlines()]
    for p in sorted(folder.iterdir()):
        if p.suffix == ".pdf" and p.name.startswith("rusak"):
            continue
        expected = scan_file(str(p), SETTINGS)
        got = [r for r in rows if r["file"] == str(p)]
        assert [(r["page"], r["start"], r["end"], r["label"], r["basis"], r["action"]) for r in got] == \
               [(f.page, f.start, f.end, f.label, f.basis, f.action) for f in expected.findings]
        scanned = [finding_json(str(p), f, expected.document) for f in expected.findings]
        assert [r.get("boxes") for r in got] == [s.get("boxes") for s in scanned]  # as `scan --format jsonl`
        assert all("boxes" in r for r in got) if p.suffix == ".pdf" else not any("boxes" in r for r in got)
    with open(paths[1], newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(rows)

    with open(paths[2], newline="") as fh:
        docs = {r["file"]: r for r in csv.DictReader(fh)}
    assert docs[str(folder / "rusak.pdf")]["status"] == "failed"
    assert docs[str(folder / "rusak.pdf")]["error_kind"] == "corrupt"
    evil = docs[str(folder / EVIL)]
    assert evil["review_url"] == f"https://ppid.example.go.id/ui/documents/{evil['sha256']}"

    html = paths[3].read_text()
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;.txt" in html
    assert html.count("<svg") == 3
    assert f'href="https://ppid.example.go.id/ui/documents/{evil["sha256"]}"' in html
    ranked = re.findall(r'href="https://ppid.example.go.id/ui/documents/([0-9a-f]{64})"', html)
    risks = [float(next(d["risk"] for d in docs.values() if d["sha256"] == sha)) for sha in ranked]
    assert risks == sorted(risks, reverse=True) and len(ranked) == 5
    acting_17h = sum(1 for r in {(r["sha256"], r["page"], r["start"]): r for r in rows}.values()
                     if r["basis"].startswith("17h") and r["action"] != "keep")
    assert re.search(rf"huruf h — rahasia pribadi: {acting_17h}</title>", html) or acting_17h == 0
    assert "PDF rusak" in html and "gagal" in html


def test_csv_cells_never_start_a_formula():
    from reviewer.report.files import _cell

    assert _cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _cell("@SUM(A1)") == "'@SUM(A1)" and _cell("-2+3+cmd|' /C calc'!A0").startswith("'")
    assert _cell("+62 812-3456-7890") == "+62 812-3456-7890" and _cell("Budi") == "Budi"


def test_summary_of_an_unknown_run_is_a_clear_error(engine):
    with store.session_factory(engine)() as session, pytest.raises(ReviewerError, match="batch run not found: 99"):
        render_summary(session, 99, "https://ppid.example.go.id/ui/")
