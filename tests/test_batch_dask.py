"""The Dask path, on a local cluster started in-process: the same results as the local run."""

from dataclasses import replace

import pytest
from sqlalchemy import select

from reviewer.batch.executors import DaskRunner, LocalRunner
from reviewer.batch.run import BatchOptions, run_batch
from reviewer.batch.worker import Task, WorkerConfig
from reviewer.core.settings import Settings
from reviewer.store import records as store
from tests.batch_helpers import make_archive

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1", silence_logs=50) as local:
        yield local


def _results(session):
    content = {d.sha256: d.content_sha for d in session.scalars(select(store.DocumentRecord))}  # ids are random
    docs = {d.content_sha: (d.kind, d.page_count, d.status) for d in session.scalars(select(store.DocumentRecord))}
    findings = sorted((content[f.document_sha], f.page, f.start, f.end, f.label, f.basis, round(f.score, 6), f.action,
                       tuple(f.reasons), tuple(map(tuple, f.boxes)))
                      for f in session.scalars(select(store.FindingRecord)))
    items = sorted((i.name, i.status, content.get(i.document_sha, i.document_sha), i.pages, i.findings, i.risk)
                   for i in session.scalars(select(store.BatchItem)))
    return docs, findings, items


def test_dask_cluster_gives_the_same_results_as_the_local_run(tmp_path, samples, cluster):
    folder = tmp_path / "arsip"
    make_archive(folder, 30, in_zip=8)
    for p in samples.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "rusak.pdf").write_bytes(b"%PDF-1.7\n sampah")
    urls = {where: f"sqlite:///{tmp_path / where}.sqlite3" for where in ("local", "dask")}
    local = run_batch([folder], urls["local"], SETTINGS, BatchOptions(workers=2))
    remote = run_batch([folder], urls["dask"], SETTINGS, BatchOptions(scheduler=cluster.scheduler_address))
    assert local == replace(remote, run=local.run)
    assert remote.scanned + remote.unchanged == 33 and remote.failed == 1
    results = []
    for url in urls.values():
        engine = store.make_engine(url)
        with store.session_factory(engine)() as session:
            results.append(_results(session))
        engine.dispose()
    assert results[0] == results[1]
    assert len(results[0][1]) > 30


def test_dask_runner_reports_failures_as_results(tmp_path, cluster):
    slow = tmp_path / "lambat.txt"
    slow.write_text("LAMBAT")
    good = tmp_path / "baik.txt"
    good.write_text("NIK 3209121503870004")
    config = WorkerConfig(SETTINGS, timeout=3, scanner="tests.batch_helpers:scan_file")
    tasks = [Task(0, str(slow), "0" * 64, str(slow), suffix=".txt"), Task(1, str(good), "1" * 64, str(good))]
    got = {r.id: r for r in DaskRunner(config, cluster.scheduler_address).run(tasks)}
    assert got[0].status == "failed" and got[0].error_kind == "timeout"
    assert got[1].status == "ok"
    local = {r.id: r for r in LocalRunner(config, 1).run(tasks)}
    assert got[1].scan.findings == local[1].scan.findings
