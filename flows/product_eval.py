"""Evaluation through the product: documents go through ``tipwatch run`` and are scored from its tables.

:func:`run_documents` writes each text as a ``.txt`` file into a temporary ``raw/`` folder, runs the
same Prefect flow ``tipwatch run`` runs (:func:`flows.pipeline.tipwatch_flow`) into a temporary
``processed/`` folder, and reads back the published Parquet tables: per document, the rows of
every extracted table and the stored text its offsets point into. Quality figures therefore include
everything a user's run does (file reading, parsing, chunking, the NLP workers, storage), not a
helper function called on a string.

A document the run could not process (status ``error``: a parse or extract limit, a parser crash;
``encrypted``, ``needs_ocr``; or no documents row at all) has no rows, so a scorer would count it as
finding nothing. :func:`failed_documents` collects those documents for whoever scores the run (the
``evaluate`` command reports them and refuses the figures unless told to accept them).
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from flows.cli.common import prefect_env

TABLES = ("officials", "agencies", "tier_placements", "claims", "mentions", "statistics")
# "empty" is the product's answer for a text with nothing to read, scored as such; every other
# status but "ok" means the run did not read the document
PROCESSED = ("ok", "empty")


@dataclass(frozen=True)
class FailedDocument:
    """A document the run did not process: its index among the documents scored, its name, the
    run's status for it and the run's one-line error."""

    doc: int
    name: str
    status: str
    error: str

    def line(self) -> str:
        return f"document {self.doc} ({self.name}) failed in the run: {self.status}: {self.error}"

    def to_dict(self) -> dict:
        return {"doc": self.doc, "name": self.name, "status": self.status, "error": self.error}


_FAILED: ContextVar[list[FailedDocument] | None] = ContextVar("failed_documents", default=None)


@contextlib.contextmanager
def failed_documents() -> Iterator[list[FailedDocument]]:
    """A list that receives every failed document of the runs made inside the block
    (:func:`run_documents`, and evaluations that run the flow themselves via :func:`note_failed`)."""
    sink: list[FailedDocument] = []
    token = _FAILED.set(sink)
    try:
        yield sink
    finally:
        _FAILED.reset(token)


def note_failed(docs: Iterable[FailedDocument]) -> None:
    """Hand failed documents to the enclosing :func:`failed_documents` block, if any."""
    sink = _FAILED.get()
    if sink is not None:
        sink.extend(docs)


@dataclass
class ProductDoc:
    """One document as the run published it: its stored text and its rows per table."""

    name: str
    text: str = ""
    status: str = "missing"
    error: str = "the run published no documents row for it"
    tables: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def __getitem__(self, table: str) -> list[dict]:  # the scorer reads doc[table]
        return self.tables.get(table, [])

    def rows(self) -> dict[str, list[dict]]:
        return self.tables


def _file_name(i: int, name: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60]
    return f"{i:05d}-{safe}.txt"


def run_documents(
    docs: Sequence[tuple[str, str]], *, model: str | None = None, workdir: Path | None = None
) -> list[ProductDoc]:
    """``(name, text)`` pairs through one ``tipwatch run``; a :class:`ProductDoc` per pair, in order.

    Documents whose status is not in :data:`PROCESSED` go to :func:`note_failed`."""
    prefect_env()
    from flows.pipeline import tipwatch_flow
    from flows.store import Store

    with tempfile.TemporaryDirectory(prefix="tipwatch-eval-", dir=workdir) as tmp:
        raw, processed = Path(tmp) / "raw", Path(tmp) / "processed"
        raw.mkdir()
        files, same_text = {}, {}
        for i, (name, text) in enumerate(docs):
            fname = _file_name(i, name)
            (raw / fname).write_text(text, encoding="utf-8")
            files[fname] = i
            same_text.setdefault(text, []).append(i)
        with contextlib.redirect_stdout(sys.stderr):  # the run's progress lines are not the report
            tipwatch_flow(raw_dir=str(raw), processed_dir=str(processed), model=model)
        store = Store(processed)
        out = [ProductDoc(name) for name, _ in docs]
        by_id: dict[str, ProductDoc] = {}
        for d in store.read_table("documents").to_pylist():
            i = files.get(Path(d["source"]).name)
            if i is not None:
                out[i].status, out[i].error = d["status"], d["error"] or ""
                by_id[d["doc_id"]] = out[i]
        for t in store.read_table("texts").select(["doc_id", "text"]).to_pylist():
            if t["doc_id"] in by_id:
                by_id[t["doc_id"]].text = t["text"] or ""
        for table in TABLES:
            for row in store.read_table(table).to_pylist():
                if row["doc_id"] in by_id:
                    by_id[row["doc_id"]].tables[table].append(row)
        # a document is its content: identical texts are one document in the run, and each
        # input that repeats it gets that document's rows
        for i, (name, text) in enumerate(docs):
            first = out[same_text[text][0]]
            if out[i].status == "missing" and first.status != "missing":
                out[i] = ProductDoc(name, first.text, first.status, first.error, first.tables)
    note_failed(
        FailedDocument(i, d.name, d.status, d.error) for i, d in enumerate(out) if d.status not in PROCESSED
    )
    return out
