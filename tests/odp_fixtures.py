"""A generated OpenDocument presentation (ODP) as LibreOffice Impress writes one (no office suite needed).

Private data sits in every place a presentation keeps text: a text box split over styled spans,
a table with a NIK column, the alt text and the names of frames, a slide named after a person, a
comment (`officeooo:annotation`), speaker notes, a hidden slide, a footer declaration, the master
slide and the document properties. The agency's own contact must stay.
"""

from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

from tests.doc_fixtures import AGENCY, NS, PEOPLE, _manifest

P = PEOPLE[0]
PHOTOGRAPHER = "Sulastri"  # one word: a frame of that name is not read as text, only swept by the redactor
MEDIA = "application/vnd.oasis.opendocument.presentation"
ODP_NS = NS + (' xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
               ' xmlns:officeooo="http://openoffice.org/2009/office"'
               ' xmlns:xlink="http://www.w3.org/1999/xlink"')


def _box(*paragraphs: str, cls: str = "", name: str = "") -> str:
    attrs = (f' presentation:class="{cls}"' if cls else "") + (f' draw:name="{escape(name)}"' if name else "")
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    return f"<draw:frame{attrs}><draw:text-box>{body}</draw:text-box></draw:frame>"


def _table() -> str:
    def row(values) -> str:
        return "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
            for v in values) + "</table:table-row>"

    rows = row(("NIK", "Nama", "No. HP")) + "".join(row((p.nik, p.name, p.phone)) for p in PEOPLE[1:])
    return (f'<draw:frame draw:name="Tabel {escape(PEOPLE[1].name)}"><table:table table:name="Tabel1">{rows}'
            "</table:table><svg:title>Daftar penerima</svg:title></draw:frame>")


def slides() -> str:
    photo = (f'<draw:frame draw:name="{PHOTOGRAPHER}"><draw:image xlink:href="Pictures/a.png"/>'
             f"<svg:title>Foto {P.name}</svg:title></draw:frame>")
    comment = ("<officeooo:annotation><dc:creator>staf</dc:creator><dc:date>2024-05-01T10:00:00</dc:date>"
               f"<text:p>cek lagi {PEOPLE[3].phone}</text:p></officeooo:annotation>")
    notes = ("<presentation:notes><draw:page-thumbnail/>"
             + _box(f"Hubungi {P.name} di {P.phone} sebelum rapat. Foto: {PHOTOGRAPHER}.", cls="notes")
             + "</presentation:notes>")
    first = (f'<draw:page draw:name="Penerima {escape(P.name)}" draw:style-name="dp1" '
             'presentation:use-footer-name="ftr1">'
             + _box("Rapat Koordinasi Bansos", cls="title")
             + _box(f'Penerima: <text:span text:style-name="T1">{P.name}</text:span>, NIK<text:s text:c="2"/>'
                    f"{P.nik}, HP {P.phone}", f"Informasi: {AGENCY}")
             + photo + comment + notes + "</draw:page>")
    second = '<draw:page draw:name="page2" draw:style-name="dp1">' + _table() + "</draw:page>"
    hidden = ('<draw:page draw:name="page3" draw:style-name="dp2">'
              + _box(f"Cadangan penerima: NIK {PEOPLE[2].nik}") + "</draw:page>")
    return first + second + hidden


def write_odp(path) -> None:
    styles_auto = ('<office:automatic-styles><style:style style:name="dp1" style:family="drawing-page"/>'
                   '<style:style style:name="dp2" style:family="drawing-page"><style:drawing-page-properties '
                   'presentation:visibility="hidden"/></style:style></office:automatic-styles>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODP_NS} office:version="1.3">'
               f"{styles_auto}<office:body><office:presentation>"
               f'<presentation:footer-decl presentation:name="ftr1">Disusun oleh {P.name}</presentation:footer-decl>'
               f"{slides()}</office:presentation></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODP_NS} office:version="1.3">'
              '<office:master-styles><style:master-page style:name="Default">'
              + _box("Dinas Sosial Kabupaten Bandung") + "</style:master-page></office:master-styles>"
              "</office:document-styles>")
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODP_NS} office:version="1.3"><office:meta>'
            f"<meta:initial-creator>{P.name}</meta:initial-creator></office:meta></office:document-meta>")
    files = {"content.xml": content, "styles.xml": styles, "meta.xml": meta, "Pictures/a.png": b"\x89PNG\r\n\x1a\n",
             "Thumbnails/thumbnail.png": b"\x89PNG\r\n\x1a\n", "META-INF/manifest.xml": _manifest(MEDIA)}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MEDIA, compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            zf.writestr(name, data)
