"""Print the text an annotator annotates for articles of the world gold split (body only, as scored).

python scripts/gold_text.py --annotator a1          # every article assigned to a1, numbered
python scripts/gold_text.py --id nd0001             # one news_diverse article
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from flows.gold import default_shared_dir, resolve_text

SPLIT = Path(__file__).resolve().parents[1] / "models" / "gold" / "world" / "split.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annotator")
    ap.add_argument("--id", help="news_diverse id or BBC path fragment")
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(SPLIT, encoding="utf-8")]
    for r in rows:
        ref = r["ref"]
        key = ref.get("id") or ref["corpus_file"]
        if args.annotator and args.annotator not in r["annotators"]:
            continue
        if args.id and args.id not in key:
            continue
        text, title = resolve_text(ref, default_shared_dir())
        print(f"===== REF {json.dumps(ref)}  | outlet: {r['outlet']} | title (not annotated): {title}")
        print(text)
        print()


if __name__ == "__main__":
    main()
