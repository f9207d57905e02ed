"""`reviewer scan` of a digital letter PDF against bare pdfplumber word extraction, as a CPU-time ratio.

    python benchmarks/pdf_speed.py [--pages 50] [--engine auto] [--repeat 1] [--root CHECKOUT]

Generates a letter-like PDF (letterhead, identity block, prose, signature block, a footer on every
page), then measures in the same run, each as a whole process (interpreter start, imports, model
loading included), the CPU time (user + system) of

- `pdfplumber`: `pdfplumber.open(f)` and `page.extract_words()` over every page, nothing else;
- `scan`: `python -m reviewer scan --format jsonl FILE` with the default detectors (NER and passages on);

and prints their ratio (the target is ≤ 1.0) per round (a round: one scan and one bare run, back to back, so
both see the same load), the median and the worst round, the scan process's peak RSS, and the in-process
throughput of extraction + detection after start-up (one core). CPU time, not wall time: the machine may be
shared. `--root` measures another checkout's reviewer (e.g. main, for a baseline) with this script.

The measured checkout's `reviewer` package is compiled to bytecode first (`compileall`, as `pip install`
does), since the libraries on both sides (pdfplumber, spaCy) are: with PYTHONDONTWRITEBYTECODE set, the
reviewer's own modules would otherwise be compiled from source in every scan. `--no-compile` skips that.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
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


def child_cpu(cmd: list[str], env: dict, root: Path = ROOT) -> tuple[float, float]:
    """CPU seconds (user + system) of a child process, and its peak RSS in MiB."""
    # wait4 gives this child's own usage (RUSAGE_CHILDREN's ru_maxrss is the largest child so far).
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


WHICH = "import reviewer, sys\nprint(reviewer.__file__)\n"


def check_root(root: Path, env: dict) -> None:
    """Fail unless a child process started like the scan imports the reviewer of `root` (not the editable
    install's copy or another worktree)."""
    found = subprocess.run([sys.executable, "-c", WHICH], cwd=root, env=env, check=True, capture_output=True,
                           text=True).stdout.strip()
    if Path(found).resolve() != (root / "reviewer" / "__init__.py").resolve():
        sys.exit(f"the child processes import {found}, not the reviewer of {root}")


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
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout whose reviewer is measured")
    ap.add_argument("--no-compile", action="store_true", help="do not compile the reviewer to bytecode first")
    args = ap.parse_args()
    root = args.root.resolve()
    if not args.no_compile:
        import compileall

        compileall.compile_dir(str(root / "reviewer"), quiet=1)
    sys.path.insert(0, str(root))  # that checkout's reviewer, as the child processes use
    env = dict(os.environ, REVIEWER_PDF_ENGINE=args.engine, PYTHONPATH=str(root))
    check_root(root, env)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "surat.pdf"
        make_letter(path, args.pages)
        scans, bares, rss = [], [], 0.0
        print(f"{args.pages}-page letter, engine {args.engine}, reviewer of {root}"
              f"{' (not compiled to bytecode)' if args.no_compile else ''}")
        for n in range(args.repeat):
            cpu, peak = child_cpu([sys.executable, "-m", "reviewer", "scan", "--format", "jsonl", str(path)], env,
                                  root)
            scans.append(cpu)
            rss = max(rss, peak)
            bares.append(child_cpu([sys.executable, "-c", BARE, str(path)], env, root)[0])
            print(f"  round {n + 1}: scan {cpu:.2f} s, bare {bares[-1]:.2f} s, ratio {cpu / bares[-1]:.2f}, "
                  f"scan RSS {peak:.0f} MiB", flush=True)
        rate = in_process(path, args.engine)
    ratios = [s / b for s, b in zip(scans, bares)]
    scan, bare = min(scans), min(bares)
    print(f"  reviewer scan (whole process, NER + passages): {scan:.2f} s CPU (best), peak RSS {rss:.0f} MiB")
    print(f"  bare pdfplumber extract_words (whole process):  {bare:.2f} s CPU (best)")
    print(f"  ratio scan / bare pdfplumber: best-of {scan / bare:.2f}, per round median "
          f"{statistics.median(ratios):.2f}, max {max(ratios):.2f} (target <= 1.0)")
    print(f"  in-process extraction + detection after start-up: {rate:.1f} pages/s CPU (target >= 25)")


if __name__ == "__main__":
    main()
