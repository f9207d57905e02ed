"""Background scanning in the server process: a thread takes queued jobs from the database.

Work is in the database, not in memory, so a restarted server picks up where it stopped
(`jobs.requeue_dead` at start, `jobs.requeue_stale` now and then).
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from reviewer.review import scanning as process
from reviewer.store import jobs

log = logging.getLogger(__name__)
_wake = threading.Event()


def wake() -> None:
    _wake.set()


def start(app) -> threading.Thread:
    thread = threading.Thread(target=_loop, args=(app,), name="reviewer-worker", daemon=True)
    thread.start()
    app.extensions["reviewer.worker"] = thread
    return thread


def _loop(app) -> None:
    factory = app.extensions["reviewer.sessions"]
    name = jobs.worker_name()
    with factory() as session:
        jobs.requeue_dead(session)
    last_sweep = 0.0
    while True:
        try:
            if time.monotonic() - last_sweep > 60:
                with factory() as session:
                    jobs.requeue_stale(session)
                last_sweep = time.monotonic()
            if not run_one(app, name):
                _wake.wait(2.0)
                _wake.clear()
        except Exception:  # the worker must outlive a database hiccup
            log.exception("worker loop")
            time.sleep(5)


def run_one(app, name: str = "inline") -> bool:
    """Run the next queued job, if any; True when one ran (tests call this directly)."""
    factory = app.extensions["reviewer.sessions"]
    with factory() as session:
        job = jobs.claim(session, name)
    if job is None:
        return False
    process.run_job(factory, job, Path(app.config["ORIGINALS"]), app.config["SCAN_SETTINGS"])
    return True
