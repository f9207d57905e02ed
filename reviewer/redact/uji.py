"""Draft uji konsekuensi / DIK sheet (DOCX) for one redacted document, for the PPID to complete.

Grouped by legal basis, with the statutory text of each cited huruf/angka and the columns agencies
use (legal-reference §2.3: informasi yang dikecualikan, dasar hukum, konsekuensi jika dibuka /
ditutup, jangka waktu, pejabat). Rows name the kind of information and the log numbers, never the
redacted values. The sheet says plainly that it is a draft: the PPID tests and decides (Pasal 19).
"""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import date

from reviewer.core.legal import OTHER_LAWS_HINT, citation, parts, statute, summary, topic
from reviewer.core.vocabulary import label_name
from reviewer.redact.outcome import Redaction, RedactionReport

FILL = "[diisi PPID]"
COLUMNS = [("No. log", 1.4), ("Informasi yang dikecualikan", 5.2), ("Dasar hukum pengecualian", 3.9),
           ("Konsekuensi jika dibuka", 4.6), ("Konsekuensi jika ditutup", 4.2),
           ("Jangka waktu pengecualian", 3.6), ("Pejabat yang menetapkan", 3.0)]
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
OPENED = {
    "a": "Dapat menghambat proses penegakan hukum, termasuk mengungkap identitas pelapor, saksi atau korban.",
    "b": "Dapat merugikan perlindungan hak kekayaan intelektual atau menimbulkan persaingan usaha tidak sehat.",
    "c": "Dapat membahayakan pertahanan dan keamanan negara.",
    "d": "Dapat mengungkapkan kekayaan alam Indonesia yang perlu dilindungi.",
    "e": "Dapat merugikan ketahanan ekonomi nasional karena rencana kebijakan terbuka sebelum waktunya.",
    "f": "Dapat merugikan kepentingan hubungan luar negeri dan posisi runding negara.",
    "g": "Dapat mengungkapkan isi akta otentik yang bersifat pribadi atau wasiat seseorang.",
    "h": "Dapat mengungkap rahasia pribadi orang yang bersangkutan dan membuka peluang penyalahgunaan "
         "data pribadi (penipuan, pencurian identitas).",
    "i": "Dapat mengganggu proses penyusunan kebijakan karena isi memorandum terbuka sebelum waktunya.",
    "j": "Bertentangan dengan undang-undang yang melarang pengungkapan informasi tersebut.",
}
CLOSED = ("Kepentingan yang dilindungi tetap terjaga; bagian lain dokumen tetap dibuka "
          "(pengecualian sebagian, bukan seluruh dokumen).")
TERM = {h: "Tidak permanen (Pasal 20 UU 14/2008): " + FILL for h in "abcdef"}
TERM.update({h: "Selama berlaku / sampai ada persetujuan tertulis yang bersangkutan: " + FILL for h in "gh"})
TERM.update({"i": "Sampai kebijakan ditetapkan atau atas putusan Komisi Informasi/pengadilan: " + FILL,
             "j": "Sesuai undang-undang yang menjadi dasar: " + FILL})
PASAL_2_4 = ("Informasi Publik yang dikecualikan bersifat rahasia sesuai dengan Undang-Undang, kepatutan, dan "
             "kepentingan umum didasarkan pada pengujian tentang konsekuensi yang timbul apabila suatu informasi "
             "diberikan kepada masyarakat serta setelah dipertimbangkan dengan saksama bahwa menutup Informasi "
             "Publik dapat melindungi kepentingan yang lebih besar daripada membukanya atau sebaliknya.")


def groups(report: RedactionReport) -> dict[str, list[list[Redaction]]]:
    """basis code -> rows; a row is the redactions of one kind of information (passages one by one)."""
    by_basis: dict[str, dict[str, list[Redaction]]] = defaultdict(lambda: defaultdict(list))
    for r in report.redactions:
        key = f"{r.decision.label}#{r.number}" if r.decision.label == "PASSAGE" else r.decision.label
        by_basis[r.decision.basis][key].append(r)
    return {code: list(rows.values()) for code, rows in sorted(by_basis.items())}


def write_uji(report: RedactionReport, path: str, settings=None) -> str:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(10)
    style.paragraph_format.space_after = Pt(3)
    _title(document)
    _banner(document)
    _identity(document, report)
    for n, (code, rows) in enumerate(groups(report).items()):
        _basis_section(document, n, code, rows)
    if not report.redactions:
        document.add_paragraph("Tidak ada bagian yang dihitamkan pada dokumen ini.")
    _closing(document)
    _footer(section)
    core = document.core_properties
    core.author = core.last_modified_by = ""
    core.title = "Draf lembar pengujian konsekuensi"
    document.save(path)
    return path


