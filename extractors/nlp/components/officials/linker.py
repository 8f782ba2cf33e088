"""``OfficialLinker``: finds the people (``names``), gives each mention a role (``roles``), merges
mentions of one person (``resolve``) and writes the ``keys`` into ``doc.user_data``. PERSON
entities are corrected to the full name span (honorifics excluded).
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.nlp.components.entities import PROVINCE
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context
from extractors.nlp.components.officials.counterpart import counterpart
from extractors.nlp.components.officials.described import descriptions
from extractors.nlp.components.officials.forces import fold_station
from extractors.nlp.components.officials.keys import (
    PEOPLE,
    PERSON_AT,
    PRONOUN_AT,
    ROLE_AT,
    UNNAMED,
    UNNAMED_AT,
)
from extractors.nlp.components.officials.lexicon import Lexicon
from extractors.nlp.components.officials.names import person_spans
from extractors.nlp.components.officials.offices import doc_countries
from extractors.nlp.components.officials.ranks import rank_role
from extractors.nlp.components.officials.roles import role
from extractors.nlp.components.officials.shape import NameShape
from extractors.nlp.resolve import pronouns, resolve, role_refs, unnamed


class Roster:
    """The people of one document as their mentions are read, in order of first mention."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.people: dict[str, dict] = {}
        self.order: list[str] = []
        self.person_at: dict[int, str] = {}
        self.by_surname: dict[str, str] = {}
        self.spans: list[Span] = []

    def person_for(self, span: Span, weak: bool, title: str | None = None) -> str | None:
        """The key of the person ``span`` names, a new person unless it is a weak name (a single
        capitalised word after a title that names nobody known); ``title``: the role this mention
        gives."""
        key = resolve(span.text, self.people, self.by_surname)
        if key is not None or weak:
            return key
        key = span.text
        if len(span) > 1 and span[-1].text in self.people and self._same_person(span[-1].text, span, title):
            return self._fuller(span[-1].text, key)
        self.people[key] = {
            "name": key,
            "title": None,
            "organisation": None,
            "mentions": [],
            "first": (span.start, span.end),
            "qualifier": "",
            "_strength": 0,
        }
        self.order.append(key)
        if len(span) > 1:
            self.by_surname.setdefault(span[-1].text, key)
        return key

    def _same_person(self, old: str, span: Span, title: str | None) -> bool:
        """Whether the full name ``span`` is the person known by its surname alone: not when it is
        introduced as someone else, with a description before it ("President Obama … the first
        lady, Michelle Obama") or another title than the surname's ("President Clinton …
        Secretary of State Hillary Clinton"): two people share the surname."""
        k = span.start - 1
        if k >= 1 and self.doc[k].text == "," and self.doc[k - 1].pos_ == "NOUN":
            return False
        known = self.people[old]["title"]
        return not (title and known and title != known)

    def _fuller(self, old: str, key: str) -> str:
        """A surname met alone before the full name ("Secretary of State Blinken … Antony Blinken"):
        the person is known by the fullest form the text uses."""
        person = self.people.pop(old)
        person["name"] = key
        self.people[key] = person
        self.order = [key if k == old else k for k in self.order]
        self.person_at = {i: key if k == old else k for i, k in self.person_at.items()}
        self.by_surname = {w: key if k == old else k for w, k in self.by_surname.items()}
        self.by_surname.setdefault(old, key)
        self.spans = [
            Span(self.doc, s.start, s.end, label="PERSON", span_id=key) if s.id_ == old else s
            for s in self.spans
        ]
        return key

    def mention(self, key: str, start: int, end: int) -> None:
        self.people[key]["mentions"].append((start, end))
        for i in range(start, end):
            self.person_at[i] = key
        self.spans.append(Span(self.doc, start, end, label="PERSON", span_id=key))

    def give_role(self, key: str, found: tuple) -> None:
        """A stronger role replaces the person's; the same title adds a missing organisation
        ("Chairman Khanzada" after "… with Senator Zeeshan Khanzada in the chair"). ``found`` is
        (title, organisation, strength[, qualifiers written before the title])."""
        person = self.people[key]
        title, org, strength = found[:3]
        qualifier = found[3] if len(found) > 3 else ""
        if strength > person["_strength"]:
            if title == person["title"] and not org:
                org = person["organisation"]
            person.update(title=title, organisation=org, qualifier=qualifier, _strength=strength)
        elif title == person["title"] and org and not person["organisation"]:
            person["organisation"] = org

    def bare_surnames(self, ent_at: dict[int, Span]) -> None:
        """Bare surnames the model missed or mislabelled ("Jehangir" as GPE), not an agency's word."""
        for tok in self.doc:
            key = self.by_surname.get(tok.text)
            if (
                key
                and tok.i not in self.person_at
                and tok.is_title
                and not (tok.i in ent_at and ent_at[tok.i].label_ == "AGENCY")
            ):
                self.mention(key, tok.i, tok.i + 1)

    def records(self) -> list[dict]:
        for p in self.people.values():
            p.pop("_strength", None)
        return [self.people[k] for k in self.order]


