"""Same output before and after a change: run ``tipwatch run`` from two checkouts over one corpus and
compare every published table row for row (ids included; run ids, timings and the extractor
version aside, since those change with any edit by design).

    python scripts/same_output.py --before 436b2fb            # worktree of REF vs this checkout
    python scripts/same_output.py --before 436b2fb --keep /tmp/same   # reuse corpus + "before" run

The corpus (written once under ``--keep``, a temporary folder otherwise) is: the samples in
``raw/``; the texts of every gold set in ``models/gold/``; the 906 CIA Factbook entries; the
``news_diverse`` excerpts of the development split; the tier quotes under the evaluation headline; PolNeAR ``dev`` texts;
the first 200 Dawn/APP articles; and the awkward PDFs of ``corpus/pdfs``. It reads
``../shared/corpus`` and needs no project code, so both checkouts see identical bytes.

The blind and held-out sets stay out (gold files named ``*blind*`` or ``*heldout*``, and every
``news_diverse`` article ``world_dev.jsonl`` does not list): the report prints differing rows, and
developers never read rows of text the blind figures are measured on.

Exit status 0 when every table is equal, 1 with a per-table report otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
IGNORED_TABLES = {"runs"}  # run ids and timings
IGNORED_COLUMNS = {"extractor_version", "run_id"}


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _gold_text(rec: dict, corpus: Path) -> str | None:
    if "text" in rec:
        return rec["text"]
    if "seed" in rec:
        return (SHARED / "seed" / rec["seed"]).read_text(encoding="utf-8")
    if "id" in rec:  # a news_diverse article: written with the news_diverse excerpts below
        return None
    if str(rec.get("corpus_file", "")).endswith(".txt"):
        return (corpus / rec["corpus_file"]).read_text(encoding="utf-8", errors="replace")
    if "corpus_file" in rec:
        for r in _jsonl(corpus / rec["corpus_file"]):
            if r.get("link") == rec.get("link"):
                return r.get("content")
    return None


def _blind(gold: Path) -> bool:
    return "blind" in gold.stem or "heldout" in gold.stem


def build_corpus(out: Path) -> int:
    """Write the comparison corpus into ``out`` (a raw folder); returns the number of files."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        sys.exit(f"same_output: {corpus} not found (the corpus is needed for the comparison)")
    out.mkdir(parents=True, exist_ok=True)
    for p in sorted((ROOT / "raw").iterdir()):
        if p.is_file():
            shutil.copy(p, out / f"sample-{p.name}")
    for gold in sorted((ROOT / "models" / "gold").glob("*.jsonl")):
        if _blind(gold):
            continue
        for i, rec in enumerate(_jsonl(gold)):
            text = _gold_text(rec, corpus)
            if text:
                _write(out, f"gold-{gold.stem}-{i:03d}.txt", text)
    with open(
        corpus / "tip_text" / "factbook_trafficking_in_persons_field_2006_2025.csv", encoding="utf-8"
    ) as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            _write(out, f"factbook-{i:04d}.txt", f"{r['country']}\n\n{r['text']}")
    dev_ids = {rec.get("id") for rec in _jsonl(ROOT / "models" / "gold" / "world_dev.jsonl")}
    for r in _jsonl(corpus / "news_diverse" / "articles.jsonl"):
        if r["id"] not in dev_ids:
            continue
        _write(out, f"diverse-{r['id']}.txt", f"{r['title']}\n\n{r['text']}")
    with open(corpus / "tiers" / "news_cited_tier_evidence.csv", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            _write(out, f"tierquote-{i:03d}.txt", f"US Trafficking in Persons report\n\n{r['short_quote']}")
    for p in sorted((corpus / "attribution" / "polnear" / "dev" / "text").glob("*")):
        _write(out, f"polnear-{p.stem}.txt", p.read_text(encoding="utf-8", errors="replace"))
    dawn = sorted((corpus / "news_full" / "pk_dawn_app_2025").glob("*.jsonl"))
    n = 0
    for path in dawn:
        for r in _jsonl(path):
            if n >= 200:
                break
            if r.get("content"):
                _write(out, f"dawn-{n:03d}.txt", f"{r.get('title', '')}\n\n{r['content']}")
                n += 1
    return sum(1 for _ in out.iterdir())


AWKWARD_PDFS = SHARED / "corpus" / "pdfs"
# Parse-only comparison of the awkward PDFs, one at a time: the flow parses batches in threads,
# and pdfium is not thread-safe (a run over all 25 at once died with "corrupted size vs. prev_size").
PARSE_CODE = """
import json, sys
from pathlib import Path
from extractors.parse import parse_bytes
for name in sys.argv[1:]:
    d = parse_bytes(Path(name).read_bytes(), source=Path(name).name, name=name)
    print(json.dumps({"source": Path(name).name, "doc_id": d.doc_id, "kind": d.kind, "status": d.status,
                      "error": d.error, "title": d.title, "text": d.text, "n_pages": d.n_pages,
                      "pages": [[p.start, p.end] for p in d.pages]}))
"""


def parse_checkout(checkout: Path) -> list[dict]:
    """Every awkward PDF parsed by ``checkout``'s ``parse_bytes``: one dict per file."""
    files = [str(p) for p in sorted(AWKWARD_PDFS.glob("*.pdf"))]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-c", PARSE_CODE, *files],
        cwd=checkout,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


QUICK = ("sample-", "gold-", "diverse-", "tierquote-", "polnear-")


def _quick_corpus(raw: Path, out: Path) -> Path:
    """The ``--quick`` subset of ``raw`` (about a third of it), copied once."""
    if not out.is_dir():
        out.mkdir()
        for p in sorted(raw.iterdir()):
            if p.name.startswith(QUICK):
                shutil.copy(p, out / p.name)
    return out


def run_checkout(checkout: Path, raw: Path, processed: Path, prefect_home: Path) -> None:
    """``tipwatch run`` as the checkout defines it (its pyproject's script entry point)."""
    script = tomllib.loads((checkout / "pyproject.toml").read_text())["project"]["scripts"]["tipwatch"]
    module, func = script.split(":")
    code = f"import sys; sys.argv[0] = 'tipwatch'; from {module} import {func} as f; f()"
    env = {
        **os.environ,
        "PYTHONPATH": str(checkout),
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    cmd = [sys.executable, "-c", code, "run", "--raw", str(raw), "--processed", str(processed)]
    print(f"same_output: running {checkout} …", file=sys.stderr, flush=True)
    # Output goes to files: Prefect's temporary server outlives the command and would hold a pipe open.
    log = processed.with_suffix(".log")
    processed.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as fh:
        rc = subprocess.run(cmd, cwd=checkout, env=env, stdout=fh, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        sys.exit(f"same_output: run failed in {checkout} (exit {rc}):\n{log.read_text()[-3000:]}")
    print(log.read_text().splitlines()[-1], file=sys.stderr)


def latest_tables(processed: Path) -> dict[str, list[dict]]:
    import pyarrow.parquet as pq

    run = (processed / "latest").read_text().strip()
    out = {}
    for p in sorted((processed / "runs" / run).glob("*.parquet")):
        if p.stem in IGNORED_TABLES:
            continue
        rows = pq.read_table(p).to_pylist()
        out[p.stem] = [{k: v for k, v in r.items() if k not in IGNORED_COLUMNS} for r in rows]
    return out


def compare(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> list[str]:
    """Differences, one line each (with up to three example rows per table)."""
    problems = []
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name), after.get(name)
        if a is None or b is None:
            problems.append(f"{name}: only {'after' if a is None else 'before'}")
            continue
        if a == b:
            print(f"  {name:<18} {len(a):>7} rows  equal", file=sys.stderr)
            continue
        key = lambda r: json.dumps(r, sort_keys=True, default=str)  # noqa: E731
        sa, sb = {key(r) for r in a}, {key(r) for r in b}
        gone, new = sorted(sa - sb), sorted(sb - sa)
        what = (
            "same rows, other order"
            if not gone and not new and len(a) == len(b)
            else f"-{len(gone)} +{len(new)}"
        )
        problems.append(f"{name}: {len(a)} -> {len(b)} rows, {what}")
        problems.extend(f"    - {g[:400]}" for g in gone[:3])
        problems.extend(f"    + {n[:400]}" for n in new[:3])
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="git ref of the 'before' checkout (e.g. 436b2fb)")
    ap.add_argument("--keep", type=Path, help="folder to keep the corpus and the 'before' run in (reused)")
    ap.add_argument(
        "--quick", action="store_true", help="only samples, gold texts, news_diverse, tier quotes, PolNeAR"
    )
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="same-output-"))
    work.mkdir(parents=True, exist_ok=True)
    raw = work / "raw"
    if not raw.is_dir():
        print(f"same_output: {build_corpus(raw)} documents in {raw}", file=sys.stderr)
    tag = "quick-" if args.quick else ""
    if args.quick:
        raw = _quick_corpus(raw, work / "raw-quick")
    before_dir = work / f"before-{tag}{args.before}"
    if not (before_dir / "latest").exists():
        tree = work / f"tree-{args.before}"
        if not tree.exists():
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.before],
                check=True,
                capture_output=True,
            )
        run_checkout(tree, raw, before_dir, work / "prefect-before")
    after_dir = work / f"after-{tag}{ROOT.name}"  # one per checkout: worktrees can compare at once
    shutil.rmtree(after_dir, ignore_errors=True)
    run_checkout(ROOT, raw, after_dir, work / f"prefect-after-{ROOT.name}")
    problems = compare(latest_tables(before_dir), latest_tables(after_dir))
    if AWKWARD_PDFS.is_dir() and not args.quick:
        tree = work / f"tree-{args.before}"
        problems += compare({"awkward_pdfs": parse_checkout(tree)}, {"awkward_pdfs": parse_checkout(ROOT)})
    if problems:
        print("\n".join(["same_output: tables differ"] + problems))
        return 1
    print("same_output: every table equal row for row")
    return 0


if __name__ == "__main__":
    sys.exit(main())
