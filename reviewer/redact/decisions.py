"""The decisions file: what the review UI (or `--suggested`) asks the redactor to do.

    {"format": "ppid-reviewer-decisions", "version": 1,
     "document": {"file": "surat.pdf", "sha256": "<sha256 of the original>"},
     "decisions": [{"page": 1, "start": 120, "end": 136, "text": "3374064909620026",
                    "label": "NIK", "basis": "17j", "action": "redact", "reason": "...",
                    "proposed_by": "sistem (pattern:nik)", "approved_by": "Dewi",
                    "decided_at": "2025-03-03T10:12:00+07:00",
                    "source": "pattern:nik", "box": null, "image": ""}, ...]}

Every decision is checked against the document before anything is written: a decision that does
not fit (another version of the file, offsets that do not hold its text, no legal basis) stops the
run with a message naming it. Nothing is silently dropped.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable

from reviewer.core.errors import DecisionError
from reviewer.core.model import DECISION_ACTIONS, LABELS, Decision, Document, Finding
from reviewer.core.reasons import Reason, reason
from reviewer.core.vocabulary import is_basis

FORMAT = "ppid-reviewer-decisions"
VERSION = 1
AUTO = "sistem"  # who proposed a suggestion the detectors made


def load_decisions(path: str | os.PathLike) -> tuple[str, list[Decision]]:
    """(sha256 of the document the decisions were made on, decisions) from a decisions file."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DecisionError(f"berkas keputusan tidak dapat dibaca / cannot read decisions file {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DecisionError(f"{path}: bukan berkas keputusan (format harus '{FORMAT}') / not a decisions file")
    if data.get("version") != VERSION:
        raise DecisionError(f"{path}: versi {data.get('version')!r} tidak dikenal, diharapkan {VERSION}")
    sha = (data.get("document") or {}).get("sha256", "")
    rows = data.get("decisions")
    if not isinstance(rows, list):
        raise DecisionError(f"{path}: 'decisions' harus berupa daftar / must be a list")
    decisions = []
    for i, row in enumerate(rows, start=1):
        try:
            decisions.append(Decision.from_dict(row))
        except (TypeError, ValueError) as exc:
            raise DecisionError(f"{path}: keputusan #{i} tidak sah / decision #{i} is invalid: {exc}") from exc
    return sha, decisions


def dump_decisions(document: Document, decisions: Iterable[Decision], path: str | os.PathLike) -> None:
    data = {"format": FORMAT, "version": VERSION,
            "document": {"file": os.path.basename(document.path), "sha256": document.sha256},
            "decisions": [d.to_dict() for d in decisions]}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)


def decisions_from_findings(findings: Iterable[Finding], document: Document | None = None,
                            proposed_by: str = AUTO) -> list[Decision]:
    """Every `redact` suggestion as a decision to redact (what `reviewer redact --suggested` does).

    With the document, other occurrences of a suggested string are redacted too (same label and
    basis): a number blacked out in one line must not stay readable in the next. This overrides a
    `keep` finding on the very same string (the reason says so), since one string cannot be both
    secret and public in one document; the person deciding in the UI can still keep it. A mention of
    a person (a finding with an entity) is the exception: it follows its person, as the scan does, so
    the judge "Budi Hartono" is not blacked out because the defendant "Budi" is.
    """
    findings = list(findings)
    decisions = [Decision.from_finding(f, "redact", proposed_by=f"{proposed_by} ({f.source})")
                 for f in findings if f.action == "redact" and f.end > f.start]
    if document is None:
        return decisions
    return decisions + _other_occurrences(document, decisions, findings, proposed_by)


def _other_occurrences(document: Document, decisions: list[Decision], findings: list[Finding],
                       proposed_by: str) -> list[Decision]:
    from reviewer.core.spans import SpanIndex

    taken: dict[int, SpanIndex] = {}
    for d in decisions:
        taken.setdefault(d.page, SpanIndex()).add(d.start, d.end)
    for f in findings:  # a mention of a person is decided with the person (its entity), never by string
        if f.entity and f.action != "redact" and f.end > f.start:
            taken.setdefault(f.page, SpanIndex()).add(f.start, f.end)
    kept = {(f.page, f.start, f.end) for f in findings if f.action == "keep"}
    out, seen = [], set()
    lowered = {p.number: p.text.lower() for p in document.pages}
    for d in sorted(decisions, key=lambda d: -(d.end - d.start)):
        pattern = _loose(d.text)
        if pattern is None or pattern.pattern in seen:
            continue
        seen.add(pattern.pattern)
        first = re.findall(r"[^\W_]+", d.text)[0].lower()
        for page in document.pages:
            for m in _matches(pattern, first, page.text, lowered[page.number]):
                spans = taken.setdefault(page.number, SpanIndex())
                if spans.overlaps(m.start(), m.end()):
                    continue
                spans.add(m.start(), m.end())
                over_keep = (page.number, m.start(), m.end()) in kept
                out.append(Decision(page.number, m.start(), m.end(), m.group(), d.label, d.basis, "redact",
                                    reason=_other_reason(d.reason, over_keep),
                                    proposed_by=f"{proposed_by} (kemunculan lain)", source=d.source))
    return out


