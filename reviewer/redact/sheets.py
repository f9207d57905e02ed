"""From decisions to cell edits: what XLSX, ODS and CSV redaction have in common.

A decision's offsets fall in cells (`Page.cells`) or in notes (`Page.segments`: sheet title,
comment, header/footer, defined name; see `reviewer.extract.sheets`). A cell whose whole text is
decided becomes the basis label, "[DIKECUALIKAN Ps.17 h]"; a decided stretch inside a longer
cell is replaced by that label in place. With `Settings.sheet_mask == "partial"` a NIK or KK
keeps its first and last four digits ("3201********0001"), as beneficiary lists often publish
them. Hidden sheets and comments are removed whole, so decisions on them are applied by that.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from reviewer.core.errors import RedactionError
from reviewer.core.model import Decision, Document, Page
from reviewer.core.settings import Settings
from reviewer.redact.labels import box_label
from reviewer.redact.outcome import Outcome

MASKABLE = ("NIK", "KK")
PREFIX = "DIKECUALIKAN"


def cell_label(basis: str, settings: Settings) -> str:
    return f"[{PREFIX} {box_label(basis, settings)}]"


def mask(text: str) -> str | None:
    """A 16-digit number with its middle eight digits starred, separators kept; None otherwise."""
    positions = [i for i, c in enumerate(text) if c.isdigit()]
    if len(positions) != 16:
        return None
    chars = list(text)
    for i in positions[4:12]:
        chars[i] = "*"
    return "".join(chars)


@dataclass
class Plan:
    """Edits per sheet: cells (sheet, row, col) -> spans; notes (sheet, part) -> spans."""

    cells: dict[tuple[int, int, int], list] = field(default_factory=lambda: defaultdict(list))
    notes: dict[tuple[int, str], list] = field(default_factory=lambda: defaultdict(list))
    hidden: set[int] = field(default_factory=set)  # sheet indexes removed whole
    outcome: Outcome = field(default_factory=Outcome)


def plan(document: Document, decisions: list[Decision]) -> Plan:
    """Where every decision lands; raises RedactionError for one that lands nowhere."""
    from reviewer.extract.sheets import sheet_of

    out = Plan()
    hidden_pages = {p.number for p in document.pages if p.text.startswith("Lembar tersembunyi: ")}
    for i, d in enumerate(decisions):
        page = document.pages[d.page - 1]
        if d.page in hidden_pages:
            out.hidden.add(sheet_of(page))
            out.outcome.places[i] += 1
            out.outcome.where[i] = "lembar tersembunyi (dihapus)"
            continue
        places = _cells(page, d, i, out) + _notes(page, d, i, out)
        if not places:
            raise RedactionError(f"keputusan #{i + 1}: teks '{d.text}' tidak ada di sel mana pun / not in any cell")
        out.outcome.places[i] += places
    return out


def _cells(page: Page, d: Decision, i: int, out: Plan) -> int:
    n = 0
    for cell in page.cells_between(d.start, d.end):
        a, b = max(d.start, cell.start), min(d.end, cell.end)
        if b <= a:
            continue
        out.cells[(cell.table, cell.row, cell.col)].append((a - cell.start, b - cell.start, i, d))
        out.outcome.where.setdefault(i, f"sel {_ref(cell.row, cell.col)}")
        n += 1
    return n


def _notes(page: Page, d: Decision, i: int, out: Plan) -> int:
    from reviewer.extract.sheets import sheet_of

    n = 0
    for seg in page.segments:
        base = seg.start - seg.location.offset  # where the note's own text begins
        a, b = max(d.start, base), min(d.end, seg.end)
        if b <= a:
            continue
        out.notes[(sheet_of(page), seg.location.part)].append((a - base, b - base, i, d))
        out.outcome.where.setdefault(i, WHERE.get(seg.kind, seg.kind))
        n += 1
    return n


WHERE = {"title": "nama lembar", "comment": "komentar (dihapus)", "header": "kepala halaman",
         "footer": "kaki halaman", "name": "nama terdefinisi (dihapus)"}


def _ref(row: int, col: int) -> str:
    from reviewer.extract.sheets import column_letter

    return f"{column_letter(col)}{row + 1}"


def rewrite(text: str, spans: list, settings: Settings) -> str:
    """The cell text with each decided stretch replaced (the whole cell when all of it is decided)."""
    merged: list[list] = []
    for a, b, _, d in sorted(spans, key=lambda s: (s[0], s[1])):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b, d])
    if len(merged) == 1 and not text[:merged[0][0]].strip() and not text[merged[0][1]:].strip():
        return _fill(text.strip(), merged[0][2], settings)
    out, pos = [], 0
    for a, b, d in merged:
        out += [text[pos:a], _fill(text[a:b], d, settings)]
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _fill(piece: str, d: Decision, settings: Settings) -> str:
    if settings.sheet_mask == "partial" and d.label in MASKABLE:
        masked = mask(piece)
        if masked is not None:
            return masked
    return cell_label(d.basis, settings)


def check_text(found: str, expected: str, where: str) -> None:
    """The file's cell still holds the text the decisions were made on."""
    from reviewer.extract.sheets import flat

    if flat(found) != expected:
        raise RedactionError(f"isi {where} berbeda dari saat dipindai / cell text changed since the scan")


SAFE_TITLE = re.compile(r"[\[\]:*?/\\]")
