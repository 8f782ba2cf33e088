"""Speaker steps for source phrases that count people of a body or name a person after a label.

* :func:`counted_members`: "Some Republicans", "26 percent of Democrats", "many in the GOP", "two
  of the three members of Congress" count people of a body: an unnamed speaker, never the body.
* :func:`labelled_name`: a name the recognisers missed after its title or party, "President Xi",
  "fellow Tory David Heathcoat-Amory", "Lib Dem Norman Baker": that person, never the party and
  never an organisation named by the whole phrase; not a body's name ("Downing Street Strategy
  Unit": a word of ``org_keywords.csv``).
"""

from __future__ import annotations

from extractors.nlp.claims.lexicon import _COUNTING_WORDS, _ORG_KEYWORDS
from extractors.nlp.claims.subjects import Speaker, _Subject
from extractors.nlp.ents import ents_within


def _counts(tok) -> bool:
    return tok.lower_ in _COUNTING_WORDS or (tok.like_num and tok.ent_type_ in ("", "CARDINAL", "PERCENT"))


def counted_members(s: _Subject) -> Speaker | None:
    """A phrase opening with a count or quantifier ("Some", "26 percent of", "two of") whose head
    is people of a named body or a plural name: the people, unnamed."""
    span, root = s.span, s.root
    first = span[1] if span[0].lower_ == "the" and len(span) > 1 else span[0]
    if not _counts(first) or first.i == root.i and len(span) == 1:
        return None
    if s.agency is not None and s.agency.start <= first.i < s.agency.end:
        return None  # "10 Downing Street"
    if s.agency is None and not (root.tag_ == "NNPS" or root.lower_ in _COUNTING_WORDS):
        return None
    return span.text, "unnamed"


def labelled_name(s: _Subject) -> Speaker | None:
    """A name no recogniser tagged, headed by the phrase's root and preceded by a title or a
    body's name as its modifier ("President Xi", "Fellow Lib Dem Norman Baker"): the person, as
    the words after the label."""
    span, root = s.span, s.root
    if root.pos_ != "PROPN" or root.ent_type_ not in ("", "PERSON") or root.i != span.end - 1:
        return None
    labels = [e for e in ents_within(span) if e.label_ in ("TITLE", "AGENCY") and e.end <= root.i]
    if not labels or any(
        e.label_ not in ("TITLE", "AGENCY") and e.start <= root.i < e.end for e in ents_within(span)
    ):
        return None
    start = labels[-1].end
    name = span.doc[start : root.i + 1]
    if not 1 <= len(name) <= 4 or any(
        t.head.i != root.i and t.i != root.i for t in name if t.dep_ != "punct"
    ):
        return None
    if any(t.lower_ in _ORG_KEYWORDS for t in name) or not all(t.is_title or t.is_punct for t in name):
        return None  # "The Downing Street Strategy Unit"
    if s.finder.shape.clean(name) is None:
        return None
    return name.text, "person"
