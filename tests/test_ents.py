"""extractors.nlp.ents: the entities inside a span, the same as spaCy's Span.ents (which walks the
whole document on every call), including entities that run into or out of the span."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from extractors.nlp.ents import ents_in_chars, ents_within


def test_same_as_span_ents_for_every_span():
    nlp = spacy.blank("en")
    doc = nlp(
        "The Federal Investigation Agency and FIA chief Ahmad Ishaq Jahangir met in Islamabad on Monday ."
    )
    doc.ents = [
        Span(doc, 1, 4, label="AGENCY", kb_id="FIA"),
        Span(doc, 5, 6, label="AGENCY"),
        Span(doc, 6, 7, label="TITLE"),
        Span(doc, 7, 10, label="PERSON"),
        Span(doc, 12, 13, label="GPE"),
    ]
    key = lambda ents: [(e.start, e.end, e.label_, e.kb_id_) for e in ents]  # noqa: E731
    for a in range(len(doc)):
        for b in range(a + 1, len(doc) + 1):
            assert key(ents_within(doc[a:b])) == key(doc[a:b].ents), (a, b)
    assert key(ents_within(doc[2:9])) == [(5, 6, "AGENCY", ""), (6, 7, "TITLE", "")]
    assert [e.text for e in ents_in_chars(doc, 0, 40)] == ["Federal Investigation Agency", "FIA"]
