"""Shared test setup: Prefect offline with a throwaway home, the real spaCy pipeline, the corpus."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Prefect reads these when it is first imported: set them before any test module imports it.
_PREFECT_HOME = tempfile.mkdtemp(prefix="tipwatch-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
# Commands run by tests use Prefect's temporary server, so no background server outlives the session;
# tests/test_server.py covers tipwatch's background server (the default for users) and stops it.
os.environ["TIPWATCH_PREFECT_SERVER"] = "ephemeral"

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = RAW / "pakistan-tip-ranking-conference.txt"
SAMPLE_PDF = RAW / "sample-tip-report-2023.pdf"


@pytest.fixture(scope="session")
def nlp():
    from extractors.nlp.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def nlp_whole():
    """The pipeline with the agency recogniser over the whole text, news and reports alike (no
    ``context`` windows: tests/test_report_windows.py, tests/test_news_windows.py)."""
    from extractors.nlp.pipeline import build_pipeline

    return build_pipeline(
        overrides={"reports.components": {}, "components.tipwatch_agency_model.config.context": None}
    )


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real-data corpus not found at {CORPUS} (it sits beside the repo as ../shared/corpus)")
    return CORPUS
