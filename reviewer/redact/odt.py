"""ODT redaction on the package XML: decided stretches cut from their paragraphs, hidden things dropped.

Paragraphs are found again with `reviewer.extract.odt.units` and cut through their slots
(`reviewer.redact.slots`). Then annotations (comments), tracked changes (deleted text is kept
there), scripts and event listeners, macros, the thumbnail and the document properties are
removed, as for ODS.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.extract.ods import OFFICE, TEXT, q, read_part
from reviewer.extract.odt import PARTS, slots, units
from reviewer.redact import slots as slot_cut
from reviewer.redact.ods import DROP_ENTRIES, EMPTY_META, _manifest
from reviewer.redact.outcome import Check, Outcome

DROP_ELEMENTS = (q(OFFICE, "annotation"), q(OFFICE, "annotation-end"), q(TEXT, "tracked-changes"),
                 q(OFFICE, "scripts"), q(OFFICE, "event-listeners"))
WHERE = {"body": "badan dokumen", "table": "tabel", "header": "kepala/kaki halaman", "footer": "kaki halaman",
         "comment": "komentar (dihapus)", "footnote": "catatan kaki", "textbox": "kotak teks",
         "alt": "teks alternatif", "tracked": "perubahan terlacak (dihapus)"}


def redact_odt(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    edits, outcome = slot_cut.plan(document, decisions, WHERE)
    roots = {}
    with zipfile.ZipFile(document.path) as zf:
        names = set(zf.namelist())
    for part in PARTS:
        if part in names:
            roots[part] = read_part(document.path, part, "ODT")
    slot_cut.apply({p: units(r) for p, r in roots.items()}, slots, edits, settings)
    removed = sum(_drop(root) for root in roots.values())
    data = {p: etree.tostring(r, xml_declaration=True, encoding="UTF-8") for p, r in roots.items()}
    write_odf(document.path, out_path, data)
    outcome.notes += [f"paragraf dihitamkan: {len(edits)}",
                      f"komentar, perubahan terlacak dan skrip dihapus: {removed}",
                      "properti dokumen (meta.xml), gambar mini, makro dihapus"]
    return outcome


def _drop(root) -> int:
    removed = 0
    for tag in DROP_ELEMENTS:
        for el in list(root.iter(tag)):
            remove_keep_tail(el)
            removed += 1
    return removed


def remove_keep_tail(el) -> None:
    """Remove an element but not the text that follows it."""
    parent, tail = el.getparent(), el.tail or ""
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def write_odf(source: str, out_path: str, replaced: dict[str, bytes]) -> None:
    """Copy an ODF package with some parts replaced; mimetype first and stored, macros and thumbnail out."""
    with zipfile.ZipFile(source) as zf, zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr(zipfile.ZipInfo("mimetype"), zf.read("mimetype"), compress_type=zipfile.ZIP_STORED)
        for info in zf.infolist():
            name = info.filename
            if name == "mimetype" or name.startswith(DROP_ENTRIES):
                continue
            data = {**replaced, "meta.xml": EMPTY_META}.get(name) or zf.read(name)
            if name == "META-INF/manifest.xml":
                data = _manifest(data)
            out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)


def odt_checks(path: str) -> list[Check]:
    """Structure of the copy: no annotations, tracked changes, scripts, macros, properties."""
    return odf_checks(path, "ODT", PARTS, DROP_ELEMENTS, "tanpa komentar, perubahan terlacak, skrip")


def odf_checks(path: str, kind: str, parts, drop_elements, title: str) -> list[Check]:
    """Structure of an OpenDocument copy: none of `drop_elements` in `parts`, no dropped entries (macros,
    scripts, thumbnail), empty properties."""
    found: set[str] = set()
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        found |= {n.split("/")[0] for n in names if n.startswith(DROP_ENTRIES)}
        meta = zf.read("meta.xml") if "meta.xml" in names else b""
    for part in parts:
        if part in names:
            root = read_part(path, part, kind)
            found |= {etree.QName(t).localname for t in drop_elements if next(root.iter(t), None) is not None}
    props = bool(meta) and meta != EMPTY_META
    return [Check(title, "XML mentah", not found,
                  "tidak ada" if not found else "DITEMUKAN: " + ", ".join(sorted(found))),
            Check("properti dokumen kosong", "XML mentah", not props, "kosong" if not props else "meta.xml berisi")]
