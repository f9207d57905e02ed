"""Identifier patterns: rules as data in `patterns/*.yaml`, run over page text.

Each entry: name, label, basis, regex (+ optional `group`), score, context words that raise the
score (closer words raise it more), negative context that lowers it, an optional validator name
from `reviewer.detect.validators`, a reason, and examples that `reviewer check-patterns` and the tests
run. Loading validates every entry and names the file and the pattern on error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from reviewer.core import yamlfile
from reviewer.core.errors import PatternError
from reviewer.core.legal import REDACT_AT
from reviewer.core.model import LABELS, Document, Finding, Page
from reviewer.core.reasons import Reason, from_data
from reviewer.core.reasons import reason as new_reason
from reviewer.core.settings import Settings
from reviewer.detect import near_miss, validators

FLAGS = {"IGNORECASE": re.IGNORECASE, "MULTILINE": re.MULTILINE, "DOTALL": re.DOTALL,
         "VERBOSE": re.VERBOSE}
FIELDS = {"name", "label", "basis", "regex", "group", "score", "context", "negative_context",
          "context_boost", "context_window", "require_context", "validator", "flags", "reason",
          "examples", "action", "description", "context_scope"}
SCOPES = ("both", "header", "before")
CONTEXT_WINDOW = 60  # characters before the match searched for context words
NEAR_MISS_SCORE = 0.6  # an identifier one edit from valid: a person must look (`review`)


@dataclass(frozen=True)
class Pattern:
    name: str
    label: str
    basis: str
    regex: re.Pattern
    group: int | str
    score: float
    context: tuple[str, ...]
    negative_context: tuple[str, ...]
    context_boost: float
    context_window: int
    context_scope: str
    require_context: bool
    validator: str | None
    reason: str
    action: str | None
    source_file: str
    match_examples: tuple[str, ...]
    no_match_examples: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]


def load_patterns(directory: Path) -> list[Pattern]:
    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise PatternError(f"tidak ada berkas pola di / no pattern files in {directory}")
    patterns: list[Pattern] = []
    names: set[str] = set()
    for path in files:
        try:
            entries = yamlfile.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            raise PatternError(f"{path.name}: YAML tidak valid / invalid YAML: {exc}") from exc
        defines: dict = {}
        if isinstance(entries, dict):
            defines = entries.get("defines") or {}
            entries = entries.get("patterns", [])
        if not isinstance(entries, list):
            raise PatternError(f"{path.name}: harus berupa daftar pola / must be a list of patterns")
        for i, entry in enumerate(entries):
            pattern = _parse(_expand(entry, defines, path.name), path.name, i)
            if pattern.name in names:
                raise PatternError(f"{path.name}: pola {pattern.name!r} ganda / duplicate pattern name")
            names.add(pattern.name)
            patterns.append(pattern)
    return patterns


def _expand(entry, defines: dict, filename: str):
    """Replace {{name}} in a regex by the file's `defines` (which may use earlier defines)."""
    if not isinstance(entry, dict) or "regex" not in entry or not defines:
        return entry
    regex = str(entry["regex"])
    for _ in range(5):  # defines may nest a few levels
        new = re.sub(r"\{\{(\w+)\}\}", lambda m: _define(defines, m.group(1), filename, entry), regex)
        if new == regex:
            break
        regex = new
    return {**entry, "regex": regex}


def _define(defines: dict, name: str, filename: str, entry: dict) -> str:
    if name not in defines:
        raise PatternError(f"{filename}: pola {entry.get('name')!r}: {{{{{name}}}}} tidak didefinisikan / "
                           f"undefined in `defines`")
    # multi-line defines (YAML `|-`) are joined without the line breaks and indentation
    return "(?:" + re.sub(r"\n\s*", "", str(defines[name]).strip()) + ")"


