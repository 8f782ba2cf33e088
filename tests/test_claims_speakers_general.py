"""Claim speakers in constructions from outlets nobody tuned on: exact (speaker, speaker_kind,
cue) records through the real pipeline (``extractors/nlp/claims/speakers.py``).

Sentences are shortened from unannotated BBC politics and Dawn/APP texts and PolNeAR train.
"""

from __future__ import annotations

import pytest

from extractors.nlp.claims import CLAIMS


def speakers(nlp, text: str) -> list[tuple[str | None, str, str]]:
    return [(c["speaker"], c["speaker_kind"], c["cue"]) for c in nlp(text).user_data[CLAIMS]]


MEMBERS = [
    # people of a party named before their noun are not the party
    (
        "A Conservative activist said the party would win the seat.",
        [("A Conservative activist", "unnamed", "said")],
    ),
    (
        "Three Labour MPs said they would vote against the bill.",
        [("Three Labour MPs", "unnamed", "said")],
    ),
    # a member's title with a place is no organisation
    (
        "The MP for Sittingbourne and Sheppey said the campaign was effective.",
        [("The MP for Sittingbourne and Sheppey", "unnamed", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", MEMBERS)
def test_people_of_a_body_are_not_the_body(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_the_body_itself_still_speaks(nlp):
    assert speakers(nlp, "The Labour Party said the bill was flawed.") == [
        ("Labour Party", "organisation", "said")
    ]


def test_a_definite_member_is_the_person_who_spoke_last(nlp):
    text = (
        "Mr Wyatt predicted the campaign would get under way properly. The MP for Sittingbourne "
        'and Sheppey said Prime Minister Tony Blair had been "trying very hard".'
    )
    assert speakers(nlp, text) == [("Wyatt", "person", "predicted"), ("Wyatt", "person", "said")]


MIXED_QUOTES = [
    # opened straight, closed curly (PolNeAR train, Politico)
    (
        '"You have Cruz, who has been plotting to be president,” Reid said.',
        ["You have Cruz, who has been plotting to be president,"],
    ),
    # opened curly, closed straight, then a straight pair
    (
        '“Our roads are crumbling," she said. "Families endure blackouts."',
        ["Our roads are crumbling,", "Families endure blackouts."],
    ),
    # straight marks inside a curly quotation still pair with each other
    ('“He said "no" to me,” she said.', ['He said "no" to me,']),
]


@pytest.mark.parametrize("text,expected", MIXED_QUOTES)
def test_mixed_quote_marks_close_a_quotation(text, expected):
    from extractors.nlp.claims.spans import quote_spans

    assert [text[a:b] for a, b in quote_spans(text)] == expected


def test_quote_closed_with_the_other_mark_is_attributed(nlp):
    text = (
        'Story\n\n“Immunity deals should not be a requirement for cooperating with the FBI," '
        "Oversight Chairman Jason Chaffetz said in a statement."
    )
    assert speakers(nlp, text) == [("Jason Chaffetz", "person", "said")]


def test_a_sentence_opening_with_its_cue_has_the_source_after_it(nlp):
    text = "Story\n\nThe plan failed. Said one senior official: “We are not going to give up.”"
    assert speakers(nlp, text) == [("one senior official", "unnamed", "Said")]


def test_an_opening_participle_is_no_inverted_cue(nlp):
    text = "Story\n\nAsked if she enjoys a game of ping pong she confesses: “Yeah, I could win too.”"
    assert speakers(nlp, text) == [("she", "unnamed", "confesses")]


BODY_REFS = [
    # "the government" is no party that spoke last: with no government named, the government of
    # the story's country (the party's: claims/anaphora.py home_government)
    (
        "The Pakistan Peoples Party criticised the new tax. Party leader Sherry Rehman said it would "
        "hurt the poor. The government said the tax was needed to meet IMF targets.",
        [
            ("Pakistan Peoples Party", "organisation", "criticised"),
            ("Sherry Rehman", "person", "said"),
            ("Pakistani government", "organisation", "said"),
        ],
    ),
    # the government that spoke before, with its country
    (
        "The UK government is planning to return children to Albania. The Refugee Council said the "
        "plan was cruel. The government said it was addressing the issue.",
        [
            ("The UK government", "unnamed", "is planning"),
            ("Refugee Council", "organisation", "said"),
            ("The UK government", "unnamed", "said"),
        ],
    ),
    # a ministry named before still speaks for "the ministry"
    (
        "The Ministry of Interior issued a notice. The PTI said it would protest. The ministry said "
        "the protest was illegal.",
        [("The PTI", "organisation", "said"), ("Ministry of Interior", "organisation", "said")],
    ),
    # a generic head or a head of the body's kind still takes the body that spoke
    (
        "Human Rights Watch said the law was abused. The organisation said the victims were ignored.",
        [("Human Rights Watch", "organisation", "said"), ("Human Rights Watch", "organisation", "said")],
    ),
    (
        "Sindh Police said the suspects were arrested. The force said they were smugglers.",
        [("Sindh Police", "organisation", "said"), ("Sindh Police", "organisation", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", BODY_REFS)
def test_a_definite_body_is_a_body_of_its_name_or_kind(nlp, text, expected):
    assert speakers(nlp, text) == expected


COUNTED = [
    # people of a body counted are unnamed, never the body (PolNeAR train, BBC politics)
    ("Some Republicans said the plan was flawed.", [("Some Republicans", "unnamed", "said")]),
    (
        "Twenty-six percent of Democrats said the plan was flawed.",
        [("Twenty-six percent of Democrats", "unnamed", "said")],
    ),
    ("Many in the GOP said the plan was flawed.", [("Many in the GOP", "unnamed", "said")]),
    ("Most Gibraltarians say they want to remain British.", [("Most Gibraltarians", "unnamed", "say")]),
    # the body itself and a number in its name still speak as the body
    ("The Tories say the plan was flawed.", [("Conservative Party", "organisation", "say")]),
    ("10 Downing Street said the plan was flawed.", [("Prime Minister's Office", "organisation", "said")]),
]


@pytest.mark.parametrize("text,expected", COUNTED)
def test_counted_members_are_unnamed(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_name_before_a_postnominal_title_in_apposition_is_the_speaker(nlp):
    text = "Health Secretary, John Reid MP, said the figures were wrong."
    assert speakers(nlp, text) == [("John Reid", "person", "said")]


LEAD_TITLES = [
    # a lead's definite title is the holder the story names with that title soon after
    (
        "The interior minister has said the ban will stay. Interior Minister Rehman Malik told "
        "reporters the group was a threat.",
        [("Rehman Malik", "person", "has said"), ("Rehman Malik", "person", "told")],
    ),
    # "the spokesman" is no office: the spokesman named next is not taken for it
    (
        "The spokesman said the plan was sound. Police spokesman Ali Raza said it was a fraud.",
        [("The spokesman", "unnamed", "said"), ("Ali Raza", "person", "said")],
    ),
    # a bare title is too often someone named before; another title with the same head is no match
    (
        "The Chancellor said the plans would cut spending. Shadow chancellor Oliver Letwin said the "
        "figures were wrong.",
        [("The Chancellor", "unnamed", "said"), ("Oliver Letwin", "person", "said")],
    ),
    (
        "The finance minister has urged councils to limit increases. Prime Minister Tony Blair said "
        "councils must act.",
        [("The finance minister", "unnamed", "has urged"), ("Tony Blair", "person", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", LEAD_TITLES)
def test_a_lead_title_is_its_holder_named_next(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_name_in_a_parenthetical_misparsed_as_apposition_is_not_the_speaker(nlp):
    text = (
        "Thomas Frank wrote a book about the party. Democrats, Frank notes, applaud the shrewd "
        "management of the governor."
    )
    assert ("Democratic Party", "organisation", "applaud") in speakers(nlp, text)


TITLE_HEADS = [
    # a rank written before the name (Dawn/APP): "the Admiral" is that person, not a body
    (
        "Chief of the Naval Staff Admiral Naveed Ashraf visited the ships. During interactions, "
        "the Admiral highlighted that Pakistan believes in collaborative efforts for maritime security.",
        ("Naveed Ashraf", "person", "highlighted"),
    ),
    # a title in an apposition after the name
    (
        "Oliver Letwin, the shadow chancellor, spoke on Monday. The shadow chancellor said the "
        "golden rule had turned to dross.",
        ("Oliver Letwin", "person", "said"),
    ),
]


@pytest.mark.parametrize("text,expected", TITLE_HEADS)
def test_a_definite_title_is_the_person_written_with_it(nlp, text, expected):
    assert speakers(nlp, text)[-1] == expected


OTHER_OFFICES = [
    # "the minister" is no prime minister named since, even inside the minister's own claim (Dawn/APP)
    (
        "Railways Minister Hanif Abbasi said the plan was ready. He said that Prime "
        "Minister Shehbaz Sharif had approved it. The minister said trains would run on time.",
        [("Hanif Abbasi", "person", "said")] * 3,
    ),
    # "the commissioner" is no deputy commissioner
    (
        "Commissioner Silwat Saeed chaired a meeting attended by Deputy Commissioner Nadeem Nasir. "
        "The commissioner said illegal schemes would be sealed.",
        [("Silwat Saeed", "person", "said")],
    ),
    # the phrase's own rank word still finds that office
    (
        "Prime Minister Shehbaz Sharif met Finance Minister Muhammad Aurangzeb. The prime minister "
        "said the economy had stabilised.",
        [("Shehbaz Sharif", "person", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", OTHER_OFFICES)
def test_a_bare_title_is_no_title_of_another_office(nlp, text, expected):
    assert speakers(nlp, text) == expected


TITLE_FOR_PORTFOLIO = [
    # "Minister for Railways <name>": the parser hangs the name from "for", yet the officials
    # component gives the name that title, so the name is the minister (Dawn/APP leads)
    (
        "Federal Minister for Railways Hanif Abbasi on Tuesday said the plan was ready.",
        [("Hanif Abbasi", "person", "said")],
    ),
    (
        "Minister for Law and Justice Azam Nazeer Tarar informed the House that the bill was ready.",
        [("Azam Nazeer Tarar", "person", "informed")],
    ),
    # a name that holds no such title stays someone the speaker works for
    (
        "A spokesman for Michael Howard said the plan was ready.",
        [("A spokesman for Michael Howard", "unnamed", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", TITLE_FOR_PORTFOLIO)
def test_a_title_for_a_portfolio_before_the_name_is_that_person(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_body_in_a_title_stays_a_body(nlp):
    """ "the committee" is not "Committee Chairman X": only the title's last word refers."""
    text = (
        "Committee Chairman Syed Naveed Qamar chaired the meeting. The committee said the ministry "
        "should submit its report within a week."
    )
    assert all(s[0] != "Syed Naveed Qamar" for s in speakers(nlp, text) if s[2] == "said")


DOCUMENTS = [
    # documents of other kinds speak as documents (BBC politics, PolNeAR train, Dawn/APP)
    ("The book claims the premier went back on his pledge.", [("The book", "report", "claims")]),
    ('The ad says "nothing will change until we elect new candidates."', [("The ad", "report", "says")]),
    (
        "According to the MoU, NAB officers will receive free training sessions.",
        [("the MoU", "report", "According to")],
    ),
]


@pytest.mark.parametrize("text,expected", DOCUMENTS)
def test_a_document_speaks_as_a_document(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_day_written_after_the_speakers_name_is_no_part_of_it(nlp):
    # Dawn/APP: "Information Minister Attaullah Tarar Tuesday said" (names.py, time_words.txt)
    text = "Information Minister Attaullah Tarar Tuesday said the government would act against smugglers."
    assert speakers(nlp, text) == [("Attaullah Tarar", "person", "said")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # Dawn/APP: a day (and "here on") after an unnamed speaker is no part of the description
        (
            "An ANF Headquarters spokesman here on Monday said the drugs were seized.",
            [("An ANF Headquarters spokesman", "unnamed", "said")],
        ),
        # a day parsed as the subject is no speaker: the statement's issuer is
        (
            "A statement issued by the Inter-Services Public Relations (ISPR) today said: “The claims are false.”",
            [("Inter-Services Public Relations", "organisation", "said")],
        ),
        # a day a participle governs stays with it
        (
            "The guidance published on Tuesday said the rules would change.",
            [("The guidance published on Tuesday", "report", "said")],
        ),
        # a day inside a name stays
        (
            "A second poll for the Independent on Sunday said most voters agreed.",
            [("A second poll for the Independent on Sunday", "report", "said")],
        ),
    ],
)
def test_a_day_written_after_a_speaker_is_no_part_of_it(nlp, text, expected):
    assert speakers(nlp, text) == expected


# Written from constructions met in fresh audit sets c/d and PolNeAR train (issue 12, wt-spk14):
# people named after a title across a comma, documents whose issuer is named, office phrases
# repeated without a name, and epithets for a person the story named.
NAMED_ELSEWHERE = [
    # a title before a comma-apposed name is that person's title ("the minister" is her)
    (
        "State Minister for Labour and Industrial Relations, Esther Anyakun, also raised concern "
        "over the trafficking of girls. The minister highlighted that many victims come from "
        "Eastern Uganda.",
        [("Esther Anyakun", "person", "highlighted")],
    ),
    # a statement from a named body speaks for it, and so does "the statement" after it
    (
        "Police raided the nightclubs, according to a statement from the Internal Security Forces. "
        "The statement added that the women had been forced to work.",
        [
            ("Internal Security Forces", "organisation", "according to"),
            ("Internal Security Forces", "organisation", "added"),
        ],
    ),
    # a document other than the TIP report whose issuer is named speaks for the issuer ...
    (
        "Most of the victims were women, according to a 2010 report by Infosur.",
        [("Infosur", "organisation", "according to")],
    ),
    # ... but a poll stays a document, as a study does
    (
        "A new poll from USA TODAY/Suffolk University found 40% of voters are unsure.",
        [("A new poll from USA TODAY/Suffolk University", "report", "found")],
    ),
    # an office phrase repeated without the name is the person written with all its words
    (
        "About 200 victims of forced labour come back to Kyrgyzstan every year. Deputy Chairman of "
        "the State Migration Service of the Kyrgyz Republic Almazbek Asanbayev told reporters.\n\n"
        "“Most of them are men who were not paid,” Deputy Chairman of the State Migration Service "
        "said.\n\n“Only a few go to court,” Almazbek Asanbayev said.",
        [
            ("Almazbek Asanbayev", "person", "told"),
            ("Almazbek Asanbayev", "person", "said"),
            ("Almazbek Asanbayev", "person", "said"),
        ],
    ),
    # an epithet ("the property tycoon", "the country's top cop") is the person named before it
    (
        "Malik Riaz said he would take part in any arbitration. “We will pay,” the property tycoon added.",
        [("Malik Riaz", "person", "said"), ("Malik Riaz", "person", "added")],
    ),
    (
        "Police busted a ring, acting Police Commissioner McDonald Jacob has confirmed. Speaking by "
        "phone on Saturday, the country’s top cop said trafficking is a big business.",
        [("McDonald Jacob", "person", "has confirmed"), ("McDonald Jacob", "person", "said")],
    ),
]


# a news outlet's phrase is the outlet named in it, and "the paper" the outlet that spoke before
MEDIA = [
    (
        "Myanmar would be demoted, the Reuters news agency reported.",
        [("Reuters", "organisation", "reported")],
    ),
    (
        "The Mirror newspaper said she had been threatened. The paper said police were investigating.",
        [("Mirror", "organisation", "said"), ("Mirror", "organisation", "said")],
    ),
    (
        "Two men were arrested, the Athens News Agency said.",
        [("Athens News Agency", "organisation", "said")],
    ),
]


# the statement or call a speaker spoke in is no part of the speaker, commas or not
SETTINGS = [
    (
        "A ministry spokesperson in a statement said the roads would reopen on Monday.",
        [("A ministry spokesperson", "unnamed", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", SETTINGS)
def test_where_it_was_said_is_no_speaker(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", MEDIA)
def test_news_outlets_speak_by_name(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", NAMED_ELSEWHERE)
def test_speakers_named_elsewhere_in_the_story(nlp, text, expected):
    assert speakers(nlp, text) == expected


# a short form of a person named before, who has not spoken yet (claims/surnames.py): a title
# written as capitals before the surname, a surname the outlet misspelt by one letter; a body
# named before, referred to by the words its name ends in (claims/anaphora.py body_by_name_end)
SHORT_FORMS = [
    (
        "Appearing before the committee, Health Cabinet Secretary Dr. Jane Wanjiru outlined the "
        "plan.\nCS Wanjiru said the ministry would hire more nurses.",
        [("Jane Wanjiru", "person", "said")],
    ),
    (
        "Public Relations Officer Namati Mwelwanshi said the suspects were arrested on Sunday.\n"
        "Meanwhile, Mwelwanshy said the driver had fled.",
        [("Namati Mwelwanshi", "person", "said"), ("Namati Mwelwanshi", "person", "said")],
    ),
    (
        "The Hellenic Coast Guard said on Tuesday that 12 migrants were found on the boat.\n"
        "The coast guard said the boat was confiscated.",
        [("Hellenic Coast Guard", "organisation", "said"), ("Hellenic Coast Guard", "organisation", "said")],
    ),
    # a body's name written again in full is still the body, not a person
    (
        "Exxon Mobil and United Technologies were named in the suit. Exxon Mobil contended in its "
        "letter that the articles were biased.",
        [("Exxon Mobil", "organisation", "contended")],
    ),
]


JUNK_NAMES = [
    # words of a body's name are no person's name (spk13)
    (
        "A spokeswoman for Human Rights Watch said it was a basic principle of law.",
        [("A spokeswoman for Human Rights Watch", "unnamed", "said")],
    ),
    (
        "An official in the General Administration for Combating Human Trafficking revealed that notices were issued.",
        [
            (
                "An official in the General Administration for Combating Human Trafficking",
                "unnamed",
                "revealed",
            )
        ],
    ),
    # words of a title's portfolio or unit are no name: the holder named after them speaks
    (
        "The Head of Government Agencies Monitoring Unit Issa Kato said over 10,000 girls are suffering abroad.",
        [("Issa Kato", "person", "said")],
    ),
    (
        "Busia Gender, Sports, Youths and Culture executive John Mwami said the county was a victim of trafficking.",
        [("John Mwami", "person", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", SHORT_FORMS)
def test_short_forms_of_people_and_bodies_named_before(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_which_on_a_tier_is_no_speaker(nlp):
    text = "No African nations are in Tier 1. In between is Tier 2, which acknowledges national efforts to improve."
    assert speakers(nlp, text) == []


@pytest.mark.parametrize("text,expected", JUNK_NAMES)
def test_words_of_a_body_or_title_are_no_speakers_name(nlp, text, expected):
    assert speakers(nlp, text) == expected


# a person no component resolved, named after a role noun the title lists lack, then by surname
# (PolNeAR train, Politico and Washington Post; the small model tags "Sean Hannity" ORG and
# splits "Deborah Jordan Reynolds" at a GPE): the person, not an organisation (claims/surnames.py)
UNLISTED_PEOPLE = [
    (
        "Fox News host Sean Hannity indicated Tuesday night that any bad blood had abated.\n"
        'Hannity added, "I think Marco is still a rising star."',
        [("Sean Hannity", "person", "indicated"), ("Sean Hannity", "person", "added")],
    ),
    (
        "In an interview, his girlfriend Deborah Jordan Reynolds told The Washington Post that his views changed.\n"
        "Reynolds says the two met in an online meetup group.",
        [("Deborah Jordan Reynolds", "person", "told"), ("Deborah Jordan Reynolds", "person", "says")],
    ),
]


@pytest.mark.parametrize("text,expected", UNLISTED_PEOPLE)
def test_people_no_component_resolved_are_people(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_he_is_not_the_person_the_cue_addresses(nlp):
    # PolNeAR train (Western Journal): the one asked answers; "he told Hannity" is not Hannity
    text = (
        "Donald Trump spoke in Austin on Wednesday.\nHannity asked Trump how high the wall would be.\n"
        '"I think the height could be 35 to 45 feet," he told Hannity.'
    )
    assert [s for s in speakers(nlp, text) if s[2] == "told"] == [("Donald Trump", "person", "told")]


def test_he_is_not_someone_the_story_calls_ms(nlp):
    # BBC politics (unannotated pool): Ms Jowell's deputy speaks; "he" is the deputy, not Jowell
    text = (
        "Tessa Jowell has announced plans to limit the number of new casinos.\n"
        "Ms Jowell's deputy, Richard Caborn, said the government had adopted a cautious approach. "
        '"Limiting the number of regional casinos is a cautious move," he said.'
    )
    assert [s for s in speakers(nlp, text) if s[2] == "said"][-1] == ("Richard Caborn", "person", "said")


def test_the_possessor_of_a_role_is_not_its_holder(nlp):
    # BBC politics (unannotated pool): "Ms Jowell's deputy, Richard Caborn, said" is Caborn
    text = (
        "Tessa Jowell has announced plans to limit the number of new casinos.\n"
        "Ms Jowell's deputy, Richard Caborn, said the government had adopted a cautious approach."
    )
    assert speakers(nlp, text)[-1] == ("Richard Caborn", "person", "said")


def test_a_closed_quote_before_a_sentence_with_its_own_report_goes_on_from_the_claim_before(nlp):
    # BBC: '"B." A spokesman said it was …': the spokesman's cue has its own reported clause, so
    # the quote before it continues Mr Hogg's claim (and the spokesman keeps his own content)
    text = (
        'But Andrew Hogg, spokesman for the Medical Foundation, said ministers had failed. "We '
        'strongly oppose the scheme," said Mr Hogg. "The Medical Foundation has many serious '
        'concerns." A spokesman for the Albanian embassy in London said it was the first it had '
        "heard of a scheme."
    )
    doc = nlp(text)
    got = [(c["speaker"], c["cue"], text[c["start"] : c["end"]]) for c in doc.user_data[CLAIMS]]
    assert got == [
        ("Andrew Hogg", "said", "ministers had failed"),
        ("Andrew Hogg", "said", "We strongly oppose the scheme"),
        ("Andrew Hogg", "said", "The Medical Foundation has many serious concerns"),
        (
            "A spokesman for the Albanian embassy in London",
            "said",
            "it was the first it had heard of a scheme",
        ),
    ]


def test_a_quote_before_its_own_cue_with_no_reported_clause_is_still_that_cues(nlp):
    text = 'The plan failed. "We will try again." Mr Hogg said.'
    assert speakers(nlp, text) == [("Hogg", "person", "said")]


CLOSED_BEFORE_OBJECTS = [
    # BBC run-on quotation, its last paragraph closed with a full stop, then a sentence whose cue
    # has an object or infinitive of its own: the quote goes on from the speaker before it
    (
        'Mr Ballard said: "This vote will set the future of transport in Edinburgh. "Everyone '
        'wants the ballot to be as fair as possible." The ballot will ask residents to vote for '
        "or against the scheme.",
        [
            ("Ballard", "said", "This vote will set the future of transport in Edinburgh"),
            ("Ballard", "said", "Everyone wants the ballot to be as fair as possible"),
            ("The ballot", "will ask", "residents to vote for or against the scheme"),
        ],
    ),
    (
        '"Labour are creating Two Britains," Michael Howard said. "They\'re being squeezed by '
        'extra taxes." The government has announced plans to cut 100,000 civil servants.',
        [
            ("Michael Howard", "said", "Labour are creating Two Britains"),
            ("Michael Howard", "said", "They're being squeezed by extra taxes"),
            ("UK government", "has announced", "plans to cut 100,000 civil servants"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", CLOSED_BEFORE_OBJECTS)
def test_a_closed_quote_before_a_cue_with_its_own_object_goes_on_from_the_claim_before(nlp, text, expected):
    doc = nlp(text)
    assert [(c["speaker"], c["cue"], text[c["start"] : c["end"]]) for c in doc.user_data[CLAIMS]] == expected


LEFT_CLAUSE_SUBJECTS = [
    # the parser made the subject phrase a clause of its own before a subjectless cue
    (
        "Experts invited to the meeting said targeted management actions could help.",
        [("Experts invited to the meeting", "unnamed", "said")],
    ),
    (
        "In order to help protect donkeys from exploitation, Siân Edwards, the campaigns head at "
        "charitable organisation The Donkey Sanctuary, said there is a need to spread awareness of "
        "the skin trade.",
        [("Siân Edwards", "person", "said")],
    ),
    (
        "Majyd Aziz, a former president of the Karachi Chamber of Commerce and Industry, attended "
        "the event and, in an interview, said that there is a need to establish designated factories.",
        [("Majyd Aziz", "person", "said")],
    ),
    # a name in apposition to a nested opening preposition's object
    (
        "In response to Dr Gibbons' comments, Ieuan Wyn Jones, leader of the Plaid Cymru group in "
        'the assembly, said: "It is apparent that this reshuffle is a panic measure."',
        [("Ieuan Wyn Jones", "person", "said")],
    ),
    # a clause with an auxiliary before the cue is content, not the subject
    (
        "The plan would boost energy conservation, says the party - and insulation could save money.",
        [(None, "unnamed", "says")],
    ),
]


@pytest.mark.parametrize("text,expected", LEFT_CLAUSE_SUBJECTS)
def test_a_subject_the_parser_made_a_clause_before_the_cue_speaks(nlp, text, expected):
    assert speakers(nlp, text) == expected


LEAD_DESCRIPTIONS = [
    # a lead's indefinite person is the person the next sentence names as its subject
    (
        'The Conservatives have been "a lot smarter" in the way they have conducted the campaign, '
        "a Labour backbencher has said.\n\nDerek Wyatt said having a five month campaign "
        '"turned off voters".',
        [("Derek Wyatt", "person", "has said"), ("Derek Wyatt", "person", "said")],
    ),
    (
        "The Lib Dems are set for their best results in the local council polls, one of their "
        "frontbenchers has predicted.\n\nLocal government spokesman Ed Davey was speaking as the "
        "party launched its campaign.",
        [("Ed Davey", "person", "has predicted")],
    ),
    # a group in the lead is no person named next
    (
        "The system needs reform, a committee of MPs has said.\n\nJohn Smith said the plans were flawed.",
        [("a committee of MPs", "unnamed", "has said"), ("John Smith", "person", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", LEAD_DESCRIPTIONS)
def test_a_lead_description_is_the_person_named_next(nlp, text, expected):
    assert speakers(nlp, text) == expected


NAMES_AT_THE_EDGE = [
    # a name the officials component did not take, after a possessive or opening the phrase
    (
        'War on Want\'s John Hilary said: "Compassionate rhetoric cannot disguise the reality."',
        [("John Hilary", "person", "said")],
    ),
    (
        "Ashok Vishwanathan of Operation Black Vote said the shortlists were needed.",
        [("Ashok Vishwanathan", "person", "said")],
    ),
    # someone the phrase's head works for is not the speaker
    (
        "A spokesman for Michael Howard said the plan was wrong.",
        [("A spokesman for Michael Howard", "unnamed", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", NAMES_AT_THE_EDGE)
def test_a_name_at_the_edge_of_the_source_is_the_person(nlp, text, expected):
    assert speakers(nlp, text) == expected


COORDINATED = [
    # speakers joined by "and" are the members as written, not the first or last of them
    (
        "Lindsey Graham and David Perdue said the plan was wrong.",
        [("Lindsey Graham and David Perdue", "person", "said")],
    ),
    (
        "Jane and John Doe are suing Twitter. They claim the company benefited.",
        [("Jane and John Doe", "person", "claim")],
    ),
    (
        "Mr Afzal, Mr Islam and Mr Kazi deny the charges.",
        [("Mr Afzal, Mr Islam and Mr Kazi", "person", "deny")],
    ),
    # one name with "and" in it is one body; titles before one name are that person
    (
        "The Ministry of Labor and Employment said 212 workers were released.",
        [("Ministry of Labor and Employment", "organisation", "said")],
    ),
    (
        "Her call was backed by Culture, Media and Sport Secretary Tessa Jowell, who said: "
        '"You would not let your child watch it."',
        [("Tessa Jowell", "person", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", COORDINATED)
def test_speakers_joined_by_and_are_the_members_as_written(nlp, text, expected):
    assert speakers(nlp, text) == expected


PERSONS_PEOPLE = [
    # PolNeAR train/pool: a person's campaign or aides speak as themselves, not as the person
    (
        "Clinton aides said details of her tax plan will be unveiled in the coming weeks.",
        [("Clinton aides", "unnamed", "said")],
    ),
    (
        "Presidential candidate Marco Rubio’s campaign says two dozen senators back him.",
        [("Presidential candidate Marco Rubio’s campaign", "unnamed", "says")],
    ),
    # a phrase the name heads stays that person's
    (
        "Trump campaign spokeswoman Hope Hicks said in a statement that he would win.",
        [("Hope Hicks", "person", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", PERSONS_PEOPLE)
def test_a_persons_campaign_or_aides_are_not_the_person(nlp, text, expected):
    assert speakers(nlp, text) == expected
