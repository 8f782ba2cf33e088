"""Peak memory of a `tipwatch run` over hostile and huge input (issue 13: under 1.5 GB).

    .venv/bin/python benchmarks/hostile_memory.py

Writes into a temporary raw/ folder: a good article; a 5 KB PDF that expands to 9.45 M characters
(a form object drawn 9,000 times); a PDF and an HTML file over their size limits (sparse files:
nothing is written, and tipwatch must refuse them before reading); a text file of 490,000
characters (just under the limit for a text document, so it goes through the whole NLP stage, in
pieces) and one of 59,900 (the longest taken whole, so one worker holds it at once); a 5.6 MB web
page the HTML reader needs many minutes for (stopped by ``--parse-seconds 30``); UTF-16 text; control
characters; a link out of the folder. Then runs `tipwatch run` in its own process group and
samples the memory of the whole process tree (tipwatch, its workers, Prefect's server) every
0.2 s, printing the peak of the tree (PSS, and RSS summed over the processes), the run's wall time and each document's status.
Nothing is asserted; nothing is written to the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from make_pdf_bomb import bomb_pdf  # noqa: E402  (scripts/ is not a package)

GOOD = "Pakistan remained on the Tier 2 Watch List in the 2023 TIP report, the minister said in Islamabad.\n"


def write_inputs(raw: Path, outside: Path) -> None:
    (raw / "good.txt").write_text(GOOD)
    (raw / "bomb.pdf").write_bytes(bomb_pdf())
    for name, size in (("huge.html", 50_000_000), ("huge.pdf", 1_200_000_000)):
        with open(raw / name, "wb") as fh:
            fh.truncate(size)
    long_text = ("Police arrested two suspects in Lahore, the FIA spokesman said on Monday. " * 78_000)[
        :490_000
    ]
    (raw / "long.txt").write_text(long_text)
    (raw / "long-whole.txt").write_text(long_text[:59_900])  # the longest text the NLP stage takes whole
    slow = "<p>Pakistan remained on the Tier 2 Watch List, the FIA said in <b>Islamabad</b> on Monday.</p>\n"
    (raw / "slow.html").write_text("<html><body><article>" + slow * 60_000 + "</article></body></html>")
    (raw / "utf16.txt").write_bytes(GOOD.replace("Pakistan", "Nepal").encode("utf-16"))
    (raw / "controls.txt").write_text("A" * 5000 + "\x00\x1b[31m" + GOOD)
    (outside / "secret.txt").write_text("not for tipwatch\n")
    os.symlink(outside / "secret.txt", raw / "secret.txt")


def tree_memory(root: psutil.Process) -> tuple[int, int, list[str]]:
    """(PSS, RSS) bytes of a process and all its descendants, and each process's share: PSS splits
    pages the processes share (forked workers, the loaded model) among them, so it adds up to what
    the tree really holds; RSS counts shared pages once per process."""
    pss = rss = 0
    each = []
    for p in [root, *root.children(recursive=True)]:
        try:
            info = p.memory_full_info()
            pss, rss = pss + info.pss, rss + info.rss
            each.append(f"{info.pss / 2**20:.0f} MiB {' '.join(p.cmdline()[1:4])[:70]}")
        except psutil.Error:
            pass
    return pss, rss, each


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="tipwatch-hostile-") as tmp:
        raw, outside = Path(tmp) / "raw", Path(tmp) / "outside"
        raw.mkdir()
        outside.mkdir()
        write_inputs(raw, outside)
        env = {
            **os.environ,
            "PREFECT_HOME": str(Path(tmp) / "prefect"),
            "TIPWATCH_PREFECT_SERVER": "ephemeral",
        }
        cmd = [
            TIPWATCH,
            "run",
            "--raw",
            str(raw),
            "--processed",
            str(Path(tmp) / "processed"),
            "--format",
            "csv",
            "--parse-seconds",
            "30",
        ]
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        root, peak_pss, peak_rss, at_peak = psutil.Process(proc.pid), 0, 0, []
        while proc.poll() is None:
            pss, rss, each = tree_memory(root)
            if pss > peak_pss:
                peak_pss, at_peak = pss, each
            peak_rss = max(peak_rss, rss)
            time.sleep(0.2)
        out = proc.stdout.read()
        print(f"exit {proc.returncode} after {time.monotonic() - t0:.1f} s; peak memory of the process tree: "
              f"PSS {peak_pss / 2**20:,.0f} MiB = {peak_pss / 1e9:.3f} GB (the issue's limit: 1.5 GB), "
              f"RSS summed {peak_rss / 2**20:,.0f} MiB")  # fmt: skip
        print("at the peak (PSS per process):", *at_peak, sep="\n  ")
        print(out)


if __name__ == "__main__":
    main()
