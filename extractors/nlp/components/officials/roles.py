"""The role of one name mention: the constructions below, tried in a declared order; the
strongest found wins (an appointment beats an explicit title, which beats a chair, which beats
a weak title); an organisation not named at the title comes from ``orgs.fallback_org``.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.apposition import apposition
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.chair import chair
from extractors.nlp.components.officials.context import Context, Found
from extractors.nlp.components.officials.copular import copular
from extractors.nlp.components.officials.countries import mission_of
from extractors.nlp.components.officials.fronted import fronted
from extractors.nlp.components.officials.keys import APPOINTED, CHAIR, TITLE, WEAK
from extractors.nlp.components.officials.named_ministry import named_ministry
from extractors.nlp.components.officials.orgs import JOINS, fallback_org, post, premods
from extractors.nlp.components.officials.premodifier import premodifier
from extractors.nlp.components.officials.prior_body import opening_title_body, written_body
from extractors.nlp.tokens import POSSESSIVE


def appointment(ctx: Context, span: Span) -> Found | None:
    """The new role after an appointment cue in the name's sentence (``role_cues.csv``:
    ``appointed``): "X has been appointed (as) the director general (DG) of the NCCIA", "X has
    been appointed its coordinator" (the body named last before it)."""
    doc, sent = ctx.doc, span.sent
    for k in range(span.end, sent.end - 1):
        if k in ctx.person_tokens or k in ctx.ent_at and ctx.ent_at[k].label_ == "PERSON":
            break  # another person's appointment: "X's comments come after Y, the newly-appointed …"
        cue = ctx.lex.appointment_cue(doc, k)
        if cue:
            found = _appointed_title(ctx, sent, k + len(cue))
            if found is not None:
                return found
    return None


def _appointed_title(ctx: Context, sent: Span, m: int) -> Found | None:
    """The non-weak title after the cue ending at ``m`` (past "as the new", "its", "former"),
    also a lower-case cased title ("appointed its coordinator"), with its body."""
    doc, lex = ctx.doc, ctx.lex
    while m < sent.end and doc[m].lower_ in lex.skip_words("appointed_skip") | lex.former:
        m += 1
    body, m = _body_before_title(ctx, m)
    e = ctx.ent_at.get(m) or lex.cased_title_at(doc, m)
    tid = e.ent_id_ or e.id_ if e is not None else ""  # a span of our own has only id_
    if e is None or e.label_ != "TITLE" or lex.is_weak(tid):
        return None
    org, _ = post(ctx, e.end, tid) if body is None else (body, e.end)
    if org is None and doc[m - 1].lower_ in ("its", "their"):
        org = next((ent_name(x) for x in reversed(sent.ents) if x.label_ == "AGENCY" and x.end <= m), None)
    return tid, org, APPOINTED, e


def _body_before_title(ctx: Context, m: int) -> tuple[str | None, int]:
    """(body, title start) for a body written before the new title: "promotion to Cabinet Office
    minister", "appointed FIA director general", "named Interior Minister"; (None, m) otherwise."""
    e = ctx.ent(m, "AGENCY")
    if e is not None and ctx.ent(e.end, "TITLE") is not None:
        return ent_name(e), e.end
    pf = ctx.lex.portfolio_starting(ctx.doc, m)
    if pf and ctx.ent(pf[0], "TITLE") is not None:
        return ctx.org_name(pf[1]), pf[0]
    return None, m


def as_title(ctx: Context, span: Span) -> Found | None:
    """A title right after the name and "as" (NAME as [the|a|new|acting] TITLE [of ORG]): an
    appointment when no appointment cue came before."""
    doc, sent = ctx.doc, span.sent
    if not (span.end + 1 < len(doc) and doc[span.end].lower_ == "as"):
        return None
    m = span.end + 1
    while m < sent.end and doc[m].lower_ in ctx.lex.skip_words("as_skip"):
        m += 1
    e = ctx.ent(m, "TITLE")
    if e is None:
        return None
    org, _ = post(ctx, e.end, e.ent_id_)
    return e.ent_id_, org, APPOINTED, e


