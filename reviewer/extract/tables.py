"""What PDF and DOCX tables have in common: deciding whether the first row holds column headers."""

from __future__ import annotations

import re


def is_header_row(texts: list[str]) -> bool:
    """True when the first row reads as column headers ("No | Nama | NIK | Alamat").

    Form tables ("Nama | : | Ayu") and tables whose first row is already data have no header
    row; treating their first cell as a header would label every cell below it.
    """
    cells = [" ".join(t.split()) for t in texts]
    filled = [t for t in cells if t]
    if len(filled) < 2 or any(t in (":", "：") for t in cells):
        return False
    if any(len(t) > 40 or t.endswith(":") for t in filled):
        return False
    if any(re.search(r"\d{4}", t) or "@" in t for t in filled):
        return False  # years, identity numbers, e-mail addresses: a data row
    numeric = sum(bool(re.fullmatch(r"[\d\s.,/-]+", t)) for t in filled)
    return numeric <= 1
