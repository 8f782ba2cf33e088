"""Helpers for the PDF and TIP tests: the report generator, the sample and the shared corpus."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PDF = ROOT / "raw" / "sample-tip-report-2023.pdf"
SAMPLE_TRUTH = ROOT / "tests" / "tip_sample_truth.json"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
NO_CORPUS = f"shared corpus not found at {CORPUS} (only present on the development machine)"


@cache
def script(name: str):
    """scripts/<name>.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def generator():
    """scripts/make_tip_report.py, the report generator."""
    return script("make_tip_report")


def write_report(folder: Path, *, countries: int, year: int, seed: int) -> tuple[Path, dict]:
    """Generate a report into ``folder``; return (pdf path, truth)."""
    data, truth = generator().generate(countries=countries, year=year, seed=seed)
    path = folder / f"tip-{year}-{countries}-{seed}.pdf"
    path.write_bytes(data)
    return path, truth


def load_truth(path: Path = SAMPLE_TRUTH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def placement_rows(records) -> list[tuple]:
    """Comparable (source_kind, country, report_year, tier, change, page) rows, sorted."""
    return sorted((r.source_kind, r.country, r.report_year, r.tier, r.change, r.page) for r in records)


def truth_placement_rows(truth: dict) -> list[tuple]:
    return sorted(
        (r["source_kind"], r["country"], r["report_year"], r["tier"], r["change"], r["page"])
        for r in truth["tier_placements"]
    )


def statistic_rows(records) -> list[tuple]:
    return sorted((r.country, r.report_year, r.metric, r.value, r.qualifier or "") for r in records)


def truth_statistic_rows(truth: dict) -> list[tuple]:
    return sorted(
        (r["country"], r["report_year"], r["metric"], r["value"], r["qualifier"] or "")
        for r in truth["statistics"]
    )
