"""A self-contained HTML review page for a run diff.

Each changed row shows its evidence with the extracted span(s) highlighted in context
(displaCy-style colours per label), the changed fields, and a link to its document and page; the
page filters by table and change kind with a few lines of inline JavaScript (a link can preselect
the filters: ``review.html#table=agencies,claims&kind=added``).

Everything that comes from documents (text, titles, sources, extracted values) is untrusted:
it is escaped with :func:`html.escape` on the way in and the script never writes HTML
(``textContent`` and ``hidden`` only). As a second line of defence the page carries a
Content-Security-Policy that allows exactly its own inline script and style (by hash), no
other scripts, no event-handler attributes, and no loads from anywhere.

:func:`render_review` is pure; :func:`write_review` reads the texts and writes the file.
"""

from __future__ import annotations

import base64
import hashlib
import os
from html import escape
from pathlib import Path

from flows.diff import KINDS, RowChange, RunDiff
from flows.store import Store, StoreError

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
# The label a table's rows are highlighted with (mentions carry their own).
TABLE_LABEL = {
    "officials": "OFFICIAL",
    "agencies": "AGENCY",
    "tier_placements": "TIER",
    "statistics": "STATISTIC",
    "claim_checks": "CHECK",
}
TEXT_OPENING = 400  # characters of a document shown for a texts row
CONTEXT_CHARS = 160  # around a span when its evidence sentence cannot be found in the text
SAFE_SCHEMES = ("http://", "https://")

_SCRIPT = """(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll("article.row"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[type=checkbox]"));
  var shown = document.getElementById("shown");
  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[b.name + ":" + b.value] = true; } });
    var n = 0;
    rows.forEach(function (r) {
      var visible = !off["table:" + r.dataset.table] && !off["kind:" + r.dataset.kind];
      r.hidden = !visible;
      if (visible) { n += 1; }
    });
    shown.textContent = n + " of " + rows.length + " rows shown";
  }
  // A link can preselect filters: review.html#table=agencies,claims&kind=added
  var want = new URLSearchParams(location.hash.slice(1));
  boxes.forEach(function (b) {
    var v = want.get(b.name);
    if (v !== null) { b.checked = v.split(",").indexOf(b.value) !== -1; }
    b.addEventListener("change", apply);
  });
  apply();
  document.body.dataset.ready = "1";
})();"""

_STYLE = """
body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 2rem 3rem; color: #222; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: .5rem 0; z-index: 1; }
h1 { font-size: 1.3rem; margin: .3rem 0; }
table.counts { border-collapse: collapse; margin: 1rem 0; }
table.counts td, table.counts th { border: 1px solid #ddd; padding: .15rem .6rem; text-align: right; }
table.counts td:first-child, table.counts th:first-child { text-align: left; }
fieldset { display: inline-block; border: 1px solid #ccc; margin: .2rem .5rem .2rem 0; padding: .1rem .6rem; }
label.f { margin-right: .7rem; white-space: nowrap; }
article.row { border: 1px solid #e3e3e3; border-left: 6px solid #999; border-radius: 4px; margin: .7rem 0; padding: .5rem .8rem; }
article.row[data-kind=added] { border-left-color: #2ea043; }
article.row[data-kind=removed] { border-left-color: #d1242f; }
article.row[data-kind=changed] { border-left-color: #d4a72c; }
.meta { font-size: .85rem; color: #555; }
.kind { font-weight: 600; text-transform: uppercase; margin-right: .4rem; }
.kind-added { color: #2ea043; } .kind-removed { color: #d1242f; } .kind-changed { color: #9a6700; }
.tbl { font-family: monospace; margin-right: .4rem; }
code { font-size: .8rem; color: #777; }
.summary { font-weight: 600; margin: .2rem 0; word-break: break-word; }
table.changes { border-collapse: collapse; font-size: .9rem; margin: .2rem 0; width: 100%; }
table.changes td { padding: 0 .5rem 0 0; vertical-align: top; word-break: break-word; width: 48%; }
table.changes td.c { white-space: nowrap; width: 1%; }
del { background: #ffebe9; } ins { background: #dafbe1; text-decoration: none; }
p.evidence { line-height: 2.4; margin: .3rem 0; word-break: break-word; }
p.opening { margin: .3rem 0; color: #444; word-break: break-word; }
mark { padding: .2em .35em; margin: 0 .15em; border-radius: .35em; line-height: 1; }
mark .lbl { font-size: .6em; font-weight: bold; text-transform: uppercase; margin-left: .4rem; vertical-align: middle; }
.none { color: #888; font-style: italic; }
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _e(value) -> str:
    """Escape anything for HTML text or a quoted attribute value."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "[" + ", ".join(str(v) for v in value) + "]"
    return escape(str(value), quote=True)


