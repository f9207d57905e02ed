"""The lazy tokenizer gives the tokens of spaCy's full Indonesian tokenizer, and saves the same rules."""
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from reviewer.detect.ner import lazytok  # noqa: E402

DATA = Path(__file__).parent / "data"
TEXTS = [
    "Anak-anak itu bermain kupu-kupu di Jl. Kenanga, RT-02/RW-05; mereka-mereka (ANAK-ANAK) ber-anak-anakan.",
    "Kupu-Kupu terbang, sehari-hari Sehari-Hari SEHARI-HARI; tanggal 12-03-2024, pukul 10.00 WIB, e-mail -- x",
    "Dr. med. Budi mengatakan: ma'af, jum'at Jan. Feb. 3°C. \u00a0abu-abunya biru-biru-an--kuning-kuning.",
    "",
    "-" * 80 + " kira-kira" + "-" * 3,
]


def _texts():
    found = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(DATA.rglob("*.txt"))]
    return TEXTS + found


@pytest.fixture(scope="module")
def pair():
    full = spacy.blank("id")
    lazy = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": lazytok.NAME}}})
    return full, lazy


def _tokens(doc):
    return [(t.text, t.idx, t.norm_, t.whitespace_) for t in doc]


def test_same_tokens_as_the_full_tokenizer(pair):
    full, lazy = pair
    assert isinstance(lazy.tokenizer, lazytok.LazyHyphenTokenizer)
    assert len(lazy.tokenizer.deferred) > 10_000
    for text in _texts():
        assert _tokens(lazy.tokenizer(text)) == _tokens(full.tokenizer(text))
    assert len(lazy.tokenizer.deferred) > 10_000  # only the few strings the texts contain were added


def test_pipe_adds_rules_too(pair):
    full, lazy = pair
    texts = ["Orang-orang datang.", "Pagi-pagi sekali, Siang-Siang."]
    assert [_tokens(d) for d in lazy.tokenizer.pipe(texts)] == [_tokens(full.tokenizer(t)) for t in texts]


def test_serialised_rules_are_the_languages(pair):
    full = pair[0]  # tokenizing changes neither the full tokenizer's rules nor its bytes; building it takes seconds
    lazy = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": lazytok.NAME}}})  # fresh: no rule added yet
    assert lazy.tokenizer.rules == full.tokenizer.rules
    assert lazy.tokenizer.to_bytes(exclude=["vocab"]) == full.tokenizer.to_bytes(exclude=["vocab"])


def test_split_keeps_non_hyphen_rules_eager():
    eager, deferred = lazytok.split_rules({"a-b": [1], "Jan.": [2], "x": [3], "-a": [4]})
    assert deferred == {"a-b": [1]} and set(eager) == {"Jan.", "x", "-a"}


def test_cached_chunks_give_the_same_tokens(pair):
    full, lazy = pair
    text = "Jl. Kenanga No. 7, (Kel. Sumber) kupu-kupu; Kenanga, (Kel. Sumber) Jl. 7, No. kupu-kupu."
    for _ in range(3):  # the second and third pass read the chunks from spaCy's cache
        assert _tokens(lazy.tokenizer(text)) == _tokens(full.tokenizer(text))
    assert "Kenanga," in lazy.tokenizer.warmed
