"""End to end for researchers: nine generated TIP-style reports (Pakistan, 2015-2023) ingested with the
seed article by one real `tipwatch run`; then `tipwatch check`, `history --plot`, `export`, and the
data dictionary in docs/researchers.md."""

from __future__ import annotations

import csv
import importlib.util
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from flows.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "pakistan-tip-ranking-conference.txt"
DOCS = ROOT / "docs" / "researchers.md"
TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))
YEARS = range(2015, 2024)
# Pakistan's tiers in the real 2014-2023 reports: Tier 2 until 2017, the watch list 2018-2021, Tier 2 again.
REAL = {
    2014: "Tier 2",
    2015: "Tier 2",
    2016: "Tier 2",
    2017: "Tier 2",
    2018: "Tier 2 Watch List",
    2019: "Tier 2 Watch List",
    2020: "Tier 2 Watch List",
    2021: "Tier 2 Watch List",
    2022: "Tier 2",
    2023: "Tier 2",
}
# What the seed article says: the watch list since 2015, better in 2022 and 2023.
AS_CLAIMED = {**{y: "Tier 2 Watch List" for y in range(2014, 2022)}, 2022: "Tier 2", 2023: "Tier 2"}


def _generator():
    spec = importlib.util.spec_from_file_location(
        "make_tip_report_research", ROOT / "scripts" / "make_tip_report.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def write_reports(folder: Path, history: dict[int, str]) -> dict[int, dict]:
    """tip-<year>.pdf for 2015-2023 (Pakistan and India) with Pakistan's tiers from ``history``; truth per year."""
    folder.mkdir(parents=True, exist_ok=True)
    tiers = folder.parent / f"{folder.name}-tiers.csv"
    with open(tiers, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["report_year", "country", "tier"])
        for y, t in history.items():
            w.writerows([[y, "Pakistan", t], [y, "India", "Tier 2"]])
    gen, truths = _generator(), {}
    for y in YEARS:
        data, truth = gen.generate(countries=2, year=y, seed=y, tiers_csv=str(tiers))
        (folder / f"tip-{y}.pdf").write_bytes(data)
        truths[y] = truth
    return truths


def pakistan_pages(truths: dict[int, dict]) -> dict[int, list[int]]:
    return {
        y: sorted(r["page"] for r in t["tier_placements"] if r["country"] == "Pakistan")
        for y, t in truths.items()
    }


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    work = tmp_path_factory.mktemp("research")
    raw = work / "raw"
    truths = write_reports(raw, REAL)
    (raw / SEED.name).write_bytes(SEED.read_bytes())
    env = {
        **os.environ,
        "PREFECT_HOME": str(work / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    }
    proc = subprocess.run(
        [TIPWATCH, "run", "--raw", str(raw), "--processed", str(work / "processed")],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return work, work / "processed", truths


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_seed_claim_is_partly_supported_with_the_contradicted_years_and_rows_cited(published):
    _, processed, truths = published
    con = duckdb.connect(str(processed / "tipwatch.duckdb"), read_only=True)
    rows = con.execute(
        "SELECT c.country, c.verdict, c.years_supported, c.years_contradicted, c.years_missing, c.asserted, c.speaker, "
        "       c.row_years, c.row_pages, c.row_ids, d.source "
        "FROM claim_checks c JOIN documents d USING (doc_id) ORDER BY c.start"
    ).fetchall()
    # Two claims in the seed state tiers: the conference "was told" (unnamed) and Abbas's quote.
    assert [(r[6], r[1]) for r in rows] == [
        (None, "partly_supported"),
        ("Syed Kausar Abbas", "partly_supported"),
    ]
    assert rows[0][3] == [2023] and rows[0][2] == [2022]
    country, verdict, sup, con_years, missing, asserted, speaker, row_years, row_pages, row_ids, source = (
        rows[1]
    )
    assert (country, verdict, speaker, source) == (
        "Pakistan",
        "partly_supported",
        "Syed Kausar Abbas",
        SEED.name,
    )
    assert con_years == [2015, 2016, 2017] and sup == [2018, 2019, 2020, 2021, 2022, 2023] and missing == []
    assert asserted == "2WL in 2015–2021 (since_year); upgraded in 2022, 2023 vs 2021 (explicit_years)"
    # every Pakistan row of every report is cited (table and narrative), with the page the generator printed it on
    cited: dict[int, list[int]] = {}
    for y, p in zip(row_years, row_pages):
        cited.setdefault(y, []).append(p)
    assert {y: sorted(p) for y, p in cited.items()} == pakistan_pages(truths)
    # ... and the cited ids are real tier_placements rows from the reports
    found = con.execute(
        "SELECT count(*) FROM tier_placements t JOIN documents d USING (doc_id) "
        "WHERE t.id IN (SELECT unnest(row_ids) FROM claim_checks WHERE speaker = 'Syed Kausar Abbas') "
        "AND d.kind = 'tip_report'"
    ).fetchone()[0]
    assert found == len(row_ids) == 18


def test_seed_claim_is_supported_by_reports_that_say_what_it_says(published, tmp_path):
    """The same claims against nine other generated reports (tiers as the article tells it)."""
    from extractors.parse import parse_bytes, tip
    from extractors.records import record_row
    from flows.checks import claim_checks_table
    from flows.store import Store, to_arrow

    _, processed, _ = published
    store = Store(processed)
    truths = write_reports(tmp_path / "claimed", AS_CLAIMED)
    docs = [
        parse_bytes(p.read_bytes(), source=p.name, name=str(p))
        for p in sorted((tmp_path / "claimed").glob("*.pdf"))
    ]
    tiers = [record_row(r) for d in docs for r in tip.tier_placements(d)]
    news = to_arrow(
        "documents", [d for d in store.read_table("documents").to_pylist() if d["kind"] == "news"]
    )
    table = claim_checks_table(
        {
            "claims": store.read_table("claims"),
            "tier_placements": to_arrow("tier_placements", tiers),
            "documents": news,
        },
        strict=True,
    )
    (row,) = [r for r in table.to_pylist() if r["speaker"] == "Syed Kausar Abbas"]
    assert (row["verdict"], row["years_supported"], row["years_contradicted"]) == (
        "supported",
        list(YEARS),
        [],
    )
    assert sorted(set(row["row_doc_ids"])) == sorted(d.doc_id for d in docs)
    assert sorted(set(zip(row["row_years"], row["row_pages"]))) == sorted(
        (y, p) for y, pages in pakistan_pages(truths).items() for p in pages
    )


def test_check_command_prints_the_years_and_the_report_pages(published):
    _, processed, truths = published
    res = invoke("check", "--processed", processed)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0] == "Pakistan: PARTLY SUPPORTED" and lines[1].startswith(
        "  claim    unnamed: Pakistan significantly improved"
    )
    lines = lines[next(i for i, line in enumerate(lines) if "Syed Kausar Abbas" in line) - 1 :]
    assert lines[0] == "Pakistan: PARTLY SUPPORTED"
    assert lines[3:5] == [
        "  asserts  2WL in 2015–2021 (since_year); upgraded in 2022, 2023 vs 2021 (explicit_years)",
        "  as of    2023 (latest report ingested)",
    ]
    p15, p22 = pakistan_pages(truths)[2015], pakistan_pages(truths)[2022]
    assert (
        f"  2015  2WL               2            contradicted  tip-2015.pdf p.{p15[0]}, tip-2015.pdf p.{p15[1]}"
        in lines
    )
    assert (
        f"  2022  upgraded vs 2021  2WL→2        supported     tip-2022.pdf p.{p22[0]}, tip-2022.pdf p.{p22[1]}"
        in lines
    )
    assert lines[-3:] == [
        "  verdict  the reports say otherwise for 2015–2017; reports agree for 2018–2023",
        "",
        "2 claim checks: 2 partly_supported",
    ]
    assert (
        invoke("check", "--processed", processed, "--verdict", "supported").output
        == "no claims about tiers to check (0 rows)\n"
    )


def test_history_prints_tiers_with_sources_and_draws_svg_and_png(published):
    from PIL import Image

    work, processed, truths = published
    svg, png = work / "pakistan.svg", work / "pakistan.png"
    res = invoke("history", "pakistan", "--processed", processed, "--plot", svg)
    assert res.exit_code == 0, res.output
    pages = pakistan_pages(truths)
    lines = {line.split()[0]: " ".join(line.split()) for line in res.output.splitlines() if line[:2] == "20"}
    assert lines["2018"] == (
        f"2018 Tier 2 Watch List tip-2018.pdf p.{pages[2018][1]} (narrative), p.{pages[2018][0]} (table)"
    )
    # the news article's tiers are listed, marked as news; the reports' tier is the year's tier
    assert lines["2015"] == (
        f"2015 Tier 2 tip-2015.pdf p.{pages[2015][1]} (narrative), "
        f"p.{pages[2015][0]} (table); pakistan-tip-ranking-conference.txt (news says 2WL)"
    )
    assert "  2. partly supported: Syed Kausar Abbas in pakistan-tip-ranking-conference.txt:" in res.output
    root = ET.parse(svg).getroot()
    assert (
        root.tag == "{http://www.w3.org/2000/svg}svg"
        and int(root.get("width")) >= 600
        and int(root.get("height")) >= 400
    )
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert (
        f"2016 report: Tier 2\ntip-2016.pdf p.{pages[2016][1]} (narrative), p.{pages[2016][0]} (table)"
        in titles
    )
    assert (
        # the chart's report line: the reports' rows only
        f"2015 report: Tier 2\ntip-2015.pdf p.{pages[2015][1]} (narrative), p.{pages[2015][0]} (table)"
        in titles
    )
    assert "2015: claim says 2WL; reports say 2 -> contradicted" in titles
    assert sum(1 for e in root.iter("{http://www.w3.org/2000/svg}circle")) >= 9

    assert invoke("history", "Pakistan", "--processed", processed, "--plot", png).exit_code == 0
    img = Image.open(png).convert("RGB")
    assert img.width >= 900 and img.height >= 600
    colours = img.getcolors(maxcolors=1 << 20)
    non_white = sum(n for n, c in colours if c != (255, 255, 255))
    assert non_white > 0.03 * img.width * img.height  # not blank
    assert any(c == (0xD7, 0x30, 0x27) for _, c in colours) and any(
        c == (0x1A, 0x98, 0x50) for _, c in colours
    )


def test_history_and_check_errors_are_one_line(published):
    _, processed, _ = published
    for args, message in [
        (
            ("history", "Pakistn", "--processed", processed),
            "tipwatch: error: no tier placements or claims for 'Pakistn'",
        ),
        (
            ("history", "Pakistan", "--processed", processed, "--plot", "chart.gif"),
            "tipwatch: error: --plot wants a .svg or .png file",
        ),
        (
            ("check", "--processed", processed, "--verdict", "maybe"),
            "tipwatch: error: unknown verdict 'maybe'",
        ),
        (
            ("export", "out", "--processed", processed, "--format", "sav"),
            "tipwatch: error: unknown format 'sav'",
        ),
        (("check", "--processed", processed / "nowhere"), "tipwatch: error: no completed run in"),
    ]:
        res = invoke(*args)
        assert res.exit_code == 1 and res.stderr.startswith(message) and res.stderr.count("\n") == 1, (
            args,
            res.stderr,
        )


def test_export_csv_parquet_xlsx(published):
    import openpyxl

    work, processed, _ = published
    for fmt in ("csv", "parquet", "xlsx"):
        res = invoke("export", work / fmt, "--format", fmt, "--processed", processed)
        assert res.exit_code == 0, res.output
    with open(work / "csv" / "claim_checks.csv", newline="", encoding="utf-8") as fh:
        (row,) = [r for r in csv.DictReader(fh) if r["speaker"] == "Syed Kausar Abbas"]
    assert (row["country"], row["verdict"], row["years_contradicted"]) == (
        "Pakistan",
        "partly_supported",
        "2015; 2016; 2017",
    )
    assert (work / "csv" / "data_dictionary.md").read_text(encoding="utf-8").strip() == invoke(
        "tables", "--markdown"
    ).output.strip()
    tbl = pq.read_table(work / "parquet" / "claim_checks.parquet")
    assert sorted(tbl.column("years_contradicted").to_pylist()) == [[2015, 2016, 2017], [2023]]
    assert (
        pq.read_table(work / "parquet" / "tier_placements.parquet").num_rows
        == duckdb.connect(str(processed / "tipwatch.duckdb"), read_only=True)
        .execute("SELECT count(*) FROM tier_placements")
        .fetchone()[0]
    )
    wb = openpyxl.load_workbook(work / "xlsx" / "tipwatch.xlsx", read_only=True)
    assert "claim_checks" in wb.sheetnames and "tier_placements" in wb.sheetnames
    sheet = list(wb["claim_checks"].iter_rows(values_only=True))
    header, first = sheet[0], sheet[1]
    assert (
        first[header.index("verdict")] == "partly_supported" and first[header.index("years_missing")] is None
    )
    sub = invoke(
        "export",
        work / "some",
        "--format",
        "csv",
        "--tables",
        "documents,claim_checks",
        "--processed",
        processed,
    )
    assert sorted(p.name for p in (work / "some").iterdir()) == [
        "claim_checks.csv",
        "data_dictionary.md",
        "documents.csv",
    ]
    assert sub.exit_code == 0


def test_exports_keep_integers_booleans_and_newlines(published):
    import pandas as pd

    work, processed, _ = published
    for fmt in ("csv", "dta"):
        assert (
            invoke("export", work / f"typed-{fmt}", "--format", fmt, "--processed", processed).exit_code == 0
        )
    text = (work / "typed-csv" / "tier_placements.csv").read_text(encoding="utf-8")
    pages = pq.read_table(
        processed / "runs" / (processed / "latest").read_text().strip() / "tier_placements.parquet"
    )
    page = next(p for p in pages.column("page").to_pylist() if p is not None)
    assert f",{page}," in text and f",{page}.0," not in text  # a nullable integer stays an integer
    claims = (work / "typed-csv" / "claims.csv").read_text(encoding="utf-8")
    header, first = claims.splitlines()[0].split(","), next(csv.reader(claims.splitlines()[1:]))
    assert first[header.index("direct")] in ("true", "false")  # not True/False
    with open(work / "typed-csv" / "texts.csv", newline="", encoding="utf-8") as fh:
        stored = [r["text"] for r in csv.DictReader(fh)]
    assert any("\n" in t for t in stored)  # newlines kept inside quoted fields
    dta = pd.read_stata(work / "typed-dta" / "claims.dta", convert_categoricals=False)  # 0/1, labelled
    assert "end_" in dta.columns and "end" not in dta.columns  # "end" is a Stata reserved word
    assert set(dta["direct"].unique()) <= {0, 1} and str(dta["start"].dtype).startswith("int")
    tiers = pd.read_stata(work / "typed-dta" / "tier_placements.dta")
    assert (
        sorted(tiers["report_year"].dropna().astype(int).unique().tolist())[:1]
        == sorted(y for y in pages.column("report_year").to_pylist() if y is not None)[:1]
    )


def test_data_dictionary_in_docs_is_current():
    text = DOCS.read_text(encoding="utf-8")
    start, end = "<!-- data-dictionary:start -->\n", "<!-- data-dictionary:end -->"
    assert start in text and end in text, "docs/researchers.md lost its data-dictionary markers"
    current = text.split(start, 1)[1].split(end, 1)[0]
    expected = CliRunner().invoke(app, ["tables", "--markdown"]).output
    assert current == expected, (
        "docs/researchers.md is out of date: paste the output of `tipwatch tables --markdown`"
    )


def test_runs_published_before_claim_checks_get_them_on_demand(published, tmp_path):
    import shutil

    _, processed, _ = published
    old = tmp_path / "processed"
    shutil.copytree(processed, old)
    run_id = (old / "latest").read_text().strip()
    (old / "runs" / run_id / "claim_checks.parquet").unlink()
    assert invoke("check", "--processed", old).output == invoke("check", "--processed", processed).output


def test_history_of_a_country_nobody_made_claims_about(published, tmp_path):
    _, processed, _ = published
    other = (
        duckdb.connect(str(processed / "tipwatch.duckdb"), read_only=True)
        .execute(
            "SELECT min(country) FROM tier_placements WHERE country <> 'Pakistan' AND source_kind = 'tip_table'"
        )
        .fetchone()[0]
    )
    res = invoke("history", other.upper(), "--processed", processed, "--plot", tmp_path / "other.svg")
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0] == f"{other}: tier by TIP report year"
    assert f"claims about {other}:\n  (none checked)" in res.output
    assert "(no claims about this country were checked)" in (tmp_path / "other.svg").read_text(
        encoding="utf-8"
    )