def _label_class(label: str) -> str:
    # Class names come from data (mention labels): keep only safe characters.
    return "l-" + "".join(ch for ch in str(label).upper() if ch.isalnum() or ch == "_")


def _style() -> str:
    labels = dict(COLOURS)
    css = [_STYLE, f"mark {{ background: {DEFAULT_COLOUR}; }}"]
    css += [f"mark.{_label_class(k)} {{ background: {v}; }}" for k, v in labels.items()]
    return "\n".join(css) + "\n"


# -- spans ------------------------------------------------------------------------------------------
def row_spans(table: str, row: dict) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of one row, into its document's text."""
    spans = []
    if table == "claims":
        for s, e, label in (
            (row.get("speaker_start"), row.get("speaker_end"), "SPEAKER"),
            (row.get("cue_start"), row.get("cue_end"), "CUE"),
            (row.get("start"), row.get("end"), "CONTENT"),
        ):
            if s is not None and e is not None and e > s:
                spans.append((s, e, label))
        return spans
    label = row.get("label") if table == "mentions" else TABLE_LABEL.get(table)
    s, e = row.get("start"), row.get("end")
    if label and s is not None and e is not None and e > s:
        spans.append((s, e, str(label)))
    return spans


def context(
    text: str | None, evidence: str | None, spans: list[tuple[int, int, str]]
) -> tuple[int, str, list]:
    """The part of ``text`` to show: the evidence sentence when it can be found around the spans,
    else a window of :data:`CONTEXT_CHARS` around them. Returns (offset, snippet, spans within it).
    Without the text, the evidence alone is shown (spans whose text it contains are placed by search)."""
    if not spans:
        return 0, evidence or "", []
    lo, hi = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
    if text and 0 <= lo < hi <= len(text):
        start = end = None
        if evidence:
            # The last occurrence of the sentence starting at or before the first span.
            i = text.rfind(evidence, 0, lo + len(evidence))
            if i != -1 and i + len(evidence) >= hi:
                start, end = i, i + len(evidence)
        if start is None:
            start, end = max(0, lo - CONTEXT_CHARS), min(len(text), hi + CONTEXT_CHARS)
        return start, text[start:end], [(s - start, e - start, lab) for s, e, lab in spans]
    return 0, evidence or "", []


