"""Runs that ended without publishing, kept so ``tipwatch runs`` lists them with their reason.

A failed run (an error the command reports in one line) or an interrupted one (Ctrl-C, SIGTERM)
publishes nothing; :func:`record` leaves ``runs/.unfinished/<started>-<pid>.json`` (status,
reason, start and end) beside the run folders, which every reader of the store skips (hidden).
:func:`unfinished` reads them back, oldest first. Writing is best effort: a store that cannot be
written (a full disk) must not turn the one-line error into a traceback.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

FOLDER = ".unfinished"


def record(processed: Path, status: str, reason: str, started_at: str) -> None:
    """Note a run of ``processed`` that ended ``status`` (failed, interrupted) for ``reason``."""
    folder = Path(processed) / "runs" / FOLDER
    item = {
        "status": status,
        "reason": reason,
        "started_at": started_at,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    name = f"{started_at.replace(':', '').replace('+0000', '')}-{os.getpid()}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(item, sort_keys=True), encoding="utf-8")
    except OSError:
        pass


def unfinished(processed: Path) -> list[dict]:
    """The recorded unfinished runs, oldest first (unreadable notes are left out)."""
    folder = Path(processed) / "runs" / FOLDER
    out = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            out.append(json.loads(path.read_text(encoding="utf-8")) | {"run_id": path.stem})
        except (OSError, ValueError):
            continue
    return out
