"""PDF redaction with PyMuPDF: glyphs removed, pixels burned, labels printed, hidden data stripped.

Per page, two passes of MuPDF redaction: the first removes the glyphs under each line's thin
middle band (text only, so neighbouring lines survive), the second fills the full-height box,
burns image pixels under it and removes vector graphics it encloses. MuPDF rewrites form
XObjects as it goes. The label is then printed on the box, and the document is stripped of
metadata, annotations, form fields, JavaScript, attachments, thumbnails and its structure tree,
and saved as a full rewrite with garbage collection (earlier revisions are not carried over).

Pages whose words come from OCR belong to `reviewer.redact.scan` (scanned pages): without that
module such a page is refused with `ScannedPageNotSupported`.
"""

from __future__ import annotations

from collections import defaultdict

from reviewer.core.errors import EncryptedFile, RedactionError
from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.redact import scan
from reviewer.redact.boxlabels import print_labels
from reviewer.redact.outcome import Outcome
from reviewer.redact.pdfgeom import PageGeometry, Target, area_target, text_targets

IMAGE_PAD = 0.2  # share of the line height added around a box that lies over a picture
PAGE_KEYS = ("Thumb", "PieceInfo", "Metadata", "AA")
CATALOG_KEYS = ("AcroForm", "StructTreeRoot", "MarkInfo", "PieceInfo", "OpenAction", "AA", "Names",
                "Metadata", "Threads", "SpiderInfo", "Perms", "Legal", "Collection")


