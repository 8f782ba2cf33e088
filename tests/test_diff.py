"""Run diffs by row ID (flows/diff.py), the HTML review page as markup (flows/review.py), the
``tipwatch diff`` / ``tipwatch runs`` commands and the ``tier_changes`` view, on tiny hand-built
runs published through the real Store (Parquet + DuckDB). No Prefect here: see
test_incremental.py for diffs of real flow runs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from flows.diff import DiffError, diff_runs, diff_tables, render_text, resolve_runs, to_json
from flows.review import context, doc_href, highlight, render_review, write_review
from flows.store import Store, to_arrow
from flows.tables import run_query

TIPWATCH = [str(Path(sys.executable).parent / "tipwatch")]

DOC = "d" * 64
TEXT = "Intro line.\nThe Federal Investigation Agency (FIA) arrested 3 men, Ali Khan said. More text."


def agency(
    name="Federal Investigation Agency", acronym="FIA", kind="government", count=1, id_="a1", start=12, end=40
):
    return {
        "id": id_,
        "name": name,
        "acronym": acronym,
        "kind": kind,
        "country": "Pakistan",
        "mention_count": count,
        "doc_id": DOC,
        "start": start,
        "end": end,
        "page": None,
        "evidence": "The Federal Investigation Agency (FIA) arrested 3 men, Ali Khan said.",
    }


def document(source="a.txt", version="v1", title="Title"):
    return {
        "doc_id": DOC,
        "source": source,
        "kind": "news",
        "title": title,
        "published": None,
        "language": "en",
        "n_pages": None,
        "n_chars": len(TEXT),
        "status": "ok",
        "error": None,
        "extractor_version": version,
        "fetched_from": None,
    }


def publish(store, run_id, tables, manifest):
    """Publish a run the way the flow does: every table present (empty unless given)."""
    from extractors.records import TABLES

    store.publish(run_id, {t: tables.get(t, to_arrow(t, [])) for t in TABLES}, manifest)


def test_diff_tables_added_removed_changed_by_id():
    before = to_arrow("agencies", [agency(), agency(name="National Police Bureau", acronym="NPB", id_="a2")])
    after = to_arrow(
        "agencies", [agency(count=2), agency(name="Anti-Narcotics Force", acronym="ANF", id_="a3")]
    )
    d = diff_tables("agencies", before, after, sources_after={DOC: "a.txt"}, sources_before={DOC: "old.txt"})
    assert d.counts == {"added": 1, "removed": 1, "changed": 1}
    assert [r.key for r in d.added] == ["a3"]
    assert [r.key for r in d.removed] == ["a2"]
    (ch,) = d.changed
    assert ch.key == "a1" and ch.changed == {"mention_count": (1, 2)}
    assert ch.before["mention_count"] == 1 and ch.row["mention_count"] == 2
    assert (d.added[0].source, d.removed[0].source) == ("a.txt", "old.txt")
    assert ch.summary() == "Federal Investigation Agency | FIA | government | Pakistan"


def test_diff_tables_equal_is_empty_and_ignores_extractor_version():
    a = to_arrow("documents", [document(version="v1")])
    b = to_arrow("documents", [document(version="v2")])
    assert diff_tables("documents", a, b).is_empty()
    c = to_arrow("documents", [document(version="v2", title="New title")])
    (ch,) = diff_tables("documents", a, c).changed
    assert ch.changed == {"title": ("Title", "New title")}


def test_diff_tables_against_nothing_is_all_added():
    import pyarrow as pa

    d = diff_tables("agencies", pa.table({}), to_arrow("agencies", [agency()]))
    assert d.counts == {"added": 1, "removed": 0, "changed": 0}


@pytest.fixture()
def two_runs(tmp_path):
    """A processed/ folder with two published runs: the second adds one agency and changes one."""
    store = Store(tmp_path / "processed")
    texts = to_arrow("texts", [{"doc_id": DOC, "text": TEXT, "page_starts": []}])
    base = {"documents": to_arrow("documents", [document()]), "texts": texts}
    publish(
        store,
        "20260101T000000-aaaaaa",
        {**base, "agencies": to_arrow("agencies", [agency()])},
        {"run_id": "20260101T000000-aaaaaa", "raw_dir": str(tmp_path / "raw")},
    )
    publish(
        store,
        "20260102T000000-bbbbbb",
        {
            **base,
            "agencies": to_arrow(
                "agencies",
                [
                    agency(count=2),
                    agency(name="Ali Khan Foundation", acronym=None, kind="ngo", id_="a9", start=55, end=63),
                ],
            ),
        },
        {"run_id": "20260102T000000-bbbbbb", "raw_dir": str(tmp_path / "raw")},
    )
    return store


def test_diff_runs_and_text_rendering(two_runs):
    a, b = resolve_runs(two_runs)
    assert (a, b) == ("20260101T000000-aaaaaa", "20260102T000000-bbbbbb")
    assert resolve_runs(two_runs, "20260102") == (a, b)  # one run given: compared with the run before it
    d = diff_runs(two_runs, a, b)
    assert [t for t, td in d.tables.items() if not td.is_empty()] == ["agencies"]
    text = render_text(d)
    assert text.splitlines()[0] == "diff 20260101T000000-aaaaaa -> 20260102T000000-bbbbbb"
    assert text.split("\n\n", 2)[2] == (
        "agencies: 1 added, 0 removed, 1 changed\n"
        "  + a9  Ali Khan Foundation | ngo | Pakistan  [a.txt]\n"
        "      evidence: The Federal Investigation Agency (FIA) arrested 3 men, Ali Khan said.\n"
        "  ~ a1  Federal Investigation Agency | FIA | government | Pakistan  [a.txt]\n"
        "      mention_count: 1 -> 2\n"
        "      evidence: The Federal Investigation Agency (FIA) arrested 3 men, Ali Khan said."
    )
    js = to_json(d)
    assert js["empty"] is False
    assert {k: js["tables"]["agencies"][k] for k in ("added", "removed", "changed")} == {
        "added": 1,
        "removed": 0,
        "changed": 1,
    }
    assert js["tables"]["agencies"]["rows"][1]["changed"] == {"mention_count": [1, 2]}
    assert diff_runs(two_runs, b, b).is_empty()


def test_resolve_runs_errors(two_runs, tmp_path):
    with pytest.raises(DiffError, match="no completed run 'nope'"):
        resolve_runs(two_runs, "nope", "20260102T000000-bbbbbb")
    with pytest.raises(DiffError, match="is ambiguous"):
        resolve_runs(two_runs, "2026", None)
    with pytest.raises(DiffError, match="has 0"):
        resolve_runs(Store(tmp_path / "empty"))
    with pytest.raises(DiffError, match="unknown table 'bogus'"):
        diff_runs(two_runs, "20260101T000000-aaaaaa", "20260102T000000-bbbbbb", ["bogus"])


def test_cli_diff_and_runs(two_runs):
    from typer.testing import CliRunner

    from flows.cli.app import app

    def ok(*args):
        res = CliRunner().invoke(app, list(args))
        assert res.exit_code == 0, res.output
        return res.stdout

    js = json.loads(ok("diff", "--processed", str(two_runs.root), "--format", "json", "--table", "agencies"))
    assert list(js["tables"]) == ["agencies"] and js["tables"]["agencies"]["added"] == 1
    html_path = two_runs.root.parent / "review.html"
    out = ok("diff", "--processed", str(two_runs.root), "--html", str(html_path))
    assert "agencies: 1 added, 0 removed, 1 changed" in out and html_path.exists()
    runs = json.loads(ok("runs", "--processed", str(two_runs.root), "--format", "json"))
    assert [(r["run_id"], r["latest"]) for r in runs] == [
        ("20260101T000000-aaaaaa", False),
        ("20260102T000000-bbbbbb", True),
    ]
    # A finished folder that was never committed (a run killed before its database swap) is listed
    # as such and is not part of the default diff.
    shutil.copytree(
        two_runs.runs_dir / "20260102T000000-bbbbbb", two_runs.runs_dir / "20260103T000000-cccccc"
    )
    runs = json.loads(ok("runs", "--processed", str(two_runs.root), "--format", "json"))
    assert [(r["run_id"], r["status"]) for r in runs][-1] == ("20260103T000000-cccccc", "uncommitted")
    assert (
        json.loads(ok("diff", "--processed", str(two_runs.root), "--format", "json"))["run_b"]
        == "20260102T000000-bbbbbb"
    )
    # Bad input: one line on stderr, non-zero exit, no traceback (through the real entry point).
    p = subprocess.run(
        TIPWATCH + ["diff", "nope", "--processed", str(two_runs.root)], capture_output=True, text=True
    )
    assert (p.returncode, p.stderr) == (1, f"tipwatch: error: no completed run 'nope' in {two_runs.root}\n")
    for args in (
        ["diff", "--format", "xml"],
        ["diff", "--table", "bogus"],
        ["runs", "--processed", "/nonexistent"],
    ):
        res = CliRunner().invoke(
            app, args + (["--processed", str(two_runs.root)] if args[0] == "diff" else [])
        )
        assert (
            res.exit_code == 1
            and len(res.stderr.strip().splitlines()) == 1
            and res.stderr.startswith("tipwatch: error:")
        ), (args, res.stderr)


# -- review page markup -------------------------------------------------------------------------------------
def test_context_and_highlight_use_the_evidence_sentence():
    evidence = "The Federal Investigation Agency (FIA) arrested 3 men, Ali Khan said."
    off, snippet, spans = context(TEXT, evidence, [(16, 44, "AGENCY")])
    assert (off, snippet) == (12, evidence) and spans == [(4, 32, "AGENCY")]
    assert (
        highlight("a <b> c", [(2, 5, "ORG")])
        == 'a <mark class="l-ORG">&lt;b&gt;<span class="lbl">ORG</span></mark> c'
    )
    # overlapping spans: the first (longest at a position) wins, the other is shown unmarked
    assert (
        highlight("abcdef", [(0, 4, "X"), (2, 6, "Y")])
        == '<mark class="l-X">abcd<span class="lbl">X</span></mark>ef'
    )


def test_doc_href_allows_only_http_and_files():
    assert doc_href("https://dawn.com/a?x=1", None, None) == "https://dawn.com/a?x=1"
    assert doc_href("javascript:alert(1)", Path("/r"), None) is None
    assert doc_href("JavaScript:alert(1)", Path("/r"), 3) is None
    assert doc_href("data:text/html,<script>", Path("/r"), None) is None
    assert doc_href("report.pdf", Path("/r"), 3) == "file:///r/report.pdf#page=3"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]

    def handle_data(self, data):
        self.text.append(data)


HOSTILE = (
    'Ali said <script>document.title="pwned"</script> and <img src=x onerror="document.body.dataset.pwned=1"> '
    'then <a href="javascript:document.body.dataset.pwned=2">click</a> the Federal Investigation Agency.'
)


def test_review_escapes_document_content(tmp_path):
    store = Store(tmp_path / "processed")
    row = dict(agency(), evidence=HOSTILE, start=HOSTILE.index("Federal"), end=HOSTILE.index("Federal") + 28)
    publish(
        store,
        "20260101T000000-aaaaaa",
        {
            "documents": to_arrow(
                "documents", [document(source="javascript:alert(1)", title="<script>x</script>")]
            ),
            "texts": to_arrow("texts", [{"doc_id": DOC, "text": HOSTILE, "page_starts": []}]),
            "agencies": to_arrow("agencies", []),
        },
        {"run_id": "20260101T000000-aaaaaa"},
    )
    publish(
        store,
        "20260102T000000-bbbbbb",
        {
            "documents": to_arrow(
                "documents", [document(source="javascript:alert(1)", title="<script>x</script>")]
            ),
            "texts": to_arrow("texts", [{"doc_id": DOC, "text": HOSTILE, "page_starts": []}]),
            "agencies": to_arrow("agencies", [row]),
        },
        {"run_id": "20260102T000000-bbbbbb"},
    )
    d = diff_runs(store, "20260101T000000-aaaaaa", "20260102T000000-bbbbbb")
    page = write_review(store, d, tmp_path / "r.html").read_text()
    p = _Collect()
    p.feed(page)
    assert p.tags.count("script") == 1 and "img" not in p.tags  # only the page's own script
    assert not [a for a in p.attrs if a[1].startswith("on")]
    assert not [
        a for a in p.attrs if a[1] == "href" and not a[2].startswith(("http://", "https://", "file://"))
    ]
    text = "".join(p.text)
    # shown as text, character for character (the span then carries its label inside the <mark>)
    assert HOSTILE.replace("Agency.", "AgencyAGENCY.") in text
    assert "javascript:alert(1)" in text  # the source, as text and not as a link
    assert p.tags.count("mark") == 1


def test_review_page_for_no_differences(two_runs):
    d = diff_runs(two_runs, "20260101T000000-aaaaaa", "20260101T000000-aaaaaa")
    page = render_review(d, {}, {})
    assert "No differences between the two runs." in page and "<article" not in page


# -- tier_changes ----------------------------------------------------------------------------------------
def tier(country, year, tier_, kind="tip_narrative", doc="r"):
    return {
        "id": f"{country}{year}{kind}",
        "country": country,
        "report_year": year,
        "tier": tier_,
        "change": None,
        "source_kind": kind,
        "flag": None,
        "doc_id": doc * 64,
        "start": 0,
        "end": 1,
        "page": 1,
        "evidence": "x",
    }


def test_tier_changes_view_across_reports(tmp_path):
    rows = [
        # Pakistan over four reports (two documents each year: narrative and tier table agree)
        tier("Pakistan", 2020, "2WL"),
        tier("Pakistan", 2020, "2WL", "tip_table"),
        tier("Pakistan", 2021, "2WL"),
        tier("Pakistan", 2022, "2"),
        tier("Pakistan", 2022, "2", "tip_table"),
        tier("Pakistan", 2023, "2"),
        # Chad: 2 -> 3 -> 2WL; a news row saying Tier 1 is ignored
        tier("Chad", 2021, "2"),
        tier("Chad", 2022, "3"),
        tier("Chad", 2023, "2WL"),
        tier("Chad", 2023, "1", "news"),
        # Libya: special case in between is not a change
        tier("Libya", 2021, "special_case"),
        tier("Libya", 2022, "3"),
    ]
    store = Store(tmp_path / "processed")
    publish(
        store,
        "20260101T000000-aaaaaa",
        {"tier_placements": to_arrow("tier_placements", rows)},
        {"run_id": "x"},
    )
    cols, out = run_query(store.root, "SELECT * FROM tier_changes ORDER BY country, to_year")
    assert cols == ["country", "from_year", "to_year", "from_tier", "to_tier", "change"]
    assert out == [
        ("Chad", 2021, 2022, "2", "3", "downgraded"),
        ("Chad", 2022, 2023, "3", "2WL", "upgraded"),
        ("Pakistan", 2021, 2022, "2WL", "2", "upgraded"),
    ]
