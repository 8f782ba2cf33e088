"""TIP-report structure: tier placements from the tier lists and the country narratives.

Pure functions over a :class:`~extractors.parse.documents.Document` (or short text). Every record's
``start``/``end`` are offsets into ``doc.text`` with ``doc.text[start:end]`` the span the record
rests on (a narrative header, a name in a tier list, a statistic phrase); ``evidence`` is the
sentence or line holding that span, copied from ``doc.text``; ``page`` is ``doc.page_at(start)``.

:func:`tier_placements` gives one ``tip_table`` row per tier-list entry and one ``tip_narrative``
row per narrative header, with the change the narrative summary states ("was upgraded to Tier 2",
"remained on Tier 2 Watch List", "is downgraded to Tier 3", "is placed on Tier 2 for a second
consecutive year"). Refusing to guess: a country whose tier list entry and narrative header
disagree gets both rows, each with ``flag`` saying so; nothing is silently picked.

The other parts, by job, are importable from here too (DESIGN.md section 6):
:mod:`~extractors.parse.tiers` (tier names: :func:`normalize_tier`, :func:`find_tier`,
:func:`tier_from_text`), :mod:`~extractors.parse.tip_narratives` (narrative headers, tier lists,
:func:`report_year`, :func:`segment_narratives`) and :mod:`~extractors.parse.tip_statistics`
(:func:`statistics` stated in the narratives).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.parse.documents import Document
from extractors.parse.tiers import find_tier, normalize_tier, tier_code, tier_from_text
from extractors.parse.tip_narratives import (
    Narrative,
    country_key,
    page_finder,
    report_year,
    segment_narratives,
    sentence_span,
    tier_lists,
)
from extractors.parse.tip_pages import change_of, page_rules, page_statement, page_year
from extractors.parse.tip_statistics import statistics
from extractors.records import TierPlacement

__all__ = [
    "Narrative",
    "normalize_tier",
    "find_tier",
    "tier_from_text",
    "report_year",
    "segment_narratives",
    "tier_placements",
    "statistics",
]


def tier_placements(doc: Document) -> list[TierPlacement]:
    """Tier placements from the tier lists (``tip_table``) and every narrative header (``tip_narrative``).

    One row per list entry and one per narrative, in document order. Narrative rows carry the
    ``change`` their summary states; their span is the header line and their evidence runs from
    the header to the end of the sentence stating the placement. Rows are flagged, never dropped,
    when the list and the header disagree, when a country is listed under two tiers, or when the
    summary names a different tier than the header.
    """
    narratives = segment_narratives(doc) or _page_narrative(doc)
    # Tier lists come before the first narrative's line (a statement starts mid-line).
    limit = doc.text.rfind("\n", 0, narratives[0].start) + 1 if narratives else len(doc.text)
    listed = tier_lists(doc.text, 0, limit)
    tiers = _Tiers.of(listed, narratives)
    year = report_year(doc) or (page_year(doc) if len(doc.pages) <= 1 else None)
    return _list_rows(doc, year, listed, tiers) + _narrative_rows(doc, year, narratives, tiers)


@dataclass(frozen=True)
class _Tiers:
    """Country key -> tiers its tier-list entries give (``table``) and its narrative headers give
    (``header``); ``spelled`` is the name as the tier list spells it."""

    table: dict[str, set[str]]
    header: dict[str, set[str]]
    spelled: dict[str, str]

    @classmethod
    def of(cls, listed: list[tuple[str, str, int, int]], narratives: list[Narrative]) -> _Tiers:
        table: dict[str, set[str]] = {}
        spelled: dict[str, str] = {}
        for country, tier, _, _ in listed:
            table.setdefault(country_key(country), set()).add(tier)
            spelled.setdefault(country_key(country), country)
        header: dict[str, set[str]] = {}
        for n in narratives:
            header.setdefault(country_key(n.country), set()).add(n.tier)
        return cls(table, header, spelled)


def _list_rows(doc: Document, year, listed, tiers: _Tiers) -> list[TierPlacement]:
    """One ``tip_table`` row per tier-list entry, flagged when listed twice or unlike its header."""
    text, pager = doc.text, page_finder(doc)
    rows = []
    for country, tier, start, end in listed:
        key = country_key(country)
        flag = None
        if len(tiers.table[key]) > 1:
            flag = "conflict: listed under tiers " + " and ".join(sorted(tiers.table[key]))
        elif key in tiers.header and tiers.header[key] != {tier}:
            header = "/".join(sorted(tiers.header[key]))
            flag = f"conflict: tier table says {tier}, narrative header says {header}"
        rows.append(TierPlacement(doc.doc_id, country, year, tier, None,
                                  "tip_table", start, end, pager(start), text[start:end], flag))  # fmt: skip
    return rows


def _narrative_rows(doc: Document, year, narratives: list[Narrative], tiers: _Tiers) -> list[TierPlacement]:
    """One ``tip_narrative`` row per narrative header, with the change its summary states; flagged
    when the tier list or the summary names another tier."""
    rows = []
    for n in narratives:
        key = country_key(n.country)
        change, stated, ev_end = _summary_change(doc.text, n)
        flag = None
        if key in tiers.table and tiers.table[key] != {n.tier}:
            table = "/".join(sorted(tiers.table[key]))
            flag = f"conflict: tier table says {table}, narrative header says {n.tier}"
        elif stated is not None and stated != n.tier:
            flag = f"conflict: summary says {stated}, narrative header says {n.tier}"
        rows.append(TierPlacement(doc.doc_id, tiers.spelled.get(key, n.country), year, n.tier, change,
                                  "tip_narrative", n.start, n.header_end, n.first_page,
                                  doc.text[n.start : ev_end], flag))  # fmt: skip
    return rows


def _summary_change(text: str, n: Narrative) -> tuple[str | None, str | None, int]:
    """(change, tier the summary states, end of the evidence) for one narrative: the summary's last
    placement statement (``[change]`` in ``models/patterns/tip_narrative.toml``)."""
    rules = page_rules()
    section = rules.section_start.search(text, n.header_end, n.end)
    hi = section.start() if section else min(n.end, n.header_end + 4000)
    lo = n.start if n.header_style == "statement" else n.header_end
    last = None
    for m in rules.change.finditer(text, lo, hi):
        last = m
    if last is None:
        return None, None, n.header_end
    _, end = sentence_span(text, last.start(), last.end(), lo, hi)
    return change_of(last), tier_code(last), end


def _page_narrative(doc: Document) -> list[Narrative]:
    """A narrative page with no header line ("2024 Trafficking in Persons Report: Eritrea", a state.gov
    page headed "Special Case"): one narrative from its placement statement, spanning the page."""
    if len(doc.pages) > 1:
        return []
    found = page_statement(doc)
    if found is None:
        return []
    page = page_finder(doc)(found.start)
    return [
        Narrative(found.country, found.tier, "statement", found.start, found.end, len(doc.text), page, page)
    ]
