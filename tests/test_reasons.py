"""Structured reasons: values with a code, rendered in Indonesian or English at the edge."""

import ast
import copy
import json
import pickle
import re
import string
from pathlib import Path

from reviewer.core import reasons
from reviewer.core.reasons import Reason, reason, render
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)


# A text with the shapes the coded reasons come from beyond the shipped samples: an identity block, a role word,
# a near-miss NIK, a service line, a table row with a position. Synthetic names and numbers only.
SYNTHETIC = (
    "PEMERINTAH KABUPATEN SUKAMAJU\nDINAS KESEHATAN\nJalan Melati Nomor 3 Sukamaju, Telepon (0231) 123456\n\n"
    "PUTUSAN Nomor 12/Pid.B/2024/PN Skm\n"
    "Nama lengkap : BUDI HARTONO bin SLAMET\nTempat lahir : Sukamaju\nTanggal lahir : 12 Maret 1980\n"
    "Pekerjaan : Petani\nAlamat : Dusun Krajan RT 02 RW 03 Desa Sukamaju\n\n"
    "Saksi Dewi Lestari menerangkan bahwa NIK 3209124012800001 miliknya. Nomor KTP lama terdakwa 320912401280000.\n"
    "Informasi lebih lanjut: Call Center 0812-3456-7890.\n"
    "Yang bertanda tangan,\nKepala Dinas Kesehatan\n\nDr. Ahmad Fauzi, M.Kes\nNIP 198604152010011002\n"
)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalog_has_both_languages_with_the_same_parameters():
    for code, texts in reasons.CATALOG.items():
        assert set(texts) >= {"id", "en"}, code
        assert _fields(texts["id"]) == _fields(texts["en"]), code


def test_every_code_the_code_uses_is_in_the_catalog():
    used = set()
    for path in ROOT.joinpath("reviewer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node.func, "id", "") or getattr(node.func, "attr", "") if isinstance(node, ast.Call) else ""
            if name in ("reason", "keep_reason", "dik_reason") and node.args and isinstance(node.args[0], ast.Constant):
                used.add(node.args[0].value)
    assert used and used <= set(reasons.CATALOG), used - set(reasons.CATALOG)


def test_a_reason_is_its_indonesian_text_and_keeps_its_structure_across_processes():
    r = reason("pattern.context", cue="NIK", delta=0.25, source="pattern:nik")
    assert r == "konteks 'NIK' (+0.25)" and isinstance(r, str)
    assert render(r, "en") == "context 'NIK' (+0.25)"
    for twin in (pickle.loads(pickle.dumps(r)), copy.deepcopy(r)):
        assert isinstance(twin, Reason) and twin.code == "pattern.context" and twin.delta == 0.25
        assert twin.source == "pattern:nik" and render(twin, "en") == "context 'NIK' (+0.25)"
    assert reasons.as_dict("teks bebas") == {"code": "text", "params": {"text": "teks bebas"}, "source": "",
                                             "delta": None}
    assert reasons.render_dict(reasons.as_dict(r), "en") == "context 'NIK' (+0.25)"
    assert reasons.render_dict({"code": "pattern.context", "params": {}}, "en") == ""  # changed catalog


def test_jsonl_keeps_reasons_as_text_and_adds_the_structured_form(samples):
    result = scan_file(str(samples / "laporan-kejadian.txt"), SETTINGS)
    rows = [json.loads(json.dumps(f.to_dict())) for f in result.findings]
    assert rows
    codes = set()
    for row in rows:
        assert all(isinstance(t, str) for t in row["reasons"])
        assert len(row["reasons_structured"]) == len(row["reasons"])
        for text, data in zip(row["reasons"], row["reasons_structured"], strict=True):
            codes.add(data["code"])
            shown = reasons.render_dict(data, "id")  # the stored text, with a decimal comma in the UI
            assert shown == text if "," not in shown else re.sub(r"(\d),(\d)", r"\1.\2", shown) == text
    assert "pattern.match" in codes


def test_the_english_ui_shows_reasons_in_english(tmp_path, samples):
    from tests.webui_helpers import login, make_app, upload

    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, "ani")
    sha = upload(app, client, samples / "laporan-kejadian.txt")
    id_findings = client.get(f"/documents/{sha}.json").get_json()["findings"]
    client.set_cookie("lang", "en")
    en_findings = client.get(f"/documents/{sha}.json").get_json()["findings"]
    indonesian, english = json.dumps(id_findings), json.dumps(en_findings)
    assert '"pola ' in indonesian and '"pattern ' in english and '"pola ' not in english
    pairs = [(i, e) for a, b in zip(id_findings, en_findings, strict=True)
             for i, e in zip(a["reasons"], b["reasons"], strict=True)]
    assert pairs and all(i != e for i, e in pairs), [p for p in pairs if p[0] == p[1]]  # every reason in English


