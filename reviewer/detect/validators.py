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

from reviewer.core.reasons import reason

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
        return False, reason("valid.not_16")
    region = region_codes().get(d[:6])
    if region is None:
        return False, reason("valid.region_unknown", region=d[:6])
    day, month, year = int(d[6:8]), int(d[8:10]), int(d[10:12])
    female = day > 40
    if female:
        day -= 40
    if not _valid_date(day, month, year2=year):
        return False, reason("valid.bad_birth_date")
    if d[12:] == "0000":
        return False, reason("valid.serial_zero")
    sex = {"id": "perempuan", "en": "female"} if female else {"id": "laki-laki", "en": "male"}
    return True, reason("valid.nik", region=f"{d[:2]}.{d[2:4]}.{d[4:6]}", place=region,
                        born=f"{day:02d}-{month:02d}-{year:02d}", sex=sex)


@register("kk")
def kk(text: str) -> Result:
    d = digits(text)
    if len(d) != 16:
        return False, reason("valid.not_16")
    region = region_codes().get(d[:6])
    if region is None:
        return False, reason("valid.region_unknown", region=d[:6])
    if d[12:] == "0000":
        return False, reason("valid.serial_zero")
    return True, reason("valid.kk", place=region)


@register("npwp")
def npwp(text: str) -> Result:
    from stdnum.id import npwp as std_npwp

    d = digits(text)
    if len(d) == 16 and d[0] != "0":
        ok, why = nik(d)
        return (True, reason("valid.npwp_nik", nik=why)) if ok else (False, why)
    if len(d) not in (15, 16):
        return False, reason("valid.npwp_length")
    if std_npwp.is_valid(d):
        return True, reason("valid.npwp", digits=len(d))
    return False, reason("valid.npwp_check")


@register("nip")
def nip(text: str) -> Result:
    d = digits(text)
    if len(d) != 18:
        return False, reason("valid.not_18")
    by, bm, bd = int(d[:4]), int(d[4:6]), int(d[6:8])
    ty, tm, sex = int(d[8:12]), int(d[12:14]), d[14]
    if not _valid_date(bd, bm, year4=by) or not 1940 <= by <= 2010:
        return False, reason("valid.bad_birth_date")
    if not (1 <= tm <= 12 or tm == 21):  # 21: PPPK
        return False, reason("valid.bad_tmt_month")
    if ty < by + 17 or ty > 2035:
        return False, reason("valid.bad_appointment_year")
    if sex not in "12":
        return False, reason("valid.bad_sex_code")
    return True, reason("valid.nip", born=f"{bd:02d}-{bm:02d}-{by}", tmt=f"{tm:02d}/{ty}")


@register("luhn")
def luhn(text: str) -> Result:
    from stdnum import luhn as std_luhn

    d = digits(text)
    if not 13 <= len(d) <= 19:
        return False, reason("valid.card_length")
    if len(set(d)) == 1:
        return False, reason("valid.repeated")
    return (True, reason("valid.luhn")) if std_luhn.is_valid(d) else (False, reason("valid.luhn_failed"))


@register("card")
def card(text: str) -> Result:
    d = digits(text)
    if d[:1] not in "3456":
        return False, reason("valid.card_prefix")
    ok, why = luhn(text)
    if ok and nik(d)[0]:
        return False, reason("valid.looks_like_nik")
    return ok, why


@register("phone")
@lru_cache(maxsize=16384)  # the pattern and the column detector ask about the same cells; parsing is slow
def phone(text: str) -> Result:
    import phonenumbers
    from phonenumbers import PhoneNumberType, carrier

    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return False, reason("valid.not_phone")
    if not phonenumbers.is_valid_number(number):
        return False, reason("valid.bad_phone")
    kind = phonenumbers.number_type(number)
    if kind == PhoneNumberType.MOBILE:
        name = carrier.name_for_number(number, "id")
        return True, reason("valid.mobile", carrier=name) if name else reason("valid.mobile_unknown")
    where = _place(number, kind)
    return True, reason("valid.landline", place=where) if where else reason("valid.landline_unknown")


def _place(number, kind) -> str:
    """`phonenumbers.geocoder.description_for_number(number, "id")`, from its Indonesian areas copied to
    `data/phone_areas.yaml`: the geocoder loads every country's names (100 MB, 0.4 s a process)."""
    import phonenumbers

    areas = _phone_areas()
    if number.country_code != areas["country_code"]:
        from phonenumbers import geocoder

        return geocoder.description_for_number(number, "id")
    if kind == phonenumbers.PhoneNumberType.UNKNOWN:
        return ""
    if not phonenumbers.is_number_type_geographical(kind, number.country_code):
        return areas["country"]
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
    longest = max(map(len, areas["areas"]))
    found = (areas["areas"].get(e164[:n]) for n in range(min(longest, len(e164)), 0, -1))
    return next((name for name in found if name is not None), areas["country"])


@lru_cache(maxsize=1)
def _phone_areas() -> dict:
    from reviewer.core import yamlfile

    with open(DATA / "phone_areas.yaml", encoding="utf-8") as fh:
        return yamlfile.safe_load(fh)


@register("mobile")
def mobile(text: str) -> Result:
    ok, why = phone(text)
    return (ok, why) if ok and "seluler" in why or not ok else (False, reason("valid.not_mobile"))


@register("plate")
def plate(text: str) -> Result:
    m = re.match(r"([A-Z]{1,2})\s*(\d{1,4})\s*([A-Z]{0,3})$", text.strip())
    if not m:
        return False, reason("valid.plate_shape")
    if m.group(1) not in PLATE_REGIONS:
        return False, reason("valid.region_unknown", region=m.group(1))
    return True, reason("valid.plate", region=m.group(1))


@register("date")
def date(text: str) -> Result:
    """A calendar date written in Indonesian ('14 Maret 1985', '14-03-1985', '1985-03-14')."""
    t = text.lower()
    m = re.search(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", t)
    if m and m.group(2) in MONTHS:
        ok = _valid_date(int(m.group(1)), MONTHS[m.group(2)], year4=int(m.group(3)))
        return (ok, reason("valid.date")) if ok else (False, reason("valid.bad_date"))
    m = re.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", t)
    if m:
        ok = _valid_date(int(m.group(3)), int(m.group(2)), year4=int(m.group(1)))
        return (ok, reason("valid.date")) if ok else (False, reason("valid.bad_date"))
    m = re.search(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})", t)
    if m:
        year = int(m.group(3))
        ok = _valid_date(int(m.group(1)), int(m.group(2)), year4=year if year > 99 else None,
                         year2=year if year <= 99 else None)
        return (ok, reason("valid.date")) if ok else (False, reason("valid.bad_date"))
    return False, reason("valid.not_date")


@register("bank_account")
def bank_account(text: str) -> Result:
    d = digits(text)
    if not 8 <= len(d) <= 16:
        return False, reason("valid.account_length")
    if len(set(d)) == 1:
        return False, reason("valid.repeated")
    return True, reason("valid.digits", digits=len(d))


@register("digits13")
def digits13(text: str) -> Result:
    d = digits(text)
    return (True, reason("valid.digits", digits=13)) if len(d) == 13 else (False, reason("valid.not_13"))


@register("sim")
def sim(text: str) -> Result:
    d = digits(text)
    if len(d) == 16:
        ok, why = nik(d)
        return (True, reason("valid.sim_nik", nik=why)) if ok else (False, why)
    return (True, reason("valid.sim", digits=len(d))) if len(d) in (12, 14) else (False, reason("valid.sim_length"))
