"""Decisions on the review page in a real headless Chromium (issue 15, acceptance 2 and 3): keyboard
navigation and decisions on a 2,000-row diff, the decisions file the page downloads, and its round
trip through ``tipwatch review import`` into the next run's tables."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest
from cdp_browser import CHROMIUM, Browser, wait_for_file
from conftest import SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.diff import RunDiff, TableDiff, diff_runs
from flows.pipeline import tipwatch_flow
from flows.review import render_review
from flows.store import Store
from flows.tables import run_query

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed: apt-get install -y chromium"
)


def _cli(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("page")
    raw, processed = root / "raw", root / "processed"
    raw.mkdir()
    seed = raw / SEED.name
    shutil.copy(SEED, seed)
    tipwatch_flow(raw_dir=str(raw), processed_dir=str(processed))
    (raw / "kiln.txt").write_text(
        "Police free 12 workers\n\nLAHORE: The Federal Investigation Agency (FIA) freed 12 workers from a "
        "brick kiln, FIA Director General Ahmad Khan said on Monday.\n"
    )
    tipwatch_flow(raw_dir=str(raw), processed_dir=str(processed))
    return {"root": root, "raw": raw, "processed": processed}


def big_diff(store: Store, n: int = 2000) -> tuple[RunDiff, dict]:
    """A 2,000-row diff: the latest run's rows as added rows, copied over as many documents as it
    takes (each copy its own document and ids), with the texts to show them against."""
    run = store.latest_run()
    texts = {r["doc_id"]: r["text"] for r in store.read_table("texts", run).to_pylist()}
    base = diff_runs(store, None, run)
    rows, copies = [r for r in base.rows if r.table not in ("documents", "texts")], {}
    out = []
    for i in range(n):
        r = rows[i % len(rows)]
        copy = i // len(rows)
        doc = f"{r.row['doc_id']}-{copy}"
        copies[doc] = texts[r.row["doc_id"]]
        row = {**r.row, "id": f"{r.key}-{copy}", "doc_id": doc}
        out.append(replace(r, key=row["id"], row=row, source=f"copy-{copy:03d}/{r.source}"))
    tables = {}
    for r in out:
        tables.setdefault(r.table, []).append(r)
    d = RunDiff(None, run, {t: TableDiff(t, added=tuple(rs), n_after=len(rs)) for t, rs in tables.items()})
    return d, copies


def test_keyboard_decisions_on_a_2000_row_diff_are_downloaded(two_runs, tmp_path):
    d, texts = big_diff(Store(two_runs["processed"]))
    assert len(d.rows) == 2000
    html = tmp_path / "big.html"
    html.write_text(render_review(d, {}, texts), encoding="utf-8")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with Browser(downloads) as b:
        b.open(html.as_uri())
        assert int(b.eval("document.body.dataset.readyMs")) > 0
        assert b.eval("document.querySelectorAll('article.row').length") == 2000
        for key in "jajrjjaj":
            b.key(key)
        b.key("k")  # back to the fourth reachable row: accepted, then undone
        b.key("u")
        states = b.eval(
            "Array.from(document.querySelectorAll('article.row')).filter(r => r.dataset.decision)"
            ".map(r => [r.dataset.id, r.dataset.decision])"
        )
        reachable = b.eval(
            "Array.from(document.querySelectorAll('article.row'))"
            ".filter(r => !r.closest('details:not([open])')).slice(0, 4).map(r => r.dataset.id)"
        )
        assert states == [[reachable[0], "accept"], [reachable[1], "reject"]]
        assert b.eval("document.querySelector('article.row.current').dataset.id") == reachable[3]
        shot = b.screenshot(tmp_path / "big.png")
        b.eval("document.getElementById('reviewer').value = 'kb'")
        b.click("#download")
        got = wait_for_file(downloads, "decisions.jsonl")
    lines = [json.loads(x) for x in got.read_text().splitlines()]
    assert [(x["row_id"], x["decision"], x["reviewer"]) for x in lines] == [
        (reachable[0], "accept", "kb"), (reachable[1], "reject", "kb")
    ]  # fmt: skip
    from PIL import Image

    img = Image.open(shot).convert("RGB")
    colours = {c for _, c in img.getcolors(maxcolors=1 << 20)}
    assert img.size[0] == 1280
    assert (0x09, 0x69, 0xDA) in colours  # the current row's outline is on screen, not under the header


def test_decisions_from_the_page_round_trip_into_the_tables(two_runs, tmp_path):
    processed = two_runs["processed"]
    html = tmp_path / "review.html"
    _cli("diff", "--processed", processed, "--html", html)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with Browser(downloads) as b:
        b.open(html.as_uri() + "#table=officials,agencies")
        ids = b.eval(
            "Array.from(document.querySelectorAll('article.row')).filter(r => !r.hidden)"
            ".map(r => [r.dataset.table, r.dataset.id])"
        )
        assert [t for t, _ in ids] == ["officials", "agencies"]  # the kiln article's DG and FIA
        for key in "jrja":  # reject the official, accept the agency
            b.key(key)
        b.click("#download")
        got = wait_for_file(downloads, "decisions.jsonl")
    out = _cli("review", "import", got, "--processed", processed)
    assert out.startswith("2 decisions added to ")
    assert _cli("review", "import", got, "--processed", processed).startswith("0 decisions added")
    tipwatch_flow(raw_dir=str(two_runs["raw"]), processed_dir=str(processed))
    (official_id, agency_id) = (ids[0][1], ids[1][1])
    assert run_query(processed, f"SELECT review FROM agencies WHERE id = '{agency_id}'")[1] == [("accepted",)]
    assert run_query(processed, f"SELECT count(*) FROM officials WHERE id = '{official_id}'")[1] == [(0,)]
    assert run_query(processed, f"SELECT review FROM officials_rejected WHERE id = '{official_id}'")[1] == [
        ("rejected",)
    ]
