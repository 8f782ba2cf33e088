"""Choose the articles of the world gold set and split them by outlet (run once, before annotation).

Writes ``models/gold/world/split.jsonl``: one line per article with its reference into
``../shared/corpus``, outlet, outlet group (wire copies grouped with their wire), country focus,
split (``dev`` or ``blind``) and the annotator(s) it was assigned to. The split is by outlet group,
in a fixed order (sha1 of the group name), so no outlet has articles on both sides; the blind split
takes groups in that order until it holds at least 45 articles. BBC News (16 articles from one
outlet) stays in development so that one outlet is not a third of the blind split.

    python scripts/world_gold_split.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "models" / "gold" / "world" / "split.jsonl"
BBC_N = 16
BLIND_MIN = 45
ANNOTATORS = ["a1", "a2", "a3", "a4", "a5", "a6"]
DOUBLE = 20

# Wire copies are grouped with the wire they copy: a split by outlet must not put the same
# agency's text on both sides.
GROUPS = [
    (r"antara", "ANTARA"),
    (r"ag[eê]ncia brasil", "Agência Brasil"),
    (r"\bPTI\b", "PTI"),
    (r"\bRSS\b", "RSS (Nepal)"),
    (r"\bRFA\b|Radio Free Asia", "Radio Free Asia"),
    (r"\bEFE\b", "EFE"),
    (r"\bANI copy\b", "ANI"),
    (r"Xinhua", "Xinhua"),
    (r"Kuwait Times", "Kuwait Times"),
    (r"Saudi Gazette", "Saudi Gazette"),
    (r"BusinessWorld", "BusinessWorld"),
    (r"\(([^()]*?) copy\)", None),
]


def outlet_group(outlet: str) -> str:
    for pattern, group in GROUPS:
        m = re.search(pattern, outlet, re.I)
        if m:
            if group is None:
                return m.group(1).split(",")[-1].strip()
            return group
    return outlet


def _h(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def articles(shared: Path) -> list[dict]:
    out = []
    with open(shared / "corpus" / "news_diverse" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.append(
                {
                    "ref": {"corpus_file": "news_diverse/articles.jsonl", "id": r["id"]},
                    "outlet": r["outlet"],
                    "outlet_group": outlet_group(r["outlet"]),
                    "country": r["country_focus"],
                }
            )
    bbc = shared / "corpus" / "news_full" / "bbc_news_2095"
    with open(bbc / "index.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["category"] == "politics"]
    traffick = [r for r in rows if r["has_trafficking"] == "True"]
    rest = sorted(
        (
            r
            for r in rows
            if r["has_minister"] == "True" and 1200 <= int(r["chars"]) <= 2600 and r not in traffick
        ),
        key=lambda r: _h(r["path"]),
    )
    for r in (traffick + rest)[:BBC_N]:
        out.append(
            {
                "ref": {"corpus_file": f"news_full/bbc_news_2095/{r['path']}"},
                "outlet": "BBC News",
                "outlet_group": "BBC News",
                "country": "United Kingdom",
            }
        )
    return out


def split(rows: list[dict]) -> None:
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["outlet_group"], []).append(r)
    blind = 0
    for g in sorted(groups, key=_h):
        side = "dev"
        if blind < BLIND_MIN and g != "BBC News":
            side = "blind"
            blind += len(groups[g])
        for r in groups[g]:
            r["split"] = side


def assign(rows: list[dict]) -> None:
    order = sorted(range(len(rows)), key=lambda i: _h(json.dumps(rows[i]["ref"], sort_keys=True)))
    for k, i in enumerate(order):
        rows[i]["annotators"] = [ANNOTATORS[k % len(ANNOTATORS)]]
    # 20 articles annotated twice, half from each split, the second annotator a different person.
    for side in ("dev", "blind"):
        picked = [i for i in order if rows[i]["split"] == side][: DOUBLE // 2]
        for k, i in enumerate(picked):
            first = ANNOTATORS.index(rows[i]["annotators"][0])
            rows[i]["annotators"].append(ANNOTATORS[(first + 1 + k % 5) % len(ANNOTATORS)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    rows = articles(args.shared)
    split(rows)
    assign(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_blind = sum(r["split"] == "blind" for r in rows)
    print(
        f"{len(rows)} articles, {len({r['outlet_group'] for r in rows})} outlet groups, "
        f"{len({r['country'] for r in rows})} countries; dev {len(rows) - n_blind}, blind {n_blind} "
        f"({len({r['outlet_group'] for r in rows if r['split'] == 'blind'})} outlet groups); "
        f"double-annotated {sum(len(r['annotators']) > 1 for r in rows)} -> {OUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
