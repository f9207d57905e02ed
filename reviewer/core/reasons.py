"""Structured reasons: why a detector suggested what it did, as a value rendered at the edge.

A `Reason` is a code ("pattern.match"), its parameters ({"pattern": "nik", "file": "identity.yaml"}),
the detector it came from and the score change it made. It *is* also its Indonesian sentence (it
subclasses `str`), so every place that treats reasons as text — the JSONL `reasons`, the stored
findings, the redaction log — keeps working unchanged, while the English UI and reports render the
same reason from its code (`render(reason, "en")`) and can count reasons by code. Texts live in
`reviewer/data/reasons.yaml`, one entry per code.

    >>> r = reason("ocr.doubt", conf=0.62, delta=-0.17, source="ocr")
    >>> str(r), render(r, "en")
    ('OCR ragu: keyakinan kata 62% (-0.17)', 'OCR unsure: word confidence 62% (-0.17)')
    >>> as_dict("free text")["code"]
    'text'
"""

from __future__ import annotations

from pathlib import Path

from reviewer.core import yamlfile

CATALOG_PATH = Path(__file__).resolve().parent.parent / "data" / "reasons.yaml"
with open(CATALOG_PATH, encoding="utf-8") as _fh:
    CATALOG: dict[str, dict[str, str]] = yamlfile.safe_load(_fh)
TEXT = "text"  # the code of a reason that is only a sentence (from a pattern file, or not yet coded)


class Reason(str):
    """A reason: its Indonesian text, plus `code`, `params`, `source` and `delta` (score change or None)."""

    __slots__ = ("code", "params", "source", "delta")
    code: str
    params: dict
    source: str
    delta: float | None

    def __new__(cls, code: str, params: dict | None = None, source: str = "", delta: float | None = None):
        params = dict(params or {})
        if delta is not None:
            params.setdefault("delta", delta)
        obj = super().__new__(cls, _format(code, params, "id"))
        obj.code, obj.params, obj.source, obj.delta = code, params, source, delta
        return obj

    def __reduce__(self):  # pickled across processes (Dask, the batch pool) with its structure
        return (Reason, (self.code, self.params, self.source, self.delta))

    def __deepcopy__(self, memo):
        return self


def reason(code: str, *, source: str = "", delta: float | None = None, **params) -> Reason:
    """A reason of a catalogued code; unknown codes are a programming error, caught by the tests."""
    if code not in CATALOG:
        raise KeyError(f"reason code {code!r} is not in {CATALOG_PATH.name}")
    return Reason(code, params, source, delta)


def _format(code: str, params: dict, lang: str) -> str:
    texts = CATALOG.get(code)
    if not texts:
        return str(params.get("text", code))
    return (texts.get(lang) or texts["id"]).format(**params)


def render(value: str, lang: str = "id") -> str:
    """A reason in the given language; plain text reasons as written."""
    if isinstance(value, Reason):
        return _format(value.code, value.params, lang)
    return str(value)


def as_dict(value: str) -> dict:
    """The structured form for JSON: code, params, source, delta (plain text: code "text")."""
    if isinstance(value, Reason):
        return {"code": value.code, "params": _jsonable(value.params), "source": value.source,
                "delta": value.delta}
    return {"code": TEXT, "params": {"text": str(value)}, "source": "", "delta": None}


def render_dict(data: dict, lang: str = "id") -> str:
    """A reason from its structured form (`as_dict`) in the given language; "" when it cannot be rendered."""
    code, params = data.get("code", TEXT), data.get("params") or {}
    if code == TEXT or code not in CATALOG:
        return str(params.get("text", ""))
    try:
        return _format(code, params, lang)
    except (KeyError, ValueError, IndexError):  # a catalog text changed since it was stored
        return ""


def _jsonable(params: dict) -> dict:
    return {k: v if isinstance(v, (str, int, float, bool)) or v is None else str(v) for k, v in params.items()}
