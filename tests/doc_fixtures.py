"""Generated letters, slides and web pages for the ODT, PPTX and HTML tests (no office suite needed).

Each holds the same private data in several places (body text split over styled runs, a table
with a NIK column, alt text, a comment or HTML comment, document properties) and the agency's own
contact, which must stay.
"""

from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

from tests.sheet_fixtures import AGENCY_PHONE, recipients

PEOPLE = recipients(4, seed=11)
P = PEOPLE[0]
AGENCY = f"PPID Dinas Sosial Kabupaten Bandung, telepon {AGENCY_PHONE}"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def _odt_table() -> str:
    head = "".join(f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
                   for h in ("No", "NIK", "Nama", "No. HP"))
    rows = "".join("<table:table-row>" + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
        for v in (i, p.nik, p.name, p.phone)) + "</table:table-row>" for i, p in enumerate(PEOPLE[1:], start=1))
    return f'<table:table table:name="Tabel1"><table:table-row>{head}</table:table-row>{rows}</table:table>'


def write_odt(path, parts: dict[str, str] | None = None) -> None:
    """An ODT letter: styled runs, spaces as text:s, a table, a comment, a footer, alt text."""
    body = (f"<text:h>Surat Keterangan</text:h>"
            f'<text:p>Yang bertanda tangan di bawah ini menerangkan bahwa <text:span text:style-name="T1">'
            f"{P.name}</text:span>, NIK<text:s text:c=\"2\"/>{P.nik}, beralamat di {P.address}, nomor HP "
            f"{P.phone}.<office:annotation><dc:creator>staf</dc:creator><text:p>cek lagi {PEOPLE[3].phone}"
            f"</text:p></office:annotation></text:p>"
            f"{_odt_table()}"
            f'<text:p><draw:frame draw:name="foto"><svg:title>Foto {P.name}</svg:title></draw:frame>'
            f"Informasi: {AGENCY}.</text:p>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.2">'
              '<office:master-styles><style:master-page style:name="Standard"><style:footer>'
              f"<text:p>Arsip: {P.name}</text:p></style:footer></style:master-page></office:master-styles>"
              "</office:document-styles>")
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS} office:version="1.2"><office:meta>'
            f"<meta:initial-creator>{P.name}</meta:initial-creator></office:meta></office:document-meta>")
    files = {"content.xml": content, "styles.xml": styles, "meta.xml": meta,
             "META-INF/manifest.xml": _manifest("application/vnd.oasis.opendocument.text"), **(parts or {})}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                    compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            zf.writestr(name, data)


def _manifest(media: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{media}"/></manifest:manifest>')


def write_pptx(path) -> None:
    """A PPTX with a title, a text box split over runs, a table with a NIK column, notes, alt text."""
    import pptx
    from pptx.util import Inches

    prs = pptx.Presentation()
    prs.core_properties.author = P.name
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Rapat Koordinasi Bansos"
    box = slide.shapes.add_textbox(Inches(1), Inches(1.5), Inches(8), Inches(1)).text_frame
    para = box.paragraphs[0]
    for text in ("Penerima: ", P.name, f", NIK {P.nik[:6]}", f"{P.nik[6:]}, HP {P.phone}"):
        para.add_run().text = text
    box.add_paragraph().text = f"Informasi: {AGENCY}"
    shape = slide.shapes.add_table(len(PEOPLE), 3, Inches(1), Inches(3), Inches(8), Inches(2))
    for c, h in enumerate(("NIK", "Nama", "No. HP")):
        shape.table.cell(0, c).text = h
    for r, p in enumerate(PEOPLE[1:], start=1):
        for c, v in enumerate((p.nik, p.name, p.phone)):
            shape.table.cell(r, c).text = v
    shape._element.nvGraphicFramePr.cNvPr.set("descr", f"Tabel penerima, antara lain {PEOPLE[1].name}")
    slide.notes_slide.notes_text_frame.text = f"Hubungi {P.name} di {P.phone} sebelum rapat."
    prs.save(path)


def write_html(path, encoding: str = "utf-8") -> None:
    """A news page: article text with inline markup, a table, alt text, meta tags, a script, a comment."""
    rows = "".join(f"<tr><td>{i}</td><td>{p.nik}</td><td>{p.name}</td><td>{p.phone}</td></tr>"
                   for i, p in enumerate(PEOPLE[1:], start=1))
    page = (f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}"><title>Berita Desa</title>'
            f'<meta name="author" content="{P.name}"><style>p {{ color: #333; }}</style>'
            "<script>var x = 1;</script></head><body>"
            f"<h1>Penyaluran BLT di Desa Sukamaju</h1><p>Bantuan diterima oleh <b>{P.name}</b> (NIK {P.nik}) "
            f"yang dapat dihubungi di {P.phone}. Dana disalurkan pada Senin.</p>"
            f'<img src="a.jpg" alt="Foto {P.name} menerima bantuan">'
            f"<!-- draf: {PEOPLE[3].phone} -->"
            f"<table><tr><th>No</th><th>NIK</th><th>Nama</th><th>No. HP</th></tr>{rows}</table>"
            f"<p>Informasi: {AGENCY}. Kec. Cibod\u00e9s</p></body></html>")
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(page)
