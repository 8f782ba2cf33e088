"""Quality gate on the held-out real-news set (annotated blind, never used to tune rules).

``models/gold/news_heldout.jsonl`` (15 Dawn/APP articles, texts read from ``../shared``) measures how
the rules generalise beyond the development gold set. Floors are the measured values rounded down
to 0.01 and only go up; nobody tunes on this set's errors (that would make it a development set).
Skips when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, SHARED

HELDOUT = ROOT / "models" / "gold" / "news_heldout.jsonl"
# measured 2026-11-29 (second session): tipwatch evaluate models/gold/news_heldout.jsonl
FLOORS = {
    # Went down once (0.77 -> 0.75, stop 28; above 0.77 again since stop 35): the rules
    # distributing plural titles over name lists, tuned on news_dev2.jsonl, now find two held-out people that were missed before
    # (officials_name 0.839 -> 0.875) but with a role or body that does not match the gold, so
    # the full official rows lost 0.024. The set stays blind: its errors were not looked at, so the
    # drop is recorded here instead of being tuned away.
    "officials": 0.85,  # 0.853 (stop 35: wt-off19; 0.836 stop 28; 0.750 when set)
    "officials_name": 0.94,  # 0.941 (stop 35: wt-off19; 0.925 stop 28)
    "agencies": 0.90,  # 0.908 (stop 26)
    "claims_speaker": 0.81,  # 0.816 (stop 26)
    "claims_cue": 0.85,  # 0.859 (stop 35: wt-cue4; 0.846)
    "claims_content_overlap": 0.88,  # 0.889 (stop 35: wt-cue4; 0.876)
}


@pytest.fixture(scope="module")
def report(nlp):
    if not CORPUS.is_dir():
        pytest.skip(
            f"held-out news texts not found: {CORPUS} is absent (the corpus sits beside the repo as ../shared)"
        )
    from flows.evaluation import evaluate_news

    return evaluate_news(nlp, Path(HELDOUT), shared_dir=SHARED)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_heldout_f1_at_or_above_floor(report, field):
    score = report[field]
    assert score.f1 >= FLOORS[field], (
        f"held-out {field} F1 {score.f1:.3f} fell below its floor {FLOORS[field]:.2f}"
    )
