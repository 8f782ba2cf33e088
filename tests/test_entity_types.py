"""A new entity type is a pattern file and one line of config (issue 11).

The worked example: a ``STATUTE`` label from a ``statutes.jsonl`` pattern file, added to the entity
component's ``labels`` table through a config override (the production config does not have it,
so the real tables do not change). The same line in ``models/pipeline.cfg``,
``STATUTE = "patterns/statutes.jsonl"`` under ``[components.tipwatch_entities.config.labels]``,
with the file in ``models/patterns/``, makes it a production label. (Issue 11's example was
``PARTY``; since issue 12 parties are agencies of kind ``party``.)
"""

from __future__ import annotations

import json

import pytest

STATUTES = [
    {"label": "STATUTE", "pattern": "Prevention of Trafficking in Persons Act", "id": "PTPA 2018"},
    {"pattern": [{"ORTH": "PTPA"}], "id": "PTPA 2018"},
    {"pattern": "Emigration Ordinance", "id": "Emigration Ordinance 1979"},
]
SENTENCE = (
    "ISLAMABAD: Lawmakers amended the Prevention of Trafficking in Persons Act and the Emigration "
    "Ordinance on Tuesday, and the FIA said the PTPA had not been enforced."
)


@pytest.fixture(scope="module")
def statute_nlp(tmp_path_factory):
    from extractors.nlp.pipeline import build_pipeline

    path = tmp_path_factory.mktemp("patterns") / "statutes.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in STATUTES), encoding="utf-8")
    return build_pipeline(overrides={"components.tipwatch_entities.config.labels.STATUTE": str(path)})


def _ents(doc, label):
    return [(e.text, e.ent_id_) for e in doc.ents if e.label_ == label]


def test_a_pattern_file_and_one_config_line_add_a_label(statute_nlp):
    doc = statute_nlp(SENTENCE)
    assert _ents(doc, "STATUTE") == [
        ("Prevention of Trafficking in Persons Act", "PTPA 2018"),
        ("Emigration Ordinance", "Emigration Ordinance 1979"),
        ("PTPA", "PTPA 2018"),
    ]
    # the other rules still run beside it
    assert ("FIA", "Federal Investigation Agency") in _ents(doc, "AGENCY")


def test_the_production_pipeline_has_no_statute_label(nlp):
    assert not _ents(nlp(SENTENCE), "STATUTE")


def test_a_pattern_of_another_label_in_the_file_is_refused(tmp_path):
    import spacy

    from extractors.nlp.components.rule_files import label_patterns

    path = tmp_path / "statutes.jsonl"
    path.write_text(json.dumps({"label": "ORG", "pattern": "PTPA"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="ORG pattern in the STATUTE file"):
        label_patterns(spacy.blank("en"), "STATUTE", str(path))
