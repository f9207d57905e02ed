"""The written form of a person's name: titles and degrees belong to the span, courtesy words do not.

"Hj. Ika Wulandari, S.Kep., Ns." is blacked out whole (the titles identify the person as much as
the name does); "Ibu" or "Sdr." before it stays visible.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from reviewer.core import lexicon

# Titles written before a name (religious, academic, professional, nobility) and courtesy words are
# data: reviewer/data/people_words.yaml ("titles", "courtesy").
PREFIX = "(?:" + "|".join(re.escape(f.rstrip(".")).replace(r"\ ", r"\s?") for f in lexicon.title_forms()) + ")"
WORD_TITLES = "|".join(re.escape(f) for f in lexicon.title_forms() if not f.endswith("."))
PREFIXES = re.compile(r"(?:\b" + PREFIX + r"\.?\s+)+$")
PREFIXES_START = re.compile(r"^(?:" + PREFIX + r"\.\s*|(?:" + WORD_TITLES + r")\s+)+")
# Degrees written after a name: S.H., M.Si., S.Kep., Ns., Sp.PD, A.Md.Keb., Ph.D., MBA, SH ...
DEGREE = (r"(?:(?:S|M|D[1-4]|A|B|Sp|Ph|Lc|Ns|Apt|Dipl|LL|Bc|Psi)\."
          r"(?: ?[A-Za-z]{1,6}\.|[A-Za-z]{1,6}){0,3}(?:\([A-Z]\))?"
          r"|Sp[A-Z]{1,3}|MBA|MPH|MSc|BSc|PhD|SH|SE|ST|SIP|SKom|SPd|MPd|MSi|MM|MT|MH|MHum|MKn|MAg|SAg|SHI|SSos|SIK|MAP|MKes"
          r"|Ak|CA|CPA)"
          r"(?![A-Za-z])")
# between degrees: a comma (a line break may follow it: degrees wrap in narrow cells) or spaces
SEP = r"(?: *, *\n? *| +)"  # never across a tab: the next cell is someone else's
DEGREES = re.compile(r"^(?:" + SEP + DEGREE + r")+")
DEGREES_END = re.compile(r"(?:\s*,?\s*" + DEGREE + r")+\s*$")
_ABBR = "|".join(re.escape(c.rstrip(".")) for c in lexicon.words("courtesy") if c.endswith("."))
_WORDS = "|".join(re.escape(c) for c in lexicon.words("courtesy") if not c.endswith("."))
COURTESY = re.compile(r"^(?:(?:" + _ABBR + r")\.?\s+|(?:" + _WORDS + r"|Yang\s+Terhormat|Klien|Anak(?!\s+Agung)|Saksi|"
                      r"Korban|Pelapor|Pemohon|Tersangka|Terlapor|Pasien|Nama)\b[\s:,]+)", re.IGNORECASE)
TRAILING = re.compile(r"[\s,.;:()\-–]+$")


def strip_titles(text: str) -> str:
    """The bare name: without courtesy words, titles before it and degrees after it."""
    text = " ".join(text.split())
    while (m := COURTESY.match(text)) and len(m.group(0)) < len(text):
        text = text[m.end():]
    text = PREFIXES_START.sub("", text)
    return TRAILING.sub("", DEGREES_END.sub("", text))


def surface(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span to suggest for a PERSON entity found at [start, end): courtesy words dropped,
    titles before and degrees after added. None when nothing name-like is left."""
    while (m := COURTESY.match(text[start:end])) and start + m.end() < end:
        start += m.end()
    inner = PREFIXES_START.match(text[start:end])
    name_start = start + (inner.end() if inner else 0)
    trail = TRAILING.search(text[start:end])
    if trail and start + trail.start() > name_start:
        end = start + trail.start()
    # a degree the model already took in may have lost its final dot to TRAILING: give it back
    while end < len(text) and text[end] == "." and DEGREES_END.search(text[start:end + 1]):
        end += 1
    if not re.search(r"[A-Za-z]{2}", text[name_start:end]):
        return None
    before = PREFIXES.search(text[max(0, start - 30):start])
    if before and "\n" not in before.group(0):
        start -= len(before.group(0))
    after = DEGREES.match(text[end:end + 80])
    if after:
        end += after.end()
    return start, end


ROLES_DATA = Path(__file__).resolve().parent.parent / "data" / "person_roles.yaml"


@lru_cache(maxsize=1)
def procedural() -> frozenset[str]:
    """Words of a decision's structure that are never a person's name (lower case; data/person_roles.yaml).

    Here, not in `identity`, so that the NER (which filters its PERSON spans with them) and the identity
    blocks read one list without importing each other."""
    from reviewer.core import yamlfile

    with open(ROLES_DATA, encoding="utf-8") as fh:
        return frozenset(yamlfile.safe_load(fh)["procedural"])
