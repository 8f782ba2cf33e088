"""What a claim asserts about a country's TIP tier: tiers in some years, ranking changes, removals.

Contract of :func:`parse_assertions`: a claim's content (and the end year open expressions run to)
in, one :class:`Assertion` per checkable statement out, in clause order; nothing when the content
states no tier or change, or states several tiers with no change to order them (refuse to guess).

Clauses are cut at ``;``, ``but``/``while``/``whereas``/``although`` and at commas that do not
continue a list of years; each clause is read on its own. What a clause can assert:

* a **tier in some years** — ``on the Tier II Watch List since 2015`` (since-year),
  ``for the third consecutive year`` / ``for three years in a row`` / ``in the last two years``
  (consecutive years ending at the year the clause names, else the claim's end year),
  ``in the 2022 and 2023 reports`` / ``in 2019, 2020 and 2021`` (explicit years),
  ``from 2018 to 2021`` / ``2018-2021`` (a range); a tier with no time at all refers to the latest
  report (the end year). ``remained``/``retained``/``stayed`` with explicit years also asserts the
  same tier in the report before.
* a **ranking change** — upgraded / downgraded (``improved``, ``moved up``, ``demoted``,
  ``dropped`` ...; the weak words ``improved``, ``better``, ``rose``, ``fell``, ``dropped``,
  ``slipped``, ``declined``, ``worsened`` count only in a clause about a ranking, tier, watch list,
  rating, position or status), ``from Tier X`` / ``to Tier Y`` inside a change clause, and
  **removal from the watch list**. A change in one year is judged against the report of the year
  before; a change stated for several explicit years (``improved in the 2022 and 2023 reports``)
  is judged against the report before the first of them; a change "for the second consecutive
  year" is judged year by year. Removal means the tier was 2WL before and is not 2WL in that year.
* negation (``not``, ``never``, ``n't`` just before a tier or change word) turns the check around.

The **end year** (:func:`end_year_for`; what "since 2015" runs to, and what "the latest report"
means): the newest report available when the claim was published — the publication year once that
year's report is out, else the year before, by the release days in
``models/gazetteers/tip_report_releases.csv`` (the file the tier components read: 2015 on 27 July,
2022 on 19 July, 2025 at the end of September; a year not listed is taken out on 15 June) — and
when the publication date is unknown, the newest report year ingested. A year the claim names
explicitly is always within range (a claim naming the 2023 report was made after it). An open
"since Y" tier span stops the year before the first year the same claim says the ranking changed
(``on the watch list since 2015, improved in 2022`` asserts 2WL for 2015–2021).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.assets import MODELS_DIR
from extractors.tip_releases import release_days as read_release_days
from extractors.tip_releases import report_year_at as report_year_on

__all__ = [
    "Assertion",
    "YEAR_RE",
    "clauses",
    "end_year_for",
    "parse_assertions",
    "report_year_at",
    "years_text",
]

# The day each report came out; an article published before it cites the year before's report.
RELEASES_FILE = "gazetteers/tip_report_releases.csv"

_Y = r"(?:19|20)\d{2}"
_NUM_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_ORD_WORDS = {
    w: i + 2
    for i, w in enumerate(
        "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
    )
}
_N = r"(?:\d{1,2}|" + "|".join(_NUM_WORDS) + r")"
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(_ORD_WORDS) + r")"

TIER_RE = re.compile(
    r"(?P<WL>\btier[\s-]*(?:2|ii|two)[\s-]*watch[\s-]*list(?:ed)?\b|\b(?:t)?2wl\b|\bwatch[\s-]*list\b)"
    r"|(?P<T1>\btier[\s-]*(?:1|i|one)\b|\b(?:first|top|highest)\s+tier\b)"
    r"|(?P<T2>\btier[\s-]*(?:2|ii|two)\b|\bsecond\s+tier\b)"
    r"|(?P<T3>\btier[\s-]*(?:3|iii|three)\b|\b(?:third|lowest|bottom)\s+tier\b)"
    r"|(?P<SC>\bspecial\s+cases?\b)",
    re.I,
)
_TIER_GROUP = {"WL": "2WL", "T1": "1", "T2": "2", "T3": "3", "SC": "special_case"}

SINCE_RE = re.compile(rf"\bsince\s+(?:the\s+)?(?:year\s+)?(?P<y>{_Y})\b", re.I)
RANGE_RE = re.compile(
    rf"\b(?:from|between)\s+(?:the\s+)?(?P<a>{_Y})\s+(?:to|and|until|till|through|thru)\s+(?:the\s+)?(?P<b>{_Y})\b"
    rf"|\b(?P<c>{_Y})\s*[-–]\s*(?P<d>{_Y}|\d{{2}})\b",
    re.I,
)
CONSEC_RE = re.compile(
    rf"\bfor\s+(?:the\s+)?(?P<ord>{_ORD})\s+(?:consecutive|straight|successive|running)\s+(?:year|time|report)\b"
    rf"|\bfor\s+(?:the\s+)?(?P<ord2>{_ORD})\s+(?:year|time)\s+in\s+a\s+row\b"
    rf"|\bfor\s+(?:(?:the\s+)?(?:past|last)\s+)?(?P<n>{_N})\s+(?:consecutive|straight|successive|running)\s+(?:years|reports)\b"
    rf"|\bfor\s+(?P<n2>{_N})\s+(?:years|reports)\s+(?:in\s+a\s+row|running)\b"
    rf"|\b(?:for|in|over)\s+the\s+(?:past|last)\s+(?P<n3>{_N})\s+(?:years|reports)\b",
    re.I,
)
YEAR_RE = re.compile(rf"\b{_Y}\b")

_STRONG_UP = r"upgrad\w*|promot\w*|elevat\w*|moved\s+up|move\s+up|moving\s+up|bumped\s+up"
_STRONG_DOWN = r"downgrad\w*|demot\w*|relegat\w*|moved\s+down|move\s+down|moving\s+down|pushed\s+down"
_WEAK_UP = r"improv\w*|better(?:ed)?|rose|risen|rising|climb\w*"
_WEAK_DOWN = r"fell|fallen|falling|dropp\w*|drop|slipp\w*|slid|declin\w*|worsen\w*|deteriorat\w*"
_SAME = r"remain\w*|retain\w*|stay\w*|stayed|maintain\w*"
CHANGE_RE = re.compile(
    rf"\b(?:(?P<UP>{_STRONG_UP})|(?P<DOWN>{_STRONG_DOWN})|(?P<WUP>{_WEAK_UP})|(?P<WDOWN>{_WEAK_DOWN})|(?P<SAME>{_SAME}))\b",
    re.I,
)
REMOVAL_RE = re.compile(
    r"\b(?:remov\w*(?:\s+\w+){0,2}?\s+from|taken\s+off|came\s+off|come\s+off|got\s+off|moved\s+off|"
    r"out\s+of|exit\w*(?:\s+from)?|no\s+longer\s+on)\s+(?:the\s+)?(?:us\s+|u\.s\.\s+)?"
    r"(?:tier[\s-]*(?:2|ii|two)[\s-]*)?watch[\s-]*list\b",
    re.I,
)
RANKING_CONTEXT_RE = re.compile(
    r"\b(?:rank\w*|tier\w*|watch[\s-]*list|rating\w*|position\w*|status|standing|placement\w*|grade\w*)\b",
    re.I,
)
NEGATION_RE = re.compile(r"(?:\b(?:not|never|no)\b|n't)\s+(?:\w+\s+){0,3}$", re.I)
_CLAUSE_SPLIT_RE = re.compile(
    rf";|\s+(?:but|while|whereas|although|though|yet)\s+|,(?!\s*(?:and\s+|or\s+)?(?:the\s+)?{_Y})"
    rf"|\s+and\s+(?!(?:the\s+)?(?:{_Y}|tier\b|tiers\b))",
    re.I,
)


# -- what a clause asserts --------------------------------------------------------------------------
@dataclass(frozen=True)
class Assertion:
    """One checkable statement about a country's tier.

    ``kind`` is ``tier`` (the country was on ``tier`` in each of ``years``), ``change``
    (``change`` = upgraded / downgraded / unchanged / removed_from_watch_list in each of ``years``,
    compared with the report of ``baseline`` — or of the year before when ``baseline`` is None) .
    ``negated`` turns the statement around. ``shape`` says how the years were stated.
    """

    kind: str
    years: tuple[int, ...]
    shape: str  # since_year, consecutive_years, explicit_years, year_range, latest_report
    tier: str | None = None
    change: str | None = None
    baseline: int | None = None
    negated: bool = False
    phrase: str = ""
    open_span: bool = False  # a tier held "since Y" / "for N consecutive years" (not the target of a change)

    def describe(self) -> str:
        yrs = years_text(self.years)
        neg = "not " if self.negated else ""
        if self.kind == "tier":
            return f"{neg}{self.tier} in {yrs} ({self.shape})"
        what = {"removed_from_watch_list": "removed from the watch list"}.get(self.change, self.change)
        base = f" vs {self.baseline}" if self.baseline is not None else " vs the year before"
        return f"{neg}{what} in {yrs}{base} ({self.shape})"


@dataclass(frozen=True)
class _Time:
    start: int
    end: int
    shape: str
    years: tuple[int, ...] = ()  # explicit years or a closed range
    since: int | None = None
    count: int | None = None  # consecutive years


def report_year_at(published: str | None) -> int | None:
    """The newest TIP report year out on an ISO publication date (None when unknown): the date's
    year from that year's release day on, else the year before; a bare year is that year."""
    if not published:
        return None
    m = re.match(r"\s*((?:19|20)\d{2})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(published))
    if not m:
        return None
    year = int(m.group(1))
    if not m.group(2):
        return year
    return report_year_on((year, int(m.group(2)), int(m.group(3) or 1)), release_days())


@lru_cache(maxsize=1)
def release_days() -> dict[int, tuple[int, int]]:
    """The release days of :data:`RELEASES_FILE` under the models folder (read once)."""
    return read_release_days(str(MODELS_DIR / RELEASES_FILE))


def end_year_for(
    *, published: str | None, claim_years: Iterable[int], latest_report_year: int | None
) -> tuple[int | None, str]:
    """(end year, basis): see the module docstring for the rule."""
    base, basis = report_year_at(published), f"published {published}"
    if base is None:
        base, basis = latest_report_year, "latest report ingested"
    named = max(claim_years, default=None)
    if named is not None and (base is None or named > base):
        return named, "latest year the claim names"
    return base, basis


def clauses(content: str) -> list[tuple[int, str]]:
    """(offset, text) of each clause of ``content``."""
    out, pos = [], 0
    for m in _CLAUSE_SPLIT_RE.finditer(content):
        out.append((pos, content[pos : m.start()]))
        pos = m.end()
    out.append((pos, content[pos:]))
    return [(o, t) for o, t in out if t.strip()]


def _times(text: str) -> list[_Time]:
    """Time expressions of a clause, left to right, none overlapping: "since 2015" (since_year),
    "from 2018 to 2021" / "2018-21" (year_range), "for the third consecutive year" (consecutive_years),
    and the remaining bare years ("in the 2022 and 2023 reports") as one explicit_years."""
    found: list[_Time] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in SINCE_RE.finditer(text):
        found.append(_Time(m.start(), m.end(), "since_year", since=int(m.group("y"))))
        taken.append(m.span())
    for m in RANGE_RE.finditer(text):
        if not free(*m.span()):
            continue
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        a_i = int(a)
        b_i = int(b) if len(b) == 4 else int(a[:2] + b)
        if b_i >= a_i:
            found.append(_Time(m.start(), m.end(), "year_range", years=tuple(range(a_i, b_i + 1))))
            taken.append(m.span())
    for m in CONSEC_RE.finditer(text):
        word = next(g for g in m.groups() if g)
        n = _count(word)
        if n and n > 0:
            found.append(_Time(m.start(), m.end(), "consecutive_years", count=n))
            taken.append(m.span())
    explicit = [m for m in YEAR_RE.finditer(text) if free(*m.span())]
    if explicit:
        found.append(
            _Time(
                explicit[0].start(),
                explicit[-1].end(),
                "explicit_years",
                years=tuple(sorted({int(m.group()) for m in explicit})),
            )
        )
    return sorted(found, key=lambda t: t.start)


def _count(word: str) -> int | None:
    """ "three" -> 3, "third" -> 3, "3rd" -> 3; None when the word is no count."""
    w = word.lower()
    if w in _NUM_WORDS:
        return _NUM_WORDS[w]
    if w in _ORD_WORDS:
        return _ORD_WORDS[w]
    digits = re.match(r"\d+", w)
    return int(digits.group()) if digits else None


def _negated(text: str, start: int) -> bool:
    """A negation just before ``start``: "has not been upgraded", "was never on the watch list"."""
    return bool(NEGATION_RE.search(text[max(0, start - 40) : start]))


def _before(text: str, start: int, words: tuple[str, ...]) -> bool:
    """Is the phrase at ``start`` introduced by one of ``words`` (optionally followed by 'the')?"""
    return bool(
        re.search(
            r"\b(?:" + "|".join(words) + r")\s+(?:the\s+)?(?:us\s+)?$", text[max(0, start - 20) : start], re.I
        )
    )


def parse_assertions(content: str, *, end_year: int | None) -> list[Assertion]:
    """Everything ``content`` asserts about tiers, tier histories and ranking changes.

    ``end_year`` is what open time expressions run to ("since 2015", "for the third consecutive
    year", a tier with no year); when it is None those assertions are left out.
    """
    out: list[Assertion] = []
    for _, text in clauses(content):
        out.extend(_clause_assertions(text, end_year))
    return _truncate_since(out)


_CHANGE_OF = {
    "UP": "upgraded",
    "WUP": "upgraded",
    "DOWN": "downgraded",
    "WDOWN": "downgraded",
    "SAME": "unchanged",
}
_INTO = ("to", "into", "onto", "on", "at", "as", "in")


def _clause_assertions(text: str, end_year: int | None) -> list[Assertion]:
    """What one clause asserts: removals from the watch list, then either the first real change
    (with the tiers it moved from and to) or the one tier the clause names.

    "was removed from the Tier 2 Watch List in 2022" -> removed_from_watch_list in 2022;
    "downgraded to Tier 3 for the second consecutive year" -> downgraded in both years and Tier 3 in
    the last; "upgraded from the watch list to Tier 2 in 2023" -> 2WL in 2022, Tier 2 in 2023;
    "remained on Tier 2 in 2023" -> unchanged in 2023 and Tier 2 in 2023;
    "on the Tier II Watch List since 2015" -> 2WL from 2015 to the end year.
    """
    removal = list(REMOVAL_RE.finditer(text))
    removal_spans = [m.span() for m in removal]
    tiers = _tier_mentions(text, removal_spans)
    changes = _change_mentions(text, removal_spans)
    years, shape = _clause_years(text, end_year)
    if years is None:
        return []
    base = _baseline(years, shape)
    phrase = text.strip()
    out = [
        Assertion("change", years, shape, change="removed_from_watch_list", baseline=base,
                  negated=_negated(text, m.start()), phrase=phrase)
        for m in removal
    ]  # fmt: skip
    real_changes = [(m, c) for m, c in changes if c != "unchanged"]
    if real_changes:
        return out + _change_assertions(text, real_changes[0], tiers, years, shape)
    if removal:
        return out
    return out + _held_tier(text, tiers, bool(changes), years, shape)


def _tier_mentions(text: str, removal_spans: list[tuple[int, int]]) -> list[tuple[re.Match, str]]:
    """(match, canonical tier) of each tier named outside a removal phrase."""
    return [
        (m, _TIER_GROUP[m.lastgroup])
        for m in TIER_RE.finditer(text)
        if not any(a <= m.start() < b for a, b in removal_spans)
    ]


def _change_mentions(text: str, removal_spans: list[tuple[int, int]]) -> list[tuple[re.Match, str]]:
    """(match, change) of each change word outside a removal phrase; weak words only in a clause
    about the ranking ("improved its law enforcement efforts" is not about the ranking)."""
    has_context = bool(RANKING_CONTEXT_RE.search(text))
    changes = []
    for m in CHANGE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in removal_spans):
            continue
        if m.lastgroup in ("WUP", "WDOWN") and not has_context:
            continue
        changes.append((m, _CHANGE_OF[m.lastgroup]))
    return changes


