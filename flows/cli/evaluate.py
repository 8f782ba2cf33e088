"""tipwatch evaluate: score extraction against gold annotations (registered on the shared app)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from flows.cli.app import app, fail


@app.command()
def evaluate(
    gold: Path | None = typer.Argument(None, help="gold JSONL (default: models/gold/news_gold.jsonl)"),
    polnear: str | None = typer.Option(
        None, "--polnear", help="score claim attribution on a PolNeAR split: train, dev or test"
    ),
    shared: Path | None = typer.Option(
        None, "--shared", help="folder holding seed/ and corpus/ (default: ../shared)"
    ),
    limit: int | None = typer.Option(None, "--limit", help="PolNeAR: only the first N articles"),
    n_process: int = typer.Option(1, "--processes", help="spaCy worker processes"),
    model: str | None = typer.Option(None, "--model", help="base spaCy model"),
    json_out: bool = typer.Option(False, "--json", help="machine-readable output"),
    errors: bool = typer.Option(
        False, "--errors", help="with --json: list every false positive and negative"
    ),
    agreement: bool = typer.Option(
        False,
        "--agreement",
        help="with --polnear: score PolNeAR's annotators against each other "
        "on the split's multiply annotated articles, and tipwatch against each of them there",
    ),
    tier_quotes: bool = typer.Option(
        False,
        "--tier-quotes",
        help="score tier placements quote by quote on "
        "corpus/tiers/news_cited_tier_evidence.csv (skipped rows listed with their reason)",
    ),
):
    """Precision, recall and F1 per field against gold annotations."""
    from extractors.nlp.pipeline import build_pipeline
    from flows.evaluation import DEFAULT_GOLD, evaluate_news, evaluate_polnear
    from flows.gold import GoldError

    splits = ("train", "dev", "test") + (("annotator-training",) if agreement else ())
    if polnear and polnear not in splits:
        fail(f"unknown PolNeAR split {polnear!r}: use {', '.join(splits)}")
    if agreement:
        if not polnear:
            fail("--agreement needs --polnear SPLIT")
        from extractors.nlp.pipeline import build_pipeline
        from flows.evaluation import polnear_agreement
        from flows.gold import GoldError

        try:
            human, machine = polnear_agreement(
                polnear, shared, build_pipeline(overrides={"nlp.model": model} if model else None)
            )
        except GoldError as exc:
            fail(str(exc))
        if json_out:
            print(json.dumps({"annotators": human.to_dict(), "tipwatch": machine.to_dict()}, indent=2))
        else:
            print(f"annotator vs annotator (every ordered pair), {human.n_docs} pairs:")
            print(human.format_table())
            print(f"\ntipwatch vs each annotator, same articles, {machine.n_docs} comparisons:")
            print(machine.format_table())
        return
    if tier_quotes:
        from flows.evaluation import evaluate_tier_quotes

        try:
            result = evaluate_tier_quotes(
                build_pipeline(overrides={"nlp.model": model} if model else None), shared
            )
        except GoldError as exc:
            fail(str(exc))
        print(json.dumps(result.to_dict(errors=errors), indent=2) if json_out else result.format_table())
        return
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
