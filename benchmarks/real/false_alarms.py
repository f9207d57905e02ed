"""False alarms on real public Indonesian text: passages flagged per 1,000 held-out sentences.

Ordinary public prose (news, encyclopedic and travel text, the UD treebanks) holds nothing exempt
under Pasal 17, so every PASSAGE suggestion on it is a false alarm. The sentences come from
`../shared/data` (see `reviewer/train/passages/real_open.py` for the sources, their licences and
the fixed split rule); only the held-out half is scanned here: the passage model never trained
on these sentences. Without `../shared/data` the script says so and exits 0.

The held-out sentences of each corpus file are grouped in their file order into documents of
`--per-doc` sentences (default 10), two sentences to a paragraph, written as UTF-8 text files to
a temporary folder and scanned in one run of the public CLI,

    sys.executable -m reviewer scan --format jsonl FOLDER

with cwd = the repository root and no `REVIEWER_*` variables. A finding counts for the sentences it
overlaps. Figures per corpus and in total: PASSAGE findings per 1,000 sentences, redact and review
(the issue's target: 0 redact and <= 2 review), and, beside them, the other labels flagged
(redact/review) per 1,000 sentences. `--devset DIR` adds the clean documents of a gold.jsonl set
(PASSAGE suggestions per document).

    python benchmarks/real/false_alarms.py [--split heldout|dev] [--data ../shared/data] [--json OUT] [--show N]

`--split dev` scans the tuning slice of the MIT half instead (never trained on, see
`real_open.splits`): tune thresholds and rules there, and report the held-out figure.

`--show` prints flagged sentences (openly licensed text) to the terminal; `--json` writes counts only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.train.passages import real_open  # noqa: E402

FLAG = ("redact", "review")


def documents(held: list, per_doc: int) -> list[tuple[str, str, list[tuple[int, int, object]]]]:
    """(name, text, [(start, end, sentence)]) for groups of consecutive sentences of one file."""
    by_file: dict[tuple[str, str], list] = defaultdict(list)
    for s in held:
        by_file[(s.corpus, s.file)].append(s)
    out = []
    for (corpus, file), sents in by_file.items():
        for k in range(0, len(sents), per_doc):
            group = sents[k:k + per_doc]
            text, spans = "", []
            for i, s in enumerate(group):
                text += ("\n\n" if i % 2 == 0 else " ") if i else ""
                spans.append((len(text), len(text) + len(s.text), s))
                text += s.text
            out.append((f"{corpus}__{Path(file).stem}__{k:05d}.txt", text + "\n", spans))
    return out


def scan(folder: Path) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    proc = subprocess.run([sys.executable, "-m", "reviewer", "scan", "--format", "jsonl", str(folder)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"scan gagal / scan failed (exit {proc.returncode})")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def tally(docs, findings: list[dict]) -> tuple[dict, list]:
    spans = {name: sp for name, _, sp in docs}
    sentences = Counter(s.corpus for _, _, sp in docs for *_, s in sp)
    counts: dict[str, Counter] = defaultdict(Counter)
    shown = []
    for f in findings:
        if "error" in f:
            raise SystemExit(f"berkas tidak terbaca / unreadable file: {f['file']}: {f['error']}")
        name = Path(f["file"]).name
        hit = [s for a, b, s in spans[name] if a < f["end"] and f["start"] < b]
        corpus = name.split("__", 1)[0]
        if f["label"] == "PASSAGE":
            counts[corpus][f"passage_{f['action']}"] += 1
            if f["action"] in FLAG:
                counts[corpus]["sentences_flagged"] += len({id(s) for s in hit})
                shown.append((f, hit))
        elif f["action"] in FLAG:
            counts[corpus][f"{f['label']}_{f['action']}"] += 1
    return {c: {"sentences": n, **counts[c]} for c, n in sorted(sentences.items())}, shown


def per_1000(row: dict, key: str) -> float:
    return round(1000 * row.get(key, 0) / row["sentences"], 2) if row["sentences"] else 0.0


def total(rows: dict) -> dict:
    out: Counter = Counter()
    for row in rows.values():
        out.update(row)
    return dict(out)


def devset_clean(devset: Path) -> dict:
    gold = [json.loads(line) for line in (devset / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    clean = [devset / g["file"] for g in gold if g.get("clean")]
    with tempfile.TemporaryDirectory() as tmp:
        for path in clean:
            (Path(tmp) / path.name).write_bytes(path.read_bytes())
        found = scan(Path(tmp))
    pas = Counter(f["action"] for f in found if f.get("label") == "PASSAGE")
    return {"documents": len(clean), "passage_redact": pas["redact"], "passage_review": pas["review"]}


def print_table(rows: dict) -> None:
    print(f"{'corpus':18} {'sentences':>9} {'redact':>7} {'review':>7} {'redact/1k':>9} {'review/1k':>9} "
          f"{'other flags/1k':>14}")
    for name, row in list(rows.items()) + [("TOTAL", total(rows))]:
        other = sum(v for k, v in row.items() if k.endswith(FLAG) and not k.startswith("passage_"))
        print(f"{name:18} {row['sentences']:>9} {row.get('passage_redact', 0):>7} {row.get('passage_review', 0):>7} "
              f"{per_1000(row, 'passage_redact'):>9} {per_1000(row, 'passage_review'):>9} "
              f"{round(1000 * other / row['sentences'], 2):>14}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--split", choices=("heldout", "dev"), default="heldout")
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--devset", type=Path, help="also scan the clean documents of this gold.jsonl set")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print this many flagged sentences (terminal only)")
    args = ap.parse_args()
    try:
        _, dev, held = real_open.splits(args.data)
    except FileNotFoundError as exc:
        print(f"{exc}; tidak ada yang diukur / nothing measured")
        return 0
    if args.split == "dev":
        held = dev
    docs = documents(held, args.per_doc)
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for name, text, _ in docs:
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        findings = scan(Path(tmp))
    rows, shown = tally(docs, findings)
    print(f"{args.split} sentences: {len(held)} in {len(docs)} documents; scan {time.time() - started:.0f} s")
    print_table(rows)
    other = Counter()
    for row in rows.values():
        other.update({k: v for k, v in row.items() if k.endswith(FLAG) and not k.startswith("passage_")})
    print("other labels flagged:", dict(sorted(other.items())))
    result = {"split": args.split, "sentences": len(held), "documents": len(docs), "per_corpus": rows,
              "total": total(rows)}
    if args.devset:
        result["devset_clean"] = devset_clean(args.devset)
        print("dev set clean documents:", result["devset_clean"])
    for f, hit in shown[:args.show]:
        print(f"  {f['action']:6} {f['basis']:5} {f['score']:.2f} {f['source']:20} | "
              f"{' / '.join(s.text for s in hit)[:160]}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
