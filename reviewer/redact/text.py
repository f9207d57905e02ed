"""Plain text: every redacted span replaced by the marker, in the file's own encoding and line ends."""

from __future__ import annotations

from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.redact.labels import ASCII_BLOCK, BLOCK, marker
from reviewer.redact.outcome import Outcome


def redact_text(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    with open(document.path, "rb") as fh:
        data = fh.read()
    from reviewer.extract.text import decode

    original, encoding = decode(data)
    crlf = "\r\n" in original
    block = BLOCK if _encodes(BLOCK, encoding) else ASCII_BLOCK
    outcome = Outcome()
    pages = []
    for page in document.pages:
        spans = sorted((d.start, d.end, i, d) for i, d in enumerate(decisions) if d.page == page.number)
        pages.append(_replace(page.text, spans, settings, block, outcome))
    text = "\f".join(pages)
    if crlf:
        text = text.replace("\n", "\r\n")
    bom = data.startswith(b"\xef\xbb\xbf") and encoding == "utf-8-sig"
    payload = text.encode("utf-16" if encoding == "utf-16" else encoding.replace("-sig", ""), "replace")
    with open(out_path, "wb") as fh:
        fh.write((b"\xef\xbb\xbf" if bom else b"") + payload)
    if block != BLOCK:
        outcome.notes.append(f"penanda '{ASCII_BLOCK}' dipakai karena pengodean {encoding} tidak punya '█'")
    return outcome


def _replace(text: str, spans, settings: Settings, block: str, outcome: Outcome) -> str:
    out, pos = [], 0
    for start, end, index, d in spans:
        if start < pos:  # overlaps the previous redaction: extend it, no second marker
            pos = max(pos, end)
            outcome.places[index] += 1
            continue
        out += [text[pos:start], marker(d.basis, settings, block)]
        pos = end
        outcome.places[index] += 1
    out.append(text[pos:])
    return "".join(out)


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding.replace("-sig", ""))
        return True
    except (UnicodeEncodeError, LookupError):
        return False
