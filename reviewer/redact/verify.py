"""Verification of a redacted file: nothing redacted left, nothing else lost, nothing hidden kept.

Strings are compared after normalisation for spaces, case and punctuation: numbers (anything with
a digit) on their letters and digits only, so "3374 0649 0962 0026" matches "3374064909620026";
words as a run of whole words, so "Ani" does not match inside "Tani".

A redacted string may legitimately remain elsewhere in the document, where nobody decided to
redact it (an official's name that also appears in his signature block). So each text extractor
is run on the original too, and the count it finds in the result may not exceed
(count in the original) - (occurrences inside the redactions). Such remaining occurrences are
reported as a warning. The search through everything stored in the file (decompressed streams,
raw XML with attributes) must find nothing, except for strings that remain legitimately.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from reviewer.core.model import Decision, Document
from reviewer.redact.extractors import hidden_reader, text_readers
from reviewer.redact.outcome import Check

_TOKEN = re.compile(r"[0-9a-z]+")
MIN_NUMBER = 4  # shorter numbers (a house number "7") occur everywhere: not searched for
EXAMPLES = 8


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKD", text).casefold())


@dataclass(frozen=True)
class Needle:
    text: str
    numeric: bool
    key: str  # compact digits/letters for numbers, space-joined tokens for words
    ref: str = ""  # how reports name it without repeating it: "no. 3 (PERSON)"

    @classmethod
    def of(cls, text: str, ref: str = "") -> Needle | None:
        toks = tokens(text)
        if not toks:
            return None
        numeric = any(c.isdigit() for c in "".join(toks))
        key = "".join(toks) if numeric else " ".join(toks)
        if numeric and len(key) < MIN_NUMBER:
            return None
        return cls(text, numeric, key, ref)


class Haystack:
    def __init__(self, text: str, remove: tuple[str, ...] = ()):
        for label in remove:
            text = text.replace(label, " ")
        toks = tokens(text)
        self.compact = "".join(toks)
        self.words = " " + " ".join(toks) + " "

    def count(self, needle: Needle) -> int:
        if needle.numeric:
            return self.compact.count(needle.key)
        return self.words.count(" " + needle.key + " ")

    def counts(self, matcher: Matcher) -> dict[str, int]:
        """key -> count of every needle of the matcher, as `count` gives it, in one pass."""
        return matcher.counts(self)


FEW = 8  # up to this many needles, str.count per needle is faster than building an automaton


class Matcher:
    """Many needles counted in one pass over a haystack (Aho-Corasick), instead of one pass each.

    Counts are those of `str.count` (non-overlapping, leftmost first), so the result is the
    same as `Haystack.count` needle by needle: linear in the haystack plus the matches, where
    searching 20,000 redacted strings one by one through a 10,000-row sheet was quadratic.
    """

    def __init__(self, items: list[Needle]):
        self.items = list(items)
        self.numeric = _automaton([n.key for n in self.items if n.numeric])
        self.words = _automaton([" " + n.key + " " for n in self.items if not n.numeric])

    def counts(self, hay: Haystack) -> dict[str, int]:
        if len(self.items) <= FEW or self.numeric is None and self.words is None:
            return {n.key: hay.count(n) for n in self.items}
        out = dict.fromkeys((n.key for n in self.items), 0)
        out.update(_count_all(self.numeric, hay.compact))
        out.update({k[1:-1]: v for k, v in _count_all(self.words, hay.words).items()})
        return out


def _automaton(keys: list[str]):
    try:
        import ahocorasick
    except ImportError:  # the per-needle count still works, only slower
        return None
    if not keys:
        return False
    automaton = ahocorasick.Automaton()
    for key in set(keys):
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


def _count_all(automaton, text: str) -> dict[str, int]:
    if not automaton:
        return {}
    counts: dict[str, int] = {}
    free: dict[str, int] = {}  # key -> first offset a next match may start at (non-overlapping)
    for end, key in automaton.iter(text):
        start = end - len(key) + 1
        if start >= free.get(key, 0):
            counts[key] = counts.get(key, 0) + 1
            free[key] = end + 1
    return counts


def contains(text: str, needle_text: str) -> bool:
    needle = Needle.of(needle_text)
    return needle is not None and Haystack(text).count(needle) > 0


def needles(decisions: list[Decision]) -> list[Needle]:
    seen: dict[str, Needle] = {}
    for i, d in enumerate(decisions, start=1):
        n = Needle.of(d.text, f"no. {i} ({d.label})") if d.text else None
        if n and n.key not in seen:
            seen[n.key] = n
    return list(seen.values())


def remaining_in_text(document: Document, decisions: list[Decision],
                      items: list[Needle]) -> dict[str, tuple[int, int]]:
    """key -> (occurrences in the original, occurrences outside every redaction), by our own reading."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for d in decisions:
        if d.text:
            spans.setdefault(d.page, []).append((d.start, d.end))
    parts = []
    for page in document.pages:
        text, pos = [], 0
        for a, b in sorted(spans.get(page.number, [])):
            if a > pos:
                text.append(page.text[pos:a])
            text.append(" \u2063 ")
            pos = max(pos, b)
        text.append(page.text[pos:])
        parts.append("".join(text))
    matcher = Matcher(items)
    outside = Haystack("\n".join(parts)).counts(matcher)
    total = Haystack(document.text).counts(matcher)
    return {n.key: (total[n.key], min(outside[n.key], total[n.key])) for n in items}


