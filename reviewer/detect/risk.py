"""How risky a document is to publish as it is: one number from its findings, to rank an archive.

Each finding that still needs action adds its score times a weight: identity numbers, bank data,
health and other exempt passages weigh most; a name or a phone number less; an unread page counts
because nobody knows what is on it. Findings the policy keeps open add nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

WEIGHTS = {
    "NIK": 3.0, "KK": 3.0, "NPWP": 2.5, "PASSPORT": 3.0, "SIM": 2.5, "BPJS": 2.5, "NIP": 1.5,
    "BANK_ACCOUNT": 3.0, "CARD_NUMBER": 3.0, "PASSAGE": 3.0, "DATE_OF_BIRTH": 2.0, "ADDRESS": 2.0,
    "PHONE": 1.5, "EMAIL": 1.5, "PLATE": 1.0, "PERSON": 1.0, "UNREADABLE": 2.0,
}
ACTION_FACTOR = {"redact": 1.0, "review": 0.5, "keep": 0.0}
LEVELS = ((20.0, "tinggi"), (5.0, "sedang"), (0.01, "rendah"))


def finding_risk(label: str, action: str, score: float) -> float:
    return WEIGHTS.get(label, 0.5) * ACTION_FACTOR.get(action, 0.0) * float(score)


def document_risk(findings: Iterable[Any]) -> float:
    """Risk of a document from findings given as dicts or objects with label, action and score."""
    total = 0.0
    for f in findings:
        total += finding_risk(_field(f, "label"), _field(f, "action"), _field(f, "score"))
    return round(total, 3)


def _field(finding: Any, key: str) -> Any:
    """A field of a finding given as a dict (None when the key is missing) or as an object."""
    return finding.get(key) if isinstance(finding, dict) else getattr(finding, key)


def level(risk: float) -> str:
    """tinggi (high), sedang (medium), rendah (low) or aman (nothing found to act on)."""
    for threshold, name in LEVELS:
        if risk >= threshold:
            return name
    return "aman"
