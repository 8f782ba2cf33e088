"""Officials nobody gave a row (issue 12, wt-off8): roles written in constructions other outlets
use. Each test is one construction on a made-up sentence, run through the real pipeline, with its
exact records.
"""

from __future__ import annotations

from news_records import officials


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


def test_a_role_stated_with_is(nlp):
    text = "The talks went on. Ali Khan is the director general of the FIA, officials said."
    assert officials(nlp, text) == {("Ali Khan", "director general", "Federal Investigation Agency")}


def test_a_role_in_a_relative_clause_on_the_name(nlp):
    text = "The talks went on. Ali Khan, who is the director of the FIA, said the case was closed."
    assert officials(nlp, text) == {("Ali Khan", "director", "Federal Investigation Agency")}


def test_is_a_former_or_first_holder_is_no_role(nlp):
    text = (
        "The talks went on. Ali Khan is a former minister and runs a farm. "
        "Mr Scrushy is the first chief executive to be tried under the act."
    )
    assert officials(nlp, text) == set()


def test_a_former_cue_before_a_compound_title(nlp):
    text = 'The BBC should stop "demonising" ex-Downing Street media chief Alastair Campbell, he said.'
    assert officials(nlp, text) == set()


def test_chief_before_a_lower_case_word_opens_a_longer_title(nlp):
    text = "The talks went on. Yukos owns a house owned by its chief finance officer Bruce Misamore."
    assert officials(nlp, text) == set()


def test_a_title_ending_the_sentence_before_is_not_the_names(nlp):
    text = "The board met the agency's chief. Ali Khan said the talks went well."
    assert officials(nlp, text) == set()


def test_msp_and_mep_with_their_party_or_their_parliament(nlp):
    text = (
        "The talks went on. Labour MSP Christine May said the vote was a disgrace. "
        "MEP Caroline Lucas welcomed the plan."
    )
    assert officials(nlp, text) == {
        ("Christine May", "member of the scottish parliament", "Labour Party"),
        ("Caroline Lucas", "member of the european parliament", "European Parliament"),
    }


def test_chief_of_the_naval_staff_and_its_service(nlp):
    text = "The talks went on in Islamabad. Chief of the Naval Staff Admiral Naveed Ashraf visited Karachi."
    assert officials(nlp, text) == {("Naveed Ashraf", "chief of naval staff", "Pakistan Navy")}


def test_a_chief_of_staff_with_the_office_before_it(nlp):
    text = "The talks went on. Downing Street chief of staff Jonathan Powell visited the base on Monday."
    assert officials(nlp, text) == {("Jonathan Powell", "chief of staff", "Prime Minister's Office")}


# wt-off19: officials found but given no role (fresh a-d: 42 named officials missed entirely)


def test_a_title_phrase_before_the_name_and_its_comma(nlp):
    text = (
        "Director of the Counter Trafficking Directorate in the Ministry of Interior, Brigadier "
        "Ali Hassan, told reporters the unit had grown."
    )
    assert officials(nlp, text) == {("Ali Hassan", "director", "Counter Trafficking Directorate")}


def test_a_title_phrase_after_its_bodys_possessive(nlp):
    text = "Interpol’s executive director of police services, John Brown, said the network was large."
    assert officials(nlp, text) == {
        ("John Brown", "executive director", "International Criminal Police Organization")
    }


def test_public_relations_officer_before_the_name(nlp):
    text = "Public Relations Officer Jane Phiri said the suspects were arrested on Sunday."
    assert officials(nlp, text) == {("Jane Phiri", "public relations officer", None)}


def test_a_unit_after_the_title_is_no_name_when_the_holder_follows(nlp):
    text = "The AFP’s National Manager Serious Crime, Jane Smith, said the case was closed."
    assert officials(nlp, text) == {("Jane Smith", "national manager", None)}


def test_a_lower_case_cased_title_with_its_body_after_the_name(nlp):
    text = "The women were rescued in March, said John Brown, an inspector with the York Regional Police, on Monday."
    assert officials(nlp, text) == {("John Brown", "inspector", "York Regional Police")}


def test_a_lower_case_cased_title_without_a_body_is_a_description(nlp):
    text = "The boy was found on Tuesday, said John Brown, a member of the public, on Monday."
    assert officials(nlp, text) == set()


def test_a_countrys_possessive_before_the_title_after_the_name(nlp):
    text = "“Isolated farms hide victims,” said Mary Jones, Guyana’s assistant director of public prosecutions, on Monday."
    # the title implies its body (models/gold/README.md): the Office of the Director of Public Prosecutions
    assert officials(nlp, text) == {
        (
            "Mary Jones",
            "assistant director of public prosecutions",
            "Office of the Director of Public Prosecutions",
        )
    }


def test_a_police_rank_takes_the_storys_one_force(nlp):
    text = "The RCMP charged two men on Friday. “It is grave,” Supt. John Brown told reporters."
    assert officials(nlp, text) == {("John Brown", "superintendent", "Royal Canadian Mounted Police")}


def test_a_ranked_name_shares_the_force_of_the_ranked_name_joined_to_it(nlp):
    text = "Sgt Ali Hassan and Cpl Bilal Ahmed of the Counter-Trafficking Unit co-ordinated the exercise."
    assert officials(nlp, text) == {
        ("Ali Hassan", "sergeant", "Counter-Trafficking Unit"),
        ("Bilal Ahmed", "corporal", "Counter-Trafficking Unit"),
    }


def test_a_title_and_its_body_right_before_the_name(nlp):
    text = "The speech was read on his behalf by a deputy secretary in the ministry Ali Hassan."
    assert officials(nlp, text) == {("Ali Hassan", "deputy secretary", None)}


def test_no_title_of_a_body_when_only_a_link_precedes_the_name(nlp):
    text = "A spokesman for Michael Howard said it was not surprising."
    assert officials(nlp, text) == set()
