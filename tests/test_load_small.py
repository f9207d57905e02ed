"""A small version of benchmarks/load_reviewers.py: concurrent reviewers through the real server
(waitress on 127.0.0.1), every acknowledged decision a row, no errors."""

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "load_reviewers.py"


def test_concurrent_reviewers_lose_no_decision(tmp_path):
    spec = importlib.util.spec_from_file_location("load_reviewers", BENCH)
    load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)
    result = load.run(tmp_path / "instance", sessions=8, rounds=6, documents=3, threads=4)
    assert result["errors"] == 0, result
    assert result["acknowledged"] == result["requests"] == 48
    assert result["rows"] == result["acknowledged"], result
