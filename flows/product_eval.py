"""Evaluation through the product: documents go through ``tipwatch run`` and are scored from its tables.

:func:`run_documents` writes each text as a ``.txt`` file into a temporary ``raw/`` folder, runs the
same Prefect flow ``tipwatch run`` runs (:func:`flows.pipeline.tipwatch_flow`) into a temporary
``processed/`` folder, and reads back the published Parquet tables: per document, the rows of
every extracted table and the stored text its offsets point into. Quality figures therefore include
everything a user's run does (file reading, parsing, chunking, the NLP workers, storage), not a
helper function called on a string.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flows.cli.common import prefect_env

TABLES = ("officials", "agencies", "tier_placements", "claims", "mentions", "statistics")


@dataclass
class ProductDoc:
    """One document as the run published it: its stored text and its rows per table."""

    name: str
    text: str = ""
    status: str = "missing"
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
    """``(name, text)`` pairs through one ``tipwatch run``; a :class:`ProductDoc` per pair, in order."""
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
                out[i].status = d["status"]
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
                out[i] = ProductDoc(name, first.text, first.status, first.tables)
    return out
