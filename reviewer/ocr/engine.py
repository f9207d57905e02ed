"""Tesseract, run as a program: one page image in through stdin, TSV words out through stdout.

We call the `tesseract` binary directly instead of through pytesseract so that the page image
(which holds personal data) never lands in a temporary file, and so that each process gets
`OMP_THREAD_LIMIT=1` without changing this process's environment: one thread per process and
several processes side by side is faster than Tesseract's own threading on small machines.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.errors import OcrError

LANGUAGES = ("ind", "eng")
PSM = 3  # fully automatic page segmentation; orientation is handled before Tesseract sees the page
TIMEOUT = 180  # seconds per page image


@dataclass(frozen=True)
class Engine:
    """The Tesseract program found on this machine and the languages it will read with."""

    command: str
    version: str
    languages: tuple[str, ...]

    @property
    def lang(self) -> str:
        return "+".join(self.languages)


@dataclass(frozen=True)
class OcrWord:
    """A word as Tesseract reports it, in pixels of the image it was given."""

    text: str
    conf: float  # 0..1
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]  # (block, paragraph, line) numbers


def find_engine(command: str | None = None) -> Engine:
    """The Tesseract on the PATH (or `command`), or `OcrError` saying how to install it."""
    command = command or shutil.which("tesseract")
    if not command:
        raise OcrError("Tesseract tidak terpasang / Tesseract is not installed (Debian/Ubuntu: "
                       "apt-get install tesseract-ocr tesseract-ocr-ind; lihat README bagian OCR)")
    return _probe(command)


@lru_cache(maxsize=4)
def _probe(command: str) -> Engine:
    try:
        version = _run([command, "--version"], b"", 30).splitlines()[0].split()[-1]
        listed = _run([command, "--list-langs"], b"", 30).split()
    except (OSError, IndexError, subprocess.SubprocessError) as exc:
        raise OcrError(f"Tesseract tidak dapat dijalankan / cannot run Tesseract ({command}): {exc}") from exc
    languages = tuple(lang for lang in LANGUAGES if lang in listed)
    if not languages:
        raise OcrError("data bahasa Tesseract 'ind'/'eng' tidak ada / Tesseract has no 'ind' or 'eng' data "
                       "(apt-get install tesseract-ocr-ind tesseract-ocr-eng)")
    return Engine(command, version, languages)


def read_words(engine: Engine, image, dpi: float) -> list[OcrWord]:
    """Words Tesseract finds on a grayscale PIL image, with their pixel boxes and confidence."""
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # uncompressed PGM: the cheapest format to write and to read
    argv = [engine.command, "stdin", "stdout", "-l", engine.lang, "--psm", str(PSM),
            "--dpi", str(int(dpi)), "tsv"]
    try:
        tsv = _run(argv, buf.getvalue(), TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"OCR melebihi batas waktu {TIMEOUT} detik / OCR timed out") from exc
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrError(f"Tesseract gagal / Tesseract failed: {exc}") from exc
    return parse_tsv(tsv)


def parse_tsv(tsv: str) -> list[OcrWord]:
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        conf = float(cols[10])
        if not text or conf < 0:
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(OcrWord(text, round(min(max(conf, 0.0), 100.0) / 100, 3), left, top, width, height,
                             (int(cols[2]), int(cols[3]), int(cols[4]))))
    return words


def _run(argv: list[str], data: bytes, timeout: float) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT=os.environ.get("OMP_THREAD_LIMIT", "1"))
    proc = subprocess.run(argv, input=data, capture_output=True, timeout=timeout, env=env, check=False)
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise subprocess.SubprocessError(message[-1] if message else f"exit code {proc.returncode}")
    # `--list-langs` and `--version` print to stdout on Tesseract 4+ (stderr on 3.x)
    return (proc.stdout or proc.stderr).decode("utf-8", "replace")
