"""Gold documents: one annotated article, its text, and where each gold span sits in that text.

Contract: :func:`gold_doc` builds a :class:`GoldDoc` from one parsed gold JSONL line and the
article text (reading files is ``flows/gold.py``'s job); :func:`locate` finds a gold string in the
raw text comparing both normalised (:func:`~extractors.evaluation.keys.normalize`), and
:func:`missing_spans` lists the gold strings the text does not hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extractors.evaluation.keys import CHAR_MAP, normalize

__all__ = ["TABLES", "GoldDoc", "gold_doc", "locate", "missing_spans"]

TABLES = ("officials", "agencies", "tier_placements", "claims")


@dataclass(frozen=True)
class GoldDoc:
    """One gold-annotated article: where it comes from, its text, and the expected rows."""

    ref: Mapping[str, str]  # {"corpus_file": ..., "link": ...} or {"seed": ...}
    text: str
    title: str | None = None
    officials: tuple[dict, ...] = ()
    agencies: tuple[dict, ...] = ()
    tier_placements: tuple[dict, ...] = ()
    claims: tuple[dict, ...] = ()

    @property
    def key(self) -> str:
        return self.ref.get("link") or self.ref.get("seed") or str(dict(self.ref))


def _normalized_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` as :func:`normalize` sees it (without NFC and the final strip), and for every
    character of the result its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        t = ch.translate(CHAR_MAP)
        if not t:
            continue
        if t.isspace():
            if out and out[-1] == " ":
                continue
            t = " "
        out.append(t)
        where.append(i)
    return "".join(out), where


def locate(text: str, span: str | None, *, near: int | None = None) -> tuple[int, int] | None:
    """Character offsets (start, end exclusive) of ``span`` in the raw ``text``, comparing both
    normalised (soft hyphens, quotes, whitespace); the occurrence closest to ``near`` when given,
    else the first. None when absent."""
    needle = normalize(span)
    if not needle:
        return None
    hay, where = _normalized_with_map(text)
    hits = []
    i = hay.find(needle)
    while i >= 0:
        hits.append(i)
        i = hay.find(needle, i + 1)
    if not hits:
        return None
    i = min(hits, key=lambda h: (abs(where[h] - near), h)) if near is not None else hits[0]
    return where[i], where[i + len(needle) - 1] + 1


def gold_doc(obj: Mapping[str, Any], text: str, title: str | None = None) -> GoldDoc:
    """A :class:`GoldDoc` from one parsed gold JSONL line and the article text it refers to.

    Claims get character offsets into ``text`` (which the file does not store): ``start``/``end``
    for the content (first occurrence) and ``cue_start``/``cue_end`` for the occurrence of the cue
    nearest to it; None where a string is not found.
    """
    ref = {k: obj[k] for k in ("corpus_file", "link", "seed") if k in obj}
    tables = {t: tuple(dict(r) for r in obj.get(t, ())) for t in TABLES}
    for c in tables["claims"]:
        content = locate(text, c.get("content"))
        c["start"], c["end"] = content or (None, None)
        cue = locate(text, c.get("cue"), near=content[0] if content else None)
        c["cue_start"], c["cue_end"] = cue or (None, None)
    return GoldDoc(ref=ref, text=text, title=title, **tables)


def missing_spans(doc: GoldDoc) -> list[str]:
    """Gold cue/content strings that do not occur in the document's normalised text."""
    text = normalize(doc.text)
    out = []
    for c in doc.claims:
        for f in ("cue", "content"):
            v = c.get(f)
            if v and normalize(v) not in text:
                out.append(f"{f}: {v!r}")
    return out
