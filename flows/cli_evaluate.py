"""tipwatch evaluate: score extraction against gold annotations (registered on the shared app)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .cli import app, fail


@app.command()
def evaluate(
    gold: Optional[Path] = typer.Argument(None, help="gold JSONL (default: models/gold/news_gold.jsonl)"),
    polnear: Optional[str] = typer.Option(None, "--polnear", help="score claim attribution on a PolNeAR split: train, dev or test"),
    shared: Optional[Path] = typer.Option(None, "--shared", help="folder holding seed/ and corpus/ (default: ../shared)"),
    limit: Optional[int] = typer.Option(None, "--limit", help="PolNeAR: only the first N articles"),
    n_process: int = typer.Option(1, "--processes", help="spaCy worker processes"),
    model: Optional[str] = typer.Option(None, "--model", help="base spaCy model"),
    json_out: bool = typer.Option(False, "--json", help="machine-readable output"),
    errors: bool = typer.Option(False, "--errors", help="with --json: list every false positive and negative"),
):
    """Precision, recall and F1 per field against gold annotations."""
    from extractors.pipeline import build_pipeline

    from .evaluation import DEFAULT_GOLD, evaluate_news, evaluate_polnear
    from .gold import GoldError

    if polnear and polnear not in ("train", "dev", "test"):
        fail(f"unknown PolNeAR split {polnear!r}: use train, dev or test")
    if gold is not None and not gold.is_file():
        fail(f"gold file not found: {gold}")
    nlp = build_pipeline(overrides={"nlp.model": model} if model else None)
    try:
        if polnear:
            report = evaluate_polnear(nlp, polnear, shared, limit=limit, n_process=n_process)
        else:
            report = evaluate_news(nlp, gold or DEFAULT_GOLD, shared)
    except GoldError as exc:
        fail(str(exc))
    print(json.dumps(report.to_dict(errors=errors), indent=2) if json_out else report.format_table())
