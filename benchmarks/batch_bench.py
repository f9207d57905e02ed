"""Batch screening benchmark (run by hand; figures go in the notes, not in tests).

    python benchmarks/batch_bench.py [--pdfs 40] [--pages 4] [--docx 10] [--scans 3] [--presidio /tmp/presidio-lib]

Builds a synthetic archive (digital PDFs, DOCX, a few scanned pages as PNG; fictional people), then reports:
  * plain pdfplumber (every page's words), our extraction (reviewer.extract: pdfplumber with a faster character
    conversion, tables, reading order) and detection alone, on the same documents;
  * Microsoft Presidio's analyzer (default recognizers, our spaCy model) on the same extracted text, when
    presidio-analyzer is importable (pass the folder it was installed to with --presidio);
  * end-to-end `run_batch` with 1 and 2 workers: pages/s, pages/s per core, speed-up, peak RSS per worker
    and of the parent;
  * the parent's peak RSS for an archive of N and 4N documents (memory must stay flat).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LINES = ["PEMERINTAH KABUPATEN SUKAMAJU", "DINAS SOSIAL", "Jalan Veteran Nomor 12 Sukamaju 45211",
         "SURAT KETERANGAN Nomor: {i:03d}/DINSOS/2025", "Yang bertanda tangan di bawah ini menerangkan bahwa:",
         "Nama: Siti Aminah {i}", "NIK: 3209126608790002", "Alamat: Jl. Melati No. {i} RT 001/RW 002, Kel. Sumber",
         "Nomor HP: 0857-1122-{i:04d}", "Rekening BRI 0123-01-00{i:04d}-50-1 atas nama yang bersangkutan.",
         "Yang bersangkutan benar warga kami dan tercatat sebagai penerima bantuan sosial tahun 2025.",
         "Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."]


def build(folder: Path, pdfs: int, pages: int, docx: int, scans: int) -> int:
    import docx as pydocx
    import fitz

    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(pdfs):
        doc = fitz.open()
        for p in range(pages):
            page = doc.new_page()
            page.insert_text((60, 60), "\n".join(line.format(i=i * 10 + p) for line in LINES * 3), fontsize=10)
        doc.save(folder / f"surat-{i:03d}.pdf")
        total += pages
    for i in range(docx):
        d = pydocx.Document()
        for line in LINES * 2:
            d.add_paragraph(line.format(i=i))
        d.save(folder / f"formulir-{i:03d}.docx")
        total += 1
    for i in range(scans):
        doc = fitz.open()
        page = doc.new_page()
        page.insert_text((60, 60), "\n".join(line.format(i=900 + i) for line in LINES), fontsize=12)
        page.get_pixmap(dpi=200).save(folder / f"pindaian-{i:02d}.png")
        total += 1
    return total


class PeakRSS:
    """Samples this process and its children every 50 ms; peak per process."""

    def __init__(self):
        import psutil

        self.me = psutil.Process()
        self.peak: dict[int, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        import psutil

        while not self.stop.wait(0.05):
            for p in [self.me, *self.me.children(recursive=True)]:
                try:
                    self.peak[p.pid] = max(self.peak.get(p.pid, 0), p.memory_info().rss)
                except psutil.Error:
                    pass

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def mib(n: int) -> float:
    return round(n / 2**20, 1)


def stages(folder: Path, settings, presidio_path: str | None) -> dict:
    import pdfplumber

    from reviewer.detect.pipeline import build_detectors, detect
    from reviewer.extract import extract

    pdfs = sorted(folder.glob("*.pdf"))
    t = time.perf_counter()
    for p in pdfs:  # pdfplumber on its own: every page's words, as plain pdfplumber gives them
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_words()
    t_plumber = time.perf_counter() - t
    t = time.perf_counter()
    docs = [extract(p) for p in pdfs]
    t_extract = time.perf_counter() - t
    pages = sum(len(d.pages) for d in docs)
    detectors = build_detectors(settings, [])
    detect(docs[0], settings, detectors)  # warm-up
    t = time.perf_counter()
    for d in docs:
        detect(d, settings, detectors)
    t_detect = time.perf_counter() - t
    out = {"pdf_pages": pages, "pdfplumber_words_s": round(t_plumber, 3), "extract_s": round(t_extract, 3), "extract_pages_per_s": round(pages / t_extract, 1),
           "detect_s": round(t_detect, 3), "detect_over_extract": round(t_detect / t_extract, 3)}
    if presidio_path:
        out.update(presidio(docs, settings, presidio_path))
    return out


def presidio(docs, settings, path: str) -> dict:
    sys.path.append(path)
    try:
        import tldextract

        tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)  # no network
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
    except ImportError as exc:
        return {"presidio": f"not available: {exc}"}
    model = str(settings.models_dir / "ner-id")
    if not Path(model).is_dir():  # Presidio would try to download a model of that name
        return {"presidio": f"not run: no spaCy model at {model}"}
    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
                                                    "models": [{"lang_code": "en", "model_name": model}]})
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    engine.analyze(docs[0].pages[0].text, language="en")  # warm-up
    t = time.perf_counter()
    for d in docs:
        for page in d.pages:
            engine.analyze(page.text, language="en")
    return {"presidio_s": round(time.perf_counter() - t, 3)}


def batch(paths, settings, workers: int, tmp: Path) -> dict:
    """One `run_batch` in a fresh process (as `reviewer batch` runs): time, worker start-up included,
    and the peak RSS of that process and of its workers, untouched by what this script has loaded."""
    import subprocess

    db = tmp / f"bench-{workers}-{time.monotonic_ns()}.sqlite3"
    job = {"paths": [str(p) for p in paths], "db": f"sqlite:///{db}", "workers": workers,
           "use_ner": settings.use_ner, "use_passages": settings.use_passages}
    with PeakRSS() as rss:
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, __file__, "--one-batch", json.dumps(job)], capture_output=True,
                              text=True, check=True)
        seconds = time.perf_counter() - t
    totals = json.loads(proc.stdout.strip().splitlines()[-1])
    parent = totals.pop("pid")
    workers_peak = sorted((v for k, v in rss.peak.items() if k not in (rss.me.pid, parent)), reverse=True)[:workers]
    return {"workers": workers, "seconds": round(seconds, 2), "pages": totals["pages"],
            "failed": totals["failed"], "pages_per_s": round(totals["pages"] / seconds, 2),
            "pages_per_s_per_core": round(totals["pages"] / seconds / workers, 2),
            "peak_worker_rss_mib": [mib(v) for v in workers_peak], "peak_parent_rss_mib": mib(rss.peak.get(parent, 0))}


def one_batch(job: dict) -> None:
    from reviewer.batch.run import BatchOptions, run_batch
    from reviewer.core.settings import from_env

    settings = from_env().with_(use_ner=job["use_ner"], use_passages=job["use_passages"])
    totals = run_batch(job["paths"], job["db"], settings, BatchOptions(workers=job["workers"], fresh=True))
    print(json.dumps({"pid": os.getpid(), "pages": totals.pages, "failed": totals.failed}))


def flat_memory(settings, tmp: Path, n: int) -> dict:
    """Parent peak RSS over an archive of n and 4n small documents in one zip (patterns only, fast)."""
    out = {}
    for size in (n, 4 * n):
        archive = tmp / f"arsip-{size}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for i in range(size):
                zf.writestr(f"unit/surat-{i:05d}.txt", "\n".join(line.format(i=i) for line in LINES))
        res = batch([archive], settings.with_(use_ner=False, use_passages=False), 2, tmp)
        out[size] = res["peak_parent_rss_mib"]
    return {"parent_peak_rss_mib_by_docs": out}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdfs", type=int, default=40)
    ap.add_argument("--pages", type=int, default=4)
    ap.add_argument("--docx", type=int, default=10)
    ap.add_argument("--scans", type=int, default=3)
    ap.add_argument("--flat", type=int, default=500, help="documents in the small archive of the memory check")
    ap.add_argument("--presidio", help="folder where presidio-analyzer is installed (pip install --target)")
    ap.add_argument("--one-batch", help=argparse.SUPPRESS)  # internal: one measured run in its own process
    args = ap.parse_args()
    if args.one_batch:
        return one_batch(json.loads(args.one_batch))
    from reviewer.core.settings import from_env

    settings = from_env()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        digital = tmp / "digital"
        build(digital, args.pdfs, args.pages, 0, 0)
        mixed = tmp / "campuran"
        build(mixed, max(args.pdfs // 4, 1), args.pages, args.docx, args.scans)
        results = {"machine": {"cpus": os.cpu_count()}, "stages": stages(digital, settings, args.presidio)}
        results["digital_pdf"] = [batch([digital], settings, w, tmp) for w in (1, 2)]
        one, two = results["digital_pdf"]
        results["speedup_2_vs_1"] = round(two["pages_per_s"] / one["pages_per_s"], 2)
        results["mixed"] = [batch([mixed], settings, w, tmp) for w in (1, 2)]
        results.update(flat_memory(settings, tmp, args.flat))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
