"""The trained agency recogniser (``tipwatch_agency_model``, models/agency_ner) and the rule checks
around it, on tiny real sentences with exact records; its off switch in models/pipeline.cfg."""

from __future__ import annotations

import pytest

from extractors.extract import extract_documents
from extractors.parse.news import parse_text

PHILIPPINES = "Headline\n\nMember agencies are the Bureau of Immigration (BI), POEA, DOLE, DFA and DSWD."


def records(nlp, text: str):
    document = parse_text(text.encode("utf-8"), source="test")
    [(_, recs)] = list(extract_documents([document], nlp))
    return recs


def agencies(nlp, text: str) -> set[tuple]:
    return {(a.name, a.acronym, a.kind) for a in records(nlp, text).agencies}


def test_a_cut_name_grows_to_the_whole_name_and_its_initials_link_to_it(nlp):
    """The recogniser marks "National Agency" and "NAPTIP": the span grows over "for the Prohibition
    of Trafficking in Persons", the acronym spells its initials and becomes its acronym, and the
    official's organisation is the whole name."""
    text = (
        "Headline\n\nDirector-General of the National Agency for the Prohibition of Trafficking in Persons, "
        "Binta Bello, said insufficient effort was to blame. Bello said NAPTIP and its officials had put in "
        "extra time."
    )
    recs = records(nlp, text)
    assert {(a.name, a.acronym, a.kind) for a in recs.agencies} == {
        ("National Agency for the Prohibition of Trafficking in Persons", "NAPTIP", "government")
    }
    assert {(o.name, o.title, o.organisation) for o in recs.officials} == {
        ("Binta Bello", "director general", "National Agency for the Prohibition of Trafficking in Persons")
    }


def test_capitalised_modifiers_join_the_name_and_a_defined_non_body_is_refused(nlp):
    """The recogniser marks "Worker Protection Agency" (without "Indonesian Migrant") and "CPMI", the
    acronym of people ("Migrant Workers Candidates"), not of a body."""
    text = (
        "Headline\n\nJAKARTA - The Indonesian Migrant Worker Protection Agency (BP2MI) thwarted the departure "
        "of 14 Indonesian Migrant Workers Candidates (CPMI) who were about to leave."
    )
    assert agencies(nlp, text) == {("Indonesian Migrant Worker Protection Agency", "BP2MI", "government")}


def test_a_bare_acronym_outside_a_list_of_bodies_is_refused(nlp):
    """The recogniser marks "CNIC" and "IELTS" (a card, a test) as well as the office."""
    text = "Headline\n\nApplicants must bring their CNIC and IELTS results to the Passport Office, officials said."
    assert agencies(nlp, text) == {("Passport Office", None, "government")}


def test_bare_acronyms_listed_with_a_body_take_its_kind(nlp):
    assert agencies(nlp, PHILIPPINES) == {
        ("Bureau of Immigration", "BI", "government"),
        # the gazetteer knows these two (world gazetteer rows, issue 12)
        ("Philippine Overseas Employment Administration", "POEA", "government"),
        ("DOLE", None, "government"),
        ("DFA", None, "government"),
        ("Department of Social Welfare and Development", "DSWD", "government"),
    }


def test_a_unit_named_before_its_parent_body_is_a_body_of_its_own(nlp):
    """The recogniser's "Residency Department of the Ministry of Interior" touches the rule's
    ministry; the unit before "of the" is kept (agency_runs.unit_of_parent)."""
    text = "Headline\n\nThe Residency Department of the Ministry of Interior deported 40 people last week."
    assert agencies(nlp, text) == {
        ("Residency Department", None, "government"),
        ("Ministry of Interior", None, "government"),
    }


@pytest.fixture(scope="module")
def rules_only():
    from extractors.nlp.pipeline import build_pipeline

    return build_pipeline(overrides={"components.tipwatch_agency_model.config.enabled": False})


def test_the_recogniser_switched_off_leaves_the_rules_alone(rules_only):
    assert "tipwatch_agency_model" in rules_only.pipe_names
    assert agencies(rules_only, PHILIPPINES) == {
        ("Bureau of Immigration", "BI", "government"),
        # gazetteer rows since issue 12
        ("Philippine Overseas Employment Administration", "POEA", "government"),
        ("Department of Social Welfare and Development", "DSWD", "government"),
    }


