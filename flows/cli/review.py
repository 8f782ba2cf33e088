"""tipwatch commands: ``diff`` (what a run changed, as text, JSON or an HTML review page) and
``runs`` (the runs registry), registered on the shared app."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from flows.cli.common import FormatOpt, ProcessedOpt, app, emit, fail, output_format
from flows.unfinished import unfinished

RunAArg = typer.Argument(
    None, help="older run (ID or unique prefix); default: the second latest completed run"
)
RunBArg = typer.Argument(
    None,
    help="newer run; default: the latest completed run (with one run given: the run before it is RUN_A)",
)
ReviewRawOpt = typer.Option(
    None,
    "--raw",
    help="raw folder the review page links documents to (default: the one the run recorded)",
)


@app.command()
def diff(
    run_a: str | None = RunAArg,
    run_b: str | None = RunBArg,
    processed: Path = ProcessedOpt,
    table: list[str] | None = typer.Option(None, "--table", help="compare only this table (repeatable)"),
    fmt: str = FormatOpt(),
    html: Path | None = typer.Option(
        None, "--html", help="also write a self-contained HTML review page to FILE"
    ),
    raw: Path | None = ReviewRawOpt,
    max_rows: int | None = typer.Option(
        None, "--max-rows", help="text format: list at most this many rows per table"
    ),
):
    """Compare two runs by row ID: per table, the rows added, removed and changed (fields, evidence)."""
    from flows.diff import DiffError, diff_runs, render_text, resolve_runs, to_json
    from flows.store import Store, StoreError

    fmt = output_format(fmt)
    store = Store(processed)
    if not store.root.is_dir():
        fail(f"processed folder not found: {processed}")
    if run_a is not None and run_b is not None and run_a == run_b:
        fail("give two different runs")
    try:
        a, b = resolve_runs(store, run_a, run_b)
        result = diff_runs(store, a, b, table or None)
    except (DiffError, StoreError) as exc:
        fail(str(exc))
    if html is not None:
        from flows.review import write_review

        if not html.parent.is_dir():
            fail(f"folder not found for --html: {html.parent}")
        write_review(store, result, html, raw)
    text = None
    if fmt == "table":  # a long diff takes a while to render: only when it is printed
        text = render_text(result, max_rows=max_rows) + (f"\n\nreview page: {html}" if html else "")
    rows = [[r.table, r.kind, r.key, r.source, r.row.get("page"), r.row.get("evidence"), sorted(r.changed)]
            for td in result.tables.values() for r in td.rows]  # fmt: skip
    emit(fmt, DIFF_COLUMNS, rows, data=to_json(result), text=text)


DIFF_COLUMNS = ["table", "kind", "key", "source", "page", "evidence", "changed"]


@app.command()
def runs(
    processed: Path = ProcessedOpt,
    fmt: str = FormatOpt(),
):
    """List the runs: status, documents (new / carried over / failed), rows per table, seconds per stage."""
    from flows.store import Store

    fmt = output_format(fmt)
    store = Store(processed)
    if not store.root.is_dir():
        fail(f"processed folder not found: {processed}")
    items = run_items(store)
    if fmt == "csv":  # the table's columns, the latest marked in its own column
        columns = ["latest", *RUN_COLUMNS]
        rows = [[i.get("latest", False), i["run_id"], *_run_row(i)[1:]] for i in items]
        emit(fmt, columns, rows)
    else:
        emit(fmt, RUN_COLUMNS, [_run_row(i) for i in items], data=items)


RUN_COLUMNS = [
    "run_id",
    "status",
    "documents",
    "new",
    "carried",
    "failed",
    "rows",
    "extract s",
    "seconds",
    "rules_hash",
    "reason",
]


def run_items(store) -> list[dict]:
    """Every run as a dict: completed runs (oldest first, the latest marked), then finished
    folders a killed run never committed (the next run adopts them), then ``.tmp-`` folders a killed
    run left behind (never published; the next run removes them), then runs that failed or were
    interrupted before publishing, with their reason."""
    completed = store.completed_runs()
    latest = completed[-1] if completed else None
    items = [_run_info(store.manifest(r), r == latest) | {"run_id": r} for r in completed]
    items += [
        _run_info(store.manifest(r), False) | {"run_id": r, "status": "uncommitted"}
        for r in store.run_folders()
        if r not in completed
    ]
    if store.runs_dir.exists():
        items += [
            {"run_id": p.name[len(".tmp-") :], "status": "incomplete", "latest": False}
            for p in sorted(store.runs_dir.glob(".tmp-*"))
        ]
    # runs that failed or were interrupted: nothing published, the reason kept (flows.unfinished)
    items += [u | {"latest": False} for u in unfinished(store.root)]
    return items


def _run_row(i: dict) -> list:
    """One line of ``tipwatch runs``, in RUN_COLUMNS order (``*`` marks the latest run)."""
    timings = i.get("timings", {})
    return [
        ("* " if i.get("latest") else "  ") + i["run_id"],
        i["status"],
        i.get("n_documents"),
        i.get("n_new"),
        i.get("n_carried"),
        i.get("n_failed"),
        i.get("rows"),
        _f(timings.get("parse_extract", _sum(timings.get("parse"), timings.get("extract")))),
        i.get("seconds"),
        i.get("rules_hash"),
        i.get("reason"),
    ]


def _sum(*values):
    # runs from before wall-clock stage timings recorded summed parse and extract seconds
    return None if any(v is None for v in values) else sum(values)


def _run_info(m: dict, latest: bool) -> dict:
    """A run manifest's fields for listing, with its wall-clock seconds and its row total."""
    counts = m.get("counts", {})
    seconds = None
    try:
        seconds = int(
            (
                datetime.fromisoformat(m["finished_at"]) - datetime.fromisoformat(m["started_at"])
            ).total_seconds()
        )
    except (KeyError, TypeError, ValueError):
        pass
    return {
        "run_id": m.get("run_id"),
        "status": m.get("status"),
        "latest": latest,
        "started_at": m.get("started_at"),
        "finished_at": m.get("finished_at"),
        "seconds": seconds,
        "n_documents": m.get("n_documents"),
        "n_new": m.get("n_new"),
        "n_carried": m.get("n_carried"),
        "n_failed": m.get("n_failed"),
        "rows": sum(v for k, v in counts.items() if k not in ("documents", "texts", "runs")),
        "counts": counts,
        "timings": m.get("timings", {}),
        "code_version": m.get("code_version"),
        "model": m.get("model"),
        "rules_hash": m.get("rules_hash"),
    }


def _f(v) -> str:
    """Seconds with two decimals; empty for a stage the run did not time."""
    return "" if v is None else f"{v:.2f}"
