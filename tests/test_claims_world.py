"""Claim speakers on sentences from the world development set (outlets nobody tuned on): exact
(speaker, speaker_kind, cue) records through the real pipeline.

Each text is a sentence or two from a ``models/gold/world_dev.jsonl`` article (or the news gold
set, for what must not change), shortened where the rest does not matter. The rules are in
``extractors/nlp/claims/named.py`` (a name inside a speaker phrase, short forms, written titles)
and ``tip_report.py`` (the TIP report as speaker).
"""

from __future__ import annotations

import pytest

from extractors.nlp.claims import CLAIMS


def speakers(nlp, text: str) -> list[tuple[str | None, str, str]]:
    return [(c["speaker"], c["speaker_kind"], c["cue"]) for c in nlp(text).user_data[CLAIMS]]


NAME_IN_PHRASE = [
    (
        "Mr Ambrose Dery, Minister for the Interior, has said Ghana has made a lot of in-roads. "
        "He said the success was real. The minister said the ratings improved. "
        "Mr Dery said it was fine.",
        [
            ("Ambrose Dery", "person", "has said"),
            ("Ambrose Dery", "person", "said"),
            ("Ambrose Dery", "person", "said"),
            ("Ambrose Dery", "person", "said"),
        ],
    ),
    (
        "BP2MI's Main Secretary, Rinardi, said the thwarting attempt was after the team conducted "
        "a surprise inspection.",
        [("Rinardi", "person", "said")],
    ),
    (
        "Labour’s Jess Phillips, shadow minister for safeguarding, said our analysis shows “just how "
        "bleak the government’s failures on modern slavery are”. She added that it was bad.",
        [("Jess Phillips", "person", "said"), ("Jess Phillips", "person", "added")],
    ),
    (
        "Minister for Gender, Children and Social Protection, Nana Oye Lithur, has admitted the "
        "government is faced with challenges. She noted despite the challenges, the government is "
        "working hard.",
        [("Nana Oye Lithur", "person", "has admitted"), ("Nana Oye Lithur", "person", "noted")],
    ),
    (
        '"We reject judgemental approach by a foreign government," external affairs ministry '
        "spokesperson Navtej Sarna said in response to a question.",
        [("Navtej Sarna", "person", "said")],
    ),
    (
        "Acting Director General of the Public Authority of Manpower Rabab Al-Osaimi described the "
        "Tier 2 designation as the result of solemn efforts.",
        [("Rabab Al-Osaimi", "person", "described")],
    ),
    # a name after a preposition, in a clause, in a hyphenated word or glued to a body's name is
    # not the speaker (news_dev2 and unannotated Dawn/APP and BBC articles)
    (
        "A spokesman for Mr Blair said the Prime Minister expected the conference to discuss it.",
        [("A spokesman for Mr Blair", "unnamed", "said")],
    ),
    (
        "A spokesman for Michael Howard said Mr Jackson's views were very different.",
        [("A spokesman for Michael Howard", "unnamed", "said")],
    ),
    (
        "The National Assembly Special Committee on Gender Mainstreaming, led by Chairperson Dr. "
        "Nafisa Shah, has called for the immediate appointment of Chairpersons.",
        [("National Assembly Special Committee on Gender Mainstreaming", "organisation", "has called for")],
    ),
    (
        "A spokesperson for FIA Gujranwala said three suspects were arrested.",
        [("A spokesperson for FIA Gujranwala", "unnamed", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", NAME_IN_PHRASE)
def test_name_inside_the_speaker_phrase(nlp, text, expected):
    assert speakers(nlp, text) == expected


WRITTEN_TITLES = [
    (
        "Tory leader Michael Howard arrived in Leeds on Monday. Mr Brown's Budget was \"all about the "
        'interests of the Labour party," the Tory leader said.',
        [("Michael Howard", "person", "said")],
    ),
    (
        "“We will show no mercy in running after each one of you,” DOJ Secretary Jesus Crispin "
        "Remulla said. According to the official, the Philippines’ commitment to combat human "
        "trafficking remains an integral part of the brand of government.",
        [("Jesus Crispin Remulla", "person", "said"), ("Jesus Crispin Remulla", "person", "According to")],
    ),
    # the reference's own apposition is no written title of the name before it (news gold)
    (
        "A spokesman for FIA said two smugglers were arrested. The arrested suspects were identified "
        "as Farrukh Abbas and Muhammad Azam Cheema, the spokesman said.",
        [("A spokesman for FIA", "unnamed", "said"), ("A spokesman for FIA", "unnamed", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", WRITTEN_TITLES)
def test_role_reference_to_the_person_with_that_title(nlp, text, expected):
    assert speakers(nlp, text) == expected


TIP_REPORT = [
    (
        "Bangladesh has made key progress to combat human trafficking, said the 2022 Trafficking in "
        "Persons Report published by the US Department of State.",
        [("report", "report", "said")],
    ),
    (
        "The State Department's 2020 Trafficking in Persons Report said the country had made key "
        "achievements in the last 12 months.",
        [("report", "report", "said")],
    ),
    (
        "India was placed on Tier 2 in the TIP report. Bangladesh is making significant efforts, "
        "according to the US government's annual report ranking countries on their anti-trafficking "
        "standards. The US Department of State said it was fine.",
        [("report", "report", "according to"), ("US Department of State", "organisation", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", TIP_REPORT)
def test_tip_report_speaks_not_its_issuer(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_heading_line_and_dateline_are_not_the_speaker(nlp):
    text = (
        "US trafficking report credits Thailand but progress mixed\nBANGKOK — Thailand’s military "
        "government praised the U.S. State Department’s decision to upgrade the country."
    )
    assert speakers(nlp, text) == [("Thailand’s military government", "unnamed", "praised")]


def test_object_that_only_points_at_a_statement_is_no_claim(nlp):
    text = (
        "The Hong Kong government strongly opposes this assessment. Agnes Magpale confirmed this. "
        "Europe disputes the claim. Officials confirmed both actions."
    )
    assert speakers(nlp, text) == [("Officials", "unnamed", "confirmed")]


def test_surname_takes_the_fuller_name_written_before(nlp):
    text = (
        "BP2MI deputy for Europe and the Middle East, I Ketut Suardana, visited Tangerang on "
        "Wednesday. According to Suardana, the workers were all women. Lord Woolf arrived. "
        "Woolf said the rules were not written down."
    )
    assert speakers(nlp, text) == [
        ("I Ketut Suardana", "person", "According to"),
        ("Woolf", "person", "said"),
    ]


def test_the_charity_is_the_ngo_named_before(nlp):
    text = (
        "The gang was exposed by the charity Hope for Justice. The charity believes there could "
        "have been up to 400 victims."
    )
    assert speakers(nlp, text) == [("Hope for Justice", "organisation", "believes")]


def test_topic_participle_opening_a_reporting_sentence_is_no_claim(nlp):
    # world_dev (Ghana): "Commenting on the report …, X said": the participle names what was
    # talked about; "said" is the claim. "Citing X, Y said" stays two claims (PolNeAR annotates
    # the citing: 3 of 4 openings in train/dev).
    text = (
        "Commenting on the report on TV3's New Day Monday, Mr Ambrose Dery said that the "
        "government has put in place numerous measures. Responding to a question, he said the "
        "figures were wrong. Citing the TIP report, the IACAT said that only 33 countries "
        "obtained the Tier 1 ranking."
    )
    assert speakers(nlp, text) == [
        ("Ambrose Dery", "person", "said"),
        ("Ambrose Dery", "person", "said"),
        ("Inter-Agency Council Against Trafficking", "organisation", "Citing"),
        ("Inter-Agency Council Against Trafficking", "organisation", "said"),
    ]


HONORIFICS_AND_POLICE_RANKS = [
    # Malaysian honours and Thai police ranks are not part of the name (world definitions:
    # "Dato', Datuk Seri, Pol Col, Lt Gen … dropped"; models/patterns/honorifics.txt)
    (
        "Immigration director-general Datuk Seri Ahmad Yusof said his officers raided a flat. "
        "Ahmad Yusof said the workers were blacklisted.",
        [("Ahmad Yusof", "person", "said"), ("Ahmad Yusof", "person", "said")],
    ),
    (
        "Pol Lt Gen Somchai Wongsawat visited the border district on Monday. "
        "He said police arrested 12 suspects.",
        [("Somchai Wongsawat", "person", "said")],
    ),
    # British and Irish detective ranks are titles ("Detective Superintendent", "Det Supt"), so the
    # first name after them stays in the name and the short form resolves to it
    (
        "Detective Superintendent Mary Kelly, of the national bureau, said there were more victims. "
        "Det Supt Kelly said the raids targeted buyers.",
        [("Mary Kelly", "person", "said"), ("Mary Kelly", "person", "said")],
    ),
]


@pytest.mark.parametrize("text,expected", HONORIFICS_AND_POLICE_RANKS)
def test_honours_and_police_ranks_are_not_names(nlp, text, expected):
    assert speakers(nlp, text) == expected


NAME_BESIDE_TITLE = [
    # a title acronym of South Asian police ("SDPO") is a title, so the place before it is no name
    (
        "Kutra SDPO Ravi Mohanty said a complaint was received. The SDPO said more arrests would follow.",
        [("Ravi Mohanty", "person", "said"), ("Ravi Mohanty", "person", "said")],
    ),
    # a title and its station, no name: the word is a place elsewhere in the text
    (
        "Police raided a hostel in Patna on Sunday. Deputy Superintendent of Police Patna said "
        "that 10 women were detained.",
        [("Deputy Superintendent of Police Patna", "unnamed", "said")],
    ),
    # a place the model took for a name before the title does not outrank the titled person
    (
        "It was a raid, said Gauteng provincial spokesperson for the Hawks, Captain Sipho Dlamini.",
        [("Sipho Dlamini", "person", "said")],
    ),
    # a title in apposition before the name and the rank acronym: "the commander" is that person
    (
        "The District Police Commander, ASP Kwame Mensah, confirmed the arrest. According to the "
        "Commander, the victims were lured. The commander explained that the suspects fled.",
        [
            ("Kwame Mensah", "person", "confirmed"),
            ("Kwame Mensah", "person", "According to"),
            ("Kwame Mensah", "person", "explained"),
        ],
    ),
    # the parser leaves the name outside the source, across a comma, before or after the title
    (
        "John Okello, the Police Spokesperson said the victims were intercepted at 9pm.",
        [("John Okello", "person", "said")],
    ),
    (
        "According to the Navy's Director of Information, Commodore Adedotun Ayo-Vaughan the "
        "rescue was made at night.",
        [("Adedotun Ayo-Vaughan", "person", "According to")],
    ),
]


@pytest.mark.parametrize("text,expected", NAME_BESIDE_TITLE)
def test_the_named_holder_of_a_title_speaks(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_two_capitals_before_a_name_are_initials(nlp):
    # Indian names are often written with initials ("KV Raman"); a body's acronym before a name
    # word ("UN Women") or a title acronym ("FIA DG") is none (extractors/nlp/claims/named.py)
    from extractors.nlp.claims.named import _name_token

    def names(text):
        return [t.text for t in nlp(text) if _name_token(t, set())]

    assert names("The raid was led by KV Raman, the deputy superintendent.") == ["KV", "Raman"]
    assert "UN" not in names("UN Women and the IOM met.")
    assert names("The FIA DG spoke.") == []


def contents(nlp, text: str) -> list[tuple[str | None, str, str]]:
    return [(c["speaker"], c["cue"], text[c["start"] : c["end"]]) for c in nlp(text).user_data[CLAIMS]]


def test_quote_in_the_paragraph_after_a_blank_line_continues_its_speaker(nlp):
    # world_dev (Hawks, South Africa): web text puts a blank line between paragraphs; a quote
    # opening the next paragraph after "“A,” X said." is a claim of its own with X's speaker and
    # cue, as when paragraphs are one line apart (extractors/nlp/claims/quotes.py, _para_of)
    text = (
        "“Search warrants were served at two guesthouses,” Hawks spokesperson Hangwani Mulaudzi said."
        "\n\n“Another operation also led to a closure of a house in Kuruman.\n\n"
        "“Seven victims were rescued in Rustenburg.”"
    )
    assert contents(nlp, text) == [
        ("Hangwani Mulaudzi", "said", "Search warrants were served at two guesthouses"),
        ("Hangwani Mulaudzi", "said", "Another operation also led to a closure of a house in Kuruman"),
        ("Hangwani Mulaudzi", "said", "Seven victims were rescued in Rustenburg"),
    ]


def test_quote_over_paragraphs_attributed_at_its_end(nlp):
    # a quotation over several paragraphs opens each one and closes only the last, where its
    # attribution stands: every part has that speaker and cue (world_dev, Hawks Western Cape:
    # "“A. “B,” Hani said." in one paragraph is two gold claims of Hani)
    text = (
        "Police said they received a tip about girls at a bus stand.\n\n"
        "“During questioning, it emerged that the girls were being trafficked.\n\n"
        "“The minor girls have been sent for counselling,” police said."
    )
    assert contents(nlp, text) == [
        ("Police", "said", "they received a tip about girls at a bus stand"),
        ("police", "said", "During questioning, it emerged that the girls were being trafficked"),
        ("police", "said", "The minor girls have been sent for counselling"),
    ]
    text = (
        "This comes after a victim was rescued. “The suspect was arrested at a house in Kraaifontein. "
        "“Preliminary investigation found that the four are not victims,” Warrant Officer Zinzi Hani said."
    )
    assert speakers(nlp, text) == [("Zinzi Hani", "person", "said"), ("Zinzi Hani", "person", "said")]


def test_attribution_at_the_end_of_a_quotation_wins_over_the_claim_before_it(nlp):
    # the paragraph before the quotation asks the question; the answer's speaker is the one
    # written after the quotation ends, not the asking's
    text = (
        "At the presser, Lt Gen Ahmed Sharif Chaudhry was asked whether the rules had changed.\n\n"
        "“Terrorists will be dealt with as they deserve, wherever they are.\n\n"
        "“We will take them on, their facilitators and their abettors,” he responded."
    )
    assert [(s, c) for s, c, _ in contents(nlp, text)] == [
        (None, "was asked"),
        ("Ahmed Sharif Chaudhry", "responded"),
        ("Ahmed Sharif Chaudhry", "responded"),
    ]


def test_the_subject_of_was_quoted_as_saying_speaks(nlp):
    # "X was quoted (by Y) as saying …": X is the speaker, the medium only carried the words
    # (claim_lexicon quoting_passives); also after a quotation ("“…,” X, head of Y, was quoted as
    # saying by state media"), which had no claim before
    assert speakers(nlp, "Punjab IG Usman Anwar was quoted as saying that the police were a wall.") == [
        ("Usman Anwar", "person", "saying")
    ]
    text = "Deputy foreign minister Grigory Karasin was cited by Interfax as saying that talks went well."
    assert speakers(nlp, text) == [("Grigory Karasin", "person", "saying")]
    text = (
        "“This is the biggest case that the national police have uncovered,” Herry Nahak, head of "
        "the criminal investigation unit, was quoted as saying by Indonesian media."
    )
    assert speakers(nlp, text) == [("Herry Nahak", "person", "saying")]


def test_quote_right_after_a_reported_statement_is_its_speakers(nlp):
    # a quotation with no cue of its own that opens a sentence right after a reported statement,
    # in its paragraph or on the next line, is a claim of its own with that statement's speaker
    # and cue (fresh gold a, Uganda; b, Canada; world_dev, Labour spokesman)
    text = (
        "Chairman John Okot said that over 50 girls had been rescued this season. “We trailed them "
        "from their offices. We saw who was doing what.”"
    )
    assert contents(nlp, text) == [
        ("John Okot", "said", "over 50 girls had been rescued this season"),
        ("John Okot", "said", "We trailed them from their offices. We saw who was doing what."),
    ]
    text = (
        "Inspector Mary Kato said red flags include signs of physical abuse.\n"
        "“Also, if someone cannot produce their own papers, that is a sign of control.”"
    )
    assert [(s, c) for s, c, _ in contents(nlp, text)] == [("Mary Kato", "said"), ("Mary Kato", "said")]


def test_quote_after_a_break_or_a_stress_is_not_the_reported_speakers(nlp):
    # after a blank line or another sentence a quotation is as often another source's
    text = "Inspector Mary Kato said red flags include signs of abuse.\n\n“The victims were held for months.”"
    assert [(s, c) for s, c, _ in contents(nlp, text)] == [("Mary Kato", "said")]
    text = (
        "Inspector Mary Kato said red flags include signs of abuse. The suspects fled to the border "
        "on Monday. “The victims were held for months.”"
    )
    assert [(s, c) for s, c, _ in contents(nlp, text)] == [("Mary Kato", "said")]
    # a verb of stressing is no statement the quote goes on from (claim_lexicon quote_lead_cues)
    text = (
        "The minister emphasized that the issue is not just economic but also social. “We need "
        "collective cooperation from all provinces.”"
    )
    assert [c for _, c, _ in contents(nlp, text)] == ["emphasized"]
