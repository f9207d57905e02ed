"""PERSON precision/recall on the held-out NER documents (tests/data/ner-heldout).

    python benchmarks/ner_heldout.py [--set DIR] [--no-ner] [--show]

The documents and their gold (`gold.jsonl`, the dev set's format, PERSON entities and the officials'
names as `keep`) were written before the detector was run on them, with templates and names that are
neither in ../shared/devset nor in tests/data/ner. Counting follows the dev set's scorer: a PERSON
finding with action redact or review is a prediction; it matches a gold name when at least 60 % of the
gold tokens are in it and at least half of its tokens are in the gold name. A keep violation is any
PERSON suggestion (redact or review) that overlaps an official's name.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT / "tests" / "data" / "ner-heldout"
FLAGGED = ("redact", "review")


def tokens(text: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", text.lower())


def compact(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


def matches(gold: str, pred: str) -> bool:
    g, p = tokens(gold), tokens(pred)
    if not g or not p:
        return False
    return sum(t in set(p) for t in g) / len(g) >= 0.6 and sum(t in set(g) for t in p) / len(p) >= 0.5


def score_document(doc: dict, findings) -> dict:
    gold = [e["text"] for e in doc["entities"] if e["label"] == "PERSON"]
    preds = list({compact(f.text): f.text for f in findings
                  if f.label == "PERSON" and f.action in FLAGGED}.values())
    missed = [g for g in gold if not any(matches(g, p) for p in preds)]
    neutral = doc.get("neutral", [])  # names whose role is debatable: counted neither way
    stray = [p for p in preds if not any(matches(g, p) for g in gold) and not any(matches(n, p) for n in neutral)]
    touched = [k for k in doc["keep"] if any(len(compact(p)) >= 4 and (compact(p) in compact(k) or compact(k) in
                                                                       compact(p)) for p in preds)]
    return {"tp": len(gold) - len(missed), "fp": len(stray), "fn": len(missed), "missed": missed,
            "false_alarms": stray, "keep_violations": touched}


def score(set_dir: Path = DEFAULT_SET, use_ner: bool = True, batch: int | None = None) -> dict:
    """Figures for the whole set (or one batch of it), plus the per-document misses and false alarms."""
    from reviewer.core.settings import Settings
    from reviewer.detect.pipeline import build_detectors, scan_file

    settings = Settings(use_passages=False, use_ocr=False, use_ner=use_ner)
    detectors = build_detectors(settings)
    docs = [json.loads(line) for line in (set_dir / "gold.jsonl").read_text().splitlines() if line.strip()]
    docs = [d for d in docs if batch is None or d.get("batch", 1) == batch]
    total = {"tp": 0, "fp": 0, "fn": 0, "documents": {}}
    for doc in docs:
        result = score_document(doc, scan_file(str(set_dir / doc["file"]), settings, detectors).findings)
        total["documents"][doc["file"]] = result
        for key in ("tp", "fp", "fn"):
            total[key] += result[key]
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    total["precision"] = tp / (tp + fp) if tp + fp else 0.0
    total["recall"] = tp / (tp + fn) if tp + fn else 0.0
    p, r = total["precision"], total["recall"]
    total["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    total["keep_violations"] = sum(len(d["keep_violations"]) for d in total["documents"].values())
    total["clean_flags"] = sum(d["fp"] for name, d in total["documents"].items()
                               if not any(x["file"] == name and x["entities"] for x in docs))
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET)
    ap.add_argument("--no-ner", action="store_true", help="patterns only (what the NER detector adds)")
    ap.add_argument("--batch", type=int, help="only the documents of this batch (1: first ten, 2: written later)")
    ap.add_argument("--show", action="store_true", help="list misses, false alarms and keep violations")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    t = score(args.set, use_ner=not args.no_ner, batch=args.batch)
    print(f"documents {len(t['documents'])}  PERSON tp {t['tp']} fp {t['fp']} fn {t['fn']}  "
          f"P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f}  keep violations {t['keep_violations']}  "
          f"flags on clean documents {t['clean_flags']}")
    if args.show:
        for name, d in t["documents"].items():
            for kind in ("missed", "false_alarms", "keep_violations"):
                for text in d[kind]:
                    print(f"  {name}: {kind} {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
