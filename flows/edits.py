"""Follow a document through its edits in a diff: an edited article is a new *version* of the same
document (same source, new content hash), so its rows are changes, not removals and additions.

A row's id is content-derived from the document's hash and offsets, so every row of an edited
article gets a new id. :func:`follow_edits` pairs each removed row of the old version with the added
row of the new version at the same place: the old span is carried through the text edit
(:func:`offset_map`, a character alignment of the two texts) and the added row of the same table
overlapping it most is its new self. A pair whose values differ only in where they sit (ids,
offsets) is no change at all and leaves the diff; otherwise it becomes a ``changed`` row with its
field-level changes (old and new evidence among them). Documents and texts pair by source.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from difflib import SequenceMatcher

from extractors.records import TABLES

# Columns that only say where a row sits: they move with any edit before the row.
PLACEMENT = frozenset(
    ("id", "doc_id", "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")
)
# Aligning two versions is quadratic in the worst case: longer texts pair rows by their values only.
MAX_ALIGN_CHARS = 200_000


def edited(sources_a: Mapping[str, str], sources_b: Mapping[str, str]) -> dict[str, str]:
    """old doc_id -> new doc_id for every source whose content changed between the runs."""
    by_source = {}
    for doc, src in sources_b.items():
        by_source.setdefault(src, []).append(doc)
    out = {}
    for doc, src in sources_a.items():
        new = [d for d in by_source.get(src, []) if d != doc and d not in sources_a]
        if len(new) == 1:
            out[doc] = new[0]
    return out


def offset_map(old: str, new: str) -> Callable[[int], int]:
    """A function taking an offset in ``old`` to the same place in ``new`` (inside a replaced
    stretch: its start in ``new``)."""
    if len(old) > MAX_ALIGN_CHARS or len(new) > MAX_ALIGN_CHARS:
        return lambda i: i
    blocks = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    starts = [b[1] for b in blocks]

    def move(i: int) -> int:
        tag, i1, _, j1, j2 = blocks[max(bisect_right(starts, i) - 1, 0)]
        return j1 + (i - i1) if tag == "equal" else j1 if tag != "insert" else j2

    return move


def best_pair(old: dict, candidates: list, move: Callable[[int], int] | None, used: set[int], table: str):
    """Of ``candidates`` (added rows of the new version, objects with ``.row``, none of whose
    ``id()`` is in ``used``), the one that is ``old`` after the edit, or None."""
    summary = TABLES[table].summary
    same = [c for c in candidates if id(c) not in used]
    if "label" in old:  # a mention stays the same kind of thing (a PERSON never becomes a TITLE)
        same = [c for c in same if c.row.get("label") == old["label"]]
    if old.get("start") is None or move is None:  # documents, texts, rows without offsets
        hits = [c for c in same if all(c.row.get(k) == old.get(k) for k in summary)] or (
            same if len(same) == 1 else []
        )
        return hits[0] if hits else None
    lo, hi = move(old["start"]), move(old["end"])
    best, best_score = None, 0.0
    for c in same:
        s, e = c.row.get("start"), c.row.get("end")
        if s is None or e is None:
            continue
        overlap = min(hi, e) - max(lo, s)
        if overlap <= 0 and not (lo == hi == s):
            continue
        agree = sum(c.row.get(k) == old.get(k) for k in summary)
        score = agree + max(overlap, 0) / max(e - s, hi - lo, 1)
        if score > best_score:
            best, best_score = c, score
    return best
