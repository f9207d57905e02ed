import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from reviewer.batch.run import BatchOptions, run_batch
from reviewer.cli import cli
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.store import records as store
from tests.batch_helpers import make_archive

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
ROOT = Path(__file__).resolve().parent.parent


def _session(url):
    engine = store.make_engine(url)
    return engine, store.session_factory(engine)()


def _count(session, model, *where):
    return session.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'reviewer.sqlite3'}"


def test_batch_stores_results_the_web_ui_reads_and_a_rerun_skips_them(tmp_path, samples, database_url):
    db_url = database_url
    folder = tmp_path / "arsip"
    folder.mkdir()
    for p in samples.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "slide.key").write_bytes(b"PK\x03\x04")  # a format no reader takes
    options = BatchOptions(workers=2, originals_root=tmp_path / "originals")
    first = run_batch([folder], db_url, SETTINGS, options)
    assert (first.scanned, first.skipped, first.failed) == (3, 1, 0)
    engine, session = _session(db_url)
    for p in samples.iterdir():
        expected = scan_file(str(p), SETTINGS)
        doc = session.get(store.DocumentRecord, expected.document.sha256)
        assert doc.status == "needs_review" and doc.source == "batch" and doc.filename == p.name
        stored = [(f.page, f.start, f.end, f.label, f.action) for f in store.findings_of(session, doc.sha256)]
        assert stored == [(f.page, f.start, f.end, f.label, f.action) for f in expected.findings]
        assert (tmp_path / "originals" / doc.sha256[:2] / doc.sha256).read_bytes() == p.read_bytes()
    findings_before = _count(session, store.FindingRecord)
    second = run_batch([folder], db_url, SETTINGS, options)
    assert second.run != first.run
    assert (second.scanned, second.unchanged, second.skipped) == (0, 3, 1)
    assert second.findings_to_act == first.findings_to_act
    assert _count(session, store.FindingRecord) == findings_before
    session.close()
    engine.dispose()


@pytest.mark.slow
def test_kill_9_halfway_and_restart_ends_with_exactly_one_result_per_document(tmp_path, db_url):
    n = make_archive(tmp_path / "arsip", 300, in_zip=60)
    cmd = [sys.executable, "-m", "reviewer", "batch", str(tmp_path / "arsip"), "--db", db_url.split(":///")[1],
           "--workers", "2", "--no-ner", "--no-passages", "--no-ocr"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    engine, session = _session(db_url)
    deadline = time.monotonic() + 120
    done = 0
    while done < n // 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            done = _count(session, store.BatchItem)
        except Exception:  # the schema may not exist yet
            session.rollback()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    session.rollback()
    halfway = _count(session, store.BatchItem)
    assert n // 3 <= halfway < n, "the run was not interrupted halfway"

    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["event"] == "summary" and summary["run"] == 1  # the same run, resumed
    assert list(summary) == ["event", "run", "items", "scanned", "unchanged", "failed", "unsupported", "skipped",
                             "pages", "findings_to_act", "failures_by_kind"]  # the line scripts read, unchanged
    assert summary["items"] == n and summary["scanned"] + summary["unchanged"] == n and summary["failed"] == 0
    session.rollback()
    names = session.scalars(select(store.BatchItem.name)).all()
    assert len(names) == len(set(names)) == n
    assert _count(session, store.DocumentRecord) == n
    per_doc = session.execute(select(store.FindingRecord.document_sha, func.count())
                              .group_by(store.FindingRecord.document_sha)).all()
    expected = len(scan_file(str(tmp_path / "arsip" / "2020" / "surat-0000.txt"), SETTINGS).findings)
    assert len(per_doc) == n and {count for _, count in per_doc} == {expected}
    assert _count(session, store.PageRecord) == n
    session.close()
    engine.dispose()


def test_failures_are_recorded_counted_and_the_run_goes_on(tmp_path, samples, database_url):
    db_url = database_url
    folder = tmp_path / "arsip"
    folder.mkdir()
    (folder / "lambat.txt").write_text("LAMBAT")
    (folder / "rusak.pdf").write_bytes(b"%PDF-1.7\n sampah")
    (folder / "baik.docx").write_bytes((samples / "formulir-permohonan.docx").read_bytes())
    options = BatchOptions(workers=2, timeout=5, scanner="tests.batch_helpers:scan_file")
    totals = run_batch([folder], db_url, SETTINGS, options)
    assert (totals.scanned, totals.failed) == (1, 2)
    assert totals.failures_by_kind == {"timeout": 1, "corrupt": 1}
    engine, session = _session(db_url)
    slow = session.scalar(select(store.BatchItem).where(store.BatchItem.name.like("%lambat.txt")))
    assert slow.status == "failed" and "batas waktu" in slow.error and slow.document_sha
    assert session.get(store.DocumentRecord, slow.document_sha) is None  # nothing half-stored
    session.close()
    engine.dispose()


def test_cli_off_a_terminal_prints_failures_and_a_summary_as_json(tmp_path, samples):
    folder = tmp_path / "arsip"
    folder.mkdir()
    (folder / "rusak.pdf").write_bytes(b"%PDF-1.7\n sampah")
    (folder / "laporan.txt").write_bytes((samples / "laporan-kejadian.txt").read_bytes())
    result = CliRunner().invoke(cli, ["batch", str(folder), "--db", str(tmp_path / "r.sqlite3"), "--workers", "1",
                                      "--no-ner", "--no-passages", "--report", str(tmp_path / "laporan")])
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert lines[0]["event"] == "failed" and lines[0]["kind"] == "corrupt" and "rusak.pdf" in lines[0]["name"]
    assert lines[-1]["event"] == "summary" and lines[-1]["failed"] == 1 and lines[-1]["scanned"] == 1
    assert {Path(p).name for p in lines[-1]["reports"]} == {"findings.jsonl", "findings.csv", "documents.csv",
                                                           "ringkasan.html"}


def test_cli_usage_errors():
    runner = CliRunner()
    assert runner.invoke(cli, ["batch"]).exit_code == 2
    assert runner.invoke(cli, ["batch", "/tidak/ada"]).exit_code == 2
    assert runner.invoke(cli, ["batch", ".", "--workers", "0"]).exit_code == 2


def test_batch_totals_round_trip_through_the_stored_summary_and_know_every_item_state():
    from dataclasses import fields

    from reviewer.store.batch import BatchTotals

    assert {f.name for f in fields(BatchTotals)} >= set(store.BATCH_ITEM_STATES)
    totals = BatchTotals(run=3, items=4, scanned=2, failed=2, pages=9, findings_to_act=5,
                         failures_by_kind={"corrupt": 2})
    stored = json.loads(json.dumps(totals.as_dict()))
    assert BatchTotals.from_dict(stored) == totals and list(stored)[:3] == ["run", "items", "scanned"]
