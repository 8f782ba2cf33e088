"""Who a reference names: lookups over the people and agencies a document's pipeline found.

Pure functions of plain data: ``people`` is the officials component's ``PEOPLE`` list (dicts with
``name``, ``title`` (a title id), ``organisation``, ``mentions`` as token ranges), ``person_at``
its ``PERSON_AT`` map (token index -> full name, surnames already resolved: "Jehangir" -> Ahmad
Ishaque Jehangir), and agencies are the doc's ``AGENCY`` entities (canonical name in ``ent_id_``).
No imports from the components, so the officials linker and the claim speakers can both use them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span


def last_mentioned(person_at: dict[int, str], before: int) -> str | None:
    """The person whose name was mentioned last before token ``before`` (what "he" stands for
    when nothing better is known)."""
    prior = [i for i in person_at if i < before]
    return person_at[max(prior)] if prior else None


def last_mention(person: dict, before: int) -> int:
    """Token index of ``person``'s last mention starting before ``before``; -1 if none."""
    return max((s for s, _ in person["mentions"] if s < before), default=-1)


def office_holder(people: Iterable[dict], title: str, organisation: str, before: int) -> str | None:
    """The first person, in order of first mention, who holds ``title`` at ``organisation`` and
    is mentioned before token ``before``: "the FIA DG" -> the DG of the FIA the story named."""
    return next(
        (
            p["name"]
            for p in people
            if p.get("title") == title
            and p.get("organisation") == organisation
            and last_mention(p, before) >= 0
        ),
        None,
    )


def titled_person(people: Iterable[dict], head: str, words: set[str], before: int) -> str | None:
    """The person mentioned last before token ``before`` whose title ends in ``head`` and whose
    title or organisation contains every word of ``words``: ("minister", {"interior"}) for
    "Interior Minister" -> the interior minister the story named."""
    best, best_at = None, -1
    for p in people:
        title = (p.get("title") or "").lower().split()
        if not title or head != title[-1]:
            continue
        known = " ".join(title) + " " + (p.get("organisation") or "").lower()
        if not all(w in known for w in words):
            continue
        at = last_mention(p, before)
        if at > best_at:
            best, best_at = p["name"], at
    return best


def agency_name(ent: Span) -> str:
    """The canonical name of an agency entity ("FIA" -> "Federal Investigation Agency")."""
    return ent.ent_id_ or ent.text


def last_agency(doc: Doc, end: int, fits: Callable[[Span], bool] = lambda e: True) -> str | None:
    """The canonical name of the last agency that ends by token ``end`` and ``fits`` ("it", "the
    committee", "the statement" with no issuer named)."""
    prior = [e for e in doc.ents if e.label_ == "AGENCY" and e.end <= end and fits(e)]
    return agency_name(prior[-1]) if prior else None
