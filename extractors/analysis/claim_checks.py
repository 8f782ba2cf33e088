"""Check what a claim says about a country's TIP tier against the tier placements the reports state.

Pure: no IO. :func:`parse_assertions` reads a claim's content and returns what it asserts;
:func:`check_claim` compares those assertions with report rows (``TierPlacement``-like objects or
dicts with ``country``, ``report_year``, ``tier``, ``doc_id``, ``page``, ``source_kind`` and
optionally ``id``) and returns one :class:`ClaimCheck` per country the claim names.

What a claim can assert (clauses are cut at ``;``, ``but``/``while``/``whereas``/``although`` and
at commas that do not continue a list of years; each clause is read on its own):

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

The **end year** (what "since 2015" runs to, and what "the latest report" means): the newest
report available when the claim was published — the publication year, or the year before for
articles published before July, because reports are released in June/July — and when the
publication date is unknown, the newest report year ingested. A year the claim names explicitly
is always within range (a claim naming the 2023 report was made after it). An open "since Y"
tier span stops the year before the first year the same claim says the ranking changed
(``on the watch list since 2015, improved in 2022`` asserts 2WL for 2015–2021).

Per year the report tier is the tier every TIP row (``tip_narrative`` / ``tip_table``) for that
country and year agrees on; rows that disagree leave the year unresolved (``missing``), never
guessed. Verdict per claim and country: ``supported`` (every year checked agrees),
``contradicted`` (no year agrees, at least one disagrees), ``partly_supported`` (some years agree,
others disagree or have no report), ``not_checkable`` (nothing recognised, no country, or no
report rows for any year asserted).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import Any

from extractors.records import TABLES, stable_id

TIER_RANK = {"1": 1, "2": 2, "2WL": 3, "3": 4}
TIER_LABEL = {
    "1": "Tier 1",
    "2": "Tier 2",
    "2WL": "Tier 2 Watch List",
    "3": "Tier 3",
    "special_case": "Special Case",
}
REPORT_KINDS = ("tip_narrative", "tip_table")
# Reports come out in June/July: an article published before July can cite last year's report at most.
REPORT_RELEASE_MONTH = 7

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


# -- what a claim asserts -----------------------------------------------------------------------------
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
        yrs = _years_text(self.years)
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
    """The newest TIP report year available on an ISO publication date (None when unknown)."""
    if not published:
        return None
    m = re.match(r"\s*((?:19|20)\d{2})(?:-(\d{1,2}))?", str(published))
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) and int(m.group(2)) < REPORT_RELEASE_MONTH:
        return year - 1
    return year


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
    w = word.lower()
    if w in _NUM_WORDS:
        return _NUM_WORDS[w]
    if w in _ORD_WORDS:
        return _ORD_WORDS[w]
    digits = re.match(r"\d+", w)
    return int(digits.group()) if digits else None


def _negated(text: str, start: int) -> bool:
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


def _clause_assertions(text: str, end_year: int | None) -> list[Assertion]:
    times = _times(text)
    removal = list(REMOVAL_RE.finditer(text))
    removal_spans = [m.span() for m in removal]
    tiers = [
        (m, _TIER_GROUP[m.lastgroup])
        for m in TIER_RE.finditer(text)
        if not any(a <= m.start() < b for a, b in removal_spans)
    ]
    has_context = bool(RANKING_CONTEXT_RE.search(text))
    changes = []
    for m in CHANGE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in removal_spans):
            continue
        kind = m.lastgroup
        if kind in ("WUP", "WDOWN") and not has_context:
            continue  # "improved its law enforcement efforts" is not about the ranking
        changes.append(
            (
                m,
                {
                    "UP": "upgraded",
                    "WUP": "upgraded",
                    "DOWN": "downgraded",
                    "WDOWN": "downgraded",
                    "SAME": "unchanged",
                }[kind],
            )
        )

    # The clause's years: an open or consecutive expression wins over explicit years, which then anchor it.
    explicit = next((t for t in times if t.shape == "explicit_years"), None)
    primary = next((t for t in times if t.shape != "explicit_years"), None) or explicit
    years, shape, anchor = _resolve(primary, explicit, end_year)
    if years is None:
        return []
    phrase = text.strip()
    out: list[Assertion] = []
    for m in removal:
        out.append(
            Assertion(
                "change",
                years,
                shape,
                change="removed_from_watch_list",
                baseline=_baseline(years, shape),
                negated=_negated(text, m.start()),
                phrase=phrase,
            )
        )
    real_changes = [(m, c) for m, c in changes if c != "unchanged"]
    if real_changes:
        m, change = real_changes[0]
        neg = _negated(text, m.start())
        base = _baseline(years, shape)
        out.append(
            Assertion("change", years, shape, change=change, baseline=base, negated=neg, phrase=phrase)
        )
        for tm, tier in tiers:
            if _before(text, tm.start(), ("from", "off")):
                prev = base if base is not None else min(years) - 1
                out.append(Assertion("tier", (prev,), shape, tier=tier, phrase=phrase))
            elif tm.start() > m.start() and _before(
                text, tm.start(), ("to", "into", "onto", "on", "at", "as", "in")
            ):
                # "downgraded to Tier 3 for the second consecutive year": Tier 3 is where it ended up
                target = years[-1:] if shape == "consecutive_years" else years
                out.append(Assertion("tier", target, shape, tier=tier, negated=neg, phrase=phrase))
        return out
    if removal:
        return out
    distinct = list(dict.fromkeys(t for _, t in tiers))
    if len(distinct) != 1:
        return out  # no tier, or several tiers with no change to order them: refuse to guess
    tm = tiers[0][0]
    neg = _negated(text, tm.start())
    if changes and shape in ("explicit_years", "latest_report") and not neg:
        # "remained on Tier 2 in 2023": the report before said the same
        out.append(Assertion("change", years, shape, change="unchanged", baseline=None, phrase=phrase))
    out.append(
        Assertion(
            "tier",
            years,
            shape,
            tier=distinct[0],
            negated=neg,
            phrase=phrase,
            open_span=shape in ("since_year", "consecutive_years"),
        )
    )
    return out


def _resolve(
    primary: _Time | None, explicit: _Time | None, end_year: int | None
) -> tuple[tuple[int, ...] | None, str, int | None]:
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
    """Report a change is judged against: the year before each year (None), or before the first of several explicit years."""
    if shape == "explicit_years" and len(years) > 1:
        return min(years) - 1
    return None


def _truncate_since(assertions: list[Assertion]) -> list[Assertion]:
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


# -- the reports' side ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportRow:
    id: str
    country: str
    report_year: int
    tier: str
    doc_id: str
    page: int | None
    source_kind: str
    change: str | None = None  # what the report itself says: upgraded / downgraded / unchanged


@lru_cache(maxsize=4096)
def _norm_country(name: str) -> str:
    """'Korea, South' -> 'south korea'; 'Bahamas, The' -> 'bahamas'; accents and punctuation dropped."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    if "," in s:  # the reports' inverted form
        head, _, tail = s.partition(",")
        s = f"{tail} {head}"
    return " ".join(w for w in re.findall(r"[a-z0-9]+", s) if w != "the")


