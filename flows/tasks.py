"""The stages of a run, each a thin Prefect task (or the loop that submits them) over the library.

* ``discover``: :func:`flows.discover.find_sources` (fetching what a sources file makes due);
* ``parse-and-extract``: :func:`process_batch_fn` on a batch of documents, submitted to the flow's
  task runner (threads, or a Dask cluster); :func:`extract_batches` collects the rows, in order;
* ``carry-over``: the previous run's rows for unchanged documents (:func:`carry_over`);
* ``claim-checks``: :func:`flows.checks.claim_checks_table` over the whole run;
* ``publish``: the ``runs`` row and manifest, then :meth:`flows.store.Store.publish`.

Tasks work on batches of documents because each Prefect task run costs API round trips; Prefect's
result caching is off (``NO_CACHE``): incremental work is keyed on content hashes by the store.
Tasks other than ``parse-and-extract`` are called, not submitted: they run in the flow's process.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from prefect import task
from prefect.cache_policies import NO_CACHE

from extractors.parse.documents import Document
from extractors.records import RECORD_TABLES, TABLES
from flows.checks import claim_checks_table
from flows.decisions import Decision, extracted_table
from flows.decisions import apply as apply_decisions
from flows.discover import discover
from flows.ingest import ingest_sources
from flows.plan import Limits, RunPlan, Source
from flows.progress import stage_progress
from flows.store import REVIEWED_TABLES, Store, as_table, to_arrow
from flows.workers import LARGE_FILE, WORKERS, pooled_sources, process_batch_fn, run_in_pool

BATCH_BYTES = 60_000  # bytes of articles per batch sent to a worker
_LOCAL = {"cache_policy": NO_CACHE, "persist_result": False, "retries": 0}


@dataclass
class RunSummary:
    run_id: str
    status: str
    n_documents: int = 0
    n_new: int = 0
    n_carried: int = 0
    n_failed: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    documents: list[dict] = field(default_factory=list)
    worker_seconds: dict[str, float] = field(default_factory=dict)


def find_sources(raw: Path, sources_file: str | None, schedule: str | None) -> list[Source]:
    """The sources file's sources (fetched when due), then the raw folder's files."""
    sources: list[Source] = []
    if sources_file:
        sources.extend(ingest_sources(sources_file, raw, schedule))
    if raw.exists():
        sources.extend(discover(raw))
    return sources


# -- parse and extract ----------------------------------------------------------------------------
process_batch = task(process_batch_fn, name="parse-and-extract", **_LOCAL)


def batches(sources: list[Source], size: int = 16) -> list[list[Source]]:
    """Batches of about ``size`` documents; a large file (a report) gets a batch of its own."""
    out: list[list[Source]] = []
    current: list[Source] = []
    for s in sources:
        if os.path.getsize(s.path) > LARGE_FILE:
            out.append([s])
            continue
        current.append(s)
        if len(current) >= size:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def failed_batch(batch: list[Source], exc: Exception) -> list[tuple[Document, dict, dict]]:
    """A whole batch failed (e.g. a worker died): every document in it is a failed document."""
    from extractors.parse import failed

    msg = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'task failed'}"
    no_rows = {n: [] for n in RECORD_TABLES}
    return [
        (failed(Path(s.path).read_bytes(), s.source, msg), no_rows, {"parse": 0, "extract": 0}) for s in batch
    ]


def document_row(doc: Document, s: Source, version: str) -> dict:
    """The ``documents`` row of a parsed (or failed) document."""
    return {
        "doc_id": doc.doc_id,
        "source": s.source,
        "kind": doc.kind,
        "title": doc.title,
        "published": doc.published,
        "language": doc.language if doc.status == "ok" else None,
        "n_pages": doc.n_pages,
        "n_chars": len(doc.text),
        "status": doc.status,
        "error": doc.error,
        "extractor_version": version,
        "fetched_from": s.fetched_from,
    }


def add_document(rows: dict[str, list[dict]], s: Source, doc: Document, doc_rows: dict, version: str) -> None:
    """Append one document's rows: its documents row, its text when parsed, its extracted records."""
    rows["documents"].append(document_row(doc, s, version))
    if doc.status == "ok":
        rows["texts"].append(
            {"doc_id": doc.doc_id, "text": doc.text, "page_starts": [p.start for p in doc.pages]}
        )
    for name in RECORD_TABLES:
        rows[name].extend(doc_rows[name])


def unfetched_document(s: Source) -> Document:
    """The failed Document of a URL that has no bytes (its doc_id is :func:`flows.ingest.failure_id`)."""
    return Document(
        doc_id=s.doc_id, text="", kind=s.kind or "other", url=s.source, status="error", error=s.error
    )


