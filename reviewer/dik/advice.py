"""Known conflicts with the law in DIK rows (legal-reference §1.3–1.5, §2.4, §2.5), as advice.

Nothing here blocks a row: the PPID decides. Each piece of advice names what looks wrong, what
the law says and where, and what to do instead. `warning` = conflicts with the law;
`info` = the row is incomplete (no decree, no consequences recorded, no period).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.dik.model import NOT_PERMANENT, DikRow, huruf, valid_code


@dataclass(frozen=True)
class Advice:
    code: str
    severity: str  # warning, info
    message: str
    source: str = ""


def _has(text: str, pattern: str) -> bool:
    return re.search(pattern, text, re.I) is not None


_CONTRACT = r"\b(?:kontrak|perjanjian|pks|mou|nota kesepahaman|dokumen (?:pengadaan|lelang|tender|penawaran))\b"
_NARROW = (r"\b(?:rincian|klausul|yang memuat|bagian|data pribadi|rekening|harga satuan|identitas|jaminan bank|"
           r"laporan keuangan (?:penyedia|peserta)|nomor)\b")
_HPS = r"\b(?:hps|harga perkiraan sendiri|pagu(?: anggaran)?|nilai (?:total|kontrak))\b"
_HPS_DETAIL = r"\b(?:rincian|harga satuan|analisa harga|breakdown)\b"
_IDENTITY = r"\b(?:nik|nomor induk kependudukan|kartu keluarga|ktp|identitas pribadi|biodata|data pribadi|" \
            r"data kependudukan)\b"
_FAMILY = r"\b(?:keluarga|anak|istri|suami|orang tua|ahli waris)\b"
_MONEY = r"\b(?:gaji|tunjangan|penghasilan|pendapatan pegawai|rekening|slip gaji|harta kekayaan|remunerasi)\b"
_HEALTH = r"\b(?:rekam medis|riwayat (?:kesehatan|penyakit)|diagnos\w*|pengobatan|kesehatan (?:fisik|jiwa|psikis))\b"
_DISCIPLINE = r"\b(?:hukuman disiplin|sanksi disiplin|pelanggaran disiplin|penjatuhan hukuman)\b"
_AGENCY_MONEY = r"\b(?:realisasi (?:belanja|anggaran)|anggaran|apbd|apbn|dipa|rka|belanja (?:modal|barang|blu))\b"
_NOT_EXEMPT = (r"\b(?:putusan (?:pengadilan|badan peradilan)|surat edaran|peraturan (?:daerah|wali ?kota|bupati|"
               r"gubernur|menteri)|sp3|surat perintah penghentian (?:penyidikan|penuntutan))\b")
_BELOW_STATUTE = r"\b(?:perpres|pp|peraturan pemerintah|permen\w*|perkap|perki|perda|perwal|perbup|pergub|keppres|sk)\b"
_STATUTE = r"\b(?:uu|undang[- ]undang|kuhp|kuhap|kearsipan|adminduk|pdp|kup)\b"


def check_row(row: DikRow) -> list[Advice]:
    """Every piece of advice for one row, most serious first."""
    out: list[Advice] = []
    for check in (_whole_document, _total_hps, _personal_data, _citations, _not_exemptible, _pasal20,
                  _completeness):
        out.extend(check(row))
    return sorted(out, key=lambda a: a.severity != "warning")


def check_rows(rows) -> list[tuple[DikRow, list[Advice]]]:
    return [(row, check_row(row)) for row in rows]


def _whole_document(row: DikRow) -> list[Advice]:
    info = row.information
    if not _has(info, _CONTRACT) or _has(info, _NARROW) or _has(info, _HPS):
        return []
    return [Advice(
        "whole_document", "warning",
        "Seluruh dokumen kontrak/perjanjian/pengadaan dikecualikan. Perjanjian badan publik dengan pihak ketiga "
        "wajib tersedia setiap saat, dan pengecualian sebagian tidak boleh menjadi alasan menutup seluruh "
        "salinan: kecualikan hanya bagian yang sensitif (rincian harga satuan sebelum tender ditutup, rekening, "
        "jaminan bank, data pribadi) dan hitamkan bagian itu saja. / Whole contract or procurement documents "
        "exempted: contracts are open; redact only the sensitive parts.",
        "UU 14/2008 Pasal 11 ayat (1) huruf e; Perki 1/2021 (pengecualian sebagian); "
        "Permenko 2/2025 Pasal 39 ayat (3)")]


def _total_hps(row: DikRow) -> list[Advice]:
    if not _has(row.information, _HPS) or _has(row.information, _HPS_DETAIL):
        return []
    return [Advice(
        "total_hps", "warning",
        "Nilai total HPS/pagu/nilai kontrak tidak rahasia: \"Nilai HPS bersifat terbuka dan tidak bersifat "
        "rahasia\". Yang dapat dikecualikan hanya rincian harga satuan (sebelum tender ditutup) dan rincian "
        "penawaran peserta. / Total HPS is open by law; only the unit-price breakdown may be exempt.",
        "Perpres 16/2018 Pasal 26 ayat (3)")]


def _personal_data(row: DikRow) -> list[Advice]:
    info, codes = row.information, set(row.codes)
    out = []
    if _has(info, _IDENTITY) and "17h1" in codes and not _has(info, _FAMILY):
        out.append(Advice(
            "identity_h1", "warning",
            "Nomor identitas/data pribadi dikutip dengan huruf h angka 1, padahal angka 1 adalah riwayat dan "
            "kondisi anggota keluarga. NIK, KK dan nomor identitas lain dilindungi huruf j (UU 23/2006 "
            "Administrasi Kependudukan, UU 27/2022 Pelindungan Data Pribadi). / Identity numbers are huruf j, "
            "not huruf h angka 1.", "UU 14/2008 Pasal 17 huruf h angka 1, huruf j"))
    elif _has(info, _IDENTITY) and not any(huruf(c) in ("h", "j") for c in codes):
        out.append(Advice(
            "personal_wrong_huruf", "warning",
            "Data pribadi dikutip tanpa huruf h atau j. Data pribadi termasuk Pasal 17 huruf h (angka sesuai "
            "isinya) dan/atau huruf j (UU Adminduk, UU PDP). / Personal data belongs under huruf h or j.",
            "UU 14/2008 Pasal 17 huruf h, huruf j"))
    if _has(info, _MONEY) and "17h3" not in codes:
        out.append(Advice(
            "money_h3", "warning",
            "Gaji, tunjangan, penghasilan dan rekening seseorang adalah huruf h angka 3 (kondisi keuangan, aset, "
            "pendapatan, dan rekening bank seseorang). / A person's pay and accounts are huruf h angka 3.",
            "UU 14/2008 Pasal 17 huruf h angka 3"))
    if _has(info, _HEALTH) and "17h2" not in codes:
        out.append(Advice(
            "health_h2", "warning",
            "Data kesehatan seseorang adalah huruf h angka 2 (riwayat, kondisi dan perawatan, pengobatan kesehatan "
            "fisik dan psikis). / Health data is huruf h angka 2.", "UU 14/2008 Pasal 17 huruf h angka 2"))
    if _has(info, _DISCIPLINE) and "17h5" in codes:
        out.append(Advice(
            "discipline_h5", "warning",
            "Huruf h angka 5 adalah catatan pendidikan formal/nonformal. Hukuman disiplin lebih tepat huruf h "
            "angka 4 (hasil evaluasi) atau huruf j melalui UU ASN / PP 94/2021. / Discipline is not angka 5.",
            "UU 14/2008 Pasal 17 huruf h angka 4 dan 5"))
    if _has(info, _AGENCY_MONEY) and "17h3" in codes and not _has(info, _MONEY):
        out.append(Advice(
            "agency_money_h3", "warning",
            "Huruf h angka 3 melindungi keuangan seseorang, bukan anggaran atau belanja badan publik; anggaran "
            "dan realisasinya pada umumnya informasi yang wajib diumumkan. / huruf h angka 3 is a person's "
            "finances, not agency spending.", "UU 14/2008 Pasal 17 huruf h angka 3"))
    return out


def _citations(row: DikRow) -> list[Advice]:
    out = []
    text = row.basis_text
    if _has(text, r"\b322\b") and _has(text, r"\bkuhap\b|\b8/1981\b|8 tahun 1981"):
        out.append(Advice(
            "kuhap_322", "warning",
            "Pasal 322 (membuka rahasia jabatan) ada dalam KUHP, bukan KUHAP (UU 8/1981). / Article 322 is in "
            "the Criminal Code (KUHP), not the Criminal Procedure Code (KUHAP).", "KUHP Pasal 322"))
    for code in row.codes:
        if not valid_code(code):
            out.append(Advice("invalid_code", "warning",
                              f"Kode {code} tidak ada dalam Pasal 17 (angka per huruf: a 1–5, c 1–7, e 1–7, f 1–4, "
                              "h 1–5; b, d, g, i, j tanpa angka). / No such point in Pasal 17.",
                              "UU 14/2008 Pasal 17"))
    others = row.basis.other_laws
    if others and not any(_has(o, _STATUTE) for o in others) and any(_has(o, _BELOW_STATUTE) for o in others) \
            and not row.codes:
        out.append(Advice(
            "below_statute", "warning",
            "Dasar hukum hanya peraturan di bawah undang-undang. Huruf j hanya berlaku untuk informasi yang tidak "
            "boleh diungkapkan berdasarkan Undang-Undang; kutip huruf Pasal 17 yang sesuai. / Only a statute "
            "(Undang-Undang) can ground huruf j.", "UU 14/2008 Pasal 17 huruf j"))
    if not row.codes and not others:
        out.append(Advice("no_basis", "warning",
                          "Tidak ada dasar hukum pengecualian (Pasal 17 huruf … atau undang-undang lain). / "
                          "No legal basis given.", "UU 14/2008 Pasal 17"))
    return out


def _not_exemptible(row: DikRow) -> list[Advice]:
    if not _has(row.information, _NOT_EXEMPT):
        return []
    return [Advice(
        "pasal18", "warning",
        "Putusan badan peradilan, keputusan, peraturan, surat edaran dan surat perintah penghentian penyidikan "
        "atau penuntutan tidak termasuk informasi yang dikecualikan; hanya data pribadi di dalamnya yang dapat "
        "dihitamkan. / Court rulings, regulations, circulars and SP3 are not exempt information.",
        "UU 14/2008 Pasal 18 ayat (1)")]


def _pasal20(row: DikRow) -> list[Advice]:
    temporary = sorted({huruf(c) for c in row.codes} & NOT_PERMANENT)
    kind = row.duration.kind
    if not temporary or kind not in ("permanent", "while_valid", "unspecified"):
        return []
    letters = ", ".join(temporary)
    return [Advice(
        "pasal20", "warning" if kind == "permanent" else "info",
        f"Pengecualian berdasarkan huruf {letters} tidak bersifat permanen; tetapkan jangka waktu atau peristiwa "
        "yang mengakhirinya, agar dapat ditinjau ulang ketika berakhir. / Exemptions under huruf a–f are not "
        "permanent: set a period or an ending event.", "UU 14/2008 Pasal 20 ayat (1)")]


def _completeness(row: DikRow) -> list[Advice]:
    out = []
    if row.status == "ditetapkan" and not row.decree.number:
        out.append(Advice(
            "no_decree", "info",
            "Belum ada nomor penetapan. Penetapan klasifikasi memuat jenis informasi, pejabat PPID yang "
            "menetapkan, badan publik/unit kerja, jangka waktu, alasan, serta tempat dan tanggal penetapan. / "
            "No decree number recorded.", "PP 61/2010; Perki 1/2017 Pasal 4 ayat (4)"))
    if not (row.if_opened or row.if_closed or row.reason):
        out.append(Advice(
            "no_consequence", "info",
            "Hasil uji konsekuensi tidak tercatat: isi konsekuensi bila informasi dibuka dan bila ditutup. / "
            "The consequence test is not recorded.", "UU 14/2008 Pasal 19; Perki 1/2021 Pasal 49"))
    if row.duration.kind == "unspecified" and not ({huruf(c) for c in row.codes} & NOT_PERMANENT):
        out.append(Advice("no_duration", "info", "Jangka waktu pengecualian belum diisi. / No duration given.",
                          "PP 61/2010 (jangka waktu pengecualian)"))
    return out
