"""tipwatch's own Prefect server: started once in the background, reused by later commands.

Without ``PREFECT_API_URL``, Prefect starts a temporary server inside every ``tipwatch run`` and
stops it at the end: 10-20 s on every run, before any work. Instead, :func:`ensure_server` starts
``prefect server start`` (SQLite in the Prefect home, 127.0.0.1, a free port) as a background
process in its own session (a Ctrl-C in the terminal does not reach it), records it in
``<PREFECT_HOME>/tipwatch-server.json`` and points ``PREFECT_API_URL`` at it; later commands find
the record, check the server's health (a second at most) and reuse it. A record whose process is
gone, whose server does not answer, or that another Python installation started, is stale: the process (if any) is stopped and a new server
started, never waited on for minutes. ``tipwatch server status|stop`` manage it.

``TIPWATCH_PREFECT_SERVER=ephemeral`` keeps Prefect's temporary server per command (the test suite
uses it so that no server outlives a test session); a ``PREFECT_API_URL`` the user set always wins.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

STATE = "tipwatch-server.json"
HEALTH_TIMEOUT = 1.0  # seconds for a health check of a recorded server
NOT_RESPONDING_GRACE = 10.0  # seconds a live but silent server gets before it is replaced
STARTUP_TIMEOUT = 120.0  # seconds for a new server to become healthy (a new database, a loaded machine)


class ServerError(Exception):
    """The background server could not be started or reached; one line."""


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    port: int
    url: str  # the API URL (…/api)
    started_at: str
    log: str
    python: str = ""  # the interpreter that started it: another install's server is replaced


def home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")


def _state_path() -> Path:
    return home() / STATE


def recorded() -> ServerInfo | None:
    """The server the Prefect home records (alive or not), or None."""
    try:
        return ServerInfo(**json.loads(_state_path().read_text()))
    except (OSError, ValueError, TypeError):
        return None


def healthy(url: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    import httpx

    try:
        return httpx.get(f"{url}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _answers_within(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if healthy(url, timeout=2.0):
            return True
        time.sleep(0.5)
    return False


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped by its parent, does not)."""
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def status() -> tuple[str, ServerInfo | None]:
    """("running" | "not responding" | "stopped", the recorded server)."""
    info = recorded()
    if info is None or not _alive(info.pid):
        return "stopped", info
    return ("running" if healthy(info.url) else "not responding"), info


def stop() -> ServerInfo | None:
    """Stop the recorded server and its children (its whole session); the record goes too."""
    info = recorded()
    if info is not None and _alive(info.pid):
        try:
            os.killpg(info.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
        for _ in range(100):
            if not _alive(info.pid):
                break
            time.sleep(0.1)
        else:
            try:
                os.killpg(info.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    _state_path().unlink(missing_ok=True)
    return info


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(timeout: float = STARTUP_TIMEOUT) -> ServerInfo:
    """Start a new background server and wait until it is healthy."""
    home().mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log = home() / "server.log"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
            start_new_session=True,  # its own session: a terminal's Ctrl-C does not stop it
        )  # fmt: skip
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    info = ServerInfo(proc.pid, port, f"http://127.0.0.1:{port}/api", started, str(log), sys.executable)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(f"the Prefect server exited ({proc.returncode}) while starting: see {log}")
        if healthy(info.url, timeout=2.0):
            tmp = _state_path().with_suffix(".tmp")
            tmp.write_text(json.dumps(asdict(info)))
            os.replace(tmp, _state_path())
            return info
        time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    raise ServerError(f"the Prefect server did not answer within {timeout:.0f} s: see {log}")


def ensure_server() -> str | None:
    """Point ``PREFECT_API_URL`` at tipwatch's background server, starting one when none answers;
    the URL, or None when the user's own URL or ``TIPWATCH_PREFECT_SERVER=ephemeral`` applies."""
    if os.environ.get("PREFECT_API_URL") or os.environ.get("TIPWATCH_PREFECT_SERVER") == "ephemeral":
        return None
    import fcntl

    home().mkdir(parents=True, exist_ok=True)
    with open(home() / "tipwatch-server.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two commands starting at once start one server
        state, info = status()
        if state == "not responding" and _answers_within(info.url, NOT_RESPONDING_GRACE):
            state = "running"  # alive and busy (a loaded machine): another command may be using it
        if state != "running" or info.python != sys.executable:
            if info is not None:
                stop()  # stale: gone, or alive but not answering
            from flows.discover import progress

            progress("starting tipwatch's background Prefect server (once; `tipwatch server stop` stops it)")
            info = start()
    os.environ["PREFECT_API_URL"] = info.url
    return info.url