def extract_batches(
    plan: RunPlan, batch_size: int, models: str, model: str | None, limits: Limits, version: str,
    workers: int = WORKERS,
):  # fmt: skip
    """Parse and extract the plan's documents; (rows per table, seconds).

    Articles go to ``workers`` processes that load the pipeline once (:func:`flows.workers.run_in_pool`)
    when there is enough text to be worth starting them; otherwise, and for large files (reports,
    which use both cores themselves), batches are submitted to the flow's task runner (threads, or a
    Dask cluster). Rows come in input order whatever order the batches finish in; unfetched sources
    come last. ``seconds`` holds the stage's wall time (``parse_extract``) and, labelled as such, the
    workers' summed seconds (``worker_parse``, ``worker_extract``), which exceed the wall time when
    workers run side by side."""
    t0 = time.perf_counter()
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    seconds = {"worker_parse": 0.0, "worker_extract": 0.0}
    pooled = [] if _remote_runner() else pooled_sources(plan.to_extract, workers)
    rest = [s for s in plan.to_extract if s not in set(pooled)] if pooled else plan.to_extract
    pool_work = batches_by_size(pooled, tail=workers * BATCH_BYTES)
    work = batches(rest, batch_size)
    futures = [process_batch.submit(b, models, model, limits) for b in work]
    results = _results(pool_work, futures, work, models, model, limits, workers)
    with stage_progress(len(plan.to_extract)) as advance:  # a bar on a terminal, lines otherwise
        for b, batch_results in results:
            for s, (doc, doc_rows, t) in zip(b, batch_results):
                seconds["worker_parse"] += t["parse"]
                seconds["worker_extract"] += t["extract"]
                add_document(rows, s, doc, doc_rows, version)
            advance(len(b))
    for s in plan.unfetched:
        rows["documents"].append(document_row(unfetched_document(s), s, version))
    seconds["parse_extract"] = time.perf_counter() - t0
    return rows, seconds


def _results(pool_work, futures, work, models, model, limits, workers):
    """(batch, its results) for the pooled batches, then the task runner's; a failed batch is a
    batch of failed documents."""
    if pool_work:
        it = run_in_pool(pool_work, models, model, limits, workers)
        for b in pool_work:
            try:
                yield b, next(it)
            except Exception as exc:  # noqa: BLE001 - a worker died: its batch fails, the run goes on
                yield b, failed_batch(b, exc)
    for b, fut in zip(work, futures):
        try:
            yield b, fut.result()
        except Exception as exc:  # noqa: BLE001
            yield b, failed_batch(b, exc)


