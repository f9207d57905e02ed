"""Passage rules as data (`patterns/passages/*.yaml`): markers, strong phrases, exceptions, contexts.

Four kinds of rule, each a regex with a reason and examples that the tests run:

- `marker`: a confidentiality mark on the document ("Sifat: Rahasia", "SANGAT RAHASIA",
  "TERBATAS"). Evidence about the whole document, not proof: it feeds the classifier's document
  context and is named in the reasons.
- `phrase`: a strong phrase for one huruf (and angka), from the legal reference §6. It gives its
  own opinion next to the classifier's; the two agree or disagree visibly in the reasons.
- `exception`: information that must not be flagged (total HPS/pagu is open, Perpres 16/2018
  Pasal 26(3); court decisions, regulations, SP3 and the other Pasal 18(1) items; contracts are
  presumptively open). `scope: window` judges one passage, `scope: title` the whole document.
  `unless` names what breaks the exception (a unit-price breakdown is not a total).
- `context`: a document context that changes the basis (a child in the justice system: the
  identity and circumstances are closed by UU SPPA, so huruf j rather than a or h).
- `doctype`: a document type exempt as a whole, read from the title region (a BAP, a litmas, a
  renpam): rule-backed evidence for the passages of its huruf, like a marker.

This loader is separate from `reviewer.detect.patterns` (identifier patterns with another schema) and
reads only the `passages/` subfolder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from reviewer.core import yamlfile
from reviewer.core.errors import PatternError
from reviewer.core.reasons import from_data
from reviewer.core.vocabulary import is_basis

KINDS = ("marker", "phrase", "exception", "context", "doctype")
SCOPES = ("window", "document", "title")
EFFECTS = ("keep", "review")
FIELDS = {"name", "kind", "regex", "unless", "basis", "applies_to", "weight", "scope", "effect",
          "reason", "case_sensitive", "examples", "description"}
TITLE_CHARS = 700  # how much of the first page counts as the document's title region


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern
    unless: re.Pattern | None
    basis: str
    applies_to: tuple[str, ...]
    weight: float
    scope: str
    effect: str
    reason: str
    source_file: str
    match_examples: tuple[str, ...]
    no_match_examples: tuple[str, ...]

    def search(self, text: str) -> re.Match | None:
        m = self.regex.search(text)
        if m is None or (self.unless is not None and self.unless.search(text)):
            return None
        return m

    @property
    def cite(self) -> str:
        return f"{self.name} ({self.source_file})"


def rules_dir(patterns_dir: Path) -> Path:
    return Path(patterns_dir) / "passages"


def load_rules(directory: Path) -> list[Rule]:
    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise PatternError(f"tidak ada berkas aturan paragraf di / no passage rule files in {directory}")
    rules: list[Rule] = []
    names: set[str] = set()
    for path in files:
        try:
            data = yamlfile.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise PatternError(f"{path.name}: YAML tidak valid / invalid YAML: {exc}") from exc
        entries = data.get("rules") if isinstance(data, dict) else data
        if not isinstance(entries, list):
            raise PatternError(f"{path.name}: harus memuat daftar 'rules' / must hold a list 'rules'")
        for i, entry in enumerate(entries):
            rule = parse_rule(entry, path.name, i)
            if rule.name in names:
                raise PatternError(f"{path.name}: aturan {rule.name!r} ganda / duplicate rule name")
            names.add(rule.name)
            rules.append(rule)
    return rules


def parse_rule(entry, filename: str, index: int) -> Rule:
    if not isinstance(entry, dict):
        raise PatternError(f"{filename}: aturan #{index + 1}: bukan pemetaan / not a mapping")
    where = f"{filename}: aturan {entry.get('name', '#' + str(index + 1))!r}"
    _check_fields(entry, where)
    kind = entry["kind"]
    flags = re.MULTILINE | (0 if entry.get("case_sensitive") else re.IGNORECASE)
    regex = _compile(entry["regex"], flags, where, "regex")
    unless = _compile(entry["unless"], flags, where, "unless") if entry.get("unless") else None
    basis = str(entry.get("basis", ""))
    if kind in ("phrase", "context", "doctype") and not is_basis(basis):
        raise PatternError(f"{where}: basis {basis!r} harus seperti 17h atau 17h2 / "
                           f"must look like 17h or 17h2")
    if basis and not is_basis(basis):
        raise PatternError(f"{where}: basis {basis!r} tidak valid / invalid basis")
    applies_to = tuple(str(b) for b in entry.get("applies_to", []))
    if any(not is_basis(b) for b in applies_to):
        raise PatternError(f"{where}: applies_to harus berisi kode dasar hukum / must list basis codes")
    if kind == "context" and not applies_to:
        raise PatternError(f"{where}: aturan context perlu applies_to / context rules need applies_to")
    weight = entry.get("weight", 0.5)
    if not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
        raise PatternError(f"{where}: weight harus 0..1 / weight must be within 0..1")
    scope = entry.get("scope", {"marker": "document", "context": "document", "doctype": "title"}.get(kind, "window"))
    if scope not in SCOPES:
        raise PatternError(f"{where}: scope {scope!r} tidak dikenal / unknown scope "
                           f"(window, document, title)")
    effect = entry.get("effect", "keep")
    if effect not in EFFECTS:
        raise PatternError(f"{where}: effect {effect!r} tidak dikenal / unknown effect (keep, review)")
    examples = entry.get("examples") or {}
    if not isinstance(examples, dict) or not examples.get("match"):
        raise PatternError(f"{where}: perlu examples.match / needs at least one examples.match")
    return Rule(str(entry["name"]), kind, regex, unless, basis, applies_to, float(weight), scope, effect,
                _reason(entry, where, filename), filename, tuple(map(str, examples.get("match", []))),
                tuple(map(str, examples.get("no_match", []))))


def _reason(entry: dict, where: str, filename: str) -> str:
    """The rule's reason, `{id, en}` in the shipped files (coded `passage.rule`)."""
    try:
        return from_data("passage.rule", entry["reason"], where, rule=str(entry["name"]), file=filename)
    except ValueError as exc:
        raise PatternError(f"{exc} (reason)") from exc


