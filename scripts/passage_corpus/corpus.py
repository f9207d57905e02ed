"""Build the synthetic corpus records (used by __main__ and by the tests)."""

from __future__ import annotations

from common import Gen
from documents import NEGATIVE, POSITIVE, negative, positive, render


def build(n_docs: int, seed: int):
    g = Gen(seed)
    genres = [("pos", k) for k in POSITIVE] + [("neg", k) for k in NEGATIVE]
    for i in range(n_docs):
        side, genre = genres[i % len(genres)]
        pool = "B" if g.chance(0.2) else "A"
        layout = g.pick(["pdf", "pdf", "docx", "txt"])
        blocks = positive(g, genre, pool) if side == "pos" else negative(g, genre, pool)
        text, spans = render(g, blocks, layout)
        for s in spans:
            assert text[s["start"]:s["end"]].strip(), (genre, s)
        yield {"id": f"syn-{seed}-{i:05d}", "source": "synthetic", "genre": genre,
               "template": f"{'heldout/' if pool == 'B' else ''}{genre}/{layout}", "complete": True,
               "text": text, "spans": spans}
