"""Independent ways of reading a file back, for verification.

Each reader returns the whole text of a file as one extractor sees it. They are deliberately
different code paths (pdfminer/pdfplumber, MuPDF, poppler; python-docx, raw XML; our text
decoder and plain bytes) so that one library's blind spot is another's catch.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable

PDFTOTEXT_TIMEOUT = 120


def text_readers(kind: str) -> dict[str, Callable[[str], str]]:
    """name -> callable(path) -> str, for the visible text of a file of this kind."""
    if kind == "pdf":
        readers: dict[str, Callable[[str], str]] = {"pdfplumber": _plumber_text, "PyMuPDF": _pymupdf_text}
        if shutil.which("pdftotext"):
            readers["pdftotext"] = _pdftotext
        return readers
    if kind == "docx":
        return {"python-docx": _python_docx_text, "reviewer (lxml)": _reviewer_text}
    if kind in OTHER_READERS:  # the raw parts are searched by `hidden_reader`; shared strings defeat counting
        return {OWN_READER[kind]: _reviewer_text, **OTHER_READERS[kind]}
    if kind in OWN_READER:
        return {OWN_READER[kind]: _reviewer_text, "bita mentah": _raw_text}
    return {"reviewer (teks)": _reviewer_text, "bita mentah": _raw_text}


# The name of our own extractor's reading of each kind (redaction reuses what it already read).
OWN_READER = {"pdf": "pdfplumber", "docx": "reviewer (lxml)", "txt": "reviewer (teks)", "xlsx": "reviewer (openpyxl)",
              "csv": "reviewer (csv)", "ods": "reviewer (lxml ODF)", "odt": "reviewer (lxml ODF)",
              "odp": "reviewer (lxml ODF)",
              "pptx": "reviewer (lxml PPTX)", "html": "reviewer (lxml HTML)"}
PACKAGES = ("xlsx", "ods", "odt", "odp", "pptx")  # zip packages of XML parts, read whole by `_package_everything`


def _openpyxl_text(path: str) -> str:
    """Every cell value, comment, header/footer and defined name, through openpyxl's full reader."""
    from reviewer.extract.xlsx import open_workbook

    wb, _ = open_workbook(path)
    out = []
    for ws in wb.worksheets:
        out.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            out.append("\t".join("" if v is None else str(v) for v in row))
        out += [c.comment.text for c in ws._cells.values() if c.comment is not None]
        for tag in ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"):
            item = getattr(ws, tag)
            out += [getattr(item, side).text or "" for side in ("left", "center", "right")]
    out += [dn.attr_text or "" for dn in wb.defined_names.values()]
    return "\n".join(out)


def _odf_paragraphs(path: str) -> str:
    """Every paragraph of content.xml and styles.xml, found by tag alone (no table walking)."""
    from lxml import etree

    from reviewer.extract.ods import TEXT, paragraph_text
    from reviewer.extract.safety import SAFE_PARSER

    out = []
    with zipfile.ZipFile(path) as zf:
        for name in ("content.xml", "styles.xml"):
            if name in zf.namelist():
                root = etree.fromstring(zf.read(name), SAFE_PARSER)
                out += [paragraph_text(p) for p in root.iter(f"{{{TEXT}}}p", f"{{{TEXT}}}h")]
    return "\n".join(out)


def _python_pptx_text(path: str) -> str:
    """Every text frame, table cell and notes page through python-pptx's own API."""
    import pptx

    out = []
    for slide in pptx.Presentation(path).slides:
        shapes = list(slide.shapes) + (list(slide.notes_slide.shapes) if slide.has_notes_slide else [])
        while shapes:
            shape = shapes.pop(0)
            if shape.shape_type == 6:  # a group: its shapes
                shapes += list(shape.shapes)
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                out += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(out)


def _stdlib_html_text(path: str) -> str:
    """Text and readable attributes through Python's own html.parser (not lxml)."""
    from html.parser import HTMLParser

    from reviewer.extract.html import ATTRIBUTES
    from reviewer.extract.text import decode

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style")
            self.out += [v for k, v in attrs if v and k in ATTRIBUTES + ("content", "value")]

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style") and self.skip > 0

        def handle_data(self, data):
            if not self.skip:
                self.out.append(data)

    with open(path, "rb") as fh:
        reader = Reader()
        reader.feed(decode(fh.read())[0])
    return "\n".join(reader.out)


OTHER_READERS = {"xlsx": {"openpyxl (penuh)": _openpyxl_text}, "ods": {"paragraf ODF": _odf_paragraphs},
                 "odt": {"paragraf ODF": _odf_paragraphs}, "odp": {"paragraf ODF": _odf_paragraphs},
                 "pptx": {"python-pptx": _python_pptx_text},
                 "html": {"html.parser": _stdlib_html_text, "bita mentah": lambda path: _raw_text(path)}}


