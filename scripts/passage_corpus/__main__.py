"""Write the synthetic passage corpus: `python scripts/passage_corpus [--docs N] [--seed S] [--out FILE]`.

Output: one JSON document per line in the training format of `reviewer train passages`
(models/data/README.md). Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "data" / "passages" / "synthetic.jsonl")
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    part = args.out.with_suffix(".part")
    with open(part, "w", encoding="utf-8") as fh:
        for record in build(args.docs, args.seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    part.replace(args.out)
    print(f"{args.docs} dokumen / documents -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
