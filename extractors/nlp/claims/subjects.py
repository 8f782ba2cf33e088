"""A claim's source phrase as the speaker steps see it (:class:`_Subject`), and predicates on it.

Pure functions of a parsed doc and the officials component's ``PERSON_AT``; no resolution here
(that is :mod:`extractors.nlp.claims.speakers` and :mod:`extractors.nlp.resolve`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import _COMPLAINANT_HEADS, _PARTITIVES, _PERSON_HEADS, _UNNAMED_HEADS
from extractors.nlp.components.officials import PERSON_AT
from extractors.nlp.ents import ents_within

Speaker = tuple[str | None, str]


@dataclass
class _Subject:
    """A source span with what the steps ask of it, each computed once when first asked."""

    finder: object
    doc: Doc
    span: Span
    before: int
    earlier: list

    @cached_property
    def person_at(self) -> dict[int, str]:
        return self.doc.user_data.get(PERSON_AT, {})

    @cached_property
    def root(self) -> Token:
        """The head noun; of a partitive, the group after "of" ("Some of the sacked FIA officials")."""
        root = self.span.root
        if root.lower_ not in _PARTITIVES:
            return root
        return next(
            (
                g
                for c in root.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            root,
        )

    @property
    def low(self) -> str:
        return self.root.lower_

    @property
    def lead(self) -> Token:
        """The phrase's first word after a leading article ("the Police Spokesperson" -> "Police")."""
        span = self.span
        return span[1] if span[0].lower_ in ("the", "a", "an") and len(span) > 1 else span[0]

    @property
    def single(self) -> bool:
        return len(self.span) == 1

    @cached_property
    def spoken(self) -> list[Speaker]:
        """The resolved speakers of the claims before, the latest first."""
        return [c.speaker for c in reversed(self.earlier) if c.speaker[0] is not None]

    @cached_property
    def definite(self) -> bool:
        """A short definite phrase without a name or agency: "the minister", "The committee",
        or a bare title ("Interior Minister"), not "a senior official"."""
        subj = self.span
        bare_title = all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") for t in subj) and not any(
            e.label_ in ("AGENCY", "PERSON", "GPE") for e in ents_within(subj)
        )
        return (
            (subj[0].lower_ in ("the", "this") or (bare_title and subj[0].lower_ not in ("a", "an")))
            and len(subj) <= 4
            and not any(e.label_ in ("AGENCY", "PERSON") for e in ents_within(subj))
        )

    @cached_property
    def office(self) -> Span | None:
        """The TITLE entity the phrase is headed by ("the FIA DG"), or that with its body is the
        whole phrase ("Secretary MoHR", parsed with the root on the body)."""
        subj, root = self.span, self.root
        office = next(
            (t for t in ents_within(subj) if t.label_ == "TITLE" and t.start <= root.i < t.end), None
        )
        if office is None and any(t.label_ == "TITLE" for t in ents_within(subj)):
            in_ent = {
                i for e in ents_within(subj) if e.label_ in ("TITLE", "AGENCY") for i in range(e.start, e.end)
            }
            if all(t.i in in_ent or t.lower_ in ("the", "of", "a", "an") for t in subj):
                office = next(t for t in ents_within(subj) if t.label_ == "TITLE")
        return office

    @cached_property
    def agency(self) -> Span | None:
        """The first AGENCY entity in the phrase."""
        return next((e for e in ents_within(self.span) if e.label_ == "AGENCY"), None)


# -- what the phrase is ------------------------------------------------


def definite_core(span: Span) -> Span:
    """A definite phrase without the modifier after its first comma, when its head comes before
    it: "the institute, dependent on the Ministry of the Interior (Interior)" -> "the institute"
    (the body named in the aside is not the speaker); "The NRF, led by Ahmad Shah Masoud"; "The
    senator, who previously served as …". A name or noun after the comma stays ("the
    investigating officer, Ameer Ali Khoso"; "The Secretary, Ministry of Railways")."""
    if len(span) < 3 or span[0].lower_ not in ("the", "this"):
        return span
    comma = next((t.i for t in span[1:] if t.text == ","), None)
    if comma is None or comma + 1 >= span.end or not span.start < span.root.i < comma:
        return span
    if span.doc[comma + 1].pos_ not in ("ADJ", "VERB", "ADP", "PRON", "SCONJ"):
        return span
    return span.doc[span.start : comma]


def _one_person(src: Span) -> bool:
    """A source "he"/"she" can stand for: one person ("the official", "A deputy attorney general",
    "the complainant", "the investigating officer"), not a group ("particularly Afghan nationals")
    or a thing ("the briefing presented by the DG")."""
    root = src.root
    if root.tag_ in ("NNS", "NNPS"):
        return False
    low = root.lower_
    heads = _PERSON_HEADS | _UNNAMED_HEADS | _COMPLAINANT_HEADS
    # "an official privy to the development" is parsed with "privy" as its root
    if any(t.lower_ in heads for t in src[: root.i - src.start + 1]) or any(
        e.label_ == "TITLE" and e.start <= root.i < e.end for e in ents_within(src)
    ):
        return True
    if root.ent_type_ == "PERSON" or (root.pos_ == "PROPN" and not root.ent_type_):
        return True  # a name the officials component did not resolve ("…, Ambreen Jan")
    # agent nouns: doctor, lawyer, resident
    return low.endswith(("er", "or", "ist", "ant", "ent", "man", "woman", "person"))


def _headed(name: str, head: str) -> bool:
    """The body's name has ``head`` as its head noun: "Senate Standing Committee on Interior",
    "Ministry of Interior" for committee/ministry, not "Sindh Local Government Department" for
    government."""
    words = name.lower().replace(",", " ").split()
    if words and words[-1] == head:
        return True
    first = next((i for i, w in enumerate(words) if w in ("of", "on", "for") and i > 0), None)
    return first is not None and words[first - 1] == head


def _name_head(doc: Doc, tok: Token, person_at: dict) -> Token:
    """The token of ``tok``'s name whose head lies outside the name."""
    seen = set()
    while (
        tok.head.i in person_at
        and person_at[tok.head.i] == person_at[tok.i]
        and tok.head.i != tok.i
        and tok.i not in seen
    ):
        seen.add(tok.i)
        tok = tok.head
    return tok


def _in_clause(tok: Token, root: Token) -> bool:
    """``tok`` hangs from ``root`` through a clause ("presided over by X", "who met X")."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in ("acl", "relcl", "advcl"):
            return True
        tok = tok.head
    return False
