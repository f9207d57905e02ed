"""Plain text: UTF-8 first, then a detected legacy encoding; pages split on form feed."""

from __future__ import annotations

import re

from reviewer.core.errors import CorruptFile
from reviewer.core.model import Page, Word

_WORD = re.compile(r"\S+")


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        # cp1252 maps nearly every byte; Indonesian legacy files are mostly Windows-1252.
        return data.decode("cp1252", "replace"), "cp1252"
    return str(best), best.encoding


def extract_text(path: str) -> tuple[list[Page], dict]:
    with open(path, "rb") as fh:
        data = fh.read()
    if b"\x00" in data[:4096] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise CorruptFile("berkas biner, bukan teks / binary file, not text")
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = [page_from_text(i, chunk) for i, chunk in enumerate(text.split("\f"), start=1)]
    return pages, {"encoding": encoding}


def page_from_text(number: int, text: str) -> Page:
    words = tuple(Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text))
    return Page(number, text, words)
