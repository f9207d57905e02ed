"""`reviewer train ner`: build the NER training data, train the spaCy pipeline, measure it, ship it.

Steps: read and deduplicate the news corpora (ner_corpus), add synthetic government-document
snippets (ner_synth), train with the spaCy config in models/training/ner.cfg, score the best
model on the held-out splits (news test split; synthetic snippets whose names are disjoint from
training), then write the artifact atomically (ner_artifact) and the model card.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from reviewer.core.settings import DEFAULT_MODELS as DEFAULT_MODELS  # noqa: PLC0414 (the CLI default)
from reviewer.core.settings import ROOT
from reviewer.detect.ner.artifact import HeldOut, Scores

CONFIG = ROOT / "models" / "training" / "ner.cfg"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
NAME = "ner-id"


def corpus_docs(nlp, sentences, rng: random.Random, augment: bool):
    """spaCy Docs of corpus sentences; NERP is also shown true-cased, a few sentences upper-cased."""
    from spacy.tokens import Doc, Span

    from reviewer.train.ner.corpus import truecase, uppercase

    docs = []
    for s in sentences:
        variants = [s]
        if augment and not s.cased and rng.random() < 0.5:
            variants = [truecase(s)]
        if augment and s.cased and rng.random() < 0.05:
            variants.append(uppercase(s))
        for v in variants:
            doc = Doc(nlp.vocab, words=list(v.tokens))
            ents = [Span(doc, a, b, label=label) for a, b, label in v.spans if label]
            missing = [doc[a:b] for a, b, label in v.spans if label is None]
            doc.set_ents(ents, missing=missing, default="outside")
            docs.append(doc)
    return docs


def synthetic_docs(nlp, snippets):
    docs = []
    for text, ents in snippets:
        doc = nlp.make_doc(text)
        spans = [doc.char_span(a, b, label, alignment_mode="contract") for a, b, label in ents]
        doc.set_ents([s for s in spans if s is not None and len(s)], default="outside")
        docs.append(doc)
    return docs


def build_data(data_dir: Path, synthetic: int, seed: int):
    """Train/dev/test Docs and a summary of where they came from."""
    import spacy

    from reviewer.train.ner import corpus as ner_corpus
    from reviewer.train.ner import lexicon as ner_lexicon
    from reviewer.train.ner import synth as ner_synth
    from reviewer.train.ner import templates as ner_templates

    nlp = spacy.blank("id")
    rng = random.Random(seed)
    splits = ner_corpus.load_corpora(data_dir)
    pools = ner_synth.load_pools(data_dir, ner_corpus.person_names(splits["train"]))
    train_pool, heldout_pool = ner_synth.split_names(pools, False), ner_synth.split_names(pools, True)
    data = {
        "train": corpus_docs(nlp, splits["train"], rng, True)
        + synthetic_docs(nlp, ner_templates.generate(train_pool, synthetic, seed + 1)),
        "dev": corpus_docs(nlp, splits["dev"], rng, False)
        + synthetic_docs(nlp, ner_templates.generate(train_pool, max(synthetic // 10, 5), seed + 2)),
        "test-news": corpus_docs(nlp, splits["test"], rng, False),
        "test-news-cased": corpus_docs(nlp, [s for s in splits["test"] if s.cased], rng, False),
        "test-synthetic": synthetic_docs(nlp, ner_templates.generate(heldout_pool, max(synthetic // 6, 5), seed + 3)),
    }
    lexicon = ner_lexicon.build(data_dir, splits["train"], [*pools.first, *pools.last, *pools.full])
    summary = {
        "sentences": {k: dict(_count(v)) for k, v in splits.items()},
        "synthetic": {"train": synthetic, "dev": max(synthetic // 10, 5), "test": max(synthetic // 6, 5)},
        "docs": {k: len(v) for k, v in data.items()},
    }
    return data, summary, lexicon


def _count(sentences):
    from collections import Counter

    return Counter(s.corpus for s in sentences)


def run_training(data: dict, workdir: Path, epochs: int, seed: int, log) -> Path:
    """Train with the spaCy config; returns the best model's folder."""
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin

    for split in ("train", "dev"):
        DocBin(docs=data[split], store_user_data=False).to_disk(workdir / f"{split}.spacy")
    overrides = {"paths.train": str(workdir / "train.spacy"), "paths.dev": str(workdir / "dev.spacy"),
                 "training.max_epochs": epochs, "system.seed": seed, "training.seed": seed}
    log(f"training: {len(data['train'])} train docs, {len(data['dev'])} dev docs, {epochs} epochs")
    spacy_train(CONFIG, workdir / "out", overrides=overrides, use_gpu=-1)
    best = workdir / "out" / "model-best"
    return best if best.is_dir() else workdir / "out" / "model-last"  # too short a run to have evaluated


def evaluate(nlp, docs) -> HeldOut:
    """Precision, recall and F1 per label (and overall) of the model on gold Docs."""
    from spacy.training import Example

    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    scores = nlp.evaluate(examples)
    rows = {"ALL": (scores["ents_p"], scores["ents_r"], scores["ents_f"])}
    for label, s in sorted((scores.get("ents_per_type") or {}).items()):
        rows[label] = (s["p"], s["r"], s["f"])
    gold = sum(1 for d in docs for _ in d.ents)
    return HeldOut({k: Scores(*(round(v, 4) for v in row)) for k, row in rows.items()}, gold)


def train(data_dir: Path, models_dir: Path, epochs: int = 6, synthetic: int = 4000, seed: int = 0,
          log=print, command: str = "") -> Path:
    """The whole job; returns the artifact folder. Raises ReviewerError for missing data."""
    import spacy

    from reviewer.detect.ner import artifact as ner_artifact

    started = time.time()
    data, summary, lexicon = build_data(Path(data_dir), synthetic, seed)
    with tempfile.TemporaryDirectory(prefix="ner-train-") as tmp:
        best = run_training(data, Path(tmp), epochs, seed, log)
        nlp = spacy.load(best)
        metrics = {split: evaluate(nlp, data[split]).to_dict()
                   for split in ("test-news", "test-news-cased", "test-synthetic")}
        info = {"data": ner_artifact.provenance(Path(data_dir)) | summary, "metrics": metrics,
                "epochs": epochs, "seed": seed, "command": command,
                "train_seconds": round(time.time() - started, 1)}
        target = ner_artifact.write(nlp, Path(models_dir) / NAME, info,
                                    {ner_artifact.COMMON: "\n".join(lexicon[0]) + "\n",
                                     ner_artifact.INSTITUTION: "\n".join(lexicon[1]) + "\n"})
    log(f"modelnya ditulis ke / model written to {target}")
    return target
