"""Rules for officials, agencies and tiers on tiny news documents, each with its exact records.

Each test is one rule of ``models/`` (titles, portfolios, honorifics, role cues, acronyms, not-agencies,
tier variants and context) on a document of a sentence or two, run through the real parser and
pipeline. Model quality on real articles is pinned separately (``tests/test_floor_news.py``).
"""

from __future__ import annotations

import pytest

from extractors.extract import extract_documents
from extractors.nlp.components.officials import PRONOUN_AT, ROLE_AT, UNNAMED, UNNAMED_AT
from extractors.parse.news import parse_text


def run(nlp, text: str):
    document = parse_text(text.encode("utf-8"), source="test")
    [(document, records)] = list(extract_documents([document], nlp))
    return document, records


def officials(nlp, text):
    return {(o.name, o.title, o.organisation) for o in run(nlp, text)[1].officials}


def agencies(nlp, text):
    return {(a.name, a.acronym, a.kind) for a in run(nlp, text)[1].agencies}


def tiers(nlp, text):
    return [(t.country, t.tier, t.report_year) for t in run(nlp, text)[1].tier_placements]


# -- officials: titles before and after names, portfolios, honorifics -----------------------------


def test_portfolio_title_before_name(nlp):
    text = "Headline\n\nISLAMABAD: Interior Minister Mohsin Naqvi chaired a meeting on Monday."
    assert officials(nlp, text) == {("Mohsin Naqvi", "minister", "Ministry of Interior")}


def test_title_for_portfolio_before_name(nlp):
    text = (
        "Headline\n\nMinister for Law and Justice Azam Nazir Tarar tabled the bills in the Senate on Friday."
    )
    assert officials(nlp, text) == {("Azam Nazir Tarar", "minister", "Ministry of Law and Justice")}


def test_portfolio_is_not_part_of_the_name(nlp):
    text = "Headline\n\nMinister of State for Overseas Pakistanis Aun Chaudhry on Saturday said the government would help."
    assert officials(nlp, text) == {
        (
            "Aun Chaudhry",
            "minister of state",
            "Ministry of Overseas Pakistanis and Human Resource Development",
        )
    }


def test_apposition_with_agency_and_acronym(nlp):
    text = (
        "Headline\n\nAhmad Ishaque Jehangir, the director general of the Federal Investigation Agency (FIA), "
        "noted that trafficking was a crime."
    )
    _, records = run(nlp, text)
    assert [(o.name, o.title, o.organisation, o.organisation_acronym) for o in records.officials] == [
        ("Ahmad Ishaque Jehangir", "director general", "Federal Investigation Agency", "FIA")
    ]


def test_agency_premodifier_and_honorific_dropped(nlp):
    text = (
        "Headline\n\nNational Police Bureau Director General Dr Ehsan Sadiq emphasised the need for training."
    )
    assert officials(nlp, text) == {("Ehsan Sadiq", "director general", "National Police Bureau")}


def test_syed_is_part_of_the_name(nlp):
    text = "Headline\n\nSSDO Executive Director Syed Kausar Abbas highlighted the work of the Sustainable Social Development Organization (SSDO)."
    assert officials(nlp, text) == {
        ("Syed Kausar Abbas", "executive director", "Sustainable Social Development Organization")
    }


def test_mr_and_ms_are_dropped(nlp):
    text = (
        "Headline\n\nDG FIA Mr. Riffat Mukhtar appreciated the support of the International Organization "
        "for Migration. Ms Mio Sato, Chief of Mission of the IOM, said the agency would help."
    )
    assert officials(nlp, text) == {
        ("Riffat Mukhtar", "director general", "Federal Investigation Agency"),
        ("Mio Sato", "chief of mission", "International Organization for Migration"),
    }


def test_ranks_are_dropped_and_generic_rangers_resolve(nlp):
    text = (
        "Headline\n\nKARACHI: The minister visited the Pakistan Rangers Sindh headquarters. He met Director "
        "General of Rangers Major General Muhammad Shamraiz and praised the Rangers."
    )
    assert officials(nlp, text) == {("Muhammad Shamraiz", "director general", "Pakistan Rangers Sindh")}
    assert agencies(nlp, text) == {("Pakistan Rangers Sindh", None, "police")}


def test_former_title_does_not_count(nlp):
    text = (
        "Headline\n\nThe meeting was held under the chairmanship of AML-CTF Authority chairman and former "
        "Inspector General of Police Mushtaq Sukhera on Saturday."
    )
    assert officials(nlp, text) == {("Mushtaq Sukhera", "chairman", "AML-CTF Authority")}


def test_coordinated_appositions_share_the_body_named_last(nlp):
    text = (
        "Headline\n\nThe meeting was also attended by Muhammad Arshad, Director General (IC), and Muhammad Arif "
        "Leghari, Director (IC), MoHR."
    )
    assert officials(nlp, text) == {
        ("Muhammad Arshad", "director general", "Ministry of Human Rights"),
        ("Muhammad Arif Leghari", "director", "Ministry of Human Rights"),
    }


def test_adviser_to_the_prime_minister_is_an_adviser(nlp):
    text = "Headline\n\nThe meeting was attended by Advisor to PM Rana Sanaullah."
    assert officials(nlp, text) == {("Rana Sanaullah", "adviser", None)}
    text = "Headline\n\nIn 2013 he served as spokesperson to President Asif Ali Zardari."
    assert officials(nlp, text) == {("Asif Ali Zardari", "president", None)}


