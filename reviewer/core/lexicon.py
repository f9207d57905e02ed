"""Words about people, as data: positions of office, courtesy words, titles, ranks, private roles.

One table, `reviewer/data/people_words.yaml`, read by the role cues (`reviewer.detect.roles`), the span of
a name (`reviewer.detect.names`), officials named in prose (`reviewer.detect.officials`), the keep rules
(ranks) and the synthetic training text (`reviewer.train.ner.synth`), so that a word is a courtesy word,
a title or a rank in the same way everywhere.

    >>> "Bupati" in words("offices")
    True
    >>> bool(re.fullmatch(alternation("courtesy"), "Sdr."))
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from reviewer.core import yamlfile

DATA = Path(__file__).resolve().parent.parent / "data" / "people_words.yaml"


@lru_cache(maxsize=1)
def table() -> dict:
    with open(DATA, encoding="utf-8") as fh:
        return yamlfile.safe_load(fh)


def words(section: str) -> tuple[str, ...]:
    """The entries of a section as written (regular-expression fragments or written forms)."""
    return tuple(table()[section])


def written(form: str) -> str:
    """A written form as a pattern: its trailing dot optional, inner spaces any whitespace."""
    bare = form.rstrip(".")
    return r"\s?".join(re.escape(part) for part in bare.split(" ")) + (r"\.?" if form.endswith(".") else "")


def alternation(section: str) -> str:
    """A non-capturing group of the section's entries (fragments as they are, written forms escaped)."""
    if section in ("courtesy", "bylines", "grades"):
        return "(?:" + "|".join(written(w) for w in words(section)) + ")"
    return "(?:" + "|".join(words(section)) + ")"


def title_forms(sex: str | None = None) -> tuple[str, ...]:
    """The titles written before a name ("Hj.", "Prof. Dr."), of one sex ("m"/"f") and unisex ones."""
    return tuple(t["form"] for t in table()["titles"] if sex is None or t.get("sex", sex) == sex)


def ranks(kind: str | None = None) -> tuple[str, ...]:
    """Police ("police") and military ("military") ranks, or all of them, in their usual case."""
    kinds = (kind,) if kind else tuple(table()["ranks"])
    return tuple(dict.fromkeys(r for k in kinds for r in table()["ranks"][k]))


def not_person(text: str) -> bool:
    """A run with a business, brand or thing word in it ("Warteg Barokah", "HPmerk Oppo"): no person's name.
    Words glued at a former line end are split where the case changes; a long word also counts as the start
    of an upper-case word ("WARTEGBAROKAH")."""
    return before_thing(text) != text


def before_thing(text: str) -> str:
    """The run up to its first business, brand or thing word ("Fitryanadi" of "Fitryanadi Hotel 88"), the
    whole run when it has none."""
    words = _not_person_words()
    for m in re.finditer(r"[A-Za-z]+", text):
        low = m.group(0).lower()
        parts = {p.lower() for p in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", m.group(0))}
        if low in words or parts & words or any(len(w) >= 5 and low.startswith(w) for w in words):
            return text[:m.start()].rstrip(" ,.;:-/")
    return text


@lru_cache(maxsize=1)
def _not_person_words() -> frozenset[str]:
    return frozenset(w.lower() for w in table().get("not_person_words") or ())


def rank_alternation() -> str:
    """Every rank, for a case-insensitive match."""
    return "(?:" + "|".join(re.escape(r) for r in sorted(ranks(), key=len, reverse=True)) + ")"


def document_kinds() -> dict[str, str]:
    return dict(table()["document_kinds"])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Indonesian given names and surnames (lower case; `reviewer/data/given_names.txt`, MIT word lists)."""
    path = DATA.parent / "given_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
