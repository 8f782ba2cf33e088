"""Reviewers' decisions: accept, reject or correct an extracted row, kept in a plain JSONL file and
applied at every publish.

A decision names its row by ``id`` and also records what the row *was* when it was reviewed: the
document's source (path under ``raw/`` or URL), the evidence span and the row's summary fields (the
columns that say what the row is: name/title/organisation for an official). A later run matches the
decision to its row by id; when the id moved (re-extraction shifted offsets, the document was
edited and has a new content hash) by the same source and summary fields, the nearest span winning.
A decision that matches no row is *orphaned*: reported by ``tipwatch review status``, never dropped.

Applied to a run's tables (:func:`apply`): rejected rows leave the main table for
``<table>_rejected``; corrected rows get the corrected values with the extracted ones kept in the
``extracted`` column (JSON); accepted rows are marked. Every reviewed row records ``review``,
``review_note``, ``reviewer`` and ``reviewed_at``. :func:`extracted_table` undoes all of that, so a
carried-over document starts again from what was extracted and the current decisions are applied
afresh (a decision withdrawn from the file is withdrawn from the next run).

The file is append-only from the CLI; the last decision for a row wins. Teams keep it in git.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from extractors.evaluation.results import FieldScore
from extractors.records import TABLES
from flows.store import REVIEW_COLUMNS, REVIEWED_TABLES, as_table, to_arrow

DECISIONS = ("accept", "reject", "correct")
MARK = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}
# Columns a correction may not change: they place the row, they are not what was extracted.
FIXED = frozenset(("id", "doc_id", "start", "end", "page", "evidence", *REVIEW_COLUMNS))


class DecisionError(Exception):
    """A bad decision or decisions file, stated in one line."""


@dataclass(frozen=True)
class Decision:
    """One reviewer decision on one row (one line of the decisions file)."""

    table: str
    row_id: str
    decision: str  # accept, reject, correct
    key: dict  # the row's summary fields when it was reviewed
    source: str | None  # the document's path or URL
    start: int | None
    end: int | None
    evidence: str | None
    fields: dict = field(default_factory=dict)  # correct: column -> corrected value
    reviewer: str | None = None
    at: str | None = None
    note: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


def decide(
    table: str, row: Mapping, source: str | None, decision: str, *,
    fields: Mapping | None = None, reviewer: str | None = None, note: str | None = None,
) -> Decision:  # fmt: skip
    """A decision on ``row`` of ``table`` (as read from a run), validated."""
    if table not in REVIEWED_TABLES:
        raise DecisionError(f"table {table!r} is not reviewable: choose from {', '.join(REVIEWED_TABLES)}")
    if decision not in DECISIONS:
        raise DecisionError(f"unknown decision {decision!r}: use accept, reject or correct")
    fields = dict(fields or {})
    if decision == "correct" and not fields:
        raise DecisionError("correct needs at least one field, e.g. --title minister")
    if decision != "correct" and fields:
        raise DecisionError(f"{decision} takes no fields (use correct)")
    columns = TABLES[table].column_names
    for name in fields:
        if name not in columns or name in FIXED:
            allowed = ", ".join(c for c in columns if c not in FIXED)
            raise DecisionError(f"{table} has no correctable field {name!r}: choose from {allowed}")
    return Decision(
        **row_reference(table, row, source), decision=decision, fields=fields, reviewer=reviewer,
        at=datetime.now(UTC).isoformat(timespec="seconds"), note=note,
    )  # fmt: skip


def row_reference(table: str, row: Mapping, source: str | None) -> dict:
    """What a decision records of its row: id, summary fields, document source and evidence span
    (the CLI's decisions and the review page's downloads both start from it)."""
    return {
        "table": table, "row_id": row["id"], "key": _key(table, row), "source": source,
        "start": row.get("start"), "end": row.get("end"), "evidence": row.get("evidence"),
    }  # fmt: skip


def _key(table: str, row: Mapping) -> dict:
    return {c: row.get(c) for c in TABLES[table].summary}


def default_decisions(processed: Path) -> Path:
    """``reviews/decisions.jsonl`` beside the processed folder (the project's top level)."""
    return Path(processed).absolute().parent / "reviews" / "decisions.jsonl"


# -- the file -------------------------------------------------------------------------------------------
def load(path: Path) -> list[Decision]:
    """The decisions in ``path``, in file order (none when the file does not exist)."""
    path = Path(path)
    if not path.exists():
        return []
    out = []
    names = {f for f in Decision.__dataclass_fields__}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            extra = set(obj) - names
            if extra:
                raise ValueError(f"unknown keys {sorted(extra)}")
            d = Decision(**obj)
        except (ValueError, TypeError) as exc:
            raise DecisionError(f"{path}:{n}: not a decision ({exc})") from None
        if d.table not in REVIEWED_TABLES or d.decision not in DECISIONS:
            raise DecisionError(f"{path}:{n}: unknown table or decision ({d.table}, {d.decision})")
        out.append(d)
    return out


def append(path: Path, decisions: Iterable[Decision]) -> None:
    """Add decisions at the end of the file (created with its folder when missing)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        for d in decisions:
            f.write(d.to_json() + "\n")


def current(decisions: Iterable[Decision]) -> list[Decision]:
    """The last decision per row (later lines override earlier ones for the same table and id)."""
    last: dict[tuple[str, str], Decision] = {}
    for d in decisions:
        last.pop((d.table, d.row_id), None)
        last[(d.table, d.row_id)] = d
    return list(last.values())


# -- matching ---------------------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What applying the decisions did: matched (by id or moved) and orphaned decisions."""

    by_id: list[Decision] = field(default_factory=list)
    moved: list[Decision] = field(default_factory=list)
    orphaned: list[Decision] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"by_id": len(self.by_id), "moved": len(self.moved), "orphaned": len(self.orphaned)}


