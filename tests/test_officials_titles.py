"""Titles as written (issue 12): qualifiers that are part of the role ("Acting Director General"),
names after "TITLE of the AGENCY", roles before ranks. Each test is one general construction on a
made-up sentence of news style, run through the real parser and pipeline, with its exact records.
"""

from __future__ import annotations

from news_records import officials


def test_qualifier_before_the_title_is_part_of_the_role(nlp):
    text = "Acting Director General of the Federal Investigation Agency Khalid Al-Mansoori said the case was closed."
    assert officials(nlp, text) == {
        ("Khalid Al-Mansoori", "acting director general", "Federal Investigation Agency")
    }


def test_qualifier_in_apposition(nlp):
    text = "Tariq Mehmood Khan, the acting director general of the Federal Investigation Agency, said the case was closed."
    assert officials(nlp, text) == {
        ("Tariq Mehmood Khan", "acting director general", "Federal Investigation Agency")
    }


def test_body_before_a_qualified_title(nlp):
    text = "FIA Acting Director General Tariq Mehmood Khan said the case was closed."
    assert officials(nlp, text) == {
        ("Tariq Mehmood Khan", "acting director general", "Federal Investigation Agency")
    }


def test_former_before_a_qualified_title_is_a_past_role(nlp):
    text = "Former Acting Director General Tariq Mehmood Khan said the case was closed."
    assert officials(nlp, text) == set()


def test_former_before_a_body_and_domain_words_is_a_past_role(nlp):
    """ "former State policy planning director X" (PolNeAR train, Politico 2016): the body's name
    between the former cue and the domain words; without "former" the role is current."""
    text = "The plan was published on Monday. Former Oxfam policy director Jane Smith said it would fail."
    assert officials(nlp, text) == set()
    text = "The plan was published on Monday. Oxfam policy director Jane Smith said it would fail."
    assert officials(nlp, text) == {("Jane Smith", "director", "Oxfam")}


def test_appointment_to_a_title_with_its_body_before_it(nlp):
    text = "The government said on Monday that Tariq Mehmood Khan had been appointed FIA Director General."
    assert officials(nlp, text) == {
        ("Tariq Mehmood Khan", "director general", "Federal Investigation Agency")
    }


def test_promotion_to_a_title_with_its_body_before_it(nlp):
    text = "Sara Collins welcomed her promotion to Home Office minister on Monday."
    assert officials(nlp, text) == {("Sara Collins", "minister", "Home Office")}


def test_definite_description_with_its_portfolio_in_the_sentence_before_the_name(nlp):
    text = (
        "The retirement age in Britain should go, the work and pensions minister has said. The government "
        "was considering scrapping it entirely, Sara Collins said. Ms Collins told a conference in London "
        "the plan was ready."
    )
    assert officials(nlp, text) == {("Sara Collins", "minister", "Department for Work and Pensions")}


def test_role_before_a_rank_is_the_title_and_the_force_is_split_out(nlp):
    text = "Jakarta Metro Police Chief Senior Commissioner Budi Santoso said the suspects were arrested on Sunday."
    assert officials(nlp, text) == {("Budi Santoso", "police chief", "Jakarta Metro Police")}


def test_rank_words_after_a_title_are_no_name(nlp):
    text = "Police Chief Adjunct Senior Commissioner Budi Santoso said the suspects were arrested on Sunday."
    assert officials(nlp, text) == {("Budi Santoso", "police chief", None)}


def test_possessive_body_before_the_title(nlp):
    text = "The Senate and the FIA met. NAPTIP's Director-General, Binta Adamu Bello, said the agency had rescued 50 victims."
    assert officials(nlp, text) == {
        (
            "Binta Adamu Bello",
            "director general",
            "National Agency for the Prohibition of Trafficking in Persons",
        )
    }


def test_possessive_body_before_the_title_in_apposition(nlp):
    text = "The Senate and the FIA met. Binta Adamu Bello, NAPTIP's Director-General, said the agency had rescued 50 victims."
    assert officials(nlp, text) == {
        (
            "Binta Adamu Bello",
            "director general",
            "National Agency for the Prohibition of Trafficking in Persons",
        )
    }


def test_permanent_and_principal_secretaries_as_written(nlp):
    text = "The meeting was attended by Principal Secretary Babar Ali Khan and Inspector General of Police Tahir Ahmed."
    assert ("Babar Ali Khan", "principal secretary", None) in officials(nlp, text)


def test_title_with_its_body_right_before_the_next_name_is_that_persons(nlp):
    text = "The delegation was received by Ali Raza Khan, Deputy Minister of Foreign Affairs Yalchin Rafiyev and others."
    assert officials(nlp, text) == {("Yalchin Rafiyev", "deputy minister", "Ministry of Foreign Affairs")}


def test_organisation_after_a_title_is_no_name(nlp):
    text = (
        "Dr Zia-ul-Haq, Director General of the Islamic Research Institute, International Islamic "
        "University, Islamabad stressed the need to reshape attitudes."
    )
    assert all(name != "International Islamic University" for name, _, _ in officials(nlp, text))


def test_titles_kept_whole(nlp):
    """Roles written as one title (models/gold/README.md: "deputy superintendent of police" whole):
    a police commissioner's deputy, a chief prosecutor, Myanmar's state counsellor (an office with
    no body), a USAID mission director."""
    assert officials(nlp, "Ravi Kumar, Deputy Commissioner for Police (Railways), said so.") == {
        ("Ravi Kumar", "deputy commissioner of police", None)
    }
    assert officials(nlp, "The raids went on, stated Chief Prosecutor Pedro Soto.") == {
        ("Pedro Soto", "chief prosecutor", None)
    }
    assert officials(nlp, "State Counsellor Aung San Suu Kyi spoke on Monday.") == {
        ("Aung San Suu Kyi", "state counsellor", None)
    }
    assert officials(nlp, "It was discussed by the USAID Mission Director Jane Brook.") == {
        ("Jane Brook", "mission director", "US Agency for International Development")
    }


def test_name_after_for_the_is_the_body_not_the_holder(nlp):
    """ "a spokesman for the Obama administration": the name qualifies the body the spokesman
    speaks for (PolNeAR train, 2016); the spokesman is the one named."""
    text = (
        "The plan was announced on Monday. Josh Earnest, a spokesman for the Obama administration, "
        "said it would work."
    )
    assert officials(nlp, text) == {("Josh Earnest", "spokesman", None)}
