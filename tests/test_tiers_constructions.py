"""Tier placements in general constructions of world news (lists, joins, negation, spellings,
moves that name both tiers, the issuer with a year, a country named only by its adjective): exact
(country, tier, report_year, change) rows through the real pipeline, on tiny real-style sentences.

Each case names the rule it covers (``extractors/nlp/components/tiers.py``, ``tier_moves.py``,
``tier_years.py`` (with ``tier_year_spans.py``, ``tier_move_years.py``) and the phrases in ``models/patterns/tier_context.csv`` and ``tiers.jsonl``).
"""

from __future__ import annotations

import pytest


def rows(nlp, text: str) -> set[tuple]:
    from extractors.extract import extract_documents
    from extractors.parse.news import parse_text

    ((_, records),) = extract_documents([parse_text(text.encode(), source="test")], nlp)
    return {(t.country, t.tier, t.report_year, t.change) for t in records.tier_placements}


CASES = [
    # a clause after a semicolon opening with ``others_list`` words adds its countries to the tier
    (
        "Cuba and Iran were among 20 countries ranked Tier 3 in the 2019 trafficking report; others "
        "included Eritrea and Syria.",
        {("Cuba", "3", 2019, None), ("Iran", "3", 2019, None), ("Eritrea", "3", 2019, None)}
        | {("Syria", "3", 2019, None)},
    ),
    # ... not when that clause names a tier of its own
    (
        "Cuba was ranked Tier 3 in the 2019 trafficking report; others were on the Tier 2 Watch List, "
        "such as Chad.",
        {("Cuba", "3", 2019, None), ("Chad", "2WL", 2019, None)},
    ),
    # a report year after a tier moved from that ends the move names the move's report: the
    # destination's year, the origin the year before (tier_move_years.mark_move_years)
    (
        "Vietnam was upgraded to Tier 2 from the Tier 2 Watch List in the 2024 TIP report.",
        {("Vietnam", "2", 2024, "upgraded"), ("Vietnam", "2WL", 2023, None)},
    ),
    # ... not a year of the origin's own before the next tier
    (
        "In the trafficking report, Nigeria was downgraded from Tier 2 in the 2019 report to Tier 3 in "
        "the 2020 report.",
        {("Nigeria", "2", 2019, None), ("Nigeria", "3", 2020, "downgraded")},
    ),
    # a ``list_intro`` word in a relative clause on a noun in apposition to the tier
    (
        "The 2016 trafficking report puts Oman at Tier 2 – a rank it shares with such countries as "
        "Chile and Peru.",
        {("Oman", "2", 2016, None), ("Chile", "2", 2016, None), ("Peru", "2", 2016, None)},
    ),
    # a purpose the text does not say was met places nothing (``order``, ``stop``: hypothetical)
    (
        "Oman, on the Tier 2 Watch List in the 2016 trafficking report, can act now in order to be "
        "raised to Tier 2.",
        {("Oman", "2WL", 2016, None)},
    ),
    (
        "The 2016 trafficking report left Oman on the Tier 2 Watch List; Oman hired lobbyists to stop "
        "the slide towards Tier 3.",
        {("Oman", "2WL", 2016, None)},
    ),
    # "Tier 3 countries" heads a list, not a definition ("countries" is generic only as the
    # subject of a definition: "Tier 2 is for countries that ...")
    (
        "Tier 3 countries in the 2019 Trafficking in Persons report include Iran, North Korea and Venezuela.",
        {("Iran", "3", 2019, None), ("North Korea", "3", 2019, None), ("Venezuela", "3", 2019, None)},
    ),
    (
        "Among the Tier 3 countries in the 2018 trafficking report were Belarus, Burundi and Mauritania.",
        {("Belarus", "3", 2018, None), ("Burundi", "3", 2018, None), ("Mauritania", "3", 2018, None)},
    ),
    # ... or "as" them (``lists``: "as")
    (
        "The 2019 trafficking report ranks Pakistan and India as Tier 2 countries.",
        {("Pakistan", "2", 2019, None), ("India", "2", 2019, None)},
    ),
    # the subject of "join" joins the object's tier (``joins``)
    (
        "China, Russia and Belarus joined North Korea on Tier 3 in the 2020 State Department trafficking "
        "report.",
        {("China", "3", 2020, None), ("Russia", "3", 2020, None), ("Belarus", "3", 2020, None)}
        | {("North Korea", "3", 2020, None)},
    ),
    # ... and the object joins the subject's tier too
    (
        "On the Tier 2 Watch List of the 2017 trafficking report, Burma joins Laos and Thailand.",
        {("Burma", "2WL", 2017, None), ("Laos", "2WL", 2017, None), ("Thailand", "2WL", 2017, None)},
    ),
    # ... and the subject of "join" with a group of countries on a tier as its object, the tier in
    # quotes too; not when it joins them in doing something
    (
        "In the 2021 trafficking report, Malaysia joined more than a dozen nations in “Tier 3” for "
        "failing to meet minimal standards.",
        {("Malaysia", "3", 2021, None)},
    ),
    (
        "In the 2021 trafficking report, Malaysia joined the Tier 3 countries.",
        {("Malaysia", "3", 2021, None)},
    ),
    (
        "In the 2021 trafficking report, Malaysia joined the Tier 3 countries in criticising the report.",
        set(),
    ),
    # a country moved onto a tier joins the objects of "join" there (their change is not known);
    # not a join in doing something, nor one naming a tier of its own
    (
        "Ghana was downgraded to Tier 3 in the 2019 trafficking report, joining Iran and Syria.",
        {("Ghana", "3", 2019, "downgraded"), ("Iran", "3", 2019, None), ("Syria", "3", 2019, None)},
    ),
    (
        "Laos and Cambodia were dropped to Tier 3 in the 2019 trafficking report, to join their neighbour "
        "Burma already there, together with countries like Iran.",
        {("Laos", "3", 2019, "downgraded"), ("Cambodia", "3", 2019, "downgraded")}
        | {("Burma", "3", 2019, None), ("Iran", "3", 2019, None)},
    ),
    (
        "Ghana was upgraded to Tier 2 in the 2019 trafficking report, joining Nigeria in praising the embassy.",
        {("Ghana", "2", 2019, "upgraded")},
    ),
    (
        "Ghana was upgraded to Tier 2 in the 2019 trafficking report, joining Nigeria, which stayed on the "
        "Tier 2 Watch List.",
        {("Ghana", "2", 2019, "upgraded"), ("Nigeria", "2WL", 2019, "remained")},
    ),
    # ... not when the tier belongs to another verb of the sentence
    (
        "Thailand joined Malaysia in criticising its Tier 3 ranking in the 2014 trafficking report.",
        {("Malaysia", "3", 2014, None)},
    ),
    # "along with" (a ``list_intro`` of two words), before the country placed or after it
    (
        "Along with Malaysia, Thailand was placed on the Tier 2 Watch List in the 2014 trafficking report.",
        {("Malaysia", "2WL", 2014, None), ("Thailand", "2WL", 2014, None)},
    ),
    (
        "The 2017 trafficking report ranked Vietnam, along with Laos and Cambodia, on Tier 2.",
        {("Vietnam", "2", 2017, None), ("Laos", "2", 2017, None), ("Cambodia", "2", 2017, None)},
    ),
    # negation among the tier's heads places nothing; the negation inside the Tier 2 definition
    # ("does not fully meet ... but is making significant efforts") does not count
    ("Kenya was not placed on Tier 3 in the 2020 trafficking report.", set()),
    ("Cambodia is no longer on the Tier 2 Watch List, the 2022 trafficking report says.", set()),
    (
        "The 2025 Trafficking in Persons report placed both Pakistan and India among the countries that do "
        "not fully meet the minimum standards but are making significant efforts to do so.",
        {("Pakistan", "2", 2025, None), ("India", "2", 2025, None)},
    ),
    # a bare "watch list" far from the country places the subject of its clause (a parenthesis or
    # the issuer's name in between); a country farther than the reach that is not its subject does not
    (
        "The 2016 trafficking report shows that Latvia is to remain, for the third year running, on "
        "a 'watchlist' of the State Department.",
        {("Latvia", "2WL", 2016, "remained"), ("Latvia", "2WL", 2015, "remained")},
    ),
    (
        "In the 2016 trafficking report, Latvia has been put on the United States Department of State’s "
        "“watch list”.",
        {("Latvia", "2WL", 2016, None)},
    ),
    (
        "In the 2016 trafficking report, officials from Latvia met the embassy staff, who had long written about "
        "the watch list.",
        set(),
    ),
    # spellings: "Việt Nam" (countries.csv alias), "watch-list" with a hyphen, "the worst ranking" alone
    (
        "The 2021 trafficking report continues to list Việt Nam on its watch list, the ministry said.",
        {("Vietnam", "2WL", 2021, None)},
    ),
    ("Bahrain was put on the watch-list in the 2015 trafficking report.", {("Bahrain", "2WL", 2015, None)}),
    (
        "Turkmenistan received the worst ranking in the 2019 trafficking report.",
        {("Turkmenistan", "3", 2019, None)},
    ),
    # lowered / rose as moves; a move naming both tiers gives its direction by their order
    (
        "The State Department lowered Algeria to Tier 3 in its 2019 trafficking report.",
        {("Algeria", "3", 2019, "downgraded")},
    ),
    (
        "In the 2016 trafficking report, Thailand rose from Tier 3 to the Tier 2 Watch List.",
        {("Thailand", "2WL", 2016, "upgraded"), ("Thailand", "3", 2015, None)},
    ),
    (
        "Indonesia was moved from Tier 2 to the Tier 2 Watch List in the 2022 trafficking report.",
        {("Indonesia", "2WL", 2022, "downgraded"), ("Indonesia", "2", 2021, None)},
    ),
    # a year before a tier moved from is the move's year, not that tier's
    (
        "In 2021 the State Department moved Malaysia from the Tier 2 Watch List to Tier 3 in the trafficking "
        "report.",
        {("Malaysia", "3", 2021, "downgraded"), ("Malaysia", "2WL", 2020, None)},
    ),
    # the United States as the issuer, its report's year between ("(US) 2022 Trafficking in Persons")
    (
        "The Philippines kept a Tier 1 ranking in the United States (US) 2022 Trafficking in Persons report.",
        {("Philippines", "1", 2022, "remained")},
    ),
    # ... but the US placing itself is a placement
    (
        "The United States placed itself on Tier 1 in the 2019 trafficking report.",
        {("United States", "1", 2019, None)},
    ),
    # ... and so is the US coordinated with countries on a tier; not the US of sanctions, norms or
    # a list's name beside the tier ("from the United States (US) State Department Tier 2 Watch
    # List"; tipnews audit: 10 of 40 wrong rows were the issuer)
    (
        "The United States, Canada and Mexico were ranked on Tier 1 in the 2019 trafficking report.",
        {("United States", "1", 2019, None), ("Canada", "1", 2019, None), ("Mexico", "1", 2019, None)},
    ),
    # a country of the tier's own clause outranks a nearer country of the next clause
    (
        "In the 2023 trafficking report, Saudi Arabia, Qatar, Oman and the United Arab Emirates are in the "
        "Tier 2 group, while Egypt, Iraq and Kuwait sit in Tier 3.",
        {("Saudi Arabia", "2", 2023, None), ("Qatar", "2", 2023, None), ("Oman", "2", 2023, None)}
        | {("United Arab Emirates", "2", 2023, None), ("Egypt", "3", 2023, None), ("Iraq", "3", 2023, None)}
        | {("Kuwait", "3", 2023, None)},
    ),
    # a list the parser chains by apposition ("Saint Maarten, Venezuela, and Cuba") shares the tier
    (
        "Saint Maarten, Venezuela, and Cuba were relegated to Tier 3 in the 2025 trafficking report.",
        {("Sint Maarten", "3", 2025, "downgraded"), ("Venezuela", "3", 2025, "downgraded")}
        | {("Cuba", "3", 2025, "downgraded")},
    ),
    # quotes inside the tier's name ("Tier 2 'Watch List'", '"Tier 2" watch list')
    (
        "Bahrain and Egypt stayed on the Tier 2 'Watch List' in the 2013 trafficking report.",
        {("Bahrain", "2WL", 2013, "remained"), ("Egypt", "2WL", 2013, "remained")},
    ),
    # spellings: "bottommost tier" is Tier 3; "St. Vincent & the Grenadines" (tipnews audit)
    (
        "Malaysia remained at the bottommost tier of the 2022 trafficking report.",
        {("Malaysia", "3", 2022, "remained")},
    ),
    (
        "Grenada and St. Vincent & the Grenadines were placed on the Tier 2 Watch List in the 2014 "
        "trafficking report.",
        {("Grenada", "2WL", 2014, None), ("Saint Vincent and the Grenadines", "2WL", 2014, None)},
    ),
    # "the country" in a text naming no country: the country of its adjective
    (
        "Malaysian authorities said they were disappointed after the 2021 trafficking report placed the "
        "country on Tier 3.",
        {("Malaysia", "3", 2021, None)},
    ),
    # a particle gives a move's direction ("moved up to", "moved down to")
    ("Ghana moved up to Tier 1 in the 2019 trafficking report.", {("Ghana", "1", 2019, "upgraded")}),
    # tiers of other things in a trafficking story (``other_tier``): supply chains, cities
    ("The firm audits its Tier 1 suppliers in Malaysia for forced labour and human trafficking.", set()),
    ("Trafficking gangs operate in tier-two cities in China such as Kunming.", set()),
    # wishes, risks and escapes stay no placement
    ("Vietnam risks a downgrade to Tier 3 in next year's trafficking report.", set()),
    ("Ghana narrowly escaped a downgrade to Tier 3 in the 2019 trafficking report.", set()),
    ("Nigeria risks being downgraded to Tier 3 in the 2020 trafficking report.", set()),
    ("Thailand could drop to Tier 3 in the 2015 trafficking report, activists warned.", set()),
    # "faces" over a move word is a risk ("faces a downgrade to"); not over a placement
    ("Ghana faces a downgrade to Tier 3 in the 2019 trafficking report.", set()),
    ("Thailand is facing relegation to Tier 3 in the 2016 trafficking report.", set()),
    (
        "Malaysia, which faces sanctions after being placed on Tier 3 in the 2021 trafficking report, protested.",
        {("Malaysia", "3", 2021, None)},
    ),
    # a forecast the text states is a placement (the guideline: only hoped, risked, escaped or
    # "could" tiers are not)
    (
        "Malaysia will fall to Tier 3 in the 2021 trafficking report, two sources said.",
        {("Malaysia", "3", 2021, "downgraded")},
    ),
    # a generic "Tier 3 countries" places nobody unless it lists countries
    ("Officials in Pakistan said Tier 3 countries can lose US aid under the 2019 trafficking report.", set()),
    (
        "Unlike Tier 3 countries, Sri Lanka was placed on Tier 2 in the 2019 trafficking report.",
        {("Sri Lanka", "2", 2019, None)},
    ),
    (
        "Pakistan was among the Tier 2 countries in the 2019 trafficking report.",
        {("Pakistan", "2", 2019, None)},
    ),
    (
        "Tier 3 countries such as Iran and Cuba face sanctions under the 2019 trafficking report.",
        {("Iran", "3", 2019, None), ("Cuba", "3", 2019, None)},
    ),
    # a negated move leaves the country on the tier it was not moved from
    (
        "Pakistan has not been able to move up from Tier 2 in the 2019 trafficking report.",
        {("Pakistan", "2", 2019, None)},
    ),
    ("Nepal has never been placed on Tier 3 in the trafficking report since 2001.", set()),
    # a bare watch list in a sentence about terrorism is another list
    ("Trafficking experts in Kenya said the country's terror watch-list had grown.", set()),
    # a tier named by rank alone ("lowest ranking") only beside a report or a tier word, and not in
    # a sentence about an index
    ("Bangladesh received the lowest ranking in the Global Slavery Index on human trafficking.", set()),
    (
        "Malaysia was downgraded to the lowest ranking in the 2021 trafficking report.",
        {("Malaysia", "3", 2021, "downgraded")},
    ),
    # a tier held "for three consecutive years from 2015" was not held in 2014: a year written as the
    # start of a period takes no year before it (a held tier's year before is added otherwise)
    (
        "Pakistan had remained on the Tier Two Watch List for three consecutive years from 2015, the "
        "trafficking report said.",
        {("Pakistan", "2WL", 2015, "remained")},
    ),
    # a year that dates another event of the sentence (the efforts, the progress) is not the
    # placement's (``TierDates._other_event``; CIA Factbook 2006 and 2007 entries) ...
    (
        "UAE is placed on the Tier 2 Watch List for its failure to show increased efforts to combat "
        "trafficking in 2005.",
        {("United Arab Emirates", "2WL", None, None)},
    ),
    (
        "Bahrain made no discernable progress in preventing trafficking in 2006 and stays on Tier 3.",
        {("Bahrain", "3", None, "remained")},
    ),
    # ... but a year in a clause about the tier itself dates it ("the Tier 1 status, which it
    # achieved in 2009"; tipnews audit: it was dated by the report of the text, 2019)
    (
        "The 2019 trafficking report was released on Thursday. The embassy urged more progress to ensure "
        "Nigeria's return to the Tier 1 status, which it achieved in 2009.",
        {("Nigeria", "1", 2009, None)},
    ),
    # ... and a year of the report's release still dates it
    (
        "Pakistan was placed on Tier 2 in the trafficking report released in 2019.",
        {("Pakistan", "2", 2019, None)},
    ),
    # a move's destination was not held the year before, whatever else the sentence did "for the
    # fourth consecutive year" (CIA Factbook 2023 entries)
    (
        "For the fourth consecutive year, authorities did not identify any trafficking victims; therefore, "
        "Vanuatu was downgraded to Tier 2 Watch List (2023).",
        {("Vanuatu", "2WL", 2023, "downgraded")},
    ),
    # a year after a tier moved from, in a sentence naming no tier the country was moved to, dates
    # the move: the tier was held the year before (``tier_move_years.moved_nowhere``) ...
    (
        "Pakistan was upgraded from Tier 2 in 2016 in the US trafficking report.",
        {("Pakistan", "2", 2015, None)},
    ),
    (
        "The Philippines, which was upgraded from Tier 2 in 2016, remains on Tier 1 in the 2023 "
        "trafficking report.",
        {("Philippines", "2", 2015, None), ("Philippines", "1", 2023, "remained")},
    ),
    # ... not with a destination after it ("from Tier 2 in 2016 to ..."), nor a year inside the tier's
    # own phrase ("a boost from the Tier 2 Watch List the country received in the 2019 report")
    (
        "Hong Kong was downgraded from Tier 2 in 2016 to the Tier 2 Watch List in the trafficking report.",
        {("Hong Kong", "2", 2016, None), ("Hong Kong", "2WL", 2017, "downgraded")},
    ),
    # an earlier tier of a move sentence with no year of its own was held before the move: the year
    # before the destination's, once, whatever "for two consecutive years" says (``date_earlier``)
    (
        "Bangladesh was on the Tier 2 Watch List for two consecutive years before it was upgraded to "
        "Tier 2 in 2020, the trafficking report shows.",
        {("Bangladesh", "2", 2020, "upgraded"), ("Bangladesh", "2WL", 2019, None)},
    ),
    # ... and with no year for the destination either, it is still none
    (
        "Bangladesh was on the Tier 2 Watch List for two consecutive years before it was upgraded to "
        "Tier 2, the trafficking report shows.",
        {("Bangladesh", "2", None, "upgraded")},
    ),
    # "the same rank" is the tier of the country's nearest link before it (``tiers.jsonl`` id
    # ``same``, ``tier_moves.same_tiers``; world_dev nd0006) ...
    (
        "Malaysia has been downgraded again to the Tier 2 watch list of the US trafficking report for "
        "2018.\n\nMalaysia's downgrade returns it to the same rank it occupied in 2015 and 2016, and "
        "briefly climbing up to the Tier 2 in 2017.",
        {("Malaysia", "2WL", 2018, "downgraded"), ("Malaysia", "2WL", 2015, None)}
        | {("Malaysia", "2WL", 2016, None), ("Malaysia", "2", 2017, "upgraded")},
    ),
    # ... and with no tier of the country before it, it is none
    (
        "Malaysia kept the same ranking it held in 2015 in the US trafficking report.",
        set(),
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_tier_constructions(nlp, text, expected):
    assert rows(nlp, text) == expected


def test_stayed_word_of_another_tier(nlp):
    """The stayed words ("for two consecutive years") belong to the Tier 2 Watch List they are
    nearer, not to Tier 3 (CIA Factbook 2015-2017 entries for Comoros and Belarus): Tier 3 is not
    held the year before."""
    text = (
        "Comoros was placed on Tier 3 in the 2015 trafficking report after being on the Tier 2 Watch List "
        "for two consecutive years."
    )
    assert {r[:3] for r in rows(nlp, text) if r[1] == "3"} == {("Comoros", "3", 2015)}


def test_issuer_named_in_the_list_name_is_not_placed(nlp):
    """The United States in the name of the list a country leaves is the issuer, not a country
    placed (tipnews audit: "upgraded from the United States (US) State Department's ... Tier 2
    Watch List to Tier 2" gave the United States Tier 2)."""
    text = (
        "Jamaica was upgraded from the United States (US) State Department Tier 2 Watch List to Tier 2 in "
        "the 2013 trafficking report."
    )
    found = rows(nlp, text)
    assert ("Jamaica", "2", 2013, "upgraded") in found
    assert not any(r[0] == "United States" for r in found)


NEXT_LIST_CASES = [
    # the tier's countries, named only in the next sentence ("They are ...": ``next_list``), whatever
    # the tier's clause says of them
    (
        "The 2012 trafficking report was out on Tuesday. Four of the 40 countries on the Tier 2 Watch "
        "List in that report could lose aid. They are Chad, Malaysia, the Maldives and Thailand.",
        {(c, "2WL", 2012, None) for c in ("Chad", "Malaysia", "Maldives", "Thailand")},
    ),
    (
        "The 2020 trafficking report puts 20 countries on Tier 3. Tier 3 holds those countries that make "
        "no effort at all. Those countries include Iran, Cuba and Syria.",
        {(c, "3", 2020, None) for c in ("Iran", "Cuba", "Syria")},
    ),
    # the issuer as the subject of another verb is no country the tier places
    (
        "The 2011 trafficking report lists 23 countries as Tier 3. Tier 3 groups those countries that the US "
        "believes make no effort. Those countries include Iran and Lebanon.",
        {("Iran", "3", 2011, None), ("Lebanon", "3", 2011, None)},
    ),
    # the next sentence does not continue a tier: a list of something else ...
    (
        "The 2020 trafficking report names ten countries that recruit child soldiers. They are Burma and Chad.",
        set(),
    ),
    # ... a sentence that names its own country ...
    (
        "Nepal stayed among the countries on Tier 2 in the 2019 trafficking report. They are Laos and Peru.",
        {("Nepal", "2", 2019, "remained")},
    ),
    # ... a list that does not open the next sentence, or a next sentence with a tier of its own
    (
        "Tier 3 countries in the 2021 trafficking report may face sanctions. Officials said they are Iran "
        "and Cuba.",
        set(),
    ),
    (
        "The 2021 trafficking report lists 17 countries on Tier 3. They include Iran and Cuba, which stay on "
        "Tier 3.",
        {("Iran", "3", 2021, "remained"), ("Cuba", "3", 2021, "remained")},
    ),
]


@pytest.mark.parametrize("text, expected", NEXT_LIST_CASES)
def test_tier_listed_in_next_sentence(nlp, text, expected):
    assert rows(nlp, text) == expected


def test_first_issue_year_is_not_the_report_year(nlp):
    """A year after "first published in" (``first_issue``) is when the series began, not the report
    the text is about: the dateline then dates the tier."""
    text = (
        "KINGSTON, July 2, 2013 - Jamaica was upgraded from the Tier 2 Watch List to Tier 2 in the trafficking "
        "report. First published in 2001, the Trafficking in Persons report comes out every year."
    )
    assert rows(nlp, text) == {("Jamaica", "2WL", 2012, None), ("Jamaica", "2", 2013, "upgraded")}


RANK_CASES = [
    # "the lowest rating" / "the worst level" name Tier 3 by rank (``tiers.jsonl``), only in a
    # sentence that names a report or a tier
    (
        "For the second straight year the United States gave Chad the lowest rating in its 2014 "
        "human-trafficking report.",
        {("Chad", "3", 2014, "remained"), ("Chad", "3", 2013, "remained")},
    ),
    (
        "Chad's cotton exports fell to the lowest level in a decade, officials said of trafficking routes.",
        set(),
    ),
    # "the highest rating" / "the top rank" name Tier 1 by rank, "the second-highest ranking" Tier 2;
    # "top-tier" is "top tier"; not an adjective on a noun ("the top ranking officers")
    (
        "Israel won the highest rating in the 2018 trafficking report.",
        {("Israel", "1", 2018, None)},
    ),
    (
        "Guyana has maintained the top-tier placement in the 2025 Trafficking in Persons report.",
        {("Guyana", "1", 2025, "remained")},
    ),
    (
        "The 2018 trafficking report raised Thailand to the second-highest ranking.",
        {("Thailand", "2", 2018, "upgraded")},
    ),
    (
        "The top ranking officers of Pakistan discussed human trafficking and the 2018 report.",
        set(),
    ),
    # a list phrase that ends at the preposition's object ("among others") adds its countries
    (
        "Malta and Estonia appear on the Tier 2 Watch List of the 2015 trafficking report along with - "
        "among others - Russia and Belarus.",
        {("Malta", "2WL", 2015, None), ("Estonia", "2WL", 2015, None)}
        | {("Russia", "2WL", 2015, None), ("Belarus", "2WL", 2015, None)},
    ),
]


@pytest.mark.parametrize("text, expected", RANK_CASES)
def test_rank_words_and_list_phrases(nlp, text, expected):
    assert rows(nlp, text) == expected
