"""Score the reviewer on 54 real Indonesian press releases and news texts (see README.md, "News").

The texts are not in the repository (not openly licensed; they name real private persons). They
are read at run time from ../shared/real/news-dev/text beside the repository (or --texts DIR);
without them this script says so and exits 0. The gold, news_gold.jsonl, holds only character
offsets [start, end) into each file's text plus the first 12 hex digits of the SHA-256 of the
span text, so that a changed file is caught instead of scored wrongly.

Each file is scanned on its own, one at a time, as a subprocess of the public CLI

    sys.executable -m reviewer scan --format jsonl COPY

with cwd = the repository root, on a temporary copy of the file. The reviewer package is never
imported here. Nothing tunes anything: the script only counts.

    python benchmarks/real/real_news.py                 # dev split
    python benchmarks/real/real_news.py --split heldout # the held-out half: report it once
    python benchmarks/real/real_news.py --show          # misses and false alarms, terminal only
    python benchmarks/real/real_news.py --json OUT      # figures and per-document counts, no text

--show prints text from the shared files to the terminal; --json writes no document text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).with_name("news_gold.jsonl")
DEFAULT_TEXTS = ROOT.parent / "shared" / "real" / "news-dev" / "text"
FLAG = ("redact", "review")


def digest(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:12]


def read_text(path: Path) -> str:
    """The text as the reviewer's plain-text reader sees it (UTF-8, BOM dropped, CRLF -> LF)."""
    data = path.read_bytes()
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def overlaps(f: dict, s: int, e: int) -> bool:
    return f.get("page", 1) == 1 and f["start"] < e and s < f["end"]


