"""Public-by-nature information: letterhead, institutional contacts, officials in office.

`judge` looks at a finding in its surroundings and, when the information is public by nature,
turns it into `keep` with the reason. It never drops a finding: the reviewer sees both what
was found and why it stays open.
"""

from __future__ import annotations

import re

from reviewer.core import lexicon
from reviewer.core.model import Document, Finding, Page
from reviewer.core.reasons import reason as keep_reason
from reviewer.core.settings import Settings

# Words on a line that mark it as an institution's contact line (letterhead, footer, service info).
CONTACT_WORDS = re.compile(
    r"\b(telepon|telp|tlp|faks|faksimile|fax|laman|website|situs|pos-el|surel|e-mail|email|kode pos|"
    r"call center|hotline|whatsapp|wa)\b", re.I)
# One leading \b for all the words: twenty alternatives each opening with \b cost the regex engine
# twenty tries at every character (a third of a millisecond per line of a sheet).
INSTITUTION_WORDS = re.compile(
    r"\.(?:go|mil)\.id\b|\b(?:(?:kantor|dinas|badan|sekretariat|ppid|layanan|pengaduan|humas|balai kota|gedung|"
    r"pemerintah|kementerian|kecamatan|kelurahan|puskesmas|rsud|call center|hotline)\b|ext\.)", re.I)
LETTERHEAD_START = re.compile(
    r"^(PEMERINTAH|KEMENTERIAN|DINAS|BADAN|KANTOR|SEKRETARIAT|KEPOLISIAN|RUMAH SAKIT|RSUD|KOMISI|"
    r"PROVINSI|KABUPATEN|KOTA|KECAMATAN|KELURAHAN|DESA|PENGADILAN|KEJAKSAAN|UNIVERSITAS|BALAI|LEMBAGA)\b")
ROLE_MAILBOXES = re.compile(
    r"^(ppid|humas|info|informasi|admin|sekretariat|setda|layanan|pengaduan|kontak|contact|helpdesk|cs|"
    r"redaksi|surat|persuratan|tu|umum|kepegawaian|pelayanan|diskominfo|kominfo|dinas|dinkes)\b", re.I)
PUBLIC_DOMAINS = re.compile(r"\.(go|mil|desa)\.id$|\bpolri\.go\.id$", re.I)
AGENCY_ACCOUNT = re.compile(
    r"kas umum daerah|\brkud\b|kas daerah|kas negara|bendahara|\brpl\b|pemerintah (kota|kabupaten|provinsi|desa)|"
    r"\bdinas\b|\bbadan\b|\bsatker\b|\binstansi\b|\bpemda\b|\bpemkot\b|\bpemkab\b|\bpemprov\b|\bretribusi\b", re.I)
OFFICIAL_VEHICLE = re.compile(r"\b(dinas|operasional|patroli|plat merah|pelat merah|milik pemerintah|inventaris)\b",
                              re.I)
RESIDENTIAL = re.compile(r"\bR[Tt]\b|\bRT\.|\bRW\b|\bRt/Rw\b|\bBlok\b|\bPerum")
OFFICE_PLACE = re.compile(
    r"\b(kepada yth|yth\.|ppid|kantor|dinas|badan|sekretariat|pemerintah (kota|kabupaten|provinsi)|balai kota|"
    r"gedung|ruang|aula|lantai|kecamatan [A-Z]\w+ (di|pada)|pengadilan|kejaksaan|rumah sakit|rsud|puskesmas|"
    r"sekolah|kampus|universitas|masjid|gereja|lokasi|proyek|pekerjaan|ruas|bertempat di|tempat:)\b", re.I)
OFFICIAL_TITLE = re.compile(
    r"\b(kepala|sekretaris|wali ?kota|wakil|bupati|gubernur|camat|lurah|kepala desa|direktur|asisten|inspektur|"
    r"plt\.?|plh\.?|kabid|kasubag|kasi|menteri|ketua|anggota dprd|duta besar|konsul|juru bicara|kapolres|"
    r"kapolda|komandan|pejabat|ppid)\b", re.I)
