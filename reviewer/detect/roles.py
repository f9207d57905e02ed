"""Who is a person named in a document: an official acting in office, or a private individual?

Pasal 18 ayat (2) huruf b UU 14/2008 keeps open the names of officials acting in office; the names
of private individuals are personal data (Pasal 17 huruf h), of witnesses, informants and victims
in law enforcement (huruf a), of children in the juvenile justice system and victims of sexual
violence (huruf j, by UU SPPA / UU TPKS).

Each mention collects *cues* from the text around it (jabatan next to the name, a signature block,
"Nama :" form fields, "bernama", "saksi", a table of people, ...). A cue has a side (official or
private) and a strength; the mention's role is the stronger side, ties going to private. All
mentions of the same name in a document share one role, so a name is never kept in one place and
blacked out in another. Every decision carries the cues that made it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.core import lexicon
from reviewer.core.reasons import reason
from reviewer.detect.names import strip_titles

KEEP_REASON = reason("role.official_keep")

# Positions of office, units, roles, ranks and courtesy words are data: reviewer/data/people_words.yaml
OFFICE = (r"(?:" + "|".join(r"(?:" + a + r")\s+" for a in lexicon.words("acting")) + r")?"
          + lexicon.alternation("offices") + r"\b")
OFFICE_START = re.compile(r"(?i)^\s*" + OFFICE)
UNIT = lexicon.alternation("units") + r"\b"
OFFICE_ANY = re.compile(OFFICE)
PRIVATE_ROLE = lexicon.alternation("private_roles")
ROLE_BEFORE = re.compile(r"(?i)(?:\b" + PRIVATE_ROLE + r"|\bnama(?:\s+lengkap)?(?:\s+" + PRIVATE_ROLE
                         + r")?)\s*[:,]?[\s\-:]*$")
NAME_FIELD = re.compile(r"(?i)\bnama(?:\s+lengkap)?\s*[:\t]?[\s:]*$")
# the same as a form label: with its colon or tab, or alone at the start of its line ("Nama  X"), not "nama X" in prose
FORM_NAME = re.compile(r"(?i)\bnama(?:\s+lengkap)?\s*[:\t][\s:]*$|^\s*(?:\d{1,3}[.)]?\s*)?nama(?:\s+lengkap)?\s*$")
ROLE_AFTER = re.compile(r"(?i)^[\s,]*(?:selaku|sebagai)\s+(?:" + PRIVATE_ROLE + r")|^[\s,(]*(?:yang\s+)?beralamat|"
                        r"^[\s,(]*(?:umur|usia)\s+\d|^[\s,(]*\d{1,2}\s+tahun\b|^[\s,(]*lahir\s+di|"
                        r"^[\s,(]*(?:NIK|No\.\s*KTP)\b|^\s*\((?:anak|istri|suami|ayah|ibu|cucu)")
HIDDEN = re.compile(r"(?i)identitas(?:nya)?\s+(?:agar\s+|untuk\s+)?dirahasiakan|minta\s+dirahasiakan")
NAME_HEADER = re.compile(r"(?i)(?:nama(?:\s+(?:lengkap|penerima|peserta|pegawai|pemohon|ahli\s+waris|anggota|pelapor|"
                         r"pasien|siswa|mahasiswa|karyawan|klien|saksi|wajib\s+pajak))?|penerima|peserta|pegawai|"
                         r"ahli\s+waris)\s*(?:/.*)?$")
SENTENCE_ROLE = re.compile(r"(?i)\bsebagai\s+(saksi|korban|pelapor|informan|tersangka|terlapor|terdakwa|pemohon)\b")
# court and prosecution offices written after a name in a decision ("X, S.H., sebagai Hakim Ketua", "Y, S.H.,
# Penuntut Umum", "Z, S.H. Panitera Pengganti")
COURT_OFFICE = (r"(?:Hakim(?:\s+(?:Ketua|Anggota|Agung))?|Ketua\s+Majelis|Panitera(?:\s+Pengganti)?|"
                r"(?:Jaksa\s+)?Penuntut\s*Umum)\b")
OFFICE_AFTER = re.compile(r"^\s*(?:(?:,\s*|\(\s*|\t+|\s+selaku\s+|\s+sebagai\s+|,\s*pangkat\s+\S+.*?selaku\s+)"
                          + OFFICE + r"|\(\s*" + UNIT + r"|[,\s]*(?:(?:selaku|sebagai)\s+)?" + COURT_OFFICE + ")")
# police and military ranks written before a name in a signature ("AKP ROY TAMBAJONG, S.I.K.")
RANK = r"\b(?:" + "|".join(re.escape(r.upper()) for r in lexicon.ranks()) + r")\b"
ID_AFTER = re.compile(r"^[\s,]*(?:\n\s*)?(?:pangkat\s+\w+|NIP\b|NIP\.|NRP\b|(?:Pembina|Penata|Pengatur|Juru)"
                      r"(?:\s+\w+){0,2}\s*\(|" + RANK + ")")
PRIVATE_SIGNER = re.compile(r"(?i)^\s*(?:hormat\s+saya|pemohon|pelapor|pengadu|yang\s+diperiksa|yang\s+menyatakan|"
                            r"saksi|ahli\s+waris|penerima|peserta|pihak\s+pertama|pihak\s+kedua|orang\s+tua|pasien|"
                            r"yang\s+membuat\s+pernyataan|kuasa)")
OFFICIAL_SIGNER = re.compile(r"(?i)^\s*(?:yang\s+memeriksa|hormat\s+kami|mengetahui|menyetujui|an\.|a\.n\.)")
# The last line of a jabatan over a signature ("Kota Semarang,", "... Jakarta Pusat,"), even when OCR lost
# its first letters.
JABATAN_LINE = re.compile(r"^(?!.*\d).*\b(?:Kota|Kabupaten|Provinsi|Dinas|Badan|Kecamatan|Kelurahan|Desa|Bidang|Bagian|"
                          r"Kantor|Sekretariat|Daerah|Negeri|Pusat|Balai|Satuan|Unit|Seksi)\b.*,\s*$")
SKIP_LINE = re.compile(r"(?i)^\s*(?:ttd\.?|\(?tanda\s+tangan\)?|cap|materai.*|-+|_+|\(\s*\))?\s*$")
CLAUSE_START = re.compile(r"(?:[.!?]\s+(?=[A-Z\"“])|\n|;)")
COURTESY_WORD = lexicon.alternation("courtesy") + r"\b"
# the office in lower case with one lower-case word after it ("petugas ukur Kantor Pertanahan, X")
LOWER_OFFICE = lexicon.alternation("lower_offices") + r"(?:\s+[a-z]{3,})?"
PRE_APPOSITION = re.compile(r"(?:" + OFFICE + "|" + LOWER_OFFICE + r")(?:[\s,]+(?:(?!" + COURTESY_WORD
                            + r")[A-Z][\w.&/()-]*|dan|I{1,3}|IV|V|\d{1,3}))*[\s,:(]*$")
# "anak Kepala Desa, X": the person is a relative of the official, not the official
KIN_BEFORE = re.compile(r"(?i)\b(?:anak|istri|suami|ayah|ibu|adik|kakak|keponakan|menantu|cucu|keluarga|orang\s+tua|"
                        r"kerabat|saudara)\s*$")
# Private occupations in apposition: "Salah seorang petani, X", "X, nelayan Desa Y"
OCCUPATION = lexicon.alternation("occupations")
OCCUPATION_BEFORE = re.compile(r"(?i)\b" + OCCUPATION + r"(?:\s+(?:dari\s+)?[A-Z][\w.-]*){0,4}\s*,\s*$")
OCCUPATION_AFTER = re.compile(r"(?i)^\s*,\s*" + OCCUPATION + r"\b")

# A name in running prose with no private context around it: a public name in a public text (see `public_prose`)
PRIVATE_CONTEXT = re.compile(r"(?i)(?<![A-Za-z])" + lexicon.alternation("private_context") + r"(?![A-Za-z])")
AGE_AFTER = re.compile(r"^\s*,?\s*\(\s*\d{1,3}\s*(?:th|thn|tahun)?\.?\s*\)")
PROSE_WORDS = 8
PROSE_CUE_STRENGTH = 1  # never outweighs a private cue nor a private document kind (ties go to private)
KINDS = lexicon.document_kinds()
FIELD_ONLY = "isian jabatan tanpa 'yang bertanda tangan'"
LAW_ROLES = ("saksi", "korban", "pelapor", "informan", "pengadu", "dirahasiakan", "yang diperiksa")


@dataclass(frozen=True)
class Cue:
    side: str  # "official" or "private"
    strength: int  # 1 weak ... 5 decisive; 10 = the agency's own list of officials
    reason: str
    role: str = ""  # private cues: the role word that decides the legal basis; official: FIELD_ONLY


@dataclass
class Mention:
    page: int
    start: int
    end: int
    text: str
    cues: list[Cue] = field(default_factory=list)
    in_table: bool = False  # on a line of tab-separated cells
    in_heading: bool = False  # on a title-case line with other words (a heading)


@dataclass(frozen=True)
class Role:
    action: str
    basis: str
    score: float
    reasons: tuple[str, ...]


def document_kinds(text: str) -> frozenset[str]:
    return frozenset(kind for kind, rx in KINDS.items() if re.search(rx, text))


def name_tokens(text: str) -> frozenset[str]:
    """The words of a name without titles, degrees and punctuation, lower-cased."""
    return frozenset(t for t in re.findall(r"[a-z]+", strip_titles(text).lower()) if len(t) > 1)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def _column(line: str, offset: int) -> int:
    """Which tab/wide-space column of a line an offset falls in."""
    return len(re.findall(r"\t+| {3,}", line[:offset]))


def _column_text(line: str, col: int) -> str:
    parts = [p for p in re.split(r"\t+| {3,}", line)]
    return parts[col] if col < len(parts) else (parts[-1] if parts else "")


def cues_before(text: str, start: int) -> list[Cue]:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(0, start - 160):start]
    clause = CLAUSE_START.split(before)[-1] if before else ""
    out = []
    m = ROLE_BEFORE.search(text[max(0, line_start - 40, start - 60):start])
    if m and "\t" in m.group(0) and not re.match(r"(?:^|[\t\n])", text[start - len(m.group(0)) - 1:][:1] or "\n"):
        m = None  # a role word ending the previous table cell ("... diajukan pemohon\t") is not a label
    if m and not re.fullmatch(r"(?i)\s*nama(?:\s+lengkap)?[\s:,\-]*", m.group(0)):  # 'atas nama', 'nama pelapor'
        out.append(Cue("private", 4, reason("role.private_before", cue=m.group(0).strip(' :,-')),
                       m.group(0).strip(" :,-\t\n").lower()))
    elif FORM_NAME.search(text[line_start:start]):
        out.append(Cue("private", 2, reason("role.form_name")))
    m = PRE_APPOSITION.search(clause)
    if m and text[line_start:start].strip() and not KIN_BEFORE.search(clause[:m.start()]):
        out.append(Cue("official", 4, reason("role.office_before", cue=m.group(0).strip(' ,:')[:60])))
    m = OCCUPATION_BEFORE.search(clause)
    if m:
        out.append(Cue("private", 3, reason("role.occupation_before", cue=m.group(0).strip(' ,')[:40]),
                       m.group(0).strip(" ,").lower()))
    if re.search(r"(?i)\b(?:Sdr|Sdri|Bpk|Bp|Ny|Tn|Nn)\.\s*$|\b(?:Saudara|Saudari|Ibu|Bapak|Tuan|Nyonya)\s+$", before):
        out.append(Cue("private", 1, reason("role.courtesy")))
    return out


def cues_after(text: str, end: int) -> list[Cue]:
    after = text[end:end + 200]
    out = []
    if OFFICE_AFTER.search(after):
        out.append(Cue("official", 5, reason("role.office_after", cue=after.split(chr(10))[0].strip(' ,(')[:60])))
    m = ROLE_AFTER.search(after)
    if m:
        out.append(Cue("private", 4, reason("role.private_after", cue=' '.join(m.group(0).strip(' ,(').split())),
                       m.group(0).strip(" ,(").lower()))
    m = OCCUPATION_AFTER.search(after)
    if m:
        out.append(Cue("private", 3, reason("role.occupation_after", cue=m.group(0).strip(' ,')),
                       m.group(0).strip(" ,").lower()))
    clause = re.split(r"[.;]\s|\n", after, maxsplit=1)[0]
    m = SENTENCE_ROLE.search(clause)
    if m:
        out.append(Cue("private", 3, reason("role.in_sentence", cue=m.group(0)), m.group(1).lower()))
    if HIDDEN.search(text[end:end + 120].split("\n")[0]):
        out.append(Cue("private", 4, reason("role.withheld"), "dirahasiakan"))
    if ID_AFTER.search(after):
        out.append(Cue("official", 1, reason("role.id_after")))
    return out


def cues_signature(text: str, start: int, end: int) -> list[Cue]:
    """A name under a jabatan line (signature block), or under 'Pemohon,' / 'Hormat saya,'."""
    a, b = _line_bounds(text, start, end)
    line = text[a:b]
    if re.search(r":[\s:]*$", text[a:start]):
        return []  # the value of a form field ("Nama : X"), not a name under a jabatan
    col = _column(line, start - a)
    if len(_column_text(line, col).strip()) > (end - start) + 40:
        return []  # the name sits inside running text, not alone on its line
    lead = _column_text(line, col)
    if re.sub(r"[-_\s]|(?i:ttd\.?)|" + RANK, "", lead[:max(lead.find(text[start:end]), 0)]):
        return []  # something else precedes the name in its cell: a form field, running text
    seen = 0
    for raw in reversed(text[:a].split("\n")[-8:]):
        cell = _column_text(raw, col)
        if SKIP_LINE.match(cell):
            continue
        seen += 1
        if PRIVATE_SIGNER.search(cell):
            return [Cue("private", 3, reason("role.private_signer", cue=cell.strip()[:40]), cell.strip().lower())]
        if OFFICE_START.search(cell) or OFFICIAL_SIGNER.search(cell) or JABATAN_LINE.search(cell):
            return [Cue("official", 3, reason("role.office_signature", cue=cell.strip()[:60]))]
        if seen >= 3:
            break
    return []


def cues_table(text: str, start: int, end: int) -> list[Cue]:
    """A name in a row of tab-separated cells: an office in the same row, or a column of names."""
    a, b = _line_bounds(text, start, end)
    line = text[a:b]
    if "\t" not in line:
        return []
    cells = [c.strip() for c in line.split("\t")]
    col = line[:start - a].count("\t")
    if any(OFFICE_START.search(c) for i, c in enumerate(cells) if i != col and c):
        return [Cue("official", 3, reason("role.office_row"))]
    header = table_header(text[:max(a - 1, 0)].split("\n")[-60:])
    if header and any(NAME_HEADER.match(h) for h in header):
        if col < len(header) and NAME_HEADER.match(header[col]):
            return [Cue("private", 2, reason("role.list_column", header=header[col]))]
    return []


def table_header(lines_above: list[str]) -> list[str] | None:
    """The cells of the first row of the table a line belongs to: climb tab-separated lines (one
    wrapped line without tabs may sit between them). Form lines ("Nama\t: X") are no header."""
    top, loose = None, 0
    for line in reversed(lines_above):
        if "\t" in line:
            top, loose = line, 0
        elif line.strip() and loose == 0 and top is not None:
            loose = 1
        else:
            break
    if top is None:
        return None
    cells = [c.strip() for c in top.split("\t")]
    return None if any(c.startswith(":") for c in cells) else cells


def cues_jabatan_field(text: str, start: int, end: int) -> list[Cue]:
    """'Nama : X' followed, within three lines, by 'Jabatan : <office>' (a letter signed in office).
    Unless "yang bertanda tangan" introduces the fields, the cue is marked: in a personnel file such
    fields describe the employee concerned (see `verdict`)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not NAME_FIELD.search(text[line_start:start]):
        return []
    above = "\n".join(text[:line_start].split("\n")[-8:])
    intro = list(re.finditer(r"(?i)bertanda\s*tangan", above))
    # "... memberikan cuti kepada:" between the signer's fields and this one introduces someone else
    signer = bool(intro) and not re.search(r"(?im)\b(?:kepada|bahwa|terhadap)\s*:?\s*$", above[intro[-1].end():])
    for line in text[end:].split("\n")[1:4]:
        m = re.match(r"(?i)\s*jabatan\s*[:\t][\s:]*(.*)", line)
        if m and OFFICE_START.search(m.group(1)):
            # introduced by "yang bertanda tangan" it outweighs a 'PIHAK PERTAMA,' label over the signature
            return [Cue("official", 4 if signer else 3, reason("role.office_field", cue=m.group(1).strip()[:60]),
                        "" if signer else FIELD_ONLY)]
    return []


