"""A police or military rank as a person's only role: "Lt Col Siyabulela Vukubi of the Hawks",
"According to Lieutenant Colonel Siyabulela Vukubi, her arrest comes after the Hawks received
information" -> lieutenant colonel / Directorate for Priority Crime Investigation.

The rank is the longest form of ``patterns/ranks.csv`` ending right before the name (the name
shape drops it as an honorific), written out. The person is an official only where the text ties
them to a police or military body: one named right after the name ("of the Hawks"), else one in the
name's sentence; a rank with no such body (a retired officer, a cricketer's captaincy) gives none.
A police unit (``acronyms.police_unit``: "of the Counter-Trafficking Unit") folds into the story's
force; in the sentence, a unit is no force.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.acronyms import police_unit
from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context
from extractors.nlp.components.officials.forces import story_force
from extractors.nlp.components.officials.keys import WEAK

_FORCE_KINDS = ("police",)


def rank_role(ctx: Context, span: Span) -> tuple[str, str, int, str] | None:
    """(rank, force, WEAK, "") for a name written after a rank and tied to a police body; a rank
    only the police have (``ranks.csv`` ``force``: "Supt", "Sgt") is tied to the story's one force
    when no force is named at the name or in its sentence ("Supt. Glenn Church told CTV News" in a
    story on the RCMP; "led by Senior Supt David Abraham")."""
    found = _rank_before(ctx, span.start)
    if found is None:
        return None
    form, rank = found
    force = _force_after(ctx, span) or _force_in_sentence(ctx, span)
    if force is None and form in ctx.lex.police_ranks:
        force = _doc_force(ctx) or story_force(ctx)
    return None if force is None else (rank, force, WEAK, "")


def _rank_before(ctx: Context, start: int) -> tuple[str, str] | None:
    """(form, rank written out) of the rank whose form ends right before token ``start`` (dots
    dropped: "Supt." may be one token or two)."""
    doc = ctx.doc
    for n in (3, 2, 1):
        if start - n < 0:
            continue
        words = [t.text.rstrip(".") for t in doc[start - n : start] if t.text != "."]
        if not words or doc[start - n].text == ".":
            continue
        form = " ".join(words)
        rank = ctx.lex.ranks.get(form)
        if rank is not None:
            return form, rank
    return None


def _doc_force(ctx: Context) -> str | None:
    """The one police force (no unit) the document names; none when it names two or more."""
    forces = {
        ent_name(e)
        for e in ctx.doc.ents
        if e.label_ in ("AGENCY", "ORG") and _is_force(ctx, e) and not police_unit(ent_name(e))
    }
    return forces.pop() if len(forces) == 1 else None


def _is_force(ctx: Context, e: Span | None) -> bool:
    """A police agency, or an organisation whose name ends in a force word ("Strathclyde Police")."""
    if e is None:
        return False
    if e.label_ == "ORG":
        words = e.text.lower().split()
        return len(words) > 1 and any(" ".join(words[-n:]) in ctx.lex.force_names for n in (1, 2))
    info = ctx.doc.user_data.get(AGENCY_INFO, {})
    return info.get(ent_name(e), {}).get("kind") in _FORCE_KINDS


def _force_after(ctx: Context, span: Span) -> str | None:
    """A force named right after the name: "X of the Hawks", "X of Kupang City Police"; also after
    a ranked name joined to it, which shares it ("Sgt X and Cpl Y of the Counter-Trafficking Unit")."""
    doc, k = ctx.doc, _past_joined_rank(ctx, span.end)
    if k < len(doc) and doc[k].lower_ == "of":
        k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
        e = ctx.ent(k, "AGENCY", "ORG") if k < len(doc) else None
        if _is_force(ctx, e):  # a unit of the force ("of the Counter-Trafficking Unit") folds into it
            return (story_force(ctx) or ent_name(e)) if police_unit(ent_name(e)) else ent_name(e)
    return None


def _past_joined_rank(ctx: Context, k: int) -> int:
    """The token after "and RANK NAME" written at ``k`` (a rank of ``ranks.csv`` right before the
    second name), else ``k``."""
    doc = ctx.doc
    if k >= len(doc) or doc[k].lower_ != "and":
        return k
    j = k + 1
    while j < len(doc) and j not in ctx.person_tokens and j - k <= 3:
        j += 1
    if j >= len(doc) or j not in ctx.person_tokens or _rank_before(ctx, j) is None:
        return k
    while j < len(doc) and j in ctx.person_tokens:
        j += 1
    return j


def _force_in_sentence(ctx: Context, span: Span) -> str | None:
    """The one force named in the name's sentence (two or more: no tie)."""
    sent = span.sent
    forces = {ent_name(e) for e in sent.ents if e.label_ in ("AGENCY", "ORG") and _is_force(ctx, e)}
    forces = {
        f for f in forces if not police_unit(f)
    }  # a unit is not the force ("Criminal Investigation Department")
    return forces.pop() if len(forces) == 1 else None
