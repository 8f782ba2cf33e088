"""Tiers the text does not state as a country's placement (wishes, demands, fears, conditions,
leaving a tier, the UK's visa tiers) and the country a tier in a clause belongs to: exact
(country, tier, report_year, change) rows through the real pipeline, on tiny real-style sentences.

Rules: ``hypothetical`` / ``for_clause`` / ``condition`` / ``negate`` / ``other_tier`` phrases in
``models/patterns/tier_context.csv``, :meth:`TierLinker._hypothetical` and
:func:`~extractors.nlp.components.tier_countries.nearest_country`.
"""

from __future__ import annotations

import pytest

from tests.test_tiers_constructions import rows

CASES = [
    # a wish, demand or fear over the tier's clause (also a 'that' clause) states no placement
    ("Officials fear Thailand will be downgraded to Tier 3 in the trafficking report.", set()),
    ("Rights groups demanded that Thailand be downgraded to Tier 3 in the trafficking report.", set()),
    ("The senators recommended that India be placed on the trafficking report's Tier 2 Watch List.", set()),
    ("Vietnam hopes to reach Tier 1 in the next trafficking report.", set()),
    ("Lawmakers asked the State Department to place Qatar on Tier 3 for human trafficking.", set()),
    ("Thailand deserves to be on Tier 3 for human trafficking, activists said.", set()),
    # 'for' marking an infinitive clause: a demand
    ("Critics called for Malaysia to be downgraded to Tier 3 over human trafficking.", set()),
    # a risk, also where the parser reads "Pakistan risks" as a noun phrase
    ("Pakistan risks being downgraded to Tier 3 in the 2024 trafficking report.", set()),
    # near misses and prospects
    ("Pakistan came close to being downgraded to Tier 3 in the trafficking report.", set()),
    ("Pakistan was warned of a possible downgrade to Tier 3 in the trafficking report.", set()),
    ("The government's aim is Tier 1 status for Pakistan in the trafficking report.", set()),
    ("Tier 1 remains a distant dream for Pakistan in the trafficking report.", set()),
    # a condition on the tier's clause
    ("If Nigeria fails to act on trafficking, it will be placed on Tier 3.", set()),
    ("Ghana will be downgraded to Tier 3 unless it improves its anti-trafficking efforts.", set()),
    # leaving a tier: where the country is not
    ("Pakistan has been off the Tier 2 Watch List of the trafficking report since 2022.", set()),
    ("Pakistan left the Tier 2 Watch List of the trafficking report in 2018.", set()),
    ("Pakistan graduated from the Tier 2 Watch List of the trafficking report.", set()),
    # the UK's visa tiers
    ("Trafficking gangs abused the UK Tier 2 visa scheme.", set()),
    # a plural predicate lists the countries of its subject
    (
        "The US, Canada and Australia are Tier 1 countries in the trafficking report.",
        {("United States", "1", None, None), ("Canada", "1", None, None), ("Australia", "1", None, None)},
    ),
    # a forecast the text states is still a placement
    (
        "The State Department said Malaysia will be upgraded to Tier 2 in the trafficking report.",
        {("Malaysia", "2", None, "upgraded")},
    ),
    # the country of the tier's own clause, not one named in a relative clause beside it
    (
        "Pakistan, which sends workers to Saudi Arabia and the UAE, is on Tier 2 of the trafficking report.",
        {("Pakistan", "2", None, None)},
    ),
    (
        "Victims trafficked from Nepal to India, which is on Tier 2, face abuse.",
        {("India", "2", None, None)},
    ),
    # the subject of the tier's clause, not a country in its apposition
    (
        "Thailand, Malaysia's northern neighbour, remained on the trafficking report's Tier 2 Watch List.",
        {("Thailand", "2WL", None, "remained")},
    ),
    # "respectively" pairs the n-th country with the n-th tier
    (
        "Brunei, Singapore and Malaysia were ranked Tier 2, Tier 1 and Tier 3 respectively in the "
        "trafficking report.",
        {("Brunei", "2", None, None), ("Singapore", "1", None, None), ("Malaysia", "3", None, None)},
    ),
    # the issuer as the subject of a verb with an object is not the country placed
    (
        "The United States kept Pakistan on Tier 2 of its trafficking report.",
        {("Pakistan", "2", None, "remained")},
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_unstated_tiers(nlp, text, expected):
    assert rows(nlp, text) == expected
