"""Passage detector throughput: windows (sentences, rows) per second, end to end per document.

    python benchmarks/passages_speed.py [--docs 300] [--folder DIR]

Runs the shipped model and rules over synthetic documents from models/data/passages (or over the
documents of --folder, extracted first and not timed) and prints windows/second and documents/second.
Run by hand; results go in the notes, not in a timed test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.core.model import Document, Page  # noqa: E402
from reviewer.core.settings import Settings  # noqa: E402
from reviewer.detect import passages  # noqa: E402
from reviewer.detect.passages.windows import page_windows  # noqa: E402


def synthetic(n: int) -> list[Document]:
    docs = []
    with open(ROOT / "models" / "data" / "passages" / "synthetic.jsonl", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            docs.append(Document(hashlib.sha256(text.encode()).hexdigest(), "x.txt", "txt", (Page(1, text),)))
            if len(docs) >= n:
                break
    return docs


def extracted(folder: Path) -> list[Document]:
    from reviewer.core.errors import ReviewerError
    from reviewer.extract import extract, iter_paths

    docs = []
    for path in iter_paths([folder]):
        try:
            docs.append(extract(path))
        except ReviewerError:
            continue
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--folder", type=Path)
    args = ap.parse_args()
    settings = Settings(use_ner=False)
    t0 = time.perf_counter()
    detect = passages.detector(settings)
    load = time.perf_counter() - t0
    docs = extracted(args.folder) if args.folder else synthetic(args.docs)
    windows = sum(len(page_windows(p.text, p.cells)) for d in docs for p in d.pages if not p.needs_ocr)
    t0 = time.perf_counter()
    found = sum(len(detect(d, p, settings)) for d in docs for p in d.pages)
    seconds = time.perf_counter() - t0
    print(f"model load: {load:.2f} s")
    print(f"{len(docs)} documents, {windows} windows, {found} passage findings in {seconds:.2f} s")
    print(f"{windows / seconds:.0f} windows (sentences/rows) per second, "
          f"{len(docs) / seconds:.1f} documents per second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
