"""The case type of a court decision and the Supreme Court's rule for it (SK KMA 2-144/KMA/SK/VIII/2022).

The court anonymises the parties of closed-session cases before it publishes a decision (perkara anak,
kesusilaan, perlindungan anak, KDRT, terorisme; family cases in civil law); other decisions it publishes
with the parties' names. A PPID republishing a decision follows the same rule: in the first kind, private
parties' names stay `redact`; in the second they become `review` with the reason that the court publishes
them, unless the person is a child or a victim (always `redact`: UU SPPA, UU TPKS). The case types, their
patterns and the rule are data (`reviewer/data/case_types.yaml`); every PERSON finding of a decision
names its case type in its reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reviewer.core.model import Document, Finding
from reviewer.core.reasons import reason

DATA = Path(__file__).resolve().parent.parent / "data" / "case_types.yaml"
HEAD = 6000  # the case number and the charges are at the start of a decision


@dataclass(frozen=True)
class CaseType:
    id: str
    name: str
    anonymise: bool


@lru_cache(maxsize=1)
def table() -> dict:
    import yaml

    with open(DATA, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data["decision_rx"] = re.compile(data["decision"])
    data["types"] = [(re.compile(r"(?i)" + t["rx"]), CaseType(t["id"], t["name"], bool(t["anonymise"])))
                     for t in data["case_types"]]
    return data


def case_of(text: str) -> CaseType | None:
    """The case type of a court decision, or None when the text is no decision (or no type is recognised)."""
    if not table()["decision_rx"].search(text[:HEAD]):
        return None
    return next((case for rx, case in table()["types"] if rx.search(text)), None)


def apply(document: Document, raw: dict[int, list[Finding]]) -> CaseType | None:
    """Apply the rule of the decision's case type to its private persons (in place); the case type."""
    case = case_of(document.text)
    if case is not None:
        for number, found in raw.items():
            raw[number] = [ruled(f, case) for f in found]
    return case


def ruled(f: Finding, case: CaseType) -> Finding:
    if f.label != "PERSON" or f.action == "keep":
        return f
    if case.anonymise:
        return f.replace(reasons=(*f.reasons, reason("case.anonymised", case=case.name)))
    if f.action == "redact" and not always_redact(f):
        return f.replace(action="review", reasons=(*f.reasons, reason("case.published", case=case.name)))
    return f


def always_redact(f: Finding) -> bool:
    """A child or a victim: their names are withheld whatever the case (basis 17j, or the role says so)."""
    role = str(f.reasons[0]).split(":", 1)[0].strip().lower() if f.reasons else ""
    return f.basis.startswith("17j") or role in table()["always_redact"]
