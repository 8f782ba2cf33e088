"""Titles as written from outlets nobody tuned on (issue 12): compound titles kept whole ("Assistant
Chief Constable", "Chief Election Commissioner"), and common titles the table lacked ("Solicitor
General", "Judicial Magistrate", "premier", "chief economist", service chiefs). Each test is one
construction on a made-up sentence, run through the real pipeline, with its exact records.
"""

from __future__ import annotations

from news_records import officials


def test_compound_police_title_is_kept_whole(nlp):
    text = "Assistant Chief Constable Mary Rowe said the march had passed off peacefully."
    assert officials(nlp, text) == {("Mary Rowe", "assistant chief constable", None)}


def test_chief_election_commissioner_is_not_a_commissioner(nlp):
    text = "Chief Election Commissioner Tariq Mehmood Khan issued the directive on Monday."
    assert officials(nlp, text) == {("Tariq Mehmood Khan", "chief election commissioner", None)}


def test_solicitor_general_before_the_name(nlp):
    text = "The answer was prepared with the help of Solicitor General Sara Collins and two officials."
    assert officials(nlp, text) == {("Sara Collins", "solicitor general", None)}


def test_judicial_magistrate_before_the_name(nlp):
    text = "Judicial Magistrate Tariq Mehmood Khan issued the remand order on Monday."
    assert officials(nlp, text) == {("Tariq Mehmood Khan", "judicial magistrate", None)}


def test_premier_after_a_nationality(nlp):
    text = "The talks went on, but Turkish premier Ali Demir had to accept the terms."
    assert officials(nlp, text) == {("Ali Demir", "premier", None)}


def test_chief_economist_with_the_body_before_it(nlp):
    text = '"Growth has stalled," IMF chief economist Sara Collins said on Tuesday.'
    assert officials(nlp, text) == {("Sara Collins", "chief economist", "International Monetary Fund")}


def test_service_chief_with_its_acronym_and_a_rank(nlp):
    text = "Chief of Army Staff (COAS) General Tariq Mehmood Khan vowed to bring the planners to justice."
    assert officials(nlp, text) == {("Tariq Mehmood Khan", "chief of army staff", None)}


def test_party_before_a_portfolio_is_the_organisation(nlp):
    text = "Lib Dem home affairs spokesman Mark Oaten said the plan was dangerous."
    assert officials(nlp, text) == {("Mark Oaten", "spokesman", "Liberal Democrats")}


def test_party_before_a_portfolio_with_and(nlp):
    text = "Tory work and pensions spokesman David Willetts said families would wonder why."
    assert officials(nlp, text) == {("David Willetts", "spokesman", "Conservative Party")}


def test_portfolio_that_names_a_body_wins_over_the_party(nlp):
    text = "Labour Home Secretary Charles Clarke said the law would change."
    assert officials(nlp, text) == {("Charles Clarke", "secretary", "Home Office")}


def test_party_before_a_shadow_office_keeps_the_shadow_title(nlp):
    text = "Tory shadow chancellor Oliver Letwin said the plan was wrong."
    assert officials(nlp, text) == {("Oliver Letwin", "shadow chancellor", "Conservative Party")}


def test_title_of_the_body_noun_then_the_name_in_commas(nlp):
    text = "The chairman of the committee, Tariq Mehmood Khan, said the report was ready."
    assert officials(nlp, text) == {("Tariq Mehmood Khan", "chairman", None)}


def test_title_of_the_noun_without_a_comma_is_not_a_title_before_the_name(nlp):
    text = "President of the session Tariq Mehmood Khan said the poems were fine."
    assert officials(nlp, text) == set()


def test_former_before_a_country_and_a_title_is_a_past_role(nlp):
    text = "Tony Blair met former US President Bill Clinton on Monday."
    assert officials(nlp, text) == set()


def test_former_before_a_state_and_an_abbreviated_title_is_a_past_role(nlp):
    text = "Former Pennsylvania Gov. Ed Rendell agreed that the rules should change."
    assert officials(nlp, text) == set()


def test_country_before_a_title_without_former_is_current(nlp):
    text = "Tony Blair met US President Bill Clinton on Monday."
    assert ("Bill Clinton", "president", None) in officials(nlp, text)


def test_party_before_words_before_a_seat_leaves_the_legislature(nlp):
    text = "Democratic vice presidential nominee Sen. Tim Kaine said the plan was wrong."
    assert officials(nlp, text) == {("Tim Kaine", "senator", "United States Senate")}


def test_title_of_a_state_is_no_national_office(nlp):
    text = '"It is an invasion," Scott Pruitt, the Republican attorney general of Oklahoma, said on Tuesday.'
    assert officials(nlp, text) == {("Scott Pruitt", "attorney general", None)}


def test_title_of_the_country_is_the_national_office(nlp):
    text = "Loretta Lynch, the attorney general of the United States, said the case would be reviewed."
    assert officials(nlp, text) == {("Loretta Lynch", "attorney general", "US Department of Justice")}
