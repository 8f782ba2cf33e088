"""The world gold set: how it was split (before annotation), that it is frozen, and that it is well-formed."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORLD = ROOT / "models" / "gold" / "world"
SHARED = ROOT.parent / "shared"
SPLIT = [json.loads(line) for line in open(WORLD / "split.jsonl", encoding="utf-8")]
needs_corpus = pytest.mark.skipif(
    not (SHARED / "corpus" / "news_diverse").is_dir(), reason="../shared/corpus is not beside the checkout"
)


def test_split_is_by_outlet_and_large_enough():
    by_side = {s: [r for r in SPLIT if r["split"] == s] for s in ("dev", "blind")}
    assert len(SPLIT) >= 120
    assert len({r["outlet_group"] for r in SPLIT}) >= 8 and len({r["country"] for r in SPLIT}) >= 6
    assert len(by_side["blind"]) >= 40
    dev_outlets = {r["outlet_group"] for r in by_side["dev"]}
    blind_outlets = {r["outlet_group"] for r in by_side["blind"]}
    assert not dev_outlets & blind_outlets  # no outlet (or wire) on both sides
    assert len(blind_outlets) >= 3
    doubly = [r for r in SPLIT if len(r["annotators"]) == 2]
    assert len(doubly) >= 20 and all(a != b for a, b in (r["annotators"] for r in doubly))
    assert Counter(r["split"] for r in doubly) == {"dev": 10, "blind": 10}


def test_split_file_is_what_the_split_script_writes(tmp_path):
    """The split is reproducible from its script: nobody moved an article after seeing results."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import world_gold_split as ws
    finally:
        sys.path.pop(0)
    if not (SHARED / "corpus" / "news_diverse").is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    rows = ws.articles(SHARED)
    ws.split(rows)
    ws.assign(rows)
    assert rows == SPLIT


BLIND_SHA256 = "967a499d60b4388625b0fedb62d10c4dc91ef86fdd511943ce9900f0ba8866e4"


def test_blind_split_is_frozen():
    """The blind split is scored and reported, never edited after its figures were first read."""
    import hashlib

    data = (ROOT / "models" / "gold" / "world_blind.jsonl").read_bytes()
    assert hashlib.sha256(data).hexdigest() == BLIND_SHA256
    assert len(data.decode("utf-8").splitlines()) == 45
