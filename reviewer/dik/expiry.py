"""Durations (Pasal 20): when a DIK row, or a redaction made under it, stops being exempt.

- A row with a period counted from its decree ends on decree date + period.
- A row with a period counted from the document ends separately for each document: a redaction in a
  document approved on D ends on D + period.
- A row 'until an event' or 'until written consent' ends when someone records that it happened
  (`ended_on`); a revoked row ('dicabut') ends on the day it was revoked.
- Rows under huruf a–f without any period are listed too: Pasal 20 says they are not permanent.

The PPID declares expiring information open before the period ends (a practice rule found in
ministerial SLIP rules: at most 30 working days before), so rows are listed `NOTICE_WORKING_DAYS`
ahead.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from reviewer.dik.model import NOT_PERMANENT, DikRow, format_date, huruf

NOTICE_WORKING_DAYS = 30
DUE_STATES = {"expired": "berakhir", "soon": "segera berakhir", "no_period": "tanpa jangka waktu (Pasal 20)"}


def add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def working_days_before(day: date, n: int) -> date:
    """The date `n` working days (Monday–Friday) before `day`. Public holidays are not known here."""
    while n > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def expires_on(row: DikRow, document_date: date | None = None) -> date | None:
    """When the row's exemption ends (for a document dated `document_date`), or None if not known."""
    if row.ended_on is not None:
        return row.ended_on
    duration = row.duration
    if duration.kind != "period" or not duration.months:
        return None
    start = row.decree.date if duration.counted_from == "decree" else document_date
    return add_months(start, duration.months) if start else None


def without_period(row: DikRow) -> bool:
    """A row under huruf a–f with no period or ending event (Pasal 20: not permanent)."""
    temporary = {huruf(c) for c in row.codes} & NOT_PERMANENT
    return bool(temporary) and row.duration.kind in ("permanent", "while_valid", "unspecified") \
        and row.ended_on is None


@dataclass(frozen=True)
class Due:
    """A row (or a redaction under it) to re-review: `state` is expired, soon or no_period."""

    row: DikRow
    state: str
    expires: date | None

    def describe(self) -> str:
        if self.state == "no_period":
            return "huruf a–f tanpa jangka waktu; tetapkan jangka waktu (Pasal 20 UU 14/2008)"
        verb = "berakhir" if self.state == "expired" else "akan berakhir"
        return f"{verb} {format_date(self.expires)}"


def state_of(expires: date | None, today: date, notice: int = NOTICE_WORKING_DAYS) -> str | None:
    if expires is None:
        return None
    if expires <= today:
        return "expired"
    if working_days_before(expires, notice) <= today:
        return "soon"
    return None


def rows_due(rows, today: date, notice: int = NOTICE_WORKING_DAYS) -> list[Due]:
    """Rows whose own period has ended or ends within the notice, and a–f rows without a period."""
    out = []
    for row in rows:
        if row.status == "dicabut":
            continue
        expires = expires_on(row)
        state = state_of(expires, today, notice)
        if state:
            out.append(Due(row, state, expires))
        elif without_period(row):
            out.append(Due(row, "no_period", None))
    return sorted(out, key=lambda d: (d.expires or date.max, d.row.unit, d.row.number))
