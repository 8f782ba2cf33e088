"""PolNeAR (brat standoff) attributions as gold, and span-level attribution scoring.

Pure: :func:`read_polnear` takes the article text and the .ann text; file access lives in
``flows/gold.py``.

Format (corpus README): ``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<surface>`` text
spans (0-based, end exclusive; discontinuous spans list several pairs; the surface may run over
several physical lines, so any line that does not start a ``T``/``E``/``#`` record continues the
previous one); ``E<n>\\t<Trigger>:T.. Source:T.. Cue:T.. Content:T.. [Content2:T..]`` relations
(roles in any order; ``Source`` missing for ``Attribution-no-source``; one Source may be shared by
several relations); ``#`` notes and ``Discuss``/``Discard`` spans are ignored.

Scoring (:func:`score_attributions`): a span is the set of positions of its alphanumeric
characters, so whitespace, quotes and punctuation at the edges or inside never decide a match
("he said," = "he said"; a cue that is only punctuation, such as a colon, is not scored). A
predicted content span loses the positions of its own speaker and cue, so one start/end can cover
a quote interrupted by its attribution (:func:`join_continued` makes one prediction of the two
claims the news guideline gives a quote continued after its attribution). *Strict*: equal position sets. *Overlap*: any shared
position (the lenient "any overlap" of the PARC/PolNeAR literature). Gold and predicted
attributions are matched one-to-one per article (best Jaccard first, then by order), each field
separately:

* ``source_strict`` / ``source_overlap`` over attributions that have a source (gold) or a
  speaker span (predicted);
* ``cue_strict`` / ``cue_overlap`` and ``content_strict`` / ``content_overlap`` over all
  attributions (``Content2`` joins ``Content``);
* ``attribution``: content overlap and source overlap in the same pair (or neither has a source).

Offsets must point into the raw article text; :func:`to_raw_offsets` moves predictions made on
the pipeline's normalised text (``extractors.parse.documents.normalize_text``) back onto it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from extractors.evaluation.scores import FieldScore, Report, match

Fragments = tuple[tuple[int, int], ...]

_RECORD = re.compile(r"^(?:T\d+|E\d+|#\d+)\t")
_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


@dataclass(frozen=True)
class Attribution:
    """One gold attribution relation; spans as (start, end) fragments, empty when absent."""

    source: Fragments
    cue: Fragments
    content: Fragments
    source_id: str | None = None  # T id, shared by relations that share a source
    source_text: str = ""
    cue_text: str = ""
    content_text: str = ""

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content) if self.content else -1


@dataclass(frozen=True)
class PolnearDoc:
    name: str
    text: str
    attributions: tuple[Attribution, ...]


class PolnearError(ValueError):
    """A .ann file that does not fit its text or the format."""


def choose_annotations(ann_names: Iterable[str]) -> dict[str, str]:
    """One .ann file name per article: the lexicographically first (``<article>_<annotator>.ann``)."""
    out: dict[str, str] = {}
    for name in sorted(ann_names):
        m = _ANN_NAME.match(name)
        if m and m["article"] not in out:
            out[m["article"]] = name
    return out


def parse_ann(ann: str) -> tuple[dict[str, tuple[str, Fragments, str]], list[dict[str, list[str]]]]:
    """Spans ``{T id: (label, fragments, surface)}`` and relations ``[{role: [T ids]}]`` in file
    order. The trigger role (``Attribution``/``Attribution-no-source``) is kept under its name."""
    records: list[list[str]] = []
    for line in ann.split("\n"):
        if _RECORD.match(line) or not records:
            records.append([line])
        else:
            records[-1].append(line)
    spans: dict[str, tuple[str, Fragments, str]] = {}
    relations: list[dict[str, list[str]]] = []
    for rec in records:
        first = rec[0]
        if not first.strip() and len(rec) == 1:
            continue
        parts = first.split("\t", 2)
        rid = parts[0]
        if rid.startswith("T"):
            if len(parts) < 2:
                raise PolnearError(f"malformed span record: {first[:60]!r}")
            label, _, offsets = parts[1].partition(" ")
            frags = []
            for piece in offsets.split(";"):
                a, b = piece.split()
                frags.append((int(a), int(b)))
            surface = "\n".join([parts[2] if len(parts) > 2 else ""] + rec[1:])
            spans[rid] = (label, tuple(frags), surface)
        elif rid.startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                roles.setdefault(role, []).append(tid)
            relations.append(roles)
    return spans, relations


def _surface(text: str, frags: Fragments) -> str:
    return " ".join(text[a:b] for a, b in frags)


def read_polnear(name: str, text: str, ann: str, *, check: bool = True) -> PolnearDoc:
    """Gold attributions of one article from its text and one annotator's .ann text.

    With ``check``, every span's surface text must equal the text at its offsets (fragments
    joined by one space), else :class:`PolnearError`.
    """
    spans, relations = parse_ann(ann)
    if check:
        for tid, (label, frags, surface) in spans.items():
            if _surface(text, frags).rstrip("\n") != surface.rstrip("\n"):
                raise PolnearError(f"{name}: {tid} {label} surface does not match the text at {frags}")

    def frags_of(roles: Mapping[str, list[str]], *names: str) -> tuple[Fragments, str | None]:
        out: list[tuple[int, int]] = []
        first = None
        for n in names:
            for tid in roles.get(n, ()):
                if tid not in spans:
                    raise PolnearError(f"{name}: relation refers to unknown span {tid}")
                first = first or tid
                out.extend(spans[tid][1])
        return tuple(sorted(out)), first

    atts = []
    for roles in relations:
        source, sid = frags_of(roles, "Source")
        cue, _ = frags_of(roles, "Cue")
        content, _ = frags_of(roles, "Content", "Content2")
        atts.append(
            Attribution(
                source=source,
                cue=cue,
                content=content,
                source_id=sid,
                source_text=_surface(text, source),
                cue_text=_surface(text, cue),
                content_text=_surface(text, content),
            )
        )
    atts.sort(key=lambda a: (a.start, a.cue))
    return PolnearDoc(name, text, tuple(atts))


# --------------------------------------------------------------------------------------------
# scoring

PN_FIELDS = (
    "source_strict",
    "source_overlap",
    "cue_strict",
    "cue_overlap",
    "content_strict",
    "content_overlap",
    "attribution",
)


def positions(text: str, frags: Iterable[tuple[int | None, int | None]]) -> frozenset[int]:
    """Positions of the alphanumeric characters inside the fragments (whitespace, quotes and
    punctuation do not count, so "he said," and "he said" are the same span)."""
    out: set[int] = set()
    for a, b in frags:
        if a is None or b is None:
            continue
        out.update(i for i in range(max(0, a), min(len(text), b)) if text[i].isalnum())
    return frozenset(out)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / len(a | b) if inter else 0.0


def _pred_spans(text: str, p: Mapping) -> dict[str, frozenset[int]]:
    source = positions(text, [(p.get("speaker_start"), p.get("speaker_end"))])
    cue = positions(text, [(p.get("cue_start"), p.get("cue_end"))])
    # A predicted content is one start/end; a quote interrupted by its own attribution ("A," he
    # said, "B") then covers the speaker and cue too: those positions are not content.
    content = positions(text, [(p.get("start"), p.get("end"))]) - source - cue
    return {"source": source, "cue": cue, "content": content}


def _gold_spans(text: str, g: Attribution) -> dict[str, frozenset[int]]:
    return {
        "source": positions(text, g.source),
        "cue": positions(text, g.cue),
        "content": positions(text, g.content),
    }


def score_attributions(gold: Sequence[PolnearDoc], predicted: Sequence[Sequence[Mapping]]) -> Report:
    """Span F1 of predicted claims (dicts with ``speaker_start``/``speaker_end``,
    ``cue_start``/``cue_end``, ``start``/``end`` for the content) against PolNeAR gold; the two
    lists are parallel, one entry per article."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold documents but {len(predicted)} predicted")
    totals = {f: FieldScore(f) for f in PN_FIELDS}
    for doc, preds in zip(gold, predicted):
        gs = [_gold_spans(doc.text, g) for g in doc.attributions]
        ps = [_pred_spans(doc.text, p) for p in preds]
        for part in ("source", "cue", "content"):
            gi = [i for i, g in enumerate(gs) if g[part]]
            pj = [j for j, p in enumerate(ps) if p[part]]
            gl, pl = [gs[i][part] for i in gi], [ps[j][part] for j in pj]
            strict = match(gl, pl, lambda a, b: float(a == b))
            overlap = match(gl, pl, _jaccard)
            for name, pairs in ((f"{part}_strict", strict), (f"{part}_overlap", overlap)):
                totals[name] = totals[name] + FieldScore(
                    name, len(pairs), len(pl) - len(pairs), len(gl) - len(pairs)
                )

        def sim(g: dict, p: dict) -> float:
            c = _jaccard(g["content"], p["content"])
            if not c:
                return 0.0
            if not g["source"] and not p["source"]:
                return c
            s = _jaccard(g["source"], p["source"])
            return (c + s) / 2 if s else 0.0

        pairs = match(gs, ps, sim)
        totals["attribution"] = totals["attribution"] + FieldScore(
            "attribution", len(pairs), len(ps) - len(pairs), len(gs) - len(pairs)
        )
    return Report(tuple(totals[f] for f in PN_FIELDS), len(gold))


