"""Agency names that name no country (``models/gazetteers/local_forms.txt``) are a country's body
only where the text supports that country (``tipwatch_agency_scope_v1``). Regression for issue 12
on the world development split: "Federal police" in a Brazilian story was Pakistan's Islamabad
police, the "Information Ministry" in a Ghanaian story Pakistan's Ministry of Information and
Broadcasting, the Philippine "Department of Justice (DOJ)" the US Department of Justice. Tiny real
texts (world_dev, news_gold and Dawn/APP articles), exact records with their country."""

from __future__ import annotations

import pytest

from extractors.extract import extract_documents
from extractors.nlp.components.agency_scope import AgencyScope
from extractors.parse.news import parse_text


def agencies(nlp, text: str) -> set[tuple]:
    document = parse_text(f"Headline\n\n{text}".encode(), source="test")
    [(_, recs)] = list(extract_documents([document], nlp))
    return {(a.name, a.acronym, a.kind, a.country) for a in recs.agencies}


# -- another country's story: the body as written, or that country's row -------------------------


def test_federal_police_in_a_brazilian_story_are_brazils(nlp):
    text = (
        "These workers were exposed to toxic products. Federal police have opened an investigation. "
        "In Brazil, modern slavery is mainly in agricultural activities, including sugar cane and coffee."
    )
    assert agencies(nlp, text) == {("Federal Police of Brazil", None, "police", "Brazil")}


def test_the_information_ministry_in_a_ghanaian_story_is_named_as_written(nlp):
    text = (
        "The Minister made this known while briefing the media at the Information Ministry on Wednesday, "
        "September 2, 2020, regarding efforts being made by the Ghanaian Government to tackle human "
        "trafficking. According to her, Ghana is making a significant effort to fight human trafficking."
    )
    assert agencies(nlp, text) == {("Information Ministry", None, "government", None)}


def test_the_department_of_justice_in_a_philippine_story_is_not_the_us_one(nlp):
    text = (
        "In June 2024, the Department of Justice (DOJ) announced the country’s Tier 1 status, which "
        "signified that the Philippines fully meets the minimum standards for the elimination of human "
        "trafficking. DOJ Secretary Jesus Crispin Remulla said the Philippines will show no mercy."
    )
    assert agencies(nlp, text) == {("Department of Justice", "DOJ", "government", None)}


def test_a_generic_ministry_named_by_its_short_form_is_named_as_written(nlp):
    """ "Interior Ministry" in a Cambodian story: the body as the text names it, with no country
    (world_dev gold lists "Interior Ministry"; not the generic long form Ministry of Interior: a
    country's own name differs, Kazakhstan's Ministry of Internal Affairs in fresh gold b)."""
    text = "Interior Ministry spokesperson Khieu Sopheak said that Cambodia is not concerned by the findings."
    assert agencies(nlp, text) == {("Interior Ministry", None, "government", None)}


def test_the_long_form_the_text_also_writes_names_the_short_one(nlp):
    """ "Foreign Ministry" and "Vietnam's Ministry of Foreign Affairs" in one story: one body,
    named by the long form the text writes."""
    text = (
        "The report does not reflect Vietnam's efforts, a Foreign Ministry spokesperson said on Thursday. "
        "Vietnam's Ministry of Foreign Affairs said it would keep working with partners."
    )
    assert agencies(nlp, text) == {("Ministry of Foreign Affairs", None, "government", "Vietnam")}


def test_another_countrys_adjective_joins_the_name_and_makes_it_foreign(nlp):
    text = (
        "ISLAMABAD, Aug 19 (APP): A Pakistani human smuggler was arrested in Europe with the cooperation "
        "of the Spanish Interior Ministry, the Senate was told."
    )
    assert ("Spanish Interior Ministry", None, "foreign_government", "Spain") in agencies(nlp, text)


# -- the row's own country: the gazetteer's body ------------------------------------------------


def test_federal_police_in_an_islamabad_story_are_the_islamabad_police(nlp):
    text = (
        "ISLAMABAD, Aug 13 (APP): During hearing of the case, Federal Police and Federal Investigation "
        "Agency (FIA) submitted their reports and stated that no case was registered against him."
    )
    assert agencies(nlp, text) == {
        ("Islamabad Capital Territory Police", "ICT Police", "police", "Pakistan"),
        ("Federal Investigation Agency", "FIA", "government", "Pakistan"),
    }