def collect(text: str, start: int, end: int) -> list[Cue]:
    return [*cues_before(text, start), *cues_after(text, end), *cues_signature(text, start, end),
            *cues_table(text, start, end), *cues_jabatan_field(text, start, end)]


def public_prose(text: str, start: int, end: int) -> bool:
    """The name sits in a line of running prose (a sentence of PROSE_WORDS words or more, no table cell) in
    which no word puts a private person in the picture (`private_context`: korban, ditangkap, warga, alamat,
    ...) and no age follows it ("X (25)")."""
    a, b = _line_bounds(text, start, end)
    line = text[a:b]
    if "\t" in line or len(re.findall(r"[A-Za-z]{2,}", line)) < PROSE_WORDS or not re.search(r"\b[a-z]{3,}\b", line):
        return False
    return not PRIVATE_CONTEXT.search(line) and not AGE_AFTER.match(text[end:end + 16])


def mark_public_prose(mentions: list[Mention], texts: dict[int, str]) -> None:
    """A name with no cue anywhere, every mention of it in public prose, is a public name in a public text
    (a figure, an official or a writer named in news, a report, a speech): a weak official cue, so that it is
    kept with that reason instead of sent to review for want of a role. A private document kind (law,
    medical, ...) still ties it, and ties go to private: there it stays `review`."""
    for members in group(mentions):
        if any(m.cues or m.in_table or m.in_heading for m in members):
            continue
        if all(public_prose(texts[m.page], m.start, m.end) for m in members):
            for m in members:
                m.cues.append(Cue("official", PROSE_CUE_STRENGTH, reason("role.public_prose")))


