"""Big spreadsheets scan in time proportional to their size (issue 20: 0.46 ms per cell at 1,000 rows
but 3.7 at 10,000). The work is counted, not timed: every visit of a page's cell list is counted, and
a scan must visit each cell a bounded number of times, whatever the number of rows. The regression
was the directory-row rule of `keep_rules`, which walked every cell of the sheet for each phone."""

from __future__ import annotations

from dataclasses import replace

from openpyxl import Workbook

from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan
from reviewer.extract import extract
from tests import sheet_fixtures as fx

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)


class CountedCells(tuple):
    """A page's cells that count how many cells the detectors walk through."""

    visits = 0

    def __iter__(self):
        for cell in super().__iter__():
            CountedCells.visits += 1
            yield cell


def cell_visits(path) -> tuple[int, int]:
    document = extract(path)
    pages = tuple(replace(p, cells=CountedCells(p.cells)) for p in document.pages)
    CountedCells.visits = 0
    scan(replace(document, pages=pages), SETTINGS)
    return CountedCells.visits, sum(len(p.cells) for p in pages)


def test_scan_visits_each_cell_a_bounded_number_of_times(tmp_path):
    path = tmp_path / "bansos.xlsx"
    people = fx.recipients(400)
    fx.write_xlsx(path, people[:396], people[396:], comment_phone="081299887766")
    visits, cells = cell_visits(path)
    assert visits < 30 * cells, f"{visits} visits of {cells} cells: per-finding work walks the whole sheet"


def directory(path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Unit", "Telepon", "Keterangan"])
    ws.append(["Bagian Umum", "(022) 4200001", ""])
    ws.append(["Puskesmas Cibodas", "(022) 4200002", "kantor"])
    ws.append(["Bagian Umum", "(022) 4200003", "rumah pribadi"])
    ws.append(["Warga RT 3", "(022) 4200004", ""])
    wb.save(path)


def test_directory_rows_judged_by_their_own_row(tmp_path):
    """A unit's row keeps its number open; a private cue or no unit in the same row does not."""
    path = tmp_path / "kontak.xlsx"
    directory(path)
    found = {f.text: f for f in scan(extract(path), SETTINGS).findings if f.label == "PHONE"}
    assert any("daftar kontak" in r for r in found["(022) 4200001"].reasons)
    assert any("daftar kontak" in r for r in found["(022) 4200002"].reasons)
    assert not any("daftar kontak" in r for r in found["(022) 4200003"].reasons)
    assert not any("daftar kontak" in r for r in found["(022) 4200004"].reasons)
