"""Originals, stored content-addressed (`<root>/ab/abcdef…`) and read-only. Never modified.

One stored file may serve several documents (the same bytes uploaded by two units are two documents):
a document names its original by `DocumentRecord.content_sha`, and an original is removed only when no
document uses it (`reviewer.review.scanning.release_original`)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from reviewer.extract import sha256_file


def path_of(root: str | os.PathLike, sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a SHA-256: {sha256!r}")
    return Path(root) / sha256[:2] / sha256


def put_file(root: str | os.PathLike, src: str | os.PathLike, rewrite: bool = False) -> tuple[str, Path]:
    """Copy a file into the store; (sha256, stored path). An existing copy is left untouched, unless
    `rewrite`: then it is replaced by the same bytes, so that storing takes as long whether or not the
    bytes were there (an upload must not learn from its timing that another unit holds the file)."""
    sha = sha256_file(str(src))
    dest = path_of(root, sha)
    if rewrite or not dest.exists():
        _copy(src, dest)
    return sha, dest


def _copy(src: str | os.PathLike, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, suffix=".part")
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.chmod(tmp, 0o444)
        os.replace(tmp, dest)
    except PermissionError:  # Windows: the stored copy is open (being read); it holds these very bytes
        os.unlink(tmp)
        if not dest.exists():
            raise
    except BaseException:  # a full disk or a kill: no half copy left behind
        os.unlink(tmp)
        raise


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