def _parse(entry: dict, filename: str, index: int) -> Pattern:
    where = f"{filename}: pola #{index + 1}"
    if not isinstance(entry, dict):
        raise PatternError(f"{where}: bukan pemetaan / not a mapping")
    where = f"{filename}: pola {entry.get('name', '#' + str(index + 1))!r}"
    unknown = set(entry) - FIELDS
    if unknown:
        raise PatternError(f"{where}: kolom tidak dikenal / unknown fields {sorted(unknown)}")
    for key in ("name", "label", "basis", "regex", "score"):
        if key not in entry:
            raise PatternError(f"{where}: kolom {key!r} wajib / field {key!r} is required")
    if entry["label"] not in LABELS:
        raise PatternError(f"{where}: label {entry['label']!r} tidak dikenal / unknown label")
    score = entry["score"]
    if not isinstance(score, (int, float)) or not 0 <= score <= 1:
        raise PatternError(f"{where}: score harus 0..1 / score must be within 0..1")
    flags = 0
    for flag in entry.get("flags", []):
        if flag not in FLAGS:
            raise PatternError(f"{where}: flag {flag!r} tidak dikenal / unknown flag")
        flags |= FLAGS[flag]
    try:
        regex = re.compile(entry["regex"], flags)
    except re.error as exc:
        raise PatternError(f"{where}: regex tidak valid / invalid regex: {exc}") from exc
    group = entry.get("group", 0)
    if isinstance(group, int) and group > regex.groups or isinstance(group, str) and group not in regex.groupindex:
        raise PatternError(f"{where}: group {group!r} tidak ada di regex / group not in regex")
    validator = entry.get("validator")
    if validator is not None and validator not in validators.REGISTRY:
        raise PatternError(f"{where}: validator {validator!r} tidak dikenal / unknown validator")
    action = entry.get("action")
    if action not in (None, "redact", "review", "keep"):
        raise PatternError(f"{where}: action {action!r} tidak valid / invalid action")
    scope = entry.get("context_scope", "both")
    if scope not in SCOPES:
        raise PatternError(f"{where}: context_scope harus salah satu dari / must be one of {SCOPES}")
    examples = entry.get("examples") or {}
    return Pattern(
        name=str(entry["name"]), label=entry["label"], basis=str(entry["basis"]), regex=regex,
        group=group, score=float(score),
        context=tuple(w.lower() for w in entry.get("context", [])),
        negative_context=tuple(w.lower() for w in entry.get("negative_context", [])),
        context_boost=float(entry.get("context_boost", 0.35)),
        context_window=int(entry.get("context_window", CONTEXT_WINDOW)),
        context_scope=scope,
        require_context=bool(entry.get("require_context", False)),
        validator=validator, reason=_reason(entry, where, filename), action=action,
        source_file=filename,
        match_examples=tuple(examples.get("match", [])),
        no_match_examples=tuple(examples.get("no_match", [])),
    )


def _reason(entry: dict, where: str, filename: str) -> str:
    """The pattern's reason, `{id, en}` in the shipped files (coded `pattern.reason`)."""
    try:
        return from_data("pattern.reason", entry.get("reason", ""), where, pattern=str(entry["name"]), file=filename)
    except ValueError as exc:
        raise PatternError(f"{exc} (reason)") from exc


SCALARS = (str, int, float, bool, type(None))


def reason(code: str, *, source: str = "", delta: float | None = None, **params) -> Reason:
    """`reasons.reason`, shared: a sheet repeats the same few reasons thousands of times and a reason is a
    value, so one object serves them all. Reasons with nested reasons or texts as parameters are built anew
    (a nested reason equals its text, so it cannot be a cache key)."""
    items = tuple(sorted(params.items()))
    if all(type(v) in SCALARS for _, v in items):
        return _shared_reason(code, source, delta, items)
    return new_reason(code, source=source, delta=delta, **params)


@lru_cache(maxsize=4096)
def _shared_reason(code: str, source: str, delta: float | None, items: tuple) -> Reason:
    return new_reason(code, source=source, delta=delta, **dict(items))