def match(d: Decision, rows: list[dict], sources: Mapping[str, str]) -> int | None:
    """Index of the row ``d`` applies to: same id, else same source and summary fields (nearest
    span); None when nothing matches."""
    for i, r in enumerate(rows):
        if r["id"] == d.row_id:
            return i
    best, best_dist = None, None
    for i, r in enumerate(rows):
        if d.source is None or sources.get(r.get("doc_id")) != d.source:
            continue
        if _key(d.table, r) != d.key:
            continue
        dist = abs((r.get("start") or 0) - (d.start or 0))
        if best_dist is None or dist < best_dist:
            best, best_dist = i, dist
    return best


def apply(
    tables: Mapping[str, pa.Table], decisions: Iterable[Decision]
) -> tuple[dict[str, pa.Table], Outcome]:
    """The run's tables with the decisions applied, plus ``<table>_rejected``; and the outcome."""
    out = dict(tables)
    sources = dict(zip(*_columns(tables["documents"], "doc_id", "source"), strict=True))
    outcome = Outcome()
    by_table: dict[str, list[Decision]] = {t: [] for t in REVIEWED_TABLES}
    for d in current(decisions):
        by_table[d.table].append(d)
    for name in REVIEWED_TABLES:
        if name not in tables:
            continue
        if not by_table[name] and not _reviewed(tables[name]):  # nothing to apply: no row changes
            out[name], out[f"{name}_rejected"] = as_table(name, tables[name]), to_arrow(name, [])
            continue
        rows = tables[name].to_pylist()
        rejected: list[dict] = []
        taken: set[int] = set()
        for d in by_table[name]:
            i = match(d, rows, sources)
            if i is None or i in taken:
                outcome.orphaned.append(d)
                continue
            taken.add(i)
            (outcome.by_id if rows[i]["id"] == d.row_id else outcome.moved).append(d)
            _mark(rows[i], d)
        kept = [r for r in rows if r.get("review") != "rejected"]
        rejected = [r for r in rows if r.get("review") == "rejected"]
        out[name] = to_arrow(name, kept)
        out[f"{name}_rejected"] = to_arrow(name, rejected)
    return out, outcome


def _columns(tbl: pa.Table, *names: str) -> list[list]:
    return [tbl.column(n).to_pylist() for n in names]


def _mark(row: dict, d: Decision) -> None:
    row.update(review=MARK[d.decision], review_note=d.note, reviewer=d.reviewer, reviewed_at=d.at)
    if d.decision == "correct":
        row["extracted"] = json.dumps({k: row.get(k) for k in d.fields}, ensure_ascii=False, sort_keys=True)
        row.update(d.fields)


def _reviewed(tbl: pa.Table) -> bool:
    """Whether any row of ``tbl`` carries a decision (a review column filled)."""
    return any(c in tbl.column_names and tbl.column(c).null_count < len(tbl) for c in REVIEW_COLUMNS)


def extracted_table(name: str, main: pa.Table, rejected: pa.Table | None) -> pa.Table:
    """What was extracted before any decision: corrections undone, rejected rows back, marks off."""
    if not (rejected is not None and len(rejected)) and not _reviewed(main):  # no decision in it
        return as_table(name, main)
    rows = main.to_pylist() + (rejected.to_pylist() if rejected is not None else [])
    for r in rows:
        if r.get("extracted"):
            r.update(json.loads(r["extracted"]))
        for c in REVIEW_COLUMNS:
            r[c] = None
    return to_arrow(name, rows)


