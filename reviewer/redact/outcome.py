"""Values the format redactors and the verifier hand back, and the report of a redaction."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reviewer.core.model import Decision


@dataclass
class Outcome:
    """What one format redactor did: places per decision (boxes, pieces), what it stripped."""

    places: Counter = field(default_factory=Counter)  # decision index -> boxes / replaced pieces
    notes: list[str] = field(default_factory=list)  # what was removed or changed besides text
    warnings: list[str] = field(default_factory=list)
    where: dict[int, str] = field(default_factory=dict)  # decision index -> place in words (DOCX part)


@dataclass(frozen=True)
class Check:
    """One verification: which tool looked for what, and what it found."""

    name: str
    tool: str
    passed: bool
    detail: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "tool": self.tool, "passed": self.passed, "detail": self.detail}


@dataclass(frozen=True)
class Redaction:
    """One applied decision, numbered as in the log and the uji konsekuensi draft."""

    number: int
    decision: Decision
    label_text: str  # what the box / marker says
    places: int
    where: str = ""


@dataclass
class RedactionReport:
    source: str
    source_sha256: str
    output: str
    kind: str
    redactions: list[Redaction]
    kept: int = 0  # decisions to keep the text open
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    over_redaction: dict = field(default_factory=dict)
    output_sha256: str = ""
    created_at: str = ""

    @property
    def ok(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    def to_dict(self) -> dict:
        return {
            "sumber": self.source, "sha256_sumber": self.source_sha256, "hasil": self.output,
            "sha256_hasil": self.output_sha256, "jenis": self.kind, "dibuat": self.created_at,
            "jumlah_penghitaman": len(self.redactions), "keputusan_dibiarkan_terbuka": self.kept,
            "pemeriksaan": [c.to_dict() for c in self.checks], "catatan": self.notes,
            "peringatan": self.warnings, "penghitaman_berlebih": self.over_redaction,
        }
