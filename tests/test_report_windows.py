"""Reports read by the agency recogniser in windows (``[reports.components]`` in models/pipeline.cfg,
issue 14): the tables are the same as with the recogniser over the whole text, on real PDFs (the
committed sample report and a generated 20-country report) and on texts where it finds agencies."""

from __future__ import annotations

import dataclasses

import pytest

from extractors.extract import extract_documents
from extractors.nlp.components.agency_model import name_windows
from extractors.parse.pdf import parse_pdf
from extractors.records import RECORD_TABLES
from tests.conftest import SAMPLE_PDF
from tests.tip_fixtures import write_report

RECOGNISER = "tipwatch_agency_model"


def test_reports_give_the_recogniser_a_context(nlp, nlp_whole):
    assert nlp.meta["tipwatch_report_components"] == {RECOGNISER: {"context": 8}}
    assert nlp.meta["tipwatch_report_disable"] == ["ner", "tipwatch_tier_links"]
    assert nlp_whole.meta["tipwatch_report_components"] == {}


@pytest.fixture(scope="module")
def report_pdfs(tmp_path_factory) -> list[bytes]:
    path, _ = write_report(tmp_path_factory.mktemp("report"), countries=20, year=2023, seed=7)
    return [SAMPLE_PDF.read_bytes(), path.read_bytes()]


@pytest.mark.parametrize("which", [0, 1], ids=["sample-report", "generated-20-countries"])
def test_report_tables_are_the_same_with_and_without_windows(nlp, nlp_whole, report_pdfs, which):
    data = report_pdfs[which]
    doc = dataclasses.replace(parse_pdf(data), doc_id=f"report-{which}")
    [(_, windowed)] = extract_documents([doc], nlp, raw={doc.doc_id: data})
    [(_, whole)] = extract_documents([doc], nlp_whole, raw={doc.doc_id: data})
    windowed, whole = windowed.rows(), whole.rows()
    for table in RECORD_TABLES:
        assert windowed[table] == whole[table], table
    assert len(windowed["claims"]) > 50 and windowed["tier_placements"] and windowed["statistics"]


AGENCY_TEXTS = [
    "Director-General of the National Agency for the Prohibition of Trafficking in Persons, Binta Bello, "
    "said insufficient effort was to blame. Bello said NAPTIP and its officials had put in extra time.",
    "JAKARTA - The Indonesian Migrant Worker Protection Agency (BP2MI) thwarted the departure of 14 "
    "Indonesian Migrant Workers Candidates (CPMI) who were about to leave.",
    "Member agencies are the Bureau of Immigration (BI), POEA, DOLE, DFA and DSWD.",
    "Applicants must bring their CNIC and IELTS results to the Passport Office, officials said.",
]


@pytest.mark.parametrize("text", AGENCY_TEXTS, ids=["naptip", "bp2mi", "list", "refused"])
def test_windows_find_the_agencies_the_whole_text_gives(nlp, nlp_whole, text):
    """Each text padded with report prose that names nothing (the part windows skip): the entities
    are those of the recogniser over the whole text."""
    filler = "Officials screened migrants at ports of entry for indicators of trafficking. " * 6
    text = filler + text + " " + filler
    whole = nlp_whole(text)
    windowed = nlp(text)
    ents = lambda d: [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in d.ents]  # noqa: E731
    assert ents(windowed) == ents(whole)
    assert any(e.label_ == "AGENCY" for e in whole.ents)


def test_name_windows_are_around_words_that_can_start_a_name(nlp):
    doc = nlp.make_doc(
        "Officials screened migrants at ports. The Federal Investigation Agency arrested two men in a raid. "
        "Labour ministry staff inspected farms and found nothing at all in the fields there today. "
        "Shelters offered counseling and vocational training to survivors across the whole country."
    )
    keywords = nlp.get_pipe(RECOGNISER).keywords
    at = {t.text: t.i for t in doc}
    # "The" starts a sentence and a name (a capitalised word follows), "Labour" a name (an
    # organisation word follows); "Officials" and "Shelters" start sentences and no name.
    assert name_windows(doc, 2, keywords) == [
        (at["The"] - 2, at["Agency"] + 3),
        (at["Labour"] - 2, at["Labour"] + 3),
    ]
