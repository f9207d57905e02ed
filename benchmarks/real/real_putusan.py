"""Score the reviewer on 10 real court decisions (putusan) from ../shared (see README.md, "Putusan").

The decisions are not in the repository (they name real private persons, children among them).
They are read at run time from ../shared/real/putusan-dev/text beside the repository (or --texts
DIR); without them this script says so and exits 0. The gold, putusan_gold.jsonl, holds only
character offsets [start, end) into each reference text plus the first 12 hex digits of the
SHA-256 of the span text, so that a changed file is caught instead of scored wrongly.

Each reference text is copied to a temporary .txt file and scanned in-process with the same
pipeline every door uses (`reviewer.extract.extract` + `reviewer.detect.pipeline.scan`, default
settings, no REVIEWER_* variables); the detectors are built once. Nothing tunes anything here.

    python benchmarks/real/real_putusan.py                 # dev split
    python benchmarks/real/real_putusan.py --split heldout # the former held-out half (spent, see README.md)
    python benchmarks/real/real_putusan.py --split blind   # the blind half: run once per report, never --show
    python benchmarks/real/real_putusan.py --show          # misses and false alarms, terminal only
    python benchmarks/real/real_putusan.py --check         # the gold itself: hashes, ids, overlaps; no scan
    python benchmarks/real/real_putusan.py --json OUT      # figures and per-document counts, no text
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_news import FLAG, digest, overlaps, pct, read_text, worst  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).with_name("putusan_gold.jsonl")
DEFAULT_TEXTS = ROOT.parent / "shared" / "real" / "putusan-dev" / "text"
FIELDS = ("place_of_birth", "age", "date_of_birth", "address", "religion", "occupation", "education", "nationality")
# words of the decision's own structure that must never be a PERSON (issue 17 item 3)
PROCEDURAL = re.compile(r"(?i)^(?:menimbang|mengingat|mengadili|memperhatikan|menetapkan|menyatakan|memutuskan|"
                        r"terdakwa|para\s+terdakwa|saksi|anak|korban|anak\s+korban|hakim|panitera|putusan|halaman|"
                        r"demikianlah|disclaimer|penuntut\s+umum|pengadilan\s+negeri(?:\s+\w+)?|mahkamah\s+agung)\W*$")


def role_group(role: str) -> str:
    """The role of a private person in a few words: terdakwa, korban, saksi, anak saksi, keluarga, lain."""
    r = role.lower()
    for key, words in (("korban", ("korban",)), ("anak saksi", ("anak saksi", "anak (")),
                       ("terdakwa", ("terdakwa",)), ("saksi", ("saksi",)), ("keluarga", ("keluarga",))):
        if any(w in r for w in words):
            return key
    return "lain"


def scanner():
    """The reviewer's in-process scan of a text file: (findings as dicts, error)."""
    for k in [k for k in os.environ if k.startswith("REVIEWER_")]:
        del os.environ[k]  # defaults only
    sys.path.insert(0, str(ROOT))
    from reviewer.core.errors import ReviewerError
    from reviewer.core.settings import from_env
    from reviewer.detect.pipeline import detectors_for, scan
    from reviewer.extract import extract

    settings = from_env()
    built = detectors_for(settings)
    for w in built.warnings:
        print(f"real_putusan: warning: {w}", file=sys.stderr)

    def run(path: Path) -> tuple[list[dict], str | None]:
        with tempfile.TemporaryDirectory(prefix="real-putusan-") as tmp:
            copy = Path(tmp) / path.name
            shutil.copyfile(path, copy)
            try:
                result = scan(extract(str(copy)), settings, built.detectors)
            except ReviewerError as exc:
                return [], str(exc)
        return [f.to_dict() for f in result.findings], None

    return run


