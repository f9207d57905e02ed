"""The demo office (`reviewer demo`): a PPID utama and two PPID pembantu with their DIK rows and
officials, one account per role and unit, and the sample documents uploaded into their units, so a
visitor sees the real workflow. The plan is data (`reviewer/data/demo.yaml`); building it twice
changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from sqlalchemy.orm import Session

from reviewer.core.errors import ReviewerError
from reviewer.core.units import Unit
from reviewer.core.vocabulary import LABELS
from reviewer.dik.model import Decree, DikRow, parse_duration
from reviewer.review import accounts, scanning
from reviewer.store import dik as dikstore
from reviewer.store import units as unitstore

PLAN = Path(__file__).resolve().parent.parent / "data" / "demo.yaml"


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    full_name: str
    unit: str


@dataclass(frozen=True)
class Plan:
    units: tuple[Unit, ...]
    users: tuple[DemoUser, ...]
    documents: dict  # sample file name -> {"unit": code, "by": username}
    dik: dict  # unit code -> {"decree": {...}, "rows": [...]}


def load_plan(path: Path = PLAN) -> Plan:
    """The demo plan, checked: every user, document and DIK points at a unit of the plan."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    units = tuple(Unit(u["code"], u["name"], u.get("kind", "dinas"), u.get("parent"), u.get("ppid", "pembantu"),
                       officials=tuple(u.get("officials", ()))) for u in raw["units"])
    users = tuple(DemoUser(**u) for u in raw["users"])
    plan = Plan(units, users, dict(raw.get("documents") or {}), dict(raw.get("dik") or {}))
    codes, names = {u.code for u in units}, {u.username for u in users}
    wrong = [c for c in [u.unit for u in users] + [d["unit"] for d in plan.documents.values()] + list(plan.dik)
             if c not in codes] + [d["by"] for d in plan.documents.values() if d["by"] not in names] \
        + [label for e in plan.dik.values() for r in e.get("rows", ()) for label in r.get("labels", ())
           if label not in LABELS]
    if wrong:
        raise ReviewerError(f"{path.name}: unit, akun atau label tidak dikenal / unknown unit, account or label: "
                            f"{wrong}")
    return plan


def build(session: Session, originals: Path, samples: Path, plan: Plan | None = None) -> list[str]:
    """Create what the plan names and is not there yet; the SHA-256 of each sample document, in plan order."""
    plan = plan or load_plan()
    _units(session, plan)
    _users(session, plan)
    _dik(session, plan)
    return _documents(session, originals, samples, plan)


def _units(session: Session, plan: Plan) -> None:
    known = set(unitstore.load_tree(session).units)
    for unit in plan.units:
        if unit.code in known:
            continue
        unitstore.add_unit(session, unit)
        for name in unit.officials:
            unitstore.add_term(session, unit.code, "official", name)


def _users(session: Session, plan: Plan) -> None:
    for u in plan.users:
        user = accounts.get(session, u.username)
        if user is None:
            user = accounts.add_user(session, u.username, u.password, u.role, u.full_name)
            unitstore.set_member(session, user, u.unit, u.role)


def _dik(session: Session, plan: Plan) -> None:
    for code, entry in plan.dik.items():
        if dikstore.rows_of(session, code, inherited=False, with_revoked=True):
            continue
        decree = Decree(**{**entry.get("decree", {}), "date": _day(entry.get("decree", {}).get("date"))})
        for row in entry.get("rows", ()):
            dikstore.add_row(session, code, dik_row(row, decree, code), source="demo")


def dik_row(row: dict, decree: Decree, code: str) -> DikRow:
    return DikRow(information=row["information"], basis_text=row.get("basis_text", ""), reason=row.get("reason", ""),
                  if_opened=row.get("if_opened", ""), if_closed=row.get("if_closed", ""),
                  duration=parse_duration(row.get("duration", "")), decree=decree, number=str(row.get("number", "")),
                  keywords=tuple(row.get("keywords", ())), labels=tuple(row.get("labels", ())), unit=code)


def _day(value) -> date | None:
    return value if isinstance(value, date) or value is None else date.fromisoformat(str(value))


def _documents(session: Session, originals: Path, samples: Path, plan: Plan) -> list[str]:
    """The samples the plan places, in their units; any other file of the folder goes to the PPID utama."""
    from reviewer.extract import iter_paths

    utama = next(u.code for u in plan.units if u.ppid == "utama")
    admin = next(u.username for u in plan.users if u.role == "admin")
    shas = []
    for path in map(Path, iter_paths([str(samples)])):
        where = plan.documents.get(path.name, {"unit": utama, "by": admin})
        doc, created = scanning.accept_upload(session, originals, path, path.name,
                                              user=accounts.get(session, where["by"]), source="upload")
        if created or unitstore.unit_of(session, doc.sha256) is None:
            unitstore.assign_document(session, doc.sha256, where["unit"])
        shas.append(doc.sha256)
    return shas