def context_before(page: Page | None, text: str, start: int, window: int) -> tuple[str, str]:
    """What a reader sees as the label of a value: (column header and row label, words before it)."""
    before = text[max(0, start - window):start].lower()
    header = ""
    if page is not None:
        cell = page.cell_at(start)
        if cell is not None:
            header = (cell.header + " | " + _row_label(page, cell)).lower()
    if not header and "\t" in text[text.rfind("\n", 0, start) + 1:start]:
        header = text_column_header(text, start).lower()
    return header, before


HEADER_LOOKBACK = 15  # lines searched upwards for the header line of a tab-separated table


def text_column_header(text: str, offset: int) -> str:
    """The header of the column holding `offset` in a tab-separated table in plain text.

    OCR'd scans and text exports have tables as tab-separated lines without cell geometry. The
    header is the nearest line above that reads as a header row; rows with fewer fields than the
    header (merged cells, OCR merging "1 Nama") are aligned on their right end.
    """
    from reviewer.extract.tables import is_header_row

    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    fields = line.split("\t")
    col = text[line_start:offset].count("\t")
    above = text[:line_start].split("\n")[-HEADER_LOOKBACK - 1:-1]
    for candidate in reversed(above):
        names = candidate.split("\t")
        if len(names) < 3 or not is_header_row(names):
            continue
        if len(names) == len(fields):
            return names[col]
        index = len(names) - (len(fields) - col)
        return names[index] if 0 <= index < len(names) else ""
    return ""


def _row_label(page: Page, cell) -> str:
    """In a form table ("NIK | : | 3374..."), the first cell of the row labels the value."""
    if cell.col == 0:
        return ""
    for other in page.row_cells(cell.table, cell.row):
        if other.col == 0:
            return other.text
    return ""


def _nearest(words: tuple[str, ...], header: str, before: str) -> tuple[int, str]:
    """Distance (characters back from the value; 0 for the column header) of the nearest word."""
    best, found = 1 << 30, ""
    for word in words:
        if _last_word(header, word) >= 0:
            return 0, word
        pos = _last_word(before, word)
        if pos >= 0 and len(before) - pos < best:
            best, found = len(before) - pos, word
    return best, found


def run_pattern(pattern: Pattern, text: str, page: Page | None = None) -> list[Hit]:
    hits = []
    for m in pattern.regex.finditer(text):
        start, end = m.span(pattern.group)
        if start < 0 or start == end:
            continue
        surface = text[start:end]
        src = f"pattern:{pattern.name}"
        reasons = [reason("pattern.match", pattern=pattern.name, file=pattern.source_file, source=src)]
        score = pattern.score
        if pattern.validator:
            ok, why = validators.REGISTRY[pattern.validator](surface)
            if not ok:
                continue
            reasons.append(reason("pattern.valid", why=why, source=src) if why
                           else reason("pattern.validator", validator=pattern.validator, source=src))
        header, before = context_before(page, text, start, pattern.context_window)
        if pattern.context_scope == "header":
            before = ""
        elif pattern.context_scope == "before":
            header = ""
        distance, found = _nearest(pattern.context, header, before)
        if found:
            boost = pattern.context_boost * (1 - 0.75 * min(distance, pattern.context_window) / pattern.context_window)
            score = min(1.0, score + boost)
            where = "pattern.header" if distance == 0 and header else "pattern.context"
            reasons.append(reason(where, cue=found, delta=round(boost, 2), source=src))
        elif pattern.require_context:
            continue
        if pattern.negative_context:
            neg_distance, neg = _nearest(pattern.negative_context, header, before)
            # a negative cue only counts when it is nearer than the positive one
            if neg and (not found or neg_distance < distance):
                score = max(0.0, score - 0.4)
                reasons.append(reason("pattern.negative", cue=neg, delta=-0.4, source=src))
        hits.append(Hit(start, end, surface, score, tuple(reasons)))
    return hits


