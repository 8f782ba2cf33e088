"""The years written around a tier mention, for :mod:`.tier_years`: the sentence's years (one-token
ranges "2013–2016" included), the one nearest to the tier, the years joined to it (coordinated,
listed, or bounding a range), "since 2013", and a paragraph's closing "(2008)"."""

from __future__ import annotations

import re

from spacy.tokens import Span

# A range longer than this is not one run of report years ("from 1999 to 2025" in a history).
MAX_RANGE = 12


_RANGE_WORDS = ("to", "through", "until", "till", "-", "–", "—")


_RANGE_TOKEN = re.compile(r"^((?:19|20)\d\d)[-–—]((?:19|20)\d\d)$")


def edge_distance(a: Span, b: Span) -> int:
    """Tokens between two spans ("Tier 3 country in 2019": 2 from the tier to the year)."""
    return a.start - b.end if b.end <= a.start else max(b.start - a.end, 0)


def nearest_year(e: Span, years: list[Span], lo: int | None = None, hi: int | None = None) -> Span | None:
    """The year nearest to the tier (tokens between them), among those starting in [lo, hi)."""
    lo = e.sent.start if lo is None else lo
    hi = e.sent.end if hi is None else hi
    inside = [y for y in years if lo <= y.start < hi]
    return min(inside, key=lambda y: (edge_distance(e, y), y.start)) if inside else None


def joined_years(y: Span, years: list[Span]) -> list[int]:
    """The year with the years coordinated with it and the years of a range it bounds:
    "2014 and 2015" -> [2014, 2015]; "from 2013 to 2016", "2013-2016" -> [2013, ..., 2016]."""
    span = _RANGE_TOKEN.match(y.text)
    if span:
        first, last = int(span[1]), int(span[2])
        return list(range(first, last + 1)) if 0 < last - first <= MAX_RANGE else [first, last]
    by_token = {s.start: int(s.text) for s in years if not _RANGE_TOKEN.match(s.text)}
    out = {int(y.text)}
    group = [y.root, *y.root.conjuncts]
    out |= {by_token[t.i] for t in group if t.i in by_token}
    out |= {by_token[i] for i in _listed(y, by_token)}
    ends = sorted(out)
    lo, hi = _range_end(y, by_token, -1), _range_end(y, by_token, 1)
    if lo is not None:
        ends.append(lo)
    if hi is not None:
        ends.append(hi)
    first, last = min(ends), max(ends)
    between = _between(y, group)
    if (lo is not None or hi is not None or between) and 0 < last - first <= MAX_RANGE:
        out |= set(range(first, last + 1))
    return sorted(out)


def _range_end(y: Span, by_token: dict[int, int], step: int) -> int | None:
    """The other end of a range written "2013 to 2016" / "2013-2016" (step 1: after the year)."""
    doc = y.doc
    word, other = y.start + step, y.start + 2 * step
    if not (0 <= other < len(doc)) or doc[word].lower_ not in _RANGE_WORDS or other not in by_token:
        return None
    return by_token[other]


def _between(y: Span, group: list) -> bool:
    """ "between 2017 and 2019": two coordinated years after "between"."""
    first = min(t.i for t in group)
    return len(group) == 2 and first > 0 and y.doc[first - 1].lower_ == "between"


def since(y: Span) -> bool:
    """The year starts a period running to now ("on Tier 2 since 2013", "since June 2013")."""
    doc, i = y.doc, y.start
    month = i > 1 and doc[i - 1].is_title and doc[i - 1].is_alpha and doc[i - 2].lower_ == "since"
    return (i > 0 and doc[i - 1].lower_ == "since") or month


# How many heads above a year :func:`since_event` looks for its "since" (year -> in -> upgrade -> since).
_SINCE_REACH = 3


def since_event(y: Span) -> bool:
    """The year dates an event that opens a period running to now ("on Tier 2 since its upgrade in
    2019", "since being upgraded in 2019", "since it was upgraded in 2019"): a "since" heads one of
    the year's first few heads, or marks one of them."""
    t = y.root
    for _ in range(_SINCE_REACH):
        if t.head is t:
            return False
        t = t.head
        if t.lower_ == "since" or any(c.lower_ == "since" and c.dep_ == "mark" for c in t.children):
            return True
    return False


def starts_period(y: Span) -> bool:
    """The year opens a period with no end written ("for three consecutive years from 2015", "since
    2013"): the tier was not held the year before it."""
    doc, i = y.doc, y.start
    open_end = not (y.end + 1 < len(doc) and doc[y.end].lower_ in _RANGE_WORDS)
    return since(y) or (i > 0 and doc[i - 1].lower_ == "from" and open_end)


_LIST_WORDS = (",", "and", "&")


def _listed(y: Span, by_token: dict[int, int]) -> list[int]:
    """Token positions of the years written in one list with this one ("2016 and 2017 reports",
    "In 2020, 2021 and this year"), whatever the parse made of them."""
    doc, out = y.doc, []
    for step in (-1, 1):
        i = y.start
        while True:
            j = i + step
            while 0 <= j < len(doc) and doc[j].lower_ in _LIST_WORDS and abs(j - i) <= 2:
                j += step
            if j == i + step or j not in by_token:
                break
            out.append(j)
            i = j
    return out


def sentence_years(sent: Span) -> list[Span]:
    """The sentence's YEAR entities and its year ranges written as one token ("2013–2016")."""
    return [
        Span(sent.doc, t.i, t.i + 1, label="YEAR")
        for t in sent
        if t.ent_type_ == "YEAR" or _RANGE_TOKEN.match(t.text)
    ]


def next_tier(e: Span) -> int:
    """Where the next tier of the sentence starts (its end when there is none)."""
    return min((t.start for t in e.sent.ents if t.label_ == "TIER" and t.start >= e.end), default=e.sent.end)


def cited_year(e: Span) -> int | None:
    """The year in brackets that closes the tier's paragraph: the date of the statement ("tier
    rating: Tier 3 - ... victims of trafficking (2008)"), over other years the paragraph names."""
    doc = e.doc
    end = e.end
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    j = end - 1
    while j > e.end and (doc[j].is_space or (doc[j].is_punct and doc[j].text != ")")):
        j -= 1
    if j - 2 < e.end or doc[j].text != ")" or doc[j - 2].text != "(" or doc[j - 1].ent_type_ != "YEAR":
        return None
    return int(doc[j - 1].text)
