"""The NER detector: persons (with their role), organisations and places, from the spaCy model.

`detector(settings)` loads `models/ner-id` (or raises ModelMissing / ModelIncompatible /
ModelCorrupt, all `ModelError`, so the pipeline goes on with patterns only) and returns the
callable the pipeline runs per page. A document is analysed once, all pages together, because a
person's role is decided over every mention of the name (see `reviewer.detect.roles`).

ORGANIZATION and LOCATION come out as `keep` context at a low score, so any identifier or address
found on the same text outranks them; a place inside a line that looks like a home address is
left out rather than called public.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reviewer.core import lexicon as words_table
from reviewer.core.model import Document, Finding, Page
from reviewer.core.reasons import reason
from reviewer.core.settings import Settings
from reviewer.detect import names, roles
from reviewer.detect.ner.artifact import COMMON, INSTITUTION

MODEL_NAME = "ner-id"
SOURCE = "model:ner-id"
CONTEXT_SCORE = 0.3
# Words after which a capitalised "name" is a street, building or institution, not a person.
NOT_A_PERSON_BEFORE = re.compile(
    r"(?i)\b(?:jalan|jln?\.?|gg\.?|gang|jend\.?|jenderal|rsud|rsu|rs|rumah\s+sakit|universitas|stadion|gedung|"
    r"masjid|bandara|pelabuhan|terminal|lapangan|taman|museum|yayasan|sekolah|sd|smp|sma|smk|mts|"
    r"pondok\s+pesantren|kampus|lapas|rutan|hotel|wisma|aula|pendopo|apotek|klinik|kompleks|perumahan|"
    r"PT\.?|CV\.?|KRMT|K\.R\.M\.T\.)"
    r"[\s.]*$")
FUNCTION_WORDS = frozenset("""yang dan di ke dari untuk dengan pada dalam oleh atau tentang tahun nomor kepada
bahwa sebagai adalah ini itu serta para bagi atas telah akan tidak jl rt rw kel kec no""".split())
# Words that open the name of a group of people, not of a person ("Tim Pemeriksa", "Panitia Seleksi").
GROUP_WORDS = frozenset("""tim panitia satgas pokja kelompok forum komisi majelis dewan paguyuban koperasi ikatan
himpunan persatuan lembaga komite gabungan fraksi regu gampong nagari jorong kampung""".split())
TITLE_LINES = 12
BATCH = 8  # pages per batch through the spaCy pipeline (see `_docs`)
PARTICLES = frozenset("bin binti br boru van de der al el da dos".split())
ROMAN = re.compile(r"[IVXLC]+\.?")
MONTHS = r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)"
PLACE_DATE = re.compile(r"(?i),\s*\d{1,2}\s+" + MONTHS + r"\s+\d{4}")
ADDRESSY = re.compile(r"(?i)\b(?:alamat|jl\.|jalan|rt\.?\s*\d|rw\.?\s*\d|kel\.|kec\.|desa|dusun|beralamat)")


@dataclass(frozen=True)
class Lexicon:
    """Words that never make a name alone (common) or never start one (institution); see ner_lexicon."""

    common: frozenset[str] = frozenset()
    institution: frozenset[str] = frozenset()


def detector(settings: Settings):
    """The NER detector (whole documents); raises ModelError when the model cannot be used."""
    nlp, lexicon = _model(str(settings.models_dir / MODEL_NAME))

    def detect_persons(document: Document, settings: Settings) -> dict[int, list[Finding]]:
        return analyse(nlp, document, settings, lexicon)

    return detect_persons


@lru_cache(maxsize=2)
def _model(folder: str):
    """The spaCy pipeline and the name lexicon of a model folder, loaded once per process."""
    from reviewer.detect.ner.artifact import load

    nlp, _manifest = load(Path(folder))
    return nlp, Lexicon(_words(Path(folder) / COMMON), _words(Path(folder) / INSTITUTION))


def _words(path) -> frozenset[str]:
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def analyse(nlp, document: Document, settings: Settings, lexicon: Lexicon | None = None
            ) -> dict[int, list[Finding]]:
    """Findings per page number for the whole document."""
    pages = [p for p in document.pages if p.text.strip() and not p.needs_ocr]
    mentions: list[roles.Mention] = []
    out: dict[int, list[Finding]] = {p.number: [] for p in pages}
    for page, doc in zip(pages, _docs(nlp, [p.text for p in pages])):
        spans = [(e.start_char, e.end_char) for e in doc.ents
                 if e.label_ == "PERSON" or titled(page.text, e.start_char, e.end_char)]
        for start, end in merge_adjacent(page.text, spans):
            start, end = extend(page.text, start, end, lexicon or Lexicon())
            mention = person(page, start, end, lexicon)
            if mention is not None:
                mentions.append(mention)
        for ent in doc.ents:
            if ent.label_ == "PERSON" or titled(page.text, ent.start_char, ent.end_char):
                continue
            else:
                finding = context(page, ent.start_char, ent.end_char, ent.label_)
                if finding is not None:
                    out[page.number].append(finding)
    common = (lexicon or Lexicon()).common
    mentions = [m for group in roles.group(mentions) if supported(group, common) for m in group]
    kinds = roles.document_kinds(document.text)
    roles.mark_public_prose(mentions, {p.number: p.text for p in pages})
    # words the document itself writes in lower case are ordinary words (e-mail and web addresses,
    # where names are lower-cased, do not count)
    lowered = set(re.findall(r"\b[a-z]{3,}\b", re.sub(r"\S*[@.]\w\S*", " ", document.text)))
    mentions = [m for m in mentions if not all(w in lowered for w in re.findall(r"[a-z]+", m.text.lower()))]
    decided = roles.decide(mentions, kinds, settings.officials)
    for i, m in enumerate(mentions):
        role = decided[i]
        why = (reason("ner.label", label="PERSON", source=SOURCE), *role.reasons)
        out[m.page].append(Finding(m.page, m.start, m.end, m.text, "PERSON", role.basis, role.score,
                                   role.action, SOURCE, why))
    return out


def _docs(nlp, texts: list[str]) -> list:
    """spaCy's documents of the texts, with numpy's BLAS on one thread: between the tok2vec layers' matrix
    products a second OpenBLAS thread spins: a third more CPU time for the same result.

    Pages go through the model `BATCH` at a time, not the pipeline's 1,000: tok2vec's arrays for a whole
    batch live at once, and for 50 pages they took 190 MB (and the page faults' system time) for the
    same entities."""
    with _blas().limit(limits=1, user_api="blas"):
        return list(nlp.pipe(texts, batch_size=BATCH))


@lru_cache(maxsize=1)
def _blas():
    from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

    return ThreadpoolController()  # the BLAS libraries loaded so far: numpy's, loaded with spaCy


def person(page: Page, start: int, end: int, lexicon: Lexicon | None = None) -> roles.Mention | None:
    """A PERSON entity as a mention with its cues, or None when it is not a person's name."""
    text = page.text
    span = names.surface(text, start, end)
    if span is None:
        return None
    start, end = span
    office = roles.OFFICE_START.match(text[start:end])
    if office:  # "Camat Budi Santoso": the title is not the name
        start += len(office.group(0))
        start += len(text[start:end]) - len(text[start:end].lstrip(" ,"))
        if not re.search(r"[A-Za-z]{2}", text[start:end]):
            return None
    start, end = trim_non_name(text, start, end)
    value = text[start:end]
    bare = names.strip_titles(value)
    words = bare.lower().split()
    if (not bare or not bare[0].isupper() or any(ch.isdigit() for ch in bare) or len(words) > 6
            or any(w in FUNCTION_WORDS for w in words) or "\n" in names.DEGREES_END.sub("", value).strip()):
        return None
    if NOT_A_PERSON_BEFORE.search(text[max(0, start - 25):start]) or not name_like(bare, lexicon):
        return None
    if words_table.not_person(bare):  # "Warteg Barokah", "Daihatsu Sigra", "HP merk Oppo": a business, a thing
        value = words_table.before_thing(value)  # "Dewi Lestari Hotel Melati": the name before it
        if len(names.strip_titles(value).split()) < 2:
            return None
        end, bare = start + len(value), names.strip_titles(value)
    if all(w.strip(".,") in names.procedural() for w in words):
        return None  # "Menimbang", "Terdakwa", "Mengadili": the decision's own words, never a person
    if PLACE_DATE.match(text[end:end + 30]):
        return None  # "Tondano, 14 Juli 2024": the place of a date line
    if acronyms(text, start, end, bare):
        return None

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if "\n" in text[end:] else len(text)
    rest = (text[line_start:start] + " " + text[end:line_end]).split()
    words = [w for w in rest if w[:1].isalpha()]
    heading = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    # an upper-case line alone near the top of a page is a title ("RELAAS PANGGILAN SIDANG") unless a cue says
    # otherwise; lower down it may be a signature under a line we have no cue for
    heading = heading or (not words and value.isupper() and len(bare.split()) >= 2
                          and text.count("\n", 0, start) < TITLE_LINES)
    return roles.Mention(page.number, start, end, value, roles.collect(text, start, end),
                         in_table="\t" in text[line_start:line_end], in_heading=heading)


def trim_non_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the clause-opening word before the name ("Bila Mega", "Tentara Rwanda": data
    `not_name_openers`) and without an office word after it ("Roosseno Menteri Pekerjaan Umum")."""
    first = re.match(r"([A-Za-z]+)\s+(?=[A-Z])", text[start:end])
    if first and first.group(1).lower() in _openers():
        start += first.end()
    for m in re.finditer(r"\s+(?=[A-Z])", text[start:end]):
        if roles.OFFICE_START.match(text[start + m.end():end]):
            return start, start + m.start()
    return start, end


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(words_table.words("not_name_openers"))


def acronyms(text: str, start: int, end: int, bare: str) -> bool:
    """Short upper-case words of at most one vowel in a mixed-case line ("LHP LKPP", "BPK RI"): abbreviations,
    not a name (an upper-case name has vowels: "DEWI ANA", "SRI RAHAYU")."""
    tokens = [t.strip(".,") for t in bare.split()]
    if not bare.isupper() or not all(len(t) <= 5 and len(re.findall("[AEIOU]", t)) <= 1 for t in tokens):
        return False
    line = text[text.rfind("\n", 0, start) + 1:(text.find("\n", end) + 1 or len(text) + 1) - 1]
    rest = line[:start - text.rfind("\n", 0, start) - 1] + line[end - text.rfind("\n", 0, start) - 1:]
    return sum(c.islower() for c in rest) > sum(c.isupper() for c in rest)


def titled(text: str, start: int, end: int) -> bool:
    """A title before it (Ir., Hj., Dr.) or a degree after it makes any entity a person's name."""
    before = names.PREFIXES.search(text[max(0, start - 30):start])
    return bool(before and before.group(0).strip() not in ("R.",)) or bool(
        re.match(r" *, *(?:" + names.DEGREE + ")", text[end:end + 30]))


def merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join PERSON pieces the model split: "Muhsin" + "Bin Alkaff", or a name wrapped in running text."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            gap = text[out[-1][1]:start]
            line = text[text.rfind("\n", 0, out[-1][1]) + 1:out[-1][1]]
            wrapped = gap.strip(" ") == "\n" and len(line.split()) >= 6
            if gap == " " or wrapped:
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def extend(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int]:
    """Take in up to two capitalised words on either side that are no ordinary or office words."""
    upper = text[start:end].isupper()

    def namelike(word: str) -> bool:
        return word.isupper() == upper and word.lower() not in lexicon.common \
            and word.lower() not in lexicon.institution and not roles.OFFICE_START.match(word)

    for _ in range(2):
        m = re.match(r" ([A-Z]{3,}|[A-Z][a-z]{2,})(?=[\s,.;:)]|$)", text[end:end + 40])
        if not m or not namelike(m.group(1)):
            break
        end += m.end()
    for _ in range(2):  # leftwards only from the start of a line or cell ("--- ARIS" + "SUSILO")
        m = re.search(r"([A-Z]{3,}|[A-Z][a-z]{2,}) $", text[max(0, start - 40):start])
        if not m or not namelike(m.group(1)):
            break
        before = start - len(m.group(0))
        line = text[text.rfind("\n", 0, before) + 1:before]
        if line.split("\t")[-1].strip(" -_=*:("):
            break
        start = before
    return start, end


def supported(group: list[roles.Mention], common: frozenset[str] = frozenset()) -> bool:
    """A name with no cue at all is dropped when it is a lone word or sits only in table cells or
    title-case headings: there the model's guess is weakest (check-box options, budget lines)."""
    if any(m.cues for m in group):
        return True
    lone = all(len(names.strip_titles(m.text).split()) == 1 for m in group)
    return not lone and not all(m.in_table or m.in_heading for m in group) and not common_run(group, common)


def common_run(group: list[roles.Mention], common: frozenset[str]) -> bool:
    """A capitalised run with an ordinary word in it and no known given name or surname ("Generasi Milenial",
    "Gugus Tugas Penanganan Covid", "Berhasil Kabur Setibanya"): a heading or a slogan, not a person."""
    known = words_table.given_names()
    words = {w for m in group for w in re.findall(r"[a-z]+", names.strip_titles(m.text).lower()) if len(w) > 2}
    return bool(words & common) and not words & known


def name_like(bare: str, lexicon: Lexicon | None = None) -> bool:
    """False for headings, form labels, brands, acronyms, numerals and web addresses taken for names."""
    lexicon = lexicon or Lexicon()
    words = [w for w in re.findall(r"[a-z]+", bare.lower()) if len(w) > 1]  # initials and "I" say nothing
    if not words or re.search(r"[a-z]\.[a-z]|@|www", bare.lower()) or words == ["bin"]:
        return False
    if all(w in lexicon.common or w in lexicon.institution for w in words) or words[0] in lexicon.institution \
            or words[0] in GROUP_WORDS:
        return False
    tokens = bare.split()
    if not bare.isupper() and any(len(t) > 1 and t.isupper() and t.isalpha() for t in tokens):
        return False  # an acronym inside a mixed-case "name": UU KIP, PPID Utama
    if any(t[0].islower() and t.rstrip(".").lower() not in PARTICLES for t in tokens):
        return False
    if len(words) == 1 and (ROMAN.fullmatch(bare) or bare.isupper() and len(bare) <= 4):
        return False
    return True


CONTEXT_WHAT = {"ORGANIZATION": {"id": "nama organisasi/instansi", "en": "name of an organisation or agency"},
                "LOCATION": {"id": "nama tempat", "en": "place name"}}


def context(page: Page, start: int, end: int, label: str) -> Finding | None:
    value = page.text[start:end]
    if not re.search(r"[A-Za-z]{2}", value):
        return None
    line_start = page.text.rfind("\n", 0, start) + 1
    if label == "LOCATION" and ADDRESSY.search(page.text[line_start:end]):
        return None  # part of an address: the address detector decides, not us
    what = CONTEXT_WHAT.get(label, {"id": label.lower(), "en": label.lower()})
    return Finding(page.number, start, end, value, label, "", CONTEXT_SCORE, "keep", SOURCE,
                   (reason("ner.label", label=label, source=SOURCE), reason("ner.context", what=what, source=SOURCE)))
