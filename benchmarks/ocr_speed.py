#!/usr/bin/env python3
"""OCR pages per second: one Tesseract process at a time vs several side by side.

    python benchmarks/ocr_speed.py [--set ../shared/devset] [--copies 2] [--workers 1 2]

Builds one PDF from the dev set's scanned PDFs (each repeated `--copies` times), then OCRs it
with the cache off: once per worker count with one Tesseract thread per process (the default),
and once with one process and Tesseract's own threads (OMP_THREAD_LIMIT = number of CPUs).
Run it on an otherwise idle machine; the figures go in the OCR note and the README.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def build(folder: Path, copies: int, out: Path) -> int:
    import pypdfium2

    docs = [json.loads(line) for line in (folder / "gold.jsonl").read_text().splitlines() if line.strip()]
    merged = pypdfium2.PdfDocument.new()
    for _ in range(copies):
        for doc in docs:
            if doc["format"] == "scanned-pdf":
                src = pypdfium2.PdfDocument(str(folder / doc["file"]))
                merged.import_pages(src)
                src.close()
    pages = len(merged)
    merged.save(str(out))
    merged.close()
    return pages


def run(path: Path, workers: int, threads: str) -> float:
    from reviewer.core.settings import Settings
    from reviewer.extract import extract
    from reviewer.ocr import ocr_document

    os.environ["OMP_THREAD_LIMIT"] = threads
    document = extract(path)
    start = time.perf_counter()
    warnings: list[str] = []
    done = ocr_document(document, Settings(ocr_cache=False, ocr_workers=workers), warnings)
    seconds = time.perf_counter() - start
    assert not warnings and not any(p.needs_ocr for p in done.pages), warnings
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "devset")
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scans.pdf"
        pages = build(args.set, args.copies, path)
        print(f"{pages} scanned pages, {cpus} CPUs")
        runs = [(w, "1") for w in args.workers] + [(1, str(cpus))]
        for workers, threads in runs:
            seconds = run(path, workers, threads)
            print(f"processes={workers} threads/process={threads}: {seconds:6.1f} s  "
                  f"{seconds / pages:5.2f} s/page  {pages / seconds:5.2f} pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
