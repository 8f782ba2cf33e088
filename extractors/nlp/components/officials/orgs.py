"""The organisation of a title: named at it (before, after, between title and name) or, failing
that, implied (``titles.jsonl``: an implied body, a body of the title's kind, a staff grade's
employer). Functions of a ``Context``; ``None`` when no body can be told.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.acronyms import police_unit
from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.body_words import body_word, domain_word, possessor, title_acronym
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context
from extractors.nlp.components.officials.countries import (
    office_before,
    office_country,
    place_body,
    place_words_before,
)
from extractors.nlp.components.officials.forces import force_before, national_force, staff_police, story_force
from extractors.nlp.components.officials.prosecution import prosecution_body
from extractors.nlp.components.officials.units import named_after_link
from extractors.nlp.components.officials.written_portfolio import known_words_portfolio, written_portfolio
from extractors.nlp.tokens import POSSESSIVE, possessive_mark

_LINKS = {"of", "at", "for", "in", "from", "the", "a", "an", "to"}
JOINS = {"and", "&", "of", "for", "-"}


# -- named at the title ------------------------------------------------------------------------------
def premods(ctx: Context, t: Span) -> tuple[str | None, int]:
    """Organisation named before a title and where it starts: "FIA DG", "Interior Minister",
    "Federal Investigation Agency (FIA) Director General", "Khyber Pakhtunkhwa Inspector General";
    ``(None, t.start)`` when none is."""
    q = ctx.lex.qualifier_start(ctx.doc, t.start)  # "FIA Acting DG": the body before the qualifier
    doc, j = ctx.doc, q - 1
    if j >= 2 and doc[j].text == ")" and doc[j - 2].text == "(":
        inner = ctx.ent(j - 1, "AGENCY")
        if inner is not None:
            return ent_name(inner), inner.start - 1
        j -= 3
    if j < 0:
        return None, q
    e = ctx.ent(j, "AGENCY")
    if e is not None:
        return ent_name(e), e.start
    office = office_before(ctx, q, t.ent_id_) or _party_before(ctx, j + 1, t.ent_id_)
    if office is not None:
        return office[1], office[0]
    pf = ctx.lex.portfolio_ending(doc, j + 1, t.ent_id_)
    if pf:
        return _portfolio_premod(ctx, pf)
    if _whole_government(ctx, j):
        return "", j
    body = _body_noun_premod(ctx, j) or _party_over_portfolio(ctx, j, t.ent_id_)
    if body is not None:
        return body
    owned = _owner_premod(ctx, j)
    if owned is not None:
        return owned
    org = body_word(ctx, j)
    if org is not None:
        return org, j
    prov = ctx.lex.province_of.get(doc[j].lower_) or (
        ctx.lex.province_of.get(doc[j - 1 : j + 1].text.lower()) if j >= 1 else None
    )
    if prov and ctx.lex.info(t.ent_id_).get("org_kind") == "police":
        return ctx.lex.police_of.get(prov), j
    force = force_before(ctx, j)  # "police spokesman X", "Ghana Police Superintendent X"
    if force is not None:
        return force
    return (
        _force_in_title(ctx, t, j)
        or known_words_portfolio(ctx, t, j)
        or _place_or_org(ctx, t, j)
        or domain_word(ctx, j)
        or written_portfolio(ctx, t, j)
        or (None, q)
    )


def _owner_premod(ctx: Context, j: int) -> tuple[str, int] | None:
    """A body written as the possessor right before the title: "NAPTIP's Director-General X", "the
    agency's Director General" (``body_words.possessor``), "the Liberal Democrats' President X"."""
    doc = ctx.doc
    if j < 1 or not possessive_mark(doc, j):
        return None
    plural = doc[j].text not in POSSESSIVE  # "Democrats' ": an agency's only
    owner = ctx.ent(j - 1, "AGENCY")
    if owner is not None:
        return ent_name(owner), owner.start
    org = None if plural else possessor(ctx, j)
    return (org, j - 1) if org is not None else None


