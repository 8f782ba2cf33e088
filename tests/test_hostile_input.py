"""Hostile and huge input (issue 13): every such file ends with a status and a one-line reason
within the documented limits, a good article beside it is extracted and published, and nothing
outside ``raw/`` is read. One real flow run over real files; exact statuses and reasons.
"""

from __future__ import annotations

import os

import pytest
from tip_fixtures import script

from extractors.parse import MAX_TEXT_FILE_BYTES, parse_bytes
from flows.pipeline import tipwatch_flow
from flows.store import Store

SLOW_PARAGRAPH = (
    "<p>Pakistan remained on the Tier 2 Watch List, the FIA said in <b>Islamabad</b> on Monday.</p>\n"
)
WORDS = "the minister said officials trafficking Pakistan ranked report police agency court".split()
BOMB_LINES = (
    "the parser died: over the memory limit of 384 MB, or a crash (signal 6)",
    "parsing ran out of memory (the limit is 384 MB)",
)
GOOD = "Pakistan remained on the Tier 2 Watch List in the 2023 TIP report, the minister said in Islamabad.\n"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    raw, outside = work / "raw", work / "outside"
    raw.mkdir()
    outside.mkdir()
    (outside / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (raw / "good.txt").write_text(GOOD)
    (raw / "utf16.txt").write_bytes(GOOD.replace("Pakistan", "Nepal").encode("utf-16"))  # with its BOM
    controls = "A" * 5000 + "\x00 NUL and \x1b[31m escape " + GOOD.replace("Pakistan", "Kenya")
    (raw / "controls.txt").write_text(controls)
    os.symlink(outside / "passwd", raw / "passwd.txt")
    os.symlink(outside, raw / "elsewhere")
    with open(raw / "huge.html", "wb") as fh:  # sparse: over the HTML limit without writing 20 MB
        fh.truncate(MAX_TEXT_FILE_BYTES + 1)
    (raw / "bomb.pdf").write_bytes(
        script("make_pdf_bomb").bomb_pdf()
    )  # 5 KB that expands to 9.45 M characters
    with open(raw / "big.pdf", "wb") as fh:
        fh.truncate(26_000_000)
    # 5.6 MB of one repeated paragraph: well over 8 s to read (measured: 4.5 s at 2 MB, 19 min at 19 MB)
    (raw / "slow.html").write_text(
        "<html><body><article>" + SLOW_PARAGRAPH * 60_000 + "</article></body></html>"
    )
    # 450 KB of words without a full stop: the NLP stage takes about 20 s on it (38 s at 830 KB)
    (raw / "long.txt").write_text(" ".join(WORDS[i * 7 % len(WORDS)] for i in range(60_000)))
    # a sources file naming a folder outside raw/: refused like a link leading out
    (work / "tipwatch.toml").write_text('[[sources]]\nkind = "folder"\npath = "outside"\n')
    tipwatch_flow(
        raw_dir=str(raw), processed_dir=str(work / "processed"), max_bytes=25_000_000,
        sources_file=str(work / "tipwatch.toml"),
        parse_seconds=8, extract_seconds=5,
    )  # fmt: skip
    return Store(work / "processed")


def test_each_file_ends_with_a_status_and_its_reason(run):
    docs = {d["source"]: (d["status"], d["error"]) for d in run.read_table("documents").to_pylist()}
    outside = run.root.parent / "outside"
    assert docs == {
        str(outside.resolve()): (
            "error",
            f"refused: the folder {outside.resolve()} is outside the raw folder (files are read only inside it)",
        ),
        "good.txt": ("ok", None),
        "utf16.txt": ("ok", None),
        "controls.txt": ("ok", None),
        "passwd.txt": (
            "error",
            f"refused: a link to {outside / 'passwd'}, outside the raw folder (files are read only inside it)",
        ),
        "elsewhere": (
            "error",
            f"refused: a link to {outside}, outside the raw folder (files are read only inside it)",
        ),
        "huge.html": (
            "error",
            f"file is {MAX_TEXT_FILE_BYTES + 1:,} bytes, over the limit of {MAX_TEXT_FILE_BYTES:,}",
        ),
        "big.pdf": ("error", "file is 26,000,000 bytes, over the limit of 25,000,000"),
        "bomb.pdf": ("error", docs["bomb.pdf"][1]),
        "slow.html": ("error", "parsing took over 8 s (the limit, --parse-seconds)"),
        "long.txt": ("error", "extraction took over 5 s (the limit, --extract-seconds)"),
    }
    # 5 KB that pdfium expands to 9.45 M characters: the parsing child's memory cap stops it
    # (pdfium aborts, or Python raises MemoryError, depending on which allocation fails)
    assert docs["bomb.pdf"][1] in BOMB_LINES


def test_good_text_is_extracted_and_nothing_from_outside_is_stored(run):
    tiers = {
        (r["country"], r["tier"], r["report_year"]) for r in run.read_table("tier_placements").to_pylist()
    }
    assert tiers == {("Pakistan", "2WL", 2023), ("Nepal", "2WL", 2023), ("Kenya", "2WL", 2023)}
    texts = [t["text"] for t in run.read_table("texts").to_pylist()]
    assert not any("root:x:0:0" in t for t in texts)
    controlled = next(t for t in texts if "NUL and" in t)
    assert "\x00" not in controlled and "\x1b" not in controlled  # control characters never stored
    assert " NUL and [31m escape Kenya" in controlled


def test_a_text_longer_than_the_limit_is_refused():
    doc = parse_bytes(GOOD.encode() * 100, source="long.txt", max_chars=5_000)
    assert (doc.status, doc.error) == (
        "error",
        f"text is {len(GOOD.strip()) * 100 + 99:,} characters, over the limit of 5,000",
    )
