"""Rebuild the two binary held-out documents (a DOCX form and a PDF table) from the text below.

Run from this folder: python make_binary.py. The outputs are committed; this script records how they
were made (python-docx for the form with a borderless table, PyMuPDF for the ruled PDF table).
"""
from pathlib import Path

HERE = Path(__file__).parent

FORM = [("Nama Siswa", "Kadek Ayu Permatasari"), ("NISN", "0081539276"), ("Kelas", "XI MIPA 3"),
        ("Nama Orang Tua/Wali", "I Nyoman Widiarta"), ("Pekerjaan Orang Tua", "Buruh bangunan"),
        ("Penghasilan per Bulan", "Rp 1.800.000,00")]

ROWS = [("1", "SUTINAH", "1271045708650003", "P", "SEI SIKAMBING B"),
        ("2", "LEGIMAN", "1271031204580001", "L", "SEI SIKAMBING B"),
        ("3", "TIORIDA BR SINAGA", "1271066210790002", "P", "TANJUNG REJO"),
        ("4", "NG SIOE LIAN", "1271054103720004", "P", "PETISAH TENGAH"),
        ("5", "MUHAMMAD IQBAL ALHADDAR", "1271012911900005", "L", "SEI PUTIH BARAT"),
        ("6", "SRI REZEKI HARAHAP", "1271075506880001", "P", "TANJUNG REJO"),
        ("7", "I PUTU EKA JAYANTA", "1271022308950003", "L", "BABURA"),
        ("8", "PONIRAN", "1271030101510002", "L", "SEI SIKAMBING B")]


def make_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = ("PEMERINTAH PROVINSI NUSA TENGGARA TIMUR\nDINAS PENDIDIKAN DAN "
                                              "KEBUDAYAAN\nSMA NEGERI 2 KUPANG\nJalan Adisucipto, Oesapa, Kupang 85228")
    d.add_paragraph("SURAT KETERANGAN PENERIMA BEASISWA PROGRAM INDONESIA PINTAR")
    d.add_paragraph("Nomor: 421.3/188/SMAN2/2024")
    d.add_paragraph("Kepala SMA Negeri 2 Kupang menerangkan bahwa:")
    table = d.add_table(rows=0, cols=3)
    for label, value in FORM:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value
    d.add_paragraph("adalah siswa kami yang ditetapkan sebagai penerima Beasiswa Program Indonesia Pintar tahun "
                    "2024 berdasarkan usulan Wali Kelas XI MIPA 3, Yuliana Ndoen, S.Pd., dan hasil verifikasi "
                    "tim sekolah.")
    d.add_paragraph("Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.")
    d.add_paragraph("Kupang, 15 Juli 2024\nKepala Sekolah,\n\n\n\nDrs. Melkianus Benu, M.Pd.\n"
                    "NIP 19690722 199512 1 003")
    d.core_properties.author = "ppid"
    d.save(path)


def make_pdf(path: Path) -> None:
    import fitz

    doc = fitz.open()
    page = doc.new_page(width=842, height=595)  # A4 landscape
    y = 50
    for line in ("PEMERINTAH KOTA MEDAN", "DINAS SOSIAL", "DAFTAR PESERTA PENERIMA BANTUAN IURAN JAMINAN KESEHATAN "
                 "DAERAH", "USULAN BARU TRIWULAN III TAHUN 2024"):
        page.insert_text((60, y), line, fontsize=11, fontname="hebo")
        y += 16
    xs = [60, 100, 330, 480, 560, 760]
    head = ("NO", "NAMA PESERTA", "NIK", "L/P", "KELURAHAN")
    top = y + 10
    for r, row in enumerate([head, *ROWS]):
        yy = top + r * 20
        for c, cell in enumerate(row):
            page.insert_text((xs[c] + 4, yy + 14), cell, fontsize=9, fontname="hebo" if r == 0 else "helv")
        page.draw_line((xs[0], yy), (xs[-1], yy))
    bottom = top + (len(ROWS) + 1) * 20
    page.draw_line((xs[0], bottom), (xs[-1], bottom))
    for x in xs:
        page.draw_line((x, top), (x, bottom))
    y = bottom + 30
    for line in ("Medan, 30 September 2024", "Kepala Dinas Sosial Kota Medan,", "", "", "",
                 "Dra. Rahmawaty Batubara, M.Si.", "NIP 19710214 199603 2 002"):
        page.insert_text((560, y), line, fontsize=10, fontname="helv")
        y += 14
    doc.set_metadata({"title": "Daftar peserta PBI"})
    doc.save(path, garbage=4, deflate=True)


if __name__ == "__main__":
    make_docx(HERE / "beasiswa-pip.docx")
    make_pdf(HERE / "pbi-jamkesda.pdf")
