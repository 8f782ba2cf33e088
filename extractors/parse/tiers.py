"""Tier names in text -> the canonical tier (``1``, ``2``, ``2WL``, ``3``, ``special_case``).

Contract: :func:`normalize_tier` takes a text that is exactly a tier name, :func:`find_tier` finds
the first one in a text, :func:`tier_from_text` reads the tier (and report year) a short text states.
Spellings vary ("Tier II Watch List", "Tier-2 watch list", "Tier Two", "Special Cases"); results
never do. ``TIER_EXPR`` is the pattern behind all three, for rules that need a tier inside a phrase.
"""

from __future__ import annotations

import re

__all__ = ["TIER_EXPR", "find_tier", "normalize_tier", "tier_code", "tier_from_text"]

_NUMBER = {
    "1": "1",
    "i": "1",
    "one": "1",
    "2": "2",
    "ii": "2",
    "two": "2",
    "3": "3",
    "iii": "3",
    "three": "3",
}
TIER_EXPR = (
    r"(?:tier[\s\-]*(?P<n>1|2|3|iii|ii|i|one|two|three)(?![\w\-])(?P<wl>[\s\-]*watch[\s\-]*list)?"
    r"|(?P<sc>special[\s\-]+cases?))"
)
_TIER_RE = re.compile(r"(?<![\w\-])" + TIER_EXPR + r"(?![\w\-])", re.I)
_TIER_FULL = re.compile(r"\s*" + TIER_EXPR + r"\s*", re.I)


def tier_code(m: re.Match) -> str:
    """The canonical tier of a match of ``TIER_EXPR``: "Tier II Watch List" -> "2WL", "Tier Two"
    -> "2", "Special Cases" -> "special_case"."""
    if m.group("sc"):
        return "special_case"
    n = _NUMBER[m.group("n").lower()]
    if m.group("wl"):
        return "2WL" if n == "2" else n  # "Tier 3 watch list" does not exist; keep the number
    return n


def normalize_tier(text: str) -> str | None:
    """Canonical tier (``1``, ``2``, ``2WL``, ``3``, ``special_case``) when ``text`` is exactly a tier name.

    Accepts "Tier 1", "TIER 2", "Tier 2 Watch List", "Tier II Watch List", "Tier-2 watch list",
    "Tier Two", "Special Case(s)"; anything else gives None.
    """
    m = _TIER_FULL.fullmatch(text)
    return tier_code(m) if m else None


def find_tier(text: str) -> tuple[str, int, int] | None:
    """The first tier name in ``text``: (canonical tier, start, end), or None."""
    m = _TIER_RE.search(text)
    return (tier_code(m), m.start(), m.end()) if m else None


_YEAR_PAREN = re.compile(r"\((?:19|20)\d{2}\)")
_REPORT_URL_YEAR = re.compile(r"reports/((?:19|20)\d{2})-trafficking-in-persons-report", re.I)
_STATEMENT = re.compile(
    r"\b(?:upgraded\s+to|downgraded\s+to|remain(?:s|ed)?\s+on|placed\s+on|(?:is|was)\s+on|ranked(?:\s+on)?)\s+(?:the\s+)?"
    + TIER_EXPR,
    re.I,
)


def tier_from_text(text: str) -> tuple[str, int | None] | None:
    """(tier, report year or None) that a short text states, or None when it states none.

    Made for entries such as the CIA Factbook's "Trafficking in persons" field: the tier is the one
    named right after "tier rating:"; the year is the first "(YYYY)" after it, or the year in a
    ``state.gov/reports/YYYY-trafficking-in-persons-report`` link. Without a "tier rating:" label,
    a placement statement ("remained on Tier 2 Watch List", "was upgraded to Tier 2") wins over the
    first tier mentioned.
    """
    label = re.search(r"tier\s+rating\s*:", text, re.I)
    tier = None
    rest = text
    if label:
        rest = text[label.end() :]
        found = find_tier(rest[:200])
        if found:
            tier = found[0]
    if tier is None:
        m = _STATEMENT.search(rest)
        if m:
            tier = tier_code(m)
        else:
            found = find_tier(rest)
            if found is None:
                return None
            tier = found[0]
    year = None
    m = _YEAR_PAREN.search(rest)
    if m:
        year = int(m.group()[1:-1])
    else:
        m = _REPORT_URL_YEAR.search(text)
        if m:
            year = int(m.group(1))
    return tier, year
