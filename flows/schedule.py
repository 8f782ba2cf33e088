"""Scheduled runs: Prefect deployments with the cron schedules of a sources file.

:func:`serve` makes one deployment of :func:`flows.pipeline.tipwatch_flow` per distinct
``schedule`` in the sources file (``tipwatch-<cron>``), registers them with the Prefect server
named by ``PREFECT_API_URL`` and executes their runs in this process until it is stopped
(Ctrl-C / SIGTERM, which pauses the schedules). Each scheduled run reads every folder, fetches the
web sources due on its schedule and reuses the last stored copy of the others, so every run
publishes complete tables. Runs are executed one at a time (``limit=1``): two runs never write
the same processed/ folder or fetch the same host at once.

Prefect cannot schedule on its temporary (ephemeral) server, so a real one must be running::

    prefect server start --host 127.0.0.1 --port 4200        # SQLite in $PREFECT_HOME/prefect.db
    PREFECT_API_URL=http://127.0.0.1:4200/api tipwatch serve --sources tipwatch.toml
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import httpx

from flows.ingest import SourcesConfig, load_sources


class ServeError(Exception):
    """Serving is impossible (no server, no schedule); ``str()`` is one line."""


def api_url() -> str:
    """The configured Prefect API URL, or ServeError when there is none."""
    from prefect.settings import PREFECT_API_URL

    url = os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()
    if not url:
        raise ServeError(
            "no Prefect server configured: start one with `prefect server start --host 127.0.0.1` "
            "and set PREFECT_API_URL=http://127.0.0.1:4200/api"
        )
    return url.rstrip("/")


def check_server(url: str, timeout: float = 5.0) -> None:
    """Raise ServeError unless the Prefect API at ``url`` answers its health check."""
    try:
        resp = httpx.get(f"{url}/health", timeout=timeout)
    except httpx.HTTPError as exc:
        raise ServeError(
            f"no Prefect server at {url} ({type(exc).__name__}): start one with "
            "`prefect server start --host 127.0.0.1`"
        ) from None
    if resp.status_code != 200:
        raise ServeError(f"Prefect server at {url} is not healthy (HTTP {resp.status_code})")


def deployment_name(cron: str) -> str:
    """A readable, stable name for a schedule: ``0 */6 * * *`` -> ``tipwatch-0-every6-x-x-x``."""
    slug = re.sub(r"[^0-9A-Za-z]+", "-", cron.replace("*/", "every").replace("*", "x")).strip("-")
    return f"tipwatch-{slug}"


def build_deployments(
    cfg: SourcesConfig, raw: Path, processed: Path, *, models_dir: str | None = None, model: str | None = None
):
    """One RunnerDeployment per distinct schedule; paths are made absolute for the run processes."""
    from flows.pipeline import tipwatch_flow

    schedules = cfg.schedules()
    if not schedules:
        raise ServeError(f'{cfg.path}: no source has a schedule: add schedule = "<cron>" to at least one')
    out = []
    for cron in schedules:
        due = [s.label for s in cfg.sources if s.schedule == cron]
        params = {
            "raw_dir": str(raw.resolve()),
            "processed_dir": str(processed.resolve()),
            "sources_file": str(cfg.path.resolve()),
            "schedule": cron,
        }
        if models_dir:
            params["models_dir"] = str(Path(models_dir).resolve())
        if model:
            params["model"] = model
        out.append(
            tipwatch_flow.to_deployment(
                name=deployment_name(cron),
                cron=cron,
                parameters=params,
                description=f"tipwatch run fetching {len(due)} source(s) due on '{cron}': "
                + ", ".join(due)[:500],
                tags=["tipwatch"],
            )
        )
    return out


def serve(
    sources_file: Path, raw: Path, processed: Path, *, models_dir: str | None = None, model: str | None = None
) -> int | None:
    """Check the server, register the deployments and execute their runs until stopped; returns
    the signal that stopped it (SIGINT or SIGTERM; None if the runner ended by itself), the
    schedules then paused.

    Prefect's :class:`~prefect.runner.Runner` does the work (as ``prefect.serve`` would), with
    its SIGTERM handler wrapped so that the command can tell a SIGTERM from a plain return: the
    runner shuts down gracefully on SIGTERM (cancelling a run in progress, pausing the schedules)
    and returns normally, and on SIGINT it pauses the schedules and lets KeyboardInterrupt out."""
    import asyncio
    import signal

    from prefect.runner import Runner

    from flows.discover import progress

    cfg = load_sources(sources_file)
    url = api_url()
    check_server(url)
    deployments = build_deployments(cfg, raw, processed, models_dir=models_dir, model=model)
    runner = Runner(pause_on_shutdown=True, limit=1)
    for deployment in deployments:
        runner.add_deployment(deployment)
        progress(f"serving tipwatch/{deployment.name} ({deployment.description.split(':')[0]})")
    progress("Ctrl-C or SIGTERM stops serving and pauses the schedules")
    received: list[int] = []
    graceful = runner.handle_sigterm  # Runner.start installs whatever this attribute holds

    def on_sigterm(*args):
        received.append(signal.SIGTERM)
        graceful(*args)

    runner.handle_sigterm = on_sigterm
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        return signal.SIGINT
    except SystemExit:  # a SIGTERM before the runner had started: it exits at once
        if not received:
            raise
    return received[0] if received else None
