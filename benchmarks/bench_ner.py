"""Speed of the NER model on one core: words per second, model alone and with the role rules.

Run by hand (not a test):  python benchmarks/bench_ner.py [--repeat 3]
Model alone: the held-out news sentences (when ../shared/data is present) and the sample pages.
Detector (model + surface rules + roles, one document at a time): the sample documents and the dev set's
digital documents (when ../shared/devset is present), extracted before timing.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # one core, before numpy is imported

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def texts() -> list[str]:
    from reviewer.extract import extract, iter_paths

    out = []
    shared = ROOT.parent / "shared" / "data"
    if shared.is_dir():
        from reviewer.train.ner.corpus import load_corpora

        out += [" ".join(s.tokens) for s in load_corpora(shared)["test"]]
    for path in iter_paths([str(ROOT / "samples")]):
        out += [p.text for p in extract(path).pages if p.text.strip()]
    return out


def documents() -> list:
    from reviewer.extract import extract, iter_paths

    paths = list(iter_paths([str(ROOT / "samples")]))
    devset = ROOT.parent / "shared" / "devset"
    if devset.is_dir():
        paths += [str(p) for p in sorted(devset.glob("dev*")) if p.suffix in (".docx", ".txt")]
        paths += [str(p) for p in sorted(devset.glob("dev*.pdf")) if "sk-sakit" not in p.name]
    docs = [extract(p) for p in paths]
    return [d for d in docs if not any(p.needs_ocr for p in d.pages)]


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from reviewer.core.settings import Settings
    from reviewer.detect import ner
    from reviewer.detect.ner.artifact import load

    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # and really one core
    except (AttributeError, OSError):
        pass
    start = time.perf_counter()
    nlp, _ = load(ROOT / "models" / "ner-id")
    loaded = time.perf_counter() - start
    corpus = texts()
    words = sum(len(t.split()) for t in corpus)
    model_s = best_of(args.repeat, lambda: list(nlp.pipe(corpus, batch_size=64)))
    docs = documents()
    doc_words = sum(len(p.text.split()) for d in docs for p in d.pages)
    full_s = best_of(args.repeat, lambda: [ner.analyse(nlp, d, Settings()) for d in docs])
    print(f"load: {loaded:.2f} s   texts: {len(corpus)}   words: {words}")
    print(f"model only      : {words / model_s:8.0f} words/s (one core)")
    print(f"detector (roles): {doc_words / full_s:8.0f} words/s (one core; {len(docs)} documents, {doc_words} words)")


if __name__ == "__main__":
    main()
