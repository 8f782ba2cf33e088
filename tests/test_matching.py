"""FilteredMatcher finds exactly what spaCy's Matcher finds, and the faster base-model components
(:mod:`extractors.nlp.components.base_model`) set the same attributes (issue 14: the same tables, faster)."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from extractors.nlp.components.matching import FilteredMatcher

TEXTS = [
    "The Tier-3 ranking of the US Embassy in Islamabad was raised to Tier 2 Watch List.",
    "Tier II, tier-ii and TIER three: the FIA's Director General said he did not agree.",
    "It is what it is; I'm sure they'll say it's fine, won't they?",
    "No pattern word at all here.",
]
PATTERNS = [
    ("TIER|3", [{"LOWER": {"REGEX": "^tier-?(3|iii|three)$"}}]),  # no required word
    (
        "TIER|2WL",
        [
            {"LOWER": "tier"},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["2", "ii"]}},
            {"LOWER": "watch"},
            {"LOWER": "list", "OP": "?"},
        ],
    ),  # fmt: skip
    ("AGENCY|US Embassy", [{"ORTH": "US"}, {"LOWER": "embassy"}]),
    ("AGENCY|US Embassy", [{"ORTH": "USA"}, {"LOWER": "embassy"}]),  # a second pattern, same key
    ("TITLE|dg", [{"LOWER": "director", "IS_TITLE": True}, {"LOWER": "general"}]),
    ("ONE|is", [{"LOWER": "is"}]),  # one token, plain words: looked up
    ("ONE|it-prp", [{"LOWER": "it", "TAG": "PRP"}]),
    ("ONE|ca", [{"ORTH": "ca"}]),  # in no text
    ("ANY|said", [{"OP": "?"}, {"LOWER": "said"}]),
]


def _reference(vocab, patterns) -> Matcher:
    m = Matcher(vocab)
    for key, p in patterns:
        m.add(key, [p])
    return m


def test_same_matches_as_spacy_matcher(nlp):
    docs = list(nlp.pipe(TEXTS))
    filtered, reference = FilteredMatcher(nlp.vocab, PATTERNS), _reference(nlp.vocab, PATTERNS)
    for doc in docs:
        assert filtered(doc) == sorted(set(reference(doc)))
    assert filtered(docs[3]) == []


def test_base_model_components_set_the_same_attributes(nlp):
    """The pipeline's attribute ruler (filtered) and lemmatizer (memo, through nlp.pipe) against the
    base model's own: parts of speech, morphology and lemmas of every token."""
    base = spacy.load(nlp.meta["tipwatch_base_model"].split("==")[0])
    texts = TEXTS * 2  # the second time round, lemmas come from the memo
    ours = [[(t.pos_, str(t.morph), t.lemma_) for t in d] for d in nlp.pipe(texts)]
    theirs = [[(t.pos_, str(t.morph), t.lemma_) for t in base(text)] for text in texts]
    assert ours == theirs
    assert [t.lemma_ for t in nlp("The ministers were meeting.")] == ["the", "minister", "be", "meet", "."]