def scan(path: Path) -> tuple[list[dict], str | None]:
    """Findings for one file through the CLI, on a temp copy; (findings, error)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}  # defaults only
    with tempfile.TemporaryDirectory(prefix="real-news-") as tmp:
        copy = Path(tmp) / path.name
        shutil.copyfile(path, copy)
        proc = subprocess.run([sys.executable, "-m", "reviewer", "scan", "--format", "jsonl", str(copy)],
                              cwd=ROOT, env=env, capture_output=True, text=True)
    findings, error = [], None
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        obj = json.loads(line)
        if "error" in obj:
            error = obj["error"]
        else:
            findings.append(obj)
    if proc.returncode not in (0, 1):
        error = error or f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
    elif proc.returncode == 1 and error is None:
        error = "exit 1"
    return findings, error


def worst(fs: list[dict]) -> str:
    actions = {f["action"] for f in fs}
    for a in ("redact", "review", "keep"):
        if a in actions:
            return a
    return "none"


def score_doc(g: dict, text: str, findings: list[dict]) -> tuple[dict, list[str]]:
    """Counts for one document and, for --show, lines describing misses and false alarms."""
    c: dict[str, int] = {}
    show: list[str] = []

    def add(key: str, n: int = 1) -> None:
        c[key] = c.get(key, 0) + n

    def snip(s: int, e: int) -> str:
        return " ".join(text[s:e].split())

    entity = [f for f in findings if f["label"] != "PASSAGE"]
    person_flags = [f for f in entity if f["label"] == "PERSON" and f["action"] in FLAG]
    for f in findings:
        add(f"{f['action']}_all")
        if f["label"] == "PASSAGE":
            add(f"passage_{f['action']}")
    if g["clean"]:
        for f in findings:
            if f["action"] in FLAG:
                show.append(f"  clean doc, {f['action']}: {f['label']} [{f['start']},{f['end']}) "
                            f"{snip(f['start'], f['end'])[:90]!r}")
    gold_person_spans = []
    for p in g["persons"]:
        cat = p["category"]
        flagged_all = True
        for s, e, _ in p["mentions"]:
            gold_person_spans.append((s, e))
            if cat == "private":
                hit = [f for f in person_flags if overlaps(f, s, e)]
                add("priv_mentions")
                if hit:
                    add("priv_flagged")
                    add(f"priv_{worst(hit)}")
                else:
                    flagged_all = False
                    kept = [f for f in entity if f["label"] == "PERSON" and overlaps(f, s, e)]
                    add("priv_person_kept", int(bool(kept)))
                    show.append(f"  MISS private {p['id']} ({p['role']}) [{s},{e}) {snip(s, e)!r}"
                                + (" (PERSON found, kept)" if kept else ""))
            else:
                a = worst([f for f in entity if overlaps(f, s, e)])
                add("pub_mentions")
                add(f"pub_{a}")
                if a in FLAG:
                    labels = sorted({f["label"] for f in entity if overlaps(f, s, e) and f["action"] == a})
                    show.append(f"  {a.upper()} {cat} {p['id']} ({p['role']}) [{s},{e}) {snip(s, e)!r} "
                                f"as {'/'.join(labels)}")
        if cat == "private":
            add("priv_persons")
            add("priv_persons_all_flagged", int(flagged_all))
    for d in g["private_data"]:
        s, e, _ = d["span"]
        add("pd_total")
        hit = [f for f in entity if overlaps(f, s, e) and f["action"] in FLAG]
        if hit:
            add("pd_flagged")
        else:
            show.append(f"  MISS private_data {d['field']} [{s},{e}) {snip(s, e)!r}")
    for s, e, _ in g["agency_contact"]:
        add("ac_total")
        a = worst([f for f in entity if overlaps(f, s, e)])
        if a in FLAG:
            add(f"ac_{a}")
            show.append(f"  {a.upper()} agency contact [{s},{e}) {snip(s, e)[:90]!r}")
    for f in person_flags:
        if not any(f["start"] < e and s < f["end"] for s, e in gold_person_spans):
            add("unmatched_person")
            show.append(f"  UNMATCHED PERSON {f['action']} [{f['start']},{f['end']}) "
                        f"{snip(f['start'], f['end'])!r}")
    return c, show


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "-"


def per(n: int, d: int) -> str:
    return f"{n / d:.2f}" if d else "-"


def table(split: str, docs: list[dict], commit: str) -> str:
    clean = [d for d in docs if d["gold"]["clean"]]
    tot: dict[str, int] = {}
    for d in docs:
        for k, v in d["counts"].items():
            tot[k] = tot.get(k, 0) + v
    ctot = {"redact": sum(d["counts"].get("redact_all", 0) for d in clean),
            "review": sum(d["counts"].get("review_all", 0) for d in clean)}
    quiet = sum(1 for d in clean if d["counts"].get("redact_all", 0) == 0 and d["counts"].get("review_all", 0) <= 1)
    t = tot.get
    rows = [
        ("documents (clean)", f"{len(docs)} ({len(clean)})"),
        ("clean docs: redact suggestions / doc", per(ctot["redact"], len(clean))),
        ("clean docs: review suggestions / doc", per(ctot["review"], len(clean))),
        ("clean docs with 0 redact and <= 1 review", pct(quiet, len(clean))),
        ("PASSAGE findings / doc: redact", per(t("passage_redact", 0), len(docs))),
        ("PASSAGE findings / doc: review", per(t("passage_review", 0), len(docs))),
        ("officials + public figures: mentions", str(t("pub_mentions", 0))),
        ("  kept (keep finding overlapping)", pct(t("pub_keep", 0), t("pub_mentions", 0))),
        ("  sent to review", pct(t("pub_review", 0), t("pub_mentions", 0))),
        ("  suggested redact", pct(t("pub_redact", 0), t("pub_mentions", 0))),
        ("  no finding", pct(t("pub_none", 0), t("pub_mentions", 0))),
        ("private persons: mentions flagged (PERSON redact/review)",
         pct(t("priv_flagged", 0), t("priv_mentions", 0))),
        ("  of which redact", pct(t("priv_redact", 0), t("priv_mentions", 0))),
        ("  of which review", pct(t("priv_review", 0), t("priv_mentions", 0))),
        ("  not flagged but found as PERSON and kept", pct(t("priv_person_kept", 0), t("priv_mentions", 0))),
        ("  persons with every mention flagged", pct(t("priv_persons_all_flagged", 0), t("priv_persons", 0))),
        ("private_data spans flagged (redact/review)", pct(t("pd_flagged", 0), t("pd_total", 0))),
        ("agency contacts suggested redact", pct(t("ac_redact", 0), t("ac_total", 0))),
        ("agency contacts sent to review", pct(t("ac_review", 0), t("ac_total", 0))),
        ("unmatched PERSON flags (redact/review, no gold person)", str(t("unmatched_person", 0))),
    ]
    errors = [d["doc"] for d in docs if d["error"]]
    w = max(len(r[0]) for r in rows)
    out = [f"split {split} at {commit}", "", f"| {'figure':<{w}} | value |", f"|{'-' * (w + 2)}|-------|"]
    out += [f"| {k:<{w}} | {v} |" for k, v in rows]
    if errors:
        out.append(f"\nscan errors in: {', '.join(errors)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    ap.add_argument("--show", action="store_true", help="print misses and false alarms (terminal only)")
    ap.add_argument("--json", metavar="OUT", help="write figures and per-document counts (no text) to OUT")
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help=f"folder of the texts (default {DEFAULT_TEXTS})")
    args = ap.parse_args(argv)

    if not args.texts.is_dir():
        print(f"real_news: {args.texts} not found; the shared news texts are not on this machine, skipping.")
        return 0
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    # the last commit that changed what is measured (code, models, patterns), not the benchmark files
    commit = subprocess.run(["git", "log", "-1", "--format=%h", "--", "reviewer", "models", "patterns",
                             "pyproject.toml"], cwd=ROOT, capture_output=True, text=True).stdout.strip() or "?"
    results: dict[str, list[dict]] = {}
    bad_gold = mismatched = 0
    t0 = time.monotonic()
    for g in gold:
        if g["split"] not in splits:
            continue
        path = args.texts / f"{g['doc']}.txt"
        if not path.is_file():
            print(f"real_news: {path.name} missing, skipped", file=sys.stderr)
            continue
        text = read_text(path)
        spans = [m for p in g["persons"] for m in p["mentions"]] + [d["span"] for d in g["private_data"]] \
            + g["agency_contact"]
        wrong = [sp for sp in spans if digest(text[sp[0]:sp[1]]) != sp[2]]
        if wrong:
            bad_gold += 1
            print(f"real_news: {path.name}: {len(wrong)} gold span(s) do not match the file (changed?); skipped",
                  file=sys.stderr)
            continue
        findings, error = scan(path)
        for f in findings:
            if f.get("page", 1) != 1 or text[f["start"]:f["end"]] != f["text"]:
                mismatched += 1
        counts, show = score_doc(g, text, findings)
        results.setdefault(g["split"], []).append({"doc": g["doc"], "gold": g, "counts": counts,
                                                    "error": error, "show": show})
        if args.show and (show or error):
            print(f"{g['doc']} [{g['split']}]{' clean' if g['clean'] else ''}")
            if error:
                print(f"  SCAN ERROR: {error}")
            print("\n".join(show))
    elapsed = time.monotonic() - t0
    print()
    for split in splits:
        if results.get(split):
            print(table(split, results[split], commit))
            print()
    print(f"{sum(len(v) for v in results.values())} documents scanned in {elapsed:.0f} s; "
          f"findings whose text does not match the file at their offsets: {mismatched}")
    if bad_gold:
        print(f"{bad_gold} document(s) skipped: gold hashes do not match")
    if args.json:
        out = {"commit": commit, "splits": {
            s: {"documents": [{"doc": d["doc"], "clean": d["gold"]["clean"], "error": d["error"], "counts": d["counts"]}
                              for d in docs]} for s, docs in results.items()},
            "offset_mismatches": mismatched}
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
