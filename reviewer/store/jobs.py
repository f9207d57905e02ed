"""A small job queue in the database: queued work survives restarts of the server.

A worker claims the oldest queued job with a conditional UPDATE (safe with several workers on
SQLite and PostgreSQL), sends heartbeats while it works, and marks it done or failed. At start-up,
running jobs whose heartbeat is older than `STALE` are put back in the queue.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from reviewer.store.records import Job, utcnow

STALE = timedelta(minutes=2)
MAX_ATTEMPTS = 3


def enqueue(session: Session, document_sha: str, kind: str = "scan") -> Job:
    job = Job(document_sha=document_sha, kind=kind, status="queued", created_at=utcnow())
    session.add(job)
    return job


def claim(session: Session, worker: str) -> Job | None:
    """Take the oldest queued job, or None. Commits."""
    while True:
        job_id = session.scalar(select(Job.id).where(Job.status == "queued").order_by(Job.id).limit(1))
        if job_id is None:
            session.rollback()
            return None
        now = utcnow()
        take = update(Job).where(Job.id == job_id, Job.status == "queued") \
            .values(status="running", worker=worker, started_at=now, heartbeat_at=now, attempts=Job.attempts + 1)
        taken = cast("CursorResult[Any]", session.execute(take))  # what an UPDATE gives
        session.commit()
        if taken.rowcount == 1:
            return session.get(Job, job_id, populate_existing=True)


def heartbeat(session: Session, job: Job) -> None:
    session.execute(update(Job).where(Job.id == job.id).values(heartbeat_at=utcnow()))


def finish(session: Session, job: Job, error: str | None = None) -> None:
    session.execute(update(Job).where(Job.id == job.id).values(
        status="failed" if error else "done", error=error, finished_at=utcnow()))


def requeue_stale(session: Session, older_than: timedelta = STALE) -> int:
    """Put interrupted jobs back in the queue (or fail them after MAX_ATTEMPTS). Commits."""
    cutoff = utcnow() - older_than
    stale = list(session.scalars(select(Job).where(Job.status == "running", Job.heartbeat_at < cutoff)
                                 .execution_options(populate_existing=True)))
    for job in stale:
        if job.attempts >= MAX_ATTEMPTS:
            job.status, job.error, job.finished_at = "failed", "terlalu banyak percobaan / too many attempts", utcnow()
        else:
            job.status, job.worker = "queued", ""
    session.commit()
    return len(stale)


def pending(session: Session) -> int:
    return len(session.scalars(select(Job.id).where(Job.status.in_(("queued", "running")))).all())


def worker_name() -> str:
    import os
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"


def requeue_dead(session: Session) -> int:
    """Re-queue running jobs of processes on this host that no longer exist (a restarted server),
    without waiting for their heartbeat to go stale. Commits."""
    import os
    import socket

    host = socket.gethostname()
    dead = []
    for job in session.scalars(select(Job).where(Job.status == "running")
                               .execution_options(populate_existing=True)):
        name, _, pid = job.worker.rpartition(":")
        if name == host and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            job.status, job.worker = "queued", ""
            dead.append(job)
    session.commit()
    return len(dead)


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
