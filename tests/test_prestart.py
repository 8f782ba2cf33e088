"""The extraction workers started ahead of the flow (issue 14): ``tipwatch run`` starts the worker
pool, and so the workers' model loads, before Prefect's start-up and discovery when the run will
send articles to it, and the flow's :func:`flows.workers.run_in_pool` takes that pool. Real worker
processes with the real pipeline."""

from __future__ import annotations

import shutil
from contextlib import ExitStack
from pathlib import Path

import psutil
from conftest import SEED

from flows import workers
from flows.cli.app import _prestart_workers
from flows.discover import discover
from flows.plan import Limits
from flows.versions import DEFAULT_MODELS

N_ARTICLES = 140  # 140 x ~2.4 KB: above the 300 KB at which articles go to the worker pool


def _raw(tmp_path: Path, n: int) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SEED.read_text()
    for i in range(n):
        (raw / f"article-{i:03d}.txt").write_text(f"{text}\n\nBureau report {i} on the conference.\n")
    return raw


def test_a_run_with_articles_for_the_pool_starts_it_ahead_and_uses_it(tmp_path):
    raw = _raw(tmp_path, N_ARTICLES)
    key = (str(DEFAULT_MODELS), None, workers.WORKERS)
    with ExitStack() as held:
        _prestart_workers(held, raw, tmp_path / "processed", None, None)
        assert list(workers._PRESTARTED) == [key]
        started = [psutil.Process(pid) for pid in workers._PRESTARTED[key]._processes]
        assert len(started) == workers.WORKERS
        sources = workers.pooled_sources(discover(raw))
        results = list(
            workers.run_in_pool([sources[:3], sources[3:6]], str(DEFAULT_MODELS), None, Limits(), 2)
        )
        assert workers._PRESTARTED == {}  # taken by the run's pool
        assert [d.status for batch in results for d, _, _ in batch] == ["ok"] * 6
        assert all(rows["claims"] for batch in results for _, rows, _ in batch)
    assert not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in started)  # shut down


def test_a_pool_no_run_takes_is_stopped_when_the_command_ends(tmp_path):
    raw = _raw(tmp_path, N_ARTICLES)
    with ExitStack() as held:
        _prestart_workers(held, raw, tmp_path / "processed", None, None)
        [pool] = workers._PRESTARTED.values()
        started = [psutil.Process(pid) for pid in pool._processes]
    assert workers._PRESTARTED == {}
    # Already reaped by the pool's own process objects: reaping them here too (psutil.wait_procs)
    # once left the pool's manager thread waiting for ever, and pytest with it at exit.
    assert not any(p.is_running() for p in started)


def test_few_articles_start_no_pool(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    with ExitStack() as held:
        _prestart_workers(held, raw, tmp_path / "processed", None, None)
        assert workers._PRESTARTED == {}


def test_the_last_batches_for_the_pool_are_smaller(tmp_path):
    """The pool's batches are of about BATCH_BYTES, but the last ``tail`` bytes go in batches of a
    quarter of that: at the end no worker waits long for the other's last batch."""
    from flows.plan import Source
    from flows.tasks import batches_by_size

    sources = []
    for i in range(20):
        path = tmp_path / f"a{i:02d}.txt"
        path.write_text("x" * 10_000)
        sources.append(Source(path.name, str(path), f"d{i}"))
    got = batches_by_size(sources, target=60_000, tail=120_000)
    assert [len(b) for b in got] == [6, 2, 2, 2, 2, 2, 2, 2]
    assert [s for b in got for s in b] == sources
    assert [len(b) for b in batches_by_size(sources, target=60_000)] == [6, 6, 6, 2]


def test_a_killed_pool_ends_its_manager_thread(tmp_path):
    """The interpreter joins a pool's manager thread at exit. Killed workers are reaped through
    their own process objects, so a later reap by anyone else (here psutil, as the interrupt
    handler does) finds nothing, and the thread ends: once it did not, and pytest never exited."""
    raw = _raw(tmp_path, N_ARTICLES)
    with ExitStack() as held:
        _prestart_workers(held, raw, tmp_path / "processed", None, None)
        [pool] = workers._PRESTARTED.values()
        started = [psutil.Process(pid) for pid in pool._processes]
        manager = pool._executor_manager_thread
    psutil.wait_procs(started, timeout=10)
    manager.join(timeout=60)
    assert not manager.is_alive()
