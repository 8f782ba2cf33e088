"""A police or military rank before the name of a person with no other role found: the role
written right before the rank ("Director General ISPR Lt Gen X", "Chairman Joint Chiefs of Staff
General X"), else the rank as the title ("Lieutenant Colonel Sipho Mabuza" -> lieutenant
colonel; "Pol. Col. X of the Royal Thai Police" -> police colonel / Royal Thai Police), from
``patterns/ranks.csv``. A rank is weak: any role written for the person wins; a retired or former
rank ("retired Col X", "Lt Gen (retd) X", "former British Commander Colonel X") is no role; an
ambiguous rank ("Captain X": a team's, a ship's) counts only with its force named.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.context import Context, Found
from extractors.nlp.components.officials.keys import TITLE, WEAK
from extractors.nlp.components.officials.lexicon import rank_key
from extractors.nlp.components.officials.orgs import between, doc_agencies, kind_org, post, premods

_RETIRED = ("retired", "retd", "rtd")
_BRIDGE = ("of", "the", ",", "(", ")", "-", "&")  # inside a role's name: "Chief of the Naval Staff,"


def rank_before(ctx: Context, start: int) -> tuple[int, dict] | None:
    """(start token, ranks.csv row) of the longest rank ending right before token ``start``."""
    doc, ranks = ctx.doc, ctx.lex.ranks
    words: list[str] = []
    best = None
    k = start - 1
    while k >= 0 and len(words) < ctx.lex.rank_len and (doc[k].is_alpha or doc[k].text in (".", "-")):
        if doc[k].text not in (".", "-"):
            if not doc[k].is_title and not doc[k].is_upper:
                break
            words.insert(0, doc[k].text)
            row = ranks.get(rank_key(words))
            if row is not None:
                best = (k, row)
        k -= 1
    return best


def _past(ctx: Context, first: int, span: Span) -> bool:
    """A retired or former rank: "retired"/"(retd)" around it, "former" up to three words before."""
    doc = ctx.doc
    around = [*doc[max(first - 2, 0) : first], *doc[span.end : span.end + 3]]
    if any(t.lower_.strip("().") in _RETIRED for t in around):
        return True
    return any(ctx.lex.is_former(doc, k) for k in range(max(first - 3, 0), first))


def _role_before(ctx: Context, first: int) -> tuple[str, Span] | None:
    """(title id, span) of the role written before the rank: a rank word that is also a post
    (``role``: "Corps Commander Lt Gen X", "Task Force Commander Brigadier General X"), or a title
    past capitalised words, acronyms, bodies and the words of a role's name, within eight tokens
    of its sentence ("DG Strategic Projects, Major General X")."""
    post_rank = rank_before(ctx, first)
    if (
        post_rank is not None
        and post_rank[1].get("role")
        and not ctx.lex.is_former(ctx.doc, post_rank[0] - 1)
    ):
        title = post_rank[1]["title"]
        return title, Span(ctx.doc, post_rank[0], first, label="TITLE", span_id=title)
    doc, k = ctx.doc, first - 1
    sent_start = doc[first].sent.start
    while k >= max(sent_start, first - 8):
        e = ctx.ent_at.get(k)
        if e is not None and e.label_ == "TITLE":
            return None if ctx.lex.is_former(doc, e.start - 1) else (e.ent_id_, e)
        tok = doc[k]
        if not (e is not None or tok.is_title or tok.is_upper or tok.lower_ in _BRIDGE):
            return None
        k = e.start - 1 if e is not None else k - 1
    return None


def rank(ctx: Context, span: Span) -> Found | None:
    """The role written before the rank, or the rank with the agency written before it, the body
    written after the name ("of the Hawks") or, for a police rank, the police force of the story."""
    found = rank_before(ctx, span.start)
    if found is None or _past(ctx, found[0], span):
        return None
    first, row = found
    doc = ctx.doc
    role = _role_before(ctx, first)
    if role is not None:
        tid, t = role
        org = premods(ctx, t)[0] or between(ctx, t.end, first, tid) or post(ctx, t.end, tid)[0]
        return tid, org, WEAK if ctx.lex.is_weak(tid) else TITLE, t if t.label_ == "TITLE" else None
    title = row["title"]
    before = ctx.ent(ctx.lex.qualifier_start(doc, first) - 1, "AGENCY") if first > 0 else None
    org = before.ent_id_ or before.text if before is not None else None  # "AFP Superintendent X"
    if org is None and span.end < len(doc) and doc[span.end].lower_ in ("of", "at", "from"):
        org, _ = post(ctx, span.end, title)
    if org is None and row.get("org_kind"):
        org = kind_org(ctx, Span(doc, first, span.start), row["org_kind"])
    if org is None:
        org = _force_in_sentence(ctx, span)
    if org is None and row.get("needs_org"):
        return None
    return title, org, WEAK, None


def _force_in_sentence(ctx: Context, span: Span) -> str | None:
    """A police force named in the name's sentence: many police services use military ranks
    ("According to Lieutenant Colonel X, … after the Hawks received information")."""
    police = {name for name, kind in doc_agencies(ctx) if kind == "police"}
    return next(
        (n for e in span.sent.ents if e.label_ == "AGENCY" and (n := e.ent_id_ or e.text) in police),
        None,
    )
