"""Extraction + pattern detection speed on a synthetic multi-page PDF, DOCX and TXT.

    python benchmarks/bench_scan.py [--pages 50]

Prints pages/second for extraction alone and extraction + detection (patterns and keep rules;
NER and the passage classifier off, they have their own benchmarks), per format.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

LINES = [
    "Nama\t: Rudi Hartono",
    "NIK\t: 3209121503870004",
    "Alamat\t: Jl. Kenanga No. 7 RT 002/RW 005, Kel. Sumber, Kec. Sumber, Kabupaten Cirebon 45611",
    "No. HP\t: 0812-2345-6781, surel rudi.hartono87@gmail.com",
    "Rapat koordinasi membahas rencana kegiatan pelayanan informasi publik tahun anggaran berjalan",
    "dengan anggaran sebesar Rp 231.000.000,00 sesuai Peraturan Daerah Nomor 12 Tahun 2023.",
] * 6


def make_pdf(path: Path, pages: int) -> None:
    import fitz

    doc = fitz.open()
    for _ in range(pages):
        page = doc.new_page(width=595, height=842)
        y = 60
        for line in LINES:
            page.insert_text((50, y), line.replace("\t", "    "), fontsize=9)
            y += 13
    doc.save(path)


def make_docx(path: Path, pages: int) -> None:
    import docx

    d = docx.Document()
    for _ in range(pages):
        for line in LINES:
            d.add_paragraph(line)
    d.save(path)


def make_txt(path: Path, pages: int) -> None:
    path.write_text("\f".join("\n".join(LINES) for _ in range(pages)), encoding="utf-8")


def main() -> None:
    from reviewer.core.settings import Settings
    from reviewer.detect.pipeline import build_detectors, detect
    from reviewer.extract import extract

    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=50)
    args = ap.parse_args()
    settings = Settings(use_ner=False, use_passages=False, use_ocr=False)
    detectors = build_detectors(settings)
    with tempfile.TemporaryDirectory() as tmp:
        for kind, make in (("pdf", make_pdf), ("docx", make_docx), ("txt", make_txt)):
            path = Path(tmp) / f"bench.{kind}"
            make(path, args.pages)
            t0 = time.perf_counter()
            doc = extract(path)
            t1 = time.perf_counter()
            findings = detect(doc, settings, detectors)
            t2 = time.perf_counter()
            print(f"{kind:5s} {args.pages} pages ({len(doc.pages)} extracted pages): "
                  f"extract {args.pages / (t1 - t0):7.1f} pages/s, "
                  f"extract+detect {args.pages / (t2 - t0):7.1f} pages/s, {len(findings)} findings")


if __name__ == "__main__":
    main()
