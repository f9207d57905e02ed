"""One person, one entity: the NER's PERSON findings joined to the persons the identity blocks and role
words found, and the persons only the NER found made entities whose every mention is reported.

`reviewer.detect.identity` groups the mentions of the persons it learns from identity blocks, role words
and positions under an entity id ("P3"). The NER model finds other persons (named in testimony, in
evidence lists) mention by mention, and some mentions of the identity's persons in forms it did not
know ("Desy" for "Desy Ratnasari"). Here, over the raw findings of the whole document (before policy):

- an NER finding that overlaps the mentions of one entity, or whose name words all belong to one entity
  and to no other, joins it: the entity's action, basis and reasons (one decision per person);
- an NER finding overlapping the mentions of entities but wider than them ("Rahayu Binti Suwarno" over the
  mention of Rahayu) is split: the entities' own mentions cover their parts, a part no mention covers that can
  be a name ("Suwarno") is an NER finding of its own;
- the other NER persons are grouped by name (a short form joins the full name it is part of,
  `reviewer.detect.roles.group`), each group becomes an entity ("N1") with one action, the most
  protective of its members';
- every other occurrence of a form the NER found (any case, glued or hyphenated at a former line end) is
  reported as a mention of its entity, with the reason "sama dengan ...".
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field

from reviewer.core.model import Document, Finding
from reviewer.core.reasons import Reason, reason
from reviewer.core.settings import Settings
from reviewer.detect import identity, names, roles
from reviewer.detect.ner.artifact import COMMON

SOURCE = "entity:mention"
SEVERITY = {"redact": 2, "review": 1, "keep": 0}


@dataclass
class Entity:
    """The mentions of one person already found, and the forms to look for elsewhere."""

    id: str
    first: Finding
    tokens: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)


class Spans:
    """The spans [start, end) of one page's findings, for "does anything here overlap [i, j)?" in log time: a
    spreadsheet page holds tens of thousands of findings, and asking each of them for each mention is quadratic."""

    def __init__(self, spans=()) -> None:
        self.items: list[tuple[int, int, str]] = sorted(spans)
        self.longest = max((e - s for s, e, _ in self.items), default=0)

    def add(self, start: int, end: int, tag: str = "") -> None:
        insort(self.items, (start, end, tag))
        self.longest = max(self.longest, end - start)

    def over(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans overlapping [start, end): their start is at most `longest` before `start`."""
        lo = bisect_left(self.items, (start - self.longest, -1, ""))
        hi = bisect_left(self.items, (end, -1, ""))
        return [x for x in self.items[lo:hi] if x[0] < end and start < x[1]]


def _person_spans(found: list[Finding]) -> Spans:
    return Spans((g.start, g.end, g.entity) for g in found if g.entity and g.label == "PERSON")


def unify(document: Document, raw: dict[int, list[Finding]], settings: Settings) -> None:
    """Give every PERSON finding of the raw findings an entity, and report every mention (in place)."""
    common = identity._common(str(settings.models_dir / "ner-id" / COMMON)) | identity.procedural()
    known = _known(raw)
    loose: list[tuple[int, Finding]] = []
    for number, found in raw.items():
        kept = []
        persons = _person_spans(found)  # the mentions with an entity, fixed while this page is read
        for f in found:
            if f.label != "PERSON" or f.entity:
                kept.append(f)
                continue
            joined = _join(f, known, raw[number], persons)
            if joined is not None:
                kept.append(joined)
            elif (over := _overlapping(f, persons)) and len(over) == 1 and _longer_form(f, raw[number], common):
                owner = known[next(iter(over))]
                owner.forms.add(f.text)
                kept.append(_as_mention(f, owner))
            elif over:
                loose += [(number, part) for part in _rest(f, raw[number], common)]
            else:
                loose.append((number, f))
        raw[number] = kept
    for number, f in _new_entities(loose, known):
        raw[number].append(f)
    shared = _shared_words(known)
    taken = {page.number: Spans((f.start, f.end, "") for f in raw.get(page.number, ()) if f.label != "PASSAGE")
             for page in document.pages}
    for entity in known.values():
        _more_mentions(document, raw, entity, common | shared, taken)


def _known(raw: dict[int, list[Finding]]) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for found in raw.values():
        for f in found:
            if f.label == "PERSON" and f.entity:
                out.setdefault(f.entity, Entity(f.entity, f)).tokens.update(roles.name_tokens(f.text))
    return out


def _overlapping(f: Finding, persons: Spans) -> set[str]:
    return {entity for _, _, entity in persons.over(f.start, f.end)}


