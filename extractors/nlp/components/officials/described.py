"""A role written as a definite description beside a person's name, not at it.

News leads name a role and the person in neighbouring sentences: "… visited Mr Blair. Climate
change was an issue the prime minister wanted to progress". A definite description written in lower
case as an argument of its clause ("the prime minister", "the chancellor", "the work and pensions
minister") of an office with one holder (a title of office, ``no_org``; an office its country gives
a body, ``offices.csv``; a title with its portfolio) that nobody in the document holds goes to the
person the story is about: the untitled person named at least twice as often as any other, when
they are named in one of the two sentences before it or in the one after it. Not when a person is
named in the description's own sentence ("Mr Howard said the chancellor …": someone else), nor for
a former or weak title (but a party's leader is one: "the Liberal Democrat leader").
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.context import Context
from extractors.nlp.components.officials.keys import WEAK
from extractors.nlp.components.officials.orgs import premods

_ARGUMENT = ("nsubj", "nsubjpass", "dobj", "pobj")  # not a possessor, conjunct or compound


def descriptions(ctx: Context, roster) -> None:  # roster: linker.Roster (no import: no cycle)
    """Give the story's untitled person the definite description next to their name (see the
    module), in document order; one holder per title."""
    doc, people, person_at = ctx.doc, roster.people, roster.person_at
    sents = list(doc.sents)
    sent_of = {tok.i: n for n, s in enumerate(sents) for tok in s}
    for e in doc.ents:
        if e.label_ != "TITLE" or any(p["title"] == e.ent_id_ for p in people.values()):
            continue
        found = _described(ctx, e, person_at)
        if found is None:
            continue
        n = sent_of[e.start]
        if any(i in person_at for i in range(sents[n].start, sents[n].end)):
            continue
        near = {
            person_at[i]
            for m in (n - 2, n - 1, n + 1)
            if 0 <= m < len(sents)
            for i in range(sents[m].start, sents[m].end)
            if i in person_at
        }
        key = _protagonist(people)
        if key is not None and key in near:
            roster.give_role(key, (e.ent_id_, found[0], WEAK))


def _protagonist(people: dict) -> str | None:
    """The untitled person named at least twice as often as any other untitled person (with two
    people of a story untitled, "the prime minister" may be either)."""
    counts = sorted(((len(p["mentions"]), k) for k, p in people.items() if not p["title"]), reverse=True)
    if not counts or len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return None
    return counts[0][1]


def _described(ctx: Context, e: Span, person_at: dict[int, str]) -> tuple[str | None] | None:
    """(organisation,) when ``e`` is a definite description of an office with one holder, else
    None: "the prime minister" (None,), "the work and pensions minister" (the department,)."""
    doc, lex, tid = ctx.doc, ctx.lex, e.ent_id_
    if not all(t.is_lower for t in e) or e.root.dep_ not in _ARGUMENT:
        return None
    if any(i in person_at for i in range(e.start, e.end)):
        return None
    nxt = doc[e.end] if e.end < len(doc) else None
    if nxt is not None and nxt.is_alpha and (nxt.is_title or lex.is_honorific(nxt)):
        return None  # a title before a name
    org, start = premods(ctx, e)
    party = ctx.doc.user_data.get(AGENCY_INFO, {}).get(org or "", {}).get("kind") == "party"
    if lex.is_weak(tid) and not party:
        return None  # a weak title, but "the Liberal Democrat leader": a party has one
    if ctx.ent(start, "AGENCY") is not None and not party:
        return None  # "the ISPR director general": an agency's head, not an office of state
    if org is not None:
        start = _portfolio_start(doc, e, start)
    if start < 1 or doc[start - 1].lower_ != "the" or lex.is_former(doc, start):
        return None
    if org is not None:
        return (None if lex.info(tid).get("no_org") else org,)
    if lex.info(tid).get("no_org"):
        return (None,)
    office = lex.offices.implied(ctx.country, tid)
    return (office,) if office else None


def _portfolio_start(doc, e: Span, start: int) -> int:
    """ "the work and pensions minister": where the portfolio's lower-case words begin (at most four
    before the title; the article that opens the description is not one of them)."""
    while (
        start > 0
        and start >= e.start - 4
        and doc[start - 1].is_lower
        and doc[start - 1].is_alpha
        and doc[start - 1].lower_ != "the"
    ):
        start -= 1
    return start
