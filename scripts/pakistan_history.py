"""Regenerate ``docs/pakistan-history.svg``: Pakistan's real 2015-2023 tiers, the seed article's claim
checked against them.

    python scripts/pakistan_history.py [--shared ../shared] [--out docs/pakistan-history.svg]

The tiers come from ``<shared>/corpus/tiers/``: ``tip_tiers_long_all_sources.csv`` (one row per
source), and for the years it lacks (2017-2019, 2021, 2022) the quotes in
``news_cited_tier_evidence.csv``. A year's tier is the one every row for it states; the script
stops when rows disagree or a year has none. Nine TIP-style reports are generated with those
tiers (``scripts/make_tip_report.py``), one real ``tipwatch run`` reads them with the seed article
``raw/pakistan-tip-ranking-conference.txt``, and ``tipwatch history Pakistan --plot`` draws the chart.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "pakistan-tip-ranking-conference.txt"
YEARS = range(2015, 2024)
COUNTRIES = ("Pakistan", "India")  # India: the reports' second country, where the corpus has it
TIERS_DIR = Path("corpus") / "tiers"
TIPWATCH = [sys.executable, "-c", "from flows.cli.app import app; app()"]


def corpus_tiers(shared: Path, country: str) -> dict[int, str]:
    """{report year: tier} for ``country`` over YEARS, from the merged tier file, gaps filled from
    the news-cited evidence; a year whose rows disagree is an error, a year with none is left out."""
    rows: dict[int, set[str]] = {}
    with open(shared / TIERS_DIR / "tip_tiers_long_all_sources.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["country"] == country and int(r["report_year"]) in YEARS:
                rows.setdefault(int(r["report_year"]), set()).add(r["tier"].strip())
    evidence: dict[int, set[str]] = {}
    with open(shared / TIERS_DIR / "news_cited_tier_evidence.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if (
                r["country"] == country
                and (r["report_year"] or "0").isdigit()
                and int(r["report_year"]) in YEARS
            ):
                evidence.setdefault(int(r["report_year"]), set()).add(r["tier"].strip())
    out = {}
    for year in YEARS:
        tiers = rows.get(year) or evidence.get(year) or set()
        if len(tiers) > 1:
            raise SystemExit(f"{country} {year}: the sources disagree ({', '.join(sorted(tiers))})")
        if tiers:
            out[year] = tiers.pop()
    return out


def write_reports(raw: Path, tiers: dict[str, dict[int, str]]) -> None:
    """tip-<year>.pdf for every year, each listing the countries with a known tier that year."""
    spec = importlib.util.spec_from_file_location("make_tip_report", ROOT / "scripts" / "make_tip_report.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen  # its dataclasses look their module up
    spec.loader.exec_module(gen)
    tiers_csv = raw.parent / "tiers.csv"
    with open(tiers_csv, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["report_year", "country", "tier"])
        w.writerows([y, c, t] for c, by_year in tiers.items() for y, t in sorted(by_year.items()))
    raw.mkdir(parents=True)
    for y in YEARS:
        data, _ = gen.generate(countries=2, year=y, seed=y, tiers_csv=str(tiers_csv))
        (raw / f"tip-{y}.pdf").write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="folder holding corpus/")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "pakistan-history.svg")
    args = ap.parse_args(argv)
    tiers = {c: corpus_tiers(args.shared, c) for c in COUNTRIES}
    missing = [y for y in YEARS if y not in tiers["Pakistan"]]
    if missing:
        raise SystemExit(f"Pakistan: no tier in the corpus for {missing}")
    print("Pakistan:", ", ".join(f"{y} {t}" for y, t in tiers["Pakistan"].items()))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_reports(work / "raw", tiers)
        (work / "raw" / SEED.name).write_bytes(SEED.read_bytes())
        env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PYTHONPATH": str(ROOT)}
        run = [*TIPWATCH, "run", "--raw", str(work / "raw"), "--processed", str(work / "processed")]
        subprocess.run(run, check=True, cwd=work, env=env, stdout=subprocess.DEVNULL)
        plot = [*TIPWATCH, "history", "Pakistan", "--processed", str(work / "processed")]
        subprocess.run([*plot, "--plot", str(args.out.resolve())], check=True, cwd=work, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
