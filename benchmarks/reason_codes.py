"""How many of the reasons the detectors give are structured (a catalogued code) and how many plain text.

    python benchmarks/reason_codes.py [PATHS...] [--jsonl FILE] [--dump FILE] [--list]

Runs `reviewer scan --format jsonl` over PATHS (default: samples/ and tests/data/, which includes
tests/data/ner) or reads a JSONL file already written with --jsonl. Counts distinct reason texts
and, among them, the plain ones: code `text`, or a coded reason with a plain-text reason nested in
its parameters. --dump writes every finding's `reasons` texts, one JSON list per line, for a
byte-for-byte diff before and after a change; --list prints the plain ones with their count.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = ("samples", "tests/data")


def scan_rows(paths: list[str]) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "reviewer", "scan", "--format", "jsonl", *paths],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def is_plain(data: dict) -> bool:
    """A reason without a code, or with a plain-text reason among its parameters."""
    if data.get("code") == "text":
        return True
    return any(isinstance(v, dict) and "code" in v and is_plain(v) for v in (data.get("params") or {}).values())


def count(rows: list[dict]) -> tuple[int, collections.Counter]:
    """(distinct reason texts, Counter of the plain ones by text)."""
    texts: set[str] = set()
    plain: collections.Counter = collections.Counter()
    for row in rows:
        for text, data in zip(row.get("reasons", []), row.get("reasons_structured", []), strict=True):
            texts.add(text)
            if is_plain(data):
                plain[text] += 1
    return len(texts), plain


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    ap.add_argument("--jsonl", help="read findings from this JSONL file instead of scanning")
    ap.add_argument("--dump", help="write each finding's reasons texts here, one JSON list per line")
    ap.add_argument("--list", action="store_true", help="print the plain-text reasons")
    args = ap.parse_args(argv)
    if args.jsonl:
        rows = [json.loads(line) for line in Path(args.jsonl).read_text(encoding="utf-8").splitlines() if line]
    else:
        rows = scan_rows(args.paths)
    if args.dump:
        Path(args.dump).write_text("".join(json.dumps([r.get("file"), r.get("start"), r.get("reasons")],
                                                      ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    distinct, plain = count(rows)
    if args.list:
        for text, n in sorted(plain.items()):
            print(f"{n:4d}  {text}")
    print(f"findings {len(rows)}, distinct reasons {distinct}, plain text {len(plain)}, "
          f"coded {distinct - len(plain)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
