"""Shared test setup: Prefect offline with a throwaway home, the real spaCy pipeline, the corpus."""

from __future__ import annotations

import atexit
import faulthandler
import os
import sys
import tempfile
import uuid
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
# Every process the tests start inherits this mark; any still alive when the interpreter ends is
# named and killed (last atexit hook), so that no server or worker outlives the tests holding the
# terminal's or CI's output open.
_MARK = "TIPWATCH_TEST_SESSION"
os.environ[_MARK] = uuid.uuid4().hex
EXIT_WATCHDOG_SECONDS = 300
_PYTEST_PID = os.getpid()  # a forked child inherits atexit hooks: only this process runs ours

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


def pytest_unconfigure(config):
    # After the summary, the interpreter only shuts down (threads joined, atexit hooks): if that
    # takes minutes, something hangs. Print every thread's stack and exit 1 rather than hold CI
    # until its time limit with nothing to read (a pool's manager thread once did this).
    faulthandler.dump_traceback_later(EXIT_WATCHDOG_SECONDS, exit=True, file=sys.__stderr__)


@atexit.register  # registered first, so it runs last: after Prefect stops its temporary server
def _kill_what_the_tests_left() -> None:
    if os.getpid() != _PYTEST_PID:
        return
    import psutil

    mark = os.environ.get(_MARK)
    left = []
    for proc in psutil.process_iter():
        try:
            tracker = "multiprocessing.resource_tracker" in " ".join(proc.cmdline())
            if proc.pid != os.getpid() and not tracker and proc.environ().get(_MARK) == mark:
                left.append(proc)  # (the tracker ends by itself once this process has)
        except (psutil.Error, OSError):
            continue
    for proc in left:
        try:
            print(
                f"tests left a process running (killed): {proc.pid} {' '.join(proc.cmdline())[:160]}",
                file=sys.stderr,
            )
            proc.kill()
        except (psutil.Error, OSError):
            continue
