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


def test_loaded_layers_multiply_with_numpy_and_predict_the_same(models):
    from thinc.api import NumpyOps

    nlp, _ = ner_artifact.load(models / "ner-id")
    layers = [node for _, pipe in nlp.pipeline for node in pipe.model.walk()]
    assert layers and all(not node.ops.use_blis for node in layers if node.name != "linear")
    text = "Saudara Budi Santoso dari Kota Contoh hadir pada rapat tanggal 4 Maret 2024."
    with_numpy = [(t.text, t.ent_iob_, t.ent_type_) for t in nlp(text)]
    blis = NumpyOps(use_blis=True)
    for node in layers:
        node.ops = blis
    assert [(t.text, t.ent_iob_, t.ent_type_) for t in nlp(text)] == with_numpy


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


def test_the_manifests_versions_and_metrics_read_as_values_and_write_back_the_same_json():
    """`Versions` and `HeldOut` are the manifest's `versions` and `metrics`: the shipped artifact's read and
    written back byte for byte, and a manifest from an older writer reads with "?" for what it lacks."""
    manifest = ner_artifact.read_manifest(Path(__file__).resolve().parents[1] / "models" / "ner-id")
    versions = ner_artifact.Versions.from_dict(manifest["versions"])
    assert json.dumps(versions.to_dict()) == json.dumps(manifest["versions"]) and versions.spacy.startswith("3.")
    figures = ner_artifact.held_out(manifest)
    assert set(figures) == set(manifest["metrics"]) and all(f.gold_entities > 0 for f in figures.values())
    assert all(json.dumps(f.to_dict()) == json.dumps(manifest["metrics"][k]) for k, f in figures.items())
    assert next(iter(figures["test-news"].scores)) == "ALL" and 0 < figures["test-news"].scores["ALL"].f < 1
    assert ner_artifact.Versions.from_dict({"spacy": "3.8.0"}).python == "?"
    assert ner_artifact.Versions.from_dict(None) == ner_artifact.Versions()
