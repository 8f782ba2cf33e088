"""One writer per processed folder (issue 13): the OS file lock of :mod:`flows.lock`, with real processes.

* two ``tipwatch run`` started together on one folder: one completes, the other exits 75 with one
  line naming the first's pid and start time, no traceback, and the store holds the one run intact;
* a run started with ``--wait`` while another process holds the lock says whom it waits for, then runs;
* a run holding the lock is SIGKILLed while it runs its flow, and a new run starts at once (the
  kernel released the lock) and completes;
* the lock itself, with a child process holding it: refused in one line, waited for, released by
  SIGKILL; readers never take it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.lock import LOCK_NAME, LockedError, writer_lock
from flows.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "pakistan-tip-ranking-conference.txt"
STARTED = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"


def _env(tmp: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PREFECT_HOME=str(tmp / "prefect-home"))
    return env


def start_run(tmp: Path, *extra: str) -> subprocess.Popen:
    """``tipwatch run`` on tmp/raw -> tmp/processed, from tmp (not the repo), in its own session."""
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli.app", "run", "--raw", "raw", "--processed", "processed", *extra],
        cwd=tmp,
        env=_env(tmp),
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.fixture
def work(tmp_path) -> Path:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / SEED.name).write_bytes(SEED.read_bytes())
    return tmp_path


def assert_one_good_run(processed: Path) -> None:
    from flows.tables import run_query

    store = Store(processed)
    (run_id,) = store.completed_runs()
    assert store.db_run() == run_id == (processed / "latest").read_text().strip()
    _, rows = run_query(processed, "SELECT source, status FROM documents")
    assert rows == [(SEED.name, "ok")]
    assert not list(store.runs_dir.glob(".tmp-*")) and not list(processed.glob(".tipwatch.duckdb.*"))


def test_two_runs_started_together(work):
    procs = [start_run(work), start_run(work)]
    try:
        outs = [p.communicate(timeout=600) for p in procs]
    finally:
        for p in procs:
            kill_group(p)
    codes = [p.returncode for p in procs]
    assert sorted(codes) == [0, 75], outs
    winner, loser = (0, 1) if codes[0] == 0 else (1, 0)
    out, err = outs[loser]
    assert out == ""
    assert re.fullmatch(
        f"tipwatch: error: processed is being written by another tipwatch run "
        f"\\(pid {procs[winner].pid}, started {STARTED}\\); wait for it to finish or pass --wait\n",
        err,
    ), err
    assert "Traceback" not in outs[winner][1] and outs[winner][0].startswith("run ")
    assert_one_good_run(work / "processed")


def test_sigkilled_holder_leaves_no_lock(work):
    first = start_run(work)
    try:
        for line in first.stderr:  # the flow has started: past the lock, inside Prefect
            if line.startswith("[tipwatch] run "):
                break
        else:
            pytest.fail(f"the first run ended early: {first.wait()}")
        assert (work / "processed" / LOCK_NAME).read_text().split()[0] == str(first.pid)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
        t0 = time.monotonic()
        second = start_run(work)  # no --wait: a stuck lock would make it exit 75
        out, err = second.communicate(timeout=600)
    finally:
        kill_group(first)
    assert second.returncode == 0, err
    assert "waiting" not in err and out.startswith("run ")
    print(f"second run after the kill: {time.monotonic() - t0:.1f} s")
    assert_one_good_run(work / "processed")


def test_wait_runs_once_the_holder_is_done(work):
    holder = hold(work / "processed", 4)
    second = start_run(work, "--wait")
    out, err = second.communicate(timeout=600)
    holder.wait()
    assert second.returncode == 0, err
    assert re.fullmatch(
        f"\\[tipwatch\\] waiting for the run writing processed \\(pid {holder.pid}, started {STARTED}\\)",
        err.splitlines()[0],
    ), err
    assert out.startswith("run ")
    assert_one_good_run(work / "processed")


# -- the lock alone, held by a child process --------------------------------------------------------------
HOLDER = r"""
import sys, time
from flows.lock import writer_lock
with writer_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold(processed: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(processed), str(seconds)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        text=True,
        stdout=subprocess.PIPE,
    )
    assert proc.stdout.readline() == "held\n"
    return proc


def test_lock_refused_naming_the_holder_then_freed_by_sigkill(tmp_path):
    processed = tmp_path / "processed"
    child = hold(processed, 60)
    with pytest.raises(LockedError) as exc:
        with writer_lock(processed):
            pass
    assert re.fullmatch(
        f"{processed} is being written by another tipwatch run \\(pid {child.pid}, started {STARTED}\\); "
        "wait for it to finish or pass --wait",
        str(exc.value),
    )
    child.kill()
    child.wait()
    t0 = time.monotonic()
    with writer_lock(processed):  # at once: the kernel dropped the dead holder's lock
        assert (processed / LOCK_NAME).read_text().split()[0] == str(os.getpid())
        with writer_lock(processed):  # re-entrant in one process (the CLI around its flow)
            pass
    assert time.monotonic() - t0 < 1
    assert (processed / LOCK_NAME).read_text() == ""  # released: no stale holder line


def test_wait_blocks_until_the_holder_finishes(tmp_path):
    processed = tmp_path / "processed"
    child = hold(processed, 1.5)
    seen = []
    t0 = time.monotonic()
    with writer_lock(processed, wait=True, on_wait=seen.append):
        waited = time.monotonic() - t0
    child.wait()
    assert waited > 0.5 and seen == [f"pid {child.pid}, started {seen[0].split('started ')[1]}"]


def test_readers_never_take_the_lock(work):
    """While a writer holds the lock, query, history, check, runs and export answer at once (each
    a real process): readers read the published run and never wait for a writer."""
    run = start_run(work)
    assert run.wait(timeout=300) == 0, run.stderr.read()
    processed = work / "processed"
    holder = hold(processed, 120)
    try:
        for args in (
            ["query", "SELECT source FROM documents", "--format", "csv"],
            ["history", "Pakistan", "--format", "json"],
            ["check", "--format", "json"],
            ["runs", "--format", "json"],
            ["export", str(work / "out"), "--format", "csv"],
        ):
            res = subprocess.run(
                [sys.executable, "-m", "flows.cli.app", *args, "--processed", str(processed)],
                cwd=work, env=_env(work), capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert res.returncode == 0 and "waiting" not in res.stderr, (args, res.stderr)
        assert holder.poll() is None  # the writer held it throughout
    finally:
        holder.kill()
        holder.wait()


def test_the_flow_waits_for_the_holder(work, capfd):
    """What `serve`'s scheduled runs call (the flow itself) waits for a run holding the lock, with
    a line naming it, and then runs: a tick never fails because a manual run is writing."""
    from flows.pipeline import tipwatch_flow

    processed = work / "processed"
    holder = hold(processed, 20)  # longer than Prefect takes to start the flow
    t0 = time.monotonic()
    summary = tipwatch_flow(raw_dir=str(work / "raw"), processed_dir=str(processed))
    waited = time.monotonic() - t0
    holder.wait()
    assert summary["status"] == "completed" and waited > 20
    assert re.search(
        rf"\[tipwatch\] waiting for the run writing {processed} \(pid {holder.pid}, ", capfd.readouterr().err
    )
    assert_one_good_run(processed)
