"""tipwatch commands for researchers: ``check``, ``history``, ``export`` (registered on the shared app)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import typer

from flows.cli.common import FormatOpt, JsonOpt, ProcessedOpt, app, check_format, emit, fail, output_format
from flows.tables import format_table

VERDICTS = ("supported", "contradicted", "partly_supported", "not_checkable")
EXPORT_FORMATS = ("csv", "parquet", "xlsx")
XLSX_MAX_CELL = 32_767  # Excel refuses longer cells
XLSX_PIN = "openpyxl==3.1.5"


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
    rows = [[h.country, r.year, r.tiers, r.sources_text()] for r in h.years]
    data = {"country": h.country, "years": [vars(r) for r in h.years], "checks": h.checks}
    emit(fmt, ["country", "year", "tiers", "sources"], rows, data=data, text=text)


def render_history(h) -> str:
    from extractors.analysis.claim_checks import TIER_LABEL

    lines = [f"{h.country}: tier by TIP report year", ""]
    rows = [
        [
            r.year,
            " / ".join(TIER_LABEL.get(t, t) for t in r.tiers)
            + ("  (sources disagree)" if len(r.tiers) > 1 else ""),
            r.sources_text(),
        ]
        for r in h.years
    ]
    # sources lists are long and must stay whole: no cell cutting
    lines.append(format_table(["year", "tier", "sources (report, page)"], rows, max_cell=None, count=False))
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
    fmt: str = typer.Option("csv", "--format", help="csv, parquet or xlsx"),
    processed: Path = ProcessedOpt,
    tables: str | None = typer.Option(None, "--tables", help="comma-separated tables (default: all)"),
):
    """Export the latest run's tables for spreadsheets, Stata or R: a file per table (xlsx: a sheet each)."""
    from flows.store import Store, StoreError

    check_format(fmt, EXPORT_FORMATS)
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"not a folder: {out_dir}")
    store = Store(processed)
    try:
        written = export_run(store, out_dir, fmt, tables.split(",") if tables else None)
    except (StoreError, ExportError) as exc:
        fail(str(exc))
    for path, n in written:
        print(f"{path}  ({n} rows)" if n is not None else str(path))


class ExportError(Exception):
    """A problem with an export, in one line."""


def export_run(
    store, out_dir: Path, fmt: str, names: list[str] | None = None
) -> list[tuple[Path, int | None]]:
    """Write the latest run's tables (plus ``claim_checks``) to ``out_dir``; returns (path, rows) written.

    csv and xlsx turn list columns into ``; ``-joined text (Stata and spreadsheets have no lists);
    parquet keeps the types. Every file is written beside its final name and renamed into place.
    A data dictionary (``data_dictionary.md``) goes with csv and xlsx exports.
    """
    from extractors.records import TABLES
    from flows.checks import read_claim_checks
    from flows.store import REVIEWED_TABLES
    from flows.tables import data_dictionary

    run_id = store.latest_run()
    if run_id is None:
        raise ExportError(f"no completed run in {store.root}: run `tipwatch run` first")
    known = [*TABLES, *(f"{n}_rejected" for n in REVIEWED_TABLES)]
    names = [n.strip() for n in names] if names else known
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ExportError(f"unknown table {unknown[0]!r}: choose from {', '.join(known)}")
    data = {
        n: (read_claim_checks(store, run_id) if n == "claim_checks" else store.read_table(n, run_id))
        for n in names
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        return _write_parquet(data, out_dir)
    frames = {n: _flat_frame(tbl) for n, tbl in data.items()}
    written = _write_csv(frames, out_dir) if fmt == "csv" else _write_xlsx(frames, out_dir)
    dd = out_dir / "data_dictionary.md"
    _atomic(dd, lambda tmp: Path(tmp).write_text(data_dictionary(), encoding="utf-8"))
    return written + [(dd, None)]


def _write_parquet(data: dict, out_dir: Path) -> list[tuple[Path, int | None]]:
    """One ``<table>.parquet`` per table, types kept."""
    import pyarrow.parquet as pq

    written: list[tuple[Path, int | None]] = []
    for n, tbl in data.items():
        path = out_dir / f"{n}.parquet"
        _atomic(path, lambda tmp, tbl=tbl: pq.write_table(tbl, tmp))
        written.append((path, len(tbl)))
    return written


def _write_csv(frames: dict, out_dir: Path) -> list[tuple[Path, int | None]]:
    """One UTF-8 ``<table>.csv`` per table, with a header row."""
    written: list[tuple[Path, int | None]] = []
    for n, df in frames.items():
        path = out_dir / f"{n}.csv"
        _atomic(path, lambda tmp, df=df: df.to_csv(tmp, index=False, encoding="utf-8"))
        written.append((path, len(df)))
    return written


def _write_xlsx(frames: dict, out_dir: Path) -> list[tuple[Path, int | None]]:
    """``tipwatch.xlsx`` with one sheet per table (names cut to Excel's 31 characters); listed as the
    workbook, then ``tipwatch.xlsx#<table>`` with its rows."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise ExportError(f"xlsx export needs openpyxl: pip install {XLSX_PIN}") from None
    import pandas as pd

    path = out_dir / "tipwatch.xlsx"

    def write(tmp):
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            for n, df in frames.items():
                _clip(df).to_excel(xl, sheet_name=n[:31], index=False)

    _atomic(path, write, suffix=".xlsx")
    return [(path, None)] + [(Path(f"{path}#{n}"), len(df)) for n, df in frames.items()]


def _flat_frame(tbl):
    """Arrow table -> pandas frame with list columns joined by '; ' (None stays empty)."""
    import pyarrow as pa

    df = tbl.to_pandas()
    for f in tbl.schema:
        if pa.types.is_list(f.type):
            df[f.name] = [
                None if v is None else "; ".join("" if x is None else str(x) for x in v)
                for v in tbl.column(f.name).to_pylist()
            ]
    return df


def _clip(df):
    """Cut text cells to Excel's limit (stored document texts can be longer)."""
    df = df.copy()
    for col in df.columns:
        if df[col].dtype.kind in ("O", "U") or str(df[col].dtype) in ("str", "string"):
            df[col] = [
                v[:XLSX_MAX_CELL] if isinstance(v, str) and len(v) > XLSX_MAX_CELL else v for v in df[col]
            ]
    return df


def _atomic(path: Path, write, suffix: str = "") -> None:
    """Call ``write`` on a hidden name beside ``path``, then rename it into place (no half files)."""
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}{suffix or path.suffix}")
    try:
        write(str(tmp))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


__all__ = ["check", "export", "export_run", "history", "render_checks", "render_history"]
