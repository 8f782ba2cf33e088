"""A title's body written where ``orgs`` does not look: a possessive pronoun for the agency the
text named just before ("The Immigration Department has rescued six women … Its director-general,
Datuk Ruslin Jusoh, said" -> Immigration Department), and a portfolio written in capitals after a
title that heads a body of its own when no entity covers it and the story names the body ("Meng
Jianzhu, Minister of Public Security, said" -> Ministry of Public Security); and the police after
the title's link (``forces.force_after``). Tried before the bodies a title only implies.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context
from extractors.nlp.components.officials.forces import force_after

_JOINS = ("and", "&")
_MAX_WORDS = 5
_OWN_BODY = ("org_kind", "portfolio_body", "seat", "no_org", "organisation", "mission")


def written_body(ctx: Context, tspan: Span | None) -> str | None:
    """The body of the title ``tspan`` written by a pronoun before it, or a capitalised portfolio or
    the police after it; ``None`` when none is."""
    if tspan is None:
        return None
    return pronoun_body(ctx, tspan) or capitalised_portfolio(ctx, tspan) or force_after(ctx, tspan.end)


def pronoun_body(ctx: Context, tspan: Span) -> str | None:
    """ "Its director-general, X": a possessive pronoun (``role_cues.csv`` ``owner_pronoun``) right
    before the title (past its qualifiers: "its acting director") stands for the agency named last
    before it, in its sentence or the one before. ``None`` when the entity named last is no agency
    (a country, a company, a person: "… met a company, Medikon. Its director X" is Medikon's)."""
    doc = ctx.doc
    k = ctx.lex.qualifier_start(doc, tspan.start) - 1
    if k < 0 or doc[k].lower_ not in ctx.lex.skip_words("owner_pronoun"):
        return None
    first = _previous_sentence_start(doc, k)
    for i in range(k - 1, first - 1, -1):
        if i in ctx.person_tokens:
            return None
        e = ctx.ent_at.get(i)
        if e is None:
            continue
        if e.label_ == "AGENCY":
            return ent_name(e)
        if e.label_ in ("ORG", "GPE", "NORP", "PERSON"):
            return None
    return None


def opening_title_body(ctx: Context, tspan: Span | None) -> str | None:
    """ "… stopped by officers from the Bureau of Immigration (BI). Commissioner Norman Tansingco
    disclosed …": a title that opens its sentence, names no body and implies none takes the
    government agency the sentence before named, when that is the only agency the text has named so
    far and the title's own sentence names none. Not a weak title, one with a kind, portfolio or seat
    of its own, nor an office with no body (a wider version, any title after any one agency, was
    wrong on about half of 85 rows in 1,648 unannotated texts: "Minister Ahsan Iqbal" after ISPR)."""
    if tspan is None:
        return None
    doc, sent, info = ctx.doc, tspan.sent, ctx.lex.info(tspan.ent_id_)
    if ctx.lex.is_weak(tspan.ent_id_) or any(info.get(k) for k in _OWN_BODY):
        return None
    if ctx.lex.qualifier_start(doc, tspan.start) != sent.start or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    so_far = {ent_name(e) for e in doc.ents if e.label_ == "AGENCY" and e.start < sent.end}
    named = {ent_name(e) for e in before.ents if e.label_ == "AGENCY"}
    if len(so_far) != 1 or named != so_far:
        return None
    name = next(iter(named))
    return name if doc.user_data.get(AGENCY_INFO, {}).get(name, {}).get("kind") == "government" else None


def _previous_sentence_start(doc, k: int) -> int:
    """The first token of the sentence before the one holding token ``k`` (or of ``k``'s own when it
    is the first)."""
    sent = doc[k].sent
    return doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


def capitalised_portfolio(ctx: Context, tspan: Span) -> str | None:
    """ "Minister of Public Security" in a story that names the Ministry of Public Security: a title
    that heads a body of its own (``titles.jsonl`` ``portfolio_body``), "of/for (the)" and one to
    five capitalised words no entity or name covers (joined by "and"/"&") -> that body, when the
    story names it as an agency."""
    body, doc = ctx.lex.info(tspan.ent_id_).get("portfolio_body"), ctx.doc
    i = tspan.end
    if not body or i + 1 >= len(doc) or doc[i].lower_ not in ("of", "for"):
        return None
    i += 1
    the = doc[i].lower_ == "the"
    i += the
    j = i
    while j < min(i + _MAX_WORDS, len(doc)) and (_capitalised(ctx, j) or _join(ctx, i, j)):
        j += 1
    if j == i:
        return None
    org = f"{body} {'the ' if the else ''}{doc[i:j].text}"
    # only a body the story names: "Minister for Children, Young People and Families X" names a
    # portfolio, not a "Ministry of Children"
    return next((n for n in ctx.agency_count if n.lower() == org.lower()), None)


def _capitalised(ctx: Context, j: int) -> bool:
    tok = ctx.doc[j]
    return tok.is_title and tok.is_alpha and j not in ctx.person_tokens and j not in ctx.ent_at


def _join(ctx: Context, i: int, j: int) -> bool:
    """ "and"/"&" between two capitalised words of the portfolio ("Gender, Labour and Social")."""
    return j > i and ctx.doc[j].lower_ in _JOINS and j + 1 < len(ctx.doc) and _capitalised(ctx, j + 1)
