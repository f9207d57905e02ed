"""Presentations in the review: a slide page as a card.

A slide page keeps its shapes (`PageRecord.slide`, from `reviewer.extract.flow.slide_layout`): each
block its kind and its pieces of page text, a table its cells, and whether the slide is hidden. The
card shows the slide's number and title, its text blocks, tables as tables, alt text and shape
names, and the speaker notes in a section of their own, each piece cut at the findings it holds
(as the text view is). Pages scanned before slides kept their shapes have no blocks: the text view.
"""

from __future__ import annotations

from reviewer.review.columns import cut
from reviewer.store.records import PageRecord

SLIDE_KINDS = ("pptx", "odp")
OWN_SECTION = ("title", "notes")  # drawn in the card's head and foot, not among the blocks


def slide_view(record: PageRecord, findings: list[dict]) -> dict | None:
    """The card of a slide page for the template and its JSON twin; None for a page without blocks."""
    data = record.slide
    if not data or not data.get("blocks"):
        return None
    blocks = [_block(record.text, b, findings) for b in data["blocks"]]
    titles = [b for b in blocks if b["kind"] == "title"]
    return {"number": record.number, "hidden": bool(data.get("hidden")), "extra": data.get("extra", ""),
            "title": " ".join(record.text[a:b] for t in data["blocks"] if t["kind"] == "title"
                              for a, b in t["spans"]),
            "titles": titles, "blocks": [b for b in blocks if b["kind"] not in OWN_SECTION],
            "notes": [b for b in blocks if b["kind"] == "notes"]}


def _block(text: str, block: dict, findings: list[dict]) -> dict:
    if block["kind"] == "table" and block.get("cells"):
        return {"kind": "table", "rows": _table(text, block["cells"], findings)}
    return {"kind": block["kind"], "lines": [cut(text, a, b, findings) for a, b in block["spans"]]}


def _table(text: str, cells: list[list[int]], findings: list[dict]) -> list[list[list[dict]]]:
    """Rows of cells, each cell its text cut at its findings; a cell without text is empty."""
    at = {(c[0], c[1]): c for c in cells}
    rows, cols = sorted({c[0] for c in cells}), sorted({c[1] for c in cells})
    return [[cut(text, at[r, c][2], at[r, c][3], findings) if (r, c) in at else [] for c in cols] for r in rows]
