"""A person's name inside a longer source phrase, and a short name of someone who spoke before.

Speaker steps for :mod:`extractors.nlp.claims.speakers` when the officials component did not
resolve the name (the base model's NER often tags names as organisations):

* :func:`name_in_phrase`: the phrase gives a role and a name, the name is the speaker ("Mr Ambrose
  Dery, Minister for the Interior" -> Ambrose Dery; "BP2MI's Main Secretary, Rinardi" -> Rinardi;
  "Labour's Jess Phillips, shadow minister for safeguarding"; "external affairs ministry
  spokesperson Navtej Sarna"; "Acting Director General of the Public Authority of Manpower Rabab
  Al-Osaimi"). A name after a preposition is someone else's ("a spokesman for Michael Howard").
* :func:`earlier_name`: "Dery", "Mr Dery", "Suardana" -> the full name of a person who spoke
  before (``resolve.resolve`` over the earlier person speakers).

A name is a run of capitalised proper nouns (hyphenated parts joined) that is no title, place,
nationality, acronym or possessor, with its leading English words dropped ("Manpower Rabab
Al-Osaimi" -> "Rabab Al-Osaimi"); a one-word name needs a word that is no English word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.nlp.claims.lexicon import _ORG_HEADS, _PERSON_HEADS
from extractors.nlp.claims.subjects import Speaker
from extractors.nlp.resolve import resolve

_NOT_NAME_ENTS = ("GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "TIER", "TITLE")
_BEFORE_NO_NAME = ("ADP", "CCONJ")  # "a spokesman for Michael Howard", "Sittingbourne and Sheppey"


def _name_token(t: Token, honorifics: set[str]) -> bool:
    """A token that can be part of a person's name: capitalised, a proper noun or unknown word,
    not an acronym, title, place or honorific."""
    if not t.is_alpha or not t.text[:1].isupper() or _acronym(t.text):
        return False
    if t.ent_type_ in _NOT_NAME_ENTS or t.lower_.rstrip(".") in honorifics:
        return False
    return t.pos_ == "PROPN"


def _acronym(text: str) -> bool:
    """ "FIA", "MoHR", "BP2MI": more than one capital, not "McDonald" or "MacKay"."""
    body = text[3:] if text.startswith("Mac") else text[2:] if text.startswith("Mc") else text[1:]
    return any(c.isupper() for c in body)


def _runs(span: Span, honorifics: set[str]) -> list[tuple[int, int]]:
    """Maximal runs of name tokens in ``span`` as token ranges; "Al-Osaimi" stays one run."""
    doc, out, start = span.doc, [], None
    for t in span:
        hyphen_inside = (
            t.text == "-"
            and start is not None
            and not t.whitespace_
            and t.i + 1 < span.end
            and _name_token(doc[t.i + 1], honorifics)
        )
        if _name_token(t, honorifics) or hyphen_inside:
            start = t.i if start is None else start
            continue
        if start is not None:
            out.append((start, t.i))
        start = None
    if start is not None:
        out.append((start, span.end))
    return out


def _english(t: Token, words: set[str]) -> bool:
    return t.lower_ in words or t.lemma_.lower() in words


def _trim(span: Span, start: int, end: int, words: set[str], honorifics: set[str]) -> tuple[int, int] | None:
    """The run without leading English words when two name words stay ("Manpower Rabab
    Al-Osaimi"; not after an honorific or at the phrase start: "Mr Ambrose Dery"); None when
    nothing left is a name, or the run is a possessor ("Labour's")."""
    doc = span.doc
    if end < len(doc) and doc[end].tag_ == "POS":
        return None
    lead = start > span.start and doc[start - 1].lower_.rstrip(".") not in honorifics
    while lead and _english(doc[start], words) and sum(t.is_alpha for t in doc[start + 1 : end]) >= 2:
        start += 1
    if all(_english(t, words) for t in doc[start:end] if t.is_alpha) and doc[start].ent_type_ != "PERSON":
        return None
    if end < span.end and not doc[end].is_punct:
        return None  # "Gender, Children and Social Protection"
    if doc[end - 1].lower_ in _ORG_HEADS:
        return None  # "Investigation Agency"
    in_body = start > span.start and doc[start - 1].ent_type_ == "AGENCY"
    if in_body and sum(t.is_alpha for t in doc[start:end]) < 2:
        return None  # "FIA Gujranwala": the body's name goes on
    return start, end


def _role_given(span: Span, start: int, end: int, honorifics: set[str]) -> bool:
    """The phrase says who the person is besides the name: a title, a person head or an
    honorific ("Mr Ambrose Dery, Minister …", "spokesperson Navtej Sarna")."""
    outside = [t for t in span if not start <= t.i < end]
    return any(
        t.ent_type_ == "TITLE" or t.lower_ in _PERSON_HEADS or t.lower_.rstrip(".") in honorifics
        for t in outside
    )


def name_in_phrase(s) -> Speaker | None:
    """The person named in a phrase that also gives their role (see the module docstring)."""
    span, shape = s.span, s.finder.shape
    if len(span) < 2:
        return None
    doc = span.doc
    for start, end in _runs(span, shape.honorifics):
        trimmed = _trim(span, start, end, shape.words, shape.honorifics)
        if trimmed is None:
            continue
        a, b = trimmed
        prev = doc[a - 1] if a > span.start else None
        if prev is not None and prev.pos_ in _BEFORE_NO_NAME:
            continue
        if not _role_given(span, a, b, shape.honorifics):
            continue
        return doc[a:b].text, "person"
    return None


def earlier_full_name(s, name: str) -> str | None:
    """The full name of an earlier person speaker ``name`` is a short form of."""
    people = {sp[0]: {} for sp in s.spoken if sp[1] == "person" and sp[0]}
    by_surname = {k.split()[-1]: k for k in people if len(k.split()) > 1}
    found = resolve(name, people, by_surname)
    return found if found and len(found) > len(name) else None


def earlier_name(s) -> Speaker | None:
    """ "Dery", "Mr Dery": a short form of a person who spoke before -> that person."""
    span, honorifics = s.span, s.finder.shape.honorifics
    words = [t for t in span if t.lower_.rstrip(".") not in honorifics and not t.is_punct]
    if not words or len(words) > 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return None
    full = earlier_full_name(s, " ".join(t.text for t in words))
    return (full, "person") if full else None
