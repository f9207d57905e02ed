"""The pipeline, written once: extract → OCR → detectors → policy → findings.

Every door uses `scan` (or `scan_file`): `reviewer scan`, the web upload job, `reviewer batch` and its
Dask tasks. What differs between doors is only the `Settings` they pass, resolved once per scan from
the environment, the agency's terms and the document's unit (`reviewer.store.context.scan_settings`).

A detector is a callable `detector(document, settings) -> {page number: [Finding, ...]}` that looks
at the whole document at once (names recur across pages; passages are windows over the text). The
detectors are built once per process for the settings that shape them (`detectors_for`): loading the
NER model takes seconds, so an office server loads it once, whatever the unit or officials of the
document. Model-based detectors that cannot load their artifact give a warning and are skipped;
patterns always run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reviewer.core.errors import ModelError
from reviewer.core.model import Document, Finding, Page
from reviewer.core.settings import Settings

log = logging.getLogger(__name__)

Detector = Callable[[Document, Settings], dict[int, list[Finding]]]


@dataclass
class ScanResult:
    document: Document
    findings: list[Finding]
    warnings: list[str] = field(default_factory=list)

    def by_page(self) -> dict[int, list[Finding]]:
        """The findings of each page number (every page present, maybe with none)."""
        out: dict[int, list[Finding]] = {p.number: [] for p in self.document.pages}
        for f in self.findings:
            out.setdefault(f.page, []).append(f)
        return out


@dataclass(frozen=True)
class Detectors:
    """The detectors for one shape of settings, and the warnings of the ones that could not load."""

    detectors: tuple[Detector, ...]
    warnings: tuple[str, ...] = ()


_built: dict[tuple, Detectors] = {}
_lock = threading.Lock()


def detector_key(settings: Settings) -> tuple:
    """What decides which detectors exist and which models they load; lists of names do not."""
    return (str(settings.patterns_dir), str(settings.models_dir), settings.use_ner, settings.use_passages)


def detectors_for(settings: Settings) -> Detectors:
    """The detectors for these settings, built once per process (thread-safe)."""
    key = detector_key(settings)
    with _lock:
        if key not in _built:
            warnings: list[str] = []
            _built[key] = Detectors(tuple(build_detectors(settings, warnings)), tuple(warnings))
        return _built[key]


def clear_detectors() -> None:
    """Forget the built detectors (after retraining a model in the same process, and in tests)."""
    with _lock:
        _built.clear()


def build_detectors(settings: Settings, warnings: list[str] | None = None) -> list[Detector]:
    """The detectors to run for these settings, in order (new ones each call: prefer `detectors_for`)."""
    from reviewer.detect import columns, identity, initials, patterns

    detectors: list[Detector] = [patterns.detector(settings), identity.detector(settings),
                                 initials.detector(settings), columns.detector(settings)]
    if settings.use_ner:
        from reviewer.detect import ner

        detectors += _loaded(ner.detector, settings, warnings)
    if settings.use_passages:
        from reviewer.detect import passages

        detectors += _loaded(passages.detector, settings, warnings)
    return detectors


def _loaded(make: Callable[[Settings], Detector], settings: Settings, warnings: list[str] | None) -> list[Detector]:
    """A model-based detector, or none: a missing or broken artifact is a warning, not a crash."""
    try:
        return [make(settings)]
    except ModelError as exc:
        if warnings is not None:
            warnings.append(str(exc))
        log.warning("%s", exc)
        return []


def prepare(document: Document, settings: Settings, warnings: list[str]) -> Document:
    """Fill pages that need OCR when OCR is on; otherwise leave them marked (they become UNREADABLE)."""
    if not any(p.needs_ocr for p in document.pages) or not settings.use_ocr:
        return document
    from reviewer import ocr

    return ocr.ocr_document(document, settings, warnings)


def detect(document: Document, settings: Settings, detectors: list[Detector] | tuple[Detector, ...] | None = None,
           warnings: list[str] | None = None) -> list[Finding]:
    """Every finding on every page, after policy (keep rules, overlaps), in page order."""
    if detectors is None:
        built = detectors_for(settings)
        detectors = built.detectors
        if warnings is not None:
            warnings.extend(w for w in built.warnings if w not in warnings)
    view = detection_view(document)
    raw: dict[int, list[Finding]] = {p.number: [] for p in document.pages}
    for detector in detectors:
        for number, found in detector(view, settings).items():
            raw.setdefault(number, []).extend(found)
    from reviewer.detect import cases
    from reviewer.detect.columns import clip_to_cells
    from reviewer.detect.entities import unify

    unify(view, raw, settings)
    cases.apply(view, raw)
    _copy_to_repeats(document, raw)
    findings: list[Finding] = []
    for page in document.pages:
        findings.extend(_page_findings(document, page, clip_to_cells(page, raw[page.number]), settings))
    return findings


def detection_view(document: Document) -> Document:
    """The document as the detectors read it: the same offsets, with artifact words (watermarks, turned
    or huge glyphs) blanked out. Repeated furniture stays in place (it is context for the NER model);
    its findings are replaced by those of its first occurrence (`_copy_to_repeats`)."""
    pages = []
    for page in document.pages:
        spans = [(w.start, w.end) for w in page.words if w.kind == "artifact"]
        pages.append(replace(page, text=_blank(page.text, spans)) if spans else page)
    return replace(document, pages=tuple(pages)) if pages != list(document.pages) else document


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = [" " if c != "\n" else c for c in chars[a:b]]
    return "".join(chars)


def _copy_to_repeats(document: Document, raw: dict[int, list[Finding]]) -> None:
    """A furniture line that repeats an earlier page's gets exactly the findings of its first occurrence,
    so the same header or footer is judged once, the same way on every page."""
    first = {page.number: list(raw.get(page.number, ())) for page in document.pages if page.repeats}
    for page in document.pages:
        if not page.repeats:
            continue
        spans = [(a, b) for a, b, _, _ in page.repeats]
        kept = [f for f in raw.get(page.number, ()) if not any(a < f.end and f.start < b for a, b in spans)]
        for start, end, first_page, first_start in page.repeats:
            source = first.get(first_page, raw.get(first_page, ()))
            shift = start - first_start
            kept += [f.replace(page=page.number, start=f.start + shift, end=f.end + shift) for f in source
                     if first_start <= f.start and f.end <= first_start + (end - start)]
        raw[page.number] = kept


def _page_findings(document: Document, page: Page, raw: list[Finding], settings: Settings) -> list[Finding]:
    from reviewer.detect import policy

    unread = [policy.unreadable_page(page)] if page.needs_ocr else []
    if page.needs_ocr and not page.text.strip():
        return unread
    # a scan with some digital text (an e-signature footer): what could be read is still checked
    return unread + policy.apply(document, page, raw, settings)


def scan(document: Document, settings: Settings, detectors: list[Detector] | tuple[Detector, ...] | None = None
         ) -> ScanResult:
    """OCR what needs it, then detect: the one scan every door uses."""
    warnings: list[str] = []
    document = prepare(document, settings, warnings)
    findings = detect(document, settings, detectors, warnings)
    return ScanResult(document, findings, _unique(warnings + list(document.warnings)))


def scan_file(path: str, settings: Settings, detectors: list[Detector] | tuple[Detector, ...] | None = None
              ) -> ScanResult:
    """Extract and scan one file. Raises `ReviewerError` for a file that cannot be read."""
    from reviewer.extract import extract

    return scan(extract(path, pdf_engine=settings.pdf_engine), settings, detectors)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
