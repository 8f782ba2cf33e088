"""Parse and extract batches of documents, in this process or in a pool of worker processes.

Kept free of Prefect so a worker process starts fast: it imports this module, loads the spaCy
pipeline once (:func:`get_nlp`, in the pool's initializer) and then takes batch after batch.
:func:`run_in_pool` keeps ``workers`` processes busy with batches of about the same number of
characters and yields each batch's results in input order.
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

from extractors.parse import HTML_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES, byte_limit
from extractors.parse.documents import Document
from flows.pagemeta import sidecar_published
from flows.plan import Limits, Source

_NLP_CACHE: dict[tuple, object] = {}
LARGE_TEXT = 400_000  # characters; above this, spaCy runs in two processes


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

    size = os.stat(s.path).st_size
    # by name before reading (the parser checks again by content): HTML and text have the lower limit
    limit = byte_limit(not s.source.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES), limits.max_bytes)
    if size > limit:  # refused before a byte is read: a huge file never fills memory
        message = f"file is {size:,} bytes, over the limit of {limit:,}"
        return Document(
            doc_id=s.doc_id, text="", kind="other", url=s.source, status="error", error=message
        ), b""
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
    if doc.published is None and (published := sidecar_published(s.path)):
        doc = replace(doc, published=published)
    return doc, data


def process_batch_fn(
    sources: list[Source], models_dir: str, model: str | None, limits: Limits, n_process: int = 1
) -> list[tuple[Document, dict, dict]]:
    """Parse and extract a batch: [(document, rows per table, timings)] in input order."""
    from extractors.extract import extract_documents

    shield_from_terminal_signals()
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
    # (Only a report: a long news text in one process costs the time, not a second pipeline's memory.)
    if n_process == 1 and sum(len(d.text) for d in docs if d.kind == "tip_report") > LARGE_TEXT:
        n_process = 2
    out = [(d, r.rows()) for d, r in extract_documents(docs, nlp, n_process=n_process, raw=raw)]
    t2 = time.perf_counter()
    return [(d, rows, {"parse": (t1 - t0) / len(docs), "extract": (t2 - t1) / len(docs)}) for d, rows in out]


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
    ctx = multiprocessing.get_context("spawn")
    ex = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(models_dir, model))
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


def _kill_workers(ex: ProcessPoolExecutor) -> None:
    procs = list((getattr(ex, "_processes", None) or {}).values())  # no public way before 3.14
    ex.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.kill()
