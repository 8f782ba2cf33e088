"""A portfolio no gazetteer lists, written in capitals right before a title that heads a body of
its own, in a story about another country than Pakistan: "Home Affairs Minister X" (Fiji) ->
Ministry of Home Affairs; "Public Administration, Home Affairs and Justice Minister X" (Sri
Lanka) -> Ministry of Public Administration, Home Affairs and Justice; "Labour and Social
Protection Cabinet Secretary X" (Kenya) -> Ministry of Labour and Social Protection. The body is
the title's ``portfolio_body`` (``titles.jsonl``) and the portfolio as written, the form the
title after the name already gets ("Minister for Gender, Labour and Social Development").

Not in Pakistan's stories (its portfolios are listed in ``gazetteers/portfolios.csv``, with their
ministries' real names), nor in a country whose ministers hold portfolios inside departments of
other names (``role_cues.csv`` ``department_country``: "Europe Minister X" in a British story
sits in the Foreign Office, not in a "Ministry of Europe").
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.context import Context

_JOINS = {"and", "&", ","}
_MAX_WORDS = 8


def known_words_portfolio(ctx: Context, t: Span, j: int) -> tuple[str, int] | None:
    """:func:`written_portfolio` when the model named the portfolio as an organisation and a word
    of it is a portfolio's (``portfolio_words.txt``): "National Security Minister X", "Ethiopian
    Federal Affairs Minister X" name a ministry, not a body called "National Security"; tried
    before such an organisation is taken as the title's body ("Hamas Minister X": no portfolio)."""
    found = written_portfolio(ctx, t, j)
    if found is None or ctx.ent(j, "ORG") is None:
        return None
    words = {w.lower_ for w in ctx.doc[found[1] : j + 1]}
    return found if words & ctx.lex.portfolio_words else None


def written_portfolio(ctx: Context, t: Span, j: int) -> tuple[str, int] | None:
    """(body, where its words start) for the capitalised portfolio ending at token ``j`` right
    before the title ``t``, or None."""
    doc, lex = ctx.doc, ctx.lex
    body = lex.info(t.ent_id_).get("portfolio_body")
    if not body or not doc[t.start].is_title or not ctx.abroad():
        return None
    if (ctx.country or "").lower() in lex.skip_words("department_country"):
        return None
    k = j
    while k >= 0 and j - k < _MAX_WORDS:
        if _portfolio_word(ctx, k):
            k -= 1
        elif doc[k].lower_ in _JOINS and k < j and k >= 1 and _portfolio_word(ctx, k - 1):
            k -= 1
        else:
            break
    start = k + 1
    if start > j or doc[start].lower_ in _JOINS:
        return None
    return f"{body} {doc[start : j + 1].text}", start


def _portfolio_word(ctx: Context, k: int) -> bool:
    """A capitalised content word that is no entity but an unlisted ORG or a one-word title
    ("Justice"), no name, place,
    nationality, honorific or word that is no portfolio ("Senior", "Cabinet", "State":
    ``role_cues.csv`` ``not_portfolio``, ``not_written_portfolio``)."""
    tok, lex = ctx.doc[k], ctx.lex
    e = ctx.ent_at.get(k)
    # the model tags portfolio words as ORG or NORP at times ("Fisheries and Forests"): a country's
    # name or its people's word is never one ("Sri Lankan Justice Minister")
    countryish = e is not None and (e.text in lex.demonyms or e.text in lex.demonyms.values())
    return (
        tok.is_title
        and tok.is_alpha
        and not tok.is_stop
        and (
            e is None
            or e.label_ in ("ORG", "NORP")
            or e.label_ == "TITLE"
            and len(e) == 1
            or _listed(ctx, k, e)
        )
        and not countryish
        and k not in ctx.person_tokens
        and (tok.ent_type_ not in ("GPE", "PERSON", "LOC", "DATE") or _listed(ctx, k, e))
        and tok.lower_ not in lex.places
        and tok.text not in lex.demonyms
        and tok.lower_ not in lex.skip_words("not_portfolio")
        and tok.lower_ not in lex.skip_words("not_written_portfolio")
        and (not lex.is_honorific(tok) or e is not None)  # "Justice": a title, not "Dr"
    )


def _listed(ctx: Context, k: int, e: Span | None) -> bool:
    """A word of a portfolio list (``portfolio_words.txt``) the model took for a one-word agency or
    a name, joined to the next portfolio word: "Bangladesh's Labour and Employment Minister" (not
    the Labour Party), "Gender, Labour and Social Development Minister" (no person "Gender")."""
    doc = ctx.doc
    one_word = e is None or len(e) == 1 and e.label_ in ("AGENCY", "PERSON")
    joined = k + 1 < len(doc) and doc[k + 1].lower_ in _JOINS
    return one_word and joined and doc[k].lower_ in ctx.lex.portfolio_words
