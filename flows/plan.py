"""What one run does with its sources: pure decisions, no Prefect and no IO.

:func:`plan_run` takes the sources a run found (raw folder, sources file) and the previous completed
run's ``documents`` rows, and says which documents to parse and extract, which to carry over (their
rows are copied from the previous run) and which are failure records with no bytes (unfetched URLs).
:class:`Source` and :class:`Limits` are the plain records the flow passes between its stages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

# A status that follows from the bytes alone: the same bytes get it again, so the document is carried.
# Errors are not in it: a document that failed before is retried.
CARRIED_STATUSES = ("ok", "empty", "needs_ocr", "encrypted")


@dataclass(frozen=True)
class Limits:
    """What one document may cost; over any of them it gets status ``error`` and one line."""

    max_bytes: int = 200_000_000  # per file, checked before a byte is read (HTML and text: 20 MB)
    max_pages: int = 2000  # per PDF
    parse_seconds: float = 120.0  # parsing one PDF or large web page (:mod:`flows.guard`)
    extract_seconds: float = 600.0  # the NLP stage for one document (:mod:`flows.workers`)
    parse_memory_mb: int = 384  # address space of the process parsing it (:mod:`flows.guard`)


@dataclass(frozen=True)
class Source:
    """One input: where it came from, and where its bytes are on disk."""

    source: str  # path relative to the raw folder, or URL
    path: str
    doc_id: str
    fetched_from: str | None = None
    error: str | None = None  # set when the source could not be fetched: a documents row with status error
    kind: str | None = None  # documents.kind for such a failure record


class RunPlan(NamedTuple):
    to_extract: list[Source]  # parse and extract now, in discovery order
    carried: list[Source]  # unchanged since the previous run: its rows are copied
    unfetched: list[Source]  # no bytes (``Source.error``): a failed documents row each


def unique_sources(sources: Iterable[Source]) -> list[Source]:
    """One source per distinct content (``doc_id``); the first listed wins.

    >>> [s.source for s in unique_sources([Source("a.txt", "", "1"), Source("copy/a.txt", "", "1")])]
    ['a.txt']
    """
    unique: dict[str, Source] = {}
    for s in sources:
        unique.setdefault(s.doc_id, s)
    return list(unique.values())


def is_carried(previous_row: Mapping | None, version: str) -> bool:
    """A document is carried over when the previous run extracted it with this extractor version
    and its status follows from the bytes alone (``ok``, ``empty``, ``needs_ocr``, ``encrypted``)."""
    return (
        previous_row is not None
        and previous_row.get("extractor_version") == version
        and previous_row["status"] in CARRIED_STATUSES
    )


def plan_run(sources: Iterable[Source], previous: Mapping[str, Mapping], version: str) -> RunPlan:
    """Split a run's sources into (to_extract, carried, unfetched).

    ``previous`` maps doc_id -> the previous run's ``documents`` row (empty for a first run);
    ``version`` is this run's extractor version. Sources are de-duplicated by content first.
    """
    sources = unique_sources(sources)
    unfetched = [s for s in sources if s.error]
    fetched = [s for s in sources if not s.error]
    carried = [s for s in fetched if is_carried(previous.get(s.doc_id), version)]
    carried_ids = {s.doc_id for s in carried}
    return RunPlan([s for s in fetched if s.doc_id not in carried_ids], carried, unfetched)


def describe(plan: RunPlan) -> str:
    """The plan in one line of progress: documents with bytes, carried over, to parse and extract."""
    n, carried, todo = len(plan.to_extract) + len(plan.carried), len(plan.carried), len(plan.to_extract)
    return f"{n} documents, {carried} unchanged (carried over), {todo} to parse and extract"
