"""Extraction: a file in, a `Document` out. The kind is sniffed from the bytes, not the name."""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile

from reviewer.core.errors import CorruptFile, EncryptedFile, ReviewerError, UnsupportedFormat
from reviewer.core.model import Document

log = logging.getLogger(__name__)
KINDS = ("pdf", "docx", "txt", "image", "xlsx", "csv", "ods", "odt", "odp", "pptx", "html")
IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}
TEXT_SUFFIXES = (".txt", ".text", ".csv", ".md", ".log")


SUFFIXES = (".pdf", ".docx", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".xlsx", ".xlsm", ".csv", ".tsv",
            ".ods", ".odt", ".odp", ".pptx", ".html", ".htm", ".doc", ".xls", ".ppt")
CSV_SUFFIXES = (".csv", ".tsv", ".tab")
UNSUPPORTED = (
    "format tidak didukung (hanya PDF, DOCX, ODT, ODP, PPTX, XLSX, ODS, CSV, HTML, TXT, PNG/JPEG/TIFF, DOC/XLS/PPT)"
    " / unsupported format")
# Which part of a zip package says what it is.
ZIP_KINDS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


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
    """The kind of the file from its content (and, for text, its name as a tie-breaker).

    A redactor's unfinished copy ("x.disensor.csv.part") is named by what it will be called.
    """
    name = path[:-5] if path.endswith(".part") else path
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
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _ole_kind(path)
    if _looks_like_text(head) and (name.lower().endswith(HTML_SUFFIXES) or _looks_like_html(head)):
        return "html"
    if _looks_like_text(head) or name.lower().endswith(TEXT_SUFFIXES + CSV_SUFFIXES):
        if b"\x00" in head and head[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            what = "lembar kerja" if name.lower().endswith(CSV_SUFFIXES) else "teks"
            raise UnsupportedFormat(f"berkas berisi data biner, bukan {what} / binary data, not text")
        return "csv" if name.lower().endswith(CSV_SUFFIXES) else "txt"
    if name.lower().endswith((".xlsx", ".xlsm", ".ods", ".xls")):
        raise UnsupportedFormat("format tidak didukung: bernama lembar kerja, tetapi isinya bukan XLSX/ODS / "
                                "unsupported format: named as a spreadsheet but not one")
    raise UnsupportedFormat(UNSUPPORTED)


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _zip_kind(path: str) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise CorruptFile("arsip zip rusak / corrupt zip container") from exc
    for part, kind in ZIP_KINDS:
        if part in names:
            return kind
    if "mimetype" in names:
        from reviewer.extract.ods import MIMETYPES, mimetype

        with zipfile.ZipFile(path) as zf:
            kind = MIMETYPES.get(mimetype(zf), "")
        if kind in EXTRACTORS:
            return kind
    raise UnsupportedFormat("format tidak didukung (arsip zip bukan DOCX/XLSX/PPTX/ODS/ODT/ODP) / unsupported format "
                            "(zip, not DOCX/XLSX/PPTX/ODS/ODT/ODP)")


OLE_STREAMS = (("EncryptedPackage", "encrypted"), ("WordDocument", "doc"), ("Workbook", "xls"), ("Book", "xls"),
               ("PowerPoint Document", "ppt"))
OLE_SCAN = 64 * 1024 * 1024  # bytes searched for the stream names of an OLE compound file


def ole_streams(path: str) -> str:
    """What an OLE compound file holds, from the stream names in its directory (UTF-16LE)."""
    wanted = [(name.encode("utf-16-le"), kind) for name, kind in OLE_STREAMS]
    tail = b""
    with open(path, "rb") as fh:
        for _ in range(OLE_SCAN // (1 << 20)):
            block = fh.read(1 << 20)
            if not block:
                break
            data = tail + block
            for needle, kind in wanted:
                if needle in data:
                    return kind
            tail = data[-64:]
    return ""


def _ole_kind(path: str) -> str:
    kind = ole_streams(path)
    if kind == "encrypted":
        raise EncryptedFile("berkas Office terenkripsi (berkata sandi); buka dan simpan ulang tanpa kata sandi / "
                            "password-protected Office file; save it without a password")
    if kind in ("doc", "xls", "ppt"):
        return kind
    raise UnsupportedFormat("format Word/Excel lama (.doc/.xls/.ppt); simpan sebagai .docx/.xlsx / "
                            "legacy Office file; save as .docx/.xlsx")


EXTRACTORS = {
    "xlsx": ("reviewer.extract.xlsx", "extract_xlsx"),
    "csv": ("reviewer.extract.delimited", "extract_csv"),
    "ods": ("reviewer.extract.ods", "extract_ods"),
    "odt": ("reviewer.extract.odt", "extract_odt"),
    "odp": ("reviewer.extract.odp", "extract_odp"),
    "pptx": ("reviewer.extract.pptx", "extract_pptx"),
    "html": ("reviewer.extract.html", "extract_html"),
}


def _extract_kind(kind: str, path: str, pdf_engine: str | None = None):
    if kind in EXTRACTORS:
        import importlib

        module, name = EXTRACTORS[kind]
        return getattr(importlib.import_module(module), name)(path)
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
    if kind in LEGACY:
        return _extract_legacy(path, kind)
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


LEGACY = ("doc", "xls", "ppt")


def _extract_legacy(path: str, legacy: str) -> Document:
    """A DOC/XLS/PPT read as the DOCX/XLSX/PPTX LibreOffice makes of it; the hash is the original's."""
    from dataclasses import replace

    from reviewer.extract.legacy import converted

    with converted(path, legacy) as copy:
        modern = extract(copy)
    sha = sha256_file(path)
    metadata = {**modern.metadata, "converted_from": legacy}
    note = (f"berkas .{legacy} dibaca setelah diubah ke .{modern.kind} oleh LibreOffice; salinan yang dihitamkan "
            f"berformat .{modern.kind} / read through LibreOffice as .{modern.kind}")
    return replace(modern, sha256=sha, path=path, metadata=metadata, warnings=modern.warnings + (note,))


HIDDEN = {
    "embedded_files": "berkas memuat lampiran tersemat yang tidak dipindai; hapus sebelum publikasi / "
                      "embedded attachments are not scanned",
    "javascript": "berkas memuat JavaScript / file contains JavaScript",
    "form_fields": "berkas memuat isian formulir / file contains form fields",
    "external_links": "berkas memuat tautan eksternal / file links to external resources",
    "tracked_changes": "berkas memuat perubahan terlacak (tracked changes) / file has tracked changes",
    "macros": "berkas memuat makro (VBA); makro dihapus pada salinan yang dihitamkan / file contains macros",
    "hidden_sheets": "lembar kerja tersembunyi ikut dipindai; lembar itu dihapus pada salinan yang dihitamkan / "
                     "hidden sheets are scanned and removed from the redacted copy",
    "hidden_slides": "slide tersembunyi ikut dipindai dan dihitamkan seperti slide lain / "
                     "hidden slides are scanned and redacted like the others",
    "threaded_comments": "berkas memuat komentar berutas; komentar dihapus pada salinan yang dihitamkan / "
                         "file has threaded comments",
}


def hidden_content_warnings(metadata: dict) -> tuple[str, ...]:
    """Warnings about places the scan does not read or that redaction must strip."""
    return tuple(message for key, message in HIDDEN.items() if metadata.get(key))