def test_former_before_a_portfolio_is_a_past_role(nlp):
    # regression: "former" was only looked for right before the title word, not before its portfolio
    text = (
        "Headline\n\nKARACHI: Former interior minister Rehman Malik said the law was weak. Then-local government "
        "minister Saeed Ghani said a survey was under way."
    )
    assert officials(nlp, text) == set()


def test_title_in_a_country_before_the_name(nlp):
    text = "Headline\n\nUNHCR Representative in Pakistan Philippa Candler said refugees were safe."
    assert officials(nlp, text) == {
        ("Philippa Candler", "representative", "United Nations High Commissioner for Refugees")
    }


def test_appointment_gives_the_new_role(nlp):
    text = (
        "Headline\n\nAdditionally, Waqaruddin Syed, a grade-20 police officer, has been appointed the director "
        "general (DG) of the National Cyber Crime Investigation Agency."
    )
    assert officials(nlp, text) == {
        ("Waqaruddin Syed", "director general", "National Cyber Crime Investigation Agency")
    }


def test_appointed_its_lower_case_title_of_the_body_named_before(nlp):
    text = (
        "Headline\n\nThe Council of Islamic Ideology (CII) will review the draft, while Maulana Tahir Ashrafi has "
        "been appointed its coordinator."
    )
    assert officials(nlp, text) == {("Tahir Ashrafi", "coordinator", "Council of Islamic Ideology")}


def test_led_by_makes_the_chairman(nlp):
    text = (
        "Headline\n\nThe Senate Standing Committee on Interior, led by Senator Faisal Saleem, met at "
        "Parliament House on Tuesday."
    )
    assert officials(nlp, text) == {("Faisal Saleem", "chairman", "Senate Standing Committee on Interior")}


def test_office_without_organisation(nlp):
    text = "Headline\n\nPrime Minister Shehbaz Sharif on Sunday appreciated the officials of the Intelligence Bureau."
    assert officials(nlp, text) == {("Shehbaz Sharif", "prime minister", None)}


def test_provincial_portfolio_takes_the_documents_province(nlp):
    text = "Headline\n\nLAHORE: The officials held a meeting with home secretary Dr Ahmad Javed Qazi on Saturday."
    assert officials(nlp, text) == {("Ahmad Javed Qazi", "secretary", "Punjab Home Department")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a province written before the portfolio wins over the document's (Dawn/APP 2025)
        (
            "Headline\n\nPESHAWAR: Floods hit Swat in Khyber Pakhtunkhwa. On Saturday, GB Home Minister "
            "Shams Lone said that the Baltistan Highway bridge had been swept away.",
            {("Shams Lone", "minister", "Gilgit-Baltistan Home Department")},
        ),
        (
            "Headline\n\nKARACHI: Floods hit Karachi. Punjab Home Secretary Noorul Amin Mengal said the "
            "police would help.",
            {("Noorul Amin Mengal", "secretary", "Punjab Home Department")},
        ),
    ],
)
def test_provincial_portfolio_takes_the_province_written_before_it(nlp, text, expected):
    assert officials(nlp, text) == expected


# -- resolution: surnames, pronouns, role references, unnamed officials ----------------------------


def test_surname_pronoun_and_role_reference(nlp):
    text = (
        "Headline\n\nISLAMABAD: Interior Minister Mohsin Naqvi chaired a meeting on Monday. Mr Naqvi said the "
        "law would be enforced. He added that the minister had directed the officials to act."
    )
    doc = nlp(parse_text(text.encode()).text)
    people = doc.user_data["tipwatch.people"]
    assert [(p["name"], p["title"], len(p["mentions"])) for p in people] == [("Mohsin Naqvi", "minister", 2)]
    assert [(doc[i].text, who) for i, who in sorted(doc.user_data[PRONOUN_AT].items())] == [
        ("He", "Mohsin Naqvi")
    ]
    assert [(doc[i].text, who) for i, who in sorted(doc.user_data[ROLE_AT].items())] == [
        ("the", "Mohsin Naqvi"),
        ("minister", "Mohsin Naqvi"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a heading verb glued to the name goes
        (
            "Interior Minister Mohsin Naqvi Visits FIA Headquarters\n\nInterior Minister Mohsin Naqvi said on "
            "Monday the agency would act.",
            {("Mohsin Naqvi", "minister", "Ministry of Interior")},
        ),
        # a past-tense heading verb and a page title's site after a spaced dash go (Google Alerts
        # titles, 2023); a hyphenated name keeps its hyphen
        (
            "Scientology Leader David Miscavige Served With Human Trafficking Lawsuit\n\nThe lawsuit "
            "was filed in Los Angeles.",
            {("David Miscavige", "leader", None)},
        ),
        (
            "Press Briefing by Press Secretary Karine Jean-Pierre - YouTube\n\nThe briefing was "
            "streamed on Tuesday.",
            {("Karine Jean-Pierre", "press secretary", None)},
        ),
        # a common noun after a title is no name; a surname after an honorific is
        ("Headline\n\nChairman Capacity told the meeting that funds were short.", set()),
        (
            "Headline\n\nMr Khan, the deputy director of the FIA, said 12 people were held.",
            {("Khan", "deputy director", "Federal Investigation Agency")},
        ),
        # a name part that is no English word stays ("Asim")
        (
            "Headline\n\nThe deputy directors are Asim Raza and Faisal Nadeem, the FIA said.",
            {
                ("Asim Raza", "deputy director", "Federal Investigation Agency"),
                ("Faisal Nadeem", "deputy director", "Federal Investigation Agency"),
            },
        ),
    ],
)
def test_junk_is_no_official_name(nlp, text, expected):
    assert officials(nlp, text) == expected