def _acronym_before(ctx: Context, t: Span, j: int) -> tuple[str, int] | None:
    """ "WCLA Director General X", "SBCA DG X": an acronym no entity covers right before the title
    of a body's head (``titles.jsonl`` ``body_head``) is its body, as written; not a country's
    ("US Ambassador"), a name's or a longer name's last word."""
    tok, doc = ctx.doc[j], ctx.doc
    if not (ctx.lex.info(t.ent_id_).get("body_head") and _acronym(tok) and len(tok) <= 6):
        return None
    if j in ctx.ent_at or j in ctx.person_tokens or tok.ent_type_ in ("GPE", "NORP", "PERSON"):
        return None
    if tok.text in ctx.lex.demonyms or ctx.lex.is_honorific(tok) or j >= 1 and doc[j - 1].is_title:
        return None
    return tok.text, j


def _whole_government(ctx: Context, j: int) -> bool:
    """ "Government spokesman X", "Thai government spokesman X": a government as a whole written
    right before the title (``role_cues.csv`` ``whole_government``) is no body; not a portfolio's
    last word ("local government minister": lower-case words before it)."""
    doc = ctx.doc
    if doc[j].lower_ not in ctx.lex.skip_words("whole_government") or j in ctx.ent_at:
        return False
    return j == 0 or not doc[j - 1].is_lower or doc[j - 1].lower_ in ("the", "a")


def _party_before(ctx: Context, end: int, tid: str) -> tuple[int, str] | None:
    """A party written right before the title ("Labour MP X", "Tory leader X"); not before a
    legislator's seat that the story's country has an office for ("Democratic Sen. X" sits in the
    United States Senate: ``titles.jsonl`` ``seat``, ``offices.csv``)."""
    party = ctx.lex.offices.party_ending(ctx.doc, end, ctx.country)
    if party is None or not ctx.lex.info(tid).get("seat"):
        return party
    return None if ctx.lex.offices.implied(ctx.country, tid) else party


def _place_or_org(ctx: Context, t: Span, j: int) -> tuple[str, int] | None:
    """A place's body before the title ("Polk County Sheriff"), else an organisation named there,
    else an acronym no entity covers ("SBCA DG X")."""
    return place_body(ctx, t, j) or _org_before(ctx, j) or _acronym_before(ctx, t, j)


def _org_before(ctx: Context, j: int) -> tuple[str, int] | None:
    """ "Countryside Alliance chairman X", "PCS leader X": an organisation the model named right
    before the title that no rule above knows (no agency, office, party or portfolio) is its body;
    not the tail of a longer name ("Justice and Home Affairs Commissioner")."""
    e = ctx.ent(j, "ORG")
    if e is None or e.end != j + 1 or (e.start > 0 and ctx.doc[e.start - 1].lower_ in JOINS):
        return None
    return ent_name(e), e.start


def _force_in_title(ctx: Context, t: Span, j: int) -> tuple[str, int] | None:
    """ "Kupang City Police Chief X": a title that starts with "Police" took the last word of the
    force named before it; the force is the capitalised words before it and "Police"."""
    if ctx.doc[t.start].text != "Police" or ctx.lex.info(t.ent_id_).get("org_kind") != "police":
        return None
    first = place_words_before(ctx, j, 2, ("GPE", "LOC"))  # "Jakarta Metro Police"
    if first > j:
        return None
    # a unit, or a place's command named as one ("Central East Regional Police PRO", "the Volta
    # North Regional Police Commander"), of a country whose police is one national force: that
    # force (the one the story names, else the country's: Ghana Police Service;
    # gazetteers/national_police.csv), as a station folds into it; a
    # place alone names a force of its own ("Kupang City Police"); only a unit and no national
    # force: none is named
    words = [w.lower_ in ctx.lex.skip_words("force_unit") for w in ctx.doc[first : j + 1]]
    national = national_force(ctx) if any(words) else None
    if national:
        return national, first
    if not all(words):
        return f"{ctx.doc[first : j + 1].text} Police", first
    return None


