"""What news writes right after a private person's name: the age and the home village.

"AS (25), warga Desa Sukamaju, Kecamatan X" names the person by initials, and the age and the village
finish identifying them: both are personal data (Pasal 17 huruf h UU 14/2008; UU 27/2022). They are
personal only as facts *of a person*: "warga Desa X menerima bantuan" names no one, and the age of an
official acting in office is not withheld. So the facts are read only right after a PERSON suggestion that
is already flagged (redact or review), after the other detectors and the keep rules have decided who is
private (`policy.apply` calls `facts` on the resolved findings of a page).

A fact follows its person's action: redact after a name suggested for redaction; after a name sent to
review, `review`, and only in a text about a criminal case (words of `criminal_news`), where the doubt is
about the person, not about whether the bracket holds an age.
"""

from __future__ import annotations

import re

from reviewer.core import lexicon
from reviewer.core.model import Finding
from reviewer.core.reasons import reason
from reviewer.detect import officials

SOURCE = "attached"
FLAGGED = ("redact", "review")
AGE = re.compile(r"\s*,?\s*\(\s*(?P<fact>\d{1,3}(?:\s*(?:th|thn|tahun)\.?)?)\s*\)"
                 r"|\s*,?\s*(?:yang\s+)?(?:berusia|berumur|usia|umur)\s+(?P<fact2>\d{1,3}\s*(?:th|thn|tahun)\b\.?)")
UNIT = lexicon.alternation("home_units")
# one line only: a home area never runs on into the next paragraph
PLACE = re.compile(r"(?i:" + UNIT + r")\.?[ \t]*(?:[A-Z0-9][\w'’/-]*)(?:[ \t]+(?!(?i:" + UNIT + r")\b)"
                   r"(?:[A-Z][a-z]{0,2}\.(?=[ \t]*\d)|[A-Z0-9][\w'’/-]*))*")
BARE = re.compile(r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2}")  # "Kuningan", "Jawa Barat": checked against the table
SEPARATOR = re.compile(r"[ \t]*,?[ \t]*(?:dan[ \t]+)?")
HOME = re.compile(
    r"[ \t,]*(?:\(\s*\d{1,3}[^()\n]{0,8}\)[ \t,]*)?(?:(?:yang\s+merupakan|merupakan|yang\s+juga|adalah|keduanya|"
    r"ketiganya|semuanya|masing-masing|yang)\s+)?(?i:" + lexicon.alternation("home_words") + r")[ \t]+")
CRIME_WORDS = re.compile(r"(?i)(?<![A-Za-z])" + lexicon.alternation("criminal_news") + r"(?![A-Za-z])")


def facts(text: str, page: int, findings: list[Finding]) -> list[Finding]:
    """Age and home-area findings right after the flagged PERSON findings of one page's text."""
    criminal = bool(CRIME_WORDS.search(text))
    out: dict[tuple[int, int], Finding] = {}
    names: set[str] = set()  # a court decision names its defendant thousands of times: initials once per name
    for f in findings:
        if f.label != "PERSON" or f.action not in FLAGGED or (f.action == "review" and not criminal):
            continue
        for found in (age_after(text, page, f), home_after(text, page, f)):
            if found is not None:
                out.setdefault((found.start, found.end), found)
        if criminal and f.text not in names:
            names.add(f.text)
            for found in initials_of(text, page, f):
                out.setdefault((found.start, found.end), found)
    return list(out.values())


def initials_of(text: str, page: int, person: Finding) -> list[Finding]:
    """The initials of a flagged full name written alone ("DM (Dedi Marwoto)", later "tersangka DM"): the same
    person, as police news writes them. Only for names of two to four words whose initials the text pairs with
    the name in brackets, and letters the text never writes in lower case as a word."""
    words = [w for w in re.findall(r"[A-Za-z'’]+", person.text) if w[0].isupper()]
    if not 2 <= len(words) <= 4 or len(words) != len(person.text.split()):
        return []
    letters = "".join(w[0] for w in words).upper()
    name = r"\s+".join(re.escape(w) for w in person.text.split())
    linked = re.search(r"(?<![A-Za-z])" + letters + r"\s*\(\s*" + name + r"\s*\)|" + name + r"\s*\(\s*" + letters
                       + r"\s*\)", text)
    if not linked or re.search(r"(?<![A-Za-z])" + letters.lower() + r"(?![A-Za-z])", text):
        return []  # "PU", "SD": the letters of a name are also abbreviations, unless the text pairs them
    why = reason("attached.initials", name=person.text)
    return [Finding(page, m.start(), m.end(), letters, "PERSON", person.basis or "17h", person.score,
                    person.action, SOURCE, (why, *person.reasons[-1:]), entity=person.entity)
            for m in re.finditer(r"(?<![A-Za-z.])" + letters + r"(?![A-Za-z])", text)]


def age_after(text: str, page: int, person: Finding) -> Finding | None:
    m = AGE.match(text, person.end)
    if not m:
        return None
    group = "fact" if m.group("fact") else "fact2"
    return fact(page, m.start(group), m.end(group), text, "DATE_OF_BIRTH", person,
                reason("attached.age", name=person.text))


def home_after(text: str, page: int, person: Finding) -> Finding | None:
    m = HOME.match(text, person.end)
    if not m:
        return None
    start = end = m.end()
    while (piece := place_at(text, skip_separator(text, end) if end > start else end)) is not None:
        end = piece
    if end == start:
        return None
    return fact(page, start, end, text, "ADDRESS", person, reason("attached.home", name=person.text))


def skip_separator(text: str, i: int) -> int:
    m = SEPARATOR.match(text, i)
    return m.end() if m else i


def place_at(text: str, i: int) -> int | None:
    """The end of one piece of a home area at i: a unit and its name ("Desa Sukamaju", "RT 02"), or the name of
    a province or regency alone ("Kuningan", "Jawa Barat", words of the region table)."""
    m = PLACE.match(text, i)
    if m:
        return m.end()
    m = BARE.match(text, i)
    if m and set(m.group(0).lower().split()) <= officials.place_words():
        return m.end()
    return None


def fact(page: int, start: int, end: int, text: str, label: str, person: Finding, why) -> Finding:
    score = 0.8 if person.action == "redact" else 0.6
    return Finding(page, start, end, text[start:end], label, person.basis or "17h", score, person.action,
                   SOURCE, (why,))
