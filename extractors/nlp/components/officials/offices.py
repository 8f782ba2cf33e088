"""Offices by country and parties by short form: the organisation a title implies where the text
does not name it (``gazetteers/offices.csv``: "US Secretary of State X" -> US Department of State,
"Justice Secretary X" in a Philippine story -> Department of Justice, "Senator X" in a Pakistani
story -> Senate of Pakistan, never in another country's), and the party written before a title
(``gazetteers/party_forms.csv``: "Tory leader X" -> Conservative Party, "Labour MP X").

The country of an office is the one named right before its title, else the document's: the
country its names, cities, agencies and parties name most (a Pakistani province counts for Pakistan).
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.tokens import POSSESSIVE

_PROVINCE_WEIGHT = 3  # a province named by the text (a dateline, a department) is strong evidence
# a country named as a modifier ("the US report", "America's State Department") or through an
# agency is less often the one the story is about than a country the story talks of
_MODIFIER_DEPS = {"compound", "poss", "amod", "nmod"}
_MODIFIER_WEIGHT = 0.25
# A state's own body (its police, a ministry, a court: a gazetteer row of that country whose kind is
# not foreign_government) counts like the country's name: a story names the bodies of the country it
# happens in ("Nepal Police", "the Hellenic Coast Guard", "the Hawks") while it names the countries
# victims were taken to or came from as places ("rescued from India", "trafficked to Oman").
_OWN_BODY_KINDS = {"government", "police", "court", "legislature"}


class Offices:
    """The two tables, loaded once: offices keyed by (country, title), party forms by their words."""

    def __init__(self, nlp: Language, offices: list[dict], parties: list[dict]):
        self.by_office: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        for r in offices:
            toks = tuple(t.lower_ for t in nlp.make_doc(r["portfolio"])) if r["portfolio"] else ()
            self.by_office.setdefault((r["country"], r["title"]), []).append((toks, r["organisation"]))
        for forms in self.by_office.values():
            forms.sort(key=lambda f: -len(f[0]))
        self.parties: list[tuple[tuple[str, ...], str, str]] = sorted(
            ((tuple(t.text for t in nlp.make_doc(r["form"])), r["party"], r["country"]) for r in parties),
            key=lambda p: -len(p[0]),
        )

    def implied(self, country: str | None, tid: str) -> str | None:
        """The body of a title alone in ``country`` ("senator" in Pakistan: Senate of Pakistan)."""
        return next((org for toks, org in self.by_office.get((country or "", tid), ()) if not toks), None)

    def ending(self, doc: Doc, end: int, country: str | None, tid: str) -> tuple[int, str] | None:
        """(start, body) of a portfolio of this office ending at token ``end`` ("Justice" before
        "Secretary"), or None."""
        for toks, org in self.by_office.get((country or "", tid), ()):
            start = end - len(toks)
            if toks and start >= 0 and tuple(t.lower_ for t in doc[start:end]) == toks:
                return start, org
        return None

    def starting(self, doc: Doc, start: int, country: str | None, tid: str) -> tuple[int, str] | None:
        """(end, body) of a portfolio of this office starting at ``start`` ("for the Interior")."""
        for toks, org in self.by_office.get((country or "", tid), ()):
            end = start + len(toks)
            if toks and end <= len(doc) and tuple(t.lower_ for t in doc[start:end]) == toks:
                return end, org
        return None

    def party_ending(
        self, doc: Doc, end: int, country: str | None = None, named: list[str] | tuple = ()
    ) -> tuple[int, str] | None:
        """(start, party) of a party's short form ending at ``end`` (past a possessive: "Labour's
        election chief"), written as the party writes it (capitalised). Not a form coordinated
        with the words after it ("Labour and industrial relations state minister": a portfolio),
        nor, given the story's ``country``, another country's party ("Labour Minister X" in a
        Ugandan story is the labour ministry's) unless the caller accepts the countries the story
        ``named`` as well."""
        if end >= 1 and doc[end - 1].text in POSSESSIVE:
            end -= 1
        elif end < len(doc) and doc[end].lower_ in ("and", "&"):
            return None
        for toks, party, home in self.parties:
            start = end - len(toks)
            if start >= 0 and tuple(t.text for t in doc[start:end]) == toks:
                ok = country is None or not home or home == country or home in named
                return (start, party) if ok else None
        return None

    def party_country(self, doc: Doc) -> Counter:
        """Countries of the parties the document names by a short form."""
        words = {t.text for t in doc}
        return Counter(c for toks, _, c in self.parties if len(toks) == 1 and toks[0] in words)


def doc_countries(
    doc: Doc, offices: Offices, province_country: str | None, places: dict[str, str] | None = None
) -> list[str]:
    """The countries the document names, the one it is about first: the country its places,
    agencies and parties name most (the country of the document's province counts
    ``_PROVINCE_WEIGHT`` times; a state body of the country, ``_OWN_BODY_KINDS``, like its name,
    any other agency a quarter); then the others named at least once in full. ``places``
    (``country_words.csv``: a city -> its country) count for their country like its name ("New
    Delhi", "Kathmandu", "Jakarta"): a story set in a country's cities that names the countries
    victims were sent to once each is that country's. A country's adjectives do not count (the
    victims' nationality: "Venezuelan women" rescued in Trinidad), nor the dateline (a
    correspondent's "WASHINGTON:")."""
    votes: Counter = Counter()
    for e in doc.ents:
        if e.label_ == "GPE" and e.ent_id_:
            votes[e.ent_id_] += _MODIFIER_WEIGHT if e.root.dep_ in _MODIFIER_DEPS else 1
    info = doc.user_data.get(AGENCY_INFO, {})
    for e in doc.ents:
        meta = info.get(ent_name(e), {}) if e.label_ == "AGENCY" else {}
        if meta.get("country"):
            votes[meta["country"]] += 1 if meta.get("kind") in _OWN_BODY_KINDS else _MODIFIER_WEIGHT
    votes.update(offices.party_country(doc))
    votes.update(_place_votes(doc, places or {}))
    if province_country:
        votes[province_country] += _PROVINCE_WEIGHT
    ranked = [c for c, _ in votes.most_common()]
    return ranked[:1] + [c for c, v in votes.most_common()[1:] if v >= 1]


def _place_votes(doc: Doc, places: dict[str, str]) -> Counter:
    """A vote for its country from each capitalised place of ``places`` (up to three words), a
    quarter as a modifier ("the Delhi police")."""
    votes: Counter = Counter()
    i = 0
    while i < len(doc):
        n = next((n for n in (3, 2, 1) if doc[i : i + n].text in places), 0)
        if n and (doc[i].is_title or doc[i].is_upper):
            last = doc[min(i + n, len(doc)) - 1]
            votes[places[doc[i : i + n].text]] += _MODIFIER_WEIGHT if last.dep_ in _MODIFIER_DEPS else 1
        i += max(n, 1)
    return votes
