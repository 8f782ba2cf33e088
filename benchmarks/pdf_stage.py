"""Benchmark the PDF stage and TIP extraction on a generated full-size report, in one run.

    .venv/bin/python benchmarks/pdf_stage.py                 # 190 countries (~600 pages), workers=2
    .venv/bin/python benchmarks/pdf_stage.py --countries 60 --json
    .venv/bin/python benchmarks/pdf_stage.py --nlp           # also time the spaCy stage (slow)
    .venv/bin/python benchmarks/pdf_stage.py --countries 20 --components  # seconds per spaCy step

Reports: our PDF stage in pages/s (``parse_pdf(workers=N)``), bare pypdfium2 in pages/s
(``get_textpage().get_text_range()`` per page, one process, same file), their ratio, peak memory
(this process and the largest child, from ``getrusage``; Python allocations of the parse from
``tracemalloc``), end-to-end seconds for parse + ``extractors.parse.tip`` tier placements and
statistics, and accuracy against the generator's ground truth. Targets (issue 3): ratio >= 0.5,
peak memory < 1 GB, the whole report end to end < 90 s.

The report is generated into a temporary folder and deleted afterwards; nothing is written to the
repository.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from extractors.parse import tip  # noqa: E402
from extractors.parse.pdf import parse_pdf  # noqa: E402


def _generator():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_tip_report", ROOT / "scripts" / "make_tip_report.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bare_pypdfium2(data: bytes) -> tuple[int, float]:
    started = time.perf_counter()
    pdf = pdfium.PdfDocument(data)
    n = len(pdf)
    for i in range(n):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
    return n, time.perf_counter() - started


def accuracy(doc, placements, stats, truth) -> dict:
    got_tiers = Counter(
        (r.source_kind, r.country, r.report_year, r.tier, r.change, r.page) for r in placements
    )
    want_tiers = Counter(
        (r["source_kind"], r["country"], r["report_year"], r["tier"], r["change"], r["page"])
        for r in truth["tier_placements"]
    )
    got_stats = Counter((r.country, r.report_year, r.metric, r.value, r.qualifier) for r in stats)
    want_stats = Counter(
        (r["country"], r["report_year"], r["metric"], r["value"], r["qualifier"]) for r in truth["statistics"]
    )
    countries = {r["country"] for r in truth["tier_placements"]}
    right = {c for c in countries if all(got_tiers[k] >= n for k, n in want_tiers.items() if k[1] == c)}
    return {
        "countries": len(countries),
        "countries_all_right": len(right),
        "tier_rows_expected": sum(want_tiers.values()),
        "tier_rows_right": sum((got_tiers & want_tiers).values()),
        "tier_rows_extra": sum((got_tiers - want_tiers).values()),
        "statistics_expected": sum(want_stats.values()),
        "statistics_right": sum((got_stats & want_stats).values()),
        "statistics_extra": sum((got_stats - want_stats).values()),
        "report_year_right": tip.report_year(doc) == truth["report_year"],
    }


def component_seconds(doc) -> dict[str, float]:
    """Seconds each pipeline step takes on the report's chunks, one process, report components only.

    Where the spaCy stage's time goes (tokenizer, tok2vec, parser, ...): the step a paragraph gate
    would skip is the whole pipeline, not the parser alone.
    """
    from extractors.extract import chunks
    from extractors.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    skip = set(nlp.meta.get("tipwatch_report_disable", []))
    settings = nlp.meta.get("tipwatch_report_components", {})  # as reports get them (extract._annotate)
    seconds = {"tokenizer": 0.0} | {name: 0.0 for name in nlp.pipe_names if name not in skip}
    for chunk in chunks(doc):
        t0 = time.perf_counter()
        annotated = nlp.make_doc(chunk.text)
        seconds["tokenizer"] += time.perf_counter() - t0
        for name, pipe in nlp.pipeline:
            if name not in skip:
                t0 = time.perf_counter()
                annotated = pipe(annotated, **settings.get(name, {}))
                seconds[name] += time.perf_counter() - t0
    return {name: round(s, 2) for name, s in seconds.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--countries", type=int, default=190)
    ap.add_argument("--year", type=int, default=2023)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each PDF reader; the fastest counts")
    ap.add_argument(
        "--nlp", action="store_true", help="also run the spaCy stage (extractors.extract) on the report"
    )
    ap.add_argument(
        "--components", action="store_true", help="also time each spaCy pipeline step (one process)"
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    started = time.perf_counter()
    data, truth = _generator().generate(args.countries, args.year, args.seed)
    generate_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="tipwatch-bench-") as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(data)
        data = path.read_bytes()  # the stage is timed on bytes read back, as a flow would pass them

        # Interleaved runs, fastest of each: on a shared machine the load changes from second to
        # second. CPU seconds (ours: this process plus its workers) are reported too, as they
        # hardly depend on the load.
        bare_s = ours_s = bare_cpu = ours_cpu = float("inf")
        doc = None
        for _ in range(args.repeat):
            c0 = _cpu()
            n_bare, wall = bare_pypdfium2(data)
            bare_s, bare_cpu = min(bare_s, wall), min(bare_cpu, _cpu() - c0)
            c0, t0 = _cpu(), time.perf_counter()
            doc = parse_pdf(data, workers=args.workers)
            ours_s, ours_cpu = min(ours_s, time.perf_counter() - t0), min(ours_cpu, _cpu() - c0)
        bare = (n_bare, bare_s)

        # End to end for the tables this stage owns: bytes -> Document -> tier placements + statistics.
        t0 = time.perf_counter()
        doc = parse_pdf(data, workers=args.workers)
        parse_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        placements = tip.tier_placements(doc)
        stats = tip.statistics(doc)
        tip_s = time.perf_counter() - t1

        # Python allocations of the same work, traced separately (tracing slows it several times).
        tracemalloc.start()
        tip.statistics(tip_doc := parse_pdf(data, workers=args.workers))
        tip.tier_placements(tip_doc)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del tip_doc

        # Peak memory of the PDF stage and TIP extraction, before the (optional) spaCy stage.
        self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
        child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

        # Hook for the NLP stage (owned by extractors.nlp.pipeline / extractors.extract): off by default
        # because it dominates the run; --nlp times it on the same Document.
        nlp_s = None
        if args.nlp:
            from extractors.extract import extract_documents
            from extractors.nlp.pipeline import build_pipeline

            t2 = time.perf_counter()
            nlp = build_pipeline()
            for _ in extract_documents([doc], nlp, n_process=args.workers):
                pass
            nlp_s = time.perf_counter() - t2

    nlp_rss = None
    if nlp_s is not None:
        nlp_rss = (
            max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
            / 1024
        )
    n_pages = doc.n_pages
    figures = {
        "load_average_1min": round(os.getloadavg()[0], 2),
        "pages": n_pages,
        "countries": args.countries,
        "pdf_bytes": len(data),
        "generate_s": round(generate_s, 2),
        "workers": args.workers,
        "ours_s": round(ours_s, 3),
        "ours_pages_per_s": round(n_pages / ours_s, 1),
        "pypdfium2_s": round(bare[1], 3),
        "pypdfium2_pages_per_s": round(bare[0] / bare[1], 1),
        "ratio": round((n_pages / ours_s) / (bare[0] / bare[1]), 2),
        "ours_cpu_s": round(ours_cpu, 3),
        "pypdfium2_cpu_s": round(bare_cpu, 3),
        "peak_rss_mib": round(self_rss, 1),
        "peak_child_rss_mib": round(child_rss, 1),
        "parse_python_alloc_peak_mib": round(traced_peak / 2**20, 1),
        "end_to_end_parse_tip_s": round(parse_s + tip_s, 2),
        "tip_extraction_s": round(tip_s, 2),
        "nlp_s": None if nlp_s is None else round(nlp_s, 1),
        "nlp_peak_rss_mib": None if nlp_rss is None else round(nlp_rss, 1),
        "accuracy": accuracy(doc, placements, stats, truth),
        "component_s": component_seconds(doc) if args.components else None,
    }
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    acc = figures["accuracy"]
    print(f"report: {n_pages} pages, {args.countries} countries, {len(data):,} bytes (generated in {generate_s:.1f} s); "
          f"load average {figures['load_average_1min']} on {os.cpu_count()} CPUs")  # fmt: skip
    print(
        f"our PDF stage (workers={args.workers}): {figures['ours_pages_per_s']:>7} pages/s  ({ours_s:.2f} s)"
    )
    print(f"bare pypdfium2 (1 process):   {figures['pypdfium2_pages_per_s']:>7} pages/s  ({bare[1]:.2f} s)")
    print(f"ratio ours / pypdfium2:       {figures['ratio']:>7}   (target >= 0.5); "
          f"CPU seconds: ours {ours_cpu:.2f} (all processes), pypdfium2 {bare_cpu:.2f}")  # fmt: skip
    print(f"peak RSS of the PDF stage + TIP: this process {self_rss:.0f} MiB, largest worker {child_rss:.0f} MiB (target < 1024); "
          f"Python allocations (parse + TIP, traced): {figures['parse_python_alloc_peak_mib']} MiB")  # fmt: skip
    print(f"end to end, parse + tier placements + statistics: {figures['end_to_end_parse_tip_s']} s "
          f"(TIP extraction {tip_s:.2f} s)" + (f"; spaCy stage {nlp_s:.1f} s, peak RSS {nlp_rss:.0f} MiB" if nlp_s is not None else "; spaCy stage not run (--nlp)"))  # fmt: skip
    print(f"accuracy: countries all right {acc['countries_all_right']}/{acc['countries']}; "
          f"tier rows {acc['tier_rows_right']}/{acc['tier_rows_expected']} (extra {acc['tier_rows_extra']}); "
          f"statistics {acc['statistics_right']}/{acc['statistics_expected']} (extra {acc['statistics_extra']}); "
          f"report year {'right' if acc['report_year_right'] else 'WRONG'}")  # fmt: skip
    if figures["component_s"]:
        steps = ", ".join(f"{name} {sec:.2f}" for name, sec in figures["component_s"].items())
        print(f"spaCy steps, seconds (one process): {steps}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
