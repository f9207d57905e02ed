"""DOC, XLS and PPT through LibreOffice: scan -> redact (as DOCX/XLSX/PPTX) -> verify; no LibreOffice
and a hanging LibreOffice each give a one-line error in bounded time.

The legacy files are made by LibreOffice itself from generated modern files (skipped where it is
not installed); the failure cases need no LibreOffice at all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import zipfile

import pytest

from reviewer.core.errors import CorruptFile, UnsupportedFormat
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.extract import extract
from reviewer.redact import decisions_from_findings, redact_document
from reviewer.redact.document import default_output
from reviewer.redact.extractors import _package_everything
from tests import doc_fixtures as fx
from tests import sheet_fixtures as sx

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 512


def _modern(kind: str, path) -> None:
    if kind == "docx":
        import docx

        doc = docx.Document()
        doc.add_paragraph(f"Pemohon {fx.P.name}, NIK {fx.P.nik}, nomor HP {fx.P.phone}.")
        doc.add_paragraph(f"Informasi: {fx.AGENCY}")
        doc.core_properties.author = fx.P.name
        doc.save(path)
    elif kind == "xlsx":
        sx.write_xlsx(path, sx.recipients(20))
    else:
        fx.write_pptx(path)


LEGACY = {"doc": "docx", "xls": "xlsx", "ppt": "pptx"}


@pytest.fixture(scope="module")
def legacy_files(tmp_path_factory):
    """The three legacy files, converted by LibreOffice side by side (each waits on LibreOffice more than it
    computes), each with its own throw-away profile."""
    folder = tmp_path_factory.mktemp("legacy")
    runs = []
    for legacy, modern in LEGACY.items():
        source = folder / f"asal.{modern}"
        _modern(modern, source)
        runs.append(subprocess.Popen([SOFFICE, f"-env:UserInstallation=file://{folder / f'profile-{legacy}'}",
                                      "--headless", "--convert-to", legacy, "--outdir", str(folder), str(source)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    assert [run.wait(timeout=300) for run in runs] == [0, 0, 0]
    return folder


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("legacy", ["doc", "xls", "ppt"])
def test_legacy_scan_redact_verify(tmp_path, legacy, monkeypatch, legacy_files):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    path, modern = tmp_path / f"asal.{legacy}", LEGACY[legacy]
    shutil.copyfile(legacy_files / path.name, path)
    result = scan_file(str(path), SETTINGS)
    assert result.document.kind == modern and result.document.metadata["converted_from"] == legacy
    assert any("LibreOffice" in w for w in result.document.warnings)
    nik = fx.P.nik if legacy != "xls" else sx.recipients(20)[0].nik
    assert nik in {f.text for f in result.findings if f.action == "redact"}
    out = default_output(path, result.document.kind)
    assert out.endswith(f".disensor.{modern}")
    report = redact_document(path, decisions_from_findings(result.findings, result.document), out, SETTINGS,
                             document=result.document)
    assert report.ok, [c for c in report.checks if not c.passed]
    assert any("LibreOffice" in n for n in report.notes) and report.source == str(path)
    assert zipfile.is_zipfile(out) and extract(out).kind == modern
    assert nik not in re.sub(r"\D", "", "\n".join(_package_everything(out)))
    assert not list(tmp_path.glob("reviewer-office-*")), "a converted copy outlived the redaction"


def test_no_libreoffice_is_one_clear_line(tmp_path, monkeypatch):
    path = tmp_path / "lama.doc"
    path.write_bytes(OLE)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(UnsupportedFormat) as err:
        extract(path)
    assert "LibreOffice" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for soffice")
def test_hanging_libreoffice_times_out(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ > {tmp_path}/pid\nsleep 300\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setenv("REVIEWER_OFFICE_TIMEOUT", "1")
    path = tmp_path / "macet.doc"
    path.write_bytes(OLE)
    started = time.monotonic()
    with pytest.raises(CorruptFile) as err:
        extract(path)
    assert time.monotonic() - started < 15
    assert "LibreOffice" in str(err.value) and "1 detik" in str(err.value)
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
