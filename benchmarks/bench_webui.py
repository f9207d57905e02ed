"""Review UI: time from upload to first page reviewable (10-page digital PDF), and the latency of a
decision request with 20 concurrent clients, against the real app served by waitress on loopback.

    python benchmarks/bench_webui.py [--pages 10] [--clients 20] [--requests 25] [--models]

Run by hand (not a test). Uses a temporary instance (SQLite unless DATABASE_URL is set). Without
--models the NER and passage models are off, as on a PC without them; with it they run if present.
Needs `requests` (installed with spaCy).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LINES = ["Nama\t: Rudi Hartono", "NIK\t: 3209121503870004",
         "Alamat\t: Jl. Kenanga No. 7 RT 002/RW 005, Kel. Sumber, Kec. Sumber, Kabupaten Cirebon 45611",
         "No. HP\t: 0812-2345-6781, surel rudi.hartono87@gmail.com",
         "Rapat koordinasi membahas rencana kegiatan pelayanan informasi publik tahun anggaran berjalan",
         "dengan anggaran sebesar Rp 231.000.000,00 sesuai Peraturan Daerah Nomor 12 Tahun 2023."] * 6


def make_pdf(path: Path, pages: int) -> None:
    import fitz

    doc = fitz.open()
    for n in range(pages):
        page = doc.new_page()
        y = 60
        for line in LINES:
            page.insert_text((50, y), line.replace("\t", "  ") + f" ({n + 1})", fontsize=10)
            y += 18
    doc.save(path)


def serve(app):
    from waitress import create_server

    srv = create_server(app, host="127.0.0.1", port=0, threads=8)
    threading.Thread(target=srv.run, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.effective_port}"


def session_for(base: str, user: str, password: str):
    import requests

    s = requests.Session()
    token = re.search(r'name="csrf-token" content="([^"]+)"', s.get(base + "/login").text).group(1)
    r = s.post(base + "/login", data={"username": user, "password": password, "csrf_token": token},
               allow_redirects=False)
    assert r.status_code == 302, r.text[:300]
    s.csrf = re.search(r'name="csrf-token" content="([^"]+)"', s.get(base + "/").text).group(1)
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=25, help="decision requests per client")
    ap.add_argument("--models", action="store_true")
    args = ap.parse_args()

    from reviewer.core.settings import from_env
    from reviewer.review import accounts
    from webui import create_app

    tmp = Path(tempfile.mkdtemp(prefix="bench-webui-"))
    settings = from_env() if args.models else from_env(use_ner=False, use_passages=False)
    from reviewer.store import records as store

    store.upgrade(store.make_engine(store.database_url(tmp)))  # what `reviewer db upgrade` does
    app = create_app({"INSTANCE": str(tmp), "SECRET_KEY": "bench", "SESSION_COOKIE_SECURE": False,
                      "LOGIN_LIMIT": "10000 per minute", "SCAN_SETTINGS": settings})
    with app.extensions["reviewer.sessions"]() as s:
        accounts.add_user(s, "bench", "bench-password", "officer")
        s.commit()
    srv, base = serve(app)
    pdf = tmp / "sepuluh-halaman.pdf"
    make_pdf(pdf, args.pages)
    officer = session_for(base, "bench", "bench-password")

    t0 = time.perf_counter()
    with pdf.open("rb") as fh:
        r = officer.post(base + "/upload", files={"file": (pdf.name, fh, "application/pdf")},
                         data={"csrf_token": officer.csrf}, allow_redirects=False)
    sha = r.headers["Location"].rstrip("/").split("/")[-1]
    upload_s = time.perf_counter() - t0
    first = None
    while True:
        if first is None and officer.get(f"{base}/documents/{sha}/pages/1.json").status_code == 200:
            first = time.perf_counter() - t0
        if officer.get(f"{base}/documents/{sha}/status.json").json()["status"] != "processing":
            break
        time.sleep(0.02)
    done = time.perf_counter() - t0
    print(f"{args.pages}-page PDF: upload request {upload_s * 1000:.0f} ms, first page reviewable "
          f"{first:.2f} s, all pages {done:.2f} s")

    findings = officer.get(f"{base}/documents/{sha}.json").json()["findings"]
    ids = [f["id"] for f in findings]
    clients = [session_for(base, "bench", "bench-password") for _ in range(args.clients)]

    def work(i: int) -> list[float]:
        s, out = clients[i], []
        for k in range(args.requests):
            fid = ids[(i * args.requests + k) % len(ids)]
            t = time.perf_counter()
            r = s.post(f"{base}/documents/{sha}/findings/{fid}/decide", headers={"Accept": "application/json"},
                       data={"verdict": "redact" if k % 2 else "keep", "csrf_token": s.csrf})
            out.append(time.perf_counter() - t)
            assert r.status_code == 200, r.text[:200]
        return out

    t = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        lat = sorted(x for chunk in pool.map(work, range(args.clients)) for x in chunk)
    wall = time.perf_counter() - t
    p95 = lat[int(0.95 * (len(lat) - 1))]
    print(f"decisions: {len(lat)} requests from {args.clients} concurrent clients in {wall:.1f} s "
          f"({len(lat) / wall:.0f}/s); median {statistics.median(lat) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms ({len(findings)} findings on the document)")
    srv.close()


if __name__ == "__main__":
    main()
