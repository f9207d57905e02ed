"""PPTX redaction on the raw package: decided stretches cut from slide, notes and comment text.

Units are found again with `reviewer.extract.pptx.units` and cut through their slots
(`reviewer.redact.slots`), in the run where each stretch began. Then comments and their
authors are emptied, the document properties and the thumbnail (a picture of slide 1) go
(`docx_clean`), and attributes that still hold a redacted string (link targets) are cleared.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from reviewer.core.errors import CorruptFile
from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.extract.pptx import COMMENTS, comment_units, slots, units
from reviewer.redact import docx_clean
from reviewer.redact import slots as slot_cut
from reviewer.redact.docx import _write as write_package
from reviewer.redact.outcome import Check, Outcome

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
WHERE = {"body": "slide", "table": "tabel", "notes": "catatan pembicara", "alt": "teks alternatif",
         "comment": "komentar (dihapus)"}
AUTHORS = "ppt/commentAuthors.xml"


def _parse(package: dict[str, bytes], name: str):
    try:
        return etree.fromstring(package[name], PARSER)
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise CorruptFile(f"bagian PPTX '{name}' rusak / corrupt part: {exc}") from exc


def redact_pptx(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    edits, outcome = slot_cut.plan(document, decisions, WHERE)
    with zipfile.ZipFile(document.path) as zf:
        entries = [(info, zf.read(info.filename)) for info in zf.infolist()]
    package = {info.filename: data for info, data in entries}
    roots: dict = {}

    def root(name: str):
        if name not in roots:
            roots[name] = _parse(package, name)
        return roots[name]

    lists = {}
    for part in {p for p, _ in edits}:
        lists[part] = comment_units(root(part)) if part.startswith(COMMENTS) else units(root(part))
    slot_cut.apply(lists, slots, edits, settings)
    emptied = 0
    for name in [n for n in package if n.startswith(COMMENTS) or n == AUTHORS]:
        emptied += docx_clean._empty(root(name))
    outcome.notes += [f"paragraf dihitamkan: {len(edits)}", f"komentar dan penulisnya dihapus: {emptied}"]
    outcome.notes += docx_clean._properties(package, root)
    outcome.notes += docx_clean._sweep(package, root, [d.text for d in decisions if d.text])
    if any(n.endswith("vbaProject.bin") for n in package):
        outcome.warnings.append("presentasi memuat makro (VBA) yang tidak dipindai / presentation contains macros")
    for name, tree in roots.items():
        package[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
    write_package(entries, package, out_path)
    return outcome


def pptx_checks(path: str) -> list[Check]:
    """Structure of the copy: no comments, empty core properties, no thumbnail."""
    found = []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        for name in names:
            if name.startswith(COMMENTS) or name == AUTHORS:
                if len(etree.fromstring(zf.read(name), PARSER)):
                    found.append(name)
        if "docProps/core.xml" in names and len(etree.fromstring(zf.read("docProps/core.xml"), PARSER)):
            found.append("docProps/core.xml")
        found += [n for n in names if n.startswith("docProps/thumbnail")]
    return [Check("tanpa komentar, properti dokumen, gambar mini", "XML mentah", not found,
                  "tidak ada" if not found else "DITEMUKAN: " + ", ".join(found[:8]))]
