"""Reading order on real PDFs: the reviewer's page text against a published reading-order text.

    python benchmarks/reading_order.py [--set ../shared/real/putusan-dev] [--engines pymupdf,pdfplumber]
                                       [--limit N] [--json out.json]

For every PDF of the set (`pdf/NAME.pdf`, reference `text/NAME.txt`) and every engine it prints:

- `align`: how much of the reviewer's text reads in the reference's order, 2·LCS / (len(ours) + len(ref)) over
  letters and digits only (lower case, whitespace and punctuation ignored), computed with rapidfuzz's Indel
  distance. Both sides lose their page furniture first, the same way for every engine (see `_body`): the
  reference was published with headers and footers placed before each page's body and some of their lines
  dropped, so they cannot be compared in place. Watermark letters that stand in our text, or lines read
  interleaved, lower the score.
- `ident`: the share of identity-block values of the reference ("Nama lengkap :", "Tempat lahir :",
  "Umur/Tanggal lahir :", "Tempat tinggal :", "Pekerjaan :" ...) that stand contiguous in our page text
  (letters and digits compared, so only whitespace and punctuation may lie between their words).
- `pages/s`: extraction throughput in CPU time (one process, after start-up, extraction only).

The reference text is used for word order, never copied. Skips cleanly (exit 0) when the set is absent.
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULT_SET = Path(__file__).resolve().parents[1].parent / "shared" / "real" / "putusan-dev"
FIELDS = ("Nama lengkap", "Tempat lahir", "Umur/Tanggal lahir", "Umur / Tanggal lahir", "Tanggal lahir",
          "Tempat tinggal", "Pekerjaan", "Jenis kelamin", "Kebangsaan", "Kewarganegaraan", "Agama",
          "Pendidikan")
VALUE_FIELDS = ("Nama lengkap", "Tempat lahir", "Umur/Tanggal lahir", "Umur / Tanggal lahir", "Tempat tinggal",
                "Pekerjaan")
# A value in the reference ends where the next numbered field, the next field label or a new sentence begins.
_NEXT = re.compile(r"\s*(?:\d{1,2}\s*\.\s*)?(?i:" + "|".join(re.escape(f) for f in FIELDS)
                   + r")\s*:|\d{1,2}\s*\.\s*[A-Z]|Terdakwa|Para Terdakwa|\s{2,}|;")
FURNITURE_SHARE = 0.5  # a line repeated (digits aside) on at least this share of pages is page furniture


def compact(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def identity_values(reference: str) -> list[str]:
    """The values after the identity-block labels of the reference text."""
    out = []
    for field in VALUE_FIELDS:
        for m in re.finditer(re.escape(field) + r"\s*:\s*", reference, re.I):
            rest = reference[m.end():m.end() + 200]
            end = _NEXT.search(rest)
            value = rest[:end.start() if end else 120].strip(" ,.")
            if 2 <= len(compact(value)) and len(value) <= 150:
                out.append(value)
    return out


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _body(pages: list[str]) -> tuple[str, set[str]]:
    """Page texts without their furniture (lines repeated, digits aside, on most pages), and that furniture."""
    counts = Counter(k for text in pages for k in {_line_key(line) for line in text.splitlines() if line.strip()})
    need = max(2, FURNITURE_SHARE * len(pages))
    furniture = {k for k, n in counts.items() if n >= need and len(pages) > 1}
    body = ["\n".join(line for line in text.splitlines() if _line_key(line) not in furniture) for text in pages]
    return "\n".join(body), furniture


def _reference_body(reference: str, furniture: set[str]) -> str:
    """The reference in letters and digits, without the furniture lines found in our text."""
    ref = compact(reference)
    for key in sorted(furniture, key=len, reverse=True):
        parts = [compact(p) for p in key.split("#")]
        if sum(map(len, parts)) < 6:
            continue
        pattern = r"\d*".join(re.escape(p) for p in parts)
        ref = re.sub(pattern, "", ref)
    return ref


def align(ours: str, ref: str) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(ours, ref)


def contiguous(values: list[str], pages: list[str]) -> tuple[int, int]:
    whole = compact("".join(pages))
    found = sum(1 for v in values if compact(v) in whole)
    return found, len(values)


def extractor(engine: str):
    from reviewer.extract import extract

    if "pdf_engine" in inspect.signature(extract).parameters:
        return lambda path: extract(path, pdf_engine=engine)
    if engine != "pdfplumber":
        return None  # this version has only pdfplumber
    return extract


def page_texts(document) -> list[str]:
    """Each page's text with artifact words (watermark letters, turned or huge glyphs) blanked, when the
    version of the reviewer marks them: the body text that detectors read. Furniture stays, so that
    `_body` finds it the same way for every version."""
    out = []
    for page in document.pages:
        chars = list(page.text)
        for w in page.words:
            if getattr(w, "kind", "body") == "artifact":
                chars[w.start:w.end] = " " * (w.end - w.start)
        out.append("".join(chars))
    return out


def run_one(pdf: Path, ref_path: Path, read) -> dict:
    t0 = time.process_time()  # CPU time: the machine may be shared
    document = read(str(pdf))
    elapsed = time.process_time() - t0
    pages = page_texts(document)
    reference = ref_path.read_text(encoding="utf-8", errors="replace")
    body, furniture = _body(pages)
    score = align(compact(body), _reference_body(reference, furniture))
    found, total = contiguous(identity_values(reference), pages)
    return {"doc": pdf.stem, "pages": len(pages), "align": round(score, 4), "ident_found": found,
            "ident_total": total, "seconds": round(elapsed, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET)
    ap.add_argument("--engines", default="pymupdf,pdfplumber")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's reviewer
    pdfs = sorted((args.set / "pdf").glob("*.pdf"))
    if not pdfs:
        print(f"skipped: no PDFs under {args.set / 'pdf'}")
        return 0
    pdfs = pdfs[: args.limit or None]
    rows = []
    for engine in args.engines.split(","):
        read = extractor(engine)
        if read is None:
            print(f"engine {engine}: not available in this version")
            continue
        read(str(pdfs[0]))  # start-up (imports) outside the timing
        rows += [dict(run_one(pdf, args.set / "text" / (pdf.stem + ".txt"), read), engine=engine) for pdf in pdfs]
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def print_table(rows: list[dict]) -> None:
    print(f"{'document':<48} {'engine':<10} {'pages':>5} {'align':>7} {'ident':>9} {'pages/s':>8}")
    for r in rows:
        print(f"{r['doc'][:48]:<48} {r['engine']:<10} {r['pages']:>5} {r['align']:>7.4f} "
              f"{r['ident_found']:>4}/{r['ident_total']:<4} {r['pages'] / max(r['seconds'], 1e-9):>8.1f}")
    for engine in dict.fromkeys(r["engine"] for r in rows):
        mine = [r for r in rows if r["engine"] == engine]
        found, total = sum(r["ident_found"] for r in mine), sum(r["ident_total"] for r in mine)
        pages, secs = sum(r["pages"] for r in mine), sum(r["seconds"] for r in mine)
        print(f"{engine}: min align {min(r['align'] for r in mine):.4f}, mean "
              f"{sum(r['align'] for r in mine) / len(mine):.4f}; identity values contiguous {found}/{total} "
              f"({found / max(total, 1):.1%}); {pages / max(secs, 1e-9):.1f} pages/s")


if __name__ == "__main__":
    sys.exit(main())
