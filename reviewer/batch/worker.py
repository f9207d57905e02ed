"""What runs in a batch worker (a local process or a Dask worker): scan one document, guarded.

The result is a `TaskResult` (with the `ScanResult` when the scan succeeded) that travels back to the
parent, which alone writes to the database; a document that could not be scanned carries its
`Failure` (status, kind, reason in plain words). A guard
raises `DocumentTimeout` / `MemoryLimit` inside the scanning thread when the document takes too
long or the process grows too big; a document stuck inside C code is the parent's to kill.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.core.errors import CorruptFile, EncryptedFile, ReviewerError, UnsupportedFormat
from reviewer.core.settings import Settings

if TYPE_CHECKING:
    from reviewer.detect.pipeline import ScanResult

MiB = 1 << 20
DEFAULT_SCANNER = "reviewer.detect.pipeline:scan_file"


class DocumentTimeout(Exception):
    pass


class MemoryLimit(Exception):
    pass


@dataclass(frozen=True)
class Task:
    """One document to scan: a path the worker can read, or the bytes themselves."""

    id: int
    name: str
    sha256: str
    path: str | None = None
    data: bytes | None = None
    suffix: str = ""


@dataclass(frozen=True)
class WorkerConfig:
    settings: Settings
    timeout: float = 300.0
    max_memory_mb: int = 2048
    scanner: str = DEFAULT_SCANNER


@dataclass(frozen=True)
class Failure:
    """Why a document could not be scanned: `status` (failed, unsupported), `kind` (timeout, memory,
    unsupported, encrypted, corrupt, unreadable, crash, store, bug) and the reason in plain words."""

    status: str
    kind: str
    error: str


@dataclass(frozen=True)
class TaskResult:
    """What a worker sends back for one task: the scan (`status` "ok"), or the failure."""

    id: int
    name: str
    sha256: str
    status: str
    scan: ScanResult | None = None
    pages: int = 0
    error_kind: str | None = None
    error: str | None = None
    seconds: float = 0.0
    pid: int | None = None

    @classmethod
    def failed(cls, task: Task | TaskResult, why: Failure, **more) -> TaskResult:
        """The result of a task (or of a scan that could not be stored) that failed for `why`."""
        return cls(task.id, task.name, task.sha256, why.status, error_kind=why.kind, error=why.error, **more)


def run_task(task: Task, config: WorkerConfig) -> TaskResult:
    """Scan one document; never raises for a problem of the document itself."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per worker process
    started = time.perf_counter()
    try:
        detectors, warnings = _detectors_for(config)
        with _materialised(task) as path, guard(config.timeout, config.max_memory_mb * MiB):
            scanned = _scanner(config.scanner)(path, config.settings, detectors)
        scanned.warnings[:] = sorted(set(warnings) | set(scanned.warnings))
    except Exception as exc:  # the document's fault or a bug: recorded, the batch goes on
        return TaskResult.failed(task, failure(exc, config), seconds=_since(started), pid=os.getpid())
    return TaskResult(task.id, task.name, task.sha256, "ok", scanned, len(scanned.document.pages),
                      seconds=_since(started), pid=os.getpid())


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 4)


def failure(exc: BaseException, config: WorkerConfig | None = None) -> Failure:
    """Why a document could not be scanned, with a reason in plain words."""
    if isinstance(exc, DocumentTimeout):
        limit = f"{config.timeout:g}" if config else "?"
        return Failure("failed", "timeout", f"melebihi batas waktu {limit} detik / timed out after {limit} s")
    if isinstance(exc, MemoryLimit | MemoryError):
        limit = str(config.max_memory_mb) if config else "?"
        return Failure("failed", "memory", f"melebihi batas memori {limit} MiB / exceeded the memory limit")
    if isinstance(exc, UnsupportedFormat):
        return Failure("unsupported", "unsupported", str(exc))
    kinds = ((EncryptedFile, "encrypted"), (CorruptFile, "corrupt"), (ReviewerError, "unreadable"))
    for cls, kind in kinds:
        if isinstance(exc, cls):
            return Failure("failed", kind, str(exc))
    return Failure("failed", "bug", f"galat tak terduga / unexpected error: {type(exc).__name__}: {exc}")


def _detectors_for(config: WorkerConfig):
    """Detectors are built once per worker process (loading models is slow), shared by every document."""
    from reviewer.detect.pipeline import detectors_for

    built = detectors_for(config.settings)
    return built.detectors, list(built.warnings)


def _scanner(spec: str):
    module, attr = spec.split(":")
    return getattr(importlib.import_module(module), attr)


@contextmanager
def _materialised(task: Task):
    if task.data is None:
        yield task.path
        return
    fd, path = tempfile.mkstemp(prefix="batch-", suffix=task.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(task.data)
        yield path
    finally:
        os.unlink(path)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc


@contextmanager
def guard(timeout: float, max_rss: int, interval: float = 0.1):
    """Raise DocumentTimeout / MemoryLimit in this thread when a limit is passed.

    The exception arrives between two Python bytecodes, as a signal's would, but it works in any
    thread (Dask runs tasks in a thread pool, where signals cannot reach).
    """
    import psutil

    tid = threading.get_ident()
    process = psutil.Process()
    lock = threading.Lock()
    stop = threading.Event()

    def watch() -> None:
        deadline = time.monotonic() + timeout
        while not stop.wait(interval):
            exc: type[Exception] | None = DocumentTimeout if time.monotonic() > deadline else None
            if exc is None and max_rss and process.memory_info().rss > max_rss:
                exc = MemoryLimit
            if exc is not None:
                with lock:
                    if not stop.is_set():
                        _set_async_exc(ctypes.c_ulong(tid), ctypes.py_object(exc))
                return

    watcher = threading.Thread(target=watch, name="batch-guard", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            stop.set()
            _set_async_exc(ctypes.c_ulong(tid), None)  # drop an exception that came too late
        watcher.join()
