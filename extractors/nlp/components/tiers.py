"""``tipwatch_tier_links_v1``: which country a TIER mention places, and in which report year.

Reads the TIER, GPE and YEAR entities and the parse; writes ``doc.user_data[TIER_LINKS]``: one
dict per (tier mention, country, report year) with ``start``/``end`` (characters of the tier
mention), ``tier``, ``country``, ``year``, ``change`` and ``sentence`` (start, end characters). The
words that steer the rules (negations, moves, report words, other bodies' lists, "last year", "for
the third consecutive year") are data: ``models/patterns/tier_context.csv``.

A mention is linked in three steps, in this order: :meth:`TierLinker._placements` (the sentence's
countries, or the document's country for "the country"/"it"; nothing when the tier is negated or
the document is not about trafficking, or when :class:`~.tier_mood.TierMood` reads it as
hypothetical or another kind of tier; a tier after "from" is where the country was; a tier whose
sentence names no country it places, with its countries listed by the next sentence, "... countries
on the Tier 2 Watch List. They are ...": :mod:`.tier_next_lists`),
:func:`_destinations` (a move's destination outranks the other tiers of the country in that
sentence, unless they carry earlier years of their own) and
:meth:`~extractors.nlp.components.tier_years.TierDates.dated` (the years written beside the tier,
else the year stated elsewhere, else the report year; one row per year).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.nlp.components.rule_files import rows
from extractors.nlp.components.tier_clauses import clause_heads as _clause_heads
from extractors.nlp.components.tier_clauses import ends_with as _ends_with
from extractors.nlp.components.tier_countries import demonym_counts, demonyms, joined_by_the_move
from extractors.nlp.components.tier_countries import heading_country as _heading_country
from extractors.nlp.components.tier_countries import nearest_country as _nearest_country
from extractors.nlp.components.tier_countries import other_countries_placed as _other_countries_placed
from extractors.nlp.components.tier_countries import outside_brackets as _outside_brackets
from extractors.nlp.components.tier_countries import sentence_entities as _sentence_entities
from extractors.nlp.components.tier_countries import with_coordinated as _with_coordinated
from extractors.nlp.components.tier_mood import MODIFIER_DEPS as _MODIFIER_DEPS
from extractors.nlp.components.tier_mood import TierMood
from extractors.nlp.components.tier_mood import labels_a_paragraph as _labels_a_paragraph
from extractors.nlp.components.tier_mood import lower as _lower
from extractors.nlp.components.tier_mood import tokens as _tokens
from extractors.nlp.components.tier_moves import destinations as _destinations
from extractors.nlp.components.tier_moves import same_tiers
from extractors.nlp.components.tier_next_lists import heads_countries, listed_after_semicolon, listed_next
from extractors.nlp.components.tier_years import TierDates

TIER_LINKS = "tipwatch.tier_links"
# A bare "watch list"/"blacklist" places only a country at most this many tokens away ("added Saudi
# Arabia and Cuba to its blacklist"), not one named later in a long sentence about something else.
WEAK_TIER_REACH = 10
_EFFECTS = tuple(
    "skip negate context report report_topic report_for move other_list superlative issuer_head hypothetical "
    "negation faces generic lists other_tier up down modal condition change_up change_down "
    "change_same previous held_before stayed last_year country_word list_intro joins country_pronoun "
    "released recent this_year previous_report reflexive next_list".split()
)
ISSUER_REACH = 5
# The country that issues the TIP report: named as a modifier of the list or report it places
# others on ("on US watch list", "the US 2024 TIP report"), it is not the country placed.
ISSUER = "United States"


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
    country within :data:`WEAK_TIER_REACH` tokens (a "watch list" also the subject of its clause), and nothing in a sentence about another body's
    list ("FATF"); the country moved is the one named before the tier. A country the parser split
    off as a sentence of its own ("PAKISTAN: | Tier 2 Watch List") belongs to the next sentence.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        tier_context: str,
        country_words: str | None = None,
        report_releases: str | None = None,
        weekday_lag: int = 0,
    ):
        self.name = name
        # a country's adjectives and peoples ("Malaysian"), case-sensitive, by their words
        self.demonyms = demonyms(country_words)
        phrases: dict[str, list[str]] = {effect: [] for effect in _EFFECTS}
        for r in rows(tier_context):
            phrases.setdefault(r["effect"], []).append(r["phrase"])
        self.skip = _lower(phrases["skip"])
        self.negate = [
            tuple(t.lower_ for t in nlp.make_doc(p) if t.lower_ not in self.skip) for p in phrases["negate"]
        ]
        self.context = [p.lower() for p in phrases["context"]]
        self.mood = TierMood(nlp, phrases)
        self.move = self.mood.move
        self.other_list = _lower(phrases["other_list"])
        self.superlative = _lower(phrases["superlative"])
        self.report_words = _lower(phrases["report"])
        self.issuer_heads = _lower(phrases["issuer_head"])
        self.dates = TierDates(nlp, phrases, report_releases, weekday_lag)
        self.previous = _tokens(nlp, phrases["previous"])
        self.held_before = _tokens(nlp, phrases["held_before"])
        self.country_words = _lower(phrases["country_word"])
        self.joins = _lower(phrases["joins"])
        self.country_pronouns = _lower(phrases["country_pronoun"])
        self.reflexives = _lower(phrases["reflexive"])
        self.next_list = _tokens(nlp, phrases["next_list"])
        self.others_list = _tokens(nlp, phrases.get("others_list", []))
        self.plurals = _lower(phrases["generic"])

    def __call__(self, doc: Doc) -> Doc:
        links: list[dict] = []
        low = doc.text.lower()
        by_sent = _sentence_entities(doc)
        if any(c in low for c in self.context):
            page, subject = page_country(doc), self._subject(doc)
            for e in doc.ents:
                if (
                    e.label_ == "TIER"
                    and not self._negated(doc, e)
                    and not self.mood.other_tier(e)
                    and not self.mood.hypothetical(e, self._previous(doc, e))
                ):
                    if page is not None and _labels_a_paragraph(e):
                        links.append(_link(e, page.ent_id_, False, self.mood.change(e)))
                    else:
                        links.extend(self._placements(doc, e, by_sent, subject))
                elif (
                    e.label_ == "TIER"
                    and heads_countries(e, self.plurals)
                    and not self._negated(doc, e)
                    and not self.mood.other_tier(e)
                ):
                    # "countries on the Tier 2 Watch List" holds whatever the clause says of them
                    links.extend(self._next_listed(doc, e, by_sent))
        links = _destinations(same_tiers(links))
        for link in links:  # moved "from" it, not held before the move ("after three years on")
            link["_after_from"] = any(self._before(doc, link["_e"])[-len(n) :] == n for n in self.previous)
        doc.user_data[TIER_LINKS] = self.dates.dated(doc, links)
        return doc

    def report_year(self, doc: Doc) -> int | None:
        """The report year the document names ("TIP Report 2025", "the US 2024 TIP report")."""
        return self.dates.report_year(doc)

    def _negated(self, doc: Doc, e: Span) -> bool:
        """A tier right after a negating phrase places nothing ("removal from the Tier 2 Watch
        List", "taken off the watch list"; "upgraded from Tier 2 Watch List to Tier 2": the first)."""
        before = self._before(doc, e)
        return any(before[-len(n) :] == n for n in self.negate)

    def _previous(self, doc: Doc, e: Span) -> bool:
        """A tier where a country was before a move: after "from" ("upgraded from Tier 2 Watch
        List to Tier 2", 'from a ranking of "Tier 3"'), or held before a move for some years
        (``held_before``, "*" any word: "downgraded to Tier 3 after three years on the watch list
        in the 2020 report"); it is dated before the destination."""
        before = self._before(doc, e)
        if any(before[-len(n) :] == n for n in self.previous):
            return True
        return any(_ends_with(before, n) for n in self.held_before) and any(
            t.lower_ in self.move or t.lemma_.lower() in self.move for t in e.sent
        )

    def _placements(
        self, doc: Doc, e: Span, by_sent: dict[int, list[Span]], subject: str | None
    ) -> list[dict]:
        """The countries one tier mention places: the nearest country (of the tier's own clause
        when it names one), those coordinated with it
        ("placed both Pakistan and India among ...") and those a ``list_intro`` word adds in the
        tier's clause ("alongside countries like Nepal and Laos"), and those a country moved there
        joins ("dropped to Tier 3, joining Iran and Syria": no change of theirs known). A sentence without a country
        that speaks of "the country" / "the South Asian nation" places the document's ``subject``.
        A bare "watch list" places nothing in a sentence about another body's list ("the FATF grey
        list") nor a country more than :data:`WEAK_TIER_REACH` tokens away. A tier after "from"
        is where the country was (``previous``)."""
        sent = e.sent
        named = self._countries_named(by_sent, sent)
        countries = _heading_country(doc, sent) + [g for g in named if self._issuer_placed(e, g, named)]
        weak = _bare_list(e)
        previous = self._previous(doc, e)
        if not countries and (listed := self._next_listed(doc, e, by_sent)):
            return listed
        if not countries:
            if subject is None or weak or not self._names_the_country(e):
                return []
            return [_link(e, subject, False, None if previous else self.mood.change(e), previous)]
        if _other_countries_placed(e, countries, self.country_words):
            return []
        moved = self._moved_to(doc, e)
        nearest = _nearest_of_clause(e, countries, moved)
        if weak and (
            any(t.lower_ in self.other_list for t in sent)
            or (abs(nearest.start - e.start) > WEAK_TIER_REACH and not _subject_of_tier(nearest, e))
            or (e[0].lower_ in self.superlative and (not self._names_a_ranking(sent) or _modifies_a_noun(e)))
        ):
            return []
        change = None if previous else self.mood.change(e)  # where it was: no change known
        placed = list(dict.fromkeys(self._group(e, countries, nearest, moved)))
        # the countries a country moved onto the tier joins there were not moved ("dropped to Tier 3,
        # to join Malaysia already on this classification")
        joined = [c for c in joined_by_the_move(e, countries, self.joins) if c not in placed]
        return [_link(e, country, moved, change, previous) for country in placed] + [
            _link(e, country, False, None, previous) for country in dict.fromkeys(joined)
        ]

    def _next_listed(self, doc: Doc, e: Span, by_sent: dict[int, list[Span]]) -> list[dict]:
        """A tier (not a bare "watch list") whose sentence names no country it could place, with
        its countries listed by the next sentence (:func:`~.tier_next_lists.listed_next`)."""
        named = self._countries_named(by_sent, e.sent)
        if _bare_list(e) or any(self._issuer_placed(e, g, named) for g in named):
            return []  # a country the tier could place ("the US believes ..." is not one)
        listed = [
            g for g in listed_next(doc, e, by_sent, self.next_list, self.plurals) if not self._issuer(g)
        ]
        previous = self._previous(doc, e)
        change = None if previous else self.mood.change(e)
        return [_link(e, c, False, change, previous) for c in dict.fromkeys(g.ent_id_ for g in listed)]

    def _countries_named(self, by_sent: dict[int, list[Span]], sent: Span) -> list[Span]:
        """The countries the sentence names, the report's issuer named as issuer aside."""
        return [
            g for g in by_sent.get(sent.start, ()) if g.label_ == "GPE" and g.ent_id_ and not self._issuer(g)
        ]

    def _names_a_ranking(self, sent: Span) -> bool:
        """The sentence names a report or a tier ("in its annual report", "the four-tier chart")."""
        return any(t.lower_ in self.report_words or "tier" in t.lower_ for t in sent)

    def _group(self, e: Span, countries: list[Span], nearest: Span, moved: bool) -> list[str]:
        """The nearest country, those coordinated with it, those a ``list_intro`` word adds
        ("alongside countries like Nepal and Laos") and, when the nearest is itself one of those
        ("ranked Vietnam, along with Laos and Cambodia, on Tier 2"), the country they are added to;
        the subject and the object of a ``joins`` verb share the tier ("China and Russia joined
        North Korea on Tier 3", "On the watch list, Myanmar joins Laos and Thailand")."""
        listed = self._listed(e, countries)
        head = _list_head(nearest.root)  # the list it stands in, through appositions too
        same_list = [g.ent_id_ for g in countries if _list_head(g.root) == head]
        placed = _with_coordinated(countries, nearest) + same_list + listed
        placed += listed_after_semicolon(e, countries, self.others_list)  # "; others included ..."
        clause = _clause_heads(e)[-1]
        if nearest.ent_id_ in listed:
            rest = [g for g in countries if g.ent_id_ not in listed and _clause_heads(g.root)[-1] == clause]
            if rest:
                placed += _with_coordinated(countries, _nearest_country(e, rest, moved))
        path = _clause_heads(e)[:-1]  # no verb between ("joined Malaysia in criticising its Tier 3 ranking")
        if clause.lemma_.lower() in self.joins and not any(t.pos_ in ("VERB", "AUX") for t in path):
            # both sides of the join share the tier ("Myanmar joins Laos and Thailand on the watch list")
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
            placed += [
                g.ent_id_
                for g in countries
                for c in subjects
                if c.left_edge.i <= g.start and g.end - 1 <= c.right_edge.i
            ]
        return list(dict.fromkeys(placed))

    def _listed(self, e: Span, countries: list[Span]) -> list[str]:
        """Countries a ``list_intro`` word adds to the tier within the tier's clause ("ranking
        Hong Kong down to the Tier 2 Watch List alongside countries like Nepal and Laos") or within
        a relative clause on the tier or on a noun in apposition to it ("coming in at tier two – a
        rank it shares with such countries as Mexico and Iraq"); the phrase may end at the
        preposition's object ("on a Tier 2 Watch List along with - among others - Russia")."""
        clause = _clause_heads(e)[-1]
        out = []
        for g in countries:
            head = g.root
            while head.dep_ in ("conj", "appos") and head.head is not head:
                head = head.head
            intro = head.head
            if (
                head.dep_ == "pobj"
                # the phrase ends at the preposition ("along with") or at its object ("among others")
                and (self.mood.intro(intro) or self.mood.intro(head))
                and _on_the_tier(_clause_heads(intro)[-1], clause, e)
            ):
                out.append(g.ent_id_)
        return out

    def _names_the_country(self, e: Span) -> bool:
        """The tier's clause speaks of one country without naming it ("the country was moved from
        Tier 3 to Tier 2", "kept the South Asian nation on Tier 2", "the Tier 2 Watchlist the
        Kingdom received"): a singular ``country_word`` noun with "the" or "this", or a
        ``country_pronoun`` that is the subject of being, staying or moving there ("Last year it
        was on Tier 3", "it slipped to Tier 3"; not "It ranks countries in tiers")."""
        clause = _clause_heads(e)[-1]
        for t in e.sent:
            if t.lower_ in self.country_words and any(c.lower_ in ("the", "this") for c in t.children):
                own = _clause_heads(t)[-1]
                if own == clause or (own.dep_ == "relcl" and own.head == e.root):
                    return True
            if t.lower_ in self.country_pronouns and t.head == clause and self._is_placed(t):
                return True
        return False

    def _is_placed(self, t: Token) -> bool:
        """The pronoun is the subject of a passive ("it was downgraded") or of being, staying or
        moving ("it was on", "it remained on", "it slipped to")."""
        verb = t.head.lemma_.lower()
        stay = self.mood.changes[-1][0]
        return t.dep_ == "nsubjpass" or (t.dep_ == "nsubj" and (verb == "be" or verb in self.move | stay))

    def _subject(self, doc: Doc) -> str | None:
        """The country a document is about: the country (not the report's issuer) it names most
        often, strictly more often than any other; in a text that names no country, the country
        whose adjective or people it names most often ("Malaysian authorities ... the country")."""
        counts: dict[str, int] = {}
        for g in doc.ents:
            if g.label_ == "GPE" and g.ent_id_ and g.ent_id_ != ISSUER:
                counts[g.ent_id_] = counts.get(g.ent_id_, 0) + 1
        if not counts:
            counts = demonym_counts(doc, self.demonyms, ISSUER)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def _issuer(self, g: Span) -> bool:
        """The United States named as the issuer of a list or report ("Pakistan, India on US watch
        list", "the US 2024 TIP report placed India on Tier 2", "the US Trafficking in Persons
        Report, where it has remained in Tier 2", "the U.S. State Department's report"): a modifier
        followed, within its noun phrase, by an ``issuer_head`` word; not a country placed."""
        if g.ent_id_ != ISSUER:
            return False
        following = _outside_brackets(g)
        while following and following[0].ent_type_ == "YEAR":  # "the United States (US) 2022 TIP report"
            following = following[1:]
        if following and (self._issuer_head(following[0]) or following[0].ent_type_ == "TIER"):
            return True  # "the United States (US) ranking", "earned Nigeria the US Tier 1 status"
        if g.root.dep_ not in _MODIFIER_DEPS:
            return False
        for t in following[:ISSUER_REACH]:  # "the US Trafficking in Persons (TIP) report"
            if self._issuer_head(t):
                return True
            if t.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and t.lower_ != "in":
                return False
        return False

    def _issuer_placed(self, e: Span, g: Span, named: list[Span]) -> bool:
        """A country other than the issuer may be placed; the United States, which issues the
        report, only when the text places it: coordinated with another country ("the US, the UK
        and Germany are on Tier 1"), or the subject of the tier's own clause that joins a tier
        ("The United States joined 33 other countries in Tier 1"), grades itself ("awarded itself
        a Tier 1 grade") or has no object ("the US is on Tier 1"). Not the United States that
        imposes sanctions, holds norms, is accused or adds others to a list ("US adds 7 nations to
        its blacklist", "subject to US sanctions", "accusing the United States of ...")."""
        if g.ent_id_ != ISSUER:
            return True
        root = g.root
        if any(
            c.i != root.i and any(o.root.i == c.i for o in named if o.ent_id_ != ISSUER)
            for c in root.conjuncts
        ):
            return True
        clause = _clause_heads(e)[-1]
        if root.dep_ not in ("nsubj", "nsubjpass") or root.head != clause:
            return False
        if clause.lemma_.lower() in self.joins or any(t.lower_ in self.reflexives for t in clause.subtree):
            return True
        verb, stay = clause.lemma_.lower(), self.mood.changes[-1][0]
        if root.dep_ == "nsubjpass" or verb == "be" or verb in stay:
            return True
        return verb in self.move and not any(c.dep_ in ("dobj", "dative") for c in clause.children)

    def _issuer_head(self, t) -> bool:
        return t.lemma_.lower() in self.issuer_heads or t.lower_ in self.issuer_heads

    def _moved_to(self, doc: Doc, e: Span) -> bool:
        """The tier is where a country is moved to: right after "to" in a sentence with a move
        word ("upgraded", "downgraded", "boost", "added": ``move`` phrases, also as lemmas)."""
        return self._before(doc, e)[-1:] == ("to",) and any(
            t.lower_ in self.move or t.lemma_.lower() in self.move for t in e.sent
        )

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


def _nearest_of_clause(e: Span, countries: list[Span], moved: bool) -> Span:
    """The nearest country; one of the tier's own clause outranks a nearer other one of another
    clause ("Saudi Arabia, Qatar, Oman, and the UAE are listed in the Tier 2 category, while Egypt,
    Iraq, and Kuwait are under Tier 3": Tier 2 is not Egypt's)."""
    clause = _clause_heads(e)[-1]
    own = [g for g in countries if _clause_heads(_list_head(g.root))[-1] == clause]
    nearest = _nearest_country(e, countries, moved)
    if own and nearest.ent_id_ not in {g.ent_id_ for g in own}:
        return _nearest_country(e, own, moved)
    return nearest


def _on_the_tier(own: Token, clause: Token, e: Span) -> bool:
    """A clause is the tier's own, or a relative clause on the tier or on a noun in apposition to
    it ("tier two – a rank it shares with ...")."""
    if own == clause:
        return True
    noun = own.head
    return own.dep_ == "relcl" and (noun == e.root or (noun.dep_ == "appos" and noun.head == e.root))


def _list_head(t: Token) -> Token:
    """The first item of the list a country stands in ("Saint Maarten, Venezuela, and Cuba":
    Cuba -> Saint Maarten), whose head is the list's clause."""
    while t.dep_ in ("conj", "appos") and t.head is not t and t.head.pos_ in ("PROPN", "NOUN"):
        t = t.head
    return t


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


def _subject_of_tier(g: Span, e: Span) -> bool:
    """A bare "watch list" whose clause has the country as subject of one of its heads, however
    far the words between them reach ("Ireland is to remain, for the second year running, on a
    'watchlist'", "Qatar has been put on the US State Department's “watch list”"). A bare
    "blacklist" keeps the reach (which lists it places is a review decision)."""
    heads = {t.i for t in _clause_heads(e)}
    return e.ent_id_ == "2WL" and g.root.dep_ in ("nsubj", "nsubjpass") and g.root.head.i in heads


def _modifies_a_noun(e: Span) -> bool:
    """The mention modifies a noun after it: an adjective, not a rank ("the top ranking officers")."""
    return (
        e.root.dep_ in ("compound", "amod", "nmod") and e.root.head.i >= e.end and e.root.head.pos_ == "NOUN"
    )


def _bare_list(e: Span) -> bool:
    """A tier mention without the word "tier" (a bare "watch list"): weaker evidence."""
    return not any(t.lower_.startswith("tier") for t in e)


def _link(e: Span, country: str, moved: bool, change: str | None, previous: bool = False) -> dict:
    """One link of a tier mention to a country (canonical name), dated later by
    :meth:`TierLinker._dated`; ``_weak`` (a bare "watch list"), ``_moved`` and ``_from`` (where
    the country was moved from) steer :func:`_destinations`."""
    sent = e.sent
    return {
        "start": e.start_char,
        "end": e.end_char,
        "tier": e.ent_id_,
        "country": country,
        "year": None,
        "sentence": (sent.start_char, sent.end_char),
        "_weak": _bare_list(e),
        "_moved": moved,
        "_from": previous,
        "_e": e,
        "change": change,
    }


@Language.factory("tipwatch_tier_links_v1", assigns=["doc.user_data"], requires=["doc.ents", "token.dep"])
def make_tier_linker(
    nlp: Language,
    name: str,
    tier_context: str,
    country_words: str | None = None,
    report_releases: str | None = None,
    weekday_lag: int = 0,
) -> TierLinker:
    return TierLinker(
        nlp,
        name,
        tier_context=tier_context,
        country_words=country_words,
        report_releases=report_releases,
        weekday_lag=weekday_lag,
    )
