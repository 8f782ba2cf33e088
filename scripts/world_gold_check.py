"""Check an annotation file of the world gold set: JSON, known refs, every cue and content in the text.

python scripts/world_gold_check.py models/gold/world/annotations/a1.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extractors.records import AGENCY_KINDS
from flows.gold import default_shared_dir, resolve_text

SPLIT = Path(__file__).resolve().parents[1] / "models" / "gold" / "world" / "split.jsonl"
KINDS = set(AGENCY_KINDS)
TIERS = {"1", "2", "2WL", "3", "special_case"}
SPEAKER_KINDS = {"person", "organisation", "report", "unnamed"}


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00ad", "").split())


def check_line(obj: dict, refs: dict) -> list[str]:
    ref = {k: obj[k] for k in ("corpus_file", "id") if k in obj}
    key = json.dumps(ref, sort_keys=True)
    if key not in refs:
        return [f"unknown ref {ref}"]
    text = _norm(resolve_text(ref, default_shared_dir())[0])
    errs = []
    for k in ("officials", "agencies", "tier_placements", "claims"):
        if not isinstance(obj.get(k), list):
            errs.append(f"{key}: '{k}' missing or not a list")
    for a in obj.get("agencies", []):
        if a.get("kind") not in KINDS:
            errs.append(f"{key}: agency {a.get('name')!r} kind {a.get('kind')!r}")
    for t in obj.get("tier_placements", []):
        if str(t.get("tier")) not in TIERS:
            errs.append(f"{key}: tier {t.get('tier')!r}")
    for c in obj.get("claims", []):
        if c.get("speaker_kind") not in SPEAKER_KINDS:
            errs.append(f"{key}: speaker_kind {c.get('speaker_kind')!r}")
        for f in ("cue", "content"):
            if not c.get(f) or _norm(c[f]) not in text:
                errs.append(f"{key}: claim {f} not in text: {c.get(f)!r}")
    return errs


def main() -> int:
    refs = {json.dumps(json.loads(line)["ref"], sort_keys=True) for line in open(SPLIT, encoding="utf-8")}
    errs = []
    for path in sys.argv[1:]:
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"{path}:{n}: not JSON ({e.msg})")
                continue
            errs += [f"{path}:{n}: {e}" for e in check_line(obj, refs)]
    print("\n".join(errs) or "ok")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
