"""The title written after a name: "Ahmad Ishaque Jehangir, the director general of the Federal
Investigation Agency (FIA)", "Mr. Shakeel Durrani, Additional Director General (Immigration), FIA",
"X, the Interior Minister", "X Chairman of the Senate committee". A past role ("X, the former
DG") does not count.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context, Found
from extractors.nlp.components.officials.countries import office_before
from extractors.nlp.components.officials.forces import force_before
from extractors.nlp.components.officials.keys import TITLE, WEAK
from extractors.nlp.components.officials.orgs import post
from extractors.nlp.tokens import POSSESSIVE


def apposition(ctx: Context, span: Span) -> Found | None:
    """NAME, [the|a] [org] TITLE [of|at ...] ORG: the title after the name and its organisation,
    named before the title ("X, the FIA director"), after it, or closing a pair of appositions."""
    found = _title_after(ctx, span)
    if found is None:
        return None
    e, org_before = found
    if _belongs_to_next(ctx, e, opens=span.start == span.sent.start):
        return None
    org = org_before if org_before is not None else _org_after(ctx, e)
    if org is None:
        org = _shared_body(ctx, e)
    return e.ent_id_, org, WEAK if ctx.lex.is_weak(e.ent_id_) else TITLE, e


def _title_after(ctx: Context, span: Span) -> tuple[Span, str | None] | None:
    """(title, organisation named before it) after a comma, or a capitalised title right after
    the name; past articles, "current/newly/also", a country, an agency or portfolio (at most five); none
    after "former" ("X, the former DG": a past role)."""
    doc, lex = ctx.doc, ctx.lex
    i = _after_name(ctx, span)
    org_before, steps, e = None, 0, None
    while i is not None and i < len(doc) and steps < 5:
        tok, e = doc[i], ctx.ent_at.get(i)
        if e is not None and e.label_ == "TITLE":
            break
        low = _lower_cased_title(ctx, i)
        if low is not None:
            e = low
            break
        if tok.lower_ in lex.skip_words("apposition_skip") | lex.skip_words("title_qualifier"):
            i += 1
        elif tok.lower_ in lex.former:
            return None
        else:
            step = _body_step(ctx, i, org_before)
            if step is None:
                return None
            i, org_before = step
        steps += 1
    if e is None or e.label_ != "TITLE":
        e = ctx.ent(i, "TITLE") if i is not None else None
    nxt = ctx.ent(e.end, "TITLE") if e is not None and e.end < len(doc) else None
    if nxt is not None:  # "X, Justice undersecretary in charge of IACAT": the first names the portfolio
        office = office_before(ctx, nxt.start, nxt.ent_id_)
        return nxt, office[1] if office else org_before
    return None if e is None else (e, org_before)


def _lower_cased_title(ctx: Context, i: int) -> Span | None:
    """A title matched only when capitalised (``titles.jsonl`` ``cased``: "Inspector",
    "Coordinator"), written in lower case after an article and followed by its body: "X, an
    inspector with the YPP", "X, the coordinator of the IACAT". Without a body after it the lower-case
    word is a description ("a member of the public", "the head of the family")."""
    doc = ctx.doc
    if i < 1 or i >= len(doc) or not doc[i].is_lower or doc[i - 1].lower_ not in ("the", "a", "an"):
        return None
    t = ctx.lex.cased_title_at(doc, i)
    if t is None or i in ctx.ent_at:
        return None
    start = t.end + 1 if t.end < len(doc) and doc[t.end].lower_ == "with" else t.end
    org, _ = post(ctx, start, t.id_)
    if org is None or start == t.end and doc[t.end : t.end + 1].text.lower() not in ("of", "at", "for"):
        return None
    # a Span reads its entity id from its token, as the entity ruler's titles do (as
    # ``premodifier._lower_head_after_body`` does: tokens outside any entity carry none)
    doc[i].ent_id_ = t.id_
    return Span(doc, i, t.end, label="TITLE")


def _body_step(ctx: Context, i: int, org_before: str | None) -> tuple[int, str | None] | None:
    """The words at ``i`` between the name and its title that name the title's body or domain, as
    (where they end, the organisation named so far); ``None`` when they are none of those."""
    doc, e = ctx.doc, ctx.ent_at.get(i)
    if e is not None and e.label_ == "AGENCY":
        end = e.end + (1 if e.end < len(doc) and doc[e.end].text in POSSESSIVE else 0)
        return _past_acronym(doc, end), ent_name(e)  # "X, NAPTIP's Director-General"
    person = _person_owner(ctx, i)
    if person is not None:
        return person, org_before  # "X, Mr. Obama's chief of staff": a person's staff, no body
    if e is not None and e.label_ == "ORG" and e.end < len(doc) and doc[e.end].text in POSSESSIVE:
        return e.end + 1, ent_name(e)  # "X, the AFP's human exploitation commander"
    force = force_before(ctx, i)
    if force is not None:
        return i + 1, force[0]  # "X, the police spokesman": the story's force
    if e is not None and e.label_ in ("GPE", "NORP"):
        # "X, the US Ambassador-at-Large": the country's office (``title_country``); "X, Guyana's
        # assistant director of public prosecutions"
        return e.end + (1 if e.end < len(doc) and doc[e.end].text in POSSESSIVE else 0), org_before
    pf = ctx.lex.portfolio_starting(doc, i)
    if pf:  # a body named before the portfolio is its holder ("X, EU foreign policy chief")
        return pf[0], org_before or ctx.org_name(pf[1])
    end = _domain_words(ctx, i)  # "X, the press and cultural affairs counsellor at ..."
    return (end, org_before) if end is not None else None


def _past_acronym(doc, k: int) -> int:
    """The token after a bracketed acronym written at ``k`` after a body's name ("X, a Department
    of Homeland Security (DHS) spokeswoman"): the title follows it."""
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 1].is_upper:
        return k + 3
    return k


