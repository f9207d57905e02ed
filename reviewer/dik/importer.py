"""Import a DIK from CSV or XLSX in any of the layouts agencies use (legal-reference §2.3).

The decree that set the rows is read, in this order, from the row's own columns (full layout),
from the title block above the table ("Nomor : …", "Tanggal : …"), from the signature block below
it ("Ditetapkan di …", "Pada tanggal …", the official's title and name), or from what the person
importing gives. Problems with single rows become warnings naming the row; the import goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reviewer.dik.model import COUNTED_FROM, STATUSES, Decree, DikError, DikRow, parse_basis, parse_date, parse_duration
from reviewer.dik.tables import cell_text, find_header, is_numbering_row, norm, read_table

_TITLE_KEYS = [
    ("number", r"^(?:nomor\b|no\b\.?)\s*:?\s*(.+)$"),
    ("date", r"^(?:tanggal\b|pada tanggal\b|tgl\b\.?)\s*:?\s*(.+)$"),
    ("official", r"^(?:ditetapkan oleh|pejabat (?:yang )?(?:menetapkan|penetap)|penandatangan)\s*:?\s*(.+)$"),
    ("place", r"^(?:ditetapkan di|tempat)\s*:?\s*(.+)$"),
]
_TRAILER = re.compile(r"^(?:ditetapkan di|pada tanggal|mengetahui|ditandatangani)\b", re.I)
_GROUP = re.compile(r"^(?:[A-Z]|[IVX]{1,4})[.)]?$")
_ENUMERATED = re.compile(r"^(?:[A-Z]|[IVX]{1,4})[.)]\s+\S")


@dataclass
class ImportResult:
    rows: list[DikRow]
    decree: Decree
    warnings: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # fields recognised, in column order


def import_file(path: str | Path, data: bytes | None = None, decree: Decree | None = None,
                unit: str = "") -> ImportResult:
    """Read a DIK file. `decree` fills what the file does not say; raises `DikError` when no DIK
    table can be found (the message lists the columns expected)."""
    name = Path(path).name
    return parse_table(read_table(path, data), name, decree or Decree(), unit)


def parse_table(table: list[list], name: str = "", given: Decree | None = None, unit: str = "") -> ImportResult:
    header = find_header(table)
    if header is None:
        raise DikError(f"{name}: tabel DIK tidak ditemukan. Baris judul kolom harus memuat 'Informasi' dan "
                       "salah satu dari 'Dasar Hukum', 'Jangka Waktu', 'Alasan', 'Dibuka' / no DIK table found: "
                       "the header row needs 'Informasi' and 'Dasar Hukum', 'Jangka Waktu', 'Alasan' or 'Dibuka'")
    start, height, fields = header
    warnings: list[str] = []
    title = _key_values(table[:start])
    body, trailer = _split_trailer(table[start + height:])
    signed = _signature(trailer)
    decree = _decree(given or Decree(), title, signed, name, warnings)
    rows = _rows(body, fields, start + height, decree, unit, name, warnings)
    if not rows:
        warnings.append(f"{name}: tidak ada baris DIK / no DIK rows")
    return ImportResult(rows, decree, warnings, [f for f in fields if f])


def _key_values(rows: list[list]) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in rows:
        line = " ".join(cell_text(c) for c in row if cell_text(c))
        for key, pattern in _TITLE_KEYS:
            m = re.match(pattern, line, re.I)
            if m and key not in out:
                out[key] = m.group(1).strip(" :")
                break
        else:
            m = re.search(r"\bnomor\s*:?\s*([0-9A-Za-z][\w./-]*(?:\s*/\s*[\w.-]+)*)", line, re.I)
            if m and "number" not in out:
                out["number"] = m.group(1)
    return out


def _split_trailer(rows: list[list]) -> tuple[list[list], list[list]]:
    for i, row in enumerate(rows):
        texts = [cell_text(c) for c in row if cell_text(c)]
        if texts and _TRAILER.match(texts[0]) and len(texts) <= 3:
            return rows[:i], rows[i:]
    return rows, []


def _signature(rows: list[list]) -> dict[str, str]:
    out = _key_values(rows)
    names = []
    for row in rows:
        line = " ".join(cell_text(c) for c in row if cell_text(c))
        if not line or any(re.match(p, line, re.I) for _k, p in _TITLE_KEYS) or _TRAILER.match(line):
            continue
        if re.match(r"^(?:nip|nrp|ttd|cap|tanda tangan)\b", line, re.I) or line.startswith("("):
            continue
        names.append(line.rstrip(","))
    if names:
        out["official"] = ", ".join(names[:3])
    return out


def _decree(given: Decree, title: dict, signed: dict, name: str, warnings: list[str]) -> Decree:
    found = {**signed, **{k: v for k, v in title.items() if v}}
    date = parse_date(found["date"]) if found.get("date") else None
    if found.get("date") and date is None:
        warnings.append(f"{name}: tanggal penetapan tidak terbaca / decree date not understood: {found['date']!r}")
    from_file = Decree(found.get("number", ""), date, found.get("official", ""), found.get("place", ""))
    merged = {}
    for key in ("number", "date", "official", "place"):
        mine, theirs = getattr(given, key), getattr(from_file, key)
        if mine and theirs and mine != theirs:
            warnings.append(f"{name}: {key} penetapan di berkas ({theirs}) diganti dengan yang diberikan ({mine}) / "
                            f"decree {key} in the file replaced by the one given")
        merged[key] = mine or theirs
    return Decree(**merged)


def _rows(body: list[list], fields: list[str | None], first: int, decree: Decree, unit: str, name: str,
          warnings: list[str]) -> list[DikRow]:
    rows: list[DikRow] = []
    group = ""
    for offset, raw in enumerate(body):
        line = first + offset + 1  # 1-based, as the spreadsheet shows it
        cells = {f: cell_text(raw[i]) if i < len(raw) else "" for i, f in enumerate(fields) if f}
        texts = [cell_text(c) for c in raw if cell_text(c)]
        if not texts or is_numbering_row(raw):
            continue
        heading = _heading(cells, texts)
        if heading:
            group = heading
            continue
        if not cells.get("information"):
            if rows and not cells.get("number"):
                rows[-1] = _continue(rows[-1], cells)
            else:
                warnings.append(f"{name} baris {line}: kolom informasi kosong, dilewati / empty information, skipped")
            continue
        rows.append(_row(cells, group, decree, unit, f"{name} baris {line}", warnings))
    return rows


def _heading(cells: dict, texts: list[str]) -> str:
    """A group heading like 'A. Informasi yang berkaitan dengan rahasia pribadi pegawai'."""
    number = cells.get("number", "")
    if len(texts) == 2 and _GROUP.match(number) and number in texts:
        other = next(t for t in texts if t != number)
        return f"{number.rstrip('.)')}. {other}"
    if len(texts) != 1 or texts[0].isdigit():
        return ""
    text = texts[0]
    if _ENUMERATED.match(text) or cells.get("information") != text:
        return text
    return ""


def _continue(row: DikRow, cells: dict) -> DikRow:
    """A row whose information cell is merged with the one above: add its texts to the row above."""
    changes: dict[str, Any] = {}
    for key in ("basis_text", "reason", "if_opened", "if_closed"):
        if cells.get(key):
            changes[key] = "\n".join(filter(None, [getattr(row, key), cells[key]]))
    return replace(row, **changes) if changes else row


def _row(cells: dict, group: str, decree: Decree, unit: str, where: str, warnings: list[str]) -> DikRow:
    counted = norm(cells.get("counted_from"))
    counted_from = {"penetapan": "decree", "decree": "decree", "dokumen": "document",
                    "document": "document"}.get(counted, None)
    if counted and counted_from is None:
        warnings.append(f"{where}: 'dihitung sejak' harus 'dokumen' atau 'penetapan' / counted-from must be "
                        f"'dokumen' or 'penetapan': {cells['counted_from']!r}")
    assert counted_from in (None, *COUNTED_FROM)
    status = norm(cells.get("status")) or "ditetapkan"
    if status not in STATUSES:
        warnings.append(f"{where}: status tidak dikenal {cells['status']!r}, dianggap 'ditetapkan' / unknown status")
        status = "ditetapkan"
    basis_text = cells.get("basis_text", "")
    if not basis_text and cells.get("reason") and _cites_law(cells["reason"]):
        basis_text = cells["reason"]  # layouts C and E put the legal basis in the reason column
    return DikRow(
        information=cells["information"], basis_text=basis_text, reason=cells.get("reason", ""),
        if_opened=cells.get("if_opened", ""), if_closed=cells.get("if_closed", ""),
        duration=parse_duration(cells.get("duration", ""), counted_from),
        decree=_row_decree(cells, decree, where, warnings), number=cells.get("number", ""),
        group=cells.get("group") or group, holder=cells.get("holder") or cells.get("responsible", ""),
        keywords=_split(cells.get("keywords")), labels=_labels(cells.get("labels"), where, warnings),
        status=status, ended_on=_date(cells, "ended_on", where, warnings), unit=cells.get("unit") or unit)


def _cites_law(text: str) -> bool:
    basis = parse_basis(text)
    return bool(basis.codes or basis.other_laws)


def _row_decree(cells: dict, decree: Decree, where: str, warnings: list[str]) -> Decree:
    return Decree(cells.get("decree_number") or decree.number,
                  _date(cells, "decree_date", where, warnings) or decree.date,
                  cells.get("decree_official") or decree.official, cells.get("decree_place") or decree.place)


def _date(cells: dict, key: str, where: str, warnings: list[str]):
    if not cells.get(key):
        return None
    value = parse_date(cells[key])
    if value is None:
        warnings.append(f"{where}: tanggal tidak terbaca / date not understood: {cells[key]!r}")
    return value


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in re.split(r"[,;\n]", text or "") if t.strip()))


def _labels(text: str | None, where: str, warnings: list[str]) -> tuple[str, ...]:
    from reviewer.core.model import LABELS

    out = []
    for label in _split(text):
        if label.upper() in LABELS:
            out.append(label.upper())
        else:
            warnings.append(f"{where}: label tidak dikenal / unknown label {label!r} ({', '.join(LABELS)})")
    return tuple(out)
