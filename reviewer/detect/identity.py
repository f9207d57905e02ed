"""Identity blocks and the people they name: one person per group of mentions, every mention found.

Documents about people (putusan, BAP, surat dakwaan, surat keterangan) introduce them in fixed
shapes: an identity block ("Nama lengkap : X; Tempat lahir : Y; Umur/Tanggal lahir : ...",
numbered or not, one block per defendant) and a role word before a name ("Saksi X", "Anak Korban
X als Y"). The labels, their finding labels and default actions, and the role words are data
(`reviewer/data/person_roles.yaml`).

Each block value becomes a finding with its own label (PERSON, PLACE_OF_BIRTH, DATE_OF_BIRTH,
ADDRESS; RELIGION, OCCUPATION, EDUCATION, MARITAL_STATUS as `review`). The named person, with
aliases ("als", "alias") as forms of the same person and the parent of "bin/binti/anak" as a
relative, is then looked for everywhere in the document (words glued at former line ends and
hyphenated breaks included), and every mention is reported as its own PERSON finding carrying the
person's entity id and the reason "sama dengan '<name>' hal. N" (where it was learned).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reviewer.core import lexicon
from reviewer.core.model import Document, Finding
from reviewer.core.reasons import CATALOG, reason
from reviewer.core.settings import Settings
from reviewer.detect import names, officials
from reviewer.detect.ner.artifact import COMMON

DATA = Path(__file__).resolve().parent.parent / "data" / "person_roles.yaml"
SOURCE = "identity"
BYLINE_WORDS = frozenset(w.lower().rstrip(".") for w in lexicon.words("bylines")) | {"inisial"}
SCORE = 0.9
ALIAS = re.compile(r"(?i:(?<![A-Za-z])(?:als\.?|alias|al\.))(?![a-z])\s*|(?<=[A-Z])(?:Als|Alias|ALIAS)\b\.?\s*"
                   r"|(?<=[A-Z]{2})(?:alias|als\.?)\s*(?=[A-Z])|\s*@\s*")  # "TAKEaliasJHON": glued at line ends
# "BRATAmendapatkan": a word glued at a line end (not an alias glued there: "TAKEaliasJHON", "YATIAls.")
GLUED = re.compile(r"(?<=[A-Z]{2})(?!lias(?:\b|(?=[A-Z]))|ls(?:\b|\.|(?=[A-Z]))|alias(?=[A-Z\s])|als\.?(?=[A-Z\s]))"
                   r"[a-z]")
PARENT = re.compile(r"(?<![a-z])(?:[Bb]in|[Bb]inti|BIN|BINTI|anak)(?![a-z])\s*")
# up to five capitalised words; "Als"/"Alias" opens the next form ("X Als Y Als Z"), it is no word of a name
NAME_RUN = r"((?:(?!(?i:als|alias)\b)[A-Z][A-Za-z'’.-]*(?:\s+|(?=[A-Z]))){0,4}(?!(?i:als|alias)\b)[A-Z][A-Za-z'’-]+)"
# an office, a lower-case word and up to three words of the agency ("pejabat struktural Kejati DKI berinisial AR")
OFFICE_BEFORE = re.compile(r"(?i)(?:" + lexicon.alternation("offices") + r")(?:\s+[a-z]+)?"
                           r"(?:\s+(?-i:[A-Z][A-Za-z]*)){0,3}\s+(?:yang\s+)?$")
COUNSEL_BEFORE = re.compile(r"(?i)(?:" + lexicon.alternation("counsel") + r")\s*,?\s*(?:yang\s+)?$")
INITIALS = re.compile(r"\s*([A-Z]{1,4}|(?:[A-Z]\.){1,4})(?![A-Za-z])")
# "bernama M. Zainal Arifin": an initial followed by a capitalised word abbreviates a first name; the name is
# the whole run, not the initials "M"
INITIAL_OF_NAME = re.compile(r"(?<=[A-Z])\.[ \t]*[A-Z][a-z]{2,}|(?<=[A-Z]\.)[ \t]*[A-Z][a-z]{2,}")
RANK_GLUED = re.compile(r"(?<![A-Za-z])" + lexicon.rank_alternation().upper() + r"$")  # "AKPSUPRIYANTO"
CUT = re.compile(r"(?<=[A-Za-z]{3})(?<![Aa]ls)(?<!ALS)\.\s+"  # a sentence's end, not "Als." opening an alias
                 r"|\s*(?i:,|;|\(|\bdan\b|\bdi\b|\byang\b|\bselaku\b|\bsebagai\b)")


@dataclass
class Person:
    """One person of the document: the forms the name is written in, the role and where it was learned."""

    forms: list[str]
    role: str
    basis: str
    learned: str  # "blok identitas Terdakwa, hal. 1" / "peran 'Saksi', hal. 3"
    action: str = "redact"
    entity: str = ""
    mentions: list[tuple[int, int, int]] = field(default_factory=list)
    position: str = ""  # an official: the position that makes them one ("Bupati", "Penulis")
    page: int = 1  # where the position was read
    doubtful: bool = False  # a private role stands beside the position ("tersangka Kepala Desa X")
    short: list[str] = field(default_factory=list)  # parts of the name written alone ("Romi")


@lru_cache(maxsize=1)
def table() -> dict:
    from reviewer.core import yamlfile

    with open(DATA, encoding="utf-8") as fh:
        data = yamlfile.safe_load(fh)
    labels = "|".join(f"(?P<{k}>{v['rx']})" for k, v in data["fields"].items())
    data["label_rx"] = re.compile(r"(?i)(?<![A-Za-z])(?:" + labels + r")\s*:")
    data["role_rx"] = [(re.compile(r"(?i)(?<![A-Za-z])(?:" + r["words"] + r")$"), r) for r in data["roles"]]
    # a role word starts a word, or is glued after capitals at a former line end ("22.30WIBsaksi X")
    data["private_rx"] = re.compile(r"(?i)(?:(?<![A-Za-z])|(?-i:(?<=[A-Z])(?=[a-z])))(" + "|".join(
        r["words"] for r in data["roles"] if r["side"] == "private") + r")[\s.:]*" + "(?=[A-Z])(?-i:(?=[A-Z]))")
    data["procedural_set"] = names.procedural()
    w = data["witness_in_office"]
    member = r"(?:(?:rekan|para)\s+)?(?P<member>" + w["member"] + r")"
    data["witness_rx"] = re.compile(
        r"(?i)(?P<chain>[^;:!?\n]{0,160}?)\s*,?\s*(?:(?:" + w["link"] + r")\s+" + member + r"|(?:" + w["link_others"]
        + r")\s+" + member.replace("?P<member>", "?P<member2>") + r"(?=[^;.\n]{0,40}lain))"
        + r"\s+(?:(?:dari|pada|di)\s+)?(?P<agency>" + w["agency"] + r")")  # glued: "Polripada"
    return data


# What a holder, an owner or a recipient may be instead of a person: an office, an agency, a company
INSTITUTION = re.compile(r"(?i)\s*(?:" + lexicon.alternation("offices") + r"|kantor|dinas|badan|kepolisian|polres|"
                         r"polda|polsek|kejaksaan|pengadilan|imigrasi|kementerian|pemerintah|negara|bank|pt|cv|ud|toko|"
                         r"yayasan|koperasi|perusahaan|rumah\s+sakit|bnp2tki|bp3tki|lembaga|instansi|pihak|panitera|hakim|"
                         r"jaksa|penuntut|penyidik|ketua|kepala|direktur|sekretaris|menteri)(?-i:(?![a-z]))")
# "Dikembalikan kepada Kantor Imigrasi Kupang melalui X": X hands it over for the office, acting in office
THROUGH = re.compile(r"(?i)dikembalikan\s+kepada\s+(?P<agency>(?:kantor|dinas|badan|kepolisian|polres|kejaksaan|"
                     r"imigrasi|kementerian|pemerintah|bnp2tki|bp3tki|rumah\s+sakit)[^;:]{0,80}?)\s+melalui\s+"
                     r"(?:(?:sdr|sdri|saudara|saudari|bapak|ibu)\.?\s*)?")


def through_people(page: int, text: str) -> list[Person]:
    """The officer through whom evidence goes back to an agency ("Dikembalikan kepada Kantor Imigrasi
    Kupang melalui X, S.H."): acting in office, kept."""
    out: list[Person] = []
    for m in THROUGH.finditer(text):
        start = m.end()
        prefix = names.PREFIXES_START.match(text[start:start + 40])
        forms = role_forms(text[start + (prefix.end() if prefix else 0):start + 160])
        if forms:
            agency = " ".join(m.group("agency").split())[:60]
            learned = reason("learned.position", position=f"petugas {agency}", page=page)
            out.append(Person(forms[:1], "pejabat", "", learned, action="keep", position=f"petugas {agency}",
                              page=page))
    return out


FILLER = re.compile(r"(?:[\s,.\-]|(?:dan|DAN|serta|[Ss]aksi|SAKSI)(?![a-z])|[A-Z][A-Za-z'’.]*)*")


def in_office(text: str, end: int) -> str:
    """The police body when the names after a 'saksi' are officers heard as witnesses ("saksi X dan saksi Y
    yang merupakan anggota Polri", "saksi X, saksi Y beserta anggota Polda lainnya"), else ''."""
    m = table()["witness_rx"].match(text, end)
    if not m or not FILLER.fullmatch(m.group("chain")):
        return ""
    member = m.group("member") or m.group("member2")
    return f"{member.lower()} {m.group('agency').capitalize()}"


ASSIGNED = re.compile(r"(?i)\b(?:di\s*tugaskan|diperintahkan|ditunjuk)\b[^;]{0,40}?(?:yaitu|yakni|:)[^;]{0,120}$")
AGENCY_BEFORE = re.compile(r"(?i)\b(?:petugas|bnp2tki|bp3tki|dinas|kementerian|kepolisian|polri|polres\w*|polda|"
                           r"polsek|imigrasi|satpol|kejaksaan|pemerintah)\b")


def assigned(text: str, start: int) -> str:
    """Officers named as witnesses after an agency assigned them ("... oleh Petugas Dit Pam Was BNP2TKI ...
    yang selanjutnya ditugaskan dua orang yaitu saksi X dan saksi Y untuk melakukan pengawasan"): acting in
    office. The assignment in the same clause, an agency word in the 300 characters before it."""
    m = ASSIGNED.search(text, max(0, start - 160), start)
    if not m or re.search(r"\.\s", text[m.start():start]):
        return ""
    agency = AGENCY_BEFORE.search(text, max(0, m.start() - 300), m.start())
    return f"petugas yang ditugaskan ({agency.group(0)})" if agency else ""


FROM_AGENCY = re.compile(r"(?:\s*,?\s*" + names.DEGREE + r"\.?)*\s*\.?\s*(?:dari|pada)\s*(?P<agency>(?:kantor\s*)?"
                         r"(?:imigrasi|dinas|badan|kementerian|kepolisian|polres\w*|polda|polsek|bnp2tki|bp3tki|"
                         r"disdukcapil|dukcapil|satpol)\w*(?-i:(?:\s+[A-Z][A-Za-z]+){0,2}))", re.IGNORECASE)


def form_end(text: str, start: int, form: str, within: int | None = 200) -> int:
    """Where `form`, read after a role word at `start`, ends in the text (-1: not there as written)."""
    at = text.find(form, start, None if within is None else start + within)
    return at + len(form) if at >= 0 else -1


def from_agency(text: str, start: int, form: str) -> str:
    """A witness named with the government office they come from ("Saksi X, SH. dari Kantor Imigrasi
    Sambas"): heard in office. '' otherwise (a witness "dari PT X" is a private employee)."""
    end = form_end(text, start, form)
    m = FROM_AGENCY.match(text, end) if end >= 0 else None
    return f"dari {' '.join(m.group('agency').split())}" if m else ""


def procedural() -> frozenset[str]:
    """Words of a decision's structure that are never a person's name (lower case)."""
    return names.procedural()


def detector(settings: Settings):
    common = _common(str(settings.models_dir / "ner-id" / COMMON))

    def detect_identity(document: Document, settings: Settings) -> dict[int, list[Finding]]:
        return analyse(document, common, officials.positions(settings.officials, common))

    return detect_identity


@lru_cache(maxsize=2)
def _common(path: str) -> frozenset[str]:
    """Ordinary words of the language (the NER model's lexicon), when the model is there."""
    p = Path(path)
    return frozenset(p.read_text(encoding="utf-8").split()) if p.is_file() else frozenset()


def analyse(document: Document, common: frozenset[str] = frozenset(), positions: tuple[str, ...] = ()
            ) -> dict[int, list[Finding]]:
    out: dict[int, list[Finding]] = {p.number: [] for p in document.pages}
    people: list[Person] = []
    for page in document.pages:
        if page.needs_ocr:
            continue
        for block in blocks(page.text):
            out[page.number].extend(block_findings(page.number, page.text, block, people))
        people.extend(p for p in role_people(page.number, page.text) + fugitives(page.number, page.text, common)
                      + kin_people(page.number, page.text, common) + aged_people(page.number, page.text, common)
                      if not all(w.lower() in common for f in p.forms for w in re.findall(r"[A-Za-z]+", f)))
        people.extend(official_people(page.number, page.text, common | procedural(), positions)
                      + through_people(page.number, page.text))
    people = merge(people)
    add_short_forms(people, common)
    for n, person in enumerate(people, 1):
        person.entity = f"P{n}"
        for page in document.pages:
            out[page.number].extend(mention_findings(page.number, page.text, person, common | procedural()))
    for page in document.pages:
        if people and not page.needs_ocr:
            out[page.number].extend(misspelt_mentions(page.number, page.text, people, out[page.number]))
    return out


def official_people(page: int, text: str, common: frozenset[str], positions: tuple[str, ...] = ()) -> list[Person]:
    """Officials named in prose and bylines (`reviewer.detect.officials`), kept unless a private role
    stands beside them; an alias in brackets after the name is another form ("Joko Widodo (Jokowi)")."""
    out = []
    for o in officials.find(text, common, positions):
        forms = [text[o.start:o.end]]
        first = re.match(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", forms[0])  # "MahkamahAgung": glued, "Mahkamah" first
        prev = re.search(r"([A-Za-z]+)[ \t]*$", text[max(0, o.start - 20):o.start])
        before = prev.group(1).lower() if prev and " " not in forms[0].strip() else ""
        if first and first.group(0).lower() in procedural() or before and (
                before in ("mahkamah", "pengadilan", "kejaksaan", "negeri", "tinggi")
                or forms[0].strip().lower() == "agung" and before in ("hakim", "agung")):
            continue  # "Mahkamah Agung", "Agung" of "Ketua Mahkamah Agung" / "Hakim Agung": the court, no person
        alias = re.match(r"\s*\(([A-Z][a-z]{3,})\)", text[o.end:o.end + 30])
        if alias and alias.group(1).lower() not in common:
            forms.append(alias.group(1))
        counsel = o.kind == "counsel"
        action = "review" if o.doubtful else table().get("counsel_action", "keep") if counsel else "keep"
        learned = reason("learned.position", position=o.position, page=page)
        out.append(Person(forms, "counsel" if counsel else "pejabat", "", learned, action=action,
                          position=o.position, page=page, doubtful=o.doubtful))
    return out


def add_short_forms(people: list[Person], common: frozenset[str]) -> None:
    """Parts of an official's name written alone later ("Romi" for "Romi Hariyanto"): words of four letters
    or more that are no ordinary word and belong to no other person of the document."""
    owners: dict[str, set[int]] = {}
    for i, p in enumerate(people):
        for f in p.forms:
            for w in re.findall(r"[A-Za-z'’]+", f):
                owners.setdefault(w.lower(), set()).add(i)
    for i, p in enumerate(people):
        if p.position.startswith("inisial"):
            continue
        # a private person's part needs five letters ("KARNISIUS meminta ..."); an official's four ("Romi")
        least = 4 if p.position else 5
        words = {w for f in p.forms if len(f.split()) > 1 for w in re.findall(r"[A-Za-z'’]+", f)}
        p.short = [w for w in sorted(words) if len(w) >= least and w.lower() not in common
                   and w.lower() not in officials.place_words() and w.lower() not in procedural()
                   and owners.get(w.lower()) == {i} and key(w) not in {key(f) for f in p.forms}]


# -- identity blocks -------------------------------------------------------------------------------

def blocks(text: str) -> list[list[tuple[str, int, int]]]:
    """The identity blocks of a text: runs of 'label :' hits close together, with a name and one
    more identifying field. Each block is a list of (field, value start, value end)."""
    hits = [(m.lastgroup, m.start(), m.end()) for m in table()["label_rx"].finditer(text)]
    runs: list[list[tuple[str, int, int]]] = []
    for hit in hits:
        if runs and hit[1] - runs[-1][-1][2] <= 300:
            runs[-1].append(hit)
        else:
            runs.append([hit])
    out = []
    for run in runs:
        fields = {f for f, _, _ in run}
        if "name" in fields and len(fields & {"place_of_birth", "date_of_birth", "address", "occupation"}) >= 2:
            out.append([v for i, hit in enumerate(run) if (v := value(text, run, i))])
    return out


def value(text: str, run: list[tuple[str, int, int]], i: int) -> tuple[str, int, int] | None:
    """The value after a label, up to the next label of the block (or the end of its line/clause)."""
    name, _, start = run[i]
    stop = run[i + 1][1] if i + 1 < len(run) else min(len(text), start + 200)
    raw = text[start:stop]
    nl = raw.find("\n")
    if nl >= 0 and name != "address" or i + 1 == len(run) and nl >= 0:
        raw = raw[:nl]  # a value wraps only in an address; the last field ends with its line
    m = re.search(r";|(?:\s+|(?<=[a-z]))(?:Terdakwa|Berdasarkan|Saksi|Menimbang)\b|(?=\b(?:I{1,3}|IV)\b\s*\.?\s*N)"
                  + (r"|(?<=[a-z]{3})\.\s+(?=[A-Z][a-z])" if i + 1 == len(run) else ""), raw)
    if m:
        raw = raw[:m.start()]
    if i + 1 < len(run):  # the number of the next item, glued or not ("Ponorogo3.", "20044.")
        raw = re.sub(r"(?<=\d{4})\d\s*\.?\s*$|(?<=\D)\d{1,2}\s*\.?\s*$", "", raw)
    lead = len(raw) - len(raw.lstrip(" :\t\n"))
    raw = raw.strip(" :;,.\t\n")
    if not re.search(r"[A-Za-z0-9]", raw):
        return None  # a label without a value: nothing to flag
    return name, start + lead, start + lead + len(raw)


def block_findings(page: int, text: str, block: list[tuple[str, int, int]], people: list[Person]) -> list[Finding]:
    fields = table()["fields"]
    role = block_role(text, block[0][1] if block else 0)
    out = []
    for name, start, end in block:
        spec = fields[name]
        if not spec.get("label"):
            continue
        where = reason("learned.block", role=role_name(role["role"], title=True), page=page)
        if name == "name":
            people.extend(named(text[start:end], role, where))
            continue
        out.append(Finding(page, start, end, text[start:end], spec["label"], spec["basis"],
                           SCORE if spec["action"] == "redact" else 0.6, spec["action"], f"{SOURCE}:{name}",
                           (reason("identity.field", field=name, where=where), reason("identity.personal_data"))))
    return out


def block_role(text: str, start: int) -> dict:
    """The role the words before a block give it ("Terdakwa :", "Saksi I"), terdakwa by default."""
    before = text[max(0, start - 80):start]
    before = re.sub(r"[\s:.,;\-]*(?:\d{1,2}|I{1,3}|IV|V)?[\s:.,;\-]*(?:N\s?a\s?m\s?a(?:\s*lengkap)?)?[\s:.]*$",
                    "", before)
    for rx, role in table()["role_rx"]:
        if rx.search(before):
            return role
    return {"role": "terdakwa", "side": "private", "basis": "17h"}


def named(value: str, role: dict, where: str) -> list[Person]:
    """The person of a name value, aliases as other forms; the parent of 'bin/binti' as a relative."""
    parts = PARENT.split(value, maxsplit=1)
    forms = [f.strip(" .,;") for f in ALIAS.split(parts[0]) if f.strip(" .,;")]
    out = []
    if forms and name_ok(forms[0]):  # an alias that is no name ("als. WARTEG") is dropped, not the person
        out.append(Person([f for f in forms if name_ok(f)], role["role"], role.get("basis", "17h"), where))
    parent = ALIAS.split(parts[1])[0].strip(" .,;") if len(parts) > 1 else ""
    if parent and name_ok(parent):
        out.append(Person([parent], "keluarga", role.get("basis", "17h"), reason("learned.parent", where=where)))
    return out


# -- role words before a name ----------------------------------------------------------------------

def role_people(page: int, text: str) -> list[Person]:
    """'Saksi X', 'Anak Korban X als Y', 'Terdakwa X': persons of the private roles of the table. One word
    after a role is a name only for the roles marked `single` ("korban Sulastri", "tersangka Budi"), initials
    only after "berinisial" ("pelaku berinisial AS")."""
    out = []
    for m in table()["private_rx"].finditer(text):
        if sentence_ended(text, m):
            continue  # "... bersama Terdakwa. Bahwa X": the sentence ended (not "Terdakwa I. X", a list)
        word = " ".join(m.group(1).split()).lower()
        role = next((r for rx, r in table()["role_rx"] if rx.search(word)), None)
        if role and role.get("initials") and (ini := INITIALS.match(text, m.end())) \
                and not INITIAL_OF_NAME.match(text, ini.end()):
            office = OFFICE_BEFORE.search(text[max(0, m.start() - 40):m.start()])
            if office:  # "jaksa berinisial AR": an official named by initials
                learned = reason("learned.position", position=office.group(0).strip(), page=page)
                out.append(Person([ini.group(1)], "pejabat", "", learned, action="keep",
                                  position=office.group(0).strip(), page=page))
            else:
                out.append(Person([ini.group(1)], role["role"], role.get("basis", "17h"),
                                  reason("learned.role", role=m.group(1).strip(), page=page)))
            continue
        if role and role.get("initials") and (OFFICE_BEFORE.search(text[max(0, m.start() - 40):m.start()])
                                              or COUNSEL_BEFORE.search(text[max(0, m.start() - 40):m.start()])):
            continue  # "Penasihat Hukumnya yang bernama X": the official or counsel, found in `officials`
        if role and role["role"] == "pihak" and INSTITUTION.match(text, m.end()):
            continue  # "a.n. Panitera", "dikembalikan kepada Kantor Imigrasi": an office, not a person
        forms = role_forms(text[m.end():m.end() + 160])
        if role and role["role"] == "orang" and forms and (end := form_end(text, m.end(), forms[0], None)) >= 0 \
                and re.match(r"[\s,]*(?:selaku|sebagai)(?![a-z])", text[end:end + 20]):
            continue  # "Sdr. X, selaku pengasuh pada Yayasan ...": named for a function, not as a private party
        multi = len(forms) > 1 or (forms and (len(forms[0].split()) >= 2 or thing_next(text, m.end(), forms[0])))
        if role and forms and (multi or role.get("single") and single_ok(text, m.end(), forms[0])
                               or shout_ok(text, m, forms[0])):
            where = reason("learned.role", role=m.group(1).strip(), page=page)
            police = (in_office(text, m.end()) or assigned(text, m.start()) or from_agency(text, m.end(), forms[0])
                      ) if role["role"] == "saksi" else ""
            if police:  # a police officer heard as a witness: acting in office
                out.append(Person(forms, "pejabat", "", where, action="keep", position=f"saksi, {police}", page=page))
            else:
                out.append(Person(forms, role["role"], role.get("basis", "17h"), where))
                out += [Person([f], role["role"], role.get("basis", "17h"), where)
                        for f in listed_after(text, m.end(), forms)]
    return out


# bounded (a word of 25 letters, a name of 6 words): a long run of capitals never makes the search quadratic
_WORD_OF_NAME = r"(?:[A-Z][A-Z'’-]{1,24}(?:(?![a-z])|(?=bin))|[A-Z][a-z'’-]{1,24})"  # "HERLINAMAWObinti": glued
_RUN_OF_NAME = _WORD_OF_NAME + r"(?:[ \t]+(?:" + _WORD_OF_NAME + r"|[A-Z]\.)){0,5}"
# "X bin Y", "XbintiY" (glued at former line ends): Y is X's father or mother, both private people
KIN = re.compile(r"(?P<child>" + _RUN_OF_NAME + r")[ \t]*(?:\s*(?:als\.?|alias)\s*" + _RUN_OF_NAME + r")?[ \t]*"
                 r"(?P<bin>bin|binti|BIN|BINTI|Bin|Binti)(?![a-z])[ \t]*(?P<parent>" + _WORD_OF_NAME
                 + r"(?:[ \t]+" + _WORD_OF_NAME + r"){0,4})")
# "1. X, berumur 15 tahun", "X (umur 17 tahun)": a person whose age the document gives (a victim in a list)
AGED = re.compile(r"(?P<name>" + _RUN_OF_NAME + r")[ \t]*[,(]?[ \t]*(?:berumur|berusia|umur|usia)[ \t]*[±+]?[ \t]*"
                  r"\d{1,2}[ \t]*(?:tahun|thn|th)")


def kin_people(page: int, text: str, common: frozenset[str] = frozenset()) -> list[Person]:
    """The people of "X bin/binti Y" anywhere in the text (a list of witnesses without role words, a
    fugitive): X a private person, Y their parent. Each word must be a name word (no office, place or
    common word)."""
    out = []
    known = common | procedural()
    for m in KIN.finditer(text):
        where = reason("learned.role", role="bin/binti", page=page)
        child, parent = _plain_name(m.group("child"), known), _plain_name(m.group("parent"), known, parent=True)
        if m.group("bin")[0] == "B" and m.group("bin")[1:].islower() and not child.isupper() \
                and not parent.isupper():
            continue  # "Muhsin Bin Alkaff": a title-case name with its "Bin" is one name; the NER reads it whole
        if child:  # somebody's child: a private person unless the document names them in an office too
            out.append(Person([child], "orang", "17h", where))
        if parent:
            out.append(Person([parent], "keluarga", "17h", reason("learned.parent", where=where)))
    return out


PARTICLE_BEFORE = re.compile(r"(?<![A-Za-z])(?:" + "|".join(sorted(officials.PARTICLES)) + r")[ \t]+$")


def aged_people(page: int, text: str, common: frozenset[str] = frozenset()) -> list[Person]:
    """A name followed by its age ("2. X, berumur 17 tahun"): a private person; not the last part of a name
    joined by a particle ("Rugun boru Hutahaean": the NER reads it whole)."""
    known = common | procedural()
    return [Person([form], "pihak", "17h", reason("learned.role", role="umur", page=page))
            for m in AGED.finditer(text) if (form := _plain_name(m.group("name"), known))
            and not PARTICLE_BEFORE.search(text[max(0, m.start() - 12):m.start()])]


def _plain_name(run: str, known: frozenset[str], parent: bool = False) -> str:
    """The run as a person's name, or '' : the last words that are all name words, two letters at least.
    After "bin/binti" (`parent`) a word in capitals is a name word even when it is also an ordinary word
    ("binti ANDERIAS LEDE BULU"), unless it is a word of the decision or an office."""
    words = run.split()
    keep: list[str] = []
    proc = procedural()
    for w in reversed(words):
        strong = parent and w.isupper() and len(w) >= 2 and w.lower() not in proc and not officials.office_word(w)
        if not (re.fullmatch(r"[A-Z]\.", w) or strong or officials._name_word(w, known, w.isupper())):
            break
        keep.insert(0, w)
    while keep and re.fullmatch(r"[A-Z]\.", keep[0]):
        keep.pop(0)
    form = trim(" ".join(keep))
    if not form or not name_ok(form) or not any(len(w) >= 3 for w in form.split()):
        return ""
    return form


FUGITIVE = re.compile(r"(?<![A-Za-z])((?:[A-Z][A-Za-z'’-]+[ \t]+){0,3}[A-Z][A-Za-z'’-]+)[ \t]*\([ \t]*DPO[ \t]*\)")


def fugitives(page: int, text: str, common: frozenset[str] = frozenset()) -> list[Person]:
    """A name followed by "(DPO)" (daftar pencarian orang: a fugitive of the case): a private person."""
    out = []
    for m in FUGITIVE.finditer(text):
        form = trim(re.sub(r"^(?:[Ss]dr|SDR|[Ss]audara|[Ss]dri)[ .]*", "", m.group(1)))
        form = re.sub(r"^(?:[Ss]dr|SDR)(?=[A-Z])", "", form)  # "sdr.WILIK" read as one word after the dot
        known = common | procedural()
        if form and name_ok(form) and all(officials._name_word(w, known, form.isupper()) for w in form.split()):
            out.append(Person([form], "tersangka", "17h", reason("learned.role", role="DPO", page=page)))
    return out


def sentence_ended(text: str, m: re.Match) -> bool:
    """A role word followed by a full stop ends its sentence ("bersama Terdakwa. MARIA menulis"), unless
    it is numbered ("Terdakwa I. X"), or the name after it carries an alias or follows 'bernama': the stop
    is then only written after the role ("terapis bernama Saksi. X Als. Y", "kenal dengan Saksi. X als Y")."""
    if not re.search(r"\.\s", text[m.end(1):m.end()]) or re.search(r"\b(?:I{1,3}|IV|V|\d)$", m.group(1)):
        return False
    named_before = re.search(r"(?i)\b(?:bernama|yaitu|yakni)\s*$", text[max(0, m.start() - 12):m.start()])
    return not (named_before or len(role_forms(text[m.end():m.end() + 160])) > 1)


LIST_ITEM = re.compile(r"[ \t]*(?:,|;|\bdan\b|\bserta\b|&)[ \t]*(?:(?i:saksi|korban|sdr|sdri)\.?[ \t]*)?(?=[A-Z])")
LIST_ITEM_END = re.compile(r"[ \t]*(?:,|;|\.(?!\w)|\bdan\b|\bserta\b|&|\s+[a-z]|$)")


def listed_after(text: str, start: int, forms: list[str]) -> list[str]:
    """More names after a role's first one, in a list sharing the role ("keterangan saksi A, B dan C yang
    ..."): each item a name of two words or more, or one in capitals of four letters with a vowel; the list
    ends at the first item that is not one."""
    pos = form_end(text, start, forms[-1])
    if pos < 0:
        return []
    out: list[str] = []
    while len(out) < 8 and (sep := LIST_ITEM.match(text, pos)):
        item = role_forms(text[sep.end():sep.end() + 160])
        if not item:
            break
        name = item[0]
        at = text.find(name, sep.end(), sep.end() + len(name) + 3)  # "I WAYAN X": the form drops the "I"
        after = at + len(name)
        words = name.split()
        if at < 0 or not LIST_ITEM_END.match(text, after) or officials.office_word(words[0]) \
                or not (len(words) >= 2 or re.fullmatch(r"[A-Z]{4,}", name) and re.search("[AEIOU]", name)):
            break
        out.append(name)
        pos = after
    return out


def role_forms(after: str) -> list[str]:
    """The name (and aliases) written right after a role word."""
    run = re.match(NAME_RUN + r"((?:\s*(?i:als\.?|alias|al\.)\s*" + NAME_RUN + r")*)", after)
    if not run:
        return []
    chunk = re.split(r"[.\-–—]{2,}", CUT.split(run.group(0))[0])[0]  # "Lianto.--------No": a ruled line
    chunk = re.split(r"\n[ \t]*\n", chunk)[0]  # a name never runs on over a blank line (into a heading)
    glued = GLUED.search(chunk)
    chunk = chunk[:glued.start()] if glued else chunk
    chunk = PARENT.split(chunk, maxsplit=1)[0]
    forms = [trim(lexicon.before_thing(f)) for f in ALIAS.split(chunk)]  # "Saksi Fitryanadi Hotel 88"
    return [f for f in forms if f and name_ok(f)]


def thing_next(text: str, start: int, form: str) -> bool:
    """The name run went on into a business or thing word ("Saksi Fitryanadi Hotel 88"): a name, cut there."""
    at = text.find(form, start)
    nxt = text[at + len(form):at + len(form) + 30].split()
    return bool(nxt) and lexicon.not_person(nxt[0]) and nxt[0][:1].isupper()


def single_ok(text: str, start: int, form: str) -> bool:
    """One word after a private role is a name when it is title-case, not an office or agency word, and
    the sentence goes on in lower case or with its age ("korban Sulastri (45) warga ...")."""
    if not re.fullmatch(r"[A-Z][a-z'’]{2,}", form) or officials.office_word(form):
        return False
    if not text[:text.rfind("\n", 0, start) + 1].strip() and "\n" in text[start:]:
        return False  # the first line of the page: a headline ("Pelaku Curanmor Diamankan")
    after = text[start + text[start:].find(form) + len(form):][:20]
    return bool(re.match(r"\s*(?:\(\d{1,2}\)|,|;|\s[a-z]|\.|-{2,}|$)", after))


def shout_ok(text: str, m: re.Match, form: str) -> bool:
    """One upper-case word after a role word is a name ("kepada saksi BASORI, ...", "oleh Saksi LIA dalam"):
    three letters or more with a vowel, no office, agency or thing word, followed by punctuation or lower
    case; after a title-case role, or with three letters, only followed by lower case."""
    if not re.fullmatch(r"[A-Z]{3,}", form) or not re.search("[AEIOU]", form) or officials.office_word(form):
        return False
    if m.group(1).isupper() or form.lower() in table()["procedural_set"] or lexicon.not_person(form):
        return False
    after = text[m.end() + text[m.end():].find(form) + len(form):][:3]
    if len(form) == 3 or m.group(1)[:1].isupper():  # "Saksi LIA dalam ...": a short name needs the sentence going on
        return bool(re.match(r"\s+[a-z]", after))
    return bool(re.match(r"[,;.)]|\s+[a-z]|\s*$", after))


def trim(form: str) -> str:
    """A name without the common words glued after it at a former line end ("SANTOSOtidak")."""
    form = re.sub(r"(?<=[A-Z]{2})[a-z]+$", "", form.strip(" .,;-"))
    words = form.split()
    proc = table()["procedural_set"]
    while words and words[-1].lower().strip(".") in proc:
        words.pop()
    while words and (words[0].lower().strip(".") in proc or re.fullmatch(r"(?:I{1,3}|IV|VI?)\.?", words[0])):
        words.pop(0)
    return " ".join(words)


def name_ok(form: str) -> bool:
    """A form can be a name: letters, not a procedural or common word, no lower-case word inside."""
    words = re.findall(r"[A-Za-z]+", form)
    proc = table()["procedural_set"]
    if not words or len(form) < 3 or all(w.lower() in proc for w in words) or words[0].lower() in proc:
        return False
    if lexicon.not_person(form):
        return False  # "Warteg Barokah", "HP merk Oppo": a business or a thing
    tokens = [t for t in form.split() if t.isalpha()]
    if not form.isupper() and any(len(t) <= 5 and t.isupper() for t in tokens):
        return False  # an acronym inside a mixed-case run: "PPID Utama", "Open BO"
    particles = ("bin", "binti", "van", "de", "al")
    return all(w[0].isupper() or w.lower() in particles for w in form.split() if w[:1].isalpha())


# Positions held in private bodies as often as in public ones ("Koordinator PS" of a cafe, "Direktur PT"): a
# witness named with one of them stays a witness for the reviewer to decide (review), not an official
WEAK_POSITIONS = frozenset("koordinator pimpinan bendahara direktur direktris manajer manager supervisor".split())


def merge(people: list[Person]) -> list[Person]:
    """One person per name: persons sharing a form (same words, any case or spacing) are one. A person
    named with a position and with a private role ("tersangka X", "Kepala Desa X") is doubtful."""
    out: list[Person] = []
    for p in people:
        keys = {key(f) for f in p.forms}
        same = next((q for q in out if keys & {key(f) for f in q.forms}), None)
        if same is None:
            out.append(p)
            continue
        same.forms += [f for f in p.forms if key(f) not in {key(g) for g in same.forms}
                       or f not in same.forms and short_cased(f, same.forms)]
        if bool(same.position) != bool(p.position):
            official, private = (same, p) if same.position else (p, same)
            # an official heard as a witness (not one whose position private bodies have too)
            weak = official.position.split()[0].lower() in WEAK_POSITIONS if official.position else False
            if private.role in ("saksi", "orang") and not official.doubtful and not weak:
                same.position, same.page, same.role, same.learned = (official.position, official.page,
                                                                     official.role, official.learned)
                same.basis, same.action = official.basis, official.action
                continue
            same.position, same.page, same.doubtful = official.position, official.page, True
            same.role, same.basis, same.learned = private.role, private.basis, private.learned
            same.action = "review"
        elif p.doubtful and same.position:
            same.doubtful, same.action = True, "review"
    return out


def short_cased(form: str, forms: list[str]) -> bool:
    """A short form in capitals is matched as written (`short_rx`): the same alias written otherwise
    ("RIGA", "Riga") is a form of its own."""
    same = [g for g in forms if key(g) == key(form)]
    return any(g.isupper() and len(key(g)) <= 4 for g in same) and form not in same


def key(form: str) -> str:
    return re.sub(r"[^a-z]", "", form.lower())


# -- every mention ---------------------------------------------------------------------------------

@lru_cache(maxsize=512)
def form_rx(form: str) -> re.Pattern:
    """A name as written in extracted text: any case, words glued or hyphenated across a line end."""
    words = [w.strip("-'’") for w in re.split(r"[\s.]+", form) if re.search("[A-Za-z]", w)]
    inner = r"[\s-]?" if len(form) >= 6 else "-?"  # "MIMIN LAELASARI" also written "MIMINLAELASARI"
    letters = [inner.join(re.escape(c) for c in w) for w in words]
    if form.isupper() and len(key(form)) <= 4:
        return short_rx(form)
    return re.compile(r"[\s.\-]*".join(letters) + (r"\.?" if form.endswith(".") else ""), re.IGNORECASE)


def short_rx(form: str) -> re.Pattern:
    """A short upper-case form, matched as written. Initials ("AS", "AR": two letters or no vowel) stand
    alone, never inside "S.H." or a longer word; a short alias ("LALA", "IKA") may be glued to the word
    before or after it at a former line end ("AliasLALA", "Als.CILA", "IPAMsejak")."""
    if len(key(form)) <= 2 or not re.search(r"[AEIOU]", form):
        return re.compile(r"(?<![A-Za-z.])" + re.escape(form) + r"(?!\.?[A-Za-z])")
    return re.compile(r"(?<![A-Z])(?<!(?<![A-Za-z])[A-Za-z]\.)" + re.escape(form) + r"(?![A-Z]|\.[A-Za-z]\.)")


def boundary(text: str, i: int, j: int, multi: bool) -> bool:
    """A match starts and ends a word (or a case change, or a rank in capitals, shows where glued words meet)."""
    if not text[i].isupper() or i > 0 and text[i - 1].isalpha() and not (text[i - 1].islower() and text[i].isupper()) \
            and not RANK_GLUED.search(text, max(0, i - 10), i):
        return False
    if j >= len(text) or not text[j].isalpha():
        return True
    a, b = text[j - 1], text[j]
    shout = sum(c.isupper() for c in text[i:j]) >= 0.8 * sum(c.isalpha() for c in text[i:j])
    return (a.islower() and b.isupper()) or (a.isupper() and b.islower() and shout) or multi


def inside_longer_name(text: str, i: int, j: int, common: frozenset[str]) -> bool:
    """A match with another name word right before or after it ("Sutrisno" in "Imam Gono Sutrisno"):
    part of someone else's name, not a mention of this official."""
    glued = re.search(r"[A-Za-z'’]+$", text[max(0, i - 30):i])
    if glued and re.fullmatch(r"[A-Z][a-z'’]+|[A-Z'’]+", glued.group(0)) and not RANK_GLUED.fullmatch(glued.group(0)) \
            and glued.group(0).lower() not in common:
        return True  # "GonoSutrisno": the end of a longer name glued at a former line end ("KhususBONAR": not)
    before = re.search(r"([A-Za-z'’]+)[ \t]+$", text[max(0, i - 30):i])
    after = re.match(r"[ \t]+([A-Za-z'’]+)", text[j:j + 30])
    return any(m and officials.name_word(m.group(1), common) for m in (before, after))


def mention_findings(page: int, text: str, person: Person, common: frozenset[str] = frozenset()) -> list[Finding]:
    taken: list[tuple[int, int]] = []
    out = []
    first = person.forms[0]
    reasons = person_reasons(person)
    # a short alias learned in capitals ("CECE") is also written in title case ("dan Cece di hotel"); not initials
    titled = [f.title() for f in person.forms if f.isupper() and 3 <= len(key(f)) <= 4 and " " not in f
              and re.search(r"[AEIOU]", f) and f.lower() not in common and f.title() not in person.forms]
    for form in sorted(person.forms, key=len, reverse=True) + titled + person.short:
        rx = re.compile(r"(?<![A-Za-z.])" + re.escape(form) + r"(?![A-Za-z])") if form in titled else form_rx(form)
        for m in rx.finditer(text):
            i, j = m.span()
            multi = len(form.split()) > 1 or " " in text[i:j]  # "MIMINLAELASARI" also written with a space
            if not boundary(text, i, j, multi) or any(a < j and i < b for a, b in taken):
                continue
            if form in person.short and not (j == len(text) or text[j].isspace() or text[j] in ",.;:)’'\"”") \
                    or form in person.short and i > 0 and text[i - 1].isalpha():
                continue  # a part of a name, written alone (not glued to another name: "GonoSutrisno")
            if (person.position or form in person.short) and inside_longer_name(text, i, j, common):
                continue  # "Bagus" of "Ida Bagus Gede ...": part of someone else's name
            taken.append((i, j))
            same = reason("person.same", name=first, entity=person.entity, learned=person.learned)
            out.append(Finding(page, i, j, text[i:j], "PERSON", person.basis, SCORE, person.action,
                               f"{SOURCE}:{'official' if person.position else 'person'}",
                               (reasons[0], same, *reasons[1:]), entity=person.entity))
    return out


CAPITALISED_RUN = re.compile(r"[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+){0,3}")
MISSPELT_MIN = 10  # letters: a shorter name one letter off is too often another name


def misspelt_mentions(page: int, text: str, people: list[Person], found: list[Finding]) -> list[Finding]:
    """A name written one letter off somewhere in the document ("Sarinngsih", "ILLLHAM", a typo of the
    court's own) is a mention of the person whose long form it nearly is, when only one person's is."""
    from rapidfuzz.distance import Levenshtein

    forms: dict[str, list[tuple[str, Person]]] = {}
    for p in people:
        if not p.position:  # officials are kept whatever the spelling; a near name is not theirs to take
            for k in {key(f) for f in p.forms if len(key(f)) >= MISSPELT_MIN}:
                forms.setdefault(k[0], []).append((k, p))
    if not forms:
        return []
    taken = sorted((f.start, f.end) for f in found)
    out: list[Finding] = []
    for m in CAPITALISED_RUN.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        for a in range(len(words)):
            for b in range(len(words), a, -1):
                i, j = m.start() + words[a].start(), m.start() + words[b - 1].end()
                k = key(text[i:j])
                if len(k) < MISSPELT_MIN or k[0] not in forms or any(x < j and i < y for x, y in taken):
                    continue
                near = {id(p): p for f, p in forms[k[0]]
                        if abs(len(f) - len(k)) <= 1 and Levenshtein.distance(f, k, score_cutoff=1) <= 1}
                if len(near) != 1:
                    continue
                person = next(iter(near.values()))
                reasons = person_reasons(person)
                same = reason("person.same", name=person.forms[0], entity=person.entity, learned=person.learned)
                out.append(Finding(page, i, j, text[i:j], "PERSON", person.basis, SCORE, person.action,
                                   f"{SOURCE}:{'official' if person.position else 'person'}",
                                   (reasons[0], same, *reasons[1:]), entity=person.entity))
                taken.append((i, j))
                break
    return out


def person_reasons(person: Person) -> tuple[str, ...]:
    """The role and the legal reason of a person's mentions: kept official, doubtful, or private."""
    if person.position and person.doubtful:
        return (reason("official.doubtful", position=person.position, role=role_name(person.role)),
                reason("person.private"))
    if person.position and person.role == "counsel":
        return (reason("counsel.kept", position=person.position, page=person.page),)
    if person.position:
        code = "official.byline" if person.position.split()[0].lower() in BYLINE_WORDS else "official.position"
        return (reason(code, position=person.position, page=person.page),)
    return (reason("person.role", role=role_name(person.role), learned=person.learned), reason("person.private"))


def role_name(role: str, title: bool = False) -> dict[str, str]:
    """A person's role word in both languages (reviewer/data/reasons.yaml `role_name.*`), else as written."""
    texts = CATALOG.get(f"role_name.{role.replace(' ', '_')}") or {"id": role, "en": role}
    return {lang: texts[lang].title() if title else texts[lang] for lang in ("id", "en")}
