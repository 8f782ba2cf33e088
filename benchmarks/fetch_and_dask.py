"""Fetch-and-process throughput from a local HTTP server, and local vs Dask wall times.

    .venv/bin/python benchmarks/fetch_and_dask.py [--articles 60] [--docs 64]

1. A feed on 127.0.0.1 lists N generated articles (~250 words each); `tipwatch run --sources`
   fetches and processes them (first run), then runs again (every page answers 304).
   Reported: documents/s end to end (CLI wall time, Prefect client start included) and the
   fetch+discover stage alone (from the run's timings).
2. The same folder of D documents, `tipwatch run` locally and with `--dask` on a
   distributed.LocalCluster (2 worker processes, 1 thread each). Both against one real
   `prefect server start` (no temporary servers), each in a fresh processed/ folder.
   The Dask cluster is started before and kept warm across its runs; spaCy loads once per worker
   per run's first batch.

The code is run from a snapshot of the committed tree (``git archive HEAD`` on PYTHONPATH, for the
CLI and the Dask workers), so edits in the working tree during the benchmark do not change the
extractor version half-way (which would make the second run re-extract everything).
Numbers depend on the machine and on what else runs on it: the script prints the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from fetch_site import ARTICLES, Site, SiteServer, article_html  # noqa: E402
from prefect_server import PrefectServer, quiet_env  # noqa: E402

TIPWATCH = [sys.executable, "-c", "from flows.cli.app import app; app()"]  # from PYTHONPATH (the snapshot)


def paragraphs() -> list[str]:
    import re

    out = []
    for path, html in sorted(ARTICLES.items()):
        if not path.startswith("/mirror/"):
            out += re.findall(r"<p>(.*?)</p>", html.decode())
    return out


def articles(n: int, seed: int = 1) -> dict[str, bytes]:
    rng = random.Random(seed)
    paras = paragraphs()
    return {
        f"/bench/{i:04d}.html": article_html(
            f"Trafficking round-up number {i + 1}",
            rng.sample(paras, 6),
            date=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
        )
        for i in range(n)
    }


def feed(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{items}</channel></rss>'.encode()


def run(args: list[str], env: dict, cwd: Path) -> tuple[float, dict, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [*TIPWATCH, *args, "--json"], env=env, cwd=cwd, capture_output=True, text=True, timeout=3600
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"tipwatch {' '.join(args)} failed: {proc.stderr[-2000:]}")
    return wall, json.loads(proc.stdout), proc.stderr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--docs", type=int, default=64)
    opts = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tipwatch-bench-"))
    print(f"work dir {work}; load average before: {os.getloadavg()[0]:.2f}")
    t0 = time.perf_counter()
    server = PrefectServer(work / "prefect-server")
    print(f"prefect server healthy in {time.perf_counter() - t0:.1f} s")
    src = work / "src"
    src.mkdir()
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(f"code: snapshot of {commit}")
    env = quiet_env(
        PREFECT_API_URL=server.api_url, PREFECT_HOME=str(work / "prefect-client"), PYTHONPATH=str(src)
    )
    try:
        # 1. fetch + process
        site = Site()
        with SiteServer(site) as srv:
            site.extra.update(articles(opts.articles))
            paths = sorted(site.extra)
            site.extra["/bench/feed.xml"] = feed(srv.url, paths)
            (work / "fetch").mkdir()
            (work / "fetch" / "tipwatch.toml").write_text(
                f'[fetch]\ndelay = 0\n\n[[sources]]\nkind = "feed"\nurl = "{srv.url}/bench/feed.xml"\nmax_entries = {opts.articles}\n'
            )
            argv = ["run", "--sources", "tipwatch.toml", "--raw", "raw", "--processed", "processed"]
            wall1, s1, _ = run(argv, env, work / "fetch")
            n_requests = len(site.log)
            wall2, s2, _ = run(argv, env, work / "fetch")
            n304 = sum(1 for e in site.log[n_requests:] if e["status"] == 304)
        n = s1["n_documents"]
        print(f"\n1. fetch + process {n} articles from a feed on 127.0.0.1 (delay 0)")
        print(
            f"   first run:  {wall1:6.1f} s wall  -> {n / wall1:5.2f} documents/s end to end; "
            f"fetch+discover {s1['timings']['discover']:.2f} s -> {n / s1['timings']['discover']:.1f} documents/s; "
            f"parse {s1['timings']['parse']:.2f} s, extract {s1['timings']['extract']:.2f} s, flow total {s1['timings']['total']:.1f} s"
        )
        print(
            f"   second run: {wall2:6.1f} s wall, {n304}/{len(site.log) - n_requests} requests answered 304, "
            f"{s2['n_new']} documents re-processed, fetch+discover {s2['timings']['discover']:.2f} s"
        )

        # 2. local vs Dask on the same folder
        from distributed import LocalCluster

        folder = work / "docs"
        folder.mkdir()
        for i, (_, html) in enumerate(sorted(articles(opts.docs, seed=2).items())):
            (folder / f"doc-{i:04d}.html").write_bytes(html)
        for k in ("PREFECT_API_URL", "PREFECT_HOME", "PREFECT_LOGGING_LEVEL", "PYTHONPATH"):
            os.environ[k] = env[k]  # the Dask workers inherit it: they report to the real server
        results = []
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            for name, extra in (
                ("local", []),
                ("dask", ["--dask", cluster.scheduler_address]),
                ("local", []),
                ("dask", ["--dask", cluster.scheduler_address]),
            ):
                out = work / f"{name}-{len(results)}"
                wall, s, _ = run(
                    ["run", "--raw", str(folder), "--processed", str(out / "processed"), *extra], env, work
                )
                results.append((name, wall, s["timings"]["total"], s["n_documents"], s["n_new"]))
        print(
            f"\n2. {opts.docs} HTML documents (~250 words each; batches of 16), local vs Dask (LocalCluster, 2 workers x 1 thread),"
            " in this order, each into a fresh processed/"
        )
        for name, wall, total, nd, nn in results:
            print(
                f"   {name:5s}: {wall:6.1f} s wall (CLI), flow total {total:6.1f} s, {nd} documents, {nn} extracted"
            )
    finally:
        server.stop()
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
