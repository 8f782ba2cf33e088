"""`tipwatch history` draws on every tier row (issue 13): TIP report rows and news rows, each marked by
its source kind; a country only the news speaks of has a history; a country the run lacks gets the
list of those it has. One real `tipwatch run` over the seed article, the sample TIP report and a news
article about India (which the report does not cover), then exact output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE_PDF, SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.history import _year_rows

TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))
INDIA = """India kept its place on Tier 2 in US trafficking report

New Delhi: India remained on Tier 2 in the US State Department's 2023 Trafficking in Persons report, \
officials said on Friday.

The report said India does not fully meet the minimum standards for the elimination of trafficking but \
is making significant efforts to do so.
"""


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("history")
    raw = work / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(SAMPLE_PDF, raw / SAMPLE_PDF.name)
    (raw / "india-tier-2.txt").write_text(INDIA, encoding="utf-8")
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
    return work / "processed"


def history(*args):
    return CliRunner().invoke(app, ["history", *map(str, args)])


def test_a_country_only_the_news_places_has_a_history(processed):
    res = history("India", "--processed", processed)
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[:5] == [
        "India: tier by TIP report year",
        "",
        "year  tier                sources (document, page, kind)",
        "----  ------------------  ------------------------------",
        "2023  Tier 2 (news only)  india-tier-2.txt (news)",
    ]
    assert history("India", "--processed", processed, "--format", "csv").stdout == (
        'country,year,tiers,sources,source_kinds\nIndia,2023,"[""2""]",india-tier-2.txt (news),"[""news""]"\n'
    )
    (year,) = json.loads(history("India", "--processed", processed, "--format", "json").stdout)["years"]
    assert (year["year"], year["tiers"], year["tier_from"]) == (2023, ["2"], "news")
    assert {(s["source"], s["source_kind"], s["tier"], s["page"]) for s in year["sources"]} == {
        ("india-tier-2.txt", "news", "2", None)
    }


def test_report_and_news_rows_side_by_side(processed, tmp_path):
    res = history("pakistan", "--processed", processed, "--plot", tmp_path / "p.svg")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[2:6] == [
        "year  tier                           sources (document, page, kind)",
        "----  -----------------------------  --------------------------------------------------------",
        f"2015  Tier 2 Watch List (news only)  {SEED.name} (news)",
        f"2023  Tier 2 Watch List              {SAMPLE_PDF.name} p.22 (narrative), p.3 (table)",
    ]
    # the chart's report line is drawn from report rows only: no 2015 report point
    svg = (tmp_path / "p.svg").read_text(encoding="utf-8")
    assert f"2023 report: Tier 2 Watch List\n{SAMPLE_PDF.name} p.22 (narrative), p.3 (table)" in svg
    assert "2015 report:" not in svg


def test_a_country_the_run_lacks_lists_the_countries_it_has(processed):
    run_id = (processed / "latest").read_text().strip()
    countries = "Bahrain, Benin, Comoros, India, Israel, Libya, Luxembourg, Pakistan, Tanzania"
    for asked, hint in [("Atlantis", ";"), ("Indai", "; did you mean India?")]:
        res = history(asked, "--processed", processed)
        assert (res.exit_code, res.stdout, res.stderr) == (
            1,
            "",
            f"tipwatch: error: no tier placements or claims for {asked!r} in run {run_id}{hint} "
            f"countries with data: {countries}\n",
        )


def row(kind: str, tier: str, page: int | None, doc: str) -> dict:
    return {"id": f"{doc}{kind}{page}", "country": "Pakistan", "report_year": 2015, "tier": tier,
            "source_kind": kind, "page": page, "doc_id": doc}  # fmt: skip


def test_the_reports_decide_a_year_and_a_news_row_that_differs_says_so():
    docs = {"r": {"source": "tip-2015.pdf"}, "n": {"source": "dawn.html"}}
    rows = [row("news", "2WL", None, "n"), row("tip_table", "2", 3, "r"), row("tip_narrative", "2", 9, "r")]
    (year,) = _year_rows(rows, docs)
    assert (year.tiers, year.tier, year.from_reports) == (["2"], "2", True)
    assert year.sources_text() == "tip-2015.pdf p.9 (narrative), p.3 (table); dawn.html (news says 2WL)"
    (only_news,) = _year_rows([row("news", "2WL", None, "n"), row("news", "3", None, "n")], docs)
    assert (only_news.tiers, only_news.from_reports) == (["2WL", "3"], False)
    assert only_news.sources_text() == "dawn.html (news says 2WL), (news says 3)"