def listed(ctx: Context, span: Span) -> Found | None:
    """A name in a list under a title: "sub-inspectors A, B and C" (A has the title just before)."""
    t = next((ctx.list_title[k] for k in range(span.start, span.end) if k in ctx.list_title), None)
    if t is None:
        return None
    org, _ = premods(ctx, t)
    return t.ent_id_, org, WEAK if ctx.lex.is_weak(t.ent_id_) else TITLE, t


def office_agency(ctx: Context, span: Span) -> Found | None:
    """A body named by its head's office right before the name or as its apposition ("United
    Nations High Commissioner for Refugees Filippo Grandi", "Filippo Grandi, the United Nations
    High Commissioner for Refugees"): the office's title (a ``portfolios.csv`` title its body's
    name holds) of that body."""
    doc, k = ctx.doc, span.end
    e = ctx.ent(span.start - 1, "AGENCY")
    if e is None or e.end != span.start:
        k += k < len(doc) and doc[k].text == ","
        k += k < len(doc) and doc[k].lower_ == "the"
        e = ctx.ent(k, "AGENCY") if k > span.end else None
    name = ent_name(e) if e is not None else ""
    title = ctx.lex.office_title(name)
    return (title, name, TITLE, None) if title else None


# (construction, tried only when none before it found a role)
CONSTRUCTIONS = (
    (appointment, False),
    (as_title, True),
    (premodifier, False),
    (listed, True),
    (apposition, False),
    (copular, True),
    (fronted, True),
    (office_agency, True),
)


def role(ctx: Context, span: Span) -> tuple[str, str | None, int, str] | None:
    """(title, organisation, strength, qualifiers written before the title: "acting") for one name
    mention, or None."""
    found: list[Found] = []
    for construction, when_none in CONSTRUCTIONS:
        if when_none and found:
            continue
        f = construction(ctx, span)
        if f is not None:
            found.append(f)
    chaired = chair(ctx, span)
    if not found:
        return None if chaired is None else (chaired[0], chaired[1], CHAIR, "")
    title, org, strength, tspan = max(found, key=lambda f: f[2])
    if strength <= WEAK and chaired is not None:
        return chaired[0], chaired[1], CHAIR, ""
    info = ctx.lex.info(title)
    mission = info.get("mission")
    org, no_org = _org_at_title(ctx, info, tspan, org)
    if mission:  # an envoy's organisation is the mission the text names, or none
        org = _mission_org(ctx, span, tspan, title, org, mission)
    else:
        org = _unnamed_body(ctx, span, tspan, title, org, chaired)
    if no_org and not mission or not org:
        org = None
    written = tspan is not None and tspan.ent_id_ == title
    qualifier = ctx.lex.qualifiers(ctx.doc, tspan.start) if written else ""
    if written and not org and not qualifier:
        qualifier = open_portfolio(ctx, tspan)
    return title, org, strength, qualifier


def _mission_org(ctx: Context, span: Span, tspan: Span | None, title: str, org: str | None, mission: str):
    """An envoy's mission the text names, or none; an office named by a portfolio of its own
    ("High Commissioner for Refugees": ``_portfolio_after``, ``office_agency``) is that body's."""
    if tspan is None:
        return org if org in ctx.lex.portfolio_orgs(title) else None
    return _portfolio_after(ctx, tspan, title) or mission_of(ctx, span, tspan, mission)


def _portfolio_after(ctx: Context, tspan: Span | None, title: str) -> str | None:
    """An office named by a portfolio of its own after "for" ("UN High Commissioner for Refugees",
    ``portfolios.csv``): that body, not an envoy's mission."""
    doc = ctx.doc
    if tspan is None or tspan.end + 1 >= len(doc) or doc[tspan.end].lower_ != "for":
        return None
    found = ctx.lex.portfolio_starting(doc, tspan.end + 1, title)
    return found[1] if found is not None and found[1] in ctx.lex.portfolio_orgs(title) else None


