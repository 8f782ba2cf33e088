"""The report year a tier gets from a date written in the text (issue 12): the report current at
the date by the reports' release days (``models/gazetteers/tip_report_releases.csv``), a full date's
year never read as a report year, "last year", "the previous report" and "this year" counted from the text's date (``extractors/nlp/components/tier_dates.py``, ``tier_years.py``,
``models/patterns/tier_context.csv``). Exact (country, tier, report_year) rows through the real
pipeline, on tiny real-style sentences.
"""

from __future__ import annotations

import pytest

from extractors.nlp.components.tier_dates import release_days, report_year_at, reporting_periods, weekday_year

RELEASES = "models/gazetteers/tip_report_releases.csv"


def rows(nlp, text: str) -> set[tuple]:
    from extractors.extract import extract_documents
    from extractors.parse.news import parse_text

    ((_, records),) = extract_documents([parse_text(text.encode(), source="test")], nlp)
    return {(t.country, t.tier, t.report_year) for t in records.tier_placements}


CASES = [
    # a report word before "for" and the year (``report_for``) names the document's report without
    # a topic word: "a report by the US Department of State for 2018"
    (
        "The trafficking report rates Israel in the top rank of countries. Today, a report by the US "
        "Department of State for 2018 confirms that this struggle appears to be working.",
        {("Israel", "1", 2018)},
    ),
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
    # a move the text forecasts ("will downgrade", "will fall to") beside a report it names only in
    # the past tense ("The 2020 TIP report said"): the next report (``tier_next_report.py``) ...
    (
        "The US State Department will downgrade Malaysia to the lowest ranking in its annual report on "
        "human trafficking to be released later on Thursday, two sources told Reuters.\n\nMalaysia will "
        "fall to Tier 3 after spending three years on the Tier 2 Watchlist, said the sources.\n\nThe "
        "2020 TIP report said that official complicity undermined anti-trafficking efforts.",
        {("Malaysia", "3", 2021), ("Malaysia", "2WL", 2020)},
    ),
    # ... not when the report named is the one to come, nor for a placement told in the past
    (
        "The 2021 TIP report will be released on Thursday. Malaysia will fall to Tier 3 in it, two "
        "sources told Reuters.",
        {("Malaysia", "3", 2021)},
    ),
    (
        "The 2020 TIP report said that official complicity undermined anti-trafficking efforts. Malaysia "
        "was downgraded to Tier 3 in the trafficking report.",
        {("Malaysia", "3", 2020)},
    ),
    # a date with its weekday and no year: the one year whose report came out on that day or at
    # most `weekday_lag` (4) days before (Friday 16 June: 2023, out on 15 June; not 2006, 11 days)
    (
        "The council said on Friday, June 16, that the Philippines kept its Tier 1 ranking in the US "
        "Trafficking in Persons report.",
        {("Philippines", "1", 2023)},
    ),
    # Tuesday 30 September: 2025 (out on 26 September); the tier held for years also the year before
    (
        "For 10 consecutive years, the Philippines has kept its Tier 1 rating in the Trafficking in Persons "
        "Report, the council announced on Tuesday, Sept. 30.",
        {("Philippines", "1", 2025), ("Philippines", "1", 2024)},
    ),
    # the day in brackets after the weekday: Tuesday 19 July, the day the 2022 report came out
    (
        "Ghana remained on Tier 2 in the US trafficking report released on Tuesday (19 July).",
        {("Ghana", "2", 2022)},
    ),
    # ... in the opening, it dates the text: a list of countries in another sentence
    (
        "The US trafficking report came out on Friday, June 16. Around 45 nations, including Pakistan and "
        "Serbia, are in the Tier 2 Watch List.",
        {("Pakistan", "2WL", 2023), ("Serbia", "2WL", 2023)},
    ),
    # no report out a few days before (Wednesday 4 March), or two (Thursday 20 June: 2013 and 2019):
    # no year
    (
        "The council said on Wednesday, March 4, that Pakistan is on Tier 2 in the US trafficking report.",
        {("Pakistan", "2", None)},
    ),
    (
        "The ministry said on Thursday 20th June that Ghana remains on Tier 2 of the US Trafficking in "
        "Persons report.",
        {("Ghana", "2", None)},
    ),
    # a year written before a noun that is no report names that thing, not the tier's report
    # (`year_names` in tier_context.csv): a law, a protocol, an event
    (
        "Pakistan remained on Tier 2 of the US trafficking report despite passing the 2018 Prevention of "
        "Trafficking in Persons Act.",
        {("Pakistan", "2", None)},
    ),
    (
        "The Philippines, a signatory to the 2000 Palermo Protocol, kept its Tier 1 ranking in the US "
        "trafficking report.",
        {("Philippines", "1", None)},
    ),
    (
        "Malaysia was placed on Tier 3 in the trafficking report after the 2015 discovery of mass graves near "
        "the Thai border.",
        {("Malaysia", "3", None)},
    ),
    # ... while a report or a ranking so named dates it
    (
        "Kuwait was upgraded to Tier 2 in the 2019 Trafficking in Persons report.",
        {("Kuwait", "2", 2019)},
    ),
    (
        "Kuwait was upgraded to Tier 2 in the State Department's 2019 ranking on human trafficking.",
        {("Kuwait", "2", 2019)},
    ),
    # a year in a clause of its own that does not hold the tier and speaks of no report
    (
        "Ghana, which enacted its Human Trafficking Act in 2005, remains on Tier 2 of the US trafficking report.",
        {("Ghana", "2", None)},
    ),
    (
        "Nigeria stays on Tier 2 in the trafficking report, although the agency set up in 2003 convicted 40 "
        "traffickers.",
        {("Nigeria", "2", None)},
    ),
    # ... while a clause about the report, or the tier's own clause, dates it
    (
        "After the trafficking report was released in 2019, Kuwait moved up to Tier 2.",
        {("Kuwait", "2", 2019)},
    ),
    (
        "Malaysia, which was on Tier 3 in 2014, was upgraded to the Tier 2 Watch List in 2015 in the trafficking "
        "report.",
        {("Malaysia", "3", 2014), ("Malaysia", "2WL", 2015)},
    ),
    # without a date "this year" dates nothing of its own
    (
        "ISLAMABAD, June 25 (APP): Pakistan has been placed on Tier 2 in this year's Trafficking in Persons "
        "report.",
        {("Pakistan", "2", None)},
    ),
    # a tier in the past perfect held before the report the text is about: the year before it alone
    # (not its year, nor the year before that for "consecutive years"); "since" adds no later year
    (
        "July 5, 2021 – Malaysia was downgraded to Tier 3 in the US trafficking report. Malaysia had been "
        "on the Tier 2 Watch List for the last three consecutive years.",
        {("Malaysia", "3", 2021), ("Malaysia", "2WL", 2020)},
    ),
    (
        "July 5, 2021 – Malaysia was downgraded to Tier 3 in the US trafficking report. Malaysia had been "
        "on the Tier 2 Watch List since 2018.",
        {("Malaysia", "3", 2021), ("Malaysia", "2WL", 2018)},
    ),
    # ... not when a past reporting verb shifted the tense
    (
        "July 5, 2021 – The US trafficking report said Pakistan had been placed on Tier 2.",
        {("Pakistan", "2", 2021)},
    ),
    # one tier a report: a tier held for years, dated the report year only by inference, beside a
    # move of the same country in that year is the tier held before the move (``_held_before_move``)
    (
        "July 5, 2021 – Malaysia was downgraded to Tier 3 in the US trafficking report. Malaysia has been "
        "on the Tier 2 Watch List for three consecutive years.",
        {("Malaysia", "3", 2021), ("Malaysia", "2WL", 2020)},
    ),
    (
        "July 5, 2021 – Malaysia was downgraded to Tier 3 in the US trafficking report. Malaysia has "
        "stayed on the Tier 2 Watch List since 2017.",
        {("Malaysia", "3", 2021), ("Malaysia", "2WL", 2017), ("Malaysia", "2WL", 2020)},
    ),
    (
        "July 5, 2021 – Malaysia was on the Tier 2 Watch List for the past two years. The US trafficking "
        "report upgraded Malaysia to Tier 2.",
        {("Malaysia", "2", 2021), ("Malaysia", "2WL", 2020)},
    ),
    # ... without a move the held tier keeps the report year (and the year before for "consecutive")
    (
        "July 5, 2021 – Malaysia has been on the Tier 2 Watch List for three consecutive years, the US "
        "trafficking report said.",
        {("Malaysia", "2WL", 2021), ("Malaysia", "2WL", 2020)},
    ),
    # a tier moved from "last year" in a sentence naming no destination: the year before last year's
    # report; a "last year" beside a destination still dates the tier moved from by the destination
    (
        "In its 2016 Trafficking in Persons report, the US kept Oman on the Tier 2 Watch List. Oman was "
        "downgraded last year from Tier 2.",
        {("Oman", "2WL", 2016), ("Oman", "2", 2014)},
    ),
    (
        "The US moved Oman from the Tier 2 Watch List last year to Tier 2 in its 2016 Trafficking in "
        "Persons report.",
        {("Oman", "2", 2016), ("Oman", "2WL", 2015)},
    ),
    # a stay that starts with a move onto the tier in a stated year holds no year before it
    (
        "Oman moved up from the Tier 2 Watch List to Tier 2 in 2016 and stayed at Tier 2 for three "
        "consecutive years, the trafficking report shows.",
        {("Oman", "2", 2016), ("Oman", "2WL", 2015)},
    ),
    # a "Published" date is the text's own, not a page header's date printed before it
    (
        "Wed | Jan 10, 2024\n\nPublished: Monday | June 24, 2013\n\nOman was upgraded to Tier 2 in the "
        "US trafficking report.",
        {("Oman", "2", 2013)},
    ),
    # a stay ("for a second year in a row") written in the clause above the tier's own clause
    (
        "Latvia is the only EU member state to make the US State Department tier 2 watchlist in the 2014 "
        "trafficking report, for a second year in a row.",
        {("Latvia", "2WL", 2014), ("Latvia", "2WL", 2013)},
    ),
    # a report year whose sentence names the topic out of the report word's reach: the report the
    # text is on, for a tier of the next sentence (wt-tier15)
    (
        "The State Department's newest 2023 report finds that Fiji is not yet meeting the minimum "
        "standards to eliminate human trafficking.\nFiji therefore stays on the Tier 2 Watch List.",
        {("Fiji", "2WL", 2023)},
    ),
    # ... nor one of several reports compared: the tier held "since 2015" is not carried up to 2021
    (
        "Nepal has been on the Tier 2 Watch List of the US TIP reports since 2015, though its standing "
        "improved in the 2020 and 2021 reports.",
        {("Nepal", "2WL", 2015)},
    ),
    # the report's title without "report": its year is the report's ("report_title"), the tier moved
    # from is dated the year before; not the year of an Act of that name
    (
        "Belize has slipped from Tier 2 to the Tier 2 Watch List on the 2021 Trafficking in Persons, "
        "which came out last week.",
        {("Belize", "2WL", 2021), ("Belize", "2", 2020)},
    ),
    (
        "Belize passed the 2013 Trafficking in Persons Act and is on the Tier 2 Watch List.",
        {("Belize", "2WL", None)},
    ),
    # a year after "dating back to" is the series' start (``first_issue``), not the tier's year
    (
        "Aruba, on Tier 1 in the 2016 trafficking report, is the smallest country to be on tier one in "
        "the history of the report dating back to 2001.",
        {("Aruba", "1", 2016)},
    ),
    # ... not a year whose sentence speaks of no trafficking ("its 2006 report on Cyprus")
    (
        "Activists criticised a point the State Department stressed in its 2006 report on Cyprus.\n"
        "Cyprus was placed on the Tier 2 Watch List for failing to tackle sex trafficking.",
        {("Cyprus", "2WL", None)},
    ),
    # a reporting period dates the report that covers it (the 2020 report covers April 2019 - March
    # 2020), not its first year nor the report current at its first day; in the tier's sentence or not
    (
        "The US Trafficking in Persons report, covering April 2019 to March 2020, placed Nepal on Tier 2.",
        {("Nepal", "2", 2020)},
    ),
    (
        "The US Trafficking in Persons report was released on Thursday. Nepal remains on Tier 2 Watch "
        "List. The report covers the period from 1 April 2022 through 31 March 2023.",
        {("Nepal", "2WL", 2023)},
    ),
    # "since 2018" beside a named report: the year the stay began and the report's year; a year after
    # "since" names no report, so a dateline dates the report (the 2021 report came out on 1 July)
    (
        "Nepal has been on Tier 2 of the 2021 US Trafficking in Persons report since 2018.",
        {("Nepal", "2", 2018), ("Nepal", "2", 2021)},
    ),
    (
        "KATHMANDU, June 25, 2021 - Nepal has been on Tier 2 of the US Trafficking in Persons report since 2018.",
        {("Nepal", "2", 2018), ("Nepal", "2", 2020)},
    ),
    # ... and a year that dates the event opening the stay ("since its upgrade in 2019")
    (
        "Ghana has remained on Tier 2 since its upgrade in 2019, according to the 2022 Trafficking in "
        "Persons report.",
        {("Ghana", "2", 2019), ("Ghana", "2", 2022)},
    ),
    # ... a period of other months names no report: its years stay years
    (
        "From July 2010 to June 2016, there were 209 trafficking convictions. The Philippines is on Tier 1 "
        "in the 2016 TIP report.",
        {("Philippines", "1", 2016)},
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


def test_weekday_year():
    releases = release_days(RELEASES)
    friday, tuesday, thursday = 4, 1, 3
    assert weekday_year(6, 16, friday, releases, 4) == 2023  # out 15 June 2023
    assert weekday_year(6, 16, friday, releases, 11) is None  # 2006 too (out 5 June)
    assert weekday_year(9, 30, tuesday, releases, 4) == 2025
    assert weekday_year(6, 20, thursday, releases, 4) is None  # 2013 and 2019
    # with the page's date: the latest year up to it in which the day falls on that weekday
    assert weekday_year(6, 16, friday, releases, 4, published=(2017, 7, 1)) == 2017
    assert weekday_year(6, 16, friday, releases, 4, published=(2017, 6, 10)) == 2017  # a day ahead
    assert weekday_year(6, 16, friday, releases, 4, published=(2017, 5, 1)) == 2006
    assert weekday_year(2, 30, friday, releases, 4) is None


def test_reporting_periods():
    months = (("april",), ("march",))
    assert reporting_periods("covering April 2019 to March 2020.", *months) == [(9, 33, 2020)]
    assert reporting_periods("between April 1, 2019 and March 31, 2020", *months) == [(8, 40, 2020)]
    assert reporting_periods("April 2022 – March 2023", *months) == [(0, 23, 2023)]
    assert reporting_periods("From July 2010 to June 2016", *months) == []  # other months
    assert reporting_periods("April 2019 to March 2021", *months) == []  # not one year