# police and military ranks: reviewer/data/people_words.yaml; the words after them name an officer's function
RANKS = re.compile(r"\b(" + lexicon.rank_alternation() + r"|penyidik|penyelidik|pemeriksa|selaku)\b", re.I)
SIGNATURE_ID = re.compile(r"(^|\n)[^\S\n]*(NIP|NRP|NIK)\.?[^\S\n]*$")
# A service line that labels the number or address that follows it (issue 19: "Pusat Layanan",
# "Call Center", "Humas" lines); a private cue between the label and the contact breaks it.
SERVICE_LINE = re.compile(
    r"\b(pusat\s+layanan|pusat\s+panggilan|call\s*cent(?:er|re)|contact\s*cent(?:er|re)|hotline|"
    r"layanan\s+(?:pengaduan|informasi|pelanggan|konsumen|darurat|publik)|customer\s+(?:service|care)|"
    r"humas|hubungan\s+masyarakat|kehumasan|narahubung\s+(?:humas|ppid)|meja\s+layanan|ppid|"
    r"help\s*desk|pengaduan\s+masyarakat|kanal\s+pengaduan|informasi\s+lebih\s+lanjut|kontak\s+kami|"
    r"sekretariat|kantor|redaksi)\b", re.I)
PRIVATE_CUE = re.compile(
    r"\b(saya|pelapor|pemohon|warga|atas\s+nama|a\.\s?n\.|milik|bernama|korban|tersangka|terlapor|saksi|"
    r"keluarga|pribadi|rumah|istri|suami|anak|orang\s+tua|sdr\.?|sdri\.?|bapak|ibu)\b", re.I)
SERVICE_REACH = 80  # characters before a contact searched for its service label (same line)
# Short service numbers and toll-free lines are never a person's phone: 112, 110, 14045, 1500-123, 0800-...
SERVICE_NUMBER = re.compile(r"^(?:1\d{2,4}|1[45]00\d{0,4}|080[07]\d{5,8})$")
# Rows of a contact directory name a unit of the agency, not a person.
UNIT_WORDS = re.compile(
    r"^\s*(bagian|bidang|seksi|sub\s?bagian|subbag|upt|uptd|loket|sekretariat|kantor|puskesmas|kecamatan|"
    r"kelurahan|dinas|badan|bagian|unit|instalasi|poli|ruang|layanan|ppid|humas|inspektorat|rsud|"
    r"kepolisian|polres|polsek|kodim|koramil|satpol|bpbd|damkar|pemadam)\b", re.I)


def judge(document: Document, page: Page, finding: Finding, settings: Settings) -> Finding:
    if finding.action == "keep" or finding.label in ("PASSAGE", "UNREADABLE"):
        return finding
    reason = _public_reason(document, page, finding, settings)
    if reason is None:
        return finding
    return finding.replace(action="keep", reasons=finding.reasons + (keep_reason("keep.public", why=reason),))


def _public_reason(document: Document, page: Page, f: Finding, settings: Settings) -> str | None:
    label = f.label
    if label in ("PHONE", "EMAIL", "ADDRESS"):
        contact = agency_contact_reason(page, f, settings)
        if contact:
            return contact
        if label == "EMAIL" and institutional_email(f.text):
            return keep_reason("public.agency_email")
        if institutional_line(page, f.start, f.end):
            return keep_reason("public.agency_contact")
        if label == "ADDRESS" and office_address(page, f):
            return keep_reason("public.office_address")
    if label in ("NIP", "NIK") and in_signature_block(page, f.start):
        return keep_reason("public.signature_nip")
    if label == "NIP" and f.source == "pattern:nrp" and RANKS.search(_around(page, f.start, f.end, 60, 40)):
        return keep_reason("public.officer_nrp")
    if label in ("BANK_ACCOUNT", "NPWP") and AGENCY_ACCOUNT.search(_around(page, f.start, f.end, 120, 10)):
        return keep_reason("public.agency_account")
    if label == "PLATE" and OFFICIAL_VEHICLE.search(_around(page, f.start, f.end, 80, 0)):
        return keep_reason("public.official_vehicle")
    if label == "PERSON" and _is_configured_official(f.text, settings):
        return keep_reason("public.listed_official")
    if label == "PERSON" and official_in_table_row(page, f.start):
        return keep_reason("public.position_column")
    if label == "PERSON" and signing_official(page, f):
        return keep_reason("public.signing_official")
    return None


