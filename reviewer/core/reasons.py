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

A parameter may itself be a reason (rendered in the same language: "stays open: {why}") or a text in
both languages, `{"id": ..., "en": ...}` (`bilingual`): the reasons a pattern file writes, names from the
vocabulary. Everything a detector says can so be shown in English.
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


def bilingual(value, where: str = "") -> dict[str, str]:
    """A text in both languages from data (`{id: ..., en: ...}`); an error names `where` when one is missing."""
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value[k] for k in ("id", "en")):
        raise ValueError(f"{where}: perlu teks id dan en / needs an 'id' and an 'en' text")
    return {"id": value["id"], "en": value["en"]}


def from_data(code: str, value, where: str, **params) -> str:
    """The reason a data file writes for a rule: `{id: ..., en: ...}` becomes a coded reason (`code`, the
    text as parameter `text`); a plain string (an agency's own older file) stays a sentence."""
    if isinstance(value, str):
        return value
    return reason(code, text=bilingual(value, where), **params)


def _is_bilingual(value) -> bool:
    return isinstance(value, dict) and "code" not in value and "id" in value


def _localized(params: dict, lang: str) -> dict:
    """Nested reasons and bilingual texts among the parameters, in the given language."""
    out = {}
    for key, value in params.items():
        if isinstance(value, Reason):
            value = _format(value.code, value.params, lang)
        elif _is_bilingual(value):
            value = value.get(lang) or value["id"]
        elif isinstance(value, dict) and "code" in value:  # a nested reason in its stored form
            value = render_dict(value, lang)
        out[key] = value
    return out


def _format(code: str, params: dict, lang: str) -> str:
    texts = CATALOG.get(code)
    if not texts:
        return str(params.get("text", code))
    return (texts.get(lang) or texts["id"]).format(**_localized(params, lang))


def render(value: str, lang: str = "id") -> str:
    """A reason in the given language; plain text reasons as written."""
    if isinstance(value, Reason):
        return _format(value.code, value.params, lang)
    return str(value)


def is_plain(value: str) -> bool:
    """Whether a reason, or a reason nested in its parameters, is only a sentence (code "text")."""
    if not isinstance(value, Reason):
        return True
    return value.code == TEXT or any(is_plain(v) for v in value.params.values() if isinstance(v, Reason))


def as_dict(value: str) -> dict:
    """The structured form for JSON: code, params, source, delta (plain text: code "text")."""
    if isinstance(value, Reason):
        return {"code": value.code, "params": _jsonable(value.params), "source": value.source,
                "delta": value.delta}
    return {"code": TEXT, "params": {"text": str(value)}, "source": "", "delta": None}


def render_dict(data: dict, lang: str = "id") -> str:
    """A reason from its structured form (`as_dict`) in the given language, its numbers written as that
    language writes them (`+0,27` in Indonesian); "" when it cannot be rendered."""
    code, params = data.get("code", TEXT), data.get("params") or {}
    if code == TEXT or code not in CATALOG:
        return str(params.get("text", ""))
    try:
        return _format(code, {k: _Number(v, lang) if type(v) is float else v for k, v in params.items()}, lang)
    except (KeyError, ValueError, IndexError, AttributeError):  # a catalog text changed since it was stored
        return ""


class _Number(float):
    """A float that formats with the language's decimal sign (Babel's locale data)."""

    lang: str

    def __new__(cls, value: float, lang: str):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj

    def __format__(self, spec: str) -> str:
        from babel.numbers import get_decimal_symbol

        return format(float(self), spec).replace(".", get_decimal_symbol(self.lang))


def _jsonable(params: dict) -> dict:
    return {k: _jsonable_value(v) for k, v in params.items()}


def _jsonable_value(value):
    if isinstance(value, Reason):
        return as_dict(value)
    if _is_bilingual(value):
        return {lang: str(text) for lang, text in value.items()}
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)