def test_plural_title_distributes_over_a_list_and_a_new_rank_starts_a_group(nlp):
    # regression: only the first name after "sub-inspectors" was an official, and none had a body
    text = (
        "Headline\n\nThe FIA raiding team included sub-inspectors Kamran Aslam, Bilal Tariq, ASI Naveed Iqbal, "
        "Sajid Hussain and Omer Farooq."
    )
    assert officials(nlp, text) == {
        ("Kamran Aslam", "sub inspector", "Federal Investigation Agency"),
        ("Bilal Tariq", "sub inspector", "Federal Investigation Agency"),
        ("Naveed Iqbal", "assistant sub inspector", "Federal Investigation Agency"),
        ("Sajid Hussain", "assistant sub inspector", "Federal Investigation Agency"),
        ("Omer Farooq", "assistant sub inspector", "Federal Investigation Agency"),
    }


def test_plural_title_with_copula_postings_and_semicolon_groups(nlp):
    text = (
        "Headline\n\nThe FIA sacked five officers. The deputy directors are Asim Raza (Multan zone) and Faisal "
        "Nadeem and assistant directors are Hamza Ali (Sukkur). The others were Inspectors Tahir Mehmood and "
        "Zubair Khan; and Head Constables Waqas Anjum and Adeel Shah."
    )
    assert officials(nlp, text) == {
        ("Asim Raza", "deputy director", "Federal Investigation Agency"),
        ("Faisal Nadeem", "deputy director", "Federal Investigation Agency"),
        ("Hamza Ali", "assistant director", "Federal Investigation Agency"),
        ("Tahir Mehmood", "inspector", "Federal Investigation Agency"),
        ("Zubair Khan", "inspector", "Federal Investigation Agency"),
        ("Waqas Anjum", "head constable", "Federal Investigation Agency"),
        ("Adeel Shah", "head constable", "Federal Investigation Agency"),
    }


def test_a_plural_title_without_a_list_is_no_title(nlp):
    # regression: "Governors" became a title and displaced the board; "Speakers" made speakers
    text = (
        "Headline\n\nAmbassador Khalid Mahmood, Chairman Board of Governors ISSI, spoke. Other Speakers included "
        "Mr. Ghulam Muhammad Safi, Convener, APHC."
    )
    assert {(name, title) for name, title, _ in officials(nlp, text)} == {("Khalid Mahmood", "chairman")}


def test_a_party_chairman_does_not_chair_the_committee_of_the_story(nlp):
    text = (
        "Headline\n\nISLAMABAD: The Senate Standing Committee on Water Resources met on Monday. PPP Chairman "
        "Bilawal Bhutto Zardari was also present."
    )
    # parties are agencies now (issue 12's definition): a party leader's organisation is the party
    assert ("Bilawal Bhutto Zardari", "chairman", "Pakistan Peoples Party") in officials(nlp, text)


def test_listed_names_need_a_separator_and_end_at_a_portfolio(nlp):
    text = (
        "Headline\n\nThe new state ministers included Malik Rasheed Ahmad Khan National Food Security & Research, "
        "and others."
    )
    assert {(n, t) for n, t, _ in officials(nlp, text)} == {("Malik Rasheed Ahmad Khan", "state minister")}


def test_staff_rank_takes_the_body_named_before_it_in_the_sentence(nlp):
    text = "Headline\n\nKARACHI: Saddar FIA police station’s SI Rashid Mehmood led the raid."
    assert officials(nlp, text) == {("Rashid Mehmood", "sub inspector", "Federal Investigation Agency")}


def test_in_the_chair_makes_the_chairman_of_the_committee_named(nlp):
    text = (
        "Headline\n\nISLAMABAD: The Senate Standing Committee on Water Resources met in Parliament House with "
        "Senator Kamran Murtaza in the chair. Chairman Murtaza said the dams were late."
    )
    assert officials(nlp, text) == {
        ("Kamran Murtaza", "chairman", "Senate Standing Committee on Water Resources")
    }


def test_meeting_presided_over_by_its_chairperson_belongs_to_the_committee_named_before(nlp):
    text = (
        "Headline\n\nISLAMABAD: The National Assembly Standing Committee on Railways on Monday sought a report. "
        "The meeting, presided over by its chairperson Shazia Marri, was held in Parliament House."
    )
    assert officials(nlp, text) == {
        ("Shazia Marri", "chairperson", "National Assembly Standing Committee on Railways")
    }


def test_committee_chaired_by_is_the_committee_not_an_agency_named_before(nlp):
    # regression: the chairman became chairman of the agency whose DG briefed the committee
    text = (
        "Headline\n\nISLAMABAD: The Senate Standing Committee on Railways met on Monday. The Director General of "
        "the FIA informed the committee, chaired by Senator Kamran Murtaza, that trains were safe."
    )
    assert ("Kamran Murtaza", "chairman", "Senate Standing Committee on Railways") in officials(nlp, text)