NAME_PART = re.compile(r"(?:(?:[Bb]in|[Bb]inti|BIN|BINTI|[Aa]ls|[Aa]lias|ALS|ALIAS)\.?\s+)?"
                       r"([A-Z][A-Za-z'’]+(?:[ \t]+[A-Z][A-Za-z'’]+)*)")


def _masked(f: Finding, found: list[Finding]) -> str:
    """The NER span's text with the entities' mentions in it blanked out as NUL characters."""
    chars = list(f.text)
    for g in found:
        if g.entity and g.label == "PERSON" and g.start < f.end and f.start < g.end:
            a, b = max(g.start, f.start) - f.start, min(g.end, f.end) - f.start
            chars[a:b] = "\0" * (b - a)
    return "".join(chars)


def _longer_form(f: Finding, found: list[Finding], common: frozenset[str]) -> bool:
    """A name word right beside the mention, with no 'bin', 'als' or 'dan' between ("MARIA" of "MARIA
    ELISABETH" over the mention "ELISABETH"): the NER span is a longer form of the same name."""
    masked = _masked(f, found)
    beside = re.findall(r"([A-Za-z'’]+)[ \t]+\0|\0[ \t]+([A-Za-z'’]+)", masked)
    words = [w for pair in beside for w in pair if w]
    return bool(words) and all(w[:1].isupper() and w.lower() not in CONNECTORS and w.lower() not in common
                               and not _glued_common(w.lower(), common) for w in words)


CONNECTORS = frozenset(("bin", "binti", "als", "alias", "dan", "serta", "anak"))


def _rest(f: Finding, found: list[Finding], common: frozenset[str]) -> list[Finding]:
    """The parts of an NER span that no entity's mention covers ("X bin Y" over the mention of X: "Y"),
    each a finding of its own when it can be a name; the covered parts are the entities' mentions."""
    out = []
    for m in NAME_PART.finditer(_masked(f, found)):
        part = m.group(1)
        words = re.findall(r"[A-Za-z'’]+", names.strip_titles(part))
        if not words or all(w.lower() in common or _glued_common(w.lower(), common) for w in words) \
                or not identity.name_ok(part):
            continue
        i, j = f.start + m.start(1), f.start + m.end(1)
        out.append(f.replace(start=i, end=j, text=f.text[m.start(1):m.end(1)]))
    return out


def _glued_common(word: str, common: frozenset[str]) -> bool:
    """Two ordinary or procedural words glued at a former line end ("Anakkorban")."""
    return any(word[:k] in common and word[k:] in common for k in range(3, len(word) - 2))


def _join(f: Finding, known: dict[str, Entity], found: list[Finding], persons: Spans) -> Finding | None:
    """The finding as a mention of the one entity it overlaps or is named like, else None."""
    tokens = roles.name_tokens(f.text)
    over = _overlapping(f, persons)
    if len(over) == 1:
        owner = known[next(iter(over))]
        if not tokens <= owner.tokens:
            return None  # a wider name ("X bin Y" over the mention of X): someone else is in it
    else:
        owners = [e for e in known.values() if tokens and tokens <= e.tokens]
        if over or len(owners) != 1:
            return None
        owner = owners[0]
    owner.forms.add(f.text)
    return _as_mention(f, owner)


def _as_mention(f: Finding, owner: Entity) -> Finding:
    rep = owner.first
    same = _same(rep)
    rest = [r for r in rep.reasons if getattr(r, "code", "") != "person.same"]
    reasons = tuple(dict.fromkeys([*rest[:1], same, *rest[1:], *f.reasons[:1]]))
    return f.replace(entity=owner.id, action=rep.action, basis=rep.basis, score=max(f.score, rep.score),
                     reasons=reasons)


def _same(rep: Finding) -> str:
    """"sama dengan '<name>' (P3; <where the person was learned>)"."""
    same = next((r for r in rep.reasons if isinstance(r, Reason) and r.code == "person.same"), None)
    if same is None:
        return reason("person.same", name=rep.text, entity=rep.entity, learned=f"hal. {rep.page}")
    return reason("person.same", name=same.params.get("name", rep.text), entity=rep.entity,
                  learned=same.params.get("learned", ""))


OFFICE_KEEP = frozenset({"role.official_keep", "official.position", "counsel.kept"})
PRIVATE_CUES = frozenset({"person", "role", "initials", "attached", "case"})  # reason families naming the private


