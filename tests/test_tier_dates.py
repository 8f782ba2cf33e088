"""The report year a tier gets from a date written in the text (issue 12): the report current at
the date by the reports' release days (``models/gazetteers/tip_report_releases.csv``), a full date's
year never read as a report year, "last year", "the previous report" and "this year" counted from the text's date (``extractors/nlp/components/tier_dates.py``, ``tier_years.py``,
``models/patterns/tier_context.csv``). Exact (country, tier, report_year) rows through the real
pipeline, on tiny real-style sentences.
"""

from __future__ import annotations

import pytest

from extractors.nlp.components.tier_dates import release_days, report_year_at

RELEASES = "models/gazetteers/tip_report_releases.csv"


def rows(nlp, text: str) -> set[tuple]:
    from extractors.extract import extract_documents
    from extractors.parse.news import parse_text

    ((_, records),) = extract_documents([parse_text(text.encode(), source="test")], nlp)
    return {(t.country, t.tier, t.report_year) for t in records.tier_placements}


CASES = [
    # the dateline's year is the text's date, not the report's: before the release the year before's
    (
        "March 3, 2019 – Pakistan is on Tier 2 in the latest US Trafficking in Persons report.",
        {("Pakistan", "2", 2018)},
    ),
    # a date written year first, a day before and a day after the 2019 release (20 June)
    (
        "Published: 2019-06-19\nPakistan is on Tier 2 in the latest US trafficking report.",
        {("Pakistan", "2", 2018)},
    ),
    (
        "Published: 2019-06-21\nPakistan is on Tier 2 in the latest US trafficking report.",
        {("Pakistan", "2", 2019)},
    ),
    # the 2015 report came out on 27 July, the 2025 report at the end of September
    (
        "July 10, 2015 (Reuters) - Malaysia remains on Tier 3 of the US trafficking report, sources said.",
        {("Malaysia", "3", 2014)},
    ),
    (
        "August 3, 2025 – Pakistan remains on the Tier 2 Watch List in the US Trafficking in Persons report.",
        {("Pakistan", "2WL", 2024)},
    ),
    # a full date inside the sentence dates an undated tier the same way
    (
        "The council said on March 3, 2019 that Pakistan is on Tier 2 in the US trafficking report.",
        {("Pakistan", "2", 2018)},
    ),
    (
        "On Friday, June 16, 2023, the council said the Philippines kept its Tier 1 ranking in the US "
        "trafficking report.",
        {("Philippines", "1", 2023)},
    ),
    # ... unless the document names its report
    (
        "The 2018 report placed Ghana on Tier 2. The minister spoke on March 3, 2019 about Ghana's Tier 2 "
        "ranking in the trafficking report.",
        {("Ghana", "2", 2018)},
    ),
    # "since June 2016" starts a period running to now, as "since 2016" does
    (
        "Ghana has been on the Tier 2 Watch List since June 2016 in the trafficking report, the 2018 report shows.",
        {("Ghana", "2WL", 2016), ("Ghana", "2WL", 2018)},
    ),
    # a month without a day is not a full date: its year stays the year stated
    (
        "In March 2019, the minister said Pakistan was on Tier 2 of the US trafficking report.",
        {("Pakistan", "2", 2019)},
    ),
    # "last year's report" is counted from the dateline's year, not read as that year
    (
        "KUALA LUMPUR, July 2, 2021: Malaysia was on Tier 3 in last year's Trafficking in Persons report.",
        {("Malaysia", "3", 2020)},
    ),
    # "this year's report" is the dateline's calendar year, even before the release; the tier held
    # before the move is the year before's
    (
        "KUALA LUMPUR, June 10, 2021 – Malaysia will be downgraded to Tier 3 after spending three years on the Tier 2 "
        "Watchlist in this year's TIP report. The 2020 TIP report said that complicity undermined efforts.",
        {("Malaysia", "2WL", 2020), ("Malaysia", "3", 2021)},
    ),
    # "the previous report" is the year before the report the document names
    (
        "The 2023 TIP report placed Pakistan on the Tier 2 Watch List. Pakistan was on Tier 2 in the previous "
        "report.",
        {("Pakistan", "2WL", 2023), ("Pakistan", "2", 2022)},
    ),
    # ... or the report current at the text's date (March 2019: the 2018 report)
    (
        "March 3, 2019 – Ghana is on Tier 2 of the US trafficking report. It was on the Tier 2 Watch List in the "
        "previous report.",
        {("Ghana", "2", 2018), ("Ghana", "2WL", 2017)},
    ),
    # without a date "this year" dates nothing of its own
    (
        "ISLAMABAD, June 25 (APP): Pakistan has been placed on Tier 2 in this year's Trafficking in Persons "
        "report.",
        {("Pakistan", "2", None)},
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_tier_dates(nlp, text, expected):
    assert rows(nlp, text) == expected


def test_report_year_at_release_days():
    releases = release_days(RELEASES)
    assert releases[2015] == (7, 27) and releases[2022] == (7, 19)
    assert report_year_at((2015, 7, 10), releases) == 2014
    assert report_year_at((2015, 7, 27), releases) == 2015
    assert report_year_at((2022, 7, 1), releases) == 2021
    assert report_year_at((2019, 6, 21), releases) == 2019
    assert report_year_at((2019, 3, 3), releases) == 2018
    assert report_year_at((2019, 3, 3), releases, released=True) == 2019
    assert report_year_at((2030, 6, 20), releases) == 2030  # no row: 15 June
