"""Yearly figures per unit and for the whole city, for the PPID's annual report.

For year Y: documents received (uploaded in Y), screened (read and scanned) and failed; documents
approved in Y, their redactions per Pasal 17 huruf (the current decision of each finding), and the
turnaround from upload to approval in days; documents returned in Y (from the audit log); and the
months of Y. A unit's figures cover its own documents; `city` covers every document, including
those not assigned to any unit.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer.core import vocabulary
from reviewer.store import records as store
from reviewer.store.units import DocumentUnit, UnitRecord

HURUF = tuple(code[2] for code in vocabulary.BASES if len(code) == 3)
OTHER = "lain"  # redactions without a Pasal 17 basis (e.g. a box drawn by hand without one)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


@dataclass
class Figures:
    year: int
    unit: str  # unit code; "" for the whole city
    name: str
    received: int = 0
    screened: int = 0
    failed: int = 0
    approved: int = 0
    returned: int = 0
    redactions: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*HURUF, OTHER), 0))
    turnaround_median: float | None = None
    turnaround_mean: float | None = None
    turnaround_max: float | None = None
    received_by_month: list[int] = field(default_factory=lambda: [0] * 12)
    approved_by_month: list[int] = field(default_factory=lambda: [0] * 12)

    @property
    def redactions_total(self) -> int:
        return sum(self.redactions.values())

    def to_dict(self) -> dict:
        return asdict(self) | {"redactions_total": self.redactions_total}


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    return datetime(year, 1, 1), datetime(year + 1, 1, 1)


def yearly(session: Session, year: int, codes: set[str] | None = None) -> list[Figures]:
    """Figures for each unit (all units, or those in `codes`), then the city-wide total (only when
    `codes` is None: someone who sees only some units gets no city total)."""
    units = list(session.scalars(select(UnitRecord).where(UnitRecord.active).order_by(UnitRecord.name)))
    unit_of = dict(session.execute(select(DocumentUnit.document_sha, UnitRecord.code)
                                   .join(UnitRecord, UnitRecord.id == DocumentUnit.unit_id)).tuples().all())
    docs = _documents(session, year)
    out = []
    for unit in units:
        if codes is not None and unit.code not in codes:
            continue
        mine = [d for d in docs if unit_of.get(d.sha256) == unit.code]
        out.append(_figures(session, year, unit.code, unit.name, mine))
    if codes is None:
        out.append(_figures(session, year, "", "Seluruh kota / whole city", docs))
    return out


def _documents(session: Session, year: int) -> list[store.DocumentRecord]:
    start, end = _year_bounds(year)
    received = (store.DocumentRecord.created_at >= start) & (store.DocumentRecord.created_at < end)
    approved = (store.DocumentRecord.approved_at >= start) & (store.DocumentRecord.approved_at < end)
    return list(session.scalars(select(store.DocumentRecord).where(received | approved)))


def _figures(session: Session, year: int, code: str, name: str, docs: list[store.DocumentRecord]) -> Figures:
    start, end = _year_bounds(year)
    fig = Figures(year, code, name)
    approved: list[store.DocumentRecord] = []
    days: list[float] = []  # upload to approval
    for doc in docs:
        if start <= doc.created_at < end:
            fig.received += 1
            fig.received_by_month[doc.created_at.month - 1] += 1
            fig.failed += doc.status == "failed"
            fig.screened += doc.status not in ("processing", "failed")
        if doc.approved_at is not None and start <= doc.approved_at < end and doc.status == "approved":
            approved.append(doc)
            days.append((doc.approved_at - doc.created_at).total_seconds() / 86400)
            fig.approved_by_month[doc.approved_at.month - 1] += 1
    fig.approved = len(approved)
    if days:
        fig.turnaround_median = round(statistics.median(days), 1)
        fig.turnaround_mean = round(statistics.fmean(days), 1)
        fig.turnaround_max = round(max(days), 1)
    fig.redactions.update(_redactions(session, [d.sha256 for d in approved]))
    fig.returned = _returned(session, [d.sha256 for d in docs], start, end)
    return fig


def _redactions(session: Session, shas: list[str]) -> Counter:
    counts: Counter = Counter()
    for chunk in _chunks(shas, 500):
        latest = select(func.max(store.DecisionRecord.id)).where(store.DecisionRecord.document_sha.in_(chunk)) \
            .group_by(store.DecisionRecord.finding_id)
        for verdict, basis in session.execute(select(store.DecisionRecord.verdict, store.DecisionRecord.basis)
                                              .where(store.DecisionRecord.id.in_(latest))):
            if verdict == "redact":
                letter = basis[2:3] if basis.startswith("17") else ""
                counts[letter if letter in HURUF else OTHER] += 1
    return counts


def _returned(session: Session, shas: list[str], start: datetime, end: datetime) -> int:
    total = 0
    for chunk in _chunks(shas, 500):
        total += session.scalar(select(func.count()).select_from(store.Event).where(
            store.Event.action == "returned", store.Event.document_sha.in_(chunk), store.Event.at >= start,
            store.Event.at < end)) or 0
    return total


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


# --- export ---------------------------------------------------------------------------------------

COLUMNS = [("name", "Unit"), ("received", "Dokumen diterima"), ("screened", "Dokumen dipindai"),
           ("failed", "Gagal dibaca"), ("approved", "Dokumen disetujui"), ("returned", "Dikembalikan"),
           ("redactions_total", "Penghitaman"),
           *[(f"h_{h}", f"Pasal 17 huruf {h}") for h in HURUF], (f"h_{OTHER}", "Tanpa dasar Pasal 17"),
           ("turnaround_median", "Waktu proses median (hari)"), ("turnaround_mean", "Waktu proses rata-rata (hari)"),
           ("turnaround_max", "Waktu proses terlama (hari)")]


def table(figures: list[Figures]) -> list[list]:
    """Header and one line per unit (and the city), as in the exports."""
    rows: list[list] = [[title for _k, title in COLUMNS]]
    for fig in figures:
        values = fig.to_dict() | {f"h_{k}": v for k, v in fig.redactions.items()}
        rows.append([values[k] for k, _t in COLUMNS])
    return rows


def to_csv(figures: list[Figures]) -> bytes:
    import csv
    import io

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in table(figures):
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(figures: list[Figures]) -> bytes:
    """A workbook with the table, redactions per huruf and documents per month, each with a chart."""
    import io

    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    ws = book.active
    if not isinstance(ws, Worksheet):  # a new workbook starts with one worksheet
        raise TypeError("openpyxl: a new workbook has no worksheet")
    ws.title = "Ringkasan"
    for row in table(figures):
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = 36
    total = figures[-1] if figures else None
    if total is not None:
        per = book.create_sheet("Per huruf")
        per.append(["Huruf", "Penghitaman"])
        for key, n in total.redactions.items():
            per.append([f"huruf {key}" if key != OTHER else "tanpa dasar", n])
        chart = BarChart()
        chart.title, chart.y_axis.title = f"Penghitaman per huruf Pasal 17 — {total.name} {total.year}", "jumlah"
        chart.add_data(Reference(per, min_col=2, min_row=1, max_row=len(HURUF) + 2), titles_from_data=True)
        chart.set_categories(Reference(per, min_col=1, min_row=2, max_row=len(HURUF) + 2))
        per.add_chart(chart, "D2")
        months = book.create_sheet("Per bulan")
        months.append(["Bulan", "Diterima", "Disetujui"])
        for i, label in enumerate(MONTHS):
            months.append([label, total.received_by_month[i], total.approved_by_month[i]])
        line = LineChart()
        line.title, line.y_axis.title = f"Dokumen per bulan — {total.name} {total.year}", "dokumen"
        line.add_data(Reference(months, min_col=2, max_col=3, min_row=1, max_row=13), titles_from_data=True)
        line.set_categories(Reference(months, min_col=1, min_row=2, max_row=13))
        months.add_chart(line, "E2")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
