"""ODS redaction on the package XML: decided cells rewritten as text, hidden things dropped.

Cells are found with `reviewer.extract.ods.walk`, after every repeated *filled* row or cell has
been written out one by one (a decided cell must not take its repeated twins with it). A decided
cell becomes a string cell holding the label or the partial mask (`redact.sheets`), without its
stored value. Then: hidden tables, annotations (comments), named ranges and expressions, links
to other files (table-source, DDE), macros (Basic/, Scripts/), the thumbnail (a picture of the
first sheet) and the document properties in meta.xml are removed. The `mimetype` entry stays
first and uncompressed, as ODF requires.
"""

from __future__ import annotations

import copy
import zipfile

from lxml import etree

from reviewer.core.errors import RedactionError
from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.extract.ods import OFFICE, TABLE, TEXT, cell_text, hidden_styles, q, read_part, tables, walk
from reviewer.redact.outcome import Check, Outcome
from reviewer.redact.sheets import plan, rewrite

DROP_ENTRIES = ("Basic/", "Scripts/", "Thumbnails/", "Configurations2/")
DROP_ELEMENTS = (q(OFFICE, "annotation"), q(OFFICE, "annotation-end"), q(TABLE, "named-expressions"),
                 q(TABLE, "table-source"), q(TABLE, "dde-links"), q(OFFICE, "scripts"), q(OFFICE, "event-listeners"))


def redact_ods(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    edits = plan(document, decisions)
    root = read_part(document.path, "content.xml")
    sheets = tables(root)
    for table in sheets:
        _expand(table)
    targets = {}
    for index, table in enumerate(sheets):
        for row, col, tc, _ in walk(table):
            if (index, row, col) in edits.cells:
                targets[(index, row, col)] = tc
    for key, spans in edits.cells.items():
        if key not in targets:
            raise RedactionError(f"sel {key} tidak ditemukan di ODS / cell not found")
        _rewrite(targets[key], spans, settings)
    notes = [f"sel dihitamkan: {len(edits.cells)}"] + _strip(root, sheets)
    _write(document.path, out_path, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    edits.outcome.notes += notes + ["properti dokumen (meta.xml), gambar mini, makro dihapus"]
    return edits.outcome


def _expand(table) -> None:
    """Write out repeated filled rows and cells one by one (empty repeats stay as they are)."""
    list(walk(table))  # refuses a repetition bomb before anything is copied
    for tr in list(table.iter(q(TABLE, "table-row"))):
        for tc in list(tr):
            n = int(tc.get(q(TABLE, "number-columns-repeated"), "1") or 1)
            if n > 1 and (len(tc) or tc.get(q(OFFICE, "value")) is not None):
                del tc.attrib[q(TABLE, "number-columns-repeated")]
                for _ in range(n - 1):
                    tc.addnext(copy.deepcopy(tc))
        n = int(tr.get(q(TABLE, "number-rows-repeated"), "1") or 1)
        if n > 1 and any(len(tc) or tc.get(q(OFFICE, "value")) is not None for tc in tr):
            del tr.attrib[q(TABLE, "number-rows-repeated")]
            for _ in range(n - 1):
                tr.addnext(copy.deepcopy(tr))


def _rewrite(tc, spans, settings: Settings) -> None:
    from reviewer.extract.sheets import flat

    original = cell_text(tc)
    for a, b, i, d in spans:
        if d.text and flat(original)[a:b] not in d.text:
            raise RedactionError(f"keputusan #{i + 1}: isi sel berbeda dari saat dipindai / cell text changed")
    new = rewrite(original, spans, settings)
    for key in list(tc.attrib):
        if etree.QName(key).namespace == OFFICE or key == q(TABLE, "formula"):
            del tc.attrib[key]
    tc.set(q(OFFICE, "value-type"), "string")
    for child in [c for c in tc if c.tag in (q(TEXT, "p"), q(TEXT, "h"))]:
        tc.remove(child)
    for line in new.split("\n"):
        etree.SubElement(tc, q(TEXT, "p")).text = line


def _strip(root, sheets: list) -> list[str]:
    hidden = hidden_styles(root)
    gone = [t for t in sheets if t.get(q(TABLE, "style-name")) in hidden]
    if len(gone) == len(sheets):
        raise RedactionError("semua lembar tersembunyi / every sheet is hidden")
    for table in gone:
        table.getparent().remove(table)
    removed = 0
    for tag in DROP_ELEMENTS:
        for el in list(root.iter(tag)):
            el.getparent().remove(el)
            removed += 1
    notes = [f"lembar tersembunyi dihapus: {', '.join(t.get(q(TABLE, 'name'), '') for t in gone)}"] if gone else []
    return notes + [f"komentar, nama rentang, tautan eksternal dan skrip dihapus: {removed}"]


def _write(source: str, out_path: str, content: bytes) -> None:
    with zipfile.ZipFile(source) as zf, zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr(zipfile.ZipInfo("mimetype"), zf.read("mimetype"), compress_type=zipfile.ZIP_STORED)
        for info in zf.infolist():
            name = info.filename
            if name == "mimetype" or name.startswith(DROP_ENTRIES):
                continue
            data = {"content.xml": content, "meta.xml": EMPTY_META}.get(name) or zf.read(name)
            if name == "META-INF/manifest.xml":
                data = _manifest(data)
            out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)


EMPTY_META = (b'<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
              b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2">'
              b"<office:meta/></office:document-meta>")


def _manifest(data: bytes) -> bytes:
    from reviewer.extract.safety import SAFE_PARSER

    root = etree.fromstring(data, SAFE_PARSER)
    for entry in list(root):
        path = next((v for k, v in entry.attrib.items() if k.endswith("full-path")), "")
        if path.startswith(DROP_ENTRIES):
            root.remove(entry)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def ods_checks(path: str) -> list[Check]:
    """Structure of the copy: no hidden tables, annotations, scripts, links, properties."""
    root = read_part(path, "content.xml")
    hidden = hidden_styles(root)
    found = [f"lembar tersembunyi '{t.get(q(TABLE, 'name'))}'" for t in tables(root)
             if t.get(q(TABLE, "style-name")) in hidden]
    found += sorted({etree.QName(tag).localname for tag in DROP_ELEMENTS if next(root.iter(tag), None) is not None})
    with zipfile.ZipFile(path) as zf:
        found += sorted({n.split("/")[0] for n in zf.namelist() if n.startswith(DROP_ENTRIES)})
        meta = zf.read("meta.xml") if "meta.xml" in zf.namelist() else b""
    props = meta != EMPTY_META and bool(meta)
    return [Check("tanpa lembar tersembunyi, komentar, skrip, tautan", "XML mentah", not found,
                  "tidak ada" if not found else "DITEMUKAN: " + ", ".join(found[:8])),
            Check("properti dokumen kosong", "XML mentah", not props, "kosong" if not props else "meta.xml berisi")]