def country_aliases(gazetteer: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Normalised name or alias -> one key per country, from rows with ``name`` and ``|``-separated ``aliases``
    (models/gazetteers/countries.csv), so the reports' 'Korea, South' meets the claims' 'South Korea'."""
    out: dict[str, str] = {}
    for row in gazetteer:
        key = _norm_country(row["name"])
        for alias in [row["name"], *(row.get("aliases") or "").split("|")]:
            if alias.strip():
                out.setdefault(_norm_country(alias), key)
    return out


def country_key(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The key two spellings of one country share."""
    k = _norm_country(name)
    return (aliases or {}).get(k, k)


def _get(row: Any, name: str, default=None):
    if type(row) is dict or isinstance(row, Mapping):  # the dict test first: the Mapping check is slow
        return row.get(name, default)
    return getattr(row, name, default)


def report_rows(rows: Iterable[Any]) -> list[ReportRow]:
    """TIP-report rows (tip_narrative / tip_table) with a country and a report year."""
    out = []
    for r in rows:
        kind, year = _get(r, "source_kind"), _get(r, "report_year")
        if kind not in REPORT_KINDS or year is None or not _get(r, "country"):
            continue
        out.append(
            ReportRow(
                _get(r, "id") or "",
                _get(r, "country"),
                int(year),
                _get(r, "tier"),
                _get(r, "doc_id"),
                _get(r, "page"),
                kind,
                _get(r, "change"),
            )
        )
    return out


class ReportIndex:
    """Report rows by (country, year), with the agreed tier per year."""

    def __init__(self, rows: Iterable[Any], aliases: Mapping[str, str] | None = None):
        self.aliases = dict(aliases or {})
        self.rows: dict[tuple[str, int], list[ReportRow]] = {}
        for r in report_rows(rows):
            self.rows.setdefault((self.key(r.country), r.report_year), []).append(r)
        self.by_country: dict[str, list[int]] = {}
        for (c, y), v in sorted(self.rows.items()):
            v.sort(key=lambda r: (r.source_kind, r.doc_id, r.page or 0, r.id))
            self.by_country.setdefault(c, []).append(y)
        self.latest_year = max((y for _, y in self.rows), default=None)

    def key(self, country: str) -> str:
        return country_key(country, self.aliases)

    def at(self, country: str, year: int) -> list[ReportRow]:
        return self.rows.get((self.key(country), year), [])

    def tier(self, country: str, year: int) -> str | None:
        """The tier all rows for that year agree on; None when there is no row or they disagree."""
        tiers = {r.tier for r in self.at(country, year)}
        return tiers.pop() if len(tiers) == 1 else None

    def stated_change(self, country: str, year: int) -> str | None:
        """The change against the year before that the year's report itself states, when its rows agree."""
        changes = {r.change for r in self.at(country, year)} - {None}
        return changes.pop() if len(changes) == 1 else None

    def years(self, country: str) -> list[int]:
        return list(self.by_country.get(self.key(country), []))


# -- checking -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClaimCheck:
    """One row of ``claim_checks``: a claim about one country against the report rows."""

    claim_id: str
    country: str | None
    speaker: str | None
    asserted: str
    shapes: tuple[str, ...]
    as_of_year: int | None
    as_of_basis: str
    verdict: str
    reason: str
    years: tuple[int, ...]
    claimed: tuple[str, ...]
    found: tuple[str | None, ...]
    outcomes: tuple[str, ...]
    years_supported: tuple[int, ...]
    years_contradicted: tuple[int, ...]
    years_missing: tuple[int, ...]
    row_ids: tuple[str, ...]
    row_years: tuple[int, ...]
    row_tiers: tuple[str, ...]
    row_doc_ids: tuple[str, ...]
    row_pages: tuple[int | None, ...]
    doc_id: str
    start: int
    end: int
    page: int | None
    evidence: str
    id: str = ""

    def __post_init__(self):
        if not self.id:
            object.__setattr__(self, "id", stable_id("claim_check", self.claim_id, self.country))


def _check_schema() -> None:
    # The record and the table contract must not drift apart.
    assert {f.name for f in fields(ClaimCheck)} == set(TABLES["claim_checks"].column_names)


_check_schema()


@dataclass
class _YearCheck:
    year: int
    claimed: str
    found: str | None
    outcome: str  # supported, contradicted, missing
    rows: list[ReportRow] = field(default_factory=list)


def _check_assertion(a: Assertion, country: str, index: ReportIndex) -> list[_YearCheck]:
    out = []
    for y in a.years:
        rows = list(index.at(country, y))
        now = index.tier(country, y)
        if a.kind == "tier":
            claimed = ("not " if a.negated else "") + a.tier
            if now is None:
                out.append(_YearCheck(y, claimed, _found_text(index, country, y), "missing", rows))
                continue
            ok = (now == a.tier) != a.negated
            out.append(_YearCheck(y, claimed, now, "supported" if ok else "contradicted", rows))
            continue
        base_year = a.baseline if a.baseline is not None else y - 1
        rows += index.at(country, base_year)
        before = index.tier(country, base_year)
        what = {"removed_from_watch_list": "removed from 2WL"}.get(a.change, a.change)
        claimed = f"{'not ' if a.negated else ''}{what} vs {base_year}"
        found = f"{before or '?'}→{now or '?'}"
        stated = (
            index.stated_change(country, y)
            if base_year == y - 1 and a.change != "removed_from_watch_list"
            else None
        )
        if before is None and now is not None and stated is not None:
            # no report for the year before, but this year's report says how the tier moved
            happened = stated == a.change
            out.append(
                _YearCheck(
                    y,
                    claimed,
                    f"{stated} to {now} (stated in the {y} report)",
                    "supported" if happened != a.negated else "contradicted",
                    rows,
                )
            )
            continue
        if now is None or before is None:
            out.append(_YearCheck(y, claimed, found if (now or before) else None, "missing", rows))
            continue
        actual = _change(before, now)
        if actual is None and a.change != "removed_from_watch_list":
            out.append(_YearCheck(y, claimed, found, "missing", rows))  # special case: not comparable
            continue
        if a.change == "removed_from_watch_list":
            happened = before == "2WL" and now != "2WL"
        else:
            happened = actual == a.change
        out.append(
            _YearCheck(y, claimed, found, "supported" if happened != a.negated else "contradicted", rows)
        )
    return out


def _found_text(index: ReportIndex, country: str, year: int) -> str | None:
    tiers = sorted({r.tier for r in index.at(country, year)})
    return "/".join(tiers) + " (reports disagree)" if len(tiers) > 1 else None


def _change(before: str, now: str) -> str | None:
    if before not in TIER_RANK or now not in TIER_RANK:
        return None
    if TIER_RANK[now] == TIER_RANK[before]:
        return "unchanged"
    return "upgraded" if TIER_RANK[now] < TIER_RANK[before] else "downgraded"


def check_claim(
    claim: Any,
    rows: Iterable[Any] | ReportIndex,
    *,
    published: str | None = None,
    latest_report_year: int | None = None,
) -> list[ClaimCheck]:
    """Check one claim (a ``Claim`` or a claims-table row) against report rows: one result per country.

    Returns ``[]`` when the claim asserts nothing about tiers (and is not typed ``tier_placement``
    or ``ranking_change``). ``latest_report_year`` defaults to the newest report year in ``rows``.
    """
    index = rows if isinstance(rows, ReportIndex) else ReportIndex(rows)
    latest = latest_report_year if latest_report_year is not None else index.latest_year
    content = _get(claim, "content") or ""
    years_named = list(_get(claim, "years") or ()) + [int(y) for y in YEAR_RE.findall(content)]
    end, basis = end_year_for(published=published, claim_years=years_named, latest_report_year=latest)
    assertions = parse_assertions(content, end_year=end)
    tier_typed = _get(claim, "claim_type") in ("tier_placement", "ranking_change")
    if not assertions and not tier_typed and not _get(claim, "tiers"):
        return []
    countries = list(_get(claim, "countries") or ()) or [None]
    return [_check_country(claim, c, assertions, index, end, basis) for c in countries]


def _check_country(
    claim: Any,
    country: str | None,
    assertions: list[Assertion],
    index: ReportIndex,
    end: int | None,
    basis: str,
) -> ClaimCheck:
    asserted = "; ".join(a.describe() for a in assertions)
    shapes = tuple(dict.fromkeys(s for a in assertions for s in ((a.change or "tier"), a.shape)))
    checks: list[_YearCheck] = []
    if not assertions:
        verdict, reason = (
            "not_checkable",
            (
                "no tier, tier history or ranking change recognised in the claim"
                if end is not None
                else "no year to check: the claim names none and no report is ingested"
            ),
        )
    elif country is None:
        verdict, reason = "not_checkable", "the claim names no country"
    else:
        for a in assertions:
            checks.extend(_check_assertion(a, country, index))
        verdict, reason = _verdict(checks, country, index)
    by_year: dict[int, list[_YearCheck]] = {}
    for c in checks:
        by_year.setdefault(c.year, []).append(c)
    years = tuple(sorted(by_year))
    outcome = {y: _year_outcome(by_year[y]) for y in years}
    rows = sorted(
        {r for c in checks for r in c.rows},
        key=lambda r: (r.report_year, r.source_kind, r.doc_id, r.page or 0, r.id),
    )
    return ClaimCheck(
        claim_id=_get(claim, "id") or "",
        country=country,
        speaker=_get(claim, "speaker"),
        asserted=asserted,
        shapes=shapes,
        as_of_year=end,
        as_of_basis=basis,
        verdict=verdict,
        reason=reason,
        years=years,
        claimed=tuple(" & ".join(c.claimed for c in by_year[y]) for y in years),
        found=tuple(_join_found(by_year[y]) for y in years),
        outcomes=tuple(outcome[y] for y in years),
        years_supported=tuple(y for y in years if outcome[y] == "supported"),
        years_contradicted=tuple(y for y in years if outcome[y] == "contradicted"),
        years_missing=tuple(y for y in years if outcome[y] == "missing"),
        row_ids=tuple(r.id for r in rows),
        row_years=tuple(r.report_year for r in rows),
        row_tiers=tuple(r.tier for r in rows),
        row_doc_ids=tuple(r.doc_id for r in rows),
        row_pages=tuple(r.page for r in rows),
        doc_id=_get(claim, "doc_id") or "",
        start=_get(claim, "start") or 0,
        end=_get(claim, "end") or 0,
        page=_get(claim, "page"),
        evidence=_get(claim, "evidence") or _get(claim, "content") or "",
    )


def _join_found(checks: list[_YearCheck]) -> str | None:
    vals = list(dict.fromkeys(c.found for c in checks if c.found))
    return " & ".join(vals) if vals else None


def _year_outcome(checks: list[_YearCheck]) -> str:
    outcomes = {c.outcome for c in checks}
    if "contradicted" in outcomes:
        return "contradicted"
    return "missing" if "missing" in outcomes else "supported"


def _verdict(checks: list[_YearCheck], country: str, index: ReportIndex) -> tuple[str, str]:
    by_year: dict[int, list[_YearCheck]] = {}
    for c in checks:
        by_year.setdefault(c.year, []).append(c)
    outcome = {y: _year_outcome(v) for y, v in by_year.items()}
    sup = sorted(y for y, o in outcome.items() if o == "supported")
    con = sorted(y for y, o in outcome.items() if o == "contradicted")
    mis = sorted(y for y, o in outcome.items() if o == "missing")
    parts = []
    if con:
        parts.append(f"the reports say otherwise for {_years_text(con)}")
    if mis:
        have = index.years(country)
        parts.append(
            f"no report row for {_years_text(mis)}"
            + ("" if have else f" ({country} is in no report ingested)")
        )
    if sup:
        parts.append(f"reports agree for {_years_text(sup)}")
    reason = "; ".join(parts)
    if not sup and not con:
        return "not_checkable", reason
    if con and not sup:
        return "contradicted", reason
    if sup and not con and not mis:
        return "supported", reason
    return "partly_supported", reason


def _years_text(years: Iterable[int]) -> str:
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


def check_claims(
    claims: Iterable[Any],
    rows: Iterable[Any],
    *,
    published: Mapping[str, str | None] | None = None,
    aliases: Mapping[str, str] | None = None,
) -> list[ClaimCheck]:
    """Check every claim; ``published`` maps a claim's ``doc_id`` to its document's publication date,
    ``aliases`` (:func:`country_aliases`) lets differently spelled country names meet."""
    index = ReportIndex(rows, aliases)
    published = published or {}
    out = []
    for c in claims:
        out.extend(check_claim(c, index, published=published.get(_get(c, "doc_id"))))
    return sorted(out, key=lambda r: (r.doc_id, r.start, r.end, r.country or "", r.id))
