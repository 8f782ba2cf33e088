"""The claim a cue makes: its cue span (the verb group), the source of a verb cue and the
trimmed content.

The source of a verb cue is its subject noun phrase (``speakers._source``, the phrase cut by
``spans._np``). A participle ("…, adding that …"), a conjoined verb ("announced … and said …")
or a gerund after a preposition ("despite criticizing …") shares its head's subject, also when
the parser hangs it on the reported clause ("X said Y was wrong, adding …": X); an infinitive
after a named object takes the object ("prompted NATO to order"); a relative pronoun is the
source itself ("who said"); a participle on a noun takes the issuer ("issued a statement saying
…") or the noun itself ("protesters chanting …"). A subject inside a quotation is not its
speaker ("“…,” said X"). A passive cue takes its ``by`` agent ("asked by X") or has no source
("the conference was told"), as have impressions ("Trump seemed to suggest …", "it appeared
that …") and a participle opening an adverbial clause ("Asked whether …, Ryan said": Ryan was
asked) unless it has a by-agent.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import _CUE_LEFT_DEPS, _SUBJ_DEPS
from extractors.nlp.claims.spans import _Claim, _trim_content

# adverbs that open a clause of their own, not part of the verb group ("as he said")
_CLAUSE_ADVERBS = ("when", "as", "how", "where", "why", "so")


def _cue_bounds(self, verb: Token, prep: Token | None = None) -> tuple[int, int]:
    """The verb group: adjacent auxiliaries, negation and adverbs on the left ("has said", "did
    not say", "also said"; also an adverb of an adverb: "is once again questioning"); particles
    and a linking preposition on the right ("pointed out", "called for"). (Taking "said
    Friday"/"said in a statement" into the cue lowered PolNeAR dev cue F1: most of its cues stop
    at the verb.)"""
    doc = verb.doc
    group = {verb.i}
    left = verb.i
    while left - 1 >= 0:
        t = doc[left - 1]
        if (
            t.head.i in group
            and t.dep_ in _CUE_LEFT_DEPS
            and not t.is_punct
            and t.lower_ not in _CLAUSE_ADVERBS
        ):
            left -= 1
            group.add(t.i)
        else:
            break
    left = _went_on(doc, verb, left)
    right = verb.i
    for c in verb.children:
        if c.dep_ == "prt" and c.i == right + 1:
            right = c.i
    if prep is not None and prep.i > verb.i:  # "spoke emotionally of"
        return doc[left].idx, prep.idx + len(prep)
    return doc[left].idx, doc[right].idx + len(doc[right])


def _went_on(doc: Doc, verb: Token, left: int) -> int:
    """The cue's first token, with "went on" when the cue is its infinitive ("went on to say",
    "went on to accuse": one phrase under the news guideline)."""
    head = verb.head
    if (
        verb.dep_ in ("xcomp", "advcl")
        and head.lemma_ == "go"
        and head.i == left - 2
        and doc[left - 1].lower_ == "on"
        and doc[left - 1].head.i == head.i
    ):
        return head.i
    return left


def _make(
    self, doc: Doc, verb: Token, start: int, end: int, direct: bool, prep: Token | None = None
) -> _Claim | None:
    """The claim of cue ``verb`` with content ``start``-``end`` (edge punctuation trimmed; None
    when under two characters are left), its source and its cue span."""
    start, end = _trim_content(doc, start, end)
    if end - start < 2:
        return None
    src = _verb_source(self, verb, end)
    cue_start, cue_end = self._cue_bounds(verb, prep)
    if src is not None and src.start_char < cue_end and cue_start < src.end_char:
        src = _before_cue(src, cue_start)
    return _Claim(verb, cue_start, cue_end, src, (None, "unnamed"), start, end, direct)


def _verb_source(self, verb: Token, end: int) -> Span | None:
    """The source span of cue ``verb`` whose content ends at ``end`` (None: no source)."""
    outer = self._outer_cue(verb)
    src, _ = self._source(outer if outer is not None else verb)  # "X says A and says B": X says B
    if self._hearer_participle(verb):
        # "Asked whether …, Ryan said": Ryan was asked; the asker is unnamed or the by-agent
        pobj = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        src = self._np(pobj[0]) if pobj else None
    if src is None and end <= verb.idx:
        # inverted, with the source parsed as an object: "“…,” stated DG FIA Jahangir"
        after = [
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj")
            and c.pos_ in ("PROPN", "NOUN")
        ]
        if after:
            src = self._np(after[0])
    return src


def _before_cue(src: Span, cue_start: int) -> Span | None:
    """A source that runs into its cue stops before it: a subject parsed with its own verb
    inside ("A majority of voters expect …" with "expect" as a clause on "voters")."""
    doc = src.doc
    cut = (
        doc.char_span(src.start_char, cue_start, alignment_mode="contract")
        if src.start_char < cue_start
        else None
    )
    while cut is not None and len(cut) and (cut[-1].is_punct or cut[-1].is_space):
        cut = cut[:-1]
    return cut if cut is not None and len(cut) else None


def _hearer_participle(verb: Token) -> bool:
    """A bare passive participle opening an adverbial clause ("Asked about X, …", "When asked
    whether …, …"): the main clause's subject is the one addressed, not the speaker."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and not any(c.dep_ in _SUBJ_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children)
    )
