"""A Commons or Lords committee named by its subject ("the Commons trade committee") is that
committee, kind legislature, not the House of Commons (``subject_house`` in
``agency_context.csv``). Regression for issue 12: BBC politics stories gave a House of Commons row
for "the Commons trade committee" and "the Commons Work and Pensions Committee". Tiny real texts
in the style of BBC politics, exact records."""

from __future__ import annotations

from extractors.extract import extract_documents
from extractors.parse.news import parse_text


def agencies(nlp, text: str) -> set[tuple]:
    document = parse_text(f"Headline\n\n{text}".encode(), source="test")
    [(_, recs)] = list(extract_documents([document], nlp))
    return {(a.name, a.kind, a.country) for a in recs.agencies}


def test_a_commons_committee_named_by_its_subject_is_the_committee(nlp):
    text = (
        "In January the MPs who make up the Commons Work and Pensions Committee published a highly "
        "critical report."
    )
    assert agencies(nlp, text) == {("Work and Pensions Committee", "legislature", "United Kingdom")}


def test_the_subject_may_be_written_in_lower_case(nlp):
    text = "Martin O'Neill, who chairs the Commons trade committee, said he believed the minister would act."
    assert agencies(nlp, text) == {("Trade Committee", "legislature", "United Kingdom")}


def test_a_commons_committee_with_no_subject_is_no_committee_row(nlp):
    """'a Commons select committee' names no committee; 'the committee' after the Commons is no
    subject ('The Commons has approved the measures ... the committee')."""
    assert agencies(nlp, "Mr Straw told a Commons select committee that concerns remained.") == {
        ("House of Commons", "legislature", "United Kingdom")
    }
    assert agencies(nlp, "The Commons has approved the measures, and the committee said so.") == {
        ("House of Commons", "legislature", "United Kingdom")
    }
