"""What a published DOCX must not carry besides the redacted text.

Tracked changes are accepted (insertions kept, deletions and their text dropped, revision marks
removed); comments are removed with their anchors, their authors and extensions; core, app and
custom properties, custom XML data, document variables, mail-merge sources, the attached template
path and the package thumbnail (a picture of page 1) are scrubbed. Finally every XML part is swept
for hidden copies of the redacted strings: alt text, field codes, link targets, any attribute.
"""

from __future__ import annotations

import io
import posixpath

from lxml import etree

from reviewer.extract.docx import W

CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
APP_DROP = ("Company", "Manager", "HyperlinkBase", "Template", "HLinks", "TitlesOfParts", "HeadingPairs")
UNWRAP = ("ins", "moveTo")
REMOVE = ("del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange",
          "tcPrChange", "tblGridChange", "tblPrExChange", "numberingChange", "moveFromRangeStart",
          "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "cellIns", "cellDel", "cellMerge",
          "commentRangeStart", "commentRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
          "customXmlDelRangeStart", "customXmlDelRangeEnd", "dataBinding")
SETTINGS_DROP = ("docVars", "attachedTemplate", "mailMerge", "rsids")
EMPTY_PARTS = ("word/comments.xml", "word/commentsExtended.xml", "word/commentsIds.xml",
               "word/commentsExtensible.xml", "word/people.xml")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def clean(package: dict[str, bytes], roots: dict, texts: list[str], images: set[str], parse) -> list[str]:
    def root(name: str):
        if name not in roots:
            roots[name] = parse(package, name)
        return roots[name]

    notes = []
    changes = comments = 0
    for name in [n for n in package if n.startswith("word/") and n.endswith(".xml")]:
        tree = root(name)
        changes += _accept_changes(tree)
        comments += _remove_comment_anchors(tree)
    for name in EMPTY_PARTS:
        if name in package:
            comments += _empty(root(name))
    notes.append(f"perubahan terlacak diterima: {changes} tanda; komentar dan jejaknya dihapus: {comments}")
    notes += _properties(package, root)
    notes += _sweep(package, root, texts)
    return notes


def _accept_changes(tree) -> int:
    count = 0
    for row in list(tree.iter(w("tr"))):
        tr_pr = row.find(w("trPr"))
        if tr_pr is not None and tr_pr.find(w("del")) is not None and row.getparent() is not None:
            row.getparent().remove(row)
            count += 1
    for tag in REMOVE:
        for el in list(tree.iter(w(tag))):
            if el.getparent() is not None:
                el.getparent().remove(el)
                count += 1
    for tag in UNWRAP:
        for el in list(tree.iter(w(tag))):
            _unwrap(el)
            count += 1
    return count


