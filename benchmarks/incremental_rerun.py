"""Wall time of re-runs against the first run (issue 5, acceptance 1; issue 14, acceptance 3).

Runs ``tipwatch run`` over the same raw folder into a fresh processed folder, each run its own
process as a user would run it, with tipwatch's background Prefect server (a fresh Prefect home:
the first run starts it, later runs reuse it; ``PREFECT_API_URL``, if set, wins). Prints, in one
benchmark run:

  1. the first run (everything parsed and extracted);
  2. the unchanged re-run (nothing changed: publishes nothing, starts no flow run), ``--repeat``
     times, with a trivial baseline alternating with it: the same interpreter importing the CLI
     (``python -c 'import flows.cli.app'``), so the re-run's own work is the difference;
  3. a re-run with one article added (``--added``: carried over, one extracted, published);
  4. a forced re-run (``--force``: every document carried over, published again);

with the flow's own stage timings and the ratios to the first run.

    python benchmarks/incremental_rerun.py                           # over raw/
    python benchmarks/incremental_rerun.py --n 1000 --repeat 5       # 1,000 real Dawn/APP articles

``--n N`` writes the first N articles of ``benchmarks/nlp_stage.py``'s shuffled corpus as the raw
folder (the lead's 1,000-article benchmark set); otherwise ``--raw DIR`` (default ``raw/``).

The runs use a snapshot of extractors/, flows/ and models/ taken at the start, so edits to the
working tree during the benchmark do not change the extractor version between the runs.
Nothing is asserted; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ADDED = "Punjab police rescue 14 children from brick kilns\n\nLAHORE: Police rescued 14 children held in debt bondage at two brick kilns, a spokesman said.\n"


def tipwatch(raw: Path, processed: Path, env: dict, *extra: str) -> tuple[float, dict]:
    """One ``tipwatch run`` in its own process: (wall seconds, its JSON summary)."""
    cmd = [sys.executable, "-m", "flows.cli.app", "run", "--raw", str(raw), "--processed", str(processed)]
    t0 = time.perf_counter()
    p = subprocess.run([*cmd, "--json", *extra], capture_output=True, text=True, env=env, timeout=3600)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else p.returncode
        raise SystemExit(f"tipwatch run failed: {last}")
    return wall, json.loads(p.stdout)


def baseline(env: dict) -> float:
    """The trivial baseline: the interpreter starting and importing the CLI, nothing else."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import flows.cli.app"], check=True, env=env)
    return time.perf_counter() - t0


def write_raw(raw: Path, n: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from nlp_stage import articles

    raw.mkdir(parents=True)
    for name, text in articles(n):
        (raw / name).write_text(text, encoding="utf-8")


def line(label: str, wall: float, first: float, summary: dict) -> str:
    stages = ", ".join(f"{k} {v}" for k, v in summary.get("timings", {}).items())
    return (
        f"  {label:<28} wall {wall:7.2f} s  ({wall / first:.3f} of the first run)  "
        f"status {summary['status']}, {summary['n_new']} extracted, {summary['n_carried']} carried"
        + (f"\n  {'':<28} stages: {stages}" if stages else "")
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, default=ROOT / "raw")
    ap.add_argument("--n", type=int, help="use the first N benchmark articles instead of --raw")
    ap.add_argument("--repeat", type=int, default=5, help="unchanged re-runs (each with a baseline)")
    ap.add_argument("--no-extra", action="store_true", help="skip the added-article and forced re-runs")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tipwatch-bench-"))
    snapshot = work / "code"
    for name in ("extractors", "flows", "models"):
        shutil.copytree(ROOT / name, snapshot / name, ignore=shutil.ignore_patterns("__pycache__"))
    raw = work / "raw"
    if args.n:
        write_raw(raw, args.n)
    else:
        shutil.copytree(args.raw.resolve(), raw)
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PYTHONPATH": str(snapshot)}
    env.pop("TIPWATCH_PREFECT_SERVER", None)  # the background server, as users get it
    processed = work / "processed"
    try:
        run_all(raw, processed, env, args)
    finally:
        subprocess.run(
            [sys.executable, "-m", "flows.cli.app", "server", "stop"], capture_output=True, env=env
        )
        shutil.rmtree(work, ignore_errors=True)
    return 0


def run_all(raw: Path, processed: Path, env: dict, args) -> None:
    load = os.getloadavg()
    w1, s1 = tipwatch(raw, processed, env)
    print(f"{s1['n_documents']} documents; load average at start {load[0]:.2f}")
    print(line("first run", w1, w1, s1))
    walls, bases, last = [], [], {}
    for _ in range(args.repeat):  # alternate, so that a change in the machine's load hits both
        w, last = tipwatch(raw, processed, env)
        walls.append(w)
        bases.append(baseline(env))
    w2, b = statistics.median(walls), statistics.median(bases)
    print(line(f"unchanged re-run (median {len(walls)})", w2, w1, last))
    print(f"  {'baseline: import the CLI':<28} wall {b:7.2f} s  (re-run minus baseline {w2 - b:.2f} s)")
    print(
        f"  unchanged re-runs: {', '.join(f'{w:.2f}' for w in walls)}; baselines: {', '.join(f'{x:.2f}' for x in bases)}"
    )
    if not args.no_extra:
        (raw / "zz-added.txt").write_text(ADDED, encoding="utf-8")
        w3, s3 = tipwatch(raw, processed, env)
        print(line("one article added", w3, w1, s3))
        w4, s4 = tipwatch(raw, processed, env, "--force")
        print(line("forced re-run (--force)", w4, w1, s4))
    print(f"load average at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
