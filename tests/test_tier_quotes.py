"""Tier placements on short real quotes (``tipwatch evaluate --tier-quotes``).

Rule tests: invented sentences with exact expected placements, through the real pipeline. Scorer
tests: which rows are skipped and why. Floor test: the evaluation on
``../shared/corpus/tiers/news_cited_tier_evidence.csv``; floors are the measured F1 rounded down
to 0.01 and only go up (skips when ``../shared/corpus`` is absent).
"""

from __future__ import annotations

import pytest
from conftest import CORPUS, SHARED

from extractors.evaluation.tier_quotes import TierQuote, score_tier_quotes, skip_reason

FLOORS = {"tier_quotes": 1.00, "tier_quotes_year": 1.00}
SCORED_ROWS = 37  # of 44: a change here means the skip rules changed


def placements(nlp, text: str) -> set[tuple]:
    from extractors.extract import extract_documents
    from extractors.parse.news import parse_text

    doc = parse_text(f"US Trafficking in Persons report\n\n{text}".encode(), source="test")
    ((_, records),) = extract_documents([doc], nlp)
    return {(t.country, t.tier) for t in records.tier_placements}


# ---- rules (invented sentences; each names the rule it covers)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a move: the destination is the placement, a tier after "from" is where the country was (a
        # placement too, of an earlier report: world gold guideline, undated without a year)
        (
            "The report upgraded Kenya from the Tier 2 Watch List to Tier 2.",
            {("Kenya", "2"), ("Kenya", "2WL")},
        ),
        (
            "Ghana's downgrading from Tier 2 to Tier 2 watch list worried officials.",
            {("Ghana", "2WL"), ("Ghana", "2")},
        ),
        ("Ghana was upgraded to Tier 2, from Tier 2 Watch List.", {("Ghana", "2"), ("Ghana", "2WL")}),
        (
            'Qatar was upgraded from a ranking of "Tier 3" to "Tier 2 Watch List."',
            {("Qatar", "2WL"), ("Qatar", "3")},
        ),
        # ... and with a year known, where it was is a placement of the year before (world gold
        # guideline: "downgraded Hong Kong from Tier 2 to Tier 2 Watch List" in 2016 -> Tier 2 in 2015)
        (
            "In the 2019 TIP Report, Peru was downgraded from Tier 1 to Tier 2.",
            {("Peru", "2"), ("Peru", "1")},
        ),
        (
            "The report gives Chile a boost to the Tier 2 Watch List from Tier 3.",
            {("Chile", "2WL"), ("Chile", "3")},
        ),
        # a move in the sentence: the country's other tiers there are earlier placements
        (
            "The US has upgraded Nepal to Tier 2 ... Nepal remained in the Tier 2 Watch List for the last three years.",
            {("Nepal", "2")},
        ),
        # the move rule is per country: another country's tier in the sentence stays
        (
            "Nepal was upgraded to Tier 2 while Kenya remained on the Tier 2 Watch List.",
            {("Nepal", "2"), ("Kenya", "2WL")},
        ),
        # staying and plain placements
        ("Therefore Peru remained on Tier 2 Watch List for the second consecutive year.", {("Peru", "2WL")}),
        ("Since 2014, Peru has been placed in Human Trafficking's Tier 2's Watch List.", {("Peru", "2WL")}),
        ("The department placed Nepal in the Tier-2 category.", {("Nepal", "2")}),
        # a bare "watch list" beside a tier of the same country restates it
        ("Nepal has been upgraded to Tier two list, a watch list.", {("Nepal", "2")}),
        # narrative headings
        ("KENYA: Tier 2 Watch List", {("Kenya", "2WL")}),
        ("KENYA: Tier 2 ... therefore Kenya remained on Tier 2", {("Kenya", "2")}),
        ("NEPAL (Tier 2) ... therefore Nepal remained on Tier 2", {("Nepal", "2")}),
        # "blacklist" is Tier 3 in the press, for the countries next to it only
        ("The US added Iran and Cuba to its blacklist.", {("Iran", "3"), ("Cuba", "3")}),
        ("The FATF kept Iran on its blacklist.", set()),
        (
            "Earlier this month, 65 officials were blacklisted and the rest were transferred after the inquiry "
            "into the Greece boat tragedy.",
            set(),
        ),
        (
            "Officials said the blacklist of recruiters who sent workers to agents in many places was growing "
            "longer every year, including agents in Greece.",
            set(),
        ),
    ],
)
def test_tier_rules(nlp, text, expected):
    assert placements(nlp, text) == expected


# ---- scorer


def row(
    quote: str, country: str = "Pakistan", year: int | None = 2020, tier: str = "Tier 2", note: str = "news"
) -> TierQuote:
    return TierQuote(country, year, tier, note, "https://example.org/x", quote)


