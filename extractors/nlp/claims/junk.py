"""Sources that cannot have said anything: the claim is dropped (``ClaimFinder._kept``).

A relative possessive ("countries whose governments are seeing a sign": the clause describes the
countries), a tier or status ("Tier 3 status indicates …") and a date or year ("2005 offers the
chance …") are no speakers; what the parser took for a claim there is a description.
"""

from __future__ import annotations

from extractors.nlp.claims.lexicon import _STATUS_WORDS


def junk_source(c) -> bool:
    """The claim's source phrase is one of the module docstring's non-speakers."""
    src = c.src
    if src is None or not len(src):
        return False
    root = src.root
    if src[0].lower_ == "whose" or root.ent_type_ == "TIER" or _date(src, root):
        return True
    return root.lower_ in _STATUS_WORDS and any(t.ent_type_ == "TIER" for t in src)


def _date(src, root) -> bool:
    """A year, month, week or day as the head ("2005 offers", "The last week has shown"), not a
    share the model tags as a date ("Three-quarters said")."""
    if root.ent_type_ not in ("DATE", "YEAR"):
        return False
    return root.shape_ == "dddd" or root.lower_ in _TIME_WORDS or any(t.text in _MONTHS for t in src)


_TIME_WORDS = {"year", "years", "week", "weeks", "month", "months", "day", "days", "decade", "today"}
_MONTHS = set("January February March April May June July August September October November December".split())
