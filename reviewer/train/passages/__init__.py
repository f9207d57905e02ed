"""`reviewer train passages`: train the passage classifier from `models/data/passages/*.jsonl`.

Corpus format (one JSON document per line, see models/data/README.md):
    {"id": "...", "text": "<page text>", "spans": [{"start": 0, "end": 10, "label": "17h2"}],
     "source": "synthetic" | "review", "genre": "...", "template": "...", "complete": true}
Windows are cut from `text` exactly as at scan time; a window takes the label of a span that covers
most of it. In a `complete` document every other window is `none`; in a reviewer-decision record
(`complete: false`, rejected suggestions as spans labelled `none`) the other windows only give context.

Evaluation holds out whole templates (not just documents), because the documents the tool meets
are written from templates it never saw.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reviewer.core.errors import ReviewerError
from reviewer.detect.passages import model as pm
from reviewer.detect.passages.rules import Rule, document_context, window_hits
from reviewer.detect.passages.windows import Window, page_windows

HOLDOUT_SHARE = 0.2
HELDOUT = "heldout/"  # template prefix of documents written from sentence templates training never sees
REAL = "real/"  # template prefix of real open text (reviewer/train/passages/real_open.py): split by document
CURVE_AT = (0.5, 0.7, 0.8, 0.9, 0.95, 0.99)  # thresholds at which model-only precision is reported
CALIBRATION_SHARE = 0.15
STAGE_A_C = 2.0  # inverse regularisation of stage A (2 beat 8 on held-out templates: F1 0.755 vs 0.740)


@dataclass
class Doc:
    id: str
    windows: list[Window]
    labels: list[str | None]
    marker: float
    template: str
    genre: str
    phrased: tuple[bool, ...] = ()  # per window: a phrase rule fired (the model is not alone)
    evidence: bool = False  # some rule fired in the document (phrase, marker, context, document type)


def load_corpus(directory: Path, rules: list[Rule]) -> list[Doc]:
    files = sorted(Path(directory).glob("*.jsonl"))
    if not files:
        raise ReviewerError(f"tidak ada data latih (*.jsonl) di / no training data in {directory}")
    docs = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                docs.append(_doc(json.loads(line), rules))
            except (ValueError, KeyError, TypeError) as exc:
                raise ReviewerError(f"{path.name}:{n}: catatan tidak valid / invalid record: {exc}") from exc
    return docs


def _doc(record: dict, rules: list[Rule]) -> Doc:
    text = record["text"]
    spans = record.get("spans", [])
    for s in spans:
        if s["label"] not in pm.FINE and s["label"] not in pm.HURUF:
            raise ValueError(f"label {s['label']!r} tidak dikenal / unknown label")
    windows: list[Window] = []
    offset = 0
    for page_text in text.split("\f"):
        for w in page_windows(page_text):
            windows.append(Window(w.start + offset, w.end + offset, w.text, w.kind, w.context))
        offset += len(page_text) + 1
    complete = record.get("complete", True)
    labels = [_label(w, spans, complete) for w in windows]
    ctx = document_context(rules, text, text.split("\f")[0])
    template = str(record.get("template", record["id"]))
    phrased = tuple(bool(window_hits(rules, w.classify_text)[0]) for w in windows)
    evidence = any(phrased) or bool(ctx.markers or ctx.contexts or ctx.doctypes)
    return Doc(str(record["id"]), windows, labels, ctx.marker_level, template,
               str(record.get("genre", "")), phrased, evidence)


def _label(w: Window, spans: list[dict], complete: bool) -> str | None:
    for s in spans:
        inter = min(w.end, s["end"]) - max(w.start, s["start"])
        if inter > 0 and (inter >= 0.5 * (w.end - w.start) or inter >= 0.5 * (s["end"] - s["start"])):
            label = s["label"]
            return "17h2" if label == "17h" else label  # a bare h without angka: health is the commonest
    return "none" if complete else None


def split(docs: list[Doc]) -> tuple[list[Doc], list[Doc], list[Doc]]:
    """(train, calibration, test) that hold out whole templates, never just documents."""
    def bucket(key: str) -> float:
        return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF

    if any(d.template.startswith(HELDOUT) for d in docs):
        # templates set aside by the corpus: half calibrates (unseen wording gives honest
        # confidence), half tests
        # confidence), half tests; real open text is split by document (a share calibrates, as much tests)
        held = [d for d in docs if d.template.startswith(HELDOUT)
                or (d.template.startswith(REAL) and bucket("doc:" + d.id) < 2 * CALIBRATION_SHARE)]
        train = [d for d in docs if d not in held]
        calib = [d for d in held if bucket("doc:" + d.id) < (CALIBRATION_SHARE if d.template.startswith(REAL) else 0.5)]
        test = [d for d in held if d not in calib]
        return train, calib, test
    test = [d for d in docs if bucket("tpl:" + d.template) < HOLDOUT_SHARE]
    rest = [d for d in docs if bucket("tpl:" + d.template) >= HOLDOUT_SHARE]
    calib = [d for d in rest if bucket("doc:" + d.id) < CALIBRATION_SHARE]
    train = [d for d in rest if bucket("doc:" + d.id) >= CALIBRATION_SHARE]
    return train, calib, test


def _stage_a(x, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=STAGE_A_C, max_iter=300, tol=1e-3)
    clf.fit(x, y)
    coef = np.zeros((len(pm.FINE), x.shape[1]), dtype=np.float32)
    intercept = np.full(len(pm.FINE), -30.0, dtype=np.float32)  # labels absent from the data: never
    for row, cls in enumerate(clf.classes_):
        coef[cls], intercept[cls] = clf.coef_[row], clf.intercept_[row]
    return coef, intercept


def _fine_probs(x, coef, intercept) -> np.ndarray:
    return pm.softmax(np.asarray(x @ coef.T) + intercept)


def _context_matrix(docs: list[Doc], fine: np.ndarray) -> np.ndarray:
    rows, i = [], 0
    for d in docs:
        n = len(d.windows)
        if n:
            rows.append(pm.context_features(fine[i:i + n], [w.kind for w in d.windows],
                                            [len(w.text) for w in d.windows], d.marker))
        i += n
    return np.vstack(rows)


def _flat(docs: list[Doc]):
    texts = [w.classify_text for d in docs for w in d.windows]
    labels = [lab for d in docs for lab in d.labels]
    groups = [k for k, d in enumerate(docs) for _ in d.windows]
    return texts, labels, np.array(groups)


def train(docs: list[Doc], seed: int = 0, log=print, final: bool = True) -> tuple[pm.PassageModel, dict]:
    """Fit on the training split, calibrate and measure on held-out templates; then, with `final`,
    refit the same recipe on every document (the temperature is kept) so the shipped model has seen
    all the wording there is. The report always describes the held-out measurement."""
    started = time.time()
    train_docs, calib_docs, test_docs = split(docs)
    log(f"dokumen / documents: latih {len(train_docs)}, kalibrasi {len(calib_docs)}, uji {len(test_docs)}")
    model = _fit(train_docs, log, started)
    model.temperature = fit_temperature(*_logits(model, calib_docs))
    log(f"temperatur kalibrasi / calibration temperature: {model.temperature:.2f}")
    report = evaluate(model, test_docs)
    report["model_only_precision"] = model_only_precision(model, calib_docs, log)
    report["calibration_docs"] = len(calib_docs)
    report["train_docs"] = len(train_docs)
    report["final_refit_on_all_documents"] = final
    if final:
        log("latih ulang pada semua dokumen / refit on all documents")
        temperature, model = model.temperature, _fit(docs, log, started)
        model.temperature = temperature
    report["seconds"] = round(time.time() - started, 1)
    model.meta = _meta(docs, report, seed)
    return model, report


def _fit(docs: list[Doc], log, started: float) -> pm.PassageModel:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    texts, labels, groups = _flat(docs)
    known = np.array([lab is not None for lab in labels])
    y = np.array([pm.FINE.index(lab) if lab else 0 for lab in labels])
    featurizer = pm.Featurizer.fit([t for t, k in zip(texts, known, strict=True) if k])
    x = featurizer.transform(texts)
    log(f"ciri / features: {x.shape[1]}; jendela latih / training windows: {int(known.sum())}")
    oof = np.zeros((x.shape[0], len(pm.FINE)))
    for fold, (a, b) in enumerate(GroupKFold(n_splits=3).split(x, y, groups)):
        a = a[known[a]]
        coef, intercept = _stage_a(x[a], y[a])
        oof[b] = _fine_probs(x[b], coef, intercept)
        log(f"tahap A lipatan / stage A fold {fold + 1}/3 selesai ({time.time() - started:.0f} s)")
    a_coef, a_intercept = _stage_a(x[known], y[known])
    feats = _context_matrix(docs, oof)
    y_huruf = np.array([pm.HURUF.index(lab[:3]) if lab and lab != "none" else 0 for lab in labels])
    b = LogisticRegression(C=1.0, max_iter=2000)
    b.fit(feats[known], y_huruf[known])
    b_coef = np.zeros((len(pm.HURUF), feats.shape[1]))
    b_intercept = np.full(len(pm.HURUF), -30.0)
    for row, cls in enumerate(b.classes_):
        b_coef[cls], b_intercept[cls] = b.coef_[row], b.intercept_[row]
    return pm.PassageModel(featurizer, a_coef, a_intercept, b_coef, b_intercept, 1.0, {})


def _logits(model: pm.PassageModel, docs: list[Doc]) -> tuple[np.ndarray, np.ndarray]:
    texts, labels, _ = _flat(docs)
    fine = model.stage_a(texts)
    feats = _context_matrix(docs, fine)
    keep = np.array([lab is not None for lab in labels])
    y = np.array([pm.HURUF.index(lab[:3]) if lab and lab != "none" else 0 for lab in labels])
    return (feats @ model.b_coef.T + model.b_intercept)[keep], y[keep]


def model_only_precision(model: pm.PassageModel, docs: list[Doc], log=print) -> dict:
    """Precision of model-only calls (windows no phrase rule backs) on the calibration documents at
    the CURVE_AT thresholds, in documents where some rule fired (`with_evidence`) and where none did
    (`alone`): what the detector's MODEL_WITH_EVIDENCE / MODEL_ALONE thresholds buy."""
    rows: dict[bool, tuple[list[float], list[bool]]] = {True: ([], []), False: ([], [])}
    for d in docs:
        if not d.windows:
            continue
        probs, _, _ = model.predict_document([w.classify_text for w in d.windows], [w.kind for w in d.windows],
                                             d.marker)
        for lab, p, phrased in zip(d.labels, probs, d.phrased or [False] * len(d.windows), strict=True):
            if lab is not None and not phrased:
                rows[d.evidence][0].append(float(1 - p[0]))
                rows[d.evidence][1].append(lab != "none")
    out: dict[str, dict] = {}
    for key, evidence in (("with_evidence", True), ("alone", False)):
        s, t = np.array(rows[evidence][0]), np.array(rows[evidence][1], dtype=bool)
        out[key] = {"windows": len(s), "exempt": int(t.sum()),
                    "at": {str(c): {"precision": round(float(t[s >= c].mean()), 3), "n": int((s >= c).sum())}
                           for c in CURVE_AT if (s >= c).any()}}
        log(f"presisi model saja / model-only precision, {key}: " + ", ".join(
            f">={c}: {v['precision']:.2f} (n={v['n']})" for c, v in out[key]["at"].items()))
    return out


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    from scipy.optimize import minimize_scalar

    def nll(t: float) -> float:
        p = pm.softmax(logits / t)
        return float(-np.log(p[np.arange(len(y)), y] + 1e-12).mean())

    return float(minimize_scalar(nll, bounds=(0.2, 10.0), method="bounded").x)


