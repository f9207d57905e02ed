"""Names people and archives give files, made safe to store and show.

A name is only ever a label (originals are stored under their SHA-256), but it is shown in the UI,
put in reports and used for export file names: no folders, no control or direction-override
characters (a right-to-left override, U+202E, makes `surat<RLO>fdp.exe` look like a PDF), no leading
dots, bounded length.
"""

from __future__ import annotations

import unicodedata

MAX_LENGTH = 200


def visible(text: str) -> str:
    """`text` with control, format and direction-override characters shown as spaces (for HTML
    reports that show archive paths as they are)."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)


def display_name(raw: str, fallback: str = "dokumen") -> str:
    """The last path component of `raw`, NFC, with control/format characters and runs of spaces
    removed; `fallback` when nothing is left."""
    name = unicodedata.normalize("NFC", raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = " ".join(visible(name).split()).lstrip(".").strip()
    if len(name) > MAX_LENGTH:
        stem, dot, ext = name.rpartition(".")
        keep = ext if dot and len(ext) <= 10 else ""
        name = name[: MAX_LENGTH - len(keep) - 1].rstrip() + ("." + keep if keep else "")
    return name or fallback
