"""The statutory text of UU 14/2008 Pasal 17 per huruf and angka, and names of the kinds of data."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "pasal17.yaml"
CODE = re.compile(r"^17([a-j])(\d{0,2})$")

# A finding scored at or above this is suggested for redaction; below it, a person must look.
REDACT_AT = 0.7

# Other laws commonly read with huruf j, suggested for the officer to confirm (never asserted).
OTHER_LAWS_HINT = {
    "NIK": "UU 24/2013 tentang Administrasi Kependudukan; UU 27/2022 tentang Pelindungan Data Pribadi",
    "KK": "UU 24/2013 tentang Administrasi Kependudukan; UU 27/2022 tentang Pelindungan Data Pribadi",
    "NPWP": "UU Ketentuan Umum dan Tata Cara Perpajakan (rahasia wajib pajak)",
}


@lru_cache(maxsize=1)
def _law() -> dict:
    from reviewer.core import yamlfile

    with open(DATA, encoding="utf-8") as fh:
        return yamlfile.safe_load(fh)


def parts(code: str) -> tuple[str, str]:
    """("h", "2") for "17h2"; ("", "") for anything else."""
    m = CODE.match(code or "")
    return (m.group(1), m.group(2)) if m else ("", "")


def citation(code: str) -> str:
    """ "Pasal 17 huruf h angka 2 UU No. 14 Tahun 2008" """
    huruf, angka = parts(code)
    if not huruf:
        return code
    return f"Pasal 17 huruf {huruf}" + (f" angka {angka}" if angka else "") + " UU No. 14 Tahun 2008"


def statute(code: str) -> str:
    """The text of the huruf, followed by the text of the angka when one is cited."""
    huruf, angka = parts(code)
    entry = _law()["huruf"].get(huruf)
    if not entry:
        return ""
    text = " ".join(entry["teks"].split())
    points = entry.get("angka") or {}
    if angka and int(angka) in points:
        return text + f" … {angka}. " + " ".join(str(points[int(angka)]).split())
    # no angka cited: all of them, so the officer can name the one that applies
    return text + "".join(f" {n}. " + " ".join(str(t).split()) for n, t in sorted(points.items()))


def topic(code: str) -> str:
    """The text of the cited angka alone ("" without one)."""
    huruf, angka = parts(code)
    points = (_law()["huruf"].get(huruf) or {}).get("angka") or {}
    return " ".join(str(points[int(angka)]).split()).rstrip(";.").removesuffix(" dan/atau").rstrip(";") \
        if angka and int(angka) in points else ""


def summary(code: str) -> str:
    huruf, _ = parts(code)
    entry = _law()["huruf"].get(huruf)
    return entry["ringkas"] if entry else ""
