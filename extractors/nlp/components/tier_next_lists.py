"""A tier whose countries are listed in the next sentence, for :mod:`.tiers`: "Six of the 25
countries on the Tier 2 Watch List lose their waiver. They are Chad, Malaysia and Thailand."

The list sentence must really continue the tier's sentence: it opens with a ``next_list`` phrase
("They are", "Those countries include") and names no tier of its own, and the tier's sentence
names that one tier, speaks of countries in the plural (``generic``: "countries", "nations") and
names no country the tier could place itself.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

# The list starts right after the opener ("They are the Maldives, ..."), not somewhere later.
MAX_GAP = 2


def next_sentence(doc: Doc, sent: Span) -> Span | None:
    """The sentence after ``sent``, skipping sentences of white space only (paragraph breaks)."""
    i = sent.end
    while i < len(doc):
        nxt = doc[i].sent
        if nxt.text.strip():
            return nxt
        i = nxt.end
    return None


def listed_next(
    doc: Doc, e: Span, by_sent: dict[int, list[Span]], openers: list[tuple[str, ...]], plurals: set[str]
) -> list[Span]:
    """The countries the sentence after the tier's lists for it (see the module docstring); the
    caller has already found no country in the tier's own sentence. The list starts at most
    :data:`MAX_GAP` words after the opener and ends at the sentence's next verb ("They are Chad,
    Malaysia and Thailand, which ..."), not taking countries the sentence names later."""
    nxt = next_sentence(doc, e.sent) if _speaks_of_countries(e, plurals) else None
    if nxt is None or any(x.label_ == "TIER" for x in nxt.ents):
        return []
    opener = _opener(nxt, openers)
    countries = [g for g in by_sent.get(nxt.start, ()) if g.label_ == "GPE" and g.ent_id_]
    first = next(t.i for t in nxt if not t.is_space)
    if opener is None or not countries or countries[0].start - first - len(opener) > MAX_GAP:
        return []
    # the list ends at the next verb ("They are Chad and Laos, which Malaysia joined": not Malaysia)
    verb = next((t.i for t in nxt if t.i >= first + len(opener) and t.pos_ in ("VERB", "AUX")), nxt.end)
    return [g for g in countries if g.start < verb]


def _speaks_of_countries(e: Span, plurals: set[str]) -> bool:
    """The tier's sentence names that one tier and speaks of countries in the plural."""
    sent = e.sent
    one_tier = len({t.ent_id_ for t in sent.ents if t.label_ == "TIER"}) == 1
    return one_tier and any(t.lower_ in plurals and t.tag_ == "NNS" for t in sent)


def _opener(nxt: Span, openers: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The ``next_list`` phrase the sentence opens with, if any."""
    words = tuple(t.lower_ for t in nxt if not t.is_space)
    return next((p for p in openers if words[: len(p)] == p), None)


def listed_after_semicolon(e: Span, countries: list[Span], openers: list[tuple[str, ...]]) -> list[str]:
    """Countries a clause after a semicolon in the tier's sentence adds to the countries the tier
    places, opening with one of ``openers`` ("Russia and Iran were among 22 countries ranked as
    Tier 3; others included China and Syria"): those up to the clause's next verb, at most
    :data:`MAX_GAP` words after the opener; none when the rest of the sentence names a tier."""
    sent = e.sent
    semi = next((t.i for t in sent if t.i >= e.end and t.text == ";"), None)
    if semi is None or any(x.label_ == "TIER" and x.start > semi for x in sent.ents):
        return []
    words = tuple(t.lower_ for t in sent.doc[semi + 1 : sent.end] if not t.is_space)
    opener = next((p for p in openers if words[: len(p)] == p), None)
    if opener is None:
        return []
    first = semi + 1 + len(opener)
    verb = next((t.i for t in sent.doc[first : sent.end] if t.pos_ in ("VERB", "AUX")), sent.end)
    after = [g for g in countries if first <= g.start < verb]
    if not after or after[0].start - first > MAX_GAP:
        return []
    return [g.ent_id_ for g in after]


def heads_countries(e: Span, plurals: set[str]) -> bool:
    """The tier modifies a plural ``generic`` noun before any verb ("six of the 25 countries on
    the Tier 2 Watch List would lose ...", "Tier 3 countries face ..."): whatever the clause says
    of those countries, they are on that tier."""
    t = e.root
    while t.head is not t and t.pos_ not in ("VERB", "AUX"):
        t = t.head
        if t.lower_ in plurals and t.tag_ == "NNS":
            return True
    return False
