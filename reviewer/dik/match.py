"""Which DIK row covers a finding, and the basis text the reviewer sees on the suggestion.

A row covers a finding by what it is about (the finding's label named or implied in the row's
information, its keywords found near the finding) and by its legal basis (the same Pasal 17 code,
or the row's huruf covering the finding's angka). Subject matter is required for identifiers; for
passages (whose label says nothing) the basis alone can do. When no row covers a finding that is
suggested for redaction, the reviewer is told that a consequence test is needed first (Pasal 19),
and `proposal` drafts the row that test would produce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reviewer.core.reasons import Reason, reason
from reviewer.dik.expiry import expires_on
from reviewer.dik.model import CODE, DikRow, code_names, describe_code, format_basis, format_date

MATCH_AT = 0.45
SOURCE = "dik"  # the source of a match's reasons
PERSONAL = ("data pribadi", "rahasia pribadi", "biodata", "identitas")
_PERSONAL_SCORE = {"data pribadi": 0.45, "rahasia pribadi": 0.45, "biodata": 0.4, "identitas": 0.35}
# Words in a row's information that name a finding's label (legal-reference §4; §2.4 rows).
CUES: dict[str, tuple[str, ...]] = {
    "NIK": ("nik", "nomor induk kependudukan", "ktp", "e-ktp", "data kependudukan", "kependudukan"),
    "KK": ("kartu keluarga", "nomor kk", "data kependudukan", "kependudukan"),
    "NPWP": ("npwp", "wajib pajak", "data pajak"),
    "NIP": ("nip", "nomor induk pegawai", "data kepegawaian", "kepegawaian", "data pegawai"),
    "PASSPORT": ("paspor",),
    "SIM": ("sim", "surat izin mengemudi"),
    "BPJS": ("bpjs", "jaminan kesehatan", "kepesertaan"),
    "PHONE": ("telepon", "nomor hp", "handphone", "ponsel", "kontak pribadi", "nomor kontak"),
    "EMAIL": ("email", "e-mail", "surel", "kontak pribadi"),
    "ADDRESS": ("alamat", "tempat tinggal", "domisili"),
    "DATE_OF_BIRTH": ("tanggal lahir", "tempat tanggal lahir", "tempat/tanggal lahir", "umur", "usia"),
    "BANK_ACCOUNT": ("rekening", "nomor rekening", "data bank", "gaji", "tunjangan", "penghasilan"),
    "CARD_NUMBER": ("kartu kredit", "kartu debit", "nomor kartu", "rekening"),
    "PLATE": ("nomor polisi", "plat nomor", "nomor kendaraan", "kendaraan"),
    "PERSON": ("nama", "pelapor", "saksi", "korban", "informan", "pemohon", "penerima"),
}
ENTITY_LABELS = frozenset(CUES)
# What a passage with a given basis is about, as a DIK row would name it (legal-reference §1.1, §6).
TOPICS: dict[str, tuple[str, ...]] = {
    "17a": ("penyidikan", "penyelidikan", "penegakan hukum", "pelapor", "saksi", "korban", "informan"),
    "17b": ("persaingan usaha", "kekayaan intelektual", "rahasia dagang", "penawaran", "harga satuan"),
    "17c": ("pertahanan", "keamanan negara", "intelijen", "persandian", "militer"),
    "17d": ("kekayaan alam", "cadangan", "mineral", "migas"),
    "17e": ("ketahanan ekonomi", "rencana awal", "nilai tukar", "suku bunga", "tanah", "investasi", "tarif"),
    "17f": ("hubungan luar negeri", "diplomatik", "negosiasi internasional"),
    "17g": ("akta otentik", "wasiat", "akta"),
    "17h1": ("keluarga",), "17h2": ("kesehatan", "medis", "penyakit", "pengobatan", "psikis"),
    "17h3": ("keuangan", "rekening", "gaji", "penghasilan", "aset", "pendapatan"),
    "17h4": ("evaluasi", "penilaian", "kompetensi", "kapabilitas", "hasil tes", "hasil seleksi"),
    "17h5": ("pendidikan", "akademik", "ijazah", "transkrip"),
    "17h": ("data pribadi", "rahasia pribadi"),
    "17i": ("memorandum", "nota dinas", "surat antar", "surat intra", "rapat internal", "telaahan"),
}
_STOP = frozenset("yang dengan untuk dalam pada atau serta tidak dapat informasi dokumen data hasil proses "
                  "tentang terkait berupa antara lainnya milik badan publik".split())


@dataclass(frozen=True)
class DikMatch:
    """The row that covers a finding, how well, and why (coded reasons, `reviewer/data/reasons.yaml` dik.match.*)."""

    row: DikRow
    score: float
    reasons: tuple[Reason, ...]


def _has(text: str, phrase: str) -> bool:
    return _phrase(phrase).search(text) is not None


@lru_cache(maxsize=8192)
def _phrase(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", re.I)


def basis_score(code: str, row_codes) -> tuple[float, Reason | None]:
    """How well the finding's code agrees with the row's: exact, covered by the huruf, or partial."""
    m = CODE.match(code or "")
    if not m:
        return 0.0, None
    best, why = 0.0, None
    for rc in row_codes:
        r = CODE.match(rc)
        if not r or r.group(1) != m.group(1):
            continue
        if rc == code:
            return 0.4, reason("dik.match.same_basis", basis=code_names(code), source=SOURCE)
        if not r.group(2) and best < 0.3:
            best, why = 0.3, reason("dik.match.huruf_covers", row=code_names(rc), basis=code_names(code),
                                    source=SOURCE)
        elif not m.group(2) and best < 0.2:
            best, why = 0.2, reason("dik.match.angka_within", row=code_names(rc), basis=code_names(code),
                                    source=SOURCE)
    return best, why


def content_score(label: str, text: str, context: str, row: DikRow) -> tuple[float, list[Reason]]:
    about = f"{row.information} {row.group}"
    reasons: list[Reason] = []
    score = 0.0
    if label in row.labels:
        score, reasons = 0.6, [reason("dik.match.label", label=label, source=SOURCE)]
    for cue in CUES.get(label, ()):
        if score < 0.5 and _has(about, cue):
            score, reasons = 0.5, [reason("dik.match.cue", cue=cue, source=SOURCE)]
    if label in ENTITY_LABELS:
        for cue in PERSONAL:
            if score < _PERSONAL_SCORE[cue] and _has(about, cue):
                score, reasons = _PERSONAL_SCORE[cue], [reason("dik.match.personal", cue=cue, source=SOURCE)]
    near = f"{text} {context}"
    for keyword in row.keywords:
        if _has(near, keyword):
            score += 0.3
            reasons.append(reason("dik.match.keyword", keyword=keyword, source=SOURCE))
            break
    shared = [w for w in _in_order(about) if w in _words(context)][:2]
    if shared and score > 0:
        score += 0.1 * len(shared)
        reasons.append(reason("dik.match.topic", words=", ".join(shared), source=SOURCE))
    return score, reasons


def _passage_content(code: str, row: DikRow) -> tuple[float, list[Reason]]:
    """A passage's label says nothing; its basis says what it is about (health, finances …)."""
    about = f"{row.information} {row.group}"
    for key in (code, code[:3]):
        for cue in TOPICS.get(key, ()):
            if _has(about, cue):
                return 0.3, [reason("dik.match.passage_topic", cue=cue, basis=code_names(code), source=SOURCE)]
    return 0.0, []


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(_in_order(text))


