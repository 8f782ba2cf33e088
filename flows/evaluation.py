"""Run the product over gold sets and score it (the IO side of ``extractors.evaluation.scores``/``polnear``).

Every figure comes from the tables ``tipwatch run`` publishes: the gold texts are written as
documents into a temporary ``raw/`` folder and run through the real flow
(:func:`flows.product_eval.run_documents`); PolNeAR predictions are mapped back onto the raw text
before scoring because the gold offsets count raw characters. The ``nlp`` argument of the
functions below names the base model: a model name, or None for the configured default (a loaded
pipeline is accepted for compatibility and means the default).
"""

from __future__ import annotations

import csv
from pathlib import Path

from extractors.assets import MODELS_DIR
from extractors.evaluation.polnear import annotator_pairs, join_continued, score_attributions, to_raw_offsets
from extractors.evaluation.scores import Report, score
from extractors.evaluation.tier_quotes import score_tier_quotes
from flows.gold import default_shared_dir, load_gold, load_polnear, load_polnear_multi, load_tier_quotes
from flows.product_eval import run_documents

DEFAULT_GOLD = MODELS_DIR / "gold" / "news_gold.jsonl"


def _predict(texts: list[str], nlp=None, n_process: int = 1) -> list[tuple[str, dict]]:
    """(stored text, rows per table) of each text, as one ``tipwatch run`` publishes them."""
    model = nlp if isinstance(nlp, str) and nlp else None
    out = run_documents([(f"gold-{i}", t) for i, t in enumerate(texts)], model=model)
    return [(d.text, d.rows()) for d in out]


def evaluate_news(nlp, gold_path: Path | str = DEFAULT_GOLD, shared_dir: Path | str | None = None) -> Report:
    """Score officials, agencies, tier placements and claims on a news gold file."""
    gold = load_gold(gold_path, shared_dir or default_shared_dir())
    preds = [rows for _, rows in _predict([g.text for g in gold], nlp)]
    return score(gold, preds)


def evaluate_polnear(
    nlp, split: str, shared_dir: Path | str | None = None, limit: int | None = None, n_process: int = 1
) -> Report:
    """Score claim attribution (source, cue, content spans) on a PolNeAR split."""
    gold = load_polnear(split, shared_dir or default_shared_dir())
    if limit:
        gold = gold[:limit]
    out = _predict([g.text for g in gold], nlp, n_process=n_process)
    preds = [
        join_continued(to_raw_offsets(rows["claims"], g.text, stored)) for g, (stored, rows) in zip(gold, out)
    ]
    return score_attributions(gold, preds)


def polnear_agreement(
    split: str, shared_dir: Path | str | None = None, nlp=None
) -> tuple[Report, Report | None]:
    """Annotators scored against each other (every ordered pair) on the articles of a PolNeAR
    split that several people annotated: the human reference for :func:`evaluate_polnear`. With
    ``nlp``, also the pipeline scored against each of those annotators on the same articles, so
    machine and human figures compare on identical text."""
    versions = load_polnear_multi(split, shared_dir or default_shared_dir())
    human = score_attributions(*annotator_pairs(versions))
    if nlp is None:
        return human, None
    out = _predict([v[0].text for v in versions], nlp)
    preds = [
        join_continued(to_raw_offsets(rows["claims"], v[0].text, stored))
        for v, (stored, rows) in zip(versions, out)
    ]
    gold = [d for v in versions for d in v]
    machine = score_attributions(gold, [p for v, p in zip(versions, preds) for _ in v])
    return human, machine


COUNTRIES = MODELS_DIR / "gazetteers" / "countries.csv"
# Every quote was cut from a text about the US Trafficking in Persons report; the pipeline sees
# that only from words elsewhere in an article (the tier linker's ``context`` phrases). A quote
# is scored as the body of an article under this headline, which names no country, tier or year.
TIER_QUOTE_HEADLINE = "US Trafficking in Persons report"


def _country_aliases(path: Path = COUNTRIES) -> dict[str, list[str]]:
    from extractors.assets import split_aliases

    with open(path, encoding="utf-8", newline="") as fh:
        return {
            r["name"]: split_aliases(r["aliases"] or "")
            for r in csv.DictReader(fh)
            if not r["name"].startswith("#")
        }


def evaluate_tier_quotes(nlp, shared_dir: Path | str | None = None):
    """Score tier placements quote by quote on the news-cited tier evidence (see
    :mod:`extractors.evaluation.tier_quotes`): each quote goes through ``parse_text`` and the pipeline."""
    rows = load_tier_quotes(shared_dir or default_shared_dir())
    out = _predict([f"{TIER_QUOTE_HEADLINE}\n\n{r.quote}" for r in rows], nlp)
    return score_tier_quotes(rows, [p["tier_placements"] for _, p in out], _country_aliases())