def _org_at_title(ctx: Context, info: dict, tspan: Span | None, org: str | None) -> tuple[str | None, bool]:
    """(the organisation, the title is an office with no body): a title that heads bodies takes a
    body no rule knows written at it ("director of Priests for Life"); an office with no body
    (``no_org``) keeps none unless an agency is named at a title that also heads bodies
    (``named_org``: "president of the Population Council"; not "the Governor House, Mr X")."""
    heads = info.get("named_org") or info.get("body_head")
    if heads and org is None:
        org = body_after_of(ctx, tspan, written=True) or _owner_before(ctx, tspan)
    no_org = info.get("no_org") and not (
        info.get("named_org") and (org in ctx.agency_count or _named_at_title(ctx, tspan, org))
    )
    return org, bool(no_org)


def _named_at_title(ctx: Context, tspan: Span | None, org: str | None) -> bool:
    """``org`` is the body written at the title: after its "of (the)" ("Tom Fitton, the president
    of Judicial Watch") or as the organisation the model named as its possessor ("Planned
    Parenthood's president X")."""
    return bool(org) and (body_after_of(ctx, tspan, written=True) == org or _owner_before(ctx, tspan) == org)


def _owner_before(ctx: Context, tspan: Span | None) -> str | None:
    """The organisation of two or more words the model named as the possessor right before the
    title, past lower-case words ("Planned Parenthood's (national) president")."""
    if tspan is None:
        return None
    doc, j = ctx.doc, tspan.start - 1
    while j > tspan.start - 4 and j > 0 and doc[j].is_lower and doc[j].is_alpha and j not in ctx.ent_at:
        j -= 1
    e = ctx.ent(j - 1, "ORG") if j > 0 and doc[j].text in POSSESSIVE else None
    name = ent_name(e) if e is not None and e.end == j else None
    # one word before "'s" is often a name cut short ("Aston's", "Deutsche's", "United's")
    return name if name and len(name.split()) > 1 else None


def body_after_of(ctx: Context, tspan: Span | None, written: bool = False) -> str | None:
    """The body named right after the title's "of (the)": an organisation the model tagged ("the
    president of Judicial Watch"), or with ``written`` a name of two or more capitalised words no
    entity covers as a place, people or person ("national director of Priests for Life",
    "president of NARAL Pro-Choice America"). Not a country (a ``GPE``: "president of Brazil"), nor a unit the
    model named with its owner ("president of Climax's Action studio")."""
    if tspan is None:
        return None
    doc, k = ctx.doc, _paired_title_end(ctx, tspan)
    if doc[k - 1].lower_ != "of":
        if k >= len(doc) or doc[k].lower_ != "of":
            return None
        k += 1
    k += k < len(doc) and doc[k].lower_ == "the"
    k = _past_description(ctx, k)
    e = ctx.ent(k, "ORG")
    if e is not None:
        if e.start != k:
            return None
        # a unit owned by the organisation ("president of Climax's Action studio") is not the body
        return None if any(t.text in POSSESSIVE for t in e) else ent_name(e)
    return _written_name(ctx, k) if written else None


def _paired_title_end(ctx: Context, tspan: Span) -> int:
    """Where the body's "of" is looked for: after a second title joined by "and" ("president and
    chief executive of Concerned Women for America": the body is both titles'), else after the title."""
    doc, k = ctx.doc, tspan.end
    if k + 1 < len(doc) and doc[k].lower_ == "and":
        nxt = ctx.ent(k + 1, "TITLE")
        if nxt is not None and nxt.start == k + 1:
            return nxt.end
    return k


def _past_description(ctx: Context, k: int) -> int:
    """Past one to three lower-case nouns describing the body right before its name ("president of
    industry forecaster Retail Consulting Group", "chief executive of carmaker Nissan"): where the
    name starts; ``k`` when no name of an organisation follows them."""
    doc, j = ctx.doc, k
    while j < min(k + 3, len(doc)) and doc[j].is_lower and doc[j].is_alpha and not doc[j].is_stop:
        if doc[j].pos_ != "NOUN" or j in ctx.ent_at:
            return k
        j += 1
    if j == k or j >= len(doc):
        return k
    e = ctx.ent(j, "ORG", "AGENCY")  # not a name the model cut at "and" ("Toshiba Elevator and")
    return j if e is not None and e.start == j and e[-1].lower_ not in JOINS else k


