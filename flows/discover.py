"""Discovery: the sources of one run, as :class:`~flows.plan.Source` records with their content hashes.

:func:`discover` lists a folder (sorted, hidden files and ``fetched/`` left out) and hashes each
file; a sources file's folders and URLs go through :mod:`flows.ingest`, which uses it too. Deciding
what a run does with the sources is :mod:`flows.plan`'s job.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from flows.plan import Source


def progress(message: str) -> None:
    print(f"[tipwatch] {message}", file=sys.stderr, flush=True)


def discover(raw_dir: Path) -> list[Source]:
    """Every visible file under ``raw_dir`` (sorted), hashed, except ``fetched/`` (fetched copies are
    sources of ``--sources`` runs, named by URL). Unsupported types are kept: they fail visibly.
    Files are read only inside ``raw_dir``: a symbolic link leading out of it (a file or a folder)
    is a failed source with its reason, never read."""
    root = raw_dir.resolve()
    out = []
    for rel, path in _documents(raw_dir):
        # only a link can lead out: the folders listed are never links (rglob does not enter them)
        target = path.resolve() if path.is_symlink() else root / rel
        if target.is_relative_to(root):
            if path.is_file():
                out.append(Source(str(rel), str(path), file_sha256(path)))
            continue
        reason = f"refused: a link to {target}, outside the raw folder (files are read only inside it)"
        key = hashlib.sha256(f"outside:{rel}->{target}".encode()).hexdigest()
        out.append(Source(str(rel), str(path), key, error=reason, kind="other"))
    return out


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """sha256 of a file read in chunks (a huge file is never held in memory): its ``doc_id``."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def has_documents(raw_dir: Path) -> bool:
    """Whether :func:`discover` would find anything (without reading a byte, nor listing further
    than the first document)."""
    return any(_is_document(raw_dir, p) for p in raw_dir.rglob("*"))


def _documents(raw_dir: Path):
    """(relative path, path) of every document file under ``raw_dir``, sorted, and of every link
    to a folder (never followed)."""
    for path in sorted(p for p in raw_dir.rglob("*") if _is_document(raw_dir, p)):
        yield path.relative_to(raw_dir), path


def _is_document(raw_dir: Path, path: Path) -> bool:
    """A file (or a link to a folder) that is not hidden, not a ``.meta.json`` sidecar and not
    under ``fetched/`` (web copies enter through the sources file, under their URL)."""
    rel = path.relative_to(raw_dir)
    if any(part.startswith(".") for part in rel.parts) or path.name.endswith(".meta.json"):
        return False
    if rel.parts[0] == "fetched":
        return False
    return path.is_file() or (path.is_symlink() and path.is_dir())
