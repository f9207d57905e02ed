"""OpenDocument presentations: slides, tables, notes, comments, names and masters read; redacted in
ODP and verified by re-reading every part (issue 20). Fixtures are generated (`tests.odp_fixtures`)."""

from __future__ import annotations

import re
import zipfile

import pytest

from reviewer.core.errors import VerificationFailed
from reviewer.core.model import Decision
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.extract import extract
from reviewer.redact import decisions_from_findings, redact_document
from reviewer.redact.extractors import _package_everything
from tests import odp_fixtures as fx
from tests.doc_fixtures import AGENCY_PHONE, PEOPLE

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
P = fx.P


@pytest.fixture
def odp(tmp_path):
    path = tmp_path / "rapat.odp"
    fx.write_odp(path)
    return path


def _kinds(page) -> set[str]:
    return {s.kind for s in page.segments}


def test_slides_are_pages_with_every_place(odp):
    doc = extract(odp)
    assert doc.kind == "odp" and len(doc.pages) == 4  # three slides, then footers and masters
    first, table, hidden, rest = doc.pages
    assert f"NIK  {P.nik}, HP {P.phone}" in first.text  # styled span and text:s read as written
    assert {"slide-name", "body", "alt", "comment", "notes"} <= _kinds(first)
    assert f"Hubungi {P.name}" in first.text and f"cek lagi {PEOPLE[3].phone}" in first.text
    assert f"Tabel {PEOPLE[1].name}" in table.text and "page2" not in table.text and "foto\n" not in first.text
    assert PEOPLE[2].nik in hidden.text
    assert {"footer", "master"} <= _kinds(rest) and f"Disusun oleh {P.name}" in rest.text


def test_metadata_hidden_slides_and_comments(odp):
    doc = extract(odp)
    assert doc.metadata["author"] == P.name and doc.metadata["slides"] == "3"
    assert doc.metadata["hidden_slides"] == "3" and doc.metadata["comments"] == "yes"
    assert any("slide tersembunyi" in w for w in doc.warnings)


def test_table_cells_have_headers(odp):
    cells = [c for p in extract(odp).pages for c in p.cells]
    assert [c.text for c in cells if c.header == "NIK"] == [p.nik for p in PEOPLE[1:]]


def _name_decisions(document, name: str) -> list[Decision]:
    return [Decision(page.number, m.start(), m.end(), name, "PERSON", "17h", source="manual")
            for page in document.pages for m in re.finditer(re.escape(name), page.text)]


def test_scan_redact_verify(odp, tmp_path):
    result = scan_file(str(odp), SETTINGS)
    suggested = {f.text for f in result.findings if f.action == "redact"}
    assert {p.nik for p in PEOPLE[:3]} <= suggested and {p.phone for p in PEOPLE[:3]} <= suggested
    decisions = decisions_from_findings(result.findings, result.document)
    decisions += _name_decisions(result.document, P.name) + _name_decisions(result.document, PEOPLE[1].name)
    out = tmp_path / "rapat.disensor.odp"
    report = redact_document(odp, decisions, out, SETTINGS, document=result.document)
    assert report.ok, [c for c in report.checks if not c.passed]
    everything = "\n".join(_package_everything(str(out)))
    digits = re.sub(r"\D", "", everything)
    assert not [p.nik for p in PEOPLE[:3] if p.nik in digits]
    assert not [p.phone for p in PEOPLE[:4] if p.phone in digits]  # the comment's phone went with the comment
    assert P.name not in everything and PEOPLE[1].name not in everything  # names of slide and frame too
    assert AGENCY_PHONE in everything and "Dinas Sosial Kabupaten Bandung" in everything and "[Ps.17" in everything
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist()[0] == "mimetype" and zf.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert not [n for n in zf.namelist() if n.startswith("Thumbnails/")]
    again = extract(out)
    assert again.kind == "odp" and len(again.pages) == 4 and "Rapat Koordinasi Bansos" in again.text
    assert not any(s.kind == "comment" for p in again.pages for s in p.segments)


def test_names_of_frames_are_swept_and_verification_reads_them(odp, tmp_path, monkeypatch):
    """A frame named "Sulastri" (one word: not read as text) keeps a decided name where no paragraph
    cut reaches it; the redactor clears it, and without that sweep the re-reading of every part
    refuses the copy."""
    doc = extract(odp)
    decisions = _name_decisions(doc, fx.PHOTOGRAPHER)
    assert len(decisions) == 1 and f'draw:name="{fx.PHOTOGRAPHER}"'.encode() in zipfile.ZipFile(odp).read("content.xml")
    report = redact_document(odp, decisions, tmp_path / "a.odp", SETTINGS, document=doc)
    assert report.ok and fx.PHOTOGRAPHER not in "\n".join(_package_everything(str(tmp_path / "a.odp")))
    from reviewer.redact import odp as redact_odp

    monkeypatch.setattr(redact_odp, "_sweep", lambda root, texts: 0)
    with pytest.raises(VerificationFailed):
        redact_document(odp, decisions, tmp_path / "b.odp", SETTINGS, document=doc)
    assert not (tmp_path / "b.odp").exists()
