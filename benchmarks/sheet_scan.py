"""Spreadsheet scan speed and memory: a generated bansos list of N rows (8 columns) as XLSX.

    python benchmarks/sheet_scan.py [--rows 10000] [--ner] [--redact]

Prints extraction and full-scan time in ms per filled cell (target: under 0.5 ms per cell on one
core, patterns + column detector; NER and passages off unless --ner), the peak resident memory
of this process over the scan, and the ratio of that peak to the same run on a tenth of the rows
(flat memory: the read-only reader streams, so the ratio should stay well below the row ratio).
With --redact, also the time of redact + verify of every suggestion.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(rows: int, ner: bool, redact: bool) -> dict:
    import resource

    from reviewer.core.settings import Settings
    from reviewer.detect.pipeline import detectors_for, scan
    from reviewer.extract import extract
    from tests import sheet_fixtures as fx

    settings = Settings(use_ner=ner, use_passages=False, use_ocr=False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bansos.xlsx"
        people = fx.recipients(rows)
        fx.write_xlsx(path, people[: rows - rows // 100], people[rows - rows // 100:], comment_phone="081299887766")
        detectors_for(settings)  # models and patterns loaded before timing
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        document = extract(path)
        t1 = time.perf_counter()
        result = scan(document, settings)
        t2 = time.perf_counter()
        cells = sum(len(p.cells) for p in document.pages)
        out = {"rows": rows, "cells": cells, "extract_ms_per_cell": (t1 - t0) * 1000 / cells,
               "scan_ms_per_cell": (t2 - t0) * 1000 / cells, "findings": len(result.findings),
               "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "rss_before_mib": before / 1024}
        if redact:
            from reviewer.redact import decisions_from_findings, redact_document

            t3 = time.perf_counter()
            report = redact_document(path, decisions_from_findings(result.findings, document),
                                     Path(tmp) / "out.xlsx", settings, document=document)
            out["redact_verify_s"] = time.perf_counter() - t3
            out["verified"] = report.ok
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--ner", action="store_true")
    parser.add_argument("--redact", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(run(args.rows, args.ner, args.redact))
        return
    results = []
    for rows in (args.rows // 10, args.rows):  # each in a fresh process: peak memory is per process
        cmd = [sys.executable, __file__, "--child", "--rows", str(rows)] + ["--ner"] * args.ner \
            + ["--redact"] * args.redact
        line = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT,
                              env={**os.environ, "OMP_NUM_THREADS": "1"}).stdout.strip().splitlines()[-1]
        results.append(eval(line))  # noqa: S307 - our own child's repr of a dict of numbers
    small, big = results
    for r in results:
        print(f"{r['rows']:>6} rows, {r['cells']:>6} cells: extract {r['extract_ms_per_cell']:.3f} ms/cell, "
              f"scan {r['scan_ms_per_cell']:.3f} ms/cell (target < 0.5), {r['findings']} findings, "
              f"peak RSS {r['peak_rss_mib']:.0f} MiB"
              + (f", redact+verify {r['redact_verify_s']:.1f} s ok={r['verified']}" if "verified" in r else ""))
    growth = (big["peak_rss_mib"] - big["rss_before_mib"]) / max(small["peak_rss_mib"] - small["rss_before_mib"], 1)
    print(f"memory growth over the scan, {big['rows']} vs {small['rows']} rows: {growth:.1f}x "
          f"(rows {big['rows'] / small['rows']:.0f}x)")


if __name__ == "__main__":
    main()
