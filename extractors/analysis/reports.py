"""The reports' side of a claim check: TIP-report tier rows indexed by country and year.

Contract: :class:`ReportIndex` takes report rows (``TierPlacement``-like objects or dicts with
``country``, ``report_year``, ``tier``, ``doc_id``, ``page``, ``source_kind`` and optionally ``id``
and ``change``); only ``tip_narrative`` / ``tip_table`` rows with a country and a year count. Per
year the report tier is the tier every such row for that country and year agrees on; rows that
disagree leave the year unresolved (None), never guessed. Countries meet through
:func:`country_key` ("Korea, South" and "South Korea"; aliases from :func:`country_aliases`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["REPORT_KINDS", "ReportIndex", "ReportRow", "country_aliases", "country_key", "get", "report_rows"]

REPORT_KINDS = ("tip_narrative", "tip_table")


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
    """Normalised name or alias -> one key per country, from rows with ``name`` and ``|``-separated
    ``aliases`` (models/gazetteers/countries.csv), so the reports' 'Korea, South' meets the claims'
    'South Korea'."""
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


def get(row: Any, name: str, default=None):
    if type(row) is dict or isinstance(row, Mapping):  # the dict test first: the Mapping check is slow
        return row.get(name, default)
    return getattr(row, name, default)


def report_rows(rows: Iterable[Any]) -> list[ReportRow]:
    """TIP-report rows (tip_narrative / tip_table) with a country and a report year."""
    out = []
    for r in rows:
        kind, year = get(r, "source_kind"), get(r, "report_year")
        if kind not in REPORT_KINDS or year is None or not get(r, "country"):
            continue
        out.append(
            ReportRow(
                get(r, "id") or "",
                get(r, "country"),
                int(year),
                get(r, "tier"),
                get(r, "doc_id"),
                get(r, "page"),
                kind,
                get(r, "change"),
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
