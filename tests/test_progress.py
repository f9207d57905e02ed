"""Progress bars at a terminal, and nothing of them in piped or JSONL output.

The commands run in a child process whose stdout and stderr are pseudo-terminals (a real terminal
as far as the process can tell) or pipes, so what is tested is what a person or a script sees.
"""

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from reviewer.core import progress

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
TEXTS = {"a.txt": "Pemohon: Budi Santoso, NIK 3209121503870004, telepon 0812-2345-6781.\n",
         "b.txt": "Surat edaran kepala dinas tentang jam kerja.\n",
         "c.txt": "Alamat surel pelapor rudi.hartono87@gmail.com.\n"}


def _env(tmp_path: Path) -> dict:
    return {**os.environ, "REVIEWER_OCR_CACHE": str(tmp_path / "ocr-cache"), "PYTHONPATH": str(ROOT),
            "REVIEWER_INSTANCE": str(tmp_path / "instance")}


def run(argv, tmp_path, stdout_tty=True, stderr_tty=True):
    """(exit code, stdout bytes, stderr bytes) of `python -m reviewer argv` with terminals or pipes."""
    ends, mine = {}, {}
    for name, tty in (("out", stdout_tty), ("err", stderr_tty)):
        if tty:
            parent, child = pty.openpty()
            fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
        else:
            parent, child = os.pipe()
        mine[name], ends[name] = parent, child
    proc = subprocess.Popen([sys.executable, "-m", "reviewer", *argv], cwd=ROOT, env=_env(tmp_path),
                            stdin=subprocess.DEVNULL, stdout=ends["out"], stderr=ends["err"])
    for fd in ends.values():
        os.close(fd)
    got = {fd: b"" for fd in mine.values()}
    open_fds = list(mine.values())
    while open_fds:
        ready, _, _ = select.select(open_fds, [], [], 120)
        assert ready, "the command hangs"
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # a pseudo-terminal whose other end closed
                data = b""
            if data:
                got[fd] += data
            else:
                open_fds.remove(fd)
                os.close(fd)
    return proc.wait(timeout=60), got[mine["out"]], got[mine["err"]]


def plain(data: bytes) -> bytes:
    """What a terminal shows as text: newlines as written, no colour codes."""
    return ANSI.sub(b"", data.replace(b"\r\n", b"\n"))


@pytest.fixture
def texts(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


SCAN = ["scan", "--no-ner", "--no-passages", "--no-ocr"]


def test_scan_at_a_terminal_shows_a_bar_and_a_summary(texts, tmp_path):
    code, out, err = run([*SCAN, str(texts)], tmp_path)
    assert code == 0
    assert b"3/3" in err and b"berkas" in err  # the bar, ending at every file done
    assert re.search(rb"\d+%\|", err)
    summary = plain(err).rstrip().splitlines()[-1]
    assert summary.startswith(b"3 berkas dibaca, 0 gagal; 3 halaman") and b"3 files read" in summary
    _, piped, _ = run([*SCAN, str(texts)], tmp_path, stdout_tty=False, stderr_tty=False)
    assert plain(out) == piped  # the table itself is the same, the bar never lands in it


@pytest.mark.parametrize("stdout_tty, stderr_tty", [(False, True), (True, False), (False, False)])
def test_no_bar_unless_both_streams_are_terminals(texts, tmp_path, stdout_tty, stderr_tty):
    code, out, err = run([*SCAN, str(texts)], tmp_path, stdout_tty, stderr_tty)
    assert code == 0
    assert b"3/3" not in err and b"berkas dibaca" not in err and b"|" not in err


def test_jsonl_is_byte_identical_at_a_terminal(texts, tmp_path):
    bad = texts / "d.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    code, at_terminal, err = run([*SCAN, "--format", "jsonl", str(texts)], tmp_path)
    piped_code, piped, _ = run([*SCAN, "--format", "jsonl", str(texts)], tmp_path, False, False)
    assert code == piped_code == 1  # the broken file
    assert at_terminal.replace(b"\r\n", b"\n") == piped
    assert len([json.loads(line) for line in piped.splitlines()]) >= 4
    assert b"berkas dibaca" not in err and b"%|" not in err


def test_one_file_shows_no_file_bar(texts, tmp_path):
    code, out, err = run([*SCAN, str(texts / "a.txt")], tmp_path)
    assert code == 0 and b"1/1" not in err and b"%|" not in err
    assert b"1 berkas dibaca, 0 gagal; 1 halaman" in plain(err)


@pytest.mark.slow
def test_batch_at_a_terminal_and_piped(texts, tmp_path):
    args = ["batch", "--db", str(tmp_path / "b.sqlite"), "--workers", "1", "--no-ner", "--no-passages",
            "--no-ocr", str(texts)]
    code, out, err = run(args, tmp_path)
    assert code == 0
    assert b"3/3" in err and b"dok" in err
    assert b"3 berkas" in plain(out) and b"3 dipindai" in plain(out)
    code, out, err = run([*args, "--fresh"], tmp_path, stdout_tty=False, stderr_tty=True)
    assert code == 0 and b"3/3" not in err
    summary = json.loads(out.splitlines()[-1])
    assert summary["event"] == "summary" and summary["unchanged"] == 3


def test_watcher_sees_reports_only_inside_its_block():
    seen = []
    progress.report("ocr", 1, 2)
    with progress.watching(lambda *a: seen.append(a)):
        progress.report("ocr", 1, 2)
        watcher = progress.current()
    progress.report("ocr", 2, 2)
    progress.report("ocr", 2, 2, watcher)
    assert seen == [("ocr", 1, 2), ("ocr", 2, 2)]


def _tesseract_missing() -> str:
    from reviewer.core.errors import OcrError
    from reviewer.ocr.engine import find_engine

    try:
        return "" if "ind" in find_engine().languages else "Tesseract has no 'ind' data"
    except OcrError as exc:
        return f"Tesseract not installed ({exc})"


def _scan_tiff(path: Path, pages: int) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=38)
    frames = []
    for n in range(pages):
        image = Image.new("L", (1200, 300), 255)
        ImageDraw.Draw(image).text((60, 100), f"Halaman {n + 1} surat permohonan", font=font, fill=0)
        frames.append(image)
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300), compression="tiff_lzw")
    return path