def test_the_ministry_of_information_in_a_pakistani_story_is_pakistans(nlp):
    text = (
        "ISLAMABAD: Representatives from the Ministry of Religious Affairs and the Ministry of Information "
        "attended the meeting on pilgrims travelling from Pakistan to Iran and Iraq."
    )
    assert ("Ministry of Information and Broadcasting", "MoIB", "government", "Pakistan") in agencies(
        nlp, text
    )


def test_the_department_of_justice_in_a_us_story_is_the_us_one(nlp):
    text = (
        "WASHINGTON: US federal prosecutors have charged five Nebraska hotel operators in what the "
        "Department of Justice (DOJ) calls a large-scale human trafficking operation across the United "
        "States."
    )
    # the US one, and in a story about the US the government's own (tipwatch_agency_home_v1)
    assert agencies(nlp, text) == {
        ("US Department of Justice", "DOJ", "government", "United States"),
    }


def test_a_country_named_before_the_name_decides_over_the_story(nlp):
    """ "Pakistan's Interior Ministry" in a story about Bahrain is Pakistan's."""
    text = (
        "MANAMA: Bahrain and Pakistan agreed to cooperate on immigration. Bahrain's delegation met "
        "officials of Pakistan's Interior Ministry in Bahrain."
    )
    assert ("Ministry of Interior", "MoI", "government", "Pakistan") in agencies(nlp, text)


# -- the data ---------------------------------------------------------------------------------------


def test_a_local_form_that_no_countrys_agency_has_is_refused(nlp, tmp_path):
    agencies_csv = tmp_path / "agencies.csv"
    agencies_csv.write_text("name,acronym,kind,country,aliases\nUnited Nations,UN,international,,\n")
    local = tmp_path / "local_forms.txt"
    local.write_text("# no country\nUnited Nations\n")
    countries = tmp_path / "countries.csv"
    countries.write_text("name,aliases\nPakistan,\n")
    words = tmp_path / "country_words.csv"
    words.write_text("country,demonyms,places\nPakistan,Pakistani,\n")
    with pytest.raises(ValueError, match="United Nations"):
        AgencyScope(
            nlp,
            "scope",
            agencies=str(agencies_csv),
            local_forms=str(local),
            countries=str(countries),
            country_words=str(words),
        )


def test_a_foreign_row_named_as_written_keeps_its_kind_at_home(nlp):
    """Issue 12 (a Dawn column on US politics): "Congress" of no country the text supports was a
    `government` body; the US Congress row's kind at home is `legislature`."""
    text = "As political scientists note, the Congress has passed fewer laws each year since then."
    assert agencies(nlp, text) == {("Congress", None, "legislature", None)}


def test_a_two_letter_acronym_of_no_supported_country_is_no_body(nlp):
    """Regression (Google Alerts): "SC shop" (South Carolina) was the Supreme Court of Pakistan."""
    text = "Fake Super Bowl rings were found in an Anderson SC shop, authorities say."
    assert agencies(nlp, text) == set()


def test_a_two_letter_acronym_in_a_pakistani_story_is_pakistans_body(nlp):
    text = "ISLAMABAD: The SC on Monday heard the petition against the FC in Lahore."
    assert agencies(nlp, text) == {
        ("Supreme Court of Pakistan", "SC", "court", "Pakistan"),
        ("Frontier Corps", "FC", "police", "Pakistan"),
    }


def test_an_acronym_the_text_never_writes_out_of_no_supported_country_is_no_body(nlp):
    """Regression (PolNeAR train, 14 of 120 texts): "super PAC" in a US story was a public accounts
    committee (a legislature of no country)."""
    text = "A super PAC supporting Senator Marco Rubio spent $2 million on ads in Florida."
    assert agencies(nlp, text) == set()


def test_a_public_accounts_committee_in_a_pakistani_story_is_pakistans(nlp):
    text = "ISLAMABAD: The PAC on Monday directed the ministry to recover the funds."
    assert agencies(nlp, text) == {("Public Accounts Committee", "PAC", "legislature", "Pakistan")}


def test_an_acronym_a_persons_title_follows_is_the_officials_body(nlp):
    """world_dev (Philippine News Agency copy): "DOJ Undersecretary" is the body of an official,
    kept for the official's organisation although the text never writes DOJ out."""
    text = "Meanwhile, DOJ Undersecretary Nicholas Felix L. Ty said the cases were filed."
    assert agencies(nlp, text) == {("DOJ", "DOJ", "government", None)}
