"""A spaCy tokenizer that adds the language's hyphenated special cases only when a text contains them,
and caches every chunk it may.

spaCy's Indonesian tokenizer carries ~16,000 special cases, ~15,600 of them hyphenated words kept whole
("anak-anak", "Kupu-Kupu"). Adding them all (`Tokenizer.add_special_case`) is more than half of a
process's start-up cost. A special case can change a text's tokens only where its string occurs in the
text, so this tokenizer adds the few a text contains just before tokenizing it: the tokens are those
of the full tokenizer (see tests/test_ner_lazytok.py). Everything else (prefixes, suffixes, infixes,
URL and token matches, the other special cases) is the language's own, as `spacy.Tokenizer.v1` builds it.
It also fills spaCy's chunk cache chunk by chunk (`warm`), which spaCy itself stops doing for the rest
of a text once a special case occurs in it.

Imported only when the NER model loads (it imports spaCy).
"""

from __future__ import annotations

import re

from spacy import registry, util
from spacy.tokenizer import Tokenizer

NAME = "reviewer.LazyHyphenRules.v1"
# The special cases that are deferred: ASCII letters and digits joined by hyphens.
DEFERRED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")
RUN = re.compile(r"[A-Za-z0-9-]*-[A-Za-z0-9-]*")


def split_rules(rules: dict) -> tuple[dict, dict]:
    """(rules added at once, hyphenated rules added when a text contains their string)."""
    eager: dict = {}
    deferred: dict = {}
    for string, substrings in rules.items():
        (deferred if DEFERRED.fullmatch(string) else eager)[string] = substrings
    return eager, deferred


class LazyHyphenTokenizer(Tokenizer):
    """`Tokenizer` with its hyphenated special cases added on first sight (see the module docstring)."""

    def __init__(self, vocab, rules=None, **kwargs):
        eager, self.deferred = split_rules(dict(rules or {}))
        self.longest = max((len(s) for s in self.deferred), default=0)
        self.warmed: set[str] = set()
        super().__init__(vocab, rules=eager, **kwargs)

    def __call__(self, text):
        self.add_needed(text)
        self.warm(text)
        return super().__call__(text)

    def warm(self, text: str) -> None:
        """Tokenize each new whitespace-separated chunk of `text` alone, so that spaCy caches it.

        spaCy stops caching a text's chunks after the first special case it meets in that text
        (its issue #1250: a chunk holding a special case must not be cached as plain lexemes), so a
        page is tokenized almost uncached. Alone, a chunk is cached exactly when it holds no special
        case; the page then reads its other chunks from the cache, with the same tokens.
        """
        if len(self.warmed) >= self.max_cache_size:
            return
        new = set(text.split()) - self.warmed
        for chunk in sorted(new):
            Tokenizer.__call__(self, chunk)
        self.warmed |= new

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)

    def add_needed(self, text: str) -> None:
        """Add the deferred special cases whose string occurs in `text`."""
        if not self.deferred or "-" not in text:
            return
        for found in sorted(self.needed(text)):
            self.add_special_case(found, self.deferred.pop(found))
            self.warmed = set()  # adding a special case empties spaCy's cache

    def needed(self, text: str) -> set[str]:
        """The deferred strings that are substrings of `text` (each lies inside a run of [A-Za-z0-9-])."""
        found: set[str] = set()
        for run in {m.group(0) for m in RUN.finditer(text)}:
            for i in range(len(run)):
                for j in range(i + 3, min(len(run), i + self.longest) + 1):
                    if run[i:j] in self.deferred:
                        found.add(run[i:j])
        return found

    def materialise(self) -> None:
        """Add every deferred special case (before serialising or replacing the rules)."""
        for string in sorted(self.deferred):
            self.add_special_case(string, self.deferred[string])
        self.deferred, self.warmed = {}, set()

    def to_bytes(self, *, exclude=tuple()):
        self.materialise()
        return super().to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        self.deferred, self.warmed = {}, set()  # the saved rules replace the language's
        return super().from_bytes(bytes_data, exclude=exclude)

    @property
    def rules(self):
        self.materialise()
        return Tokenizer.rules.__get__(self)

    @rules.setter
    def rules(self, rules):
        self.deferred, self.warmed = {}, set()
        Tokenizer.rules.__set__(self, rules)


@registry.tokenizers(NAME)
def lazy_hyphen_tokenizer():
    """What `spacy.Tokenizer.v1` builds, with the hyphenated special cases deferred."""

    def tokenizer_factory(nlp) -> LazyHyphenTokenizer:
        d = nlp.Defaults
        return LazyHyphenTokenizer(
            nlp.vocab, rules=d.tokenizer_exceptions,
            prefix_search=util.compile_prefix_regex(d.prefixes).search if d.prefixes else None,
            suffix_search=util.compile_suffix_regex(d.suffixes).search if d.suffixes else None,
            infix_finditer=util.compile_infix_regex(d.infixes).finditer if d.infixes else None,
            token_match=d.token_match, url_match=d.url_match)

    return tokenizer_factory
