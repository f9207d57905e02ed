"""DIK rows, with the legal basis and the duration parsed from the wording agencies use.

A basis code is `17` + huruf + optional angka (`17h2` = Pasal 17 huruf h angka 2), as everywhere
in the project. Agencies write the basis as prose ("Pasal 17 huruf c angka 1, 3 dan 6 UU 14/2008;
UU 43/2009 Pasal 44 ayat (1) huruf h"); `parse_basis` reads the codes and the other laws out of it,
and the text itself is kept verbatim so an export gives back what was imported.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

from reviewer.core.errors import ReviewerError

# Number of angka per huruf of Pasal 17 (legal-reference §1.1); 0: the huruf has no numbered points.
HURUF_ANGKA = {"a": 5, "b": 0, "c": 7, "d": 0, "e": 7, "f": 4, "g": 0, "h": 5, "i": 0, "j": 0}
NOT_PERMANENT = frozenset("abcdef")  # Pasal 20 ayat (1)
STATUSES = ("ditetapkan", "usulan", "dicabut")
DURATION_KINDS = ("period", "event", "consent", "while_valid", "permanent", "unspecified")
COUNTED_FROM = ("document", "decree")
CODE = re.compile(r"^17([a-j])(\d{0,2})$")


class DikError(ReviewerError):
    """A DIK file or row that cannot be used; the message names the file, row and column."""


# --- legal basis --------------------------------------------------------------------------------

_LAW = (r"\b(?:uu|undang[- ]undang|perpres|peraturan|pp|permen\w*|perkap|perki|perda|perwal|perbup|pergub|"
        r"perkom|kuhp|kuhap|keppres|kepmen\w*|sk|surat keputusan|kearsipan|adminduk|pdp|kup)\b")
_LAW_RE = re.compile(_LAW, re.I)
# Laws at the level of an Undang-Undang: citing one makes huruf j ("berdasarkan Undang-Undang") apply.
_STATUTE_RE = re.compile(r"\b(?:uu|undang[- ]undang|kuhp|kuhap|kearsipan|adminduk|pdp|kup)\b", re.I)
_KIP_LAW = re.compile(r"(?:\bpada\s+|\bdalam\s+)?(?:\buu|\bundang[- ]undang)\s*(?:republik indonesia\s*)?"
                      r"(?:no(?:mor)?\.?\s*)?14\s*(?:tahun|/|th\.?)\s*2008"
                      r"(?:\s*tentang\s+keterbukaan\s+informasi\s+publik)?|\b(?:uu|undang[- ]undang)\s*kip\b"
                      r"|\bundang[- ]undang\s+keterbukaan\s+informasi\s+publik\b", re.I)
_KIP_START = re.compile(r"(?:\bpasal|\bps\.?)\s*17(?![\d(])(?!\s*(?:\(|ayat))|\b17\s*(?=(?:huruf\s*)?[a-j]\b)",
                        re.I)
_TAIL_STOP = re.compile(r"[;+\n]|" + _LAW + r"|\bpasal\b|\bjo\b", re.I)
_TOKEN = re.compile(r"\b([a-j])\b|(\d+)", re.I)


@dataclass(frozen=True)
class Basis:
    codes: tuple[str, ...]
    other_laws: tuple[str, ...]


def _compact(text: str) -> str:
    text = re.sub(r"\b17\s*([a-j])\s*\(?(\d)\)?(?!\d)", r"17 huruf \1 angka \2", text, flags=re.I)
    text = re.sub(r"\b17([a-j])\b", r"17 huruf \1", text, flags=re.I)
    return re.sub(r"\b([a-j])\s*\((\d)\)", r"\1 angka \2", text, flags=re.I)


@lru_cache(maxsize=4096)
def parse_basis(text: str) -> Basis:
    """The Pasal 17 codes and the other laws cited in an agency's 'dasar hukum' text."""
    text = _compact(text or "")
    codes: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _KIP_START.finditer(text):
        stop = _TAIL_STOP.search(text, m.end())
        end = stop.start() if stop else len(text)
        codes.extend(_codes_in(text[m.end():end]))
        spans.append((m.start(), end))
    rest = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(text))
    others = _other_laws(_KIP_LAW.sub(" ", rest))
    if any(_STATUTE_RE.search(o) for o in others):
        codes.append("17j")
    return Basis(_dedupe(codes), tuple(others))


