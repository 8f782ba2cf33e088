"""Chairs: "led by Senator Faisal Saleem", "under the chairmanship of X", "presided over by its
chairperson X" make X the chairman of the body the sentence names before the cue; "with Senator X
in the chair" after the name (``patterns/role_cues.csv``: ``chair``, ``chair_after``). "the
committee, chaired by X" is the committee the story named, not an agency named before it in the
sentence (``chaired``).
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context


def chair(ctx: Context, span: Span) -> tuple[str, str | None] | None:
    """(title, body) when the name chairs a meeting, else None."""
    doc = ctx.doc
    i = _before_titles(ctx, span)
    cues = [(i + 1 - len(toks), toks, title) for toks, title in ctx.lex.chairs]
    cues += [
        (span.start, toks, title)
        for toks, title in ctx.lex.chairs_after
        if tuple(t.lower_ for t in doc[span.end : span.end + len(toks)]) == toks
    ]
    for start, toks, title in cues:
        if start >= 0 and (start == span.start or tuple(t.lower_ for t in doc[start : i + 1]) == toks):
            return title, _chaired_body(ctx, span, start)
    return None


def _before_titles(ctx: Context, span: Span) -> int:
    """The token before the name's honorifics and titles: "presided over by [its chairperson] X"."""
    doc, ent_at = ctx.doc, ctx.ent_at
    i = span.start - 1
    while i >= 0 and (
        ctx.lex.is_honorific(doc[i])
        or (i in ent_at and ent_at[i].label_ == "TITLE")
        or (doc[i].lower_ in ("its", "the", "their") and i + 1 in ent_at and ent_at[i + 1].label_ == "TITLE")
    ):
        i = ent_at[i].start - 1 if i in ent_at and ent_at[i].label_ == "TITLE" else i - 1
    return i


def _chaired_body(ctx: Context, span: Span, start: int) -> str | None:
    """The agency named last before the cue in the sentence; after "the committee, chaired by",
    or none there: the legislative body the story named last ("The meeting, presided over by X":
    meetings chaired in these stories are committee meetings)."""
    doc, sent = ctx.doc, span.sent
    k = start - 1 if start > 0 and doc[start - 1].text != "," else start - 2
    if k >= sent.start and doc[k].lower_ in ctx.lex.chaired and k not in ctx.ent_at:
        k = sent.start - 1  # "X informed the committee, chaired by Y": not X's agency
    for k in range(k, sent.start - 1, -1):  # noqa: B020
        e = ctx.ent(k, "AGENCY")
        if e is not None:
            return ent_name(e)
    kinds = doc.user_data.get(AGENCY_INFO, {})
    before = [
        e
        for e in doc.ents
        if e.label_ == "AGENCY"
        and e.end <= sent.start
        and kinds.get(ent_name(e), {}).get("kind") == "legislature"
    ]
    return ent_name(before[-1]) if before else None
