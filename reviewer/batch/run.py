"""Screening whole archives: walk, skip what is already known, scan the rest in parallel, store.

    run_batch(paths, database_url, settings, options) -> summary dict

Results go to the same database the web UI uses, one transaction per file, so a run can be
killed at any moment and started again: it resumes the unfinished run for the same paths and
settings, skips what that run already recorded, and never records a file twice. A document
already stored (any run, or the web UI) is not scanned again. The archive is streamed and only a
small window of documents is in flight, so memory stays flat however large the archive is.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.batch.executors import make_runner
from reviewer.batch.worker import DEFAULT_SCANNER, Task, WorkerConfig
from reviewer.core.settings import Settings
from reviewer.extract.archive import Item, Limits, Skipped, iter_sources
from reviewer.store import batch as batch_store
from reviewer.store import records as store
from reviewer.store import units as unitstore
from reviewer.store.context import scan_settings

BUSY = "sedang dipindai oleh antrean web UI / being scanned by the web UI queue"


@dataclass(frozen=True)
class BatchOptions:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: float = 300.0  # seconds per document
    max_memory_mb: int = 2048  # per worker process
    scheduler: str | None = None  # tcp://host:port of a Dask scheduler
    limits: Limits = field(default_factory=Limits)
    originals_root: Path | None = None  # copy originals here, where the web UI reads them
    fresh: bool = False  # start a new run even if one for these paths was interrupted
    scanner: str = DEFAULT_SCANNER
    unit: str | None = None  # the unit the documents belong to: its officials and lists apply


@dataclass(frozen=True)
class RunInfo:
    run_id: int
    resumed: bool
    already: int  # items the resumed run had recorded before
    where: str  # which executor runs the work


OnStart = Callable[[RunInfo], None]
OnItem = Callable[[store.BatchItem], None]


def run_batch(paths, database_url: str, settings: Settings, options: BatchOptions | None = None,
              on_start: OnStart | None = None, on_item: OnItem | None = None) -> batch_store.BatchTotals:
    """Screen `paths` (files, folders, zip archives); returns the run's totals."""
    options = options or BatchOptions()
    if not settings.ocr_workers:  # parallel across documents already: one Tesseract at a time per worker
        settings = settings.with_(ocr_workers=1)
    engine = store.make_engine(database_url)
    store.upgrade(engine)
    try:
        with store.session_factory(engine)() as session, \
                tempfile.TemporaryDirectory(prefix="reviewer-batch-") as tmpdir:
            settings = scan_settings(session, settings, unit=options.unit)  # as the web UI scans them
            config = WorkerConfig(settings, options.timeout, options.max_memory_mb, options.scanner)
            runner = make_runner(config, options.workers, options.scheduler)
            run, resumed = batch_store.open_run(session, list(paths), settings, options.fresh)
            already = batch_store.summary(session, run.id).items
            if on_start:
                on_start(RunInfo(run.id, resumed, already, runner.description))
            _Run(session, run.id, options, on_item or (lambda item: None)).go(runner, paths, tmpdir)
            totals = batch_store.summary(session, run.id)
            batch_store.finish_run(session, run, totals)
            return totals
    finally:
        engine.dispose()


class _Run:
    def __init__(self, session, run_id: int, options: BatchOptions, on_item: OnItem):
        self.session, self.run_id, self.options, self.on_item = session, run_id, options, on_item
        self.pending: dict[int, Item] = {}

    def go(self, runner, paths, tmpdir: str) -> None:
        try:
            for result in runner.run(self.tasks(paths, tmpdir)):
                source = self.pending.pop(result["id"])
                try:
                    self.on_item(self.store(source, result))
                finally:
                    source.discard()
        finally:
            for source in self.pending.values():
                source.discard()

    def tasks(self, paths, tmpdir: str):
        """Tasks for the documents that need scanning; the others are recorded on the way."""
        ids = itertools.count()
        done = lambda name: batch_store.has_item(self.session, self.run_id, name)  # noqa: E731
        for source in iter_sources(paths, self.options.limits, tmpdir, done=done):
            if isinstance(source, Skipped):
                self.on_item(batch_store.record(self.session, self.run_id, source.name, "skipped",
                                                error_kind="skipped", error=source.reason))
                continue
            doc, state = batch_store.document_state(self.session, source.sha256)
            if state is not None:
                source.discard()
                self.on_item(self.known(source, doc, state))
                continue
            task_id = next(ids)
            self.pending[task_id] = source
            yield Task(task_id, source.name, source.sha256, source.path,
                       suffix=os.path.splitext(source.path)[1].lower())

    def known(self, source: Item, doc, state: str):
        if state == "done":
            return batch_store.record_unchanged(self.session, self.run_id, source.name, doc)
        return batch_store.record(self.session, self.run_id, source.name, "skipped",
                                  document_sha=source.sha256, error_kind="busy", error=BUSY)

    def store(self, source: Item, result: dict):
        """Record one worker result; a result that cannot be stored is itself a recorded failure."""
        session = self.session
        if result.get("status") == "ok":
            try:
                item = batch_store.record_scan(session, self.run_id, source.name, source.size, result,
                                               self.options.originals_root, source.path)
                sha = result["scan"].document.sha256  # the item's document_sha
                if self.options.unit and unitstore.unit_of(session, sha) is None:
                    unitstore.assign_document(session, sha, self.options.unit)
                    session.commit()
                return item
            except Exception as exc:
                session.rollback()
                result = {"status": "failed", "error_kind": "store",
                          "error": f"gagal menyimpan / could not store: {type(exc).__name__}: {exc}"}
        return batch_store.record(session, self.run_id, source.name, result["status"],
                                  document_sha=source.sha256, error_kind=result.get("error_kind"),
                                  error=result.get("error"), seconds=result.get("seconds", 0.0))
