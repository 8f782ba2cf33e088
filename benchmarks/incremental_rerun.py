"""Wall time of an unchanged re-run against the first run (issue 5, acceptance 1).

Runs ``tipwatch run`` twice over the same raw folder into a fresh processed folder, each as its own
process (as a user would, with Prefect's temporary server unless PREFECT_API_URL is set), and
prints both wall times, the flow's own stage timings and the ratio second/first.

    python benchmarks/incremental_rerun.py                  # over raw/
    python benchmarks/incremental_rerun.py --raw DIR --repeat 3

The runs use a snapshot of extractors/, flows/ and models/ taken at the start, so edits to the
working tree during the benchmark do not change the extractor version between the two runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run(raw: Path, processed: Path, env: dict) -> tuple[float, dict]:
    t0 = time.perf_counter()
    p = subprocess.run(
        [
            sys.executable,
            "-c",
            "from flows.cli.app import app; app()",
            "run",
            "--raw",
            str(raw),
            "--processed",
            str(processed),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(
            f"tipwatch run failed: {p.stderr.strip().splitlines()[-1] if p.stderr.strip() else p.returncode}"
        )
    return wall, json.loads(p.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, default=ROOT / "raw")
    ap.add_argument("--repeat", type=int, default=1, help="pairs of runs, each pair in a fresh folder")
    args = ap.parse_args(argv)
    raw = args.raw.resolve()
    snapshot = Path(tempfile.mkdtemp(prefix="tipwatch-code-"))
    for name in ("extractors", "flows", "models"):
        shutil.copytree(ROOT / name, snapshot / name, ignore=shutil.ignore_patterns("__pycache__"))
    for i in range(args.repeat):
        work = Path(tempfile.mkdtemp(prefix="tipwatch-bench-"))
        try:
            env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PYTHONPATH": str(snapshot)}
            w1, s1 = one_run(raw, work / "processed", env)
            w2, s2 = one_run(raw, work / "processed", env)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"pair {i + 1}: {s1['n_documents']} documents")
        print(
            f"  first : wall {w1:6.2f} s  flow {s1['timings']['total']:6.2f} s  parsed+extracted {s1['n_new']}  {s1['timings']}"
        )
        print(
            f"  second: wall {w2:6.2f} s  flow {s2['timings']['total']:6.2f} s  parsed+extracted {s2['n_new']}  {s2['timings']}"
        )
        print(
            f"  ratio second/first: wall {w2 / w1:.2f}, flow {s2['timings']['total'] / s1['timings']['total']:.2f}"
        )
    shutil.rmtree(snapshot, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
