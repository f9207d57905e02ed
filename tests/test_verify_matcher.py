"""The one-pass needle counter gives exactly what counting needle by needle gives."""

from __future__ import annotations

import random

from reviewer.redact.verify import FEW, Haystack, Matcher, Needle


def _text(rng: random.Random, n: int) -> str:
    words = ["Budi", "Santoso", "Ani", "Tani", "3374", "0649", "Jl.", "Melati", "11", "111", "a", "NIK:3374"]
    return " ".join(rng.choice(words) for _ in range(n))


def test_matcher_counts_equal_str_count():
    rng = random.Random(3)
    for _ in range(30):
        text = _text(rng, 400)
        pool = {_text(rng, rng.randint(1, 3)) for _ in range(40)} | {"1111", "11 11", "Budi Santoso", "ani"}
        items = [n for n in (Needle.of(t) for t in pool) if n]
        assert len(items) > FEW
        hay = Haystack(text, ("Jl.",))
        assert hay.counts(Matcher(items)) == {n.key: hay.count(n) for n in items}


def test_overlapping_occurrences_count_as_str_count():
    hay = Haystack("1111111 a a a")
    items = [Needle.of(t) for t in ("1111", "11111", "a", "a a", "b", "c d", "e", "f", "g", "h", "2222")]
    counts = hay.counts(Matcher(items))
    assert counts["1111"] == 1 and counts["11111"] == 1 and counts["a"] == 2 and counts["a a"] == 1