def _written_name(ctx: Context, k: int) -> str | None:
    """A name of two or more capitalised words from token ``k`` (joined by ``JOINS``: "Priests for
    Life", "China Chamber of Commerce") that no person, place, people or title entity covers whole."""
    doc, end, words = ctx.doc, k, 0
    sent_end = doc[k].sent.end if k < len(doc) else k
    while end < sent_end:
        tok = doc[end]
        if tok.is_title or tok.is_upper and tok.is_alpha:
            words += 1
        elif not (tok.lower_ in JOINS and end + 1 < sent_end and doc[end + 1].text[:1].isupper()):
            break
        end += 1
    if words < 2 or doc[end - 1].lower_ in JOINS or any(i in ctx.person_tokens for i in range(k, end)):
        return None
    if end < sent_end and doc[end].is_lower and doc[end].pos_ == "NOUN":
        return None  # a name that goes on in lower case: "the Mommy and Me literacy program"
    e = ctx.ent_at.get(k)
    if e is not None and e.label_ not in ("ORG", "AGENCY") and e.end >= end:
        return None  # "president of the United States", "governor of Khyber Pakhtunkhwa"
    if ctx.ent(k, "TITLE") is not None:
        return None
    return doc[k:end].text


def _unnamed_body(
    ctx: Context, span: Span, tspan: Span | None, title: str, org: str | None, chaired
) -> str | None:
    """The body of a role named with none or with an organisation no rule knows: the ministry the
    story names for the portfolio written at the title ("gender Minister X": the gender ministry),
    else the body written before, implied by the title or named at its opening."""
    if tspan is not None and (org is None or _unlisted_org(ctx, org)):
        org = named_ministry(ctx, span, tspan) or org
    if org is None:
        org = written_body(ctx, tspan) or fallback_org(ctx, span, tspan, title, chaired)
        org = org or opening_title_body(ctx, tspan)
    return org


def _unlisted_org(ctx: Context, org: str) -> bool:
    """``org`` is only the text of an organisation the model tagged that no rule knows as an agency
    ("State Minister for Labour and Industrial Relations": "Industrial Relations")."""
    return org not in ctx.agency_count and any(
        e.label_ == "ORG" and e.text == org for e in ctx.ent_at.values()
    )


def open_portfolio(ctx: Context, tspan: Span) -> str:
    """The lower-case words of a portfolio that names no body, written right before a lower-case
    title (``role_cues.csv`` ``open_portfolio``): "e-commerce minister X" -> e-commerce minister;
    "" when there are none, a known portfolio is there or an entity or a stop word starts them."""
    doc, lex, start = ctx.doc, ctx.lex, tspan.start
    if tspan.ent_id_ not in lex.skip_words("open_portfolio") or not doc[start].is_lower:
        return ""
    # the stop words are read once per title, not once per word looked at
    stop = lex.skip_words("home") | lex.skip_words("not_portfolio") | lex.former
    k = start
    while k > max(start - 4, 0) and _portfolio_word(doc[k - 1], stop):
        k -= 1
    if (
        k == start
        or doc[k].text == "-"
        or any(i in ctx.ent_at or i in ctx.person_tokens for i in range(k, start))
        or lex.portfolio_ending(doc, start, tspan.ent_id_)
    ):
        return ""
    return doc[k:start].text.lower()


def _portfolio_word(tok, stop: set[str]) -> bool:
    """A word of an open portfolio: a hyphen, or a lower-case content word that is not a stop word."""
    if tok.text == "-":
        return True
    return (
        tok.is_lower
        and tok.is_alpha
        and not tok.is_stop
        and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and tok.lower_ not in stop
    )
