"""True redaction: text removed (not covered), the legal basis on every box, the copy verified.

    from reviewer.redact import redact_document, load_decisions
    sha, decisions = load_decisions("surat.keputusan.json")
    report = redact_document("surat.pdf", decisions, "surat.disensor.pdf", settings, sha256=sha)

Modules: `decisions` (the decisions file), `pdf` + `pdfgeom` (PyMuPDF), `docx` (raw OOXML), `text`,
`verify` + `extractors` + `audit` (re-reading the result), `report` (log CSV/JSON) and `uji`
(draft uji konsekuensi DOCX), `cli` (the `reviewer redact` command). Scanned (OCR) pages are
handed to `reviewer.redact.scan` when that module exists.
"""

from reviewer.redact.decisions import decisions_from_findings, dump_decisions, load_decisions
from reviewer.redact.document import default_output, redact_document
from reviewer.redact.outcome import Check, Redaction, RedactionReport

__all__ = ["Check", "Redaction", "RedactionReport", "decisions_from_findings", "default_output",
           "dump_decisions", "load_decisions", "redact_document"]
