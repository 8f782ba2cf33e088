"""Exporting a run's tables for researchers (``tipwatch export``): CSV, JSON, Parquet, Excel and Stata.

:func:`export_run` writes the latest run's tables (plus ``claim_checks``) to a folder, one file per
table (one workbook for xlsx), each written beside its final name and renamed into place. Types
survive every format that can hold them:

- integers stay integers, nulls included (``page`` is ``22`` or empty, never ``22.0``);
- booleans are ``true``/``false`` in CSV and JSON, real booleans in Parquet and Excel, and 0/1
  bytes labelled 0 "false", 1 "true" in Stata (a value label named after the variable);
- text keeps its newlines (CSV quotes such fields); Stata gets strL for text over 2,045 bytes;
- list columns are lists in Parquet and JSON, ``; ``-joined text in CSV, Excel and Stata.

Stata variable names follow Stata's rules (:func:`stata_names`): a reserved word gets a trailing
underscore (``end`` -> ``end_``) and every variable carries the column's meaning as its label.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

import pyarrow as pa

EXPORT_FORMATS = ("csv", "json", "parquet", "xlsx", "dta")
XLSX_MAX_CELL = 32_767  # Excel refuses longer cells
XLSX_PIN = "openpyxl==3.1.5"
STATA_STR_MAX = 2045  # bytes in a fixed-width Stata 118 string; longer text is stored as strL
STATA_LABEL_MAX = 80  # characters in a Stata variable or data label
STATA_NAME_MAX = 32
# Words Stata (and pandas' writer, which would rename them silently) refuses as variable names.
STATA_RESERVED = frozenset(
    "aggregate array boolean break byte case catch class colvector complex const continue default "
    "delegate delete do double else eltypedef end enum explicit export external float for friend "
    "function global goto if inline int local long NULL pragma protected quad rowvector short "
    "typedef typename virtual _all _N _skip _b _pi str# in _pred strL _coef _rc using _cons _se "
    "with _n".split()
)
BOOL_LABELS = {0: "false", 1: "true"}


class ExportError(Exception):
    """A problem with an export, in one line."""


def export_run(
    store, out_dir: Path, fmt: str, names: list[str] | None = None
) -> list[tuple[Path, int | None]]:
    """Write the latest run's tables (all, or ``names``) to ``out_dir`` as ``fmt`` (one of
    :data:`EXPORT_FORMATS`); returns (path, rows) per file written, rows None for files that are
    not a table. A data dictionary (``data_dictionary.md``) goes with every format but Parquet."""
    from flows.tables import data_dictionary

    run_id = store.latest_run()
    if run_id is None:
        raise ExportError(f"no completed run in {store.root}: run `tipwatch run` first")
    data = read_tables(store, run_id, names)
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        return _write_parquet(data, out_dir)
    writers = {"csv": _write_csv, "json": _write_json, "xlsx": _write_xlsx, "dta": _write_dta}
    written = writers[fmt](data, out_dir, run_id)
    dd = out_dir / "data_dictionary.md"
    _atomic(dd, lambda tmp: Path(tmp).write_text(data_dictionary(), encoding="utf-8"))
    return written + [(dd, None)]


def exportable() -> list[str]:
    """Every table an export can hold, in the contract's order."""
    from extractors.records import TABLES
    from flows.store import REVIEWED_TABLES

    return [*TABLES, *(f"{n}_rejected" for n in REVIEWED_TABLES)]


def read_tables(store, run_id: str, names: list[str] | None) -> dict[str, pa.Table]:
    """The run's tables by name (``claim_checks`` computed for runs that predate it)."""
    from flows.checks import read_claim_checks

    known = exportable()
    names = [n.strip() for n in names] if names else known
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ExportError(f"unknown table {unknown[0]!r}: choose from {', '.join(known)}")
    return {
        n: (read_claim_checks(store, run_id) if n == "claim_checks" else store.read_table(n, run_id))
        for n in names
    }


