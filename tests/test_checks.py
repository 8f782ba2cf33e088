"""Claim checking rules (extractors/checks.py): each claim shape, supported and contradicted, on
hand-built report rows. Pure: no pipeline, no files."""

from __future__ import annotations

import pytest

from extractors.analysis.claim_checks import (
    ReportIndex,
    check_claim,
    check_claims,
    clauses,
    country_aliases,
    country_key,
    end_year_for,
    parse_assertions,
    report_year_at,
)
from extractors.records import Claim, TierPlacement

SEED_CONTENT = (
    "Despite consistently being placed on the Tier II Watch List in the US Department of State’s annual TIP "
    "reports since 2015, Pakistan’s ranking has significantly improved in the 2022 and 2023 reports"
)
# Pakistan's tiers in the 2015-2023 reports, and a history that matches the seed claim exactly.
REAL = {
    2015: "2",
    2016: "2",
    2017: "2",
    2018: "2WL",
    2019: "2WL",
    2020: "2WL",
    2021: "2WL",
    2022: "2",
    2023: "2",
}
AS_CLAIMED = {**{y: "2WL" for y in range(2015, 2022)}, 2022: "2", 2023: "2"}


def rows(history: dict[int, str], country: str = "Pakistan", kinds=("tip_table",)) -> list[TierPlacement]:
    """One TierPlacement per year (and per source kind), on page 3 (table) / 10 (narrative) of doc 'tip-<year>'."""
    out = []
    for year, tier in history.items():
        for kind in kinds:
            page = 3 if kind == "tip_table" else 10
            out.append(
                TierPlacement(
                    f"tip-{year}",
                    country,
                    year,
                    tier,
                    None,
                    kind,
                    0,
                    1,
                    page,
                    f"{country} {tier}",
                    id=f"{country[:3].lower()}-{year}-{kind[4]}",
                )
            )
    return out


def claim(content: str, countries=("Pakistan",), years=(), tiers=(), claim_type="tier_placement") -> Claim:
    return Claim(
        "news-1",
        "Speaker",
        "person",
        "said",
        content,
        False,
        claim_type,
        tuple(countries),
        tuple(tiers),
        tuple(years),
        0,
        len(content),
        None,
        content,
        id="claim-1",
    )


def check(content: str, history: dict[int, str], published: str | None = None, **kw):
    (result,) = check_claim(claim(content, **kw), rows(history), published=published)
    return result


def summary(result) -> tuple:
    return result.verdict, result.years_supported, result.years_contradicted, result.years_missing


def describe(content: str, end_year: int) -> list[str]:
    return [a.describe() for a in parse_assertions(content, end_year=end_year)]


# -- parsing ------------------------------------------------------------------------------------------
def test_seed_claim_is_a_since_span_then_an_improvement():
    assert (
        clauses(SEED_CONTENT)[1][1]
        == " Pakistan’s ranking has significantly improved in the 2022 and 2023 reports"
    )
    assert describe(SEED_CONTENT, 2023) == [
        "2WL in 2015–2021 (since_year)",
        "upgraded in 2022, 2023 vs 2021 (explicit_years)",
    ]


def test_each_shape_parses_to_exact_assertions():
    assert describe("Pakistan was placed on the Tier 2 Watch List for the third consecutive year", 2023) == [
        "2WL in 2021–2023 (consecutive_years)"
    ]
    assert describe("it stayed on Tier 2 for three years in a row until 2020", 2023) == [
        "2 in 2018–2020 (consecutive_years)"
    ]
    assert describe("Pakistan has been on Tier 2 every year since 2019", 2022) == [
        "2 in 2019–2022 (since_year)"
    ]
    assert describe("it was on Tier 2 in 2019, 2020 and 2021", 2023) == ["2 in 2019–2021 (explicit_years)"]
    assert describe("it was on Tier 3 from 2018 to 2020", 2023) == ["3 in 2018–2020 (year_range)"]
    assert describe("India was downgraded from Tier 2 to Tier 3 in the 2020 report", 2023) == [
        "downgraded in 2020 vs the year before (explicit_years)",
        "2 in 2019 (explicit_years)",
        "3 in 2020 (explicit_years)",
    ]
    assert describe("Nepal was removed from the watch list in 2022", 2023) == [
        "removed from the watch list in 2022 vs the year before (explicit_years)"
    ]
    assert describe("it remained on Tier 2 in 2023", 2023) == [
        "unchanged in 2023 vs the year before (explicit_years)",
        "2 in 2023 (explicit_years)",
    ]
    assert describe("the country has never been placed on Tier 3", 2023) == ["not 3 in 2023 (latest_report)"]
    assert describe("it was downgraded to Tier 3 for the second consecutive year", 2023) == [
        "downgraded in 2022, 2023 vs the year before (consecutive_years)",
        "3 in 2023 (consecutive_years)",
    ]


