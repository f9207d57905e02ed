"""Held-out comparison of two passage corpora on one frozen test set.

    python benchmarks/passages_heldout.py --data models/data/passages --test OLD.jsonl

Training on `--data` runs exactly as in `reviewer train passages` (held-out templates excluded,
half of them calibrate), but the test documents are the held-out test half of `--test` (e.g. the
corpus as it was before a change, `git show REV:models/data/passages/synthetic.jsonl`), so a
corpus change is judged on the same documents as before. No refit, nothing written. Run by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.detect.passages.rules import load_rules, rules_dir  # noqa: E402
from reviewer.train import passages as pt  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "models" / "data" / "passages")
    ap.add_argument("--test", type=Path, required=True, help="corpus file whose held-out test half is scored")
    args = ap.parse_args()
    rules = load_rules(rules_dir(ROOT / "patterns"))
    train_docs, calib_docs, _ = pt.split(pt.load_corpus(args.data, rules))
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "test.jsonl").write_bytes(args.test.read_bytes())
        _, _, test_docs = pt.split(pt.load_corpus(Path(tmp), rules))
    model = pt._fit(train_docs, lambda *_: None, 0.0)
    model.temperature = pt.fit_temperature(*pt._logits(model, calib_docs))
    report = pt.evaluate(model, test_docs)
    ex = report["exempt"]
    print(f"train {len(train_docs)} calib {len(calib_docs)} test {len(test_docs)} docs / {report['test_windows']} windows")
    print(f"exempt P={ex['precision']:.3f} R={ex['recall']:.3f} F1={ex['f1']:.3f}  huruf right "
          f"{report['huruf_accuracy_on_found']:.3f}  angka h {report['angka_accuracy_h']:.3f}  ECE {report['ece_exempt']:.3f}")
    for h, r in report["per_huruf"].items():
        print(f"  {h}: P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} n={r['support']}")
    print(json.dumps({"exempt": ex}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
