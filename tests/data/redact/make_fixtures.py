"""Build the redaction fixtures in this folder (fictional people and numbers; re-run to refresh).

    python tests/data/redact/make_fixtures.py

Each file hides the same few secrets in the places a redactor must not miss; see README.md.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAME, NIK, PHONE, ACCOUNT = "Ayu Wahyuni", "3374064909620026", "0812-2345-6781", "0001627448985"
OLD_ACCOUNT, EMAIL, WITNESS = "9900112233445566", "ayu.wahyuni@gmail.com", "Budi Santoso"
PUBLIC = "Kantor pelayanan di Jalan Pemuda Nomor 148 Semarang"


def png_with_text(text: str, size=(600, 90)) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", size, (235, 235, 220))
    draw = ImageDraw.Draw(img)
    draw.text((12, 20), text, fill=(20, 20, 20), font=ImageFont.load_default(size=40))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def pdf_layers(path: Path) -> None:
    """Secrets in text, an image (with an invisible OCR-style text layer over it), annotations,
    a form field, a link, metadata, XMP, an attachment, JavaScript, a form XObject, a vector
    signature."""
    import fitz

    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    y = 80
    for line in ("SURAT KETERANGAN", f"Pemohon: {NAME}", f"NIK: {NIK}", PUBLIC, "Kontak pemohon lewat surel."):
        page.insert_text((72, y), line, fontsize=11)
        y += 16
    image_rect = fitz.Rect(72, 200, 372, 245)  # 600 x 90 px at 0.5 pt per pixel
    page.insert_image(image_rect, stream=png_with_text(f"Rek. {ACCOUNT}"))
    # an invisible text layer over the picture, as OCR software writes it (render mode 3): the
    # same width as the painted words, baseline on theirs
    from PIL import ImageFont

    font = ImageFont.load_default(size=40)
    width_pt = font.getlength(f"Rek. {ACCOUNT}") * 0.5
    size = 20 * width_pt / fitz.get_text_length(f"Rek. {ACCOUNT}", "helv", 20)
    baseline = 200 + (20 + font.getmetrics()[0]) * 0.5
    page.insert_text((78, baseline), f"Rek. {ACCOUNT}", fontsize=size, render_mode=3)
    page.insert_text((72, 280), "Tanda tangan pemohon:", fontsize=11)
    shape = page.new_shape()  # a hand-drawn signature as vector paths
    shape.draw_bezier((80, 320), (110, 290), (130, 350), (170, 305))
    shape.draw_bezier((170, 305), (190, 290), (200, 330), (230, 310))
    shape.finish(color=(0, 0, 0.5), width=1.5)
    shape.commit()
    page.add_freetext_annot(fitz.Rect(380, 60, 560, 110), f"Catatan: HP {PHONE} milik {NAME}", fontsize=9)
    page.add_text_annot((560, 130), f"NIK {NIK} sudah dicek")
    widget = fitz.Widget()
    widget.field_name, widget.field_type = "telepon", fitz.PDF_WIDGET_TYPE_TEXT
    widget.field_value, widget.rect = PHONE, fitz.Rect(380, 140, 560, 160)
    page.add_widget(widget)
    page.insert_link({"kind": fitz.LINK_URI, "from": fitz.Rect(72, 140, 250, 152), "uri": f"mailto:{EMAIL}"})

    source = fitz.open()
    src = source.new_page(width=595, height=842)
    src.insert_text((72, 100), f"Saksi: {WITNESS}, NIK {NIK}", fontsize=11)
    src.insert_text((72, 116), "Tempat pemeriksaan: Kantor Kecamatan Candisari", fontsize=11)
    doc.new_page(width=595, height=842).show_pdf_page(fitz.Rect(0, 0, 595, 842), source, 0)

    doc.set_metadata({"title": f"Surat {NAME}", "author": NAME, "subject": f"NIK {NIK}", "keywords": PHONE})
    doc.set_xml_metadata(f'<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf='
                         f'"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description dc="{NIK}"/>'
                         f'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    doc.embfile_add("ktp.txt", f"{NAME} {NIK}".encode(), filename="ktp.txt")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"<</S/JavaScript/JS(app.alert('{NIK}'))>>")
    doc.save(path, deflate=True)


def pdf_revision(path: Path) -> None:
    """An account number in an earlier revision: removed from the page by an incremental save,
    still present in the file's bytes."""
    import fitz

    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), f"Nomor rekening {OLD_ACCOUNT} atas nama {NAME}", fontsize=11)
    page.insert_text((72, 120), PUBLIC, fontsize=11)
    doc.set_metadata({"subject": f"rekening {OLD_ACCOUNT}"})
    doc.save(path, deflate=False)
    doc.close()
    doc = fitz.open(path)
    page = doc[0]
    page.add_redact_annot(page.search_for(OLD_ACCOUNT)[0])
    page.apply_redactions()
    doc.set_metadata({"subject": "surat"})
    doc.saveIncr()


