"""Whether a run would change nothing: the check ``tipwatch run`` makes before starting Prefect.

A run over a raw folder whose files, extractor version and reviewers' decisions are all as the
latest completed run saw them would carry every document over and publish the same tables again.
:func:`unchanged_since` tells so from the file hashes and the latest run's manifest alone, without
Prefect, spaCy pipelines or the previous run's tables, so that an unchanged scheduled run costs
the time to hash the raw folder. Runs with a sources file (URLs and feeds may be due) never skip.
"""

from __future__ import annotations

from pathlib import Path

from flows.discover import discover, file_sha256
from flows.plan import CARRIED_STATUSES
from flows.store import Store, StoreError


def decisions_sha256(path: Path) -> str | None:
    """The decisions file's hash (:func:`flows.discover.file_sha256`); None when there is no file
    (no decisions yet)."""
    try:
        return file_sha256(path)
    except FileNotFoundError:
        return None


def unchanged_since(store: Store, raw: Path, version: str, decisions: Path) -> str | None:
    """The latest completed run's id when a run over ``raw`` now would change nothing, else None.

    Nothing changes when that run: was made with this extractor ``version``; applied the
    decisions file as its bytes are now; and holds exactly the raw folder's files (same paths,
    same content hashes), every one with a status that follows from its bytes (a failed document
    is retried, so it is a change)."""
    run_id = store.latest_run()
    if run_id is None:
        return None
    try:
        manifest = store.manifest(run_id)
        if manifest.get("extractor_version") != version or manifest.get("raw_dir") is None:
            return None
        if (manifest.get("review") or {}).get("decisions_sha256", "") != decisions_sha256(decisions):
            return None
        previous = store.read_columns("documents", run_id, ["source", "doc_id", "status"]).to_pylist()
    except (OSError, ValueError, StoreError):
        return None  # a damaged store: the run repairs it
    if any(row["status"] not in CARRIED_STATUSES for row in previous):
        return None
    now = {(s.source, s.doc_id) for s in discover(raw)}
    return run_id if now == {(row["source"], row["doc_id"]) for row in previous} else None


def unchanged_summary(store: Store, run_id: str) -> dict:
    """The summary of a run that found nothing changed since ``run_id`` (the fields of
    :class:`flows.tasks.RunSummary`): that run's documents, all unchanged, nothing published."""
    docs = store.read_columns("documents", run_id, ["source", "kind", "status", "error"]).to_pylist()
    n_failed = sum(1 for d in docs if d["status"] != "ok")
    return {
        "run_id": run_id,
        "status": "unchanged",
        "n_documents": len(docs),
        "n_new": 0,
        "n_carried": len(docs),
        "n_failed": n_failed,
        "counts": {},
        "timings": {},
        "documents": docs,
        "worker_seconds": {},
    }