def test_words_that_are_not_about_the_ranking_assert_nothing():
    assert describe("Pakistan improved its law enforcement efforts in 2022", 2023) == []
    assert describe("human trafficking was a crime with no boundaries", 2023) == []
    # two tiers and no change to order them: refuse to guess
    assert describe("it moved between Tier 2 and Tier 3 in 2020", 2023) == []


def test_end_year_rule():
    assert report_year_at("2024-03-01") == 2023  # before the June/July release: last year's report
    assert report_year_at("2024-08-01") == 2024


def test_the_report_out_at_a_date_is_the_release_files():
    """models/gazetteers/tip_report_releases.csv: 2015 on 27 July, 2023 on 15 June, 2025 on 26
    September (a fixed July cut-off got each of these wrong)."""
    assert report_year_at("2015-07-10") == 2014
    assert report_year_at("2015-07-28") == 2015
    assert report_year_at("2023-06-20") == 2023
    assert report_year_at("2023-06-10") == 2022
    assert report_year_at("2025-08-15T09:00:00Z") == 2024
    assert report_year_at("2025-10-01") == 2025


def test_end_year_rule_without_a_date():
    assert report_year_at("2024") == 2024
    assert report_year_at(None) is None and report_year_at("n.d.") is None
    assert end_year_for(published=None, claim_years=[2015], latest_report_year=2023) == (
        2023,
        "latest report ingested",
    )
    assert end_year_for(published="2021-09-30", claim_years=[2015], latest_report_year=2023) == (
        2021,
        "published 2021-09-30",
    )
    assert end_year_for(published="2021-09-30", claim_years=[2022], latest_report_year=2023) == (
        2022,
        "latest year the claim names",
    )


# -- checking: each shape, supported and contradicted ------------------------------------------------------
def test_consecutive_years():
    text = "Pakistan was placed on the Tier 2 Watch List for the third consecutive year"
    history = {2018: "2", 2019: "2WL", 2020: "2WL", 2021: "2WL"}
    assert summary(check(text, history, published="2021-08-02")) == ("supported", (2019, 2020, 2021), (), ())
    assert summary(check(text, {**history, 2019: "2"}, published="2021-08-02")) == (
        "partly_supported",
        (2020, 2021),
        (2019,),
        (),
    )


def test_since_year():
    text = "Pakistan has been on Tier 2 every year since 2019"
    assert summary(check(text, {2019: "2", 2020: "2", 2021: "2", 2022: "2"}, published="2022-09-01")) == (
        "supported",
        (2019, 2020, 2021, 2022),
        (),
        (),
    )
    assert summary(check(text, {2019: "3", 2020: "3", 2021: "3", 2022: "3"}, published="2022-09-01")) == (
        "contradicted",
        (),
        (2019, 2020, 2021, 2022),
        (),
    )


def test_explicit_report_years():
    text = "Pakistan was placed on Tier 2 in the 2022 and 2023 reports"
    assert summary(check(text, REAL)) == ("supported", (2022, 2023), (), ())
    assert summary(check(text, AS_CLAIMED | {2022: "2WL", 2023: "2WL"})) == (
        "contradicted",
        (),
        (2022, 2023),
        (),
    )


def test_upgrade():
    text = "Pakistan was upgraded to Tier 2 in 2022"
    result = check(text, REAL)
    assert summary(result) == ("supported", (2022,), (), ())
    assert result.claimed == ("upgraded vs 2021 & 2",) and result.found == ("2WL→2 & 2",)
    assert result.row_ids == ("pak-2021-t", "pak-2022-t")  # the year before is cited too
    assert summary(check(text, {2021: "2", 2022: "2"})) == ("contradicted", (), (2022,), ())


