"""An official's police force when the text names no force by its name (issue 12): a bare word for
the police at the title, a country's police before it, a police rank in a story about a country
whose police is one national service (models/gazetteers/national_police.csv). One construction per
case, on a sentence of news text through the real pipeline, with its exact records.
"""

from __future__ import annotations

import pytest
from news_records import officials


@pytest.mark.parametrize(
    "text, expected",
    [
        # a country's police before the title: that country's one national police
        (
            "Ghana Police Superintendent Grace Ansah-Akrofi said the children were handed to social "
            "welfare officers in Accra.",
            {("Grace Ansah-Akrofi", "superintendent", "Ghana Police Service")},
        ),
        # a bare "police" before the title (or after "the" in an apposition): the story's force
        (
            "Police spokesperson Kituuma Rusoke said three recruiters were arrested at Entebbe airport "
            "in Uganda.",
            {("Kituuma Rusoke", "spokesperson", "Uganda Police Force")},
        ),
        (
            "Kituuma Rusoke, the police spokesperson, said three recruiters were arrested at Entebbe "
            "airport in Uganda.",
            {("Kituuma Rusoke", "spokesperson", "Uganda Police Force")},
        ),
        # in a Pakistan story the story's force is the province's police
        (
            "Two suspects were arrested in Lahore on Monday. Muhammad Naveed, the police spokesman, "
            "said they were taken to the Civil Lines police station.",
            {("Muhammad Naveed", "spokesman", "Punjab Police")},
        ),
        # "commissioner of police" is a police title: the force of a Nigeria story
        (
            "The suspects were traced by CP Frank Mba, Commissioner of Police in charge of the "
            "anti-fraud unit in Lagos, Nigeria.",
            {("Frank Mba", "commissioner of police", "Nigeria Police Force")},
        ),
        # a police rank whose unit is no force of its own: the country's national police
        (
            "Detective Superintendent Michael Cryan, of the Garda National Protective Services Bureau, "
            "said the raids in Dublin, Ireland, had been planned for months.",
            {("Michael Cryan", "detective superintendent", "An Garda Síochána")},
        ),
    ],
)
def test_force_of_a_police_title(nlp, text, expected):
    assert officials(nlp, text) == expected


def test_apposition_without_its_closing_comma_after_the_opening_name(nlp):
    """The writer left out the comma closing the apposition: the name opening the sentence holds
    the title (not a new subject, as after a list of names: test_claims_world)."""
    text = (
        "Kituuma Rusoke, the Police Spokesperson said three recruiters were arrested at Entebbe "
        "airport in Uganda."
    )
    assert officials(nlp, text) == {("Kituuma Rusoke", "spokesperson", "Uganda Police Force")}


def test_role_reference_after_listed_names_is_not_their_title(nlp):
    text = (
        "The recruits were named as John Okello and Peter Mugisha, the police spokesperson said in Kampala."
    )
    assert all(title is None for _, title, _ in officials(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a qualifier before "Police" and the title: the story's force, the qualifier kept
        (
            "Acting Police Commissioner Ravi Naidu said two recruiters were held in Suva, Fiji.",
            {("Ravi Naidu", "acting commissioner", "Fiji Police Force")},
        ),
        (
            "The women were freed in Trinidad and Tobago, acting Police Commissioner Gary Mohan said.",
            {("Gary Mohan", "acting commissioner", "Trinidad and Tobago Police Service")},
        ),
    ],
)
def test_a_qualifier_before_the_police_word_keeps_the_story_force(nlp, text, expected):
    assert officials(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a unit written as the police's possession folds into the national force
        (
            "Reports say the Fiji Police’s Human Trafficking Unit is keeping watch on the men in Fiji. "
            "The head of the unit, Inspector Sefo Rova, says the victims have helped.",
            {("Sefo Rova", "head", "Fiji Police Force")},
        ),
        # a place's command named as a unit ("North") of a national force folds into it; the
        # first-listed role wins over the rank written before the name
        (
            "In Ho, Ghana, the Volta North Regional Police Commander, Assistant Commissioner of "
            "Police (ACP) Kwame Asante, said the office would help.",
            {("Kwame Asante", "regional police commander", "Ghana Police Service")},
        ),
        # a unit named by its unit word folds into the one force the story names ...
        (
            "Nepal Police rescued five women at the airport. Hari Khadka, the chief of the Kalimati "
            "Police Sector Office, said they were bound for Iraq.",
            {("Hari Khadka", "chief", "Nepal Police")},
        ),
        # ... else into the national force of the story's country (a Trinidad town)
        (
            "Six women were rescued in Chaguanas on Thursday. Cpl Kevin Ali of the "
            "Counter-Trafficking Unit said the raid took eleven hours.",
            {("Kevin Ali", "corporal", "Trinidad and Tobago Police Service")},
        ),
    ],
)
def test_a_unit_of_a_national_force_folds_into_it(nlp, text, expected):
    assert officials(nlp, text) == expected


