"""Where the NLP stage's time goes: CPU seconds per pipeline component on real articles (issue 14).

    .venv/bin/python benchmarks/components.py [--n 150] [--models models]

Runs the tipwatch pipeline (``models/pipeline.cfg``) component by component over the first N
real Dawn/APP articles of ``../shared/corpus/news_full/pk_dawn_app_2025`` in one process and prints
each component's CPU seconds (``time.process_time``) and share, the base model's components
against tipwatch's own. The base model's components are what ``nlp.pipe`` of the bare model runs;
the rest is what tipwatch adds. Nothing is asserted and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlp_stage import articles  # noqa: E402  (the same articles as the NLP benchmark)


def component_seconds(nlp, texts: list[str]) -> Counter:
    """CPU seconds per component (and the tokenizer) over ``texts``, one document at a time, each
    component run as ``nlp.pipe`` runs it (its ``pipe`` where it has one)."""
    spent: Counter = Counter()
    for text in texts:
        t = time.process_time()
        doc = nlp.make_doc(text)
        spent["tokenizer"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = next(proc.pipe([doc])) if hasattr(proc, "pipe") else proc(doc)
            spent[name] += time.process_time() - t
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--models", type=Path, default=ROOT / "models")
    args = ap.parse_args()
    from extractors.nlp.pipeline import build_pipeline

    nlp = build_pipeline(args.models)
    texts = [text for _, text in articles(args.n)]
    spent = component_seconds(nlp, texts)
    total = sum(spent.values())
    base = sum(v for k, v in spent.items() if k == "tokenizer" or not k.startswith("tipwatch_"))
    print(f"{len(texts)} articles, {sum(map(len, texts)):,} characters, one process")
    for name, seconds in spent.most_common():
        print(f"  {name:28s} {seconds:7.2f} s  {seconds / total:6.1%}")
    print(f"base model {base:.2f} s, tipwatch's components {total - base:.2f} s: "
          f"{total / base:.2f}x the base model's CPU time")  # fmt: skip


if __name__ == "__main__":
    main()
