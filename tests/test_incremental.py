"""Incremental runs and what a diff of real runs shows (issue 5, acceptance 1-3), with real Prefect
flow runs over tiny real inputs: the seed article, an empty file, and three generated TIP reports
(2021-2023) whose tiers come from a small CSV, so ``tier_changes`` has known answers.

One module fixture makes four runs in order and the tests read them:
  run 1  everything new
  run 2  nothing changed (forced: an unforced run publishes nothing) -> nothing parsed, same tables,
         empty diff
  run 3  one article added to raw/              -> only it processed, diff = exactly its rows, added
  run 4  one agency added to a copy of models/  -> diff = the new agency's rows and nothing else
"""

from __future__ import annotations

import shutil

import pyarrow.compute as pc
import pytest
from conftest import SEED
from tip_fixtures import generator

from flows.cli.app import render_summary
from flows.diff import DIFF_TABLES, diff_runs
from flows.pipeline import DEFAULT_MODELS, tipwatch_flow
from flows.store import Store
from flows.tables import run_query

NEW_AGENCY = "Gujranwala Brick Kiln Labour Watch"
# The pipeline does not recognise NEW_AGENCY without a gazetteer entry (checked in
# test_new_agency_is_unknown_without_the_gazetteer), so adding it is the only change.
ARTICLE = """Punjab police rescue 14 children from brick kilns

LAHORE: Officials of the Gujranwala Brick Kiln Labour Watch rescued 14 children from two brick kilns near Lahore on Monday, a spokesman said.

The Gujranwala Brick Kiln Labour Watch said the children had been held in debt bondage for two years. The watch told reporters that three kiln owners had been arrested.

Human rights groups said Pakistan had remained on Tier 2 in the 2023 report.
"""
TIERS_CSV = """report_year,country,tier
2020,Pakistan,Tier 2 Watch List
2020,Chad,Tier 2
2021,Pakistan,Tier 2 Watch List
2021,Chad,Tier 2
2022,Pakistan,Tier 2
2022,Chad,Tier 3
2023,Pakistan,Tier 2
2023,Chad,Tier 2 Watch List
"""


