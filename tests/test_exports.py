"""Exports researchers can load (issue 13): one real `tipwatch run` over the seed (the article and the
sample TIP report), then `tipwatch export` in every format, read back with the csv module, pandas
(read_csv with the column types, read_stata), json and openpyxl, and compared value for value with
the run's Parquet tables."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import SAMPLE_PDF, SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.export import stata_names

TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))
TABLES = [
    "documents",
    "texts",
    "mentions",
    "officials",
    "agencies",
    "tier_placements",
    "claims",
    "statistics",
    "claim_checks",
    "runs",
    "document_versions",
    "mentions_rejected",
]


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """The seed run's processed folder and its tables as Arrow."""
    work = tmp_path_factory.mktemp("exports")
    raw = work / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(SAMPLE_PDF, raw / SAMPLE_PDF.name)
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect")}
    proc = subprocess.run(
        [TIPWATCH, "run", "--raw", str(raw), "--processed", str(work / "processed")],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    processed = work / "processed"
    run = processed / "runs" / (processed / "latest").read_text().strip()
    return work, processed, {n: pq.read_table(run / f"{n}.parquet") for n in TABLES}


def export(seed_run, fmt: str) -> Path:
    work, processed, _ = seed_run
    out = work / f"out-{fmt}"
    if not out.exists():
        res = CliRunner().invoke(app, ["export", str(out), "--format", fmt, "--processed", str(processed)])
        assert res.exit_code == 0, res.output
    return out


def kinds(tbl: pa.Table) -> dict[str, str]:
    """Column -> int, bool, list or str."""
    out = {}
    for f in tbl.schema:
        t = f.type
        out[f.name] = (
            "int"
            if pa.types.is_integer(t)
            else "bool"
            if pa.types.is_boolean(t)
            else "list"
            if pa.types.is_list(t)
            else "str"
        )
    return out


def joined(v) -> str:
    return "" if v is None else "; ".join("" if x is None else str(x) for x in v)


# -- CSV ---------------------------------------------------------------------------------------------------
def test_csv_cells_are_integers_booleans_and_whole_text(seed_run):
    out = export(seed_run, "csv")
    with open(out / "tier_placements.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    pakistan = {(r["source_kind"], r["report_year"], r["page"]) for r in rows if r["country"] == "Pakistan"}
    assert pakistan == {("news", "2015", ""), ("tip_narrative", "2023", "22"), ("tip_table", "2023", "3")}
    with open(out / "claims.csv", newline="", encoding="utf-8") as fh:
        claims = list(csv.DictReader(fh))
    assert sorted({r["direct"] for r in claims}) == ["false", "true"]
    assert sum(r["direct"] == "true" for r in claims) == 2
    assert sum(r["page"] == "" for r in claims) == 8 and "22" in {r["page"] for r in claims}
    # no integer column anywhere is written as a float
    for name, tbl in seed_run[2].items():
        ints = [c for c, k in kinds(tbl).items() if k == "int"]
        with open(out / f"{name}.csv", newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                assert all(r[c] == "" or r[c].lstrip("-").isdigit() for c in ints), (name, r)


def test_csv_reads_back_with_pandas_as_the_stored_values(seed_run):
    out = export(seed_run, "csv")
    dtypes = {"int": "Int64", "bool": "boolean", "str": "str", "list": "str"}
    for name, tbl in seed_run[2].items():
        cols = kinds(tbl)
        df = pd.read_csv(
            out / f"{name}.csv",
            dtype={c: dtypes[k] for c, k in cols.items()},
            keep_default_na=False,
            na_values={c: [""] for c, k in cols.items() if k in ("int", "bool")},
        )
        assert list(df.columns) == tbl.column_names and len(df) == len(tbl), name
        for c, k in cols.items():
            stored = tbl.column(c).to_pylist()
            got = [None if v is pd.NA else v for v in df[c].astype(object)]
            if k == "list":
                stored = [joined(v) for v in stored]
            elif k == "str":
                stored = ["" if v is None else v for v in stored]
            assert got == stored, (name, c)
    texts = pd.read_csv(out / "texts.csv", dtype="str", keep_default_na=False)
    seed_text = texts.text[texts.doc_id == seed_run[2]["documents"].column("doc_id")[0].as_py()]
    assert seed_text.str.count("\n").iloc[0] >= 10  # paragraphs survive the round trip (quoted fields)


# -- JSON --------------------------------------------------------------------------------------------------
def test_json_holds_the_stored_types(seed_run):
    out = export(seed_run, "json")
    for name, tbl in seed_run[2].items():
        assert json.loads((out / f"{name}.json").read_text(encoding="utf-8")) == tbl.to_pylist(), name
    tiers = json.loads((out / "tier_placements.json").read_text(encoding="utf-8"))
    pages = {(t["source_kind"], t["page"]) for t in tiers if t["country"] == "Pakistan"}
    assert pages == {("news", None), ("tip_narrative", 22), ("tip_table", 3)}
    text = (out / "claims.json").read_text(encoding="utf-8")
    assert '"direct": true' in text and '"page": 22' in text and '"page": 22.0' not in text


# -- Stata -------------------------------------------------------------------------------------------------
def test_stata_files_read_back_with_the_stored_values(seed_run):
    out = export(seed_run, "dta")
    for name, tbl in seed_run[2].items():
        names = stata_names(tbl.column_names)
        df = pd.read_stata(out / f"{name}.dta", convert_categoricals=False, convert_missing=True)
        assert list(df.columns) == [names[c] for c in tbl.column_names] and len(df) == len(tbl), name
        for c, k in kinds(tbl).items():
            stored = tbl.column(c).to_pylist()
            got = list(df[names[c]])
            if k in ("int", "bool"):
                got = [None if isinstance(v, pd.io.stata.StataMissingValue) else int(v) for v in got]
                stored = [None if v is None else int(v) for v in stored]
            elif k == "list":
                stored = [joined(v) for v in stored]
            else:
                stored = ["" if v is None else v for v in stored]
            assert got == stored, (name, c)


def test_stata_types_labels_and_names(seed_run):
    out = export(seed_run, "dta")
    with pd.io.stata.StataReader(out / "claims.dta") as reader:
        reader.read()
        types = dict(zip(reader._varlist, reader._typlist))
        labels, values, title = reader.variable_labels(), reader.value_labels(), reader.data_label
    assert reader._format_version == 118
    assert (types["page"], types["start"], types["end_"], types["direct"]) == ("l", "l", "l", "b")
    assert values == {"direct": {0: "false", 1: "true"}}
    assert labels["end_"] == "end: end character offset (exclusive)"
    assert labels["page"] == "PDF page number (null for HTML and text)"
    assert title.startswith("tipwatch claims, run ")
    direct = pd.read_stata(out / "claims.dta").direct
    # 98 (stop 35, wt-cue4: "identifying victims" is an action, no claim; 108 before)
    assert direct.value_counts().to_dict() == {
        "false": 98,
        "true": 2,
    }  # 110 before the report was cut at 60,000 characters and "considering" lost its claim
    # the report's text is longer than a fixed-width Stata string: stored as strL (pandas reads it as "Q")
    # and read back whole by the test above
    assert max(len(t.encode()) for t in seed_run[2]["texts"].column("text").to_pylist()) > 2045
    with pd.io.stata.StataReader(out / "texts.dta") as reader:
        reader.read()
        assert dict(zip(reader._varlist, reader._typlist))["text"] == "Q"


def test_stata_names_follow_statas_rules():
    long = "a_very_long_column_name_that_goes_on_and_on"
    assert stata_names(["end", "in", "1st", "a-b", "page", long, long[:32] + "x"]) == {
        "end": "end_",
        "in": "in_",
        "1st": "_1st",
        "a-b": "a_b",
        "page": "page",
        long: long[:32],
        long[:32] + "x": long[:30] + "_2",
    }


# -- Excel, errors -----------------------------------------------------------------------------------------
def test_xlsx_cells_are_numbers_and_booleans(seed_run):
    import openpyxl

    out = export(seed_run, "xlsx")
    sheet = list(openpyxl.load_workbook(out / "tipwatch.xlsx", read_only=True)["tier_placements"].values)
    header, rows = sheet[0], sheet[1:]
    col = {h: i for i, h in enumerate(header)}
    pages = {(r[col["source_kind"]], r[col["page"]]) for r in rows if r[col["country"]] == "Pakistan"}
    assert pages == {("news", None), ("tip_narrative", 22), ("tip_table", 3)}
    claims = list(openpyxl.load_workbook(out / "tipwatch.xlsx", read_only=True)["claims"].values)
    assert {r[claims[0].index("direct")] for r in claims[1:]} == {True, False}


def test_unknown_export_format_is_one_line(seed_run):
    res = CliRunner().invoke(app, ["export", "x", "--format", "sav", "--processed", str(seed_run[1])])
    assert (res.exit_code, res.stderr) == (
        1,
        "tipwatch: error: unknown format 'sav': use csv, json, parquet, xlsx or dta\n",
    )


def test_every_export_format_is_documented():
    from flows.export import EXPORT_FORMATS

    root = Path(__file__).resolve().parents[1]
    docs = (root / "docs" / "researchers.md").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert [f for f in EXPORT_FORMATS if f"\n| {f} | " not in docs] == []
    assert "tipwatch export --format " + "|".join(EXPORT_FORMATS) + " DIR" in readme
