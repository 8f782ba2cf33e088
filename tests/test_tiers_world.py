"""Tier placements with their report years, on tiny real texts (news articles of the world dev set,
Factbook entries): exact (country, tier, report_year) rows through the real pipeline.

Each case names the rule it covers (``extractors/nlp/components/tiers.py``, ``tier_years.py`` and
the phrases in ``models/patterns/tier_context.csv``).
"""

from __future__ import annotations

import pytest


def placements(nlp, text: str) -> set[tuple]:
    from extractors.extract import extract_documents
    from extractors.parse.news import parse_text

    doc = parse_text(text.encode(), source="test")
    ((_, records),) = extract_documents([doc], nlp)
    return {(t.country, t.tier, t.report_year) for t in records.tier_placements}


CASES = [
    # where a country was moved from: the year before the destination's ...
    (
        "KUWAIT: Kuwait has been upgraded in the US State Department's 2025 Trafficking in Persons (TIP) "
        "Report from the Tier 2 Watch List to Tier 2, reflecting what officials described as the "
        "country's tangible progress.",
        {("Kuwait", "2", 2025), ("Kuwait", "2WL", 2024)},
    ),
    (
        "The minister said as a results of Ghana's intervention in human-trafficking cases, the country's "
        "ratings had been boosted globally to the extent that Ghana has been upgraded in United States, "
        "State Department Traffick-in-Person (TIP) report in 2018, which elevated Ghana from Tier 2 watch "
        "list to the level of Tier 2 Ranking.",
        {("Ghana", "2", 2018), ("Ghana", "2WL", 2017)},
    ),
    # ... or the year written after it, which is not the destination's
    (
        "In the US Department of State's annual Trafficking in Persons report, Saudi Arabia jumped from a "
        "Tier 3 country in 2019 to the Tier 2 Watchlist in 2020.",
        {("Saudi Arabia", "3", 2019), ("Saudi Arabia", "2WL", 2020)},
    ),
    # ... and without any year it is a placement of no known year (the world gold's reading)
    (
        "The trafficking report raised the status of Saudi Arabia from “tier 3” to “tier 2 watch list.”",
        {("Saudi Arabia", "2WL", None), ("Saudi Arabia", "3", None)},
    ),
    # "tier 2 on the watchlist" is the Tier 2 Watch List, not Tier 2 (``tiers.jsonl``)
    (
        "BANGKOK — The trafficking report released Thursday raised Thailand from a watchlist to tier 2, the "
        "second-highest ranking. Neighboring Malaysia fell from tier 2 on the watchlist.",
        {("Thailand", "2", None), ("Malaysia", "2WL", None)},
    ),
    # ... but a bare "watchlist" moved from, without a year, is none
    (
        "The trafficking report released Thursday raised Thailand from a watchlist to tier 2.",
        {("Thailand", "2", None)},
    ),
    # countries written as the tier tables and reports write them ("&", "-", official long forms)
    (
        "The 2023 Trafficking in Persons report placed Trinidad & Tobago, Bosnia-Herzegovina and the Syrian "
        "Arab Republic on the Tier 2 Watch List, and the U.A.E. on Tier 2.",
        {
            ("Trinidad and Tobago", "2WL", 2023),
            ("Bosnia and Herzegovina", "2WL", 2023),
            ("Syria", "2WL", 2023),
            ("United Arab Emirates", "2", 2023),
        },
    ),
    # a range of years, and an earlier tier of a move sentence with years of its own
    (
        "From 2013 to 2016, Sri Lanka was placed in the Tier 2 Watch List for 4 successive years and "
        "upgraded to Tier 2 in 2017 in view of the proactive measures taken to combat trafficking.",
        {("Sri Lanka", "2WL", y) for y in range(2013, 2017)} | {("Sri Lanka", "2", 2017)},
    ),
    (
        "Bangladesh has been on the Tier 2 Watch List from 2017 to 2019, the trafficking report says.",
        {("Bangladesh", "2WL", 2017), ("Bangladesh", "2WL", 2018), ("Bangladesh", "2WL", 2019)},
    ),
    # years in a list
    (
        "Thailand was downgraded to the lowest Tier 3 in the 2014 and 2015 reports on human trafficking.",
        {("Thailand", "3", 2014), ("Thailand", "3", 2015)},
    ),
    # years nearer to the country's other tier of the sentence are that tier's
    (
        "Ghana was on Tier 2 in 2019 and 2020, and it is now on the Tier 2 Watch List of the trafficking "
        "report.",
        {("Ghana", "2", 2019), ("Ghana", "2", 2020), ("Ghana", "2WL", None)},
    ),
    # "since": the year it started and the report's
    (
        "The United States in its Trafficking in Persons (TIP) report for the year 2020 released on Thursday "
        "(local time), placed India in the Tier-2 category for the seventh time in a row since 2013.",
        {("India", "2", 2013), ("India", "2", 2020)},
    ),
    # held "for the fourth straight year": the year before too; the report named elsewhere
    (
        "The U.S. Department of State on Tuesday quietly released its long-delayed report on human "
        "trafficking, placing Cambodia in the lowest Tier 3 for the fourth straight year.\n\n"
        "Officially the 2025 Trafficking in Persons (TIP) report, it details trafficking conditions.",
        {("Cambodia", "3", 2025), ("Cambodia", "3", 2024)},
    ),
    # ... or "for the second year running"
    (
        "Pakistan remained on Tier 2 for the second year running in the 2023 Trafficking in Persons report.",
        {("Pakistan", "2", 2023), ("Pakistan", "2", 2022)},
    ),
    # "last year" from the date the text opens with
    (
        "June 29, 2018 - 9:51 AM\n\nMalaysia will be downgraded in the annual report on human "
        "trafficking.\n\n"
        "Last year, Malaysia was upgraded to Tier 2, a list of nations making significant efforts to comply.",
        {("Malaysia", "2", 2017)},
    ),
    # a text dated before mid-June that reports the release "on Monday" is in the report's year
    (
        "india Updated: Jun 06, 2006 19:30 IST\n\nThe sixth annual report on trafficking, which was released "
        "in Washington on Monday by US Secretary of State Condoleezza Rice, has placed India in the Tier 2 "
        "Watch List.",
        {("India", "2WL", 2006)},
    ),
    # "the country": the country the document names most often
    (
        "The United States has removed key ally Saudi Arabia from its list of the worst offenders on human "
        "trafficking after just a year.\n\nThe State Department's 2020 Trafficking in Persons Report said "
        "the country had made key achievements.\n\nAs a result, the country was moved from Tier 3 to Tier 2.",
        {("Saudi Arabia", "2", 2020), ("Saudi Arabia", "3", 2019)},
    ),
    # the US as the issuer past a bracketed acronym; the country placed is the other one
    (
        "IT TOOK A WHILE, but Thailand has climbed to an eight-year high, earning a Tier 2 ranking in the "
        "latest US Trafficking in Person (TIP) report launched by the US State Department.",
        {("Thailand", "2", None)},
    ),
    # a tier moved from, with years, in a sentence naming no destination: the country's undated
    # tier elsewhere is that destination, the year after
    (
        "Kenya has climbed to Tier 2 in the latest trafficking report released by the State Department.\n\n"
        "Officials hailed the ranking, a boost from the Tier 2 Watch List the country received in the "
        "2019 and 2020 reports.",
        {("Kenya", "2", 2021), ("Kenya", "2WL", 2019), ("Kenya", "2WL", 2020)},
    ),
    # a tier held for some years before a move is where the country was (guideline: "after three
    # years on the watch list in the 2020 report" -> 2021); one row, the year before the destination
    (
        "Malaysia was downgraded to Tier 3 in the trafficking report after three years on the Tier 2 Watch "
        "List in the 2020 report.",
        {("Malaysia", "3", 2021), ("Malaysia", "2WL", 2020)},
    ),
    (
        "Thailand was upgraded to Tier 2 in the 2018 trafficking report after two years on the Tier 2 Watch "
        "List.",
        {("Thailand", "2", 2018), ("Thailand", "2WL", 2017)},
    ),
    # countries a list word adds in the tier's clause ("Republic of Congo": the gazetteer's alias of
    # the Republic of the Congo)
    (
        "The United States Department of State released its latest “Trafficking in Persons Report” on the "
        "24th, ranking Hong Kong down to the “Tier 2 Watch List” alongside countries like Nepal, the "
        "Republic of Congo, and Laos.",
        {
            ("Hong Kong", "2WL", None),
            ("Nepal", "2WL", None),
            ("Congo (ROC)", "2WL", None),
            ("Laos", "2WL", None),
        },
    ),
    # unnamed "other countries" place none of the countries of another clause
    (
        "Nineteen other countries were also designated Tier 3 this year in the trafficking report, while 12 "
        "– including regional neighbor Myanmar and longtime ally China – join Cambodia in being considered "
        "state sponsors.",
        set(),
    ),
    # a chance of a tier is no placement
    (
        "She alleged that some government agencies are hindering the agency's efforts against trafficking, "
        "thus affecting Nigeria's chances of being upgraded to Tier 1.",
        set(),
    ),
    # Factbook page: the bracketed year closing the paragraph, and the consecutive year before it
    (
        "Sri Lanka\n\ntier rating: Tier 2 Watch List - for a second consecutive year, Sri Lanka is on the "
        "Tier 2 Watch List for failing to provide evidence of increasing efforts to combat severe forms of "
        "human trafficking; Sri Lanka has not ratified the 2000 UN TIP Protocol (2008)",
        {("Sri Lanka", "2WL", 2008), ("Sri Lanka", "2WL", 2007)},
    ),
    # Factbook page: a waiver of a downgrade is not the lower tier
    (
        "Barbados\n\ntier rating: Tier 2 Watch List - Barbados does not fully comply with the minimum "
        "standards for the elimination of trafficking; the country was granted a waiver of an otherwise "
        "required downgrade to Tier 3 because the government adopted a national action plan (2015)",
        {("Barbados", "2WL", 2015)},
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_tier_placements_with_years(nlp, text, expected):
    assert placements(nlp, text) == expected


def test_change_recorded_for_the_destination_only(nlp):
    """The tier a country was moved to records the change; where it was records none."""
    from extractors.extract import extract_documents
    from extractors.parse.news import parse_text

    text = (
        "KUWAIT: Kuwait has been upgraded in the US State Department's 2025 Trafficking in Persons (TIP) "
        "Report from the Tier 2 Watch List to Tier 2."
    )
    ((_, records),) = extract_documents([parse_text(text.encode(), source="test")], nlp)
    rows = {(t.country, t.tier, t.report_year, t.change) for t in records.tier_placements}
    assert rows == {("Kuwait", "2", 2025, "upgraded"), ("Kuwait", "2WL", 2024, None)}
