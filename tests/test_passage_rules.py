from pathlib import Path

import pytest

from reviewer.core.errors import PatternError
from reviewer.detect.passages.rules import check_examples, document_context, load_rules, window_hits

RULES_DIR = Path(__file__).resolve().parent.parent / "patterns" / "passages"


@pytest.fixture(scope="module")
def rules():
    return load_rules(RULES_DIR)


def test_every_rule_example_passes(rules):
    assert check_examples(rules) == []
    assert {r.kind for r in rules} == {"marker", "phrase", "exception", "context", "doctype"}


def test_every_huruf_has_a_phrase(rules):
    assert {r.basis[:3] for r in rules if r.kind == "phrase"} == {f"17{h}" for h in "abcdefghij"}


def test_identifier_loader_does_not_read_the_subfolder():
    from reviewer.detect.patterns import load_patterns

    names = {p.source_file for p in load_patterns(RULES_DIR.parent)}
    assert not names & {p.name for p in RULES_DIR.glob("*.yaml")}


def exceptions(rules, text):
    return [r.name for r, _ in window_hits(rules, text)[1]]


def test_total_hps_is_open_but_unit_prices_are_not(rules):
    total = "Nilai total HPS paket ini ditetapkan sebesar Rp 4.100.000.000,00 termasuk PPN."
    assert exceptions(rules, total) == ["hps-total-terbuka"]
    assert exceptions(rules, "Pagu anggaran kegiatan ini adalah Rp 900.000.000,00.") == ["hps-total-terbuka"]
    unit = "Analisa harga satuan pasangan batu kali Rp 1.150.000 per m3 berdasarkan survei toko bangunan."
    assert exceptions(rules, unit) == []
    assert "b-rincian-harga-satuan" in [r.name for r, _ in window_hits(rules, unit)[0]]


@pytest.mark.parametrize("title, rule", [
    ("PUTUSAN\nNomor 45/Pid.Sus/2024/PN Mdn\nDEMI KEADILAN BERDASARKAN KETUHANAN YANG MAHA ESA",
     "putusan-pengadilan"),
    ("PERATURAN BUPATI KLATEN\nNOMOR 7 TAHUN 2023\nTENTANG LAYANAN INFORMASI", "peraturan-keputusan"),
    ("SURAT EDARAN\nNOMOR 800/45/2024\nTENTANG JAM KERJA", "surat-edaran"),
    ("SURAT KETETAPAN PENGHENTIAN PENYIDIKAN\nNomor: S.Tap/3/II/2024", "sp3"),
    ("SURAT PERJANJIAN\nPEKERJAAN PEMBANGUNAN GEDUNG", "kontrak-terbuka"),
])
def test_pasal_18_documents_are_recognised_by_title(rules, title, rule):
    ctx = document_context(rules, title, title)
    assert [r.name for r, _ in ctx.exceptions] == [rule]


def test_draft_regulation_is_not_an_open_regulation(rules):
    title = "RANCANGAN PERATURAN DAERAH KOTA BOGOR\nNOMOR ... TAHUN 2025"
    assert document_context(rules, title, title).exceptions == ()


def test_markers_and_their_strength(rules):
    memo = "NOTA DINAS\nSifat\t:\tSANGAT RAHASIA\nHal : telaah"
    assert document_context(rules, memo, memo).marker_level == 1.0
    plain = "NOTA DINAS\nSifat : Biasa\nHal : undangan rapat"
    assert document_context(rules, plain, plain).marker_level == 0.0


def write(tmp_path, body):
    (tmp_path / "x.yaml").write_text(body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("body, message", [
    ("rules:\n  - {name: r1, kind: phrase, basis: 17h2, regex: '(', reason: x, examples: {match: [a]}}",
     "x.yaml: aturan 'r1': regex tidak valid"),
    ("rules:\n  - {name: r2, kind: magic, regex: 'a', reason: x, examples: {match: [a]}}",
     "x.yaml: aturan 'r2': kind 'magic'"),
    ("rules:\n  - {name: r3, kind: phrase, basis: 18a, regex: 'a', reason: x, examples: {match: [a]}}",
     "x.yaml: aturan 'r3': basis '18a'"),
    ("rules:\n  - {name: r4, kind: phrase, basis: 17a, regex: 'a', reason: x}",
     "x.yaml: aturan 'r4': perlu examples.match"),
    ("rules:\n  - {name: r5, kind: context, basis: 17j, regex: 'a', reason: x, examples: {match: [a]}}",
     "x.yaml: aturan 'r5': aturan context perlu applies_to"),
    ("rules:\n  - {name: r6, kind: phrase, basis: 17a, regex: 'a', reason: x, weight: 3, "
     "examples: {match: [a]}}",
     "x.yaml: aturan 'r6': weight"),
    ("rules: [", "x.yaml: YAML tidak valid"),
])
def test_invalid_rules_name_file_and_rule(tmp_path, body, message):
    with pytest.raises(PatternError) as err:
        load_rules(write(tmp_path, body))
    assert message in str(err.value)


def test_failing_example_is_reported_with_file_and_rule(tmp_path):
    rules = load_rules(write(tmp_path, "rules:\n  - {name: r7, kind: phrase, basis: 17a, regex: 'saksi', "
                                      "reason: x, examples: {match: [pelapor], no_match: [saksi]}}"))
    assert check_examples(rules) == ["x.yaml: r7: harus cocok / should match: 'pelapor'",
                                     "x.yaml: r7: tidak boleh cocok / should not match: 'saksi'"]
