"""Export a DIK as CSV or XLSX, in two layouts:

- `dik`: the table agencies publish (legal-reference §2.3 layout A): No. | Informasi | Dasar Hukum
  Pengecualian Informasi | Konsekuensi / Pertimbangan Bagi Publik (Dibuka | Ditutup) | Jangka Waktu,
  with group headings, and the decree in a title block (or in columns when rows differ);
- `lengkap`: every field the product keeps, one header row, nothing lost on re-import.

Both are read back by `reviewer.dik.importer`. Cells that a spreadsheet would run as a formula are
written with a leading "'" (CSV/formula injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reviewer.dik.model import Decree, DikError, DikRow, format_date
from reviewer.dik.tables import FULL_COLUMNS, safe_cell

LAYOUTS = {"dik": "tabel DIK seperti yang diumumkan badan publik / the published DIK table",
           "lengkap": "semua kolom / every field (lossless)"}
FORMATS = ("csv", "xlsx")
DIK_TOP = ["No.", "Informasi", "Dasar Hukum Pengecualian Informasi", "Konsekuensi / Pertimbangan Bagi Publik", "",
           "Jangka Waktu"]
DIK_SUB = ["", "", "", "Dibuka", "Ditutup", ""]
DECREE_COLUMNS = ["Nomor Penetapan", "Tanggal Penetapan", "Pejabat yang Menetapkan", "Tempat Penetapan"]


def export(rows: Sequence[DikRow], fmt: str = "xlsx", layout: str = "dik", title: str = "") -> bytes:
    """The DIK as file bytes. `title` (e.g. the unit's name) goes above the table in the `dik` layout."""
    if layout not in LAYOUTS:
        raise DikError(f"tata letak tidak dikenal / unknown layout {layout!r} ({', '.join(LAYOUTS)})")
    if fmt not in FORMATS:
        raise DikError(f"format tidak dikenal / unknown format {fmt!r} ({', '.join(FORMATS)})")
    sheet = _dik_sheet(rows, title) if layout == "dik" else _full_sheet(rows)
    return _csv(sheet) if fmt == "csv" else _xlsx(sheet, layout)


class _Sheet:
    def __init__(self) -> None:
        self.rows: list[list] = []
        self.header_rows: list[int] = []  # 0-based indexes of header rows
        self.merges: list[tuple[int, int, int, int]] = []  # (row, col, row, col), 0-based inclusive
        self.headings: list[int] = []


def _full_sheet(rows: Sequence[DikRow]) -> _Sheet:
    sheet = _Sheet()
    sheet.rows.append(list(FULL_COLUMNS.values()))
    sheet.header_rows.append(0)
    for row in rows:
        values = {
            "number": row.number, "group": row.group, "information": row.information, "basis_text": row.basis_text,
            "reason": row.reason, "if_opened": row.if_opened, "if_closed": row.if_closed,
            "duration": row.duration.describe(),
            "counted_from": "penetapan" if row.duration.counted_from == "decree" else "dokumen",
            "holder": row.holder, "decree_number": row.decree.number, "decree_date": row.decree.date,
            "decree_official": row.decree.official, "decree_place": row.decree.place,
            "keywords": ", ".join(row.keywords), "labels": ", ".join(row.labels), "status": row.status,
            "ended_on": row.ended_on, "unit": row.unit,
        }
        sheet.rows.append([values[k] for k in FULL_COLUMNS])
    return sheet


def _dik_sheet(rows: Sequence[DikRow], title: str) -> _Sheet:
    sheet = _Sheet()
    decrees = {(r.decree.number, r.decree.date, r.decree.official, r.decree.place) for r in rows}
    shared = Decree(*decrees.pop()) if len(decrees) == 1 else None
    sheet.rows.append(["DAFTAR INFORMASI YANG DIKECUALIKAN"])
    if title:
        sheet.rows.append([title])
    if shared is not None and shared.number:
        sheet.rows.append([f"Nomor : {shared.number}"])
    if shared is not None and shared.date:
        sheet.rows.append([f"Tanggal : {format_date(shared.date)}"])
    if shared is not None and shared.official:
        sheet.rows.append([f"Ditetapkan oleh : {shared.official}"])
    if shared is not None and shared.place:
        sheet.rows.append([f"Ditetapkan di : {shared.place}"])
    sheet.rows.append([])
    per_row = shared is None
    top, sub = list(DIK_TOP), list(DIK_SUB)
    if per_row:
        top += DECREE_COLUMNS
        sub += [""] * len(DECREE_COLUMNS)
    h = len(sheet.rows)
    sheet.rows += [top, sub]
    sheet.header_rows += [h, h + 1]
    sheet.merges.append((h, 3, h, 4))
    sheet.merges += [(h, c, h + 1, c) for c in range(len(top)) if c not in (3, 4)]
    group = ""
    for row in rows:
        if row.group and row.group != group:
            group = row.group
            sheet.headings.append(len(sheet.rows))
            sheet.merges.append((len(sheet.rows), 0, len(sheet.rows), len(top) - 1))
            sheet.rows.append([row.group])
        line: list[object] = [row.number, row.information, row.basis_description(), row.if_opened,
                              row.if_closed, row.duration.describe()]
        if per_row:
            line += [row.decree.number, row.decree.date, row.decree.official, row.decree.place]
        sheet.rows.append(line)
    return sheet


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return safe_cell(str(value))


def _csv(sheet: _Sheet) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in sheet.rows:
        writer.writerow([_text(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _xlsx(sheet: _Sheet, layout: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    ws = book.active
    if not isinstance(ws, Worksheet):  # a new workbook starts with one worksheet
        raise TypeError("openpyxl: a new workbook has no worksheet")
    ws.title = "DIK"
    for row in sheet.rows:
        ws.append([v if hasattr(v, "isoformat") else (_text(v) or None) for v in row])
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    fill = PatternFill("solid", fgColor="DDDDDD")
    for r, cells in enumerate(ws.iter_rows(), start=0):
        for cell in cells:
            cell.alignment = wrap
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "DD/MM/YYYY"
            if r in sheet.header_rows:
                cell.font, cell.fill = bold, fill
            elif r in sheet.headings:
                cell.font = bold
    for r0, c0, r1, c1 in sheet.merges:
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    widths = [6, 40, 30, 30, 30, 18, 22, 16, 28] if layout == "dik" else [6, 20, 40, 30, 30, 30, 30, 18, 12]
    for i in range(max((len(r) for r in sheet.rows), default=0)):
        ws.column_dimensions[get_column_letter(i + 1)].width = widths[i] if i < len(widths) else 20
    if sheet.header_rows:
        ws.freeze_panes = f"A{sheet.header_rows[-1] + 2}"  # the first cell below the header
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
