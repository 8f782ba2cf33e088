"""The seed article (a real Dawn/APP report of a Pakistani TIP conference): the floor, exactly."""

from __future__ import annotations

import pytest
from conftest import SEED

from extractors.extract import extract_documents
from extractors.parse.news import parse_text


@pytest.fixture(scope="module")
def seed(nlp):
    doc = parse_text(SEED.read_bytes(), source=SEED.name)
    [(document, records)] = list(extract_documents([doc], nlp))
    return document, records


def test_title_is_the_headline_and_boilerplate_is_gone(seed):
    document, _ = seed
    assert document.title == "‘Pakistan raking improves’ in US report on human trafficking"
    assert "Load Next Story" not in document.text
    assert document.text.endswith("international commitments and protocols on TIP.")


def test_officials(seed):
    _, records = seed
    got = {
        (o.name, o.title, o.organisation, o.organisation_acronym, o.mention_count) for o in records.officials
    }
    assert got == {
        ("Ahmad Ishaque Jehangir", "director general", "Federal Investigation Agency", "FIA", 2),
        ("Syed Kausar Abbas", "executive director", "Sustainable Social Development Organization", "SSDO", 2),
        ("Ehsan Sadiq", "director general", "National Police Bureau", "NPB", 1),
    }


def test_surnames_resolve_to_full_names(seed):
    document, records = seed
    persons = {(m.text, m.normalized) for m in records.mentions if m.label == "PERSON"}
    assert persons == {
        ("Ahmad Ishaque Jehangir", "Ahmad Ishaque Jehangir"),
        ("Jehangir", "Ahmad Ishaque Jehangir"),
        ("Syed Kausar Abbas", "Syed Kausar Abbas"),
        ("Abbas", "Syed Kausar Abbas"),
        ("Ehsan Sadiq", "Ehsan Sadiq"),
    }
    abbas = [c for c in records.claims if c.cue == "told"][0]
    assert document.text[abbas.speaker_start : abbas.speaker_end] == "Abbas"
    assert abbas.speaker == "Syed Kausar Abbas"


def test_agencies(seed):
    _, records = seed
    got = {(a.name, a.acronym, a.kind) for a in records.agencies}
    assert got == {
        ("Federal Investigation Agency", "FIA", "government"),
        ("Sustainable Social Development Organization", "SSDO", "ngo"),
        ("National Police Bureau", "NPB", "police"),
        ("US Department of State", None, "foreign_government"),
    }
    # "Trafficking in Persons (TIP)" and "Smuggling of Migrants (SOM)" are not agencies.
    assert not [m for m in records.mentions if m.label in ("AGENCY", "ORG") and m.text in ("TIP", "SOM")]


def test_tiers_years_and_country(seed):
    document, records = seed
    tiers = [(m.text, m.normalized) for m in records.mentions if m.label == "TIER"]
    assert tiers == [("Tier-II watch list", "2WL"), ("Tier II Watch List", "2WL")]
    years = [m.normalized for m in records.mentions if m.label == "YEAR"]
    assert years == ["2015", "2022", "2023"]
    placements = [
        (t.country, t.tier, t.source_kind, document.text[t.start : t.end]) for t in records.tier_placements
    ]
    assert placements == [
        ("Pakistan", "2WL", "news", "Tier-II watch list"),
        ("Pakistan", "2WL", "news", "Tier II Watch List"),
    ]


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def test_claims_exact(seed):
    document, records = seed
    text = document.text
    by_cue = {(c.speaker, c.cue): c for c in records.claims}

    abbas = by_cue[("Syed Kausar Abbas", "told")]
    content = (
        "Despite consistently being placed on the Tier II Watch List in the US Department of State’s annual TIP "
        "reports since 2015, Pakistan’s ranking has significantly improved in the 2022 and 2023 reports"
    )
    assert (abbas.start, abbas.end) == _span(text, content)
    assert (abbas.speaker_kind, abbas.direct, abbas.claim_type) == ("person", True, "ranking_change")
    assert (abbas.countries, abbas.tiers, abbas.years) == (("Pakistan",), ("2WL",), (2015, 2022, 2023))
    assert text[abbas.cue_start : abbas.cue_end] == "told"

    noted = by_cue[("Ahmad Ishaque Jehangir", "noted")]
    content = "human trafficking was a crime with no boundaries, affecting individuals of all ages, genders, and backgrounds"
    assert (noted.start, noted.end, noted.direct) == (*_span(text, content), False)

    vigilant = by_cue[("Ahmad Ishaque Jehangir", "said")]
    content = (
        "Our approach is to remain vigilant and adaptive to stay ahead of traffickers, leveraging innovation and "
        "technology to ensure the safety of citizens"
    )
    assert (vigilant.start, vigilant.end, vigilant.direct) == (*_span(text, content), True)
    assert text[vigilant.speaker_start : vigilant.speaker_end] == "he"

    sadiq = by_cue[("Ehsan Sadiq", "emphasised")]
    content = "the need for improving the implementation of the legal framework on the TIP"
    assert (sadiq.start, sadiq.end, sadiq.direct, sadiq.claim_type) == (
        *_span(text, content),
        False,
        "recommendation",
    )

    # passive attribution: no speaker, the auxiliary stays in the cue
    told = by_cue[(None, "was told")]
    content = (
        "Pakistan significantly improved its ranking in the annual ‘Trafficking in Persons (TIP)’ reports of the US "
        "State Department in the last two years, despite being placed on the Tier-II watch list"
    )
    assert (told.start, told.end, told.direct, told.speaker_kind, told.claim_type) == (
        *_span(text, content),
        False,
        "unnamed",
        "ranking_change",
    )


def test_every_offset_points_at_its_text(seed):
    document, records = seed
    for m in records.mentions:
        assert document.text[m.start : m.end] == m.text
    for c in records.claims:
        assert document.text[c.start : c.end] == c.content
        assert c.content in c.evidence
    for o in records.officials:
        assert document.text[o.start : o.end] in o.evidence


def test_ids_are_stable(seed, nlp):
    _, records = seed
    again = list(extract_documents([parse_text(SEED.read_bytes(), source=SEED.name)], nlp))[0][1]
    assert [c.id for c in again.claims] == [c.id for c in records.claims]
    assert [m.id for m in again.mentions] == [m.id for m in records.mentions]


def test_claims_join_to_the_official_and_agency_that_spoke(seed):
    """official_id / agency_id make "what did FIA officials say" one join."""
    _, seed_records = seed
    officials = {o.id: o for o in seed_records.officials}
    agencies = {a.id: a for a in seed_records.agencies}
    joined = {
        (c.speaker, officials[c.official_id].title, agencies[c.agency_id].name)
        for c in seed_records.claims
        if c.official_id
    }
    assert joined == {
        ("Ahmad Ishaque Jehangir", "director general", "Federal Investigation Agency"),
        ("Syed Kausar Abbas", "executive director", "Sustainable Social Development Organization"),
        ("Ehsan Sadiq", "director general", "National Police Bureau"),
    }
