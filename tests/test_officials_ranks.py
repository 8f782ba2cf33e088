"""Ranks as titles (issue 12): a police or military rank before the name of a person with no
other role is the title (``patterns/ranks.csv``); a role written before the rank wins; retired,
former and ambiguous ranks give none. Made-up sentences of news style through the real pipeline.
"""

from __future__ import annotations

from extractors.extract import extract_documents
from extractors.parse.news import parse_text


def officials(nlp, text):
    document = parse_text(f"Headline\n\n{text}".encode(), source="test")
    [(_, records)] = list(extract_documents([document], nlp))
    return {(o.name, o.title, o.organisation) for o in records.officials}


def test_rank_alone_is_the_title(nlp):
    text = "Brigadier General Romeo Santos said the victims were rescued on Monday."
    assert officials(nlp, text) == {("Romeo Santos", "brigadier general", None)}


def test_abbreviated_rank_with_the_body_after_the_name(nlp):
    text = "Lt. Col. Ahmed Raza of the Pakistan Army said the border was sealed."
    assert officials(nlp, text) == {("Ahmed Raza", "lieutenant colonel", "Pakistan Army")}


def test_military_rank_takes_a_police_force_named_in_the_sentence(nlp):
    text = "According to Lieutenant Colonel Sipho Mabuza, the arrest came after the Hawks received a tip-off."
    assert officials(nlp, text) == {
        ("Sipho Mabuza", "lieutenant colonel", "Directorate for Priority Crime Investigation")
    }


def test_role_written_before_the_rank_wins(nlp):
    text = "Director General Inter Services Public Relations (ISPR) Lieutenant General Asim Tariq said the strikes had stopped."
    assert ("Asim Tariq", "director general", "Inter-Services Public Relations") in officials(nlp, text)


def test_retired_and_former_ranks_are_no_role(nlp):
    text = "Lt Gen (retd) Asad Mehmood said the talks had failed. Former British commander Colonel Tom Hardy agreed."
    assert officials(nlp, text) == set()


def test_ambiguous_rank_needs_its_force(nlp):
    text = "Captain Jeremy Bates has picked two young players. Capt. John Reyes of the Houston Police Department said the suspects were arrested."
    assert officials(nlp, text) == {("John Reyes", "captain", "Houston Police Department")}


def test_post_before_a_rank_is_the_role(nlp):
    text = "Joint Task Force Commander Brigadier General Romeo Santos said the victims were safe."
    assert officials(nlp, text) == {("Romeo Santos", "commander", None)}


def test_and_does_not_carry_an_earlier_title_to_a_ranked_name(nlp):
    text = "He thanked the PM and Army Chief General Syed Asim Karim for their efforts."
    assert officials(nlp, text) == {("Syed Asim Karim", "general", None)}
