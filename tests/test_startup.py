"""What a scan loads: `reviewer scan` of a PDF imports none of the libraries it does not need.

Each of these cost start-up time and memory in every process (issue 16): the web app and the store
(Flask, SQLAlchemy), scikit-learn and scipy (training only), pdfplumber (the fallback engine and the
table finder, for pages with rules), phonenumbers' geocoder (100 MB of area names of every country)
and spaCy's command line (weasel, requests, httpx, jinja2); nor Dask (batch only), the office-format
libraries, Pillow and pytesseract (other formats, OCR) or rich. numpy's OpenBLAS starts with one thread:
the matrix products of a scan run on one (`reviewer.detect.ner._docs`), more threads would only spin.

The scan process also ends without the interpreter's teardown (`reviewer.cli.allow_quick_exit`): its
output is complete, its exit code and `atexit` handlers as usual.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_NEEDED = ("flask", "sqlalchemy", "sklearn", "scipy", "pdfplumber", "pdfminer", "dask", "phonenumbers.geocoder",
              "spacy.cli", "weasel", "requests", "httpx", "jinja2", "openpyxl", "docx", "pptx", "odf", "xlrd",
              "PIL", "pytesseract", "rich", "webui")
WHOLE = 7  # these first ones are not imported at all, not even a submodule
# The scan ends with os._exit after the atexit handlers: what was loaded is read in one of them.
CHILD = """
import atexit, json, runpy, sys

class Teardown:
    def __del__(self):
        print("teardown ran", file=sys.stderr)

sys.modules["__main__"].keep = Teardown()  # freed only by the interpreter's teardown

def loaded():
    names = sorted(sys.modules)
    import spacy, spacy.cli.train  # training still gets spaCy's real command line
    assert callable(spacy.cli.train.train) and callable(spacy.info)
    from threadpoolctl import threadpool_info
    blas = [pool["num_threads"] for pool in threadpool_info() if pool["internal_api"] == "openblas"]
    print(json.dumps({"modules": names, "openblas_threads": blas}), file=sys.stderr)

atexit.register(loaded)
sys.argv = ["reviewer", "scan", "--format", "jsonl", *sys.argv[1:]]
runpy.run_module("reviewer", run_name="__main__")
"""


def _letter(path: Path) -> None:
    import fitz

    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    lines = ["PEMERINTAH KOTA CONTOH", "Telepon (024) 3512345", "Yang bertanda tangan di bawah ini menerangkan:",
             "Nama : Rudi Hartono", "NIK : 3209121503870004", "Warga tersebut benar berdomisili di wilayah kami."]
    for i, text in enumerate(lines):
        page.insert_text((60, 60 + 20 * i), text, fontsize=11)
    doc.save(path)


def test_a_pdf_scan_imports_only_what_it_needs(tmp_path):
    pdf = tmp_path / "surat.pdf"
    _letter(pdf)
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(pdf)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    findings = [json.loads(line) for line in done.stdout.splitlines()]
    assert any(f["label"] == "NIK" for f in findings)
    assert any("telepon tetap Semarang" in " ".join(f["reasons"]) for f in findings if f["label"] == "PHONE")
    state = json.loads(done.stderr.strip().splitlines()[-1])
    loaded = set(state["modules"])
    assert state["openblas_threads"] == [1]  # numpy's OpenBLAS started with one thread (no spinning ones)
    assert "fitz" in loaded and "spacy" in loaded  # the engine and the NER model did run
    assert sorted(m for m in loaded if m in NOT_NEEDED or m.split(".")[0] in NOT_NEEDED[:WHOLE]) == []
    assert "teardown ran" not in done.stderr  # the quick exit: no module teardown


def test_the_quick_exit_keeps_the_exit_code_and_every_line(tmp_path):
    pdf = tmp_path / "surat.pdf"
    _letter(pdf)
    args = [sys.executable, "-c", CHILD, str(pdf), str(tmp_path / "tidak-ada.pdf"), str(pdf)]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr[-2000:]  # one file could not be read
    lines = done.stdout.splitlines()
    assert [json.loads(line)["file"] for line in lines].count(str(pdf)) == len(lines) - 1 >= 4
    assert sum(str(tmp_path / "tidak-ada.pdf") in line for line in lines) == 1
    assert json.loads(done.stderr.strip().splitlines()[-1])  # the atexit handler ran
    assert "teardown ran" not in done.stderr


def test_an_in_process_scan_ends_as_usual(tmp_path):
    """click's runner (and any caller of the command itself) gets its SystemExit; only `main` exits early."""
    from click.testing import CliRunner

    from reviewer.cli import cli

    pdf = tmp_path / "surat.pdf"
    _letter(pdf)
    result = CliRunner().invoke(cli, ["scan", "--format", "jsonl", "--no-ner", "--no-passages", str(pdf)])
    assert result.exit_code == 0, result.output
    assert any(json.loads(line)["label"] == "NIK" for line in result.output.splitlines())