def hidden_reader(kind: str):
    """A reader of everything stored in the file, visible or not (decompressed), as separate chunks."""
    if kind in PACKAGES:
        return _package_everything
    return {"pdf": _pdf_everything, "docx": _docx_everything}.get(kind, _raw_chunks)


MEDIA = ("xl/media/", "ppt/media/", "word/media/", "Pictures/", "Thumbnails/")
# Attributes that only lay out cells and styles; their numbers are noise next to cell values.
LAYOUT_ATTRIBUTES = {"r", "s", "t", "spans", "ht", "customHeight", "dyDescent", "width", "min", "max", "count",
                     "uniqueCount", "sheetId", "id", "Id", "fontId", "fillId", "borderId", "xfId", "numFmtId",
                     "rgb", "theme", "tint", "sz", "val", "style", "customWidth", "outlineLevel", "topLeftCell",
                     "activeCell", "sqref", "tabSelected", "zoomScale", "windowWidth", "windowHeight", "xWindow",
                     "yWindow", "activeTab", "indexed", "defaultRowHeight", "baseColWidth", "lastEdited",
                     "lowestEdited", "rupBuild", "appName", "codeName", "left", "right", "top", "bottom",
                     "header", "footer", "x", "y", "cx", "cy"}


def _package_everything(path: str) -> list[str]:
    """Each part of a zip package of XML (XLSX, ODF, PPTX) as one chunk: every text node and every
    attribute that is not cell or style layout; other parts (not pictures) as decoded bytes."""
    from lxml import etree

    from reviewer.extract.safety import SAFE_PARSER

    chunks = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith(MEDIA) or name.endswith("/"):
                continue
            data = zf.read(name)
            if not name.endswith((".xml", ".rels", ".vml")):
                chunks.append(_decode_bytes(data))
                continue
            try:
                root = etree.fromstring(data, SAFE_PARSER)
            except etree.XMLSyntaxError:
                chunks.append(data.decode("utf-8", "replace"))
                continue
            chunks.append(_xml_all(root))
    return chunks


def _xml_all(root) -> str:
    from lxml import etree

    out = []
    for el in root.iter():
        if el.text and el.text.strip():
            out.append(el.text)
        if el.tail and el.tail.strip():
            out.append(el.tail)
        if isinstance(el.tag, str):
            out += [v for k, v in el.attrib.items() if etree.QName(k).localname not in LAYOUT_ATTRIBUTES]
    return "\n".join(out)


def _reviewer_text(path: str) -> str:
    from reviewer.extract import extract

    return "\n".join(p.text for p in extract(path).pages)


def _plumber_text(path: str) -> str:
    """Our own reader on its pdfplumber engine (pdfminer), whatever engine the scan used."""
    from reviewer.extract import extract

    return "\n".join(p.text for p in extract(path, pdf_engine="pdfplumber").pages)


def _pymupdf_text(path: str) -> str:
    import fitz

    with fitz.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


def _pdftotext(path: str) -> str:
    out = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", path, "-"], capture_output=True,
                         timeout=PDFTOTEXT_TIMEOUT, check=False)
    return out.stdout.decode("utf-8", "replace")


def _pdf_everything(path: str) -> list[str]:
    """Every string the PDF stores, object by object: string literals of dictionaries and content
    streams (decoded), XML/JavaScript/attachment streams whole. Font and image data are skipped;
    coordinates are never glued to text, so numbers cannot match by accident."""
    import fitz

    chunks = []
    with fitz.open(path) as doc:
        chunks += _pdf_strings(doc.pdf_trailer())
        for xref in range(1, doc.xref_length()):
            try:
                source = doc.xref_object(xref, compressed=False)
                chunks += _pdf_strings(source)
                if doc.xref_is_stream(xref):
                    chunks += _stream_chunks(source, doc.xref_stream(xref) or b"")
            except Exception as exc:  # an unreadable object is itself worth a look
                chunks.append(f"<xref {xref}: {exc}>")
    return chunks


_LITERAL = re.compile(rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]+>")


def _pdf_strings(source: str | bytes) -> list[str]:
    """The string literals of a piece of PDF syntax, decoded, as one chunk."""
    data = source.encode("latin-1", "replace") if isinstance(source, str) else source
    text = " ".join(_decode_literal(m.group()) for m in _LITERAL.finditer(data))
    return [text] if text.strip() else []


