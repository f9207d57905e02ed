"""Validators for Indonesian identifiers. Each takes the matched surface text and returns
(valid, explanation). Registered by name in `REGISTRY` so pattern files can refer to them.

Structures follow `../shared/docs/legal-reference.md` §4; checksums come from python-stdnum
and phone ranges from phonenumbers rather than hand-written tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

Result = tuple[bool, str]
REGISTRY: dict[str, Callable[[str], Result]] = {}

DATA = Path(__file__).resolve().parents[1] / "data"
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8,
    "agt": 8, "ags": 8, "agst": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "oct": 10, "november": 11, "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12,
}
# Region letters of vehicle plates (legal-reference §4.10), new Papua codes included.
PLATE_REGIONS = set(
    "A B D E F G H K L M N P R S T W Z AA AB AD AE AG BA BB BD BE BG BH BK BL BM BN BP DA DB DC DD DE DG "
    "DH DK DL DM DN DR DT EA EB ED KB KH KT KU PA PB PG PS PT PY".split())


def register(name: str):
    def wrap(fn: Callable[[str], Result]) -> Callable[[str], Result]:
        REGISTRY[name] = fn
        return fn
    return wrap


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@lru_cache(maxsize=1)
def region_codes() -> dict[str, str]:
    """Kecamatan codes (6 digits, no dots) of every Kemendagri list 2016–2025 → latest name."""
    out = {}
    with open(DATA / "kode_wilayah_historis.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["level"] == "3":
                out[row["kode"].replace(".", "")] = row["nama_terakhir"]
    return out


def _valid_date(day: int, month: int, year2: int | None = None, year4: int | None = None) -> bool:
    years = [year4] if year4 else [1900 + year2, 2000 + year2]  # type: ignore[operator]
    for year in years:
        try:
            dt.date(year, month, day)
            return True
        except ValueError:
            continue
    return False


@register("nik")
def nik(text: str) -> Result:
    d = digits(text)
    if len(d) != 16:
        return False, "bukan 16 digit"
    region = region_codes().get(d[:6])
    if region is None:
        return False, f"kode wilayah {d[:6]} tidak dikenal"
    day, month, year = int(d[6:8]), int(d[8:10]), int(d[10:12])
    female = day > 40
    if female:
        day -= 40
    if not _valid_date(day, month, year2=year):
        return False, "tanggal lahir tidak valid"
    if d[12:] == "0000":
        return False, "nomor urut 0000"
    sex = "perempuan" if female else "laki-laki"
    return True, f"NIK: wilayah {d[:2]}.{d[2:4]}.{d[4:6]} ({region}), lahir {day:02d}-{month:02d}-{year:02d}, {sex}"


@register("kk")
def kk(text: str) -> Result:
    d = digits(text)
    if len(d) != 16:
        return False, "bukan 16 digit"
    region = region_codes().get(d[:6])
    if region is None:
        return False, f"kode wilayah {d[:6]} tidak dikenal"
    if d[12:] == "0000":
        return False, "nomor urut 0000"
    return True, f"16 digit, wilayah {region}"


@register("npwp")
def npwp(text: str) -> Result:
    from stdnum.id import npwp as std_npwp

    d = digits(text)
    if len(d) == 16 and d[0] != "0":
        ok, why = nik(d)
        return (True, "NPWP 16 digit (= NIK); " + why) if ok else (False, why)
    if len(d) not in (15, 16):
        return False, "NPWP harus 15 atau 16 digit"
    if std_npwp.is_valid(d):
        return True, f"NPWP {len(d)} digit, digit periksa Luhn cocok"
    return False, "digit periksa NPWP tidak cocok"


@register("nip")
def nip(text: str) -> Result:
    d = digits(text)
    if len(d) != 18:
        return False, "bukan 18 digit"
    by, bm, bd = int(d[:4]), int(d[4:6]), int(d[6:8])
    ty, tm, sex = int(d[8:12]), int(d[12:14]), d[14]
    if not _valid_date(bd, bm, year4=by) or not 1940 <= by <= 2010:
        return False, "tanggal lahir tidak valid"
    if not (1 <= tm <= 12 or tm == 21):  # 21: PPPK
        return False, "bulan TMT tidak valid"
    if ty < by + 17 or ty > 2035:
        return False, "tahun pengangkatan tidak masuk akal"
    if sex not in "12":
        return False, "kode jenis kelamin bukan 1/2"
    return True, f"NIP: lahir {bd:02d}-{bm:02d}-{by}, TMT {tm:02d}/{ty}"


@register("luhn")
def luhn(text: str) -> Result:
    from stdnum import luhn as std_luhn

    d = digits(text)
    if not 13 <= len(d) <= 19:
        return False, "panjang nomor kartu tidak valid"
    if len(set(d)) == 1:
        return False, "angka berulang"
    return (True, "digit periksa Luhn cocok") if std_luhn.is_valid(d) else (False, "Luhn gagal")


@register("card")
def card(text: str) -> Result:
    d = digits(text)
    if d[:1] not in "3456":
        return False, "awalan bukan jaringan kartu"
    ok, why = luhn(text)
    if ok and nik(d)[0]:
        return False, "lebih mirip NIK"
    return ok, why


@register("phone")
@lru_cache(maxsize=16384)  # the pattern and the column detector ask about the same cells; parsing is slow
def phone(text: str) -> Result:
    import phonenumbers
    from phonenumbers import PhoneNumberType, carrier, geocoder

    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return False, "bukan nomor telepon"
    if not phonenumbers.is_valid_number(number):
        return False, "nomor telepon tidak valid"
    kind = phonenumbers.number_type(number)
    if kind == PhoneNumberType.MOBILE:
        name = carrier.name_for_number(number, "id") or "seluler"
        return True, f"nomor seluler ({name})"
    where = geocoder.description_for_number(number, "id")
    return True, f"telepon tetap {where}".strip()


@register("mobile")
def mobile(text: str) -> Result:
    ok, why = phone(text)
    return (ok, why) if ok and "seluler" in why or not ok else (False, "bukan nomor seluler")


@register("plate")
def plate(text: str) -> Result:
    m = re.match(r"([A-Z]{1,2})\s*(\d{1,4})\s*([A-Z]{0,3})$", text.strip())
    if not m:
        return False, "bentuk TNKB tidak cocok"
    if m.group(1) not in PLATE_REGIONS:
        return False, f"kode wilayah {m.group(1)} tidak dikenal"
    return True, f"TNKB wilayah {m.group(1)}"


@register("date")
def date(text: str) -> Result:
    """A calendar date written in Indonesian ('14 Maret 1985', '14-03-1985', '1985-03-14')."""
    t = text.lower()
    m = re.search(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", t)
    if m and m.group(2) in MONTHS:
        ok = _valid_date(int(m.group(1)), MONTHS[m.group(2)], year4=int(m.group(3)))
        return (ok, "tanggal valid") if ok else (False, "tanggal tidak valid")
    m = re.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", t)
    if m:
        ok = _valid_date(int(m.group(3)), int(m.group(2)), year4=int(m.group(1)))
        return (ok, "tanggal valid") if ok else (False, "tanggal tidak valid")
    m = re.search(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})", t)
    if m:
        year = int(m.group(3))
        ok = _valid_date(int(m.group(1)), int(m.group(2)), year4=year if year > 99 else None,
                         year2=year if year <= 99 else None)
        return (ok, "tanggal valid") if ok else (False, "tanggal tidak valid")
    return False, "bukan tanggal"


@register("bank_account")
def bank_account(text: str) -> Result:
    d = digits(text)
    if not 8 <= len(d) <= 16:
        return False, "panjang nomor rekening tidak lazim"
    if len(set(d)) == 1:
        return False, "angka berulang"
    return True, f"{len(d)} digit"


@register("digits13")
def digits13(text: str) -> Result:
    d = digits(text)
    return (True, "13 digit") if len(d) == 13 else (False, "bukan 13 digit")


@register("sim")
def sim(text: str) -> Result:
    d = digits(text)
    if len(d) == 16:
        ok, why = nik(d)
        return (True, "SIM baru (= NIK); " + why) if ok else (False, why)
    return (True, f"SIM {len(d)} digit") if len(d) in (12, 14) else (False, "panjang SIM tidak valid")
