"""News read by the agency recogniser in windows (``context`` under
``[components.tipwatch_agency_model.config]`` in models/pipeline.cfg, issue 14): the tables are
those of the recogniser over the whole text, on the seed article and on real Dawn/APP and BBC
articles (why: the "Windows" section of :mod:`extractors.nlp.components.agency_model`)."""

from __future__ import annotations

import dataclasses
import json
import random

from extractors.extract import extract_documents
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
