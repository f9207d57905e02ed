"""Load test on loopback: N reviewers deciding at once through the real server (waitress).

    python benchmarks/load_reviewers.py [--sessions 20] [--rounds 25] [--documents 4]

Starts `reviewer serve` on 127.0.0.1 (a free port) with a fresh instance folder, creates the
accounts and documents, waits for the server's own worker to scan them, then runs `--sessions`
browser-like sessions in threads (log in with the CSRF token, open a document's JSON, decide a
finding). Half the sessions work on one shared document, the others spread over the rest. At the
end every decision the server acknowledged must be a row in the database (none lost, none extra).
Prints throughput (decisions per second) and latency percentiles. Loopback only, nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "sandi-beban-123"


def prepare(instance: Path, sessions: int, documents: int) -> list[str]:
    """Accounts reviewer0.. and documents with many findings; returns the documents' SHA-256."""
    from reviewer.review import accounts
    from reviewer.review import scanning as process
    from reviewer.store import records as store

    instance.mkdir(parents=True, exist_ok=True)
    engine = store.make_engine(store.sqlite_url(instance / "reviewer.sqlite3"))
    store.upgrade(engine)
    shas = []
    with store.session_factory(engine)() as s:
        for i in range(sessions):
            accounts.add_user(s, f"peninjau{i}", PASSWORD, "officer" if i % 2 else "reviewer")
        for d in range(documents):
            path = instance / f"dok{d}.txt"
            path.write_text("".join(f"Warga {d}-{k}: NIK 3209120708750{k:03d}, telepon 0812-2345-{d:02d}{k:02d}.\n"
                                    for k in range(40)))
            doc, _ = process.accept_upload(s, instance / "originals", path, path.name)
            shas.append(doc.sha256)
            path.unlink()
        s.commit()
    engine.dispose()
    return shas


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(instance: Path, port: int, threads: int = 8) -> subprocess.Popen:
    env = {**os.environ, "REVIEWER_SECURE_COOKIES": "0", "REVIEWER_LOGIN_LIMIT": "10000 per minute",
           "REVIEWER_USE_NER": "0", "REVIEWER_USE_PASSAGES": "0", "REVIEWER_USE_OCR": "0",
           "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)  # the instance folder's SQLite file
    return subprocess.Popen([sys.executable, "-m", "reviewer", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--instance", str(instance), "--threads", str(threads)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


class Browser:
    """One reviewer's session: cookies, the CSRF token, JSON requests."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.token = ""

    def get(self, path: str, **headers) -> tuple[int, bytes]:
        return self._open(urllib.request.Request(self.base + path, headers=headers))

    def post(self, path: str, data: dict, **headers) -> tuple[int, bytes]:
        body = urllib.parse.urlencode({**data, "csrf_token": self.token}).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, headers=headers))

    def _open(self, request) -> tuple[int, bytes]:
        try:
            with self.opener.open(request, timeout=60) as res:
                return res.status, res.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def login(self, name: str) -> None:
        _, html = self.get("/login")
        self.token = re.search(rb'name="csrf-token" content="([^"]+)"', html).group(1).decode()
        self.post("/login", {"username": name, "password": PASSWORD})
        _, html = self.get("/")
        self.token = re.search(rb'name="csrf-token" content="([^"]+)"', html).group(1).decode()


def wait_ready(base: str, shas: list[str], timeout: float = 300) -> None:
    browser = Browser(base)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            browser.login("peninjau0")
            states = [json.loads(browser.get(f"/documents/{sha}/status.json")[1])["status"] for sha in shas]
            if all(s == "needs_review" for s in states):
                return
        except (OSError, AttributeError, ValueError):
            pass
        time.sleep(0.5)
    raise RuntimeError("server did not become ready")


def reviewer(base: str, index: int, shas: list[str], rounds: int, out: dict, lock: threading.Lock) -> None:
    browser = Browser(base)
    browser.login(f"peninjau{index}")
    rng = random.Random(index)
    sha = shas[0] if index % 2 == 0 else shas[1 + index % (len(shas) - 1)]  # half on one shared document
    _, body = browser.get(f"/documents/{sha}.json", Accept="application/json")
    findings = [f["id"] for f in json.loads(body)["findings"]]
    for _ in range(rounds):
        finding = rng.choice(findings)
        verdict = rng.choice(("redact", "keep"))
        started = time.perf_counter()
        status, body = browser.post(f"/documents/{sha}/findings/{finding}/decide", {"verdict": verdict},
                                    Accept="application/json")
        elapsed = time.perf_counter() - started
        ok = status == 200 and json.loads(body).get("ok")
        with lock:
            out["latencies"].append(elapsed)
            out["ok" if ok else "errors"] += 1
            if not ok:
                out["codes"].append(status)


def count_decisions(instance: Path) -> int:
    from sqlalchemy import func, select

    from reviewer.store import records as store

    engine = store.make_engine(store.sqlite_url(instance / "reviewer.sqlite3"))
    with store.session_factory(engine)() as s:
        n = s.scalar(select(func.count()).select_from(store.DecisionRecord))
    engine.dispose()
    return n


def run(instance: Path, sessions: int = 20, rounds: int = 25, documents: int = 4, threads: int = 8) -> dict:
    shas = prepare(instance, sessions, documents)
    port = free_port()
    server = start_server(instance, port, threads)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, shas)
        out, lock = {"latencies": [], "ok": 0, "errors": 0, "codes": []}, threading.Lock()
        workers = [threading.Thread(target=reviewer, args=(base, i, shas, rounds, out, lock))
                   for i in range(sessions)]
        started = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        seconds = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    lat = sorted(out["latencies"])
    return {"sessions": sessions, "requests": len(lat), "acknowledged": out["ok"], "errors": out["errors"],
            "error_codes": sorted(set(out["codes"])), "rows": count_decisions(instance),
            "seconds": round(seconds, 2), "throughput": round(len(lat) / seconds, 1),
            "p50_ms": round(1000 * statistics.median(lat), 1),
            "p95_ms": round(1000 * lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1),
            "max_ms": round(1000 * lat[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=25, help="decisions per session")
    parser.add_argument("--documents", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reviewer-load-") as tmp:
        result = run(Path(tmp) / "instance", args.sessions, args.rounds, args.documents, args.threads)
    print(json.dumps(result, indent=1))
    if result["rows"] != result["acknowledged"]:
        sys.exit("decisions lost or duplicated")


if __name__ == "__main__":
    main()
