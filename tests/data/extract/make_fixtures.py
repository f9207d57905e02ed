"""Build the extraction fixtures in this folder (fictional data). Re-run after changing it:

    python tests/data/extract/make_fixtures.py
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def pdf_table(path: Path) -> None:
    import fitz

    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((50, 40), "KOP: DINAS CONTOH KABUPATEN UJI", fontsize=9)  # header line
    rows = [["No", "Nama", "NIK", "Alamat"],
            ["1", "Sari Wulandari", "3209124506900002", "Jl. Anggrek No. 4 RT 001/RW 002, Kel. Sumber"],
            ["2", "Budi Prakoso", "3209121009880001", "Jl. Dahlia No. 9 RT 003/RW 001, Kel. Tuk"]]
    widths, y = [30, 120, 120, 230], 80
    for row in rows:
        x = 40
        for w, value in zip(widths, row):
            rect = fitz.Rect(x, y, x + w, y + 34)
            page.draw_rect(rect, color=(0, 0, 0), width=0.5)
            page.insert_textbox(rect + (2, 2, -2, -2), value, fontsize=8)
            x += w
        y += 34
    page.insert_text((50, 810), "Halaman 1 dari 1 - catatan kaki halaman", fontsize=8)  # footer line
    doc.save(path)


def pdf_rotated(path: Path) -> None:
    import fitz

    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), "Surat keterangan untuk Ani Lestari NIK 3209125204950003", fontsize=11)
    page.set_rotation(90)
    doc.save(path)


def pdf_textless(path: Path) -> None:
    import fitz
    from PIL import Image, ImageDraw

    img = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(img).text((20, 80), "SCANNED TEXT", fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_image(fitz.Rect(50, 50, 450, 250), stream=buf.getvalue())
    page2 = doc.new_page(width=595, height=842)
    page2.insert_text((72, 100), "Halaman kedua dengan teks digital.", fontsize=11)
    doc.save(path)


def pdf_encrypted(path_user: Path, path_owner: Path) -> None:
    import fitz

    for path, user_pw in ((path_user, "rahasia"), (path_owner, "")):
        doc = fitz.open()
        doc.new_page().insert_text((72, 100), "Dokumen terenkripsi NIK 3209125204950003", fontsize=11)
        doc.save(path, encryption=fitz.PDF_ENCRYPT_AES_256, owner_pw="pemilik", user_pw=user_pw,
                 permissions=fitz.PDF_PERM_PRINT)


def docx_full(path: Path) -> None:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "PEMERINTAH KABUPATEN UJI - Telepon (0231) 481234"
    d.sections[0].footer.paragraphs[0].text = "Dicetak oleh operator Rina Oktaviani"
    d.add_paragraph("Surat pernyataan")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["No", "Nama", "NIK"], ["1", "Joko Susanto", "3209121407800001"],
                             ["2", "Lina Marlina", "3209125307820002"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    p = d.add_paragraph("Catatan di badan surat.")
    d.add_comment(p.runs, text="Hubungi Joko di 0812-1111-2222", author="Reviewer")
    d.add_paragraph("Paragraf dengan catatan kaki")
    d.add_paragraph("TEXTBOX_ANCHOR")
    d.core_properties.author = "Rina Oktaviani"
    d.core_properties.last_modified_by = "Admin Dinas"
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_add_footnote_and_textbox(buf.getvalue()))


def _add_footnote_and_textbox(data: bytes) -> bytes:
    """python-docx writes neither footnotes nor text boxes, so add them to the package XML."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    footnotes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1"><w:p><w:r><w:t>'
                 'Keterangan: alamat pemohon Jl. Kenari No. 3 RT 001/RW 004</w:t></w:r></w:p>'
                 '</w:footnote></w:footnotes>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.wordprocessingml.'
                                    b'footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            elif item.filename == "word/document.xml":
                text = body.decode("utf-8")
                text = text.replace("<w:t>Paragraf dengan catatan kaki</w:t></w:r>",
                                    "<w:t>Paragraf dengan catatan kaki</w:t></w:r>"
                                    '<w:r><w:footnoteReference w:id="1"/></w:r>')
                text = re.sub(
                    r"<w:t>TEXTBOX_ANCHOR</w:t></w:r>",
                    '<w:t>TEXTBOX_ANCHOR</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
                    'style="width:200pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>'
                    'Isi kotak teks: HP 0857-3333-4444</w:t></w:r></w:p></w:txbxContent></v:textbox>'
                    '</v:shape></w:pict></w:r>', text)
                body = text.encode("utf-8")
            dst.writestr(item, body)
        dst.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def texts() -> None:
    (HERE / "legacy-cp1252.txt").write_bytes("Nama: José Ramírez\nNIK 3209121407800001\n".encode("cp1252"))
    (HERE / "pages.txt").write_text("Halaman satu\n\fHalaman dua: HP 0812-1111-2222\n", encoding="utf-8")
    (HERE / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated")
    (HERE / "not-a-docx.docx").write_bytes(b"PK\x03\x04 this is not a zip file at all")
    (HERE / "binary.bin").write_bytes(bytes(range(256)) * 4)


def main() -> None:
    pdf_table(HERE / "table.pdf")
    pdf_rotated(HERE / "rotated.pdf")
    pdf_textless(HERE / "textless.pdf")
    pdf_encrypted(HERE / "encrypted-user-password.pdf", HERE / "encrypted-owner-only.pdf")
    docx_full(HERE / "full.docx")
    texts()
    print(f"fixtures written to {HERE}")


if __name__ == "__main__":
    main()
