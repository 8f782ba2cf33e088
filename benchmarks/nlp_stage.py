"""tipwatch vs the bare base model on the same real articles (issue 14, acceptance 1).

    .venv/bin/python benchmarks/nlp_stage.py [--n 1000] [--skip-run]

Writes N real Dawn/APP articles (../shared/corpus/news_full/pk_dawn_app_2025) into a temporary
raw/ folder, then times, in this order and in the same benchmark run:
  1. the bare base model: ``nlp.pipe(texts, n_process=2)`` over the same texts (model load excluded);
  2. ``tipwatch server start`` in a fresh Prefect home (what the first command on a machine pays once;
     printed on its own);
  3. ``tipwatch run`` on that folder, the first run of these articles, as a user would run it (its own
     process, the background server of step 2 reused); its ratio to step 1, and also the ratio with the
     server start added;
  4. the same command again, nothing changed (the server reused);
and prints them, the ratio of 2 to 1, the run's own stage timings and the peak RSS of the run.
Nothing is asserted; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news_full" / "pk_dawn_app_2025"
TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))


def articles(n: int) -> list[tuple[str, str]]:
    rows = [json.loads(line) for f in sorted(CORPUS.glob("*.jsonl")) for line in open(f, encoding="utf-8")]
    rows = [r for r in rows if (r.get("content") or "").strip()]
    random.Random(14).shuffle(rows)
    return [(f"a{i:04d}.txt", (r["title"] or "") + "\n\n" + r["content"]) for i, r in enumerate(rows[:n])]


def bare_model(texts: list[str]) -> float:
    import spacy

    sys.path.insert(0, str(ROOT))
    from flows.versions import DEFAULT_MODELS, base_model

    nlp = spacy.load(base_model(DEFAULT_MODELS, None).split("==")[0])
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=2, batch_size=32):
        pass
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tipwatch-nlp-bench-"))
    raw = work / "raw"
    raw.mkdir()
    docs = articles(args.n)
    for name, text in docs:
        (raw / name).write_text(text, encoding="utf-8")
    words = sum(len(t.split()) for _, t in docs)
    print(f"{len(docs)} articles, {words} words")
    bare = bare_model([t for _, t in docs])
    print(f"bare model nlp.pipe(n_process=2): {bare:.1f} s")
    env = {"PREFECT_HOME": str(work / "prefect"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    subprocess.run([TIPWATCH, "server", "start"], capture_output=True, check=True, cwd=work, env=env)
    server = time.perf_counter() - t0
    print(f"tipwatch server start (fresh Prefect home, once per machine): {server:.1f} s")
    t0 = time.perf_counter()
    proc = subprocess.run(
        [TIPWATCH, "run", "--raw", str(raw), "--processed", str(work / "processed"), "--json"],
        capture_output=True, text=True, cwd=work, env=env,
    )  # fmt: skip
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode:
        print(proc.stderr[-2000:])
        raise SystemExit(proc.returncode)
    summary = json.loads(proc.stdout[proc.stdout.index("{") :])
    print(f"tipwatch run (first run, server up): {wall:.1f} s; ratio to the bare model {wall / bare:.2f}")
    print(f"  with the server start added: {wall + server:.1f} s; ratio {(wall + server) / bare:.2f}")
    print("run stages (s): " + ", ".join(f"{k} {v}" for k, v in summary["timings"].items()))
    print(f"peak RSS of the largest process: {rss:.0f} MB")
    t0 = time.perf_counter()
    again = subprocess.run(
        [TIPWATCH, "run", "--raw", str(raw), "--processed", str(work / "processed"), "--json"],
        capture_output=True, text=True, cwd=work, env=env,
    )  # fmt: skip
    print(
        f"unchanged re-run (the background server reused): {time.perf_counter() - t0:.1f} s, exit {again.returncode}"
    )
    subprocess.run([TIPWATCH, "server", "stop"], capture_output=True, env=env)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