def test_a_recognised_short_form_of_one_longer_agency_is_that_agency(nlp):
    """PolNeAR (USA Today): "the Intelligence Committee" after "the House Intelligence Committee"
    was a second agency; with two longer names it ends, it stays as it is."""
    from spacy.tokens import Span

    from extractors.nlp.components.agency_model import _short_forms

    doc = nlp.make_doc(
        "House Intelligence Committee and Senate Select Committee ; the Intelligence Committee"
    )
    house = Span(doc, 0, 3, label="AGENCY", span_id="House Intelligence Committee")
    short = Span(doc, 9, 11, label="AGENCY", span_id="Intelligence Committee")
    [out] = _short_forms(doc, [short], [house])
    assert (out.start, out.end, out.id_) == (9, 11, "House Intelligence Committee")
    senate = Span(doc, 4, 7, label="AGENCY", span_id="Senate Intelligence Committee")
    [out] = _short_forms(doc, [short], [house, senate])
    assert out.id_ == "Intelligence Committee"


def test_a_name_that_begins_with_its_country_or_state_is_kept(nlp):
    """Issue 12 (Google Alerts, US local news): the recogniser marks "Georgia Bureau of
    Investigation" and "Kenya Police", which begin with a place the rules tag as a country; a
    place's police is no region ("Gujranwala Division" is one)."""
    text = (
        "Headline\n\nThe Georgia Bureau of Investigation arrested the man on Feb. 15. "
        "The Kenya Police said he had fled."
    )
    assert agencies(nlp, text) == {
        ("Georgia Bureau of Investigation", None, "government"),
        ("Kenya Police", None, "police"),
    }


def test_a_bare_acronym_next_to_a_place_is_no_listed_body(nlp):
    """Regression: a dateline ("MESA, Ariz. -") made "MESA" a body listed with the place."""
    text = (
        "Headline\n\nMESA, Ariz. - A nonprofit wedding dress shop sells discount dresses to help survivors."
    )
    assert agencies(nlp, text) == set()


def test_a_name_cut_before_a_title_takes_the_title(nlp):
    """Regression (BBC politics): "Office of the" + the title "Deputy Prime Minister" was a body
    named "Office of the"; the office is named after the title."""
    text = (
        "Headline\n\nThe MPs on the Office of the Deputy Prime Minister and Constitutional Affairs "
        "select committees pressed Mr Younger."
    )
    assert ("Office of the Deputy Prime Minister", None, "government") in agencies(nlp, text)
    assert not any(a[0] == "Office of the" for a in agencies(nlp, text))


def test_a_place_before_a_lower_case_organisation_word_is_a_generic_mention(nlp):
    """Regression (Google Alerts): the recogniser marked "Romanian court" and "Pakistani court on
    Monday"; a court of a country named by a common noun is no name."""
    text = (
        "Headline\n\nRomanian court rules to hold Andrew Tate for 30 more days. A Pakistani court on "
        "Monday and the Indian court agreed. The Kenya Police said so."
    )
    assert agencies(nlp, text) == {("Kenya Police", None, "police")}


def test_a_committee_named_after_its_house_is_the_committee(nlp):
    """Issue 12 (PolNeAR dev, US news): the rule's "Senate" at the start of the recogniser's
    "Senate Armed Services Committee" blocked the committee; a longer name that begins with a rule
    body and ends on an organisation word replaces it, not one that runs on ("on Monday")."""
    text = (
        "Headline\n\nThe Senate Armed Services Committee held a hearing. Senator Lindsey Graham chairs "
        "the Senate Judiciary Committee."
    )
    assert agencies(nlp, text) == {
        ("Senate Armed Services Committee", None, "legislature"),
        ("Senate Judiciary Committee", None, "legislature"),
    }


def test_a_ministry_named_by_a_list_of_portfolios_is_one_body(nlp):
    """Issue 12: "Ministry of Labour" + ", Invalids and Social Affairs" is one ministry (the name
    runs over its list of portfolios), and its head is "Ministry", not the plural "Affairs"."""
    text = "Headline\n\nThe Ministry of Labour, Invalids and Social Affairs issued a statement."
    assert agencies(nlp, text) == {("Ministry of Labour, Invalids and Social Affairs", None, "government")}


