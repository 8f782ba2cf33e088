"""Compare two runs table by table, by row ID: which rows appeared, disappeared or changed.

Rows line up by their stable ID (``id`` for extracted records, ``doc_id`` for ``documents`` and
``texts``), which is content-derived, so the same extraction has the same ID in every run and a
diff shows only real changes. A changed row is one whose ID is in both runs but whose values
differ; its ``changed`` fields map each differing column to ``[before, after]``.

:func:`diff_tables` is pure (two Arrow tables in, a :class:`TableDiff` out); :func:`diff_runs`
reads both runs from a :class:`~flows.store.Store`. :func:`render_text` and :func:`to_json` turn a
:class:`RunDiff` into the terminal and machine formats; :mod:`flows.review` renders HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import pyarrow as pa

from extractors.records import TABLES
from flows.edits import PLACEMENT, best_pair, edited, offset_map
from flows.store import Store, StoreError
from flows.tables import format_table

# Tables a diff compares, in contract order (not the run registry: every run adds a row to it).
DIFF_TABLES = tuple(name for name, t in TABLES.items() if t.diffed)
KINDS = ("added", "removed", "changed")


class DiffError(Exception):
    """Runs that cannot be compared (missing, fewer than two), as one line."""


def key_column(table: str) -> str:
    """The column rows of ``table`` line up by across runs."""
    return TABLES[table].key


@dataclass(frozen=True)
class RowChange:
    """One row that differs between the runs.

    ``row`` is the row as it is in the newer run (the older run's row for ``removed``);
    ``before`` is the older run's row for ``changed`` rows. ``changed`` maps column -> [before, after].
    ``source`` is the document's path or URL, looked up in the ``documents`` table of the run
    the row comes from.
    """

    table: str
    kind: str  # added, removed, changed
    key: str
    row: dict
    before: dict | None = None
    changed: dict = field(default_factory=dict)
    source: str | None = None

    @property
    def doc_id(self) -> str | None:
        return self.row.get("doc_id")

    def summary(self, limit: int | None = 60) -> str:
        """The row's defining values on one line, each cut to ``limit`` characters (None: whole)."""
        table = TABLES[self.table]
        if table.text_column:  # a whole document: say how long it is
            return f"{len(self.row.get(table.text_column) or '')} characters"
        vals = [self.row.get(c) for c in table.summary]
        return " | ".join(_short(v, limit) for v in vals if v not in (None, "", []))

    def to_dict(self) -> dict:
        row = dict(self.row)
        text_column = TABLES[self.table].text_column
        if text_column:  # whole documents do not belong in a diff listing
            row[text_column] = _short(row.get(text_column), 200)
        return {
            "table": self.table,
            "kind": self.kind,
            "key": self.key,
            "doc_id": self.doc_id,
            "source": self.source,
            "page": row.get("page"),
            "evidence": row.get("evidence"),
            "changed": {k: [_jsonable(a), _jsonable(b)] for k, (a, b) in self.changed.items()},
            "row": {k: _jsonable(v) for k, v in row.items()},
        }


@dataclass(frozen=True)
class TableDiff:
    table: str
    added: tuple[RowChange, ...] = ()
    removed: tuple[RowChange, ...] = ()
    changed: tuple[RowChange, ...] = ()
    n_before: int = 0
    n_after: int = 0

    @property
    def rows(self) -> tuple[RowChange, ...]:
        return self.added + self.removed + self.changed

    @property
    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)}

    def is_empty(self) -> bool:
        return not self.rows


@dataclass(frozen=True)
class RunDiff:
    run_a: str | None
    run_b: str
    tables: dict[str, TableDiff]

    def is_empty(self) -> bool:
        return all(t.is_empty() for t in self.tables.values())

    @property
    def rows(self) -> list[RowChange]:
        return [r for t in self.tables.values() for r in t.rows]


# -- comparing ------------------------------------------------------------------------------------
def diff_tables(
    table: str,
    before: pa.Table,
    after: pa.Table,
    *,
    sources_before: dict[str, str] | None = None,
    sources_after: dict[str, str] | None = None,
) -> TableDiff:
    """Compare two versions of one table by row ID.

    Rows are returned sorted by (doc_id, start, key) so the output is deterministic. Columns in
    the table's ``diff_ignores`` are not compared; a column only one side has compares as null.
    A key repeated within one table is paired by occurrence (first with first).
    """
    a, b = _keyed(before, key_column(table)), _keyed(after, key_column(table))
    sa, sb = sources_before or {}, sources_after or {}
    order = _column_order(after, before)
    ignored = set(TABLES[table].diff_ignores)
    added, removed, changed = [], [], []
    for k, row in b.items():
        if k not in a:
            added.append(RowChange(table, "added", k[0], row, source=sb.get(row.get("doc_id"))))
        elif diffs := _changed_columns(a[k], row, order, ignored):
            changed.append(RowChange(table, "changed", k[0], row, a[k], diffs, sb.get(row.get("doc_id"))))
    for k, row in a.items():
        if k not in b:
            removed.append(RowChange(table, "removed", k[0], row, source=sa.get(row.get("doc_id"))))
    return TableDiff(
        table,
        tuple(sorted(added, key=_row_order)),
        tuple(sorted(removed, key=_row_order)),
        tuple(sorted(changed, key=_row_order)),
        before.num_rows,
        after.num_rows,
    )


