"""Verification of redacted scanned pages, beside the text checks every PDF gets.

- OCR of the result: each scanned page of the copy is rendered (the invisible text layer does not
  render) and read again with Tesseract; no redacted string may be read there more often than it
  remains, unredacted, on the scanned pages of the original.
- The original scans are gone: no image stream of a redacted scanned page of the original is
  stored in the copy, byte for byte.
The invisible text layer holding the rest is checked by the common over-redaction check (the
words outside the redactions must be read back from the copy).
"""

from __future__ import annotations

import hashlib

from reviewer.core.model import Decision, Document
from reviewer.redact.outcome import Check
from reviewer.redact.verify import EXAMPLES, Haystack, Needle, remaining_in_text


def scanned_checks(document: Document, decisions: list[Decision], output: str, items: list[Needle],
                   labels: tuple[str, ...]) -> list[Check]:
    pages = [p for p in document.pages if p.ocr]
    if not pages:
        return []
    return [_ocr_check(document, pages, decisions, output, items, labels),
            _images_gone(document, decisions, output)]


def _ocr_check(document, pages, decisions, output, items, labels) -> Check:
    from reviewer.core.errors import OcrError

    numbers = [p.number for p in pages]
    scanned = Document(document.sha256, document.path, document.kind, tuple(pages))
    counts = remaining_in_text(scanned, decisions, items)
    try:
        hay = Haystack(read_again(output, numbers), labels)
    except OcrError as exc:
        return Check("OCR hasil tidak membaca teks dihitamkan", "Tesseract", False,
                     f"tidak dapat membaca ulang halaman pindaian / cannot OCR the result: {exc}")
    leaks = []
    for n in items:
        allowed, found = counts.get(n.key, (0, 0))[1], hay.count(n)
        if found > allowed:
            leaks.append(f"'{n.text}' ({found}×, boleh {allowed}×)")
    detail = (f"halaman {numbers} dibaca ulang dengan OCR: {len(items)} teks dicari, tidak ada yang terbaca"
              if not leaks else "MASIH TERBACA: " + "; ".join(leaks[:EXAMPLES]))
    return Check("OCR hasil tidak membaca teks dihitamkan", "Tesseract", not leaks, detail)


def read_again(path: str, numbers: list[int]) -> str:
    """OCR text of the given pages of a PDF, read from their pictures only."""
    import pypdfium2

    from reviewer.ocr import read_image
    from reviewer.ocr.engine import find_engine
    from reviewer.ocr.images import render_pdf_page

    engine = find_engine()
    pdf = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(read_image(engine, render_pdf_page(pdf, n - 1, 300))[0] for n in numbers)
    finally:
        pdf.close()


def _images_gone(document: Document, decisions: list[Decision], output: str) -> Check:
    redacted = sorted({d.page for d in decisions if document.pages[d.page - 1].ocr})
    if document.kind == "image":  # a picture file: nothing of it may be stored as it was
        with open(document.path, "rb") as fh:
            before = {hashlib.sha256(fh.read()).hexdigest()}
    else:
        before = _image_hashes(document.path, redacted)
    after = _stream_hashes(output)
    kept = sorted(before & after)
    detail = (f"{len(before)} gambar asli dari halaman {redacted}, tidak ada yang tersimpan di hasil" if not kept
              else f"{len(kept)} gambar asli MASIH TERSIMPAN")
    return Check("gambar pindaian asli tidak disimpan", "PyMuPDF", not kept, detail)


def _image_hashes(path: str, numbers: list[int]) -> set[str]:
    import fitz

    out = set()
    with fitz.open(path) as doc:
        for n in numbers:
            for info in doc[n - 1].get_images(full=True):
                out.add(hashlib.sha256(doc.xref_stream_raw(info[0]) or b"").hexdigest())
    return out


def _stream_hashes(path: str) -> set[str]:
    import fitz

    out = set()
    with fitz.open(path) as doc:
        for xref in range(1, doc.xref_length()):
            if doc.xref_is_stream(xref):
                out.add(hashlib.sha256(doc.xref_stream_raw(xref) or b"").hexdigest())
    return out
