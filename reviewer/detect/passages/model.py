"""The passage classifier: TF-IDF (word + character n-grams) and two linear stages, no pickles.

Stage A reads one window and gives a distribution over the fine labels (`none`, `17a` … `17j`,
with `17h1` … `17h5` for the angka of huruf h). Stage B reads stage A's output for the window,
its neighbours and the whole document, plus the document's confidentiality mark, and gives the
huruf; a temperature fitted on held-out documents calibrates its probabilities.

The artifact is one `.npz` file of plain arrays (vocabularies, idf, coefficients) and a JSON
header, loaded with `allow_pickle=False`: loading it runs no code, wherever it comes from. A
SHA-256 of the arrays in the header tells a corrupt file from an incompatible one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from reviewer.core.errors import ModelCorrupt, ModelIncompatible, ModelMissing

FORMAT = "ppid-passages"
FORMAT_VERSION = 1
FILENAME = "model.npz"
FINE = ("none", "17a", "17b", "17c", "17d", "17e", "17f", "17g",
        "17h1", "17h2", "17h3", "17h4", "17h5", "17i", "17j")
HURUF = ("none", "17a", "17b", "17c", "17d", "17e", "17f", "17g", "17h", "17i", "17j")
KINDS = ("sentence", "field", "row", "cell")
WORD: dict[str, Any] = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "max_features": 40000,
        "sublinear_tf": True, "lowercase": False, "token_pattern": r"(?u)\b\w+\b"}
CHAR: dict[str, Any] = {"analyzer": "char_wb", "ngram_range": (3, 5), "min_df": 3, "max_features": 50000,
        "sublinear_tf": True, "lowercase": False}
_FINE_TO_HURUF = np.array([HURUF.index(label[:3] if label != "none" else "none") for label in FINE])


def normalize(text: str) -> str:
    """Lower case, every digit a 0, one space between words: numbers and layout are noise here."""
    return " ".join(re.sub(r"\d", "0", text.lower()).split())


def to_huruf(fine: np.ndarray) -> np.ndarray:
    out = np.zeros((fine.shape[0], len(HURUF)), dtype=np.float64)
    np.add.at(out.T, _FINE_TO_HURUF, fine.T)
    return out


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _vectorizer(params: dict):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(dtype=np.float32, **params)


_TOKEN = re.compile(WORD["token_pattern"])


def word_grams(text: str) -> list[str]:
    """The word 1- and 2-grams of normalised text, as scikit-learn's word analyzer makes them."""
    tokens = _TOKEN.findall(text)
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def char_grams(text: str) -> list[str]:
    """Character 3-5-grams inside word boundaries, as scikit-learn's `char_wb` analyzer makes them."""
    lo, hi = CHAR["ngram_range"]
    out = []
    for w in text.split():
        w = f" {w} "
        for n in range(lo, hi + 1):
            if len(w) <= n:  # a short word counts once, as itself
                out.append(w)
                break
            out.extend(w[i:i + n] for i in range(len(w) - n + 1))
    return out