def _body_noun_premod(ctx: Context, j: int) -> tuple[str, int] | None:
    """ "external affairs ministry spokesperson X" -> Ministry of External Affairs: a body noun
    (``role_cues.csv``: ``body_noun``) after up to three words of its portfolio."""
    doc = ctx.doc
    if doc[j].lower_ not in ctx.lex.skip_words("body_noun"):
        return None
    k = j
    while (
        k > max(j - 3, 0) and doc[k - 1].is_alpha and not doc[k - 1].is_stop and doc[k - 1].ent_type_ != "GPE"
    ):
        k -= 1
    if k == j or doc[k].lower_ in ctx.lex.not_names:
        return None
    words = " ".join(w.text if w.is_upper else w.text.capitalize() for w in doc[k:j])
    return f"{doc[j].text.capitalize()} of {words}", k


def _party_over_portfolio(ctx: Context, j: int, tid: str) -> tuple[str, int] | None:
    """ "Lib Dem home affairs spokesman X", "Tory work and pensions spokesman X": a party written
    before up to three words of a portfolio that is no body of its own is the title's organisation
    (a portfolio that names a body wins: it is tried first), the party of any country the story
    names (a BBC story about a US election quotes British parties). Not for a legislator's seat:
    "Democratic vice presidential nominee Sen. X" sits in the Senate (``titles.jsonl`` ``seat``)."""
    if ctx.lex.info(tid).get("seat"):
        return None
    doc, k, shadow = ctx.doc, j, ctx.lex.skip_words("shadow")
    while k >= max(j - 3, 1) and doc[k].is_alpha and (doc[k].lower_ == "and" or not doc[k].is_stop):
        if ctx.ent(k, "AGENCY") is not None or doc[k].ent_type_ in ("GPE", "NORP", "PERSON"):
            return None
        if doc[k].lower_ in shadow or doc[k].lower_ in ctx.lex.org_words:
            return None  # "Tory shadow chancellor" (premodifier._shadow); "Lib Dem … committee chairman"
        party = ctx.lex.offices.party_ending(doc, k, ctx.country, ctx.countries)
        if party is not None:
            return party[1], party[0]
        k -= 1
    return None


def _portfolio_premod(ctx: Context, pf: tuple[int, str]) -> tuple[str | None, int]:
    """ "Interior Minister" -> Ministry of Interior; "the Indian Interior Minister", "Uganda's
    health minister": a foreign government's minister, the ministry as other countries name it
    (Ministry of Health, not Pakistan's longer name; "" for a body only Pakistan has)."""
    doc, k = ctx.doc, pf[0] - 1
    if k >= 0 and doc[k].text in POSSESSIVE:
        k -= 1
    prov = _province_ending(ctx, k)
    if prov is not None and "{province}" in pf[1]:  # "GB Home Minister X" in a KP story: GB's department
        return ctx.lex.org_name(pf[1], prov), pf[0]
    if k >= 0 and doc[k].ent_type_ in ("NORP", "GPE") and doc[k].lower_ not in ctx.lex.home:
        return ctx.lex.org_name(pf[1], None, abroad=True) or "", pf[0]
    return ctx.org_name(pf[1]), pf[0]


def _province_ending(ctx: Context, k: int) -> str | None:
    """The province whose name or short form ("GB", "Gilgit-Baltistan": three tokens) ends at ``k``."""
    spans = (ctx.doc[k - n + 1 : k + 1].text.lower() for n in (1, 2, 3) if k >= n - 1)
    return next((ctx.lex.province_of[w] for w in spans if w in ctx.lex.province_of), None)


