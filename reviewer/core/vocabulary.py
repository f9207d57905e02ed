"""The reviewer's vocabulary: label, action, verdict and Pasal 17 basis names, in Indonesian and English.

One table each, as data: `reviewer/data/vocabulary.yaml` (labels, actions, verdicts) and
`reviewer/data/pasal17.yaml` (huruf and angka: short names beside the statutory text). The detectors'
reasons, the web UI, the HTML report, the CLI table, the redaction log and the uji konsekuensi all
name things through the functions here, so that a label or a basis is called the same everywhere.

    >>> label_name("PERSON")
    'Nama orang'
    >>> basis_name("17h2", "en")
    'health'
"""

from __future__ import annotations

import re
from pathlib import Path

from reviewer.core import yamlfile

DATA = Path(__file__).resolve().parent.parent / "data"
LANGS = ("id", "en")
# How a basis is written: "17" + huruf + optional angka ("17a", "17h2"); `is_basis` also checks the
# huruf and the angka exist in the statute.
BASIS_FORMAT = re.compile(r"^17([a-j])(\d{0,2})$")


def _load(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as fh:
        return yamlfile.safe_load(fh)


_VOCAB = _load("vocabulary.yaml")
_LAW = _load("pasal17.yaml")["huruf"]

LABELS: tuple[str, ...] = tuple(_VOCAB["labels"])
ACTIONS: tuple[str, ...] = tuple(_VOCAB["actions"])


def _basis_names() -> dict[str, dict[str, str]]:
    names: dict[str, dict[str, str]] = {}
    for huruf, entry in _LAW.items():
        names[f"17{huruf}"] = entry["nama"]
        for angka, name in (entry.get("nama_angka") or {}).items():
            names[f"17{huruf}{angka}"] = name
    return names


_BASIS_NAMES = _basis_names()
# The bases offered when a person picks one: every huruf, and the angka that have a short name.
BASES: tuple[str, ...] = tuple(sorted(_BASIS_NAMES, key=lambda c: (c[2], int(c[3:] or 0))))
_VALID = frozenset(_BASIS_NAMES) | {f"17{h}{n}" for h, e in _LAW.items() for n in (e.get("angka") or {})}


def _pick(names: dict[str, str] | None, lang: str, fallback: str) -> str:
    if not names:
        return fallback
    return names.get(lang) or names["id"]


def label_name(label: str, lang: str = "id") -> str:
    """What a label is called ("Nama orang"); an unknown label is shown as itself."""
    return _pick((_VOCAB["labels"].get(label) or {}).get("name"), lang, label)


def label_description(label: str, lang: str = "id") -> str:
    """One phrase saying what is withheld ("Nomor Induk Kependudukan (NIK)")."""
    return _pick((_VOCAB["labels"].get(label) or {}).get("description"), lang, label_name(label, lang))


def action_name(action: str, lang: str = "id") -> str:
    """"hitamkan" / "tinjau" / "biarkan" for a suggested action."""
    return _pick(_VOCAB["actions"].get(action), lang, action)


def verdict_name(verdict: str, lang: str = "id") -> str:
    """"dihitamkan" / "dibiarkan" for what a person decided."""
    return _pick(_VOCAB["verdicts"].get(verdict), lang, verdict)


def is_basis(code: str) -> bool:
    """True for "17a" … "17j" and for an angka the statute has ("17h2"; not "17h9" or "17b1")."""
    return code in _VALID


def basis_name(code: str, lang: str = "id") -> str:
    """The short name of a basis: the angka's when it has one, else its huruf's; "" when not a basis."""
    if not is_basis(code):
        return ""
    return _pick(_BASIS_NAMES.get(code) or _BASIS_NAMES[code[:3]], lang, code)


def basis_label(code: str, lang: str = "id") -> str:
    """ "17h2 — kesehatan", the way a basis is shown in lists, tables and charts; the code alone if unnamed."""
    name = basis_name(code, lang)
    return f"{code} — {name}" if name else code
