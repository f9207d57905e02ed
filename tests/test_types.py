"""`reviewer/` type-checks: mypy, with the settings in pyproject.toml ([tool.mypy]), reports no error
in any file. `make lint` runs the same mypy.
"""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ERROR = re.compile(r"^(?P<path>[^:\s]+\.py):\d+: error: ", re.M)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("mypy") is None,
                       reason="mypy is not installed (pip install -e '.[dev]')"),
]


def mypy_errors(output: str) -> list[str]:
    """The error lines of mypy's output (notes and the summary left out), paths with forward slashes."""
    return [line.replace("\\", "/") for line in output.splitlines() if ERROR.match(line.replace("\\", "/"))]


def test_reviewer_type_checks():
    run = subprocess.run([sys.executable, "-m", "mypy", "--config-file", "pyproject.toml"], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode in (0, 1), f"mypy did not run (exit {run.returncode}):\n{run.stdout}\n{run.stderr}"
    errors = mypy_errors(run.stdout)
    assert not errors, f"{len(errors)} mypy errors:\n" + "\n".join(errors)


def test_only_error_lines_are_counted():
    output = ("reviewer/redact/pdf.py:80: error: no  [misc]\n"
              "reviewer/ocr/layout.py:74: error: yes  [arg-type]\n"
              "reviewer/ocr/layout.py:74: note: a note\n"
              "Found 2 errors in 2 files (checked 2 source files)\n")
    assert mypy_errors(output) == ["reviewer/redact/pdf.py:80: error: no  [misc]",
                                   "reviewer/ocr/layout.py:74: error: yes  [arg-type]"]
