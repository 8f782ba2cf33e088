"""The processed/ store: runs registry, atomic Parquet per run, the DuckDB database, reading tables.

Layout::

    processed/
      runs/<run_id>/<table>.parquet   one file per table, written into runs/.tmp-<run_id>/ first
                                      (reviewed tables also <table>_rejected.parquet: flows.decisions)
      runs/<run_id>/manifest.json     code version, model, rules hash, counts, timings
      latest                          text file holding the last completed run_id (os.replace)
      tipwatch.duckdb                 tables = latest run, <table>_history = all completed runs

A run is written into a temporary folder, renamed into place, and becomes *completed* when the
DuckDB file naming it replaces the old one (an atomic rename: the commit point); ``latest`` follows.
A run killed at any point leaves every reader (the database, :meth:`Store.completed_runs`,
:meth:`Store.read_table`) on the previous completed run, intact. A run folder that was renamed but
not committed is adopted by :meth:`Store.repair` at the start of the next run; leftover ``.tmp-*``
folders are ignored and cleaned up.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from extractors.records import TABLES

_ARROW = {
    "string": pa.string(),
    "int64": pa.int64(),
    "bool": pa.bool_(),
    "list<string>": pa.list_(pa.string()),
    "list<int64>": pa.list_(pa.int64()),
}
# Extra columns the store keeps beside the contract (documents: how each row was produced).
EXTRA_COLUMNS = {t.name: {c.name: c.type for c in t.extra} for t in TABLES.values() if t.extra}
# Extracted tables a reviewer can decide on (flows.decisions): each also has ``<name>_rejected``,
# and every row carries the review columns (null until a decision applies to it).
REVIEWED_TABLES = tuple(t.name for t in TABLES.values() if t.record is not None)
REVIEW_COLUMNS = {
    "review": "accepted, corrected or rejected (null: not reviewed)",
    "review_note": "the reviewer's note",
    "reviewer": "who decided",
    "reviewed_at": "when the decision was made (UTC, ISO 8601)",
    "extracted": "JSON of the extracted values a correction replaced",
}


class StoreError(Exception):
    """A problem with the processed/ folder, stated in one line."""


def schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table`` (or ``<table>_rejected``): its contract columns, then the
    store's bookkeeping columns, then the review columns of a reviewed table."""
    t = TABLES[table.removesuffix("_rejected")]
    fields = [(c.name, _ARROW[c.type]) for c in t.columns + t.extra]
    if t.name in REVIEWED_TABLES:
        fields += [(c, pa.string()) for c in REVIEW_COLUMNS]
    return pa.schema(fields)


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    """Rows -> Arrow table with the contract's column order and types, sorted by the table's order."""
    sch = schema(table)
    data = {name: [r.get(name) for r in rows] for name in sch.names}
    tbl = pa.Table.from_pydict(data, schema=sch)
    return tbl.sort_by([(k, "ascending") for k in TABLES[table].sort]) if len(tbl) else tbl


def as_table(table: str, tbl: pa.Table) -> pa.Table:
    """``to_arrow(table, tbl.to_pylist())`` without the round trip through Python objects (seconds
    for a run's tens of thousands of carried rows): the contract's columns in order (a missing one
    null, an extra one dropped), cast to its types, sorted (a stable sort, as :func:`to_arrow`'s)."""
    sch = schema(table)
    n = len(tbl)
    columns = [
        tbl.column(f.name).cast(f.type) if f.name in tbl.column_names else pa.nulls(n, f.type) for f in sch
    ]
    out = pa.Table.from_arrays(columns, schema=sch)
    return out.sort_by([(k, "ascending") for k in TABLES[table].sort]) if n else out


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    # Millisecond resolution keeps runs started within one second in order (ids sort by time).
    return f"{now:%Y%m%dT%H%M%S}.{now.microsecond // 1000:03d}-{uuid.uuid4().hex[:6]}"


