"""The ministry a minister's portfolio names when no gazetteer knows the portfolio: the document's
ministry that has a word of the portfolio written at the title ("gender Minister X" in a story
naming the gender ministry; "State Minister for Labour and Industrial Relations, X" in one naming
the Ministry of Gender, Labour and Social Development; "Minister of State for Criminal and Civil
Justice X" in one naming the Department of Justice). The body the role belongs to is the one the
story names (models/gold/README.md: the organisation is the canonical name of the role's body).
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.canonical import named_agencies
from extractors.nlp.components.officials.context import Context

_BEFORE = 3  # portfolio words written right before the title ("Labour and Social Protection")
_AFTER = 7  # and after its "for/of"


def named_ministry(ctx: Context, span: Span, tspan: Span) -> str | None:
    """The first government agency the document names whose name starts or ends with a ministry
    word (``role_cues.csv`` ``ministry_head``) and holds a key word of the portfolio written at the
    title ``tspan`` of the name ``span``, for a title that heads a ministry (``titles.jsonl``
    ``named_ministry``); None otherwise."""
    if not ctx.lex.info(tspan.ent_id_).get("named_ministry"):
        return None
    keys = _portfolio_keys(ctx, span, tspan)
    if not keys:
        return None
    heads = ctx.lex.skip_words("ministry_head")
    for name, info, words in named_agencies(ctx.doc):
        if info.get("kind", "government") != "government" or not words:
            continue
        if (words[0] in heads or words[-1] in heads) and keys & set(words):
            return name
    return None


def _portfolio_keys(ctx: Context, span: Span, tspan: Span) -> set[str]:
    """Content words of the portfolio written right before the title ("gender Minister") and after
    its "for/of" up to the name or a comma ("Minister for Labour and Industrial Relations")."""
    doc, sent = ctx.doc, tspan.sent
    words = []
    k = tspan.start - 1
    while k >= max(sent.start, tspan.start - _BEFORE) and _word(ctx, k):
        words.append(doc[k])
        k -= 1
    if tspan.end < sent.end and doc[tspan.end].lower_ in ("for", "of"):
        k = tspan.end + 1
        while k < min(sent.end, tspan.end + 1 + _AFTER, span.start if span.start > tspan.end else len(doc)):
            if not _word(ctx, k):
                break
            words.append(doc[k])
            k += 1
    stop = ctx.lex.skip_words("not_portfolio_key")
    return {w.lower_ for w in words if not w.is_stop and len(w) >= 4 and w.lower_ not in stop}


def _word(ctx: Context, k: int) -> bool:
    """A word a portfolio can hold: no name, stop word (but "and"), place or other entity than an
    unlisted ORG or a title word ("Justice")."""
    tok, e = ctx.doc[k], ctx.ent_at.get(k)
    if not tok.is_alpha or k in ctx.person_tokens or tok.is_stop and tok.lower_ != "and":
        return False
    return e is None or e.label_ in ("ORG", "TITLE") and len(e) <= 4
