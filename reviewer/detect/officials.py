"""Officials named in prose: a position of office next to a name, and the bylines of a news text.

Press releases and news name officials acting in office in a few fixed shapes: "<jabatan> <instansi>,
Bapak <gelar> <Nama>", "Bupati X", "Kasat Reskrim Polres Y IPTU Z", "<Nama>, <jabatan> ...", "<Nama>
selaku/sebagai <jabatan>", "<Nama> (<jabatan>)", "dipimpin oleh <jabatan> <Nama>"; and the people who
wrote them ("Penulis: X", "Editor: Y", "Foto: Z", "(yus/mas)" at the end). Officials acting in office
are not exempt (Pasal 18 ayat 2 huruf b UU 14/2008): these names are kept, with the position as reason.

The positions, acting titles, courtesy words, titles, ranks and agency words are data
(`reviewer/data/people_words.yaml`); the unit's officials list may add positions (`positions`). This
module only finds the (name, position) pairs; `reviewer.detect.identity` turns them into persons and
finds every mention.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reviewer.core import lexicon
from reviewer.detect.names import DEGREE, PREFIX

WORD = r"[A-Za-z][A-Za-z'’-]*\.?"
TOKEN = re.compile(r"\([^()\n]{1,40}\)|" + WORD + r"|,|[^\sA-Za-z,]")
PRIVATE_BEFORE = re.compile(r"(?i)\b(?:tersangka|terdakwa|terpidana|pelaku|korban|terlapor|tahanan|buronan|anak|istri|"
                            r"suami|ayah|ibu|adik|kakak|keponakan|menantu|cucu|keluarga|orang\s+tua|kerabat)\s*$")
STOP_WORDS = frozenset("yang dan di ke dari untuk dengan pada dalam oleh atau saat usai pun juga ketika serta bersama "
                       "selaku sebagai menyampaikan mengatakan kata ujar ini itu ttd".split())
# Labels of identifiers written after a rank or a name ("AKP NRP 78090123"): never part of the name.
ID_LABELS = frozenset("nrp nip nik npwp ktp kk sim nomor no".split())
PRIVATE_ROLE_WORDS = frozenset("terdakwa tersangka terpidana saksi korban anak pelapor terlapor".split())
JOINERS = frozenset(("dan", "&", "-", "/"))
PARTICLES = frozenset("bin binti br boru van de der al el da dos i ni".split())
BYLINE = re.compile(r"(?im)(?:^|[•·|])[^\S\n]*(?:" + lexicon.alternation("bylines") + r")\s*(?:[:/|]|oleh)\s*")
VILLAGE_HEAD = re.compile(r"(?i)(?:kepala\s+desa|kades|lurah|camat|kepala\s+dusun|kadus|perbekel|kuwu|keuchik)$")
STREET = re.compile(r"(?i)\b(?:jalan|jl|jln|gg|gang|lapangan|stadion|gedung|taman)\.?\s*$")
CONNECTOR = re.compile(r"\s*,?\s*(?:yang\s+bernama|bernama|yaitu|yakni|atas\s+nama)\s*:?\s*")
_DEGREES = r"(?:\s*,?\s*" + DEGREE + r"\.?)+"
_NAME = r"(?P<name>(?:[A-Z]\.\s*)?[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+){0,4})"
LIST_NEXT = re.compile(_DEGREES + r"\s*(?:,?\s*(?:\bdan\b|&)|,)?\s*(?:(?:TTD|Ttd|ttd)\s+)*(?:" + PREFIX + r"\.\s*)*")
LIST_NAME = re.compile(_NAME)
# A numbered list after a position ("Penasihat Hukum : 1. A, S.H.; 2. B, S.H.I; 3. C, S.H."): every item is a name
NUMBERED_OPEN = re.compile(r"\s*,?\s*(?:(?:yang\s+)?(?:bernama|yaitu|yakni|masing-masing|antara\s+lain)\s*)?:?\s*"
                           r"(?=1\s*[.)])")
NUMBERED_ITEM = re.compile(r"\s*(\d{1,2})\s*[.)]\s*(?P<name>[A-Z][A-Za-z'’-]*\.?(?:[ \t]*[A-Z][A-Za-z'’-]*\.?){0,5})")
NUMBERED_NEXT = re.compile(_DEGREES + r"?\s*[;,]?\s*(?:dan\s+)?")
LIST_BEFORE = re.compile(_NAME + _DEGREES + r"\s*(?:,?\s*(?:\bdan\b|&)|,)?\s*(?:(?:" + PREFIX + r")(?:\.\s*|\s+))*$")
# The closing paragraph of a decision: "Demikianlah diputuskan dalam rapat musyawarah/permusyawaratan Majelis
# Hakim/Mahkamah Agung ... oleh A, S.H. sebagai Ketua Majelis, B, S.H. dan C, S.H. ... dibantu oleh D, S.H.,
# Panitera Pengganti", then the signatures ("ttd./A, S.H.") and the registry's certification ("Untuk Salinan ...
# Panitera Muda Pidana Khusus E, S.H. NIP ..."): every name written with degrees there is the court's.
CLOSING = re.compile(r"(?i)Demikian(?:lah)?\s*(?:di\s*putus(?:kan)?|ditetapkan)\s*(?:dalam|pada|oleh)\s*"
                     r"(?:rapat|sidang|musyawarah|permusyawaratan|hari)")
CLOSING_SPAN = 3000  # characters after "Demikianlah diputuskan": the paragraph, the signatures, the certification
CLOSING_NAME = re.compile(r"(?:(?<=[a-z/])|(?<![A-Za-z]))(?:(?:" + PREFIX + r")\.\s*)*"
                          r"(?P<name>(?:[A-Z]\.[ \t]*)?[A-Z][A-Za-z'’-]{1,40}\.?"
                          # words apart by spaces, or right after an initial's dot ("M.Misa"): never split a word
                          r"(?:[ \t]+(?:[A-Z]\.|[A-Z][A-Za-z'’-]{1,40}\.?)"
                          r"|(?<=[A-Z]\.)[A-Z][A-Za-z'’-]{1,40}\.?){0,7}?)"
                          r"\s*,\s*" + DEGREE)
# a name in the closing right after these is a party's or counsel's ("dihadiri oleh Terdakwa X, S.H.")
NOT_THE_COURT = re.compile(r"(?i)(?:terdakwa|saksi|korban|penasi?e?hat\s*hukum\w*|advokat)\s*$")
CLOSING_WORD = re.compile(r"[A-Z]\.|[A-Z]?[a-z'’-]+\.?|[A-Z]+(?![a-z])\.?")
INITIALS = re.compile(r"\((?!dok\b)([a-z]{2,4}(?:\s*/\s*[a-z]{2,4})+|[a-z]{3})\)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Official:
    """A name at [start, end) of the text, the position that makes it official, and whether a private
    role stands before it ("tersangka Kepala Desa X": the reviewer decides)."""

    start: int
    end: int
    position: str
    doubtful: bool = False
    kind: str = "official"  # or "counsel" (penasihat hukum, ahli), "byline"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    acting = "|".join(lexicon.words("acting"))
    office = r"(?:(?:" + acting + r")\s+)*" + lexicon.alternation("offices") + r"(?![A-Za-z])"
    ranks = lexicon.rank_alternation()
    return {
        "office": re.compile(r"(?<![A-Za-z.])" + office, re.IGNORECASE),
        "office_start": re.compile(r"^\s*" + office, re.IGNORECASE),
        "counsel": re.compile(r"(?<![A-Za-z.])" + lexicon.alternation("counsel") + r"(?![A-Za-z])", re.IGNORECASE),
        "office_here": re.compile(r"\s*" + office, re.IGNORECASE),
        "rank": re.compile(r"(?i)^" + ranks + r"\.?$"),
        "rank_before": re.compile(r"(?<![A-Za-z])(?=[A-Z])(?i:" + ranks + r")(?![A-Za-z])\.?"),
        # a rank in capitals glued to the capitals of the name at a former line end ("AKPSUPRIYANTO")
        "rank_glued": re.compile(r"(?<![A-Za-z])" + ranks.upper() + r"(?=[A-Z]{3,}(?![a-z]))"),
        "agency": re.compile(r"(?i)^(?:" + "|".join(lexicon.words("agency_words")) + r")\.?$"),
        "unit_word": re.compile(r"(?:Bidang|Bagian|Subbagian|Sub\s?bagian|Seksi|Subseksi|Urusan|Divisi|Bid\.|Bag\.)$"),
        "examiner": re.compile(r"(?<![A-Z])" + lexicon.alternation("examiner_titles") + r"\s*"),
        "examiner_context": re.compile(r"(?i)" + lexicon.alternation("examiner_context")),
        "courtesy": re.compile(r"(?i)^" + lexicon.alternation("courtesy") + r"$"),
        "title": re.compile(r"^" + PREFIX + r"\.?$"),
        "degree": re.compile(r"^" + DEGREE + r"\.?$|^[A-Z]{1,3}\.(?:[A-Za-z]{1,4}\.?)*$"),
    }


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Words of province and regency/city names (lower case): the instansi, not the name."""
    path = Path(__file__).resolve().parent.parent / "data" / "kode_wilayah_historis.csv"
    out: set[str] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["level"] in ("1", "2"):
                out.update(w.lower() for w in re.findall(r"[A-Za-z]+", row["nama_terakhir"]))
    return frozenset(out - {"kabupaten", "kota", "provinsi"})


