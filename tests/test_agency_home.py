"""An agency's kind as the story's country sees it (``tipwatch_agency_home_v1``). Regression for
issue 12: the gazetteer's ``foreign_government`` bodies (US State Department, FBI, UK Home Office)
kept that kind in stories about their own country (a BBC story on the Home Office, a US snippet on
the Justice Department). Tiny real texts in the style of BBC politics and US local news, exact
records."""

from __future__ import annotations

from extractors.extract import extract_documents
from extractors.parse.news import parse_text


def agencies(nlp, text: str) -> set[tuple]:
    document = parse_text(f"Headline\n\n{text}".encode(), source="test")
    [(_, recs)] = list(extract_documents([document], nlp))
    return {(a.name, a.kind, a.country) for a in recs.agencies}


def test_a_us_body_in_a_story_about_the_us_is_the_government_s_own(nlp):
    text = (
        "WASHINGTON - The Justice Department has informed lawyers for a witness that it will not "
        "bring charges against the Florida congressman."
    )
    assert agencies(nlp, text) == {("US Department of Justice", "government", "United States")}


def test_a_row_s_own_kind_at_home(nlp):
    """ICE at home is immigration police (``own_kind``), not a government department."""
    text = "Immigration and Customs Enforcement agents arrested two men in Texas on Tuesday, the agency said."
    assert agencies(nlp, text) == {("US Immigration and Customs Enforcement", "police", "United States")}


def test_a_text_naming_no_country_is_about_its_agencies_one_country(nlp):
    text = (
        "The top civil servant at the Home Office has been knighted. The Liberal Democrats said it "
        "beggared belief."
    )
    assert agencies(nlp, text) == {
        ("Home Office", "government", "United Kingdom"),
        ("Liberal Democrats", "party", "United Kingdom"),
    }


def test_a_us_body_in_a_story_about_another_country_stays_foreign(nlp):
    text = (
        "The US State Department placed Malaysia on Tier 3 in its annual report. Malaysia said the "
        "ranking did not reflect its efforts, and Malaysian officials in Kuala Lumpur rejected it."
    )
    assert agencies(nlp, text) == {("US Department of State", "foreign_government", "United States")}


def test_a_story_filed_from_washington_about_another_country_is_about_both(nlp):
    text = (
        "WASHINGTON: The State Department kept Kuwait on Tier 2. Kuwait has made efforts, the report "
        "said, and Kuwait must prosecute more traffickers."
    )
    assert agencies(nlp, text) == {("US Department of State", "foreign_government", "United States")}


def test_a_story_naming_its_own_country_far_more_than_another_is_about_it(nlp):
    """A US story that mentions another country once (issue 12: PolNeAR and Reuters texts kept
    the FBI and Congress foreign because the text named two countries)."""
    text = (
        "The FBI told the US Congress on Tuesday that the United States had seen more smuggling "
        "cases. US officials in Texas said the cases came from Mexico. The number in the United "
        "States rose, US agents said."
    )
    assert agencies(nlp, text) == {
        ("Federal Bureau of Investigation", "government", "United States"),
        ("US Congress", "legislature", "United States"),
    }


def test_a_story_written_from_inside_its_country_while_naming_another_more(nlp):
    """A US paper on China names the White House and Congress without "US" and names the
    Republicans: the US is its home although China is named more (issue 12: PolNeAR texts)."""
    text = (
        "China said on Monday that its navy would patrol the South China Sea, and Chinese officials "
        "in Beijing said China would not back down. The White House said the United States was "
        "watching closely, and Republicans in Congress called for sanctions."
    )
    # "Congress" is resolved before the home is known (agency_scope: China is named most), as the
    # body the text names, a legislature of no country
    assert agencies(nlp, text) == {
        ("White House", "government", "United States"),
        ("Congress", "legislature", None),
        ("Republican Party", "party", "United States"),
    }


def test_a_foreign_paper_naming_the_country_of_the_body_keeps_it_foreign(nlp):
    """The same story as a foreign paper writes it: "the US Congress" names its country."""
    text = (
        "China said on Monday that its navy would patrol the South China Sea, and Chinese officials "
        "in Beijing said China would not back down. The White House said the United States was "
        "watching closely, and Republicans in the US Congress called for sanctions."
    )
    assert agencies(nlp, text) == {
        ("White House", "foreign_government", "United States"),
        ("US Congress", "foreign_government", "United States"),
        ("Republican Party", "party", "United States"),
    }


def test_a_party_named_as_a_word_is_a_sign_of_the_home_country(nlp):
    """A US paper on Syria: "Republican senators" (no party body) and the State Department never
    written "US State Department" (issue 12: PolNeAR texts)."""
    text = (
        "Syria said on Monday that the talks in Geneva had failed, and Syrian officials in Damascus "
        "blamed the rebels. The State Department said the United States would keep talking, and "
        "Republican senators called for new sanctions."
    )
    assert agencies(nlp, text) == {("US Department of State", "government", "United States")}


def test_a_recognised_body_named_after_another_country_is_foreign(nlp):
    """Issue 12 (Dawn/APP): a body only the recogniser finds has no gazetteer kind; named after
    another country than the story's ("Russian Navy" in a story on Pakistan) it is foreign, named
    after the story's own ("National Police of Colombia") it keeps its kind."""
    text = (
        "Two ships visited Karachi, Pakistan, on Monday. Joint exercises between Pakistan Navy and "
        "Russian Navy continue to strengthen ties, Pakistan said."
    )
    assert ("Russian Navy", "foreign_government", "Russia") in agencies(nlp, text)
    text = "BOGOTA - The National Police of Colombia arrested five men in Colombia on Friday."
    assert agencies(nlp, text) == {("National Police of Colombia", "police", "Colombia")}


def test_in_a_story_about_two_countries_a_body_named_by_the_other_is_foreign(nlp):
    """Issue 12 (Dawn/APP, unannotated pool): a story on Pakistan and India names both about as
    often, so it is about neither; its Pakistani bodies are the government's own, and the Indian
    Air Force and Indian Navy, named by their country, kept ``government``."""
    text = (
        "Pakistan's military spokesman said the Pakistan Air Force responded to India. He said the "
        "PAF targeted the highest number of Indian Air Force (IAF) airfields in a single mission. "
        "He said the Indian Navy understood the heavy price they would pay if they tried to act "
        "from the sea."
    )
    assert agencies(nlp, text) == {
        ("Pakistan Air Force", "government", "Pakistan"),
        ("Indian Air Force", "foreign_government", "India"),
        ("Indian Navy", "foreign_government", "India"),
    }


def test_the_us_defence_department_in_british_spelling_is_the_pentagon(nlp):
    """Issue 12 (Dawn/APP, unannotated pool): Dawn and BBC spell the US department "Defence";
    "the US Defence Department" was a second, unknown body beside the Pentagon (a duplicate row)."""
    text = (
        "The US Defence Department, in a report to Congress on US-India security cooperation, said "
        "India could buy the jet. The Pentagon did not comment, Pakistan's Foreign Office said."
    )
    found = agencies(nlp, text)
    assert ("US Department of Defense", "foreign_government", "United States") in found
    assert not any("Defence" in name for name, _, _ in found)