def typed_frame(tbl: pa.Table):
    """Arrow table -> pandas frame that keeps the types: nullable ``Int64`` integers, nullable
    ``boolean`` booleans, text as text; list columns joined by ``; `` (a null list stays null)."""
    import pandas as pd

    mapping = {pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int32Dtype(), pa.bool_(): pd.BooleanDtype()}
    lists = [f.name for f in tbl.schema if pa.types.is_list(f.type)]
    df = tbl.drop_columns(lists).to_pandas(types_mapper=mapping.get)
    for name in lists:
        joined = [
            None if v is None else "; ".join("" if x is None else str(x) for x in v)
            for v in tbl.column(name).to_pylist()
        ]
        df.insert(tbl.schema.get_field_index(name), name, pd.Series(joined, dtype="str"))
    return df


def _write_parquet(data: dict, out_dir: Path) -> list[tuple[Path, int | None]]:
    """One ``<table>.parquet`` per table, exactly as stored."""
    import pyarrow.parquet as pq

    written: list[tuple[Path, int | None]] = []
    for n, tbl in data.items():
        path = out_dir / f"{n}.parquet"
        _atomic(path, lambda tmp, tbl=tbl: pq.write_table(tbl, tmp))
        written.append((path, len(tbl)))
    return written


def _write_csv(data: dict, out_dir: Path, run_id: str) -> list[tuple[Path, int | None]]:
    """One UTF-8 ``<table>.csv`` per table with a header row: integers as integers, booleans as
    ``true``/``false``, nulls empty, fields with quotes, commas or newlines quoted (RFC 4180)."""
    written: list[tuple[Path, int | None]] = []
    for n, tbl in data.items():
        df = typed_frame(tbl)
        for col in df.columns:
            if str(df[col].dtype) == "boolean":
                df[col] = df[col].map({True: "true", False: "false"}, na_action="ignore").astype("str")
        path = out_dir / f"{n}.csv"
        _atomic(path, lambda tmp, df=df: df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n"))
        written.append((path, len(df)))
    return written


def _write_json(data: dict, out_dir: Path, run_id: str) -> list[tuple[Path, int | None]]:
    """One UTF-8 ``<table>.json`` per table: an array of row objects, one per line, with the stored
    types (integers, ``true``/``false``, ``null``, lists as arrays)."""
    written: list[tuple[Path, int | None]] = []
    for n, tbl in data.items():
        rows = tbl.to_pylist()
        text = (
            "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + ("\n]\n" if rows else "]\n")
        )
        path = out_dir / f"{n}.json"
        _atomic(path, lambda tmp, text=text: Path(tmp).write_text(text, encoding="utf-8"))
        written.append((path, len(rows)))
    return written


def _write_xlsx(data: dict, out_dir: Path, run_id: str) -> list[tuple[Path, int | None]]:
    """``tipwatch.xlsx`` with one sheet per table (names cut to Excel's 31 characters); listed as the
    workbook, then ``tipwatch.xlsx#<table>`` with its rows."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise ExportError(f"xlsx export needs openpyxl: pip install {XLSX_PIN}") from None
    import pandas as pd

    frames = {n: _clip(typed_frame(tbl)) for n, tbl in data.items()}
    path = out_dir / "tipwatch.xlsx"

    def write(tmp):
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            for n, df in frames.items():
                df.to_excel(xl, sheet_name=n[:31], index=False)

    _atomic(path, write, suffix=".xlsx")
    return [(path, None)] + [(Path(f"{path}#{n}"), len(df)) for n, df in frames.items()]


def _clip(df):
    """Cut text cells to Excel's limit (stored document texts can be longer)."""
    for col in df.columns:
        if str(df[col].dtype) == "str":
            df[col] = [
                v[:XLSX_MAX_CELL] if isinstance(v, str) and len(v) > XLSX_MAX_CELL else v for v in df[col]
            ]
    return df