def _person_owner(ctx: Context, i: int) -> int | None:
    """Where the title starts after a person named as its possessor, with an honorific before the
    name or none, past up to three lower-case words of its domain ("X, Mr. Obama's deputy national
    security adviser", "X, Mrs. Clinton's communications director": a person's staff, not a
    ministry's); ``None`` when the words at ``i`` are not that."""
    doc, k = ctx.doc, i
    while k < len(doc) and ctx.lex.is_honorific(doc[k]):
        k += 1
    j = k
    while j < len(doc) and doc[j].ent_type_ == "PERSON" and (j == k or doc[j].ent_iob_ == "I"):
        j += 1
    if j == k or j >= len(doc) or doc[j].text not in POSSESSIVE:
        return None
    t = j + 1  # past lower-case words of the role's domain: no ministry for a person's staff
    while t < min(j + 5, len(doc)) and doc[t].is_lower and doc[t].is_alpha and ctx.ent(t, "TITLE") is None:
        if doc[t].lower_ in ctx.lex.former:
            return None  # "X, Mr. Netanyahu's former national security adviser": a past role
        t += 1
    return t if ctx.ent(t, "TITLE") is not None else None


def _domain_words(ctx: Context, i: int) -> int | None:
    """Where the title starts after one to three lower-case words of its domain written before it
    ("the press and cultural affairs counsellor", "the human exploitation commander"): nouns and
    adjectives (and "and"), none that makes it no current role (``role_cues.csv`` ``not_role``:
    "the alleged ring leader"; ``shadow``), none opening a portfolio (a party's or government's
    office: "Lib Dem home affairs spokesman"); ``None`` when no title follows them."""
    doc, k, lex = ctx.doc, i, ctx.lex
    stop = lex.skip_words("not_role") | lex.skip_words("shadow") | lex.former
    while k < min(i + 4, len(doc)) and k not in ctx.ent_at:
        tok = doc[k]
        if not (tok.is_lower and tok.is_alpha) or tok.lower_ in stop or lex.portfolio_starting(doc, k):
            return None  # a portfolio is the premodifier's ("Lib Dem home affairs spokesman")
        if tok.lower_ != "and" and (tok.is_stop or tok.pos_ not in ("NOUN", "ADJ", "PROPN")):
            return None
        k += 1
    if k == i or ctx.ent(k, "TITLE") is None or not doc[k].is_lower or lex.portfolio_ending(doc, k):
        return None
    return k