def score_doc(g: dict, text: str, findings: list[dict]) -> tuple[dict, list[str]]:
    """Counts for one decision and, for --show, lines describing misses and false alarms."""
    c: dict[str, int] = {}
    show: list[str] = []

    def add(key: str, n: int = 1) -> None:
        c[key] = c.get(key, 0) + n

    def snip(s: int, e: int) -> str:
        return " ".join(text[s:e].split())

    entity = [f for f in findings if f["label"] != "PASSAGE"]
    persons = [f for f in entity if f["label"] == "PERSON"]
    flags = [f for f in persons if f["action"] in FLAG]
    gold_spans = []
    for p in g["persons"]:
        if not p["mentions"]:
            continue  # listed with a related decision's people, not named in this one
        cat, actions = p["category"], set()
        if cat == "private":
            rg = role_group(p["role"])
            add("priv_persons")
            add(f"priv_persons:{rg}")
        all_flagged = True
        for s, e, _ in p["mentions"]:
            gold_spans.append((s, e))
            if cat == "private":
                hit = [f for f in flags if overlaps(f, s, e)]
                add("priv_mentions")
                add(f"priv_mentions:{rg}")
                if hit:
                    add("priv_flagged")
                    add(f"priv_flagged:{rg}")
                    add(f"priv_{worst(hit)}")
                    actions.add(worst(hit))
                else:
                    all_flagged = False
                    kept = [f for f in persons if overlaps(f, s, e)]
                    add("priv_person_kept", int(bool(kept)))
                    actions.add("keep" if kept else "none")
                    show.append(f"  MISS {p['id']} ({p['role']}) [{s},{e}) {snip(s, e)!r}"
                                + (" (PERSON found, kept)" if kept else ""))
            else:
                hit = [f for f in entity if overlaps(f, s, e)]
                a = worst(hit)
                actions.add(a)
                add(f"{cat}_mentions")
                add(f"{cat}_{a}")
                if a == "keep" and any("Pasal 18" in " ".join(f["reasons"]) for f in hit if f["action"] == "keep"):
                    add(f"{cat}_keep_reason")
                if a == "keep" and any(re.search(r"Pasal 18|SK KMA", " ".join(f["reasons"])) for f in hit
                                       if f["action"] == "keep"):
                    add(f"{cat}_keep_role")  # counsel: the SK KMA reason (the court does not obscure counsel)
                if a != "keep":
                    show.append(f"  {a.upper()} {cat} {p['id']} ({p['role']}) [{s},{e}) {snip(s, e)!r}")
        if cat == "private":
            add("priv_persons_all_flagged", int(all_flagged))
        add("persons_one_action", int(len(actions) == 1))
        add("persons_total")
    for d in g["identity"]:
        s, e, _ = d["span"]
        add(f"id:{d['field']}")
        if [f for f in entity if overlaps(f, s, e) and f["action"] in FLAG]:
            add(f"id_flagged:{d['field']}")
        else:
            show.append(f"  MISS identity {d['field']} [{s},{e}) {snip(s, e)[:60]!r}")
    for f in flags:
        if not any(f["start"] < e and s < f["end"] for s, e in gold_spans):
            add("false_person")
            show.append(f"  UNMATCHED PERSON {f['action']} [{f['start']},{f['end']}) {snip(f['start'], f['end'])!r}")
    for f in persons:
        if PROCEDURAL.match(" ".join(f["text"].split())):
            add("procedural_person")
            show.append(f"  PROCEDURAL WORD AS PERSON {f['action']} {f['text']!r}")
    for f in findings:
        if f["label"] == "PASSAGE":
            add(f"passage_{f['action']}")
    return c, show


