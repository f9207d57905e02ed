"""Training runs end to end on a tiny sample, and the corpora split never leaks test sentences."""
import json
from pathlib import Path

import pytest

from reviewer.core.settings import ROOT
from reviewer.detect.ner import artifact as ner_artifact
from reviewer.train.ner import corpus as ner_corpus

SHARED = ROOT.parent / "shared" / "data"

IDNER = "Kemarin B-X\nBudi PROPN B-PER\nSantoso PROPN I-PER\nke ADP O\nJakarta PROPN B-LOC\n. PUNCT O\n"
GRIT = "Siti\tB-PERSON\nbekerja\tO\ndi\tO\nDinas\tB-ORGANISATION\nSosial\tI-ORGANISATION\n.\tO\n"
NERP = "kata\tO\nagus\tB-PPL\ndi\tO\nbandung\tB-PLC\nsoal\tO\ntelkomsel\tB-IND\n.\tO\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tiny_data(tmp_path) -> Path:
    data = tmp_path / "data"
    for i, name in enumerate(("train.txt", "dev.txt", "test.txt")):
        sents = [IDNER.replace("Kemarin B-X", f"Hari{i}{j} NOUN O") for j in range(12)]
        _write(data / "idner-news-2k" / name, "\r\n".join(s.replace("\n", "\r\n") for s in sents))
    for corpus, sample in (("indonlu-nergrit", GRIT), ("indonlu-nerp", NERP)):
        for i, name in enumerate(("train_preprocess.txt", "valid_preprocess.txt", "test_preprocess.txt")):
            _write(data / corpus / name, "\n".join(f"kalimat{i}{j}\tO\n" + sample for j in range(12)))
    faker = data / "names-faker-id_ID"
    for name, words in (("first_names_male", "Agus Bambang Yoga Adi Bayu Candra Dodi Eko Fajar Gilang Hadi Irfan Joko"),
                        ("first_names_female", "Siti Dewi Rina Ani Bunga Citra Dian Eka Fitri Gita Hana Indah"),
                        ("last_names_male", "Santoso Wibowo"), ("last_names_female", "Lestari Handayani"),
                        ("address_streets", "Merdeka Pemuda")):
        _write(faker / f"{name}.txt", "\n".join(words.split()))
    for name in ("first-female", "first-male", "first-neutral", "last-female", "last-male", "last-neutral"):
        _write(data / "names-mutiawsr" / f"{name}.csv", "Ani\nAdi\nAde\n")
    _write(data / "wilayah-cahyadsn" / "wilayah_derived.csv",
           "kode,nama,level\n33,Jawa Tengah,1\n33.74,Kota Semarang,2\n33.74.01.1001,Jomblang,4\n"
           "33.74.01.1002,Karangrejo,4\n" + "".join(f"33.74.01.{1010 + i},Desa{i},4\n" for i in range(40)))
    return data


@pytest.mark.slow
def test_training_runs_end_to_end_on_a_tiny_sample(tiny_data, tmp_path):
    from reviewer.train.ner import train
    from reviewer.train.ner.card import write_card

    models = tmp_path / "models"
    target = train(tiny_data, models, epochs=1, synthetic=30, seed=1, log=lambda *a: None, command="test")
    nlp, manifest = ner_artifact.load(target)
    assert nlp("Nama : Budi Santoso") is not None
    assert set(manifest["metrics"]) == {"test-news", "test-news-cased", "test-synthetic"}
    assert manifest["data"]["sources"]["idner-news-2k"]["license"].startswith("MIT")
    assert manifest["data"]["sentences"]["train"]
    card = write_card(target, models / "README.md").read_text()
    assert "| test-synthetic | PERSON |" in card
    # the card section is replaced, not appended, on a second run
    assert write_card(target, models / "README.md").read_text().count(ner_artifact.CARD_START) == 1


def test_iob_spans_map_labels_and_mark_unknown():
    tags = ["B-PPL", "I-PPL", "O", "B-IND", "B-EVT", "I-PLC"]
    mapping = ner_corpus.CORPORA["indonlu-nerp"][1]
    assert ner_corpus.iob_spans(tags, mapping) == [(0, 2, "PERSON"), (3, 4, None), (5, 6, "LOCATION")]


def test_duplicates_across_corpora_land_in_one_split(tiny_data):
    splits = ner_corpus.load_corpora(tiny_data)
    keys = {split: {s.key for s in sentences} for split, sentences in splits.items()}
    assert not keys["train"] & keys["test"] and not keys["dev"] & keys["test"]
    every = [s.key for sentences in splits.values() for s in sentences]
    assert len(every) == len(set(every))


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not present")
def test_real_corpora_have_no_test_leakage():
    splits = ner_corpus.load_corpora(SHARED)
    train = {s.key for s in splits["train"]}
    assert splits["test"] and not any(s.key in train for s in splits["test"])
    shipped = json.loads((ROOT / "models" / "ner-id" / ner_artifact.MANIFEST).read_text())
    counted = {split: sum(c.values()) for split, c in shipped["data"]["sentences"].items()}
    assert counted == {split: len(s) for split, s in splits.items()}
