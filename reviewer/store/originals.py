"""Originals, stored content-addressed (`<root>/ab/abcdef…`) and read-only. Never modified."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path


def path_of(root: str | os.PathLike, sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a SHA-256: {sha256!r}")
    return Path(root) / sha256[:2] / sha256


def put_file(root: str | os.PathLike, src: str | os.PathLike) -> tuple[str, Path]:
    """Copy a file into the store; (sha256, stored path). An existing copy is left untouched."""
    h = hashlib.sha256()
    with open(src, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    sha = h.hexdigest()
    dest = path_of(root, sha)
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, suffix=".part")
        os.close(fd)
        try:
            shutil.copyfile(src, tmp)
            os.chmod(tmp, 0o444)
            os.replace(tmp, dest)
        except BaseException:  # a full disk or a kill: no half copy left behind
            os.unlink(tmp)
            raise
    return sha, dest


def put_stream(root: str | os.PathLike, stream, max_bytes: int | None = None) -> tuple[str, Path, int]:
    """Store an uploaded stream; (sha256, path, size). Raises ValueError past `max_bytes`."""
    Path(root).mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=root, suffix=".part")
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for block in iter(lambda: stream.read(1 << 20), b""):
                size += len(block)
                if max_bytes is not None and size > max_bytes:
                    raise ValueError("too large")
                out.write(block)
        sha, dest = put_file(root, tmp)
        return sha, dest, size
    finally:
        os.unlink(tmp)