@lru_cache(maxsize=1)
def district_names() -> frozenset[str]:
    """Kecamatan names of one word (lower case): "Camat Banyumanik" names the place, not the camat."""
    path = Path(__file__).resolve().parent.parent / "data" / "kode_wilayah_historis.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return frozenset(r["nama_terakhir"].lower() for r in csv.DictReader(fh)
                         if r["level"] == "3" and " " not in r["nama_terakhir"].strip())


def find(text: str, common: frozenset[str] = frozenset(), extra_positions: tuple[str, ...] = ()) -> list[Official]:
    """Every official of the text: names after and before a position or a rank, bylines, closing initials."""
    after: list[Official] = []
    before: list[Official] = []
    rx = [(_patterns()["office"], "official"), (_patterns()["rank_before"], "rank"),
          (_patterns()["rank_glued"], "rank"), (_patterns()["counsel"], "counsel")]
    rx += [(re.compile(r"(?<![A-Za-z])" + re.escape(p) + r"(?![A-Za-z])", re.IGNORECASE), "official")
           for p in extra_positions]
    for pattern, kind in rx:
        for m in pattern.finditer(text):
            if STREET.search(text[max(0, m.start() - 12):m.start()]):
                continue  # "Jalan Jenderal Sudirman": a street
            position = " ".join(m.group(0).split())
            doubtful = bool(PRIVATE_BEFORE.search(text[max(0, m.start() - 30):m.start()]))
            said = CONNECTOR.match(text, m.end())  # "Penasihat Hukumnya yang bernama : X"
            if kind != "rank" and (items := numbered(text, m.end(), common)):
                after += [Official(*s, position, doubtful, kind) for s in items]
                continue
            if kind == "rank":  # a rank comes right before the name: "BRIPTU A, BRIPDA B" is a list of officers
                after += [Official(*s, position, doubtful) for s in [rank_name(text, m.end(), common)] if s]
                continue
            span = name_after(text, said.end() if said else m.end(), common, lower=position[:1].islower())
            one = span is not None and " " not in text[span[0]:span[1]]
            if span is not None and one and (VILLAGE_HEAD.search(position) and not text[m.end():span[0]].strip()
                        or text[span[0]:span[1]].lower() in district_names()):
                span = None  # "Kepala Desa Sumberejo", "Camat Banyumanik": the place, not the name
            if span:
                full = " ".join(text[m.start():span[0]].split()).strip(" ,(")
                full = full if len(full) <= 80 else position
                after += [Official(*s, full, doubtful, kind) for s in [span, *list_after(text, span[1], common)]]
            span = name_before(text, m.start(), common)
            if span and not doubtful:
                before += [Official(*s, position, kind=kind) for s in [span, *list_before(text, span[0], common)]]
    named = {(o.start, o.end) for o in after}
    before = [o for o in before if (o.start, o.end) not in named]
    return [_trim(text, o) for o in after + before + bylines(text, common) + examiners(text, common)
            + court_closing(text, common) + signed_by(text, common)]


