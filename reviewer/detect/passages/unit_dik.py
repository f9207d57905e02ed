"""Which decreed row of the unit's DIK covers a passage: rule-backed evidence for `redact` (issue 19).

The rows come in through `Settings.dik_entries` (`reviewer.store.context.scan_settings` fills them
from the unit's DIK, decreed rows only); this layer cannot read the DIK itself. A row covers a
passage when both hold:
- its basis covers the passage's: the same huruf, and the same angka, or one side names no angka;
- the passage is about what the row is about: one of the row's keywords is in the passage, or
  at least `SHARED_WORDS` content words of the row's information are.
The huruf alone is not enough: the model chose it, and a row cannot back the model's own guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.core.reasons import reason as dik_reason
from reviewer.core.settings import DikEntry

SHARED_WORDS = 2
_STOP = frozenset("yang dengan untuk dalam pada atau serta tidak dapat informasi dokumen data hasil proses "
                  "tentang terkait berupa antara lainnya milik badan publik setiap seluruh kepada".split())


def covers_basis(row_code: str, basis: str) -> bool:
    if row_code[:3] != basis[:3]:
        return False
    return row_code == basis or len(row_code) == 3 or len(basis) == 3


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]{5,}", text.lower()) if w not in _STOP)


def _has(text: str, phrase: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text, re.I) is not None


def about(entry: DikEntry, text: str) -> str:
    """Why the passage is about the row ('' when it is not)."""
    for keyword in entry.keywords:
        if keyword.strip() and _has(text, keyword.strip()):
            return dik_reason("dik.keyword", keyword=keyword.strip())
    shared = sorted(_words(entry.information) & _words(text))
    return dik_reason("dik.words", words=", ".join(f"'{w}'" for w in shared[:3])) if len(shared) >= SHARED_WORDS else ""


def covering(entries: tuple[DikEntry, ...], basis: str, text: str) -> tuple[DikEntry, str] | None:
    """The first row (in DIK order) that covers the passage, with why."""
    for entry in entries:
        if any(covers_basis(c, basis) for c in entry.codes):
            why = about(entry, text)
            if why:
                return entry, why
    return None


def reason(entry: DikEntry, why: str) -> str:
    return dik_reason("dik.listed", number=entry.number or "-", information=entry.information,
                      codes=", ".join(entry.codes), why=why, source="dik")
