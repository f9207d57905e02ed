"""ODP redaction on the package XML: decided stretches cut from slides, notes, tables and masters.

Units are found again with `reviewer.extract.odp.units` and cut through their slots
(`reviewer.redact.slots`). Then comments (both the LibreOffice and the ODF annotation), scripts
and event listeners go, the names of shapes and link targets that still hold a redacted string
are cleared, and the package is written as for ODT: macros, the thumbnail (a picture of slide 1)
and the document properties removed.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.extract.odp import ANNOTATIONS, PARTS, slots, units
from reviewer.extract.ods import OFFICE, read_part
from reviewer.redact import slots as slot_cut
from reviewer.redact.odt import odf_checks, remove_keep_tail, write_odf
from reviewer.redact.outcome import Check, Outcome

DROP_ELEMENTS = ANNOTATIONS + (f"{{{OFFICE}}}annotation-end", f"{{{OFFICE}}}scripts", f"{{{OFFICE}}}event-listeners")
WHERE = {"body": "slide", "table": "tabel", "notes": "catatan pembicara", "alt": "teks alternatif",
         "comment": "komentar (dihapus)", "slide-name": "nama slide", "shape-name": "nama bentuk",
         "header": "kepala slide", "footer": "kaki slide", "master": "slide induk"}
# Attributes a person can fill with words: names of shapes and slides, link targets, bookmarks.
WORD_ATTRIBUTES = ("name", "href", "display-name", "string-value", "label")


def redact_odp(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    edits, outcome = slot_cut.plan(document, decisions, WHERE)
    with zipfile.ZipFile(document.path) as zf:
        names = set(zf.namelist())
    roots = {part: read_part(document.path, part, "ODP") for part in PARTS if part in names}
    slot_cut.apply({p: units(r) for p, r in roots.items()}, slots, edits, settings)
    removed = sum(_drop(root) for root in roots.values())
    swept = sum(_sweep(root, [d.text for d in decisions if d.text]) for root in roots.values())
    data = {p: etree.tostring(r, xml_declaration=True, encoding="UTF-8") for p, r in roots.items()}
    write_odf(document.path, out_path, data)
    outcome.notes += [f"paragraf dihitamkan: {len(edits)}", f"komentar dan skrip dihapus: {removed}",
                      "properti dokumen (meta.xml), gambar mini, makro dihapus"]
    if swept:
        outcome.notes.append(f"nama bentuk/tautan yang memuat teks dihitamkan dibersihkan: {swept}")
    return outcome


def _drop(root) -> int:
    gone = list(root.iter(*DROP_ELEMENTS))
    for el in gone:
        remove_keep_tail(el)
    return len(gone)


def _sweep(root, texts: list[str]) -> int:
    """Clear word-bearing attributes that still hold a redacted string (a frame named after a person)."""
    from reviewer.redact.verify import Haystack, Matcher, Needle

    needles = list({n.key: n for n in (Needle.of(t) for t in texts) if n}.values())
    if not needles:
        return 0
    matcher = Matcher(needles)
    hits = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for key, value in el.attrib.items():
            if etree.QName(key).localname in WORD_ATTRIBUTES and any(Haystack(value).counts(matcher).values()):
                el.set(key, "#" if etree.QName(key).localname == "href" else "")
                hits += 1
    return hits


def odp_checks(path: str) -> list[Check]:
    """Structure of the copy: no comments, scripts, macros or thumbnail; empty properties."""
    return odf_checks(path, "ODP", PARTS, DROP_ELEMENTS, "tanpa komentar, skrip, makro, gambar mini")
