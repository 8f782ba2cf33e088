"""Verdicts: each asserted year checked against the report tiers, then one verdict per claim and country.

Contract: :func:`check_assertion` gives one :class:`YearCheck` per year an
:class:`~extractors.analysis.assertions.Assertion` covers, with outcome ``supported``,
``contradicted`` or ``missing`` (no agreed report tier, or tiers a change cannot compare, such as a
special case); :func:`verdict` folds them into ``supported`` (every year checked agrees),
``contradicted`` (no year agrees, at least one disagrees), ``partly_supported`` (some years agree,
others disagree or have no report) or ``not_checkable`` (no year with a report), with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.analysis.assertions import Assertion, years_text
from extractors.analysis.reports import ReportIndex, ReportRow

__all__ = ["TIER_RANK", "YearCheck", "by_year", "check_assertion", "verdict", "year_outcome"]

TIER_RANK = {"1": 1, "2": 2, "2WL": 3, "3": 4}


@dataclass
class YearCheck:
    """One asserted year against the reports: what was claimed, what the reports say, the outcome."""

    year: int
    claimed: str
    found: str | None
    outcome: str  # supported, contradicted, missing
    rows: list[ReportRow] = field(default_factory=list)


def check_assertion(a: Assertion, country: str, index: ReportIndex) -> list[YearCheck]:
    """One check per year the assertion covers."""
    check = _check_tier if a.kind == "tier" else _check_change
    return [check(a, country, y, index) for y in a.years]


def _outcome(happened: bool, negated: bool) -> str:
    return "supported" if happened != negated else "contradicted"


def _check_tier(a: Assertion, country: str, y: int, index: ReportIndex) -> YearCheck:
    """ "on the Tier II Watch List in 2023": the 2023 report's agreed tier is 2WL (or, negated, is not)."""
    rows = list(index.at(country, y))
    now = index.tier(country, y)
    claimed = ("not " if a.negated else "") + a.tier
    if now is None:
        return YearCheck(y, claimed, _found_text(index, country, y), "missing", rows)
    return YearCheck(y, claimed, now, _outcome(now == a.tier, a.negated), rows)


def _check_change(a: Assertion, country: str, y: int, index: ReportIndex) -> YearCheck:
    """ "upgraded in 2023": the tier rose from the baseline report (2022 unless stated) to 2023's.

    Without a report for the year before, the year's own report may state the change ("was upgraded
    to Tier 2"); "removed from the watch list" means 2WL before and not 2WL after.
    """
    base_year = a.baseline if a.baseline is not None else y - 1
    rows = list(index.at(country, y)) + index.at(country, base_year)
    now, before = index.tier(country, y), index.tier(country, base_year)
    what = {"removed_from_watch_list": "removed from 2WL"}.get(a.change, a.change)
    claimed = f"{'not ' if a.negated else ''}{what} vs {base_year}"
    found = f"{before or '?'}→{now or '?'}"
    removal = a.change == "removed_from_watch_list"
    stated = index.stated_change(country, y) if base_year == y - 1 and not removal else None
    if before is None and now is not None and stated is not None:
        # no report for the year before, but this year's report says how the tier moved
        found = f"{stated} to {now} (stated in the {y} report)"
        return YearCheck(y, claimed, found, _outcome(stated == a.change, a.negated), rows)
    if now is None or before is None:
        return YearCheck(y, claimed, found if (now or before) else None, "missing", rows)
    if removal:
        happened = before == "2WL" and now != "2WL"
    else:
        actual = _change(before, now)
        if actual is None:
            return YearCheck(y, claimed, found, "missing", rows)  # special case: not comparable
        happened = actual == a.change
    return YearCheck(y, claimed, found, _outcome(happened, a.negated), rows)


def _found_text(index: ReportIndex, country: str, year: int) -> str | None:
    """ "2/2WL (reports disagree)" when a year's report rows disagree, else None."""
    tiers = sorted({r.tier for r in index.at(country, year)})
    return "/".join(tiers) + " (reports disagree)" if len(tiers) > 1 else None


def _change(before: str, now: str) -> str | None:
    """The ranking change from ``before`` to ``now`` ("2WL" -> "2" is upgraded); None when a
    special case makes the tiers incomparable."""
    if before not in TIER_RANK or now not in TIER_RANK:
        return None
    if TIER_RANK[now] == TIER_RANK[before]:
        return "unchanged"
    return "upgraded" if TIER_RANK[now] < TIER_RANK[before] else "downgraded"


def year_outcome(checks: list[YearCheck]) -> str:
    """A year's outcome over all assertions about it: any contradiction wins, then any gap."""
    outcomes = {c.outcome for c in checks}
    if "contradicted" in outcomes:
        return "contradicted"
    return "missing" if "missing" in outcomes else "supported"


def by_year(checks: list[YearCheck]) -> dict[int, list[YearCheck]]:
    """Checks grouped by year, in the order they came."""
    out: dict[int, list[YearCheck]] = {}
    for c in checks:
        out.setdefault(c.year, []).append(c)
    return out


def verdict(checks: list[YearCheck], country: str, index: ReportIndex) -> tuple[str, str]:
    """(verdict, reason) for one claim and country from its year checks, e.g. ``("partly_supported",
    "no report row for 2015; reports agree for 2016–2021")``."""
    outcome = {y: year_outcome(v) for y, v in by_year(checks).items()}
    sup = sorted(y for y, o in outcome.items() if o == "supported")
    con = sorted(y for y, o in outcome.items() if o == "contradicted")
    mis = sorted(y for y, o in outcome.items() if o == "missing")
    reason = _reason(sup, con, mis, country, index)
    if not sup and not con:
        return "not_checkable", reason
    if con and not sup:
        return "contradicted", reason
    if sup and not con and not mis:
        return "supported", reason
    return "partly_supported", reason


def _reason(sup: list[int], con: list[int], mis: list[int], country: str, index: ReportIndex) -> str:
    """ "the reports say otherwise for ...; no report row for ...; reports agree for ..."."""
    parts = []
    if con:
        parts.append(f"the reports say otherwise for {years_text(con)}")
    if mis:
        have = index.years(country)
        parts.append(
            f"no report row for {years_text(mis)}"
            + ("" if have else f" ({country} is in no report ingested)")
        )
    if sup:
        parts.append(f"reports agree for {years_text(sup)}")
    return "; ".join(parts)