def test_skip_reasons():
    assert skip_reason(row("the country has been placed in Tier 2")) == "quote does not name the country"
    assert (
        skip_reason(
            row("O país foi promovido para a Lista de Observação do Nível 2", country="Guinea-Bissau")
        )
        == "quote is not English"
    )
    assert skip_reason(row("PAKISTAN: Tier 2 Watch List")) is None  # a heading is English enough
    assert (
        skip_reason(row("Pakistan was on the Tier 2 Watch List from 2015 to 2017"))
        == "quote states only placements of years before the report year"
    )
    assert skip_reason(row("placed Pakistan in Tier 2 for the seventh time since 2013")) is None
    assert skip_reason(row("the KSA was upgraded", country="Saudi Arabia"), ["KSA"]) is None


def test_score_counts_only_the_rows_country():
    rows = [
        row("Pakistan, Serbia and Saudi Arabia are in Tier 2", year=2020),
        row("In the 2020 report Pakistan was placed in Tier 2"),
        row("the country was placed in Tier 3"),
    ]
    preds = [
        [
            {"country": "Pakistan", "tier": "2", "report_year": None},
            {"country": "Serbia", "tier": "2", "report_year": None},
        ],
        [
            {"country": "Pakistan", "tier": "2", "report_year": 2020},
            {"country": "Pakistan", "tier": "1", "report_year": 2020},
        ],
        [],
    ]
    result = score_tier_quotes(rows, preds)
    q, y = result.report["tier_quotes"], result.report["tier_quotes_year"]
    assert (q.tp, q.fp, q.fn) == (2, 1, 0)
    assert (y.tp, y.fp, y.fn) == (1, 1, 0)
    assert result.year_scored == 1 and [s.row for s in result.skipped] == [2]


def test_score_leaves_out_the_undated_tier_moved_from():
    """'upgraded from Tier 2 Watch List to Tier 2' also places the country, undated, where it was:
    another report's placement, which the row does not annotate; another undated tier still counts."""
    rows = [
        row("Saudi Arabia was upgraded from a ranking of “Tier 2 Watch List” to “Tier 2.”", "Saudi Arabia"),
        row("Saudi Arabia was upgraded to Tier 2", "Saudi Arabia"),
    ]
    pred = [
        {"country": "Saudi Arabia", "tier": "2", "report_year": None},
        {"country": "Saudi Arabia", "tier": "2WL", "report_year": None},
    ]
    q = score_tier_quotes(rows, [pred, pred]).report["tier_quotes"]
    assert (q.tp, q.fp, q.fn) == (2, 1, 0)


# ---- the real evidence


@pytest.fixture(scope="module")
def report(nlp):
    if not CORPUS.is_dir():
        pytest.skip(
            f"tier evidence not found: {CORPUS} is absent (the corpus sits beside the repo as ../shared)"
        )
    from flows.evaluation import evaluate_tier_quotes

    return evaluate_tier_quotes(nlp, SHARED)


def test_scored_rows(report):
    assert report.report.n_docs == SCORED_ROWS, [s.reason for s in report.skipped]


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_f1_at_or_above_floor(report, field):
    score = report.report[field]
    assert score.f1 >= FLOORS[field], (
        f"{field} F1 {score.f1:.3f} fell below its floor {FLOORS[field]:.2f} "
        f"(tp {score.tp}, fp {score.fp}, fn {score.fn}); see `tipwatch evaluate --tier-quotes --errors`"
    )


def test_cli_tier_quotes_json(nlp, monkeypatch):
    if not CORPUS.is_dir():
        pytest.skip(
            f"tier evidence not found: {CORPUS} is absent (the corpus sits beside the repo as ../shared)"
        )
    import json

    from typer.testing import CliRunner

    import extractors.nlp.pipeline
    from flows.cli.app import app

    monkeypatch.setattr(extractors.nlp.pipeline, "build_pipeline", lambda overrides=None: nlp)
    res = CliRunner().invoke(
        app, ["evaluate", "--tier-quotes", "--json", "--errors", "--shared", str(SHARED)]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)  # the run's progress lines go to stderr
    assert (out["rows"], out["scored"], len(out["skipped"])) == (44, SCORED_ROWS, 44 - SCORED_ROWS)
    assert sorted(out["fields"]) == ["tier_quotes", "tier_quotes_year"] and "errors" in out


def test_cli_tier_quotes_missing_file(tmp_path):
    from typer.testing import CliRunner

    from flows.cli.app import app

    res = CliRunner().invoke(app, ["evaluate", "--tier-quotes", "--shared", str(tmp_path)])
    assert res.exit_code != 0
    assert "tier evidence file not found" in res.output
