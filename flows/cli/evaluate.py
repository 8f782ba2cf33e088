"""tipwatch evaluate: score extraction against gold annotations (registered on the shared app)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from flows.cli.common import FormatOpt, JsonOpt, ProcessedOpt, app, emit, fail, flatten, output_format
from flows.product_eval import failed_documents

DecisionsOpt = typer.Option(
    None, "--decisions", help="score the latest run in --processed against reviewers' decisions in FILE"
)
AgreementOpt = typer.Option(
    False,
    "--agreement",
    help="with --polnear: score PolNeAR's annotators against each other "
    "on the split's multiply annotated articles, and tipwatch against each of them there",
)
TierQuotesOpt = typer.Option(
    False,
    "--tier-quotes",
    help="score tier placements quote by quote on "
    "corpus/tiers/news_cited_tier_evidence.csv (skipped rows listed with their reason)",
)
FactbookOpt = typer.Option(
    False,
    "--factbook",
    help="run the 904 CIA Factbook trafficking entries (corpus/tip_text) through tipwatch run and "
    "score the tier (and year) each gets",
)

NarrativesOpt = typer.Option(
    None,
    "--narratives",
    help="run tipwatch on DIR/docs (TIP country narratives) and score tier, change and report year "
    "per file against DIR/gold.csv (models/gold/narratives)",
)
AllowFailedOpt = typer.Option(
    False,
    "--allow-failed",
    help="exit 0 even when documents failed in the evaluation's run (status error: a parse or extract "
    "limit, a crash); they are still listed, and scored as finding nothing",
)


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
    fmt: str = FormatOpt(),
    json_out: bool = JsonOpt,
    errors: bool = typer.Option(
        False, "--errors", help="with --json: list every false positive and negative"
    ),
    agreement: bool = AgreementOpt,
    tier_quotes: bool = TierQuotesOpt,
    factbook: bool = FactbookOpt,
    narratives: Path | None = NarrativesOpt,
    decisions: Path | None = DecisionsOpt,
    processed: Path = ProcessedOpt,
    allow_failed: bool = AllowFailedOpt,
):
    """Precision, recall and F1 per field against gold annotations (or reviewers' decisions).

    csv prints every figure of the JSON report as one "key,value" line (fields.officials.f1,0.912).
    Documents that failed in the run are listed (stderr, "failed_documents"): exit 1, unless --allow-failed."""
    fmt = output_format(fmt, json_out)
    json_out = fmt != "table"  # csv is made from the JSON report
    splits = ("train", "dev", "test") + (("annotator-training",) if agreement else ())
    if polnear and polnear not in splits:
        fail(f"unknown PolNeAR split {polnear!r}: use {', '.join(splits)}")
    if agreement and not polnear:
        fail("--agreement needs --polnear SPLIT")
    if gold is not None and not gold.is_file() and not (agreement or tier_quotes or factbook or narratives):
        fail(f"gold file not found: {gold}")
    from flows.gold import GoldError

    try:
        with failed_documents() as failed:
            if decisions is not None:
                text = _decisions(processed, decisions, json_out)
            elif agreement:
                text = _agreement(polnear, shared, model, json_out)
            elif tier_quotes:
                text = _tier_quotes(shared, model, json_out, errors)
            elif factbook:
                from flows.factbook_eval import evaluate_factbook

                result = evaluate_factbook(shared, model)
                text = json.dumps(result.to_dict(), indent=2) if json_out else result.format()
            elif narratives is not None:
                text = _narratives(narratives, model, json_out)
            else:
                text = _gold_report(gold, polnear, shared, model, limit, n_process, json_out, errors)
    except GoldError as exc:
        fail(str(exc))
    _print(text, fmt, failed if decisions is None else None, allow_failed)  # decisions: no run


def _print(text: str, fmt: str, failed: list | None, allow_failed: bool) -> None:
    """Print the report in ``fmt`` with its run's failed documents (``None``: no run): one stderr
    line each, a count in the table, ``failed_documents`` in JSON and CSV (after every figure, so
    their keys stay), then exit 1 when there are any, unless ``allow_failed``."""
    for f in failed or ():
        print(f"tipwatch: {f.line()}", file=sys.stderr)
    if fmt != "table":  # csv is made from the JSON report
        data = json.loads(text) | (
            {} if failed is None else {"failed_documents": [f.to_dict() for f in failed]}
        )
        text = json.dumps(data, indent=2)
    elif failed is not None:
        text = f"{text}\ndocuments failed in the run: {len(failed)}"
    if fmt == "csv":
        emit("csv", ["key", "value"], flatten(json.loads(text)))
    else:
        print(text)
    if failed and not allow_failed:
        fail(
            f"{len(failed)} document(s) failed in the run and are scored as finding nothing, so these "
            "figures are not the product's; rerun, or pass --allow-failed to accept them"
        )


def _decisions(processed: Path, path: Path, json_out: bool) -> str:
    """Per table: the latest run's extraction against the reviewers' decisions."""
    from extractors.evaluation.results import Report
    from flows.decisions import DecisionError, score

    if not path.is_file():
        fail(f"decisions file not found: {path}")
    try:
        scores = score(processed, path)
    except DecisionError as exc:
        fail(str(exc))
    if json_out:
        return json.dumps({t: s.to_dict() for t, s in scores.items()}, indent=2)
    n = sum(s.tp + s.fp + s.fn for s in scores.values())
    return Report(tuple(scores.values()), n).format_table("decisions scored")


def _agreement(split: str, shared: Path | None, model: str | None, json_out: bool) -> str:
    """PolNeAR annotators against each other, then tipwatch against each of them."""
    from flows.evaluation import polnear_agreement

    human, machine = polnear_agreement(split, shared, model or "")
    if json_out:
        return json.dumps({"annotators": human.to_dict(), "tipwatch": machine.to_dict()}, indent=2)
    return "\n".join(
        [
            f"annotator vs annotator (every ordered pair), {human.n_docs} pairs:",
            human.format_table(),
            f"\ntipwatch vs each annotator, same articles, {machine.n_docs} comparisons:",
            machine.format_table(),
        ]
    )


def _tier_quotes(shared: Path | None, model: str | None, json_out: bool, errors: bool) -> str:
    from flows.evaluation import evaluate_tier_quotes

    result = evaluate_tier_quotes(model, shared)
    return json.dumps(result.to_dict(errors=errors), indent=2) if json_out else result.format_table()


def _narratives(folder: Path, model: str | None, json_out: bool) -> str:
    from flows.cli.common import prefect_env
    from flows.narrative_eval import NarrativeGoldError, evaluate_narratives

    prefect_env()
    try:
        scores = evaluate_narratives(folder, model=model)
    except NarrativeGoldError as exc:
        fail(str(exc))
    return json.dumps(scores.to_dict(), indent=2, default=str) if json_out else scores.format_table()


def _gold_report(gold, polnear, shared, model, limit, n_process, json_out, errors) -> str:
    """The news gold set (default) or a PolNeAR split, scored field by field."""
    from flows.evaluation import DEFAULT_GOLD, evaluate_news, evaluate_polnear

    nlp = model  # the product run builds the pipeline itself
    if polnear:
        report = evaluate_polnear(nlp, polnear, shared, limit=limit, n_process=n_process)
    else:
        report = evaluate_news(nlp, gold or DEFAULT_GOLD, shared)
    return json.dumps(report.to_dict(errors=errors), indent=2) if json_out else report.format_table()
