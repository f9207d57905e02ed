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


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalog_has_both_languages_with_the_same_parameters():
    for code, texts in reasons.CATALOG.items():
        assert set(texts) >= {"id", "en"}, code
        # an English text may use `<param>_en`, the English form of `<param>` (a pattern file's reason_en)
        assert _fields(texts["id"]) == {f.removesuffix("_en") for f in _fields(texts["en"])}, code


def test_every_code_the_code_uses_is_in_the_catalog():
    used = set()
    for path in ROOT.joinpath("reviewer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("reason", "keep_reason") \
                    and node.args and isinstance(node.args[0], ast.Constant):
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
    indonesian = json.dumps(client.get(f"/documents/{sha}.json").get_json()["findings"])
    client.set_cookie("lang", "en")
    english = json.dumps(client.get(f"/documents/{sha}.json").get_json()["findings"])
    assert '"pola ' in indonesian and '"pattern ' in english and '"pola ' not in english


def test_the_ui_writes_a_reasons_numbers_as_its_language_does_and_the_stored_text_stays():
    r = reasons.reason("ocr.doubt", conf=0.62, delta=-0.17, source="ocr")
    data = reasons.as_dict(r)
    assert str(r) == "OCR ragu: keyakinan kata 62% (-0.17)"  # the JSONL and stored text, unchanged
    assert reasons.render_dict(data, "id") == "OCR ragu: keyakinan kata 62% (-0,17)"
    assert reasons.render_dict(data, "en") == "OCR unsure: word confidence 62% (-0.17)"
