"""An official's organisation when the title names no body (issue 12): a prosecutor works for the
prosecution service the story names; a minister whose portfolio no gazetteer lists heads the
ministry the story names with a word of that portfolio. Tiny constructed inputs, real pipeline."""

from __future__ import annotations

import pytest
from news_records import officials


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The case was referred to the Public Prosecution on Monday. "
            '"We will press charges against all of them," said Omar Haddad, the public prosecutor.',
            ("Omar Haddad", "public prosecutor", "Public Prosecution"),
        ),
        (
            '"The network recruited women from abroad," stated Chief Prosecutor Laura Pinto. '
            "The Public Prosecutor's Office opened an inquiry last year.",
            ("Laura Pinto", "chief prosecutor", "Public Prosecutor's Office"),
        ),
    ],
)
def test_a_prosecutor_works_for_the_prosecution_service_named(nlp, text, expected):
    assert officials(nlp, text) == {expected}


def test_the_director_of_public_prosecutions_heads_the_office_of_that_name(nlp):
    text = '"Traffickers move their victims quickly," said Mary Walsh, Guyana\'s assistant director of public prosecutions.'
    assert officials(nlp, text) == {
        (
            "Mary Walsh",
            "assistant director of public prosecutions",
            "Office of the Director of Public Prosecutions",
        )
    }


def test_a_judge_is_no_prosecutor(nlp):
    text = (
        "The Public Prosecution charged five men. Judge Karim Nasser of the criminal court said the "
        "prosecutor had shown the evidence."
    )
    assert officials(nlp, text) == {("Karim Nasser", "judge", None)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The gender ministry has brought two women home from Oman. According to gender Minister "
            "John Okello, the women were recruited online.",
            ("John Okello", "minister", "Gender Ministry"),
        ),
        (
            "The Ministry of Gender, Labour and Social Development warned families. State Minister for "
            "Labour and Industrial Relations, Grace Akello, said the girls were promised jobs.",
            ("Grace Akello", "state minister", "Ministry of Gender, Labour and Social Development"),
        ),
        (
            "The Department of Justice published the national plan. Minister of State for Criminal and "
            "Civil Justice Anne Byrne said the plan would help victims.",
            ("Anne Byrne", "minister of state", "Department of Justice"),
        ),
    ],
)
def test_a_minister_heads_the_named_ministry_of_the_portfolio(nlp, text, expected):
    assert officials(nlp, text) == {expected}


def test_a_named_ministry_of_another_portfolio_is_not_taken(nlp):
    text = (
        "The Ministry of Health issued a warning on Monday. Minister for Labour and Industrial "
        "Relations, Peter Ochieng, said recruiters would be checked."
    )
    assert officials(nlp, text) == {("Peter Ochieng", "minister", "Ministry of Labour")}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Minister of National Security Dr. Marcus Bethel in the Senate on Tuesday announced the results.",
            ("Marcus Bethel", "minister", "Ministry of National Security"),
        ),
        (
            "The deal was signed by the Vice Chancellor of University of Karachi Prof. Dr. Saleem Ahmed on Monday.",
            ("Saleem Ahmed", "vice chancellor", "University of Karachi"),
        ),
    ],
)
def test_a_body_the_model_ran_into_the_honorific_of_the_name_ends_before_it(nlp, text, expected):
    assert officials(nlp, text) == {expected}