def follow_edits(
    td: TableDiff, versions: Mapping[str, str], maps: Mapping[str, Callable[[int], int]]
) -> TableDiff:
    """``td`` with the rows of edited documents paired up (see :mod:`flows.edits`)."""
    if not versions or not td.removed or not td.added:
        return td
    by_doc: dict[str, list[RowChange]] = {}
    for r in td.added:
        by_doc.setdefault(r.row.get("doc_id"), []).append(r)
    used: set[int] = set()
    removed, changed = [], list(td.changed)
    # References to other rows (official_id, claim_id, row_ids, ...) are content-derived ids too.
    names = TABLES[td.table].column_names
    refs = {c for c in names if c.endswith(("_id", "_ids"))}
    ignored = set(TABLES[td.table].diff_ignores) | PLACEMENT | refs

    def order(c: str) -> tuple:
        return (names.index(c) if c in names else len(names), c)

    for old in td.removed:
        new_doc = versions.get(old.row.get("doc_id"))
        match = best_pair(old.row, by_doc.get(new_doc, []), maps.get(old.row.get("doc_id")), used, td.table)
        if match is None:
            removed.append(old)
            continue
        used.add(id(match))
        diffs = _changed_columns(old.row, match.row, order, ignored)
        if diffs:
            changed.append(RowChange(td.table, "changed", match.key, match.row, old.row, diffs, match.source))
    added = [r for r in td.added if id(r) not in used]
    return replace(
        td,
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(sorted(changed, key=_row_order)),
    )


def _changed_columns(old: dict, new: dict, order, ignored: set[str]) -> dict[str, tuple]:
    """column -> (before, after) for every compared column whose value differs, in column order."""
    return {
        c: (old.get(c), new.get(c))
        for c in sorted(set(old) | set(new), key=order)
        if c not in ignored and old.get(c) != new.get(c)
    }


def _row_order(r: RowChange) -> tuple:
    # By document, then position in it (rows without offsets first), then key: deterministic.
    return (r.row.get("doc_id") or "", r.row.get("start") if r.row.get("start") is not None else -1, r.key)


def diff_runs(store: Store, run_a: str | None, run_b: str, tables: list[str] | None = None) -> RunDiff:
    """Compare two completed runs of ``store``. ``run_a`` None compares against nothing (all added)."""
    wanted = list(tables) if tables else list(DIFF_TABLES)
    for t in wanted:
        if t not in DIFF_TABLES:
            raise DiffError(f"unknown table {t!r}: choose from {', '.join(DIFF_TABLES)}")
    completed = store.completed_runs()
    for r in (run_a, run_b):
        if r is not None and r not in completed:
            raise DiffError(f"no completed run {r!r} in {store.root}")
    src_a = _sources(store, run_a)
    src_b = _sources(store, run_b)
    versions = edited(src_a, src_b)  # edited documents: old doc_id -> new doc_id
    maps = _offset_maps(store, run_a, run_b, versions)
    out = {}
    for t in wanted:
        before = _read(store, t, run_a)
        after = _read(store, t, run_b)
        td = diff_tables(t, before, after, sources_before=src_a, sources_after=src_b)
        out[t] = follow_edits(td, versions, maps)
    return RunDiff(run_a, run_b, out)


def _offset_maps(store: Store, run_a: str | None, run_b: str, versions: dict[str, str]) -> dict:
    """old doc_id -> offset map into its new version, from the two runs' stored texts."""
    if not versions:
        return {}
    texts_a = {
        r["doc_id"]: r["text"] for r in _read(store, "texts", run_a).to_pylist() if r["doc_id"] in versions
    }
    wanted = set(versions.values())
    texts_b = {
        r["doc_id"]: r["text"] for r in _read(store, "texts", run_b).to_pylist() if r["doc_id"] in wanted
    }
    return {
        old: offset_map(texts_a[old], texts_b[new])
        for old, new in versions.items()
        if texts_a.get(old) is not None and texts_b.get(new) is not None
    }


def resolve_runs(store: Store, run_a: str | None = None, run_b: str | None = None) -> tuple[str, str]:
    """The two runs to compare: defaults are the two latest completed runs (older first).

    A run may be given by a unique prefix of its ID (``20261129T10``)."""
    completed = store.completed_runs()
    if run_a is None and run_b is None:
        if len(completed) < 2:
            raise DiffError(f"need two completed runs to compare, {store.root} has {len(completed)}")
        return completed[-2], completed[-1]
    a = _match(completed, run_a, store) if run_a else None
    if run_b is None:  # one run given: compare it with the run before it
        idx = completed.index(a)
        if idx == 0:
            raise DiffError(f"run {a} is the first run; give two runs to compare")
        return completed[idx - 1], a
    return a, _match(completed, run_b, store)


