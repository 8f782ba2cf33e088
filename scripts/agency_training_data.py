"""Training data for the agency recogniser: our own gold annotations as spaCy DocBin files.

Reads the development gold sets (never the blind split, never PolNeAR): ``models/gold/world_dev.jsonl``,
``news_gold.jsonl`` and ``news_dev2.jsonl``, with their texts from ``../shared``. An agency row is a set
of strings (name, acronym, aliases); every whole-word occurrence of one of them in the text becomes an
``AGENCY`` span (longest first, no overlaps; acronyms case-sensitive, names from a capitalised first
letter). Documents are split 85/15 into train/dev by a hash of their reference (stable).

    python scripts/agency_training_data.py [--out models/agency_ner/corpus]   # gitignored: texts stay in ../shared

``--gold-rev REV`` reads the gold files as they were at git revision ``REV`` (the shipped weights were
trained at ``b9cf93b``; the gold sets have grown since), so the shipped weights can be reproduced.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from flows.gold import default_shared_dir, resolve_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "models" / "gold"
SETS = ("world_dev.jsonl", "news_gold.jsonl", "news_dev2.jsonl")
DEV_SHARE = 15  # percent of documents held out for spaCy's own dev scoring


def _forms(agency: dict) -> list[str]:
    forms = [agency.get("name"), agency.get("acronym"), *(agency.get("aliases") or [])]
    return sorted({f.strip() for f in forms if f and len(f.strip()) > 1}, key=len, reverse=True)


def _pattern(form: str) -> re.Pattern:
    body = re.escape(form).replace(r"\ ", r"\s+")
    flags = 0 if form.isupper() or not form[:1].isalpha() else re.I  # acronyms case-sensitive
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


def spans(text: str, agencies: list[dict]) -> list[tuple[int, int]]:
    """Character spans of every agency form in ``text``: longest first, no overlaps."""
    taken: list[tuple[int, int]] = []
    forms = sorted({f for a in agencies for f in _forms(a)}, key=len, reverse=True)
    for form in forms:
        for m in _pattern(form).finditer(text):
            s, e = m.span()
            if text[s].isalpha() and not text[s].isupper() and not form[:1].islower():
                continue  # names start with a capital in running text
            if all(e <= a or s >= b for a, b in taken):
                taken.append((s, e))
    return sorted(taken)


def gold_lines(name: str, rev: str | None) -> list[str]:
    """The lines of gold file ``name``: today's, or as committed at git revision ``rev``."""
    if rev is None:
        path = GOLD / name
        return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    show = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:models/gold/{name}"], capture_output=True, text=True
    )
    return show.stdout.splitlines() if show.returncode == 0 else []


def documents(nlp, shared: Path, rev: str | None = None):
    for name in SETS:
        for line in gold_lines(name, rev):
            if not line.strip():
                continue
            obj = json.loads(line)
            ref = {k: obj[k] for k in ("corpus_file", "id", "link", "seed") if k in obj}
            text, _ = resolve_text(ref, shared)
            text = text.replace("\u00ad", "")
            doc = nlp.make_doc(text)
            ents = [
                doc.char_span(s, e, "AGENCY", alignment_mode="contract")
                for s, e in spans(text, obj["agencies"])
            ]
            doc.ents = [e for e in ents if e is not None]
            yield json.dumps(ref, sort_keys=True), doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "agency_ner" / "corpus")
    ap.add_argument("--shared", type=Path, default=default_shared_dir())
    ap.add_argument("--gold-rev", help="read the gold files as committed at this git revision")
    args = ap.parse_args()
    nlp = spacy.blank("en")
    bins = {"train": DocBin(), "dev": DocBin()}
    counts = {"train": [0, 0], "dev": [0, 0]}
    for key, doc in documents(nlp, args.shared, args.gold_rev):
        side = "dev" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 100 < DEV_SHARE else "train"
        bins[side].add(doc)
        counts[side][0] += 1
        counts[side][1] += len(doc.ents)
    args.out.mkdir(parents=True, exist_ok=True)
    for side, db in bins.items():
        db.to_disk(args.out / f"{side}.spacy")
    print(", ".join(f"{s}: {d} documents, {n} AGENCY spans" for s, (d, n) in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()
