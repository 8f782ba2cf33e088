"""tipwatch commands for researchers: ``check``, ``history``, ``export`` (registered on the shared app)."""

from __future__ import annotations

from pathlib import Path

import typer

from flows.cli.common import FormatOpt, JsonOpt, ProcessedOpt, app, check_format, emit, fail, output_format
from flows.tables import format_table

VERDICTS = ("supported", "contradicted", "partly_supported", "not_checkable")


# -- check ---------------------------------------------------------------------------------------------
@app.command()
def check(
    processed: Path = ProcessedOpt,
    country: str | None = typer.Option(None, "--country", help="only claims about this country"),
    verdict: str | None = typer.Option(None, "--verdict", help="only this verdict: " + ", ".join(VERDICTS)),
    fmt: str = FormatOpt(),
    json_out: bool = JsonOpt,
):
    """Check the claims about countries' tiers against the TIP reports (the claim_checks table)."""
    from flows.checks import read_claim_checks
    from flows.store import Store, StoreError

    fmt = output_format(fmt, json_out)
    if verdict is not None and verdict not in VERDICTS:
        fail(f"unknown verdict {verdict!r}: use one of {', '.join(VERDICTS)}")
    store = Store(processed)
    try:
        checks = read_claim_checks(store)
        rows = checks.to_pylist()
        docs = {d["doc_id"]: d for d in store.read_table("documents").to_pylist()}
    except StoreError as exc:
        fail(str(exc))
    if country:
        from extractors.analysis.claim_checks import country_key
        from flows.checks import aliases

        names = aliases()
        rows = [
            r
            for r in rows
            if r["country"] and country_key(r["country"], names) == country_key(country, names)
        ]
    if verdict:
        rows = [r for r in rows if r["verdict"] == verdict]
    emit(
        fmt, checks.column_names, [list(r.values()) for r in rows], data=rows, text=render_checks(rows, docs)
    )


def render_checks(rows: list[dict], docs: dict[str, dict]) -> str:
    """Claim checks as readable text blocks, one per claim and country, then a count per verdict."""
    if not rows:
        return "no claims about tiers to check (0 rows)"
    out = [line for r in rows for line in _check_block(r, docs)]
    counts = {v: sum(1 for r in rows if r["verdict"] == v) for v in VERDICTS}
    out.append(
        f"{len(rows)} claim check{'s' if len(rows) != 1 else ''}: "
        + ", ".join(f"{n} {v}" for v, n in counts.items() if n)
    )
    return "\n".join(out)


def _source_name(docs: dict[str, dict], doc_id: str) -> str:
    return (docs.get(doc_id) or {}).get("source") or doc_id[:12]


def _check_block(r: dict, docs: dict[str, dict]) -> list[str]:
    """One claim check: verdict, claim, source, what it asserts, then a year table, then a blank line."""
    out = [
        f"{r['country'] or '(no country)'}: {r['verdict'].upper().replace('_', ' ')}",
        f"  claim    {r['speaker'] or 'unnamed'}: {_short(r['evidence'], 220)}",
        f"  source   {_source_name(docs, r['doc_id'])}"
        + (f" p.{r['page']}" if r["page"] is not None else ""),
    ]
    if r["asserted"]:
        out.append(f"  asserts  {r['asserted']}")
    if r["as_of_year"] is not None:
        out.append(f"  as of    {r['as_of_year']} ({r['as_of_basis']})")
    if r["years"]:
        table = format_table(YEAR_COLUMNS, _year_rows(r, docs), count=False)
        out.extend("  " + line for line in table.splitlines())
    return out + [f"  verdict  {r['reason']}", ""]


YEAR_COLUMNS = ["year", "claim says", "reports say", "outcome", "report rows"]


def _year_rows(r: dict, docs: dict[str, dict]) -> list[list]:
    """Per year checked: what the claim says, what the reports say, the outcome and the report pages
    behind it ("tip-2015.pdf p.3, tip-2015.pdf p.9"), sorted by report and page."""
    by_year: dict[int, set[tuple]] = {}
    for y, d, p in zip(r["row_years"], r["row_doc_ids"], r["row_pages"]):
        name = _source_name(docs, d)
        by_year.setdefault(y, set()).add(
            (name, p if p is not None else 0, f"{name} p.{p if p is not None else '?'}")
        )
    return [
        [y, claimed, found or "-", outcome, ", ".join(c[2] for c in sorted(by_year.get(y, ())))]
        for y, claimed, found, outcome in zip(r["years"], r["claimed"], r["found"], r["outcomes"])
    ]


