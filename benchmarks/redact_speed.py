"""Redaction speed: redact + verify, and the log and draft, on synthetic PDF, DOCX and TXT documents.

    python benchmarks/redact_speed.py [--pages 20] [--devset ../shared/devset]

Each page holds 36 lines with 12 redactions (names, NIKs, phones). Prints, per format, the time
of the redaction itself (format redactor), of the verification (re-extraction by every extractor,
hidden-data search, over-redaction), and of writing the log and the uji konsekuensi draft, with
pages/second. With --devset, also the time per document of `redact --suggested` minus the scan.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

LINES = [
    "Nama pemohon: Rudi Hartono, NIK 3209121503870004, HP 0812-2345-6781",
    "Alamat kantor Jalan Veteran Nomor 12 Sukamaju, telepon (0231) 481234",
    "Rapat koordinasi membahas rencana kegiatan pelayanan informasi publik tahun berjalan",
    "Saksi: Siti Aminah, NIK 3209126608790002, HP 0857-1122-3344, tinggal di Kel. Sumber",
] * 9
SECRETS = [("Rudi Hartono", "PERSON", "17h"), ("3209121503870004", "NIK", "17j"), ("0812-2345-6781", "PHONE", "17h"),
           ("Siti Aminah", "PERSON", "17a2"), ("3209126608790002", "NIK", "17j"), ("0857-1122-3344", "PHONE", "17h")]


def make(kind: str, path: Path, pages: int) -> None:
    if kind == "pdf":
        import fitz

        doc = fitz.open()
        for _ in range(pages):
            page = doc.new_page(width=595, height=842)
            for i, line in enumerate(LINES):
                page.insert_text((50, 60 + i * 11), line, fontsize=9)  # tight: leading 1.2 x size
        doc.save(path)
    elif kind == "docx":
        import docx

        d = docx.Document()
        for _ in range(pages):
            for line in LINES:
                d.add_paragraph(line)
            d.add_page_break()
        d.save(path)
    else:
        path.write_text("\f".join("\n".join(LINES) for _ in range(pages)), encoding="utf-8")


def decisions_for(document):
    from reviewer.core.model import Decision

    out = []
    for page in document.pages:
        for text, label, basis in SECRETS:
            out += [Decision(page.number, m.start(), m.end(), text, label, basis)
                    for m in re.finditer(re.escape(text), page.text)]
    return out


def timed(kind: str, pages: int, workdir: Path) -> dict:
    from reviewer.core.settings import Settings
    from reviewer.extract import extract
    from reviewer.redact import document as redact_module
    from reviewer.redact.report import write_all

    settings = Settings(use_ner=False, use_passages=False, use_ocr=False)
    source = workdir / f"bench.{kind}"
    make(kind, source, pages)
    document = extract(source)
    decisions = decisions_for(document)
    phases: dict[str, float] = {}
    original_redact, original_verify = redact_module._redact, redact_module._verify

    def clock(name, fn):
        def wrapped(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                phases[name] = time.perf_counter() - t
        return wrapped

    redact_module._redact, redact_module._verify = clock("redact", original_redact), clock("verify", original_verify)
    try:
        t = time.perf_counter()
        report = redact_module.redact_document(source, decisions, workdir / f"out.{kind}", settings, document=document)
        total = time.perf_counter() - t
    finally:
        redact_module._redact, redact_module._verify = original_redact, original_verify
    t = time.perf_counter()
    write_all(report, settings)
    phases["log+draft"] = time.perf_counter() - t
    return {"kind": kind, "pages": pages, "redactions": len(decisions), "total": total, **phases}


def devset(path: Path, workdir: Path) -> None:
    from reviewer.core.settings import from_env
    from reviewer.detect.pipeline import scan_file
    from reviewer.redact import decisions_from_findings, redact_document

    settings = from_env(use_ocr=False)
    times = []
    for f in sorted(path.glob("dev*")):
        if f.suffix not in (".pdf", ".docx", ".txt"):
            continue
        result = scan_file(str(f), settings)
        if any(p.ocr or p.needs_ocr for p in result.document.pages):
            continue
        decisions = decisions_from_findings(result.findings, result.document)
        t = time.perf_counter()
        redact_document(f, decisions, workdir / ("d" + f.suffix), settings, document=result.document)
        times.append((time.perf_counter() - t, f.name, len(decisions)))
    times.sort()
    print(f"\ndevset, digital documents: {len(times)}; redact+verify per document (scan excluded): "
          f"median {times[len(times) // 2][0]:.2f} s, max {times[-1][0]:.2f} s ({times[-1][1]}, "
          f"{times[-1][2]} redactions)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--devset", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'format':6} {'pages':>5} {'redactions':>10} {'redact s':>9} {'verify s':>9} {'log+draft s':>11} "
              f"{'total s':>8} {'pages/s':>8}")
        for kind in ("pdf", "docx", "txt"):
            r = timed(kind, args.pages, Path(tmp))
            print(f"{r['kind']:6} {r['pages']:>5} {r['redactions']:>10} {r['redact']:>9.2f} {r['verify']:>9.2f} "
                  f"{r['log+draft']:>11.2f} {r['total']:>8.2f} {r['pages'] / r['total']:>8.1f}")
        if args.devset:
            devset(args.devset, Path(tmp))


if __name__ == "__main__":
    main()
