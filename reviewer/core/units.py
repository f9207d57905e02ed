"""Units: the organisation tree of a city government and what each unit's people may see.

Pemerintah Kota → Dinas/Badan, Kecamatan, BUMD (→ UPT, Kelurahan …). The PPID utama coordinates a
PPID pembantu in each unit. A member of a unit sees that unit and the units under it; a member of
the unit that holds the PPID utama sees the whole tree. Officials, allow/deny terms and box labels
are set per unit and inherited from the parent: lists add up down the tree, a box label set lower
down replaces the one above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reviewer.core.errors import ReviewerError
from reviewer.core.settings import Settings

KINDS = {
    "pemkot": "Pemerintah Kota", "pemkab": "Pemerintah Kabupaten", "pemprov": "Pemerintah Provinsi",
    "sekretariat": "Sekretariat", "dinas": "Dinas", "badan": "Badan", "inspektorat": "Inspektorat",
    "kecamatan": "Kecamatan", "kelurahan": "Kelurahan", "desa": "Desa", "bumd": "BUMD", "upt": "UPT",
    "rsud": "RSUD", "bagian": "Bagian", "lainnya": "Lainnya",
}
PPID_LEVELS = {"utama": "PPID utama", "pembantu": "PPID pembantu", "": "tanpa PPID sendiri"}
# Unit roles use the account roles (`reviewer.store.records.ROLES`), in order of what they may do.
ROLE_RANK = {"officer": 1, "reviewer": 2, "admin": 3}
LIST_FIELDS = ("officials", "allow_terms", "deny_terms", "agency_contacts")
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,59}$")


class UnitError(ReviewerError):
    """An organisation tree that cannot be used (unknown parent, cycle, duplicate code …)."""


@dataclass(frozen=True)
class Unit:
    """One unit. `code` is a short stable key (`dinkes`, `kec-utara`) used in URLs and files."""

    code: str
    name: str
    kind: str = "dinas"
    parent: str | None = None
    ppid: str = "pembantu"
    officials: tuple[str, ...] = ()
    allow_terms: tuple[str, ...] = ()
    deny_terms: tuple[str, ...] = ()
    agency_contacts: tuple[str, ...] = ()  # the unit's own published phones, e-mails, addresses, websites
    box_labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    id: int | None = None

    @property
    def kind_name(self) -> str:
        return KINDS.get(self.kind, self.kind)


def check_unit(unit: Unit) -> None:
    if not CODE_RE.match(unit.code):
        raise UnitError(f"kode unit tidak sah / invalid unit code {unit.code!r}: huruf kecil, angka, '-', '.', "
                        "'_' (mis. 'dinkes', 'kec-utara')")
    if not unit.name.strip():
        raise UnitError(f"unit {unit.code}: nama kosong / empty name")
    if unit.kind not in KINDS:
        raise UnitError(f"unit {unit.code}: jenis tidak dikenal / unknown kind {unit.kind!r} "
                        f"({', '.join(KINDS)})")
    if unit.ppid not in PPID_LEVELS:
        raise UnitError(f"unit {unit.code}: PPID harus 'utama', 'pembantu' atau kosong / ppid must be "
                        "'utama', 'pembantu' or empty")


@dataclass(frozen=True)
class Origin:
    """Where an effective setting comes from: for the UI's 'diwarisi dari …'."""

    value: str
    unit: str  # unit code; "" for the instance-wide lists


