"""The agency recogniser narrowed to the moves of the labels tipwatch reads (``labels`` under
``[components.tipwatch_agency_model.config]``; :mod:`extractors.nlp.components.recogniser_moves`):
the kept moves keep their trained weights, and the tables are those of the whole model on real
articles (issue 14)."""

from __future__ import annotations

import dataclasses

import numpy
import pytest
import spacy

from extractors.assets import MODELS_DIR
from extractors.extract import extract_documents
from extractors.nlp.components.recogniser_moves import keep_labels
from extractors.parse import parse_bytes
from extractors.records import RECORD_TABLES
from tests.conftest import SEED
from tests.test_news_windows import _articles

RECOGNISER = "tipwatch_agency_model"
WEIGHTS = MODELS_DIR / "agency_ner" / "model"


@pytest.fixture(scope="module")
def nlp_all_moves():
    """The pipeline with the recogniser deciding between all 19 labels' moves."""
    from extractors.nlp.pipeline import build_pipeline

    return build_pipeline(overrides={"components.tipwatch_agency_model.config.labels": None})


def _moves(nlp) -> list[str]:
    """Every move by its class name ("U-" is spaCy's unit move without a label)."""
    ner = nlp.get_pipe("agency_ner")
    return [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]


def test_the_pipeline_keeps_agency_and_org_moves(nlp, nlp_all_moves):
    narrowed = nlp.get_pipe(RECOGNISER).trained
    assert _moves(narrowed) == [
        "U-",
        "O",
        "B-AGENCY",
        "I-AGENCY",
        "L-AGENCY",
        "U-AGENCY",
        "B-ORG",
        "I-ORG",
        "L-ORG",
        "U-ORG",
    ]
    assert len(_moves(nlp_all_moves.get_pipe(RECOGNISER).trained)) == 78


def test_kept_moves_keep_their_trained_weights():
    whole = spacy.load(WEIGHTS)
    names = _moves(whole)
    upper = whole.get_pipe("agency_ner").model.get_ref("upper")
    weights, bias = upper.get_param("W").copy(), upper.get_param("b").copy()
    lower = whole.get_pipe("agency_ner").model.get_ref("lower").get_param("W").copy()
    narrowed = keep_labels(whole, "agency_ner", ["AGENCY"])
    kept = _moves(narrowed)
    assert kept == ["U-", "O", "B-AGENCY", "I-AGENCY", "L-AGENCY", "U-AGENCY"]
    model = narrowed.get_pipe("agency_ner").model
    rows = [names.index(m) for m in kept]
    assert numpy.array_equal(model.get_ref("upper").get_param("W"), weights[rows])
    assert numpy.array_equal(model.get_ref("upper").get_param("b"), bias[rows])
    assert numpy.array_equal(model.get_ref("lower").get_param("W"), lower)


def test_a_label_the_recogniser_lacks_is_refused():
    with pytest.raises(ValueError, match="no label"):
        keep_labels(spacy.load(WEIGHTS), "agency_ner", ["AGENCY", "AGENCIES"])


def test_news_tables_are_those_of_the_whole_model(nlp, nlp_all_moves, corpus):
    data = [SEED.read_bytes(), *_articles(corpus, n_dawn=60, n_bbc=30)]
    docs = [dataclasses.replace(parse_bytes(d, name=f"a{i}.txt"), doc_id=f"a{i}") for i, d in enumerate(data)]
    narrowed = [r.rows() for _, r in extract_documents(docs, nlp)]
    whole = [r.rows() for _, r in extract_documents(docs, nlp_all_moves)]
    for table in RECORD_TABLES:
        assert [w[table] for w in narrowed] == [w[table] for w in whole], table
    assert sum(len(w["agencies"]) for w in narrowed) > 150