def evaluate(model: pm.PassageModel, docs: list[Doc]) -> dict:
    """Per-huruf precision/recall/F1 on windows, exempt-vs-open figures, angka, calibration."""
    rows: list[tuple[str, str, float, str, str]] = []
    for d in docs:
        if not d.windows:
            continue
        probs, fine, _ = model.predict_document([w.classify_text for w in d.windows],
                                             [w.kind for w in d.windows], d.marker)
        for lab, p, f in zip(d.labels, probs, fine, strict=True):
            if lab is None:
                continue
            gold = lab[:3] if lab != "none" else "none"
            pred = pm.HURUF[int(np.argmax(p[1:])) + 1] if 1 - p[0] >= 0.5 else "none"
            angka = pm.FINE[8 + int(np.argmax(f[8:13]))]
            rows.append((gold, pred, float(1 - p[0]), lab, angka))
    return {"test_docs": len(docs), "test_windows": len(rows), "per_huruf": _per_huruf(rows),
            "exempt": _prf(sum(g != "none" and p != "none" for g, p, *_ in rows),
                           sum(g == "none" and p != "none" for g, p, *_ in rows),
                           sum(g != "none" and p == "none" for g, p, *_ in rows)),
            "huruf_accuracy_on_found": _ratio(sum(g == p for g, p, *_ in rows if g != "none" and p != "none"),
                                              sum(g != "none" and p != "none" for g, p, *_ in rows)),
            "angka_accuracy_h": _ratio(sum(lab == a for g, p, _, lab, a in rows if g == p == "17h"),
                                       sum(g == p == "17h" for g, p, *_ in rows)),
            "ece_exempt": ece([s for _, _, s, _, _ in rows], [g != "none" for g, *_ in rows])}


