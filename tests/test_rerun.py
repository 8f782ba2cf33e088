"""Re-runs that find (almost) nothing to do (issue 14, acceptance 3): real CLI runs over the seed
article and real Parquet and DuckDB files.

- Files are always hashed (sha256, ~20 ms for 1,000 articles): a file touched but unchanged is
  not re-extracted, and one rewritten with other bytes of the same size and the same mtime (the
  trap of a size+mtime shortcut) is.
- An unchanged ``tipwatch run`` imports neither spaCy, Prefect nor pandas.
- Carrying rows over, and applying no decisions, stay in Arrow: the tables are those of the
  row-by-row path they replace.
- A :class:`~flows.store.Store` that read the database sees it replaced or damaged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pyarrow as pa
import pytest
from conftest import ROOT, SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.decisions import apply, extracted_table
from flows.store import REVIEWED_TABLES, Store, as_table, to_arrow


def run(raw, processed, *extra) -> dict:
    res = CliRunner().invoke(app, ["run", "--raw", str(raw), "--processed", str(processed), "--json", *extra])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    work = tmp_path_factory.mktemp("rerun")
    (work / "raw").mkdir()
    shutil.copy(SEED, work / "raw" / "seed.txt")
    summary = run(work / "raw", work / "processed")
    assert (summary["status"], summary["n_new"]) == ("completed", 1)
    return work


@pytest.fixture
def work(first, tmp_path):
    shutil.copytree(first / "raw", tmp_path / "raw")
    shutil.copytree(first / "processed", tmp_path / "processed")
    return tmp_path


def test_a_touched_file_is_not_extracted_again(work):
    seed = work / "raw" / "seed.txt"
    os.utime(seed, (seed.stat().st_atime + 3600, seed.stat().st_mtime + 3600))
    assert run(work / "raw", work / "processed")["status"] == "unchanged"


def test_other_bytes_of_the_same_size_and_mtime_are_extracted(work):
    seed = work / "raw" / "seed.txt"
    before = seed.stat()
    data = seed.read_bytes()
    seed.write_bytes(data.replace(b"Pakistan", b"Pakistam", 1))  # same size
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (seed.stat().st_size, seed.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    again = run(work / "raw", work / "processed")
    assert (again["status"], again["n_new"], again["n_carried"]) == ("completed", 1, 0)


UNCHANGED_RUN = """
import json, sys
from flows.cli.app import app
try:
    app(["run", "--raw", sys.argv[1], "--processed", sys.argv[2], "--json"], prog_name="tipwatch")
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted(m for m in ("spacy", "prefect", "pandas", "thinc") if m in sys.modules)), file=sys.stderr)
"""


def test_an_unchanged_run_imports_no_pipeline_nor_prefect(work):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(UNCHANGED_RUN), str(work / "raw"), str(work / "processed")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["status"] == "unchanged"
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == []


def test_a_moved_file_is_carried_under_its_new_name(work):
    (work / "raw" / "seed.txt").rename(work / "raw" / "moved.txt")
    moved = run(work / "raw", work / "processed")
    assert (moved["status"], moved["n_new"], moved["n_carried"]) == ("completed", 0, 1)
    store = Store(work / "processed")
    assert store.read_table("documents").column("source").to_pylist() == ["moved.txt"]
    first, second = store.completed_runs()
    for name in ("mentions", "officials", "agencies", "claims", "texts"):
        assert store.read_table(name, first).equals(store.read_table(name, second)), name


def test_arrow_paths_equal_the_row_by_row_ones(work):
    store = Store(work / "processed")
    tables = {name: store.read_table(name) for name in store.manifest(store.latest_run())["counts"]}
    for name in ("documents", "texts", *REVIEWED_TABLES):
        tbl = tables[name]
        assert as_table(name, tbl.slice(0, 0)).equals(to_arrow(name, [])), name
        backwards = pa.array(range(len(tbl) - 1, -1, -1), pa.int64())
        reversed_rows = tbl.take(backwards)  # sorted again, ties in the same order as to_arrow's
        assert as_table(name, reversed_rows).equals(to_arrow(name, reversed_rows.to_pylist())), name
    for name in REVIEWED_TABLES:
        fast = extracted_table(name, tables[name], tables[f"{name}_rejected"])
        assert fast.equals(to_arrow(name, tables[name].to_pylist())), name
    applied, outcome = apply(tables, [])
    for name in REVIEWED_TABLES:
        assert applied[name].equals(tables[name]) and len(applied[f"{name}_rejected"]) == 0, name
    assert outcome.counts() == apply({"documents": tables["documents"]}, [])[1].counts()


def test_a_store_sees_its_database_replaced_or_damaged(work):
    store = Store(work / "processed")
    run_id = store.latest_run()
    assert store.db_run() == run_id
    store.db_path.unlink()
    assert store.db_run() is None and store.repair() == [f"database rebuilt from run {run_id}"]
    assert store.db_run() == run_id
    size = store.db_path.stat().st_size
    with open(store.db_path, "r+b") as fh:  # damaged in place: same size, same inode
        fh.write(b"\0" * 4096)
    assert store.db_path.stat().st_size == size
    assert store.db_run() is None