def rows(tot: dict[str, int], docs: int) -> list[tuple[str, str]]:
    t = tot.get
    out = [("decisions", str(docs)),
           ("private persons: mentions flagged (PERSON redact/review)",
            pct(t("priv_flagged", 0), t("priv_mentions", 0))),
           ("  of which redact", pct(t("priv_redact", 0), t("priv_mentions", 0))),
           ("  of which review", pct(t("priv_review", 0), t("priv_mentions", 0)))]
    for rg in ("terdakwa", "korban", "saksi", "anak saksi", "keluarga", "lain"):
        if t(f"priv_mentions:{rg}"):
            out.append((f"  {rg}: mentions flagged", pct(t(f"priv_flagged:{rg}", 0), t(f"priv_mentions:{rg}", 0))))
    out += [("  not flagged, found as PERSON but kept", pct(t("priv_person_kept", 0), t("priv_mentions", 0))),
            ("  private persons with every mention flagged",
             pct(t("priv_persons_all_flagged", 0), t("priv_persons", 0)))]
    for field in FIELDS:
        if t(f"id:{field}"):
            out.append((f"identity block {field} flagged", pct(t(f"id_flagged:{field}", 0), t(f"id:{field}", 0))))
    for cat, name in (("official", "officials (hakim, panitera, jaksa, polisi, dokter)"), ("counsel", "counsel")):
        n = t(f"{cat}_mentions", 0)
        out += [(f"{name}: mentions", str(n)),
                ("  kept", pct(t(f"{cat}_keep", 0), n)),
                ("  kept with the Pasal 18(2) reason", pct(t(f"{cat}_keep_reason", 0), n)),
                ("  kept with a role reason (Pasal 18(2) or SK KMA)", pct(t(f"{cat}_keep_role", 0), n)),
                ("  sent to review", pct(t(f"{cat}_review", 0), n)),
                ("  suggested redact", pct(t(f"{cat}_redact", 0), n)),
                ("  no finding", pct(t(f"{cat}_none", 0), n))]
    out += [("persons with one action on every mention", pct(t("persons_one_action", 0), t("persons_total", 0))),
            ("false persons (PERSON redact/review on no gold person)", str(t("false_person", 0))),
            ("procedural words found as PERSON", str(t("procedural_person", 0))),
            ("PASSAGE findings: redact / review", f"{t('passage_redact', 0)} / {t('passage_review', 0)}")]
    return out


def table(split: str, docs: list[dict], commit: str) -> str:
    tot: dict[str, int] = {}
    for d in docs:
        for k, v in d["counts"].items():
            tot[k] = tot.get(k, 0) + v
    r = rows(tot, len(docs))
    w = max(len(k) for k, _ in r)
    out = [f"split {split} at {commit}", "", f"| {'figure':<{w}} | value |", f"|{'-' * (w + 2)}|-------|"]
    out += [f"| {k:<{w}} | {v} |" for k, v in r]
    errors = [d["doc"] for d in docs if d["error"]]
    if errors:
        out.append(f"\nscan errors in: {', '.join(errors)}")
    return "\n".join(out)


SPLITS = ("dev", "heldout", "blind")
CATEGORIES = ("private", "official", "counsel")


