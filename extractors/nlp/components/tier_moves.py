"""Moves within a sentence, for :mod:`extractors.nlp.components.tiers`: which tier of a country is
its destination and which are where it was, and the direction of a move that names both."""

from __future__ import annotations


def destinations(links: list[dict]) -> list[dict]:
    """Within a sentence, per country: a tier the country is moved to ("upgraded Thailand
    ... to Tier 2", "downgraded again to the Tier 2 watch list") is its placement, and its other
    tiers there are where it was ("... remained in the Tier 2 Watch List for the last three
    years"); a bare "watch list"/"blacklist" beside a tier of the same country restates that
    tier ("upgraded to Tier two list, a watch list"). An earlier tier (``_earlier``) stays only
    with years of its own before the destination's (:meth:`TierLinker._dated`: "From 2013 to
    2016, Sri Lanka was placed in the Tier 2 Watch List ... and upgraded to Tier 2 in 2017")."""
    out = []
    for link in links:
        same = [o for o in links if o["country"] == link["country"] and o["sentence"] == link["sentence"]]
        other = [o for o in same if o["tier"] != link["tier"] and not o["_from"]]
        if link["_weak"] and any(not o["_weak"] for o in other) and not link["_from"]:
            continue
        link["_earlier"] = not link["_from"] and not link["_moved"] and any(o["_moved"] for o in other)
        if link["_moved"] and link["change"] is None:  # "moved from Tier 2 to the Tier 2 Watch List"
            link["change"] = _direction([o["tier"] for o in same if o["_from"]], link["tier"])
        out.append(link)
    return out


def same_tiers(links: list[dict]) -> list[dict]:
    """A tier written as "the same rank" (``tiers.jsonl`` id ``same``: "Malaysia's downgrade returns it
    to the same rank it occupied in 2015 and 2016") is the tier of the country's nearest link before
    it that is not where it was moved from (the Tier 2 Watch List it was "downgraded again to"); with
    none, it is left out."""
    out = []
    for link in links:
        if link["tier"] == SAME:
            before = [
                o
                for o in links
                if o["country"] == link["country"]
                and o["tier"] != SAME
                and not o["_from"]
                and o["end"] <= link["start"]
            ]
            if not before:
                continue
            link["tier"] = max(before, key=lambda o: o["start"])["tier"]
            link["_weak"] = False  # a tier named by reference, not a bare "watch list"
        out.append(link)
    return out


# the id of a tier written as "the same rank" (``tiers.jsonl``)
SAME = "same"

_RANK = {"3": 0, "2WL": 1, "2": 2, "1": 3}


def _direction(sources: list[str], destination: str) -> str | None:
    """Upgraded or downgraded, from the order of the tiers when a move names where it was."""
    ranks = {_RANK[t] for t in sources if t in _RANK}
    if len(ranks) != 1 or destination not in _RANK:
        return None
    was, now = ranks.pop(), _RANK[destination]
    return None if was == now else "upgraded" if now > was else "downgraded"
