"""One writer per processed/ folder: an OS file lock on ``processed/.tipwatch.lock``.

A run takes the lock before it stages anything (repairs, run folders, the database) and holds it
until it has published or failed. The lock is ``fcntl.flock`` on an open file, so the kernel
releases it when the process ends in any way, SIGKILL included: a dead run never leaves it stuck.
While held, the file names the holder (``pid`` and start time, one line; then the Prefect flow
run's id, :func:`note_flow_run`) so that a second run can say who is writing, and a run that finds
the line of a holder that died without releasing it (SIGKILL) can mark that flow run Crashed. Readers (``query``, ``diff``, exports) never take it: a run only becomes
visible through atomic renames, so reading during a run is safe.

The lock is re-entrant within one process: ``tipwatch run`` takes it before Prefect starts (so a
second run is refused at once, without a Prefect server), and the flow it calls takes it again,
which is then a no-op; a flow run started elsewhere (``tipwatch serve``, tests) takes it itself.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

LOCK_NAME = ".tipwatch.lock"
EX_TEMPFAIL = 75  # sysexits.h: "try again later"

_held: dict[str, list] = {}  # resolved lock path -> [fd, depth] for the locks this process holds
_found: dict[str, str] = {}  # resolved lock path -> the line a dead holder left (see previous_line)


class LockedError(Exception):
    """Another process is writing the processed folder; ``str()`` is one line naming it."""

    def __init__(self, processed: Path, holder: str):
        self.processed, self.holder = processed, holder
        super().__init__(
            f"{processed} is being written by another tipwatch run ({holder}); "
            "wait for it to finish or pass --wait"
        )


@dataclass(frozen=True)
class Holder:
    pid: int
    started: str

    def __str__(self) -> str:
        return f"pid {self.pid}, started {self.started}"


def read_holder(path: Path, attempts: int = 20) -> str:
    """The holder line of a held lock file. A holder that has just taken the lock may not have
    written its line yet: retry briefly before saying the holder is unknown."""
    for _ in range(attempts):
        try:
            text = path.read_text().strip()
        except OSError:
            text = ""
        parts = text.split()
        if len(parts) >= 2 and parts[0].isdigit():
            return str(Holder(int(parts[0]), parts[1]))
        time.sleep(0.05)
    return "pid unknown"


@contextmanager
def writer_lock(processed: Path, *, wait: bool = False, on_wait=None) -> Iterator[None]:
    """Hold the processed folder's writer lock for the ``with`` block.

    ``wait=False`` raises :class:`LockedError` at once when another process holds it; ``wait=True``
    blocks until it is free, calling ``on_wait(holder_line)`` once first.
    """
    processed = Path(processed)
    processed.mkdir(parents=True, exist_ok=True)
    path = processed / LOCK_NAME
    key = str(path.resolve())
    if key in _held:  # this process holds it already (the CLI around its own flow run)
        _held[key][1] += 1
        try:
            yield
        finally:
            _held[key][1] -= 1
        return
    fd = _acquire(path, processed, wait, on_wait)
    _held[key] = [fd, 1]
    try:
        yield
    finally:
        del _held[key]
        os.ftruncate(fd, 0)  # no stale holder line for the next reader
        os.close(fd)  # closing the only descriptor releases the flock


def _acquire(path: Path, processed: Path, wait: bool, on_wait) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = read_holder(path)
            if not wait:
                raise LockedError(processed, holder) from None
            if on_wait:
                on_wait(holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        started = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        _found[str(path.resolve())] = os.pread(fd, 4096, 0).decode(errors="replace").strip()
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {started}\n".encode(), 0)
        return fd
    except BaseException:
        os.close(fd)
        raise


def note_flow_run(processed: Path, flow_run_id: str) -> None:
    """Add the Prefect flow run id to the holder line of a lock this process holds, so that a run
    that dies without a word (SIGKILL) leaves it behind for the next holder (:func:`previous_line`)."""
    key = str((Path(processed) / LOCK_NAME).resolve())
    if key in _held:
        fd = _held[key][0]
        line = os.pread(fd, 4096, 0).decode().split()
        data = f"{' '.join(line[:2])} {flow_run_id}\n".encode()
        os.pwrite(fd, data, 0)  # longer than the line it replaces: a reader never sees it empty
        os.ftruncate(fd, len(data))


def previous_line(processed: Path) -> list[str]:
    """The holder line a previous holder left in the lock file of a lock this process holds
    (``[pid, started, flow run id]``): empty unless that holder died before releasing it."""
    return _found.get(str((Path(processed) / LOCK_NAME).resolve()), "").split()