def flow(raw, processed, models=None, force=False) -> dict:
    return tipwatch_flow(
        raw_dir=str(raw),
        processed_dir=str(processed),
        models_dir=str(models) if models else None,
        force=force,
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    # The extractor code version is a hash of the files under extractors/. The code this process
    # runs is what it imported, but the files can change under a shared working tree while the
    # four runs take place; pin the version to the code as imported so only models/ and raw/ vary.
    import flows.pipeline

    with pytest.MonkeyPatch.context() as mp:
        frozen = flows.pipeline.code_hash()
        mp.setattr(flows.pipeline, "code_hash", lambda: frozen)
        return make_runs(tmp_path_factory)


def make_runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("incremental")
    raw, processed = work / "raw", work / "processed"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    (raw / "empty.txt").write_bytes(b"")
    csv_path = work / "tiers.csv"
    csv_path.write_text(TIERS_CSV)
    gen = generator()
    for year in (2021, 2022, 2023):
        data, _ = gen.generate(countries=3, year=year, seed=1, tiers_csv=str(csv_path))
        (raw / f"tip-report-{year}.pdf").write_bytes(data)
    s1 = flow(raw, processed)
    unchanged = flow(raw, processed)  # publishes nothing (tests/test_unchanged.py) ...
    s2 = flow(raw, processed, force=True)  # ... unless forced: every document carried over
    (raw / "brick-kilns.txt").write_text(ARTICLE, encoding="utf-8")
    s3 = flow(raw, processed)
    models = work / "models"
    shutil.copytree(DEFAULT_MODELS, models)
    with open(models / "gazetteers" / "agencies.csv", "a", encoding="utf-8") as fh:
        fh.write(f"{NEW_AGENCY},GBKLW,ngo,Pakistan,\n")
    s4 = flow(raw, processed, models)
    return {"store": Store(processed), "summaries": [s1, s2, s3, s4], "raw": raw, "unchanged": unchanged}


def run_ids(runs):
    return [s["run_id"] for s in runs["summaries"]]


def test_unchanged_rerun_processes_nothing(runs):
    s1, s2 = runs["summaries"][:2]
    assert (runs["unchanged"]["status"], runs["unchanged"]["run_id"]) == ("unchanged", s1["run_id"])
    assert (s1["n_documents"], s1["n_new"], s1["n_carried"], s1["n_failed"]) == (5, 5, 0, 1)
    assert (s2["n_documents"], s2["n_new"], s2["n_carried"], s2["n_failed"]) == (5, 0, 5, 1)
    assert render_summary(s2).splitlines()[0] == (
        f"run {s2['run_id']} completed: 5 documents (0 parsed and extracted, 5 unchanged, 1 not ok)"
    )
    assert s2["worker_seconds"] == {"worker_parse": 0.0, "worker_extract": 0.0}


def test_unchanged_rerun_has_equal_tables_and_empty_diff(runs):
    store = runs["store"]
    r1, r2 = run_ids(runs)[:2]
    for table in DIFF_TABLES:
        a, b = store.read_table(table, r1), store.read_table(table, r2)
        assert a.num_rows == b.num_rows and a.equals(b), table
    assert store.read_table("runs", r2).column("run_id").to_pylist() == [r1, r2]
    d = diff_runs(store, r1, r2)
    assert d.is_empty() and d.rows == []


def test_added_article_is_the_only_work_and_the_whole_diff(runs):
    store = runs["store"]
    _, r2, r3, _ = run_ids(runs)
    s3 = runs["summaries"][2]
    assert (s3["n_documents"], s3["n_new"], s3["n_carried"]) == (6, 1, 5)
    new_doc = store.read_frame("documents", r3).set_index("source").loc["brick-kilns.txt", "doc_id"]
    d = diff_runs(store, r2, r3)
    assert not [r for r in d.rows if r.kind != "added"]
    assert {r.doc_id for r in d.rows} == {new_doc}
    for table in DIFF_TABLES:
        after = store.read_table(table, r3)
        mine = after.filter(pc.equal(after.column("doc_id"), new_doc))
        key = "doc_id" if table in ("documents", "texts") else "id"
        assert sorted(r.key for r in d.tables[table].added) == sorted(mine.column(key).to_pylist()), table
    assert d.tables["agencies"].added and d.tables["claims"].added and d.tables["mentions"].added
    assert all(r.source == "brick-kilns.txt" for r in d.rows)


def test_new_agency_is_unknown_without_the_gazetteer(runs):
    store = runs["store"]
    r3 = run_ids(runs)[2]
    for table, col in (("agencies", "name"), ("mentions", "text")):
        values = store.read_table(table, r3).column(col).to_pylist()
        assert not [v for v in values if "Brick Kiln" in (v or "")], table


def test_gazetteer_change_shows_only_the_new_agency(runs):
    store = runs["store"]
    _, _, r3, r4 = run_ids(runs)
    s4 = runs["summaries"][3]
    m3, m4 = store.manifest(r3), store.manifest(r4)
    assert m3["rules_hash"] != m4["rules_hash"] and m3["code_version"] == m4["code_version"]
    assert (s4["n_new"], s4["n_carried"]) == (6, 0)  # a gazetteer change is global: all re-extracted
    d = diff_runs(store, r3, r4)
    new_doc = store.read_frame("documents", r4).set_index("source").loc["brick-kilns.txt", "doc_id"]
    text = store.read_frame("texts", r4).set_index("doc_id").loc[new_doc, "text"]
    first = text.index(NEW_AGENCY)
    second = text.index(NEW_AGENCY, first + 1)
    changes = {
        t: {k: [r for r in td.rows if r.kind == k] for k in ("added", "removed", "changed")}
        for t, td in d.tables.items()
        if not td.is_empty()
    }
    assert sorted(changes) == ["agencies", "claims", "mentions"]
    (agency,) = changes["agencies"]["added"]
    assert {k: agency.row[k] for k in ("name", "acronym", "kind", "country", "mention_count", "start")} == {
        "name": NEW_AGENCY,
        "acronym": "GBKLW",
        "kind": "ngo",
        "country": "Pakistan",
        "mention_count": 2,
        "start": first,
    }
    assert [(r.row["label"], r.row["text"], r.row["start"]) for r in changes["mentions"]["added"]] == [
        ("AGENCY", NEW_AGENCY, first),
        ("AGENCY", NEW_AGENCY, second),
    ]
    # The claim the agency makes now names it in canonical form, and "the watch" later in the story
    # is that body, referred to by the word its name ends in (claims.anaphora body_by_name_end);
    # nothing else changed.
    claim, later = sorted(changes["claims"]["changed"], key=lambda r: r.row["start"])
    assert claim.changed["speaker"] == ("The " + NEW_AGENCY, NEW_AGENCY)
    # ... and joins to its agencies row (claims.agency_id, issue 12)
    assert set(claim.changed) == {"speaker", "agency_id"} and claim.changed["agency_id"][0] is None
    assert later.changed["speaker"] == ("The watch", NEW_AGENCY)
    assert later.changed["speaker_kind"] == ("unnamed", "organisation")
    assert later.row["agency_id"] == claim.row["agency_id"]
    # Mentions inside the new agency's name (e.g. the place "Gujranwala" as GPE) give way to it.
    spans = [(first, first + len(NEW_AGENCY)), (second, second + len(NEW_AGENCY))]
    assert all(
        any(a <= r.row["start"] and r.row["end"] <= b for a, b in spans)
        for r in changes["mentions"]["removed"]
    )
    assert len(changes["agencies"]["removed"]) == len(changes["claims"]["removed"]) == 0
    assert (
        len(changes["agencies"]["changed"])
        == len(changes["mentions"]["changed"])
        == len(changes["claims"]["added"])
        == 0
    )


def test_runs_registry_and_history(runs):
    store = runs["store"]
    ids = run_ids(runs)
    assert store.completed_runs() == ids
    runs_tbl = store.read_frame("runs", ids[-1])
    assert runs_tbl["run_id"].tolist() == ids and set(runs_tbl["status"]) == {"completed"}
    assert runs_tbl["n_new"].tolist() == [5, 0, 1, 6]
    m = store.manifest(ids[-1])
    for key in (
        "code_version",
        "model",
        "rules_hash",
        "counts",
        "timings",
        "n_documents",
        "n_new",
        "n_carried",
        "n_failed",
        "started_at",
        "finished_at",
        "status",
        "extractor_version",
    ):
        assert key in m, key
    assert set(m["timings"]) >= {"discover", "parse_extract", "checks", "store"}
    assert set(m["worker_seconds"]) == {"worker_parse", "worker_extract"}
    cols, rows = run_query(
        store.root, "SELECT run_id, count(*) FROM documents_history GROUP BY run_id ORDER BY run_id"
    )
    assert rows == [(ids[0], 5), (ids[1], 5), (ids[2], 6), (ids[3], 6)]
    assert store.db_run() == ids[-1] and (store.root / "latest").read_text().strip() == ids[-1]


def test_tier_changes_across_three_reports(runs):
    cols, rows = run_query(runs["store"].root, "SELECT * FROM tier_changes ORDER BY country, to_year")
    assert rows == [
        ("Chad", 2021, 2022, "2", "3", "downgraded"),
        ("Chad", 2022, 2023, "3", "2WL", "upgraded"),
        ("Pakistan", 2021, 2022, "2WL", "2", "upgraded"),
    ]