def _decode_literal(token: bytes) -> str:
    if token.startswith(b"<"):
        digits = re.sub(rb"\s", b"", token[1:-1]).decode()
        raw = bytes.fromhex(digits + "0" * (len(digits) % 2))
    else:
        raw = re.sub(rb"\\([\\()])", rb"\1", token[1:-1])
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("latin-1")


def _stream_chunks(source: str, data: bytes) -> list[str]:
    if re.search(r"/Subtype\s*/Image|/FontFile|/Length1|/Subtype\s*/(Type1C|CIDFontType0C|OpenType)", source):
        return []
    if re.search(r"/Type\s*/(Metadata|EmbeddedFile)|/JS\b|/Subtype\s*/XML", source):
        return [_decode_bytes(data)]
    return _pdf_strings(data)  # content streams and anything else: their string literals


def _decode_bytes(data: bytes) -> str:
    text = data.decode("latin-1")
    if data.count(b"\x00") > len(data) // 4:  # UTF-16 strings in metadata or fonts
        text += "\n" + data.decode("utf-16-be", "ignore") + "\n" + data.decode("utf-16-le", "ignore")
    return text


def _python_docx_text(path: str) -> str:
    import docx

    document = docx.Document(path)
    out: list[str] = []
    _blocks(document, out)
    for section in document.sections:
        for hf in (section.header, section.first_page_header, section.even_page_header,
                   section.footer, section.first_page_footer, section.even_page_footer):
            if not hf.is_linked_to_previous:
                _blocks(hf, out)
    comments = getattr(document, "comments", None)
    for comment in comments or ():
        out.append(comment.text)
    # python-docx has no API for footnotes, endnotes or text boxes: read their paragraphs' runs.
    for part in document.part.package.iter_parts():
        if part.partname.endswith(("footnotes.xml", "endnotes.xml")):
            out.append(_paragraph_texts(part.blob))
    out.append(_paragraph_texts(document.part.blob, textboxes_only=True))
    return "\n".join(out)


def _blocks(container, out: list[str]) -> None:
    for p in container.paragraphs:
        out.append(p.text)
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                _blocks(cell, out)


def _paragraph_texts(blob: bytes, textboxes_only: bool = False) -> str:
    from docx.oxml import parse_xml
    from docx.text.paragraph import Paragraph

    from reviewer.extract.docx import W

    root = parse_xml(blob)
    paragraphs = root.iter(f"{{{W}}}p")
    if textboxes_only:
        paragraphs = (p for box in root.iter(f"{{{W}}}txbxContent") for p in box.iter(f"{{{W}}}p"))
    # a bare paragraph element (lxml, not python-docx's CT_P class) with no story part: only its text is read
    return "\n".join(Paragraph(p, None).text for p in paragraphs)  # type: ignore[arg-type]


TEXT_ATTRIBUTES = ("descr", "title", "Target", "instr", "string", "alt", "displayText", "value")
NAMED = {"name": ("docPr", "cNvPr", "docVar"), "val": ("alias", "tag", "docVar")}


def text_attributes(el) -> list[tuple[str, str]]:
    """The attributes of an OOXML element that can hold words (alt text, link targets, field
    codes, WordArt, content-control titles, document variables), not numbers and style codes."""
    from lxml import etree

    out = []
    for key, value in el.attrib.items():
        name = etree.QName(key).localname
        if name in TEXT_ATTRIBUTES or (name in NAMED and etree.QName(el).localname in NAMED[name]):
            out.append((key, value))
    return out


def _docx_everything(path: str) -> list[str]:
    """Every part of the package: each paragraph's text (deleted text and field codes included),
    other elements' text, and attributes that hold words (alt text, link targets, field codes)."""
    from lxml import etree

    chunks = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if not name.endswith((".xml", ".rels")):
                if not name.startswith("word/media/"):
                    chunks.append(_decode_bytes(data))
                continue
            try:
                root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
            except etree.XMLSyntaxError:
                chunks.append(data.decode("utf-8", "replace"))
                continue
            chunks += _xml_chunks(root)
    return chunks


def _xml_chunks(root) -> list[str]:
    from reviewer.extract.docx import W

    paragraph = f"{{{W}}}p"
    out = ["".join(p.itertext()) for p in root.iter(paragraph)]
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.text and el.text.strip() and not el.tag.startswith(f"{{{W}}}"):
            out.append(el.text)
        out += [v for _, v in text_attributes(el)]
    return out


def _raw_chunks(path: str) -> list[str]:
    return [_raw_text(path)]


def _raw_text(path: str) -> str:
    with open(path, "rb") as fh:
        data = fh.read()
    return data.decode("utf-8", "ignore") + "\n" + data.decode("cp1252", "ignore")