def official_listed(text: str, officials: tuple[str, ...]) -> str | None:
    tokens = name_tokens(text)
    for name in officials:
        listed = name_tokens(name)
        if tokens and listed and (tokens <= listed or listed <= tokens) and len(tokens & listed) >= min(2, len(listed)):
            return name
    return None


def _same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and (a <= b or b <= a)


def group(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of the same name: a short form ("Endang") joins the full name it is part of."""
    ordered = sorted(mentions, key=lambda m: -len(name_tokens(m.text)))
    groups: list[tuple[frozenset[str], list[Mention]]] = []
    for m in ordered:
        tokens = name_tokens(m.text)
        for key, members in groups:
            if _same_person(tokens, key):
                members.append(m)
                break
        else:
            groups.append((tokens, [m]))
    return [members for _, members in groups]


def decide(mentions: list[Mention], kinds: frozenset[str], officials: tuple[str, ...] = ()) -> dict[int, Role]:
    """The role of every mention (by its index in `mentions`)."""
    index = {id(m): i for i, m in enumerate(mentions)}
    roles: dict[int, Role] = {}
    for members in group(mentions):
        cues = [c for m in members for c in m.cues]
        listed = next((official_listed(m.text, officials) for m in members if official_listed(m.text, officials)), None)
        if listed:
            cues.append(Cue("official", 10, reason("role.listed", listed=listed)))
        role = verdict(cues, kinds)
        for m in members:
            roles[index[id(m)]] = role
    return roles


DOCUMENT_KIND_CUES = (("law", reason("role.law_document")), ("child", reason("role.child_document")),
                      ("medical", reason("role.medical_document")), ("personnel", reason("role.personnel_document")),
                      ("list", reason("role.list_document")))


def verdict(cues: list[Cue], kinds: frozenset[str]) -> Role:
    cues = list(cues)
    if "personnel" in kinds:  # "Nama/Jabatan" of the employee a decision or leave is about
        cues = [c for c in cues if c.role != FIELD_ONLY]
    if "press" in kinds:
        cues.append(Cue("official", 1, reason("role.press_release")))
    for kind, what in DOCUMENT_KIND_CUES:
        if kind in kinds:
            cues.append(Cue("private", 1, what))
    official = max((c.strength for c in cues if c.side == "official"), default=0)
    private = max((c.strength for c in cues if c.side == "private"), default=0)
    ranked = sorted(cues, key=lambda c: -c.strength)
    if official > private:
        reasons = (KEEP_REASON, *dict.fromkeys(c.reason for c in ranked if c.side == "official"))
        return Role("keep", "", {1: 0.5, 2: 0.75}.get(official, 0.9), reasons)
    basis, why = basis_for(cues, kinds)
    reasons = (why, *dict.fromkeys(c.reason for c in ranked if c.side == "private"))
    if private >= 2:
        return Role("redact", basis, 0.9 if private >= 3 else 0.8, reasons)
    return Role("review", basis, 0.6, reasons + (reason("role.unclear"),))


def basis_for(cues: list[Cue], kinds: frozenset[str]) -> tuple[str, str]:
    roles = " ".join(c.role for c in cues if c.side == "private")
    if "child" in kinds:
        return "17j", reason("person.child_case")
    if "sexual" in kinds:
        return "17j", reason("person.sexual_violence")
    if any(r in roles for r in LAW_ROLES) and ("law" in kinds or "dirahasiakan" in roles):
        return "17a2", reason("person.witness")
    return "17h", reason("person.private")