def test_downgrade():
    text = "India was downgraded from Tier 2 to Tier 3 in the 2020 report"
    ok = rows({2019: "2", 2020: "3"}, country="India")
    bad = rows({2019: "2", 2020: "2WL"}, country="India")
    (r_ok,) = check_claim(claim(text, countries=("India",)), ok)
    (r_bad,) = check_claim(claim(text, countries=("India",)), bad)
    assert summary(r_ok) == ("supported", (2019, 2020), (), ())
    # downgraded to the watch list, not to Tier 3: the change holds, the target tier does not
    assert summary(r_bad) == ("partly_supported", (2019,), (2020,), ())
    assert r_bad.claimed == ("2", "downgraded vs 2019 & 3") and r_bad.outcomes == (
        "supported",
        "contradicted",
    )


def test_removal_from_the_watch_list():
    text = "Pakistan was removed from the watch list in 2022"
    assert summary(check(text, REAL)) == ("supported", (2022,), (), ())
    assert summary(check(text, {2021: "2WL", 2022: "2WL"})) == ("contradicted", (), (2022,), ())
    assert summary(check(text, {2021: "2", 2022: "1"})) == (
        "contradicted",
        (),
        (2022,),
        (),
    )  # it was never on it


def test_negation():
    assert summary(check("Pakistan has never been placed on Tier 3", {2023: "2"})) == (
        "supported",
        (2023,),
        (),
        (),
    )
    assert summary(check("Pakistan was not downgraded in 2023", {2022: "2", 2023: "3"})) == (
        "contradicted",
        (),
        (2023,),
        (),
    )


def test_seed_claim_against_the_real_history_and_a_matching_one():
    seed = dict(years=(2015, 2022, 2023), tiers=("2WL",), claim_type="ranking_change")
    real = check(SEED_CONTENT, REAL, **seed)
    assert summary(real) == ("partly_supported", (2018, 2019, 2020, 2021, 2022, 2023), (2015, 2016, 2017), ())
    assert real.reason == "the reports say otherwise for 2015–2017; reports agree for 2018–2023"
    assert real.as_of_year == 2023 and real.as_of_basis == "latest report ingested"
    assert summary(check(SEED_CONTENT, AS_CLAIMED, **seed)) == ("supported", tuple(range(2015, 2024)), (), ())


# -- missing reports, conflicts, rows without a country ---------------------------------------------------
def test_missing_years_make_a_check_partial_or_not_checkable():
    text = "Pakistan has been on the Tier 2 Watch List since 2018"
    partial = check(text, {2018: "2WL", 2019: "2WL", 2021: "2WL"})
    assert summary(partial) == ("partly_supported", (2018, 2019, 2021), (), (2020,))
    assert partial.reason == "no report row for 2020; reports agree for 2018, 2019, 2021"
    none = check(text, {2018: "2"}, countries=("Nepal",))
    assert none.verdict == "not_checkable" and none.years_missing == (2018,)
    assert none.reason == "no report row for 2018 (Nepal is in no report ingested)"


def test_disagreeing_report_rows_leave_the_year_unresolved():
    conflicting = rows({2020: "2"}) + [
        TierPlacement("tip-2020", "Pakistan", 2020, "2WL", None, "tip_narrative", 5, 6, 10, "x", id="n")
    ]
    (r,) = check_claim(claim("Pakistan was on Tier 2 in 2020"), conflicting)
    assert summary(r) == ("not_checkable", (), (), (2020,))
    assert r.found == ("2/2WL (reports disagree)",) and r.row_ids == ("n", "pak-2020-t")
    assert ReportIndex(conflicting).tier("pakistan", 2020) is None


def test_news_rows_are_not_reports_and_claims_without_tiers_are_skipped():
    news = [TierPlacement("news-2", "Pakistan", 2022, "1", None, "news", 0, 1, None, "x", id="nw")]
    (r,) = check_claim(claim("Pakistan was on Tier 2 in 2022"), news + rows({2022: "2"}))
    assert summary(r) == ("supported", (2022,), (), ()) and r.row_ids == ("pak-2022-t",)
    assert (
        check_claim(
            claim("human trafficking was a crime with no boundaries", claim_type="assessment"), rows(REAL)
        )
        == []
    )
    (nobody,) = check_claim(claim("the country was placed on Tier 2 in 2022", countries=()), rows(REAL))
    assert (nobody.country, nobody.verdict, nobody.reason) == (
        None,
        "not_checkable",
        "the claim names no country",
    )