def post(ctx: Context, t_end: int, tid: str) -> tuple[str | None, int]:
    """Organisation right after a title and where it ends: "director general of the FIA",
    "Minister for Interior", "Joint Secretary at the Ministry of ...", "Additional Director General
    (Immigration), FIA", "director general (DG) of the NCCIA"; ``(None, t_end)`` when none is."""
    doc, i, steps = ctx.doc, t_end, 0
    while i < len(doc) and steps < 6:
        tok = doc[i]
        e = ctx.ent_at.get(i)
        if e is not None and e.label_ == "AGENCY":
            return ent_name(e), e.end
        after_link = i > t_end and (
            doc[i - 1].lower_ in ("for", "of")
            or (doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in ("for", "of"))
        )
        office = ctx.lex.offices.starting(doc, i, ctx.country, tid) if after_link else None
        if office:
            return office[1], office[0]
        pf = (
            ctx.lex.portfolio_starting(doc, i, tid)
            if (i > t_end and doc[i - 1].lower_ in ("for", "of")) or i == t_end
            else None
        )
        if pf:
            return ctx.org_name(pf[1]), pf[0]
        if e is not None and e.label_ == "ORG":
            return _portfolio_body(ctx, e, tid) or _org_or_force(ctx, e, tid), e.end
        if e is not None and e.label_ == "TITLE" and _portfolio_body(ctx, e, tid):
            return _portfolio_body(ctx, e, tid), e.end  # "Minister of Justice": a cased title
        named = named_after_link(ctx, i, t_end, tid)
        if named:
            return named
        if tok.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
            i += 3
        elif _is_link(ctx, tok):
            i += 1
        else:
            break
        steps += 1
    return None, t_end


def _portfolio_body(ctx: Context, e: Span, tid: str) -> str | None:
    """A portfolio written as a name after a title that heads a body of its own ("Minister for
    the Interior" -> Ministry of the Interior, "Minister of Gender, Children and Social
    Protection"): the title's ``portfolio_body`` and the portfolio as written."""
    body, doc = ctx.lex.info(tid).get("portfolio_body"), ctx.doc
    if not body or e.start < 1 or body.split()[0].lower() in e.text.lower():
        return None
    k = e.start - 1
    the = doc[k].lower_ == "the"
    if the:
        k -= 1
    if k < 0 or doc[k].lower_ not in ("for", "of"):
        return None
    return f"{body} {'the ' if the else ''}{e.text}"


def _org_or_force(ctx: Context, e: Span, tid: str) -> str:
    """An organisation named after a title; for a police rank a province's government stands for
    its police ("Provincial Police Officer (PPO), Government of Khyber Pakhtunkhwa" -> Khyber
    Pakhtunkhwa Police): a government as a whole is no body of a police officer."""
    words = e.text.split()
    if ctx.lex.info(tid).get("org_kind") == "police" and len(words) > 2 and words[0].lower() == "government":
        prov = ctx.lex.province_of.get(" ".join(words[2:]).lower().removeprefix("the "))
        if prov and ctx.lex.police_of.get(prov):
            return ctx.lex.police_of[prov]
    return e.text


def _is_link(ctx: Context, tok) -> bool:
    """A word between a title and its body: "of the", brackets, a comma, a wing word ("Legal")."""
    return (
        tok.lower_ in _LINKS
        or tok.text in ("(", ")", ",")
        or (tok.lower_ in ctx.lex.not_names and tok.is_title)
    )


def between(ctx: Context, start: int, end: int, tid: str) -> str | None:
    """An agency, portfolio or other organisation between a title and the name ("DG FIA Mr. X",
    "DG Passport X"), in that order."""
    for i in range(start, end):
        e = ctx.ent(i, "AGENCY")
        if e is not None:
            return ent_name(e)
    for i in range(start, end):
        pf = ctx.lex.portfolio_starting(ctx.doc, i, tid)
        if pf and pf[0] <= end:
            return ctx.org_name(pf[1])
    for i in range(start, end):
        e = ctx.ent(i, "ORG")
        if e is not None and not title_acronym(ctx, e):  # "Commissioner of Police (COP) X"
            return _portfolio_body(ctx, e, tid) or ent_name(e)
    doc = ctx.doc
    for i in range(start + 1, end):  # "Director General of ICESCO, Dr X": an acronym no rule knows
        k = i - 2 if doc[i - 1].lower_ == "the" else i - 1
        if k >= start and doc[k].lower_ in ("of", "at") and i not in ctx.ent_at and _acronym(doc[i]):
            return doc[i].text
    return None


