"""Read gold sets and the texts they refer to (file IO for ``extractors.evaluation.scores``/``polnear``).

Gold JSONL lines reference their article instead of carrying its text:
``{"corpus_file": "news_full/pk_dawn_app_2025/<file>.jsonl", "link": <record link>}`` (the
record's ``content`` is the text), ``{"corpus_file": "news_diverse/articles.jsonl", "id": <id>}``
(the record's ``text``), ``{"corpus_file": "news_full/bbc_news_2095/<path>.txt"}`` (the body after
the title line) or ``{"seed": "<name>.txt"}`` (``<shared>/seed/<name>.txt``).
No Prefect here: the CLI and tests import this directly.

How ``tipwatch evaluate`` is meant to use it::

    docs = load_gold("models/gold/news_gold.jsonl", shared_dir)        # GoldDoc: ref, text, rows
    preds = [records.rows() for records in <pipeline over d.text for d in docs>]
    report = extractors.evaluation.scores.score(docs, preds)                    # .format_table(), .to_dict()

    pn = load_polnear("test", shared_dir)                              # PolnearDoc: name, text, attributions
    preds = [to_raw_offsets(records.rows()["claims"], d.text, stored_text) for ...]
    report = extractors.evaluation.polnear.score_attributions(pn, preds)
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

from extractors.evaluation.polnear import PolnearDoc, choose_annotations, read_polnear
from extractors.evaluation.scores import GoldDoc, gold_doc
from extractors.evaluation.tier_quotes import TierQuote


class GoldError(Exception):
    """A gold file line that cannot be resolved; ``str()`` is one line."""


def default_shared_dir() -> Path:
    """``../shared`` next to the repository checkout."""
    return Path(__file__).resolve().parents[1].parent / "shared"


@lru_cache(maxsize=8)
def _corpus_records(path: Path, key: str = "link") -> dict[str, dict]:
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.setdefault(rec[key], rec)
    return out


def resolve_text(ref: dict, shared_dir: Path) -> tuple[str, str | None]:
    """(text, title) of the article a gold line references."""
    shared_dir = Path(shared_dir)
    if isinstance(ref.get("text"), str):  # self-contained (tipwatch review export-gold)
        return ref["text"], ref.get("title")
    if "seed" in ref:
        path = shared_dir / "seed" / ref["seed"]
        if not path.is_file():
            raise GoldError(f"seed article not found: {path}")
        text = path.read_text(encoding="utf-8")
        return text, text.split("\n", 1)[0].strip() or None
    if "corpus_file" in ref and "id" in ref:
        # news_diverse/articles.jsonl: the excerpt is ``text``
        path = shared_dir / "corpus" / ref["corpus_file"]
        if not path.is_file():
            raise GoldError(f"corpus file not found: {path}")
        rec = _corpus_records(path.resolve(), "id").get(ref["id"])
        if rec is None:
            raise GoldError(f"no record with id {ref['id']} in {ref['corpus_file']}")
        return rec["text"], rec.get("title")
    if "corpus_file" in ref and ref["corpus_file"].endswith(".txt"):
        # BBC dataset: title on line 1, a blank line, then the body
        path = shared_dir / "corpus" / ref["corpus_file"]
        if not path.is_file():
            raise GoldError(f"corpus file not found: {path}")
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        return body.strip("\n"), title.strip() or None
    if "corpus_file" in ref and "link" in ref:
        path = shared_dir / "corpus" / ref["corpus_file"]
        if not path.is_file():
            raise GoldError(f"corpus file not found: {path}")
        rec = _corpus_records(path.resolve()).get(ref["link"])
        if rec is None:
            raise GoldError(f"no record with link {ref['link']} in {ref['corpus_file']}")
        return rec["content"], rec.get("title")
    raise GoldError(f"gold line has neither 'seed' nor 'corpus_file'+'link': {sorted(ref)}")


def load_gold(path: str | Path, shared_dir: str | Path | None = None) -> list[GoldDoc]:
    """Every gold document in a JSONL file, with its text read from ``shared_dir``."""
    shared = Path(shared_dir) if shared_dir is not None else default_shared_dir()
    docs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise GoldError(f"{path}:{n}: not JSON ({e.msg})") from None
            try:
                text, title = resolve_text(obj, shared)
            except GoldError as e:
                raise GoldError(f"{path}:{n}: {e}") from None
            docs.append(gold_doc(obj, text, title))
    return docs


def _read_exact(path: Path) -> str:
    """File text with line ends untouched (brat offsets count every character)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _polnear_split(split: str, shared_dir: str | Path | None) -> Path:
    """``<shared>/corpus/attribution/polnear/<split>``, or :class:`GoldError` when absent."""
    shared = Path(shared_dir) if shared_dir is not None else default_shared_dir()
    base = shared / "corpus" / "attribution" / "polnear" / split
    if not base.is_dir():
        raise GoldError(f"PolNeAR split not found: {base}")
    return base


def load_polnear(split: str, shared_dir: str | Path | None = None) -> list[PolnearDoc]:
    """PolNeAR articles of one split (``train``/``dev``/``test``) with gold attributions, one
    annotator per article (the lexicographically first .ann file), sorted by article name."""
    base = _polnear_split(split, shared_dir)
    anns = choose_annotations(p.name for p in (base / "attributions").glob("*.ann"))
    docs = []
    for article, ann_name in sorted(anns.items()):
        text = _read_exact(base / "text" / f"{article}.txt")
        ann = _read_exact(base / "attributions" / ann_name)
        docs.append(read_polnear(article, text, ann))
    return docs


def load_polnear_multi(split: str, shared_dir: str | Path | None = None) -> list[list[PolnearDoc]]:
    """The articles of a PolNeAR split (``train``/``dev``/``test``/``annotator-training``) that
    several people annotated: per article, one :class:`PolnearDoc` per .ann file."""
    base = _polnear_split(split, shared_dir)
    by_article: dict[str, list[Path]] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        by_article.setdefault(p.stem.rpartition("_")[0], []).append(p)
    out = []
    for article, paths in sorted(by_article.items()):
        if len(paths) > 1:
            text = _read_exact(base / "text" / f"{article}.txt")
            out.append([read_polnear(article, text, _read_exact(p)) for p in paths])
    return out


TIER_QUOTES = Path("corpus") / "tiers" / "news_cited_tier_evidence.csv"


def load_tier_quotes(shared_dir: str | Path | None = None) -> list[TierQuote]:
    """The rows of ``<shared>/corpus/tiers/news_cited_tier_evidence.csv``, in file order."""
    shared = Path(shared_dir) if shared_dir is not None else default_shared_dir()
    path = shared / TIER_QUOTES
    if not path.is_file():
        raise GoldError(f"tier evidence file not found: {path}")
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, r in enumerate(csv.DictReader(fh), 2):
            try:
                year = int(r["report_year"]) if (r.get("report_year") or "").strip() else None
                out.append(
                    TierQuote(
                        r["country"].strip(),
                        year,
                        r["tier"].strip(),
                        r.get("evidence_type") or "",
                        r.get("url") or "",
                        r["short_quote"],
                    )
                )
            except (KeyError, ValueError) as e:
                raise GoldError(f"{path}:{n}: bad row ({e})") from None
    return out
