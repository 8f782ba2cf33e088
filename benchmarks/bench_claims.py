"""Claims speed on PolNeAR dev: the full pipeline (docs/s, words/s) and the claims component alone.

    .venv/bin/python benchmarks/bench_claims.py [--limit 84] [--processes 1]

Needs ../shared/corpus. Prints one line per measurement; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.nlp.pipeline import build_pipeline  # noqa: E402
from extractors.parse.news import parse_text  # noqa: E402
from flows.gold import load_polnear  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=84)
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args()
    gold = load_polnear("dev")[: args.limit]
    texts = [parse_text(g.text.encode("utf-8"), source=g.name).text for g in gold]
    words = sum(len(t.split()) for t in texts)
    nlp = build_pipeline()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32, n_process=args.processes))
    full = time.perf_counter() - t0
    print(
        f"full pipeline, {args.processes} process(es): {len(docs)} docs, {words} words in {full:.1f} s = "
        f"{len(docs) / full:.2f} docs/s, {words / full:.0f} words/s"
    )
    claims = nlp.get_pipe("tipwatch_claims")
    t0 = time.perf_counter()
    for d in docs:
        claims(d)
    alone = time.perf_counter() - t0
    print(f"claims component alone: {len(docs) / alone:.1f} docs/s ({1000 * alone / len(docs):.1f} ms/doc)")


if __name__ == "__main__":
    main()
