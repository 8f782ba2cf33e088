"""``tipwatch run`` when nothing changed (issue 14, acceptance 3): the same raw folder, extractor
version and reviewers' decisions as the latest run publish nothing and start no flow run; any
change (a file edited, added or removed, a decision, ``--force``) runs as before. Real CLI runs
over the seed article, real Parquet files.
"""

from __future__ import annotations

import json
import shutil

from conftest import SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.pipeline import tipwatch_flow
from flows.store import Store


def run(raw, processed, *extra) -> dict:
    res = CliRunner().invoke(app, ["run", "--raw", str(raw), "--processed", str(processed), "--json", *extra])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_nothing_changed_publishes_nothing_and_any_change_runs(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(SEED, raw / "seed.txt")
    first = run(raw, processed)
    assert (first["status"], first["n_new"]) == ("completed", 1)

    same = run(raw, processed)  # nothing changed
    assert same == {
        "run_id": first["run_id"],
        "status": "unchanged",
        "n_documents": 1,
        "n_new": 0,
        "n_carried": 1,
        "n_failed": 0,
        "counts": {},
        "timings": {},
        "documents": [{"source": "seed.txt", "kind": "news", "status": "ok", "error": None}],
        "worker_seconds": {},
    }
    assert Store(processed).run_folders() == [first["run_id"]]
    # the flow itself (what a scheduled deployment runs) publishes nothing either
    flow_summary = tipwatch_flow(raw_dir=str(raw), processed_dir=str(processed))
    assert (flow_summary["status"], flow_summary["run_id"]) == ("unchanged", first["run_id"])
    assert Store(processed).run_folders() == [first["run_id"]]

    forced = run(raw, processed, "--force")
    assert (forced["status"], forced["n_new"], forced["n_carried"]) == ("completed", 0, 1)

    decisions = processed.parent / "reviews" / "decisions.jsonl"
    decisions.parent.mkdir()
    decisions.write_text("")  # a decisions file appears: the tables may change
    after_file = run(raw, processed)
    assert after_file["status"] == "completed"
    assert run(raw, processed)["status"] == "unchanged"

    (raw / "seed.txt").rename(raw / "moved.txt")  # same bytes, new path: the sources change
    assert run(raw, processed)["status"] == "completed"
    (raw / "empty.txt").write_text("")
    added = run(raw, processed)
    assert (added["status"], added["n_new"]) == ("completed", 1)
    assert len(Store(processed).run_folders()) == 5


def test_a_document_that_failed_is_retried(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    first = run(raw, processed)
    assert first["n_failed"] == 1
    again = run(raw, processed)
    assert (again["status"], again["n_new"]) == ("completed", 1)
