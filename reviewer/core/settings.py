"""Settings, read once at the edge (CLI, web app, batch) and passed down as one frozen value."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATTERNS = ROOT / "patterns"
DEFAULT_MODELS = ROOT / "models"

# Short texts printed on a redaction box per basis; agencies may configure their own codes.
DEFAULT_BOX_LABELS = {
    "17a": "Ps.17 a", "17b": "Ps.17 b", "17c": "Ps.17 c", "17d": "Ps.17 d", "17e": "Ps.17 e",
    "17f": "Ps.17 f", "17g": "Ps.17 g", "17h": "Ps.17 h", "17i": "Ps.17 i", "17j": "Ps.17 j",
}


@dataclass(frozen=True)
class DikEntry:
    """A decreed row of the unit's DIK, as the passage detector needs it (`reviewer.store.context`)."""

    number: str
    information: str
    codes: tuple[str, ...]  # Pasal 17 codes: "17h2", "17i"
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    patterns_dir: Path = DEFAULT_PATTERNS
    models_dir: Path = DEFAULT_MODELS
    # Detectors to run; the pattern detector is always on. Model-based ones degrade to a
    # named warning when their artifact is missing.
    use_ner: bool = True
    use_passages: bool = True
    use_ocr: bool = True
    ocr_dpi: int = 300
    ocr_cache_dir: Path | None = None  # None: the user's cache folder (see reviewer/ocr/cache.py)
    ocr_cache: bool = True
    ocr_workers: int = 0  # Tesseract processes side by side; 0 = one per CPU
    pdf_engine: str = "auto"  # auto (PyMuPDF, pdfplumber for pages it cannot read) | pymupdf | pdfplumber
    # Names of officials acting in office (kept open under Pasal 18 ayat 2) and extra terms.
    officials: tuple[str, ...] = ()
    allow_terms: tuple[str, ...] = ()  # never suggested for redaction
    deny_terms: tuple[str, ...] = ()  # always suggested for redaction
    # The agency's own published contacts (phone, fax, e-mail, website, address, social account): kept open.
    agency_contacts: tuple[str, ...] = ()
    # The decreed DIK rows of the document's unit: a passage one of them covers may be suggested `redact`.
    dik_entries: tuple[DikEntry, ...] = ()
    box_labels: dict = field(default_factory=lambda: dict(DEFAULT_BOX_LABELS), hash=False)
    # How a redacted spreadsheet cell reads: "label" ("[DIKECUALIKAN Ps.17 j]") or "partial" (a NIK or
    # KK keeps its first and last four digits, "3201********0001"; other data still gets the label).
    sheet_mask: str = "label"
    # The office's time zone for every time people read (UI, reports, CSV); stored times stay UTC.
    timezone: str = "Asia/Jakarta"

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)


def from_env(**overrides) -> Settings:
    """Settings from REVIEWER_* environment variables, then explicit overrides."""
    values: dict = {}
    if os.environ.get("REVIEWER_PATTERNS"):
        values["patterns_dir"] = Path(os.environ["REVIEWER_PATTERNS"])
    if os.environ.get("REVIEWER_MODELS"):
        values["models_dir"] = Path(os.environ["REVIEWER_MODELS"])
    if os.environ.get("REVIEWER_OCR_CACHE"):
        if os.environ["REVIEWER_OCR_CACHE"].strip().lower() in ("0", "off", "no", "false"):
            values["ocr_cache"] = False
        else:
            values["ocr_cache_dir"] = Path(os.environ["REVIEWER_OCR_CACHE"])
    if os.environ.get("REVIEWER_OCR_WORKERS", "").strip().isdigit():
        values["ocr_workers"] = int(os.environ["REVIEWER_OCR_WORKERS"])
    if os.environ.get("REVIEWER_OCR_DPI", "").strip().isdigit():
        values["ocr_dpi"] = int(os.environ["REVIEWER_OCR_DPI"])
    if os.environ.get("REVIEWER_SHEET_MASK", "").strip() in ("label", "partial"):
        values["sheet_mask"] = os.environ["REVIEWER_SHEET_MASK"].strip()
    if os.environ.get("REVIEWER_PDF_ENGINE", "").strip():
        values["pdf_engine"] = os.environ["REVIEWER_PDF_ENGINE"].strip().lower()
    if os.environ.get("REVIEWER_TIMEZONE", "").strip():
        values["timezone"] = os.environ["REVIEWER_TIMEZONE"].strip()
    for flag in ("use_ner", "use_passages", "use_ocr"):
        env = os.environ.get("REVIEWER_" + flag.upper())
        if env is not None:
            values[flag] = env.strip().lower() not in ("0", "false", "no", "off", "")
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
