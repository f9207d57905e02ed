"""Officials named as suspects: "Kepala Desa X ditahan", "polisi menangkap Kades X", "X ditetapkan tersangka".

An official in a criminal case is still an official acting in office for the facts of the office (Pasal 18
ayat 2 huruf b UU 14/2008 keeps open what an official did in office, a corruption case included). Their
personal data is another matter, and a village head arrested for an act outside the office (counterfeit
money, an assault) is a private person in that case (Pasal 17 huruf h). The text alone does not say
which: such a name is not kept silently but sent to `review`, with the cue that made it doubtful.

Only a cue that attaches to the name counts: a detention verb right after it ("X, Kepala Desa Y, resmi
ditahan") or a suspect word or arresting verb right before its position ("tersangka Kades X", "menangkap
oknum Kepala Desa X"). A police chief who *reports* an arrest in the same sentence is not touched.
`policy.apply` calls `review` on the resolved findings of a page; every kept mention of the same person
(entity, or the same name) on the page follows.
"""

from __future__ import annotations

import re

from reviewer.core.model import Finding
from reviewer.core.reasons import reason

AFTER = re.compile(
    r"(?i)^(?:\s*\([^()\n]{0,40}\))?(?:\s*,[^,.;:\n]{0,80},)?\s*(?:yang\s+)?(?:(?:resmi|sudah|telah|kini|akhirnya|"
    r"langsung|pun|juga|sempat)\s+)*(?P<cue>ditahan|ditangkap|diamankan|dibekuk|diringkus|dijebloskan|dipenjara|"
    r"ditetapkan\s+(?:sebagai\s+)?(?:tersangka|terdakwa)|dijadikan\s+tersangka|menjadi\s+tersangka|"
    r"berstatus\s+(?:tersangka|terdakwa)|didakwa|dituntut|divonis|dijatuhi\s+(?:hukuman|pidana|vonis))\b")
BEFORE = re.compile(
    r"(?<![A-Za-z])(?P<cue>(?i:tersangka|terdakwa|terpidana|oknum|menahan|menangkap|mengamankan|membekuk|meringkus|"
    r"menjebloskan|mendakwa|memvonis|(?:di(?:tangkap|tahan|amankan|bekuk|ringkus)|tersangka|terdakwa)\s+"
    r"(?:yakni|yaitu|adalah|ialah|masing-masing|bernama)))\s+(?:(?:oknum|mantan|eks|seorang|sang|dari|dan|kepala|desa|"
    r"kelurahan|dusun|\(\d{1,3}\)|[A-Z][\w.]*)[\s,]+)*$")
OFFICIAL_CODES = ("official.position", "role.official_keep", "role.listed")


def review(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings of one page, kept officials with a suspect cue (and their other mentions) sent to review."""
    cues: dict[str, str] = {}
    for f in findings:
        if kept_official(f):
            cue = suspect_cue(text, f)
            if cue:
                cues.setdefault(person_key(f), cue)
    if not cues:
        return findings
    return [to_review(f, cues[person_key(f)]) if kept_official(f) and person_key(f) in cues else f
            for f in findings]


def kept_official(f: Finding) -> bool:
    codes = {getattr(r, "code", "") for r in f.reasons}
    return f.label == "PERSON" and f.action == "keep" and bool(codes & set(OFFICIAL_CODES)) \
        and "official.byline" not in codes


def suspect_cue(text: str, f: Finding) -> str:
    """The word that makes the named official a suspect, detained or tried, or ''."""
    m = AFTER.match(text[f.end:f.end + 160])
    if m:
        return m.group("cue")
    clause = re.split(r"[.;:\n]", text[max(0, f.start - 200):f.start])[-1]
    m = BEFORE.search(clause)
    return m.group("cue") if m else ""


def person_key(f: Finding) -> str:
    return f.entity or re.sub(r"[^a-z]", "", f.text.lower())


def to_review(f: Finding, cue: str) -> Finding:
    return f.replace(action="review", score=min(f.score, 0.6),
                     reasons=f.reasons + (reason("official.suspect", cue=" ".join(cue.split()).lower()),))
