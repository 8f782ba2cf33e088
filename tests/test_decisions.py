"""Reviewers' decisions (issue 15): recorded from the CLI, applied at every publish, matched to
their row when its id moved, reported as orphaned when the row is gone.

The unit tests apply decisions to tiny tables; the module fixture makes real Prefect flow runs over
the seed article (and a second article), with decisions recorded through the real CLI between runs:
  run 1  the seed                                   -> three decisions recorded (reject, correct, accept)
  run 2  the seed again, another article added       -> all three applied by id
  run 3  the seed edited (one word in its lead)      -> ids moved; all three still applied
  run 4  the rejected official's sentence rewritten  -> that decision orphaned, the other two applied
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.decisions import DecisionError, apply, decide, extracted_table, load
from flows.diff import diff_runs
from flows.pipeline import tipwatch_flow
from flows.store import Store, to_arrow
from flows.tables import run_query

# -- applying decisions to tiny tables ------------------------------------------------------------------


def _official(id_, name, start, doc="d1", title="minister"):
    return {"id": id_, "name": name, "title": title, "organisation": None, "doc_id": doc, "start": start,
            "end": start + len(name), "evidence": f"Minister {name} said."}  # fmt: skip


def _tables(*officials):
    docs = to_arrow("documents", [{"doc_id": "d1", "source": "a.txt", "kind": "news", "status": "ok"}])
    return {"documents": docs, "officials": to_arrow("officials", list(officials))}


def test_reject_moves_the_row_to_rejected_with_the_decision():
    tables = _tables(_official("a1", "Ann Lee", 10), _official("b2", "Bo Chan", 40))
    d = decide(
        "officials", tables["officials"].to_pylist()[0], "a.txt", "reject", reviewer="r", note="not her"
    )
    out, outcome = apply(tables, [d])
    assert out["officials"].column("name").to_pylist() == ["Bo Chan"]
    rej = out["officials_rejected"].to_pylist()
    assert [(r["name"], r["review"], r["review_note"], r["reviewer"]) for r in rej] == [
        ("Ann Lee", "rejected", "not her", "r")
    ]
    assert outcome.counts() == {"by_id": 1, "moved": 0, "orphaned": 0}


def test_correct_keeps_the_extracted_value_and_undoing_restores_it():
    tables = _tables(_official("a1", "Ann Lee", 10))
    row = tables["officials"].to_pylist()[0]
    d = decide("officials", row, "a.txt", "correct", fields={"title": "deputy minister"})
    out, _ = apply(tables, [d])
    got = out["officials"].to_pylist()[0]
    assert (got["title"], got["review"], json.loads(got["extracted"])) == (
        "deputy minister", "corrected", {"title": "minister"}
    )  # fmt: skip
    back = extracted_table("officials", out["officials"], out["officials_rejected"]).to_pylist()
    assert back == tables["officials"].to_pylist()


def test_a_moved_row_is_found_by_source_and_fields_and_a_vanished_one_is_orphaned():
    old = _tables(_official("a1", "Ann Lee", 10), _official("b2", "Bo Chan", 40))
    rows = old["officials"].to_pylist()
    decisions = [
        decide("officials", rows[0], "a.txt", "accept"),
        decide("officials", rows[1], "a.txt", "reject"),
    ]
    # The edited document: new doc id, Ann Lee 7 characters later under a new id, Bo Chan gone.
    docs = to_arrow("documents", [{"doc_id": "d2", "source": "a.txt", "kind": "news", "status": "ok"}])
    new = {"documents": docs, "officials": to_arrow("officials", [_official("z9", "Ann Lee", 17, doc="d2")])}
    out, outcome = apply(new, decisions)
    assert [(r["id"], r["review"]) for r in out["officials"].to_pylist()] == [("z9", "accepted")]
    assert [d.row_id for d in outcome.moved] == ["a1"]
    assert [d.row_id for d in outcome.orphaned] == ["b2"]


def test_the_last_decision_for_a_row_wins():
    tables = _tables(_official("a1", "Ann Lee", 10))
    row = tables["officials"].to_pylist()[0]
    out, _ = apply(
        tables, [decide("officials", row, "a.txt", "reject"), decide("officials", row, "a.txt", "accept")]
    )
    assert out["officials"].column("review").to_pylist() == ["accepted"]


def test_bad_decisions_are_refused_in_one_line(tmp_path):
    row = _tables(_official("a1", "Ann Lee", 10))["officials"].to_pylist()[0]
    with pytest.raises(DecisionError, match="officials has no correctable field 'doc_id'"):
        decide("officials", row, "a.txt", "correct", fields={"doc_id": "x"})
    with pytest.raises(DecisionError, match="correct needs at least one field"):
        decide("officials", row, "a.txt", "correct")
    bad = tmp_path / "decisions.jsonl"
    bad.write_text('{"table": "officials"}\n')
    with pytest.raises(DecisionError, match=r"decisions.jsonl:1: not a decision"):
        load(bad)


# -- real runs, decisions through the CLI ------------------------------------------------------------------
OTHER = """Police free 12 workers from a kiln

