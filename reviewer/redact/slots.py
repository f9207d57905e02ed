"""Cutting text out of XML where a paragraph's text is spread over slots (ODT, PPTX, HTML).

A *slot* is one place that holds part of a unit's text: an element's `.text` or `.tail`, or an
attribute ("@alt"); `(element, where, text, mutable)`. Immutable slots stand for text an
element means rather than holds (an ODF `text:s` of three spaces, a PPTX line break); a cut
leaves them alone, so only whitespace can survive inside a redacted stretch. The marker is put
in the first mutable slot the stretch touches. Each format module defines `units(root)` (the
list that `Location.paragraph` indexes, the same for extraction and redaction) and
`slots(unit)`; the text of a unit is the join of its slots.
"""

from __future__ import annotations

from collections import defaultdict

from reviewer.core.errors import RedactionError
from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.redact.labels import marker
from reviewer.redact.outcome import Outcome


def put(el, where: str, value: str) -> None:
    if where.startswith("@"):
        el.set(where[1:], value)
    else:
        setattr(el, where, value)


def plan(document: Document, decisions: list[Decision], where: dict[str, str]) -> tuple[dict, Outcome]:
    """(part, unit) -> [(a, b, decision index, basis)], and the outcome with places counted."""
    edits: dict[tuple[str, int], list] = defaultdict(list)
    outcome = Outcome()
    for i, d in enumerate(decisions):
        page = document.pages[d.page - 1]
        seg = page.textmap.segment_at(d.start)
        outcome.where[i] = where.get(seg.kind, seg.kind) if seg else ""
        for location, a, b in page.textmap.locations(d.start, d.end):
            if b > a:
                edits[(location.part, location.paragraph)].append((a, b, i, d.basis))
                outcome.places[i] += 1
    return edits, outcome


def cut_unit(slots_of, unit, spans, settings: Settings) -> None:
    """Replace each [a, b) of the unit's text by the marker for its basis (last span first)."""
    merged: list[list] = []
    for a, b, _, basis in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b, basis])
    end = sum(len(s[2]) for s in slots_of(unit))
    if merged and merged[-1][1] > end:
        raise RedactionError("teks paragraf berbeda dari saat dipindai / paragraph text changed since the scan")
    for a, b, basis in reversed(merged):
        _cut(slots_of(unit), a, b, marker(basis, settings))


def _cut(slots, a: int, b: int, mark: str) -> None:
    pos, placed = 0, False
    for el, where, text, mutable in slots:
        start, end = pos, pos + len(text)
        pos = end
        if end <= a or start >= b or not text or not mutable:
            continue
        before, after = text[: max(a - start, 0)], text[b - start:] if b < end else ""
        put(el, where, before + ("" if placed else mark) + after)
        placed = True


def apply(units_of: dict, slots_of, edits: dict, settings: Settings) -> None:
    """Cut every edited unit; `units_of` maps a part name to its unit list."""
    for (part, n), spans in edits.items():
        units = units_of[part]
        if n >= len(units):
            raise RedactionError(f"paragraf {n} tidak ada di {part} / paragraph not found")
        cut_unit(slots_of, units[n], spans, settings)
