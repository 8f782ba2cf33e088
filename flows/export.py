"""Exports of the latest run for researchers' tools: Parquet (types kept), CSV, xlsx and Stata.

Contract: a file per table (xlsx: a sheet each), written beside its final name and renamed into
place, plus ``data_dictionary.md`` with CSV, xlsx and dta. Column types survive every format a
tool reads: integer columns stay integers when they have nulls (``page`` 22, never 22.0; an empty
cell or Stata's missing value), booleans are ``true``/``false`` in CSV and 0/1 bytes in Stata,
text keeps its newlines (CSV quotes the field). List columns become ``; ``-joined text in CSV,
xlsx and dta (those tools have no lists); Parquet keeps them.
"""

from __future__ import annotations

import os
import uuid
from functools import lru_cache
from pathlib import Path

EXPORT_FORMATS = ("csv", "parquet", "xlsx", "dta")
XLSX_MAX_CELL = 32_767  # Excel refuses longer cells
XLSX_PIN = "openpyxl==3.1.5"
STATA_MAX_NAME = 32  # Stata variable names


class ExportError(Exception):
    """A problem with an export, in one line."""


def export_run(
    store, out_dir: Path, fmt: str, names: list[str] | None = None
) -> list[tuple[Path, int | None]]:
    """Write the latest run's tables (plus ``claim_checks``) to ``out_dir``; returns (path, rows) written.

    ``fmt`` is one of :data:`EXPORT_FORMATS` (see the module for what each keeps)."""
    from extractors.records import TABLES
    from flows.checks import read_claim_checks
    from flows.store import REVIEWED_TABLES
    from flows.tables import data_dictionary

    run_id = store.latest_run()
    if run_id is None:
        raise ExportError(f"no completed run in {store.root}: run `tipwatch run` first")
    known = [*TABLES, *(f"{n}_rejected" for n in REVIEWED_TABLES)]
    names = [n.strip() for n in names] if names else known
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ExportError(f"unknown table {unknown[0]!r}: choose from {', '.join(known)}")
    data = {
        n: (read_claim_checks(store, run_id) if n == "claim_checks" else store.read_table(n, run_id))
        for n in names
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        return _write_parquet(data, out_dir)
    frames = {n: _flat_frame(tbl) for n, tbl in data.items()}
    writers = {"csv": _write_csv, "xlsx": _write_xlsx, "dta": _write_dta}
    written = writers[fmt](frames, out_dir)
    dd = out_dir / "data_dictionary.md"
    _atomic(dd, lambda tmp: Path(tmp).write_text(data_dictionary(), encoding="utf-8"))
    return written + [(dd, None)]


def _write_parquet(data: dict, out_dir: Path) -> list[tuple[Path, int | None]]:
    """One ``<table>.parquet`` per table, types kept."""
    import pyarrow.parquet as pq

    written: list[tuple[Path, int | None]] = []
    for n, tbl in data.items():
        path = out_dir / f"{n}.parquet"
        _atomic(path, lambda tmp, tbl=tbl: pq.write_table(tbl, tmp))
        written.append((path, len(tbl)))
    return written


def _write_csv(frames: dict, out_dir: Path) -> list[tuple[Path, int | None]]:
    """One UTF-8 ``<table>.csv`` per table, with a header row."""
    written: list[tuple[Path, int | None]] = []
    for n, df in frames.items():
        path = out_dir / f"{n}.csv"
        _atomic(path, lambda tmp, df=df: _csv_frame(df).to_csv(tmp, index=False, encoding="utf-8"))
        written.append((path, len(df)))
    return written


def _csv_frame(df):
    """Booleans as ``true``/``false`` (pandas writes True/False); nullable integers already print
    without a decimal point."""
    df = df.copy()
    for col in df.columns:
        if str(df[col].dtype) in ("bool", "boolean"):
            df[col] = df[col].map({True: "true", False: "false"}).astype(object)
    return df


def _write_dta(frames: dict, out_dir: Path) -> list[tuple[Path, int | None]]:
    """One Stata 118 (Unicode) ``<table>.dta`` per table: long text as strL, booleans as 0/1
    bytes, nullable integers with Stata's missing value, names cut to 32 characters."""
    written: list[tuple[Path, int | None]] = []
    for n, df in frames.items():
        path = out_dir / f"{n}.dta"
        _atomic(path, lambda tmp, df=df: _stata_frame(df).to_stata(tmp, version=118, write_index=False,
                                                                  convert_strl=_strl_columns(df)))  # fmt: skip
        written.append((path, len(df)))
    return written


def _stata_frame(df):
    """The frame as Stata stores it: text columns as str (missing -> ""), booleans as 0/1 bytes
    and integers as int64, either as float64 when it has nulls (Stata's missing value)."""
    out = df.copy()
    for col in out.columns:
        dtype = str(out[col].dtype)
        if dtype in ("bool", "boolean", "Int64", "int64"):
            exact = "int8" if dtype.startswith("b") else "int64"
            out[col] = out[col].astype("float64") if out[col].isna().any() else out[col].astype(exact)
        else:
            out[col] = ["" if v is None or v != v else str(v) for v in out[col]]
    out.columns = [stata_name(c) for c in out.columns]
    return out


def stata_name(column: str) -> str:
    """A column's Stata variable name: a Stata reserved word gets a trailing underscore ("end" ->
    "end_"), and names are cut to 32 characters."""
    return (f"{column}_" if column in _stata_reserved() else column)[:STATA_MAX_NAME]


@lru_cache(maxsize=1)
def _stata_reserved() -> frozenset[str]:
    from pandas.io.stata import StataParser

    return frozenset(StataParser().RESERVED_WORDS)


def _strl_columns(df) -> list[str]:
    """Text columns with a value longer than Stata's 2,045-byte str limit."""
    return [
        stata_name(c)
        for c in df.columns
        if df[c].dtype == object and any(isinstance(v, str) and len(v.encode()) > 2045 for v in df[c])
    ]


def _write_xlsx(frames: dict, out_dir: Path) -> list[tuple[Path, int | None]]:
    """``tipwatch.xlsx`` with one sheet per table (names cut to Excel's 31 characters); listed as the
    workbook, then ``tipwatch.xlsx#<table>`` with its rows."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise ExportError(f"xlsx export needs openpyxl: pip install {XLSX_PIN}") from None
    import pandas as pd

    path = out_dir / "tipwatch.xlsx"

    def write(tmp):
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            for n, df in frames.items():
                _clip(df).to_excel(xl, sheet_name=n[:31], index=False)

    _atomic(path, write, suffix=".xlsx")
    return [(path, None)] + [(Path(f"{path}#{n}"), len(df)) for n, df in frames.items()]


def _flat_frame(tbl):
    """Arrow table -> pandas frame with list columns joined by '; ' (None stays empty)."""
    import pandas as pd
    import pyarrow as pa

    # nullable types: an int64 column with nulls stays Int64 (never float), bool stays boolean
    df = tbl.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get)
    for f in tbl.schema:
        if pa.types.is_list(f.type):
            df[f.name] = [
                None if v is None else "; ".join("" if x is None else str(x) for x in v)
                for v in tbl.column(f.name).to_pylist()
            ]
    return df


def _clip(df):
    """Cut text cells to Excel's limit (stored document texts can be longer)."""
    df = df.copy()
    for col in df.columns:
        if df[col].dtype.kind in ("O", "U") or str(df[col].dtype) in ("str", "string"):
            df[col] = [
                v[:XLSX_MAX_CELL] if isinstance(v, str) and len(v) > XLSX_MAX_CELL else v for v in df[col]
            ]
    return df


def _atomic(path: Path, write, suffix: str = "") -> None:
    """Call ``write`` on a hidden name beside ``path``, then rename it into place (no half files)."""
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}{suffix or path.suffix}")
    try:
        write(str(tmp))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