LAHORE: Punjab Police freed 12 workers from a brick kiln near Lahore on Monday, a spokesman said.
"""


def _cli(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def _one(processed, sql):
    return run_query(processed, sql)[1]


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    raw, processed = root / "raw", root / "processed"
    raw.mkdir()
    seed = raw / SEED.name
    shutil.copy(SEED, seed)

    def run():
        return tipwatch_flow(raw_dir=str(raw), processed_dir=str(processed))

    run()
    ids = {
        "official": _one(processed, "SELECT id FROM officials WHERE name = 'Ehsan Sadiq'")[0][0],
        "claim": _one(processed, "SELECT id FROM claims WHERE cue = 'was told'")[0][0],
        "agency": _one(processed, "SELECT id FROM agencies WHERE name = 'Federal Investigation Agency'")[0][
            0
        ],
    }
    p = ("--processed", processed)
    out = {"reject": _cli("review", "reject", ids["official"], *p, "--note", "not at the conference")}
    _cli(
        "review",
        "correct",
        ids["claim"][:8],
        *p,
        "--speaker",
        "Ahmad Ishaque Jehangir",
        "--speaker-kind",
        "person",
    )
    _cli("review", "accept", ids["agency"], *p, "--reviewer", "ana")
    (raw / "kiln.txt").write_text(OTHER)
    states = {}
    for step in ("added", "edited", "orphaned"):
        if step == "edited":
            seed.write_text(
                seed.read_text().replace("was told on Wednesday", "was told on Wednesday in Islamabad")
            )
        if step == "orphaned":
            text = seed.read_text()
            seed.write_text(
                text.replace("National Police Bureau Director General Dr Ehsan Sadiq", "A speaker")
            )
        out[step] = run()
        states[step] = json.loads(_cli("review", "status", *p, "--format", "json"))
    return {"processed": processed, "ids": ids, "out": out, "states": states, "root": root}


def test_the_cli_records_each_decision_with_its_row(reviewed):
    assert reviewed["out"]["reject"].startswith(
        f"reject officials {reviewed['ids']['official']} (Ehsan Sadiq"
    )
    lines = (reviewed["root"] / "reviews" / "decisions.jsonl").read_text().splitlines()
    first = json.loads(lines[0])
    assert (first["table"], first["decision"], first["source"], first["key"]["name"], first["note"]) == (
        "officials", "reject", SEED.name, "Ehsan Sadiq", "not at the conference"
    )  # fmt: skip
    assert json.loads(lines[1])["fields"] == {"speaker": "Ahmad Ishaque Jehangir", "speaker_kind": "person"}
    assert json.loads(lines[2])["reviewer"] == "ana"


def test_decisions_apply_after_an_article_is_added_and_after_an_edit(reviewed):
    for step in ("added", "edited"):
        assert [s["state"] for s in reviewed["states"][step]] == ["applied", "applied", "applied"], step
    processed = reviewed["processed"]
    # state after the last run: the edited seed (the orphaned step) still carries the other two decisions
    assert _one(processed, "SELECT count(*) FROM officials WHERE name = 'Ehsan Sadiq'") == [(0,)]
    assert _one(
        processed, "SELECT speaker, speaker_kind, review, extracted FROM claims WHERE cue = 'was told'"
    ) == [("Ahmad Ishaque Jehangir", "person", "corrected", '{"speaker": null, "speaker_kind": "unnamed"}')]
    assert _one(processed, "SELECT review FROM agencies WHERE name = 'Federal Investigation Agency'") == [
        ("accepted",)
    ]
    # claim checks are made from the reviewed claims
    assert ("Ahmad Ishaque Jehangir",) in _one(processed, "SELECT speaker FROM claim_checks")


def test_the_rejected_row_is_kept_apart_until_its_sentence_is_edited(reviewed):
    store = Store(reviewed["processed"])
    runs = store.completed_runs()
    assert [r["name"] for r in store.read_table("officials_rejected", runs[2]).to_pylist()] == ["Ehsan Sadiq"]
    assert store.read_table("officials_rejected", runs[3]).num_rows == 0
    states = reviewed["states"]["orphaned"]
    assert [(s["decision"], s["state"]) for s in states] == [
        ("reject", "orphaned"), ("correct", "applied"), ("accept", "applied")
    ]  # fmt: skip
    assert reviewed["out"]["orphaned"]["counts"]["officials_rejected"] == 0


def test_exports_read_the_reviewed_tables(reviewed, tmp_path):
    _cli("export", tmp_path, "--processed", reviewed["processed"], "--tables", "claims,officials_rejected")
    assert "Ahmad Ishaque Jehangir,person" in (tmp_path / "claims.csv").read_text()


def test_a_decision_on_an_unknown_row_is_one_line(reviewed):
    result = CliRunner().invoke(
        app, ["review", "reject", "ffffffffffff", "--processed", str(reviewed["processed"])]
    )
    assert result.exit_code == 1
    assert result.output.strip().endswith(
        "no row with id ffffffffffff in run " + Store(reviewed["processed"]).latest_run()
    )


def test_evaluate_scores_the_extraction_against_the_decisions(reviewed):
    path = reviewed["root"] / "reviews" / "decisions.jsonl"
    out = _cli("evaluate", "--decisions", path, "--processed", reviewed["processed"], "--json")
    # accepted agency still extracted: tp; corrected claim still extracted with the old speaker: fp + fn;
    # the rejected official is no longer extracted (its sentence was rewritten): not counted.
    assert json.loads(out) == {
        "agencies": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0},
        "claims": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1},
        "officials": {"precision": None, "recall": None, "f1": None, "tp": 0, "fp": 0, "fn": 0},
    }


def test_the_edited_articles_diff_shows_field_level_changes(reviewed):
    store = Store(reviewed["processed"])
    runs = store.completed_runs()
    d = diff_runs(store, runs[1], runs[2])  # the seed edited: "was told on Wednesday in Islamabad"
    for t in ("documents", "texts", "officials", "agencies", "claims", "tier_placements"):
        assert (d.tables[t].added, d.tables[t].removed) == ((), ()), t
    changed = {r.row["cue"]: r.changed for r in d.tables["claims"].changed}
    assert list(changed) == ["was told"]  # the claim whose sentence was edited, nothing else
    assert list(changed["was told"]) == ["evidence"]
    assert changed["was told"]["evidence"][1].endswith("was told on Wednesday in Islamabad.")
    assert [r.row["text"] for r in d.tables["mentions"].added] == ["Islamabad"]


def test_documents_keep_every_version_with_its_first_and_last_run(reviewed):
    store = Store(reviewed["processed"])
    runs = store.completed_runs()
    versions = [
        (r["source"], r["first_run"], r["last_run"])
        for r in store.read_table("document_versions").to_pylist()
    ]
    # the seed: as copied (runs 1-2), edited (run 3), its sentence rewritten (run 4); kiln.txt from run 2
    assert sorted(versions, key=lambda v: (v[0], v[1])) == [
        ("kiln.txt", runs[1], runs[3]),
        (SEED.name, runs[0], runs[1]),
        (SEED.name, runs[2], runs[2]),
        (SEED.name, runs[3], runs[3]),
    ]


def test_reviewed_rows_export_as_partial_gold(reviewed, tmp_path):
    from flows.gold import load_gold

    out = tmp_path / "reviewed.jsonl"
    printed = _cli("review", "export-gold", out, "--processed", reviewed["processed"])
    assert printed == f"2 reviewed rows from 1 documents written to {out}\n"
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert (line["source"], line["partial"]) == (SEED.name, True)
    assert line["agencies"] == [
        {"name": "Federal Investigation Agency", "acronym": "FIA", "kind": "government"}
    ]
    assert [(c["speaker"], c["cue"]) for c in line["claims"]] == [("Ahmad Ishaque Jehangir", "was told")]
    (doc,) = load_gold(out)
    assert doc.text.startswith("‘Pakistan raking improves’")
