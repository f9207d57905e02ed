"""The model card of the NER model, written from the artifact's manifest (never typed in by hand).

Only the part between the ner-id markers of models/README.md is replaced, so other models can
keep their own sections in the same file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reviewer.detect.ner.artifact import CARD_END, CARD_START, HeldOut, Versions, held_out, read_manifest

HEADER = "# Model artifacts\n\nEach model has a section below, written by its training command.\n\n"
NERGRIT_CREDIT = (
    "NERGRIT corpus (MIT), Copyright (C) 2019 NERGRIT DEVELOPERS. Coach: Riyanti Kusumawati. Mentor: Dr. Yudi "
    "Wibisono. Lead developer: Dr. Husni Fahmi. Developers: Muhamad Jumadil Akbar, Irvan Rahadhian, Irfan Fadil, "
    "Ridwan Dwiki Ardiansyah, Irfan Fakri Ardian. Annotators: Panca Agung Kusuma, Hanif Razin, Isnadi, Listia "
    "Apritami, Suwito, Antonius Rony Hidajat, Hermawan Suheri, Taqiyuddin Fahmi, Nur Afdal, Ihsan Nur Kholis, Aldi "
    "Alpian, Nur Rokhman, Shyta Ramadhanty (https://github.com/grit-id/nergrit-corpus).")
TEST_SETS = {
    "test-news": "news test split (all three corpora after deduplication; NERP part lower-cased)",
    "test-news-cased": "news test split, cased sentences only (idner-news-2k + NERGRIT)",
    "test-synthetic": "synthetic government-document snippets whose given names never occur in training",
}


def metrics_table(metrics: Mapping[str, HeldOut]) -> list[str]:
    lines = ["| held-out set | label | precision | recall | F1 |", "|---|---|---|---|---|"]
    for split, figures in metrics.items():
        for label, s in figures.scores.items():
            lines.append(f"| {split} | {label} | {s.p:.3f} | {s.r:.3f} | {s.f:.3f} |")
    return lines


def data_lines(manifest: dict) -> list[str]:
    data = manifest.get("data", {})
    lines = ["| source | licence | files (SHA-256, first 16 hex) |", "|---|---|---|"]
    for name, src in data.get("sources", {}).items():
        files = ", ".join(f"`{k}` {v}" for k, v in src.get("files", {}).items()) or "(not present)"
        lines.append(f"| {name} | {src.get('license', '?')} | {files} |")
    counts = data.get("sentences", {})
    lines += ["", "Sentences after deduplication, per split and corpus: "
              + "; ".join(f"{split}: " + ", ".join(f"{k} {v}" for k, v in c.items()) for split, c in counts.items()),
              f"Synthetic snippets: {data.get('synthetic', {})}. Training documents: {data.get('docs', {})}."]
    return lines


def card_section(folder: Path) -> str:
    m = read_manifest(folder)
    size = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
    v = Versions.from_dict(m.get("versions"))
    lines = [
        CARD_START, f"## {m.get('name', 'ner-id')} — Indonesian named-entity recognizer", "",
        f"spaCy {v.spacy} pipeline (`tok2vec` CNN + transition-based `ner`, no static vectors, CPU), "
        f"{size / 1e6:.1f} MB. Labels: {', '.join(m.get('labels', []))}. Format {m.get('format')}, built "
        f"{m.get('created')} with spaCy {v.spacy}, thinc {v.thinc}, numpy {v.numpy}, "
        f"Python {v.python}. `artifact.json` holds these versions and the SHA-256 of every file; "
        "`reviewer.detect.ner.artifact.load` refuses a missing, incompatible or changed artifact with a named error.",
        "", "### Training", "",
        f"Command: `{m.get('command') or 'reviewer train ner'}` (run from the project root with `../shared/data` "
        f"present; {m.get('epochs')} epochs, seed {m.get('seed')}, {m.get('train_seconds')} s including "
        "evaluation). Config: `models/training/ner.cfg`.",
        "",
        "Data: the three news corpora are read, their labels mapped (PER/PERSON/PPL → PERSON, LOC/PLACE/PLC → "
        "LOCATION, ORG/ORGANISATION → ORGANIZATION; NERP's IND is marked *unknown*, EVT and FNB are outside), "
        "deduplicated on the lower-cased letters and digits of each sentence (cased corpora win), and split by a "
        "hash of that key (10 % test, 5 % dev), so copies of a sentence never straddle splits. Half of NERP's "
        "lower-cased training sentences are shown true-cased (first word and entities capitalised) and 5 % of "
        "cased ones upper-cased. Synthetic government-document snippets (`reviewer/ner_templates.py`: forms, "
        "tables of people, signature blocks with titles, degrees and NIP, letters, press-release sentences, "
        "letterheads and headings without persons; names from the shared lists, news PERSON strings and coined "
        "words) are added; PERSON covers the name only — the detector adds titles and degrees and drops courtesy "
        "words. `common-words.txt` and `institution-words.txt` (`reviewer/ner_lexicon.py`, from the corpora, the "
        "UD Indonesian treebanks, SIB-200 sentences and stopword lists) tell headings and products from names.",
        "",
        *data_lines(m), "",
        "Licence of this artifact: the code that made it is AGPL-3.0-or-later. The weights and the word lists "
        "are derived from CC BY-SA sources (NERP, UD Indonesian, SIB-200), so `models/ner-id` is distributed "
        "under CC BY-SA 4.0 with the attributions above. NERGRIT asks that its contributors and licence be "
        "included: " + NERGRIT_CREDIT, "",
        "### Held-out figures (measured by `reviewer train ner`, spaCy scorer, exact span match)", "",
        *[f"- `{k}`: {v}" for k, v in TEST_SETS.items()], "",
        *metrics_table(held_out(m)), "",
        "The synthetic set shares the generator's templates with training, so its figures are optimistic for "
        "real documents; the end-to-end measure is `../shared/devset/score.py` (see the notes of issue 3). "
        "Speed: `benchmarks/bench_ner.py`.", CARD_END,
    ]
    return "\n".join(lines) + "\n"


def write_card(folder: Path, readme: Path) -> Path:
    section = card_section(folder)
    text = readme.read_text(encoding="utf-8") if readme.exists() else HEADER
    if CARD_START in text and CARD_END in text:
        head, rest = text.split(CARD_START, 1)
        text = head + section + rest.split(CARD_END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    readme.write_text(text, encoding="utf-8")
    return readme
