"""Lists of bodies: the kind a bare acronym takes from the body listed next to it.

"Bureau of Immigration (BI), POEA, DOLE and the DFA": a bare acronym the recogniser marks is a body
of its neighbour's kind (:func:`listed_kind`, read by :mod:`agency_model`). A body after the
acronym that is the subject of its own clause starts a new sentence part, not the next item of a
list: "The previous PML-N government counted on CPEC; the PTI had hopes ..." (CPEC is a
programme, not a party).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

# Separators of a list of bodies ("POEA, DOLE, DFA, DSWD and the DOJ").
LIST_SEPARATORS = {",", "and", "or", "/", "&", ";"}
# The dependency labels of a clause's subject: a body that is one opens its own clause.
_SUBJECTS = {"nsubj", "nsubjpass"}


def separated(doc: Doc, i: int, step: int) -> int | None:
    """From token ``i`` walking by ``step``: the first token past a list separator (and an article),
    or None when no separator is there."""
    k, seen = i, False
    while (
        0 <= k < len(doc) and abs(k - i) < 3 and (doc[k].lower_ in LIST_SEPARATORS or doc[k].lower_ == "the")
    ):
        seen = seen or doc[k].lower_ in LIST_SEPARATORS
        k += step
    return k if seen and 0 <= k < len(doc) else None


def listed_kind(doc: Doc, span: Span, bodies: list[Span], info: dict) -> str | None:
    """The kind of the body listed right before or after ``span`` ("(BI), POEA, DOLE and the DFA"),
    or None when no body is its neighbour in a list. A body after it that is a clause's subject
    ("CPEC; the PTI had hopes") is no list neighbour."""
    ends = {b.end: b for b in bodies}
    starts = {b.start: b for b in bodies}
    neighbours = []
    k = separated(doc, span.start - 1, -1)
    if k is not None:
        neighbours.append(ends.get(k + 1))
        if doc[k].text == ")" and k >= 3 and doc[k - 2].text == "(":
            neighbours.append(ends.get(k - 2))  # "Bureau of Immigration (BI), POEA"
    j = separated(doc, span.end, 1)
    if j is not None and (after := starts.get(j)) is not None and after.root.dep_ not in _SUBJECTS:
        neighbours.append(after)
    for body in neighbours:
        if body is not None:
            return (info.get(body.id_ or body.ent_id_) or {}).get("kind") or "other"
    return None