def test_a_title_after_a_court_of_is_part_of_its_name(nlp):
    """Issue 12 (Dawn): the title rule's "Justice" inside "High Court of Justice" kept the
    recogniser's court out; a name inside a law's title is no body."""
    text = (
        "Headline\n\nThe Israeli High Court of Justice rejected the petition. She cited the National "
        "Commission for Minorities Act."
    )
    assert agencies(nlp, text) == {("Israeli High Court of Justice", None, "court")}


def test_a_research_centre_or_institute_is_an_ngo_and_a_school_or_facility_none(nlp):
    """Issue 12 (PolNeAR dev, Dawn): think tanks ("Tax Policy Center", "Cato Institute") act in
    stories and are annotated as NGOs; a national one is the state's; a centre or institute named
    with a facility word is a school, hospital or facility (models/patterns/facility_words.txt)."""
    text = (
        "Headline\n\nEconomists at the Tax Policy Center estimated the cost; the Cato Institute disagreed. The "
        "National Counter Terrorism Center warned of attacks. She was treated at the Integrative "
        "Medicine Center in New York and studied at the Institute of Business Administration."
    )
    assert agencies(nlp, text) == {
        ("Tax Policy Center", None, "ngo"),
        ("Cato Institute", None, "ngo"),
        ("National Counter Terrorism Center", None, "government"),
    }


def test_two_bodies_joined_by_and_are_not_one_name(nlp):
    """Regression (PolNeAR dev): "Urban Institute and Brookings Institution" was one body."""
    text = "Headline\n\nEconomists at the Urban Institute and Brookings Institution said so."
    assert agencies(nlp, text) == {("Urban Institute", None, "ngo")}


def test_a_recognised_name_that_begins_a_longer_one_before_for_is_that_body(nlp):
    """Regression (PolNeAR dev): "the Peterson Institute" after "the Peterson Institute for
    International Economics" was a second body."""
    text = (
        "Headline\n\nChad Bown, an expert on trade at the Peterson Institute for International Economics, "
        "said so. Scholars at the Peterson Institute modeled what would happen."
    )
    assert agencies(nlp, text) == {("Peterson Institute for International Economics", None, "ngo")}


def test_a_well_known_international_body_by_its_acronym_is_the_gazetteers(nlp):
    """IAEA undefined in the text (Dawn/APP, PolNeAR): the gazetteer's row (agencies.csv)."""
    text = "Headline\n\nIran suspended cooperation with the IAEA after the strikes, officials said."
    assert agencies(nlp, text) == {("International Atomic Energy Agency", "IAEA", "international")}


def test_a_name_that_ends_on_its_country_or_its_seat_is_kept(nlp):
    """Issue 12 (Dawn/APP, EFE): the recogniser marks "Trade Development Authority of Pakistan" and
    "Office of the Attorney General for the Defense of Minors in Veracruz", which end on a place
    the rules tag; after an organisation word and 'of' the place is the body's country and part of
    its name, after 'in' it is the body's seat and not."""
    text = (
        "Headline\n\nOfficials of the Trade Development Authority of Pakistan attended the training. "
        "The children were reported to the Office of the Attorney General for the Defense of Minors "
        "in Veracruz."
    )
    found = {(a.name, a.kind, a.country) for a in records(nlp, text).agencies}
    assert ("Trade Development Authority of Pakistan", "government", "Pakistan") in found
    assert ("Office of the Attorney General for the Defense of Minors", "government", None) in found


def test_a_navy_the_recogniser_marks_is_a_body(nlp):
    """Issue 12 (Dawn/APP, BBC, migration stories): "Indian Navy" and "Royal Moroccan Navy" were
    refused for want of an organisation word; a navy is the state's."""
    text = "Headline\n\nThe Royal Moroccan Navy intercepted a boat carrying 50 migrants on Sunday."
    assert agencies(nlp, text) == {("Royal Moroccan Navy", None, "government")}


def test_a_body_inside_a_bracketed_law_title_is_refused(nlp):
    """Regression (Dawn/APP): with "navy" an organisation word, "Pakistan Navy (Amendment) Bill"
    made the navy a body; a law's title also runs past a bracketed part of it."""
    text = "Headline\n\nThe House passed the Pakistan Navy (Amendment) Bill, 2025 on Monday."
    assert not any("Navy" in a[0] for a in agencies(nlp, text))


