"""Spreadsheets redacted in their own format and verified by re-reading every part.

The done-when test of issue 20: a generated bansos list (header row, 1,000 valid NIKs with names,
addresses and mobile numbers, a hidden sheet, a comment with a phone number) is scanned with
recall >= 0.99 on the NIK and phone columns, redacted as suggested, and no part of the copy
holds a NIK or a private phone any more, while the headers, the agency's contact and the
non-personal columns remain.
"""

from __future__ import annotations

import csv
import re
import zipfile

import pytest

from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.redact import decisions_from_findings, redact_document
from reviewer.redact.extractors import _package_everything
from tests import sheet_fixtures as fx

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
COMMENT_PHONE = "081299887766"


@pytest.fixture(scope="module")
def people():
    return fx.recipients(1000)


def _write(kind: str, folder, people):
    path = folder / f"bansos.{kind}"
    if kind == "xlsx":
        fx.write_xlsx(path, people[:980], people[980:], comment_phone=COMMENT_PHONE)
    elif kind == "csv":
        fx.write_csv(path, people)
    else:
        fx.write_ods(path, people[:980], people[980:], comment_phone=COMMENT_PHONE)
    return path


def _everything(path) -> str:
    """Every part of the file, decompressed: XML text and attributes, or the raw bytes."""
    if zipfile.is_zipfile(path):
        return "\n".join(_package_everything(str(path)))
    return path.read_bytes().decode("utf-8-sig")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.mark.parametrize("kind", ["xlsx", "csv", "ods"])
def test_bansos_list_scanned_redacted_verified(tmp_path, people, kind):
    if kind == "ods":
        pytest.importorskip("reviewer.redact.ods")
    path = _write(kind, tmp_path, people)
    result = scan_file(str(path), SETTINGS)
    suggested = {(f.label, f.text) for f in result.findings if f.action == "redact"}
    assert sum(("NIK", p.nik) in suggested for p in people) / len(people) >= 0.99
    assert sum(("PHONE", p.phone) in suggested for p in people) / len(people) >= 0.99
    out = tmp_path / f"bansos.disensor.{kind}"
    report = redact_document(path, decisions_from_findings(result.findings, result.document), out, SETTINGS,
                             document=result.document)
    assert report.ok, [c for c in report.checks if not c.passed]
    everything = _everything(out)
    digits = _digits(everything)
    assert not [p.nik for p in people if p.nik in digits]
    assert not [p.phone for p in people if p.phone in digits] and COMMENT_PHONE not in digits
    for header in fx.HEADER:
        assert header in everything
    assert fx.AGENCY_PHONE in everything and "BLT Dana Desa" in everything and "300000" in everything
    assert all(v in everything for v in fx.VILLAGES)
    assert "[DIKECUALIKAN Ps.17 j]" in everything


def test_xlsx_copy_has_no_hidden_parts(tmp_path, people):
    path = _write("xlsx", tmp_path, people[:30])
    result = scan_file(str(path), SETTINGS)
    out = tmp_path / "out.xlsx"
    redact_document(path, decisions_from_findings(result.findings, result.document), out, SETTINGS,
                    document=result.document)
    import openpyxl

    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Penerima"] and not list(wb.defined_names)
    assert not any(c.comment for c in wb.active._cells.values())
    assert wb.properties.creator in (None, "")
    with zipfile.ZipFile(out) as zf:
        assert not [n for n in zf.namelist() if "comments" in n or "vba" in n.lower()]


def test_partial_nik_mask(tmp_path, people):
    path = _write("csv", tmp_path, people[:20])
    settings = SETTINGS.with_(sheet_mask="partial")
    result = scan_file(str(path), settings)
    out = tmp_path / "out.csv"
    redact_document(path, decisions_from_findings(result.findings, result.document), out, settings,
                    document=result.document)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[1][1] == people[0].nik[:4] + "********" + people[0].nik[12:]
    assert rows[1][2] == "[DIKECUALIKAN Ps.17 h]"  # a name has no partial form


def test_csv_keeps_dialect_and_encoding(tmp_path, people):
    path = tmp_path / "lama.csv"
    fx.write_csv(path, people[:10], delimiter="\t", encoding="cp1252")
    with open(path, "a", encoding="cp1252", newline="") as fh:
        fh.write("11\t-\t-\t-\tCibod\u00e9s\r\n")  # a village written with an accent
    result = scan_file(str(path), SETTINGS)
    out = tmp_path / "lama.disensor.csv"
    redact_document(path, decisions_from_findings(result.findings, result.document), out, SETTINGS,
                    document=result.document)
    data = out.read_bytes()
    assert b"\r\n" in data and b"\t" in data and "Cibod\u00e9s".encode("cp1252") in data
    assert not data.startswith(b"\xef\xbb\xbf")
    assert people[0].nik.encode() not in data
