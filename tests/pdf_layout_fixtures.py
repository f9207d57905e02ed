"""PDFs with the traps of real documents, generated for the reading-order tests (no shared files needed).

Every name, number and address here is invented.
"""

from __future__ import annotations

from pathlib import Path

import fitz

BODY = 12
IDENTITY = [
    ("1. Nama lengkap", "Sutrisno Wibowo Als Tris"),
    ("2. Tempat lahir", "Ponorogo"),
    ("3. Umur/Tanggal lahir", "34 tahun/12 Maret 1990"),
    ("4. Tempat tinggal", "Jalan Kenanga No. 7 RT 002/RW 005, Kelurahan Sumber"),
    ("5. Pekerjaan", "Karyawan swasta"),
]
HEADER = "Disclaimer: salinan elektronik dari Kepaniteraan, surel ppid@contoh.go.id telp 021-384 3348"
FOOTER = "Dokumen ini dicetak dari sistem informasi perkara dan bukan salinan resmi"
PROSE = [
    "Pengadilan Negeri tersebut telah membaca berkas perkara yang bersangkutan dan",
    "mendengar keterangan para saksi serta memperhatikan barang bukti di persidangan;",
    "Terdakwa Sutrisno Wibo-",
    "wo ditahan dalam tahanan rutan sejak tanggal 3 Maret 2024 sampai sekarang;",
    "Menimbang bahwa surat dakwaan telah dibacakan oleh Penuntut Umum pada sidang;",
]
WATERMARK = "MAHKAMAH"
LEFT = [f"kiri {i} warga desa menerima bantuan sosial tunai" for i in range(1, 11)]
RIGHT = [f"kanan {i} petugas mencatat laporan penyaluran bantuan" for i in range(1, 11)]
TABLE = [["No", "Nama", "NIK"], ["1", "Rina Kartika", "3374064909620026"], ["2", "Dedi Saputra", "3209121503870004"]]


def _watermark(page: fitz.Page) -> None:
    """A grid of 55 pt diagonal letters in light green, drawn one by one before the body."""
    for gx in range(-120, 620, 170):
        for gy in range(140, 980, 170):
            for i, ch in enumerate(WATERMARK):
                x, y = gx + i * 38, gy - i * 38
                page.insert_text((x, y), ch, fontsize=55, color=(0.77, 1, 0.77),
                                 morph=(fitz.Point(x, y), fitz.Matrix(45)))


def watermarked_decision(path: Path, pages: int = 3) -> Path:
    """A court-decision-like document: identity block and prose at 12 pt under a diagonal watermark,
    a disclaimer header and a footer on every page, a page number that changes."""
    doc = fitz.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        _watermark(page)
        page.insert_text((40, 30), HEADER, fontsize=6)
        y = 150.0
        if n == 0:
            for label, value in IDENTITY:
                page.insert_text((72, y), label, fontsize=BODY)
                page.insert_text((210, y), ": " + value, fontsize=BODY)
                y += 18
        for line in PROSE:
            page.insert_text((72, y), line, fontsize=BODY)
            y += 18
        page.insert_text((40, 815), FOOTER, fontsize=6)
        page.insert_text((520, 815), f"Halaman {n + 1}", fontsize=8)
    doc.save(path)
    return path


def two_columns(path: Path) -> Path:
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 60), "LAPORAN PENYALURAN BANTUAN SOSIAL TAHUN 2024", fontsize=14)
    for i, (left, right) in enumerate(zip(LEFT, RIGHT)):
        page.insert_text((50, 100 + 16 * i), left, fontsize=10)
        page.insert_text((315, 100 + 16 * i), right, fontsize=10)
    page.insert_text((72, 300), "Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.", fontsize=10)
    doc.save(path)
    return path


def stamped_letter(path: Path) -> Path:
    """A letter with a stamp turned 30°, a margin note turned 90° and a huge upright letter over the body."""
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    lines = ["Dengan hormat, bersama ini kami sampaikan undangan rapat koordinasi",
             "pelayanan informasi publik yang akan dilaksanakan pada hari Senin",
             "tanggal 4 Maret 2024 bertempat di ruang rapat lantai dua kantor kami."]
    for i, line in enumerate(lines):
        page.insert_text((72, 120 + 18 * i), line, fontsize=BODY)
    page.insert_text((300, 175), "DISAHKAN Rina Kartika", fontsize=14, color=(0.2, 0.2, 0.8),
                     morph=(fitz.Point(300, 175), fitz.Matrix(30)))
    page.insert_text((30, 500), "SALINAN SESUAI ASLI", fontsize=10, rotate=90)
    page.insert_text((200, 150), "X", fontsize=60)
    doc.save(path)
    return path


def ruled_table(path: Path) -> Path:
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 80), "Daftar penerima bantuan:", fontsize=BODY)
    xs, y0, h = [72, 110, 300, 500], 100, 22
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            page.insert_text((xs[c] + 4, y0 + r * h + 15), text, fontsize=10)
    for r in range(len(TABLE) + 1):
        page.draw_line((xs[0], y0 + r * h), (xs[-1], y0 + r * h))
    for x in xs:
        page.draw_line((x, y0), (x, y0 + len(TABLE) * h))
    page.insert_text((72, 200), "Demikian daftar ini dibuat dengan sebenarnya.", fontsize=BODY)
    doc.save(path)
    return path


def tiny_glyphs(path: Path, count: int = 20000) -> Path:
    """A vector drawing made of text: thousands of 1 pt dots, and one line of body text."""
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 60), "Peta lokasi kegiatan", fontsize=BODY)
    per_row = 200
    for i in range(count // per_row):
        page.insert_text((50, 100 + i * 3.0), "." * per_row, fontsize=1)
    doc.save(path)
    return path
