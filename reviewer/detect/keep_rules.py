"""Public-by-nature information: letterhead, institutional contacts, officials in office.

`judge` looks at a finding in its surroundings and, when the information is public by nature,
turns it into `keep` with the reason. It never drops a finding: the reviewer sees both what
was found and why it stays open.
"""

from __future__ import annotations

import re

from reviewer.core import lexicon
from reviewer.core.model import Document, Finding, Page
from reviewer.core.settings import Settings

PASAL_18 = "Pasal 18 ayat (2) huruf b UU 14/2008: terkait jabatan publik"
# Words on a line that mark it as an institution's contact line (letterhead, footer, service info).
CONTACT_WORDS = re.compile(
    r"\b(telepon|telp|tlp|faks|faksimile|fax|laman|website|situs|pos-el|surel|e-mail|email|kode pos|"
    r"call center|hotline|whatsapp|wa)\b", re.I)
INSTITUTION_WORDS = re.compile(
    r"(\.go\.id\b|\.mil\.id\b|\bkantor\b|\bdinas\b|\bbadan\b|\bsekretariat\b|\bppid\b|\blayanan\b|\bpengaduan\b|"
    r"\bhumas\b|\bbalai kota\b|\bgedung\b|\bpemerintah\b|\bkementerian\b|\bkecamatan\b|\bkelurahan\b|"
    r"\bpuskesmas\b|\brsud\b|\bcall center\b|\bhotline\b|\bext\.)", re.I)
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


def judge(document: Document, page: Page, finding: Finding, settings: Settings) -> Finding:
    if finding.action == "keep" or finding.label in ("PASSAGE", "UNREADABLE"):
        return finding
    reason = _public_reason(document, page, finding, settings)
    if reason is None:
        return finding
    return finding.replace(action="keep", reasons=finding.reasons + (f"tetap terbuka: {reason}",))


def _public_reason(document: Document, page: Page, f: Finding, settings: Settings) -> str | None:
    label = f.label
    if label in ("PHONE", "EMAIL", "ADDRESS"):
        if in_letterhead(page, f.start):
            return "kop surat (alamat/kontak resmi instansi)"
        if label == "EMAIL" and institutional_email(f.text):
            return "alamat surel instansi"
        if institutional_line(page, f.start, f.end):
            return "kontak/alamat resmi instansi"
        if label == "ADDRESS" and office_address(page, f):
            return "alamat kantor/tempat kegiatan, bukan tempat tinggal pribadi"
    if label in ("NIP", "NIK") and in_signature_block(page, f.start):
        return f"NIP pejabat pada blok tanda tangan ({PASAL_18})"
    if label == "NIP" and f.source == "pattern:nrp" and RANKS.search(_around(page, f.start, f.end, 60, 40)):
        return f"NRP aparat yang bertugas dalam jabatannya ({PASAL_18})"
    if label in ("BANK_ACCOUNT", "NPWP") and AGENCY_ACCOUNT.search(_around(page, f.start, f.end, 120, 10)):
        return "rekening/NPWP milik instansi, bukan orang pribadi"
    if label == "PLATE" and OFFICIAL_VEHICLE.search(_around(page, f.start, f.end, 80, 0)):
        return "kendaraan dinas (aset instansi)"
    if label == "PERSON" and _is_configured_official(f.text, settings):
        return f"pejabat yang terdaftar instansi ({PASAL_18})"
    if label == "PERSON" and official_in_table_row(page, f.start):
        return f"pejabat dalam jabatannya menurut kolom jabatan ({PASAL_18})"
    if label == "PERSON" and signing_official(page, f):
        return f"pejabat yang menandatangani dalam jabatannya ({PASAL_18})"
    return None


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
    index = page.text.count("\n", 0, offset)  # line number of the offset
    head = page.text.split("\n", 9)[:9]
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
    for other in page.cells:
        if other.table == cell.table and other.row == cell.row and "jabatan" in other.header.lower():
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
