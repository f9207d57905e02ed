"""DOCX redaction on the raw OOXML package: the text goes, a fixed marker with the label comes.

A decision's offsets map to (part, paragraph, offset) through the page's segments; the paragraph
is found again with `reviewer.extract.docx.paragraphs` and its text atoms are walked exactly as
`paragraph_text` walks them. The redacted stretch is cut out of the `w:t` elements it spans (tabs
and breaks inside it removed) and `█████ [Ps.17 h]` is put where it began, in that run's format.
Text boxes drawn twice (mc:Choice and the legacy mc:Fallback copy) get the same cut in both;
when the copies differ, the fallback is dropped. `docx_clean` then accepts tracked changes,
removes comments, scrubs properties and sweeps hidden copies of the redacted strings.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field

from lxml import etree

from reviewer.core.errors import CorruptFile, RedactionError
from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.extract.docx import MC, W, paragraph_text, paragraphs
from reviewer.redact import docx_clean
from reviewer.redact.labels import marker
from reviewer.redact.outcome import Outcome

_T, _TAB, _BR, _CR, _NBH, _SYMH = (f"{{{W}}}{n}" for n in ("t", "tab", "br", "cr", "noBreakHyphen", "softHyphen"))
_P, _R = f"{{{W}}}p", f"{{{W}}}r"
_ALT, _CHOICE, _FALLBACK = (f"{{{MC}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
WHERE = {"header": "kepala halaman", "footer": "kaki halaman", "body": "badan dokumen", "table": "tabel",
         "footnote": "catatan kaki", "endnote": "catatan akhir", "comment": "komentar (dihapus)",
         "textbox": "kotak teks"}


@dataclass
class _Part:
    name: str
    root: etree._Element
    paras: list
    edits: dict[int, list] = field(default_factory=lambda: defaultdict(list))  # paragraph -> spans


def redact_docx(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    outcome = Outcome()
    try:
        with zipfile.ZipFile(document.path) as zf:
            entries = [(info, zf.read(info.filename)) for info in zf.infolist()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise CorruptFile(f"DOCX rusak / corrupt DOCX: {exc}") from exc
    package = {info.filename: data for info, data in entries}
    parts: dict[str, _Part] = {}
    images: dict[str, Decision] = {}
    page = document.pages[0]
    for i, d in enumerate(decisions):
        if d.image:
            if d.image not in package:
                raise RedactionError(f"keputusan #{i + 1}: gambar '{d.image}' tidak ada di dokumen")
            images[d.image] = d
            outcome.places[i] += 1
            outcome.where[i] = f"gambar {posixpath.basename(d.image)}"
            continue
        seg = page.textmap.segment_at(d.start)
        outcome.where[i] = WHERE.get(seg.kind, seg.kind) if seg else ""
        for location, a, b in page.textmap.locations(d.start, d.end):
            if b <= a:
                continue
            part = parts.get(location.part)
            if part is None:
                root = _parse(package, location.part)
                part = parts[location.part] = _Part(location.part, root, paragraphs(root))
            if location.paragraph >= len(part.paras):
                raise RedactionError(f"keputusan #{i + 1}: paragraf {location.paragraph} tidak ada di "
                                     f"{location.part} / paragraph not found")
            part.edits[location.paragraph].append((a, b, i, d.basis))
            outcome.places[i] += 1
    for part in parts.values():
        outcome.notes += _apply(part, settings)
    roots = {name: part.root for name, part in parts.items()}
    texts = [d.text for d in decisions if d.text]
    outcome.notes += docx_clean.clean(package, roots, texts, set(images), _parse)
    outcome.notes += docx_clean.redact_images(package, roots, images, settings, _parse)
    outcome.warnings += docx_clean.embedded_warnings(package)
    for name, root in roots.items():
        package[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _write(entries, package, out_path)
    return outcome


def _parse(package: dict[str, bytes], name: str):
    try:
        return etree.fromstring(package[name], PARSER)
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise CorruptFile(f"bagian DOCX '{name}' rusak / corrupt part: {exc}") from exc


def _apply(part: _Part, settings: Settings) -> list[str]:
    """Cut every edited paragraph, and its mc:Fallback twin (dropped when the twin differs)."""
    index_of = {id(p): n for n, p in enumerate(part.paras)}
    twins: dict[int, list] = {}
    dropped = 0
    for n, spans in part.edits.items():
        p = part.paras[n]
        alt = next(p.iterancestors(_ALT), None)
        if alt is None or next(p.iterancestors(_CHOICE), None) is None:
            continue
        twin = _twin(alt, p)
        if twin is None:
            dropped += _drop_fallback(alt)
        elif index_of[id(twin)] not in part.edits:
            twins.setdefault(index_of[id(twin)], []).extend(spans)
    for n, spans in list(part.edits.items()) + list(twins.items()):
        cut_paragraph(part.paras[n], spans, settings)
    notes = []
    if twins:
        notes.append(f"{part.name}: salinan cadangan kotak teks (mc:Fallback) ikut dihitamkan: {len(twins)} paragraf")
    if dropped:
        notes.append(f"{part.name}: salinan cadangan kotak teks yang berbeda isi dihapus: {dropped}")
    return notes


def _twin(alt, p):
    choice = next(p.iterancestors(_CHOICE))
    fallback = next((c for c in alt if c.tag == _FALLBACK), None)
    if fallback is None:
        return None
    ours, theirs = list(choice.iter(_P)), list(fallback.iter(_P))
    if len(ours) != len(theirs):
        return None
    twin = theirs[ours.index(p)]
    return twin if paragraph_text(twin) == paragraph_text(p) else None


def _drop_fallback(alt) -> int:
    fallback = next((c for c in alt if c.tag == _FALLBACK), None)
    if fallback is None:
        return 0
    alt.remove(fallback)
    return 1


def cut_paragraph(p, spans, settings: Settings) -> None:
    """Replace each [a, b) of the paragraph text by the marker for its basis (last span first)."""
    if "".join(text for _, text in _atoms(p)) != paragraph_text(p):
        raise RedactionError("struktur paragraf tidak dikenali / unexpected paragraph structure")
    merged: list[list] = []
    for a, b, _, basis in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b, basis])
    for a, b, basis in reversed(merged):
        _cut(p, a, b, marker(basis, settings))


def _atoms(p) -> list[tuple[etree._Element, str]]:
    out = []
    for el in p.iter(_T, _TAB, _BR, _CR, _NBH, _SYMH):
        if next(el.iterancestors(_P), None) is not p:
            continue
        if el.tag == _T:
            out.append((el, el.text or ""))
        elif el.tag == _TAB:
            parent = el.getparent()
            out.append((el, "\t" if parent is not None and parent.tag == _R else ""))
        elif el.tag in (_BR, _CR):
            out.append((el, "\n"))
        elif el.tag == _NBH:
            out.append((el, "-"))
        else:
            out.append((el, ""))
    return out


def _parent(el: etree._Element) -> etree._Element:
    """The element holding `el` (an atom is found inside its paragraph, so it always has one)."""
    parent = el.getparent()
    if parent is None:
        raise RedactionError("elemen teks tanpa induk / text element outside its paragraph")
    return parent


def _cut(p, a: int, b: int, mark: str) -> None:
    pos, placed = 0, False
    for el, text in _atoms(p):
        start, end = pos, pos + len(text)
        pos = end
        if end <= a or start >= b or not text:
            continue
        if el.tag != _T:
            _parent(el).remove(el)
            continue
        keep_before, keep_after = text[: max(a - start, 0)], text[max(b - start, 0):] if b < end else ""
        el.text = keep_before + ("" if placed else mark) + keep_after
        el.set(XML_SPACE, "preserve")
        placed = True


def _write(entries, package: dict[str, bytes], out_path: str) -> None:
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, _ in entries:
            if info.filename not in package:
                continue
            out.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                         package[info.filename], compress_type=zipfile.ZIP_DEFLATED)
