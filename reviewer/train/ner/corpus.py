"""Training data for the NER model: the three Indonesian news corpora, read, mapped, deduplicated, split.

The corpora share sentences (idner-news-2k and NERP overlap by ~700 sentences, NERP repeats
itself), so every sentence gets a key (its lower-cased letters and digits) and the key decides
the split: a sentence and all its copies land in the same split, whichever corpus they come
from. The cased corpora win when copies disagree, because our documents are cased.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.errors import ReviewerError

# (folder, files, label map). A label mapped to None is "unknown here" (missing in spaCy terms):
# NERP's IND mixes companies, brands and products, and NERP leaves most public bodies untagged.
# corpus -> (its files, its tag -> our label; None: annotation unknown, "O": not an entity)
CORPORA: dict[str, tuple[tuple[str, ...], dict[str, str | None]]] = {
    "idner-news-2k": (("train.txt", "dev.txt", "test.txt"),
                      {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}),
    "indonlu-nergrit": (("train_preprocess.txt", "valid_preprocess.txt", "test_preprocess.txt"),
                        {"PERSON": "PERSON", "PLACE": "LOCATION", "ORGANISATION": "ORGANIZATION"}),
    "indonlu-nerp": (("train_preprocess.txt", "valid_preprocess.txt", "test_preprocess.txt"),
                     {"PPL": "PERSON", "PLC": "LOCATION", "IND": None, "EVT": "O", "FNB": "O"}),
}
PREFERENCE = tuple(CORPORA)  # earlier corpora win duplicates: cased, standardised first
LABELS = ("PERSON", "LOCATION", "ORGANIZATION")
SPLITS = {"test": 10, "dev": 5}  # percent of sentence keys; the rest is train


@dataclass(frozen=True)
class Sentence:
    corpus: str
    tokens: tuple[str, ...]
    # (start_token, end_token, label); label None marks tokens whose annotation is unknown
    spans: tuple[tuple[int, int, str | None], ...]

    @property
    def key(self) -> str:
        return sentence_key(self.tokens)

    @property
    def cased(self) -> bool:
        return any(t[:1].isupper() for t in self.tokens)


def sentence_key(tokens: Iterable[str]) -> str:
    return re.sub(r"[^0-9a-z]", "", "".join(tokens).lower())


def split_of(key: str) -> str:
    """The split a sentence key belongs to, stable across runs and machines."""
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < SPLITS["test"]:
        return "test"
    if bucket < SPLITS["test"] + SPLITS["dev"]:
        return "dev"
    return "train"


def read_conll(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a CoNLL-like file: token first, IOB2 tag last."""
    sentence: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            if len(parts) < 2:
                raise ReviewerError(f"{path}: baris tanpa tag / line without a tag: {line!r}")
            sentence.append((parts[0], parts[-1]))
    if sentence:
        yield sentence


def iob_spans(tags: list[str], mapping: dict[str, str | None]) -> list[tuple[int, int, str | None]]:
    """Entity spans from IOB2 tags; an I- tag that does not continue an entity starts one."""
    spans: list[tuple[int, int, str | None]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        continues = tag.startswith("I-") and kind == label and start is not None
        if not continues:
            if start is not None and label is not None:
                mapped = mapping.get(label, "O")
                if mapped != "O":
                    spans.append((start, i, mapped))
            start, label = (i, kind) if kind else (None, None)
    return spans


def read_corpus(folder: Path, name: str) -> Iterator[Sentence]:
    files, mapping = CORPORA[name]
    for filename in files:
        path = folder / filename
        if not path.exists():
            raise ReviewerError(f"berkas korpus tidak ada / corpus file missing: {path}")
        for rows in read_conll(path):
            tokens = tuple(t for t, _ in rows)
            yield Sentence(name, tokens, tuple(iob_spans([tag for _, tag in rows], mapping)))


def load_corpora(data_dir: Path, names: Iterable[str] = PREFERENCE) -> dict[str, list[Sentence]]:
    """Every sentence of the corpora, deduplicated, split by key: {"train": [...], ...}."""
    chosen: dict[str, Sentence] = {}
    for name in sorted(names, key=PREFERENCE.index):
        for sentence in read_corpus(Path(data_dir) / name, name):
            key = sentence.key
            if key and key not in chosen:
                chosen[key] = sentence
    splits: dict[str, list[Sentence]] = {"train": [], "dev": [], "test": []}
    for key, sentence in chosen.items():
        splits[split_of(key)].append(sentence)
    return splits


def truecase(sentence: Sentence) -> Sentence:
    """A lower-cased sentence with its first token and its entities capitalised (NERP)."""
    tokens = list(sentence.tokens)
    starts = {0} | {i for s, e, _ in sentence.spans for i in range(s, e)}
    for i in starts:
        if i < len(tokens) and tokens[i][:1].isalpha():
            tokens[i] = tokens[i][:1].upper() + tokens[i][1:]
    return Sentence(sentence.corpus, tuple(tokens), sentence.spans)


def uppercase(sentence: Sentence) -> Sentence:
    return Sentence(sentence.corpus, tuple(t.upper() for t in sentence.tokens), sentence.spans)


def person_names(sentences: Iterable[Sentence]) -> list[str]:
    """Distinct cased PERSON strings of some sentences (to vary the synthetic documents)."""
    names = set()
    for s in sentences:
        if not s.cased:
            continue
        for start, end, label in s.spans:
            text = " ".join(s.tokens[start:end])
            if label == "PERSON" and 1 < end - start <= 4 and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", text):
                names.add(text)
    return sorted(names)

