"""The artifact's three named outcomes (missing, incompatible, corrupt), training, atomic save."""

import json
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from reviewer.core.errors import ModelCorrupt, ModelError, ModelIncompatible, ModelMissing
from reviewer.core.settings import Settings
from reviewer.detect.passages import model as pm
from reviewer.detect.passages.rules import load_rules
from reviewer.train import passages as passage_train

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "patterns" / "passages"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    import importlib

    sys.path.insert(0, str(ROOT / "scripts" / "passage_corpus"))
    try:
        build = importlib.import_module("corpus").build
    finally:
        sys.path.pop(0)
    folder = tmp_path_factory.mktemp("data")
    with open(folder / "small.jsonl", "w", encoding="utf-8") as fh:
        for record in build(160, seed=3):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder


@pytest.fixture(scope="module")
def trained(corpus, tmp_path_factory):
    """One training for the whole file (the slowest step here), through the command as an admin runs it:
    the artifact folder, the training report (as the artifact records it) and the command's result."""
    from reviewer.cli import cli

    out = tmp_path_factory.mktemp("models") / "passages"
    result = CliRunner().invoke(cli, ["train", "passages", "--data", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, pm.load(out).meta["metrics"], result


def test_training_writes_a_loadable_artifact_with_versions_and_metrics(trained):
    out, report, _ = trained
    model = pm.load(out)
    assert model.meta["versions"]["scikit-learn"]
    assert model.meta["fine_labels"] == list(pm.FINE)
    assert set(report["per_huruf"]) == set(pm.HURUF[1:])
    assert 0 <= report["ece_exempt"] <= 1
    assert not list(out.glob("*.part"))


def test_missing_model_is_named(tmp_path):
    with pytest.raises(ModelMissing, match="reviewer train passages"):
        pm.load(tmp_path)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "tampered"])