# "... yang ditandatangani oleh Kadisdukcapil Kabupaten Kupang Drs. X": the signer named with the office
SIGNED_BY = re.compile(r"(?i)di\s*tanda\s*-?\s*tangan[i]?\s+oleh\s+")


def signed_by(text: str, common: frozenset[str]) -> list[Official]:
    """The official who signed a document quoted in the evidence ("Akta ... yang ditandatangani oleh
    kadisdukcapil kabupaten kupang Drs. X"): an office word right after "ditandatangani oleh", then the name
    after the instansi (any case) and a title, within one clause."""
    out = []
    for m in SIGNED_BY.finditer(text):
        o = _patterns()["office_here"].match(text, m.end())
        if not o:
            continue
        clause = re.split(r"[;\n]", text[o.end():o.end() + 120])[0]
        title = re.search(r"(?<![A-Za-z])" + PREFIX + r"\s?\.?\s*(?=[A-Z])", clause)
        if not title:
            continue
        start = o.end() + title.end()
        span = rank_name(text, start, common)
        if span:
            out.append(Official(*span, " ".join(text[m.end():o.end()].split())))
    return out


def court_closing(text: str, common: frozenset[str]) -> list[Official]:
    """The judges and clerks of a decision's closing paragraph and signatures: the names written with
    degrees between "Demikianlah diputuskan ..." and the certification of the copy. A name right after a
    private role ("dihadiri oleh Terdakwa X, S.H.") is not the court's."""
    out: list[Official] = []
    done = 0
    for m in CLOSING.finditer(text):
        if m.start() < done:
            continue  # inside the closing already read
        end = done = min(len(text), m.end() + CLOSING_SPAN)
        for n in CLOSING_NAME.finditer(text, m.end(), end):
            if PRIVATE_BEFORE.search(text[max(0, n.start() - 30):n.start()]) \
                    or NOT_THE_COURT.search(text, max(0, n.start() - 40), n.start()):
                continue
            span = _closing_name(text, n, common)
            if span:
                out.append(Official(*span, "majelis hakim/panitera (penutup putusan)"))
    return out


