"""Whether a tier mention's clause places anything, and the change it states, for
:mod:`extractors.nlp.components.tiers`: a tier wished, risked, escaped, negated, generic, defined,
conditional or of something else ("tier-two cities") places nothing; "was downgraded to Tier 3"
states a downgrade. The words come from ``models/patterns/tier_context.csv`` (``hypothetical``,
``negation``, ``faces``, ``generic``, ``lists``, ``list_intro``, ``other_tier``, ``modal``,
``condition``, ``move``, ``up``/``down`` and the ``change_*`` effects).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span, Token

from extractors.nlp.components.tier_clauses import clause_heads, joins_in_doing, modifiers

_CHANGES = (("change_up", "upgraded"), ("change_down", "downgraded"), ("change_same", "remained"))
# how a tier modifies a noun ("tier-one suppliers")
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")


class TierMood:
    """Reads a tier mention's clause: :meth:`hypothetical` (it places nothing), :meth:`other_tier`
    (a tier of something else), :meth:`change` (upgraded, downgraded, remained) and
    :meth:`intro` (a ``list_intro`` word: "like", "along with"). ``phrases`` maps each
    ``tier_context`` effect to its phrases."""

    def __init__(self, nlp: Language, phrases: dict[str, list[str]]):
        self.move = lower(phrases["move"])
        self.hypothetical_words = lower(phrases["hypothetical"])
        self.negation = lower(phrases["negation"])
        self.faces = lower(phrases["faces"])
        self.generic = lower(phrases["generic"])
        self.lists = lower(phrases["lists"])
        self.other_tiers = lower(phrases["other_tier"])
        self.particles = (lower(phrases["up"]), lower(phrases["down"]))
        self.modal = lower(phrases["modal"])
        self.condition = lower(phrases["condition"])
        self.changes = [({p.lower() for p in phrases[effect]}, change) for effect, change in _CHANGES]
        self.list_intro = tokens(nlp, phrases["list_intro"])
        self.joins = lower(phrases.get("joins", []))

    def hypothetical(self, e: Span, previous: bool) -> bool:
        """A tier the sentence does not place the country on: wished, risked, escaped, negated,
        generic, defined or conditional ("failure to move up to Tier 1", "short of a Tier 1
        ranking", "an otherwise required downgrade to Tier 3", "is no longer on", "faces a downgrade
        to Tier 3", "Tier 3 countries face sanctions", "If Ghana is downgraded to Tier 3", "A Tier 3
        ranking could affect", "Tier 2 is for countries that ...", "there are two middle ranks").
        Read on the tier's heads up to its clause (:meth:`_hypothetical_head`), and a tier that is
        the subject of "be" with ``generic`` nouns. A forecast the text states is a placement
        ("Malaysia will fall to Tier 3"). ``previous``: the tier is where a country was moved from,
        which a negation does not undo ("has not moved up from Tier 2")."""
        if labels_a_paragraph(e):
            return False
        negation = set() if previous else self.negation  # "not ... move up from Tier 2"
        if any(self._hypothetical_head(e, h, negation) for h in clause_heads(e)):
            return True
        head = e.root.head
        return (
            e.root.dep_ == "nsubj"
            and head.lemma_ == "be"
            and any(
                self._hypothetical_word(t) or t.lower_ in self.generic for t in head.subtree if t.i > head.i
            )
        )

    def _hypothetical_head(self, e: Span, h: Token, negation: set[str]) -> bool:
        """One head of the tier makes it hypothetical: a ``hypothetical`` or ``negation`` word (no
        negation for a tier moved from) as the head or its modifier, a ``faces`` head over a move
        word, a ``generic`` head that lists nothing (:meth:`_lists`), a ``modal`` auxiliary or
        ``condition`` marker on it, or "there are"."""
        outside = [m for m in modifiers(h) if not e.start <= m.i < e.end]  # "does not fully meet"
        if self._hypothetical_word(h) or any(self._hypothetical_word(m) for m in outside):
            return True
        if any(t.lower_ in negation for t in [h, *outside]):
            return True
        if h.lemma_.lower() in self.faces and self._over_a_move(e, h):
            return True
        if h.lower_ in self.generic and not self._lists(h):  # "Tier 3 countries face sanctions"
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
        return False

    def _over_a_move(self, e: Span, head: Token) -> bool:
        """A move or change word lies between the tier and its head ("faces a downgrade to Tier 3")."""
        words = self.move.union(*(w for w, _ in self.changes))
        path = clause_heads(e)
        return any(t.lemma_.lower() in words for t in path[: path.index(head)])

    def _lists(self, noun: Token) -> bool:
        """A generic noun the tier heads lists countries: the subject of a ``lists`` verb ("Tier 3
        countries include Iran"), after a ``lists`` word ("Among the Tier 3 countries were ...",
        "Pakistan was among the Tier 2 countries", "ranks Pakistan and India as Tier 2 countries") or with a ``list_intro`` word of its own ("Tier 3
        countries such as Iran"), or the object a country joins ("Malaysia joined more than a dozen
        nations in “Tier 3”", "joined the Tier 3 countries"; not in doing something: "joined the
        Tier 3 countries in criticising the report")."""
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in self.lists:
            return True
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.joins:
            return not joins_in_doing(noun.head)
        if noun.dep_ == "pobj" and noun.head.lower_ in self.lists:
            return True
        return any(self.intro(t) and any(c.dep_ == "pobj" for c in t.children) for t in noun.subtree)

    def other_tier(self, e: Span) -> bool:
        """A tier of something else: the tier modifies an ``other_tier`` noun ("tier-one
        suppliers", "tier-two cities")."""
        return e.root.dep_ in (*MODIFIER_DEPS, "nummod") and e.root.head.lemma_.lower() in self.other_tiers

    def change(self, e: Span) -> str | None:
        """The change the sentence states for the tier: a verb among its heads ("was downgraded to
        Tier 3" -> downgraded, "remains on Tier 2" -> remained, "kept ... on the Tier 2 Watch
        List" -> remained), else "for the third consecutive year" / "in a row" -> remained."""
        for h in clause_heads(e):
            for words, change in self.changes:
                if h.lemma_.lower() in words and h.pos_ in ("VERB", "AUX"):
                    return change
            if h.lemma_.lower() in self.move:  # "moved up to Tier 1", "moved down to Tier 3"
                particles = {c.lower_ for c in h.children if c.dep_ in ("prt", "advmod")}
                for words, change in zip(self.particles, ("upgraded", "downgraded")):
                    if particles & words:
                        return change
        same = next(words for words, change in self.changes if change == "remained")
        return "remained" if any(t.lower_ in same for t in e.sent if t.pos_ != "VERB") else None

    def _hypothetical_word(self, t) -> bool:
        return t.lemma_.lower() in self.hypothetical_words or t.lower_ in self.hypothetical_words

    def intro(self, t: Token) -> bool:
        """The token ends a ``list_intro`` phrase ("like", "along with")."""
        doc = t.doc
        return any(
            t.i + 1 >= len(p) and tuple(w.lower_ for w in doc[t.i + 1 - len(p) : t.i + 1]) == p
            for p in self.list_intro
        )


_LABEL_MARKS = (":", "-", "–", "—")


def lower(phrases: list[str]) -> set[str]:
    return {p.lower() for p in phrases}


def tokens(nlp: Language, phrases: list[str]) -> list[tuple[str, ...]]:
    """Each phrase as its lower-case words ("along with" -> ("along", "with"))."""
    return [tuple(t.lower_ for t in nlp.make_doc(p)) for p in phrases]


def labels_a_paragraph(e: Span) -> bool:
    """A tier written as a label, not inside a clause: after a colon or dash, or followed by a
    dash or colon ("tier rating: Tier 3 - the government failed to ...",
    "Tier 2 Watch List – Timor Leste does not fully comply ..."). What follows explains the tier."""
    doc = e.doc
    before = doc[e.start - 1].text if e.start > 0 else ""
    after = doc[e.end].text if e.end < len(doc) else ""
    return before in _LABEL_MARKS or after in _LABEL_MARKS