def test_members_and_chairman_without_a_body_belong_to_the_committee_of_the_story(nlp):
    text = (
        "Headline\n\nQUETTA: The Public Accounts Committee reviewed audit paras. Members Nadir Khan Magsi and "
        "Sadia Baloch attended. “The cameras failed,” said Chairman Akbar Mengal."
    )
    assert officials(nlp, text) == {
        ("Nadir Khan Magsi", "member", "Public Accounts Committee"),
        ("Sadia Baloch", "member", "Public Accounts Committee"),
        ("Akbar Mengal", "chairman", "Public Accounts Committee"),
    }


def test_a_name_after_an_honorific_is_a_person_whatever_the_model_labelled_it(nlp):
    # regression: "Dr Arshad Mahmood" was an ORG to the model, so the secretary was lost
    text = (
        "Headline\n\nDr Arshad Mahmood, Federal Secretary for Ministry of Overseas Pakistanis, said that migration "
        "was a key economic driver."
    )
    assert officials(nlp, text) == {
        ("Arshad Mahmood", "secretary", "Ministry of Overseas Pakistanis and Human Resource Development")
    }


def test_think_tank_and_mission_titles(nlp):
    text = (
        "Headline\n\nDr. Kashif Majeed Salik, Research Fellow at SDPI, highlighted the issue. Ms Raana Rahim, "
        "Senior Advisor at ICMPD, spoke too."
    )
    assert officials(nlp, text) == {
        ("Kashif Majeed Salik", "research fellow", "Sustainable Development Policy Institute"),
        ("Raana Rahim", "senior advisor", "International Centre for Migration Policy Development"),
    }


def test_police_ranks_in_a_police_story_belong_to_the_police_not_the_fia(nlp):
    # regression: ranks without a body took the document's most mentioned agency, the FIA
    text = (
        "Headline\n\nKARACHI: The FIA court heard the case. A case was registered against Sakrand SHO Mithal "
        "Khakrani, Inspector Shahid Malik and ASI Mohsin Jiskani."
    )
    assert officials(nlp, text) == {
        ("Mithal Khakrani", "station house officer", "Sindh Police"),
        ("Shahid Malik", "inspector", "Sindh Police"),
        ("Mohsin Jiskani", "assistant sub inspector", "Sindh Police"),
    }


def test_a_rank_that_leads_an_investigation_is_no_chairman(nlp):
    text = "Headline\n\nThe investigation was led by Sub-Inspector Shiraz Ahmed of the FIA."
    assert officials(nlp, text) == {("Shiraz Ahmed", "sub inspector", "Federal Investigation Agency")}


def test_a_senior_fia_official_is_unnamed(nlp):
    text = "Headline\n\nA senior FIA official said the suspects were arrested. The official added that raids continued."
    doc = nlp(parse_text(text.encode()).text)
    assert [(u["text"], u["head"], u["organisation"]) for u in doc.user_data[UNNAMED]] == [
        ("A senior FIA official", "official", "Federal Investigation Agency")
    ]
    later = next(t.i for t in doc if t.text == "official" and t.i > 6)
    assert doc.user_data[UNNAMED_AT][later] == "A senior FIA official"
    assert officials(nlp, text) == set()


def test_unnamed_officials_keep_their_first_description(nlp):
    text = (
        "Headline\n\nA spokesman for FIA said two agents were arrested. The spokesman said raids were being "
        "conducted in Gujranwala."
    )
    doc = nlp(parse_text(text.encode()).text)
    assert [(u["text"], u["organisation"]) for u in doc.user_data[UNNAMED]] == [
        ("A spokesman for FIA", "Federal Investigation Agency")
    ]
    second = next(t.i for t in doc if t.text == "spokesman" and t.i > 5)
    assert doc.user_data[UNNAMED_AT][second] == "A spokesman for FIA"
    assert officials(nlp, text) == set()


def speakers(nlp, text):
    return [(c.speaker, c.speaker_kind) for c in run(nlp, text)[1].claims]


def test_an_official_of_a_body_is_unnamed_wherever_the_body_is_named(nlp):
    # regression: "A senior official of FIA …" was the FIA itself (only "an FIA official" was unnamed)
    text = "Headline\n\nA senior official of FIA Lahore circle told Dawn that the suspect was arrested."
    assert speakers(nlp, text) == [("A senior official of FIA Lahore circle", "unnamed")]


def test_he_does_not_refer_back_to_a_group(nlp):
    # regression: "he" took the source of the last claim even when that was a plural group
    text = (
        "Headline\n\nMinister Anwar Saleem said the campaign was legal. Several officers said the camps were "
        "closed. He added that the helplines worked."
    )
    assert speakers(nlp, text) == [
        ("Anwar Saleem", "person"),
        ("Several officers", "unnamed"),
        ("Anwar Saleem", "person"),
    ]


def test_an_office_of_a_body_is_its_holder_or_an_unnamed_official_not_the_body(nlp):
    # regression: "The Director General of the NCCIA informed …" was the NCCIA speaking
    text = (
        "Headline\n\nThe Director General of the National Cyber Crime Investigation Agency informed the committee "
        "that ten journalists faced cases."
    )
    assert speakers(nlp, text) == [
        ("The Director General of the National Cyber Crime Investigation Agency", "unnamed")
    ]


