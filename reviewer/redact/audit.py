"""Structural checks of a redacted file: no metadata, annotations, attachments, scripts, revisions."""

from __future__ import annotations

import re
import zipfile

from reviewer.redact.outcome import Check

PDF_FORBIDDEN = {"/JavaScript": "JavaScript", "/JS": "JavaScript", "/EmbeddedFile": "lampiran tertanam",
                 "/AcroForm": "formulir", "/Annots": "anotasi", "/Thumb": "gambar mini (thumbnail)",
                 "/StructTreeRoot": "pohon struktur", "/OpenAction": "aksi pembuka",
                 "/PieceInfo": "data aplikasi (PieceInfo)"}


def pdf_checks(path: str) -> list[Check]:
    import fitz

    checks = []
    with fitz.open(path) as doc:
        meta = {k: v for k, v in (doc.metadata or {}).items() if v and k not in ("format", "encryption")}
        xmp = doc.get_xml_metadata()
        checks.append(Check("metadata kosong (Info, XMP)", "PyMuPDF", not meta and not xmp,
                            "kosong" if not meta and not xmp else f"tersisa: {sorted(meta)}{' + XMP' if xmp else ''}"))
        annots = sum(len(list(p.annots() or ())) + len(list(p.widgets() or ())) + len(p.get_links()) for p in doc)
        checks.append(Check("tanpa anotasi, isian formulir, tautan", "PyMuPDF", annots == 0, f"{annots} ditemukan"))
        files = doc.embfile_count()
        checks.append(Check("tanpa lampiran tertanam", "PyMuPDF", files == 0, f"{files} ditemukan"))
        sources = [doc.xref_object(x, compressed=False) for x in range(1, doc.xref_length())]
        found = {name for source in sources + [doc.pdf_trailer()]
                 for key, name in PDF_FORBIDDEN.items() if _present(key, source)}
        checks.append(Check("tanpa JavaScript, formulir, struktur, thumbnail", "PyMuPDF", not found,
                            "tidak ada" if not found else "DITEMUKAN: " + ", ".join(sorted(found))))
    with open(path, "rb") as fh:
        data = fh.read()
    revisions = data.count(b"%%EOF")
    prev = re.search(rb"/Prev\s+\d+", data) is not None
    checks.append(Check("satu revisi saja (tanpa simpan inkremental)", "pencarian bita",
                        revisions == 1 and not prev, f"{revisions} penanda %%EOF{', ada /Prev' if prev else ''}"))
    return checks


def _present(key: str, source: str) -> bool:
    """The key is there with a value (a key set to null or an empty array is as good as absent)."""
    return re.search(re.escape(key) + r"(?![A-Za-z])\s*+(?!null\b|\[\s*\])", source) is not None


DOCX_FORBIDDEN = {"w:ins": "perubahan terlacak (sisipan)", "w:del": "perubahan terlacak (hapusan)",
                  "w:delText": "teks terhapus", "w:moveFrom": "perubahan terlacak (pindahan)",
                  "w:moveTo": "perubahan terlacak (pindahan)", "w:commentReference": "rujukan komentar",
                  "w:commentRangeStart": "rentang komentar", "w:comment": "komentar",
                  "w:docVar": "variabel dokumen", "w:dataBinding": "pengikatan data XML kustom",
                  "w:attachedTemplate": "jalur templat"}


def docx_checks(path: str) -> list[Check]:
    from lxml import etree

    from reviewer.extract.docx import W

    found: set[str] = set()
    props: list[str] = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("customXml/") and name.endswith(".xml") and "itemProps" not in name:
                if _has_content(zf.read(name)):
                    props.append(name)
            if name == "docProps/custom.xml" and _has_content(zf.read(name)):
                props.append(name)
            if not name.endswith(".xml"):
                continue
            root = etree.fromstring(zf.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
            for tag, what in DOCX_FORBIDDEN.items():
                if next(root.iter(f"{{{W}}}{tag.split(':')[1]}"), None) is not None:
                    found.add(what)
            if name == "docProps/core.xml":
                props += [f"core:{etree.QName(el).localname}" for el in root if (el.text or "").strip()]
            if name == "docProps/app.xml":
                props += [f"app:{etree.QName(el).localname}" for el in root
                          if etree.QName(el).localname in APP_PERSONAL and (el.text or "").strip()]
    return [Check("tanpa perubahan terlacak, komentar, variabel dokumen", "XML mentah", not found,
                  "tidak ada" if not found else "DITEMUKAN: " + ", ".join(sorted(found))),
            Check("properti dokumen dan XML kustom kosong", "XML mentah", not props,
                  "kosong" if not props else "tersisa: " + ", ".join(props))]


APP_PERSONAL = ("Company", "Manager", "HyperlinkBase", "Template", "HLinks", "TitlesOfParts")


def _has_content(data: bytes) -> bool:
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    return any((t or "").strip() for t in root.itertext()) or len(root) > 0
