"""Real public Indonesian sentences: open-text negatives for training and the false-alarm benchmark.

Sources (in `../shared/data`, each with its PROVENANCE.md):

| corpus | licence | role |
|---|---|---|
| idner-news-2k (`train/dev/test.txt`) | MIT (c) 2020 khairunnisaor | news: half trains, half held out |
| indonlu-nergrit (`*_preprocess.txt`) | MIT (c) 2019 NERGRIT developers | news: half trains, half held out |
| ud-id-gsd, ud-id-csui (`*.conllu`) | CC BY-SA 4.0 | held out only |
| ud-id-pud (`*.conllu`) | CC BY-SA 3.0 | held out only |
| sib200-ind (`*.tsv`) | CC BY-SA 4.0 (FLORES-200) | held out only |

Only MIT text is ever trained on, so the passage model stays free of share-alike terms (the MIT
notices go into its model card). NERP is left out: it is lower-cased, unlike documents.

The split rule, fixed and deterministic: a sentence's key is its lower-cased letters and digits;
every sentence whose key occurs in a share-alike corpus is held out; any other sentence is held out
when the SHA-256 of its key (UTF-8, hex) read as an integer is odd. Of the even ones, those whose
second-lowest bit is set are `dev`: a tuning slice, never trained on and never the reported
figure (the passage thresholds and rules are tuned on it, `benchmarks/real/false_alarms.py
--split dev`); the rest train. Copies of a sentence (the same key) are read once and always fall
on the same side.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

MIT = ("idner-news-2k", "indonlu-nergrit")
SHARE_ALIKE = ("ud-id-gsd", "ud-id-csui", "ud-id-pud", "sib200-ind")
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}])")
_NO_SPACE_AFTER = re.compile(r"([(\[{]) ")
_QUOTED = re.compile(r'" ([^"]*?) "')


@dataclass(frozen=True)
class Sentence:
    corpus: str
    file: str
    index: int  # position in its file
    text: str

    @property
    def key(self) -> str:
        return sentence_key(self.text)


def sentence_key(text: str) -> str:
    return "".join(re.findall(r"[0-9a-z]", text.lower()))


def _hash(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16)


def heldout_by_hash(key: str) -> bool:
    return _hash(key) % 2 == 1


def dev_by_hash(key: str) -> bool:
    """The tuning slice of the MIT half: an even hash whose second-lowest bit is set."""
    return _hash(key) % 4 == 2


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _QUOTED.sub(r'"\1"', text)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def _token_sentences(path: Path) -> list[str]:
    out: list[str] = []
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split()
        if not parts:
            if tokens:
                out.append(detokenize(tokens))
            tokens = []
        else:
            tokens.append(parts[0])
    if tokens:
        out.append(detokenize(tokens))
    return out


def _conllu_sentences(path: Path) -> list[str]:
    return [line[len("# text = "):].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# text = ")]


def _tsv_sentences(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t", 2)[2].strip() for line in lines if line.count("\t") >= 2]


FILES = {"idner-news-2k": ("*.txt", _token_sentences), "indonlu-nergrit": ("*_preprocess.txt", _token_sentences),
         "ud-id-gsd": ("*.conllu", _conllu_sentences), "ud-id-csui": ("*.conllu", _conllu_sentences),
         "ud-id-pud": ("*.conllu", _conllu_sentences), "sib200-ind": ("*.tsv", _tsv_sentences)}


def read_corpus(data_dir: Path, corpus: str) -> list[Sentence]:
    pattern, reader = FILES[corpus]
    out: list[Sentence] = []
    for path in sorted((Path(data_dir) / corpus).glob(pattern)):
        out.extend(Sentence(corpus, path.name, i, t) for i, t in enumerate(reader(path)) if t)
    return out


def split(data_dir: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences, held-out sentences), deduplicated, in corpus and file order.

    Raises FileNotFoundError when a corpus folder is missing.
    """
    train, _, held = splits(data_dir)
    return train, held


def splits(data_dir: Path) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """(training, dev, held-out sentences), deduplicated, in corpus and file order.

    Raises FileNotFoundError when a corpus folder is missing.
    """
    for corpus in MIT + SHARE_ALIKE:
        if not (Path(data_dir) / corpus).is_dir():
            raise FileNotFoundError(f"korpus tidak ada / corpus missing: {Path(data_dir) / corpus}")
    share_alike = [s for c in SHARE_ALIKE for s in read_corpus(data_dir, c)]
    sa_keys = {s.key for s in share_alike}
    seen: set[str] = set()
    train: list[Sentence] = []
    dev: list[Sentence] = []
    held: list[Sentence] = []
    for s in [s for c in MIT for s in read_corpus(data_dir, c)] + share_alike:
        if not s.key or s.key in seen:
            continue
        seen.add(s.key)
        (held if s.key in sa_keys or heldout_by_hash(s.key) else dev if dev_by_hash(s.key) else train).append(s)
    return train, dev, held


PER_DOC = 10  # sentences per training document, two to a paragraph


def training_records(train: list[Sentence], per_doc: int = PER_DOC) -> list[dict]:
    """Open-text training documents (`complete`: every window is `none`) from the training half."""
    by_file: dict[tuple[str, str], list[Sentence]] = {}
    for s in train:
        by_file.setdefault((s.corpus, s.file), []).append(s)
    records = []
    for (corpus, file), sents in by_file.items():
        for k in range(0, len(sents), per_doc):
            group = [s.text for s in sents[k:k + per_doc]]
            paras = [" ".join(group[i:i + 2]) for i in range(0, len(group), 2)]
            records.append({"id": f"real-{corpus}-{Path(file).stem}-{k:05d}", "source": "real-open",
                            "genre": "berita-nyata", "template": f"real/{corpus}", "complete": True,
                            "text": "\n\n".join(paras) + "\n", "spans": []})
    return records


def main(argv: list[str] | None = None) -> int:
    """`python -m reviewer.train.passages.real_open [--data ../shared/data] [--out FILE]`."""
    import argparse
    import json

    ap = argparse.ArgumentParser(description="Tulis dokumen latih teks terbuka / write open-text training data")
    ap.add_argument("--data", type=Path, default=Path("..") / "shared" / "data")
    ap.add_argument("--out", type=Path, default=Path("models") / "data" / "passages" / "real-open-mit.jsonl")
    args = ap.parse_args(argv)
    try:
        train, _ = split(args.data)
    except FileNotFoundError as exc:
        print(exc)
        return 2
    records = training_records(train)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} dokumen / documents, {len(train)} kalimat / sentences -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