TIGHT = [f"Nama pemohon: {NAME} binti Sarjo", f"NIK:{NIK} berlaku seumur hidup",
         f"Saksi pertama {WITNESS} hadir", PUBLIC, f"Telepon kantor (024) 3513366, HP {PHONE} pribadi",
         "Rapat dimulai pukul 09.00 dan selesai pukul 11.30", f"Rekening {ACCOUNT} dicatat terpisah",
         "Hasil rapat dibacakan kepada para peserta"]


def pdf_tight(path: Path) -> None:
    """Lines set with leading equal to the font size (word boxes overlap), on pages shown at
    0, 90, 180 and 270 degrees."""
    import fitz

    doc = fitz.open()
    for rotation in (0, 90, 180, 270):
        page = doc.new_page(width=595, height=842)
        for i, line in enumerate(TIGHT):
            page.insert_text((60, 90 + i * 10), line, fontsize=10)
        page.set_rotation(rotation)
    doc.save(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXTBOX = (
    '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
    'wordprocessingDrawing" behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" '
    'layoutInCell="1" allowOverlap="1" relativeHeight="2"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom='
    '"column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
    '</wp:posOffset></wp:positionV><wp:extent cx="2540000" cy="508000"/><wp:wrapSquare wrapText="bothSides"/>'
    '<wp:docPr id="50" name="Kotak Teks 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/'
    'main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:cNvSpPr txBox="1"/>'
    '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="508000"/></a:xfrm><a:prstGeom prst="rect">'
    '<a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t xml:space="preserve">HP pemohon '
    f'{PHONE}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
    '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
    'style="width:200pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t xml:space="preserve">HP pemohon '
    f'{PHONE}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>'
    '</w:r>')
TRACKED = (f'<w:p><w:r><w:t xml:space="preserve">Rekening baru: </w:t></w:r><w:ins w:id="90" w:author="{NAME}" '
           f'w:date="2024-01-01T00:00:00Z"><w:r><w:t>{ACCOUNT}</w:t></w:r></w:ins><w:del w:id="91" '
           f'w:author="{NAME}" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{OLD_ACCOUNT}</w:delText></w:r>'
           '</w:del></w:p>')
FIELD = (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
         f'"mailto:{EMAIL}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>'
         f'{EMAIL}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def docx_everywhere(path: Path) -> None:
    """Secrets in header, footer, body runs split by formatting, a table cell of two paragraphs,
    a footnote, a comment, a text box with its mc:Fallback copy, a tracked change (inserted and
    deleted text), a field code, a picture's alt text, and the document properties."""
    import docx
    from docx.shared import Cm

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = f"Dicetak untuk {NAME}"
    d.sections[0].footer.paragraphs[0].text = f"Kontak pemohon {PHONE}"
    d.add_paragraph("SURAT KETERANGAN")
    p = d.add_paragraph("NIK: ")
    p.add_run(NIK[:4])
    p.add_run(NIK[4:9]).bold = True
    p.add_run(NIK[9:] + " (berlaku)")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nama", "Alamat"
    table.cell(1, 0).text = NAME
    cell = table.cell(1, 1)
    cell.text = "Jl. Kalicari Timur No. 74"
    cell.add_paragraph("RT 001/RW 001 Kota Semarang")
    d.add_paragraph(PUBLIC)
    commented = d.add_paragraph("Berkas diperiksa.")
    d.add_comment(commented.runs, text=f"NIK {NIK} sudah cocok", author=f"Pemeriksa {WITNESS}")
    d.add_paragraph("Paragraf dengan catatan kaki")
    d.add_paragraph("KOTAK_TEKS")
    d.add_paragraph("PERUBAHAN")
    d.add_paragraph("FIELD")
    picture = d.add_paragraph().add_run().add_picture(io.BytesIO(png_with_text(f"KTP {NIK}")), width=Cm(8))
    picture._inline.docPr.set("descr", f"Foto KTP {NAME}")
    d.add_paragraph("Ditetapkan di Semarang.")
    d.core_properties.author = NAME
    d.core_properties.title = f"Surat untuk {NAME}"
    d.core_properties.comments = NIK
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_inject(buf.getvalue()))


def _inject(data: bytes) -> bytes:
    """Footnote, text box, tracked change, field, custom properties, custom XML, document variable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    ct = "application/vnd.openxmlformats-officedocument"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if not item.filename.endswith((".xml", ".rels")):
                dst.writestr(item, src.read(item.filename))
                continue
            body = src.read(item.filename).decode("utf-8")
            if item.filename == "[Content_Types].xml":
                body = body.replace("</Types>", f'<Override PartName="/word/footnotes.xml" ContentType="{ct}.'
                                    'wordprocessingml.footnotes+xml"/><Override PartName="/docProps/custom.xml" '
                                    f'ContentType="{ct}.custom-properties+xml"/></Types>')
            elif item.filename == "_rels/.rels":
                body = body.replace("</Relationships>", '<Relationship Id="rIdCustom" Type="http://schemas.'
                                    'openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                                    'Target="docProps/custom.xml"/></Relationships>')
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace("</Relationships>", '<Relationship Id="rIdFn1" Type="http://schemas.'
                                    'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    'Target="footnotes.xml"/></Relationships>')
            elif item.filename.startswith("customXml/item") and "Props" not in item.filename:
                body = f"<pemohon><nama>{NAME}</nama></pemohon>"
            elif item.filename == "word/settings.xml":
                body = body.replace("</w:settings>", f'<w:docVars><w:docVar w:name="pemohon" w:val="{PHONE}"/>'
                                    '</w:docVars></w:settings>')
            elif item.filename == "word/document.xml":
                body = body.replace("<w:t>Paragraf dengan catatan kaki</w:t></w:r>",
                                    "<w:t>Paragraf dengan catatan kaki</w:t></w:r>"
                                    '<w:r><w:footnoteReference w:id="1"/></w:r>')
                body = body.replace("<w:t>KOTAK_TEKS</w:t></w:r>", "<w:t>Kotak teks:</w:t></w:r>" + TEXTBOX)
                body = re.sub(r"<w:p>(?:(?!<w:p>).)*?<w:t>PERUBAHAN</w:t></w:r></w:p>", TRACKED, body)
                body = re.sub(r"<w:p>(?:(?!<w:p>).)*?<w:t>FIELD</w:t></w:r></w:p>", FIELD, body)
            dst.writestr(item, body.encode("utf-8"))
        dst.writestr("word/footnotes.xml",
                     f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">'
                     f'Alamat lama {NAME}: Jl. Kenari No. 3</w:t></w:r></w:p></w:footnote></w:footnotes>')
        dst.writestr("docProps/custom.xml",
                     '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                     'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property '
                     'fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="NIK pemohon"><vt:lpwstr>'
                     f'{NIK}</vt:lpwstr></property></Properties>')
    return out.getvalue()


def text_letter(path: Path) -> None:
    text = (f"LAPORAN KEJADIAN\r\nPelapor: {NAME}, NIK {NIK}, HP {PHONE}.\r\n{PUBLIC}\r\n\f"
            f"Halaman dua: saksi {WITNESS} dan pelapor {NAME}.\r\n")
    path.write_bytes(text.encode("utf-8"))


def main() -> None:
    pdf_layers(HERE / "lapisan.pdf")
    pdf_revision(HERE / "revisi.pdf")
    pdf_tight(HERE / "rapat.pdf")
    docx_everywhere(HERE / "lengkap.docx")
    text_letter(HERE / "laporan.txt")
    print(f"fixtures written to {HERE}")


if __name__ == "__main__":
    main()