def _remote_runner() -> bool:
    """Whether the flow runs on a Dask cluster (its task runner is then where work goes)."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    return ctx is not None and "Dask" in type(ctx.task_runner).__name__


def batches_by_size(
    sources: list[Source], target: int = BATCH_BYTES, most: int = 32, tail: int = 0
) -> list[list[Source]]:
    """Batches of about ``target`` bytes (at most ``most`` documents) so workers get even shares;
    the last ``tail`` bytes in batches of a quarter of that, so that at the end no worker waits
    long for the other's last batch."""
    out: list[list[Source]] = []
    current: list[Source] = []
    sizes = [os.path.getsize(s.path) for s in sources]
    size, left = 0, sum(sizes)
    for s, n in zip(sources, sizes):
        current.append(s)
        size += n
        left -= n
        if size >= (target if left > tail else target // 4) or len(current) >= most:
            out.append(current)
            current, size = [], 0
    if current:
        out.append(current)
    return out


# -- carry over, claim checks, publish ------------------------------------------------------------
def previous_documents(store: Store, prev_run: str | None) -> dict[str, dict]:
    """doc_id -> the previous completed run's documents row (empty for a first run)."""
    if not prev_run:
        return {}
    return {row["doc_id"]: row for row in store.read_table("documents", prev_run).to_pylist()}


def carry_over(
    store: Store, prev_run: str, tables: dict[str, pa.Table], carried: dict[str, Source]
) -> dict[str, pa.Table]:
    """Append the previous run's rows for unchanged documents (sources updated if files moved)."""
    ids = pa.array(list(carried))
    out = {}
    for name, tbl in tables.items():
        old = _extracted(store, name, prev_run)
        old = old.filter(pc.is_in(old.column("doc_id"), value_set=ids))
        if name == "documents":
            moved = [carried[d].source for d in old.column("doc_id").to_pylist()]
            old = old.set_column(old.schema.get_field_index("source"), "source", pa.array(moved, pa.string()))
        out[name] = as_table(name, pa.concat_tables([tbl, as_table(name, old)]))
    return out


def _extracted(store: Store, name: str, run_id: str) -> pa.Table:
    """A table of ``run_id`` as extracted: reviewers' decisions undone (they are applied afresh)."""
    old = store.read_table(name, run_id)
    if name not in REVIEWED_TABLES:
        return old
    return extracted_table(name, old, store.read_table(f"{name}_rejected", run_id))


def review(
    tables: dict[str, pa.Table], decisions: list[Decision], decisions_file: str
) -> tuple[dict[str, pa.Table], dict]:
    """The run's tables with the reviewers' decisions (read from ``decisions_file`` when the run
    started) applied, and what applying them did."""
    from flows.unchanged import decisions_sha256

    tables, outcome = apply_decisions(tables, decisions)
    # the file's hash tells a later run whether the decisions changed (flows.unchanged)
    digest = decisions_sha256(Path(decisions_file))
    return tables, {"decisions_file": decisions_file, "decisions_sha256": digest, **outcome.counts()}


# Tables made when the run is published, from the whole run and the runs before it.
PUBLISH_TABLES = ("runs", "claim_checks", "document_versions")


def document_versions(store: Store, run: RunRecord, documents: pa.Table) -> pa.Table:
    """Every version of every document so far: the previous run's versions, this run's documents
    added as new versions or with ``last_run`` moved on."""
    by_key: dict[tuple, dict] = {}
    if run.prev_run and (store.runs_dir / run.prev_run / "document_versions.parquet").exists():
        prev = store.read_table("document_versions", run.prev_run).to_pylist()
        by_key = {(r["source"], r["doc_id"]): r for r in prev}
    elif run.prev_run:  # runs from before versions were kept: rebuilt from their documents
        for run_id in store.completed_runs():
            _add_versions(by_key, store.read_table("documents", run_id), run_id)
    _add_versions(by_key, documents, run.run_id)
    return to_arrow("document_versions", list(by_key.values()))


def _add_versions(by_key: dict[tuple, dict], documents: pa.Table, run_id: str) -> None:
    for d in documents.select(["source", "doc_id", "n_chars"]).to_pylist():
        row = by_key.setdefault((d["source"], d["doc_id"]), {**d, "first_run": run_id})
        row["last_run"] = run_id


def new_tables(rows: dict[str, list[dict]]) -> dict[str, pa.Table]:
    """This run's rows as tables (``runs`` and ``claim_checks`` are added later, from the whole run)."""
    return {name: to_arrow(name, rows[name]) for name in TABLES if name not in PUBLISH_TABLES}


def with_carried(store: Store, prev_run: str | None, tables: dict[str, pa.Table], carried: list[Source]):
    """The run's extracted tables: this run's rows plus the carried documents' rows."""
    if not carried:
        return tables
    return carry_over(store, prev_run, tables, {s.doc_id: s for s in carried})


@dataclass
class RunRecord:
    """What the flow knows about its run when it publishes."""

    run_id: str
    started: datetime
    t_start: float  # perf_counter at the start of the run
    version: str
    parts: dict
    raw_dir: str
    prev_run: str | None
    plan: RunPlan
    timings: dict[str, float]
    review: dict | None = None  # what applying the reviewers' decisions did (flows.decisions)
    worker_seconds: dict = field(default_factory=dict)  # summed over workers: exceeds wall time


def run_row(run: RunRecord, documents: pa.Table) -> dict:
    """The run's ``runs`` row (also the head of its manifest)."""
    n_failed = sum(1 for st in documents.column("status").to_pylist() if st != "ok")
    return {
        "run_id": run.run_id,
        "started_at": run.started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "status": "completed",
        **run.parts,
        "n_documents": len(documents),
        "n_new": len(run.plan.to_extract),
        "n_failed": n_failed,
    }


def publish_run(store: Store, run: RunRecord, tables: dict[str, pa.Table]) -> dict:
    """Add the ``runs`` table, publish the run and return its summary (as a dict)."""
    from dataclasses import asdict

    docs_tbl, timings = tables["documents"], run.timings
    timings["store"] = 0.0
    row = run_row(run, docs_tbl)
    previous_runs = store.read_table("runs", run.prev_run).to_pylist() if run.prev_run else []
    tables["runs"] = to_arrow("runs", previous_runs + [row])
    tables["document_versions"] = document_versions(store, run, docs_tbl)
    counts = {name: len(tbl) for name, tbl in tables.items()}
    manifest = {
        **row,
        "extractor_version": run.version,
        "n_carried": len(run.plan.carried),
        "counts": counts,
        "timings": timings,
        "raw_dir": run.raw_dir,
        "previous_run": run.prev_run,
        "review": run.review,
        "worker_seconds": {k: round(v, 3) for k, v in run.worker_seconds.items()},
    }
    t_store = time.perf_counter()
    store.publish(run.run_id, tables, manifest)
    # The manifest is final once published; the timing for the publish step itself is reported only.
    timings["store"] = round(time.perf_counter() - t_store, 3)
    total = time.perf_counter() - run.t_start
    # Wall time per stage, adding up to the flow's total (``other``: planning, Prefect's task calls).
    timings["other"] = max(total - sum(timings.values()), 0.0)
    timings["total"] = total
    timings = {k: round(v, 3) for k, v in timings.items()}
    documents = docs_tbl.select(["source", "kind", "status", "error"]).to_pylist()
    summary = RunSummary(
        run.run_id, "completed", len(docs_tbl), row["n_new"], len(run.plan.carried), row["n_failed"],
        counts, timings, documents, manifest["worker_seconds"],
    )  # fmt: skip
    return asdict(summary)


discover_task = task(find_sources, name="discover", **_LOCAL)
carry_over_task = task(with_carried, name="carry-over", **_LOCAL)
review_task = task(review, name="review", **_LOCAL)
claim_checks_task = task(claim_checks_table, name="claim-checks", **_LOCAL)
publish_task = task(publish_run, name="publish", **_LOCAL)
