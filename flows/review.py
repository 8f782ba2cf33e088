"""A self-contained HTML review page for a run diff, rendered from Jinja2 templates.

Each changed row shows its evidence with the extracted span(s) highlighted in context
(displaCy-style colours per label; which spans a table's rows have is declared with the table in
:mod:`extractors.records`), the changed fields, and a link to its document and page; the page
filters by table and change kind with a few lines of JavaScript (a link can preselect the filters:
``review.html#table=agencies,claims&kind=added``).

Everything that comes from documents (text, titles, sources, extracted values) is untrusted: the
templates (``flows/templates/review*.j2``) are rendered with autoescaping, :func:`highlight` builds
its ``<mark>`` spans with :class:`markupsafe.Markup` (which escapes what it formats), and the script
never writes HTML (``textContent`` and ``hidden`` only). As a second line of defence the page carries
a Content-Security-Policy that allows exactly its own inline script and style (by hash), no other
scripts, no event-handler attributes, and no loads from anywhere.

:func:`render_review` is pure; :func:`write_review` reads the texts and writes the file.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from extractors.records import TABLES
from flows.decisions import row_reference
from flows.diff import KINDS, RowChange, RunDiff
from flows.store import REVIEWED_TABLES, Store, StoreError

# displaCy's palette where spaCy has the label, neighbours of it where tipwatch adds one.
COLOURS = {
    "PERSON": "#aa9cfc",
    "OFFICIAL": "#aa9cfc",
    "SPEAKER": "#aa9cfc",
    "AGENCY": "#7aecec",
    "ORG": "#9cc9cc",
    "GPE": "#feca74",
    "COUNTRY": "#feca74",
    "TIER": "#ff9561",
    "YEAR": "#bfe1d9",
    "TITLE": "#f0d0ff",
    "CUE": "#ffeb80",
    "CONTENT": "#bfeeb7",
    "STATISTIC": "#e4e7d2",
    "CHECK": "#ff8197",
}
DEFAULT_COLOUR = "#ddd"
TEXT_OPENING = 400  # characters of a document shown for a texts row
CONTEXT_CHARS = 160  # around a span when its evidence sentence cannot be found in the text
SAFE_SCHEMES = ("http://", "https://")


@functools.cache
def _env() -> jinja2.Environment:
    # Autoescaping on for every template: values from the runs can never become markup.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("flows", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _asset(name: str) -> str:
    """The text of one of the page's own files (``review.css``, ``review.js``) in flows/templates."""
    return _env().loader.get_source(_env(), name)[0]


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _csp(style: str, script: str) -> str:
    """Only the page's own inline style and script (by hash); nothing loads from anywhere."""
    return (
        f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _label_class(label: str) -> str:
    # Class names come from data (mention labels): keep only safe characters.
    return "l-" + "".join(ch for ch in str(label).upper() if ch.isalnum() or ch == "_")


def _style() -> str:
    """The page's stylesheet: ``review.css`` and one highlight colour per label."""
    css = [_asset("review.css"), f"mark {{ background: {DEFAULT_COLOUR}; }}"]
    css += [f"mark.{_label_class(k)} {{ background: {v}; }}" for k, v in COLOURS.items()]
    return "\n".join(css) + "\n"


# -- spans ------------------------------------------------------------------------------------------
def row_spans(table: str, row: dict) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of one row, into its document's text: the table's
    declared highlights (a claim's speaker, cue and content; a mention under its own label)."""
    return TABLES[table].spans(row)


def context(
    text: str | None, evidence: str | None, spans: list[tuple[int, int, str]]
) -> tuple[int, str, list]:
    """The part of ``text`` to show: the evidence sentence when it can be found around the spans,
    else a window of :data:`CONTEXT_CHARS` around them. Returns (offset, snippet, spans within it).
    Without the text (or spans that do not fit it), the evidence alone is shown, unmarked."""
    if not spans:
        return 0, evidence or "", []
    lo, hi = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
    if not text or not 0 <= lo < hi <= len(text):
        return 0, evidence or "", []
    start, end = _sentence_around(text, evidence, lo, hi) or (
        max(0, lo - CONTEXT_CHARS),
        min(len(text), hi + CONTEXT_CHARS),
    )
    return start, text[start:end], [(s - start, e - start, lab) for s, e, lab in spans]


def _sentence_around(text: str, evidence: str | None, lo: int, hi: int) -> tuple[int, int] | None:
    """Bounds of the last occurrence of ``evidence`` starting at or before ``lo`` that covers
    ``hi`` (the sentence the row was found in), or None."""
    if not evidence:
        return None
    i = text.rfind(evidence, 0, lo + len(evidence))
    return (i, i + len(evidence)) if i != -1 and i + len(evidence) >= hi else None


def highlight(snippet: str, spans: list[tuple[int, int, str]]) -> Markup:
    """Escaped HTML of ``snippet`` with each span in a ``<mark>`` (overlapping spans: first wins).

    ``highlight("a <b> c", [(2, 5, "ORG")])`` is
    ``a <mark class="l-ORG">&lt;b&gt;<span class="lbl">ORG</span></mark> c``."""
    out, pos = [], 0
    for s, e, label in sorted(spans, key=lambda t: (t[0], -t[1])):
        if s < pos or s < 0 or e > len(snippet):
            continue
        out.append(escape(snippet[pos:s]))
        out.append(_MARK.format(_label_class(label), snippet[s:e], label))
        pos = e
    out.append(escape(snippet[pos:]))
    return Markup("").join(out)


# Markup.format escapes every argument: the span text and its label stay text.
_MARK = Markup('<mark class="{}">{}<span class="lbl">{}</span></mark>')


def doc_href(source: str | None, raw_dir: Path | None, page: int | None) -> str | None:
    """A link to the document: its URL (http/https only) or its file under ``raw_dir``, at ``page``.

    Any other scheme (``javascript:``, ``data:``) gives no link: the source is shown as text."""
    if not source:
        return None
    frag = f"#page={int(page)}" if page is not None else ""
    if source.lower().startswith(SAFE_SCHEMES):
        return source if "#" in source else source + frag
    if "://" in source or source.lower().startswith(("javascript:", "data:", "vbscript:")):
        return None
    if raw_dir is None:
        return None
    return (Path(raw_dir) / source).resolve().as_uri() + frag


# -- the page ---------------------------------------------------------------------------------------
def _row_view(r: RowChange, texts: dict[str, str], raw_dir: Path | None) -> dict:
    """What the row template shows of one changed row (plain values; the template escapes them)."""
    row, table = r.row, TABLES[r.table]
    page = row.get("page")
    where = r.source or (row.get("doc_id") or "")[:12]
    return {
        "table": r.table,
        "kind": r.kind,
        "key": r.key,
        "href": doc_href(r.source, raw_dir, page),
        "where": where + (f", page {page}" if page is not None else ""),
        "summary": r.summary(limit=None),
        # a whole document's text does not fit a table cell: say that it changed
        "changes": [
            {"column": c, "before": _v(a), "after": _v(b)}
            for c, (a, b) in r.changed.items()
            if c != table.text_column
        ],
        "text_changed": table.text_column is not None and table.text_column in r.changed,
        "snippet": _snippet(row, table, texts),
        "snippet_class": "opening" if table.text_column else "evidence",
        "has_evidence": "evidence" in table.column_names,
        "decidable": _decision_skeleton(r),
    }


def _decision_skeleton(r: RowChange) -> str | None:
    """The row's decision line without the decision (the page's script fills it in), as JSON; None
    for rows no decision can apply to (removed rows, tables that are not reviewed)."""
    if r.kind == "removed" or r.table not in REVIEWED_TABLES:
        return None
    line = {**row_reference(r.table, r.row, r.source), "fields": {}, "note": None}
    return json.dumps(line, ensure_ascii=False, default=str)


def _groups(rows: list[RowChange], views: list[dict]) -> list[dict]:
    """The changed rows by document (in order of first appearance), mentions apart (folded)."""
    groups: dict[str, dict] = {}
    for r, v in zip(rows, views, strict=True):
        src = r.source or (r.doc_id or "")[:12] or "(no document)"
        g = groups.setdefault(
            src, {"source": src, "rows": [], "mentions": [], "kinds": dict.fromkeys(KINDS, 0)}
        )
        g["mentions" if r.table == "mentions" else "rows"].append(v)
        g["kinds"][r.kind] += 1
    for g in groups.values():
        g["label"] = ", ".join(f"{n} {k}" for k, n in g["kinds"].items() if n)
    return list(groups.values())


def _snippet(row: dict, table, texts: dict[str, str]) -> Markup:
    """The row's evidence in context with its spans marked; for a whole document, its opening."""
    if table.text_column:  # the opening of the document, so a reviewer sees what it is
        text = row.get(table.text_column) or ""
        return escape(text[:TEXT_OPENING] + ("…" if len(text) > TEXT_OPENING else ""))
    _, snippet, local = context(texts.get(row.get("doc_id") or ""), row.get("evidence"), table.spans(row))
    return highlight(snippet, local)


def render_row(r: RowChange, texts: dict[str, str], raw_dir: Path | None) -> str:
    """One changed row as an ``<article>`` (the ``row`` macro of ``review_row.html.j2``)."""
    return str(_env().get_template("review_row.html.j2").module.row(_row_view(r, texts, raw_dir)))


def render_review(
    d: RunDiff,
    texts_a: dict[str, str],
    texts_b: dict[str, str],
    raw_dir: Path | None = None,
    title: str | None = None,
) -> str:
    """The whole page as one string. ``texts_*`` map doc_id -> stored text of each run (removed rows
    are shown against the older run's text, the others against the newer's)."""
    style, script = _style(), _asset("review.js")
    changes = sorted(d.rows, key=lambda r: r.source or r.doc_id or "")
    rows = [_row_view(r, texts_a if r.kind == "removed" else texts_b, raw_dir) for r in changes]
    return (
        _env()
        .get_template("review.html.j2")
        .render(
            title=title or f"tipwatch review: {d.run_a or '(nothing)'} → {d.run_b}",
            csp=_csp(style, script),
            # the package's own files, trusted: inserted as they are so their hashes match the CSP
            style=Markup(style),
            script=Markup(script),
            rows=rows,
            groups=_groups(changes, rows),
            **_overview(d),
        )
    )


def _overview(d: RunDiff) -> dict:
    """The counts table and the filter checkboxes (tables with rows, every change kind)."""
    n_kind = {k: sum(td.counts[k] for td in d.tables.values()) for k in KINDS}
    return {
        "kinds": KINDS,
        "counts": [
            {"table": t, "numbers": [*(td.counts[k] for k in KINDS), td.n_before, td.n_after]}
            for t, td in d.tables.items()
        ],
        "filter_tables": [{"name": t, "n": len(td.rows)} for t, td in d.tables.items() if not td.is_empty()],
        "filter_kinds": [{"name": k, "n": n_kind[k]} for k in KINDS],
    }


def write_review(store: Store, d: RunDiff, path: Path, raw_dir: Path | None = None) -> Path:
    """Render ``d`` with the runs' texts and write it to ``path`` (temp file, then rename).

    ``raw_dir`` (for links to local files) defaults to the raw folder the newer run recorded in its
    manifest, taken relative to the current directory."""
    doc_ids = {r.row.get("doc_id") for r in d.rows if r.table != "documents"}
    texts_a = _texts(store, d.run_a, doc_ids)
    texts_b = _texts(store, d.run_b, doc_ids)
    if raw_dir is None:
        recorded = store.manifest(d.run_b).get("raw_dir")
        raw_dir = Path(recorded) if recorded else None
    page = render_review(d, texts_a, texts_b, raw_dir)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)
    return path


def _texts(store: Store, run_id: str | None, doc_ids: set) -> dict[str, str]:
    if run_id is None or not doc_ids:
        return {}
    try:
        tbl = store.read_table("texts", run_id)
    except StoreError:
        return {}
    return {
        d: t for d, t in zip(tbl.column("doc_id").to_pylist(), tbl.column("text").to_pylist()) if d in doc_ids
    }


def _v(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
