"""Officials nobody gave a row (issue 12, wt-off8): roles written in constructions other outlets
use. Each test is one construction on a made-up sentence, run through the real pipeline, with its
exact records.
"""

from __future__ import annotations

from extractors.extract import extract_documents
from extractors.parse.news import parse_text


def officials(nlp, text):
    document = parse_text(f"Headline\n\n{text}".encode(), source="test")
    [(_, records)] = list(extract_documents([document], nlp))
    return {(o.name, o.title, o.organisation) for o in records.officials}


def test_an_organisations_chief_before_the_name(nlp):
    text = "Word of the strike from Pentagon chief Pete Hegseth came on Friday."
    assert officials(nlp, text) == {("Pete Hegseth", "chief", "US Department of Defense")}


def test_a_chief_keeps_the_lower_case_noun_before_it(nlp):
    text = "Labour's election chief Alan Milburn said the campaign would focus on the economy."
    assert officials(nlp, text) == {("Alan Milburn", "election chief", "Labour Party")}


def test_a_capitalised_chief_opens_a_longer_title(nlp):
    text = "Chief Guest Dr Ali Khan opened the exhibition on Monday."
    assert officials(nlp, text) == set()


def test_head_of_a_body_after_the_name(nlp):
    text = "Craig Bryan, head of the National Center for Veterans Studies, said it works."
    assert officials(nlp, text) == {("Craig Bryan", "head", "National Center for Veterans Studies")}


def test_chair_of_a_body_after_the_name(nlp):
    text = "Dave Prentis, chair of Unison, said the plans were unfair."
    assert officials(nlp, text) == {("Dave Prentis", "chair", "Unison")}


def test_a_hyphenated_vice_president(nlp):
    text = "Dave Prentis, vice-president of Unison, said the plans were unfair."
    assert officials(nlp, text) == {("Dave Prentis", "vice president", "Unison")}
