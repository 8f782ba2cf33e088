"""Wall time of `tipwatch run`, split into the flow's own stages and Prefect's start-up.

    .venv/bin/python benchmarks/run_wall_time.py                  # the samples in raw/
    .venv/bin/python benchmarks/run_wall_time.py --report 190     # a generated ~600-page report
    .venv/bin/python benchmarks/run_wall_time.py --repeat         # then a second, unchanged run

Runs the real command in a temporary folder (fresh Prefect home, no server configured, so Prefect
starts its temporary server as a new user's first run does) and reports: wall seconds of the
command, the flow's own total (discover + parse + extract + store, from `--json`), the rest
(Prefect start-up and shutdown, imports), peak memory of the command and its children, and with
--repeat the second run's wall time as a ratio to the first. Nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))


def generate_report(countries: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_tip_report", ROOT / "scripts" / "make_tip_report.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    pdf, _truth = module.generate(countries=countries, year=2023, seed=7, tiers_csv=None)
    out.write_bytes(pdf)


def run_once(work: Path) -> dict:
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(
        [TIPWATCH, "run", "--raw", "raw", "--processed", "processed", "--json"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(
            f"tipwatch run failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}"
        )
    summary = json.loads(proc.stdout)
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    flow_total = summary["timings"]["total"]
    return {
        "wall_s": round(wall, 2),
        "flow_s": round(flow_total, 2),
        "outside_flow_s": round(wall - flow_total, 2),
        "timings": summary["timings"],
        "n_new": summary["n_new"],
        "n_documents": summary["n_documents"],
        "counts": summary["counts"],
        "peak_rss_mib_largest_process": round(peak),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--report", type=int, metavar="COUNTRIES", help="run on a generated report with this many countries"
    )
    ap.add_argument("--repeat", action="store_true", help="run a second time with nothing changed")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tipwatch-bench-") as tmp:
        work = Path(tmp)
        (work / "raw").mkdir()
        if args.report:
            generate_report(args.report, work / "raw" / "report.pdf")
        else:
            for p in (ROOT / "raw").iterdir():
                if p.is_file():
                    shutil.copy(p, work / "raw" / p.name)
        first = run_once(work)
        result = {
            "input": f"generated report, {args.report} countries" if args.report else "raw/ samples",
            "first": first,
        }
        if args.repeat:
            second = run_once(work)
            result["second"] = second
            result["second_over_first_wall"] = round(second["wall_s"] / first["wall_s"], 3)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