def _codes_in(tail: str) -> list[str]:
    out: list[str] = []
    huruf = None
    for letter, digit in _TOKEN.findall(tail):
        if letter:
            huruf = letter.lower()
            out.append("17" + huruf)
        elif huruf is not None and digit:
            if "17" + huruf in out:
                out.remove("17" + huruf)
            out.append(f"17{huruf}{int(digit)}")
    return out


def _other_laws(text: str) -> list[str]:
    pieces = re.split(r"[;+\n]|,\s*(?=" + _LAW + r")|\s+(?:dan|serta|jo\.?)\s+(?=" + _LAW + r")", text,
                      flags=re.I)
    out = []
    for piece in pieces:
        piece = " ".join(piece.split()).strip(" ,.-–&/")
        piece = re.sub(r"^(?:dan|serta|jo\.?|dan/atau)\s+", "", piece, flags=re.I)
        piece = _balanced(piece)
        if _LAW_RE.search(piece):
            out.append(piece)
    return out


def _balanced(piece: str) -> str:
    while piece.startswith("(") and piece.count("(") > piece.count(")"):
        piece = piece[1:].strip()
    while piece.endswith(")") and piece.count(")") > piece.count("("):
        piece = piece[:-1].strip()
    return piece + ")" * max(piece.count("(") - piece.count(")"), 0)


def _dedupe(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def valid_code(code: str) -> bool:
    m = CODE.match(code)
    if not m:
        return False
    angka = int(m.group(2)) if m.group(2) else 0
    return angka <= HURUF_ANGKA[m.group(1)] and (angka >= 1 or not m.group(2))


def huruf(code: str) -> str:
    m = CODE.match(code)
    return m.group(1) if m else ""


def describe_code(code: str) -> str:
    """`17h2` → 'Pasal 17 huruf h angka 2'."""
    m = CODE.match(code)
    if not m:
        return code
    return f"Pasal 17 huruf {m.group(1)}" + (f" angka {int(m.group(2))}" if m.group(2) else "")


def code_names(code: str) -> dict[str, str]:
    """`17h2` in both languages, a parameter of a coded reason: 'Pasal 17 huruf h angka 2', 'Article 17(h)(2)'."""
    m = CODE.match(code)
    english = f"Article 17({m.group(1)})" + (f"({int(m.group(2))})" if m.group(2) else "") if m else code
    return {"id": describe_code(code), "en": english}


def format_basis(codes, other_laws=()) -> str:
    """Codes and other laws as agencies write them: 'Pasal 17 huruf c angka 1, 3 UU 14/2008; UU 43/2009 …'."""
    by_huruf: dict[str, list[str]] = {}
    for code in codes:
        m = CODE.match(code)
        if m:
            by_huruf.setdefault(m.group(1), []).append(m.group(2))
    parts = []
    for letter, angka in by_huruf.items():
        numbers = [a for a in angka if a]
        parts.append(f"huruf {letter}" + (f" angka {', '.join(numbers)}" if numbers else ""))
    kip = f"Pasal 17 {' dan '.join(parts)} UU 14/2008" if parts else ""
    return "; ".join([p for p in [kip, *other_laws] if p])


# --- duration -----------------------------------------------------------------------------------

_NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                 "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "lima belas": 15,
                 "dua puluh": 20, "dua puluh lima": 25, "tiga puluh": 30}
_PERIOD = re.compile(r"(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) +
                     r")\s*(?:\([^)]*\)\s*)?(tahun|thn|th|bulan|bln)\b", re.I)