def _clause_years(text: str, end_year: int | None) -> tuple[tuple[int, ...] | None, str]:
    """(years, shape) the clause speaks of; an open or consecutive expression wins over explicit
    years, which then anchor it ("for the third consecutive year in 2023" -> 2021-2023)."""
    times = _times(text)
    explicit = next((t for t in times if t.shape == "explicit_years"), None)
    primary = next((t for t in times if t.shape != "explicit_years"), None) or explicit
    years, shape, _ = _resolve(primary, explicit, end_year)
    return years, shape


def _change_assertions(
    text: str,
    first: tuple[re.Match, str],
    tiers: list[tuple[re.Match, str]],
    years: tuple[int, ...],
    shape: str,
) -> list[Assertion]:
    """The change, the tier it came "from"/"off" (the report before) and the tier it went "to"."""
    m, change = first
    phrase = text.strip()
    neg = _negated(text, m.start())
    base = _baseline(years, shape)
    out = [Assertion("change", years, shape, change=change, baseline=base, negated=neg, phrase=phrase)]
    for tm, tier in tiers:
        if _before(text, tm.start(), ("from", "off")):
            prev = base if base is not None else min(years) - 1
            out.append(Assertion("tier", (prev,), shape, tier=tier, phrase=phrase))
        elif tm.start() > m.start() and _before(text, tm.start(), _INTO):
            # "downgraded to Tier 3 for the second consecutive year": Tier 3 is where it ended up
            target = years[-1:] if shape == "consecutive_years" else years
            out.append(Assertion("tier", target, shape, tier=tier, negated=neg, phrase=phrase))
    return out


