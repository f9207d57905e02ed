"""Suggestions on the public documents of a gold set: the issue-19 target "0 redact and <= 1 review per document".

A document the gold marks `clean` (no private person, no passage to withhold: a press release, an SOP, a
circular, a budget summary) should come back with nothing to withhold. This script scans the clean documents of a
set in the dev-set format (`gold.jsonl` beside the documents, as `public_text_kept.py` picks them) in one run of
the public CLI,

    sys.executable -m reviewer scan --format jsonl DOCUMENTS...

with cwd = the repository root and no `REVIEWER_*` variables, and prints per document the redact and review
suggestions (all labels, by label) and the count of documents meeting the target.

    python benchmarks/clean_docs.py [--set ../shared/devset] [--json OUT]

Without the set it says so and exits 0. Prints labels and counts only (no document text).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAG = ("redact", "review")


def clean_documents(folder: Path) -> list[Path]:
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [folder / g["file"] for g in gold if g.get("clean")]


def scan(paths: list[Path]) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    proc = subprocess.run([sys.executable, "-m", "reviewer", "scan", "--format", "jsonl", *map(str, paths)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"scan gagal / scan failed (exit {proc.returncode})")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def tally(paths: list[Path], findings: list[dict]) -> list[dict]:
    """Per document: redact and review counts, and the labels flagged."""
    by_name: dict[str, Counter] = {p.name: Counter() for p in paths}
    for f in findings:
        name = Path(f["file"]).name
        if "error" in f:
            raise SystemExit(f"berkas tidak terbaca / unreadable file: {name}: {f['error']}")
        if f["action"] in FLAG:
            by_name[name][f"{f['label']}_{f['action']}"] += 1
    rows = []
    for name, counts in by_name.items():
        redact = sum(n for k, n in counts.items() if k.endswith("_redact"))
        review = sum(n for k, n in counts.items() if k.endswith("_review"))
        rows.append({"file": name, "redact": redact, "review": review, "labels": dict(counts),
                     "ok": redact == 0 and review <= 1})
    return rows


def report(rows: list[dict]) -> None:
    for r in rows:
        labels = ", ".join(f"{k} {n}" for k, n in sorted(r["labels"].items())) or "-"
        print(f"  {r['file']:<40} redact {r['redact']:>2}  review {r['review']:>2}  {labels}")
    ok = sum(r["ok"] for r in rows)
    print(f"clean documents with 0 redact and <= 1 review: {ok}/{len(rows)}; "
          f"redact {sum(r['redact'] for r in rows)}, review {sum(r['review'] for r in rows)} in all")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=ROOT.parent / "shared" / "devset")
    ap.add_argument("--json", type=Path, help="write the counts per document (no text) to this file")
    args = ap.parse_args(argv)
    if not (args.set / "gold.jsonl").is_file():
        print(f"{args.set}/gold.jsonl not found; nothing measured")
        return 0
    paths = clean_documents(args.set)
    rows = tally(paths, scan(paths))
    report(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
