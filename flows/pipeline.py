"""The tipwatch Prefect flow: discover -> parse -> extract -> store, incrementally.

``tipwatch_flow`` is one flow run over a raw folder (and, through :mod:`flows.ingest`, fetched
sources). A document whose bytes (``doc_id``) and extractor version are unchanged since the latest
completed run is neither parsed nor extracted again: its rows are carried over. Documents that
failed before are retried. Tasks are thin wrappers around :mod:`extractors`; they work on
batches of documents because each Prefect task run costs API round trips.

Prefect's own result caching is off (``NO_CACHE``): incremental work is keyed on content hashes
by the store, which also survives Prefect's database being wiped.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors.parse import SUPPORTED_SUFFIXES
from extractors.parse.documents import Document
from extractors.records import RECORD_TABLES, TABLES
from flows.store import Store, new_run_id, to_arrow

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODELS = PACKAGE_ROOT / "models"
VERSION = "0.1.0"


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 200_000_000
    max_pages: int = 2000


@dataclass(frozen=True)
class Source:
    """One input: where it came from, and where its bytes are on disk."""

    source: str  # path relative to the raw folder, or URL
    path: str
    doc_id: str
    fetched_from: str | None = None
    error: str | None = None  # set when the source could not be fetched: a documents row with status error
    kind: str | None = None  # documents.kind for such a failure record


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


def progress(message: str) -> None:
    print(f"[tipwatch] {message}", file=sys.stderr, flush=True)


# -- versions -------------------------------------------------------------------------------------
def code_hash() -> str:
    """Hash of the extraction code (:data:`extractors.EXTRACTION_CODE`): a change there re-extracts
    every document; evaluation and analysis code never does."""
    import extractors

    root = Path(extractors.__file__).resolve().parent
    h = hashlib.sha256()
    for path in extractors.extraction_files():
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def base_model(models_dir: Path, model: str | None) -> str:
    from spacy.util import get_package_version

    from extractors.nlp.pipeline import load_config, resolve_model_name

    cfg = load_config(models_dir, {"nlp.model": model} if model else None)
    name = resolve_model_name(cfg["nlp"]["model"])
    return f"{name}=={get_package_version(name) or 'local'}"


def extractor_version(models_dir: Path, model: str | None) -> tuple[str, dict]:
    from extractors.nlp.pipeline import rules_hash

    parts = {
        "code_version": f"{VERSION}+{code_hash()}",
        "model": base_model(models_dir, model),
        "rules_hash": rules_hash(models_dir),
    }
    return hashlib.sha256(repr(sorted(parts.items())).encode()).hexdigest()[:16], parts


# -- discovery --------------------------------------------------------------------------------------
def discover(raw_dir: Path) -> list[Source]:
    """Every visible file under ``raw_dir`` (sorted), hashed, except ``fetched/`` (fetched copies are
    sources of ``--sources`` runs, named by URL). Unsupported types are kept: they fail visibly."""
    from extractors.parse.documents import doc_id_for

    out = []
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or path.name.endswith(".meta.json"):
            continue
        if (
            rel.parts[0] == "fetched"
        ):  # web copies enter through the sources file, under their URL (flows.ingest)
            continue
        out.append(Source(str(rel), str(path), doc_id_for(path.read_bytes())))
    return out


# -- tasks ------------------------------------------------------------------------------------------
_NLP_CACHE: dict[tuple, object] = {}
LARGE_TEXT = 400_000  # characters; above this, spaCy runs in two processes


def get_nlp(models_dir: str, model: str | None):
    key = (models_dir, model)
    if key not in _NLP_CACHE:
        from extractors.nlp.pipeline import build_pipeline

        _NLP_CACHE.clear()
        _NLP_CACHE[key] = build_pipeline(models_dir, {"nlp.model": model} if model else None)
    return _NLP_CACHE[key]


def process_batch_fn(
    sources: list[Source], models_dir: str, model: str | None, limits: Limits, n_process: int = 1
) -> list[tuple[Document, dict, dict]]:
    """Parse and extract a batch: [(document, rows per table, timings)] in input order."""
    from extractors.extract import extract_documents
    from extractors.parse import parse_bytes

    t0 = time.perf_counter()
    docs = []
    raw: dict[str, bytes] = {}  # a TIP report PDF's bytes, for the tables read from its layout
    for s in sources:
        data = Path(s.path).read_bytes()
        if (
            not s.source.lower().endswith(SUPPORTED_SUFFIXES)
            and "://" not in s.source
            and not data[:5] == b"%PDF-"
        ):
            from extractors.parse import failed

            docs.append(failed(data, s.source, f"unsupported file type {Path(s.source).suffix or '(none)'}"))
            continue
        doc = parse_bytes(
            data,
            source=s.source,
            name=s.path,
            max_bytes=limits.max_bytes,
            max_pages=limits.max_pages,
            pdf_workers=2 if len(data) > 2_000_000 else 1,
        )
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


process_batch = task(
    process_batch_fn, name="parse-and-extract", cache_policy=NO_CACHE, persist_result=False, retries=0
)


def batches(sources: list[Source], size: int = 16) -> list[list[Source]]:
    """Batches of about ``size`` documents; a large file (a report) gets a batch of its own."""
    out: list[list[Source]] = []
    current: list[Source] = []
    for s in sources:
        if os.path.getsize(s.path) > 1_000_000:
            out.append([s])
            continue
        current.append(s)
        if len(current) >= size:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


# -- the flow -------------------------------------------------------------------------------------------
@flow(name="tipwatch", log_prints=False, persist_result=False)
def tipwatch_flow(
    raw_dir: str = "raw",
    processed_dir: str = "processed",
    models_dir: str | None = None,
    model: str | None = None,
    sources_file: str | None = None,
    max_bytes: int = 200_000_000,
    max_pages: int = 2000,
    batch_size: int = 16,
    schedule: str | None = None,
) -> dict:
    """Run the pipeline once and publish a new run; returns the run summary as a dict."""
    started = datetime.now(UTC)
    t_start = time.perf_counter()
    raw, store = Path(raw_dir), Store(Path(processed_dir))
    models = Path(models_dir) if models_dir else DEFAULT_MODELS
    store.repair()
    run_id = new_run_id(started)
    version, parts = extractor_version(models, model)
    limits = Limits(max_bytes, max_pages)

    sources: list[Source] = []
    if sources_file:
        from flows.ingest import ingest_sources

        sources.extend(ingest_sources(sources_file, raw, schedule))
    if raw.exists():
        sources.extend(discover(raw))
    # One row per distinct content: the first path wins, duplicates are reported.
    unique: dict[str, Source] = {}
    for s in sources:
        unique.setdefault(s.doc_id, s)
    sources = list(unique.values())
    unfetched = [s for s in sources if s.error]  # no bytes: recorded as failed documents, not parsed
    sources = [s for s in sources if not s.error]
    t_discover = time.perf_counter()

    prev_run = store.latest_run()
    prev_docs = {}
    if prev_run:
        for row in store.read_table("documents", prev_run).to_pylist():
            prev_docs[row["doc_id"]] = row
    # empty / needs_ocr / encrypted follow from the bytes alone, so they are carried too; errors are retried.
    carry = [
        s
        for s in sources
        if (p := prev_docs.get(s.doc_id))
        and p.get("extractor_version") == version
        and p["status"] in ("ok", "empty", "needs_ocr", "encrypted")
    ]
    carry_ids = {s.doc_id for s in carry}
    todo = [s for s in sources if s.doc_id not in carry_ids]
    progress(
        f"run {run_id}: {len(sources)} documents, {len(carry)} unchanged (carried over), {len(todo)} to parse and extract"
    )

    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    timings = {"discover": round(t_discover - t_start, 3), "parse": 0.0, "extract": 0.0}
    work = batches(todo, batch_size)
    futures = [process_batch.submit(b, str(models), model, limits) for b in work]
    done = 0
    for b, fut in zip(work, futures):
        try:
            results = fut.result()
        except Exception as exc:  # a whole batch failed (e.g. a worker died): record every document in it
            from extractors.parse import failed

            msg = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'task failed'}"
            results = [
                (
                    failed(Path(s.path).read_bytes(), s.source, msg),
                    {n: [] for n in RECORD_TABLES},
                    {"parse": 0, "extract": 0},
                )
                for s in b
            ]
        for s, (doc, doc_rows, t) in zip(b, results):
            timings["parse"] += t["parse"]
            timings["extract"] += t["extract"]
            rows["documents"].append(_document_row(doc, s, version))
            if doc.status == "ok":
                rows["texts"].append(
                    {"doc_id": doc.doc_id, "text": doc.text, "page_starts": [p.start for p in doc.pages]}
                )
            for name in RECORD_TABLES:
                rows[name].extend(doc_rows[name])
        done += len(b)
        progress(f"parsed and extracted {done}/{len(todo)} documents")
    for s in unfetched:
        doc = Document(
            doc_id=s.doc_id, text="", kind=s.kind or "other", url=s.source, status="error", error=s.error
        )
        rows["documents"].append(_document_row(doc, s, version))
    t_work = time.perf_counter()  # noqa: F841

    tables = {name: to_arrow(name, rows[name]) for name in TABLES if name not in ("runs", "claim_checks")}
    if carry:
        tables = _carry_over(store, prev_run, tables, {s.doc_id: s for s in carry})
    from flows.checks import claim_checks_table  # derived from the whole run, so never carried over

    tables["claim_checks"] = claim_checks_table(tables)
    docs_tbl = tables["documents"]
    n_failed = sum(1 for st in docs_tbl.column("status").to_pylist() if st != "ok")
    finished = datetime.now(UTC)
    timings["store"] = 0.0
    run_row = {
        "run_id": run_id,
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": finished.isoformat(timespec="seconds"),
        "status": "completed",
        **parts,
        "n_documents": len(docs_tbl),
        "n_new": len(todo),
        "n_failed": n_failed,
    }
    previous_runs = store.read_table("runs", prev_run).to_pylist() if prev_run else []
    tables["runs"] = to_arrow("runs", previous_runs + [run_row])
    counts = {name: len(tbl) for name, tbl in tables.items()}
    manifest = {
        **run_row,
        "extractor_version": version,
        "n_carried": len(carry),
        "counts": counts,
        "timings": timings,
        "raw_dir": str(raw),
        "previous_run": prev_run,
    }
    t_store = time.perf_counter()
    store.publish(run_id, tables, manifest)
    timings["store"] = round(time.perf_counter() - t_store, 3)
    timings["total"] = round(time.perf_counter() - t_start, 3)
    timings = {k: round(v, 3) for k, v in timings.items()}
    # The manifest is final once published; the timing for the publish step itself is reported only.
    summary = RunSummary(
        run_id,
        "completed",
        len(docs_tbl),
        len(todo),
        len(carry),
        n_failed,
        counts,
        timings,
        docs_tbl.select(["source", "kind", "status", "error"]).to_pylist(),
    )
    return asdict(summary)


def _document_row(doc: Document, s: Source, version: str) -> dict:
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


def _carry_over(
    store: Store, prev_run: str, tables: dict[str, pa.Table], carried: dict[str, Source]
) -> dict[str, pa.Table]:
    """Append the previous run's rows for unchanged documents (sources updated if files moved)."""
    ids = pa.array(list(carried))
    out = {}
    for name, tbl in tables.items():
        old = store.read_table(name, prev_run)
        old = old.filter(pc.is_in(old.column("doc_id"), value_set=ids))
        if name == "documents":
            rows = old.to_pylist()
            for r in rows:
                r["source"] = carried[r["doc_id"]].source
            old = to_arrow(name, rows)
        old = old.select(tbl.schema.names).cast(tbl.schema)
        out[name] = to_arrow(name, pa.concat_tables([tbl, old]).to_pylist())
    return out
