"""The review page at real volume: a 2,000-row diff, from navigation to interactive in headless
Chromium (the page's script records ``performance.now()`` when its handlers are attached), against
the same page with its script removed (when the browser has parsed that HTML: ``domInteractive``) as
baseline.

    .venv/bin/python benchmarks/review_page.py [--rows 2000] [--repeat 5]

Needs Debian's /usr/bin/chromium. Prints the median of each and their ratio; nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import conftest  # noqa: E402,F401  (Prefect offline, throwaway home)
from cdp_browser import Browser  # noqa: E402
from test_review_page_decisions import big_diff  # noqa: E402

from flows.pipeline import tipwatch_flow  # noqa: E402
from flows.review import render_review  # noqa: E402
from flows.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tipwatch-review-bench-"))
    (work / "raw").mkdir()
    shutil.copy(ROOT / "raw" / "pakistan-tip-ranking-conference.txt", work / "raw")
    tipwatch_flow(raw_dir=str(work / "raw"), processed_dir=str(work / "processed"))
    d, texts = big_diff(Store(work / "processed"), args.rows)
    page = render_review(d, {}, texts)
    html, bare = work / "review.html", work / "bare.html"
    html.write_text(page, encoding="utf-8")
    head, _, rest = page.partition("<script>")
    bare.write_text(
        head + rest.partition("</script>")[2].replace('data-ready="0"', 'data-ready="1"'), "utf-8"
    )
    print(f"page: {len(d.rows)} rows, {html.stat().st_size / 1e6:.1f} MB")
    timing = "document.body.dataset.readyMs"
    bare_ms = "performance.getEntriesByType('navigation')[0].domInteractive"
    ours, base = [], []
    with Browser(work) as b:
        for _ in range(args.repeat):
            b.open(bare.as_uri(), "document.readyState === 'complete'")
            base.append(float(b.eval(bare_ms)))
            b.open(html.as_uri())
            ours.append(float(b.eval(timing)))
    o, s = statistics.median(ours), statistics.median(base)
    print(
        f"load to interactive: {o:.0f} ms (median of {args.repeat}); same HTML without script: {s:.0f} ms; "
        f"ratio {o / s:.2f}"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