def test_check_claims_uses_each_documents_publication_date():
    c1 = claim("Pakistan was placed on the Tier 2 Watch List for the second consecutive year")
    result = check_claims([c1], rows(REAL), published={"news-1": "2019-10-01"})
    assert [(r.years, r.verdict) for r in result] == [((2018, 2019), "supported")]
    assert result[0].id == check_claims([c1], rows(REAL), published={"news-1": "2019-10-01"})[0].id  # stable


def test_country_spellings_of_the_reports_meet_the_claims():
    gazetteer = [
        {"name": "South Korea", "aliases": "Korea South|Republic of Korea"},
        {"name": "Congo (ROC)", "aliases": "Republic of the Congo|Congo Republic of the"},
    ]
    names = country_aliases(gazetteer)
    assert country_key("Korea, South", names) == country_key("South Korea", names) == "south korea"
    assert country_key("Congo, Republic of the", names) == country_key("Congo (ROC)", names)
    assert country_key("Bahamas, The") == country_key("the Bahamas") == "bahamas"
    assert country_key("Côte d'Ivoire") == country_key("Cote d'Ivoire")
    korea = rows({2022: "1", 2023: "1"}, country="Korea, South")
    (r,) = check_claims(
        [claim("South Korea has been on Tier 1 since 2022", countries=("South Korea",))], korea, aliases=names
    )
    assert (r.country, summary(r)) == ("South Korea", ("supported", (2022, 2023), (), ()))


def test_a_report_that_states_the_change_stands_in_for_a_missing_previous_report():
    upgraded = [
        TierPlacement("tip-2022", "Pakistan", 2022, "2", "upgraded", "tip_narrative", 0, 1, 10, "x", id="n22")
    ]
    (r,) = check_claim(claim("Pakistan was upgraded to Tier 2 in 2022"), upgraded)
    assert summary(r) == ("supported", (2022,), (), ())
    assert r.found == ("upgraded to 2 (stated in the 2022 report) & 2",)
    (r,) = check_claim(claim("Pakistan was downgraded in 2022"), upgraded)
    assert summary(r) == ("contradicted", (), (2022,), ())
    # over two years both are judged against 2021: the 2022 report's own statement covers 2022 only
    (r,) = check_claim(claim("Pakistan's ranking improved in the 2022 and 2023 reports"), upgraded)
    assert summary(r) == ("partly_supported", (2022,), (), (2023,))


TIP_ROWS = [
    dict(country="Pakistan", report_year=y, tier=t, doc_id="r", page=1, source_kind="tip_table", id=str(y))
    for y, t in [(2016, "2WL"), (2017, "2WL"), (2018, "2")]
]


def _claim(content: str) -> dict:
    return dict(
        content=content, countries=["Pakistan"], claim_type="ranking_change", tiers=[], years=[],
        doc_id="d", start=0, end=1, page=None, evidence=content, id="x", speaker="s",
    )  # fmt: skip


@pytest.mark.parametrize(
    "content, tip_document, expected",
    [
        # another index is never judged by TIP rows, even in a story about trafficking
        (
            "Pakistan's ranking dropped to 117 out of 180 on Transparency International's index in 2017",
            True,
            ("not_checkable", "about another ranking (Transparency International), not the TIP report"),
        ),
        (
            "Pakistan improved its ranking on the Global Slavery Index in 2018",
            True,
            ("not_checkable", "about another ranking (Global Slavery Index), not the TIP report"),
        ),
        # no tier, no TIP word: checkable only in a document that speaks of the TIP report
        ("Pakistan was downgraded in 2018", True, ("contradicted", "the reports say otherwise for 2018")),
        (
            "Pakistan was downgraded in 2018",
            False,
            ("not_checkable", "the claim does not say it is about the TIP ranking"),
        ),
        # a named tier is about the TIP ranking wherever it stands
        ("Pakistan was upgraded to Tier 2 in 2018", False, ("supported", "reports agree for 2018")),
    ],
)
def test_only_claims_about_the_tip_ranking_get_a_verdict(content, tip_document, expected):
    (row,) = check_claim(_claim(content), TIP_ROWS, tip_document=tip_document)
    assert (row.verdict, row.reason) == expected
