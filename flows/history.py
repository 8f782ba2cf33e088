"""A country's tier history from every tier row (TIP reports and news), the claims made about it,
and a timeline chart.

:func:`country_history` reads one run (every ``tier_placements`` row with a report year, the
documents they come from, and the run's claim checks) into a :class:`History`: a year's tier is
what its report rows (``tip_narrative``/``tip_table``) state, or, for a year no report ingested
covers, what the news rows state; every row is listed with its source kind. :func:`write_chart`
draws the report timeline (:mod:`flows.history_chart`, matplotlib) to an SVG, PNG or PDF file.
"""

from __future__ import annotations

import difflib
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from extractors.analysis.claim_checks import REPORT_KINDS, country_key
from flows.checks import aliases, read_claim_checks
from flows.history_chart import level
from flows.store import Store, StoreError


class HistoryError(Exception):
    """A country with no data, or an unusable output path, in one line."""


# How a source kind is named in the sources text.
KIND_TAGS = {"tip_narrative": "narrative", "tip_table": "table", "news": "news"}


@dataclass
class YearRow:
    year: int
    tiers: list[str]  # distinct tiers the year's report rows state (the news rows' when no report has
    # the year); more than one: the sources disagree
    sources: list[dict]  # {source, doc_id, page, source_kind, tier, id}: report rows first, then news

    @property
    def tier(self) -> str | None:
        return self.tiers[0] if len(self.tiers) == 1 else None

    @property
    def from_reports(self) -> bool:
        """Whether the year's tier comes from TIP report rows (else only news states it)."""
        return any(s["source_kind"] in REPORT_KINDS for s in self.sources)

    def sources_text(self) -> str:
        """``report.pdf p.22 (narrative), p.3 (table); article.txt (news says 2WL)``: per document,
        each row's page and kind, and the tier a row states when the year's sources disagree or
        it differs from the year's tier."""
        by_doc: dict[str, list[str]] = {}
        for s in self.sources:
            says = f" says {s['tier']}" if len(self.tiers) > 1 or s["tier"] not in self.tiers else ""
            page = f"p.{s['page']} " if s["page"] is not None else ""
            part = f"{page}({KIND_TAGS.get(s['source_kind'], s['source_kind'])}{says})"
            parts = by_doc.setdefault(s["source"], [])
            if part not in parts:
                parts.append(part)
        return "; ".join(f"{doc} {', '.join(parts)}" for doc, parts in by_doc.items())


@dataclass
class History:
    country: str
    years: list[YearRow]
    checks: list[dict] = field(default_factory=list)  # claim_checks rows for the country, with "source"

    @property
    def report_years(self) -> list[YearRow]:
        """The years TIP reports state a tier for, with their report rows only (the chart's line)."""
        out = []
        for r in self.years:
            rows = [s for s in r.sources if s["source_kind"] in REPORT_KINDS]
            if rows:
                out.append(YearRow(r.year, r.tiers, rows))
        return out


def country_history(store: Store, country: str, run_id: str | None = None) -> History:
    """The country's report rows per year and the claim checks about it (case-insensitive name)."""
    run_id = run_id or store.latest_run()
    if run_id is None:
        raise HistoryError(f"no completed run in {store.root}: run `tipwatch run` first")
    tiers = store.read_table("tier_placements", run_id).to_pylist()
    docs = {d["doc_id"]: d for d in store.read_table("documents", run_id).to_pylist()}
    checks = read_claim_checks(store, run_id).to_pylist()
    stated = [t for t in tiers if t["report_year"] is not None]
    names = aliases()
    mine, my_checks = _about(country, stated, names), _about(country, checks, names)
    if not mine and not my_checks:
        raise HistoryError(_not_found(country, run_id, stated, checks))
    for c in my_checks:
        c["source"] = _source(docs, c["doc_id"])
    return History((mine or my_checks)[0]["country"], _year_rows(mine, docs), my_checks)


def _about(country: str, rows: list[dict], names: dict[str, str]) -> list[dict]:
    """The rows whose country is ``country`` under any of its names (case-insensitive, aliases)."""
    key = country_key(country, names)
    return [r for r in rows if r["country"] and country_key(r["country"], names) == key]


def _not_found(country: str, run_id: str, stated: list[dict], checks: list[dict]) -> str:
    """The error for a country with no data: close spellings first ("did you mean Pakistan?"),
    then the countries the run has (the first 30)."""
    known = sorted(
        {t["country"] for t in stated if t["country"]} | {c["country"] for c in checks if c["country"]}
    )
    if not known:
        return (
            f"no tier placements or claims for {country!r} in run {run_id}; the run has none for any country"
        )
    close = difflib.get_close_matches(country, known, n=3, cutoff=0.6)
    shown = ", ".join(known[:30]) + (f" and {len(known) - 30} more" if len(known) > 30 else "")
    hint = f"; did you mean {', '.join(close)}?" if close else ";"
    return f"no tier placements or claims for {country!r} in run {run_id}{hint} countries with data: {shown}"


def _source(docs: dict[str, dict], doc_id: str) -> str:
    """A document's source name, or the start of its id when the run has no such document."""
    return (docs.get(doc_id) or {}).get("source") or doc_id[:12]


def _year_rows(rows: list[dict], docs: dict[str, dict]) -> list[YearRow]:
    """One :class:`YearRow` per report year, report rows before news rows, then by kind, document
    and page; the year's tiers from its report rows when it has any."""
    by_year: dict[int, list[dict]] = {}
    for t in rows:
        by_year.setdefault(t["report_year"], []).append(t)
    years = []
    for y in sorted(by_year):
        ordered = sorted(
            by_year[y],
            key=lambda t: (
                t["source_kind"] not in REPORT_KINDS,
                t["source_kind"],
                t["doc_id"],
                t["page"] or 0,
            ),
        )
        report = [t for t in ordered if t["source_kind"] in REPORT_KINDS]
        srcs = [
            {
                "source": _source(docs, t["doc_id"]),
                "doc_id": t["doc_id"],
                "page": t["page"],
                "source_kind": t["source_kind"],
                "tier": t["tier"],
                "id": t["id"],
            }
            for t in ordered
        ]
        years.append(YearRow(y, sorted({t["tier"] for t in report or ordered}, key=level), srcs))
    return years


def write_chart(history: History, path: Path) -> Path:
    """Write the timeline as SVG, PNG or PDF (by suffix), atomically."""
    from flows.history_chart import FORMATS, chart_bytes

    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise HistoryError(f"--plot wants a .svg or .png file (or .pdf), got {path.name!r}")
    if not path.parent.exists():
        raise HistoryError(f"folder not found: {path.parent}")
    data = chart_bytes(history, fmt)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


__all__ = ["History", "HistoryError", "StoreError", "YearRow", "country_history", "write_chart"]
