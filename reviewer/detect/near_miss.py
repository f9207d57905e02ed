"""OCR near-misses: read digit runs as digits, and catch identifiers one edit away from valid.

Tesseract misreads digits in predictable ways: O for 0, l/I/| for 1, S for 5, B for 8, and a
space inside a long number. `normalise` rewrites those inside digit runs (an offset map leads back
to the page text) so that the identifier patterns see the number the page shows. A token that
still fails validation but becomes valid after one edit (a digit dropped, added or changed) next to
its label ("NIK", "No. KK", "NIP") is never left silent: it becomes a `review` finding with the
reason "mirip NIK, tidak valid — mungkin salah baca OCR".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reviewer.core.reasons import Reason, reason
from reviewer.detect import validators

CONFUSIONS = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                            "S": "5", "s": "5", "B": "8"})
# a token of digits and look-alike letters; long enough and digit-heavy enough to be a number
_TOKEN = re.compile(r"[0-9OoDlIi|SsB]{6,}")
DIGIT_SHARE = 0.7
# digit groups split by single spaces (OCR breaks long numbers); joined when they add up to an
# identifier's length
_GROUPS = re.compile(r"\d+(?: \d+)+")
JOIN_LENGTHS = (15, 16, 18)
SOURCE = "pattern:mirip-identitas"


@dataclass(frozen=True)
class Normalised:
    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the page text of character i (len(text) + 1 entries)
    changed: bool

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The page-text span of normalised characters [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


def _letters_to_digits(text: str) -> str:
    def fix(m: re.Match) -> str:
        token = m.group()
        digits = sum(c.isdigit() for c in token)
        return token.translate(CONFUSIONS) if digits >= DIGIT_SHARE * len(token) else token

    return _TOKEN.sub(fix, text)


def normalise(text: str) -> Normalised:
    """Look-alike letters inside digit runs become digits (same length); single spaces inside a
    digit run that adds up to 15, 16 or 18 digits are dropped (offsets mapped back)."""
    fixed = _letters_to_digits(text)
    drop: set[int] = set()
    for m in _GROUPS.finditer(fixed):
        if len(m.group().replace(" ", "")) in JOIN_LENGTHS:
            drop.update(m.start() + i for i, c in enumerate(m.group()) if c == " ")
    keep = [i for i in range(len(fixed)) if i not in drop]
    out = "".join(fixed[i] for i in keep)
    return Normalised(out, tuple(keep) + (len(text),), out != text)


@dataclass(frozen=True)
class Kind:
    label: str
    name: str  # as written in the reason
    lengths: tuple[int, ...]
    context: re.Pattern
    validate: Callable[[str], tuple[bool, str]]


KINDS = (
    Kind("NIK", "NIK", (16,), re.compile(r"\b(?:nik|ktp|kependudukan)\b", re.I), validators.nik),
    Kind("KK", "KK", (16,), re.compile(r"\b(?:kk|kartu\s+keluarga)\b", re.I), validators.kk),
    Kind("NIP", "NIP", (18,), re.compile(r"\bnip\b|\bnomor\s+induk\s+pegawai\b", re.I), validators.nip),
)
CONTEXT_BEFORE = 40  # characters before the number searched for its label
_RUN = re.compile(r"(?<!\d)\d{13,20}(?!\d)")


def one_edit_valid(digits: str, length: int, validate) -> str | None:
    """A valid identifier one edit away from `digits` (dropped, added or changed digit), or None."""
    n = len(digits)
    if n == length + 1:
        variants = (digits[:i] + digits[i + 1:] for i in range(n))
    elif n == length - 1:
        variants = (digits[:i] + d + digits[i:] for i in range(n + 1) for d in "0123456789")
    elif n == length:
        variants = (digits[:i] + d + digits[i + 1:] for i in range(n) for d in "0123456789" if d != digits[i])
    else:
        return None
    return next((v for v in variants if validate(v)[0]), None)


@dataclass(frozen=True)
class NearMiss:
    start: int  # offsets into the normalised text
    end: int
    label: str
    reason: Reason
    variant: str


def near_misses(norm: str) -> list[NearMiss]:
    """Digit runs beside an identifier's label that fail its validation but are one edit from valid."""
    out = []
    for m in _RUN.finditer(norm):
        run = m.group()
        before = norm[max(0, m.start() - CONTEXT_BEFORE):m.start()]
        for kind in KINDS:
            if not kind.context.search(before) or kind.validate(run)[0]:
                continue
            variant = next((v for n in kind.lengths if (v := one_edit_valid(run, n, kind.validate))), None)
            if variant:
                out.append(NearMiss(m.start(), m.end(), kind.label,
                                    reason("near_miss.ocr", kind=kind.name, source=SOURCE), variant))
                break
    return out
