"""CLI habits (issue 13): ``--version``, ``-h``, ``python -m tipwatch``, flags shown as switches,
``--format table|csv|json`` on every command that prints data (``--json`` kept as an alias), an empty
input warned about with exit 2, ``--strict``. Exact output, through the real entry points.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from conftest import SAMPLE_PDF, SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.cli.common import flatten

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}


def tipwatch(*args, cwd: Path | None = None, module: str = "tipwatch") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *map(str, args)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=cwd or ROOT,
        timeout=600,
    )


def ok(*args) -> str:
    res = CliRunner().invoke(app, [str(a) for a in args])
    assert res.exit_code == 0, res.output
    return res.stdout


# -- the entry points --------------------------------------------------------------------------------------
@pytest.mark.parametrize("module", ["tipwatch", "flows.cli.app"])
def test_version_through_python_m(module, tmp_path):
    p = tipwatch("--version", cwd=tmp_path, module=module)
    assert (p.returncode, p.stdout, p.stderr) == (0, "tipwatch 0.1.0\n", "")


def test_short_help_is_help_and_flags_are_switches():
    short, long = tipwatch("-h"), tipwatch("--help")
    assert short.returncode == 0 and short.stdout == long.stdout
    assert short.stdout.splitlines()[:8] == [
        "Usage: tipwatch [OPTIONS] COMMAND [ARGS]...",
        "",
        "  Who said what about human trafficking: news and TIP reports into queryable",
        "  tables.",
        "",
        "Options:",
        "  --version             print the version and exit",
        "  --install-completion  Install completion for the current shell.",
    ]
    run_help = tipwatch("run", "-h").stdout
    for line in (
        "  --json                     same as --format json",
        "  --wait                     wait for another run writing PROCESSED to finish",
        "  --strict                   exit 1 when any document is not ok",
        "  -h, --help                 Show this message and exit.",
        "  --format <str>             table, csv or json  [default: table]",
    ):
        assert line in run_help.splitlines(), run_help
    commands = sorted(typer.main.get_command(app).commands)
    assert len(commands) >= 11
    for name in commands:  # no command shows a flag as "--json <bool>"
        res = CliRunner().invoke(app, [name, "-h"])
        assert res.exit_code == 0 and "<bool>" not in res.output, (name, res.output)


def test_shell_completion(tmp_path):
    """The bash script ``--show-completion`` prints (asked for through the completion variable:
    ``--show-completion`` detects the shell from the process tree, which a test cannot rely on), then
    one completion."""
    env = {**ENV, "_TIPWATCH_COMPLETE": "source_bash"}
    p = subprocess.run(
        [sys.executable, "-m", "tipwatch"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert (
        p.returncode == 0 and "complete -o default -F _tipwatch_completion tipwatch" in p.stdout.splitlines()
    )
    env = {**ENV, "_TIPWATCH_COMPLETE": "complete_bash", "COMP_WORDS": "tipwatch run --st", "COMP_CWORD": "2"}
    p = subprocess.run(
        [sys.executable, "-m", "tipwatch"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert (p.returncode, p.stdout) == (0, "--strict\n")


# -- empty input, --strict, run --format -----------------------------------------------------------------
def test_empty_raw_folder_warns_and_exits_2(tmp_path):
    (tmp_path / "raw" / ".hidden").mkdir(parents=True)
    (tmp_path / "raw" / ".hidden" / "x.txt").write_text("not a document: hidden")
    p = tipwatch("run", cwd=tmp_path)
    assert (p.returncode, p.stdout, p.stderr) == (
        2,
        "",
        "tipwatch: warning: no documents in raw: nothing to run, nothing published\n",
    )
    assert sorted(x.name for x in tmp_path.iterdir()) == ["raw"]  # no processed/, no .prefect/


@pytest.fixture(scope="module")
def strict_run(tmp_path_factory):
    """One real run, --strict --format csv, over the seed, the sample report and a junk file."""
    work = tmp_path_factory.mktemp("conventions")
    (work / "raw").mkdir()
    shutil.copy(SEED, work / "raw" / SEED.name)
    shutil.copy(SAMPLE_PDF, work / "raw" / SAMPLE_PDF.name)
    (work / "raw" / "junk.html").write_bytes(bytes(range(256)) * 8)
    env = {**ENV, "PREFECT_HOME": str(work / "prefect-home")}
    p = subprocess.run(
        [sys.executable, "-m", "tipwatch", "run", "--strict", "--format", "csv"],
        capture_output=True, text=True, env=env, cwd=work, timeout=600,
    )  # fmt: skip
    return work / "processed", p


def test_strict_exits_1_after_printing_the_documents(strict_run):
    _, p = strict_run
    assert p.returncode == 1, p.stderr
    assert p.stdout == (
        "source,kind,status,error\n"
        "junk.html,news,error,binary data (NUL bytes) where text was expected\n"
        f"{SEED.name},news,ok,\n"
        f"{SAMPLE_PDF.name},tip_report,ok,\n"
    )
    assert p.stderr.splitlines()[-1] == "tipwatch: error: 1 of 3 documents not ok (--strict)"
    assert "Traceback" not in p.stderr


# -- --format on every data command ------------------------------------------------------------------------
def as_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_history_formats(strict_run):
    processed, _ = strict_run
    args = ("history", "pakistan", "--processed", processed)
    assert ok(*args, "--format", "csv") == (
        "country,year,tiers,sources,source_kinds\n"
        f'Pakistan,2015,"[""2WL""]",{SEED.name} (news),"[""news""]"\n'
        f'Pakistan,2023,"[""2WL""]","{SAMPLE_PDF.name} p.22 (narrative), p.3 (table)",'
        '"[""tip_narrative"", ""tip_table""]"\n'
    )
    data = json.loads(ok(*args, "--format", "json"))
    assert data["country"] == "Pakistan" and [y["year"] for y in data["years"]] == [2015, 2023]
    assert [y["tier_from"] for y in data["years"]] == ["news", "reports"]
    assert {s["page"] for s in data["years"][1]["sources"]} == {3, 22}
    assert {c["speaker"] for c in data["checks"]} >= {"Syed Kausar Abbas"}
    assert ok(*args).startswith("Pakistan: tier by TIP report year\n")


def test_check_formats_and_json_alias(strict_run):
    processed, _ = strict_run
    args = ("check", "--processed", processed)
    as_json = json.loads(ok(*args, "--format", "json"))
    assert as_json == json.loads(ok(*args, "--json")) and len(as_json) == 2
    rows = as_csv(ok(*args, "--format", "csv"))
    assert rows[0] == list(as_json[0]) and len(rows) == 3
    assert [r[rows[0].index("verdict")] for r in rows[1:]] == [c["verdict"] for c in as_json]
    assert rows[1][rows[0].index("years")] == json.dumps(as_json[0]["years"])  # lists as JSON


def test_runs_and_query_and_diff_formats(strict_run, tmp_path):
    processed, _ = strict_run
    runs = json.loads(ok("runs", "--processed", processed, "--format", "json"))
    (only,) = runs
    rows = as_csv(ok("runs", "--processed", processed, "--format", "csv"))
    assert rows[0] == ["latest", "run_id", "status", "documents", "new", "carried", "failed", "rows",
                       "extract s", "seconds", "rules_hash", "reason"]  # fmt: skip
    assert rows[1][:7] == ["true", only["run_id"], "completed", "3", "3", "0", "1"]
    sql = "SELECT source, status FROM documents ORDER BY source"
    assert ok("query", sql, "--processed", processed, "--format", "json") == (
        "[\n"
        '  {\n    "source": "junk.html",\n    "status": "error"\n  },\n'
        f'  {{\n    "source": "{SEED.name}",\n    "status": "ok"\n  }},\n'
        f'  {{\n    "source": "{SAMPLE_PDF.name}",\n    "status": "ok"\n  }}\n'
        "]\n"
    )
    two = copy_with_second_run(processed, tmp_path)
    assert ok("diff", "--processed", two, "--format", "csv") == (
        "table,kind,key,source,page,evidence,changed\n"
    )
    assert json.loads(ok("diff", "--processed", two, "--format", "json"))["empty"] is True
    assert ok("diff", "--processed", two, "--format", "text") == ok("diff", "--processed", two)


def copy_with_second_run(processed: Path, tmp_path: Path) -> Path:
    """A copy of the store with a second run holding the same tables (published directly)."""
    from flows.store import Store

    root = tmp_path / "two"
    shutil.copytree(processed, root)
    store = Store(root)
    first = store.latest_run()
    manifest = store.manifest(first)
    tables = {p.stem: store.read_table(p.stem, first) for p in (store.runs_dir / first).glob("*.parquet")}
    second = first[:-6] + "zzzzzz"
    store.publish(second, tables, {**manifest, "run_id": second})
    return root


def test_evaluate_formats(tmp_path):
    """``evaluate`` in its three formats on a one-article gold file (the seed's gold line): the same
    figures, JSON nested by field, CSV one ``key,value`` line per figure, the table one line per field."""
    gold_lines = (ROOT / "models" / "gold" / "news_gold.jsonl").read_text().splitlines()
    gold = tmp_path / "seed.jsonl"
    gold.write_text(next(line for line in gold_lines if '"seed"' in line) + "\n")
    data = json.loads(ok("evaluate", gold, "--format", "json"))
    assert data["n_docs"] == 1 and list(data["fields"]) == FIELDS
    assert data["fields"]["officials"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 3,
        "fp": 0,
        "fn": 0,
    }
    assert data["fields"]["claims"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 8, "fp": 0, "fn": 0}
    rows = as_csv(ok("evaluate", gold, "--format", "csv"))
    assert rows[:3] == [["key", "value"], ["n_docs", "1"], ["fields.officials.precision", "1.0"]]
    figures = dict(rows[1:])
    assert len(rows) == 3 + 6 * len(FIELDS) and len(figures) == len(rows) - 1
    assert rows[-1] == ["failed_documents", "[]"]  # no document failed in the run
    for field, values in data["fields"].items():
        assert {k: figures[f"fields.{field}.{k}"] for k in values} == {k: str(v) for k, v in values.items()}
    table = ok("evaluate", gold).splitlines()
    assert table[0].split() == ["field", "P", "R", "F1", "tp", "fp", "fn"]
    assert table[2].split() == ["officials", "1.000", "1.000", "1.000", "3", "0", "0"]
    assert [line.split()[0] for line in table[2:-2]] == FIELDS
    assert table[-2:] == ["(1 documents)", "documents failed in the run: 0"]


FIELDS = [
    "officials", "officials_name", "agencies", "agencies_kind", "tier_placements", "tier_placements_no_year",
    "claims_speaker", "claims_cue", "claims_content_strict", "claims_content_overlap", "claims",
]  # fmt: skip


def test_sources_formats():
    sources = ROOT / "tipwatch.example.toml"
    rows = as_csv(ok("sources", "--sources", sources, "--raw", ROOT / "raw", "--format", "csv"))
    assert rows[0] == ["kind", "source", "schedule", "last check"]
    data = json.loads(ok("sources", "--sources", sources, "--raw", ROOT / "raw", "--format", "json"))
    assert [[d[c] for c in rows[0]] for d in data] == rows[1:]


@pytest.mark.parametrize(
    "args, message",
    [
        (["runs", "--format", "xml"], "tipwatch: error: unknown format 'xml': use table, csv or json\n"),
        (
            ["evaluate", "--format", "yaml"],
            "tipwatch: error: unknown format 'yaml': use table, csv or json\n",
        ),
        (
            ["check", "--json", "--format", "csv"],
            "tipwatch: error: --json and --format csv disagree: give one\n",
        ),
        (
            ["evaluate", "--json", "--format", "csv"],
            "tipwatch: error: --json and --format csv disagree: give one\n",
        ),
    ],
)
def test_bad_formats_are_one_line(args, message, tmp_path):
    p = tipwatch(*args, "--processed" if args[0] in ("runs", "check") else "--shared", tmp_path, cwd=tmp_path)
    assert (p.returncode, p.stdout, p.stderr) == (1, "", message)


def test_flatten_is_the_csv_of_reports():
    report = {
        "n_docs": 2,
        "fields": {"officials": {"f1": 0.5, "tp": 1}},
        "files": [{"name": "a", "ok": True}],
    }
    assert flatten(report) == [
        ["n_docs", 2],
        ["fields.officials.f1", 0.5],
        ["fields.officials.tp", 1],
        ["files.0.name", "a"],
        ["files.0.ok", True],
    ]


# -- messages -------------------------------------------------------------------------------------------
def test_duckdb_errors_pass_through_whole_on_one_line(strict_run, tmp_path):
    processed, _ = strict_run
    for sql, message in [
        (
            "SELECT * FROM oficials",
            'Catalog Error: Table with name oficials does not exist! Did you mean "officials"? '
            "LINE 1: SELECT * FROM oficials",
        ),
        (
            "SELECT nme FROM officials",
            'Binder Error: Referenced column "nme" not found in FROM clause! '
            'Candidate bindings: "name", "mention_count", "page", "review" LINE 1: SELECT nme FROM officials',
        ),
    ]:
        p = tipwatch("query", sql, "--processed", processed, cwd=tmp_path)
        assert (p.returncode, p.stdout, p.stderr) == (1, "", f"tipwatch: error: {message}\n")


def test_history_of_a_country_without_data_lists_the_countries(strict_run, tmp_path):
    processed, _ = strict_run
    p = tipwatch("history", "Atlantis", "--processed", processed, cwd=tmp_path)
    run_id = (processed / "latest").read_text().strip()
    assert (p.returncode, p.stdout, p.stderr) == (
        1,
        "",
        f"tipwatch: error: no tier placements or claims for 'Atlantis' in run {run_id}; countries with data: "
        "Bahrain, Benin, Comoros, Israel, Libya, Luxembourg, Pakistan, Tanzania\n",
    )


def test_prefect_home_defaults_to_the_user_data_directory(tmp_path):
    env = {k: v for k, v in ENV.items() if not k.startswith("PREFECT_")}
    code = "from flows.cli.common import prefect_env; import os; prefect_env(); print(os.environ['PREFECT_HOME'])"
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    for extra, expected in [
        ({"XDG_DATA_HOME": str(tmp_path / "data")}, tmp_path / "data" / "tipwatch" / "prefect"),
        ({"HOME": str(tmp_path)}, tmp_path / ".local" / "share" / "tipwatch" / "prefect"),
    ]:
        run_env = {k: v for k, v in env.items() if k != "XDG_DATA_HOME"} | extra
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=run_env, cwd=cwd)
        assert (p.returncode, p.stdout) == (0, f"{expected}\n"), p.stderr
        assert expected.is_dir()  # created with its parents (Prefect creates only the last level)
    assert list(cwd.iterdir()) == []  # nothing created in the current directory


def test_a_sources_run_sets_prefects_environment_before_prefect_starts(tmp_path):
    """`run --sources` reads the sources file first (a path that once imported Prefect before
    tipwatch set its environment, so Prefect used ~/.prefect and a 20 s start-up timeout): with no
    Prefect variable set, Prefect's home is the user's data directory and the run completes."""
    (tmp_path / "raw").mkdir()
    shutil.copy(SEED, tmp_path / "raw" / SEED.name)
    (tmp_path / "tipwatch.toml").write_text('[[sources]]\nkind = "folder"\npath = "raw"\n')
    env = {k: v for k, v in ENV.items() if not k.startswith("PREFECT_")}
    env.update(
        HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"), TIPWATCH_PREFECT_SERVER="ephemeral"
    )
    cmd = ["run", "--sources", "tipwatch.toml", "--raw", "raw", "--processed", "processed", "--format", "csv"]
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli.app", *cmd], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["source,kind,status,error", f"{SEED.name},news,ok,"]
    assert (tmp_path / "data" / "tipwatch" / "prefect").is_dir()
    assert not (tmp_path / "home" / ".prefect").exists() and not (tmp_path / ".prefect").exists()