@dataclass
class Store:
    root: Path
    # (file identity, run) of the database file last read: a command asks several times
    _db_seen: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        self.root = Path(self.root)

    @property
    def runs_dir(self) -> Path:
        return self.root / "runs"

    @property
    def db_path(self) -> Path:
        return self.root / "tipwatch.duckdb"

    # -- reading ----------------------------------------------------------------------------------
    def latest_run(self) -> str | None:
        """The newest completed run: the one the database shows. The ``latest`` file is a
        convenience pointer for other tools and may lag after a crash."""
        runs = self.completed_runs()
        return runs[-1] if runs else None

    def db_run(self) -> str | None:
        """The run the DuckDB file shows (None when there is no database, or an unreadable one:
        empty, truncated, not DuckDB). Opening it costs ~50 ms, so the answer is kept for as long
        as the file is the same one (inode, size, change times): it is only ever replaced whole
        (``os.replace``), and any write to it in place changes its times."""
        try:
            st = os.stat(self.db_path)
        except FileNotFoundError:
            return None
        key = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        if self._db_seen is None or self._db_seen[0] != key:
            self._db_seen = (key, self.db_file_run(self.db_path))
        return self._db_seen[1]

    def repair(self) -> list[str]:
        """Bring the store back to its newest complete run; what was done, one line each.

        Removes what an interrupted run left; sets a run folder that lost a table file aside (as
        ``runs/.damaged-<id>``: its tables cannot be trusted, the run before it serves); rebuilds
        the database when it is missing, unreadable or behind; rewrites a wrong ``latest``."""
        done: list[str] = []
        self.clean_partial()
        for run_id in self.damaged_runs():
            os.rename(self.runs_dir / run_id, self.runs_dir / f".damaged-{run_id}")
            done.append(f"run {run_id} lost table files: set aside as runs/.damaged-{run_id}")
        folders = self.run_folders()
        latest = folders[-1] if folders else None  # a finished folder is complete even if uncommitted
        if latest is None:
            return done
        if self.db_run() != latest:
            self._write_db(latest)
            done.append(f"database rebuilt from run {latest}")
        pointer = self.root / "latest"
        if not pointer.exists() or pointer.read_text().strip() != latest:
            _atomic_write(pointer, latest + "\n")
            done.append(f"latest set to {latest}")
        return done

    def damaged_runs(self) -> list[str]:
        """Run folders missing a table file their manifest lists (``counts``)."""
        out = []
        for run_id in self.run_folders():
            try:
                tables = self.manifest(run_id).get("counts", {})
            except (OSError, ValueError):
                out.append(run_id)
                continue
            if any(not (self.runs_dir / run_id / f"{t}.parquet").is_file() for t in tables):
                out.append(run_id)
        return out

    def completed_runs(self) -> list[str]:
        """Committed runs, oldest first: run folders up to the one the database shows (all run
        folders when there is no database yet)."""
        folders = self.run_folders()
        committed = self.db_run()
        if committed is None:
            return folders
        return [r for r in folders if r <= committed]

    def run_folders(self) -> list[str]:
        if not self.runs_dir.exists():
            return []
        return sorted(
            p.name
            for p in self.runs_dir.iterdir()
            if not p.name.startswith(".") and (p / "manifest.json").exists()
        )

    def manifest(self, run_id: str) -> dict:
        return json.loads((self.runs_dir / run_id / "manifest.json").read_text())

    def read_table(self, table: str, run_id: str | None = None) -> pa.Table:
        run_id = run_id or self.latest_run()
        if run_id is None:
            return schema(table).empty_table()
        path = self.runs_dir / run_id / f"{table}.parquet"
        if not path.exists() and table.endswith("_rejected"):
            return schema(table).empty_table()  # a run from before reviews, or with nothing rejected
        if not path.exists():
            raise StoreError(f"run {run_id} has no table {table}")
        return pq.read_table(path)

    def read_columns(self, table: str, run_id: str, columns: list[str]) -> pa.Table:
        """Some columns of a table of ``run_id``, read from its one Parquet file directly: no
        :mod:`pyarrow.dataset` (and the pandas it imports, ~0.5 s), for the checks a command makes
        before it knows it has work to do (:mod:`flows.unchanged`)."""
        path = self.runs_dir / run_id / f"{table}.parquet"
        if not path.exists():
            raise StoreError(f"run {run_id} has no table {table}")
        return pq.ParquetFile(path).read(columns=columns)

    def read_frame(self, table: str, run_id: str | None = None):
        """The table as a pandas DataFrame (pandas imported here: most commands never need it)."""
        return self.read_table(table, run_id).to_pandas()

    # -- writing ----------------------------------------------------------------------------------
    def publish(self, run_id: str, tables: dict[str, pa.Table], manifest: dict) -> Path:
        """Write a completed run and make it the latest. Atomic at every step."""
        self.runs_dir.mkdir(parents=True, exist_ok=True)
        self.clean_partial()
        tmp = self.runs_dir / f".tmp-{run_id}"
        try:
            tmp.mkdir()
            for name, tbl in tables.items():
                pq.write_table(tbl, tmp / f"{name}.parquet")
            (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
            _fsync_dir(tmp)
        except OSError as exc:  # disk full, read-only folder: nothing of this run becomes visible
            shutil.rmtree(tmp, ignore_errors=True)
            raise StoreError(
                f"could not write run {run_id} ({_first_line(exc)}); nothing published"
            ) from None
        final = self.runs_dir / run_id
        os.rename(tmp, final)
        _fsync_dir(self.runs_dir)
        self._write_db(run_id)
        _atomic_write(self.root / "latest", run_id + "\n")
        return final

    def clean_partial(self) -> None:
        """Remove what an interrupted run left behind (never a completed run)."""
        if self.runs_dir.exists():
            for p in self.runs_dir.iterdir():
                if p.name.startswith(".tmp-"):
                    shutil.rmtree(p, ignore_errors=True)
        for p in self.root.glob(".tipwatch.duckdb.*"):
            p.unlink(missing_ok=True)

    def _write_db(self, latest: str) -> None:
        """Build the DuckDB file beside the real one, read it back, and rename it into place; a
        write that fails (disk full, read-only folder) leaves the real one as it was."""
        tmp = self.root / f".tipwatch.duckdb.{uuid.uuid4().hex[:8]}"
        runs = [r for r in self.run_folders() if r <= latest]
        try:
            con = duckdb.connect(str(tmp))
            try:
                self._fill_db(con, latest, runs)
            finally:
                con.close()
            error = None if self.db_file_run(tmp) == latest else "it could not be read back"
        except (duckdb.Error, OSError) as exc:
            error = _first_line(exc)
        if error:
            for path in (tmp, Path(f"{tmp}.wal")):
                path.unlink(missing_ok=True)
            raise StoreError(f"could not write the database ({error}); the previous one is kept")
        os.replace(tmp, self.db_path)

    def _fill_db(self, con: duckdb.DuckDBPyConnection, latest: str, runs: list[str]) -> None:
        """The latest run's tables (and rejected rows), each table's history over ``runs``, the
        views and the ``_tipwatch`` marker naming ``latest``."""
        for table in TABLES.values():
            path = self.runs_dir / latest / f"{table.name}.parquet"
            if path.exists():
                con.execute(f"CREATE TABLE {table.name} AS SELECT * FROM read_parquet(?)", [str(path)])
            rejected = self.runs_dir / latest / f"{table.name}_rejected.parquet"
            if rejected.exists():
                con.execute(
                    f"CREATE TABLE {table.name}_rejected AS SELECT * FROM read_parquet(?)", [str(rejected)]
                )
            hist = [p for p in (self.runs_dir / r / f"{table.name}.parquet" for r in runs) if p.exists()]
            if hist and table.history:
                _create_history(con, table.name, hist)
        con.execute(VIEWS_SQL)
        con.execute("CREATE TABLE _tipwatch AS SELECT ? AS run_id", [latest])
        con.execute("CHECKPOINT")

    @staticmethod
    def db_file_run(path: Path) -> str | None:
        """The run a DuckDB file shows, None when it cannot be read."""
        try:
            con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error:
            return None
        try:
            return con.execute("SELECT run_id FROM _tipwatch").fetchone()[0]
        except duckdb.Error:
            return None
        finally:
            con.close()


def _create_history(con: duckdb.DuckDBPyConnection, table: str, paths: list[Path]) -> None:
    """``<table>_history``: the table's rows of every given run, with the run's id in ``run_id``
    (taken from the file's folder; a run written before a column existed has it null)."""
    # One statement: adding the column, updating every row and dropping ``filename`` afterwards
    # rewrote the table three times (most of the time a run takes to publish).
    con.execute(
        f"CREATE TABLE {table}_history AS SELECT * EXCLUDE (filename), "
        "CAST(regexp_extract(replace(filename, '\\', '/'), '/runs/([^/]+)/[^/]+$', 1) AS VARCHAR) AS run_id "
        "FROM read_parquet(?, filename = true, union_by_name = true)",
        [[str(p) for p in paths]],
    )


# Derived views every database gets (kept as SQL so researchers can read how they are defined).
VIEWS_SQL = """
CREATE VIEW tier_changes AS
WITH per_year AS (
    SELECT country, report_year, min(tier) AS tier
    FROM tier_placements
    WHERE source_kind IN ('tip_narrative', 'tip_table') AND report_year IS NOT NULL
    GROUP BY country, report_year
), ordered AS (
    SELECT country, report_year, tier,
           lag(report_year) OVER (PARTITION BY country ORDER BY report_year) AS prev_year,
           lag(tier) OVER (PARTITION BY country ORDER BY report_year) AS prev_tier
    FROM per_year
)
SELECT country, prev_year AS from_year, report_year AS to_year, prev_tier AS from_tier, tier AS to_tier,
       CASE WHEN (CASE tier WHEN '1' THEN 1 WHEN '2' THEN 2 WHEN '2WL' THEN 3 WHEN '3' THEN 4 END)
               < (CASE prev_tier WHEN '1' THEN 1 WHEN '2' THEN 2 WHEN '2WL' THEN 3 WHEN '3' THEN 4 END)
            THEN 'upgraded' ELSE 'downgraded' END AS change
FROM ordered
WHERE prev_tier IS NOT NULL AND tier <> prev_tier AND tier <> 'special_case' AND prev_tier <> 'special_case';
"""


def _first_line(exc: Exception) -> str:
    """The error's first line; for an OSError with an errno, the system's words for it ("No space
    left on device"), not the library's wrapping of them."""
    if isinstance(exc, OSError) and exc.errno:
        return os.strerror(exc.errno)
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    with open(tmp, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
