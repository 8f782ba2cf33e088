"""Copy the best trained agency recogniser into ``models/agency_ner/model`` (the weights we ship).

python scripts/agency_ner_package.py [--from models/agency_ner/training/model-best]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEST = ROOT / "models" / "agency_ner" / "model"
MAX_FILE = 25 * 1024 * 1024


def _strip_strings(model: Path) -> None:
    """Keep only the base model's strings and the labels: training saves every token of the
    training texts into the vocabulary, and those texts stay in ../shared (features are hashes)."""
    import json

    import spacy

    cfg = spacy.util.load_config(model / "config.cfg")
    base = set(spacy.load(cfg["paths"]["base_model"]).vocab.strings)
    labels = set(spacy.load(model).get_pipe("agency_ner").labels)
    path = model / "vocab" / "strings.json"
    strings = json.loads(path.read_text(encoding="utf-8"))
    kept = [s for s in strings if s in base or s in labels]
    path.write_text(json.dumps(kept), encoding="utf-8")
    print(f"vocabulary: kept {len(kept)} of {len(strings)} strings (dropped the training texts' words)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--from", dest="src", type=Path, default=ROOT / "models" / "agency_ner" / "training" / "model-best"
    )
    args = ap.parse_args()
    if DEST.exists():
        shutil.rmtree(DEST)
    shutil.copytree(args.src, DEST)
    _strip_strings(DEST)
    sizes = {p: p.stat().st_size for p in DEST.rglob("*") if p.is_file()}
    big = [p for p, n in sizes.items() if n > MAX_FILE]
    if big:
        raise SystemExit(f"files over 25 MB: {big}")
    print(f"{len(sizes)} files, {sum(sizes.values()) / 1e6:.1f} MB -> {DEST.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
