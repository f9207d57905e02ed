"""Private persons named by initials in criminal news: "MRNW (17) dan AAH (20)", "tersangka lainnya adalah OK, C,
LM dan T".

Police and court news hide suspects, victims and witnesses behind initials, mostly with the age in brackets.
The NER model does not take "AAH" for a person, and the initials are no less personal data than the name
(with the age, the home village and the case they identify the person): PERSON, `redact`. Only in a document
that is about a criminal case (document kinds law, child, sexual, or words of `criminal_news`) and never after
a position of office ("jaksa AR", "Kepala Dinas AP": officials acting in office are kept by
`reviewer.detect.identity`).

Seeds: initials followed by an age ("XY (27)"), and a list of initials after a private role word ("tersangka
lainnya adalah OK, C, LM dan T"). Each seed of two letters or more is then found everywhere in the document
(the same letters, standing alone); a single letter only where it was seen in its list.
"""

from __future__ import annotations

import re

from reviewer.core import lexicon
from reviewer.core.model import Document, Finding
from reviewer.core.reasons import reason
from reviewer.core.settings import Settings
from reviewer.detect import roles

SOURCE = "initials"
SCORE = 0.85
CRIMINAL = frozenset(("law", "child", "sexual"))
LETTERS = r"[A-Z]{1,4}"
AGED = re.compile(r"(?<![A-Za-z.])([A-Z]{2,4})\s*\(\s*\d{1,2}\s*(?:th|thn|tahun)?\s*\)")
ITEM = r"(?<![A-Za-z.])" + LETTERS + r"(?![A-Za-z.])(?:\s*\(\s*\d{1,2}\s*\))?"
LIST = re.compile(r"(?i:\b(?P<role>tersangka|pelaku|korban|saksi|terdakwa|diamankan|ditangkap)"
                  r"(?:\s+(?:lain(?:nya)?|lagi))?\s*,?\s*(?:(?:adalah|yakni|yaitu|ialah|masing-masing|berinisial|"
                  r"inisial)\s*:?\s*)+)(?P<items>" + ITEM + r"(?:\s*(?:,\s*(?:dan\s+)?|\s+dan\s+)" + ITEM + r")*)")
CRIME_WORDS = re.compile(r"(?i)(?<![A-Za-z])" + lexicon.alternation("criminal_news") + r"(?![A-Za-z])")
# a word before the letters that makes them a country or a currency ("dollar AS", "ke AS"), not a person
NOT_PERSON_BEFORE = re.compile(r"(?i)\b(?:dollar|dolar|negara|negeri|amerika|di|ke|asal|pemerintah|presiden)\s+$")
OFFICE_BEFORE = re.compile(r"(?:" + roles.OFFICE + r"|(?i:jaksa|hakim|penyidik|pejabat|petugas))[\w\s.,]{0,40}$")


def detector(settings: Settings):
    def detect_initials(document: Document, settings: Settings) -> dict[int, list[Finding]]:
        return analyse(document)

    return detect_initials


def analyse(document: Document) -> dict[int, list[Finding]]:
    out: dict[int, list[Finding]] = {p.number: [] for p in document.pages}
    kinds = roles.document_kinds(document.text)
    if not kinds & CRIMINAL and not CRIME_WORDS.search(document.text):
        return out
    pages = [p for p in document.pages if not p.needs_ocr]
    seeds: dict[str, str] = {}  # initials -> the cue they were learned from
    single: list[tuple[int, int, int, str]] = []
    # a word the document also writes in lower case is a word ("PASAL 2 AYAT (1)"), not initials
    lowered = set(re.findall(r"\b[a-z]{2,4}\b", document.text))
    for page in pages:
        for letters, start, end, cue in seeds_of(page.text):
            if letters.lower() in lowered:
                continue
            if len(letters) > 1:
                seeds.setdefault(letters, cue)
            else:
                single.append((page.number, start, end, cue))
    basis, why = roles.basis_for([roles.Cue("private", 3, "", " ".join(seeds.values()))], kinds)
    for page in pages:
        for letters, cue in seeds.items():
            for m in re.finditer(r"(?<![A-Za-z.])" + letters + r"(?![A-Za-z])", page.text):
                if not official_before(page.text, m.start()) and not NOT_PERSON_BEFORE.search(
                        page.text[max(0, m.start() - 20):m.start()]):
                    out[page.number].append(finding(page.number, m.start(), m.end(), letters, cue, basis, why))
    texts = {p.number: p.text for p in pages}
    for number, start, end, cue in single:
        out[number].append(finding(number, start, end, texts[number][start:end], cue, basis, why))
    return out


def seeds_of(text: str) -> list[tuple[str, int, int, str]]:
    """(initials, start, end, cue) for every initials-with-age and every item of a list after a private role."""
    out = []
    for m in AGED.finditer(text):
        if not official_before(text, m.start(1)):
            out.append((m.group(1), m.start(1), m.end(1), "usia dalam kurung"))
    for m in LIST.finditer(text):
        if official_before(text, m.start()):
            continue
        for item in re.finditer(r"(?<![A-Za-z.])" + LETTERS + r"(?![A-Za-z.])", m.group("items")):
            out.append((item.group(0), m.start("items") + item.start(), m.start("items") + item.end(),
                        m.group("role").lower()))
    return out


def official_before(text: str, start: int) -> bool:
    """A position of office right before the initials, in the same clause: an official, not a private person."""
    clause = re.split(r"[.;\n]|\b(?:dan|serta)\b", text[max(0, start - 60):start])[-1]
    return bool(OFFICE_BEFORE.search(clause))


def finding(page: int, start: int, end: int, text: str, cue: str, basis: str, why: str) -> Finding:
    return Finding(page, start, end, text, "PERSON", basis, SCORE, "redact", SOURCE,
                   (reason("initials.private", cue=cue, source=SOURCE), why))