def _after_name(ctx: Context, span: Span) -> int | None:
    """Where an apposition starts: after a comma, or at a capitalised title right after the name
    ("X Chairman of the Senate committee")."""
    i, doc = span.end, ctx.doc
    if i >= len(doc):
        return None
    if doc[i].text == ",":
        if i + 2 < len(doc) and doc[i + 1].like_num and doc[i + 2].text == ",":
            return i + 3  # an age: "Robert Jackson, 58, MP for Wantage"
        return i + 1
    if i in ctx.ent_at and ctx.ent_at[i].label_ == "TITLE" and doc[i].is_title:
        return i
    if doc[i].text == "(" and bracketed_role(ctx, i):
        return i + 1  # "Dr. Irfan Yousaf (CEO, MKAI Climate Consulting)"
    return None


def bracketed_role(ctx: Context, i: int) -> bool:
    """A bracket opening at ``i`` right after a name that holds its role: a title first, closed
    within eight tokens ("A (MNA)", "B (CEO, MKAI Climate Consulting)", "C (DG Hydel, PPIB)")."""
    doc = ctx.doc
    if not (i >= 1 and i - 1 in ctx.person_tokens and ctx.ent(i + 1, "TITLE") is not None):
        return False
    close = next((k for k in range(i + 2, min(i + 10, len(doc))) if doc[k].text in (")", "(")), None)
    return close is not None and doc[close].text == ")"


def _belongs_to_next(ctx: Context, e: Span, opens: bool = False) -> bool:
    """The title is another name's: "chaired by Tariq Fazal Chaudhry, Passports Director General
    Mustafa Qazi"; or starts a new subject: "Farrukh Abbas and Muhammad Azam Cheema, the
    spokesman said", unless the name ``opens`` its sentence, where the apposition's closing comma
    was left out ("Fred Enanga, the Police Spokesperson said …": the name is the subject)."""
    doc = ctx.doc
    org, k = post(ctx, e.end, e.ent_id_)  # "X, Deputy Minister of Foreign Affairs Y": Y's (no comma)
    while org is not None and k < len(doc) and ctx.lex.is_honorific(doc[k]):
        k += 1
    if org is not None and k in ctx.person_tokens:
        return True
    k = _past_countries(ctx, e.end)  # "X, Ambassador of Poland to Pakistan, Y": Y's
    start = k
    while (
        k < len(doc)
        and k - start < 4
        and (ctx.lex.is_honorific(doc[k]) or ctx.ent(k, "AGENCY") is not None or doc[k].text == ",")
    ):
        k += 1
    if k < len(doc) and k in ctx.person_tokens:
        return True
    if opens:
        return False
    subject = any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= e.end for t in e)
    return subject and doc[e.end].pos_ in ("VERB", "AUX")


def _past_countries(ctx: Context, k: int) -> int:
    """The token after "of/to/in <country>" pieces written right after a title at ``k``."""
    while (
        k + 1 < len(ctx.doc) and ctx.doc[k].lower_ in ("of", "to", "in") and ctx.ent(k + 1, "GPE") is not None
    ):
        k = ctx.ent(k + 1, "GPE").end
    return k


def _org_after(ctx: Context, e: Span) -> str | None:
    """The organisation of a title after the name: a portfolio the title ends ("X, Interior
    Minister"), a body after it ("the director general of the FIA"), or after a second title
    ("Project Manager and Officer in Charge ICMPD")."""
    doc = ctx.doc
    pf = ctx.lex.portfolio_ending(doc, e.start, e.ent_id_)
    if pf:
        return ctx.org_name(pf[1])
    org, end = post(ctx, e.end, e.ent_id_)
    if org is None and doc[end : end + 1].text.lower() == "and":
        nxt = ctx.ent(end + 1, "TITLE")
        if nxt is not None:
            org, _ = post(ctx, nxt.end, nxt.ent_id_)
    return org


def _shared_body(ctx: Context, e: Span) -> str | None:
    """ "A, Director General (IC), and B, Director (IC), MoHR": the body closes both appositions."""
    doc = ctx.doc
    k = e.end + 3 if e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")" else e.end
    if doc[k : k + 2].text.lower().replace(" ", "") == ",and" and k + 2 in ctx.person_tokens:
        j = k + 2
        while j in ctx.person_tokens:
            j += 1
        nxt = apposition(ctx, Span(doc, k + 2, j))
        return nxt[1] if nxt is not None else None
    return None