def _per_huruf(rows) -> dict:
    out = {}
    for h in pm.HURUF[1:]:
        tp = sum(g == h and p == h for g, p, *_ in rows)
        fp = sum(g != h and p == h for g, p, *_ in rows)
        fn = sum(g == h and p != h for g, p, *_ in rows)
        out[h] = {**_prf(tp, fp, fn), "support": tp + fn}
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def ece(scores: list[float], truth: list[bool], bins: int = 10) -> float:
    """Expected calibration error of the exempt probability."""
    s, t = np.array(scores), np.array(truth, dtype=float)
    total = 0.0
    for lo in np.linspace(0, 1, bins, endpoint=False):
        m = (s >= lo) & (s < lo + 1 / bins) if lo < 1 - 1 / bins else (s >= lo)
        if m.any():
            total += m.sum() / len(s) * abs(s[m].mean() - t[m].mean())
    return round(float(total), 4)


def _meta(docs: list[Doc], report: dict, seed: int) -> dict:
    import platform

    import scipy
    import sklearn

    counts: dict[str, int] = {}
    for d in docs:
        for lab in d.labels:
            if lab is not None:
                counts[lab] = counts.get(lab, 0) + 1
    return {"created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "seed": seed,
            "versions": {"python": platform.python_version(), "numpy": np.__version__,
                         "scipy": scipy.__version__, "scikit-learn": sklearn.__version__},
            "data": {"documents": len(docs), "real_documents": sum(d.template.startswith(REAL) for d in docs),
                     "windows_per_label": dict(sorted(counts.items())),
                     "genres": sorted({d.genre for d in docs}), "templates": len({d.template for d in docs})},
            "metrics": report}


def decision_record(doc_id: str, page_text: str, decisions: list[dict]) -> dict:
    """A training record from a reviewer's decisions on PASSAGE suggestions of one page.

    `decisions`: dicts with start, end, basis and action ("redact" = approved as exempt, "keep" =
    rejected). Append the record as a line to a `models/data/passages/*.jsonl` file; only the
    decided windows are labelled (`complete: false`), the rest of the page gives context.
    """
    spans = []
    for d in decisions:
        if d["action"] not in ("redact", "keep") or not 0 <= d["start"] < d["end"] <= len(page_text):
            raise ValueError(f"keputusan tidak valid / invalid decision: {d}")
        label = d["basis"] if d["action"] == "redact" else "none"
        if label not in pm.FINE and label not in pm.HURUF:
            raise ValueError(f"dasar hukum tidak dikenal / unknown basis: {label!r}")
        spans.append({"start": d["start"], "end": d["end"], "label": label})
    return {"id": doc_id, "source": "review", "complete": False, "text": page_text, "spans": spans}
