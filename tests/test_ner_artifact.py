"""The three named failures of the NER artifact, and that patterns keep working through them."""
import json
from pathlib import Path

import pytest

from reviewer.core.errors import ModelError
from reviewer.core.settings import Settings
from reviewer.detect.ner import artifact as ner_artifact
from reviewer.detect.pipeline import build_detectors, scan_file


@pytest.fixture(scope="module")
def tiny_nlp():
    """An untrained Indonesian pipeline with the NER labels. Built once: the language's ~16,000 tokenizer special
    cases take seconds to add."""
    import spacy

    nlp = spacy.blank("id")
    ner = nlp.add_pipe("ner")
    for label in ner_artifact.REQUIRED_LABELS:
        ner.add_label(label)
    nlp.initialize()
    return nlp


@pytest.fixture(scope="module")
def tiny_model(tiny_nlp, tmp_path_factory) -> Path:
    models = tmp_path_factory.mktemp("models")
    ner_artifact.write(tiny_nlp, models / "ner-id", {"metrics": {}})
    return models


@pytest.fixture
def models(tiny_model, tmp_path) -> Path:
    import shutil

    shutil.copytree(tiny_model, tmp_path / "models")
    return tmp_path / "models"


def test_written_artifact_loads_and_records_versions(models):
    nlp, manifest = ner_artifact.load(models / "ner-id")
    assert "ner" in nlp.pipe_names
    assert manifest["versions"]["spacy"] and manifest["versions"]["thinc"]
    assert set(ner_artifact.REQUIRED_LABELS) <= set(manifest["labels"])
    assert not (models / "ner-id.part").exists()


def test_tokenizer_rules_saved_with_the_model_are_used(tmp_path, models, tiny_nlp):
    from spacy.symbols import ORTH

    nlp = tiny_nlp  # `models` was written from it before this rule is added; nothing else uses it afterwards
    nlp.tokenizer.add_special_case("S.Kep.Ns", [{ORTH: "S.Kep."}, {ORTH: "Ns"}])
    ner_artifact.write(nlp, tmp_path / "ner-id", {"metrics": {}})
    loaded, _ = ner_artifact.load(tmp_path / "ner-id")
    assert [t.text for t in loaded("Ani S.Kep.Ns")] == ["Ani", "S.Kep.", "Ns"]
    default, _ = ner_artifact.load(models / "ner-id")  # the language's own rules: the case is not special
    assert [t.text for t in default("Ani S.Kep.Ns")] != ["Ani", "S.Kep.", "Ns"]


def test_missing_model(tmp_path):
    with pytest.raises(ner_artifact.ModelMissing, match="tidak ditemukan"):
        ner_artifact.load(tmp_path / "ner-id")


def test_incompatible_model(models):
    path = models / "ner-id" / ner_artifact.MANIFEST
    manifest = json.loads(path.read_text())
    manifest["versions"]["spacy"] = "2.3.9"
    path.write_text(json.dumps(manifest))
    with pytest.raises(ner_artifact.ModelIncompatible, match="tidak cocok"):
        ner_artifact.load(models / "ner-id")


def test_incompatible_format(models):
    path = models / "ner-id" / ner_artifact.MANIFEST
    manifest = json.loads(path.read_text())
    manifest["format"] = ner_artifact.FORMAT + 1
    path.write_text(json.dumps(manifest))
    with pytest.raises(ner_artifact.ModelIncompatible):
        ner_artifact.load(models / "ner-id")


def test_corrupt_model_weights(models):
    weights = models / "ner-id" / "ner" / "model"
    weights.write_bytes(weights.read_bytes()[: len(weights.read_bytes()) // 2])
    with pytest.raises(ner_artifact.ModelCorrupt, match="rusak"):
        ner_artifact.load(models / "ner-id")


def test_corrupt_manifest(models):
    (models / "ner-id" / ner_artifact.MANIFEST).write_text("{not json")
    with pytest.raises(ner_artifact.ModelCorrupt):
        ner_artifact.load(models / "ner-id")


@pytest.mark.parametrize("damage", ["missing", "incompatible", "corrupt"])
def test_pipeline_warns_and_patterns_keep_working(models, tmp_path, damage):
    folder = models / "ner-id"
    if damage == "missing":
        import shutil

        shutil.rmtree(folder)
    elif damage == "incompatible":
        manifest = json.loads((folder / ner_artifact.MANIFEST).read_text())
        manifest["format"] = 999
        (folder / ner_artifact.MANIFEST).write_text(json.dumps(manifest))
    else:
        (folder / "ner" / "model").write_bytes(b"garbage")
    settings = Settings(models_dir=models, use_passages=False, use_ocr=False)
    from reviewer.detect import ner

    with pytest.raises(ModelError):
        ner.detector(settings)
    warnings: list[str] = []
    detectors = build_detectors(settings, warnings)
    without_ner = build_detectors(Settings(models_dir=models, use_ner=False, use_passages=False, use_ocr=False))
    assert len(detectors) == len(without_ner) and len(warnings) == 1  # the other detectors all still run
    assert not any(d.__module__.startswith("reviewer.detect.ner") for d in detectors)
    assert "NER" in warnings[0]
    doc = tmp_path / "surat.txt"
    doc.write_text("Nama : Budi Santoso\nE-mail : budi.santoso@gmail.com\n", encoding="utf-8")
    result = scan_file(str(doc), settings, detectors)
    assert any(f.label == "EMAIL" for f in result.findings)