def _match(completed: list[str], prefix: str, store: Store) -> str:
    if prefix in completed:
        return prefix
    hits = [r for r in completed if r.startswith(prefix)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise DiffError(f"no completed run {prefix!r} in {store.root}")
    raise DiffError(f"run {prefix!r} is ambiguous: {', '.join(hits)}")


def _read(store: Store, table: str, run_id: str | None) -> pa.Table:
    if run_id is None:
        return pa.table({})
    try:
        return store.read_table(table, run_id)
    except StoreError:  # a run written before the table existed: compare against nothing
        return pa.table({})


def _sources(store: Store, run_id: str | None) -> dict[str, str]:
    docs = _read(store, "documents", run_id)
    if "doc_id" not in docs.column_names:
        return {}
    return dict(zip(docs.column("doc_id").to_pylist(), docs.column("source").to_pylist()))


def _keyed(tbl: pa.Table, key: str) -> dict[tuple[str, int], dict]:
    out: dict[tuple[str, int], dict] = {}
    seen: dict[str, int] = {}
    if key not in tbl.column_names:
        return out
    for row in tbl.to_pylist():
        k = row[key]
        n = seen.get(k, 0)
        seen[k] = n + 1
        out[(k, n)] = row
    return out


def _column_order(*tables: pa.Table):
    names: list[str] = []
    for t in tables:
        names += [n for n in t.column_names if n not in names]
    return lambda c: (names.index(c) if c in names else len(names), c)


# -- rendering ------------------------------------------------------------------------------------
def to_json(d: RunDiff) -> dict:
    """The diff as plain JSON-able data (counts per table, then every row)."""
    return {
        "run_a": d.run_a,
        "run_b": d.run_b,
        "empty": d.is_empty(),
        "tables": {
            t: {
                **td.counts,
                "rows_before": td.n_before,
                "rows_after": td.n_after,
                "rows": [r.to_dict() for r in td.rows],
            }
            for t, td in d.tables.items()
        },
    }


def render_text(d: RunDiff, *, max_rows: int | None = None) -> str:
    """Counts per table, then each changed table's rows: ``+`` added, ``-`` removed, ``~`` changed,
    with the changed fields (before -> after), the document and page, and the evidence sentence."""
    lines = [f"diff {d.run_a or '(nothing)'} -> {d.run_b}", ""]
    lines.append(
        format_table(
            ["table", "added", "removed", "changed", "rows before", "rows after"],
            [
                [t, td.counts["added"], td.counts["removed"], td.counts["changed"], td.n_before, td.n_after]
                for t, td in d.tables.items()
            ],
        )
    )
    if d.is_empty():
        lines += ["", "no differences"]
        return "\n".join(lines)
    for t, td in d.tables.items():
        if td.is_empty():
            continue
        c = td.counts
        lines += ["", f"{t}: {c['added']} added, {c['removed']} removed, {c['changed']} changed"]
        rows = td.rows if max_rows is None else td.rows[:max_rows]
        lines += [line for r in rows for line in _text_lines(r)]
        if max_rows is not None and len(td.rows) > max_rows:
            lines.append(f"  ... {len(td.rows) - max_rows} more")
    return "\n".join(lines)


_MARKS = {"added": "+", "removed": "-", "changed": "~"}


def _text_lines(r: RowChange) -> list[str]:
    """One row of the terminal diff: its mark, key, summary and place, the changed fields, the evidence."""
    where = r.source or (r.doc_id or "")[:12]
    if r.row.get("page") is not None:
        where += f" p.{r.row['page']}"
    lines = [f"  {_MARKS[r.kind]} {r.key[:16]}  {r.summary()}  [{where}]"]
    lines += [f"      {col}: {_change(old, new)}" for col, (old, new) in r.changed.items()]
    if r.row.get("evidence") and "evidence" not in r.changed:
        lines.append(f"      evidence: {_short(r.row['evidence'], 200)}")
    return lines


def _change(old, new, limit: int = 80) -> str:
    """``old -> new``; two long texts that share a start are shown from just before they differ."""
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > limit:
        a, b = " ".join(old.split()), " ".join(new.split())
        i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        if i > 20:
            cut = a.rfind(" ", 0, i - 15) + 1
            return f"…{_short(a[cut:], limit)} -> …{_short(b[cut:], limit)}"
    return f"{_short(old, limit)} -> {_short(new, limit)}"


def _short(value, limit: int | None = 60) -> str:
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        text = "[" + ", ".join(str(v) for v in value) + "]"
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _jsonable(value):
    if isinstance(value, tuple):
        return list(value)
    return value