class UnitTree:
    """A validated forest of units (one tree per Pemerintah Kota/Kabupaten normally)."""

    def __init__(self, units: Iterable[Unit]):
        self.units: dict[str, Unit] = {}
        for unit in units:
            check_unit(unit)
            if unit.code in self.units:
                raise UnitError(f"kode unit ganda / duplicate unit code: {unit.code}")
            self.units[unit.code] = unit
        self.children: dict[str | None, list[str]] = {}
        for unit in self.units.values():
            if unit.parent is not None and unit.parent not in self.units:
                raise UnitError(f"unit {unit.code}: induk tidak dikenal / unknown parent {unit.parent!r}")
            self.children.setdefault(unit.parent, []).append(unit.code)
        for code in self.units:
            self.ancestors(code)  # raises on a cycle

    def __contains__(self, code: object) -> bool:
        return code in self.units

    def __iter__(self):
        return iter(self.walk())

    def __getitem__(self, code: str) -> Unit:
        try:
            return self.units[code]
        except KeyError:
            raise UnitError(f"unit tidak dikenal / unknown unit: {code}") from None

    def ancestors(self, code: str) -> list[Unit]:
        """The unit and its parents, root first."""
        chain, seen = [], set()
        unit: Unit | None = self[code]
        while unit is not None:
            if unit.code in seen:
                raise UnitError(f"unit {code}: induk membentuk lingkaran / parent chain forms a cycle")
            seen.add(unit.code)
            chain.append(unit)
            unit = self.units.get(unit.parent) if unit.parent else None
        return chain[::-1]

    def root_of(self, code: str) -> Unit:
        return self.ancestors(code)[0]

    def subtree(self, code: str) -> list[str]:
        """The unit's code and all codes below it, depth first."""
        out, stack = [], [code]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(sorted(self.children.get(current, []), reverse=True))
        return out

    def walk(self) -> list[tuple[int, Unit]]:
        """(depth, unit) for every unit, parents before children, siblings by name."""
        out: list[tuple[int, Unit]] = []

        def visit(code: str, depth: int) -> None:
            out.append((depth, self.units[code]))
            for child in sorted(self.children.get(code, []), key=lambda c: self.units[c].name):
                visit(child, depth + 1)

        for root in sorted(self.children.get(None, []), key=lambda c: self.units[c].name):
            visit(root, 0)
        return out

    def scope(self, code: str) -> set[str]:
        """The units a member of `code` sees: its subtree, or the whole tree for the PPID utama."""
        if self[code].ppid == "utama":
            return set(self.subtree(self.root_of(code).code))
        return set(self.subtree(code))

    def visible(self, memberships: Iterable[tuple[str, str]]) -> set[str]:
        """Units visible through (unit code, role) memberships."""
        out: set[str] = set()
        for code, _role in memberships:
            if code in self.units:
                out |= self.scope(code)
        return out

    def role_in(self, memberships: Iterable[tuple[str, str]], code: str) -> str | None:
        """The strongest role a member has over unit `code` (through its own unit or one above)."""
        roles = [role for unit, role in memberships if unit in self.units and code in self.scope(unit)]
        return max(roles, key=lambda r: ROLE_RANK.get(r, 0), default=None)

    def effective(self, code: str, base: Settings) -> Settings:
        """`base` (instance-wide lists already in it) plus every list and label down to `code`."""
        values = {name: list(getattr(base, name)) for name in LIST_FIELDS}
        labels = dict(base.box_labels)
        for unit in self.ancestors(code):
            for name in LIST_FIELDS:
                values[name].extend(getattr(unit, name))
            labels.update(unit.box_labels)
        return base.with_(box_labels=labels, **{k: _unique(v) for k, v in values.items()})

    def origins(self, code: str, base: Settings | None = None) -> dict[str, list[Origin]]:
        """Each effective list item and box label with the unit it comes from (first setter wins)."""
        out: dict[str, list[Origin]] = {name: [] for name in (*LIST_FIELDS, "box_labels")}
        sources: list[tuple[str, Settings | Unit]] = [("", base)] if base is not None else []
        sources += [(u.code, u) for u in self.ancestors(code)]
        labels: dict[str, Origin] = {}
        for unit_code, source in sources:
            for name in LIST_FIELDS:
                known = {o.value for o in out[name]}
                out[name] += [Origin(v, unit_code) for v in getattr(source, name) if v not in known]
            for basis, text in source.box_labels.items():
                value = f"{basis}={text}"
                if basis not in labels or labels[basis].value != value:
                    labels[basis] = Origin(value, unit_code)
        out["box_labels"] = list(labels.values())
        return out


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))