@pytest.mark.ocr
def test_ocr_reports_each_page_read(tmp_path):
    if _tesseract_missing():
        pytest.skip(_tesseract_missing())
    from reviewer.core.settings import Settings
    from reviewer.extract import extract
    from reviewer.ocr import ocr_document

    path = _scan_tiff(tmp_path / "scan.tif", 3)
    settings = Settings(ocr_cache_dir=tmp_path / "cache", ocr_workers=2)
    runs = []
    for _ in range(2):  # read, then from the cache: every page counts as read at once
        seen = []
        with progress.watching(lambda *a, seen=seen: seen.append(a)):
            document = ocr_document(extract(str(path)), settings, [])
        assert all(not p.needs_ocr for p in document.pages)
        runs.append(seen)
    assert runs == [[("ocr", n, 3) for n in range(4)], [("ocr", 3, 3)]]


@pytest.mark.ocr
@pytest.mark.slow
def test_scan_of_a_scanned_file_shows_ocr_pages(tmp_path):
    if _tesseract_missing():
        pytest.skip(_tesseract_missing())
    path = _scan_tiff(tmp_path / "scan.tif", 3)
    code, out, err = run(["scan", "--no-ner", "--no-passages", str(path)], tmp_path)
    assert code == 0
    assert b"OCR" in err and b"3/3" in err and b"hlm" in err


def test_queue_commits_each_page_read_for_the_upload_progress(tmp_path, monkeypatch):
    """Another connection (the web UI polling status.json) sees `pages_read` grow page by page."""
    import dataclasses

    from reviewer.core.settings import Settings
    from reviewer.detect import pipeline
    from reviewer.review import scanning
    from reviewer.store import jobs, originals
    from reviewer.store import records as store
    from tests.webui_helpers import migrate

    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    migrate(url)
    engine = store.make_engine(url)
    factory = store.session_factory(engine)
    src = _scan_tiff(tmp_path / "scan.tif", 3)
    with factory() as session:
        sha, _ = originals.put_file(tmp_path / "originals", src)
        sha = store.add_document(session, sha, src.name, src.stat().st_size).sha256
        session.flush()
        jobs.enqueue(session, sha)
        session.commit()
    seen = []

    def fake_ocr(document, settings, warnings):  # Tesseract is tested elsewhere; here only the counting
        if not any(p.needs_ocr for p in document.pages):
            return document
        with factory() as other:
            seen.append(other.get(store.DocumentRecord, sha).pages_read)
        read = dataclasses.replace
        return read(document, pages=tuple(read(p, text="Surel: ani@contoh.co.id", needs_ocr=False, ocr=True)
                                          for p in document.pages))

    monkeypatch.setattr(pipeline, "prepare", fake_ocr)
    settings = Settings(use_ner=False, use_passages=False, use_ocr=True, ocr_cache=False)
    with factory() as session:
        scanning.run_job(factory, jobs.claim(session, "w"), tmp_path / "originals", settings)
    with factory() as session:
        doc = session.get(store.DocumentRecord, sha)
        assert (doc.status, doc.pages_read, doc.pages_done) == ("needs_review", 3, 3)
    assert seen == [0, 1, 2]
    engine.dispose()


def test_review_page_shows_the_reading_stage(tmp_path):
    from reviewer.store import records as store
    from tests.webui_helpers import login, make_app

    app = make_app(tmp_path / "instance")
    with app.extensions["reviewer.sessions"]() as session:
        doc = store.add_document(session, "a" * 64, "pindaian.pdf", 10)
        doc.kind, doc.page_count, doc.pages_read = "pdf", 12, 4
        session.commit()
    client = app.test_client()
    login(client, "root")
    html = client.get(f"/documents/{doc.sha256}").get_data(as_text=True)
    assert 'value="4"' in html and "Membaca halaman (OCR untuk hasil pindaian): 4 dari 12." in html
    assert 'data-detecting="Semua {total} halaman terbaca' in html
    status = client.get(f"/documents/{doc.sha256}/status.json").get_json()
    assert (status["pages_read"], status["pages_done"], status["page_count"]) == (4, 0, 12)
