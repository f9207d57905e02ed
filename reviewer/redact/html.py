"""HTML redaction: decided stretches cut from the text and attributes they are in, comments dropped.

Units are found again with `reviewer.extract.html.units` and cut through `reviewer.redact.slots`.
HTML comments (never shown, often left-over drafts) are removed. The page is written back in the
encoding it was read with (characters that encoding lacks as character references) and with its
doctype; scripts and styles stay as they were, and the byte search of the verification fails
the export if a redacted string is in them.
"""

from __future__ import annotations

from lxml import etree

from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.extract.html import parse, slots, units
from reviewer.redact import slots as slot_cut
from reviewer.redact.odt import remove_keep_tail
from reviewer.redact.outcome import Check, Outcome

WHERE = {"body": "teks halaman", "table": "tabel", "title": "judul halaman", "meta": "tag meta",
         "alt": "atribut (alt/title)"}


def redact_html(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    edits, outcome = slot_cut.plan(document, decisions, WHERE)
    with open(document.path, "rb") as fh:
        root, encoding, doctype = parse(fh.read())
    slot_cut.apply({"html": units(root)}, slots, edits, settings)
    comments = [c for c in root.iter(etree.Comment)]
    for c in comments:
        remove_keep_tail(c)
    text = etree.tostring(root, method="html", encoding="unicode")
    encoding = {"utf-8-sig": "utf-8", "utf-16": "utf-8"}.get(encoding, encoding)
    with open(out_path, "wb") as out:
        out.write(((doctype + "\n") if doctype else "").encode("ascii", "replace"))
        out.write(text.encode(encoding, "xmlcharrefreplace"))
    outcome.notes += [f"teks/atribut dihitamkan: {len(edits)}", f"komentar HTML dihapus: {len(comments)}"]
    return outcome


def html_checks(path: str) -> list[Check]:
    with open(path, "rb") as fh:
        root, _, _ = parse(fh.read())
    n = sum(1 for _ in root.iter(etree.Comment))
    return [Check("tanpa komentar HTML", "lxml", not n, "tidak ada" if not n else f"DITEMUKAN: {n} komentar")]