def _check_fields(entry: dict, where: str) -> None:
    unknown = set(entry) - FIELDS
    if unknown:
        raise PatternError(f"{where}: kolom tidak dikenal / unknown fields {sorted(unknown)}")
    for key in ("name", "kind", "regex", "reason"):
        if not entry.get(key):
            raise PatternError(f"{where}: kolom {key!r} wajib / field {key!r} is required")
    if entry["kind"] not in KINDS:
        raise PatternError(f"{where}: kind {entry['kind']!r} tidak dikenal / unknown kind {KINDS}")


def _compile(source, flags: int, where: str, field: str) -> re.Pattern:
    if not isinstance(source, str):
        raise PatternError(f"{where}: {field} harus teks / must be a string")
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise PatternError(f"{where}: {field} tidak valid / invalid regex: {exc}") from exc


def check_examples(rules: list[Rule]) -> list[str]:
    """Failing examples, as messages naming the file and the rule."""
    failures = []
    for r in rules:
        for example in r.match_examples:
            if r.search(example) is None:
                failures.append(f"{r.source_file}: {r.name}: harus cocok / should match: {example!r}")
        for example in r.no_match_examples:
            if r.search(example) is not None:
                failures.append(f"{r.source_file}: {r.name}: tidak boleh cocok / should not match: "
                                f"{example!r}")
    return failures


@dataclass(frozen=True)
class DocumentContext:
    """What the rules say about a whole document: marks, exceptions by title, basis contexts."""

    markers: tuple[tuple[Rule, str], ...] = ()
    exceptions: tuple[tuple[Rule, str], ...] = ()
    contexts: tuple[tuple[Rule, str], ...] = ()
    doctypes: tuple[tuple[Rule, str], ...] = ()

    @property
    def marker_level(self) -> float:
        return max((r.weight for r, _ in self.markers), default=0.0)


def document_context(rules: list[Rule], full_text: str, first_page: str) -> DocumentContext:
    title = first_page[:TITLE_CHARS]
    found: dict[str, list] = {"marker": [], "exception": [], "context": [], "doctype": []}
    for r in rules:
        if r.kind == "phrase" or r.scope == "window":
            continue
        m = r.search(title if r.scope == "title" else full_text)
        if m:
            found[r.kind].append((r, " ".join(m.group().split())))
    return DocumentContext(tuple(found["marker"]), tuple(found["exception"]), tuple(found["context"]),
                           tuple(found["doctype"]))


def window_hits(rules: list[Rule], text: str) -> tuple[list[tuple[Rule, str]], list[tuple[Rule, str]]]:
    """(phrase hits, window-scope exception hits) for one window's text."""
    phrases: list[tuple[Rule, str]] = []
    exceptions: list[tuple[Rule, str]] = []
    for r in rules:
        if r.scope != "window" or r.kind not in ("phrase", "exception"):
            continue
        m = r.search(text)
        if m:
            (phrases if r.kind == "phrase" else exceptions).append((r, " ".join(m.group().split())))
    return phrases, exceptions