def _unwrap(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def _remove_comment_anchors(tree) -> int:
    count = 0
    for ref in list(tree.iter(w("commentReference"), w("annotationRef"))):
        run = ref.getparent()
        run.remove(ref)
        if run.tag == w("r") and all(c.tag == w("rPr") for c in run) and run.getparent() is not None:
            run.getparent().remove(run)
        count += 1
    return count


def _empty(tree) -> int:
    n = len(tree)
    for child in list(tree):
        tree.remove(child)
    return n


def _properties(package: dict[str, bytes], root) -> list[str]:
    notes = []
    if "docProps/core.xml" in package:
        core = root("docProps/core.xml")
        n = _empty(core)
        notes.append(f"properti inti (penulis, judul, tanggal, revisi) dikosongkan: {n} isian")
    if "docProps/app.xml" in package:
        app = root("docProps/app.xml")
        gone = [c for c in app if etree.QName(c).localname in APP_DROP]
        for c in gone:
            app.remove(c)
        if gone:
            notes.append("properti aplikasi dihapus: " + ", ".join(etree.QName(c).localname for c in gone))
    if "docProps/custom.xml" in package:
        n = _empty(root("docProps/custom.xml"))
        notes.append(f"properti kustom dihapus: {n}")
    custom = [n for n in package if n.startswith("customXml/item") and n.endswith(".xml") and "Props" not in n]
    for name in custom:
        tree = root(name)
        _empty(tree)
        tree.text = None
    if custom:
        notes.append(f"data XML kustom dikosongkan: {len(custom)} bagian")
    if "word/settings.xml" in package:
        settings = root("word/settings.xml")
        gone = [c for c in settings if etree.QName(c).localname in SETTINGS_DROP]
        for c in gone:
            settings.remove(c)
        if gone:
            notes.append("dari pengaturan dokumen dihapus: " + ", ".join(etree.QName(c).localname for c in gone))
    notes += _drop_thumbnail(package, root)
    return notes


def _drop_thumbnail(package: dict[str, bytes], root) -> list[str]:
    if "_rels/.rels" not in package:
        return []
    rels = root("_rels/.rels")
    dropped = []
    for rel in list(rels):
        if rel.get("Type", "").endswith("/thumbnail"):
            target = rel.get("Target", "").lstrip("/")
            rels.remove(rel)
            package.pop(target, None)
            dropped.append(target)
    if dropped and "[Content_Types].xml" in package:
        types = root("[Content_Types].xml")
        for el in list(types):
            if el.get("PartName", "").lstrip("/") in dropped:
                types.remove(el)
    return [f"gambar mini dokumen (thumbnail halaman pertama) dihapus: {', '.join(dropped)}"] if dropped else []


def _sweep(package: dict[str, bytes], root, texts: list[str]) -> list[str]:
    """Hidden copies of redacted strings: attributes that hold words, and field codes."""
    from reviewer.redact.extractors import text_attributes
    from reviewer.redact.verify import Haystack, Matcher, Needle

    needles = list({n.key: n for n in (Needle.of(t) for t in texts) if n}.values())
    if not needles:
        return []
    matcher = Matcher(needles)

    def found(value: str) -> bool:
        return any(Haystack(value).counts(matcher).values())

    hits = 0
    for name in [n for n in package if n.endswith((".xml", ".rels"))]:
        for el in root(name).iter():
            if not isinstance(el.tag, str):
                continue
            for key, value in text_attributes(el):
                if found(value):
                    el.set(key, "#" if etree.QName(key).localname == "Target" else "")
                    hits += 1
            if el.tag in (w("instrText"), w("delInstrText")) and el.text and found(el.text):
                el.text = ""
                hits += 1
    return [f"salinan tersembunyi teks dihitamkan (teks alternatif, kode field, tautan) dibersihkan: {hits}"] if hits \
        else []


def redact_images(package: dict[str, bytes], roots: dict, images: dict, settings, parse) -> list[str]:
    """Replace each decided image by a black picture of the same size with the label on it."""
    if not images:
        return []
    from reviewer.redact.labels import box_label

    for name, decision in images.items():
        package[name] = _black(package[name], box_label(decision.basis, settings), name)
    cleared = 0
    for rels_name in [n for n in package if n.endswith(".rels") and "/_rels/" in "/" + n]:
        folder = posixpath.dirname(posixpath.dirname(rels_name))
        part = posixpath.join(folder, posixpath.basename(rels_name)[: -len(".rels")])
        if part not in package or not part.endswith(".xml"):
            continue
        rels = roots.get(rels_name)
        rels = rels if rels is not None else etree.fromstring(package[rels_name])
        ids = {r.get("Id", "") for r in rels
               if posixpath.normpath(posixpath.join(folder, r.get("Target", ""))) in images} - {""}
        if not ids:
            continue
        if part not in roots:
            roots[part] = parse(package, part)
        cleared += _clear_alt_text(roots[part], ids)
    return [f"gambar dihitamkan utuh: {len(images)}; teks alternatifnya dihapus: {cleared}"]


def _clear_alt_text(tree, ids: set[str]) -> int:
    count = 0
    for blip in tree.iter(f"{{{A}}}blip"):
        if blip.get(f"{{{R}}}embed") not in ids:
            continue
        holder = next((a for a in blip.iterancestors() if a.tag in (f"{{{WP}}}inline", f"{{{WP}}}anchor")), None)
        doc_pr = holder.find(f"{{{WP}}}docPr") if holder is not None else None
        if doc_pr is not None:
            for key in ("descr", "title"):
                if key in doc_pr.attrib:
                    del doc_pr.attrib[key]
                    count += 1
    return count


def _black(data: bytes, label: str, name: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

    from reviewer.core.errors import RedactionError

    try:
        with Image.open(io.BytesIO(data)) as img:
            size, fmt = img.size, img.format
    except (UnidentifiedImageError, OSError) as exc:
        raise RedactionError(f"gambar '{name}' berformat yang tidak dapat diganti (mis. EMF/WMF); "
                             "hapus gambar itu di Word / image format cannot be replaced") from exc
    black = Image.new("RGB", size, (0, 0, 0))
    font = ImageFont.load_default(size=max(10, min(size[1] // 3, size[0] // (len(label) + 2))))
    draw = ImageDraw.Draw(black)
    draw.text((size[0] / 2, size[1] / 2), label, fill=(255, 255, 255), font=font, anchor="mm")
    out = io.BytesIO()
    black.save(out, format=fmt if fmt in ("PNG", "JPEG", "GIF", "BMP", "TIFF") else "PNG")
    return out.getvalue()


def embedded_warnings(package: dict[str, bytes]) -> list[str]:
    embedded = [n for n in package if n.startswith("word/embeddings/")]
    if not embedded:
        return []
    return [f"dokumen memuat {len(embedded)} objek tertanam ({', '.join(embedded[:3])}) yang isinya TIDAK "
            "diperiksa; hapus atau periksa sendiri sebelum dipublikasikan"]