@lru_cache(maxsize=4096)
def _in_order(text: str) -> tuple[str, ...]:
    """The topic words of a text, each once, in the order they come (so a reason names them in that order,
    not in the order of a set, which changes from one process to the next)."""
    return tuple(dict.fromkeys(w for w in re.findall(r"[a-z]{5,}", text.lower()) if w not in _STOP))


def match(finding, rows, context: str = "") -> DikMatch | None:
    """The row that best covers `finding` (label, basis, text), or None. Revoked rows never match."""
    best: DikMatch | None = None
    for row in rows:
        if row.status == "dicabut":
            continue
        content, reasons = content_score(finding.label, finding.text, context, row)
        basis, why = basis_score(finding.basis, row.codes)
        if finding.label not in ENTITY_LABELS:
            content, reasons = _passage_content(finding.basis, row)
            if basis < 0.3 or basis + content < 0.4:
                continue
        elif content <= 0:
            continue
        score = content + basis
        if score < MATCH_AT and finding.label in ENTITY_LABELS:
            continue
        reasons = reasons + [why or reason("dik.match.basis_differs", cited=row.basis_description() or "-",
                                           basis=code_names(finding.basis), source=SOURCE)]
        if best is None or score > best.score:
            best = DikMatch(row, round(score, 3), tuple(reasons))
    return best