def test_a_name_with_a_list_of_domains_begins_at_the_list_and_two_bodies_stay_two(nlp):
    """Issue 12 (fresh b, Curaçao): the recogniser marks "Smuggling Bureau" after "Human Trafficking
    and": the name begins at the list of domains; "the Ministry of Justice and Bureau X" is two
    bodies. Paraphrased constructions, not article text."""
    text = (
        "Headline\n\nThe minister and the new Human Trafficking and Smuggling Bureau (Bureau MH/MS) met "
        "on Monday. The Ministry of Justice and Bureau MH/MS are determined to act."
    )
    names = {a.name for a in records(nlp, text).agencies}
    assert "Human Trafficking and Smuggling Bureau" in names
    assert "Ministry of Justice" in names
    assert not any(n.startswith("Smuggling") or n.startswith("Ministry of Justice and") for n in names)


def test_a_list_of_places_or_of_bodies_sharing_words_does_not_begin_the_name(nlp):
    """Unannotated Dawn/APP (issue 12): "river Jhelum and Gujrat Division" lists places (a region is
    no body) and "Fars News and Mehr News Agency" two agencies; neither list joins the name.
    Paraphrased constructions."""
    text = (
        "Headline\n\nRain is expected in the catchments of river Jhelum and Gujrat Division on Friday. "
        "Iran's Fars News and Mehr News Agency also reported the strike."
    )
    names = {a.name for a in records(nlp, text).agencies}
    assert not any(n.startswith(("Jhelum", "Fars")) for n in names)


def test_a_list_of_domains_with_commas_is_one_name_and_a_list_of_bodies_is_not(nlp):
    """Issue 12 (fresh b, Israel; Dawn/APP): a model ORG whose commas list domains before its
    organisation word is one body ("the Population, Immigration and Border Authority"); after a
    comma of a list of bodies it is not ("..., Foreign Missions, Housing and Works Division").
    Paraphrased constructions."""
    text = (
        "Headline\n\nPolice raided the flats with the Population, Immigration and Border Authority on "
        "Monday. The grants cover the Finance Division, Foreign Missions, Housing and Works Division "
        "and others."
    )
    names = {a.name for a in records(nlp, text).agencies}
    assert "Population, Immigration and Border Authority" in names
    assert not any(n.startswith("Foreign Missions") for n in names)


def test_a_name_wrapped_across_a_line_is_one_name(nlp):
    """Fresh d and Dawn/APP: hard-wrapped text puts a line break inside a name; the agency row
    writes it with a space. Paraphrased construction."""
    text = "Headline\n\nOfficers of the Federal\nIntelligence and Investigations Agency arrested two men on Monday."
    names = {a.name for a in records(nlp, text).agencies}
    assert "Federal Intelligence and Investigations Agency" in names


def test_a_board_or_committee_named_by_its_function_only_is_no_agency(nlp):
    """Issue 12 (Dawn/APP unannotated pool): "the Steering Committee", "the HR committee" and a
    body's "Board of Governors" are its sub-units or generic references, not agencies; the body
    named with them stays."""
    text = (
        "Headline\n\nA legal cover was also not approved by the Steering Committee, the Karachi "
        "Development Authority said. The official said approval came from the HR committee. "
        "Pakistan is currently a member of the Board of Governors of the IAEA."
    )
    assert agencies(nlp, text) == {
        ("Karachi Development Authority", None, "government"),
        ("International Atomic Energy Agency", "IAEA", "international"),
    }


def test_a_function_only_board_after_its_owner_s_possessive_is_no_agency(nlp):
    """Issue 12 (Dawn/APP unannotated pool): "Lesco's Board of Directors" is Lesco's sub-unit, as
    "Board of Directors" alone is; the other bodies named with it stay."""
    text = (
        "Headline\n\nThe committee comprises the Power Division's federal secretary, a representative "
        "of Lesco’s Board of Directors (Human Resource Committee), and a representative of the "
        "Intelligence Bureau."
    )
    names = {name for name, _, _ in agencies(nlp, text)}
    assert "Intelligence Bureau" in names
    assert not any("Board" in name for name in names)
