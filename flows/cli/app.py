"""The ``tipwatch`` command line (entry point ``flows.cli.app:app``): ``run``, ``query``, ``tables``
here, and the command modules imported at the bottom register the rest on the shared ``app`` from
:mod:`flows.cli.common`. Each command opens its inputs, calls one library function and writes its
outputs; every error becomes one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import typer

from flows.cli.common import (
    EX_EMPTY,
    CliError,
    FormatOpt,
    JsonOpt,
    ModelsOpt,
    ProcessedOpt,
    app,
    emit,
    fail,
    one_line,
    output_format,
    prefect_env,
    use_models,
    use_server,
    warn,
)  # fmt: skip
from flows.discover import progress
from flows.interrupt import armed
from flows.tables import format_table
from flows.unfinished import record

# -- run ---------------------------------------------------------------------------------------------
# What one document may cost (flows.plan.Limits); over a limit it fails with a reason, the run goes on.
MaxPagesOpt = typer.Option(2000, "--max-pages", help="PDFs with more pages fail with a reason")
MaxBytesOpt = typer.Option(200_000_000, "--max-bytes", help="files larger than this fail with a reason")
ParseSecondsOpt = typer.Option(
    120.0, "--parse-seconds", help="a PDF or large web page that takes longer to parse fails with a reason"
)
ParseMemoryOpt = typer.Option(
    384,
    "--parse-memory-mb",
    help="a PDF or large web page that needs more memory to parse fails with a reason",
)
ExtractSecondsOpt = typer.Option(
    600.0, "--extract-seconds", help="a document whose NLP stage takes longer fails with a reason"
)


@app.command()
def run(
    raw: Path = typer.Option(Path("raw"), "--raw", help="folder of input documents (.txt, .html, .pdf)"),
    processed: Path = ProcessedOpt,
    sources: Path | None = typer.Option(
        None, "--sources", help="sources file (tipwatch.toml) with folders, URLs and feeds"
    ),
    model: str | None = typer.Option(None, "--model", help="base spaCy model (default: models/pipeline.cfg)"),
    models: Path | None = ModelsOpt,
    dask: str | None = typer.Option(None, "--dask", help="address of a Dask scheduler to run extraction on"),
    max_pages: int = MaxPagesOpt,
    max_bytes: int = MaxBytesOpt,
    parse_seconds: float = ParseSecondsOpt,
    parse_memory: int = ParseMemoryOpt,
    extract_seconds: float = ExtractSecondsOpt,
    decisions: Path | None = typer.Option(
        None, "--decisions", help="reviewers' decisions (default: reviews/decisions.jsonl beside --processed)"
    ),
    fmt: str = FormatOpt(),
    json_out: bool = JsonOpt,
    wait: bool = typer.Option(
        False, "--wait", help="wait for another run writing PROCESSED to finish (default: exit 75)"
    ),
    strict: bool = typer.Option(False, "--strict", help="exit 1 when any document is not ok"),
    force: bool = typer.Option(
        False, "--force", help="publish a new run even when nothing changed since the latest one"
    ),
):
    """Run the pipeline once over RAW and publish a new run in PROCESSED.

    csv prints the documents (source, kind, status, error); exit 2 when there is nothing to run."""
    fmt = output_format(fmt, json_out)
    prefect_env()  # the app sets it first; again for callers that bypass the app (tests' CliRunner)
    models_dir = use_models(models)
    _check_inputs(raw, sources)
    with ExitStack() as held:
        held.enter_context(armed(processed))  # Ctrl-C and SIGTERM: out in seconds, in one line
        _take_writer_lock(held, processed, wait)
        progress(f"reading {_reading(raw, sources)} …")  # the first line, before Prefect is ready
        unchanged = (
            None if force or sources else _report_unchanged(raw, processed, model, models_dir, decisions, fmt)
        )
        if unchanged:
            return
        if not (sources or dask):  # the workers load the pipeline while Prefect starts
            _prestart_workers(held, raw, processed, model, models_dir)
        use_server()
        summary = _run_flow(
            # once checked here, the flow need not hash raw/ again: it publishes
            raw, processed, sources, (model, models_dir), dask, (max_bytes, max_pages, parse_seconds, extract_seconds, parse_memory),
            decisions,
            force or unchanged is False,
        )  # fmt: skip
    _add_startup(summary["timings"])
    docs = [[d["source"], d["kind"], d["status"], d["error"]] for d in summary["documents"]]
    emit(fmt, ["source", "kind", "status", "error"], docs, data=summary, text=render_summary(summary))
    if not summary["n_documents"]:
        warn("no documents: the run has nothing in it", EX_EMPTY)
    if strict and summary["n_failed"]:
        fail(f"{summary['n_failed']} of {summary['n_documents']} documents not ok (--strict)")


def _report_unchanged(
    raw: Path, processed: Path, model, models_dir, decisions: Path | None, fmt: str
) -> bool | None:
    """When nothing changed since the latest run (:mod:`flows.unchanged`), say so and return True:
    no flow run starts and nothing is published. False: something changed; None: not checked (a
    killed run's flow run is left for the flow to mark)."""
    from flows.decisions import default_decisions
    from flows.lock import previous_line
    from flows.store import Store
    from flows.unchanged import unchanged_since, unchanged_summary
    from flows.versions import DEFAULT_MODELS, extractor_version

    if len(previous_line(processed)) >= 3:  # a killed run's flow run to mark Crashed: the flow does it
        return None
    store = Store(processed)
    for line in store.repair():  # as a run does first: the unchanged check reads the latest run
        progress(f"repaired: {line}")
    version, _ = extractor_version(Path(models_dir) if models_dir else DEFAULT_MODELS, model)
    run_id = unchanged_since(store, raw, version, decisions or default_decisions(processed))
    if run_id is None:
        return False
    summary = unchanged_summary(store, run_id)
    docs = summary["documents"]
    text = (
        f"nothing changed since run {run_id} ({len(docs)} documents); nothing published (--force runs anyway)"
    )
    emit(
        fmt, ["source", "kind", "status", "error"], [list(d.values()) for d in docs], data=summary, text=text
    )
    return True


@app.command()
def repair(processed: Path = ProcessedOpt):
    """Bring PROCESSED back to its newest complete run after a crash or damage: a run folder that
    lost table files is set aside, the database rebuilt from the run folders, ``latest`` rewritten.
    A run does the same before it starts; readers never change the store."""
    from flows.store import Store, StoreError

    if not (processed / "runs").is_dir():
        fail(f"no runs in {processed}: nothing to repair from (run `tipwatch run`)")
    with ExitStack() as held:
        _take_writer_lock(held, processed, wait=False)
        try:
            done = Store(processed).repair()
        except (StoreError, OSError) as exc:
            fail(f"cannot repair {processed}: {exc}")
    print("\n".join(done) if done else f"{processed}: nothing to repair")


def _reading(raw: Path, sources: Path | None) -> str:
    return f"{sources} and {raw}/" if sources else f"{raw}/"


def _take_writer_lock(held: ExitStack, processed: Path, wait: bool) -> None:
    """Enter the processed folder's writer lock (:mod:`flows.lock`) on ``held``, before Prefect
    starts: a run that finds another one writing exits 75 at once in one line naming it, or waits
    (``--wait``)."""
    from flows.lock import EX_TEMPFAIL, LockedError, writer_lock

    waiting = lambda holder: progress(f"waiting for the run writing {processed} ({holder})")
    try:
        held.enter_context(writer_lock(processed, wait=wait, on_wait=waiting))
    except LockedError as exc:
        fail(str(exc), EX_TEMPFAIL)
    except OSError as exc:
        fail(f"cannot lock {processed}: {exc.strerror or exc}")


def _run_flow(
    raw, processed, sources, models: tuple, dask, limits: tuple, decisions: Path | None, force: bool = False
) -> dict:
    """One flow run: ``models`` is (base model, rules folder), ``limits`` (max bytes, max pages, parse
    seconds, extract seconds, parse memory in MB).
    A run that fails is noted for ``tipwatch runs`` (:mod:`flows.unfinished`); its one-line error
    comes from the app."""
    from flows.pipeline import tipwatch_flow

    flow = tipwatch_flow
    if dask:
        from prefect_dask import DaskTaskRunner

        flow = tipwatch_flow.with_options(task_runner=DaskTaskRunner(address=dask))
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        return flow(
            raw_dir=str(raw),
            processed_dir=str(processed),
            model=models[0],
            models_dir=models[1],
            sources_file=str(sources) if sources else None,
            max_bytes=limits[0],
            max_pages=limits[1],
            parse_seconds=limits[2],
            extract_seconds=limits[3],
            parse_memory_mb=limits[4],
            decisions_file=str(decisions) if decisions else None,
            force=force,
        )
    except Exception as exc:
        record(processed, "failed", one_line(exc), started_at)
        raise


def _add_startup(timings: dict) -> None:
    """Put the command's time outside the flow (interpreter and imports, Prefect's start-up and
    shut-down) first in ``timings``, so the stages add up to the command's wall time."""
    import time

    import psutil

    wall = time.time() - psutil.Process().create_time()
    outside = max(wall - timings.get("total", 0.0), 0.0)
    ordered = {"startup": round(outside, 3), **timings, "command": round(wall, 3)}
    timings.clear()
    timings.update(ordered)


def _prestart_workers(held: ExitStack, raw: Path, processed: Path, model, models_dir) -> None:
    """Start the extraction workers (:func:`flows.workers.prestart_pool`) now when the run will
    send articles to them: their model loads then overlap Prefect's start-up and discovery. The
    run's plan is worked out as the flow will (the same files, previous run and extractor version);
    a pool no run took is stopped when the command ends."""
    from flows.discover import discover
    from flows.plan import plan_run
    from flows.store import Store, StoreError
    from flows.versions import DEFAULT_MODELS, extractor_version
    from flows.workers import discard_prestarted, pooled_sources, prestart_pool

    models = Path(models_dir) if models_dir else DEFAULT_MODELS
    store = Store(processed)
    try:
        prev = store.latest_run()
        cols = ["doc_id", "status", "extractor_version"]
        previous = (
            {r["doc_id"]: r for r in store.read_columns("documents", prev, cols).to_pylist()} if prev else {}
        )
    except (OSError, ValueError, StoreError):
        return  # a damaged store: the run repairs it first, and starts its workers itself
    plan = plan_run(discover(raw), previous, extractor_version(models, model)[0])
    if pooled_sources(plan.to_extract):
        held.callback(discard_prestarted)
        prestart_pool(str(models), model)


def _check_inputs(raw: Path, sources: Path | None) -> None:
    """Refuse a missing raw folder or a bad sources file in one line, before any flow run starts."""
    if sources is None:
        from flows.discover import has_documents

        if not raw.is_dir():
            fail(f"raw folder not found: {raw}")
        if not has_documents(raw):
            warn(f"no documents in {raw}: nothing to run, nothing published", EX_EMPTY)
        return
    if not sources.is_file():
        fail(f"sources file not found: {sources}")
    from flows.ingest import SourcesError, load_sources

    try:
        load_sources(sources)
    except SourcesError as exc:
        fail(str(exc))


def render_summary(s: dict) -> str:
    """The run summary as plain text: counts, then one row per document, then seconds per stage."""
    lines = [
        f"run {s['run_id']} {s['status']}: {s['n_documents']} documents "
        f"({s['n_new']} parsed and extracted, {s['n_carried']} unchanged, {s['n_failed']} not ok)",
        "",
        format_table(["table", "rows"], [[k, v] for k, v in s["counts"].items()]),
        "",
        format_table(
            ["source", "kind", "status", "error"],
            [[d["source"], d["kind"], d["status"], d["error"] or ""] for d in s["documents"]],
        ),
        "",
        "seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in s["timings"].items()),
        *(
            [
                "worker seconds (summed over processes): "
                + ", ".join(f"{k.removeprefix('worker_')} {v:.2f}" for k, v in s["worker_seconds"].items())
            ]
            if s.get("worker_seconds")
            else []
        ),
    ]
    return "\n".join(lines)


TERMINAL_ROWS = 1000  # rows tipwatch query prints on a terminal unless --limit says otherwise


# -- query / tables ---------------------------------------------------------------------------------------
@app.command()
def query(
    sql: str = typer.Argument(
        ..., help="one read-only SQL statement (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN)"
    ),
    processed: Path = ProcessedOpt,
    fmt: str = FormatOpt(),
    timeout: float = typer.Option(
        30.0, "--timeout", help="stop a query still running after SECONDS (0: never)"
    ),
    limit: int | None = typer.Option(
        None,
        "--limit",
        help=f"print at most N rows (default {TERMINAL_ROWS} on a terminal, all otherwise; 0: all)",
    ),
):
    """Run a read-only SQL query against the latest run's tables."""
    import sys

    from flows.tables import QueryError, query_rows

    fmt = output_format(fmt)
    if limit is None:
        limit = TERMINAL_ROWS if sys.stdout.isatty() else 0
    try:
        columns, rows, more = query_rows(processed, sql, timeout=timeout or None, limit=limit or None)
    except QueryError as exc:
        fail(str(exc))
    emit(fmt, columns, rows)
    if more:
        print(
            f"tipwatch: showing the first {limit} rows; --limit N for more, --limit 0 for all",
            file=sys.stderr,
        )


@app.command()
def tables(markdown: bool = typer.Option(False, "--markdown", help="print the data dictionary as Markdown")):
    """List the tables: what one row is, and each column with its type."""
    from flows.tables import data_dictionary, table_overview

    print(data_dictionary() if markdown else table_overview())


# The command modules register themselves on ``app`` when imported; imported last so that
# ``tipwatch --help`` keeps listing run, query and tables first.
from flows.cli import decisions as _decisions  # noqa: E402,F401
from flows.cli import evaluate, research, review  # noqa: E402,F401
from flows.cli import server as _server  # noqa: E402,F401
from flows.cli import sources as _sources  # noqa: E402,F401

__all__ = ["CliError", "ProcessedOpt", "app", "fail", "prefect_env", "render_summary"]

if __name__ == "__main__":  # python -m flows.cli.app
    app(prog_name="tipwatch")