def test_a_title_with_its_body_is_the_holder_named_before(nlp):
    # regression: "Secretary MoHR reaffirmed …" was the ministry speaking
    text = (
        "Headline\n\nThe delegation met Secretary MoHR, Humera Ahmad, on Monday. Secretary MoHR reaffirmed that "
        "rights would be protected."
    )
    assert speakers(nlp, text) == [("Humera Ahmad", "person")]


def test_a_bare_title_is_a_person_not_an_organisation(nlp):
    text = "Headline\n\nThe IG said that fund shortages delayed the jail repairs."
    assert speakers(nlp, text) == [("The IG", "unnamed")]


def test_a_release_without_an_issuer_stays_a_report_when_mentioned_again(nlp):
    # regression: "the press release" later became the last body that acted
    text = (
        "Headline\n\nKARACHI: According to a press release issued on Thursday, the campaign began. The SBCA "
        "ordered the demolition of all illegal structures. The press release noted that the buildings were vacated."
    )
    assert [kind for _, kind in speakers(nlp, text)][-1] == "report"


def test_the_complainant_is_who_lodged_the_case(nlp):
    # regression: "The complainant told Dawn …" stayed an unnamed description
    text = (
        "Headline\n\nThe police investigated the complaint filed by a citizen named Tariq Jameel. The complainant "
        "told Dawn that the police refused to register a case."
    )
    assert speakers(nlp, text) == [("Tariq Jameel", "person")]


def test_the_committee_is_the_committee_not_the_last_body_that_spoke(nlp):
    # regression: "The committee" took the ministry that had just briefed it
    text = (
        "Headline\n\nISLAMABAD: The Senate Standing Committee on Water Resources met on Monday. The Ministry of "
        "Interior informed the committee that dams were safe. The committee said the report was late."
    )
    assert speakers(nlp, text) == [
        ("Ministry of Interior", "organisation"),
        ("Senate Standing Committee on Water Resources", "organisation"),
    ]


def test_the_government_is_not_a_department_with_government_in_its_name(nlp):
    text = (
        "Headline\n\nKARACHI: The Sindh local government department sealed ten buildings. The SBCA said the "
        "owners were warned. The provincial government announced that the owners would be arrested."
    )
    assert speakers(nlp, text)[-1] != ("Sindh Local Government Department", "organisation")


def test_the_meeting_is_the_committee_and_its_chair_is_not_the_source(nlp):
    # regression: the chairman named in "presided over by …" became the source
    text = (
        "Headline\n\nQUETTA: The Public Accounts Committee reviewed audit paras. The meeting, presided over by "
        "Chairman Akbar Mengal, noted that the project had failed."
    )
    assert speakers(nlp, text) == [("Public Accounts Committee", "organisation")]


def test_a_study_by_a_body_is_a_report(nlp):
    text = "Headline\n\nA 2023 study by the International Organization for Migration found that 24,000 people left."
    assert speakers(nlp, text) == [("A 2023 study by the International Organization for Migration", "report")]


def test_some_of_the_officials_is_an_unnamed_group(nlp):
    text = "Headline\n\nSome of the sacked FIA officials claim that they were made scapegoats."
    assert speakers(nlp, text) == [("Some of the sacked FIA officials", "unnamed")]


def test_he_does_not_refer_back_to_a_thing(nlp):
    text = (
        "Headline\n\nHealth Minister Asif Haider Shah chaired the meeting. According to the briefing presented by "
        "the director, the wards were full. He said that new beds would be bought."
    )
    assert speakers(nlp, text)[-1] == ("Asif Haider Shah", "person")


def test_religious_honorifics_are_not_part_of_the_name(nlp):
    text = "Headline\n\nAllama Nadeem Qasmi, chairman of the council, said the committee would meet."
    assert speakers(nlp, text) == [("Nadeem Qasmi", "person")]


# -- agencies: gazetteer, acronyms learnt from the text, concepts, law titles, departments ----------


def test_acronym_learnt_from_the_text(nlp):
    text = (
        "Headline\n\nThe Punjab Skills Development Authority (PSDA) signed an agreement on Monday. "
        "PSDA will train 5,000 workers."
    )
    _, records = run(nlp, text)
    # mentions: the long form, the acronym in brackets, the later acronym
    assert {(a.name, a.acronym, a.kind, a.mention_count) for a in records.agencies} == {
        ("Punjab Skills Development Authority", "PSDA", "government", 3)
    }


def test_misnamed_long_form_of_a_known_acronym(nlp):
    text = "Headline\n\nThe Federal Investigation Authority (FIA) arrested two agents in Multan on Monday."
    assert agencies(nlp, text) == {("Federal Investigation Agency", "FIA", "government")}


def test_concept_acronyms_are_not_agencies(nlp):
    text = (
        "Headline\n\nThe plan targets Trafficking in Persons (TIP) and Smuggling of Migrants (SOM). "
        "TIP and SOM cases rose, the Federal Investigation Agency said."
    )
    document, records = run(nlp, text)
    assert {(a.name, a.acronym) for a in records.agencies} == {("Federal Investigation Agency", "FIA")}
    assert not [m for m in records.mentions if m.label in ("AGENCY", "ORG") and m.text in ("TIP", "SOM")]


