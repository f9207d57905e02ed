import json

import pytest
from click.testing import CliRunner

from reviewer.cli import cli
from reviewer.core.errors import DecisionError
from reviewer.core.model import Decision
from reviewer.core.settings import Settings
from reviewer.extract import extract
from reviewer.redact import dump_decisions, redact_document

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
TEXT = ("LAPORAN\r\nPelapor: Ani Lestari, NIK 3209125204950003, HP 0812-2345-6781.\r\n"
        "Tanah milik Tani Makmur dijual.\f"
        "Halaman dua: Ani Lestari hadir.\r\n")


def decide(document, page, text, label="PERSON", basis="17h", occurrence=0):
    p = document.pages[page - 1]
    start = -1
    for _ in range(occurrence + 1):
        start = p.text.index(text, start + 1)
    return Decision(page, start, start + len(text), text, label, basis, proposed_by="uji", approved_by="Dewi")


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "laporan.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    return path


def test_text_spans_become_markers_and_the_rest_survives(letter, tmp_path):
    doc = extract(letter)
    decisions = [decide(doc, 1, "Ani Lestari"), decide(doc, 1, "3209125204950003", "NIK", "17j"),
                 decide(doc, 2, "Ani Lestari")]
    out = tmp_path / "hasil.txt"
    report = redact_document(letter, decisions, out, SETTINGS)
    data = out.read_bytes().decode("utf-8")
    assert "Ani Lestari" not in data and "3209125204950003" not in data
    assert "█████ [Ps.17 h]" in data and "█████ [Ps.17 j]" in data
    assert "Tani Makmur" in data and "0812-2345-6781" in data  # not decided: stays
    assert "\r\n" in data and "\f" in data  # line ends and pages kept
    assert report.ok and report.over_redaction["hilang"] == 0
    assert letter.read_bytes() == TEXT.encode("utf-8")  # original untouched


def test_marker_does_not_reveal_length(letter, tmp_path):
    doc = extract(letter)
    out = tmp_path / "hasil.txt"
    redact_document(letter, [decide(doc, 1, "Ani"), decide(doc, 1, "3209125204950003", "NIK", "17j")], out,
                    SETTINGS)
    text = out.read_text("utf-8")
    assert text.count("█████ [Ps.17 h]") == 1 and text.count("█████ [Ps.17 j]") == 1


def test_an_occurrence_left_open_is_a_warning_not_a_leak(letter, tmp_path):
    doc = extract(letter)
    report = redact_document(letter, [decide(doc, 1, "Ani Lestari")], tmp_path / "hasil.txt", SETTINGS)
    assert report.ok
    assert any("no. 1 (PERSON)" in w and "1×" in w for w in report.warnings)
    assert not any("Ani Lestari" in w for w in report.warnings)  # warnings go into the published log


def test_decision_on_other_text_is_refused_and_nothing_written(letter, tmp_path):
    doc = extract(letter)
    good = decide(doc, 1, "Ani Lestari")
    bad = Decision(1, good.start, good.end, "Budi Santoso", "PERSON", "17h")
    out = tmp_path / "hasil.txt"
    with pytest.raises(DecisionError, match="keputusan #1"):
        redact_document(letter, [bad], out, SETTINGS)
    assert not out.exists() and not (tmp_path / "hasil.txt.part").exists()


@pytest.mark.parametrize("change, message", [
    ({"basis": ""}, "dasar hukum"), ({"basis": "17z"}, "dasar hukum"), ({"label": "FOO"}, "label"),
    ({"page": 9}, "halaman 9"), ({"action": "review"}, "keputusan akhir"), ({"end": 10_000}, "di luar"),
])
def test_invalid_decisions_are_named(letter, tmp_path, change, message):
    from dataclasses import replace

    doc = extract(letter)
    with pytest.raises(DecisionError, match=message):
        redact_document(letter, [replace(decide(doc, 1, "Ani Lestari"), **change)], tmp_path / "o.txt", SETTINGS)


def test_keep_decisions_are_counted_not_applied(letter, tmp_path):
    from dataclasses import replace

    doc = extract(letter)
    keep = replace(decide(doc, 1, "Tani Makmur", "ORGANIZATION"), action="keep", basis="")
    report = redact_document(letter, [decide(doc, 1, "Ani Lestari"), keep], tmp_path / "o.txt", SETTINGS)
    assert report.kept == 1 and len(report.redactions) == 1
    assert "Tani Makmur" in (tmp_path / "o.txt").read_text("utf-8")


def test_legacy_encoding_is_kept_with_an_ascii_marker(tmp_path):
    path = tmp_path / "lama.txt"
    path.write_bytes("Pemohon: José Rizal, alamat Jl. Mawar\n".encode("cp1252"))
    doc = extract(path)
    report = redact_document(path, [decide(doc, 1, "José Rizal")], tmp_path / "o.txt", SETTINGS)
    data = (tmp_path / "o.txt").read_bytes()
    assert b"XXXXX [Ps.17 h]" in data and b"Jos" not in data
    assert report.ok


def test_cli_with_decisions_file_writes_copy_log_and_draft(letter, tmp_path):
    doc = extract(letter)
    decisions_file = tmp_path / "keputusan.json"
    dump_decisions(doc, [decide(doc, 1, "3209125204950003", "NIK", "17j")], decisions_file)
    out = tmp_path / "publik.txt"
    result = CliRunner().invoke(cli, ["redact", str(letter), "--decisions", str(decisions_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "3209125204950003" not in out.read_text("utf-8")
    log = json.loads((tmp_path / "publik.log.json").read_text("utf-8"))
    (row,) = log["penghitaman"]
    assert row["kode_dasar"] == "17j" and row["huruf"] == "j" and row["disetujui_oleh"] == "Dewi"
    assert "3209125204950003" not in (tmp_path / "publik.log.csv").read_text("utf-8-sig")
    assert (tmp_path / "publik.uji-konsekuensi.docx").exists()


def test_cli_decisions_for_another_version_are_refused(letter, tmp_path):
    doc = extract(letter)
    decisions_file = tmp_path / "keputusan.json"
    dump_decisions(doc, [decide(doc, 1, "Ani Lestari")], decisions_file)
    letter.write_bytes(TEXT.replace("LAPORAN", "LAPORAN BARU").encode("utf-8"))
    result = CliRunner().invoke(cli, ["redact", str(letter), "--decisions", str(decisions_file)])
    assert result.exit_code == 1
    assert "versi lain" in result.output


def test_cli_usage_errors(letter):
    assert CliRunner().invoke(cli, ["redact", str(letter)]).exit_code == 2  # neither --decisions nor --suggested
    assert CliRunner().invoke(cli, ["redact", str(letter), str(letter), "--suggested", "-o", "x.txt"]).exit_code == 2


def test_cli_suggested_on_the_fixture_letter(tmp_path, data_dir):
    import shutil

    letter = tmp_path / "laporan.txt"
    shutil.copy(data_dir / "redact" / "laporan.txt", letter)
    result = CliRunner().invoke(cli, ["redact", str(letter), "--suggested", "--no-ner", "--no-passages", "--no-ocr"])
    assert result.exit_code == 0, result.output
    out = (tmp_path / "laporan.disensor.txt").read_text("utf-8")
    assert "3374064909620026" not in out and "0812-2345-6781" not in out
    assert "Kantor pelayanan di Jalan Pemuda Nomor 148 Semarang" in out
    assert "GAGAL" not in result.output and "[ok   ]" in result.output