def _title(document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for text, size in (("DRAF LEMBAR PENGUJIAN KONSEKUENSI", 14), ("INFORMASI YANG DIKECUALIKAN", 12)):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold, run.font.size = True, Pt(size)
    p = document.add_paragraph("berdasarkan Pasal 17 dan Pasal 19 Undang-Undang Nomor 14 Tahun 2008 "
                               "tentang Keterbukaan Informasi Publik")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _banner(document) -> None:
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    _shade(cell, "FFF2CC")
    p = cell.paragraphs[0]
    p.add_run("DRAF — BUKAN PENETAPAN. ").bold = True
    p.add_run("Lembar ini disusun otomatis oleh alat bantu peninjauan dokumen dari daftar penghitaman, sebagai "
              "bahan kerja. Alat ini tidak memutuskan: PPID wajib melakukan pengujian konsekuensi dengan saksama "
              "dan penuh ketelitian (Pasal 19 UU 14/2008), melengkapi setiap kolom bertanda " + FILL + ", "
              "meninjau usulan kalimat konsekuensi, dan menetapkannya bersama pimpinan Badan Publik. Nomor pada "
              "kolom pertama merujuk ke nomor dalam log penghitaman (berkas .log.csv).")
    document.add_paragraph()


def _identity(document, report: RedactionReport) -> None:
    rows = [("Badan Publik", FILL), ("Unit kerja", FILL),
            ("Dokumen yang diuji", os.path.basename(report.source)),
            ("Sidik dokumen (SHA-256)", report.source_sha256),
            ("Salinan setelah penghitaman", os.path.basename(report.output)),
            ("Jumlah bagian yang dihitamkan", str(len(report.redactions))),
            ("Tanggal draf", _tanggal(date.today())),
            ("Waktu pengujian", FILL + " (sebelum permohonan / saat permohonan / dalam sengketa)")]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value
        cells[0].paragraphs[0].runs[0].bold = True
    _widths(table, [6.0, 19.9])
    document.add_paragraph()


def _tanggal(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _basis_section(document, n: int, code: str, rows: list[list[Redaction]]) -> None:
    from docx.shared import Pt

    huruf, _ = parts(code)
    heading = document.add_paragraph()
    heading.paragraph_format.keep_with_next = True
    heading.paragraph_format.space_before = Pt(8)
    run = heading.add_run(f"{chr(ord('A') + n % 26)}. {citation(code)} — {summary(code)}")
    run.bold, run.font.size = True, Pt(11)
    quote = document.add_paragraph()
    quote.paragraph_format.keep_with_next = True
    quote.paragraph_format.left_indent = Pt(18)
    q = quote.add_run("Bunyi ketentuan: “" + statute(code) + "”")
    q.italic, q.font.size = True, Pt(9)
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    _header_row(table)
    shared = [OPENED.get(huruf, FILL) + " (usulan; tinjau) " + FILL, CLOSED, TERM.get(huruf, FILL), FILL]
    for group in rows:
        cells = table.add_row().cells
        values = [", ".join(str(r.number) for r in group), _information(code, group), _basis_cell(code, group)]
        for cell, value in zip(cells, values + shared, strict=True):
            _small(cell, value)
    for row in table.rows:
        _no_split(row)
    if len(rows) > 1:  # the same proposal for every row of a basis: one merged cell per column
        for col in range(3, len(COLUMNS)):
            merged = table.cell(1, col).merge(table.cell(len(rows), col))
            _small(merged, shared[col - 3])
    _widths(table, [w for _, w in COLUMNS])


def _small(cell, text: str) -> None:
    from docx.shared import Pt

    cell.text = text
    for p in cell.paragraphs:
        for r in p.runs:
            r.font.size = Pt(9)


def _information(code: str, group: list[Redaction]) -> str:
    d = group[0].decision
    pages = sorted({r.decision.page for r in group})
    places = sorted({r.where for r in group if r.where})
    place = ", ".join(places) if places else "hlm " + ", ".join(map(str, pages))
    text = f"{label_name(d.label)} — {len(group)} bagian ({place})"
    if d.label == "PASSAGE":
        text += f"; tentang: {summary(code)}" + (f" — {topic(code)}" if topic(code) else "")
    return text


def _basis_cell(code: str, group: list[Redaction]) -> str:
    text = citation(code)
    if code.startswith("17j"):
        hint = OTHER_LAWS_HINT.get(group[0].decision.label, "")
        text += " jo. " + (f"{hint} — sebutkan pasalnya {FILL}" if hint else f"undang-undang terkait {FILL}")
    return text


def _closing(document) -> None:
    document.add_paragraph()
    p = document.add_paragraph()
    p.paragraph_format.keep_with_next = True
    p.add_run("Pertimbangan kepentingan publik (Pasal 2 ayat 4 UU 14/2008). ").bold = True
    p.add_run("“" + PASAL_2_4 + "” Uraian PPID: " + FILL)
    table = document.add_table(rows=1, cols=3)
    people, ppid, head = table.rows[0].cells
    people.text = ("Peserta pengujian:\n1. ............................\n2. ............................\n"
                   "3. ............................")
    ppid.text = ("Ditetapkan di ....................\npada tanggal ....................\n"
                 "Pejabat Pengelola Informasi dan Dokumentasi,\n\n\n(nama lengkap)\nNIP ....................")
    head.text = "\nMenyetujui,\nPimpinan Badan Publik,\n\n\n(nama lengkap)\nNIP ...................."
    _no_split(table.rows[0])
    _widths(table, [8.6, 8.6, 8.6])


def _header_row(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    row = table.rows[0]
    for cell, (name, _) in zip(row.cells, COLUMNS, strict=True):
        cell.text = name
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell, "D9E2F3")
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _no_split(row) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _widths(table, cm: list[float]) -> None:
    """Widths on the grid (LibreOffice reads these) and on every cell (Word reads those)."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, cm, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, cm, strict=False):
            cell.width = Cm(width)


def _shade(cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shd)


def _footer(section) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.text = "Draf uji konsekuensi — bukan penetapan — halaman "
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)
