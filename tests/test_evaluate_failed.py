"""``tipwatch evaluate`` never scores a document the run failed on in silence (issue 12): each one is
named on stderr, counted in the report, and the exit status is 1 unless ``--allow-failed``.

The failing document is real: a gold text holding a NUL byte, which the run's text parser refuses
("binary data (NUL bytes) where text was expected"), through a real ``tipwatch evaluate``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
OK_DOC = {
    "text": "Interior Minister Mohsin Naqvi said on Monday that the FIA would arrest the traffickers.",
    "officials": [{"name": "Mohsin Naqvi", "title": "Interior Minister"}],
}
# the seed article's gold line (texts under ../shared): the run finds all three of its officials
SEED_LINE = next(
    json.loads(line)
    for line in (ROOT / "models/gold/news_gold.jsonl").open(encoding="utf-8")
    if '"seed"' in line
)
NUL_DOC = {
    "text": "Interior Minister Mohsin Naqvi said\x00 on Monday that the FIA would arrest the traffickers.",
    "officials": [{"name": "Mohsin Naqvi", "title": "Interior Minister"}],
}
FAILED_LINE = "tipwatch: document {doc} (gold-{doc}) failed in the run: error: binary data (NUL bytes) where text was expected"
REFUSED = (
    "tipwatch: error: 1 document(s) failed in the run and are scored as finding nothing, so these "
    "figures are not the product's; rerun, or pass --allow-failed to accept them"
)


def evaluate(tmp_path: Path, docs: list[dict], *args: str) -> tuple[int, str, list[str]]:
    """(exit status, stdout, the stderr lines tipwatch itself printed: not the run's progress)."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "tipwatch", "evaluate", str(gold), *args],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=tmp_path,
        timeout=600,
    )
    return p.returncode, p.stdout, [line for line in p.stderr.splitlines() if line.startswith("tipwatch: ")]


def test_a_failed_document_is_named_counted_and_fails_the_command(tmp_path):
    code, out, err = evaluate(tmp_path, [SEED_LINE, NUL_DOC])
    assert (code, err) == (1, [FAILED_LINE.format(doc=1), REFUSED])
    table = out.splitlines()
    assert table[2].split() == ["officials", "1.000", "0.750", "0.857", "3", "0", "1"]
    assert table[-2:] == ["(2 documents)", "documents failed in the run: 1"]


def test_allow_failed_accepts_them_and_json_lists_them(tmp_path):
    code, out, err = evaluate(tmp_path, [NUL_DOC], "--format", "json", "--allow-failed")
    assert (code, err) == (0, [FAILED_LINE.format(doc=0)])
    data = json.loads(out)
    assert data["fields"]["officials"]["fn"] == 1 and list(data)[-1] == "failed_documents"
    assert data["failed_documents"] == [
        {
            "doc": 0,
            "name": "gold-0",
            "status": "error",
            "error": "binary data (NUL bytes) where text was expected",
        }
    ]


def test_a_run_without_failures_says_so(tmp_path):
    code, out, err = evaluate(tmp_path, [OK_DOC], "--format", "csv")
    assert (code, err) == (0, [])
    assert out.splitlines()[-1] == "failed_documents,[]"


def test_narratives_name_a_file_the_run_failed_on(tmp_path):
    """``--narratives`` runs the flow on a folder itself: a failed file is named by its gold row."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad.txt").write_bytes(b"Pakistan\x00 is placed on Tier 2.\n")
    (tmp_path / "gold.csv").write_text(
        "file,url,country,report_year,tier,change,notes\nbad.txt,,Pakistan,2024,2,,\n", encoding="utf-8"
    )
    p = subprocess.run(
        [sys.executable, "-m", "tipwatch", "evaluate", "--narratives", str(tmp_path), "--format", "json"],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=tmp_path,
        timeout=600,
    )
    err = [line for line in p.stderr.splitlines() if line.startswith("tipwatch: ")]
    line = "tipwatch: document 0 (bad.txt) failed in the run: error: binary data (NUL bytes) where text was expected"
    assert (p.returncode, err) == (1, [line, REFUSED])
    assert json.loads(p.stdout)["failed_documents"] == [
        {
            "doc": 0,
            "name": "bad.txt",
            "status": "error",
            "error": "binary data (NUL bytes) where text was expected",
        }
    ]