def leak_checks(kind: str, original: str, output: str, items: list[Needle],
                counts: dict[str, tuple[int, int]], labels: tuple[str, ...],
                ocr_text: str = "", known: dict[str, tuple[str, str]] | None = None
                ) -> tuple[list[Check], list[str]]:
    """One check per extractor; plus warnings for strings that legitimately remain.

    `ocr_text` is what OCR read on the original's scanned pages: the copy carries it (minus the
    redactions) as a text layer, so an extractor may find there what it could not in the original.
    `known` holds texts already read (reader name -> (original, output)), so they are not read twice.
    """
    checks, warnings = [], []
    known = known or {}
    matcher = Matcher(items)
    for name, read in text_readers(kind).items():
        old, new = known[name] if name in known else (read(original), read(output))
        before = Haystack(old + "\n" + ocr_text).counts(matcher)
        after = Haystack(new, labels).counts(matcher)
        leaks = []
        for n in items:
            total, remaining = counts.get(n.key, (0, 0))
            allowed = max(before[n.key] - (total - remaining), 0)
            found = after[n.key]
            if found > allowed:
                leaks.append(f"'{n.text}' ({found}×, boleh {allowed}×)")
        detail = (f"{len(items)} teks dicari, tidak ada yang tersisa" if not leaks
                  else "MASIH TERBACA: " + "; ".join(leaks[:EXAMPLES]))
        checks.append(Check("teks dihitamkan tidak terbaca lagi", name, not leaks, detail))
    for n in items:
        if counts.get(n.key, (0, 0))[1]:
            warnings.append(f"teks penghitaman {n.ref or n.text} masih muncul {counts[n.key][1]}× di bagian yang "
                            "tidak diputuskan untuk dihitamkan; periksa apakah memang harus terbuka")
    return checks, warnings


def hidden_check(kind: str, output: str, items: list[Needle], counts: dict[str, tuple[int, int]],
                 labels: tuple[str, ...]) -> Check:
    strict = [n for n in items if not counts.get(n.key, (0, 0))[1]]
    matcher = Matcher(strict)
    found: set[str] = set()
    for chunk in hidden_reader(kind)(output):
        found |= {key for key, n in Haystack(chunk, labels).counts(matcher).items() if n}
    leaks = [n.text for n in strict if n.key in found]
    what = {"pdf": "semua objek dan aliran (stream) yang didekompresi",
            "docx": "semua bagian XML (termasuk atribut, teks terhapus, kode field)",
            "xlsx": "semua bagian paket (XML, atribut, bagian lain)",
            "ods": "semua bagian paket (XML, atribut, bagian lain)",
            "odt": "semua bagian paket (XML, atribut, bagian lain)",
            "odp": "semua bagian paket (XML, atribut, bagian lain)",
            "pptx": "semua bagian paket (XML, atribut, bagian lain)"}.get(kind, "bita berkas")
    detail = (f"{what}: {len(strict)} teks dicari, tidak ditemukan" if not leaks
              else f"{what}: DITEMUKAN " + "; ".join(f"'{t}'" for t in leaks[:EXAMPLES]))
    return Check("tidak ada salinan tersembunyi", "pencarian bita", not leaks, detail)


def over_redaction(original: Document, output: Document, decisions: list[Decision],
                   skip_kinds: tuple[str, ...] = ()) -> dict:
    """Words outside every redaction that the result no longer has (page by page)."""
    expected_total, lost_total = 0, 0
    examples: list[str] = []
    for page in original.pages:
        if page.number > len(output.pages):
            break
        expected = Counter(_outside_tokens(page, [d for d in decisions if d.page == page.number], skip_kinds))
        found_page = output.pages[page.number - 1].text
        found = Counter(tokens(found_page))
        compact = "".join(tokens(found_page))
        missing = expected - found
        lost = [t for t in missing.elements() if t not in compact]
        expected_total += sum(expected.values())
        lost_total += len(lost)
        examples += [f"hlm {page.number}: {t}" for t in lost[:EXAMPLES - len(examples)]]
    return {"kata_di_luar_penghitaman": expected_total, "hilang": lost_total, "contoh_hilang": examples}


def _outside_tokens(page, decisions: list[Decision], skip_kinds: tuple[str, ...]) -> list[str]:
    from reviewer.core.spans import SpanIndex

    spans: SpanIndex[None] = SpanIndex()
    for d in decisions:
        if d.text:
            spans.add(d.start, d.end)
    areas = [d.box for d in decisions if d.box is not None]
    out = []
    for word in page.words or _text_words(page):
        if spans.overlaps(word.start, word.end):
            continue
        if word.box is not None and any(_touches(word.box, area) for area in areas):
            continue
        seg = page.textmap.segment_at(word.start) if page.segments else None
        if seg is not None and seg.kind in skip_kinds:
            continue
        out += tokens(word.text)
    return out


def _text_words(page):
    from reviewer.core.model import Word

    return [Word(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", page.text)]


def _touches(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom
