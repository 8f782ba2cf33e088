"""Ctrl-C and SIGTERM during ``tipwatch run``: gone within seconds, in one line, nothing published.

:func:`install` arms handlers for SIGINT (a terminal's Ctrl-C, sent to the whole process group) and
SIGTERM (cron, systemd, ``kill``) in the command's main thread. On either signal the command does
not unwind through Prefect's engine: that path waits for running tasks (a report's spaCy call can
take minutes) and retries API calls against a server that the terminal's Ctrl-C may have stopped.
Instead the handler, with a bound on every step:

1. marks the flow run ``Cancelled`` through the Prefect API (on a thread, at most
   :data:`MARK_SECONDS`), so no server is left holding a run marked running;
2. kills every process this command started (extraction workers, spaCy's processes, Prefect's
   temporary server) except tipwatch's recorded background server, which later commands reuse;
3. prints ``tipwatch: interrupted; nothing published; last complete run <id>`` and leaves with
   130 (SIGINT) or 143 (SIGTERM) through ``os._exit``: no ``atexit`` hook or thread join can hold
   the exit. The kernel releases the writer lock (:mod:`flows.lock`) with the process.

Nothing half-done is visible: a run is published by atomic renames, and a signal that arrives
while it publishes (:func:`publishing`) is held until the publish is complete, so the line is true.
A run killed with no chance to speak (SIGKILL) leaves its flow run id in the writer lock's file;
the next run on the folder marks that flow run Crashed (:func:`release_abandoned`).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from flows.unfinished import record

EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}
MARK_SECONDS = 2.0  # for marking the flow run Cancelled; the exit comes well within 5 s


@dataclass
class _Armed:
    processed: Path
    owner: int  # the pid that armed the handlers (a forked child inherits them)
    flow_run_id: str | None = None
    last_run: str | None = None
    last_run_known: bool = False
    publishing: bool = False
    pending: int | None = None  # a signal held while the run publishes
    on_terminal: object = None  # a callable that clears a progress bar from the terminal
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))


_armed: _Armed | None = None


def install(processed: Path) -> None:
    """Arm the handlers for a ``tipwatch run`` writing ``processed`` (main thread only)."""
    global _armed
    _armed = _Armed(Path(processed), os.getpid())
    _arm()


@contextmanager
def armed(processed: Path):
    """:func:`install` for the ``with`` block, then the previous handlers again (a command run
    in-process, as tests do, leaves its caller's signal handling as it found it)."""
    global _armed
    previous = {s: signal.getsignal(s) for s in EXIT_CODES}
    install(processed)
    try:
        yield
    finally:
        _armed = None
        for s, handler in previous.items():
            signal.signal(s, handler)


def _arm() -> None:
    for signum in EXIT_CODES:
        signal.signal(signum, _on_signal)


def flow_started(flow_run_id: str | None, last_run: str | None) -> None:
    """Called by the flow once it knows its run id and the last complete run. Re-arms SIGTERM,
    which Prefect's engine replaces with its own (graceful, unbounded) handler during a flow run.
    A no-op when no command armed the handlers (``tipwatch serve``, tests calling the flow)."""
    if _armed is None or _armed.owner != os.getpid():
        return
    _armed.flow_run_id, _armed.last_run, _armed.last_run_known = flow_run_id, last_run, True
    if threading.current_thread() is threading.main_thread():
        _arm()


def release_abandoned(processed: Path, flow_run_id: str | None) -> None:
    """Mark Crashed the flow run of a holder of ``processed``'s writer lock that died without a
    word (SIGKILL, a power cut): its line is still in the lock file (:func:`flows.lock.previous_line`),
    so no server keeps it marked running; then note this run's id there. Best effort: a server
    that does not answer costs at most :data:`MARK_SECONDS`, never the run."""
    from flows.lock import note_flow_run, previous_line

    left = previous_line(processed)
    if flow_run_id is None:
        return
    note_flow_run(processed, flow_run_id)
    if len(left) < 3 or left[2] == flow_run_id:
        return
    _bounded(lambda: _crash_if_running(left[2], left[0]), MARK_SECONDS)


def _crash_if_running(flow_run_id: str, pid: str) -> None:
    from prefect.client.orchestration import get_client
    from prefect.states import Crashed

    with get_client(sync_client=True) as client:
        state = client.read_flow_run(flow_run_id).state
        if state is not None and not state.is_final():
            message = (
                f"its tipwatch process (pid {pid}) ended without releasing the lock; found by the next run"
            )
            client.set_flow_run_state(flow_run_id, Crashed(message=message), force=True)


def set_terminal_cleanup(clear) -> None:
    """Register (or, with None, drop) what clears a live progress bar before the last line."""
    if _armed is not None:
        _armed.on_terminal = clear


@contextmanager
def publishing():
    """Hold SIGINT/SIGTERM while the run publishes; act on a held signal once it has."""
    if _armed is None or _armed.owner != os.getpid():
        yield
        return
    _armed.publishing = True
    try:
        yield
    finally:
        _armed.publishing = False
    if _armed.pending is not None:
        _stop(_armed.pending, published=True)


def _on_signal(signum, frame) -> None:
    armed = _armed
    if armed is None or armed.owner != os.getpid():
        os._exit(EXIT_CODES.get(signum, 1))  # a forked child inherited the handler: leave quietly
    if armed.publishing:
        armed.pending = armed.pending or signum
        return
    _stop(signum)


def _stop(signum: int, published: bool = False) -> None:
    """Mark, kill, say it in one line, exit. Never returns."""
    for s in EXIT_CODES:
        signal.signal(s, signal.SIG_IGN)  # one interruption is enough
    # Extraction threads may still run spaCy: without this, every read of /proc or the socket
    # below hands them the GIL for 5 ms (the convoy effect) and leaving takes seconds, not tenths.
    sys.setswitchinterval(1e-5)
    armed = _armed
    if armed.on_terminal is not None:
        _quietly(armed.on_terminal)
    marker = threading.Thread(
        target=_quietly, args=(_cancel_flow_run, armed.flow_run_id, signum), daemon=True
    )
    marker.start()
    _quietly(kill_descendants, spare_prefect_server=True)  # the workers first: they hold the CPUs
    marker.join(MARK_SECONDS)
    _quietly(kill_descendants, spare_prefect_server=False)
    _bounded(_release_semaphores, 1.0)
    last = _last_complete_run(armed)
    if not published:
        _quietly(record, armed.processed, "interrupted", signal.Signals(signum).name, armed.started_at)
    if published:
        line = f"tipwatch: interrupted after publishing run {last}"
    else:
        line = f"tipwatch: interrupted; nothing published; {_describe_last(last)}"
    os.write(2, (line + "\n").encode())
    os._exit(EXIT_CODES[signum])


def _quietly(fn, *args, **kwargs) -> None:
    """Run a clean-up step; its failure must not cost the exit (nor print a traceback)."""
    try:
        fn(*args, **kwargs)
    except BaseException:  # noqa: BLE001, S110 - best effort while leaving
        pass


def _bounded(fn, seconds: float) -> None:
    """Run a clean-up step on a thread for at most ``seconds`` (it may need a lock the
    interrupted main thread holds)."""
    t = threading.Thread(target=_quietly, args=(fn,), daemon=True)
    t.start()
    t.join(seconds)


def _release_semaphores() -> None:
    """Unlink the worker pool's named semaphores, as a normal exit would: ``os._exit`` skips
    multiprocessing's exit hook, and the resource tracker would otherwise unlink them itself with a
    "leaked semaphore objects" warning on the terminal."""
    from multiprocessing import util

    util._run_finalizers(0)  # the exit hook's first step (semaphores have exit priority 0)


def _describe_last(run_id: str | None) -> str:
    return f"last complete run {run_id}" if run_id else "no complete run yet"


def _last_complete_run(armed: _Armed) -> str | None:
    if armed.last_run_known and not armed.publishing and armed.pending is None:
        return armed.last_run
    try:
        from flows.store import Store

        return Store(armed.processed).latest_run()
    except Exception:  # noqa: BLE001 - a store that cannot say: the pointer file, if any
        try:
            return (armed.processed / "latest").read_text().strip() or None
        except OSError:
            return None


def _cancel_flow_run(flow_run_id: str | None, signum: int) -> None:
    if flow_run_id is None:
        return

    message = f"tipwatch run interrupted by {signal.Signals(signum).name}; nothing published"
    url = os.environ.get("PREFECT_API_URL")
    if url:  # one plain request: Prefect's client costs a second of CPU the extraction threads share
        import httpx

        state = {"type": "CANCELLED", "name": "Cancelled", "message": message}
        httpx.post(
            f"{url.rstrip('/')}/flow_runs/{flow_run_id}/set_state",
            json={"state": state, "force": True},
            timeout=MARK_SECONDS,
        ).raise_for_status()
        return
    from prefect.client.orchestration import get_client
    from prefect.states import Cancelled

    with get_client(sync_client=True) as client:  # Prefect's temporary server: its client knows where
        client.set_flow_run_state(flow_run_id, Cancelled(message=message), force=True)


def _is_prefect_server(proc) -> bool:
    """Prefect's temporary server (uvicorn) or a ``prefect server start`` this command runs."""
    cmd = " ".join(proc.cmdline())
    return "uvicorn" in cmd or "prefect server start" in cmd


def _is_resource_tracker(proc) -> bool:
    return "multiprocessing.resource_tracker" in " ".join(proc.cmdline())


def kill_descendants(*, spare_prefect_server: bool) -> None:
    """SIGKILL every process this one started, and reap them; tipwatch's recorded background
    server and the processes of its session always stay (later commands reuse it), Prefect's
    temporary server stays while ``spare_prefect_server`` (the flow run is being marked)."""
    import psutil

    from flows.server import recorded

    server = recorded()
    kept = {server.pid} if server else set()
    doomed = []
    for proc in psutil.Process().children(recursive=True):
        try:
            if _session(proc.pid) in kept or _is_resource_tracker(proc):
                continue  # the tracker unlinks what _release_semaphores could not, then exits
            if spare_prefect_server and _is_prefect_server(proc):
                continue
            proc.kill()
            doomed.append(proc)
        except psutil.Error:
            continue
    psutil.wait_procs(doomed, timeout=1.0)


def _session(pid: int) -> int | None:
    try:
        return os.getsid(pid)
    except OSError:
        return None
