"""A country's tier history from the TIP reports, the claims made about it, and a timeline chart.

:func:`country_history` reads one run (every dated tier placement: the reports' ``tip_narrative``
and ``tip_table`` rows and what news articles state, marked by ``source_kind``; the documents they
come from; the run's claim checks) into a :class:`History`;
:func:`write_chart` draws its timeline (:mod:`flows.history_chart`, matplotlib) to an SVG, PNG or
PDF file.
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


@dataclass
class YearRow:
    year: int
    tiers: list[str]  # distinct tiers the rows state (more than one: the sources disagree)
    sources: list[dict]  # {source, doc_id, page, source_kind, tier, id}

    @property
    def tier(self) -> str | None:
        return self.tiers[0] if len(self.tiers) == 1 else None

    def sources_text(self) -> str:
        by_doc: dict[str, list[str]] = {}
        for s in self.sources:
            tag = {"tip_table": "table", "tip_narrative": "narrative"}.get(s["source_kind"], s["source_kind"])
            page = f"p.{s['page']} " if s["page"] is not None else ("" if tag == "news" else "p.? ")
            extra = f" says {s['tier']}" if len(self.tiers) > 1 else ""
            parts = by_doc.setdefault(s["source"], [])
            if f"{page}({tag}{extra})" not in parts:  # an article stating it twice is one source
                parts.append(f"{page}({tag}{extra})")
        return "; ".join(f"{doc} {', '.join(parts)}" for doc, parts in by_doc.items())


@dataclass
class History:
    country: str
    years: list[YearRow]
    checks: list[dict] = field(default_factory=list)  # claim_checks rows for the country, with "source"


def country_history(store: Store, country: str, run_id: str | None = None) -> History:
    """The country's report rows per year and the claim checks about it (case-insensitive name)."""
    run_id = run_id or store.latest_run()
    if run_id is None:
        raise HistoryError(f"no completed run in {store.root}: run `tipwatch run` first")
    tiers = store.read_table("tier_placements", run_id).to_pylist()
    docs = {d["doc_id"]: d for d in store.read_table("documents", run_id).to_pylist()}
    checks = read_claim_checks(store, run_id).to_pylist()
    # every dated tier row: the reports' own (narratives, tables) and what news articles state
    report = [t for t in tiers if t["report_year"] is not None]
    names = aliases()
    mine, my_checks = _about(country, report, names), _about(country, checks, names)
    if not mine and not my_checks:
        raise HistoryError(_not_found(country, run_id, report, checks))
    for c in my_checks:
        c["source"] = _source(docs, c["doc_id"])
    return History((mine or my_checks)[0]["country"], _year_rows(mine, docs), my_checks)


def _about(country: str, rows: list[dict], names: dict[str, str]) -> list[dict]:
    """The rows whose country is ``country`` under any of its names (case-insensitive, aliases)."""
    key = country_key(country, names)
    return [r for r in rows if r["country"] and country_key(r["country"], names) == key]


def _not_found(country: str, run_id: str, report: list[dict], checks: list[dict]) -> str:
    """The error for a country with no data, with close spellings ("did you mean Pakistan?")."""
    known = sorted(
        {t["country"] for t in report if t["country"]} | {c["country"] for c in checks if c["country"]}
    )
    close = difflib.get_close_matches(country, known, n=3, cutoff=0.6)
    if close:
        hint = f"; did you mean {', '.join(close)}?"
    else:
        shown = ", ".join(known[:30]) + (f" and {len(known) - 30} more" if len(known) > 30 else "")
        hint = f"; countries with data: {shown}" if known else ""
    return f"no tier placements or claims for {country!r} in run {run_id}{hint}"


def _source(docs: dict[str, dict], doc_id: str) -> str:
    """A document's source name, or the start of its id when the run has no such document."""
    return (docs.get(doc_id) or {}).get("source") or doc_id[:12]


def _year_rows(rows: list[dict], docs: dict[str, dict]) -> list[YearRow]:
    """One :class:`YearRow` per report year, its sources sorted by kind, document and page."""
    by_year: dict[int, list[dict]] = {}
    for t in rows:
        by_year.setdefault(t["report_year"], []).append(t)
    years = []
    for y in sorted(by_year):
        ordered = sorted(  # the reports' rows first, then news
            by_year[y],
            key=lambda t: (
                t["source_kind"] not in REPORT_KINDS,
                t["source_kind"],
                t["doc_id"],
                t["page"] or 0,
            ),
        )
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
        years.append(YearRow(y, sorted({t["tier"] for t in ordered}, key=level), srcs))
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
