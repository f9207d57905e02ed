"""The pipeline, written once: extract → (OCR) → detectors → policy → findings.

A detector is a plain callable `detector(document, page, settings) -> Iterable[Finding]`.
`build_detectors` lists them in one place. Model-based detectors that cannot load their
artifact report a warning once and are skipped; patterns always run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reviewer.model import Document, Finding, Page
from reviewer.settings import Settings

log = logging.getLogger(__name__)

Detector = Callable[[Document, Page, Settings], Iterable[Finding]]


@dataclass
class ScanResult:
    document: Document
    findings: list[Finding]
    warnings: list[str] = field(default_factory=list)


def build_detectors(settings: Settings, warnings: list[str] | None = None) -> list[Detector]:
    """The detectors to run for these settings, in order."""
    from reviewer import patterns

    detectors: list[Detector] = [patterns.detector(settings)]
    for enabled, module_name in ((settings.use_ner, "reviewer.ner"),
                                 (settings.use_passages, "reviewer.passages")):
        if not enabled:
            continue
        detector = _optional_detector(module_name, settings, warnings)
        if detector is not None:
            detectors.append(detector)
    return detectors


def _optional_detector(module_name: str, settings: Settings, warnings: list[str] | None):
    """Load a model-based detector; a missing module or artifact is a warning, not a crash."""
    import importlib

    from reviewer.errors import ModelError

    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None
    try:
        return module.detector(settings)
    except ModelError as exc:
        if warnings is not None:
            warnings.append(str(exc))
        log.warning("%s", exc)
        return None


def prepare(document: Document, settings: Settings, warnings: list[str]) -> Document:
    """Fill pages that need OCR when OCR is available; otherwise leave them marked."""
    if not any(p.needs_ocr for p in document.pages) or not settings.use_ocr:
        return document
    import importlib

    try:
        ocr = importlib.import_module("reviewer.ocr")
    except ModuleNotFoundError as exc:
        if exc.name != "reviewer.ocr":
            raise
        return document
    return ocr.ocr_document(document, settings, warnings)


def detect(document: Document, settings: Settings, detectors: list[Detector] | None = None,
           warnings: list[str] | None = None) -> list[Finding]:
    """Every finding on every page, after policy (keep rules, overlaps), in page order."""
    warnings = [] if warnings is None else warnings
    detectors = build_detectors(settings, warnings) if detectors is None else detectors
    findings: list[Finding] = []
    for page in document.pages:
        findings.extend(detect_page(document, page, settings, detectors))
    return findings


def detect_page(document: Document, page: Page, settings: Settings, detectors: list[Detector]) -> list[Finding]:
    """The findings of one page (the web UI stores pages one by one as they are scanned)."""
    from reviewer import policy

    unread = [policy.unreadable_page(page)] if page.needs_ocr else []
    if page.needs_ocr and not page.text.strip():
        return unread
    raw: list[Finding] = []  # a scan with some digital text (an e-signature footer): read that much
    for detector in detectors:
        raw.extend(detector(document, page, settings))
    return unread + policy.apply(document, page, raw, settings)


def scan_file(path: str, settings: Settings, detectors: list[Detector] | None = None) -> ScanResult:
    """Extract and scan one file. Raises `ReviewerError` for a file that cannot be read."""
    from reviewer.extract import extract

    warnings: list[str] = []
    document = prepare(extract(path), settings, warnings)
    findings = detect(document, settings, detectors, warnings)
    return ScanResult(document, findings, warnings + list(document.warnings))
