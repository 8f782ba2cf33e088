"""Discovery: the sources of one run, as :class:`~flows.plan.Source` records with their content hashes.

:func:`discover` lists a folder (sorted, hidden files and ``fetched/`` left out) and hashes each
file; a sources file's folders and URLs go through :mod:`flows.ingest`, which uses it too. Deciding
what a run does with the sources is :mod:`flows.plan`'s job.
"""

from __future__ import annotations

import sys
from pathlib import Path

from flows.plan import Source


def progress(message: str) -> None:
    print(f"[tipwatch] {message}", file=sys.stderr, flush=True)


def discover(raw_dir: Path) -> list[Source]:
    """Every visible file under ``raw_dir`` (sorted), hashed, except ``fetched/`` (fetched copies are
    sources of ``--sources`` runs, named by URL). Unsupported types are kept: they fail visibly."""
    from extractors.parse.documents import doc_id_for

    return [Source(str(rel), str(path), doc_id_for(path.read_bytes())) for rel, path in _documents(raw_dir)]


def has_documents(raw_dir: Path) -> bool:
    """Whether :func:`discover` would find anything (without reading a byte)."""
    return next(_documents(raw_dir), None) is not None


def _documents(raw_dir: Path):
    """(relative path, path) of every document file under ``raw_dir``, sorted."""
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or path.name.endswith(".meta.json"):
            continue
        if rel.parts[0] == "fetched":  # web copies enter through the sources file, under their URL
            continue
        yield rel, path
