"""Crash safety by force: SIGKILL ``tipwatch run`` at random points, then check what readers see.

Each trial adds a new document to raw/ (so the run has real work), starts ``tipwatch run`` as a
subprocess and kills it with SIGKILL either at a uniformly random time over a whole run ("any") or
at a random time after the last document was extracted, within about the time publishing took in
the baseline run, i.e. while it stores ("late"). Then:

* the DuckDB file, read through ``tipwatch query``, holds one completed run's tables intact (its
  row counts equal that run's manifest and Parquet files), and that run is the newest completed one
  or, when the kill fell between the run folder's rename and the database swap, the one before;
* the ``latest`` pointer names a completed run whose Parquet files all read back with the
  manifest's counts; every completed run folder reads back intact;
* the next ``tipwatch run`` (not killed) completes normally, and afterwards the database, the
  pointer and the newest run folder agree and nothing partial is left.

It uses a real Prefect server (``prefect server start`` on 127.0.0.1, SQLite in the work folder),
started once, so a run costs seconds instead of the temporary server's start-up.

    python scripts/kill_test.py --kills 20 --seed 1          # by hand: ~5-8 minutes on 2 cores
    python scripts/kill_test.py --kills 3 --json             # what tests/test_kill.py runs

Exit status 0 when every trial passed, 1 otherwise; one line per trial and a summary on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))
SEED_ARTICLE = ROOT / "raw" / "pakistan-tip-ranking-conference.txt"
COUNT_TABLES = (
    "documents",
    "texts",
    "mentions",
    "officials",
    "agencies",
    "tier_placements",
    "claims",
    "statistics",
)

ARTICLE = """Officials meet on human trafficking, round {n}

ISLAMABAD: The Federal Investigation Agency (FIA) said on {day} that {k} suspects had been arrested in a crackdown on human smuggling networks.

FIA Director General Ahmad Khan {n} told reporters that Pakistan had remained on Tier 2 in the {year} report, and that {k} victims had been identified.
"""


@dataclass
class Trial:
    n: int
    mode: str  # any / late
    delay: float  # seconds after start ("any") or after the last extraction line ("late")
    last_line: str = ""  # the last progress line the run printed before it was killed
    exited_before_kill: bool = False
    published: bool = False  # the killed run committed (killed after the database swap)
    uncommitted_folder: bool = False  # its folder was renamed into place but not committed (adopted next run)
    db_run: str | None = None
    latest_pointer: str | None = None
    db_is: str = ""  # "previous run" / "killed run": what the database showed after the kill
    next_run_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# -- helpers ------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path, env: dict) -> tuple[subprocess.Popen, str]:
    """``prefect server start`` on a free port; returns (process, API URL) once it is healthy."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = open(home / "server.log", "w")
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("prefect")),
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with {proc.returncode}; see {home / 'server.log'}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.5)
    stop(proc)
    raise RuntimeError("prefect server did not become healthy in 180 s")


def stop(proc: subprocess.Popen) -> None:
    """SIGKILL a process we started and the rest of its process group (its own children)."""
    for sig_target in (
        lambda: os.kill(proc.pid, signal.SIGKILL),
        lambda: os.killpg(proc.pid, signal.SIGKILL),
    ):
        try:
            sig_target()
        except (ProcessLookupError, PermissionError):
            pass
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pass


def run_cmd(raw: Path, processed: Path) -> list[str]:
    return [TIPWATCH, "run", "--raw", str(raw), "--processed", str(processed)]


class LineReader:
    """Collect a process's stderr lines (with arrival times) on a thread."""

    def __init__(self, stream):
        self.lines: list[tuple[float, str]] = []
        self.done_extracting = threading.Event()
        self._t = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._t.start()

    def _read(self, stream):
        for line in iter(stream.readline, ""):
            line = line.rstrip()
            self.lines.append((time.monotonic(), line))
            if line.startswith("[tipwatch] parsed and extracted"):
                done, total = re.search(r"(\d+)/(\d+) documents", line).groups()
                if done == total:
                    self.done_extracting.set()
            elif "to parse and extract" in line and line.split(", ")[-1].startswith("0 to parse"):
                self.done_extracting.set()

    def last(self) -> str:
        tagged = [l for _, l in self.lines if l.startswith("[tipwatch]")]  # noqa: E741
        return tagged[-1] if tagged else (self.lines[-1][1] if self.lines else "")