def _other_ents(ents: list[Span], candidates: list[Span], lex: Lexicon) -> list[Span]:
    """The entities that are not people: no PERSON label, no overlap with a candidate name; an
    organisation the model ran on into a name keeps its part before the name ("the Hawks,
    Warrant Officer Zinzi Hani" -> "Hawks")."""
    out = []
    starts = {p.start for p in candidates}
    for e in ents:
        if e.label_ == "PERSON" or _opens_longer_title(e, lex):
            continue
        first = min((p.start for p in candidates if p.start < e.end and e.start < p.end), default=None)
        if (
            first is None
            and e.label_ == "ORG"
            and (_rank_before_name(e, lex, starts) or _personal_last(e, lex, starts))
        ):
            first = e.end  # "Director General of FGEHA Captain (R) X": the rank is no part of the body
        if first is None:
            out.append(e)
        elif e.label_ == "ORG" and first > e.start:
            end = first
            while end > e.start and (e.doc[end - 1].is_punct or lex.is_honorific_word(e.doc[end - 1])):
                end -= 1
            if end > e.start:
                out.append(Span(e.doc, e.start, end, label="ORG"))
    return out


def _rank_before_name(e: Span, lex: Lexicon, starts: set[int]) -> bool:
    """An ORG the model ran on into the rank of the name after it: its last word an honorific, then
    a bracketed retired marker and a name ("FGEHA Captain (R) Zafar Iqbal"). Only there: a body's
    name can end in such a word ("Ministry of Law and Justice")."""
    doc = e.doc
    marked = e.end + 2 < len(doc) and doc[e.end].text == "(" and lex.is_honorific(doc[e.end + 1])
    return marked and len(e) > 1 and lex.is_honorific_word(e[-1]) and e.end + 3 in starts


def _personal_last(e: Span, lex: Lexicon, starts: set[int]) -> bool:
    """An ORG the model ran on into the personal honorific of the name right after it ("Minister of
    National Security Dr. Bernard Nottage", "University of Karachi Prof. Khalid Iraqi"): its last
    word (past a full stop) one of ``role_cues.csv`` ``personal`` (Dr, Prof, Mr), none a body's name
    ends in (unlike "Justice": "Ministry of Law and Justice")."""
    doc, k = e.doc, e.end
    while k < len(doc) and lex.is_honorific(doc[k]):
        k += 1  # "Prof. Dr. X": more honorifics before the name
    end = e.end - 1 if e[-1].text == "." else e.end
    last = doc[end - 1].lower_.rstrip(".")
    return k in starts and end - e.start > 1 and last in lex.skip_words("personal")


def _opens_longer_title(e: Span, lex: Lexicon) -> bool:
    """A lower-case title word (``titles.jsonl`` ``lower``) before another lower-case word is an
    adjective of a longer title nobody listed: "its chief finance officer X" (but "chief of")."""
    nxt = e.doc[e.end] if e.end < len(e.doc) else None
    return (
        e.label_ == "TITLE"
        and bool(lex.info(e.ent_id_).get("lower"))
        and nxt is not None
        and nxt.is_lower
        and nxt.is_alpha
        and nxt.lower_ != "of"
    )


class OfficialLinker:
    def __init__(self, nlp: Language, name: str, **files):
        self.name = name
        self.lex = Lexicon(nlp, **files)
        self.shape = NameShape(nlp, self.lex.honorifics)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        persons, weak_names, list_title = person_spans(self.lex, doc, ents)
        persons, weak_names = self.shape.clean_all(persons), self.shape.clean_all(weak_names)
        candidates = persons + weak_names
        others = _other_ents(ents, candidates, self.lex)
        ctx = self._context(doc, others)
        ctx.person_tokens = {i for s in candidates for i in range(s.start, s.end)}
        ctx.list_title = list_title
        roster = Roster(doc)
        weak_starts = {s.start for s in weak_names}
        for span in sorted(candidates, key=lambda s: s.start):
            found = (
                role(ctx, span)
                or counterpart(ctx, span, roster.people, roster.person_at)
                or rank_role(ctx, span)
            )
            found = fold_station(ctx, found)
            key = roster.person_for(span, span.start in weak_starts, found[0] if found else None)
            if key is None:
                continue
            if found is not None:
                roster.give_role(key, found)
            roster.mention(key, span.start, span.end)
        roster.bare_surnames(ctx.ent_at)
        descriptions(ctx, roster)
        resolved = {i for s in roster.spans for i in range(s.start, s.end)}
        kept = [e for e in others if all(i not in resolved for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + roster.spans)
        self._write(doc, roster)
        return doc

    def _context(self, doc: Doc, others: list[Span]) -> Context:
        ent_at = {i: e for e in others for i in range(e.start, e.end)}
        agency_count = Counter(ent_name(e) for e in others if e.label_ == "AGENCY")
        province = doc.user_data.get(PROVINCE)
        ctx = Context(self.lex, doc, ent_at, province, agency_count)
        province_country = self.lex.country_of_province.get(province or "")
        ctx.countries = doc_countries(doc, self.lex.offices, province_country, self.lex.place_country)
        ctx.country = ctx.countries[0] if ctx.countries else None
        return ctx

    def _write(self, doc: Doc, roster: Roster) -> None:
        people = roster.people
        doc.user_data[PEOPLE] = roster.records()
        doc.user_data[PERSON_AT] = roster.person_at
        doc.user_data[PRONOUN_AT] = pronouns(doc, roster.person_at)
        doc.user_data[ROLE_AT] = role_refs(doc, people, roster.person_at)
        doc.user_data[UNNAMED], doc.user_data[UNNAMED_AT] = unnamed(
            doc, roster.person_at, self.lex.unnamed_heads
        )