def redact_pdf(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    import fitz

    try:
        doc = fitz.open(document.path)
    except Exception as exc:
        raise RedactionError(f"PDF tidak dapat dibuka / cannot open PDF: {exc}") from exc
    if doc.needs_pass:
        raise EncryptedFile("PDF terkunci kata sandi / PDF is password-protected")
    outcome = Outcome()
    by_page: dict[int, list[tuple[int, Decision]]] = defaultdict(list)
    for i, d in enumerate(decisions):
        by_page[d.page].append((i, d))
    # each scanned page gets its text layer, decided or not
    scanned: dict[int, list[tuple[int, Decision]]] = {p.number: [] for p in document.pages if p.ocr}
    for number, items in sorted({**scanned, **by_page}.items()):
        page, fpage = document.pages[number - 1], doc[number - 1]
        if page.ocr:
            _scanned(doc, fpage, page, items, settings, outcome)
            continue
        geo = PageGeometry(doc, fpage, page)
        targets: list[Target] = []
        for i, d in items:
            found = [area_target(geo, d, i)] if d.box is not None else text_targets(geo, d, i)
            if not found:
                raise RedactionError(f"keputusan #{i + 1}: kata-kata '{d.text}' tidak punya posisi di halaman "
                                     f"{number} / no word positions for the decision")
            targets += found
            outcome.places[i] += len(found)
        _burn(fpage, targets, settings, outcome)
    outcome.notes += strip(doc, [d.text for d in decisions if d.text])
    doc.save(out_path, garbage=4, deflate=True)
    doc.close()
    return outcome


def _scanned(doc, fpage, page, items, settings: Settings, outcome: Outcome) -> None:
    """Hand an OCR page to the scanned-page redactor: it burns a new picture of the page."""
    for i, places in scan.redact_page(doc, fpage, page, items, settings, outcome).items():
        outcome.places[i] += places


def _burn(fpage, targets: list[Target], settings: Settings, outcome: Outcome) -> None:
    import fitz

    for t in targets:
        fpage.add_redact_annot(fitz.Rect(t.removal), fill=False, cross_out=False)
    fpage.apply_redactions(images=fitz.PDF_REDACT_IMAGE_NONE, graphics=fitz.PDF_REDACT_LINE_ART_NONE,
                           text=fitz.PDF_REDACT_TEXT_REMOVE)
    collateral = _drawings_in_areas(fpage, [t for t in targets if t.removal == t.visual])
    if collateral:
        outcome.warnings.append(f"halaman {fpage.number + 1}: {collateral} gambar vektor kecil di tepi kotak area "
                                "ikut terhapus (penghapusan garis memerlukan margin)")
    images = [fitz.Rect(info["bbox"]) for info in fpage.get_image_info()]
    for t in targets:
        fpage.add_redact_annot(_padded(t, images), fill=(0, 0, 0), cross_out=False)
    fpage.apply_redactions(images=fitz.PDF_REDACT_IMAGE_PIXELS,
                           graphics=fitz.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED, text=fitz.PDF_REDACT_TEXT_NONE)
    outcome.warnings += print_labels(fpage, targets, settings)


def _padded(t: Target, images: list):
    """The box to fill and burn; over a picture it is grown by a fifth of the line height, since
    an invisible text layer (OCR) never sits exactly on the painted letters."""
    import fitz

    rect = fitz.Rect(t.visual)
    if t.removal == t.visual or not any(rect.intersects(img) for img in images):
        return rect
    pad = IMAGE_PAD * min(rect.width, rect.height)
    return rect + (-pad, -pad, pad, pad)


def _drawings_in_areas(fpage, areas: list[Target]) -> int:
    """Remove vector drawings (a drawn signature) that lie inside an area decision.

    MuPDF counts a stroked path as covered only when its bounds grown by the stroke's miter
    reach (about ten line widths) are inside the rectangle, so the rectangle is grown as much.
    Returns how many other small drawings near the box that growth also takes (for a warning)."""
    import fitz

    if not areas:
        return 0
    drawings, collateral = fpage.get_drawings(), 0
    for t in areas:
        area = fitz.Rect(t.visual)
        inside = [d for d in drawings if d["rect"] in area + (-1, -1, 1, 1)]
        if not inside:
            continue
        grow = max(10 * (d.get("width") or 1) for d in inside) + 1
        grown = area + (-grow, -grow, grow, grow)
        collateral += sum(1 for d in drawings if d not in inside and d["rect"] in grown)
        fpage.add_redact_annot(grown, fill=False, cross_out=False)
    fpage.apply_redactions(images=fitz.PDF_REDACT_IMAGE_NONE, graphics=fitz.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
                           text=fitz.PDF_REDACT_TEXT_NONE)
    return collateral


def strip(doc, redacted: list[str]) -> list[str]:
    """Remove what a published copy must not carry; return what was removed, in Indonesian."""
    notes = []
    annots = widgets = links = 0
    for page in doc:
        for widget in list(page.widgets() or ()):
            page.delete_widget(widget)
            widgets += 1
        for annot in list(page.annots() or ()):
            page.delete_annot(annot)
            annots += 1
        for link in page.get_links():
            page.delete_link(link)
            links += 1
        for key in PAGE_KEYS:
            if doc.xref_get_key(page.xref, key)[0] != "null":
                doc.xref_set_key(page.xref, key, "null")
    notes.append(f"anotasi dihapus: {annots}, isian formulir: {widgets}, tautan: {links}")
    embedded = doc.embfile_count()
    for name in doc.embfile_names():
        doc.embfile_del(name)
    catalog = doc.pdf_catalog()
    removed = [k for k in CATALOG_KEYS if doc.xref_get_key(catalog, k)[0] != "null"]
    for key in removed:
        doc.xref_set_key(catalog, key, "null")
    doc.set_metadata({})
    doc.del_xml_metadata()
    notes.append(f"metadata dokumen (Info dan XMP) dikosongkan; lampiran tertanam dihapus: {embedded}")
    if removed:
        notes.append("dihapus dari katalog: " + ", ".join(removed) + " (JavaScript, formulir, struktur, aksi)")
    notes += _toc(doc, redacted)
    notes.append("disimpan ulang utuh (tanpa revisi sebelumnya, objek tak terpakai dibuang)")
    return notes


def _toc(doc, redacted: list[str]) -> list[str]:
    from reviewer.redact.verify import contains

    toc = doc.get_toc(simple=True)
    hits = [i for i, (_, title, _) in enumerate(toc) if any(contains(title, r) for r in redacted)]
    if not hits:
        return []
    for i in hits:
        toc[i][1] = "[dihitamkan]"
    doc.set_toc(toc)
    return [f"judul penanda (bookmark) yang memuat teks dihitamkan diganti: {len(hits)}"]