def _closing_name(text: str, m: re.Match, common: frozenset[str]) -> tuple[int, int] | None:
    """The name at the end of a closing-paragraph match: the last run of name words and initials
    ("DESNAYETI M.", "ROKI PANJAITAN" of "Panitera Muda Pidana KhususROKI PANJAITAN"), one word of four
    letters or more in it; no office, agency or counsel word."""
    words = list(CLOSING_WORD.finditer(m.group("name")))
    run: list[re.Match] = []
    for w in reversed(words):
        word = w.group(0)
        initial = re.fullmatch(r"[A-Z]\.", word) is not None
        if run and not initial and w.end() == run[0].start():
            break  # "KhususBONAR": a word glued at a former line end is not part of the name
        if not initial and (not _name_word(word, common, True) and not _place_in_name(word, common)
                            or office_word(word.rstrip(".")) or _pat("counsel", word)):
            break
        run.insert(0, w)
    while run and re.fullmatch(r"[A-Z]\.", run[0].group(0)) and len(run) > 1 and run[0] is not words[0]:
        run.pop(0)  # "Khusus A. B": keep an initial only at the start of the match
    full = [w for w in run if len(w.group(0).rstrip(".")) >= 4]
    if not full:
        return None
    start, stop = m.start("name") + run[0].start(), m.start("name") + run[-1].end()
    return start, stop - 1 if text[stop - 1] == "." and len(run[-1].group(0)) > 2 else stop


def _place_in_name(word: str, common: frozenset[str]) -> bool:
    """A word of a place name that is also a name word ("Jaya" of "SURYA JAYA"): a name word where a name is
    sure to stand (written with degrees in a decision's closing)."""
    low = word.rstrip(".").lower()
    return low in place_words() and low not in common and low not in STOP_WORDS and word[:1].isupper()


