"""The hostile corpus through `reviewer batch`: as a folder, inside a zip, next to zips with
path-traversal names, symbolic links and bombs. The batch finishes, every bad file is recorded with
a clear one-line error, nothing is written outside the database and the originals store, no
temporary files are left."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer.store import records as store
from tests.hostile.corpus import NIK, Error, cases

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
CASES = cases()


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _symlink_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo("tautan.txt")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
        zf.writestr("biasa.txt", f"NIK {NIK} di arsip tautan")
    return buf.getvalue()


TRAVERSAL = {"../../keluar.txt": b"NIK 3209125204950003 keluar", "/etc/absolut.txt": b"absolut",
             "C:\\Windows\\drive.txt": b"drive", "ok/../../naik.txt": b"naik",
             "unit/aman.txt": f"Surat aman NIK {NIK}".encode()}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch-hostile")
    folder = root / "arsip"
    folder.mkdir()
    for name, data, _ in CASES:
        (folder / name).write_bytes(data)
    (folder / "korpus.zip").write_bytes(_zip({f"dalam/{n}": d for n, d, _ in CASES if len(d) < 4 << 20}))
    (folder / "traversal.zip").write_bytes(_zip(TRAVERSAL))
    (folder / "symlink.zip").write_bytes(_symlink_zip())
    (folder / "bom.zip").write_bytes(_zip({"nol.txt": b"0" * (300 << 20)}))  # 300 MiB of zeros, ratio ~1000:1
    (folder / "bersarang.zip").write_bytes(_zip({"a.zip": _zip({"b.zip": _zip({"c.zip": _zip(
        {"d.zip": _zip({"dalam.txt": f"NIK {NIK} terlalu dalam".encode()})})})})}))
    (folder / "rusak.zip").write_bytes(b"PK\x03\x04" + os.urandom(200))
    return root


@pytest.fixture(scope="module")
def batch_run(archive):
    tmp = archive / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT)}
    db = archive / "inst" / "reviewer.sqlite3"
    proc = subprocess.run([sys.executable, "-m", "reviewer", "batch", str(archive / "arsip"), "--db", str(db),
                           "--workers", "2", "--timeout", "60", "--max-memory", "1536", "--no-ner",
                           "--no-passages", "--no-ocr", "--report", str(archive / "laporan")],
                          capture_output=True, text=True, timeout=900, env=env, cwd=archive)
    engine = store.make_engine(store.sqlite_url(db))
    with store.session_factory(engine)() as s:
        items = {i.name: i for i in s.scalars(select(store.BatchItem))}
        docs = {d.sha256: d for d in s.scalars(select(store.DocumentRecord))}
        s.expunge_all()
    engine.dispose()
    return proc, items, docs


def _item(items, name: str):
    found = [i for n, i in items.items() if n.endswith(os.sep + name) or n.endswith("!" + name)
             or n.endswith("/" + name)]
    assert found, (name, sorted(items)[:5])
    return found[0]


def test_batch_survives_the_corpus(batch_run, archive):
    proc, items, _ = batch_run
    assert proc.returncode == 1, proc.stderr[-3000:]  # some documents failed; the run did not
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    summary = lines[-1]
    assert summary["event"] == "summary" and summary["items"] == len(items)
    assert all("\n" not in (i.error or "") for i in items.values())
    assert list((archive / "tmp").iterdir()) == []
    assert sorted(p.name for p in archive.iterdir()) == ["arsip", "inst", "laporan", "tmp"]
    html = (archive / "laporan" / "ringkasan.html").read_text()
    assert "<script>alert" not in html and "\u202e" not in html


@pytest.mark.parametrize("name,expected", [(n, e) for n, _, e in CASES], ids=[n for n, _, _ in CASES])
def test_each_corpus_file_in_the_folder(batch_run, name, expected):
    _, items, docs = batch_run
    item = _item(items, name)
    if name.startswith("."):  # a hidden file to the batch: passed over, with the reason
        assert item.status == "skipped" and item.error
    elif isinstance(expected, Error):
        assert item.status in ("failed", "unsupported"), (item.status, item.error)
        assert any(w.lower() in item.error.lower() for w in expected.words), item.error
    else:
        assert item.status in ("scanned", "unchanged"), (item.status, item.error)
        stored = docs[item.document_sha].filename
        assert "/" not in stored and "\\" not in stored and "\u202e" not in stored and "\n" not in stored


def test_zipped_corpus_gets_the_same_outcomes(batch_run):
    _, items, _ = batch_run
    for name, data, expected in CASES:
        if len(data) >= 4 << 20:
            continue
        inside = items.get(f"{os.sep.join(['arsip', 'korpus.zip'])}!dalam/{name}") or next(
            i for n, i in items.items() if n.endswith(f"korpus.zip!dalam/{name}"))
        if name.startswith("."):
            continue
        bad = isinstance(expected, Error)
        assert (inside.status in ("failed", "unsupported")) == bad, (name, inside.status, inside.error)


def test_hostile_zips_are_skipped_with_reasons(batch_run, archive):
    _, items, docs = batch_run
    zipped = {n.split("!", 1)[1]: i for n, i in items.items() if "traversal.zip!" in n}
    for name in ("../../keluar.txt", "/etc/absolut.txt", "ok/../../naik.txt"):
        assert zipped[name].status == "skipped" and zipped[name].error, name
    assert zipped["unit/aman.txt"].status == "scanned"
    assert not (archive / "keluar.txt").exists() and not Path("/etc/absolut.txt").exists()
    link = next(i for n, i in items.items() if n.endswith("symlink.zip!tautan.txt"))
    assert link.status == "skipped" and link.error
    bomb = next(i for n, i in items.items() if "bom.zip" in n)
    assert bomb.status == "skipped" and bomb.error
    deep = [i for n, i in items.items() if "bersarang.zip" in n]
    assert deep and all(i.status in ("skipped", "failed") for i in deep)
    broken = next(i for n, i in items.items() if n.endswith("rusak.zip"))
    assert broken.status in ("skipped", "failed") and broken.error
    originals = archive / "inst" / "originals"
    assert {p.name for p in originals.rglob("*") if p.is_file()} <= {d.content_sha for d in docs.values()}
