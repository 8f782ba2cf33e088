"""Reading the published tables: read-only SQL (:func:`run_query`), text tables rendered with rich
(:func:`format_table` plain and deterministic, :func:`print_table` styled on a terminal), and the
table overview and data dictionary generated from the schemas."""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path

import duckdb
from rich import box
from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from extractors.records import TABLES
from flows.store import EXTRA_COLUMNS, REVIEW_COLUMNS, REVIEWED_TABLES, Store

ALLOWED_STATEMENTS = {"SELECT", "EXPLAIN"}
MAX_CELL = 60
PLAIN_WIDTH = 1_000_000  # plain tables never wrap: as wide as their longest row


class QueryError(Exception):
    """Bad or refused SQL, as one line."""


def run_query(processed: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Every row of one read-only statement (:func:`query_rows` without a time or row limit)."""
    columns, rows, _ = query_rows(processed, sql)
    return columns, rows


def query_rows(
    processed: Path, sql: str, *, timeout: float | None = None, limit: int | None = None
) -> tuple[list[str], list[tuple], bool]:
    """(columns, rows, more) of one read-only statement on ``processed/tipwatch.duckdb``.

    The database is opened read-only with external access disabled and the configuration locked,
    so neither writes to the database nor file writes (COPY ... TO), ATTACH or extension loads can
    happen; statements other than SELECT-like ones are refused before they run. A statement still
    running after ``timeout`` seconds is interrupted (:class:`QueryError`); with ``limit``, at most
    that many rows are fetched and ``more`` says whether the result had more.
    """
    store = Store(processed)
    if not store.db_path.exists():
        raise QueryError(f"no database at {store.db_path}: run `tipwatch run` first")
    try:
        con = duckdb.connect(
            str(store.db_path),
            read_only=True,
            config={
                "enable_external_access": False,
                "autoload_known_extensions": False,
                "autoinstall_known_extensions": False,
            },
        )
        con.execute("SET lock_configuration = true")
    except duckdb.Error as exc:
        raise QueryError(
            f"{_one_line(exc)} (`tipwatch repair --processed {processed}` rebuilds it)"
        ) from None
    try:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(_one_line(exc)) from None
        if len(statements) != 1:
            raise QueryError(f"give exactly one SQL statement (got {len(statements)})")
        kind = statements[0].type.name
        if kind not in ALLOWED_STATEMENTS:
            raise QueryError(f"refused: {kind} statements are not allowed; tipwatch query is read-only")
        if kind == "EXPLAIN":
            _check_explained(con, sql)
        return _fetch(con, sql, timeout, limit)
    finally:
        con.close()


def _fetch(
    con: duckdb.DuckDBPyConnection, sql: str, timeout: float | None, limit: int | None
) -> tuple[list[str], list[tuple], bool]:
    """Execute and fetch within ``timeout`` seconds (a timer interrupts DuckDB) and ``limit`` rows."""
    timer = threading.Timer(timeout, con.interrupt) if timeout else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description]
        if limit is None:
            return columns, cur.fetchall(), False
        rows = cur.fetchmany(limit + 1)
        return columns, rows[:limit], len(rows) > limit
    except duckdb.InterruptException:
        raise QueryError(f"query stopped after {timeout:g} s (--timeout SECONDS, 0 for none)") from None
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None
    finally:
        if timer is not None:
            timer.cancel()


def _check_explained(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """EXPLAIN [ANALYZE] only around a SELECT: EXPLAIN ANALYZE runs the statement it explains."""
    inner = re.sub(r"^\s*EXPLAIN\s+(ANALY[SZ]E\s+)?", "", sql, count=1, flags=re.IGNORECASE)
    try:
        kinds = [st.type.name for st in con.extract_statements(inner)]
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None
    if kinds != ["SELECT"]:
        raise QueryError("refused: EXPLAIN only around a SELECT; tipwatch query is read-only")


# What a terminal would act on instead of showing: C0 and C1 control characters (ESC starts
# colour and cursor sequences), DEL, and the bidirectional overrides and isolates that reorder a
# line (U+202A-U+202E, U+2066-U+2069). Tab and newline stay (the table collapses them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    r"""``text`` with every character a terminal would act on written as a visible escape.

    >>> print(terminal_safe("Minister\x1b[31m X\u202e"))
    Minister\x1b[31m X\u202e
    """
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _one_line(exc: Exception) -> str:
    """A DuckDB error whole, on one line: its hints ("Did you mean "officials"?", candidate columns)
    and the LINE it points at are kept; the caret line under it means nothing on one line."""
    lines = [line.strip() for line in str(exc).splitlines()]
    kept = [line for line in lines if line and set(line) != {"^"}]
    return " ".join(kept) if kept else type(exc).__name__


def _cell(value, max_cell: int | None = MAX_CELL) -> str:
    """One cell as a single line: None empty, floats to 4 significant digits, lists bracketed,
    whitespace runs collapsed, cut to ``max_cell`` characters with "…" (None: never cut)."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.4g}"
    elif isinstance(value, (list, tuple)):
        text = "[" + ", ".join(str(v) for v in value) + "]"
    else:
        text = str(value)
    text = terminal_safe(" ".join(text.split()))
    return text if max_cell is None or len(text) <= max_cell else text[: max_cell - 1] + "…"


def _rich_table(columns: list[str], cells: list[list[str]], *, plain: bool) -> Table:
    """The rich table: plain is two spaces between columns and a dashed rule under the header
    (a ``Rule`` cell fills exactly its column's width); otherwise rich's bold-header style."""
    table = Table(
        box=None if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        pad_edge=False,
        show_edge=False,
        padding=(0, 1),
    )
    for name in columns:  # Text, not str: cells are data, never rich markup ("[1, 2]")
        table.add_column(Text(name), no_wrap=plain, overflow="ignore" if plain else "ellipsis")
    if plain:
        table.add_row(*[Rule(characters="-", style="") for _ in columns])
    for row in cells:
        table.add_row(*[Text(c) for c in row])
    return table


def _count(rows: list) -> str:
    return f"({len(rows)} row{'s' if len(rows) != 1 else ''})"


def format_table(
    columns: list[str], rows: list, *, max_cell: int | None = MAX_CELL, count: bool = True
) -> str:
    """A plain, deterministic text table (no terminal-width dependence), with a row count.

    >>> print(format_table(["name", "org"], [["Ehsan Sadiq", "NPB"]]))
    name         org
    -----------  ---
    Ehsan Sadiq  NPB
    (1 row)
    """
    cells = [[_cell(v, max_cell) for v in row] for row in rows]
    console = Console(file=io.StringIO(), width=PLAIN_WIDTH, color_system=None, highlight=False)
    with console.capture() as capture:
        console.print(_rich_table(columns, cells, plain=True))
    out = [line.rstrip() for line in capture.get().splitlines()]
    return "\n".join(out + ([_count(rows)] if count else []))


def print_table(columns: list[str], rows: list) -> None:
    """Print a table to stdout: rich styling on a terminal, :func:`format_table` text otherwise
    (pipes, files and tests see the same plain output whatever the terminal width)."""
    console = Console(highlight=False)
    if not console.is_terminal:
        print(format_table(columns, rows))
        return
    console.print(_rich_table(columns, [[_cell(v) for v in row] for row in rows], plain=False))
    console.print(_count(rows))


def table_overview() -> str:
    parts = []
    for t in TABLES.values():
        cols = ", ".join(c.name for c in t.columns)
        parts.append(f"{t.name}: one row per {t.row}\n  {cols}")
    parts.append(
        "tier_changes (view): one row per country and pair of consecutive report years whose tier differs\n"
        "  country, from_year, to_year, from_tier, to_tier, change"
    )
    parts.append("<table>_history: every table over all completed runs, with a run_id column")
    parts.append(
        "<table>_rejected: rows reviewers rejected (tipwatch review), for "
        + ", ".join(REVIEWED_TABLES)
        + "; those tables also have the columns "
        + ", ".join(REVIEW_COLUMNS)
    )
    return "\n".join(parts)


def data_dictionary() -> str:
    """Markdown data dictionary generated from the table schemas (README section)."""
    out = [
        "## Data dictionary",
        "",
        "Generated by `tipwatch tables --markdown` from the table schemas; "
        "a test fails when this copy is out of date.",
        "",
    ]
    for t in TABLES.values():
        out += [
            f"### `{t.name}`",
            "",
            f"One row per {t.row}.",
            "",
            "| column | type | meaning |",
            "|---|---|---|",
        ]
        out += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in t.columns]
        out += [f"| `{n}` | {ty} | store bookkeeping |" for n, ty in EXTRA_COLUMNS.get(t.name, {}).items()]
        out.append("")
    out += [
        "### `tier_changes` (view)",
        "",
        "One row per country and pair of consecutive report years whose tier differs "
        "(from TIP reports only): "
        "`country`, `from_year`, `to_year`, `from_tier`, `to_tier`, `change` (upgraded / downgraded).",
        "",
        "### Reviewers' decisions",
        "",
        f"Rows of {', '.join(f'`{n}`' for n in REVIEWED_TABLES)} also carry these columns, filled when "
        "a decision in `reviews/decisions.jsonl` (`tipwatch review`) applies to the row; rejected rows "
        "leave the table for `<table>_rejected` (same columns).",
        "",
        "| column | type | meaning |",
        "|---|---|---|",
        *(f"| `{n}` | string | {doc} |" for n, doc in REVIEW_COLUMNS.items()),
        "",
    ]
    return "\n".join(out)
