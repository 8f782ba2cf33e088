"""Storage that fails safe and repairs itself (issue 13): a write that fails (a file size limit
standing in for a full disk) leaves the previous run and database as they were; a damaged store
(unreadable database, a run folder that lost a table, a wrong ``latest``) is repaired by
``tipwatch repair`` and before every run. Real flow runs, real Parquet and DuckDB files, a real
child process under ``RLIMIT_FSIZE``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.pipeline import tipwatch_flow
from flows.store import Store


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    work = tmp_path_factory.mktemp("store")
    raw = work / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "seed.txt")
    summary = tipwatch_flow(raw_dir=str(raw), processed_dir=str(work / "processed"))
    return work, summary["run_id"]


@pytest.fixture
def store(good, tmp_path):
    work, run_id = good
    shutil.copytree(work / "processed", tmp_path / "processed")
    shutil.copytree(work / "raw", tmp_path / "raw")
    return Store(tmp_path / "processed"), run_id


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def officials(store) -> int:
    res = cli("query", "SELECT count(*) AS n FROM officials", "--processed", store.root, "--format", "csv")
    assert res.exit_code == 0, res.output
    return int(res.stdout.splitlines()[1])


PUBLISH_UNDER_LIMIT = """
import resource, signal, sys
from flows.store import Store, StoreError
store = Store(sys.argv[1])
old = store.latest_run()
tables = {{name: store.read_table(name, old) for name in store.manifest(old)["counts"]}}
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
try:
    store.publish("20990101T000000.000-ffffff", tables, {{**store.manifest(old), "run_id": "new"}})
except StoreError as exc:
    print(exc)
"""


@pytest.mark.parametrize(
    "limit, message",
    [
        (4_000, "could not write run 20990101T000000.000-ffffff (File too large); nothing published"),
        (200_000, "could not write the database (File too large); the previous one is kept"),
    ],
)
def test_a_write_that_fails_keeps_the_previous_run_and_database(store, limit, message):
    store, run_id = store
    before = officials(store)
    code = textwrap.dedent(PUBLISH_UNDER_LIMIT.format(limit=limit))
    proc = subprocess.run(
        [sys.executable, "-c", code, str(store.root)], capture_output=True, text=True, timeout=120
    )
    assert proc.stdout.strip().startswith(message.split(" (")[0]), proc.stdout + proc.stderr
    assert "File too large" in proc.stdout
    assert store.db_run() == run_id and officials(store) == before  # the database as it was
    assert not list(store.root.glob(".tipwatch.duckdb.*"))  # nothing half-written left beside it


@pytest.mark.parametrize("damage", ["garbage", "empty"])
def test_an_unreadable_database_is_rebuilt(store, damage):
    store, run_id = store
    store.db_path.write_bytes(b"not a database" if damage == "garbage" else b"")
    res = cli("query", "SELECT 1", "--processed", store.root)
    assert res.exit_code == 1
    assert res.stderr.endswith(f"(`tipwatch repair --processed {store.root}` rebuilds it)\n")
    res = cli("repair", "--processed", store.root)
    assert (res.exit_code, res.stdout) == (0, f"database rebuilt from run {run_id}\n")
    assert store.db_run() == run_id and officials(store) > 0
    assert cli("repair", "--processed", store.root).stdout == f"{store.root}: nothing to repair\n"


def test_a_run_that_lost_a_table_is_set_aside_and_the_next_run_redoes_it(store):
    store, run_id = store
    (store.runs_dir / run_id / "claims.parquet").unlink()
    raw = store.root.parent / "raw"
    summary = tipwatch_flow(raw_dir=str(raw), processed_dir=str(store.root))
    assert (store.runs_dir / f".damaged-{run_id}").is_dir()
    assert (summary["status"], summary["n_new"]) == ("completed", 1)  # extracted again, not carried
    assert store.run_folders() == [summary["run_id"]] and officials(store) > 0


def test_a_wrong_latest_pointer_is_rewritten(store):
    store, run_id = store
    (store.root / "latest").write_text("nonsense\n")
    assert cli("repair", "--processed", store.root).stdout == f"latest set to {run_id}\n"
    assert (store.root / "latest").read_text() == run_id + "\n"


def test_repair_without_runs_is_one_line(tmp_path):
    res = cli("repair", "--processed", tmp_path / "nothing")
    assert res.exit_code == 1
    assert (
        res.stderr
        == f"tipwatch: error: no runs in {tmp_path / 'nothing'}: nothing to repair from (run `tipwatch run`)\n"
    )


def test_a_failed_run_is_listed_with_its_reason(store):
    store, run_id = store
    decisions = store.root.parent / "reviews" / "decisions.jsonl"
    decisions.parent.mkdir()
    decisions.write_text("{not json\n")
    raw = store.root.parent / "raw"
    (raw / "new.txt").write_text("Nepal remained on Tier 2 in the 2023 TIP report, the minister said.\n")
    res = cli("run", "--raw", raw, "--processed", store.root)  # in-process: the exception, not its line
    assert res.exit_code == 1 and "not a decision" in str(res.exception)
    reason = str(res.exception)
    listed = json.loads(cli("runs", "--processed", store.root, "--format", "json").stdout)
    assert [(r["status"], r.get("reason")) for r in listed] == [("completed", None), ("failed", reason)]
    assert store.run_folders() == [run_id]  # nothing published