def _other_reason(of: str, over_keep: bool) -> Reason:
    """Why another occurrence is redacted: the decision it repeats, and whether it overrides a 'keep'."""
    of = of if of == of.rstrip() else of.rstrip()  # the log's text as it always was ("... dari: x", stripped)
    if over_keep:
        if of:
            return reason("redact.other_over_keep", of=of, source="redact")
        return reason("redact.other_over_keep_unexplained", source="redact")
    if of:
        return reason("redact.other", of=of, source="redact")
    return reason("redact.other_unexplained", source="redact")


def _matches(pattern: re.Pattern, first: str, text: str, lower: str):
    """`pattern.finditer(text)`, tried only where its first word occurs (a sheet page is long and
    holds thousands of suggested strings; the regex alone cannot skip ahead)."""
    if len(lower) != len(text):  # lower-casing changed lengths: offsets would not line up
        yield from pattern.finditer(text)
        return
    pos, end = lower.find(first), 0
    while pos >= 0:
        m = pattern.match(text, pos) if pos >= end else None
        if m:
            end = m.end()
            yield m
        pos = lower.find(first, max(pos + 1, end))


def _loose(text: str) -> re.Pattern | None:
    """The string with any spacing or punctuation between its words and digit groups."""
    parts = re.findall(r"[^\W_]+", text)
    compact = "".join(parts)
    if not parts or len(compact) < 3 or (any(c.isdigit() for c in compact) and len(compact) < 4):
        return None
    return re.compile(r"(?<![^\W_])" + r"[\W_]*".join(map(re.escape, parts)) + r"(?![^\W_])", re.IGNORECASE)


def check(document: Document, decisions: Iterable[Decision], sha256: str = "") -> list[Decision]:
    """The decisions to apply (action `redact`), after checking every decision against the document."""
    if sha256 and sha256 != document.sha256:
        raise DecisionError("keputusan dibuat untuk versi lain dari dokumen ini (SHA-256 berbeda) / "
                            "the decisions were made on another version of this document")
    out = []
    for i, d in enumerate(decisions, start=1):
        problem = _problem(document, d)
        if problem:
            raise DecisionError(f"keputusan #{i} ({d.label}, hlm {d.page}): {problem}")
        if d.action == "redact":
            out.append(d)
    return out


def _problem(document: Document, d: Decision) -> str:
    if d.action not in DECISION_ACTIONS:
        return (f"tindakan '{d.action}' bukan keputusan akhir (redact/keep) / "
                "action must be redact or keep")
    if d.label not in LABELS:
        return f"label '{d.label}' tidak dikenal / unknown label"
    if d.action == "redact" and not is_basis(d.basis or ""):
        return f"dasar hukum '{d.basis}' tidak sah (contoh: 17h, 17h2, 17j) / every redaction needs a basis"
    if not 1 <= d.page <= len(document.pages):
        return f"halaman {d.page} tidak ada (dokumen {len(document.pages)} halaman) / no such page"
    page = document.pages[d.page - 1]
    if d.image:
        return "" if document.kind == "docx" else "'image' hanya untuk DOCX; untuk PDF pakai 'box'"
    if d.box is not None:
        if document.kind not in ("pdf", "image"):
            return "'box' hanya untuk halaman PDF / 'box' is for PDF pages only"
        b = d.box
        if not (b.x1 > b.x0 and b.bottom > b.top) or page.width is None:
            return "kotak tidak sah / invalid box"
        return ""
    if not 0 <= d.start < d.end <= len(page.text):
        return f"posisi {d.start}-{d.end} di luar teks halaman / offsets outside the page text"
    if _squash(page.text[d.start:d.end]) != _squash(d.text):
        return (f"teks pada posisi itu ('{_short(page.text[d.start:d.end])}') tidak sama dengan teks keputusan "
                f"('{_short(d.text)}') / the text at those offsets differs")
    if not d.text.strip():
        return "teks kosong / empty text"
    return ""


def _squash(text: str) -> str:
    return " ".join(text.split())


def _short(text: str) -> str:
    text = _squash(text)
    return text if len(text) <= 40 else text[:37] + "..."
