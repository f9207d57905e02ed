#!/usr/bin/env python3
"""How well OCR reads the dev set's scanned PDFs, per resolution: gold strings found, seconds per page.

    python benchmarks/ocr_accuracy.py [--set ../shared/devset] [--dpi 200 300] [--min-skew 0.3]
    python benchmarks/ocr_accuracy.py --synthetic 300 [--dpi 200 300]

For every scanned-pdf document in gold.jsonl the page is OCR'd (cache off, one process) and the
gold strings (entities and keep strings) are looked up in the page text, compared on letters and
digits only; `tokens` is the share of all gold words (passages included) that appear in the text.
This measures reading, not detection: `score.py` measures the whole pipeline.

The dev set's scans are 200-dpi images, so OCR at 300 dpi only upsamples them. `--synthetic DPI`
scans the first page of each digital dev-set PDF at DPI (grayscale, 0.6 degree turn, grain, JPEG)
and compares the OCR words with the words of the digital page (`words`: share of them read).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def compact(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


def tokens(text: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", text.lower())


def measure(doc: dict, folder: Path, dpi: int) -> dict:
    from reviewer.core.settings import Settings
    from reviewer.extract import extract
    from reviewer.ocr import ocr_document

    document = extract(folder / doc["file"])
    settings = Settings(ocr_dpi=dpi, ocr_cache=False, ocr_workers=1)
    start = time.perf_counter()
    document = ocr_document(document, settings, [])
    seconds = time.perf_counter() - start
    text = document.text
    strings = [e["text"] for e in doc["entities"]] + list(doc.get("keep", []))
    found = [s for s in strings if compact(s) in compact(text)]
    gold_tokens = [t for s in strings + [p["text"] for p in doc["passages"]] for t in tokens(s)]
    have = set(tokens(text))
    return {"file": doc["file"], "pages": len(document.pages), "seconds": seconds,
            "strings": len(strings), "found": len(found),
            "missed": [s for s in strings if s not in found],
            "tokens": len(gold_tokens), "tokens_found": sum(t in have for t in gold_tokens),
            "conf": _mean_conf(document)}


def synthetic(folder: Path, docs: list[dict], scan_dpi: int, dpis: list[int]) -> None:
    import tempfile
    from collections import Counter

    from reviewer.core.settings import Settings
    from reviewer.extract import extract
    from reviewer.ocr import ocr_document

    print(f"{'dpi':>4} {'file (scanned at ' + str(scan_dpi) + ' dpi)':32} {'s/page':>7} {'words':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        made = []
        for doc in docs:
            if doc["format"] == "pdf":
                out = Path(tmp) / doc["file"]
                truth = make_scan(folder / doc["file"], out, scan_dpi)
                made.append((doc["file"], out, Counter(tokens(truth))))
        for dpi in dpis:
            total = read = 0
            seconds = 0.0
            for name, path, truth in made:
                start = time.perf_counter()
                settings = Settings(ocr_dpi=dpi, ocr_cache=False, ocr_workers=1)
                document = ocr_document(extract(path), settings, [])
                took = time.perf_counter() - start
                seconds += took
                got = Counter(tokens(document.text))
                hit = sum(min(n, got[t]) for t, n in truth.items())
                total, read = total + sum(truth.values()), read + hit
                print(f"{dpi:>4} {name:32} {took:7.2f} {hit:5d}/{sum(truth.values()):<5d}")
            share = read / total
            print(f"{dpi:>4} {'TOTAL':32} {seconds / len(made):7.2f} {read:5d}/{total:<5d} ({share:.3f})")


def make_scan(src: Path, out: Path, dpi: int) -> str:
    """A scanned copy of the first page of `src` at `dpi`; returns the digital page's text."""
    import numpy as np
    import pdfplumber
    import pypdfium2
    from PIL import Image

    with pdfplumber.open(src) as pdf:
        truth = pdf.pages[0].extract_text() or ""
    doc = pypdfium2.PdfDocument(str(src))
    image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil()
    doc.close()
    image = image.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=255)
    rng = np.random.default_rng(7)
    pixels = np.asarray(image, dtype=np.float64) * 0.92 + 12 + rng.normal(0, 9, (image.height, image.width))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    jpeg = out.with_suffix(".jpg")
    image.save(jpeg, quality=75)
    Image.open(jpeg).save(out, resolution=dpi)
    return truth


def _mean_conf(document) -> float:
    confs = [w.conf for p in document.pages for w in p.words if w.conf is not None]
    return sum(confs) / len(confs) if confs else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "devset")
    ap.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    ap.add_argument("--min-skew", type=float, help="override reviewer.ocr.MIN_SKEW (degrees)")
    ap.add_argument("--show-missed", action="store_true")
    ap.add_argument("--synthetic", type=int, metavar="DPI", help="scan the digital PDFs at DPI and compare")
    args = ap.parse_args()
    if args.min_skew is not None:
        import reviewer.ocr

        reviewer.ocr.MIN_SKEW = args.min_skew
    docs = [json.loads(line) for line in (args.set / "gold.jsonl").read_text().splitlines() if line.strip()]
    if args.synthetic:
        synthetic(args.set, docs, args.synthetic, args.dpi)
        return 0
    docs = [d for d in docs if d["format"] == "scanned-pdf"]
    print(f"{'dpi':>4} {'file':32} {'s/page':>7} {'strings':>9} {'tokens':>9} {'conf':>5}")
    for dpi in args.dpi:
        rows = [measure(d, args.set, dpi) for d in docs]
        for r in rows:
            print(f"{dpi:>4} {r['file']:32} {r['seconds'] / r['pages']:7.2f} "
                  f"{r['found']:4d}/{r['strings']:<4d} "
                  f"{r['tokens_found']:4d}/{r['tokens']:<4d} {r['conf']:5.3f}")
            if args.show_missed:
                for s in r["missed"]:
                    print(f"       missed: {s!r}")
        pages = sum(r["pages"] for r in rows)
        print(f"{dpi:>4} {'TOTAL':32} {sum(r['seconds'] for r in rows) / pages:7.2f} "
              f"{sum(r['found'] for r in rows):4d}/{sum(r['strings'] for r in rows):<4d} "
              f"{sum(r['tokens_found'] for r in rows):4d}/{sum(r['tokens'] for r in rows):<4d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
