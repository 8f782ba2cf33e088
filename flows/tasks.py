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

from extractors.parse import SUPPORTED_SUFFIXES
from extractors.parse.documents import Document
from extractors.records import RECORD_TABLES, TABLES
from flows.checks import claim_checks_table
from flows.decisions import apply as apply_decisions
from flows.decisions import extracted_table
from flows.decisions import load as load_decisions
from flows.discover import discover, progress
from flows.ingest import ingest_sources
from flows.plan import Limits, RunPlan, Source
from flows.store import REVIEWED_TABLES, Store, to_arrow

_NLP_CACHE: dict[tuple, object] = {}
LARGE_TEXT = 400_000  # characters; above this, spaCy runs in two processes
LARGE_FILE = 1_000_000  # bytes; such a file (a report) gets a batch of its own
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


def find_sources(raw: Path, sources_file: str | None, schedule: str | None) -> list[Source]:
    """The sources file's sources (fetched when due), then the raw folder's files."""
    sources: list[Source] = []
    if sources_file:
        sources.extend(ingest_sources(sources_file, raw, schedule))
    if raw.exists():
        sources.extend(discover(raw))
    return sources


# -- parse and extract ----------------------------------------------------------------------------
def get_nlp(models_dir: str, model: str | None):
    """The spaCy pipeline, built once per process (a worker keeps it between batches)."""
    key = (models_dir, model)
    if key not in _NLP_CACHE:
        from extractors.nlp.pipeline import build_pipeline

        _NLP_CACHE.clear()
        _NLP_CACHE[key] = build_pipeline(models_dir, {"nlp.model": model} if model else None)
    return _NLP_CACHE[key]


def parse_source(s: Source, limits: Limits) -> tuple[Document, bytes]:
    """A source's Document and bytes. A file type no parser reads is a failed document: a name
    without a supported suffix that is neither a URL nor a PDF by its first bytes."""
    from extractors.parse import failed, parse_bytes

    data = Path(s.path).read_bytes()
    if not s.source.lower().endswith(SUPPORTED_SUFFIXES) and "://" not in s.source and data[:5] != b"%PDF-":
        return failed(data, s.source, f"unsupported file type {Path(s.source).suffix or '(none)'}"), data
    doc = parse_bytes(
        data,
        source=s.source,
        name=s.path,
        max_bytes=limits.max_bytes,
        max_pages=limits.max_pages,
        pdf_workers=2 if len(data) > 2_000_000 else 1,
    )
    return doc, data


def process_batch_fn(
    sources: list[Source], models_dir: str, model: str | None, limits: Limits, n_process: int = 1
) -> list[tuple[Document, dict, dict]]:
    """Parse and extract a batch: [(document, rows per table, timings)] in input order."""
    from extractors.extract import extract_documents

    t0 = time.perf_counter()
    docs = []
    raw: dict[str, bytes] = {}  # a TIP report PDF's bytes, for the tables read from its layout
    for s in sources:
        doc, data = parse_source(s, limits)
        docs.append(doc)
        if doc.kind == "tip_report" and doc.pages:
            raw[doc.doc_id] = data
    t1 = time.perf_counter()
    nlp = get_nlp(models_dir, model)
    # A whole report is worth a second process (both cores); a batch of articles is not.
    if n_process == 1 and sum(len(d.text) for d in docs) > LARGE_TEXT:
        n_process = 2
    out = [(d, r.rows()) for d, r in extract_documents(docs, nlp, n_process=n_process, raw=raw)]
    t2 = time.perf_counter()
    return [(d, rows, {"parse": (t1 - t0) / len(docs), "extract": (t2 - t1) / len(docs)}) for d, rows in out]


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
    plan: RunPlan, batch_size: int, models: str, model: str | None, limits: Limits, version: str
):
    """Submit the plan's documents in batches; (rows per table, parse and extract seconds).

    Rows come in input order whatever order the batches finish in; unfetched sources come last."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    seconds = {"parse": 0.0, "extract": 0.0}
    work = batches(plan.to_extract, batch_size)
    futures = [process_batch.submit(b, models, model, limits) for b in work]
    done = 0
    for b, fut in zip(work, futures):
        try:
            results = fut.result()
        except Exception as exc:
            results = failed_batch(b, exc)
        for s, (doc, doc_rows, t) in zip(b, results):
            seconds["parse"] += t["parse"]
            seconds["extract"] += t["extract"]
            add_document(rows, s, doc, doc_rows, version)
        done += len(b)
        progress(f"parsed and extracted {done}/{len(plan.to_extract)} documents")
    for s in plan.unfetched:
        rows["documents"].append(document_row(unfetched_document(s), s, version))
    return rows, seconds


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
            rows = old.to_pylist()
            for r in rows:
                r["source"] = carried[r["doc_id"]].source
            old = to_arrow(name, rows)
        old = old.select(tbl.schema.names).cast(tbl.schema)
        out[name] = to_arrow(name, pa.concat_tables([tbl, old]).to_pylist())
    return out


def _extracted(store: Store, name: str, run_id: str) -> pa.Table:
    """A table of ``run_id`` as extracted: reviewers' decisions undone (they are applied afresh)."""
    old = store.read_table(name, run_id)
    if name not in REVIEWED_TABLES:
        return old
    rejected = store.runs_dir / run_id / f"{name}_rejected.parquet"
    return extracted_table(name, old, store.read_table(rejected.stem, run_id) if rejected.exists() else None)


def review(tables: dict[str, pa.Table], decisions_file: str | None) -> tuple[dict[str, pa.Table], dict]:
    """The run's tables with the reviewers' decisions applied, and what applying them did."""
    decisions = load_decisions(Path(decisions_file)) if decisions_file else []
    tables, outcome = apply_decisions(tables, decisions)
    return tables, {"decisions_file": decisions_file, **outcome.counts()}


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
    }
    t_store = time.perf_counter()
    store.publish(run.run_id, tables, manifest)
    # The manifest is final once published; the timing for the publish step itself is reported only.
    timings["store"] = round(time.perf_counter() - t_store, 3)
    timings["total"] = round(time.perf_counter() - run.t_start, 3)
    timings = {k: round(v, 3) for k, v in timings.items()}
    documents = docs_tbl.select(["source", "kind", "status", "error"]).to_pylist()
    summary = RunSummary(
        run.run_id, "completed", len(docs_tbl), row["n_new"], len(run.plan.carried), row["n_failed"],
        counts, timings, documents,
    )  # fmt: skip
    return asdict(summary)


discover_task = task(find_sources, name="discover", **_LOCAL)
carry_over_task = task(with_carried, name="carry-over", **_LOCAL)
review_task = task(review, name="review", **_LOCAL)
claim_checks_task = task(claim_checks_table, name="claim-checks", **_LOCAL)
publish_task = task(publish_run, name="publish", **_LOCAL)
