"""``tipwatch review accept|reject|correct|status``: reviewers' decisions on extracted rows.

A decision is appended to the decisions file (default ``reviews/decisions.jsonl`` beside the
processed folder) and applied at every publish (:mod:`flows.decisions`); ``status`` says, for each
current decision, whether the latest run applied it, whether it waits for the next run, or whether
it is orphaned (its row is gone).
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import typer

from flows.cli.common import ProcessedOpt, app, check_format, fail
from flows.tables import print_table

review_app = typer.Typer(
    no_args_is_help=True,
    help="Reviewers' decisions: accept, reject or correct extracted rows; see what became of them.",
)
app.add_typer(review_app, name="review")

DecisionsOpt = typer.Option(
    None, "--decisions", help="decisions file (default: reviews/decisions.jsonl beside --processed)"
)
NoteOpt = typer.Option(None, "--note", help="why (kept with the decision)")
ReviewerOpt = typer.Option(None, "--reviewer", help="who decides (default: the login name)")
RowArg = typer.Argument(..., help="the row's id (or a unique prefix of at least 6 characters)")
_BOOL = {"true": True, "false": False}


def _decisions_path(decisions: Path | None, processed: Path) -> Path:
    from flows.decisions import default_decisions

    return decisions or default_decisions(processed)


def _find(processed: Path, row_id: str) -> tuple[str, dict, str | None]:
    """(table, row, document source) of the row with this id in the latest run (rejected rows too)."""
    from flows.store import REVIEWED_TABLES, Store, StoreError

    store = Store(processed)
    run = store.latest_run() if store.root.is_dir() else None
    if run is None:
        fail(f"no completed run in {processed}: run `tipwatch run` first")
    if len(row_id) < 6:
        fail("give at least 6 characters of the row id")
    hits = []
    for name in REVIEWED_TABLES:
        for suffix in ("", "_rejected"):
            try:
                rows = store.read_table(name + suffix, run).to_pylist()
            except StoreError:
                continue
            hits += [(name, r) for r in rows if r["id"].startswith(row_id)]
    ids = {r["id"] for _, r in hits}
    if not hits:
        fail(f"no row with id {row_id} in run {run}")
    if len(ids) > 1:
        fail(f"id {row_id} is ambiguous: {', '.join(sorted(ids)[:5])}")
    table, row = hits[0]
    docs = store.read_table("documents", run).to_pylist()
    source = next((d["source"] for d in docs if d["doc_id"] == row["doc_id"]), None)
    return table, row, source


def _record(processed, decisions, row_id, decision, fields, note, reviewer) -> None:
    from flows.decisions import DecisionError, append, decide

    table, row, source = _find(processed, row_id)
    try:
        d = decide(table, row, source, decision, fields=fields, reviewer=reviewer or _login(), note=note)
    except DecisionError as exc:
        fail(str(exc))
    path = _decisions_path(decisions, processed)
    append(path, [d])
    what = " ".join(f"{v}" for v in d.key.values() if v is not None)
    print(f"{decision} {table} {d.row_id} ({what}) recorded in {path}; applied at the next `tipwatch run`")


def _login() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def _plain_decision(decision: str, doc: str):
    """The ``accept`` / ``reject`` command: the same options, one decision each."""

    def command(
        row_id: str = RowArg, processed: Path = ProcessedOpt, decisions: Path | None = DecisionsOpt,
        note: str | None = NoteOpt, reviewer: str | None = ReviewerOpt,
    ):  # fmt: skip
        _record(processed, decisions, row_id, decision, None, note, reviewer)

    command.__doc__ = doc
    return command


review_app.command("accept")(_plain_decision("accept", "Mark a row as checked and right."))
review_app.command("reject")(
    _plain_decision(
        "reject", "Take a wrong row out of the tables (kept in <table>_rejected with the decision)."
    )
)


@review_app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def correct(
    ctx: typer.Context, row_id: str = RowArg, processed: Path = ProcessedOpt,
    decisions: Path | None = DecisionsOpt, note: str | None = NoteOpt, reviewer: str | None = ReviewerOpt,
):  # fmt: skip
    """Correct fields of a row: tipwatch review correct ID --title minister --organisation "Home Office"."""
    table, _, _ = _find(processed, row_id)
    _record(processed, decisions, row_id, "correct", _fields(table, ctx.args), note, reviewer)


def _fields(table: str, args: list[str]) -> dict:
    """``--field value`` / ``--field=value`` pairs as typed values (``null`` clears a field)."""
    from extractors.records import TABLES

    types = {c.name: c.type for c in TABLES[table].columns}
    out, i = {}, 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("--") or len(arg) < 3:
            fail(f"expected --FIELD VALUE, got {arg!r}")
        name, eq, value = arg[2:].partition("=")
        if not eq:
            if i + 1 >= len(args):
                fail(f"--{name} needs a value")
            value, i = args[i + 1], i + 1
        name = name.replace("-", "_")
        if name not in types:
            fail(f"{table} has no field {name!r}")
        out[name] = _typed(name, value, types[name])
        i += 1
    return out


def _typed(name: str, value: str, kind: str):
    if value.lower() in ("null", "none", ""):
        return None
    if kind == "int64":
        try:
            return int(value)
        except ValueError:
            fail(f"--{name} needs a whole number, got {value!r}")
    if kind == "bool":
        if value.lower() not in _BOOL:
            fail(f"--{name} needs true or false, got {value!r}")
        return _BOOL[value.lower()]
    if kind.startswith("list<"):
        items = [v.strip() for v in value.split(",") if v.strip()]
        return [int(v) for v in items] if kind == "list<int64>" else items
    return value


@review_app.command()
def status(
    processed: Path = ProcessedOpt,
    decisions: Path | None = DecisionsOpt,
    fmt: str = typer.Option("table", "--format", help="table or json"),
):
    """Each current decision: applied by the latest run, pending (next run) or orphaned (row gone)."""
    from flows.decisions import DecisionError, decision_states

    check_format(fmt, ("table", "json"))
    path = _decisions_path(decisions, processed)
    try:
        states = decision_states(processed, path)
    except DecisionError as exc:
        fail(str(exc))
    if fmt == "json":
        print(json.dumps(states, indent=2, ensure_ascii=False))
        return
    counts = {s: sum(1 for x in states if x["state"] == s) for s in ("applied", "pending", "orphaned")}
    cols = ["state", "decision", "table", "row_id", "row"]
    print_table(cols, [[x[c] for c in cols] for x in states])
    print(f"{len(states)} decisions in {path}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@review_app.command("import")
def import_(
    file: Path = typer.Argument(..., help="decisions downloaded from the review page (JSON lines)"),
    processed: Path = ProcessedOpt,
    decisions: Path | None = DecisionsOpt,
):
    """Add the decisions in FILE (e.g. from the review page's download) to the decisions file."""
    from flows.decisions import DecisionError, append, load

    if not file.is_file():
        fail(f"decisions file not found: {file}")
    path = _decisions_path(decisions, processed)
    try:
        new, known = load(file), {d.to_json() for d in load(path)}
    except DecisionError as exc:
        fail(str(exc))
    fresh = [d for d in new if d.to_json() not in known]
    append(path, fresh)
    print(f"{len(fresh)} decisions added to {path} ({len(new) - len(fresh)} already there)")


@review_app.command("export-gold")
def export_gold(
    output: Path = typer.Argument(..., help="gold JSONL file to write"),
    processed: Path = ProcessedOpt,
):
    """Write the latest run's accepted and corrected rows in the gold format (partial: reviewed rows only)."""
    from flows.decisions import gold_lines

    lines = gold_lines(processed)
    if not lines:
        fail(f"no reviewed rows in the latest run of {processed}: accept or correct rows, then run")
    output.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    n = sum(len(x[t]) for x in lines for t in ("officials", "agencies", "tier_placements", "claims"))
    print(f"{n} reviewed rows from {len(lines)} documents written to {output}")
