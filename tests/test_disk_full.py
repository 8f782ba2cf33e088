"""A full disk during `tipwatch run` (issue 13): the run fails with exit 1 and one line, the
previous run and database stay as they were and readable, and once space is freed the next run
completes. The processed folder lives on a real 16 MB tmpfs; the test skips, saying why, on a
machine where it cannot mount one (mounting needs root)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def tipwatch(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tipwatch", *map(str, args)],
        capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=600,
    )  # fmt: skip


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], capture_output=True, text=True
    )
    if res.returncode != 0:
        pytest.skip(f"cannot mount a 16 MB tmpfs here ({res.stderr.strip() or 'needs root'})")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, keep: int) -> Path:
    """Write zeros until the disk is full, then give back ``keep`` bytes."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    finally:
        os.close(fd)
    os.truncate(filler, max(filler.stat().st_size - keep, 0))
    return filler


@pytest.mark.parametrize(
    "keep, line",
    [
        (0, r"cannot lock \S+/processed: No space left on device"),  # not even the lock's note fits
        (
            96 * 1024,  # the lock's note fits, the run's tables or its database do not
            r"could not write (run \S+|the database) \(No space left on device\); "
            r"(nothing published|the previous one is kept)",
        ),
    ],
)
def test_a_full_disk_fails_the_run_in_one_line_and_keeps_the_previous_run(small_disk, tmp_path, keep, line):
    raw, processed = tmp_path / "raw", small_disk / "processed"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    assert tipwatch("run", "--raw", raw, "--processed", processed).returncode == 0
    query = ("query", "SELECT count(*) AS n FROM officials", "--processed", processed, "--format", "csv")
    before, latest = tipwatch(*query).stdout, (processed / "latest").read_text()

    filler = fill(small_disk, keep)
    res = tipwatch("run", "--raw", raw, "--processed", processed, "--force")
    assert res.returncode == 1, res.stderr
    errors = [line for line in res.stderr.splitlines() if not line.startswith("[tipwatch]")]
    assert len(errors) == 1 and "Traceback" not in res.stderr, res.stderr
    assert re.fullmatch("tipwatch: error: " + line, errors[0]), errors[0]
    assert (processed / "latest").read_text() == latest
    assert tipwatch(*query).stdout == before  # the previous run, readable as it was

    filler.unlink()
    again = tipwatch("run", "--raw", raw, "--processed", processed, "--force")
    assert again.returncode == 0, again.stderr
    assert (processed / "latest").read_text() != latest
