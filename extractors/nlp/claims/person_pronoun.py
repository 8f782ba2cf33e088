"""A person pronoun ("he", "she") as a claim's source -> the person it stands for
(:func:`person_pronoun`, a speaker step of :mod:`extractors.nlp.claims.speakers`).

Two people never fit: one the cue addresses ("“…,” he told Hannity") and one whose gender the
story shows to be the other (:func:`_gender_clash`): "he" never stands for someone the story calls
Mrs, Ms or Lady, "she" never for someone it calls Mr or Lord (BBC politics: "Mrs Jowell …" then a
shadow minister's "… he said"; "Mr Blunkett … Mrs Quinn … She denies"). The only evidence of
gender is an honorific written before a surname (the lists in ``claim_lexicon.toml``); a surname
written with both (Mr and Mrs Schlafly), or shared by two people the story names (John and Phyllis
Schlafly), shows nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from extractors.nlp.claims.lexicon import (
    _FEMALE_HONORIFICS,
    _FEMALE_PRONOUNS,
    _MALE_HONORIFICS,
    _MALE_PRONOUNS,
    _PERSON_PRONOUNS,
    _QUOTES_KEY,
)
from extractors.nlp.claims.spans import _text, quote_spans
from extractors.nlp.claims.subjects import Speaker, _one_person, _Subject


def _surnames_after(doc: Doc, honorifics: set[str]) -> set[str]:
    """Capitalised words written right after one of ``honorifics`` ("Mrs Jowell" -> "Jowell")."""
    return {
        doc[t.i + 1].text
        for t in doc[:-1]
        if t.lower_ in honorifics and doc[t.i + 1].is_title and doc[t.i + 1].is_alpha
    }


def _gender_clash(doc: Doc, pronoun: str, names: Iterable[str]) -> Callable[[str | None], bool]:
    """A test: the story shows that the person named ``name`` cannot be ``pronoun`` ("he", "she");
    ``names``: the full names of the people the story names."""
    low = pronoun.lower()
    if low in _MALE_PRONOUNS:
        same, other = _MALE_HONORIFICS, _FEMALE_HONORIFICS
    elif low in _FEMALE_PRONOUNS:
        same, other = _FEMALE_HONORIFICS, _MALE_HONORIFICS
    else:
        return lambda name: False
    shown = _surnames_after(doc, other) - _surnames_after(doc, same)
    shared = Counter(n.split()[-1] for n in set(names) if n)
    shown = {w for w in shown if shared[w] <= 1}
    return lambda name: bool(name) and name.split()[-1] in shown


def person_pronoun(s: _Subject) -> Speaker | None:
    """ "he"/"she": a named person who became the subject of a sentence after the last speaker's
    cue ("DG Qazi briefed the committee. He said …"), else the last speaker "he" can stand for,
    else the last person mentioned; never a plural group's claim."""
    if not (s.low in _PERSON_PRONOUNS and s.single):
        return None
    prev_claim = next(
        (c for c in reversed(s.earlier) if _one_person_claim(c) and not _nested(c, s.earlier)), None
    )
    # "“…,” he told Hannity": the person the cue addresses is not the one "he" stands for; nor
    # is someone the story calls Mrs ("he") or Mr ("she")
    addressed, clash = _addressed(s), _gender_clash(s.doc, s.low, s.person_at.values())

    def unfit(name: str | None) -> bool:
        return _is_addressed(name, addressed) or clash(name)

    inside = _own_quote(s)  # '“Ruth Kelly wants to ditch the Tomlinson report …,” he said'
    prior = [
        i for i in s.person_at if i < s.before and not unfit(s.person_at[i]) and not inside(s.doc[i].idx)
    ]
    after = prev_claim.cue.i if prev_claim is not None else -1
    subjects = [
        i
        for i in prior
        if i > after and s.doc[i].dep_ in ("nsubj", "nsubjpass") and s.doc[i].head.dep_ == "ROOT"
    ]
    if subjects:
        return s.person_at[max(subjects)], "person"
    if prev_claim is not None and not unfit(prev_claim.speaker[0]):
        return prev_claim.speaker
    if prior:
        return s.person_at[max(prior)], "person"
    return s.span.text, "unnamed"


def _own_quote(s: _Subject) -> Callable[[int], bool]:
    """A test: a character offset lies inside the quotation that closes right before the pronoun
    ("“…,” he said"), whose speaker is not someone the quote names."""
    doc = s.doc
    text = _text(doc)
    cached = doc.user_data.get(_QUOTES_KEY)
    quotes = cached[1] if cached and cached[0] == len(text) else quote_spans(text)
    start = s.span.start_char
    own = next(
        ((qs, qe) for qs, qe in quotes if qe <= start and not text[qe:start].strip(" ,.?!'\"”’\n")),
        None,
    )
    return (lambda pos: own[0] <= pos < own[1]) if own else (lambda pos: False)


def _addressed(s: _Subject) -> set[str]:
    """People named as the cue's object ("he told Hannity", "she asked Mr Khan"): their full names
    and the proper nouns written (a name no component resolved)."""
    cue = s.doc[s.before] if s.before < len(s.doc) else None
    if cue is None:
        return set()
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")]
    words = [t for o in objects for t in o.subtree]
    return {s.person_at.get(t.i, t.text) for t in words if t.i in s.person_at or t.pos_ == "PROPN"}


def _is_addressed(name: str | None, addressed: set[str]) -> bool:
    return bool(name) and (name in addressed or name.split()[-1] in addressed)


def _nested(c, earlier: list) -> bool:
    """``c`` is attributed inside another claim's content or in an aside ("…, as Field Marshal
    Asim Munir has promised, …" in Kidwai's keynote): the next "he" is still the main speaker."""
    if any(t.dep_ == "mark" and t.lower_ == "as" for t in c.cue.children):
        return True
    return any(o is not c and o.start <= c.cue_start < o.end for o in earlier)


def _one_person_claim(c) -> bool:
    """The claim's speaker is one person: named, or unnamed but singular ("the official"), not a
    group ("particularly Afghan nationals", "officials") and not another pronoun."""
    name, kind = c.speaker
    if name is None:
        return False
    if kind == "person":
        return True
    return (
        kind == "unnamed"
        and name.lower() not in _PERSON_PRONOUNS | {"they", "we", "i", "you"}
        and (c.src is None or _one_person(c.src))
    )