# -- status ---------------------------------------------------------------------------------------------
def decision_states(processed: Path, path: Path) -> list[dict]:
    """Each current decision in ``path`` against the latest run in ``processed``: ``applied`` (the
    run carries it), ``pending`` (its row is there; the next run applies it) or ``orphaned``."""

    decisions = current(load(path))
    published, extracted, sources = _latest(processed, {d.table for d in decisions})
    out = []
    for d in decisions:
        rows = extracted.get(d.table, [])
        i = match(d, rows, sources)
        if i is None:
            state = "orphaned"
        else:
            pub = published.get((d.table, rows[i]["id"]), {})
            applied = pub.get("review") == MARK[d.decision] and pub.get("reviewed_at") == d.at
            state = "applied" if applied else "pending"
        summary = " | ".join(str(d.key[c]) for c in TABLES[d.table].summary if d.key.get(c) is not None)
        out.append({"state": state, "decision": d.decision, "table": d.table, "row_id": d.row_id,
                    "row": summary, "source": d.source, "fields": d.fields, "note": d.note})  # fmt: skip
    return out


def _latest(processed: Path, names: set[str]) -> tuple[dict, dict[str, list[dict]], dict[str, str]]:
    """The latest run's published rows by (table, id), its rows as extracted per table, and its
    document sources by doc_id (all empty when there is no run yet)."""
    from flows.store import Store

    store = Store(processed)
    run = store.latest_run() if store.root.is_dir() else None
    published: dict[tuple[str, str], dict] = {}
    extracted: dict[str, list[dict]] = {}
    if run is None:
        return published, extracted, {}
    docs = store.read_table("documents", run)
    sources = dict(zip(*_columns(docs, "doc_id", "source"), strict=True))
    for name in names:
        main, rejected = store.read_table(name, run), store.read_table(f"{name}_rejected", run)
        for r in main.to_pylist() + rejected.to_pylist():
            published[(name, r["id"])] = r
        extracted[name] = extracted_table(name, main, rejected).to_pylist()
    return published, extracted, sources


def score(processed: Path, path: Path) -> dict[str, FieldScore]:
    """The latest run's extraction scored against the reviewers' decisions, per table.

    accept: the row still extracted is a true positive, gone a false negative. reject: the row
    still extracted is a false positive (gone: fixed, not counted). correct: the row extracted with
    the corrected values is a true positive; with other values a false positive and a false
    negative; gone a false negative. So a rules change that fixes reviewed rows raises the scores.
    """
    decisions = current(load(path))
    _, extracted, sources = _latest(processed, {d.table for d in decisions})
    counts: dict[str, list[int]] = {}
    for d in decisions:
        c = counts.setdefault(d.table, [0, 0, 0])  # tp, fp, fn
        rows = extracted.get(d.table, [])
        i = match(d, rows, sources)
        if d.decision == "reject":
            c[1] += i is not None
        elif i is None:
            c[2] += 1
        elif d.decision == "accept" or all(rows[i].get(k) == v for k, v in d.fields.items()):
            c[0] += 1
        else:
            c[1], c[2] = c[1] + 1, c[2] + 1
    return {t: FieldScore(t, *c) for t, c in sorted(counts.items())}


# -- decisions as gold ------------------------------------------------------------------------------------
GOLD_FIELDS = {
    "officials": ("name", "title", "organisation"),
    "agencies": ("name", "acronym", "kind"),
    "tier_placements": ("country", "tier", "report_year"),
    "claims": ("speaker", "speaker_kind", "cue", "content", "direct"),
}


def gold_lines(processed: Path) -> list[dict]:
    """The reviewed rows of the latest run as gold lines (one per document, its text inline):
    accepted rows as they are, corrected rows with the corrections; rejected rows left out.
    ``"partial": true`` says what it is: only the rows reviewers decided on, not a full annotation."""
    from flows.store import Store

    store = Store(processed)
    run = store.latest_run() if store.root.is_dir() else None
    if run is None:
        return []
    docs = {d["doc_id"]: d for d in store.read_table("documents", run).to_pylist()}
    texts = {t["doc_id"]: t["text"] for t in store.read_table("texts", run).to_pylist()}
    out: dict[str, dict] = {}
    for name, cols in GOLD_FIELDS.items():
        for r in store.read_table(name, run).to_pylist():
            if r.get("review") not in ("accepted", "corrected"):
                continue
            doc = docs.get(r["doc_id"], {})
            line = out.setdefault(r["doc_id"], {
                "source": doc.get("source"), "title": doc.get("title"), "text": texts.get(r["doc_id"]),
                "partial": True, **{t: [] for t in GOLD_FIELDS},
            })  # fmt: skip
            line[name].append({c: r.get(c) for c in cols})
    return list(out.values())
