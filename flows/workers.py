"""Parse and extract batches of documents, in this process or in a pool of worker processes.

Kept free of Prefect so a worker process starts fast: it imports this module, loads the spaCy
pipeline once (:func:`get_nlp`, in the pool's initializer) and then takes batch after batch.
:func:`run_in_pool` keeps ``workers`` processes busy with batches of about the same number of
characters and yields each batch's results in input order. :func:`prestart_pool` starts that pool
(and so the workers' model loads) at the very beginning of a command, while the parent is still
starting Prefect and discovering sources; :func:`run_in_pool` then takes it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from extractors.parse.documents import Document
from extractors.records import RECORD_TABLES
from flows.deadline import DeadlineExceeded, deadline
from flows.guard import guarded_parse, needs_guard
from flows.parsing import parse_source
from flows.plan import Limits, Source

_NLP_CACHE: dict[tuple, object] = {}
LARGE_TEXT = 400_000  # characters; above this, spaCy runs in two processes
LARGE_FILE = 1_000_000  # bytes; such a file (a report) gets a batch of its own
WORKERS = 2  # extraction processes for articles (the machine class has 2 cores)
POOL_MIN_BYTES = 300_000  # below this much text, starting worker processes costs more than it saves
# A pool started ahead of its first batch (prestart_pool), by (models_dir, model, workers).
_PRESTARTED: dict[tuple, ProcessPoolExecutor] = {}


def pooled_sources(sources: list[Source], workers: int = WORKERS) -> list[Source]:
    """The sources that go to the worker pool: the small files (not reports), when there are
    ``workers`` > 1 and enough of their text to be worth starting the pool; else none."""
    small = [s for s in sources if not is_large(s)]
    if workers > 1 and sum(os.path.getsize(s.path) for s in small) >= POOL_MIN_BYTES:
        return small
    return []


def is_large(s: Source) -> bool:
    return os.path.getsize(s.path) > LARGE_FILE


def get_nlp(models_dir: str, model: str | None):
    """The spaCy pipeline, built once per process (a worker keeps it between batches)."""
    key = (models_dir, model)
    if key not in _NLP_CACHE:
        from extractors.nlp.pipeline import build_pipeline

        _NLP_CACHE.clear()
        _NLP_CACHE[key] = build_pipeline(models_dir, {"nlp.model": model} if model else None)
    return _NLP_CACHE[key]


def read_source(s: Source, limits: Limits) -> tuple[Document, bytes]:
    """A source's Document, and its bytes when its tables are read from the layout (a TIP report
    PDF). PDFs and large web pages are parsed in :mod:`flows.guard`'s child, within the time and
    memory limits; plain text and small pages here."""
    try:
        size = os.stat(s.path).st_size
    except OSError:
        size = 0  # parse_source reports it
    if not needs_guard(s, size):
        return parse_source(s, limits)
    doc = guarded_parse(s, limits)
    return doc, (Path(s.path).read_bytes() if doc.kind == "tip_report" and doc.pages else b"")


def process_batch_fn(
    sources: list[Source], models_dir: str, model: str | None, limits: Limits, n_process: int = 1
) -> list[tuple[Document, dict, dict]]:
    """Parse and extract a batch: [(document, rows per table, timings)] in input order."""
    shield_from_terminal_signals()
    t0 = time.perf_counter()
    docs = []
    raw: dict[str, bytes] = {}  # a TIP report PDF's bytes, for the tables read from its layout
    for s in sources:
        doc, data = read_source(s, limits)
        docs.append(doc)
        if doc.kind == "tip_report" and doc.pages:
            raw[doc.doc_id] = data
    t1 = time.perf_counter()
    if not any(d.status == "ok" and d.text for d in docs):  # nothing to extract: no model to load
        return [
            (d, {name: [] for name in RECORD_TABLES}, {"parse": (t1 - t0) / len(docs), "extract": 0.0})
            for d in docs
        ]
    nlp = get_nlp(models_dir, model)
    # A whole report is worth a second process (both cores); a batch of articles is not.
    # (Only a report: a long news text in one process costs the time, not a second pipeline's memory.)
    if n_process == 1 and sum(len(d.text) for d in docs if d.kind == "tip_report") > LARGE_TEXT:
        n_process = 2
    out = extract_within(docs, nlp, n_process, raw, limits.extract_seconds)
    t2 = time.perf_counter()
    return [(d, rows, {"parse": (t1 - t0) / len(docs), "extract": (t2 - t1) / len(docs)}) for d, rows in out]


def extract_within(docs: list[Document], nlp, n_process: int, raw: dict, seconds: float) -> list:
    """[(document, rows per table)] for ``docs``, each document within ``seconds`` of NLP time.

    The batch as a whole gets ``seconds`` (a batch is about 100 KB of articles, or one large
    document alone); when it runs over, its documents go again one by one, each with ``seconds``,
    and one that runs over alone gets status ``error`` and no rows: one text never stalls a run."""
    from extractors.extract import extract_documents

    try:
        with deadline(seconds):
            return [(d, r.rows()) for d, r in extract_documents(docs, nlp, n_process=n_process, raw=raw)]
    except DeadlineExceeded:
        if len(docs) > 1:
            return [extract_within([d], nlp, n_process, raw, seconds)[0] for d in docs]
    message = f"extraction took over {seconds:g} s (the limit, --extract-seconds)"
    no_rows = {name: [] for name in RECORD_TABLES}
    return [(replace(docs[0], status="error", error=message), no_rows)]


def _init_worker(models_dir: str, model: str | None) -> None:
    # A terminal's Ctrl-C reaches the whole process group: the worker ignores it (no traceback of
    # its own) and the parent, which decides what an interruption means, kills it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked since its birth (run_in_pool)
    get_nlp(models_dir, model)  # once per worker, before its first batch


def shield_from_terminal_signals() -> None:
    """Block SIGINT and SIGTERM in the calling thread, and so in every process it starts (spaCy's
    and the PDF reader's helpers inherit the mask): they never react to a terminal's Ctrl-C with a
    traceback of their own; the main thread, where Python runs signal handlers, still gets them."""
    if threading.current_thread() is not threading.main_thread():
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def run_in_pool(
    work: list[list[Source]], models_dir: str, model: str | None, limits: Limits, workers: int
) -> Iterator[list[tuple[Document, dict, dict]]]:
    """Each batch's results, in input order, from ``workers`` processes that load the pipeline
    once. Processes are started fresh (``spawn``): forking a process that runs Prefect's threads
    could copy a held lock into the child."""
    ex = _PRESTARTED.pop((models_dir, model, workers), None) or _new_pool(models_dir, model, workers)
    try:
        # Workers start with SIGINT blocked (the mask is inherited), until they ignore it.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            futures = [ex.submit(process_batch_fn, b, models_dir, model, limits) for b in work]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a Ctrl-C held meanwhile arrives now
        for fut in futures:
            yield fut.result()
    except BaseException:
        _kill_workers(ex)  # an interruption or a broken pool: never wait for running batches
        raise
    ex.shutdown(wait=True)


def _new_pool(models_dir: str, model: str | None, workers: int) -> ProcessPoolExecutor:
    ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init_worker, initargs=(models_dir, model)
    )


def _ready() -> None:
    """A pool task that returns once its worker has loaded the pipeline (the initializer ran)."""


def prestart_pool(models_dir: str, model: str | None, workers: int = WORKERS) -> None:
    """Start the worker pool for (``models_dir``, ``model``) now: each worker loads the pipeline
    while the caller goes on (Prefect's start-up, discovery); :func:`run_in_pool` takes the pool.
    Call :func:`discard_prestarted` when the command ends, for a pool no run took."""
    key = (models_dir, model, workers)
    if key in _PRESTARTED:
        return
    ex = _new_pool(models_dir, model, workers)
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # as run_in_pool's workers
    try:
        for _ in range(workers):  # spawn starts a process per task while none is idle
            ex.submit(_ready)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    _PRESTARTED[key] = ex


def discard_prestarted() -> None:
    """Stop a prestarted pool that no run took (its workers may still be loading: killed)."""
    while _PRESTARTED:
        _kill_workers(_PRESTARTED.popitem()[1])


def _kill_workers(ex: ProcessPoolExecutor) -> None:
    """Kill the pool's workers and reap them through their own process objects. Reaped any other
    way (``os.waitpid``, ``psutil.wait_procs``), a worker looks alive to the pool for ever
    (``waitpid`` fails, which multiprocessing reads as "still running"), and the pool's manager
    thread, which the interpreter joins at exit, then never ends."""
    procs = list((getattr(ex, "_processes", None) or {}).values())  # no public way before 3.14
    ex.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.kill()
    for p in procs:
        p.join(timeout=5.0)
