"""The fixed train / dev / held-out split of real open sentences (reviewer/train/passages/real_open.py)."""

import pytest

from reviewer.train.passages import real_open


def _corpora(root, n=40):
    words = [f"kata{i} lain{i * 7} berita{i * 13}" for i in range(n)]
    for corpus in real_open.MIT:
        folder = root / corpus
        folder.mkdir()
        name = "train.txt" if corpus == "idner-news-2k" else "train_preprocess.txt"
        (folder / name).write_text("".join(" ".join(f"{t} O\n" for t in f"{corpus} {w} .".split()) + "\n"
                                           for w in words), encoding="utf-8")
    for corpus in real_open.SHARE_ALIKE:
        folder = root / corpus
        folder.mkdir()
        if corpus.startswith("sib"):
            (folder / "train.tsv").write_text("index_id\tcategory\ttext\n0\tx\tKalimat terbuka sib.\n",
                                              encoding="utf-8")
        else:
            (folder / "a.conllu").write_text(f"# text = Kalimat {corpus}.\n1\tx\n\n", encoding="utf-8")


def test_dev_slice_is_disjoint_deterministic_and_from_the_mit_half(tmp_path):
    _corpora(tmp_path)
    train, dev, held = real_open.splits(tmp_path)
    keys = [{s.key for s in part} for part in (train, dev, held)]
    assert not (keys[0] & keys[1] or keys[0] & keys[2] or keys[1] & keys[2])
    assert dev and train and all(s.corpus in real_open.MIT and real_open.dev_by_hash(s.key) for s in dev)
    assert all(not real_open.heldout_by_hash(s.key) and not real_open.dev_by_hash(s.key) for s in train)
    assert {s.corpus for s in held} >= set(real_open.SHARE_ALIKE)
    assert real_open.split(tmp_path) == (train, held)  # the two-way split is unchanged by the dev slice
    assert real_open.splits(tmp_path) == (train, dev, held)


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus missing"):
        real_open.splits(tmp_path)
