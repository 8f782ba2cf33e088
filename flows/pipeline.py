"""The tipwatch Prefect flow: discover -> plan -> parse and extract -> claim checks -> publish.

``tipwatch_flow`` is one flow run over a raw folder (and, through :mod:`flows.ingest`, fetched
sources). A document whose bytes (``doc_id``) and extractor version are unchanged since the latest
completed run is neither parsed nor extracted again: its rows are carried over (:mod:`flows.plan`
decides, :mod:`flows.tasks` does). Documents that failed before are retried. Prefect's own result
caching is off: incremental work is keyed on content hashes by the store, which also survives
Prefect's database being wiped.

The names other modules import from here (``Source``, ``Limits``, ``discover``, ``code_hash``,
``extractor_version``, ``process_batch_fn``, ...) are re-exported from the modules that own them.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow

from flows.decisions import default_decisions
from flows.decisions import load as load_decisions
from flows.discover import discover, progress
from flows.interrupt import flow_started, publishing, release_abandoned
from flows.lock import writer_lock
from flows.plan import Limits, RunPlan, Source, describe, plan_run
from flows.store import Store, new_run_id
from flows.tasks import (
    RunRecord,
    RunSummary,
    batches,
    carry_over_task,
    claim_checks_task,
    discover_task,
    extract_batches,
    new_tables,
    previous_documents,
    process_batch,
    publish_task,
    review_task,
)
from flows.unchanged import unchanged_since, unchanged_summary
from flows.versions import DEFAULT_MODELS, PACKAGE_ROOT, VERSION, base_model, code_hash, extractor_version
from flows.workers import LARGE_TEXT, get_nlp, process_batch_fn

__all__ = [
    "DEFAULT_MODELS", "LARGE_TEXT", "PACKAGE_ROOT", "VERSION", "Limits", "RunPlan", "RunSummary", "Source",
    "base_model", "batches", "code_hash", "discover", "extractor_version", "get_nlp", "plan_run",
    "process_batch", "process_batch_fn", "progress", "tipwatch_flow",
]  # fmt: skip


@flow(name="tipwatch", log_prints=False, persist_result=False)
def tipwatch_flow(
    raw_dir: str = "raw",
    processed_dir: str = "processed",
    models_dir: str | None = None,
    model: str | None = None,
    sources_file: str | None = None,
    max_bytes: int = 200_000_000,
    max_pages: int = 2000,
    parse_seconds: float = 120.0,
    extract_seconds: float = 600.0,
    parse_memory_mb: int = 384,
    batch_size: int = 16,
    schedule: str | None = None,
    decisions_file: str | None = None,
    force: bool = False,
) -> dict:
    """Run the pipeline once and publish a new run; returns the run summary as a dict.

    ``decisions_file``: the reviewers' decisions (default ``reviews/decisions.jsonl`` beside the
    processed folder), applied to the run's tables before claim checks and publishing.

    A run over a raw folder (no ``sources_file``) that finds nothing changed since the latest run
    (:mod:`flows.unchanged`) publishes nothing and returns that run's summary with status
    ``unchanged``, unless ``force``.

    The run holds the processed folder's writer lock (:mod:`flows.lock`) from before it stages
    anything until it has published: it waits while another run holds it (``tipwatch run`` takes
    the lock itself first, and refuses at once unless given ``--wait``)."""
    waiting = lambda holder: progress(f"waiting for the run writing {processed_dir} ({holder})")
    with writer_lock(Path(processed_dir), wait=True, on_wait=waiting):
        return _run(
            raw_dir, processed_dir, models_dir, model, sources_file,
            Limits(max_bytes, max_pages, parse_seconds, extract_seconds, parse_memory_mb),
            batch_size, schedule, decisions_file, force,
        )  # fmt: skip


def _run(
    raw_dir,
    processed_dir,
    models_dir,
    model,
    sources_file,
    limits,
    batch_size,
    schedule,
    decisions_file,
    force,
) -> dict:
    started, t_start = datetime.now(UTC), time.perf_counter()
    store, models = Store(Path(processed_dir)), Path(models_dir) if models_dir else DEFAULT_MODELS
    for line in store.repair():  # a crash or a damaged store left it behind its newest complete run
        progress(f"repaired: {line}")
    release_abandoned(Path(processed_dir), _flow_run_id())  # a killed holder's flow run: Crashed
    decisions_file = decisions_file or str(default_decisions(Path(processed_dir)))
    decisions = load_decisions(Path(decisions_file))  # a broken file stops the run before any work
    version, parts = extractor_version(models, model, code_hash())  # code_hash looked up here: tests pin it
    same = (
        None
        if sources_file or force
        else unchanged_since(store, Path(raw_dir), version, Path(decisions_file))
    )
    if same is not None:  # a scheduled run over a folder nothing was added to: no copy of the tables
        progress(f"nothing changed since run {same}; nothing published")
        return unchanged_summary(store, same) | {
            "timings": {"total": round(time.perf_counter() - t_start, 3)}
        }
    sources = discover_task(Path(raw_dir), sources_file, schedule)
    timings = {"discover": round(time.perf_counter() - t_start, 3)}
    prev_run = store.latest_run()
    flow_started(_flow_run_id(), prev_run)  # from here a Ctrl-C names prev_run and cancels this flow run
    plan = plan_run(sources, previous_documents(store, prev_run), version)
    run = RunRecord(
        new_run_id(started), started, t_start, version, parts, str(Path(raw_dir)), prev_run, plan, timings
    )
    progress(f"run {run.run_id}: {describe(plan)}")
    rows, seconds = extract_batches(plan, batch_size, str(models), model, limits, version)
    timings["parse_extract"] = seconds.pop("parse_extract")
    run.worker_seconds = seconds
    t_checks = time.perf_counter()
    tables = carry_over_task(store, prev_run, new_tables(rows), plan.carried)
    tables, run.review = review_task(tables, decisions, decisions_file)
    tables["claim_checks"] = claim_checks_task(tables)  # derived from the whole run: never carried over
    timings["checks"] = time.perf_counter() - t_checks  # carry-over, reviewers' decisions, claim checks
    with publishing():  # a signal now waits until the run is published (or failed)
        return publish_task(store, run, tables)


def _flow_run_id() -> str | None:
    from prefect.runtime import flow_run

    return flow_run.id
