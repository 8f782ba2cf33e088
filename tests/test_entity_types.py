"""A new entity type is a pattern file and one line of config (issue 11).

The worked example: a ``PARTY`` label from a ``parties.jsonl`` pattern file, added to the entity
component's ``labels`` table through a config override (the production config does not have it,
so the real tables do not change). The same line in ``models/pipeline.cfg``,
``PARTY = "patterns/parties.jsonl"`` under ``[components.tipwatch_entities.config.labels]``, with
the file in ``models/patterns/``, makes it a production label.
"""

from __future__ import annotations

import json

import pytest

PARTIES = [
    {"label": "PARTY", "pattern": "Pakistan Peoples Party", "id": "Pakistan Peoples Party"},
    {"pattern": "PPP", "id": "Pakistan Peoples Party"},
    {"pattern": "Pakistan Tehreek-e-Insaf", "id": "Pakistan Tehreek-e-Insaf"},
    {"pattern": [{"ORTH": "PTI"}], "id": "Pakistan Tehreek-e-Insaf"},
]
SENTENCE = (
    "ISLAMABAD: Lawmakers of the PPP and the Pakistan Tehreek-e-Insaf walked out of the National "
    "Assembly on Tuesday, and the FIA said the PTI had not replied."
)


@pytest.fixture(scope="module")
def party_nlp(tmp_path_factory):
    from extractors.nlp.pipeline import build_pipeline

    path = tmp_path_factory.mktemp("patterns") / "parties.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PARTIES), encoding="utf-8")
    return build_pipeline(overrides={"components.tipwatch_entities.config.labels.PARTY": str(path)})


def _ents(doc, label):
    return [(e.text, e.ent_id_) for e in doc.ents if e.label_ == label]


def test_a_pattern_file_and_one_config_line_add_a_label(party_nlp):
    doc = party_nlp(SENTENCE)
    assert _ents(doc, "PARTY") == [
        ("PPP", "Pakistan Peoples Party"),
        ("Pakistan Tehreek-e-Insaf", "Pakistan Tehreek-e-Insaf"),
        ("PTI", "Pakistan Tehreek-e-Insaf"),
    ]
    # the other rules still run beside it
    assert ("FIA", "Federal Investigation Agency") in _ents(doc, "AGENCY")


def test_the_production_pipeline_has_no_party_label(nlp):
    assert not _ents(nlp(SENTENCE), "PARTY")


def test_a_pattern_of_another_label_in_the_file_is_refused(tmp_path):
    import spacy

    from extractors.nlp.components.rule_files import label_patterns

    path = tmp_path / "parties.jsonl"
    path.write_text(json.dumps({"label": "ORG", "pattern": "PPP"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="ORG pattern in the PARTY file"):
        label_patterns(spacy.blank("en"), "PARTY", str(path))
