"""Public text kept in the redacted output: how much of what must stay open survives `redact --suggested`.

Over-withholding is a breach of UU 14/2008 too, so the redacted copy of a public document must read like the
original. For a gold set in the dev-set format (`gold.jsonl` beside the documents, `clean` and `keep` per
document) this script runs the public CLI once over every document,

    sys.executable -m reviewer redact --suggested -o TMPDIR DOCUMENTS...

with cwd = the repository root and no `REVIEWER_*` variables, then reads the text of each original and of its
redacted copy with `reviewer.extract` (OCR for scanned pages, the same engine both sides) and reports:

- clean documents: the share of the original's characters (of word tokens; a token counts as often as it
  occurs in both) that are still in the redacted copy - every suggestion applied to a clean document is a loss;
- keep strings (every document): the share of the characters of the gold `keep` strings (letters and digits
  only) still found in the redacted copy's text.

    python benchmarks/public_text_kept.py [--set ../shared/devset] [--json OUT]

Without the set it says so and exits 0. Prints figures only (no document text).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def text_of(path: Path) -> str:
    from reviewer.core.settings import from_env
    from reviewer.detect.pipeline import prepare
    from reviewer.extract import extract

    document = prepare(extract(str(path)), from_env(), [])
    return "\n".join(p.text for p in document.pages)


def kept_chars(original: str, redacted: str) -> tuple[int, int]:
    """(characters of the original's word tokens still in the copy, characters of its word tokens)."""
    before, after = Counter(re.findall(r"\w+", original.lower())), Counter(re.findall(r"\w+", redacted.lower()))
    total = sum(len(w) * n for w, n in before.items())
    return sum(len(w) * min(n, after[w]) for w, n in before.items()), total


def compact(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).lower()


def keep_chars(keep: list[str], redacted: str) -> tuple[int, int]:
    """(characters of the keep strings still readable in the copy, characters of the keep strings)."""
    body = compact(redacted)
    strings = [compact(k) for k in keep if compact(k)]
    return sum(len(k) for k in strings if k in body), sum(len(k) for k in strings)


def redact_all(paths: list[Path], out: Path) -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    proc = subprocess.run([sys.executable, "-m", "reviewer", "redact", "--suggested", "-o", str(out),
                           *map(str, paths)], cwd=ROOT, env=env, capture_output=True, text=True)
    return proc.returncode


def output_of(out: Path, path: Path) -> Path | None:
    found = sorted(out.glob(f"{path.stem}.disensor{path.suffix}"))
    return found[0] if found else None


def measure(folder: Path) -> dict:
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="public-kept-") as tmp:
        code = redact_all([folder / g["file"] for g in gold], Path(tmp))
        for g in gold:
            copy = output_of(Path(tmp), folder / g["file"])
            original = text_of(folder / g["file"])
            redacted = text_of(copy) if copy else ""
            row = {"file": g["file"], "clean": g.get("clean", False), "written": copy is not None}
            row["kept"], row["chars"] = kept_chars(original, redacted)
            row["keep_kept"], row["keep_chars"] = keep_chars(g.get("keep", []), redacted)
            rows.append(row)
    return {"exit_code": code, "documents": rows}


def share(n: int, d: int) -> str:
    return f"{100 * n / d:.1f} % ({n}/{d})" if d else "-"


def report(result: dict) -> None:
    rows = result["documents"]
    clean = [r for r in rows if r["clean"]]
    for r in clean:
        print(f"  {r['file']:<40} {share(r['kept'], r['chars'])}")
    kept, chars = sum(r["kept"] for r in clean), sum(r["chars"] for r in clean)
    print(f"clean documents ({len(clean)}): public text kept {share(kept, chars)}")
    for r in rows:
        if r["keep_kept"] < r["keep_chars"]:
            print(f"  keep strings lost in {r['file']}: {r['keep_chars'] - r['keep_kept']} characters")
    print(f"keep strings, all documents ({len(rows)}): "
          f"{share(sum(r['keep_kept'] for r in rows), sum(r['keep_chars'] for r in rows))}")
    print(f"redact exit code {result['exit_code']}; copies not written: {sum(not r['written'] for r in rows)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=ROOT.parent / "shared" / "devset")
    ap.add_argument("--json", type=Path, help="write the figures per document (no text) to this file")
    args = ap.parse_args(argv)
    if not (args.set / "gold.jsonl").is_file():
        print(f"{args.set}/gold.jsonl not found; nothing measured")
        return 0
    result = measure(args.set)
    report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