_OFFSET_KEYS = (("speaker_start", "speaker_end"), ("cue_start", "cue_end"), ("start", "end"))


def offset_map(raw: str, stored: str) -> list[tuple[int, int]]:
    """For every character of ``stored``, the [start, end) range of ``raw`` it came from.

    ``stored`` is ``raw`` after a normalisation that deletes characters (soft hyphens,
    zero-width characters, \\r), folds whitespace runs, strips lines, inserts line breaks (a
    "HEADING: text" opening split into two paragraphs) and applies NFC, as
    ``extractors.parse.documents.normalize_text`` does; the pipeline reports offsets into ``stored``
    while PolNeAR's point into ``raw``. Characters are aligned greedily left to right; a character
    of ``stored`` that cannot be found is mapped to the end of ``raw``.
    """
    out: list[tuple[int, int]] = []
    j = 0
    for ch in stored:
        width = 0
        if (
            ch.isspace()
            and j < len(raw)
            and raw[j] != ch
            and not raw[j].isspace()
            and unicodedata.category(raw[j]) != "Cf"
        ):
            # whitespace the normaliser inserted ("HUFFPOLLSTER: A …" stored as a heading line and
            # a paragraph): it has no raw character; scanning ahead for one would lose the alignment
            out.append((j, j))
            continue
        while j < len(raw):
            if raw[j] == ch or (raw[j].isspace() and ch.isspace()):
                width = 1
                break
            # NFC composed a base letter and its combining marks into one character
            width = next((k for k in (2, 3) if unicodedata.normalize("NFC", raw[j : j + k]) == ch), 0)
            if width:
                break
            j += 1
        out.append((min(j, len(raw)), min(j + width, len(raw))))
        j += width
    return out


