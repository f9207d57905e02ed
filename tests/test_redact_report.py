"""The redaction log (CSV, JSON) and the draft uji konsekuensi (DOCX) of a redacted document."""

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewer.core.legal import citation, statute
from reviewer.core.model import Decision
from reviewer.core.settings import Settings
from reviewer.extract import extract
from reviewer.redact import redact_document
from reviewer.redact.report import log_paths, write_all

DATA = Path(__file__).parent / "data" / "redact"
SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
SECRETS = {"Ayu Wahyuni": ("PERSON", "17h"), "3374064909620026": ("NIK", "17j"),
           "0812-2345-6781": ("PHONE", "17h"), "0001627448985": ("BANK_ACCOUNT", "17h3"),
           "Budi Santoso": ("PERSON", "17a2")}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    doc = extract(DATA / "rapat.pdf")
    decisions = []
    for text, (label, basis) in SECRETS.items():
        for page in doc.pages[:2]:
            for m in re.finditer(re.escape(text), page.text):
                decisions.append(Decision(page.number, m.start(), m.end(), text, label, basis, reason="uji",
                                          proposed_by="sistem", approved_by="Dewi", decided_at="2025-03-03T10:00"))
    out = tmp_path_factory.mktemp("laporan") / "rapat.publik.pdf"
    report = redact_document(DATA / "rapat.pdf", decisions, out, SETTINGS)
    return report, write_all(report, SETTINGS)


def test_log_has_one_row_per_redaction_and_no_redacted_text(written):
    report, paths = written
    with open(paths["csv"], encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert [int(r["no"]) for r in rows] == list(range(1, len(report.redactions) + 1))
    bank = next(r for r in rows if r["label"] == "BANK_ACCOUNT")
    assert (bank["huruf"], bank["angka"], bank["kode_dasar"]) == ("h", "3", "17h3")
    assert bank["dasar_hukum"] == "Pasal 17 huruf h angka 3 UU No. 14 Tahun 2008"
    assert bank["disetujui_oleh"] == "Dewi" and bank["tulisan_pada_kotak"] == "Ps.17 h"
    data = json.loads(Path(paths["json"]).read_text("utf-8"))
    assert len(data["penghitaman"]) == len(rows)
    assert all(c["passed"] for c in data["dokumen"]["pemeriksaan"])
    for path in (paths["csv"], paths["json"]):
        text = Path(path).read_text("utf-8-sig")
        for secret in SECRETS:
            assert secret not in text


def test_uji_konsekuensi_rows_match_the_redactions(written):
    import docx

    report, paths = written
    d = docx.Document(paths["uji"])
    text = "\n".join(p.text for p in d.paragraphs)
    assert "DRAF — BUKAN PENETAPAN" in "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    numbers = []
    for table in d.tables:
        if table.rows[0].cells[0].text == "No. log":
            for row in table.rows[1:]:
                numbers += [int(n) for n in row.cells[0].text.split(", ")]
    assert sorted(numbers) == [r.number for r in report.redactions]  # every redaction exactly once
    for code in {r.decision.basis for r in report.redactions}:
        assert citation(code) in text
        assert statute(code)[:60] in text
    assert "Pasal 17 huruf a angka 2" in text and "mengungkapkan identitas informan, pelapor, saksi" in text
    everything = text + "".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    for secret in SECRETS:
        assert secret not in everything


def test_uji_konsekuensi_converts_with_libreoffice(written, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice not installed")
    _, paths = written
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), paths["uji"]],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (Path(paths["uji"]).stem + ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    assert "DRAF LEMBAR PENGUJIAN KONSEKUENSI" in text and "BUKAN PENETAPAN" in text


def test_log_paths_sit_beside_the_output():
    assert log_paths("/x/surat.publik.pdf") == {"csv": "/x/surat.publik.log.csv", "json": "/x/surat.publik.log.json",
                                                "uji": "/x/surat.publik.uji-konsekuensi.docx"}