@dataclass(frozen=True)
class Duration:
    """How long a row's exemption lasts (legal-reference §2.4: often a condition, not a number).

    kind: period (`months`), event (until `text` happens), consent (until written consent),
    while_valid ('selama berlaku'), permanent, unspecified. A period counts from the document's
    date (`counted_from="document"`, the usual reading of '1 tahun') or from the decree.
    """

    kind: str = "unspecified"
    months: int | None = None
    text: str = ""
    counted_from: str = "document"

    def describe(self) -> str:
        if self.text:
            return self.text
        if self.kind == "period" and self.months:
            return f"{self.months // 12} tahun" if self.months % 12 == 0 else f"{self.months} bulan"
        return {"consent": "sampai ada persetujuan tertulis", "while_valid": "selama berlaku",
                "permanent": "permanen", "event": "sampai peristiwa tertentu"}.get(self.kind, "")


def parse_duration(text: str, counted_from: str | None = None) -> Duration:
    """An agency's 'jangka waktu' wording as a `Duration` (the wording itself is kept)."""
    raw = " ".join(str(text or "").split())
    low = raw.lower()
    if counted_from is None:
        counted_from = "decree" if re.search(r"sejak\s+(?:di)?tetap|sejak\s+penetapan", low) else "document"
    kind, months = "unspecified", None
    period = _PERIOD.search(low)
    if not low:
        pass
    elif period:
        n = int(period.group(1)) if period.group(1).isdigit() else _NUMBER_WORDS[period.group(1)]
        kind, months = "period", n * (1 if period.group(2).startswith("b") else 12)
    elif re.search(r"\b(?:permanen|selamanya|tidak terbatas|tanpa batas)", low):
        kind = "permanent"
    elif re.search(r"persetujuan|izin tertulis|ijin tertulis", low):
        kind = "consent"
    elif re.search(r"selama\s+(?:masih\s+)?berlaku|selama\s+\w+\s+berlaku", low):
        kind = "while_valid"
    else:
        kind = "event"
    return Duration(kind, months, raw, counted_from)


# --- dates --------------------------------------------------------------------------------------

def parse_date(value) -> date | None:
    """A date from a spreadsheet cell: a date, ISO text, dd/mm/yyyy, or '12 Januari 2024'."""
    from reviewer.detect.validators import MONTHS

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(str(value or "").split()).lower()
    if not text:
        return None
    for pattern, order in ((r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"), (r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", "dmy")):
        m = re.search(pattern, text)
        if m:
            parts = dict(zip(order, (int(g) for g in m.groups())))
            return _safe_date(parts["y"], parts["m"], parts["d"])
    m = re.search(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", text)
    if m and m.group(2) in MONTHS:
        return _safe_date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


ID_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")


def format_date(value: date | None) -> str:
    return f"{value.day} {ID_MONTHS[value.month - 1]} {value.year}" if value else ""


# --- rows ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Decree:
    """The decree (surat penetapan / keputusan) that set a row: number, date, signing official, place."""

    number: str = ""
    date: date | None = None
    official: str = ""
    place: str = ""

    def describe(self) -> str:
        if not self.number:
            return ""
        out = self.number
        if self.date:
            out += f" tanggal {format_date(self.date)}"
        if self.official:
            out += f" oleh {self.official}"
        return out


@dataclass(frozen=True)
class DikRow:
    """One row of a unit's DIK."""

    information: str
    basis_text: str = ""
    reason: str = ""
    if_opened: str = ""
    if_closed: str = ""
    duration: Duration = field(default_factory=Duration)
    decree: Decree = field(default_factory=Decree)
    number: str = ""
    group: str = ""
    holder: str = ""
    keywords: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    status: str = "ditetapkan"
    ended_on: date | None = None  # the event happened, consent was given, or the row was revoked
    unit: str = ""
    id: int | None = None

    @property
    def basis(self) -> Basis:
        return parse_basis(self.basis_text)

    @property
    def codes(self) -> tuple[str, ...]:
        return self.basis.codes

    def basis_description(self) -> str:
        return self.basis_text or format_basis(self.codes)

    def with_(self, **changes) -> DikRow:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["keywords"], d["labels"] = list(self.keywords), list(self.labels)
        d["codes"], d["other_laws"] = list(self.codes), list(self.basis.other_laws)
        d["decree"]["date"] = self.decree.date.isoformat() if self.decree.date else None
        d["ended_on"] = self.ended_on.isoformat() if self.ended_on else None
        return d