@dataclass(frozen=True)
class BasisNote:
    """What the reviewer reads on a suggestion about its legal footing in the unit's DIK.

    kind: dik (a decreed row covers it), dik_proposed (a row not yet decreed), dik_expired (the row's
    period has ended), needs_test (no row: consequence test first), open (nothing to exempt).
    """

    kind: str
    text: str
    row: DikRow | None = None
    decree: str = ""


def note(finding, found: DikMatch | None, unit_name: str = "", today: date | None = None,
         document_date: date | None = None) -> BasisNote:
    if finding.action == "keep":
        return BasisNote("open", "")
    where = f"DIK {unit_name}" if unit_name else "DIK unit ini"
    if found is None:
        return BasisNote("needs_test", (
            f"Belum tercantum dalam {where}: lakukan uji konsekuensi (Pasal 19 UU 14/2008) sebelum informasi ini "
            "dikecualikan; setelah ditetapkan, hasilnya menjadi baris DIK. / Not in the unit's DIK: a consequence "
            "test (Pasal 19) is needed first."))
    row = found.row
    cite = f"{where} no. {row.number or '-'}: {row.information} — {row.basis_description() or '-'}"
    decree = row.decree.describe()
    if row.status == "usulan" or not decree:
        return BasisNote("dik_proposed", f"{cite}. Baris ini belum ditetapkan (usulan); tetapkan dulu setelah uji "
                                         "konsekuensi (Pasal 19).", row, decree)
    ends = expires_on(row, document_date)
    if ends is not None and today is not None and ends <= today:
        return BasisNote("dik_expired", f"{cite}. Ditetapkan dengan {decree}; jangka waktunya berakhir "
                                        f"{format_date(ends)}: tinjau ulang (Pasal 20).", row, decree)
    period = f" Jangka waktu: {row.duration.describe()}." if row.duration.describe() else ""
    return BasisNote("dik", f"{cite}. Ditetapkan dengan {decree}.{period}", row, decree)


# --- a proposed row, to start a consequence test from ------------------------------------------

SUBJECTS = {
    "NIK": ("Nomor Induk Kependudukan (NIK) perorangan", "UU Administrasi Kependudukan; UU 27/2022 tentang "
            "Pelindungan Data Pribadi"),
    "KK": ("Nomor Kartu Keluarga perorangan", "UU Administrasi Kependudukan; UU 27/2022 tentang Pelindungan "
           "Data Pribadi"),
    "NPWP": ("NPWP perorangan", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "NIP": ("NIP pegawai (di luar jabatan publik)", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "PASSPORT": ("Nomor paspor perorangan", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "SIM": ("Nomor SIM perorangan", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "BPJS": ("Nomor kepesertaan BPJS perorangan", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "PHONE": ("Nomor telepon pribadi", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "EMAIL": ("Alamat surel pribadi", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "ADDRESS": ("Alamat tempat tinggal perorangan", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "DATE_OF_BIRTH": ("Tanggal lahir perorangan", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "BANK_ACCOUNT": ("Nomor rekening bank perorangan", ""),
    "CARD_NUMBER": ("Nomor kartu pembayaran perorangan", ""),
    "PLATE": ("Nomor polisi kendaraan pribadi", "UU 27/2022 tentang Pelindungan Data Pribadi"),
    "PERSON": ("Nama dan identitas perorangan (di luar jabatan publik)", ""),
}


def proposal(finding, unit: str = "", source: str = "") -> DikRow:
    """A draft row (status 'usulan') for the consequence test a finding needs; a person completes it."""
    from reviewer.redact.uji import CLOSED, FILL, OPENED  # the wording of the redaction's draft test

    subject, law = SUBJECTS.get(finding.label, (f"Informasi {describe_code(finding.basis)}", ""))
    code = finding.basis if CODE.match(finding.basis or "") else ""
    basis = format_basis([code] if code else [], [law] if law else [])
    return DikRow(
        information=subject, basis_text=basis, status="usulan", unit=unit, labels=(finding.label,)
        if finding.label in ENTITY_LABELS else (),
        if_opened=f"{OPENED.get(code[2:3], FILL)} (draf: tinjau dan lengkapi)",
        if_closed=f"{CLOSED} (draf: tinjau dan lengkapi)",
        reason=f"Usulan dari temuan {finding.label} ({source})" if source else f"Usulan dari temuan {finding.label}")