def full_run(raw: Path, processed: Path, env: dict) -> tuple[float, float, int, str]:
    """A run nobody kills: (seconds, seconds the publish step took, exit code, stderr tail)."""
    t0 = time.monotonic()
    out = tempfile.TemporaryFile("w+")
    proc = subprocess.Popen(
        run_cmd(raw, processed) + ["--json"],
        env=env,
        stdout=out,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    reader = LineReader(proc.stderr)
    try:
        rc = proc.wait(timeout=900)
    finally:
        stop(proc)
    reader._t.join(timeout=5)
    end = time.monotonic()
    out.seek(0)
    try:
        store_secs = float(json.loads(out.read())["timings"]["store"])
    except (ValueError, KeyError):
        store_secs = 0.0
    out.close()
    return end - t0, store_secs, rc, "\n".join(l for _, l in reader.lines[-5:])  # noqa: E741


def query(processed: Path, sql: str, env: dict) -> list[list]:
    p = subprocess.run(
        [TIPWATCH, "query", sql, "--processed", str(processed), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if p.returncode != 0:
        raise RuntimeError(f"tipwatch query failed: {p.stderr.strip()}")
    return json.loads(p.stdout)


def check_run_intact(store, run_id: str) -> list[str]:
    """Problems with one completed run folder: every table readable, counts as in the manifest."""
    problems = []
    try:
        manifest = store.manifest(run_id)
    except Exception as exc:  # noqa: BLE001 - any failure to read is the finding
        return [f"run {run_id}: manifest unreadable ({exc})"]
    for table, n in manifest.get("counts", {}).items():
        try:
            got = store.read_table(table, run_id).num_rows
        except Exception as exc:  # noqa: BLE001
            problems.append(f"run {run_id}: {table} unreadable ({type(exc).__name__})")
            continue
        if got != n:
            problems.append(f"run {run_id}: {table} has {got} rows, manifest says {n}")
    return problems


def check_readers(processed: Path, env: dict, before: list[str]) -> tuple[list[str], dict]:
    """What readers see right after a kill. Returns (problems, facts).

    The commit point is the database swap: every reader must be on the newest committed run, which
    is the last run before the kill or, when the kill came after the swap, the killed run."""
    from flows.store import Store

    store = Store(processed)
    problems: list[str] = []
    completed = store.completed_runs()
    new = [r for r in completed if r not in before]
    if completed[: len(before)] != before:
        problems.append("a completed run disappeared")
    if len(new) > 1:
        problems.append(f"{len(new)} runs committed by one killed run")
    folders = store.run_folders()
    uncommitted = [r for r in folders if r not in completed]
    for r in completed[-2:] + uncommitted:
        problems += check_run_intact(store, r)
    facts = {
        "published": bool(new),
        "uncommitted_folder": bool(uncommitted),
        "db_run": None,
        "latest_pointer": None,
        "db_is": "",
    }
    # The database, as `tipwatch query` shows it.
    sql = "SELECT (SELECT run_id FROM _tipwatch) AS run_id, " + ", ".join(
        f"(SELECT count(*) FROM {t}) AS {t}" for t in COUNT_TABLES
    )
    try:
        (row,) = query(processed, sql, env)
    except Exception as exc:  # noqa: BLE001
        problems.append(f"database unreadable: {exc}")
    else:
        db_run = row.pop("run_id")
        facts["db_run"] = db_run
        facts["db_is"] = "killed run" if new else "previous run"
        if not completed or db_run != completed[-1]:
            problems.append(f"database shows {db_run}, the newest completed run is {completed[-1:]}")
        else:
            counts = store.manifest(db_run)["counts"]
            wrong = {t: (n, counts.get(t)) for t, n in row.items() if counts.get(t) != n}
            if wrong:
                problems.append(f"database tables differ from run {db_run}: {wrong}")
    pointer = processed / "latest"
    if pointer.exists():
        ptr = pointer.read_text().strip()
        facts["latest_pointer"] = ptr
        # The pointer follows the database swap, so it may lag by the one run the kill committed.
        if ptr not in completed[-2:] or (ptr != completed[-1] and not new):
            problems.append(f"latest points at {ptr}; completed runs end {completed[-2:]}")
    elif completed:
        problems.append("latest pointer missing")
    return problems, facts


def settle_check(processed: Path) -> list[str]:
    """After a normal run: database, pointer and newest run agree; nothing partial is left."""
    from flows.store import Store

    store = Store(processed)
    completed = store.completed_runs()
    problems = check_run_intact(store, completed[-1])
    if store.db_run() != completed[-1]:
        problems.append(f"database shows {store.db_run()}, newest run is {completed[-1]}")
    if (processed / "latest").read_text().strip() != completed[-1]:
        problems.append("latest pointer is not the newest run")
    leftovers = [p.name for p in store.runs_dir.glob(".tmp-*")] + [
        p.name for p in processed.glob(".tipwatch.duckdb.*")
    ]
    if leftovers:
        problems.append(f"partial files left after a completed run: {leftovers}")
    return problems


# -- the experiment -------------------------------------------------------------------------------------
def kill_trials(
    kills: int,
    seed: int,
    work: Path,
    use_server: bool = True,
    log=print,
    modes: tuple[str, ...] = ("any", "late"),
) -> dict:
    """Run ``kills`` trials (modes taken in turn) in ``work``; returns the result as a dict."""
    rng = random.Random(seed)
    raw, processed, home = work / "raw", work / "processed", work / "prefect"
    raw.mkdir(parents=True, exist_ok=True)
    home.mkdir(exist_ok=True)
    shutil.copy(SEED_ARTICLE, raw / SEED_ARTICLE.name)
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    server = None
    t_start = time.monotonic()
    try:
        if use_server:
            server, url = start_server(home, env)
            env["PREFECT_API_URL"] = url
        log(
            f"server ready in {time.monotonic() - t_start:.1f} s"
            if use_server
            else "using the temporary server"
        )
        # A complete run first: a completed run to protect, and how long a run takes.
        _add_document(raw, 0, rng)
        secs, store_secs, rc, err = full_run(raw, processed, env)
        if rc != 0:
            raise RuntimeError(f"baseline run failed ({rc}): {err}")
        baseline = {"seconds": round(secs, 2), "publish_seconds": round(store_secs, 2)}
        log(f"baseline run: {secs:.1f} s, publishing took {store_secs:.2f} s")
        trials: list[Trial] = []
        for n in range(1, kills + 1):
            from flows.store import Store

            before = Store(processed).completed_runs()
            _add_document(raw, n, rng)
            mode = modes[(n - 1) % len(modes)]
            # "late": from the last extraction line to a little past the baseline's publish time
            delay = rng.uniform(0, secs) if mode == "any" else rng.uniform(0, store_secs * 1.5 + 0.2)
            trial = Trial(n, mode, round(delay, 3))
            proc = subprocess.Popen(
                run_cmd(raw, processed),
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            reader = LineReader(proc.stderr)
            if mode == "late":
                reader.done_extracting.wait(timeout=600)
            time.sleep(delay)
            trial.exited_before_kill = proc.poll() is not None
            stop(proc)  # SIGKILL the run, then whatever it started
            reader._t.join(timeout=5)
            trial.last_line = reader.last()
            problems, facts = check_readers(processed, env, before)
            trial.problems += problems
            for k, v in facts.items():
                setattr(trial, k, v)
            secs_next, _, rc, err = full_run(raw, processed, env)
            trial.next_run_seconds = round(secs_next, 2)
            if rc != 0:
                trial.problems.append(f"next run failed ({rc}): {err}")
            else:
                trial.problems += settle_check(processed)
            trials.append(trial)
            log(
                f"kill {n:2d} {mode:4s} +{delay:6.2f}s  last: {trial.last_line[:60]:60s}  "
                f"committed={'yes' if trial.published else 'no ':3s} folder-only={'yes' if trial.uncommitted_folder else 'no ':3s} "
                f"next run {trial.next_run_seconds:5.1f}s  {'ok' if trial.ok else 'FAIL: ' + '; '.join(trial.problems)}"
            )
    finally:
        if server is not None:
            stop(server)
    return {
        "kills": kills,
        "seed": seed,
        "server": use_server,
        "baseline": baseline,
        "passed": sum(t.ok for t in trials),
        "failed": sum(not t.ok for t in trials),
        "published_by_killed_run": sum(t.published for t in trials),
        "uncommitted_folder_left": sum(t.uncommitted_folder for t in trials),
        "exited_before_kill": sum(t.exited_before_kill for t in trials),
        "seconds": round(time.monotonic() - t_start, 1),
        "trials": [asdict(t) | {"ok": t.ok} for t in trials],
    }


def _add_document(raw: Path, n: int, rng: random.Random) -> None:
    day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    text = ARTICLE.format(n=n, day=day, k=rng.randint(2, 400), year=rng.choice([2021, 2022, 2023]))
    (raw / f"article-{n:03d}.txt").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--work", type=Path, help="work folder (default: a new temporary folder, removed afterwards)"
    )
    ap.add_argument("--no-server", action="store_true", help="use Prefect's temporary server per run (slow)")
    ap.add_argument(
        "--json", action="store_true", help="print the result as JSON on stdout (progress on stderr)"
    )
    args = ap.parse_args(argv)
    if args.kills < 1:
        print("kill_test: --kills must be at least 1", file=sys.stderr)
        return 2
    tmp = None
    work = args.work
    if work is None:
        tmp = tempfile.mkdtemp(prefix="tipwatch-kill-")
        work = Path(tmp)
    log = (lambda m: print(m, file=sys.stderr, flush=True)) if args.json else (lambda m: print(m, flush=True))
    try:
        result = kill_trials(args.kills, args.seed, work, not args.no_server, log)
    except RuntimeError as exc:
        print(f"kill_test: {exc}", file=sys.stderr)
        return 1
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['passed']}/{result['kills']} kills passed; the killed run had committed in "
            f"{result['published_by_killed_run']}, had left a finished but uncommitted folder in "
            f"{result['uncommitted_folder_left']}; {result['seconds']} s in all"
        )
    return 0 if result["failed"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
