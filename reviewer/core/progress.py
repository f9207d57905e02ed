"""Progress of long work inside one scan, for whoever is watching (a terminal bar, the web queue).

    with progress.watching(lambda stage, done, total: ...):
        pipeline.scan(document, settings)

Stages report `(stage, done, total)`; today `"ocr"` reports pages read of the pages that need OCR
(pages found in the OCR cache count as read at once). Without a watcher, `report` does nothing, so
the library stays silent unless a caller asks. The watcher is a context variable: a scan in another
thread or request is not reported to this one's watcher.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Watcher = Callable[[str, int, int], None]

_watcher: ContextVar[Watcher | None] = ContextVar("reviewer_progress", default=None)


@contextmanager
def watching(watcher: Watcher) -> Iterator[None]:
    """Report the progress of the work done inside the block to `watcher`."""
    token = _watcher.set(watcher)
    try:
        yield
    finally:
        _watcher.reset(token)


def current() -> Watcher | None:
    """The watcher of this context, to hand to worker threads (they do not inherit it)."""
    return _watcher.get()


def report(stage: str, done: int, total: int, watcher: Watcher | None = None) -> None:
    """Tell the watcher (this context's, or the one given) that `done` of `total` are finished."""
    watcher = watcher or _watcher.get()
    if watcher is not None:
        watcher(stage, done, total)
