"""A name introduced as another official's counterpart ("Mr Blair held talks with his Israeli
counterpart, Ariel Sharon"; "Foreign Minister X met his Uzbek counterpart Y"): the same office in
another country, so the title of the nearest person named before in the sentence. Their body is
kept only when it is a portfolio's ministry, whose canonical name is every country's ("Ministry of
Foreign Affairs"); any other body (an embassy, a force) is that person's own, not the counterpart's.
The role is weak: a title written at the counterpart's own name elsewhere wins ("his Polish
counterpart X" ... "Deputy Prime Minister X").
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.context import Context
from extractors.nlp.components.officials.keys import WEAK

_POSSESSIVES = ("his", "her", "their")


def counterpart(ctx: Context, span: Span, people: dict[str, dict], person_at: dict[int, str]) -> tuple | None:
    """(title, organisation, strength, qualifier) for ``span`` written after "his/her [nationality]
    counterpart[,]" (``role_cues.csv`` ``counterpart``), from the person the roster holds (``people``,
    ``person_at``) named last before it in the sentence; None when there is no such construction or
    that person has no title."""
    doc, sent = ctx.doc, span.sent
    k = span.start - 1
    if k > sent.start and doc[k].text == ",":
        k -= 1
    if k <= sent.start or doc[k].lower_ not in ctx.lex.skip_words("counterpart"):
        return None
    k -= 1
    while k > sent.start and ctx.ent(k, "NORP", "GPE") is not None:
        k -= 1
    if doc[k].lower_ not in _POSSESSIVES:
        return None
    key = next((person_at[i] for i in range(k - 1, sent.start - 1, -1) if i in person_at), None)
    person = people.get(key) if key is not None else None
    if person is None or not person["title"]:
        return None
    org = person["organisation"]
    return person["title"], org if org and org.startswith("Ministry of") else None, WEAK, ""