class Featurizer:
    """Word and character TF-IDF over normalised text, side by side.

    Fitting uses scikit-learn; transforming uses the stored vocabularies and idf directly (the same
    analyzers, sublinear tf, l2 norm per block), so a scan imports no scikit-learn and pays no
    per-call overhead. A test checks both give the same matrix.
    """

    def __init__(self, word_vocab: list[str], word_idf: np.ndarray, char_vocab: list[str], char_idf: np.ndarray):
        self.word_terms = list(word_vocab)
        self.char_terms = list(char_vocab)
        self.word_index = {t: i for i, t in enumerate(self.word_terms)}
        self.char_index = {t: i for i, t in enumerate(self.char_terms)}
        self.word_idf = np.asarray(word_idf, dtype=np.float32)
        self.char_idf = np.asarray(char_idf, dtype=np.float32)

    @classmethod
    def fit(cls, texts: list[str]) -> Featurizer:
        norm = [normalize(t) for t in texts]
        word, char = _vectorizer(WORD), _vectorizer(CHAR)
        word.fit(norm)
        char.fit(norm)
        return cls(_terms(word), word.idf_, _terms(char), char.idf_)

    @property
    def n_features(self) -> int:
        return len(self.word_terms) + len(self.char_terms)

    def transform(self, texts: list[str]):
        """The feature matrix as a scipy CSR matrix (for training)."""
        import scipy.sparse as sp

        rows = self.rows(texts)
        return sp.csr_matrix((rows.data, rows.indices, rows.indptr), shape=rows.shape)

    def rows(self, texts: list[str]) -> Rows:
        """The feature matrix as plain CSR arrays: what a scan needs, without importing scipy."""
        indptr, indices, data, total = [0], [], [], 0
        offset = len(self.word_terms)
        for text in texts:
            norm = normalize(text)
            for grams, index, idf, base in ((word_grams(norm), self.word_index, self.word_idf, 0),
                                            (char_grams(norm), self.char_index, self.char_idf, offset)):
                counts: dict[int, int] = {}
                for g in grams:
                    j = index.get(g)
                    if j is not None:
                        counts[j] = counts.get(j, 0) + 1
                if counts:
                    cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
                    vals = (1 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * idf[cols]
                    vals /= np.sqrt((vals ** 2).sum())
                    order = np.argsort(cols)
                    indices.append(cols[order] + base)
                    data.append(vals[order])
                    total += len(cols)
            indptr.append(total)
        return Rows(_cat(data, np.float64).astype(np.float32), _cat(indices, np.int64),
                    np.array(indptr, dtype=np.int64), (len(texts), self.n_features))

    def arrays(self) -> dict[str, np.ndarray]:
        return {"word_vocab": np.array(self.word_terms), "word_idf": self.word_idf,
                "char_vocab": np.array(self.char_terms), "char_idf": self.char_idf}

    @classmethod
    def from_arrays(cls, a: dict[str, np.ndarray]) -> Featurizer:
        return cls(a["word_vocab"].tolist(), a["word_idf"], a["char_vocab"].tolist(), a["char_idf"])


def _cat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


@dataclass(frozen=True)
class Rows:
    """A sparse feature matrix as CSR arrays (scipy's layout), with the two operations a scan needs."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]

    def times_transposed(self, weights: np.ndarray) -> np.ndarray:
        """`matrix @ weights.T`, summed entry by entry in index order as scipy's CSR product sums."""
        wt = np.ascontiguousarray(weights.T)
        out = np.zeros((self.shape[0], wt.shape[1]), dtype=np.result_type(self.data, wt))
        products = self.data[:, None].astype(out.dtype) * wt[self.indices]
        ends = self.indptr
        for i in np.flatnonzero(np.diff(ends)):  # a running sum adds in order, as scipy's row loop does
            out[i] = np.add.accumulate(products[ends[i]:ends[i + 1]], axis=0)[-1]  # (`sum` is pairwise)
        return out

    def __getitem__(self, i: int) -> Rows:
        a, b = self.indptr[i], self.indptr[i + 1]
        return Rows(self.data[a:b], self.indices[a:b], np.array([0, b - a]), (1, self.shape[1]))


def _terms(v) -> list[str]:
    terms = [""] * len(v.vocabulary_)
    for term, i in v.vocabulary_.items():
        terms[i] = term
    return terms


def context_features(fine: np.ndarray, kinds: list[str], lengths: list[int], marker: float) -> np.ndarray:
    """Stage B inputs for the windows of ONE document, from stage A's fine distributions."""
    h = to_huruf(fine)
    n = h.shape[0]
    doc_mean = np.repeat(h.mean(axis=0, keepdims=True), n, axis=0)
    k = min(3, n)
    doc_top = np.repeat(np.sort(h, axis=0)[-k:].mean(axis=0, keepdims=True), n, axis=0)
    padded = np.vstack([h[:1] * 0, h, h[:1] * 0])
    neighbours = (padded[:-2] + padded[2:]) / 2
    kind = np.array([[float(x == kd) for kd in KINDS] for x in kinds]).reshape(n, len(KINDS))
    length = np.log1p(np.array(lengths, dtype=np.float64)).reshape(n, 1) / 6
    mark = np.full((n, 1), marker)
    exempt = 1 - h[:, :1]
    return np.hstack([h, doc_mean, doc_top, neighbours, kind, length, mark, exempt * marker,
                      h * doc_mean, h * marker, exempt * (1 - doc_mean[:, :1])])


@dataclass
class PassageModel:
    featurizer: Featurizer
    a_coef: np.ndarray  # (len(FINE), n_features)
    a_intercept: np.ndarray
    b_coef: np.ndarray  # (len(HURUF), n_context_features)
    b_intercept: np.ndarray
    temperature: float
    meta: dict

    def stage_a(self, texts: list[str]) -> np.ndarray:
        return self._stage_a(self.featurizer.rows(texts))

    def _stage_a(self, x: Rows) -> np.ndarray:
        return softmax(x.times_transposed(self.a_coef) + self.a_intercept)

    def predict_document(self, texts: list[str], kinds: list[str], marker: float):
        """(huruf probabilities, fine probabilities, features) for the windows of one document."""
        x = self.featurizer.rows(texts)
        if not texts:
            return np.zeros((0, len(HURUF))), np.zeros((0, len(FINE))), x
        fine = self._stage_a(x)
        feats = context_features(fine, kinds, [len(t) for t in texts], marker)
        return softmax((feats @ self.b_coef.T + self.b_intercept) / self.temperature), fine, x

    def top_terms(self, row, label: str, k: int = 3) -> list[tuple[str, float]]:
        """The word n-grams of one window (a row of its features) that pushed stage A most towards
        `label` rather than `none`: tf-idf value times the difference of the two weights."""
        rows = [i for i, lab in enumerate(FINE) if lab.startswith(label)] or [FINE.index(label)]
        n_words = len(self.featurizer.word_terms)
        cols, vals = row.indices, row.data
        words = cols < n_words
        cols, vals = cols[words], vals[words]
        weight = self.a_coef[rows][:, cols].max(axis=0) - self.a_coef[0, cols]
        scored = sorted(zip(cols, vals * weight, strict=True), key=lambda t: -t[1])[:k]
        return [(self.featurizer.word_terms[j], float(v)) for j, v in scored if v > 0.05]

    def arrays(self) -> dict[str, np.ndarray]:
        return {**self.featurizer.arrays(), "a_coef": self.a_coef.astype(np.float32),
                "a_intercept": self.a_intercept.astype(np.float32), "b_coef": self.b_coef.astype(np.float32),
                "b_intercept": self.b_intercept.astype(np.float32),
                "temperature": np.array([self.temperature], dtype=np.float64)}


def checksum(arrays: dict[str, np.ndarray]) -> str:
    h = hashlib.sha256()
    for key in sorted(arrays):
        if key == "meta":
            continue
        h.update(key.encode())
        h.update(np.ascontiguousarray(arrays[key]).tobytes())
    return h.hexdigest()


def save(model: PassageModel, directory: Path) -> Path:
    """Write the artifact atomically: a `.part` file, then a rename over the old one."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    arrays = model.arrays()
    meta = {**model.meta, "format": FORMAT, "format_version": FORMAT_VERSION, "fine_labels": list(FINE),
            "huruf_labels": list(HURUF), "sha256": checksum(arrays)}
    path = directory / FILENAME
    part = directory / (FILENAME + ".part")
    with open(part, "wb") as fh:
        # the array names are the model's own (never "allow_pickle"), so none is taken for that keyword
        np.savez_compressed(fh, meta=np.array(json.dumps(meta, ensure_ascii=False)), **arrays)  # type: ignore[arg-type]
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(part, path)
    return path


def load(directory: Path) -> PassageModel:
    path = Path(directory) / FILENAME
    if not path.is_file():
        raise ModelMissing(f"model pengklasifikasi paragraf tidak ada di {path}; jalankan `reviewer train "
                           f"passages` / passage model missing: run `reviewer train passages`")
    arrays, meta = _read(path)
    if meta.get("format") != FORMAT or meta.get("format_version") != FORMAT_VERSION \
            or tuple(meta.get("fine_labels", ())) != FINE or tuple(meta.get("huruf_labels", ())) != HURUF:
        raise ModelIncompatible(f"model paragraf {path} berformat {meta.get('format')!r} versi "
                                f"{meta.get('format_version')!r}, perlu versi {FORMAT_VERSION}; latih ulang "
                                f"dengan "
                                f"`reviewer train passages` / incompatible passage model: retrain")
    if meta.get("sha256") != checksum(arrays):
        raise ModelCorrupt(f"model paragraf {path} rusak (checksum tidak cocok); latih ulang / corrupt "
                           f"passage model (checksum mismatch): retrain")
    try:
        featurizer = Featurizer.from_arrays(arrays)
        model = PassageModel(featurizer, arrays["a_coef"], arrays["a_intercept"], arrays["b_coef"],
                             arrays["b_intercept"], float(arrays["temperature"][0]), meta)
        if model.a_coef.shape != (len(FINE), featurizer.n_features):
            raise ValueError(f"stage A shape {model.a_coef.shape}")
        model.predict_document(["uji coba model"], ["sentence"], 0.0)
    except (KeyError, ValueError, IndexError) as exc:
        raise ModelIncompatible(f"model paragraf {path} tidak cocok dengan kode ini ({exc}); latih ulang / "
                                f"passage model does not fit this code: retrain") from exc
    return model


def _read(path: Path) -> tuple[dict[str, np.ndarray], dict]:
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(str(arrays.pop("meta")))
        if not isinstance(meta, dict):
            raise ValueError("header is not an object")
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
        raise ModelCorrupt(f"model paragraf {path} rusak dan tidak dapat dibaca ({type(exc).__name__}); "
                           f"latih ulang dengan `reviewer train passages` / corrupt passage model: "
                           f"retrain") from exc
    return arrays, meta