def _short(text: str, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


# -- history -------------------------------------------------------------------------------------------
@app.command()
def history(
    country: str = typer.Argument(..., help="country name as the reports spell it (case-insensitive)"),
    processed: Path = ProcessedOpt,
    plot: Path | None = typer.Option(
        None, "--plot", help="also draw a tier timeline chart to FILE.svg, FILE.png or FILE.pdf"
    ),
    fmt: str = FormatOpt(),
):
    """A country's tier per report year with the report pages, and the claims made about it."""
    from flows.history import HistoryError, country_history, write_chart
    from flows.store import Store, StoreError

    fmt = output_format(fmt)
    try:
        h = country_history(Store(processed), country)
        if plot is not None:
            write_chart(h, plot)
    except (HistoryError, StoreError) as exc:
        fail(str(exc))
    text = render_history(h) + (f"\n\nchart written to {plot}" if plot is not None else "")
    rows = [[h.country, r.year, r.tiers, r.sources_text(), _kinds(r)] for r in h.years]
    data = {"country": h.country, "years": [_year_data(r) for r in h.years], "checks": h.checks}
    emit(fmt, ["country", "year", "tiers", "sources", "source_kinds"], rows, data=data, text=text)


def _kinds(r) -> list[str]:
    """The source kinds behind a year, in the order they are listed (reports first)."""
    return list(dict.fromkeys(s["source_kind"] for s in r.sources))


def _year_data(r) -> dict:
    tier_from = "reports" if r.from_reports else "news"
    return {"year": r.year, "tiers": r.tiers, "tier_from": tier_from, "sources": r.sources}


def _tier_note(r) -> str:
    notes = [n for n, on in (("sources disagree", len(r.tiers) > 1), ("news only", not r.from_reports)) if on]
    return f"  ({'; '.join(notes)})" if notes else ""


def render_history(h) -> str:
    """The history as text: a year table (tier, then every row's document, page and source kind;
    a year no report covers is marked "news only"), then the claims checked about the country."""
    from extractors.analysis.claim_checks import TIER_LABEL

    lines = [f"{h.country}: tier by TIP report year", ""]
    rows = [
        [
            r.year,
            " / ".join(TIER_LABEL.get(t, t) for t in r.tiers) + _tier_note(r),
            r.sources_text(),
        ]
        for r in h.years
    ]
    # sources lists are long and must stay whole: no cell cutting
    lines.append(
        format_table(["year", "tier", "sources (document, page, kind)"], rows, max_cell=None, count=False)
    )
    lines += ["", f"claims about {h.country}:"]
    if not h.checks:
        lines.append("  (none checked)")
    for i, c in enumerate(h.checks, 1):
        lines.append(
            f"  {i}. {c['verdict'].replace('_', ' ')}: {c['speaker'] or 'unnamed'} in {c['source']}: "
            f"{_short(c['evidence'], 160)}"
        )
        if c["asserted"]:
            lines.append(f"     asserts {c['asserted']}")
        lines.append(f"     {c['reason']}")
    return "\n".join(lines)


# -- export --------------------------------------------------------------------------------------------
@app.command()
def export(
    out_dir: Path = typer.Argument(..., metavar="DIR", help="folder to write into (created if missing)"),
    fmt: str = typer.Option("csv", "--format", help="csv, json, parquet, xlsx or dta (Stata)"),
    processed: Path = ProcessedOpt,
    tables: str | None = typer.Option(None, "--tables", help="comma-separated tables (default: all)"),
):
    """Export the latest run's tables for spreadsheets, Stata or R: a file per table (xlsx: a sheet each)."""
    from flows.export import EXPORT_FORMATS, ExportError, export_run
    from flows.store import Store, StoreError

    check_format(fmt, EXPORT_FORMATS)
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"not a folder: {out_dir}")
    try:
        written = export_run(Store(processed), out_dir, fmt, tables.split(",") if tables else None)
    except (StoreError, ExportError) as exc:
        fail(str(exc))
    for path, n in written:
        print(f"{path}  ({n} rows)" if n is not None else str(path))


__all__ = ["check", "export", "history", "render_checks", "render_history"]
