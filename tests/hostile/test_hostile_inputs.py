"""Every hostile input gets a clear error or a correct result, in bounded time and memory,
without a traceback and without leaving temporary files behind. Each file is scanned in its
own process (as a batch worker would), under a memory limit and a timeout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests.hostile.corpus import Error, Ok, cases

MEMORY_LIMIT = 3 * 1024**3  # address space per scan
TIMEOUT = 90  # seconds per scan (2 shared cores in CI)
RUNNER = (
    "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit})); "
    "from reviewer.cli import main; sys.argv = ['reviewer'] + sys.argv[1:]; main()"
)
CASES = cases()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name, data, _ in CASES:
        (folder / name).write_bytes(data)
    return folder


def scan(path, tmpdir):
    env = {**os.environ, "TMPDIR": str(tmpdir), "REVIEWER_USE_NER": "0", "REVIEWER_USE_PASSAGES": "0",
           "REVIEWER_USE_OCR": "0", "PYTHONPATH": os.getcwd()}
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", RUNNER.format(limit=MEMORY_LIMIT), "scan", "--format", "jsonl",
                           str(path)], capture_output=True, text=True, timeout=TIMEOUT, env=env)
    return proc, time.monotonic() - started


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("name,expected", [(n, e) for n, _, e in CASES], ids=[n for n, _, _ in CASES])
def test_hostile_input(corpus, tmp_path, name, expected):
    proc, seconds = scan(corpus / name, tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    errors = [r["error"] for r in rows if "error" in r]
    if isinstance(expected, Error):
        assert proc.returncode == 1, (proc.returncode, proc.stdout[-500:], proc.stderr[-500:])
        assert len(errors) == 1 and "\n" not in errors[0]
        assert any(w.lower() in errors[0].lower() for w in expected.words), errors[0]
    else:
        assert isinstance(expected, Ok)
        assert proc.returncode == 0, (proc.stdout[-800:], proc.stderr[-800:])
        assert expected.check(rows), (expected.why, rows[:5])
    assert list(tmp_path.iterdir()) == [], "temporary files left behind"
    assert seconds < TIMEOUT