def examiners(text: str, common: frozenset[str]) -> list[Official]:
    """The doctor who examined a victim for a visum et repertum ("ditandatangani oleh dr. X, Sp.F"): acting
    in office. A "dr." without such words before it is any doctor (a patient's doctor is not an official)."""
    out = []
    for m in _patterns()["examiner"].finditer(text):
        if _patterns()["examiner_context"].search(text, max(0, m.start() - 400), m.start()):
            out += [Official(*s, "dokter pemeriksa (visum et repertum)") for s in [rank_name(text, m.end(), common)]
                    if s]
    return out


def _trim(text: str, o: Official) -> Official:
    """No final dot on a name word ("Jokowi." ending a sentence); an initial keeps its dot."""
    if text[o.end - 1] == "." and o.end - o.start > 2 and text[o.end - 3:o.end - 1].isalpha():
        return Official(o.start, o.end - 1, o.position, o.doubtful, o.kind)
    return o


def office_word(word: str) -> bool:
    """A word that is an office, rank or agency word ("Kades", "Polres", "AKBP"), not a name."""
    return bool(_patterns()["office_start"].match(word + " ")) or _pat("agency", word) or _pat("rank", word)


def positions(officials: tuple[str, ...], common: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The entries of a unit's officials list that are a position only ("Kepala UPT Pasar Induk"): an office
    word first and no word of a name after it. The others are names (`reviewer.detect.roles.official_listed`)."""
    office = _patterns()["office_start"]
    return tuple(o.strip() for o in officials if (m := office.match(o))
                 and not any(_name_word(w, common) for w in o[m.end():].split()))


def name_after(text: str, end: int, common: frozenset[str], lower: bool = False) -> tuple[int, int] | None:
    """The name following a position: the last run of name words of the capitalised stretch after it
    (the instansi comes first: "Bupati Tanjung Jabung Timur Romi Hariyanto"), a rank or a comma
    opening the name ("Kapolres X AKBP Y", "Kepala Dinas X, Bapak Dr. Y")."""
    tokens = _after_unit(stretch(text, end), _unit_before(text, end))
    name = _last_name_run(tokens, common)
    if not name:
        return None
    words = [t for t in name if t[2][:1].isalpha()]
    if lower and len(words) < 2 and not (words and words[0][2].isupper() and len(words[0][2]) >= 5
                                         and len(re.findall("[AEIOU]", words[0][2])) >= 2):
        return None  # "kepala Budi": a lower-case office needs a fuller name (or one in capitals: "AMIRUDIN")
    return name[0][0], name[-1][1]


def rank_name(text: str, end: int, common: frozenset[str]) -> tuple[int, int] | None:
    """The name right after a rank: the first run of name words, up to a comma, a degree or the next rank."""
    tokens = stretch(text, end)
    letters = [c for _, _, t in tokens for c in t if c.isalpha()]
    shout = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    run: list[tuple[int, int, str]] = []
    for i, tok in enumerate(tokens):
        if not run and _initial_of_name(tokens, i, common, shout):
            run.append(tok)  # "Bripda M. Adi Prasetyo"
        elif _name_word(tok[2], common, shout) and not _pat("rank", tok[2]) or run and tok[2].lower() in PARTICLES:
            run.append(tok)
            if tok[2].endswith(".") and len(tok[2]) > 2:
                break  # the sentence ends with the name
        elif run or not (_pat("title", tok[2]) or _pat("courtesy", tok[2])):
            break
    if not run or all(len(t[2].rstrip(".")) <= 1 for t in run):
        return None
    return run[0][0], run[-1][1]


def _after_unit(tokens: list[tuple[int, int, str]], unit_first: bool) -> list[tuple[int, int, str]]:
    """"Wakil Rektor Bidang Kemahasiswaan": the words after Bidang/Bagian/Seksi name the unit, so a name can
    only come after the comma that ends it (none: no name in this stretch)."""
    units = [i for i, t in enumerate(tokens) if _patterns()["unit_word"].match(t[2])]
    if not units and not unit_first:
        return tokens
    commas = [i for i, t in enumerate(tokens) if t[2] == "," and i > (units[-1] if units else -1)]
    return tokens[commas[0] + 1:] if commas else []


def _unit_before(text: str, end: int) -> bool:
    """The position ends in a unit word ("Kepala Bidang", "Wakil Rektor Bidang", "Kasubbag Umum Bagian")."""
    last = text[max(0, end - 30):end].split()
    return bool(last) and bool(_patterns()["unit_word"].match(last[-1]))


def stretch(text: str, start: int) -> list[tuple[int, int, str]]:
    """The tokens of the capitalised stretch from `start` to the first lower-case word or clause end."""
    out: list[tuple[int, int, str]] = []
    for m in TOKEN.finditer(text, start, min(len(text), start + 220)):
        tok = m.group(0)
        if text[out[-1][1] if out else start:m.start()].count("\n") or tok in ".;:!?\"“”" or tok.isdigit():
            break
        if tok[:1].islower() and tok not in JOINERS and tok.lower() not in PARTICLES and not _pat("degree", tok):
            break
        if tok in JOINERS and (not text[m.end():].lstrip()[:1].isupper()
                               or _patterns()["office_here"].match(text, m.end())):
            break  # "X dan Kabid Y": the next official
        if tok.lower() in PRIVATE_ROLE_WORDS:
            break  # "... Drs. X menerangkan Anak Korban Y": the stretch has run into another person
        if glue := re.match(r"[A-Z]{3,}(?=[a-z]{3,}$)", tok):
            out.append((m.start(), m.start() + glue.end(), glue.group(0)))
            break  # "BUDIHARTOmenerangkan": the name, and a lower-case word glued at a former line end
        out.append((m.start(), m.end(), tok))
        if _sentence_end(tok):
            break  # "... sebagai Hakim Ketua. Terdakwa Budi": the next sentence names someone else
    return out


def _sentence_end(tok: str) -> bool:
    """A word of four letters or more ending with a full stop that is no title, degree, rank or abbreviation."""
    bare = tok[:-1]
    return tok.endswith(".") and len(bare) >= 4 and bare.isalpha() and not any(
        _pat(p, tok) or _pat(p, bare) for p in ("title", "degree", "courtesy", "rank", "agency"))


def _pat(name: str, tok: str) -> bool:
    return bool(_patterns()[name].match(tok))


def _name_word(tok: str, common: frozenset[str], shout: bool = False) -> bool:
    """A word that may be part of a person's name (not an agency, place, office, title or common word)."""
    bare = tok.rstrip(".")
    low = bare.lower()
    if not bare[:1].isupper() and low not in PARTICLES or not re.fullmatch(r"[A-Za-z][A-Za-z'’-]*", bare):
        return False
    if bare.isupper() and 1 < len(bare) <= 5 and not shout:
        return False  # an acronym in mixed-case text: the agency
    if low in common or low in place_words() or low in STOP_WORDS or low in ID_LABELS or glued(low, common):
        return False
    return not any(_pat(p, tok) for p in ("agency", "rank", "courtesy", "title", "degree")) \
        and not _patterns()["office_start"].match(bare)


def name_word(tok: str, common: frozenset[str]) -> bool:
    """A word that may belong to a person's name in mixed-case text (see `_name_word`)."""
    return _name_word(tok, common, tok.isupper() and len(tok) > 5)


def glued(low: str, common: frozenset[str]) -> bool:
    """Two ordinary words glued where a line ended ("negerisejak", "umumtelah"): no name."""
    return any(low[:i] in common and low[i:] in common for i in range(4, len(low) - 3))


def _last_name_run(tokens: list[tuple[int, int, str]], common: frozenset[str]) -> list[tuple[int, int, str]]:
    """The name in a stretch: it starts after the last rank, courtesy word or title, or after a comma
    that ends the instansi; it is the last run of name words there, ending at a comma or degree."""
    letters = [c for _, _, t in tokens for c in t if c.isalpha()]
    shout = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    cut, seen = 0, False
    for i, (_, _, t) in enumerate(tokens):
        opens = _pat("rank", t) or _pat("courtesy", t) or _pat("title", t) and not _pat("degree", t) \
            or t == "," and not seen
        # after a title, upper-case words are a name written in capitals ("Drs. TRI AGUS BUDIHARTO")
        if opens and any(_name_word(x, common, shout or x.isupper() and len(x) >= 3)
                         for _, _, x in tokens[i + 1:i + 3]):
            cut, seen = i + 1, False
        elif _name_word(t, common, shout):
            seen = True
    rest = tokens[cut:]
    # two or more names in capitals side by side in a mixed-case sentence ("Ahli Ketenagakerjaan NINA TRIANA"):
    # a name written in capitals, not acronyms
    caps = [bool(re.fullmatch(r"[A-Z]{3,}", t) and re.search("[AEIOU]", t)) for _, _, t in rest]
    paired = {i for i in range(len(rest)) if caps[i] and (i and caps[i - 1] or i + 1 < len(rest) and caps[i + 1])}
    if cut and not shout:  # the name after the title may be in capitals in a mixed-case sentence
        letters = [c for _, _, t in rest for c in t if c.isalpha()]
        shout = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    run: list[tuple[int, int, str]] = []
    best: list[tuple[int, int, str]] = []
    for i, tok in enumerate(rest):
        if not run and (_pat("title", tok[2]) or _pat("courtesy", tok[2])):
            continue
        if not run and _initial_of_name(rest, i, common, shout):
            run.append(tok)  # "M. Zainal Arifin": the initial of a first name, not the degree "M."
        elif _name_word(tok[2], common, shout or i in paired) or run and tok[2].lower() in PARTICLES:
            run.append(tok)
        elif run:
            best, run = run, []
            if tok[2] == "," or _pat("degree", tok[2]) or tok[2].startswith("("):
                break
    best = run or best
    while best and best[-1][2].lower() in PARTICLES:
        best.pop()
    if not best or len(best) > 6 or all(len(t[2].rstrip(".")) <= 1 for t in best):
        return []
    return best


def _initial_of_name(tokens: list[tuple[int, int, str]], i: int, common: frozenset[str], shout: bool) -> bool:
    """Token i is one capital letter with a dot directly before a name word on the same line ("M. Zainal")."""
    if not re.fullmatch(r"[A-Z]\.", tokens[i][2]) or i + 1 >= len(tokens):
        return False
    return tokens[i + 1][0] - tokens[i][1] <= 1 and _name_word(tokens[i + 1][2], common, shout)


def numbered(text: str, end: int, common: frozenset[str]) -> list[tuple[int, int]]:
    """The names of a numbered list right after a position ("Penasihat Hukum:1.A, S.H;2.B, S.H"), items
    numbered 1, 2, 3 ... in order; the list ends at the first item that is not a name."""
    opened = NUMBERED_OPEN.match(text, end)
    if not opened:
        return []
    out: list[tuple[int, int]] = []
    pos, expected = opened.end(), 1
    while (item := NUMBERED_ITEM.match(text, pos)) and int(item.group(1)) == expected:
        span = _list_name(text, item, common)
        if not span:
            break
        out.append(span)
        sep = NUMBERED_NEXT.match(text, item.end())
        pos, expected = (sep.end() if sep else item.end()), expected + 1
    return out


def list_after(text: str, end: int, common: frozenset[str]) -> list[tuple[int, int]]:
    """More names after an official's name and degrees, in a list sharing the position ("Penasihat Hukum
    A, S.H., B, S.H. dan C, S.H.", a signature block "Hakim Ketua, TTD A, S.H. Dr. B, S.H. TTD C, S.H.")."""
    out: list[tuple[int, int]] = []
    while (sep := LIST_NEXT.match(text, end)) and (run := LIST_NAME.match(text, sep.end())):
        span = _list_name(text, run, common)
        if not span:
            break
        out.append(span)
        end = span[1]
    return out


def list_before(text: str, start: int, common: frozenset[str]) -> list[tuple[int, int]]:
    """More names before an official's name, each with its degrees ("A, S.H., M.H., B, S.H. C, S.H.,
    Penuntut Umum"; "A, S.H. dan B, S.H. masing-masing sebagai Hakim Anggota")."""
    out: list[tuple[int, int]] = []
    while m := LIST_BEFORE.search(text, max(0, start - 160), start):
        span = _list_name(text, m, common)
        if not span or span[1] != m.end("name"):
            break
        out.insert(0, span)
        start = span[0]
    return out


def _list_name(text: str, m: re.Match, common: frozenset[str]) -> tuple[int, int] | None:
    """The name words of a list item (upper-case words are names here: the list is of professionals)."""
    words = list(re.finditer(r"(?:[A-Z]\.\s*)?[A-Za-z][A-Za-z'’-]*", m.group("name")))
    ok = [w for w in words if _name_word(w.group(0).split(".")[-1].strip(), common, True)
          and not _pat("counsel", w.group(0)) and not office_word(w.group(0))]
    if not words or len(ok) != len(words) or all(len(w.group(0)) < 4 for w in words):
        return None
    return m.start("name") + words[0].start(), m.start("name") + words[-1].end()


def name_before(text: str, start: int, common: frozenset[str]) -> tuple[int, int] | None:
    """The name written before a position: "X, Kepala ...", "X selaku Kepala ...", "X (Kasi ...)"."""
    before = text[max(0, start - 120):start]
    m = re.search(r"(?:,\s*|\s+(?:(?:masing-masing|keduanya|ketiganya)\s+)?(?:selaku|sebagai)\s+|\s*\(\s*"
                  r"|(?:\s*,\s*" + DEGREE + r"\.?)*\s+(?:yang\s+)?(?:pada\s+saat\s+|saat\s+|ketika\s+)?(?:masih\s+)?"
                  r"menjabat\s+(?:sebagai\s+)?)"  # "X, MM pada saat masih menjabat sebagai Kepala Dinas"
                  r"(?:para\s+)?$", before) \
        or re.search(r"(?<=[A-Za-z])(?:,?\s*" + DEGREE + r"\.?)+\s+$", before)  # "A, S.H., M.H. Panitera Pengganti"
    if not m:
        return None
    head = before[:m.start()]
    base = start - len(before)
    head = re.sub(r"(?:[\s,]*(?:" + DEGREE + r")\.?)*[\s,]*$", "", head)
    words = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*\.?", head))
    run: list[re.Match] = []
    for w in reversed(words):
        gap = head[w.end():run[0].start()] if run else head[w.end():]
        word = w.group(0)
        # a word in capitals before another in capitals: a name written in capitals ("BUDI HARTONO, SH ...")
        paired = bool(run) and re.fullmatch(r"[A-Z]{3,}", word) is not None \
            and re.fullmatch(r"[A-Z]{3,}\.?", run[0].group(0)) is not None
        if gap.strip() or not (_name_word(word, common, head.isupper() or paired)
                               or run and word.lower() in PARTICLES):
            break
        run.insert(0, w)
    while run and run[0].group(0).lower() in PARTICLES:
        run.pop(0)
    if not run or len(run) > 5 or _pat("office_start", run[-1].group(0)):
        return None
    if len(run) == 1 and len(run[0].group(0)) < 4:
        return None
    return base + run[0].start(), base + run[-1].end()


def bylines(text: str, common: frozenset[str]) -> list[Official]:
    """'Penulis: X', 'Editor: Y', 'Foto: Z' at the start of a line or after a separator ('Penulis: X • Editor: Y'),
    and '(yus/mas)' closing a paragraph."""
    out = []
    for m in BYLINE.finditer(text):
        tokens = stretch(text, m.end())
        run: list = []
        for tok in tokens:
            if _name_word(tok[2], common, True) or run and tok[2].lower() in PARTICLES:
                run.append(tok)
            else:
                break
        if run and not all(len(t[2]) <= 1 for t in run):
            out.append(Official(run[0][0], run[-1][1], m.group(0).strip(" :/|•·").split()[0], kind="byline"))
    for m in INITIALS.finditer(text):
        out.append(Official(m.start(1), m.end(1), "inisial penulis/editor", kind="byline"))
    return out