def _check(r) -> None:
    """A coded reason, all the way down, that renders in English, and the same from its JSON form."""
    assert isinstance(r, Reason) and not reasons.is_plain(r), f"plain-text reason: {r!r}"
    english = render(r, "en")
    assert english and english != str(r), f"{r.code}: no English text: {r!r}"
    data = json.loads(json.dumps(reasons.as_dict(r)))
    # the UI writes numbers with the language's decimal sign (0,27); the stored text keeps 0.27
    assert reasons.render_dict(data, "id").replace(",", ".") == str(r).replace(",", ".")
    assert reasons.render_dict(data, "en") == english


def _families(r: Reason) -> set[str]:
    nested = [v for v in r.params.values() if isinstance(v, Reason)]
    return {r.code.split(".")[0]}.union(*map(_families, nested))


def test_no_detector_gives_a_plain_text_reason_on_the_fixtures(tmp_path, samples):
    """Every reason of every finding over the samples, the NER fixtures and a synthetic putusan is coded
    and has its English text: a detector that writes a sentence instead of a reason fails here."""
    (tmp_path / "putusan.txt").write_text(SYNTHETIC, encoding="utf-8")
    paths = [*sorted(samples.iterdir()), *sorted((ROOT / "tests/data/ner").glob("*.txt")), tmp_path / "putusan.txt"]
    settings = Settings(use_ocr=False)
    codes = set()
    for path in paths:
        for f in scan_file(str(path), settings).findings:
            for r in f.reasons:
                _check(r)
                codes |= _families(r)
    assert {"pattern", "valid", "ner", "role", "person", "public", "near_miss", "identity", "learned"} <= codes


def test_every_shipped_pattern_and_passage_rule_has_its_reason_in_both_languages():
    from reviewer.detect.passages.rules import load_rules, rules_dir
    from reviewer.detect.patterns import load_patterns

    patterns = load_patterns(SETTINGS.patterns_dir)
    rules = load_rules(rules_dir(SETTINGS.patterns_dir))
    assert patterns and rules
    for item in [*patterns, *rules]:
        _check(item.reason)
        assert item.reason.params["text"]["en"] and item.reason.code in ("pattern.reason", "passage.rule")


def test_a_pattern_file_reason_needs_both_texts_and_a_plain_one_stays_text(tmp_path):
    from reviewer.core.errors import PatternError
    from reviewer.detect.patterns import load_patterns

    entry = "- {name: p, label: NIK, basis: 17j, regex: 'x', score: 0.5, reason: %s}\n"
    (tmp_path / "a.yaml").write_text(entry % "{id: teks}", encoding="utf-8")
    try:
        load_patterns(tmp_path)
    except PatternError as exc:
        assert "a.yaml" in str(exc) and "'p'" in str(exc) and "en" in str(exc)
    else:
        raise AssertionError("a reason without its English text loaded")
    (tmp_path / "a.yaml").write_text(entry % "teks lama", encoding="utf-8")
    assert load_patterns(tmp_path)[0].reason == "teks lama" and reasons.is_plain(load_patterns(tmp_path)[0].reason)


def test_nested_reasons_and_bilingual_parameters_render_in_the_language_asked():
    why = reason("valid.nik", region="32.09.12", place="Mundu", born="14-07-80", sex={"id": "laki-laki", "en": "male"})
    r = reason("pattern.valid", why=why, source="pattern:nik")
    assert r == "valid: NIK: wilayah 32.09.12 (Mundu), lahir 14-07-80, laki-laki"
    assert render(r, "en") == "valid: NIK: region 32.09.12 (Mundu), born 14-07-80, male"
    data = reasons.as_dict(r)
    assert data["params"]["why"]["code"] == "valid.nik" and data["params"]["why"]["params"]["sex"]["en"] == "male"
    assert reasons.is_plain(reason("keep.public", why="teks bebas")) is False  # a str parameter is a value
    assert reasons.is_plain(reason("pattern.valid", why=reasons.Reason("text", {"text": "x"})))
    twin = pickle.loads(pickle.dumps(r))
    assert render(twin, "en") == render(r, "en")


def test_the_ui_writes_a_reasons_numbers_as_its_language_does_and_the_stored_text_stays():
    r = reasons.reason("ocr.doubt", conf=0.62, delta=-0.17, source="ocr")
    data = reasons.as_dict(r)
    assert str(r) == "OCR ragu: keyakinan kata 62% (-0.17)"  # the JSONL and stored text, unchanged
    assert reasons.render_dict(data, "id") == "OCR ragu: keyakinan kata 62% (-0,17)"
    assert reasons.render_dict(data, "en") == "OCR unsure: word confidence 62% (-0.17)"
