"""``tipwatch evaluate --narratives DIR``: TIP country narratives scored through the product.

``DIR`` holds ``gold.csv`` (file, url, country, report_year, tier, change, notes) and ``docs/`` with
the narrative pages (.txt, .html, .pdf). :func:`evaluate_narratives` runs the ``tipwatch`` flow on
``docs/`` into a throwaway processed folder, exactly as ``tipwatch run`` does, reads the
``tier_placements`` and ``documents`` tables it published and scores them file by file with
:func:`extractors.evaluation.narratives.score_narratives`.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from extractors.assets import MODELS_DIR
from extractors.evaluation.narratives import NarrativeScores, score_narratives

DEFAULT_NARRATIVES = MODELS_DIR / "gold" / "narratives"


class NarrativeGoldError(Exception):
    """A narratives folder that cannot be scored (one line)."""


def load_narrative_gold(folder: Path | str = DEFAULT_NARRATIVES) -> list[dict]:
    """The rows of ``<folder>/gold.csv``; every file it names must be in ``<folder>/docs``."""
    folder = Path(folder)
    path = folder / "gold.csv"
    if not path.is_file():
        raise NarrativeGoldError(f"narrative gold file not found: {path}")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missing = [r["file"] for r in rows if not (folder / "docs" / r["file"]).is_file()]
    if missing:
        raise NarrativeGoldError(f"{len(missing)} gold files missing from {folder / 'docs'}: {missing[0]}")
    return rows


def evaluate_narratives(folder: Path | str = DEFAULT_NARRATIVES, model: str | None = None) -> NarrativeScores:
    """Run the tipwatch flow on ``<folder>/docs`` and score its tier placements against gold.csv;
    files the run did not process go to :func:`flows.product_eval.note_failed` (doc: their gold row)."""
    from flows.evaluation import _country_aliases
    from flows.pipeline import tipwatch_flow
    from flows.product_eval import PROCESSED, FailedDocument, note_failed
    from flows.store import Store

    gold = load_narrative_gold(folder)
    with tempfile.TemporaryDirectory(prefix="tipwatch-narratives-") as processed:
        tipwatch_flow(raw_dir=str(Path(folder) / "docs"), processed_dir=processed, model=model)
        store = Store(Path(processed))
        documents = store.read_frame("documents")
        tiers = store.read_frame("tier_placements")
    file_of = {r.doc_id: Path(r.source).name for r in documents.itertuples()}
    status = {Path(r.source).name: (r.status, r.error or "") for r in documents.itertuples()}
    missing = ("missing", "the run published no documents row for it")
    note_failed(
        FailedDocument(i, r["file"], *status.get(r["file"], missing))
        for i, r in enumerate(gold)
        if status.get(r["file"], missing)[0] not in PROCESSED
    )
    rows_by_file: dict[str, list[dict]] = {}
    for r in tiers.to_dict("records"):
        rows_by_file.setdefault(file_of.get(r["doc_id"], ""), []).append(r)
    return score_narratives(gold, rows_by_file, _country_aliases())
