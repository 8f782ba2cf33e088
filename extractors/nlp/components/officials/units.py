"""A body named after a title's "of/for (the)" by a generic word of it ("the chairman of the
committee") or past a unit of it ("Country Director of the Bangladesh branch of … Justice & Care"):
the unit folds into the body (models/gold/README.md: sub-units fold into the parent).
"""

from __future__ import annotations

from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context


def unit_of_body(ctx: Context, i: int) -> tuple[str, int] | None:
    """A unit of a body between the title's "of/for" and the body: "Country Director of the
    Bangladesh branch of non-governmental organization Justice & Care", "director of debate at
    the University of Michigan", "Director General of Protocol at the Foreign Office": up to four
    words of the unit right after the title's "of/for (the)", "of/at/for", then the body (an agency
    or organisation) past "the" and up to three lower-case words describing it (a hyphenated word
    counts once); a sub-unit folds into its body."""
    doc, j = ctx.doc, i
    k = i - 1 - (i >= 2 and doc[i - 1].lower_ == "the")
    if k < 0 or doc[k].lower_ not in ("of", "for"):
        return None  # right after the title's "of (the)": not "…, as well as officials of the X"
    while j < min(i + 5, len(doc)) and doc[j].lower_ not in ("of", "at", "for"):
        e = ctx.ent_at.get(j)
        if (
            not (doc[j].is_alpha or doc[j].text == "-")
            or doc[j].is_stop
            or j in ctx.person_tokens
            or e is not None
            and e.label_ not in ("GPE", "NORP")
        ):
            return None
        j += 1
    if j == i or j >= min(i + 5, len(doc)):
        return None
    return _body_past_description(ctx, j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ in ("the", "a", "an")))


def _body_past_description(ctx: Context, k: int) -> tuple[str, int] | None:
    """(body, end) of an agency or organisation at ``k`` or past up to three lower-case words
    describing it ("non-governmental organization Justice & Care": a hyphenated word is one)."""
    doc, words = ctx.doc, 0
    while words < 4:
        e = ctx.ent(k, "AGENCY", "ORG") if k < len(doc) else None
        if e is not None and e.start == k:
            return ent_name(e), e.end
        if k + 1 < len(doc) and doc[k].text == "-" and k > 0 and doc[k - 1].is_lower:
            k += 1  # a hyphenated describing word ("non-governmental organization") is one word
            continue
        if k >= len(doc) or not doc[k].is_lower or not doc[k].is_alpha or k in ctx.ent_at:
            return None
        k += 1
        words += 1
    return None


def acronym_after(ctx: Context, i: int, t_end: int, tid: str) -> tuple[str, int] | None:
    """(acronym, end) of an acronym no entity covers right after the title of a body's head
    (``titles.jsonl`` ``body_head``) or after its "of (the)" or comma: "Israr Mohammad Khan, Director
    General NCRD", "Director General of SESRIC", "Director General of WWF-Pakistan": the body as
    written; the parent when an acronym or agency follows ("Chairman BOG ISSI": the board is
    ISSI's). Not a country's, a province's or a name's, nor after the title of a unit's head
    (``unit_head``: "Director CAMEA" heads a centre of the body the story is about)."""
    doc, info = ctx.doc, ctx.lex.info(tid)
    if not info.get("body_head") or info.get("unit_head") or not _bare_acronym(ctx, i):
        return None
    links = [t.lower_ for t in doc[t_end:i]]
    if links not in ([], ["of"], ["of", "the"], [","]):
        return None
    end = i + 1
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_title and doc[end + 1].is_alpha:
        return doc[i : end + 2].text, end + 2  # "WWF-Pakistan"
    parent = ctx.ent(end, "AGENCY")
    if parent is not None and parent.start == end:
        return ent_name(parent), parent.end
    if end < len(doc) and _bare_acronym(ctx, end):
        return doc[end].text, end + 1
    return doc[i].text, end


def _bare_acronym(ctx: Context, i: int) -> bool:
    """An acronym (2-6 capitals) at ``i`` that no entity, name, country or province covers."""
    tok = ctx.doc[i]
    return (
        tok.is_upper
        and tok.is_alpha
        and 2 <= len(tok) <= 6
        and i not in ctx.ent_at
        and i not in ctx.person_tokens
        and tok.ent_type_ not in ("GPE", "NORP")
        and tok.text not in ctx.lex.demonyms
        and tok.lower_ not in ctx.lex.province_of
        and not ctx.lex.is_honorific(tok)
    )


def named_after_link(ctx: Context, i: int, t_end: int, tid: str) -> tuple[str, int] | None:
    """(body, end) of a body at token ``i`` past the title's link words: a generic word for the
    body named before (``_named_before``), a unit of a named body (``unit_of_body``) or an acronym
    no entity covers (``acronym_after``); a unit also right after a title that ends in its "of"
    ("head of sales at Insight Securities")."""
    return (
        _named_before(ctx, i, t_end)
        or (unit_of_body(ctx, i) if i > t_end or ctx.doc[i - 1].lower_ in ("of", "for") else None)
        or acronym_after(ctx, i, t_end, tid)
    )


def _named_before(ctx: Context, i: int, t_end: int) -> tuple[str, int] | None:
    """ "X, the chairman of the committee": the body named before the title whose name has the
    generic word ("the committee" -> National Committee to Combat Human Trafficking)."""
    doc, tok = ctx.doc, ctx.doc[i]
    if i <= t_end or not tok.is_lower or tok.lower_ not in ctx.lex.org_words or doc[i - 1].lower_ != "the":
        return None
    for k in range(t_end - 1, -1, -1):
        x = ctx.ent(k, "AGENCY")
        if x is not None and tok.lower_ in ent_name(x).lower().split():
            return ent_name(x), i + 1
    return None
