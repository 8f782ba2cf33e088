"""What a table is: :class:`Table`, its :class:`Column` and :class:`Highlight` parts, and the
field helpers record classes declare their columns with.

A record class (a frozen dataclass in :mod:`extractors.records`) is the schema of its table: each
field's annotation gives the column's Arrow type and its :func:`col` description gives the meaning,
so a column is written once. :meth:`Table.of_record` orders the columns the way every stored
table has them: ``id`` first, the record's own fields in declaration order, the evidence last.
Pure data; the registry of tables (``TABLES``) lives in :mod:`extractors.records`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Arrow type name: string, int64, bool, list<string>, list<int64>
    doc: str


# Python annotation (without "| None") -> the Arrow type name the store maps to pyarrow.
ARROW_TYPES = {
    "str": "string",
    "int": "int64",
    "bool": "bool",
    "tuple[str, ...]": "list<string>",
    "tuple[int, ...]": "list<int64>",
}
# Where a row came from; ``registry`` tables (runs) record the runs themselves and are never diffed.
ORIGINS = ("ingested", "extracted", "derived", "registry")

# The columns that say where a row was found, in their stored order (the last columns of a table).
EVIDENCE_COLUMNS = (
    Column("doc_id", "string", "sha256 of the raw document bytes"),
    Column("start", "int64", "start character offset into the document's stored text"),
    Column("end", "int64", "end character offset (exclusive)"),
    Column("page", "int64", "PDF page number (null for HTML and text)"),
    Column("evidence", "string", "the sentence the row was extracted from"),
)
EVIDENCE = tuple(c.name for c in EVIDENCE_COLUMNS)
# How extracted rows are stored and listed: by document, then by position in it.
EVIDENCE_ORDER = ("doc_id", "start", "end", "id")


@dataclass(frozen=True)
class Highlight:
    """A span of a row the review page marks in the row's evidence sentence.

    The label is fixed (``Highlight("AGENCY")``) or read from a column of the row
    (``Highlight(label_column="label")`` for mentions, whose rows carry PERSON, GPE, ...)."""

    label: str | None = None
    start: str = "start"
    end: str = "end"
    label_column: str | None = None

    def span(self, row: dict) -> tuple[int, int, str] | None:
        """(start, end, label) of this highlight in ``row``, or None when the row has no such span."""
        label = row.get(self.label_column) if self.label_column else self.label
        s, e = row.get(self.start), row.get(self.end)
        if not label or s is None or e is None or e <= s:
            return None
        return s, e, str(label)


@dataclass(frozen=True)
class Table:
    """One output table: its schema and everything the store, the diff and the review page need.

    ``key`` lines rows up across runs (content-derived, so equal rows have equal keys); ``sort`` is
    the stored row order; ``summary`` the columns that say what a row is on one line; ``highlights``
    the spans the review page marks; ``extra`` columns the store keeps beside the contract
    (bookkeeping), of which ``diff_ignores`` change with every extractor version without the data
    changing; ``text_column`` holds a whole document (summaries give its length, listings cut it);
    ``history`` says whether the database keeps the table's rows of every run.
    """

    name: str
    row: str  # one line on what one row is
    columns: tuple[Column, ...]
    origin: str = "extracted"  # one of ORIGINS
    key: str = "id"
    sort: tuple[str, ...] = EVIDENCE_ORDER
    summary: tuple[str, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    record: type | None = None  # the frozen record class of an extracted table
    extra: tuple[Column, ...] = ()
    diff_ignores: tuple[str, ...] = ()
    text_column: str | None = None
    history: bool = True  # whether the database keeps ``<name>_history`` over all completed runs

    def __post_init__(self):
        # A misspelt column in a definition fails at import, not in the middle of a run.
        if self.origin not in ORIGINS:
            raise ValueError(f"table {self.name}: origin {self.origin!r} is not one of {ORIGINS}")
        names = self.column_names + [c.name for c in self.extra]
        for name in (self.key, *self.sort, *self.summary, *self.diff_ignores):
            if name not in names:
                raise ValueError(f"table {self.name}: no column {name!r}")

    @classmethod
    def of_record(cls, record: type, name: str, row: str, **options: Any) -> Table:
        """The table of a record class: columns from its fields, ``id`` first, evidence last."""
        return cls(name, row, record_columns(record), record=record, **options)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def diffed(self) -> bool:
        """Whether run diffs compare this table (not the run registry: every run adds a row)."""
        return self.origin != "registry"

    def spans(self, row: dict) -> list[tuple[int, int, str]]:
        """(start, end, label) spans of ``row`` to highlight, in declaration order."""
        return [s for s in (h.span(row) for h in self.highlights) if s is not None]


# -- declaring columns on record classes -----------------------------------------------------------
def col(doc: str, **options: Any) -> Any:
    """A record field that is a column described by ``doc`` (``options`` as for dataclasses.field)."""
    return field(metadata={"doc": doc}, **options)


def evidence_col(name: str) -> Any:
    """One of the shared evidence fields (doc_id, start, end, page, evidence) of a record."""
    (column,) = [c for c in EVIDENCE_COLUMNS if c.name == name]
    return field(metadata={"doc": column.doc})


def row_id() -> Any:
    """The ``id`` field: empty when built, set to a content-derived id by ``__post_init__``."""
    return field(default="", metadata={"doc": "stable row id"})


def record_columns(record: type) -> tuple[Column, ...]:
    """Columns of a record class: ``id``, its own fields in declaration order, then :data:`EVIDENCE`."""
    by_name = {f.name: f for f in fields(record)}
    own = [n for n in by_name if n != "id" and n not in EVIDENCE]
    return tuple(_column(by_name[n]) for n in ("id", *own, *EVIDENCE))


def _column(f) -> Column:
    annotation = str(f.type).removesuffix(" | None")
    if annotation not in ARROW_TYPES or "doc" not in f.metadata:
        raise TypeError(f"field {f.name}: declare it with col(...) and one of {sorted(ARROW_TYPES)}")
    return Column(f.name, ARROW_TYPES[annotation], f.metadata["doc"])
