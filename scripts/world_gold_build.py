"""Build the world gold set from the annotators' files, and measure their agreement.

Reads ``models/gold/world/split.jsonl`` and ``models/gold/world/annotations/<annotator>.jsonl``;
for each article takes the adjudicated line (``world/adjudicated.jsonl``) when there is one, else its
first annotator's line, and writes ``models/gold/world_dev.jsonl`` and ``models/gold/world_blind.jsonl``
(split as fixed before annotation). On the articles two people annotated, scores the second
annotator against the first with the product's scorer (``extractors.evaluation.scores``): per-field
P/R/F1, written to ``models/gold/world/agreement.json`` and printed.

    python scripts/world_gold_build.py
"""

from __future__ import annotations

import json
from pathlib import Path

from extractors.evaluation.scores import score
from flows.gold import default_shared_dir, load_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "models" / "gold"
WORLD = GOLD / "world"
REF_KEYS = ("corpus_file", "id", "link", "seed")
LISTS = ("officials", "agencies", "tier_placements", "claims")


def _ref_key(obj: dict) -> str:
    return json.dumps({k: obj[k] for k in REF_KEYS if k in obj}, sort_keys=True)


def _read(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def annotations() -> dict[tuple[str, str], dict]:
    """(ref key, annotator) -> annotation line."""
    out = {}
    for path in sorted((WORLD / "annotations").glob("*.jsonl")):
        for obj in _read(path):
            out[(_ref_key(obj), obj.get("annotator") or path.stem)] = obj
    return out


def _line(split_row: dict, ann: dict) -> dict:
    line = dict(split_row["ref"])
    line.update(outlet=split_row["outlet"], country_focus=split_row["country"])
    line["annotator"] = ann.get("annotator")
    for k in LISTS:
        line[k] = ann.get(k, [])
    return line


def build() -> dict[str, int]:
    split = _read(WORLD / "split.jsonl")
    anns = annotations()
    adjudicated = {_ref_key(o): o for o in _read(WORLD / "adjudicated.jsonl")}
    sides: dict[str, list[dict]] = {"dev": [], "blind": []}
    missing = []
    for row in split:
        key = _ref_key(row["ref"])
        ann = adjudicated.get(key) or anns.get((key, row["annotators"][0]))
        if ann is None:
            missing.append(key)
            continue
        sides[row["split"]].append(_line(row, ann))
    for side, lines in sides.items():
        with open(GOLD / f"world_{side}.jsonl", "w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    if missing:
        print(f"{len(missing)} articles not annotated yet")
    return {side: len(lines) for side, lines in sides.items()}


def agreement() -> dict:
    """The second annotator scored against the first on every doubly annotated article."""
    split = _read(WORLD / "split.jsonl")
    anns = annotations()
    pairs = []
    for row in split:
        if len(row["annotators"]) > 1:
            key = _ref_key(row["ref"])
            a, b = (anns.get((key, who)) for who in row["annotators"][:2])
            if a and b:
                pairs.append((a, b))
    if not pairs:
        return {}
    tmp = WORLD / ".agreement-first.jsonl"
    tmp.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a, _ in pairs), encoding="utf-8")
    try:
        first = load_gold(tmp, default_shared_dir())
    finally:
        tmp.unlink()
    report = score(first, [{k: b.get(k, []) for k in LISTS} for _, b in pairs])
    print(f"agreement on {len(pairs)} doubly annotated articles (second annotator scored against the first):")
    print(report.format_table())
    out = {"articles": len(pairs), "fields": report.to_dict()}
    (WORLD / "agreement.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    print(build())
    agreement()