def check_gold(gold: list[dict], texts: Path) -> list[str]:
    """Problems in the gold itself, one line each, no text: a span that does not match its file (hash,
    bounds), an unknown split, category or field, a duplicate document or person id, two persons claiming
    overlapping spans, a field that is not one of the known ones."""
    problems: list[str] = []
    seen_docs: set[str] = set()
    for n, g in enumerate(gold, 1):
        doc = g.get("doc", f"line {n}")
        if doc in seen_docs:
            problems.append(f"{doc}: the document is listed twice")
        seen_docs.add(doc)
        if g.get("split") not in SPLITS:
            problems.append(f"{doc}: unknown split {g.get('split')!r}")
        path = texts / f"{doc}.txt"
        if not path.is_file():
            problems.append(f"{doc}: {path.name} not found in {texts}")
            continue
        text = read_text(path)
        ids: set[str] = set()
        claimed: list[tuple[int, int, str]] = []
        for p in g.get("persons", []):
            if p["id"] in ids:
                problems.append(f"{doc}: person id {p['id']} twice")
            ids.add(p["id"])
            if p.get("category") not in CATEGORIES:
                problems.append(f"{doc} {p['id']}: unknown category {p.get('category')!r}")
            for s, e, h in p.get("mentions", []):
                if not 0 <= s < e <= len(text) or digest(text[s:e]) != h:
                    problems.append(f"{doc} {p['id']}: span [{s},{e}) does not match the file")
                claimed.append((s, e, p["id"]))
        claimed.sort()
        for (s1, e1, a), (s2, e2, b) in zip(claimed, claimed[1:]):
            if s2 < e1:
                problems.append(f"{doc}: spans of {a} [{s1},{e1}) and {b} [{s2},{e2}) overlap")
        for d in g.get("identity", []):
            s, e, h = d["span"]
            if d.get("field") not in FIELDS:
                problems.append(f"{doc}: unknown identity field {d.get('field')!r}")
            if not 0 <= s < e <= len(text) or digest(text[s:e]) != h:
                problems.append(f"{doc} identity {d.get('field')}: span [{s},{e}) does not match the file")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    ap.add_argument("--show", action="store_true", help="print misses and false alarms (terminal only; not blind)")
    ap.add_argument("--check", action="store_true", help="check the gold against the texts, scan nothing")
    ap.add_argument("--json", metavar="OUT", help="write figures and per-document counts (no text) to OUT")
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help=f"folder of the texts (default {DEFAULT_TEXTS})")
    args = ap.parse_args(argv)
    if not args.texts.is_dir():
        print(f"real_putusan: {args.texts} not found; the shared decisions are not on this machine, skipping.")
        return 0
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.check:
        problems = check_gold(gold, args.texts)
        print("\n".join(problems) if problems else
              f"real_putusan: gold ok: {len(gold)} documents, "
              + ", ".join(f"{sum(g['split'] == s for g in gold)} {s}" for s in SPLITS))
        return 1 if problems else 0
    splits = SPLITS if args.split == "all" else (args.split,)
    if args.show and "blind" in splits:
        ap.error("--show is never used on the blind half: its misses are not to be read before a report")
    commit = subprocess.run(["git", "log", "-1", "--format=%h", "--", "reviewer", "models", "patterns",
                             "pyproject.toml"], cwd=ROOT, capture_output=True, text=True).stdout.strip() or "?"
    run = scanner()
    results: dict[str, list[dict]] = {}
    mismatched = 0
    t0 = time.monotonic()
    for g in gold:
        if g["split"] not in splits:
            continue
        path = args.texts / f"{g['doc']}.txt"
        if not path.is_file():
            print(f"real_putusan: {path.name} missing, skipped", file=sys.stderr)
            continue
        text = read_text(path)
        spans = [m for p in g["persons"] for m in p["mentions"]] + [d["span"] for d in g["identity"]]
        if any(digest(text[s:e]) != h for s, e, h in spans):
            print(f"real_putusan: {path.name}: gold spans do not match the file (changed?); skipped", file=sys.stderr)
            continue
        findings, error = run(path)
        mismatched += sum(1 for f in findings if f.get("page", 1) != 1 or text[f["start"]:f["end"]] != f["text"])
        counts, show = score_doc(g, text, findings)
        results.setdefault(g["split"], []).append({"doc": g["doc"], "counts": counts, "error": error})
        if args.show and (show or error):
            print(f"{g['doc']} [{g['split']}]" + (f"\n  SCAN ERROR: {error}" if error else ""))
            print("\n".join(show))
    print()
    for split in splits:
        if results.get(split):
            print(table(split, results[split], commit) + "\n")
    print(f"{sum(len(v) for v in results.values())} decisions scanned in {time.monotonic() - t0:.0f} s; "
          f"findings whose text does not match the file at their offsets: {mismatched}")
    if args.json:
        out = {"commit": commit, "splits": results, "offset_mismatches": mismatched}
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