def highlight(snippet: str, spans: list[tuple[int, int, str]]) -> str:
    """Escaped HTML of ``snippet`` with each span in a ``<mark>`` (overlapping spans: first wins)."""
    out, pos = [], 0
    for s, e, label in sorted(spans, key=lambda t: (t[0], -t[1])):
        if s < pos or s < 0 or e > len(snippet):
            continue
        out.append(_e(snippet[pos:s]))
        out.append(
            f'<mark class="{_label_class(label)}">{_e(snippet[s:e])}<span class="lbl">{_e(label)}</span></mark>'
        )
        pos = e
    out.append(_e(snippet[pos:]))
    return "".join(out)


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
def render_row(r: RowChange, texts: dict[str, str], raw_dir: Path | None) -> str:
    row = r.row
    spans = row_spans(r.table, row)
    _, snippet, local = context(texts.get(row.get("doc_id") or ""), row.get("evidence"), spans)
    if r.table == "texts":  # the opening of the document, so a reviewer sees what it is
        snippet = (row.get("text") or "")[:TEXT_OPENING] + (
            "…" if len(row.get("text") or "") > TEXT_OPENING else ""
        )
    where = r.source or (row.get("doc_id") or "")[:12]
    page = row.get("page")
    where_text = where + (f", page {page}" if page is not None else "")
    href = doc_href(r.source, raw_dir, page)
    link = f'<a href="{_e(href)}">{_e(where_text)}</a>' if href else f"<span>{_e(where_text)}</span>"
    parts = [
        f'<article class="row" data-table="{_e(r.table)}" data-kind="{_e(r.kind)}">',
        f'<div class="meta"><span class="kind kind-{_e(r.kind)}">{_e(r.kind)}</span>'
        f'<span class="tbl">{_e(r.table)}</span>{link} <code>{_e(r.key)}</code></div>',
        f'<div class="summary">{_e(r.summary(limit=None))}</div>',
    ]
    if r.changed:
        cells = "".join(
            f'<tr><td class="c"><code>{_e(c)}</code></td><td><del>{_e(_v(a))}</del></td><td class="c">→</td><td><ins>{_e(_v(b))}</ins></td></tr>'
            for c, (a, b) in r.changed.items()
            if c != "text"
        )
        if "text" in r.changed:
            cells += (
                '<tr><td class="c"><code>text</code></td><td colspan="3">the document text changed</td></tr>'
            )
        parts.append(f'<table class="changes">{cells}</table>')
    if snippet:
        cls = "opening" if r.table == "texts" else "evidence"
        parts.append(f'<p class="{cls}">{highlight(snippet, local)}</p>')
    elif r.table not in ("documents", "texts"):
        parts.append('<p class="evidence none">no evidence</p>')
    parts.append("</article>")
    return "\n".join(parts)


def render_review(
    d: RunDiff,
    texts_a: dict[str, str],
    texts_b: dict[str, str],
    raw_dir: Path | None = None,
    title: str | None = None,
) -> str:
    """The whole page as one string. ``texts_*`` map doc_id -> stored text of each run (removed rows
    are shown against the older run's text, the others against the newer's)."""
    title = title or f"tipwatch review: {d.run_a or '(nothing)'} → {d.run_b}"
    style = _style()
    csp = (
        f"default-src 'none'; script-src {_csp_hash(_SCRIPT)}; style-src {_csp_hash(style)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    counts = "".join(
        f"<tr><td>{_e(t)}</td>"
        + "".join(f"<td>{td.counts[k]}</td>" for k in KINDS)
        + f"<td>{td.n_before}</td><td>{td.n_after}</td></tr>"
        for t, td in d.tables.items()
    )
    tables_with_rows = [t for t, td in d.tables.items() if not td.is_empty()]
    table_boxes = "".join(
        f'<label class="f"><input type="checkbox" name="table" value="{_e(t)}" checked> {_e(t)} '
        f"({len(d.tables[t].rows)})</label>"
        for t in tables_with_rows
    )
    n_kind = {k: sum(td.counts[k] for td in d.tables.values()) for k in KINDS}
    kind_boxes = "".join(
        f'<label class="f"><input type="checkbox" name="kind" value="{k}" checked> {k} ({n_kind[k]})</label>'
        for k in KINDS
    )
    rows = [render_row(r, texts_a if r.kind == "removed" else texts_b, raw_dir) for r in d.rows]
    body = "\n".join(rows) if rows else '<p class="none">No differences between the two runs.</p>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{style}</style>
</head>
<body data-ready="0">
<header>
<h1>{_e(title)}</h1>
<form id="filters">
<fieldset><legend>table</legend>{table_boxes or '<span class="none">none</span>'}</fieldset>
<fieldset><legend>change</legend>{kind_boxes}</fieldset>
</form>
<div id="shown">{len(rows)} rows</div>
</header>
<table class="counts"><tr><th>table</th><th>added</th><th>removed</th><th>changed</th><th>rows before</th><th>rows after</th></tr>
{counts}</table>
<main>
{body}
</main>
<script>{_SCRIPT}</script>
</body>
</html>
"""


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