def _acronym(tok) -> bool:
    return tok.is_upper and tok.is_alpha and len(tok) >= 2


# -- implied by the title ----------------------------------------------------------------------------
def fallback_org(ctx: Context, span: Span, tspan: Span | None, title: str, chair) -> str | None:
    """The body of a title named without one, tried in order: none for titles of office
    (``no_org``: prime minister); the party or agency owning the name ("Labour's X"); the office
    in its country (``offices.csv``: senator in Pakistan -> Senate of Pakistan); a prosecutor's
    prosecution service the document names (``prosecution``); the title's implied body (MNA ->
    National Assembly); the body of a chair ("led by X"); a body of the title's kind
    in the document (justice -> the court, DSP -> the police: ``kind_org``); the body named at the
    title (``body_near_title``)."""
    info = ctx.lex.info(title)
    if info.get("no_org"):
        return None
    owner = _name_owner(ctx, span)
    if owner:
        return owner
    office = ctx.lex.offices.implied(office_country(ctx, span, tspan), title)
    if office:
        return office
    prosecution = prosecution_body(ctx) if info.get("prosecution") else None
    if prosecution:
        return prosecution
    if info.get("organisation"):
        return info["organisation"]
    if chair is not None and chair[1]:
        return chair[1]
    if info.get("org_kind"):
        return kind_org(ctx, tspan, info["org_kind"])
    if tspan is not None:
        return body_near_title(ctx, span, tspan, info)
    return None


def _name_owner(ctx: Context, span: Span) -> str | None:
    """A party or agency written as the name's possessor: "Labour's Jess Phillips, shadow
    minister for safeguarding", "the FIA's Waqar Ahmed"."""
    doc, k = ctx.doc, span.start - 1
    if k < 1 or doc[k].text not in POSSESSIVE:
        return None
    e = ctx.ent(k - 1, "AGENCY")
    if e is not None:
        return ent_name(e)
    party = ctx.lex.offices.party_ending(doc, span.start, ctx.country)
    return party[1] if party else None


def kind_org(ctx: Context, tspan: Span | None, kind: str) -> str | None:
    """The document's first body of the title's kind ("Justice X" -> the court it names); for
    police ranks first the police of a place at the title (``police_org``)."""
    agencies = doc_agencies(ctx)
    if kind == "police" and tspan is not None:
        org = police_org(ctx, tspan, agencies)
        if org is not None:
            return org
    for name, k in agencies:
        if k == kind and not (kind == "police" and police_unit(name)):  # a unit folds into its force
            return name
    return None


def police_org(ctx: Context, tspan: Span, agencies: list[tuple[str, str]]) -> str | None:
    """A police rank's force: "Faisalabad City Police Officer X" (a place just before the title),
    "IGP X of Punjab" (a province just after), a police force in the title's sentence (no unit), else the
    story's force (``forces.story_force``: the province's police, else the national police of a
    country whose police is one service: "Ghana Police Superintendent X")."""
    doc, lex = ctx.doc, ctx.lex
    for k in range(max(tspan.start - 3, 0), tspan.start):
        prov = lex.province_of.get(doc[k].lower_) or lex.place_of.get(doc[k].lower_)
        if prov and lex.police_of.get(prov):
            return lex.police_of[prov]
    for k in range(tspan.end, min(tspan.end + 8, len(doc))):
        prov = lex.province_of.get(doc[k].lower_) or (lex.province_of.get(doc[k : k + 2].text.lower()))
        if prov and lex.police_of.get(prov):
            return lex.police_of[prov]
    sent = tspan.sent
    for e in doc.ents:
        if (
            e.label_ == "AGENCY"
            and sent.start <= e.start < sent.end
            and any(n == ent_name(e) and k == "police" and not police_unit(n) for n, k in agencies)
        ):
            return ent_name(e)  # a unit ("Criminal Investigation Department") folds into the force
    return story_force(ctx)  # the province's police, else the country's one national police


