"""Check what a claim says about a country's TIP tier against the tier placements the reports state.

Pure: no IO. :func:`check_claims` (and :func:`check_claim` for one claim) reads each claim's content
for what it asserts (:mod:`extractors.analysis.assertions`: tiers in some years, ranking changes,
removals from the watch list, up to an end year), compares each asserted year with the report rows
(:mod:`extractors.analysis.reports`: ``TierPlacement``-like objects or dicts with ``country``,
``report_year``, ``tier``, ``doc_id``, ``page``, ``source_kind`` and optionally ``id``) and returns
one :class:`ClaimCheck` per country the claim names, with a verdict
(:mod:`extractors.analysis.verdicts`): ``supported``, ``contradicted``, ``partly_supported`` or
``not_checkable``. The rules and their examples are in those modules' docstrings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from extractors.analysis.assertions import (
    YEAR_RE,
    Assertion,
    clauses,
    end_year_for,
    parse_assertions,
    report_year_at,
)
from extractors.analysis.reports import REPORT_KINDS, ReportIndex, country_aliases, country_key, get
from extractors.analysis.topic import tip_topic
from extractors.analysis.verdicts import YearCheck, by_year, check_assertion, verdict, year_outcome
from extractors.records import TABLES, stable_id

__all__ = [
    "REPORT_KINDS",
    "TIER_LABEL",
    "Assertion",
    "ClaimCheck",
    "ReportIndex",
    "check_claim",
    "check_claims",
    "clauses",
    "country_aliases",
    "country_key",
    "end_year_for",
    "parse_assertions",
    "report_year_at",
]

TIER_LABEL = {
    "1": "Tier 1",
    "2": "Tier 2",
    "2WL": "Tier 2 Watch List",
    "3": "Tier 3",
    "special_case": "Special Case",
}


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


def check_claim(
    claim: Any,
    rows: Iterable[Any] | ReportIndex,
    *,
    published: str | None = None,
    latest_report_year: int | None = None,
    tip_document: bool = True,
) -> list[ClaimCheck]:
    """Check one claim (a ``Claim`` or a claims-table row) against report rows: one result per country.

    Returns ``[]`` when the claim asserts nothing about tiers (and is not typed ``tier_placement``
    or ``ranking_change``). ``latest_report_year`` defaults to the newest report year in ``rows``.
    A claim that is not about the TIP ranking (:func:`extractors.analysis.topic.tip_topic`; its
    document speaks of the TIP report unless ``tip_document`` is false) is ``not_checkable``:
    "ranked 117 out of 180 on Transparency International's index" is not contradicted by a tier.
    """
    index = rows if isinstance(rows, ReportIndex) else ReportIndex(rows)
    latest = latest_report_year if latest_report_year is not None else index.latest_year
    content = get(claim, "content") or ""
    years_named = list(get(claim, "years") or ()) + [int(y) for y in YEAR_RE.findall(content)]
    end, basis = end_year_for(published=published, claim_years=years_named, latest_report_year=latest)
    assertions = parse_assertions(content, end_year=end)
    tier_typed = get(claim, "claim_type") in ("tier_placement", "ranking_change")
    if not assertions and not tier_typed and not get(claim, "tiers"):
        return []
    countries = list(get(claim, "countries") or ()) or [None]
    _, why = tip_topic(content, get(claim, "evidence") or "", tip_document)
    return [_check_country(claim, c, assertions, index, end, basis, why) for c in countries]


def _check_country(
    claim: Any,
    country: str | None,
    assertions: list[Assertion],
    index: ReportIndex,
    end: int | None,
    basis: str,
    not_tip: str = "",
) -> ClaimCheck:
    """The claim's assertions about one country checked year by year, as one ``claim_checks`` row
    (``not_checkable`` with ``not_tip`` as the reason when the claim is not about the TIP ranking)."""
    if not_tip:
        checks, verdict_, reason = [], "not_checkable", not_tip
    else:
        checks, verdict_, reason = _judge(country, assertions, index, end)
    return ClaimCheck(
        country=country,
        asserted="; ".join(a.describe() for a in assertions),
        shapes=tuple(dict.fromkeys(s for a in assertions for s in ((a.change or "tier"), a.shape))),
        as_of_year=end,
        as_of_basis=basis,
        verdict=verdict_,
        reason=reason,
        **_claim_columns(claim),
        **_year_columns(checks),
        **_row_columns(checks),
    )


def _judge(
    country: str | None, assertions: list[Assertion], index: ReportIndex, end: int | None
) -> tuple[list[YearCheck], str, str]:
    """(year checks, verdict, reason); nothing to check without assertions or a country."""
    if not assertions:
        if end is None:
            return [], "not_checkable", "no year to check: the claim names none and no report is ingested"
        return [], "not_checkable", "no tier, tier history or ranking change recognised in the claim"
    if country is None:
        return [], "not_checkable", "the claim names no country"
    checks: list[YearCheck] = []
    for a in assertions:
        checks.extend(check_assertion(a, country, index))
    return (checks, *verdict(checks, country, index))


def _claim_columns(claim: Any) -> dict[str, Any]:
    """The columns copied from the claim: its id, speaker and evidence."""
    return {
        "claim_id": get(claim, "id") or "",
        "speaker": get(claim, "speaker"),
        "doc_id": get(claim, "doc_id") or "",
        "start": get(claim, "start") or 0,
        "end": get(claim, "end") or 0,
        "page": get(claim, "page"),
        "evidence": get(claim, "evidence") or get(claim, "content") or "",
    }


def _year_columns(checks: list[YearCheck]) -> dict[str, tuple]:
    """Per checked year: what was claimed, what the reports say, the outcome; and years by outcome."""
    grouped = by_year(checks)
    years = tuple(sorted(grouped))
    outcome = {y: year_outcome(grouped[y]) for y in years}
    return {
        "years": years,
        "claimed": tuple(" & ".join(c.claimed for c in grouped[y]) for y in years),
        "found": tuple(_join_found(grouped[y]) for y in years),
        "outcomes": tuple(outcome[y] for y in years),
        "years_supported": tuple(y for y in years if outcome[y] == "supported"),
        "years_contradicted": tuple(y for y in years if outcome[y] == "contradicted"),
        "years_missing": tuple(y for y in years if outcome[y] == "missing"),
    }


def _row_columns(checks: list[YearCheck]) -> dict[str, tuple]:
    """The report rows the checks read, in year order."""
    rows = sorted(
        {r for c in checks for r in c.rows},
        key=lambda r: (r.report_year, r.source_kind, r.doc_id, r.page or 0, r.id),
    )
    return {
        "row_ids": tuple(r.id for r in rows),
        "row_years": tuple(r.report_year for r in rows),
        "row_tiers": tuple(r.tier for r in rows),
        "row_doc_ids": tuple(r.doc_id for r in rows),
        "row_pages": tuple(r.page for r in rows),
    }


def _join_found(checks: list[YearCheck]) -> str | None:
    vals = list(dict.fromkeys(c.found for c in checks if c.found))
    return " & ".join(vals) if vals else None


def check_claims(
    claims: Iterable[Any],
    rows: Iterable[Any],
    *,
    published: Mapping[str, str | None] | None = None,
    aliases: Mapping[str, str] | None = None,
    tip_documents: set[str] | None = None,
) -> list[ClaimCheck]:
    """Check every claim; ``published`` maps a claim's ``doc_id`` to its document's publication date,
    ``aliases`` (:func:`country_aliases`) lets differently spelled country names meet,
    ``tip_documents`` (when given) are the documents that speak of the TIP report."""
    index = ReportIndex(rows, aliases)
    published = published or {}
    out = []
    for c in claims:
        doc = get(c, "doc_id")
        tip_doc = tip_documents is None or doc in tip_documents
        out.extend(check_claim(c, index, published=published.get(doc), tip_document=tip_doc))
    return sorted(out, key=lambda r: (r.doc_id, r.start, r.end, r.country or "", r.id))
