"""`reviewer scan` of a digital letter PDF against bare pdfplumber word extraction, as a CPU-time ratio.

    python benchmarks/pdf_speed.py [--pages 50] [--engine auto] [--repeat 1]

Generates a letter-like PDF (letterhead, identity block, prose, signature block, a footer on every
page), then measures in the same run, each as a whole process (interpreter start, imports, model
loading included), the CPU time (user + system) of

- `pdfplumber`: `pdfplumber.open(f)` and `page.extract_words()` over every page, nothing else;
- `scan`: `python -m reviewer scan --format jsonl FILE` with the default detectors (NER and passages on);

and prints their ratio (the target is ≤ 1.0), the scan process's peak RSS, and the in-process throughput of
extraction + detection after start-up (one core). CPU time, not wall time: the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LETTER = [
    ("PEMERINTAH KOTA CONTOH - DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", 12),
    ("Jalan Merdeka Nomor 10, Kota Contoh 50111, Telepon (024) 3512345", 9),
    ("Nomor: 470/123/2024                                Kota Contoh, 4 Maret 2024", 11),
    ("Perihal: Keterangan domisili", 11),
    ("Yang bertanda tangan di bawah ini menerangkan bahwa:", 11),
    ("Nama            : Rudi Hartono", 11),
    ("NIK             : 3209121503870004", 11),
    ("Tempat/Tgl Lahir: Cirebon, 15 Maret 1987", 11),
    ("Alamat          : Jl. Kenanga No. 7 RT 002/RW 005, Kel. Sumber, Kec. Sumber", 11),
    ("No. HP          : 0812-2345-6781", 11),
] + [("Warga tersebut benar berdomisili di wilayah kami dan surat keterangan ini dibuat untuk keperluan "
      "pengurusan administrasi kependudukan", 11)] * 14 + [
    ("Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.", 11),
    ("Kepala Dinas Kependudukan dan Pencatatan Sipil", 11),
    ("Drs. Bambang Sutrisno, M.Si.", 11),
    ("NIP 196803121994031005", 11),
]


def make_letter(path: Path, pages: int) -> None:
    import fitz

    doc = fitz.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        y = 60.0
        for text, size in LETTER:
            page.insert_text((60, y), text[:95], fontsize=size)
            y += size * 1.9
        page.insert_text((60, 810), f"Dokumen ini ditandatangani secara elektronik - halaman {n + 1} dari {pages}",
                         fontsize=8)
    doc.save(path)


BARE = "import sys, pdfplumber\nwith pdfplumber.open(sys.argv[1]) as pdf:\n    for p in pdf.pages:\n" \
       "        p.extract_words()\n"


def child_cpu(cmd: list[str], env: dict) -> tuple[float, float]:
    """CPU seconds (user + system) of a child process, and the children's peak RSS in MiB so far."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss / 1024


def in_process(path: Path, engine: str) -> float:
    from reviewer.core.settings import from_env
    from reviewer.detect.pipeline import detectors_for, scan_file

    try:
        settings = from_env(pdf_engine=engine)
    except TypeError:  # a version of the reviewer before the engine setting (for a baseline)
        settings = from_env()
    detectors = detectors_for(settings).detectors
    warm = path.with_name("warm-up.pdf")  # another document: per-document caches must not carry over
    make_letter(warm, 2)
    scan_file(str(warm), settings, detectors)  # warm-up: models loaded, caches filled
    t0 = time.process_time()
    result = scan_file(str(path), settings, detectors)
    return len(result.document.pages) / (time.process_time() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))  # this checkout's reviewer, as the child processes use
    env = dict(os.environ, REVIEWER_PDF_ENGINE=args.engine, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "surat.pdf"
        make_letter(path, args.pages)
        scans, bares, rss = [], [], 0.0
        for _ in range(args.repeat):
            cpu, rss = child_cpu([sys.executable, "-m", "reviewer", "scan", "--format", "jsonl", str(path)], env)
            scans.append(cpu)
            bares.append(child_cpu([sys.executable, "-c", BARE, str(path)], env)[0])
        rate = in_process(path, args.engine)
    scan, bare = min(scans), min(bares)
    print(f"{args.pages}-page letter, engine {args.engine}")
    print(f"  reviewer scan (whole process, NER + passages): {scan:.2f} s CPU, peak RSS {rss:.0f} MiB")
    print(f"  bare pdfplumber extract_words (whole process):  {bare:.2f} s CPU")
    print(f"  ratio scan / bare pdfplumber: {scan / bare:.2f} (target <= 1.0)")
    print(f"  in-process extraction + detection after start-up: {rate:.1f} pages/s CPU (target >= 25)")


if __name__ == "__main__":
    main()
