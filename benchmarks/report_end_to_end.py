"""A whole TIP report through `tipwatch run` vs bare pypdfium2 + the bare model (issue 14, acceptance 2).

    .venv/bin/python benchmarks/report_end_to_end.py                  # 190 countries (~570 pages)
    .venv/bin/python benchmarks/report_end_to_end.py --countries 20 --compare
    .venv/bin/python benchmarks/report_end_to_end.py --baseline ../main     # before/after a change

In one run: generates the report (``scripts/make_tip_report.py``, seed 7) into a temporary raw/
folder holding only that PDF, then times
  (a) bare: pypdfium2 text of every page, then the bare base model's ``nlp.pipe(pages,
      n_process=2)`` over those page texts (model load excluded);
  (b) ``tipwatch run`` on that folder, in its own process as a user runs it (``python -m
      flows.cli.app`` with this checkout first on PYTHONPATH), against tipwatch's background Prefect
      server started beforehand (``tipwatch server start``: the default path with PREFECT_API_URL
      unset, after the first run);
  (c) with --compare, the same command with ``--models`` pointing at a copy of models/ whose
      ``[reports.components]`` settings are removed (the agency recogniser over the whole text),
      and with --baseline DIR the same command run from another checkout (before a change),
      alternating with (b) ``--repeat`` times, and whether their tables are identical to (b)'s.
It prints the wall times, their ratios, the run's own stage timings, the peak memory of the run
(the command and its children, sampled with psutil: PSS and RSS summed, the largest process's RSS;
the background server, started before, is not a child) and the tier placements and statistics
against the generator's truth.
Nothing is asserted; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("mentions", "officials", "agencies", "tier_placements", "claims", "statistics")
VOLATILE = {"extracted", "reviewed_at", "run_id"}  # differ between runs by nature


def generate(countries: int, year: int, seed: int, folder: Path) -> tuple[Path, dict]:
    spec = importlib.util.spec_from_file_location("make_tip_report", ROOT / "scripts" / "make_tip_report.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    data, truth = module.generate(countries, year, seed)
    (folder / "raw").mkdir(parents=True)
    path = folder / "raw" / "report.pdf"
    path.write_bytes(data)
    return path, truth


def bare(path: Path) -> dict:
    """pypdfium2 page texts, then the bare base model over them in two processes."""
    import pypdfium2 as pdfium
    import spacy

    sys.path.insert(0, str(ROOT))
    from flows.versions import DEFAULT_MODELS, base_model

    t0 = time.perf_counter()
    pdf = pdfium.PdfDocument(path.read_bytes())
    pages = []
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    read_s = time.perf_counter() - t0
    nlp = spacy.load(base_model(DEFAULT_MODELS, None).split("==")[0])
    t0 = time.perf_counter()
    for _ in nlp.pipe(pages, n_process=2, batch_size=32):
        pass
    return {
        "pages": len(pages),
        "chars": sum(map(len, pages)),
        "read_s": read_s,
        "model_s": time.perf_counter() - t0,
    }


def tipwatch(args: list[str], env: dict, cwd: Path) -> dict:
    """Wall seconds, peak memory (MiB) and the --json summary of one command. Memory is sampled
    every 0.1 s over the command and its children: RSS summed (counts pages a forked child shares
    with its parent twice), PSS summed every 0.5 s (shared pages split between their processes:
    the run's real footprint) and the largest single process's RSS."""
    cmd = [sys.executable, "-m", "flows.cli.app", *args]
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = {"rss_sum": 0, "pss_sum": 0, "rss_one": 0}
    tick = 0
    while proc.poll() is None:
        try:
            tree = [p for p in [proc, *proc.children(recursive=True)] if p.is_running()]
            rss = [p.memory_info().rss for p in tree]
            pss = sum(p.memory_full_info().pss for p in tree) if tick % 5 == 0 else 0
        except psutil.Error:
            rss, pss = [], 0
        peak = {"rss_sum": max(peak["rss_sum"], sum(rss)), "pss_sum": max(peak["pss_sum"], pss),
                "rss_one": max([peak["rss_one"], *rss])}  # fmt: skip
        tick += 1
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    out, err = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-1500:]}")
    summary = json.loads(out[out.index("{") :]) if "--json" in args else {}
    return {"wall_s": wall, "summary": summary, **{k: v / 2**20 for k, v in peak.items()}}


def latest_run(processed: Path) -> Path:
    return max((processed / "runs").iterdir(), key=lambda p: p.stat().st_mtime)


def rows(run: Path, table: str) -> list[dict]:
    return [
        {k: v for k, v in r.items() if k not in VOLATILE}
        for r in pq.read_table(run / f"{table}.parquet").to_pylist()
    ]


def identical(a: Path, b: Path) -> dict[str, str]:
    """Per table: 'identical' or how many rows only one side has (run ids and times ignored)."""
    out = {}
    for t in TABLES:
        ra = Counter(json.dumps(r, sort_keys=True, default=str) for r in rows(a, t))
        rb = Counter(json.dumps(r, sort_keys=True, default=str) for r in rows(b, t))
        out[t] = (
            "identical"
            if ra == rb
            else f"{sum((ra - rb).values())} rows only in the other run, {sum((rb - ra).values())} only in this one"
        )
    return out


def accuracy(run: Path, truth: dict) -> dict:
    """Tier placements and statistics of the run against the generator's ground truth."""
    key_t = ("source_kind", "country", "report_year", "tier", "change", "page")
    key_s = ("country", "report_year", "metric", "value", "qualifier")
    got_t = Counter(tuple(r[k] for k in key_t) for r in rows(run, "tier_placements"))
    want_t = Counter(tuple(r[k] for k in key_t) for r in truth["tier_placements"])
    got_s = Counter(tuple(r[k] for k in key_s) for r in rows(run, "statistics"))
    want_s = Counter(tuple(r[k] for k in key_s) for r in truth["statistics"])
    return {
        "tier_rows": f"{sum((got_t & want_t).values())}/{sum(want_t.values())} (extra {sum((got_t - want_t).values())})",
        "statistics": f"{sum((got_s & want_s).values())}/{sum(want_s.values())} (extra {sum((got_s - want_s).values())}"
        " - the law enforcement table's rows are not in the truth)",
    }


def models_without_report_settings(folder: Path) -> Path:
    """A copy of models/ whose pipeline.cfg has no [reports.components] settings."""
    copy = folder / "models-off"
    shutil.copytree(ROOT / "models", copy, ignore=shutil.ignore_patterns("gold", "corpus", "training"))
    cfg = (copy / "pipeline.cfg").read_text().splitlines()
    out, skip = [], False
    for line in cfg:
        if line.startswith("[reports.components"):
            skip = True
        elif line.startswith("["):
            skip = False
        if not skip:
            out.append(line)
    (copy / "pipeline.cfg").write_text("\n".join(out) + "\n")
    return copy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--countries", type=int, default=190)
    ap.add_argument(
        "--compare", action="store_true", help="also run with the [reports.components] settings off"
    )
    ap.add_argument("--baseline", type=Path, help="also run tipwatch from this checkout (before a change)")
    ap.add_argument("--repeat", type=int, default=1, help="alternating runs of each variant")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tipwatch-report-bench-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": str(work / "prefect")}
    env.pop("PREFECT_API_URL", None)
    try:
        path, truth = generate(args.countries, 2023, 7, work)
        print(f"report: {args.countries} countries, {path.stat().st_size:,} bytes; load {os.getloadavg()}")
        b = bare(path)
        bare_s = b["read_s"] + b["model_s"]
        print(f"bare: pypdfium2 {b['read_s']:.2f} s ({b['pages']} pages, {b['chars']:,} chars) + "
              f"model nlp.pipe(n_process=2) {b['model_s']:.1f} s = {bare_s:.1f} s")  # fmt: skip
        subprocess.run([sys.executable, "-m", "flows.cli.app", "server", "start"], env=env, cwd=work,
                       capture_output=True, check=True)  # fmt: skip
        variants = {"on": ([], env)}
        if args.compare:
            variants["off"] = (["--models", str(models_without_report_settings(work))], env)
        if args.baseline:
            variants["before"] = ([], {**env, "PYTHONPATH": str(args.baseline.resolve())})
        results: dict[str, list[dict]] = {v: [] for v in variants}
        for i in range(args.repeat):
            for v, (extra, run_env) in variants.items():
                processed = work / f"processed-{v}-{i}"
                command = ["run", "--raw", "raw", "--processed", str(processed), "--json", *extra]
                r = tipwatch(command, run_env, work)
                r["run"] = latest_run(processed)
                results[v].append(r)
                t = r["summary"].get("timings", {})
                print(f"tipwatch run [{v}]: {r['wall_s']:.1f} s (ratio to bare {r['wall_s'] / bare_s:.2f}); "
                      f"peak memory: PSS {r['pss_sum']:.0f} MiB summed, RSS {r['rss_sum']:.0f} summed, {r['rss_one']:.0f} largest process; "
                      "stages: " + ", ".join(f"{k} {x}" for k, x in t.items()) + f"; load {os.getloadavg()[0]:.2f}")  # fmt: skip
        on = min(results["on"], key=lambda r: r["wall_s"])
        print("accuracy [on]: " + "; ".join(f"{k} {x}" for k, x in accuracy(on["run"], truth).items()))
        for v in [v for v in variants if v != "on"]:
            other = min(results[v], key=lambda r: r["wall_s"])
            print(f"fastest on {on['wall_s']:.1f} s, {v} {other['wall_s']:.1f} s: on/{v} {on['wall_s'] / other['wall_s']:.2f}")  # fmt: skip
            print(f"tables on vs {v}: " + "; ".join(f"{k} {x}" for k, x in identical(other["run"], on["run"]).items()))  # fmt: skip
    finally:
        subprocess.run(
            [sys.executable, "-m", "flows.cli.app", "server", "stop"], env=env, cwd=work, capture_output=True
        )
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