def test_corrupt_model_is_named(trained, tmp_path, damage):
    path = tmp_path / pm.FILENAME
    data = (trained[0] / pm.FILENAME).read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a model at all")
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:
        with np.load(trained[0] / pm.FILENAME, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        arrays["b_coef"] = arrays["b_coef"] + 1
        np.savez_compressed(path, **arrays)
    with pytest.raises(ModelCorrupt):
        pm.load(tmp_path)


def test_pickled_content_is_refused_as_corrupt(trained, tmp_path):
    with np.load(trained[0] / pm.FILENAME, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["a_coef"] = np.array([object()], dtype=object)
    np.savez(tmp_path / pm.FILENAME, **arrays)
    with pytest.raises(ModelCorrupt):
        pm.load(tmp_path)


@pytest.mark.parametrize("change", [{"format_version": 99}, {"format": "other"},
                                    {"fine_labels": ["none", "17a"]}])
def test_incompatible_model_is_named(trained, tmp_path, change):
    with np.load(trained[0] / pm.FILENAME, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    meta = {**json.loads(str(arrays["meta"])), **change}
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez_compressed(tmp_path / pm.FILENAME, **arrays)
    with pytest.raises(ModelIncompatible, match="latih ulang"):
        pm.load(tmp_path)


def test_detector_raises_model_error_and_pipeline_degrades_to_a_warning(tmp_path):
    from reviewer.detect import passages
    from reviewer.detect.pipeline import build_detectors

    settings = Settings(models_dir=tmp_path, use_ner=False)
    with pytest.raises(ModelError):
        passages.detector(settings)
    warnings = []
    with_model = len(build_detectors(Settings(use_ner=False)))
    assert len(build_detectors(settings, warnings)) == with_model - 1  # every detector but the passages
    assert "passages" in warnings[0] or "paragraf" in warnings[0]


def test_save_replaces_atomically(trained, tmp_path):
    model = pm.load(trained[0])
    pm.save(model, tmp_path)
    first = (tmp_path / pm.FILENAME).read_bytes()
    pm.save(model, tmp_path)
    assert zipfile.is_zipfile(tmp_path / pm.FILENAME)
    assert len((tmp_path / pm.FILENAME).read_bytes()) == len(first)
    assert not list(tmp_path.glob("*.part"))


def test_train_command(trained):
    out, _, result = trained
    assert "tersimpan / saved" in result.output and "held-out templates" in result.output
    assert (out / pm.FILENAME).is_file()
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "| 17h |" in card and "precision" in card
    texts = ["Kami menilai posisi hukum pemerintah daerah dalam perkara ini lemah.", "Rapat di aula lantai dua."]
    probs, _, _ = pm.load(out).predict_document(texts, ["sentence", "sentence"], 0.0)
    assert probs.shape == (2, len(pm.HURUF)) and np.allclose(probs.sum(axis=1), 1)


def test_train_command_without_data_is_a_clean_error(tmp_path):
    from reviewer.cli import cli

    result = CliRunner().invoke(cli, ["train", "passages", "--data", str(tmp_path), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "tidak ada data latih" in result.output


def test_scan_time_features_equal_scikit_learn(corpus):
    """The featurizer's own transform must give exactly what scikit-learn's vectorizers give."""
    import scipy.sparse as sp

    docs = passage_train.load_corpus(corpus, load_rules(RULES))
    texts = [w.classify_text for d in docs[:40] for w in d.windows] + ["", "Ünïcode  dan\tangka 12.345"]
    norm = [pm.normalize(t) for t in texts]
    word, char = pm._vectorizer(pm.WORD), pm._vectorizer(pm.CHAR)
    word.fit(norm)
    char.fit(norm)
    ours = pm.Featurizer(pm._terms(word), word.idf_, pm._terms(char), char.idf_).transform(texts)
    theirs = sp.hstack([word.transform(norm), char.transform(norm)], format="csr")
    assert ours.shape == theirs.shape
    assert abs(ours - theirs).max() < 1e-5


def test_scan_time_product_is_scipys_to_the_bit(corpus):
    """`Rows.times_transposed` (a scan, no scipy) gives exactly the float32 values of scipy's CSR product,
    so the probabilities, and every finding, do not depend on which one computed them."""
    docs = passage_train.load_corpus(corpus, load_rules(RULES))
    texts = [w.classify_text for d in docs[:40] for w in d.windows] + ["", "Ünïcode  dan\tangka 12.345", ""]
    featurizer = pm.Featurizer.fit(texts)
    weights = np.random.default_rng(7).normal(size=(len(pm.FINE), featurizer.n_features)).astype(np.float32)
    rows = featurizer.rows(texts)
    theirs = np.asarray(featurizer.transform(texts) @ weights.T)
    assert theirs.dtype == np.float32 and rows.times_transposed(weights).dtype == np.float32
    assert np.array_equal(rows.times_transposed(weights), theirs)
    assert not rows.times_transposed(weights)[-1].any()
    one = rows[3]
    assert np.array_equal(one.indices, featurizer.transform(texts)[3].indices)
    assert np.array_equal(one.times_transposed(weights), theirs[3:4])


def test_reviewer_decisions_become_training_records(tmp_path):
    text = ("NOTA DINAS\nSifat : Rahasia\nKami menilai posisi hukum pemerintah daerah dalam perkara ini lemah.\n"
            "Rapat koordinasi akan dilaksanakan di aula lantai dua pada hari Senin depan.\n")
    a = text.index("Kami")
    b = text.index("Rapat")
    record = passage_train.decision_record("review:abc:1", text, [
        {"start": a, "end": text.index("\n", a), "basis": "17i", "action": "redact"},
        {"start": b, "end": text.index("\n", b), "basis": "17i", "action": "keep"}])
    (tmp_path / "decisions.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = passage_train.load_corpus(tmp_path, load_rules(RULES))
    assert doc.labels == ["17i", "none"]
    with pytest.raises(ValueError):
        passage_train.decision_record("x", text, [{"start": 0, "end": 5, "basis": "17z", "action": "redact"}])


def test_undecided_windows_of_a_review_record_only_give_context(tmp_path):
    text = "Kami menilai posisi hukum pemerintah daerah lemah.\nRapat dilaksanakan di aula pada hari Senin depan.\n"
    record = passage_train.decision_record("r", text, [{"start": 0, "end": text.index("\n"), "basis": "17i",
                                                        "action": "redact"}])
    (tmp_path / "d.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = passage_train.load_corpus(tmp_path, load_rules(RULES))
    assert doc.labels == ["17i", None]
