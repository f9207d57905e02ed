"""A corpus of hostile and broken inputs, generated (never downloaded), with the expected outcome.

    python tests/hostile/corpus.py OUTDIR     # write the files to look at them

Each case is (file name, bytes, expectation). An expectation is either
`Error("words")`: the scan reports a clear error for that file containing one of the words, or
`Ok(check)`: the scan succeeds and `check(rows)` holds for its JSON rows.
"""

from __future__ import annotations

import functools
import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NIK = "3209125204950003"


@dataclass(frozen=True)
class Error:
    words: tuple[str, ...]


@dataclass(frozen=True)
class Ok:
    check: Callable[[list[dict]], bool]
    why: str


def finds(text: str) -> Ok:
    return Ok(lambda rows: any(text in r.get("text", "") for r in rows), f"finds {text!r}")


def no_error() -> Ok:
    return Ok(lambda rows: all("error" not in r for r in rows), "no error")


# ---------------------------------------------------------------- PDF

def pdf_bytes(text: str = f"Pemohon NIK {NIK}", **save) -> bytes:
    import fitz

    doc = fitz.open()
    doc.new_page().insert_text((72, 100), text, fontsize=11)
    return doc.tobytes(**save)


def pdf_raw(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A hand-built PDF with a correct xref, for structures PyMuPDF would refuse to write."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def text_page_objects(text: str, mediabox: bytes = b"[0 0 595 842]") -> list[bytes]:
    stream = b"BT /F1 11 Tf 72 700 Td (" + text.encode("latin-1") + b") Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox + b" /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def pdf_cases() -> list[tuple[str, bytes, object]]:
    import fitz

    good = pdf_bytes()
    js = fitz.open("pdf", good)
    js.set_metadata({"author": "x"})
    xref = js.get_new_xref()
    js.update_object(xref, "<< /Type /Action /S /JavaScript /JS (app.alert('x');) >>")
    js.xref_set_key(js.pdf_catalog(), "OpenAction", f"{xref} 0 R")
    attach = fitz.open("pdf", good)
    attach.embfile_add("lampiran.txt", f"NIK tersembunyi {NIK}".encode(), filename="lampiran.txt")
    enc_user = fitz.open("pdf", good).tobytes(encryption=fitz.PDF_ENCRYPT_AES_256, owner_pw="o", user_pw="u")
    enc_owner = fitz.open("pdf", good).tobytes(encryption=fitz.PDF_ENCRYPT_AES_128, owner_pw="o", user_pw="")
    nested = b"[" * 50000 + b"]" * 50000
    deep = text_page_objects(f"NIK {NIK}")
    deep[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Deep " + nested + b" >>"
    broken_xref = bytearray(pdf_raw(text_page_objects(f"NIK {NIK}")))
    at = broken_xref.rfind(b"xref\n")
    broken_xref[at + 30:at + 60] = b"9" * 30  # garble the offsets table
    no_pages = pdf_raw([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    loop = pdf_raw([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])
    return [
        ("truncated.pdf", good[: len(good) // 2], Error(("rusak", "corrupt", "halaman"))),
        ("broken-xref.pdf", bytes(broken_xref), finds(NIK)),
        ("encrypted-user-password.pdf", enc_user, Error(("kata sandi", "password"))),
        ("encrypted-owner-only.pdf", enc_owner, finds(NIK)),
        ("huge-page.pdf", pdf_raw(text_page_objects(f"NIK {NIK}", b"[0 0 14400 14400]")), finds(NIK)),
        ("huge-mediabox-overflow.pdf", pdf_raw(text_page_objects(f"NIK {NIK}", b"[0 0 99999999 99999999]")),
         no_error()),
        ("invalid-mediabox.pdf", pdf_raw(text_page_objects(f"NIK {NIK}", b"[0 0 1e30 1e30]")), Error(("rusak",))),
        ("deep-nesting.pdf", pdf_raw(deep), Ok(lambda rows: len(rows) >= 1, "answers")),
        ("javascript.pdf", js.tobytes(), finds(NIK)),
        ("embedded-file.pdf", attach.tobytes(), Ok(lambda rows: any(r.get("label") == "UNREADABLE" or
                                                                     NIK in r.get("text", "") for r in rows),
                                                   "finds the page text")),
        ("no-pages.pdf", no_pages, Error(("tidak berisi halaman", "no pages"))),
        ("page-tree-loop.pdf", loop, Error(("rusak", "corrupt", "halaman"))),
        ("header-then-garbage.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 64, Error(("rusak", "corrupt"))),
        ("only-header.pdf", b"%PDF-1.7\n", Error(("rusak", "corrupt"))),
        ("pdf-zip-polyglot.pdf", good + _zip({"word/document.xml": b"<x/>"}), finds(NIK)),
    ]


# ---------------------------------------------------------------- DOCX

def docx_bytes(body_text: str = f"Pemohon NIK {NIK}") -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(body_text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _zip(members: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", level) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _docx_members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _with(**changes: bytes | None) -> bytes:
    members = _docx_members()
    for name, data in changes.items():
        name = name.replace("__", "/").replace("_DOT_", ".")
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    return _zip(members)


def docx_cases() -> list[tuple[str, bytes, object]]:
    members = _docx_members()
    doc_xml = members["word/document.xml"].decode()
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
              + "]>" + doc_xml.split("?>", 1)[1].replace(NIK, "&i;"))
    xxe = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           + doc_xml.split("?>", 1)[1].replace(NIK, "&x;"))
    rels = members["word/_rels/document.xml.rels"].decode().replace(
        "</Relationships>", '<Relationship Id="rIdExt" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/attachedTemplate" Target="http://192.0.2.1/template.dotm" TargetMode="External"/>'
        "</Relationships>")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr("word/media/bomb.bin", b"\0" * (64 * 1024 * 1024))
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for i in range(6000):
            zf.writestr(f"customXml/item{i}.bin", b"")
    nested_tables = doc_xml.replace(
        "<w:body>", "<w:body>" + "<w:tbl><w:tr><w:tc>" * 400 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 400)
    return [
        ("zip-bomb-ratio.docx", bomb.getvalue(), Error(("bom zip", "zip bomb"))),
        ("zip-bomb-entries.docx", many.getvalue(), Error(("berkas di dalamnya", "too many"))),
        ("billion-laughs.docx", _with(word__document_DOT_xml=laughs.encode()), Error(("DTD", "entitas"))),
        ("xxe.docx", _with(word__document_DOT_xml=xxe.encode()), Error(("DTD", "entitas"))),
        ("external-relationship.docx", _with(word___rels__document_DOT_xml_DOT_rels=rels.encode()), finds(NIK)),
        ("docx-named.pdf", docx_bytes(), finds(NIK)),
        ("zip-without-document.docx", _zip({"hello.txt": b"hi"}), Error(("tidak didukung", "unsupported"))),
        ("broken-xml.docx", _with(word__document_DOT_xml=b"<w:document><w:body><w:p>"), Error(("rusak", "corrupt"))),
        ("no-content-types.docx", _with(**{"[Content_Types]_DOT_xml": None}), Error(("rusak", "corrupt"))),
        ("ole-encrypted.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000,
         Error(("terenkripsi", "encrypted", "lama", "legacy"))),
        ("nested-tables.docx", _with(word__document_DOT_xml=nested_tables.encode()),
         Error(("bersarang", "nested"))),
        ("truncated.docx", docx_bytes()[:3000], Error(("rusak", "corrupt"))),
    ]


# ---------------------------------------------------------------- text, images, names

def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    data = zlib.compress(b"\0" * 100)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
            + struct.pack(">I", len(data)) + b"IDAT" + data + struct.pack(">I", zlib.crc32(b"IDAT" + data))
            + struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND")))


def small_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (200, 100), 255).save(buf, format="PNG")
    return buf.getvalue()


def other_cases() -> list[tuple[str, bytes, object]]:
    backtrack = ("Alamat: Jl. " + "Aa " * 4000 + "\n" + "Nama : " + "A" * 20000 + "\n"
                 + "RT " + "1/" * 3000 + "\n" + "0" * 100000 + "\n" + "1." * 50000 + f"\nNIK {NIK}\n")
    unicode_tricks = (f"Nama\u200b: Sit\u0131 Am\u0308inah\u202e\nNIK\u00a0:\u00a0{NIK}\n"
                      "\ufeff\u2028\u2029 teks Arab مرحبا dan 日本語\n")
    return [
        ("empty.txt", b"", Error(("kosong", "empty"))),
        ("nul-bytes.txt", b"NIK\0\0\0" + bytes(range(32)) * 100, Error(("tidak didukung", "unsupported", "biner"))),
        ("utf16-bom.txt", f"NIK {NIK}\n".encode("utf-16"), finds(NIK)),
        ("regex-backtracking.txt", backtrack.encode(), finds(NIK)),
        ("unicode-tricks.txt", unicode_tricks.encode(), finds(NIK)),
        ("giant-image.png", png_header(100000, 100000), Error(("terlalu besar", "oversized", "rusak"))),
        ("truncated-image.png", small_png()[:60], Error(("rusak", "corrupt"))),
        ("image-named.txt", small_png(), Ok(lambda rows: any(r.get("label") == "UNREADABLE" for r in rows)
                                             or all("error" not in r for r in rows), "read as an image")),
        ("..%2F..%2Fetc%2Fpasswd.txt", f"NIK {NIK}".encode(), finds(NIK)),
        ("surat \u202eftp.exe \u65e5\u672c \u00f1.txt", f"NIK {NIK}".encode(), finds(NIK)),
        ("new\nline.txt", f"NIK {NIK}".encode(), finds(NIK)),
    ]


# ---------------------------------------------------------------- spreadsheets

def xlsx_bytes(value: str = NIK) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["No", "NIK", "Nama"])
    wb.active.append([1, value, "Ayu Lestari"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsx_with(name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes())) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[name] = data
    return _zip(members)


def _ods(content: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
    return buf.getvalue()


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def sheet_cases() -> list[tuple[str, bytes, object]]:
    laughs = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
              + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&i;</t></si></sst>')
    ods_laughs = laughs.replace("DOCTYPE sst", "DOCTYPE office:document-content").split("]>")[0] + "]>" + (
        f"<office:document-content {ODS_NS}><office:body><office:spreadsheet/></office:body>"
        "</office:document-content>")
    repeat_bomb = (f'<office:document-content {ODS_NS}><office:body><office:spreadsheet><table:table table:name="A">'
                   '<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
                   'table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
                   "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
                   "</office:document-content>")
    encrypted = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000 + "EncryptedPackage".encode("utf-16-le")
                 + b"\0" * 3000)
    return [
        ("bansos.xlsx", xlsx_bytes(), finds(NIK)),
        ("bansos.csv", f"No;NIK;Nama\n1;{NIK};Ayu\n".encode(), finds(NIK)),
        ("zip-bomb-ratio.xlsx", _xlsx_with("xl/media/bomb.bin", b"\0" * (64 * 1024 * 1024)),
         Error(("bom zip", "zip bomb"))),
        ("billion-laughs.xlsx", _xlsx_with("xl/sharedStrings.xml", laughs.encode()), Error(("DTD", "entitas"))),
        ("billion-laughs.ods", _ods(ods_laughs), Error(("DTD", "entitas"))),
        ("repeat-bomb.ods", _ods(repeat_bomb), Error(("bom", "repeated"))),
        ("password.xlsx", encrypted, Error(("sandi", "password"))),
        ("garbage.xlsx", bytes(range(256)) * 64, Error(("tidak didukung", "unsupported"))),
        ("garbage-zip.xlsx", b"PK\x03\x04" + bytes(range(256)) * 16, Error(("rusak", "corrupt"))),
        ("binary.csv", b"NIK;\0\0\0" + bytes(range(32)) * 100, Error(("biner", "binary"))),
        ("line-100mb.csv", b"NIK;" + b"1234567890" * (10 * 1024 * 1024), Error(("baris", "line"))),
        ("truncated.xlsx", xlsx_bytes()[:2000], Error(("rusak", "corrupt"))),
    ]


# ---------------------------------------------------------------- ODT, PPTX, HTML, legacy Office

ODT_NS = ODS_NS + ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
ODP_NS = ODT_NS + ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'


def _odt(content: str, extra: dict[str, bytes] | None = None, media: str = "text") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{media}",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def odt_letter(text: str = f"Pemohon NIK {NIK}") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}><office:body><office:text>'
            f"<text:p>{text}</text:p></office:text></office:body></office:document-content>")


def odp_slides(text: str = f"Pemohon NIK {NIK}") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODP_NS}><office:body>'
            f'<office:presentation><draw:page draw:name="page1"><draw:frame><draw:text-box><text:p>{text}</text:p>'
            "</draw:text-box></draw:frame></draw:page></office:presentation></office:body></office:document-content>")


def pptx_bytes(text: str = f"Pemohon NIK {NIK}") -> bytes:
    import pptx

    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = text
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _pptx_with(name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(pptx_bytes())) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[name] = data
    return _zip(members)


def document_cases() -> list[tuple[str, bytes, object]]:
    dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    slide_laughs = dtd + '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">&b;</p:sld>'
    ole_doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 4000
    deep = "<html><body>" + "<div>" * 5000 + f"NIK {NIK}" + "</div>" * 5000 + "</body></html>"
    return [
        ("surat.odt", _odt(odt_letter()), finds(NIK)),
        ("rapat.pptx", pptx_bytes(), finds(NIK)),
        ("berita.html", f"<!DOCTYPE html><html><body><p>Pemohon <b>NIK</b> {NIK}</p></body></html>".encode(),
         finds(NIK)),
        ("zip-bomb.odt", _odt(odt_letter(), {"Pictures/bomb.bin": b"\0" * (64 * 1024 * 1024)}),
         Error(("bom zip", "zip bomb"))),
        ("billion-laughs.odt", _odt(dtd + odt_letter().split("?>", 1)[1]), Error(("DTD", "entitas"))),
        ("rapat.odp", _odt(odp_slides(), media="presentation"), finds(NIK)),
        ("zip-bomb.odp", _odt(odp_slides(), {"Pictures/bomb.bin": b"\0" * (64 * 1024 * 1024)}, "presentation"),
         Error(("bom zip", "zip bomb"))),
        ("billion-laughs.odp", _odt(dtd + odp_slides().split("?>", 1)[1], media="presentation"),
         Error(("DTD", "entitas"))),
        ("garbage.odp", bytes(range(256)) * 64, Error(("tidak didukung", "unsupported"))),
        ("garbage-zip.odp", b"PK\x03\x04" + bytes(range(256)) * 16, Error(("rusak", "corrupt"))),
        ("zip-bomb.pptx", _pptx_with("ppt/media/bomb.bin", b"\0" * (64 * 1024 * 1024)), Error(("bom zip", "zip bomb"))),
        ("billion-laughs.pptx", _pptx_with("ppt/slides/slide1.xml", slide_laughs.encode()), Error(("DTD", "entitas"))),
        ("garbage-zip.pptx", b"PK\x03\x04" + bytes(range(256)) * 16, Error(("rusak", "corrupt"))),
        ("truncated.pptx", pptx_bytes()[:3000], Error(("rusak", "corrupt"))),
        ("deep.html", deep.encode(), Error(("bersarang", "nested"))),
        ("huge.html", b"<html><body><p>" + b"x" * (60 * 1024 * 1024) + b"</p></body></html>",
         Error(("terlalu besar", "too large"))),
        ("garbage.doc", ole_doc, Error(("LibreOffice",))),
    ]


@functools.cache  # built once per process (about 3 s): both hostile test files collect it, on every xdist worker
def cases() -> tuple[tuple[str, bytes, object], ...]:
    return tuple(pdf_cases() + docx_cases() + other_cases() + sheet_cases() + document_cases())


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    out.mkdir(parents=True, exist_ok=True)
    for name, data, _ in cases():
        (out / name).write_bytes(data)
    print(f"{len(cases())} cases written to {out}")
