"""Crash safety under SIGKILL (issue 5, acceptance 4), in two sizes that a test run can afford.

* ``Store.publish`` killed at random points while it writes a run, six times: each time a
  reader (``tipwatch query`` on the DuckDB file, the ``latest`` pointer, the Parquet files) sees
  a completed run's tables intact, and the next publish completes and cleans up.
* ``tipwatch run`` (a real Prefect flow run against a real Prefect server) killed once while it
  stores its run, through ``scripts/kill_test.py``; run that script by hand for the 20-kill version.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from flows.store import Store

ROOT = Path(__file__).resolve().parents[1]

# Publishes one run of a fixed, non-trivial size, as the flow does: repair, then publish.
CHILD = r"""
import sys, time
from flows.store import Store, to_arrow
from extractors.records import TABLES
n_rows = int(sys.argv[2])
rows = [{"id": f"m{i:06d}", "label": "ORG", "text": "Federal Investigation Agency", "normalized": "FIA",
         "doc_id": "d" * 64, "start": i, "end": i + 5, "page": None, "evidence": "x" * 200} for i in range(n_rows)]
tables = {t: to_arrow(t, []) for t in TABLES}
tables["mentions"] = to_arrow("mentions", rows)
store = Store(sys.argv[1])
run_id = f"20260101T{time.time_ns()}"  # sorts in publishing order
store.repair()
print("publishing", run_id, flush=True)
t0 = time.perf_counter()
store.publish(run_id, tables, {"run_id": run_id, "counts": {t: len(v) for t, v in tables.items()}})
print("published", run_id, round(time.perf_counter() - t0, 3), flush=True)
"""


def start_child(processed: Path, n_rows: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(processed), str(n_rows)],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def kill(proc: subprocess.Popen) -> None:
    try:
        os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def readers_see_the_last_completed_run(processed: Path, before: list[str]) -> tuple[bool, bool]:
    """Check every reader after a kill; return (the killed run committed, it left an uncommitted folder)."""
    from flows.tables import run_query

    store = Store(processed)
    completed = store.completed_runs()
    new = completed[len(before) :]
    assert completed[: len(before)] == before and len(new) <= 1
    cols, rows = run_query(
        processed, "SELECT (SELECT run_id FROM _tipwatch), (SELECT count(*) FROM mentions)"
    )
    db_run, n = rows[0]
    assert db_run == completed[-1] == store.latest_run()
    assert n == store.manifest(db_run)["counts"]["mentions"] == store.read_table("mentions").num_rows
    pointer = (processed / "latest").read_text().strip()
    assert pointer == completed[-1] or (new and pointer == completed[-2])  # the pointer follows the swap
    uncommitted = [r for r in store.run_folders() if r not in completed]
    for run in completed + uncommitted:  # finished folders read back whole, committed or not
        m = store.manifest(run)
        assert {t: store.read_table(t, run).num_rows for t in m["counts"]} == m["counts"]
    return bool(new), bool(uncommitted)


def test_publish_killed_at_random_points(tmp_path):
    processed = tmp_path / "processed"
    n_rows = 5_000
    rng = random.Random(5)
    seconds = None  # how long the last undisturbed publish took
    outcomes = []
    while len(outcomes) < 6:
        # the child's repair commits a finished folder an earlier kill left uncommitted: it counts as before
        before = Store(processed).run_folders()
        child = start_child(processed, n_rows)
        assert child.stdout.readline().startswith("publishing"), child.stderr.read()
        if seconds is None:  # an undisturbed publish first: a completed run to protect, and its time
            line = child.stdout.readline()
            kill(child)
            assert line.startswith("published"), child.stderr.read()
            seconds = float(line.split()[-1])
            continue
        time.sleep(rng.uniform(0, seconds * 1.1))
        kill(child)
        line = child.stdout.read()
        if line.startswith("published"):  # finished before the kill: time the next ones by it
            seconds = float(line.split()[-1])
        outcomes.append(readers_see_the_last_completed_run(processed, before))
    # The next publish completes (adopting any finished, uncommitted folder) and leaves nothing partial.
    child = start_child(processed, n_rows)
    child.stdout.readline()
    assert child.stdout.readline().startswith("published")
    kill(child)
    store = Store(processed)
    assert store.db_run() == store.run_folders()[-1] == store.completed_runs()[-1]
    assert not list(store.runs_dir.glob(".tmp-*")) and not list(processed.glob(".tipwatch.duckdb.*"))
    print(
        "kills (a run committed, an uncommitted folder left):", outcomes
    )  # for the record; timing-dependent


def test_tipwatch_run_killed_while_storing(tmp_path):
    spec = importlib.util.spec_from_file_location("kill_test", ROOT / "scripts" / "kill_test.py")
    kill_test = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = kill_test  # dataclasses look their module up while the class is built
    spec.loader.exec_module(kill_test)
    result = kill_test.kill_trials(1, seed=2, work=tmp_path, modes=("late",), log=lambda m: None)
    assert result["failed"] == 0, json.dumps(result["trials"], indent=1)
    (trial,) = result["trials"]
    assert trial["mode"] == "late" and trial["ok"]
