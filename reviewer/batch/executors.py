"""Where batch tasks run: a local process pool (default) or an existing Dask distributed cluster.

Both take an iterator of `Task`s and yield one `TaskResult` per task, keeping only a small window
of tasks in flight, so memory does not grow with the archive. The local runner also stands guard
from outside: a worker stuck past the hard timeout or grown past the hard memory limit is killed,
its document recorded as failed, and the other documents that were in flight are run again.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

from reviewer.batch.worker import Failure, Task, TaskResult, WorkerConfig, failure, run_task

SCHEDULER_ENV = "REVIEWER_DASK_SCHEDULER"
POLL = 0.2

_started: multiprocessing.Queue | None = None  # the queue a pool worker reports its task starts to


def _init_worker(started: multiprocessing.Queue, parent: int) -> None:
    global _started
    _started = started
    os.environ["OMP_THREAD_LIMIT"] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A batch killed with -9 takes its workers along: they notice the batch process is gone."""
    import psutil

    try:
        process = psutil.Process(parent)
        while process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
            time.sleep(1.0)
    except psutil.Error:
        pass
    os._exit(1)


def _pool_task(task: Task, config: WorkerConfig) -> TaskResult:
    if _started is None:
        raise RuntimeError("_pool_task runs in a pool started with _init_worker")
    _started.put((task.id, os.getpid(), time.time()))
    return run_task(task, config)


class LocalRunner:
    """A `concurrent.futures` process pool with an outside watchdog."""

    def __init__(self, config: WorkerConfig, workers: int = 1, grace: float | None = None):
        self.config = config
        self.workers = max(1, workers)
        self.hard_timeout = config.timeout + (grace if grace is not None else max(10.0, config.timeout / 4))
        self.hard_rss = int(config.max_memory_mb * 1.25) << 20
        self.description = f"{self.workers} proses lokal / local processes"

    def run(self, tasks) -> Iterator[TaskResult]:
        tasks = iter(tasks)
        retry: deque[Task] = deque()
        suspects: set[int] = set()
        inflight: dict = {}
        pool, started = self._new_pool()
        running: dict[int, tuple[int, float]] = {}  # task id -> (pid, start time)
        try:
            while True:
                self._fill(pool, tasks, retry, suspects, inflight)
                if not inflight:
                    return
                done, _ = wait(inflight, timeout=POLL, return_when=FIRST_COMPLETED)
                _drain(started, running)
                broken = False
                for fut in done:
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    task = inflight.pop(fut)
                    running.pop(task.id, None)
                    yield result
                killed = self._watchdog(running)
                if broken or killed:
                    yield from self._recover(pool, inflight, running, killed, retry, suspects)
                    pool, started = self._new_pool()
        except BaseException:
            _kill_workers(pool)  # interrupted: do not wait for documents nobody will store
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _fill(self, pool, tasks, retry, suspects, inflight) -> None:
        """Top up the window; a suspect of a crash runs alone so the next crash names it."""
        while len(inflight) < self.workers:
            if inflight and any(t.id in suspects for t in inflight.values()):
                return
            if retry:
                if retry[0].id in suspects and inflight:
                    return
                task = retry.popleft()
            else:
                task = next(tasks, None)
                if task is None:
                    return
            inflight[pool.submit(_pool_task, task, self.config)] = task

    def _new_pool(self):
        ctx = multiprocessing.get_context("forkserver" if sys.platform.startswith("linux") else "spawn")
        started = ctx.Queue()
        pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(started, os.getpid()))
        return pool, started

    def _watchdog(self, running) -> dict[int, Failure]:
        """Kill workers past the hard limits; returns {task id: failure} for their documents."""
        import psutil

        killed: dict[int, Failure] = {}
        now = time.time()
        for task_id, (pid, since) in list(running.items()):
            reason = None
            if now - since > self.hard_timeout:
                reason = failure(_timeout(), self.config)
            else:
                try:
                    if psutil.Process(pid).memory_info().rss > self.hard_rss:
                        reason = failure(MemoryError(), self.config)
                except psutil.Error:
                    continue
            if reason is not None:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    continue
                killed[task_id] = reason
        return killed

    def _recover(self, pool, inflight, running, killed, retry, suspects) -> Iterator[TaskResult]:
        """After a worker died: fail the documents that killed it, run the others again."""
        pool.shutdown(wait=True, cancel_futures=True)
        lost = list(inflight.items())
        inflight.clear()
        running.clear()
        for fut, task in lost:
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                yield fut.result()  # finished just before the pool went down
            elif task.id in killed:
                yield TaskResult.failed(task, killed[task.id])
            elif killed:
                retry.appendleft(task)  # an innocent bystander of a kill: just again
            elif len(lost) == 1 or task.id in suspects:
                suspects.discard(task.id)
                yield TaskResult.failed(task, Failure("failed", "crash", "proses pekerja berhenti mendadak (crash "
                                                      "atau kehabisan memori) / worker process died (crash or "
                                                      "out of memory)"))
            else:
                suspects.add(task.id)
                retry.append(task)


def _timeout():
    from reviewer.batch.worker import DocumentTimeout

    return DocumentTimeout()


def _kill_workers(pool) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()


def _drain(started, running) -> None:
    while True:
        try:
            task_id, pid, since = started.get_nowait()
        except queue.Empty:
            return
        running[task_id] = (pid, since)


class DaskRunner:
    """The same tasks on an existing Dask distributed cluster. Documents travel as bytes, so the
    workers need not see the files; their own timeout guard applies, and the nanny's memory limit."""

    def __init__(self, config: WorkerConfig, address: str, window: int | None = None):
        self.config = config
        self.address = address
        self.window = window
        self.description = f"klaster Dask / Dask cluster {address}"

    def run(self, tasks) -> Iterator[TaskResult]:
        from distributed import Client, as_completed

        with Client(self.address, set_as_default=False, timeout="30s") as client:
            window = self.window or 2 * max(1, sum(client.nthreads().values()))
            config = client.scatter(self.config, broadcast=True)
            tasks = iter(tasks)
            inflight: dict[str, Task] = {}
            pending = as_completed(loop=client.loop)

            def submit() -> bool:
                task = next(tasks, None)
                if task is None:
                    return False
                fut = client.submit(run_task, _with_bytes(task), config, pure=False,
                                    key=f"reviewer-scan-{task.id}-{task.sha256[:16]}")
                inflight[fut.key] = task
                pending.add(fut)
                return True

            while len(inflight) < window and submit():
                pass
            for fut in pending:
                task = inflight.pop(fut.key)
                try:
                    result = fut.result()
                except Exception as exc:  # KilledWorker and friends: the document's failure
                    why = failure(exc, self.config)
                    if type(exc).__name__ == "KilledWorker":
                        why = Failure("failed", "crash", "pekerja Dask mati berulang kali / Dask worker died "
                                                         "repeatedly")
                    result = TaskResult.failed(task, why)
                fut.release()
                yield result
                submit()


def _with_bytes(task: Task) -> Task:
    if task.data is not None or task.path is None:
        return task
    with open(task.path, "rb") as fh:
        data = fh.read()
    return Task(task.id, task.name, task.sha256, None, data, os.path.splitext(task.path)[1].lower())


def make_runner(config: WorkerConfig, workers: int, scheduler: str | None):
    scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or None
    if scheduler:
        return DaskRunner(config, scheduler)
    return LocalRunner(config, workers)