def _write_dta(data: dict, out_dir: Path, run_id: str) -> list[tuple[Path, int | None]]:
    """One Stata 14+ file (format 118, UTF-8) ``<table>.dta`` per table, labelled."""
    written: list[tuple[Path, int | None]] = []
    for n, tbl in data.items():
        df, options = stata_frame(n, tbl)
        options["data_label"] = f"tipwatch {n}, run {run_id}"[:STATA_LABEL_MAX]
        path = out_dir / f"{n}.dta"
        _atomic(path, lambda tmp, df=df, o=options: df.to_stata(tmp, write_index=False, version=118, **o))
        written.append((path, len(df)))
    return written


def stata_frame(table: str, tbl: pa.Table):
    """The frame to write as Stata and the ``to_stata`` options: Stata names, variable labels (the
    column's meaning), booleans as 0/1 with the ``false``/``true`` value label, missing text as ""
    (Stata's missing string), text longer than :data:`STATA_STR_MAX` bytes as strL. Nullable
    integers stay integers; pandas writes their nulls as Stata's missing value."""
    df = typed_frame(tbl)
    labels = column_docs(table)
    names = stata_names(list(df.columns))
    value_labels, strl = {}, []
    for col in df.columns:
        kind = str(df[col].dtype)
        if kind == "boolean":
            df[col] = df[col].astype("Int8")
            value_labels[names[col]] = BOOL_LABELS
        elif kind == "str":
            df[col] = df[col].fillna("")
            if max((len(v.encode("utf-8")) for v in df[col]), default=0) > STATA_STR_MAX:
                strl.append(names[col])
    df = df.rename(columns=names)
    variable_labels = {
        new: _label(old, labels.get(old, ""), renamed=new != old) for old, new in names.items()
    }
    return df, {"variable_labels": variable_labels, "value_labels": value_labels, "convert_strl": strl}


def _label(column: str, doc: str, *, renamed: bool) -> str:
    """A variable label: the column's meaning, led by its tipwatch name when Stata's differs."""
    text = f"{column}: {doc}" if renamed else doc
    return text if len(text) <= STATA_LABEL_MAX else text[: STATA_LABEL_MAX - 1] + "…"


def stata_names(columns: list[str]) -> dict[str, str]:
    """Column -> Stata variable name: letters, digits and underscores only, not starting with a
    digit, at most 32 characters, not a reserved word (``end`` -> ``end_``), all distinct."""
    out: dict[str, str] = {}
    for col in columns:
        name = re.sub(r"[^A-Za-z0-9_]", "_", col)
        if not name or name[0].isdigit():
            name = "_" + name
        name = name[:STATA_NAME_MAX]
        if name in STATA_RESERVED:
            name = name[: STATA_NAME_MAX - 1] + "_"
        base, k = name, 1
        while name in out.values():
            k += 1
            name = f"{base[: STATA_NAME_MAX - len(str(k)) - 1]}_{k}"
        out[col] = name
    return out


def column_docs(table: str) -> dict[str, str]:
    """Column -> meaning for ``table`` (``<t>_rejected`` shares ``<t>``'s), from the table contract."""
    from extractors.records import TABLES
    from flows.store import EXTRA_COLUMNS, REVIEW_COLUMNS

    base = table.removesuffix("_rejected")
    docs = {c.name: c.doc for c in TABLES[base].columns} if base in TABLES else {}
    docs.update({n: "store bookkeeping" for n in EXTRA_COLUMNS.get(base, {})})
    docs.update(REVIEW_COLUMNS)
    return docs


def _atomic(path: Path, write, suffix: str = "") -> None:
    """Call ``write`` on a hidden name beside ``path``, then rename it into place (no half files)."""
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}{suffix or path.suffix}")
    try:
        write(str(tmp))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


__all__ = ["EXPORT_FORMATS", "ExportError", "export_run", "stata_frame", "stata_names", "typed_frame"]
