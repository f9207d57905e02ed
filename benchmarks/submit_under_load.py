"""A 5,000-finding submit while 10 other users browse (issue 21): no request may fail, and the others' p95
latency during the submit should stay ≤ 1 s (and near their p95 without it).

    python benchmarks/submit_under_load.py [--findings 5000] [--users 10] [--database-url URL]

Serves the app with waitress on 127.0.0.1 (SQLite in a temporary instance folder unless --database-url),
stores one document with --findings undecided suggestions (rows written directly: scanning is not what
is measured) and 30 small documents for the others to browse. The browsing users log in and keep opening
the document list, a document's JSON and its page, first alone (baseline) then while one officer submits
the big document. Prints the submit's duration, the browsing p50/p95/max with and without it, their
ratio, and any failed request. Loopback only.

Measured on the shared 2-core machine (busy with other work), 5,000 findings, 10 users:
  SQLite, this branch:        submit 7.9 s; browsing p95 342 ms alone, 379 ms during (ratio 1.11), max 714 ms, 0 failed
  SQLite, main at 8b55378:    submit 56.8 s; browsing p95 206 ms alone, 308 ms during (ratio 1.49), max 4.8 s, 0 failed
  PostgreSQL 15, this branch: submit 6.3 s; browsing p95 447 ms alone, 462 ms during (ratio 1.03), max 662 ms, 0 failed
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def prepare(app, findings: int) -> tuple[str, list[str]]:
    from sqlalchemy import insert

    from reviewer.review import accounts
    from reviewer.store import records as store

    with app.extensions["reviewer.sessions"]() as s:
        officer = accounts.get(s, "ani")
        shas = []
        for i in range(31):
            sha = hashlib.sha256(f"bench-{i}".encode()).hexdigest()
            s.add(store.DocumentRecord(sha256=sha, filename=f"surat-{i:02d}.txt", size=100, kind="txt",
                                       status="needs_review", uploaded_by_id=officer.id, warnings=[], page_count=1))
            s.add(store.PageRecord(document_sha=sha, number=1, text="Pemohon Sutrisno. " * 20, words=[]))
            shas.append(sha)
        s.flush()
        s.execute(insert(store.FindingRecord), [
            {"document_sha": shas[0], "page": 1, "start": i % 300, "end": i % 300 + 8, "text": "Sutrisno",
             "label": "PERSON", "basis": "17h", "score": 0.9, "action": "redact", "source": "bench",
             "reasons": [], "boxes": []} for i in range(findings)])
        s.commit()
    return shas[0], shas[1:]


def client(base: str, name: str, password: str):
    import requests

    http = requests.Session()
    token = re.search(r'name="csrf-token" content="([^"]+)"', http.get(base + "/login").text).group(1)
    http.post(base + "/login", data={"username": name, "password": password, "csrf_token": token})
    http.headers["X-CSRFToken"] = re.search(r'name="csrf-token" content="([^"]+)"', http.get(base + "/").text
                                            ).group(1)
    return http


def browse(http, base: str, shas: list[str], stop: threading.Event, out: list, failures: list) -> None:
    i = 0
    while not stop.is_set():
        sha = shas[i % len(shas)]
        for path in ("/documents.json", f"/documents/{sha}.json", f"/documents/{sha}"):
            t = time.perf_counter()
            try:
                res = http.get(base + path, timeout=60)
                ok = res.status_code == 200
            except Exception as exc:  # noqa: BLE001 — a failed request is what is measured
                ok, res = False, exc
            out.append(time.perf_counter() - t)
            if not ok:
                failures.append((path, getattr(res, "status_code", repr(res))))
        i += 1


def phase(browsers, base, shas, seconds: float | None, during=None) -> tuple[list, list, float]:
    stop, times, failures = threading.Event(), [], []
    threads = [threading.Thread(target=browse, args=(b, base, shas, stop, times, failures)) for b in browsers]
    for t in threads:
        t.start()
    took = 0.0
    if during is not None:
        time.sleep(0.5)
        start = time.perf_counter()
        during()
        took = time.perf_counter() - start
    else:
        time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    return times, failures, took


def summary(times: list[float]) -> str:
    q = statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99
    return f"n={len(times)} p50={q[49] * 1000:.0f} ms p95={q[94] * 1000:.0f} ms max={max(times) * 1000:.0f} ms"


def main() -> int:
    from waitress import create_server

    from reviewer.core.settings import Settings
    from reviewer.review import accounts
    from webui import create_app

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--findings", type=int, default=5000)
    ap.add_argument("--users", type=int, default=10)
    ap.add_argument("--database-url")
    args = ap.parse_args()
    instance = Path(tempfile.mkdtemp(prefix="submit-load-"))
    config = {"INSTANCE": str(instance), "WORKER": False, "SECRET_KEY": "bench", "SESSION_COOKIE_SECURE": False,
              "SCAN_SETTINGS": Settings(use_ner=False, use_passages=False, use_ocr=False),
              "LOGIN_LIMIT": "10000 per minute"}
    if args.database_url:
        config["DATABASE_URL"] = args.database_url
    app = create_app(config)
    password = "kuda-lumping-merah-7"
    with app.extensions["reviewer.sessions"]() as s:
        accounts.add_user(s, "ani", password, "officer")
        for i in range(args.users):
            accounts.add_user(s, f"tamu{i}", password, "officer")
        s.commit()
    big, small = prepare(app, args.findings)
    srv = create_server(app, host="127.0.0.1", port=0, threads=args.users + 4)
    threading.Thread(target=srv.run, daemon=True).start()
    base = f"http://127.0.0.1:{srv.effective_port}"
    browsers = [client(base, f"tamu{i}", password) for i in range(args.users)]
    officer = client(base, "ani", password)
    alone, failed_alone, _ = phase(browsers, base, small, 5.0)
    answer = {}

    def submit():
        answer["res"] = officer.post(f"{base}/documents/{big}/submit", headers={"Accept": "application/json"})

    during, failed_during, took = phase(browsers, base, small, None, submit)
    srv.close()
    print(f"database: {app.extensions['reviewer.engine'].dialect.name}; {args.findings} findings; {args.users} users")
    print(f"submit: HTTP {answer['res'].status_code} in {took:.2f} s")
    print(f"browsing alone:        {summary(alone)}")
    print(f"browsing during submit: {summary(during)}")
    p95 = statistics.quantiles(during, n=100)[94] / statistics.quantiles(alone, n=100)[94]
    print(f"p95 ratio during/alone: {p95:.2f}; failed requests: {len(failed_alone) + len(failed_during)}"
          f" {(failed_alone + failed_during)[:5]}")
    return 0 if answer["res"].status_code == 200 and not (failed_alone or failed_during) else 1


if __name__ == "__main__":
    sys.exit(main())