def _last_word(haystack: str, word: str) -> int:
    if word not in haystack:  # the common case
        return -1
    last, a = -1, haystack.find(word)
    while a >= 0:
        b = a + len(word)
        if (a == 0 or not haystack[a - 1].isalnum()) and (b == len(haystack) or not haystack[b].isalnum()):
            last = a
        a = haystack.find(word, max(b, a + 1))  # matches do not overlap
    return last


def check_examples(patterns: list[Pattern]) -> list[str]:
    """Failing examples, as messages naming the file and pattern."""
    failures = []
    for p in patterns:
        for example in p.match_examples:
            if not run_pattern(p, example):
                failures.append(f"{p.source_file}: {p.name}: harus cocok / should match: {example!r}")
        for example in p.no_match_examples:
            hits = [h for h in run_pattern(p, example) if not p.require_context or h.score >= p.score]
            if hits:
                failures.append(f"{p.source_file}: {p.name}: tidak boleh cocok / should not match: "
                                f"{example!r} (found {hits[0].text!r})")
    return failures


@lru_cache(maxsize=8)
def _cached(directory: str) -> tuple[Pattern, ...]:
    return tuple(load_patterns(Path(directory)))


def detector(settings: Settings):
    """The pattern detector: every pattern over every page that has text."""
    patterns = _cached(str(settings.patterns_dir))

    def detect_patterns(document: Document, settings: Settings) -> dict[int, list[Finding]]:
        return {page.number: page_findings(patterns, page) for page in document.pages if page.text.strip()}

    return detect_patterns


def page_findings(patterns, page: Page) -> list[Finding]:
    """Every pattern over the page text; on an OCR page also over its digit-normalised text; then
    the near-misses (identifiers one edit from valid beside their label) as `review`."""
    out = [_finding(p, page, hit) for p in patterns for hit in run_pattern(p, page.text, page)]
    norm = near_miss.normalise(page.text) if page.ocr else near_miss.Normalised(
        page.text, tuple(range(len(page.text) + 1)), False)
    if norm.changed:
        out += _normalised_findings(patterns, page, norm, out)
    return out + _near_miss_findings(patterns, page, norm, out)


def _finding(p: Pattern, page: Page, hit: Hit) -> Finding:
    action = p.action or ("redact" if hit.score >= REDACT_AT else "review")
    return Finding(page.number, hit.start, hit.end, hit.text, p.label, p.basis, hit.score, action,
                   f"pattern:{p.name}", hit.reasons + ((p.reason,) if p.reason else ()))


def _normalised_findings(patterns, page: Page, norm, found: list[Finding]) -> list[Finding]:
    """Hits that only the normalised OCR text gives, mapped back to the page text."""
    seen = {(f.label, f.start, f.end) for f in found}
    out = []
    for p in patterns:
        for hit in run_pattern(p, norm.text):
            start, end = norm.span(hit.start, hit.end)
            if (p.label, start, end) in seen:
                continue
            seen.add((p.label, start, end))
            surface = page.text[start:end]
            note = () if surface == hit.text else (
                reason("ocr.normalised", surface=surface, read=hit.text, source="ocr"),)
            out.append(_finding(p, page, Hit(start, end, surface, hit.score, hit.reasons + note)))
    return out


def _near_miss_findings(patterns, page: Page, norm, found: list[Finding]) -> list[Finding]:
    basis = {p.label: p.basis for p in patterns}
    out = []
    for miss in near_miss.near_misses(norm.text):
        start, end = norm.span(miss.start, miss.end)
        if any(f.start < end and start < f.end for f in found):
            continue
        why = miss.reason if page.ocr else reason("near_miss.typo", **miss.reason.params, source=near_miss.SOURCE)
        out.append(Finding(page.number, start, end, page.text[start:end], miss.label, basis.get(miss.label, "17j"),
                           NEAR_MISS_SCORE, "review", near_miss.SOURCE,
                           (why, reason("near_miss.one_edit", source=near_miss.SOURCE))))
    return out