def _held_tier(
    text: str, tiers: list[tuple[re.Match, str]], stayed: bool, years: tuple[int, ...], shape: str
) -> list[Assertion]:
    """The one tier a clause without a change names ("on the Tier II Watch List since 2015"), and
    with "remained"/"stayed" and explicit years also that the report before said the same."""
    distinct = list(dict.fromkeys(t for _, t in tiers))
    if len(distinct) != 1:
        return []  # no tier, or several tiers with no change to order them: refuse to guess
    neg = _negated(text, tiers[0][0].start())
    phrase = text.strip()
    out = []
    if stayed and shape in ("explicit_years", "latest_report") and not neg:
        # "remained on Tier 2 in 2023": the report before said the same
        out.append(Assertion("change", years, shape, change="unchanged", baseline=None, phrase=phrase))
    open_span = shape in ("since_year", "consecutive_years")
    out.append(
        Assertion("tier", years, shape, tier=distinct[0], negated=neg, phrase=phrase, open_span=open_span)
    )
    return out


def _resolve(
    primary: _Time | None, explicit: _Time | None, end_year: int | None
) -> tuple[tuple[int, ...] | None, str, int | None]:
    """(years, shape, anchor year) of a clause: "since 2015" runs to the end year (or the latest
    explicit year); "for the third consecutive year" ends at the explicit year or the end year; no
    time at all means the latest report; None when an open expression has no end year."""
    if primary is None:
        return ((end_year,), "latest_report", end_year) if end_year is not None else (None, "", None)
    if primary.shape == "since_year":
        end = end_year if explicit is None else max(end_year or 0, max(explicit.years))
        if end is None or end < primary.since:
            end = primary.since
        return tuple(range(primary.since, end + 1)), "since_year", end
    if primary.shape == "consecutive_years":
        end = max(explicit.years) if explicit is not None else end_year
        if end is None:
            return None, "", None
        return tuple(range(end - primary.count + 1, end + 1)), "consecutive_years", end
    return primary.years, primary.shape, max(primary.years)


