"""What a scan loads: `reviewer scan` of a PDF imports none of the libraries it does not need.

Each of these cost start-up time and memory in every process (issue 16): the web app and the store
(Flask, SQLAlchemy), scikit-learn and scipy (training only), pdfplumber (the fallback engine and the
table finder, for pages with rules), phonenumbers' geocoder (100 MB of area names of every country)
and spaCy's command line (weasel, requests, httpx, jinja2).
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_NEEDED = ("flask", "sqlalchemy", "sklearn", "scipy", "pdfplumber", "pdfminer", "phonenumbers.geocoder",
              "spacy.cli", "weasel", "requests", "httpx", "jinja2")
CHILD = """
import json, runpy, sys
sys.argv = ["reviewer", "scan", "--format", "jsonl", sys.argv[1]]
try:
    runpy.run_module("reviewer", run_name="__main__")
except SystemExit as exc:
    assert not exc.code, exc.code
loaded = sorted(sys.modules)
import spacy, spacy.cli.train  # training still gets spaCy's real command line
assert callable(spacy.cli.train.train) and callable(spacy.info)
print(json.dumps(loaded), file=sys.stderr)
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
    done = subprocess.run([sys.executable, "-c", CHILD, str(pdf)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    findings = [json.loads(line) for line in done.stdout.splitlines()]
    assert any(f["label"] == "NIK" for f in findings)
    assert any("telepon tetap Semarang" in " ".join(f["reasons"]) for f in findings if f["label"] == "PHONE")
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "fitz" in loaded and "spacy" in loaded  # the engine and the NER model did run
    assert sorted(m for m in loaded if m in NOT_NEEDED or m.split(".")[0] in NOT_NEEDED[:6]) == []