def body_near_title(ctx: Context, span: Span, tspan: Span, info: dict) -> str | None:
    """The body named just before the title ("Speaking on behalf of IOM, Chief of Mission X");
    the only body of the document for a head of a body (``body_head``) in its sentence; the main
    agency for a sub-unit ("Director Gujranwala Zone X"); a staff grade's employer (``staff_org``)."""
    doc = ctx.doc
    k = tspan.start - 1
    while k >= max(tspan.sent.start, tspan.start - 5) and (
        doc[k].is_punct or doc[k].lower_ in ("of", "on", "behalf", "the", "from")
    ):
        k -= 1
    e = ctx.ent(k, "AGENCY")
    if e is not None:
        return ent_name(e)
    agency_count = ctx.agency_count
    only = next(iter(agency_count)) if len(agency_count) == 1 else None
    if info.get("body_head") and only and any(ent_name(e) == only for e in tspan.sent.ents):
        return only
    if (
        any(doc[k].lower_ in ctx.lex.not_names for k in range(tspan.end, span.start))
        and agency_count
        and not info.get("portfolio_body")  # "Minister for Economic Affairs, X": a portfolio, no sub-unit
    ):
        return agency_count.most_common(1)[0][0]
    if info.get("staff") and not _unknown_body_at(ctx, span, tspan):
        return staff_org(ctx, tspan, info["staff"])
    return None


def _unknown_body_at(ctx: Context, span: Span, tspan: Span) -> bool:
    """A body we do not know is named at the title ("Chairman Pakistan Peoples Party X", "PPP
    Chairman X": a party is no agency, and its chairman not the committee's). List members sit
    apart from their title: only the word before it counts."""
    doc = ctx.doc
    listed = span.start in ctx.list_title
    around = ([] if listed else list(doc[tspan.end : span.start])) + (
        [doc[tspan.start - 1]] if tspan.start > 0 and not doc[tspan.start].is_sent_start else []
    )
    return any(
        (t.is_title or t.is_upper)
        and t.is_alpha
        and not t.is_stop
        and not ctx.lex.is_honorific(t)
        and t.i not in ctx.person_tokens
        for t in around
    )


def staff_org(ctx: Context, tspan: Span, staff: bool | str) -> str | None:
    """The body of a staff grade named without one ("The FIA raiding team was headed by ...
    with sub-inspectors A and B"; "The deputy directors are A and B" in an FIA story): the
    body named last before the title in its sentence; else, for ranks that police and the FIA
    share, the document's police force, or the province's when the sentence is about police
    ("SHO X, DSP Y, Inspector Z"); else the document's most mentioned body.
    ``staff`` true: an executive body (legislatures and courts hold hearings about staff, they
    do not employ them); a kind ("legislature" for members): a body of that kind."""
    kinds = ctx.doc.user_data.get(AGENCY_INFO, {})

    def employer(name: str) -> bool:
        kind = kinds.get(name, {}).get("kind")
        return kind == staff if isinstance(staff, str) else kind not in ("legislature", "court")

    sent = tspan.sent
    for e in reversed(sent.ents):
        if e.label_ == "AGENCY" and e.end <= tspan.start and employer(ent_name(e)):
            return ent_name(e)
    if staff is True:
        police = staff_police(ctx, sent, kinds)
        if police:
            return police
    return next((name for name, _ in ctx.agency_count.most_common() if employer(name)), None)


def doc_agencies(ctx: Context) -> list[tuple[str, str]]:
    """(name, kind) of every agency in the document, in order of first mention."""
    info = ctx.doc.user_data.get(AGENCY_INFO, {})
    seen: list[tuple[str, str]] = []
    for e in ctx.doc.ents:
        if e.label_ == "AGENCY":
            name = ent_name(e)
            if all(name != s for s, _ in seen):
                seen.append((name, info.get(name, {}).get("kind", "other")))
    return seen
