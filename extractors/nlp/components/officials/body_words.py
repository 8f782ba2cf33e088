"""A body named before a title by one word of its name: an organisation word ("Committee chairman
X", "the agency's Director General") or a domain word ("Immigration Commissioner X" in a story that
names the Bureau of Immigration). Functions of a ``Context``; ``None`` when no body can be told.
"""

from __future__ import annotations

from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context


def body_word(ctx: Context, j: int) -> str | None:
    """ "Committee chairman X", "the commission spokesman": a bare body word alone before the
    title stands for the body named before whose name has that word."""
    doc, word = ctx.doc, ctx.doc[j].lower_
    if word not in ctx.lex.org_words or j in ctx.ent_at:
        return None
    if j > 0 and not doc[j].is_sent_start and doc[j - 1].lower_ != "the":
        return None  # "Senate Committee chairman": a longer name
    return next(
        (
            ent_name(x)
            for k in range(j - 1, -1, -1)
            if (x := ctx.ent(k, "AGENCY")) is not None and word in ent_name(x).lower()
        ),
        None,
    )


def possessor(ctx: Context, j: int) -> str | None:
    """ "the agency's Director General", "commission's chief executive officer": the agency named
    before whose name has that word, else the document's most mentioned agency."""
    word = ctx.doc[j - 1].lower_
    if word not in ctx.lex.org_words:
        return None
    for k in range(j - 2, -1, -1):
        x = ctx.ent(k, "AGENCY")
        if x is not None and word in ent_name(x).lower():
            return ent_name(x)
    if ctx.agency_count:
        return ctx.agency_count.most_common(1)[0][0]
    return None


def domain_word(ctx: Context, j: int) -> tuple[str, int] | None:
    """ "Immigration Commissioner X", "Immigration director-general X": a capitalised word alone
    before the title (no entity, no longer name before it) that is a word of the name of exactly
    one agency the story names is that agency; tried after every other body before a title."""
    doc, tok = ctx.doc, ctx.doc[j]
    if not (tok.is_title and tok.is_alpha and not tok.is_stop) or j in ctx.ent_at or j in ctx.person_tokens:
        return None
    if tok.ent_type_ in ("PERSON", "GPE", "NORP", "LOC") or ctx.lex.is_honorific(tok):
        return None
    if tok.lower_ in ctx.lex.province_of or tok.lower_ in ctx.lex.places:
        return None  # "Sindh Minister for Health": a province's office, not a body named by a word
    if j > 0 and doc[j - 1].is_title and not doc[j].is_sent_start:
        return None  # "Senate Committee chairman": a longer name the rules do not know
    word = tok.lower_
    bodies = {
        ent_name(e)
        for e in doc.ents
        if e.label_ == "AGENCY" and word in ent_name(e).lower().replace("-", " ").split()
    }
    return (bodies.pop(), j) if len(bodies) == 1 else None


def title_acronym(ctx: Context, e) -> bool:
    """Entity ``e`` is the acronym of the title written right before its bracket, no body:
    "Commissioner of Police (COP) X", "Assistant Commissioner of Police (ACP) X" (the initials of
    every word, or of the words but "of/for/the/and")."""
    doc = ctx.doc
    if len(e) != 1 or e.start < 2 or not in_brackets(doc, e.start):
        return False
    t = ctx.ent(e.start - 2, "TITLE")
    if t is None:
        return False
    words = [w for w in doc[ctx.lex.qualifier_start(doc, t.start) : t.end] if w.is_alpha]
    every = "".join(w.text[0] for w in words).upper()
    content = "".join(w.text[0] for w in words if w.lower_ not in ("of", "for", "the", "and")).upper()
    return e.text.upper() in (every, content)


def in_brackets(doc, i: int) -> bool:
    """Token ``i`` stands alone in round brackets: "(COP)"."""
    return 1 <= i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"
