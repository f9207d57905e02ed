"""A Dask worker lost in the middle of a batch: the run completes and its results equal a run where
nothing went wrong (the lost document is rescheduled, not dropped and not recorded twice)."""

from dataclasses import replace

import pytest
from sqlalchemy import select

from reviewer.batch.run import BatchOptions, run_batch
from reviewer.core.settings import Settings
from reviewer.store import records as store
from tests.batch_helpers import make_archive

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
SCANNER = "tests.hostile.fault_scanner:scan_file"
pytestmark = pytest.mark.slow


def _results(url):
    engine = store.make_engine(url)
    with store.session_factory(engine)() as s:
        content = {d.sha256: d.content_sha for d in s.scalars(select(store.DocumentRecord))}  # ids are random
        docs = sorted((d.content_sha, d.kind, d.page_count, d.status) for d in s.scalars(select(store.DocumentRecord)))
        findings = sorted((content[f.document_sha], f.page, f.start, f.end, f.label, f.action)
                          for f in s.scalars(select(store.FindingRecord)))
        items = sorted((i.name, i.status, content.get(i.document_sha, i.document_sha), i.findings)
                       for i in s.scalars(select(store.BatchItem)))
    engine.dispose()
    return docs, findings, items


def test_dask_worker_killed_mid_batch(tmp_path):
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "arsip"
    make_archive(folder, 12)
    marker = tmp_path / "sudah-mati"
    (folder / "pembunuh.txt").write_text(f"MATI-SEKALI {marker}\nPemohon NIK 3209121503870004\n")
    urls = {k: f"sqlite:///{tmp_path / k}.sqlite3" for k in ("local", "dask")}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1", silence_logs=50) as cluster:
        dask = run_batch([folder], urls["dask"], SETTINGS,
                         BatchOptions(scheduler=cluster.scheduler_address, scanner=SCANNER))
    assert marker.exists()  # a worker did die
    local = run_batch([folder], urls["local"], SETTINGS, BatchOptions(workers=1, scanner=SCANNER))
    assert dask.failed == 0 and dask.scanned == 13, dask
    assert replace(dask, run=0) == replace(local, run=0)
    assert _results(urls["dask"]) == _results(urls["local"])