def agency_contact_reason(page: Page, f: Finding, settings: Settings) -> str | None:
    """Why a phone, e-mail or address is the agency's own published contact, or None.

    The unit's registered contacts first, then the shape of the text: letterhead, footer, a service
    line that labels the contact, a short or toll-free service number, a row of a contact directory.
    """
    if registered_contact(f, settings.agency_contacts):
        return keep_reason("public.registered_contact")
    if in_letterhead(page, f.start):
        return keep_reason("public.letterhead")
    seg = page.textmap.segment_at(f.start)
    if seg is not None and seg.kind == "footer":
        return keep_reason("public.footer")
    if f.label == "PHONE" and SERVICE_NUMBER.match(re.sub(r"\D", "", f.text)):
        return keep_reason("public.service_number")
    if service_line(page, f.start):
        return keep_reason("public.service_line")
    if directory_row(page, f.start):
        return keep_reason("public.directory")
    return None


def _digits(text: str) -> str:
    d = re.sub(r"\D", "", text)
    return "0" + d[2:] if d.startswith("62") else d


def registered_contact(f: Finding, contacts: tuple[str, ...]) -> bool:
    """The finding is one of the agency's registered contacts (digits for phones, text otherwise)."""
    if f.label == "PHONE":
        mine = _digits(f.text)
        return bool(mine) and any(_digits(c) == mine for c in contacts if len(_digits(c)) >= 3)
    mine = " ".join(f.text.lower().split())
    return any(c and (" ".join(c.lower().split()) in mine or mine in " ".join(c.lower().split()))
               for c in contacts if len(c.strip()) >= 6)


def service_line(page: Page, start: int) -> bool:
    """A service label ("Call Center", "Humas Polres", "Pusat Layanan") before the contact on its line,
    with no private cue ("saya", "pelapor", "atas nama") between them."""
    a, _ = line_of(page, start)
    before = page.text[max(a, start - SERVICE_REACH):start]
    labels = list(SERVICE_LINE.finditer(before))
    return bool(labels) and not PRIVATE_CUE.search(before[labels[-1].end():])


def directory_row(page: Page, offset: int) -> bool:
    """A contact in a directory row that names a unit of the agency ("Bagian Umum | (024) 351...")."""
    cell = page.cell_at(offset)
    if cell is not None:
        row = [c for c in page.row_cells(cell.table, cell.row) if c is not cell]
        return any(UNIT_WORDS.match(c.text) for c in row) and not any(PRIVATE_CUE.search(c.text) for c in row)
    a, _ = line_of(page, offset)
    head = page.text[a:offset]
    return bool(UNIT_WORDS.match(head)) and not PRIVATE_CUE.search(head)


def line_of(page: Page, offset: int) -> tuple[int, int]:
    text = page.text
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _around(page: Page, start: int, end: int, before: int, after: int) -> str:
    return page.text[max(0, start - before):end + after]


