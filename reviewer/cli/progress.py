"""Progress bars for commands that take time, drawn only for a person at a terminal.

A bar is drawn on stderr only when both stdout and stderr are terminals: output piped to a file or
a script (and `--format jsonl`) stays exactly what it is without the bar.
"""

from __future__ import annotations

import sys
import time
from contextlib import nullcontext
from typing import Any

import click


def on_terminal() -> bool:
    """True when a person watches: stdout and stderr are both terminals."""
    return _isatty(sys.stdout) and _isatty(sys.stderr)


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # replaced or closed streams
        return False


class ScanProgress:
    """`reviewer scan` at a terminal: a bar over the files and, for scanned pages, one over OCR pages."""

    def __init__(self, files: int):
        from tqdm import tqdm

        self.tqdm = tqdm
        self.t0 = time.perf_counter()
        self.files = tqdm(total=files, unit="berkas", dynamic_ncols=True, smoothing=0.1, file=sys.stderr,
                          disable=files < 2)
        self.pages_bar: Any = None  # a tqdm bar while a file has OCR pages
        self.read, self.failed, self.pages, self.to_act = 0, 0, 0, 0

    def writing(self):
        """A block that prints to the terminal without tearing the bars."""
        drawn = not self.files.disable or self.pages_bar is not None
        return self.tqdm.external_write_mode(file=sys.stderr) if drawn else nullcontext()

    def start(self, path: str) -> None:
        self.files.set_postfix_str(click.format_filename(path, shorten=True), refresh=True)

    def stage(self, stage: str, done: int, total: int) -> None:
        """A progress report of the library (`reviewer.core.progress`): OCR pages of this file."""
        if stage != "ocr" or total < 2:
            return
        if self.pages_bar is None:
            self.pages_bar = self.tqdm(total=total, unit="hlm", desc="OCR", leave=False, dynamic_ncols=True,
                                       file=sys.stderr, position=1 if not self.files.disable else 0)
        self.pages_bar.update(done - self.pages_bar.n)
        if done >= total:
            self.pages_bar.refresh()  # pages read from the cache come faster than tqdm redraws: show 'n/n'

    def finished(self, result) -> None:
        """One file done: `result` is its ScanResult, or None when it could not be read."""
        self._close_pages()
        if result is None:
            self.failed += 1
        else:
            self.read += 1
            self.pages += len(result.document.pages)
            self.to_act += sum(f.action != "keep" for f in result.findings)
        self.files.update(1)

    def close(self) -> None:
        self._close_pages()
        self.files.close()

    def summary(self) -> str:
        seconds = time.perf_counter() - self.t0
        return (f"{self.read} berkas dibaca, {self.failed} gagal; {self.pages} halaman, {self.to_act} temuan "
                f"perlu tindakan; {seconds:.1f} dtk / {self.read} files read, {self.failed} failed; "
                f"{self.pages} pages, {self.to_act} findings to act on; {seconds:.1f} s")

    def _close_pages(self) -> None:
        if self.pages_bar is not None:
            self.pages_bar.close()
            self.pages_bar = None
