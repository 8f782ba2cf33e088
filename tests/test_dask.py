"""The same flow on a Dask cluster (distributed.LocalCluster, 2 worker processes) through
`tipwatch run --dask ADDRESS`: the tables equal a local run's on the same input, run ids and
timings aside. Both runs use a real Prefect server (with none, each Dask worker would start its
own temporary server); skips with the reason when that server cannot start."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fetch_site import ARTICLES, REPORT, SiteServer  # noqa: E402
from prefect_server import quiet_env, shared_server  # noqa: E402

TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))
SEED = Path(__file__).resolve().parents[1] / "raw" / "pakistan-tip-ranking-conference.txt"


def make_inputs(folder: Path) -> None:
    """18 small documents: the seed, the site's articles as HTML and their paragraphs recombined as
    text (so there are two batches of work for two workers), and a one-page PDF."""
    import re

    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    paras = []
    for path, html in sorted(ARTICLES.items()):
        if path.startswith("/mirror/"):
            continue
        (folder / Path(path).name).write_bytes(html)
        paras += re.findall(r"<p>(.*?)</p>", html.decode())
    for i in range(12):
        picked = [paras[(i + k * 5) % len(paras)] for k in range(3)]
        (folder / f"brief-{i:02d}.txt").write_text(
            f"Trafficking brief {i + 1}\n\n" + "\n\n".join(picked) + "\n"
        )
    (folder / "tip-2023.pdf").write_bytes(REPORT)


def read_tables(processed: Path) -> dict[str, list[dict]]:
    """Every table of the latest run except runs, as sorted rows."""
    run = (processed / "latest").read_text().strip()
    out = {}
    for path in sorted((processed / "runs" / run).glob("*.parquet")):
        if path.stem not in ("runs", "document_versions"):  # registries: they name the run
            out[path.stem] = sorted(pq.read_table(path).to_pylist(), key=repr)
    return out


@pytest.fixture(scope="module")
def prefect_server():
    server, reason = shared_server()
    if server is None:
        pytest.skip(reason)
    return server


@pytest.fixture(scope="module")
def two_runs(prefect_server, tmp_path_factory):
    from distributed import Client, LocalCluster

    work = tmp_path_factory.mktemp("dask")
    make_inputs(work / "inputs")
    env = quiet_env(PREFECT_API_URL=prefect_server.api_url, PREFECT_HOME=str(work / "prefect-client"))
    saved = dict(os.environ)
    os.environ.update({k: env[k] for k in ("PREFECT_API_URL", "PREFECT_HOME", "PREFECT_LOGGING_LEVEL")})
    try:  # the worker processes inherit this environment: they report to the real server
        with (
            SiteServer() as site,
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            sources = (
                f'[fetch]\ndelay = 0\n\n[[sources]]\nkind = "feed"\nurl = "{site.url}/feed.xml"\n\n'
                f'[[sources]]\nkind = "report"\nurl = "{site.url}/reports/tip-2023.pdf"\n'
            )
            out = {}
            for name, extra in (("local", []), ("dask", ["--dask", cluster.scheduler_address])):
                raw = work / name / "raw"
                shutil.copytree(work / "inputs", raw)
                (work / name / "tipwatch.toml").write_text(sources)
                proc = subprocess.run(
                    [
                        TIPWATCH,
                        "run",
                        "--raw",
                        str(raw),
                        "--processed",
                        str(work / name / "processed"),
                        "--sources",
                        str(work / name / "tipwatch.toml"),
                        *extra,
                    ],
                    env=env,
                    cwd=work / name,
                    capture_output=True,
                    text=True,
                    timeout=900,
                )
                assert proc.returncode == 0, proc.stderr[-3000:]
                executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
                out[name] = {
                    "tables": read_tables(work / name / "processed"),
                    "stdout": proc.stdout,
                    "stderr": proc.stderr,
                    "executed": sorted(executed.values()),
                }
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return out


def test_dask_tables_equal_local_tables(two_runs):
    local, dask = two_runs["local"]["tables"], two_runs["dask"]["tables"]
    versions = {d["extractor_version"] for d in local["documents"] + dask["documents"]}
    assert len(versions) == 1, "extractor code or models/ changed between the two runs: run the test again"
    assert sorted(local) == sorted(dask)
    # 19 files; the three feed articles and the report fetched from the site have the same bytes
    # as four of them, so they are one document each (under their URL)
    assert len(local["documents"]) == 19
    assert sum(1 for d in local["documents"] if d["source"].startswith("http://")) == 4
    assert all(d["status"] == "ok" for d in local["documents"])
    assert len(local["mentions"]) > 50
    for name in local:
        assert dask[name] == local[name], name


def test_dask_run_executes_its_tasks_on_the_workers(two_runs):
    assert two_runs["local"]["executed"] == [0, 0]
    # two fetch tasks (the feed and report host, then the feed's entries) and two parse-and-extract
    # batches (16 + 3 documents)
    assert sum(two_runs["dask"]["executed"]) == 4
    assert "19 documents (19 parsed and extracted, 0 unchanged, 0 not ok)" in two_runs["dask"]["stdout"]
