"""Extraction: a file in, a `Document` out. The kind is sniffed from the bytes, not the name."""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile

from reviewer.core.errors import CorruptFile, ReviewerError, UnsupportedFormat
from reviewer.core.model import Document

log = logging.getLogger(__name__)
KINDS = ("pdf", "docx", "txt", "image")
IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}
TEXT_SUFFIXES = (".txt", ".text", ".csv", ".md", ".log")


SUFFIXES = (".pdf", ".docx", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def iter_paths(paths) -> list[str]:
    """Files to scan: files as given, folders walked recursively for supported suffixes."""
    out: list[str] = []
    for path in map(os.fspath, paths):
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                out += [os.path.join(root, f) for f in sorted(files)
                        if f.lower().endswith(SUFFIXES) and not f.startswith((".", "~$"))]
        else:
            out.append(path)
    return out


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sniff(path: str) -> str:
    """The kind of the file from its content (and, for text, its name as a tie-breaker)."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    if not head:
        raise CorruptFile("berkas kosong / empty file")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic in IMAGE_MAGIC:
        if head.startswith(magic):
            return "image"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            raise CorruptFile("arsip zip rusak / corrupt zip container") from exc
        if "word/document.xml" in names:
            return "docx"
        raise UnsupportedFormat("format tidak didukung (zip bukan DOCX) / unsupported format (zip, not DOCX)")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormat("format Word/Excel lama atau terenkripsi; simpan sebagai .docx / "
                                "legacy or encrypted Office file; save as .docx")
    if _looks_like_text(head) or path.lower().endswith(TEXT_SUFFIXES):
        if b"\x00" in head and head[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            raise UnsupportedFormat("format tidak didukung / unsupported format (binary data)")
        return "txt"
    raise UnsupportedFormat("format tidak didukung (hanya PDF, DOCX, TXT, PNG/JPEG/TIFF) / "
                            "unsupported format (PDF, DOCX, TXT, PNG/JPEG/TIFF only)")


def _extract_kind(kind: str, path: str, pdf_engine: str | None = None):
    if kind == "pdf":
        from reviewer.extract.pdf import extract_pdf

        return extract_pdf(path, pdf_engine)
    if kind == "docx":
        from reviewer.extract.docx import extract_docx

        return extract_docx(path)
    if kind == "txt":
        from reviewer.extract.text import extract_text

        return extract_text(path)
    from reviewer.extract.image import extract_image

    return extract_image(path)


def _looks_like_text(head: bytes) -> bool:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head.startswith(b"\xef\xbb\xbf"):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return controls <= len(head) * 0.01


def extract(path: str | os.PathLike, pdf_engine: str | None = None) -> Document:
    """Read a file into a `Document`. Raises a `ReviewerError` subclass for bad input.

    Public API: every page has `text` and `words`, each word its `start`/`end` offsets into that
    text and its `box` (PDF points, origin top-left of the displayed page; None where the format has
    no geometry). `pdf_engine` is `auto` (PyMuPDF, pdfplumber for what it cannot read), `pymupdf`
    or `pdfplumber`; None takes $REVIEWER_PDF_ENGINE, else auto.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise ReviewerError(f"berkas tidak ditemukan / file not found: {path}")
    if os.path.isdir(path):
        raise ReviewerError(f"ini folder, bukan berkas / this is a folder, not a file: {path}")
    try:
        kind = sniff(path)
    except OSError as exc:
        raise ReviewerError(f"berkas tidak dapat dibuka / cannot open file ({exc.strerror or exc})") from exc
    try:
        pages, metadata = _extract_kind(kind, path, pdf_engine)
    except ReviewerError:
        raise
    except MemoryError as exc:
        raise CorruptFile(f"{kind.upper()} terlalu besar untuk dibaca / too large to read") from exc
    except Exception as exc:  # parsers of hostile files fail in many ways; each is a corrupt file
        log.debug("extraction of %s failed", path, exc_info=True)
        detail = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
        raise CorruptFile(f"{kind.upper()} rusak atau tidak dapat dibaca / corrupt or unreadable "
                          f"{kind.upper()} ({type(exc).__name__}: {detail})") from exc
    notes = (metadata["engine_notes"],) if metadata.get("engine_notes") else ()
    return Document(sha256_file(path), path, kind, tuple(pages), metadata, hidden_content_warnings(metadata) + notes)


HIDDEN = {
    "embedded_files": "berkas memuat lampiran tersemat yang tidak dipindai; hapus sebelum publikasi / "
                      "embedded attachments are not scanned",
    "javascript": "berkas memuat JavaScript / file contains JavaScript",
    "form_fields": "berkas memuat isian formulir / file contains form fields",
    "external_links": "berkas memuat tautan eksternal / file links to external resources",
    "tracked_changes": "berkas memuat perubahan terlacak (tracked changes) / file has tracked changes",
}


def hidden_content_warnings(metadata: dict) -> tuple[str, ...]:
    """Warnings about places the scan does not read or that redaction must strip."""
    return tuple(message for key, message in HIDDEN.items() if metadata.get(key))