def in_letterhead(page: Page, offset: int) -> bool:
    """True inside the kop surat: a DOCX page header, or the institution block opening a page."""
    seg = page.textmap.segment_at(offset)
    if seg is not None and seg.kind == "header":
        return True
    if seg is not None and seg.kind not in ("body", "table"):
        return False
    text, cut = page.text, -1
    for _ in range(9):  # the first nine lines, without copying the rest (a sheet page is long)
        cut = text.find("\n", cut + 1)
        if cut < 0:
            break
    head_text = text if cut < 0 else text[:cut]
    index = text.count("\n", 0, min(offset, len(head_text) + 1))  # line number of the offset (9 = below)
    head = head_text.split("\n")[:9]
    if not head or not LETTERHEAD_START.match(head[0].strip()):
        return False
    for i, line in enumerate(head):
        stripped = line.strip()
        kop_like = (stripped.isupper() or CONTACT_WORDS.search(stripped) or INSTITUTION_WORDS.search(stripped)) \
            and ":" not in stripped[:25]
        if not kop_like:
            return index < i
        if i == index:
            return True
    return False


def institutional_email(address: str) -> bool:
    local, _, domain = address.lower().partition("@")
    return bool(PUBLIC_DOMAINS.search(domain) or ROLE_MAILBOXES.match(local))


def institutional_line(page: Page, start: int, end: int) -> bool:
    """A contact on a line that names an institution's service (PPID, layanan, call center...)."""
    a, b = line_of(page, start)
    a = max(a, start - 160)
    line = page.text[a:min(b, end + 60)]
    return bool(INSTITUTION_WORDS.search(line) and CONTACT_WORDS.search(line))


def office_address(page: Page, f: Finding) -> bool:
    """An address without RT/RW near words that name an office or venue (Yth. PPID..., Gedung ...)."""
    if RESIDENTIAL.search(f.text):
        return False
    a, _ = line_of(page, f.start)
    before = page.text[max(0, a - 120):f.start]
    return bool(OFFICE_PLACE.search(before))


def official_in_table_row(page: Page, offset: int) -> bool:
    """A name in a table row whose 'Jabatan' column holds an official title (a delegation list)."""
    cell = page.cell_at(offset)
    if cell is None:
        return False
    for other in page.row_cells(cell.table, cell.row):
        if "jabatan" in other.header.lower():
            return bool(OFFICIAL_TITLE.search(other.text))
    return False


SIGNER_INTRO = re.compile(r"(yang )?bertanda ?tangan di ?bawah ini", re.I)
SUBJECT_INTRO = re.compile(r"menerangkan|menyatakan|dengan ini|bahwa", re.I)
JABATAN_LINE = re.compile(r"jabatan\s*[:：]\s*([^\n]*)", re.I)


def signing_official(page: Page, f: Finding) -> bool:
    """'Yang bertanda tangan di bawah ini: Nama: X, Jabatan: Lurah ...': X signs in office.

    The person the letter is about comes after 'menerangkan bahwa' and stays private.
    """
    before = page.text[max(0, f.start - 160):f.start]
    intros = list(SIGNER_INTRO.finditer(before))
    intro = intros[-1] if intros else None  # the nearest introduction before the name
    if intro is None or SUBJECT_INTRO.search(before[intro.end():]):
        return False
    jabatan = JABATAN_LINE.search(page.text[f.end:f.end + 200])
    return bool(jabatan and OFFICIAL_TITLE.search(jabatan.group(1)))


def in_signature_block(page: Page, offset: int) -> bool:
    """A NIP/NRP written as 'NIP. 1985...' (no colon) on its own line, as under a signature.

    A form field ('NIP : 1985...') is the employee's own record and stays private. The line above
    (the name, or the title when OCR lost the name under the ink) must not be a form field either.
    """
    a, _ = line_of(page, offset)
    prefix = page.text[a:offset]
    if not SIGNATURE_ID.search("\n" + prefix.split("\t")[-1]):
        return False
    previous = page.text[:a].rstrip("\n").rsplit("\n", 1)[-1]
    name_line = previous.split("\t")[-1].strip()
    return bool(name_line) and ":" not in name_line


def _is_configured_official(text: str, settings: Settings) -> bool:
    low = " ".join(text.lower().split())
    return any(o and (o.lower() in low or low in o.lower()) for o in settings.officials)
