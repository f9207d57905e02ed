"""Spreadsheets in the review: a sheet page as a table, and one decision for a whole column.

A sheet page keeps its grid (`PageRecord.sheet`, from `reviewer.extract.sheets.layout`): each cell
as [row, col, start, end] in the page text, the column headers and the header row. A finding
belongs to the cell its start falls in. "Terapkan ke seluruh kolom" decides every finding of one
column below the header row at once: each gets its own decision and audit event, under the same
rules and the same document lock as a single decision. A finding whose latest decision was made by
someone else is left as it is (it is counted as skipped): a column decision never overwrites
another person's judgement, even one made a moment before.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer.extract.sheets import column_letter
from reviewer.review import workflow
from reviewer.store.records import VERDICTS, DecisionRecord, FindingRecord, PageRecord, User, current_decisions

SHEET_KINDS = ("xlsx", "ods", "csv")
ROWS_SHOWN = 500  # rows of a sheet drawn at once; the others are a page of rows away
TITLE_PREFIXES = ("Lembar tersembunyi: ", "Lembar: ")


@dataclass
class Grid:
    """A sheet page's cells, looked up by offset."""

    cells: list[list[int]]  # [row, col, start, end], in text order
    headers: dict[int, str]
    header_row: int | None
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, record: PageRecord) -> Grid | None:
        data = record.sheet
        if not data or not data.get("cells"):
            return None
        cells = data["cells"]
        return cls(cells, {int(k): v for k, v in data.get("headers", {}).items()}, data.get("header_row"),
                   [c[2] for c in cells])

    def cell_at(self, offset: int) -> list[int] | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.cells[i] if i >= 0 and offset < self.cells[i][3] else None

    def in_body(self, cell: list[int]) -> bool:
        return self.header_row is None or cell[0] > self.header_row


def column_of(grid: Grid, finding: FindingRecord) -> int | None:
    """The column of the body cell holding the finding, or None (header row, comments, title)."""
    cell = grid.cell_at(finding.start)
    return cell[1] if cell is not None and grid.in_body(cell) else None


def sheet_tabs(session: Session, sha: str) -> list[dict]:
    """Every page of the workbook as a tab: number, sheet name, hidden or not (from the title line)."""
    rows = session.execute(select(PageRecord.number, func.substr(PageRecord.text, 1, 200))
                           .where(PageRecord.document_sha == sha).order_by(PageRecord.number))
    tabs = []
    for number, head in rows:
        line = (head or "").split("\n", 1)[0]
        prefix = next((p for p in TITLE_PREFIXES if line.startswith(p)), None)
        tabs.append({"number": number, "title": line[len(prefix):] if prefix else "",
                     "hidden": prefix == TITLE_PREFIXES[0]})
    return tabs


@dataclass
class ColumnResult:
    decided: list[DecisionRecord]
    skipped: int  # findings decided by someone else, left alone


def apply_to_column(session: Session, user: User, sha: str, page: int, col: int, verdict: str,
                    note: str = "") -> ColumnResult:
    """One verdict (`redact` or `keep`) for every finding of a column of a sheet page."""
    doc = workflow.document(session, sha)
    workflow.require(user, "decide", doc)
    if verdict not in VERDICTS:
        raise workflow.WorkflowError(f"keputusan tidak dikenal / unknown verdict: {verdict}")
    workflow.lock_editable(session, doc)  # from here on no one else decides on this document
    record = workflow.get_page(session, sha, page)
    grid = Grid.of(record) if record is not None else None
    if grid is None:
        raise workflow.WorkflowError("halaman ini bukan lembar kerja / this page is not a sheet")
    latest = current_decisions(session, sha)
    decided, skipped = [], 0
    for f in session.scalars(select(FindingRecord).where(FindingRecord.document_sha == sha,
                                                         FindingRecord.page == page).order_by(FindingRecord.start)):
        if column_of(grid, f) != col:
            continue
        previous = latest.get(f.id)
        if previous is not None and previous.user_id != user.id:
            skipped += 1
            continue
        label = previous.label if previous is not None else f.label
        basis = previous.basis if previous is not None else f.basis
        decided.append(workflow.append_decision(session, user, f, verdict, previous, label=label, basis=basis,
                                                note=note))
    return ColumnResult(decided, skipped)


def sheet_view(record: PageRecord, findings: list[dict], offset: int = 0, limit: int = ROWS_SHOWN) -> dict | None:
    """The table of a sheet page for the template: columns with their counts, the header row, and the
    body rows [offset, offset + limit) with each cell's text cut at the findings it holds."""
    grid = Grid.of(record)
    if grid is None:
        return None
    by_row: dict[int, list[list[int]]] = {}
    for cell in grid.cells:
        by_row.setdefault(cell[0], []).append(cell)
    body = [r for r in sorted(by_row) if grid.header_row is None or r > grid.header_row]
    cols = sorted({c[1] for c in grid.cells})
    placed = _placed(grid, findings)
    shown = body[offset:offset + limit]
    return {"columns": _columns(grid, cols, findings, placed), "header": _header(record, grid, by_row, cols),
            "rows": [{"row": r, "cells": _row(record, by_row[r], cols, placed)} for r in shown],
            "total_rows": len(body), "offset": offset, "limit": limit, "end": offset + len(shown)}


def _placed(grid: Grid, findings: list[dict]) -> dict[tuple[int, int], list[dict]]:
    out: dict[tuple[int, int], list[dict]] = {}
    for f in findings:
        cell = grid.cell_at(f["start"])
        if cell is not None:
            out.setdefault((cell[0], cell[1]), []).append(f)
    return out


def _columns(grid: Grid, cols: list[int], findings: list[dict], placed: dict) -> list[dict]:
    out = []
    for col in cols:
        mine = [f for (row, c), fs in placed.items() if c == col and (grid.header_row is None or row > grid.header_row)
                for f in fs]
        out.append({"col": col, "letter": column_letter(col), "header": grid.headers.get(col, ""),
                    "findings": len(mine), "open": sum(1 for f in mine if not f["decision"] and f["action"] != "keep"),
                    "labels": sorted({f["label"] for f in mine})})
    return out


def _header(record: PageRecord, grid: Grid, by_row: dict, cols: list[int]) -> list[str]:
    if grid.header_row is None:
        return [""] * len(cols)
    texts = {c[1]: record.text[c[2]:c[3]] for c in by_row.get(grid.header_row, [])}
    return [texts.get(col, "") for col in cols]


def _row(record: PageRecord, cells: list[list[int]], cols: list[int], placed: dict) -> list[dict]:
    at = {c[1]: c for c in cells}
    out = []
    for col in cols:
        cell = at.get(col)
        if cell is None:
            out.append({"col": col, "parts": []})
            continue
        out.append({"col": col, "parts": _parts(record.text, cell, placed.get((cell[0], col), []))})
    return out


def _parts(text: str, cell: list[int], findings: list[dict]) -> list[dict]:
    """The cell's text cut at its findings' spans (the shortest finding covering each piece is shown)."""
    a, b = cell[2], cell[3]
    cuts = sorted({a, b, *[min(max(f[k], a), b) for f in findings for k in ("start", "end")]})
    out = []
    for x, y in zip(cuts, cuts[1:]):
        covering = [f for f in findings if f["start"] <= x and y <= f["end"]]
        best = min(covering, key=lambda f: f["end"] - f["start"], default=None)
        out.append({"start": x, "text": text[x:y], "finding": best})
    return out