def _baseline(years: tuple[int, ...], shape: str) -> int | None:
    """Report a change is judged against: the year before each year (None), or the year before the
    first of several explicit years ("improved in the 2022 and 2023 reports" -> 2021)."""
    if shape == "explicit_years" and len(years) > 1:
        return min(years) - 1
    return None


def _truncate_since(assertions: list[Assertion]) -> list[Assertion]:
    """Open tier spans stop before the first change the same claim states: "on the watch list since
    2015 ... improved in 2022" asserts 2WL for 2015-2021, not through 2023."""
    change_years = [
        y
        for a in assertions
        if a.kind == "change" and a.change != "unchanged" and not a.negated
        for y in a.years
    ]
    if not change_years:
        return assertions
    first = min(change_years)
    out = []
    for a in assertions:
        if a.kind == "tier" and a.open_span and not a.negated and min(a.years) < first <= max(a.years):
            if a.shape == "since_year":  # "on the watch list since 2015 ... improved in 2022": 2015-2021
                years = tuple(y for y in a.years if y < first)
            else:  # "on the watch list for three years in a row, upgraded this year": the three years before
                years = tuple(range(first - len(a.years), first))
            a = replace(a, years=years)
        out.append(a)
    return out


def years_text(years: Iterable[int]) -> str:
    """Years as runs: (2015, 2016, 2017, 2019) -> "2015–2017, 2019"; two years in a row -> "2015, 2016"."""
    ys = sorted(set(years))
    if not ys:
        return "no year"
    runs, start, prev = [], ys[0], ys[0]
    for y in ys[1:]:
        if y == prev + 1:
            prev = y
            continue
        runs.append((start, prev))
        start = prev = y
    runs.append((start, prev))
    return ", ".join(f"{a}" if a == b else (f"{a}, {b}" if b == a + 1 else f"{a}–{b}") for a, b in runs)
