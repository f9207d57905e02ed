"""Whole-pipeline check on hand-written documents with unseen names and templates (tests/data/ner)."""
import json

import pytest

from reviewer.core.settings import Settings
from reviewer.detect.pipeline import build_detectors, scan_file

CASES = json.loads((__import__("pathlib").Path(__file__).parent / "data" / "ner" / "expected.json").read_text())


@pytest.fixture(scope="module")
def detectors():
    settings = Settings(use_passages=False, use_ocr=False)
    return settings, build_detectors(settings)


@pytest.mark.parametrize("name", sorted(CASES))
def test_persons_flagged_and_officials_kept(name, data_dir, detectors):
    settings, dets = detectors
    result = scan_file(str(data_dir / "ner" / name), settings, dets)
    persons = {f.text: f for f in result.findings if f.label == "PERSON"}
    for text, want in CASES[name].items():
        assert text in persons, (text, sorted(persons))
        assert (persons[text].action == "keep") == (want == "keep"), persons[text]
    assert not set(persons) - set(CASES[name]), "unexpected PERSON findings"
