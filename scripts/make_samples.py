"""Build the sample documents in `samples/` (fictional people and numbers; re-run to refresh).

    python scripts/make_samples.py [OUTDIR]

Every person, NIK, phone number and address here is invented; NIKs and NIPs follow the real
structure so that validators accept them. The officials' names are invented too.
"""

from __future__ import annotations

import sys
from pathlib import Path

KOP = [
    "PEMERINTAH KABUPATEN SUKAMAJU",
    "DINAS KOMUNIKASI DAN INFORMATIKA",
    "Jalan Veteran Nomor 12 Sukamaju 45211 Telepon (0231) 481234",
    "Laman diskominfo.sukamajukab.go.id, Pos-el ppid@sukamajukab.go.id",
]

LETTER = [
    "FORMULIR PERMOHONAN INFORMASI PUBLIK",
    "Nomor: 045/PPID/III/2025",
]
FORM_ROWS = [
    ("Nama", "Rudi Hartono"),
    ("NIK", "3209121503870004"),
    ("Alamat", "Jl. Kenanga No. 7 RT 002/RW 005, Kel. Sumber, Kec. Sumber, Kabupaten Cirebon 45611"),
    ("Nomor Telepon/HP", "0812-2345-6781"),
    ("Alamat E-mail", "rudi.hartono87@gmail.com"),
    ("Rincian Informasi", "Salinan dokumen kontrak pembangunan jalan desa tahun 2024"),
]
SIGNATURE = [
    "Sukamaju, 3 Maret 2025",
    "Petugas Pelayanan Informasi",
    "Dewi Kartikasari, S.Sos.",
    "NIP. 19860415 201001 2 003",
]
TABLE_HEADER = ["No", "Nama", "NIK", "Alamat", "No. HP"]
TABLE_ROWS = [
    ["1", "Siti Aminah", "3209126608790002", "Jl. Melati No. 3 RT 001/RW 002, Kel. Sumber", "0857-1122-3344"],
    ["2", "Ahmad Fauzi", "3209120211920001", "Gg. Mawar No. 11 RT 004/RW 001, Kel. Kaliwadas", "0813 9988 7766"],
    ["3", "Nur Hidayah", "3209125107850003", "Perum Griya Asri Blok C No. 5, Kel. Tuk", "+62 896 5544 3322"],
]
TEXT = """PEMERINTAH KABUPATEN SUKAMAJU
SATUAN POLISI PAMONG PRAJA
Jalan Veteran Nomor 14 Sukamaju 45211 Telepon (0231) 481250

LAPORAN KEJADIAN
Nomor: 300/112/Satpol PP/2025

Pada hari Senin tanggal 10 Maret 2025 petugas melakukan penertiban pedagang di Alun-alun.
Pelanggar atas nama Bambang Susilo, NIK 3209120708750001, lahir di Cirebon, 7 Agustus 1975,
bertempat tinggal di Jl. Pahlawan No. 21 RT 003/RW 004, Kel. Sumber, Kec. Sumber, nomor HP
0819-3344-5566, kendaraan bermotor dengan nomor polisi E 4521 KL diamankan sementara.

Informasi awal diperoleh dari warga yang identitasnya dirahasiakan.

Sukamaju, 11 Maret 2025
Kepala Satuan Polisi Pamong Praja,
Drs. Hendra Wijaya, M.Si.
NIP. 19700312 199503 1 002
"""


def make_docx(path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    header = document.sections[0].header
    for i, line in enumerate(KOP):
        p = header.paragraphs[0] if i == 0 else header.add_paragraph()
        p.text = line
    for line in LETTER:
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=3)
    for label, value in FORM_ROWS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value
    for line in SIGNATURE:
        document.add_paragraph(line)
    para = document.add_paragraph("Catatan petugas: pemohon datang langsung ke meja layanan.")
    document.add_comment(para.runs, text="Pemohon minta dihubungi di 0812-2345-6781", author="Petugas")
    document.core_properties.author = "Dewi Kartikasari"
    document.core_properties.title = "Formulir permohonan Rudi Hartono"
    for p in document.paragraphs:
        for r in p.runs:
            r.font.size = Pt(11)
    document.save(path)


def make_pdf(path: Path) -> None:
    import fitz

    pdf = fitz.open()
    page = pdf.new_page(width=595, height=842)
    y = 50
    for line in KOP:
        page.insert_text((60, y), line, fontsize=10, fontname="helv")
        y += 14
    y += 10
    page.insert_text((60, y), "DAFTAR PENERIMA BANTUAN SOSIAL TUNAI 2025", fontsize=11, fontname="hebo")
    y += 20
    widths = [25, 95, 100, 200, 95]
    row_h = 30
    for r, row in enumerate([TABLE_HEADER, *TABLE_ROWS]):
        x = 40
        for w, value in zip(widths, row):
            rect = fitz.Rect(x, y, x + w, y + row_h)
            page.draw_rect(rect, color=(0, 0, 0), width=0.5)
            page.insert_textbox(rect + (2, 2, -2, -2), value, fontsize=8,
                                fontname="hebo" if r == 0 else "helv")
            x += w
        y += row_h
    y += 30
    for line in ["Sukamaju, 3 Maret 2025", "Kepala Dinas Sosial,", "Ir. Bambang Priyanto, M.T.",
                 "NIP. 19680921 199403 1 004"]:
        page.insert_text((360, y), line, fontsize=10, fontname="helv")
        y += 14
    pdf.set_metadata({"author": "Operator Dinsos", "title": "Daftar penerima bansos"})
    pdf.save(path, garbage=4, deflate=True)


def make_txt(path: Path) -> None:
    path.write_text(TEXT, encoding="utf-8")


def main(out: str = "samples") -> None:
    outdir = Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    make_docx(outdir / "formulir-permohonan.docx")
    make_pdf(outdir / "daftar-penerima-bansos.pdf")
    make_txt(outdir / "laporan-kejadian.txt")
    print(f"samples written to {outdir}")


if __name__ == "__main__":
    main(*sys.argv[1:])
