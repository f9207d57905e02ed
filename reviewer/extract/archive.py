"""The documents of an archive, one at a time: folders walked recursively, zip files streamed.

`iter_sources` yields an `Item` per document (with the SHA-256 of its bytes) or a `Skipped` with
the reason, in a stable order. Nothing is held beyond the current document: a zip member is
copied to a temporary file while it is hashed, under limits that stop zip bombs (declared and
real size, compression ratio, total per archive, member count, nesting depth). Member names are
never used as paths on disk; names that try to escape the archive are reported and skipped.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from reviewer.extract import SUFFIXES

ARCHIVE_SUFFIXES = (".zip",)
CHUNK = 1 << 20
MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_members: int = 100_000
    max_member_bytes: int = 512 * MiB
    max_archive_bytes: int = 16 * 1024 * MiB
    max_ratio: float = 200.0  # uncompressed / compressed ...
    ratio_from_bytes: int = 8 * MiB  # ... checked above this size (a blank scan compresses well)
    max_depth: int = 3  # zips inside zips


@dataclass(frozen=True)
class Item:
    """A document to scan. `temp` means `path` is our own copy, to delete once it is scanned."""

    name: str
    path: str
    sha256: str
    size: int
    temp: bool = False

    def discard(self) -> None:
        if self.temp:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str


class _LimitExceeded(Exception):
    pass


def is_document(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def iter_sources(paths, limits: Limits | None = None, tmpdir: str | None = None,
                 done=None) -> Iterator[Item | Skipped]:
    """Every document under `paths` (files, folders, zip archives), in a stable order.

    `done(name)`, when given, says a document was already handled (a resumed run): it is then
    passed over without being read, hashed or extracted.
    """
    walk = _Walk(limits or Limits(), tmpdir or tempfile.gettempdir(), done or (lambda name: False))
    for path in map(os.fspath, paths):
        if os.path.isdir(path):
            yield from walk.folder(path)
        elif not os.path.exists(path):
            yield Skipped(path, "tidak ditemukan / not found")
        else:
            yield from walk.file(path, path, depth=0)


def count_sources(paths) -> int:
    """A quick estimate of how many documents `iter_sources` will yield (for the ETA)."""
    total = 0
    for path in map(os.fspath, paths):
        files = ([os.path.join(r, f) for f in fs] for r, _, fs in os.walk(path)) if os.path.isdir(path) \
            else [[path]]
        for group in files:
            for name in group:
                total += _count_archive(name) if is_archive(name) else int(is_document(name))
    return total


def _count_archive(path: str) -> int:
    try:
        with zipfile.ZipFile(path) as zf:
            return sum(1 for info in zf.infolist() if is_document(info.filename))
    except (OSError, zipfile.BadZipFile):
        return 1


class _Walk:
    def __init__(self, limits: Limits, tmpdir: str, done):
        self.limits, self.tmpdir, self.done = limits, tmpdir, done

    def folder(self, root: str) -> Iterator[Item | Skipped]:
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                if self.done(path):
                    continue
                if name.startswith((".", "~$")):
                    yield Skipped(path, "berkas tersembunyi/sementara / hidden or temporary file")
                elif os.path.islink(path):
                    yield Skipped(path, "tautan simbolik tidak diikuti / symbolic link not followed")
                else:
                    yield from self.file(path, path, depth=0)

    def file(self, path: str, name: str, depth: int) -> Iterator[Item | Skipped]:
        if self.done(name):
            return
        try:
            st = os.stat(path)
        except OSError as exc:
            yield Skipped(name, f"tidak dapat dibaca / cannot be read ({exc.strerror})")
            return
        if not stat.S_ISREG(st.st_mode):
            yield Skipped(name, "bukan berkas biasa / not a regular file")
        elif is_archive(name):
            yield from self.zip(path, name, depth)
        elif not is_document(name):
            yield Skipped(name, "format tidak didukung / unsupported format")
        else:
            try:
                yield Item(name, path, sha256_path(path), st.st_size)
            except OSError as exc:
                yield Skipped(name, f"tidak dapat dibaca / cannot be read ({exc.strerror})")

    def zip(self, path: str, name: str, depth: int, budget: list[int] | None = None) -> Iterator:
        """Members of a zip; `budget` (bytes left to extract) is shared with the archives it is in."""
        limits = self.limits
        if depth >= limits.max_depth:
            yield Skipped(name, "arsip bersarang terlalu dalam / archive nested too deep")
            return
        try:
            zf = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile, ValueError) as exc:
            yield Skipped(name, f"arsip zip rusak / corrupt zip archive ({exc})")
            return
        with zf:
            infos = zf.infolist()
            if len(infos) > limits.max_members:
                yield Skipped(name, f"arsip berisi {len(infos)} entri, batas {limits.max_members} / "
                                    f"too many entries in archive")
                return
            budget = budget or [limits.max_archive_bytes]
            for info in sorted(infos, key=lambda i: i.filename):
                if not info.is_dir() and not self.done(f"{name}!{info.filename}"):
                    yield from self.member(zf, info, name, depth, budget)

    def member(self, zf, info, archive_name: str, depth: int, budget: list[int]) -> Iterator[Item | Skipped]:
        member, limits = info.filename, self.limits
        name = f"{archive_name}!{member}"
        problem = _member_problem(info, limits, budget[0])
        if problem is None and not (is_document(member) or is_archive(member)):
            problem = "format tidak didukung / unsupported format"
        if problem is not None:
            yield Skipped(name, problem)
            return
        fd, tmp = tempfile.mkstemp(prefix="batch-", suffix=_suffix(member), dir=self.tmpdir)
        try:
            with os.fdopen(fd, "wb") as out:
                digest, size = _copy_limited(zf, info, out, min(limits.max_member_bytes, budget[0]), limits)
        except _LimitExceeded as exc:
            os.unlink(tmp)
            yield Skipped(name, str(exc))
            return
        except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, ValueError) as exc:
            os.unlink(tmp)
            yield Skipped(name, f"entri arsip rusak / corrupt archive entry ({exc})")
            return
        budget[0] -= size
        if is_archive(member):
            try:
                yield from self.zip(tmp, name, depth + 1, budget)
            finally:
                os.unlink(tmp)
        else:
            yield Item(name, tmp, digest, size, temp=True)


def sha256_path(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            h.update(block)
    return h.hexdigest()


def _member_problem(info: zipfile.ZipInfo, limits: Limits, budget: int) -> str | None:
    if unsafe_name(info.filename):
        return "nama entri berbahaya (path traversal) / unsafe entry name (path traversal)"
    if info.flag_bits & 0x1:
        return "entri terenkripsi / encrypted entry"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "tautan simbolik di dalam arsip / symbolic link inside archive"
    if info.file_size > min(limits.max_member_bytes, budget):
        return _too_big(min(limits.max_member_bytes, budget))
    if info.file_size > limits.ratio_from_bytes and \
            info.file_size > limits.max_ratio * max(info.compress_size, 1):
        return "rasio kompresi mencurigakan (bom zip) / suspicious compression ratio (zip bomb)"
    return None


def unsafe_name(name: str) -> bool:
    """A member name that would land outside the extraction folder, or that is not a plain name."""
    if not name or "\x00" in name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    parts = name.replace("\\", "/").split("/")
    return ".." in parts


def _copy_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, out, limit: int,
                  limits: Limits) -> tuple[str, int]:
    """Copy a member, hashing it and counting the real bytes: headers can lie about sizes."""
    h = hashlib.sha256()
    size = 0
    with zf.open(info) as src:
        while block := src.read(CHUNK):
            size += len(block)
            if size > limit:
                raise _LimitExceeded(_too_big(limit))
            if size > limits.ratio_from_bytes and size > limits.max_ratio * max(info.compress_size, 1):
                raise _LimitExceeded("rasio kompresi mencurigakan (bom zip) / suspicious compression ratio "
                                     "(zip bomb)")
            h.update(block)
            out.write(block)
    return h.hexdigest(), size


def _too_big(limit: int) -> str:
    return f"entri terlalu besar (batas {limit // MiB} MiB) / entry too large (limit {limit // MiB} MiB)"


def _suffix(member: str) -> str:
    base = member.replace("\\", "/").rsplit("/", 1)[-1]
    ext = os.path.splitext(base)[1].lower()
    return ext if ext.isascii() and len(ext) <= 6 else ""
