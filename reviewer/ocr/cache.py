"""OCR results cached on disk, keyed by document SHA-256, page and everything that shapes the result.

Entries are JSON (never pickles: the folder may be shared) written atomically. A damaged or
foreign entry is ignored and the page is read again. The folder holds the text of the documents,
so it is created private to the user.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from reviewer.core.model import Box, Cell, Word

FORMAT = 3  # bump when the layout or the way pages are read changes


def default_dir() -> Path:
    """The user's cache folder: XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "ppid-reviewer" / "cache" / "ocr"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ppid-reviewer" / "ocr"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ppid-reviewer" / "ocr"


def settings_key(*parts: object) -> str:
    raw = "|".join(str(p) for p in (FORMAT, *parts))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


Reading = tuple[str, tuple[Word, ...], tuple[Cell, ...]]


class OcrCache:
    def __init__(self, directory: Path | None):
        self.directory = directory

    def _path(self, sha256: str, page: int, key: str) -> Path:
        assert self.directory is not None
        return self.directory / sha256[:2] / f"{sha256}-p{page}-{key}.json"

    def get(self, sha256: str, page: int, key: str) -> Reading | None:
        if self.directory is None:
            return None
        try:
            data = json.loads(self._path(sha256, page, key).read_text(encoding="utf-8"))
            return _decode(data)
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return None

    def put(self, sha256: str, page: int, key: str, reading: Reading) -> None:
        if self.directory is None:
            return
        path = self._path(sha256, page, key)
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.parent.mkdir(exist_ok=True, mode=0o700)
            part = path.with_name(path.name + f".{os.getpid()}.part")
            part.write_text(json.dumps(_encode(*reading), ensure_ascii=False), encoding="utf-8")
            os.replace(part, path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _encode(text: str, words: tuple[Word, ...], cells: tuple[Cell, ...]) -> dict:
    return {"text": text,
            "words": [[w.text, w.start, w.end, *(w.box.as_tuple() if w.box else ()), w.conf] for w in words],
            "cells": [[c.table, c.row, c.col, c.header, c.start, c.end, *(c.box.as_tuple() if c.box else ())]
                      for c in cells]}


def _decode(data: dict) -> Reading:
    text = data["text"]
    if not isinstance(text, str):
        raise TypeError("text")
    words = []
    for raw, start, end, x0, top, x1, bottom, conf in data["words"]:
        if text[start:end] != raw:
            raise ValueError("entry does not match its text")
        words.append(Word(raw, int(start), int(end), Box(float(x0), float(top), float(x1), float(bottom)),
                          None if conf is None else float(conf)))
    cells = []
    for table, row, col, header, start, end, x0, top, x1, bottom in data["cells"]:
        if not (isinstance(header, str) and 0 <= start <= end <= len(text)):
            raise ValueError("cell does not fit the text")
        cells.append(Cell(int(table), int(row), int(col), text[start:end], header, int(start), int(end),
                          Box(float(x0), float(top), float(x1), float(bottom))))
    return text, tuple(words), tuple(cells)
