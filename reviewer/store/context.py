"""The settings of one scan, resolved once from what the database knows, the same for every door.

`reviewer scan --db`, the web upload job and `reviewer batch` all call `scan_settings`: the base
settings (environment), plus the agency's own officials, allow and deny terms and box labels, plus those
of the document's unit and of the units above it (lists add up down the tree; a label set lower down
replaces the one above), plus the decreed rows of the unit's DIK (with those inherited from above), which
let the passage detector back a `redact` with the row that covers a passage (issue 19).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.core.settings import DikEntry, Settings
from reviewer.store import dik as dikstore
from reviewer.store import records as store
from reviewer.store import units as unitstore


def agency_settings(session: Session, settings: Settings) -> Settings:
    """The agency's officials, allow and deny terms, own contacts and box codes from the database."""
    terms: dict[str, list[str]] = {k: [] for k in store.TERM_KINDS}
    for term in session.scalars(select(store.Term)):
        terms.setdefault(term.kind, []).append(term.value)
    labels = dict(settings.box_labels)
    labels.update({b.basis: b.text for b in session.scalars(select(store.BoxLabel))})
    return settings.with_(officials=tuple(settings.officials) + tuple(terms["official"]),
                          allow_terms=tuple(settings.allow_terms) + tuple(terms["allow"]),
                          deny_terms=tuple(settings.deny_terms) + tuple(terms["deny"]),
                          agency_contacts=tuple(settings.agency_contacts) + tuple(terms["contact"]), box_labels=labels)


def scan_settings(session: Session, settings: Settings, sha: str | None = None, unit: str | None = None
                  ) -> Settings:
    """`settings` with the agency's terms and those of `unit` (or else the unit of document `sha`).

    Raises `UnitError` for a unit code that does not exist.
    """
    settings = agency_settings(session, settings)
    code = unit or (unitstore.unit_of(session, sha) if sha else None)
    if code is None:
        return settings
    unitstore.unit_record(session, code)  # a clear error for an unknown code
    settings = unitstore.effective_settings(session, code, settings)
    return settings.with_(dik_entries=tuple(settings.dik_entries) + dik_entries(session, code),
                          ocr_cache_dir=unit_cache(settings, code))


def unit_cache(settings: Settings, code: str) -> Path:
    """Each unit its own OCR cache: a page OCR'd for another unit's copy of the same bytes would come back
    at once, and the speed of the scan would tell that the file is held there."""
    from reviewer.ocr.cache import default_dir

    return (settings.ocr_cache_dir or default_dir()) / "units" / code


def dik_entries(session: Session, code: str) -> tuple[DikEntry, ...]:
    """The unit's decreed DIK rows (inherited ones first) that name a Pasal 17 code: proposals
    (`usulan`) and revoked rows back nothing."""
    return tuple(DikEntry(r.number, r.information, r.codes, r.keywords) for r in dikstore.rows_of(session, code)
                 if r.status == "ditetapkan" and r.decree.describe() and r.codes)