def join_continued(preds: Sequence[Mapping]) -> list[dict]:
    """Predicted claims as PolNeAR relations (one per cue): claims with the same speaker and cue
    spans are one relation whose content runs from the first to the last of them (the scorer
    leaves out the speaker and cue inside it). The news guideline gives a quote continued after
    its attribution ("“A,” he said. “B.”") or reopened in its paragraph ("X said: “A. “B.”") a
    claim of its own; PolNeAR annotates one relation with a discontinuous content."""
    out: list[dict] = []
    for p in preds:
        key = _speaker_cue(p)
        same = next((o for o in out if key is not None and _speaker_cue(o) == key), None)
        if same is None:
            out.append(dict(p))
        else:
            same["start"], same["end"] = min(same["start"], p["start"]), max(same["end"], p["end"])
    return out


def _speaker_cue(p: Mapping) -> tuple | None:
    key = tuple(p.get(k) for k in ("speaker_start", "speaker_end", "cue_start", "cue_end"))
    return None if key[2] is None or p.get("start") is None else key


def to_raw_offsets(preds: Iterable[Mapping], raw: str, stored: str) -> list[dict]:
    """Predicted claims with their offsets moved from the pipeline's stored text to ``raw``."""
    if raw == stored:
        return [dict(p) for p in preds]
    m = offset_map(raw, stored)
    n = len(stored)
    out = []
    for p in preds:
        q = dict(p)
        for a, b in _OFFSET_KEYS:
            s, e = p.get(a), p.get(b)
            if s is None or e is None:
                continue
            s, e = max(0, min(s, n)), max(0, min(e, n))
            q[a] = m[s][0] if s < n else len(raw)
            q[b] = m[e - 1][1] if e > s else q[a]
        out.append(q)
    return out


def gold_as_predictions(doc: PolnearDoc) -> list[dict]:
    """Gold attributions in the predicted-claim shape (outer bounds of each span), for sanity
    checks and for scoring one annotator against another."""

    def bounds(frags: Fragments) -> tuple[int | None, int | None]:
        return (min(a for a, _ in frags), max(b for _, b in frags)) if frags else (None, None)

    out = []
    for a in doc.attributions:
        ss, se = bounds(a.source)
        cs, ce = bounds(a.cue)
        s, e = bounds(a.content)
        out.append(
            {"speaker_start": ss, "speaker_end": se, "cue_start": cs, "cue_end": ce, "start": s, "end": e}
        )
    return out


def annotator_pairs(versions: Sequence[Sequence[PolnearDoc]]) -> tuple[list[PolnearDoc], list[list[dict]]]:
    """Human agreement as a scoring problem: for each article annotated by several people (one
    list of :class:`PolnearDoc` per article, one per annotator), every ordered pair (A as gold,
    B as prediction). Feed the result to :func:`score_attributions` to score annotators against
    each other with the scorer used for the pipeline, so the two figures compare directly."""
    gold: list[PolnearDoc] = []
    predicted: list[list[dict]] = []
    for docs in versions:
        for a in docs:
            for b in docs:
                if a is not b:
                    gold.append(a)
                    predicted.append(gold_as_predictions(b))
    return gold, predicted
