"""A sentence that lists countries in groups, each group followed by its own tier (used by
:mod:`.tiers`): "They include Burkina Faso, Madagascar, Nigeria and Zambia, all of which were placed
on the Tier 2 Watch List; and Congo-Brazzaville and Democratic Republic of Congo, moved to the Tier 3
group." The parser joins all the countries in one coordination, so the groups are read from the
words: each tier places the countries between it and the tier before it."""

from __future__ import annotations

from spacy.tokens import Span

# Words from a group's last country to its tier at most (", all of which were placed on the").
GROUP_GAP = 8


def tier_group(e: Span, countries: list[Span], markers: set[str]) -> list[Span] | None:
    """The countries of the tier's own group when its sentence lists groups this way: two tiers or
    more, each right after a group of countries and bound to it by a clause after a comma that opens
    with a ``markers`` word or a past participle (", which were moved to", ", all upgraded to",
    ", moved to"), and no country after the last tier. None for any other sentence (the tier's
    countries are then found as usual)."""
    tiers = sorted((t for t in e.sent.ents if t.label_ == "TIER"), key=lambda t: t.start)
    if len(tiers) < 2 or any(c.start >= tiers[-1].end for c in countries):
        return None
    groups, start = {}, e.sent.start
    for tier in tiers:
        group = [c for c in countries if start <= c.start and c.end <= tier.start]
        if not group or not _bound(group[-1], tier, markers):
            return None
        groups[tier.start] = group
        start = tier.end
    return groups.get(e.start)


def _bound(country: Span, tier: Span, markers: set[str]) -> bool:
    """The words from the country to the tier are a clause on the country: a comma, then a marker
    word or a past participle first (", all of which were placed on the", ", moved to the")."""
    gap = country.doc[country.end : tier.start]
    if not 1 < len(gap) <= GROUP_GAP or gap[0].text != ",":
        return False
    first = gap[1]
    # the parser often tags the participle of a reduced clause as a past tense (", moved to")
    return first.lower_ in markers or first.tag_ in ("VBN", "VBD")