def test_names_in_law_titles_are_not_agencies(nlp):
    text = (
        "Headline\n\nThe National Assembly passed the Pakistan Coast Guards (Amendment) Bill, 2024 and the "
        "Civil Courts (Amendment) Bill on Monday."
    )
    assert agencies(nlp, text) == {("National Assembly of Pakistan", None, "legislature")}


def test_provincial_department_and_local_police(nlp):
    text = (
        "Headline\n\nKARACHI: A case was lodged with Memon Goth police. The matter was referred to the home "
        "department, while respective labour departments were informed."
    )
    assert agencies(nlp, text) == {
        ("Sindh Police", None, "police"),
        ("Sindh Home Department", None, "government"),
    }


def test_listed_departments(nlp):
    text = (
        "Headline\n\nLAHORE: The meeting was briefed on the monitoring systems of the Auqaf, Trust, and "
        "Cooperative departments."
    )
    assert agencies(nlp, text) == {
        ("Punjab Auqaf Department", None, "government"),
        ("Punjab Cooperatives Department", None, "government"),
    }


def test_committee_named_in_full_is_one_agency_with_the_house_written_out(nlp):
    # regression: "National Assembly Standing Committee on Government Assurances" was the National Assembly
    text = (
        "Headline\n\nISLAMABAD: The NA Standing Committee on Government Assurances, Privatisation and Ports on "
        "Monday met. The Senate Standing Committee on Information, while reviewing Peca, voiced concern."
    )
    assert agencies(nlp, text) == {
        (
            "National Assembly Standing Committee on Government Assurances, Privatisation and Ports",
            None,
            "legislature",
        ),
        ("Senate Standing Committee on Information", None, "legislature"),
    }


def test_gazetteer_names_match_with_the_typographic_apostrophe(nlp):
    text = "Headline\n\nThe complaint was sent to the Prime Minister’s Office."
    assert agencies(nlp, text) == {("Prime Minister's Office", "PMO", "government")}


def test_a_known_body_spelt_otherwise_before_its_acronym_is_one_agency(nlp):
    # regression: the model's ORG became a second, unknown agency beside the gazetteer's Nadra
    text = (
        "Headline\n\nThe FIA sought the record from the National Database Registration Authority (Nadra), which "
        "said the passengers were not registered."
    )
    assert agencies(nlp, text) == {
        ("Federal Investigation Agency", "FIA", "government"),
        ("National Database and Registration Authority", "NADRA", "government"),
    }


def test_acronym_learnt_for_a_hyphenated_name(nlp):
    text = "Headline\n\nThe ministry has set up the Markaz-i-Amn Council (MAC). The MAC will meet on Monday."
    assert agencies(nlp, text) == {("Markaz-i-Amn Council", "MAC", "government")}


def test_acronym_learnt_for_a_name_with_a_possessive(nlp):
    """A plural's apostrophe or a clitic inside the long form ("British Bankers' Association (BBA)":
    not the gazetteer's Indian BBA); an owner before it that is a person or a title's is left out."""
    text = (
        "Headline\n\nThe British Bankers' Association (BBA) said lending was weaker. Overall, the BBA said "
        "mortgage lending rose. The Parliamentary Reporters’ Association (PRA) claimed the request was accepted."
    )
    assert agencies(nlp, text) == {
        ("British Bankers' Association", "BBA", "other"),
        ("Parliamentary Reporters’ Association", "PRA", "other"),
    }
    text = (
        "Headline\n\nLord Woolf's Sentencing Guidelines Council (SGC) caused controversy. The SGC said. "
        "The Director General of Saudi Arabia’s General Authority of Civil Aviation (GACA) wrote to Pakistan."
    )
    assert agencies(nlp, text) == {
        ("Sentencing Guidelines Council", "SGC", "government"),
        ("General Authority of Civil Aviation", "GACA", "government"),
    }


def test_a_mission_named_as_a_delegation_is_the_officials_body(nlp):
    text = (
        "Headline\n\nPhilipp Oliver Gross, the Deputy Head of European Union Delegation, said that migration "
        "benefits both migrants and host countries."
    )
    assert officials(nlp, text) == {
        ("Philipp Oliver Gross", "deputy head", "Delegation of the European Union to Pakistan")
    }


def test_lower_case_hyphenated_words_are_not_part_of_a_learnt_name(nlp):
    text = "Headline\n\nThe state-run National News Agency (NNA) reported the arrests."
    assert agencies(nlp, text) == {("National News Agency", "NNA", "government")}


def test_a_committee_name_ends_before_the_day(nlp):
    text = "Headline\n\nThe National Assembly Standing Committee on Defence Thursday sought a report."
    assert agencies(nlp, text) == {("National Assembly Standing Committee on Defence", None, "legislature")}


def test_coordinated_ministries_are_each_an_agency(nlp):
    text = "Headline\n\nThe committee includes officials of the foreign and IT ministries."
    assert agencies(nlp, text) == {
        ("Ministry of Foreign Affairs", "MoFA", "government"),
        ("Ministry of Information Technology and Telecommunication", "MoITT", "government"),
    }


def test_a_law_named_after_a_body_is_not_an_agency(nlp):
    text = "Headline\n\nThe minister cited the enactment of the National Commission for Minorities Act last year."
    assert agencies(nlp, text) == set()


