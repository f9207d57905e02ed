"""ODT letters, PPTX slides and HTML pages: scan -> redact in the same format -> verify.

Fixtures are generated (`tests.doc_fixtures`). Each file carries a NIK and a private phone in
the body, a table with a NIK column, a comment, alt text and document properties; the copy
must hold none of them in any part, keep the agency's contact and pass every check. A name
written across styled runs ("<b>Budi</b>", PPTX runs) is decided by hand and must be cut in
every run it spans.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from reviewer.core.model import Decision
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.extract import extract
from reviewer.redact import decisions_from_findings, redact_document
from reviewer.redact.extractors import _package_everything
from tests import doc_fixtures as fx

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
WRITERS = {"odt": fx.write_odt, "pptx": fx.write_pptx, "html": fx.write_html}


def _everything(path) -> str:
    if zipfile.is_zipfile(path):
        return "\n".join(_package_everything(str(path)))
    return path.read_bytes().decode("utf-8", "replace")


def _name_decisions(document, name: str) -> list[Decision]:
    out = []
    for page in document.pages:
        for m in re.finditer(re.escape(name), page.text):
            out.append(Decision(page.number, m.start(), m.end(), name, "PERSON", "17h", source="manual"))
    return out


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_scan_redact_verify(tmp_path, kind):
    path = tmp_path / f"surat.{kind}"
    WRITERS[kind](path)
    result = scan_file(str(path), SETTINGS)
    assert result.document.kind == kind
    suggested = {f.text for f in result.findings if f.action == "redact"}
    assert {p.nik for p in fx.PEOPLE[:3]} <= suggested and {p.phone for p in fx.PEOPLE[:3]} <= suggested
    decisions = decisions_from_findings(result.findings, result.document) + _name_decisions(result.document,
                                                                                              fx.P.name)
    out = tmp_path / f"surat.disensor.{kind}"
    report = redact_document(path, decisions, out, SETTINGS, document=result.document)
    assert report.ok, [c for c in report.checks if not c.passed]
    everything = _everything(out)
    digits = re.sub(r"\D", "", everything)
    assert not [p.nik for p in fx.PEOPLE[:3] if p.nik in digits]
    assert not [p.phone for p in fx.PEOPLE[:4] if p.phone in digits]
    assert fx.P.name not in everything  # body, alt text, properties, footer, notes
    assert fx.AGENCY_PHONE in everything and "NIK" in everything
    assert "[Ps.17" in everything
    again = extract(out)
    assert again.kind == kind and "PPID Dinas Sosial" in again.text


def test_table_cells_have_headers(tmp_path):
    for kind, write in WRITERS.items():
        path = tmp_path / f"t.{kind}"
        write(path)
        cells = [c for p in extract(path).pages for c in p.cells]
        nik = [c for c in cells if c.header == "NIK"]
        assert [c.text for c in nik] == [p.nik for p in fx.PEOPLE[1:]], kind


def test_html_inline_markup_reads_as_one_text(tmp_path):
    path = tmp_path / "berita.html"
    fx.write_html(path)
    doc = extract(path)
    assert f"oleh {fx.P.name} (NIK {fx.P.nik})" in doc.text
    assert "var x" not in doc.text and "color" not in doc.text and "draf" not in doc.text
    assert f"Foto {fx.P.name} menerima bantuan" in doc.text and doc.metadata["javascript"] == "yes"


def test_html_keeps_its_encoding(tmp_path):
    path = tmp_path / "lama.htm"
    fx.write_html(path, encoding="cp1252")
    result = scan_file(str(path), SETTINGS)
    out = tmp_path / "lama.disensor.htm"
    report = redact_document(path, decisions_from_findings(result.findings, result.document), out, SETTINGS,
                             document=result.document)
    assert report.ok
    data = out.read_bytes()
    assert "Cibod\u00e9s".encode("cp1252") in data and fx.P.nik.encode() not in data
    assert data.startswith(b"<!DOCTYPE html>")


def test_pptx_runs_and_notes(tmp_path):
    path = tmp_path / "rapat.pptx"
    fx.write_pptx(path)
    doc = extract(path)
    assert f"NIK {fx.P.nik}, HP {fx.P.phone}" in doc.text  # the NIK is split over two runs
    kinds = {s.kind for s in doc.pages[0].segments}
    assert {"body", "table", "notes", "alt"} <= kinds


def test_odt_comment_footer_and_spaces(tmp_path):
    path = tmp_path / "surat.odt"
    fx.write_odt(path)
    doc = extract(path)
    kinds = {s.kind for s in doc.pages[0].segments}
    assert {"body", "table", "comment", "header", "alt"} <= kinds or {"footer"} <= kinds
    assert f"NIK  {fx.P.nik}" in doc.text and doc.metadata["author"] == fx.P.name
