"""tipwatch commands: sources, serve (registered on the shared app)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import typer

from flows.cli.common import (
    FormatOpt,
    ModelsOpt,
    ProcessedOpt,
    app,
    emit,
    fail,
    output_format,
    prefect_env,
    use_models,
    use_server,
)

SourcesOpt = typer.Option(Path("tipwatch.toml"), "--sources", help="sources file (see tipwatch.example.toml)")


@app.command()
def sources(
    sources_file: Path = SourcesOpt,
    raw: Path = typer.Option(
        Path("raw"), "--raw", help="raw/ folder holding fetched copies and the fetch state"
    ),
    fmt: str = FormatOpt(),
):
    """Check a sources file and list its sources with their schedule and last fetch."""
    from flows.ingest import FetchState, SourcesError, load_sources

    fmt = output_format(fmt)
    try:
        cfg = load_sources(sources_file)
    except SourcesError as exc:
        fail(str(exc))
    state = FetchState(raw)
    rows = []
    for s in cfg.sources:
        st = state.urls.get(s.url, {}) if s.url else {}
        last = (
            st.get("error")
            or (st.get("fetched_at") and f"{st.get('checked_at')} ({(st.get('sha256') or '')[:12]})")
            or ""
        )
        rows.append([s.kind, s.url or str(s.path), s.schedule or "", last])
    emit(fmt, ["kind", "source", "schedule", "last check"], rows)


@app.command()
def serve(
    sources_file: Path = SourcesOpt,
    raw: Path = typer.Option(
        Path("raw"), "--raw", help="folder where fetched documents are stored (and read)"
    ),
    processed: Path = ProcessedOpt,
    model: str | None = typer.Option(None, "--model", help="base spaCy model (default: models/pipeline.cfg)"),
    models: Path | None = ModelsOpt,
):
    """Register one Prefect deployment per cron schedule in the sources file and execute its runs.

    Needs a running Prefect server: `prefect server start --host 127.0.0.1` and
    PREFECT_API_URL=http://127.0.0.1:4200/api. Stop with Ctrl-C (the schedules are paused)."""
    from flows.ingest import SourcesError
    from flows.schedule import ServeError
    from flows.schedule import serve as serve_deployments

    if not sources_file.is_file():
        fail(f"sources file not found: {sources_file}")
    prefect_env()
    use_server()  # the background server `tipwatch run` also uses, unless PREFECT_API_URL names one
    models_dir = use_models(models)
    try:
        stopped_by = serve_deployments(sources_file, raw, processed, models_dir=models_dir, model=model)
    except (SourcesError, ServeError) as exc:
        fail(str(exc))
    if stopped_by is None:
        return
    name = signal.Signals(stopped_by).name
    print(f"tipwatch: stopped serving ({name}); the schedules are paused", file=sys.stderr)
    raise typer.Exit(128 + stopped_by)  # 130 for SIGINT, 143 for SIGTERM, as a shell reports them
