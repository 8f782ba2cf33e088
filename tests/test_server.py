"""tipwatch's background Prefect server (issue 14): started by the first `tipwatch run`, reused by
the next, replaced when stale, stopped by `tipwatch server stop` with nothing left behind. Real
processes, a real `prefect server start` on 127.0.0.1, a throwaway Prefect home."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from conftest import SEED

ROOT = Path(__file__).resolve().parents[1]
TIPWATCH = [sys.executable, "-m", "flows.cli.app"]


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    work = tmp_path_factory.mktemp("server")
    (work / "raw").mkdir()
    shutil.copy(SEED, work / "raw" / SEED.name)
    env = {k: v for k, v in os.environ.items() if k not in ("TIPWATCH_PREFECT_SERVER", "PREFECT_API_URL")}
    env.update(PYTHONPATH=str(ROOT), PREFECT_HOME=str(work / "prefect"))
    yield work, env
    subprocess.run([*TIPWATCH, "server", "stop"], env=env, capture_output=True, timeout=120)


def tw(work_env, *args, timeout=600):
    work, env = work_env
    return subprocess.run(
        [*TIPWATCH, *args], env=env, cwd=work, capture_output=True, text=True, timeout=timeout
    )


def record(work) -> dict:
    return json.loads((work / "prefect" / "tipwatch-server.json").read_text())


def run(work_env) -> subprocess.CompletedProcess:
    # --force: an unchanged run would publish nothing and need no server (tests/test_unchanged.py)
    proc = tw(work_env, "run", "--raw", "raw", "--processed", "processed", "--format", "json", "--force")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def test_the_first_run_starts_the_server_and_the_next_reuses_it(work):
    first = run(work)
    assert "starting tipwatch's background Prefect server" in first.stderr
    pid = record(work[0])["pid"]
    second = run(work)
    assert "starting" not in second.stderr
    assert record(work[0])["pid"] == pid and psutil.pid_exists(pid)
    timings = json.loads(second.stdout)["timings"]
    stages = ("startup", "discover", "parse_extract", "checks", "store", "other")
    assert abs(sum(timings[s] for s in stages) - timings["command"]) < 0.05  # they add up
    status = tw(work, "server", "status")
    assert status.stdout.startswith(f"running: http://127.0.0.1:{record(work[0])['port']}/api (pid {pid}")


def test_a_dead_server_is_replaced_not_waited_on(work):
    old = record(work[0])
    os.killpg(old["pid"], signal.SIGKILL)
    for _ in range(100):
        if not psutil.pid_exists(old["pid"]) or psutil.Process(old["pid"]).status() == psutil.STATUS_ZOMBIE:
            break
        time.sleep(0.1)
    assert tw(work, "server", "status").stdout.startswith("stopped")
    proc = run(work)
    assert "starting tipwatch's background Prefect server" in proc.stderr
    assert record(work[0])["pid"] != old["pid"]


def test_a_server_another_installation_started_is_replaced(work):
    path = work[0] / "prefect" / "tipwatch-server.json"
    state = record(work[0])
    path.write_text(json.dumps({**state, "python": "/gone/venv/bin/python"}))
    proc = run(work)
    assert "starting tipwatch's background Prefect server" in proc.stderr
    assert (
        record(work[0])["python"] == sys.executable
        and not psutil.pid_exists(state["pid"])
        or (psutil.Process(state["pid"]).status() == psutil.STATUS_ZOMBIE)
    )


def test_stop_leaves_no_process_behind(work):
    pid = record(work[0])["pid"]
    session = [p for p in psutil.process_iter(["pid"]) if _sid(p.pid) == pid]
    assert session  # the server and its children share the session it leads
    out = tw(work, "server", "stop")
    assert out.stdout == f"stopped (pid {pid})\n"
    time.sleep(0.5)
    alive = [
        p.pid for p in session if psutil.pid_exists(p.pid) and psutil.Process(p.pid).status() != "zombie"
    ]
    assert alive == []
    assert not (work[0] / "prefect" / "tipwatch-server.json").exists()
    assert tw(work, "server", "status").stdout.startswith("stopped (no server recorded")


def _sid(pid: int) -> int | None:
    try:
        return os.getsid(pid)
    except OSError:
        return None


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
