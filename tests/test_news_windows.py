"""News read by the agency recogniser in windows (``context`` under
``[components.tipwatch_agency_model.config]`` in models/pipeline.cfg, issue 14): the tables are
those of the recogniser over the whole text, on the seed article and on real Dawn/APP and BBC
articles (why: the "Windows" section of :mod:`extractors.nlp.components.agency_model`)."""

from __future__ import annotations

import dataclasses
import json
import random

import pytest
from spacy.tokens import Span

from extractors.extract import extract_documents
from extractors.nlp.components.agency_model import name_windows
from extractors.parse import parse_bytes
from extractors.records import RECORD_TABLES
from tests.conftest import SEED

RECOGNISER = "tipwatch_agency_model"


def test_news_gives_the_recogniser_a_context(nlp, nlp_whole):
    assert nlp.get_pipe(RECOGNISER).context == 8
    assert nlp_whole.get_pipe(RECOGNISER).context is None


def _articles(corpus, n_dawn: int = 40, n_bbc: int = 20) -> list[bytes]:
    dawn = corpus / "news_full" / "pk_dawn_app_2025"
    rows = [json.loads(line) for f in sorted(dawn.glob("*.jsonl")) for line in f.open(encoding="utf-8")]
    rows = [r for r in rows if (r.get("content") or "").strip()]
    random.Random(6).shuffle(rows)
    bbc = sorted((corpus / "news_full" / "bbc_news_2095").glob("*/*.txt"))
    random.Random(6).shuffle(bbc)
    texts = [(r["title"] or "") + "\n\n" + r["content"] for r in rows[:n_dawn]]
    return [t.encode() for t in texts] + [p.read_bytes() for p in bbc[:n_bbc]]


def test_news_tables_are_the_same_with_and_without_windows(nlp, nlp_whole, corpus):
    data = [SEED.read_bytes(), *_articles(corpus)]
    docs = [dataclasses.replace(parse_bytes(d, name=f"a{i}.txt"), doc_id=f"a{i}") for i, d in enumerate(data)]
    assert all(d.status == "ok" and d.kind == "news" for d in docs)
    windowed = [r.rows() for _, r in extract_documents(docs, nlp)]
    whole = [r.rows() for _, r in extract_documents(docs, nlp_whole)]
    for table in RECORD_TABLES:
        assert [w[table] for w in windowed] == [w[table] for w in whole], table
    assert sum(len(w["agencies"]) for w in windowed) > 100


def _with_rule_entity(nlp, text: str, words: str, label: str = "GPE"):
    """``text`` tokenized, with ``words`` marked as an entity a rule made (a country)."""
    doc = nlp.make_doc(text)
    start = next(t.i for t in doc if doc[t.i : t.i + len(words.split())].text == words)
    doc.ents = [Span(doc, start, start + len(words.split()), label=label)]
    return doc


def test_a_word_inside_a_rule_entity_opens_no_window_of_its_own(nlp):
    text = "Officials screened migrants at the ports of Pakistan for signs of trafficking and forced labour."
    keywords = nlp.get_pipe(RECOGNISER).keywords
    plain = nlp.make_doc(text)
    at = {t.text: t.i for t in plain}
    assert name_windows(plain, 2, keywords) == [(at["Pakistan"] - 2, at["Pakistan"] + 3)]
    assert name_windows(_with_rule_entity(nlp, text, "Pakistan"), 2, keywords) == []


def test_a_window_after_a_rule_word_starts_before_it(nlp):
    """The window of "Federal" starts ``context`` tokens before "Pakistan", the rule word just
    before it, as it did when "Pakistan" opened a window of its own; it ends ``context`` tokens
    after "Agency", not after a rule word."""
    text = "Officials said that Pakistan's Federal Investigation Agency had arrested two men in a raid."
    doc = _with_rule_entity(nlp, text, "Pakistan")
    at = {t.text: t.i for t in doc}
    keywords = nlp.get_pipe(RECOGNISER).keywords
    assert name_windows(doc, 2, keywords) == [(at["Pakistan"] - 2, at["Agency"] + 3)]


RULE_WORDS_BEFORE_AGENCIES = [
    "Pakistan's Federal Investigation Agency (FIA) arrested two suspects, the FIA said on Monday.",
    "The Ministry of Interior and Narcotics Control and the Anti-Narcotics Force signed an agreement.",
    "Prime Minister Shehbaz Sharif told the National Assembly Standing Committee on Human Rights that "
    "the Overseas Pakistanis Foundation and the Bureau of Emigration would help.",
    "In 2024 the Tier 2 Watch List placement led the Punjab Police and the Sindh Labour Department to act.",
]


@pytest.mark.parametrize("text", RULE_WORDS_BEFORE_AGENCIES, ids=["fia", "ministry", "assembly", "tier"])
def test_windows_find_the_agencies_after_rule_words(nlp, nlp_whole, text):
    """Rule entities (countries, titles, tiers, years, rule agencies) right before names the
    recogniser marks, padded with prose that names nothing: the entities of the whole text."""
    filler = "Officials screened migrants at ports of entry for indicators of trafficking. " * 4
    text = filler + text + " " + filler
    ents = lambda d: [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in d.ents]  # noqa: E731
    assert ents(nlp(text)) == ents(nlp_whole(text))
