"""Policy: from raw detector hits to the suggestions a person sees.

- Overlapping hits of the same stretch of text are resolved: the best-scoring label wins, the
  others are dropped (their sources are kept in the winner's reasons).
- Public-by-nature information gets `keep` with its reason (letterhead, institutional
  contacts, officials acting in office — Pasal 18 ayat 2), never a silent drop.
- Allow/deny terms from the settings override everything else.
"""

from __future__ import annotations

import re

from reviewer.core.legal import REDACT_AT
from reviewer.core.model import Document, Finding, Page
from reviewer.core.reasons import reason
from reviewer.core.settings import Settings
from reviewer.core.spans import SpanIndex

REVIEW_AT = 0.4  # below this a finding is dropped as noise
OCR_SURE = 0.85  # OCR word confidence from which a finding on a scanned page keeps its full score


def unreadable_page(page: Page) -> Finding:
    return Finding(page.number, 0, 0, "", "UNREADABLE", "", 1.0, "review", "extract",
                   (reason("extract.needs_ocr", source="extract"),))


def apply(document: Document, page: Page, findings: list[Finding], settings: Settings) -> list[Finding]:
    from reviewer.detect import keep_rules

    findings = [f for f in findings if f.score >= REVIEW_AT or f.action == "keep"]
    findings = [ocr_doubt(page, f) for f in findings]
    findings = [birth_date_in_prose(document, page, f) for f in findings]
    findings = [keep_rules.judge(document, page, f, settings) for f in findings]
    findings = _terms(page, findings, settings)
    return resolve_overlaps(findings)


def ocr_doubt(page: Page, f: Finding) -> Finding:
    """Lower the score of a finding read from OCR words Tesseract was unsure of.

    The weakest word counts (one misread word is enough to get a name or number wrong). The score
    never falls below REVIEW_AT: doubt about the reading is a reason to look, not to drop it.
    """
    if not page.ocr or f.action == "keep" or f.end <= f.start:
        return f
    confs = [w.conf for w in page.textmap.words_in(f.start, f.end) if w.conf is not None]
    if not confs or min(confs) >= OCR_SURE:
        return f
    penalty = round(0.6 * (OCR_SURE - min(confs)), 2)
    score = max(REVIEW_AT, f.score - penalty)
    action = "review" if f.action == "redact" and score < REDACT_AT else f.action
    return f.replace(score=score, action=action,
                     reasons=f.reasons + (reason("ocr.doubt", conf=min(confs), delta=-penalty, source="ocr"),))


PRIVATE_KINDS = frozenset(("law", "child", "sexual", "medical", "personnel", "list"))
BIRTH_LABEL = re.compile(r"(?i)(?:lahir|ttl|tgl\.?)\s*[:\t]")


def birth_date_in_prose(document: Document, page: Page, f: Finding) -> Finding:
    """A birth date written in a sentence ("... kata anggota DPR yang lahir 22 Mei 1996 itu") of a document
    about no private person (no private document kind) is at most `review`: in a news text or a report it is
    mostly a public figure's; an identity field ("Tempat/Tgl. Lahir : ...") or a table row stays as it is."""
    if f.label != "DATE_OF_BIRTH" or f.action != "redact":
        return f
    from reviewer.detect import roles

    a = page.text.rfind("\n", 0, f.start) + 1
    b = page.text.find("\n", f.end) if "\n" in page.text[f.end:] else len(page.text)
    line = page.text[a:b]
    if "\t" in line or len(line.split()) < roles.PROSE_WORDS or BIRTH_LABEL.search(page.text[a:f.start]):
        return f
    if roles.document_kinds(document.text) & PRIVATE_KINDS:
        return f
    return f.replace(action="review", reasons=f.reasons + (reason("policy.birth_in_prose"),))


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per overlapping cluster of the same kind (entity vs. passage).

    Passages may contain entities; entities overlap each other only by mistake (a NIK that also
    parses as a card number), so the higher score wins, then the longer span.
    """
    entities = [f for f in findings if f.label != "PASSAGE"]
    passages = [f for f in findings if f.label == "PASSAGE"]
    entities.sort(key=lambda f: (-_rank(f), -(f.end - f.start), f.start))
    chosen: list[Finding] = []
    near: SpanIndex[int] = SpanIndex()  # chosen findings by place: a sheet page has thousands
    for f in entities:
        hits = [i for i in near.overlapping(f.start, f.end)
                if i is not None and chosen[i].start < f.end and f.start < chosen[i].end]
        if not hits:
            near.add(f.start, f.end, len(chosen))
            chosen.append(f)
            continue
        i = min(hits)
        clash = chosen[i]
        if f.source not in clash.source and f.label == clash.label and f.end - f.start > clash.end - clash.start \
                and f.start <= clash.start and clash.end <= f.end:
            # same label, longer span from another detector: widen the winner to cover both
            chosen[i] = clash.replace(start=f.start, end=f.end, text=f.text,
                                      reasons=clash.reasons + (reason("policy.widened", by=f.source,
                                                                      source=f.source),))
            near.add(f.start, f.end, i)
    passages = [_passage_with_public_parts(p, chosen) for p in passages]
    return sorted(chosen + passages, key=lambda f: (f.page, f.start, f.end))


def _passage_with_public_parts(passage: Finding, entities: list[Finding]) -> Finding:
    """A passage that holds information kept open (an official acting in office) is not blacked
    out wholesale: a person must decide what of it to release (partial release, Pasal 18 ayat 2)."""
    if passage.action != "redact":
        return passage
    kept = [e for e in entities if e.action == "keep" and e.page == passage.page
            and passage.start <= e.start and e.end <= passage.end]
    if not kept:
        return passage
    names = ", ".join(repr(e.text) for e in kept[:3])
    return passage.replace(action="review", reasons=passage.reasons + (reason("policy.public_parts", names=names),))


def _rank(f: Finding) -> float:
    # A keep decision about the same span outranks a redaction guess of equal score, so that
    # public information is not hidden by a weaker second opinion.
    return f.score + (0.001 if f.action == "keep" else 0)


def _terms(page: Page, findings: list[Finding], settings: Settings) -> list[Finding]:
    out = []
    for f in findings:
        low = f.text.lower()
        if any(t.lower() in low or low in t.lower() for t in settings.allow_terms if t):
            f = f.replace(action="keep", reasons=f.reasons + (reason("list.allow", source="allow-list"),))
        out.append(f)
    for term in settings.deny_terms:
        if not term:
            continue
        for m in re.finditer(re.escape(term), page.text, re.IGNORECASE):
            out.append(Finding(page.number, m.start(), m.end(), m.group(), "PERSON", "17h", 1.0, "redact",
                               "deny-list", (reason("list.deny", source="deny-list"),)))
    return out
