"""One real end-to-end run of the `tipwatch run` command (a real Prefect flow run with its temporary
server) over the samples plus broken files, then the CLI against what it published."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import SAMPLE_PDF, SEED
from typer.testing import CliRunner

from flows.cli.app import app

TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e")
    raw = work / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(SAMPLE_PDF, raw / SAMPLE_PDF.name)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage \x00\x01\x02 no xref")
    (raw / "junk.html").write_bytes(bytes(range(256)) * 8)
    (raw / "notes.docx").write_bytes(b"PK\x03\x04 not really a docx")
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
    return work / "processed", proc


def query(processed: Path, sql: str, fmt: str = "csv"):
    return CliRunner().invoke(app, ["query", sql, "--processed", str(processed), "--format", fmt])


def test_run_summary_and_statuses(published):
    processed, proc = published
    assert "6 documents (6 parsed and extracted, 0 unchanged, 4 not ok)" in proc.stdout
    res = query(processed, "SELECT source, kind, status, error FROM documents ORDER BY source")
    assert res.exit_code == 0, res.output
    assert res.output == (
        "source,kind,status,error\n"
        "corrupt.pdf,other,error,truncated PDF: no %%EOF marker at the end of the file (57 bytes)\n"
        "empty.txt,news,empty,file is empty\n"
        "junk.html,news,error,binary data (NUL bytes) where text was expected\n"
        "notes.docx,other,error,unsupported file type .docx\n"
        "pakistan-tip-ranking-conference.txt,news,ok,\n"
        "sample-tip-report-2023.pdf,tip_report,ok,\n"
    )


def test_layout_and_duckdb_views(published):
    processed, _ = published
    run_id = (processed / "latest").read_text().strip()
    run_dir = processed / "runs" / run_id
    names = {p.name for p in run_dir.iterdir()}
    assert {
        "documents.parquet",
        "mentions.parquet",
        "officials.parquet",
        "agencies.parquet",
        "tier_placements.parquet",
        "claims.parquet",
        "statistics.parquet",
        "runs.parquet",
        "texts.parquet",
        "manifest.json",
    } <= names
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["run_id"] == run_id and manifest["n_documents"] == 6 and manifest["n_failed"] == 4
    con = duckdb.connect(str(processed / "tipwatch.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM officials").fetchone()[0] == len(
        pq.read_table(run_dir / "officials.parquet")
    )
    assert con.execute("SELECT count(DISTINCT run_id) FROM claims_history").fetchone()[0] == 1


def test_officials_exact_cli_output(published):
    processed, _ = published
    res = CliRunner().invoke(
        app,
        [
            "query",
            "SELECT name, title, organisation_acronym AS org FROM officials "
            "WHERE doc_id IN (SELECT doc_id FROM documents WHERE kind = 'news') ORDER BY name",
            "--processed",
            str(processed),
        ],
    )
    assert res.exit_code == 0
    assert res.output == (
        "name                    title               org\n"
        "----------------------  ------------------  ----\n"
        "Ahmad Ishaque Jehangir  director general    FIA\n"
        "Ehsan Sadiq             director general    NPB\n"
        "Syed Kausar Abbas       executive director  SSDO\n"
        "(3 rows)\n"
    )


def test_json_output(published):
    processed, _ = published
    res = query(
        processed,
        "SELECT normalized AS tier, count(*) AS n FROM mentions WHERE label = 'TIER' AND doc_id IN "
        "(SELECT doc_id FROM documents WHERE kind = 'news') GROUP BY normalized ORDER BY normalized",
        "json",
    )
    assert json.loads(res.output) == [{"tier": "2WL", "n": 2}]


def test_sample_report_tier_placements(published):
    """One row per country per source (tier list and narrative header) with tier, year, change and page."""
    processed, _ = published
    truth = json.loads((Path(__file__).parent / "tip_sample_truth.json").read_text())
    key = ("source_kind", "country", "report_year", "tier", "change", "page")
    expected = sorted(tuple(t[k] for k in key) for t in truth["tier_placements"])
    res = query(
        processed,
        "SELECT source_kind, country, report_year, tier, change, page FROM tier_placements "
        "WHERE doc_id IN (SELECT doc_id FROM documents WHERE kind = 'tip_report')",
        "json",
    )
    got = sorted(tuple(r[k] for k in key) for r in json.loads(res.output))
    assert got == expected
    assert {t[0] for t in got} == {"tip_table", "tip_narrative"}


@pytest.mark.parametrize(
    "sql, message",
    [
        ("SELEC 1", 'tipwatch: error: Parser Error: syntax error at or near "SELEC" LINE 1: SELEC 1\n'),
        ("SELECT * FROM no_such_table", None),
        (
            "DROP TABLE officials",
            "tipwatch: error: refused: DROP statements are not allowed; tipwatch query is read-only\n",
        ),
        (
            "INSERT INTO officials (name) VALUES ('x')",
            "tipwatch: error: refused: INSERT statements are not allowed; tipwatch query is read-only\n",
        ),
        (
            "COPY (SELECT 1) TO 'out.csv'",
            "tipwatch: error: refused: COPY statements are not allowed; tipwatch query is read-only\n",
        ),
        (
            "ATTACH 'other.duckdb'",
            "tipwatch: error: refused: ATTACH statements are not allowed; tipwatch query is read-only\n",
        ),
        ("SELECT 1; DROP TABLE claims", "tipwatch: error: give exactly one SQL statement (got 2)\n"),
        (
            "EXPLAIN ANALYZE CHECKPOINT",
            "tipwatch: error: refused: EXPLAIN only around a SELECT; tipwatch query is read-only\n",
        ),
        (
            "explain analyse DROP TABLE officials",
            "tipwatch: error: refused: EXPLAIN only around a SELECT; tipwatch query is read-only\n",
        ),
    ],
)
def test_bad_and_write_sql_is_one_line_and_changes_nothing(published, tmp_path, sql, message):
    processed, _ = published
    db = processed / "tipwatch.duckdb"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    proc = subprocess.run(
        [TIPWATCH, "query", sql, "--processed", str(processed)], capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("tipwatch: error: ")
    if message:
        assert proc.stderr == message
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert list(tmp_path.iterdir()) == []


def test_a_query_past_its_time_limit_stops_in_one_line(published, tmp_path):
    processed, _ = published
    sql = "SELECT count(*) FROM range(1000000) a, range(1000000) b"  # 10^12 rows
    proc = subprocess.run(
        [TIPWATCH, "query", sql, "--processed", str(processed), "--timeout", "1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,  # without the limit it would run for hours
    )
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == "tipwatch: error: query stopped after 1 s (--timeout SECONDS, 0 for none)\n"


def test_query_row_limit_and_terminal_escapes(published):
    processed, _ = published
    res = CliRunner().invoke(
        app, ["query", "SELECT range AS n FROM range(5)", "--processed", str(processed), "--limit", "2"]
    )
    assert res.exit_code == 0
    assert res.stdout == "n\n-\n0\n1\n(2 rows)\n"
    assert res.stderr == "tipwatch: showing the first 2 rows; --limit N for more, --limit 0 for all\n"
    # a title carrying a colour sequence and a right-to-left override is shown, not obeyed
    sql = "SELECT 'Minister' || chr(27) || '[31m X' || chr(8238) || 'Y' AS title"
    res = CliRunner().invoke(app, ["query", sql, "--processed", str(processed)])
    assert res.stdout == "title\n-------------------------\nMinister\\x1b[31m X\\u202eY\n(1 row)\n"


def test_missing_inputs_are_one_line_errors(tmp_path):
    proc = subprocess.run(
        [TIPWATCH, "run", "--raw", str(tmp_path / "nope")], capture_output=True, text=True, cwd=tmp_path
    )
    assert (proc.returncode, proc.stderr) == (
        1,
        f"tipwatch: error: raw folder not found: {tmp_path / 'nope'}\n",
    )
    proc = subprocess.run(
        [TIPWATCH, "query", "SELECT 1", "--processed", str(tmp_path)], capture_output=True, text=True
    )
    assert (proc.returncode, proc.stderr) == (
        1,
        f"tipwatch: error: no database at {tmp_path / 'tipwatch.duckdb'}: run `tipwatch run` first\n",
    )


def test_tables_lists_every_table():
    res = CliRunner().invoke(app, ["tables"])
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert lines[0] == "documents: one row per ingested document (every file, including the ones that failed)"
    assert "officials: one row per person in a role, per document" in lines
    listed = [line.split(":")[0] for line in lines if not line.startswith(" ")]
    assert listed[:8] == [
        "documents",
        "texts",
        "mentions",
        "officials",
        "agencies",
        "tier_placements",
        "claims",
        "statistics",
    ]
    assert "runs" in listed