def test_a_committee_name_ends_where_its_chairman_begins(nlp):
    # regression: "… Committee on Water Resources Chairman Kamran Murtaza" swallowed the chairman
    text = "Headline\n\nSenate Standing Committee on Water Resources Chairman Kamran Murtaza said the dams were late."
    assert officials(nlp, text) == {
        ("Kamran Murtaza", "chairman", "Senate Standing Committee on Water Resources")
    }


def test_senate_committee_is_the_committee_named(nlp):
    text = (
        "Headline\n\nThe Senate Standing Committee on Interior on Tuesday passed three bills. The Senate "
        "committee also approved a fine of Rs10m."
    )
    assert agencies(nlp, text) == {("Senate Standing Committee on Interior", None, "legislature")}


# -- tiers: variants, countries, years, context ----------------------------------------------------


@pytest.mark.parametrize(
    "phrase, tier",
    [
        ("the Tier II Watch List", "2WL"),
        ("the Tier-2 watch list", "2WL"),
        ("Tier Two", "2"),
        ("the second tier", "2"),
        ("Tier 3", "3"),
    ],
)
def test_tier_variants(nlp, phrase, tier):
    text = f"Headline\n\nThe 2024 Trafficking in Persons (TIP) Report placed Pakistan on {phrase}."
    assert tiers(nlp, text) == [("Pakistan", tier, 2024)]


def test_bare_watch_list_counts_only_with_tip_context(nlp):
    with_tip = "Headline\n\nThe US Trafficking in Persons report kept Pakistan on the watch list in 2020."
    without = "Headline\n\nThe court said Pakistan kept the name of the MNA on the watch list in 2020."
    assert tiers(nlp, with_tip) == [("Pakistan", "2WL", 2020)]
    assert tiers(nlp, without) == []


def test_tier_in_another_sense_is_not_a_placement(nlp):
    text = (
        "Headline\n\nThe Higher Education Commission (HEC) Pakistan concluded its Faculty Development Programme "
        "Tier-II for associate professors."
    )
    assert tiers(nlp, text) == []


def test_removal_from_a_tier_is_not_a_placement(nlp):
    text = (
        "Headline\n\nOfficials welcomed Pakistan’s removal from the Tier 2 Watch List in the 2022 TIP report."
    )
    assert tiers(nlp, text) == []


def test_tier_two_definition_applies_to_coordinated_countries_and_report_year(nlp):
    text = (
        "Headline\n\nThe US State Department’s Trafficking in Persons (TIP) Report 2025 has placed both Pakistan "
        "and India among the countries that do not fully meet minimum standards for eliminating trafficking "
        "but are making “significant efforts” to do so.\n\nThe report also keeps India in Tier 2."
    )
    assert sorted(set(tiers(nlp, text))) == [("India", "2", 2025), ("Pakistan", "2", 2025)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the US as the issuer of the list or report is not the country placed
        (
            "Pakistan, India on US watch list for human trafficking\n\nThe US 2024 TIP report placed India on Tier 2.",
            [("India", "2", 2024), ("India", "2WL", 2024), ("Pakistan", "2WL", 2024)],
        ),
        (
            "Headline\n\nMalaysia's ranking in the US report fell to Tier 3, the human trafficking report said.",
            [("Malaysia", "3", None)],
        ),
        # ... but the US placed on a tier is a placement
        (
            "Headline\n\nThe United States was placed on Tier 1 in the 2023 Trafficking in Persons report.",
            [("United States", "1", 2023)],
        ),
    ],
)
def test_the_issuer_of_the_report_is_not_placed(nlp, text, expected):
    assert sorted(set(tiers(nlp, text))) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Nigeria has blamed weak collaboration for the country's failure to move up to Tier 1 in the report.",
        "We ought to have been upgraded to Tier 1, the head of Nigeria's trafficking agency said.",
        "Meanwhile, there are two middle ranks; Tier 2 and Tier 2 Watch List in the report on Nigeria.",
        "The upgrade still leaves Thailand short of a Tier 1 ranking.",
        "A Tier 3 ranking could possibly affect Malaysia's access to some US aid.",
        "If Ghana is downgraded to Tier 3, it will become subject to sanctions.",
        "Ghana was granted a waiver from an otherwise required downgrade to Tier 3.",
        "Should Ghana be ranked for the third consecutive year on the Tier 2 Watch List, it would be downgraded.",
        "Tier 2 is for countries that are making significant efforts, the report on India said.",
    ],
)
def test_a_tier_wished_risked_escaped_or_defined_is_no_placement(nlp, sentence):
    text = f"Headline\n\nThe US Trafficking in Persons report was released.\n\n{sentence}"
    assert tiers(nlp, text) == []


def test_a_stated_tier_in_a_clause_under_an_aspiration_stays(nlp):
    text = (
        "Headline\n\nNigeria's agency blamed weak collaboration for the country's failure to move up to Tier 1 "
        "in the 2024 US Trafficking in Persons Report, where it has remained in Tier 2 for 13 years."
    )
    assert tiers(nlp, text) == [("Nigeria", "2", 2024)]