def test_a_title_in_a_list_keeps_its_own_holder(nlp):
    # "the Chairman, DG X, Director Y": no verb after the name's comma, each keeps the title before it
    text = "The meeting was attended by the Chairman, DG FIA Ahmed Khan, Director Ali Raza and others."
    assert officials(nlp, text) == {
        ("Ahmed Khan", "director general", "Federal Investigation Agency"),
        ("Ali Raza", "director", "Federal Investigation Agency"),
    }


def test_the_titles_own_acronym_is_no_body(nlp):
    # "(COP)" spells the title, not a body: the rank's force is the story's national police
    text = "In Accra, Ghana, Commissioner of Police (COP) Ama Owusu said 41 victims were rescued."
    assert officials(nlp, text) == {("Ama Owusu", "commissioner of police", "Ghana Police Service")}


def test_the_story_country_counts_its_cities_not_only_its_name(nlp):
    """A story set in Kathmandu that names India once (the destination) is Nepal's: its district
    police is a unit of the Nepal Police (country_words.csv places vote like the country's name)."""
    text = (
        "Police in Kathmandu arrested a man who was taking two women to India for sale. Police Inspector"
        " Ram Thapa, spokesperson at the Rupandehi District Police, said the women were returned to Kathmandu."
    )
    assert officials(nlp, text) == {("Ram Thapa", "spokesperson", "Nepal Police")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the police written after the title's "of/for": the story's force
        (
            "Police in Ghana rescued 20 girls in Accra. John Mensah, a spokesman for the police, said they were safe.",
            {("John Mensah", "spokesman", "Ghana Police Service")},
        ),
        # a station after the title's "of" folds into the force
        (
            "Police in Uganda rescued 20 girls. John Okello, Officer in Charge of Namatala Police Station, said so.",
            {("John Okello", "officer in charge", "Uganda Police Force")},
        ),
        (
            "Police in Uganda rescued 20 girls. John Okello, the officer in charge of Namatala police station, said so.",
            {("John Okello", "officer in charge", "Uganda Police Force")},
        ),
    ],
)
def test_the_police_after_the_titles_link_is_the_storys_force(nlp, text, expected):
    assert officials(nlp, text) == expected


def test_a_story_set_in_nepals_districts_is_nepals(nlp):
    """Nepal's districts (country_words.csv) make a story that names India as the destination a
    Nepal story: its district police office folds into Nepal Police."""
    text = (
        "Area Police Office, Mainapokhar, rescued two women from Gulmi and Banke while they were being "
        "trafficked to India. Three girls of Gorkha were trafficked to India last year, according to the "
        "District Police Office, Bardia. Police Inspector Devendra Malla said the network had been broken."
    )
    assert officials(nlp, text) == {("Devendra Malla", "inspector", "Nepal Police")}
