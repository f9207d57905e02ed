from pathlib import Path

import pytest

from reviewer.core.errors import PatternError
from reviewer.core.settings import DEFAULT_PATTERNS
from reviewer.detect.patterns import check_examples, load_patterns, run_pattern

PATTERNS = load_patterns(DEFAULT_PATTERNS)
BY_NAME = {p.name: p for p in PATTERNS}


def test_every_pattern_example_passes():
    assert check_examples(PATTERNS) == []


def test_every_pattern_has_examples_and_a_basis():
    for p in PATTERNS:
        assert p.match_examples or p.no_match_examples, p.name
        assert p.basis.startswith("17"), p.name


@pytest.mark.parametrize("name,text,expected", [
    ("nik", "NIK : 3374115708900003, lahir", "3374115708900003"),
    ("nik", "No. KTP 3374 1157 0252 1401.", "3374 1157 0252 1401"),
    ("npwp-formatted", "NPWP 01.234.567.4-501.000", "01.234.567.4-501.000"),
    ("nip", "NIP : 19900817 201503 2 001", "19900817 201503 2 001"),
    ("phone-mobile", "HP/WA: +62 812-3456-7890.", "+62 812-3456-7890"),
    ("email", "surel: siti.aminah@gmail.com.", "siti.aminah@gmail.com"),
    ("date-of-birth", "Tempat/Tgl. Lahir : Cirebon, 7 Agustus 1975", "Cirebon, 7 Agustus 1975"),
    ("bank-account", "No. Rekening BRI: 0123-01-012345-50-3 a.n. Budi", "0123-01-012345-50-3"),
    ("plate", "sepeda motor dengan nomor polisi E 4521 KL diamankan", "E 4521 KL"),
    ("person-field", "Nama Pemohon : Sdr. Rudi Hartono\n", "Rudi Hartono"),
])
def test_pattern_finds_exact_span(name, text, expected):
    hits = run_pattern(BY_NAME[name], text)
    assert [h.text for h in hits] == [expected]


def test_address_is_one_span_across_line_breaks():
    text = ("alamat Jl. Kalibanteng Kulon II No.\n12B RT 007/RW 007 Kelurahan Kembangarum Kecamatan Semarang "
            "Barat Kota\nSemarang, NIK 3374132704781251")
    hits = run_pattern(BY_NAME["address-residential"], text)
    assert len(hits) == 1
    assert hits[0].text.startswith("Jl. Kalibanteng") and hits[0].text.endswith("Kota\nSemarang")


def test_context_raises_score_and_nearest_label_wins():
    kk = BY_NAME["kk"]
    nik = BY_NAME["nik"]
    text = "NIK 3374115708900003 dan No. KK 3374110101180005"
    kk_hit = [h for h in run_pattern(kk, text) if h.text == "3374110101180005"][0]
    nik_hits = {h.text: h for h in run_pattern(nik, text)}
    assert kk_hit.score > 0.85
    assert nik_hits["3374115708900003"].score > 0.9
    # the KK number also validates as NIK-shaped, but its nearest label is "KK"
    assert nik_hits.get("3374110101180005") is None or nik_hits["3374110101180005"].score < kk_hit.score


def test_bank_account_needs_context_and_skips_amounts():
    p = BY_NAME["bank-account"]
    assert run_pattern(p, "transfer Rp 120.000.000,00 ke rekening BRI") == []
    assert run_pattern(p, "nomor 0467356018") == []


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("body,message", [
    ("- name: x\n  label: NIK\n  basis: 17j\n  regex: '('\n  score: 0.5\n", "regex"),
    ("- name: x\n  label: NOPE\n  basis: 17j\n  regex: 'a'\n  score: 0.5\n", "label"),
    ("- name: x\n  label: NIK\n  basis: 17j\n  regex: 'a'\n  score: 1.5\n", "score"),
    ("- name: x\n  label: NIK\n  basis: 17j\n  regex: 'a'\n  score: 0.5\n  validator: nope\n", "validator"),
    ("- name: x\n  label: NIK\n  basis: 17j\n  score: 0.5\n", "regex"),
    ("- name: x\n  label: NIK\n  basis: 17j\n  regex: 'a'\n  score: 0.5\n  colour: red\n", "unknown"),
    ("- name: x\n  label: NIK\n  basis: 17j\n  regex: '{{nope}}'\n  score: 0.5\n", "nope"),
    ("[unclosed", "YAML"),
])
def test_loading_names_file_and_pattern_on_error(tmp_path, body, message):
    if "{{nope}}" in body:
        body = "defines: {a: b}\npatterns:\n" + "\n".join("  " + line for line in body.splitlines())
    with pytest.raises(PatternError) as err:
        load_patterns(write(tmp_path, body))
    assert "bad.yaml" in str(err.value) and message in str(err.value)


def test_check_patterns_cli_reports_failing_example(tmp_path):
    from click.testing import CliRunner

    from reviewer.cli import cli

    write(tmp_path, "- name: x\n  label: NIK\n  basis: 17j\n  regex: 'abc'\n  score: 0.5\n"
                    "  examples: {match: ['xyz'], no_match: ['abc']}\n")
    result = CliRunner().invoke(cli, ["check-patterns", "--patterns", str(tmp_path)])
    assert result.exit_code == 1
    assert "should match: 'xyz'" in result.output and "should not match: 'abc'" in result.output
    ok = CliRunner().invoke(cli, ["check-patterns"])
    assert ok.exit_code == 0, ok.output
