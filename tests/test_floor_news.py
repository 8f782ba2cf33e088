"""Quality gate on the real-news gold set: officials, agencies and tier placements F1 never drop.

Runs the production parser and pipeline over ``models/gold/news_gold.jsonl`` (33 Dawn/APP articles
plus the seed, texts read from ``../shared``) and fails when a field's F1 falls below its floor.
Floors are the measured value rounded down to 0.01; they only go up. Skips when ``../shared/corpus``
is absent (the articles are not in this repository).
"""

from __future__ import annotations

import pytest
from conftest import CORPUS, SHARED

FLOORS = {
    "officials": 1.00,
    "officials_name": 1.00,
    "agencies": 0.99,
    "agencies_kind": 0.99,
    "tier_placements": 1.00,
    "tier_placements_no_year": 1.00,
}


@pytest.fixture(scope="module")
def report(nlp):
    if not CORPUS.is_dir():
        pytest.skip(
            f"real-news gold texts not found: {CORPUS} is absent (the corpus sits beside the repo as ../shared)"
        )
    from flows.evaluation import evaluate_news

    return evaluate_news(nlp, shared_dir=SHARED)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_f1_at_or_above_floor(report, field):
    score = report[field]
    assert score.f1 >= FLOORS[field], (
        f"{field} F1 {score.f1:.3f} fell below its floor {FLOORS[field]:.2f} "
        f"(tp {score.tp}, fp {score.fp}, fn {score.fn}); see `tipwatch evaluate --json --errors`"
    )


def test_every_gold_document_scored(report):
    assert report.n_docs == 34