def _new_entities(loose: list[tuple[int, Finding]], known: dict[str, Entity]) -> list[tuple[int, Finding]]:
    """The NER-only persons, one entity per name group, one action (the most protective) per entity; a
    person kept in one mention (in office, counsel) and redacted in another is sent to review, never redacted."""
    mentions = [roles.Mention(number, f.start, f.end, f.text) for number, f in loose]
    by_id = {id(m): f for m, (_, f) in zip(mentions, loose)}
    out = []
    for n, members in enumerate(roles.group(mentions), 1):
        found = [by_id[id(m)] for m in members]
        best = max(range(len(found)), key=lambda k: (SEVERITY.get(found[k].action, 0), found[k].score,
                                                     len(found[k].text)))
        entity = f"N{n}"
        rep = found[best].replace(entity=entity, reasons=(*found[best].reasons, reason(
            "person.same", name=found[best].text, entity=entity, learned=f"model NER, hal. {members[best].page}")))
        kept = next((f for f in found if f.action == "keep"), None)
        if kept is not None and rep.action == "redact":
            rep = _kept_in_office(rep, kept, entity, members[found.index(kept)].page)
        known[entity] = Entity(entity, rep, set().union(*(roles.name_tokens(f.text) for f in found)),
                               {f.text for f in found})
        out += [(m.page, rep if k == best else _as_mention(f, known[entity]))
                for k, (m, f) in enumerate(zip(members, found))]
    return out


def _kept_in_office(rep: Finding, kept: Finding, entity: str, page: int) -> Finding:
    """A person kept in office in one mention and redacted in another. When nothing private names them (the
    redaction came only from a form field such as "Nama :": no private role, initials or case), the office
    decides: an official acting in office is not exempt (Pasal 18 ayat 2). Otherwise a person decides (review)."""
    office = {r.code for r in kept.reasons if isinstance(r, Reason)} & OFFICE_KEEP
    codes = {r.code for r in rep.reasons if isinstance(r, Reason)}
    form_field_only = "pattern.match" in codes and not any(c.split(".")[0] in PRIVATE_CUES and c != "person.same"
                                                           for c in codes)
    if office and form_field_only:
        return kept.replace(entity=entity, reasons=(*kept.reasons, reason(
            "person.same", name=kept.text, entity=entity, learned=f"model NER, hal. {page}")))
    return rep.replace(action="review", reasons=(*rep.reasons, reason("person.kept_elsewhere",
                                                                      why=str(kept.reasons[0])[:120])))


def _shared_words(known: dict[str, Entity]) -> frozenset[str]:
    """Name words of more than one entity: written alone, they could be either person."""
    seen: dict[str, int] = {}
    for e in known.values():
        for t in e.tokens:
            seen[t] = seen.get(t, 0) + 1
    return frozenset(t for t, n in seen.items() if n > 1)


def _searchable(form: str, common: frozenset[str]) -> str | None:
    """The bare name to look for: two words or more, or one uncommon word of four letters or more."""
    bare = names.strip_titles(form).strip(" .,;")
    words = re.findall(r"[A-Za-z'’]+", bare)
    if not words or len(words) > 5 or len(words) == 1 and (len(words[0]) < 4 or words[0].lower() in common):
        return None
    if all(w.isupper() and len(w) <= 5 and (len(re.findall("[AEIOU]", w)) <= 1 or re.fullmatch("[IVX]+", w))
           for w in words):
        return None  # "IHPS II", "LHP BPK": an abbreviation the model took for a name, not to be spread
    return " ".join(words)  # name words only: a span with punctuation runs ("X.-----No") is no pattern


def _more_mentions(document: Document, raw: dict[int, list[Finding]], entity: Entity,
                   common: frozenset[str], taken: dict[int, Spans]) -> None:
    """Every other occurrence of the forms the NER found for this entity, as its mentions (`taken`: the
    spans of each page's findings but passages, kept up to date)."""
    forms = {b for f in entity.forms if (b := _searchable(f, common))}
    for bare in sorted(forms, key=len, reverse=True):
        for page in document.pages:
            spans = taken.setdefault(page.number, Spans())
            for m in identity.form_rx(bare).finditer(page.text):
                i, j = m.span()
                if not identity.boundary(page.text, i, j, " " in bare) or spans.over(i, j):
                    continue
                spans.add(i, j)
                found = Finding(page.number, i, j, page.text[i:j], "PERSON", entity.first.basis, entity.first.score,
                                entity.first.action, SOURCE, entity.first.reasons)
                raw.setdefault(page.number, []).append(_as_mention(found, entity))
