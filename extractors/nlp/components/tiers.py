"""``tipwatch_tier_links_v1``: which country a TIER mention places, and in which report year.

Reads the TIER, GPE and YEAR entities and the parse; writes ``doc.user_data[TIER_LINKS]``: one
dict per (tier mention, country) with ``start``/``end`` (characters of the tier mention), ``tier``,
``country``, ``year`` and ``sentence`` (start, end characters). The words that steer the rules
(negations, moves, report words, other bodies' lists) are data: ``models/patterns/tier_context.csv``.

A mention is linked in three steps, in this order: :meth:`TierLinker._placements` (the sentence's
countries, unless the tier is negated or the document is not about trafficking),
:func:`_destinations` (a move's destination outranks the other tiers of the country in that
sentence) and :meth:`TierLinker._date_undated` (the year stated elsewhere, else the report year).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.nlp.components.rule_files import rows

TIER_LINKS = "tipwatch.tier_links"
# A bare "watch list"/"blacklist" places only a country at most this many tokens away ("added Saudi
# Arabia and Cuba to its blacklist"), not one named later in a long sentence about something else.
WEAK_TIER_REACH = 10
_EFFECTS = (
    "skip",
    "negate",
    "context",
    "report",
    "report_topic",
    "move",
    "other_list",
    "issuer_head",
    "hypothetical",
    "modal",
    "condition",
    "change_up",
    "change_down",
    "change_same",
)
_CHANGES = (("change_up", "upgraded"), ("change_down", "downgraded"), ("change_same", "remained"))
ISSUER_REACH = 5
# The country that issues the TIP report: named as a modifier of the list or report it places
# others on ("on US watch list", "the US 2024 TIP report"), it is not the country placed.
ISSUER = "United States"
_MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")


class TierLinker:
    """For each TIER entity: the country is the nearest gazetteer country in the sentence plus the
    countries coordinated with it ("placed both Pakistan and India among the countries that do
    not fully meet ..."); the year is the sentence's year nearest to the tier. A tier right after a
    negating phrase ("removal from the Tier 2 Watch List") places nothing; tiers count only in a
    document about trafficking (``context`` phrases), so a "Tier-II" training programme or a stop
    "watch list" is not a placement. Undated mentions take the year of the
    same country and tier stated elsewhere in the document, else the document's report year
    ("TIP Report 2025").

    Moves and restatements (phrases in ``tier_context``): a tier after "from" ("upgraded from the
    Tier 2 Watch List to Tier 2", 'from a ranking of "Tier 3"') is where the country was; in a
    sentence that moves a country ("upgraded", "downgraded", "boost", "added"), the tier after "to"
    is its placement and its other tiers there are earlier ones; a bare "watch list"/"blacklist"
    beside a tier of the same country restates it ("Tier two list, a watch list"), places only a
    country within :data:`WEAK_TIER_REACH` tokens, and nothing in a sentence about another body's
    list ("FATF"); the country moved is the one named before the tier. A country the parser split
    off as a sentence of its own ("PAKISTAN: | Tier 2 Watch List") belongs to the next sentence.
    """

    def __init__(self, nlp: Language, name: str, *, tier_context: str):
        self.name = name
        phrases: dict[str, list[str]] = {effect: [] for effect in _EFFECTS}
        for r in rows(tier_context):
            phrases.setdefault(r["effect"], []).append(r["phrase"])
        self.skip = {p.lower() for p in phrases["skip"]}
        self.negate = [
            tuple(t.lower_ for t in nlp.make_doc(p) if t.lower_ not in self.skip) for p in phrases["negate"]
        ]
        self.context = [p.lower() for p in phrases["context"]]
        self.report_words = {p.lower() for p in phrases["report"]}
        self.report_topics = {p.lower() for p in phrases["report_topic"]}
        self.move = {p.lower() for p in phrases["move"]}
        self.other_list = {p.lower() for p in phrases["other_list"]}
        self.issuer_heads = {p.lower() for p in phrases["issuer_head"]}
        self.hypothetical = {p.lower() for p in phrases["hypothetical"]}
        self.modal = {p.lower() for p in phrases["modal"]}
        self.condition = {p.lower() for p in phrases["condition"]}
        self.changes = [({p.lower() for p in phrases[effect]}, change) for effect, change in _CHANGES]

    def __call__(self, doc: Doc) -> Doc:
        links: list[dict] = []
        low = doc.text.lower()
        if any(c in low for c in self.context):
            by_sent = _sentence_entities(doc)
            page = page_country(doc)
            for e in doc.ents:
                if e.label_ == "TIER" and not self._negated(doc, e) and not self._hypothetical(e):
                    if page is not None and _labels_a_paragraph(e):
                        links.append(_link(e, page.ent_id_, by_sent, False, self.change(e)))
                    else:
                        links.extend(self._placements(doc, e, by_sent))
        links = _destinations(links)
        self._date_undated(doc, links)
        doc.user_data[TIER_LINKS] = links
        return doc

    def report_year(self, doc: Doc) -> int | None:
        """The one report year the document names ("TIP Report 2025", "the US 2024 TIP report")."""
        years = set()
        for e in doc.ents:
            if e.label_ != "YEAR":
                continue
            window = doc[max(e.start - 6, e.sent.start) : min(e.end + 6, e.sent.end)]
            if any(t.lower_ in self.report_words for t in window) and any(
                t.lower_ in self.report_topics for t in window
            ):
                years.add(int(e.text))
        return years.pop() if len(years) == 1 else None

    def _negated(self, doc: Doc, e: Span) -> bool:
        """A tier right after a negating phrase places nothing ("removal from the Tier 2 Watch
        List", "taken off the watch list"; "upgraded from Tier 2 Watch List to Tier 2": the first)."""
        before = self._before(doc, e)
        return any(before[-len(n) :] == n for n in self.negate)

    def _placements(self, doc: Doc, e: Span, by_sent: dict[int, list[Span]]) -> list[dict]:
        """The countries one tier mention places, in the year nearest to it in the sentence: the
        nearest country and those coordinated with it ("placed both Pakistan and India among ...").
        A bare "watch list" places nothing in a sentence about another body's list ("the FATF grey
        list") nor a country more than :data:`WEAK_TIER_REACH` tokens away."""
        sent = e.sent
        countries = _heading_country(doc, sent) + [
            g for g in by_sent.get(sent.start, ()) if g.label_ == "GPE" and g.ent_id_ and not self._issuer(g)
        ]
        if not countries:
            return []
        moved = self._moved_to(doc, e)
        nearest = _nearest_country(e, countries, moved)
        weak = not any(t.lower_.startswith("tier") for t in e)
        if weak and (
            any(t.lower_ in self.other_list for t in sent) or abs(nearest.start - e.start) > WEAK_TIER_REACH
        ):
            return []
        change = self.change(e)
        return [
            _link(e, country, by_sent, moved, change) for country in _with_coordinated(countries, nearest)
        ]

    def _issuer(self, g: Span) -> bool:
        """The United States named as the issuer of a list or report ("Pakistan, India on US watch
        list", "the US 2024 TIP report placed India on Tier 2", "the US Trafficking in Persons
        Report, where it has remained in Tier 2", "the U.S. State Department's report"): a modifier
        followed, within its noun phrase, by an ``issuer_head`` word; not a country placed."""
        if g.ent_id_ != ISSUER or g.root.dep_ not in _MODIFIER_DEPS:
            return False
        doc = g.doc
        for t in doc[g.end : min(g.end + ISSUER_REACH, g.sent.end)]:
            if t.lemma_.lower() in self.issuer_heads or t.lower_ in self.issuer_heads:
                return True
            if t.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and t.lower_ != "in":
                return False
        return False

    def _hypothetical(self, e: Span) -> bool:
        """A tier the sentence does not place the country on: wished, risked, escaped, defined or
        conditional ("failure to move up to Tier 1", "short of a Tier 1 ranking", "an otherwise
        required downgrade to Tier 3", "If Ghana is downgraded to Tier 3", "A Tier 3 ranking could
        affect", "Tier 2 is for countries that ...", "there are two middle ranks; Tier 2 and ...").
        The tier's heads up to its own clause are read: a ``hypothetical`` word among them or their
        modifiers, a ``modal`` auxiliary or ``condition`` marker on one of them, a tier that is the
        subject of "be" with generic ``hypothetical`` nouns ("countries"), or "there are"."""
        if _labels_a_paragraph(e):
            return False
        for h in _clause_heads(e):
            if self._hypothetical_word(h) or any(self._hypothetical_word(m) for m in _modifiers(h)):
                return True
            if h.tag_ == "MD" and h.lower_ in self.modal:  # "We ought to have been upgraded to Tier 1"
                return True
            for c in h.children:
                if c.dep_ in ("aux", "auxpass") and c.lower_ in self.modal:
                    return True
                if c.dep_ == "mark" and c.lower_ in self.condition:
                    return True
                if h.lemma_ == "be" and c.dep_ == "expl":
                    return True
        head = e.root.head
        return (
            e.root.dep_ == "nsubj"
            and head.lemma_ == "be"
            and any(self._hypothetical_word(t) for t in head.subtree if t.i > head.i)
        )

    def change(self, e: Span) -> str | None:
        """The change the sentence states for the tier: a verb among its heads ("was downgraded to
        Tier 3" -> downgraded, "remains on Tier 2" -> remained, "kept ... on the Tier 2 Watch
        List" -> remained), else "for the third consecutive year" / "in a row" -> remained."""
        for h in _clause_heads(e):
            for words, change in self.changes:
                if h.lemma_.lower() in words and h.pos_ in ("VERB", "AUX"):
                    return change
        same = next(words for words, change in self.changes if change == "remained")
        return "remained" if any(t.lower_ in same for t in e.sent if t.pos_ != "VERB") else None

    def _hypothetical_word(self, t) -> bool:
        return t.lemma_.lower() in self.hypothetical or t.lower_ in self.hypothetical

    def _moved_to(self, doc: Doc, e: Span) -> bool:
        """The tier is where a country is moved to: right after "to" in a sentence with a move
        word ("upgraded", "downgraded", "boost", "added": ``move`` phrases, also as lemmas)."""
        return self._before(doc, e)[-1:] == ("to",) and any(
            t.lower_ in self.move or t.lemma_.lower() in self.move for t in e.sent
        )

    def _date_undated(self, doc: Doc, links: list[dict]) -> None:
        """An undated link takes the one year the document gives the same country and tier
        elsewhere, else the document's report year ("TIP Report 2025"), else the report current at
        the date the text opens with (:func:`dateline_report_year`: "July 05, 2018 (LBO) – Sri Lanka
        retained its Tier 2 ranking" -> 2018)."""
        dated: dict[tuple, set] = {}
        for link in links:
            if link["year"] is not None:
                dated.setdefault((link["country"], link["tier"]), set()).add(link["year"])
        doc_year = (self.report_year(doc) or dateline_report_year(doc.text)) if links else None
        for link in links:
            if link["year"] is None:
                same = dated.get((link["country"], link["tier"]), set())
                link["year"] = next(iter(same)) if len(same) == 1 else doc_year

    def _before(self, doc: Doc, e: Span) -> tuple[str, ...]:
        """The words before a tier, ``skip`` words (articles, possessives) and quotes left out:
        'from a ranking of "Tier 2 Watch List"' -> (..., 'from', 'ranking', 'of')."""
        out = []
        for t in reversed(doc[max(e.start - 8, 0) : e.start]):
            if t.lower_ in self.skip or t.is_quote or t.is_space:
                continue
            out.append(t.lower_)
            if len(out) == 4:
                break
        return tuple(reversed(out))


_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_DATELINE = re.compile(
    r"\b(?:(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+)"
    r"(?P<y>(?:19|20)\d{2})\b",
    re.I,
)
# Reports come out in the second half of June: a text dated before then cites last year's report.
RELEASE = (6, 15)
DATELINE_CHARS = 300


def dateline_report_year(text: str) -> int | None:
    """The report year current at the date a text opens with ("July 05, 2018 (LBO) –" -> 2018,
    "ISLAMABAD, 3 March 2019:" -> 2018); None without a full date in its first characters."""
    m = _DATELINE.search(text[:DATELINE_CHARS])
    if m is None:
        return None
    month = _MONTHS[(m["m1"] or m["m2"])[:3].lower()]
    day, year = int(m["d1"] or m["d2"]), int(m["y"])
    return year if (month, day) >= RELEASE else year - 1


_LABEL_MARKS = (":", "-", "–", "—")


def _labels_a_paragraph(e: Span) -> bool:
    """A tier written as a label, not inside a clause: after a colon or dash, or followed by a
    dash or colon ("tier rating: Tier 3 - the government failed to ...",
    "Tier 2 Watch List – Timor Leste does not fully comply ..."). What follows explains the tier."""
    doc = e.doc
    before = doc[e.start - 1].text if e.start > 0 else ""
    after = doc[e.end].text if e.end < len(doc) else ""
    return before in _LABEL_MARKS or after in _LABEL_MARKS


def page_country(doc: Doc) -> Span | None:
    """The country a page is about: its first line is nothing but that country ("Chad", "Burma
    (Myanmar)"), as on a country page of the Factbook or of the report. A tier written there as a
    label ("tier rating: Tier 2 Watch List – ...") places that country, whatever other countries
    the explanation names."""
    end = doc.text.find("\n")
    end = len(doc.text) if end < 0 else end
    gpes = [g for g in doc.ents if g.label_ == "GPE" and g.ent_id_ and g.end_char <= end]
    if not gpes or len({g.ent_id_ for g in gpes}) != 1:
        return None
    covered = {i for g in gpes for i in range(g.start, g.end)}
    rest = [t for t in doc if t.idx < end and t.i not in covered and not (t.is_punct or t.is_space)]
    return gpes[0] if not rest or all(t.ent_type_ == "GPE" for t in rest) else None


def _link(e: Span, country: str, by_sent: dict[int, list[Span]], moved: bool, change: str | None) -> dict:
    """One link of a tier mention to a country (canonical name), dated by the year nearest to it
    in its sentence; ``_weak`` (a bare "watch list") and ``_moved`` steer :func:`_destinations`."""
    sent = e.sent
    years = [y for y in by_sent.get(sent.start, ()) if y.label_ == "YEAR"]
    year = int(min(years, key=lambda y: abs(y.start - e.start)).text) if years else None
    return {
        "start": e.start_char,
        "end": e.end_char,
        "tier": e.ent_id_,
        "country": country,
        "year": year,
        "sentence": (sent.start_char, sent.end_char),
        "_weak": not any(t.lower_.startswith("tier") for t in e),
        "_moved": moved,
        "change": change,
    }


_CLAUSE_DEPS = ("ROOT", "relcl", "ccomp", "advcl", "conj", "parataxis")


def _clause_heads(e: Span) -> list:
    """The tier's root and its heads up to and including the head of its own clause ("where it
    has remained in Tier 2" stops at "remained", not at the "failure" the clause hangs from)."""
    out = [e.root]
    t = e.root
    while t.dep_ not in _CLAUSE_DEPS and t.head is not t:
        t = t.head
        out.append(t)
    return out


def _modifiers(t) -> list:
    """A head's modifiers and theirs ("an otherwise required downgrade": downgrade -> required -> otherwise)."""
    first = [c for c in t.children if c.dep_ in ("amod", "advmod", "neg", "acomp")]
    return first + [g for c in first for g in c.children if g.dep_ in ("advmod", "neg")]


def _sentence_entities(doc: Doc) -> dict[int, list[Span]]:
    """Sentence start -> the sentence's GPE and YEAR entities, in document order."""
    by_sent: dict[int, list[Span]] = {}
    for g in doc.ents:
        if g.label_ in ("GPE", "YEAR"):
            by_sent.setdefault(g.sent.start, []).append(g)
    return by_sent


def _nearest_country(e: Span, countries: list[Span], moved: bool) -> Span:
    """The country nearest to the tier; for a move, the nearest one named before the tier
    ("Nepal was upgraded to Tier 2 while Kenya ..." -> Nepal)."""
    preceding = [g for g in countries if g.end <= e.start] if moved else []
    return min(preceding or countries, key=lambda g: abs(g.start - e.start))


def _with_coordinated(countries: list[Span], nearest: Span) -> list[str]:
    """The nearest country and the countries coordinated with it, each once ("placed both
    Pakistan and India among the countries that do not fully meet ...")."""
    group = {nearest.root.i} | {c.i for c in nearest.root.conjuncts}
    return list(dict.fromkeys(g.ent_id_ for g in countries if g.root.i in group or g is nearest))


def _heading_country(doc: Doc, sent: Span) -> list[Span]:
    """The country the parser split off the start of the tier's sentence ("PAKISTAN: | Tier 2
    Watch List", "Nepal | was upgraded to Tier 2 while ..."): the previous sentence when it is
    nothing but one country and punctuation."""
    if sent.start == 0:
        return []
    prev = doc[sent.start - 1].sent
    gpes = [
        g for g in doc.ents if g.label_ == "GPE" and g.ent_id_ and prev.start <= g.start and g.end <= prev.end
    ]
    if len(gpes) != 1:
        return []
    rest = [t for t in prev if not (gpes[0].start <= t.i < gpes[0].end) and not (t.is_punct or t.is_space)]
    return [] if rest else gpes


def _destinations(links: list[dict]) -> list[dict]:
    """Within a sentence, per country: a tier the country is moved to ("upgraded Thailand
    ... to Tier 2", "downgraded again to the Tier 2 watch list") is its placement, and its other
    tiers there are where it was ("... remained in the Tier 2 Watch List for the last three
    years"); a bare "watch list"/"blacklist" beside a tier of the same country restates that
    tier ("upgraded to Tier two list, a watch list")."""
    out = []
    for link in links:
        same = [o for o in links if o["country"] == link["country"] and o["sentence"] == link["sentence"]]
        if not _superseded(link, same):
            out.append({k: v for k, v in link.items() if not k.startswith("_")})
    return out


def _superseded(link: dict, same: list[dict]) -> bool:
    """Another tier of the same country in the sentence outranks this one: a destination of a
    move outranks a tier not moved to, a named tier a bare "watch list"."""
    other = [o for o in same if o["tier"] != link["tier"]]
    return (not link["_moved"] and any(o["_moved"] for o in other)) or (
        link["_weak"] and any(not o["_weak"] for o in other)
    )


@Language.factory("tipwatch_tier_links_v1", assigns=["doc.user_data"], requires=["doc.ents", "token.dep"])
def make_tier_linker(nlp: Language, name: str, tier_context: str) -> TierLinker:
    return TierLinker(nlp, name, tier_context=tier_context)
