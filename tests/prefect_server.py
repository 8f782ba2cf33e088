"""One real `prefect server start` (SQLite, 127.0.0.1, free port, throwaway PREFECT_HOME) shared by
the serve and Dask tests of a test session. Started on first use, stopped at interpreter exit."""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

PREFECT = str(Path(sys.executable).with_name("prefect"))
_SERVER: PrefectServer | None = None
_FAILURE: str | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def quiet_env(**extra: str) -> dict:
    env = {
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_TO_API_ENABLED": "false",
    }
    env.pop("PREFECT_API_URL", None)
    env.update(extra)
    return env


class PrefectServer:
    def __init__(self, home: Path, startup_timeout: float = 120.0):
        self.home = home
        self.port = free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / "server.log"
        self._log = open(self.log, "wb")
        self.proc = subprocess.Popen(
            [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=quiet_env(PREFECT_HOME=str(home)),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # its own process group: stopping it stops its children too
        self.started_in = self._wait(startup_timeout)

    def _wait(self, timeout: float) -> float:
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"prefect server exited with {self.proc.returncode}: "
                    f"{self.log.read_text(errors='replace')[-300:]}"
                )
            try:
                if httpx.get(f"{self.api_url}/health", timeout=2).status_code == 200:
                    return time.monotonic() - t0
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"prefect server not healthy after {timeout:.0f} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self._log.close()


def shared_server() -> tuple[PrefectServer | None, str | None]:
    """(server, None) or (None, reason it could not start); the same server for the whole session."""
    global _SERVER, _FAILURE
    if _SERVER is None and _FAILURE is None:
        try:
            _SERVER = PrefectServer(Path(tempfile.mkdtemp(prefix="tipwatch-prefect-server-")))
            atexit.register(_SERVER.stop)
        except Exception as exc:  # the tests that need it skip with this reason
            _FAILURE = (
                f"could not start `prefect server start`: {str(exc).splitlines()[0] if str(exc) else exc!r}"
            )
    return _SERVER, _FAILURE
