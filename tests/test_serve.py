"""`tipwatch serve` against a real `prefect server start` on a free loopback port: a deployment per
schedule is registered, a scheduled flow run completes and publishes tables; then everything stops.
Skips (with the reason) when the Prefect server cannot start on this machine."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fetch_site import SiteServer  # noqa: E402
from prefect_server import free_port, quiet_env, shared_server  # noqa: E402

TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))
SEED = Path(__file__).resolve().parents[1] / "raw" / "pakistan-tip-ranking-conference.txt"


@pytest.fixture(scope="module")
def prefect_server():
    server, reason = shared_server()
    if server is None:
        pytest.skip(reason)
    return server


def _completed_runs(api: str, deployment_id: str) -> list[dict]:
    body = {
        "deployments": {"id": {"any_": [deployment_id]}},
        "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}},
    }
    return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=10).json()


@pytest.fixture(scope="module")
def served(prefect_server, tmp_path_factory):
    """`tipwatch serve` with a folder and a fetched article on "* * * * *"; returns once a scheduled
    run completed (or after 150 s), with serve stopped."""
    work = tmp_path_factory.mktemp("serve")
    (work / "raw" / "folder").mkdir(parents=True)  # a folder source must be inside raw/
    shutil.copy(SEED, work / "raw" / "folder" / SEED.name)
    with SiteServer() as site:
        (work / "tipwatch.toml").write_text(
            f'[fetch]\ndelay = 0\n\n[[sources]]\nkind = "folder"\npath = "raw/folder"\nschedule = "* * * * *"\n\n'
            f'[[sources]]\nkind = "article"\nurl = "{site.url}/news/fia-raids.html"\nschedule = "* * * * *"\n'
        )
        env = quiet_env(
            PREFECT_API_URL=prefect_server.api_url,
            PREFECT_HOME=str(work / "prefect-client"),
            PREFECT_RUNNER_POLL_FREQUENCY="2",
        )
        out = open(work / "serve.log", "wb")
        proc = subprocess.Popen(
            [TIPWATCH, "serve", "--sources", "tipwatch.toml", "--raw", "raw", "--processed", "processed"],
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        api, deployment, runs = prefect_server.api_url, None, []
        try:
            deadline = time.monotonic() + 150  # the first minute boundary, plus the run itself
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(2)
                if deployment is None:
                    resp = httpx.get(f"{api}/deployments/name/tipwatch/tipwatch-x-x-x-x-x", timeout=10)
                    deployment = resp.json() if resp.status_code == 200 else None
                if deployment and (runs := _completed_runs(api, deployment["id"])):
                    break
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)  # serve pauses its schedules and exits
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(10)
            out.close()
        after = (
            httpx.get(f"{api}/deployments/name/tipwatch/tipwatch-x-x-x-x-x", timeout=10).json()
            if deployment
            else None
        )
    return {
        "work": work,
        "deployment": deployment,
        "after": after,
        "runs": runs,
        "proc": proc,
        "log": (work / "serve.log").read_text(errors="replace"),
        "site": site,
    }


def test_deployment_registered_with_the_cron_schedule(served):
    dep = served["deployment"]
    assert dep is not None, served["log"][-2000:]
    assert [s["schedule"]["cron"] for s in dep["schedules"]] == ["* * * * *"]
    assert dep["parameters"]["schedule"] == "* * * * *"
    assert dep["parameters"]["sources_file"] == str(served["work"] / "tipwatch.toml")


def test_a_scheduled_run_completes_and_publishes_tables(served):
    import duckdb

    assert served["runs"], served["log"][-2000:]
    assert served["runs"][0]["auto_scheduled"] is True
    con = duckdb.connect(str(served["work"] / "processed" / "tipwatch.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT regexp_replace(source, 'http://[^/]+', ''), kind, status FROM documents ORDER BY 1"
        ).fetchall()
        n_officials = con.execute("SELECT count(*) FROM officials").fetchone()[0]
    finally:
        con.close()
    assert rows == [("/news/fia-raids.html", "news", "ok"), (SEED.name, "news", "ok")]
    assert n_officials > 0
    assert served["site"].site.counts["/news/fia-raids.html"] >= 1


def test_serve_stops_and_pauses_its_schedule(served):
    assert served["proc"].returncode == 143  # SIGTERM: one line, the shell's code for it
    assert served["log"].splitlines()[-1] == "tipwatch: stopped serving (SIGTERM); the schedules are paused"
    assert "Traceback" not in served["log"]
    assert served["after"]["paused"] is True


def test_serve_without_a_server_is_one_line(tmp_path):
    (tmp_path / "tipwatch.toml").write_text(
        '[[sources]]\nkind = "folder"\npath = "."\nschedule = "0 * * * *"\n'
    )
    for api in (None, f"http://127.0.0.1:{free_port()}/api"):
        env = quiet_env(PREFECT_HOME=str(tmp_path / "home"), **({"PREFECT_API_URL": api} if api else {}))
        proc = subprocess.run(
            [TIPWATCH, "serve", "--sources", "tipwatch.toml"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
        assert proc.stderr.startswith("tipwatch: error: no Prefect server"), proc.stderr


def test_serve_needs_a_schedule(prefect_server, tmp_path):
    (tmp_path / "tipwatch.toml").write_text('[[sources]]\nkind = "folder"\npath = "."\n')
    env = quiet_env(PREFECT_HOME=str(tmp_path / "home"), PREFECT_API_URL=prefect_server.api_url)
    proc = subprocess.run(
        [TIPWATCH, "serve", "--sources", "tipwatch.toml"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert (
        proc.stderr
        == 'tipwatch: error: tipwatch.toml: no source has a schedule: add schedule = "<cron>" to at least one\n'
    )