def test_undated_placement_takes_the_report_current_at_the_dateline(nlp):
    text = (
        "Headline\n\nPublished July 05, 2018\n\nSri Lanka retained its Tier 2 ranking in the US Trafficking "
        "in Persons report."
    )
    assert tiers(nlp, text) == [("Sri Lanka", "2", 2018)]
    before_release = text.replace("July 05, 2018", "March 3, 2019")
    assert tiers(nlp, before_release) == [("Sri Lanka", "2", 2018)]


def test_undated_mention_takes_the_year_stated_for_the_same_tier(nlp):
    text = (
        "Headline\n\nPakistan was placed on the Tier-II watch list of the US report on human trafficking, the "
        "conference was told.\n\n“Despite being "
        "on the Tier II Watch List since 2015, Pakistan improved in the 2022 and 2023 reports,” Abbas said."
    )
    assert tiers(nlp, text) == [("Pakistan", "2WL", 2015), ("Pakistan", "2WL", 2015)]


# -- text normalisation for real sources ----------------------------------------------------------


def test_news_text_normalisation():
    raw = (
        "ISLAMABAD, Feb 17 (APP):The Federal Investigation Agency arrested two human smug\u00adglers, "
        "officials said. “We will act,” he said.\n(adsbygoogle = window.adsbygoogle || []).push({});\n"
    )
    document = parse_text(raw.encode("utf-8"))
    assert document.text == (
        "ISLAMABAD, Feb 17 (APP):\n\nThe Federal Investigation Agency arrested two human "
        "smugglers, officials said. “We will act,” he said."
    )


@pytest.mark.parametrize(
    "raw, text",
    [
        ("Headline\nWASHINGTON (AP) — The Latest on it.", "Headline\nWASHINGTON (AP) —\n\nThe Latest on it."),
        ("RENO, Nev. (AP) — Donald Trump says so.", "RENO, Nev. (AP) —\n\nDonald Trump says so."),
        (
            "KUALA LUMPUR, Jun 29 — Malaysia was downgraded.",
            "KUALA LUMPUR, Jun 29 —\n\nMalaysia was downgraded.",
        ),
        ("KARACHI - Russian Navy ships arrived.", "KARACHI -\n\nRussian Navy ships arrived."),
        ("WASHINGTON -- President Obama spoke.", "WASHINGTON --\n\nPresident Obama spoke."),
        # no datelines: a hyphenated name, a headline label, an all-caps opening word
        ("PML-N member Shah Jahan spoke.", "PML-N member Shah Jahan spoke."),
        ("WIN- Pakistan is a part of WIN.", "WIN- Pakistan is a part of WIN."),
        ("EXCLUSIVE – Roger Stone: Don’t trust it.", "EXCLUSIVE – Roger Stone: Don’t trust it."),
        ("AS reports emerge — this time in May.", "AS reports emerge — this time in May."),
        # a death notice's "SURNAME--Given names" (no space at the dashes)
        ("SIEGEL--Jerome Arthur, 98, died.", "SIEGEL--Jerome Arthur, 98, died."),
    ],
)
def test_a_dash_dateline_is_its_own_paragraph(raw, text):
    """models/patterns/datelines.txt: "PLACE (AP) —" at the start of a line is set apart like "PLACE:"."""
    assert parse_text(raw.encode("utf-8")).text == text


def test_a_dash_dateline_joins_no_agency(nlp):
    text = "Navy ships visit\nKARACHI - Russian Navy ships arrived in Karachi, the Pakistan Navy said."
    assert agencies(nlp, text) == {
        ("Russian Navy", None, "foreign_government"),
        ("Pakistan Navy", None, "government"),
    }


def test_the_trained_recogniser_adds_bodies_the_rules_miss(nlp):
    """models/agency_ner (fine-tuned en_core_web_sm NER): a foreign body with no gazetteer row and
    its bare acronyms in a list; kinds from the head word, a listed acronym takes its neighbour's kind."""
    text = (
        "Headline\n\nThe Overseas Workers Welfare Administration, the DOLE and the DFA joined the "
        "operation, the Anti-Trafficking Investigation Directorate said."
    )
    assert agencies(nlp, text) == {
        ("Overseas Workers Welfare Administration", None, "government"),
        ("Anti-Trafficking Investigation Directorate", None, "government"),
        ("DOLE", None, "government"),
        ("DFA", None, "government"),
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Therefore Afghanistan was downgraded to Tier 3.", {("Afghanistan", "3", "downgraded")}),
        ("Pakistan remains on Tier 2 of the global TIP Report.", {("Pakistan", "2", "remained")}),
        ("The US kept Malaysia on the Tier 2 Watch List.", {("Malaysia", "2WL", "remained")}),
        (
            "Ghana has been on the Tier 2 Watch List for the third consecutive year.",
            {("Ghana", "2WL", "remained")},
        ),
        (
            "The report upgraded Thailand's ranking from Tier 3 to the Tier 2 Watch List.",
            # the tier moved from is a placement too (no year known): world guideline
            {("Thailand", "2WL", "upgraded"), ("Thailand", "3", None)},
        ),
        ("Nigeria was placed in Tier 2 in the report.", {("Nigeria", "2", None)}),
    ],
)
def test_the_change_a_sentence_states_is_recorded(nlp, sentence, expected):
    text = f"Headline\n\nThe US Trafficking in Persons report was released.\n\n{sentence}"
    got = {(t.country, t.tier, t.change) for t in run(nlp, text)[1].tier_placements}
    assert got == expected
