"""Word lists that tell a heading or a product from a person's name, built from the training data.

- common words: seen as ordinary words (outside entities in the news corpora, not PROPN in the UD
  treebanks, stopword lists) and (almost) never inside a person's name;
- institution words: seen inside organisations, places and brands, never in a person's name
  ("kelurahan", "polrestabes", "perum", "toyota").

A capitalised stretch made only of such words ("RIWAYAT HIDUP", "Iuran Taspen"), or one that
starts with an institution word ("Kelurahan Rejomulyo"), is not a name. Both lists are saved in
the model artifact, so the detector needs no data at run time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from reviewer.train.ner.corpus import Sentence

UD = ("ud-id-gsd", "ud-id-csui", "ud-id-pud")  # and SIB-200's sentences, stopwords-id
STOPWORDS = ("stopwords-id/stopwords-iso_id.txt", "stopwords-id/sastrawi_stopwords.txt")
PARTICLES = {"bin", "binti", "br", "boru", "van", "de", "al", "el", "ni", "i"}  # parts of names


def ud_words(data_dir: Path) -> tuple[Counter[str], Counter[str]]:
    """(ordinary-word counts, proper-noun counts) of the word forms in the UD treebanks present."""
    common: Counter[str] = Counter()
    proper: Counter[str] = Counter()
    for name in UD:
        for path in sorted((Path(data_dir) / name).glob("*.conllu")):
            for line in path.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if len(cols) < 4 or not cols[0].isdigit() or not cols[1].isalpha():
                    continue
                (proper if cols[3] == "PROPN" else common)[cols[1].lower()] += 1
    return common, proper


def raw_lowercase(data_dir: Path) -> Counter[str]:
    """Words written in lower case inside running text (SIB-200 sentences): ordinary words."""
    counts: Counter[str] = Counter()
    for path in sorted((Path(data_dir) / "sib200-ind").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            text = line.split("\t")[-1]
            counts.update(w for w in re.findall(r"(?<=\s)[a-z]{3,}\b", text))
    return counts


def stopwords(data_dir: Path) -> set[str]:
    words: set[str] = set()
    for rel in STOPWORDS:
        path = Path(data_dir) / rel
        if path.is_file():
            words |= {w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip().isalpha()}
    return words


def corpus_counts(sentences: Iterable[Sentence]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(outside entities, inside PERSON, inside other entities or unknown spans) word counts."""
    outside: Counter[str] = Counter()
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for s in sentences:
        inside = {i: label for a, b, label in s.spans for i in range(a, b)}
        for i, token in enumerate(s.tokens):
            word = token.lower()
            if not word.isalpha():
                continue
            if i not in inside:
                outside[word] += 1
            elif inside[i] == "PERSON":
                person[word] += 1
            else:
                other[word] += 1
    return outside, person, other


def build(data_dir: Path, sentences: Iterable[Sentence], names: Iterable[str]) -> tuple[list[str], list[str]]:
    """(common words, institution words), sorted."""
    outside, person, other = corpus_counts(sentences)
    ud_common, ud_proper = ud_words(data_dir)
    listed = {w.lower() for n in names for w in n.split()} | PARTICLES
    common = {w for w, c in outside.items() if c >= 3 and c >= 20 * person[w]}
    common |= {w for w, c in ud_common.items() if c >= 2 and c >= 10 * (ud_proper[w] + person[w])}
    common |= {w for w, c in raw_lowercase(data_dir).items() if c >= 2 and not person[w]}
    common |= stopwords(data_dir)
    institution = {w for w, c in other.items() if c >= 3 and person[w] == 0 and len(w) > 2}
    return sorted(common - listed), sorted(institution - listed)
