"""The title written before a name: "National Police Bureau Director General Dr Ehsan Sadiq",
"Interior Minister Mohsin Naqvi" (portfolio -> Ministry of Interior), "Director General FIA, Mr.
Riffat Mukhtar", "Minister for Law and Justice Azam Nazir Tarar", "Khyber Pakhtunkhwa Inspector
General of Police (IGP) Akhtar Hayat". Titles after "former" are past roles and do not count.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.apposition import bracketed_role
from extractors.nlp.components.officials.body_words import in_brackets
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context, Found
from extractors.nlp.components.officials.keys import TITLE, WEAK
from extractors.nlp.components.officials.orgs import between, post, premods
from extractors.nlp.components.officials.portfolio_lists import list_before_name


def premodifier(ctx: Context, span: Span) -> Found | None:
    """The current title before the name, with the organisation named at it: "FIA DG X", "DG FIA
    Mr. X" (between title and name), "Chairman X of the Senate committee" (after the name)."""
    doc = ctx.doc
    k = span.start - 1 if span.start >= 2 and doc[span.start - 1].lower_ == "the" else span.start
    if k >= 1 and doc[k - 1].lower_ in ("for", "of"):
        # "a spokesman for Michael Howard", "the MP for Sittingbourne", "a spokesman for the Obama
        # administration": the name is not the holder
        return None
    t = _title_for(ctx, span)
    while t is not None:
        pstart = premods(ctx, t)[1]
        if (
            ctx.lex.is_former(ctx.doc, t.start - 1)
            or ctx.lex.is_former(ctx.doc, pstart - 1)
            or _former_past_places(ctx, min(t.start, pstart))
            or _former_compound(ctx, t)
            or ctx.lex.retired_after(ctx.doc, t.end)  # "Justice (R) X": a retired judge
        ):
            t = _current_before_former(ctx, t)
            continue
        return premodified(ctx, span, t)
    return None


def _former_past_places(ctx: Context, start: int) -> bool:
    """ "Former NI minister X", "former US President X", "Former Pennsylvania Gov. X", "Former union
    leader X", "former US national security advisor X", "former State policy planning director X":
    a former cue before up to three place, nationality or body words (or an acronym) written before
    the title, or lower-case nouns and adjectives right before it; not "former rival New Jersey
    Gov. X" (the former qualifies the noun)."""
    doc, k, placed = ctx.doc, start - 1, False
    while k >= max(start - 3, 0):
        if (
            doc[k].ent_type_ in ("GPE", "NORP", "LOC", "ORG", "AGENCY")
            or doc[k].text.replace(".", "").isupper()
        ):
            placed = True
        elif placed or not _qualifying_word(ctx, doc[k]):
            break
        k -= 1
    return k < start - 1 and ctx.lex.is_former(doc, k)


def _qualifying_word(ctx: Context, tok) -> bool:
    """A lower-case noun or adjective that qualifies a title ("union" leader, "national security")."""
    return tok.is_lower and tok.is_alpha and tok.pos_ in ("NOUN", "ADJ") and tok.lower_ not in ctx.lex.former


def _title_for(ctx: Context, span: Span) -> Span | None:
    """The title the name follows; "Advisor to PM Rana Sanaullah": an adviser, not the prime
    minister; but "served as spokesperson to President Asif Ali Zardari": the name is the
    president's (the title after "to" is written in lower case); none for a title after "for" and a
    comma before the name ("the nomination for president, X": an office sought)."""
    doc, ent_at = ctx.doc, ctx.ent_at
    t = title_before(ctx, span)
    k = t.start - 1 if t is not None else -1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if (
        k >= 1
        and doc[k].lower_ == "to"
        and (k - 1) in ent_at
        and ent_at[k - 1].label_ == "TITLE"
        and doc[ent_at[k - 1].start].is_title
    ):
        t = ent_at[k - 1]
    elif k >= 0 and doc[k].lower_ == "for" and any(w.text == "," for w in doc[t.end : span.start]):
        return None  # "the nomination for president, X", "candidate for mayor, X": the office sought
    return _role_before_rank(ctx, t, span)


def _role_before_rank(ctx: Context, t: Span | None, span: Span) -> Span | None:
    """ "The District Police Commander, ASP X", "Central East Regional Police Public Relations
    Officer, DSP X": a rank (``titles.jsonl`` ``rank``) written after a comma yields to the role
    written before it, the first-listed role (models/gold/README.md; "the provincial spokesperson
    for the Hawks, Warrant Officer X" -> spokesperson). So does any title written right before the
    name when the role, the title and the name are the subject of the verb after the name's comma
    ("The head of the unit, Inspector X, says …", "the Regional Police Commander, Assistant
    Commissioner of Police (ACP) X, said …"): one person introduced by both, the first-listed
    wins; in a list ("the Chairman, DG X, Director Y") the next word is no verb."""
    if t is None:
        return t
    q = ctx.lex.qualifier_start(ctx.doc, t.start)
    if q < 2 or ctx.doc[q - 1].text != ",":
        return t
    if not ctx.lex.info(t.ent_id_).get("rank") and not _subject_apposition(ctx, t, span):
        return t
    role = title_before(ctx, ctx.doc[q - 1 : q])
    if role is None or ctx.lex.info(role.ent_id_).get("rank") or ctx.lex.is_weak(role.ent_id_):
        return t
    return role


def _subject_apposition(ctx: Context, t: Span, span: Span) -> bool:
    """Title ``t`` sits right before the name (past a bracketed acronym: "(ACP)") and the name is
    closed by a comma with a verb after it ("X, said")."""
    doc = ctx.doc
    between = [w for w in doc[t.end : span.start] if w.text not in ("(", ")")]
    if any(not (w.is_upper and w.is_alpha) for w in between) or len(between) > 1:
        return False
    end = span.end
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].pos_ in ("VERB", "AUX")


def _current_before_former(ctx: Context, t: Span) -> Span | None:
    """ "chairman and former Inspector General of Police X": the earlier, current title; "former
    interior minister X", "then-local government minister X": a past role, no title; "NIRC
    Chairman Justice (retd) X": the title written right before the retired one."""
    doc, j = ctx.doc, t.start - 2
    prev = ctx.ent_at.get(j - 1) if j >= 0 and doc[j].lower_ == "and" else None
    if ctx.lex.retired_after(doc, t.end):  # "NIRC Chairman Justice (retd) X": the title before
        prev = ctx.ent_at.get(t.start - 1)
    return prev if prev is not None and prev.label_ == "TITLE" else None


def premodified(ctx: Context, span: Span, t: Span) -> Found:
    """Title ``t`` (or an earlier one that wins) with its organisation: before it ("FIA DG"),
    after it ("Minister for Interior"), between it and the name ("DG Passport X"), or after the
    name ("Chairman X of the Senate committee")."""
    org, pstart = premods(ctx, t)
    earlier = _earlier_title(ctx, t, pstart)
    if earlier is not None:
        t = earlier
        org, pstart = premods(ctx, t)
        if org is None:
            org, _ = post(ctx, t.end, t.ent_id_)
    if org is None:
        org = between(ctx, t.end, span.start, t.ent_id_)
    if org is None:
        after, end = post(ctx, t.end, t.ent_id_)  # "Minister of Justice X"
        org = after if end <= span.start else None
    doc = ctx.doc
    if org is None and span.end < len(doc) and doc[span.end].lower_ in ("of", "at", "from"):
        org, _ = post(ctx, span.end, t.ent_id_)
    shadow = _shadow(ctx, t, pstart)
    if shadow is not None:
        return shadow[0], shadow[1], TITLE, t
    return _compound(ctx, t), org, WEAK if ctx.lex.is_weak(t.ent_id_) else TITLE, t


def _former_compound(ctx: Context, t: Span) -> bool:
    """ "ex-Downing Street media chief X": a former cue before the noun a compound title takes
    (and the body named before that noun)."""
    k = _compound_noun(ctx, t)
    if k is None:
        return False
    e = ctx.ent(k - 1, "AGENCY", "ORG", "GPE", "NORP")
    return ctx.lex.is_former(ctx.doc, k - 1) or e is not None and ctx.lex.is_former(ctx.doc, e.start - 1)


def _compound_noun(ctx: Context, t: Span) -> int | None:
    """The lower-case noun a ``compound`` title takes ("election chief"), or None."""
    k = t.start - 1
    if not ctx.lex.info(t.ent_id_).get("compound") or k < 0 or k in ctx.ent_at:
        return None
    tok = ctx.doc[k]
    if not (tok.is_lower and tok.is_alpha and tok.pos_ == "NOUN") or tok.lower_ in ctx.lex.org_words:
        return None
    prev = ctx.doc[k - 1] if k >= 1 else None
    if prev is not None and prev.is_lower and prev.is_alpha and prev.pos_ not in ("DET", "PRON"):
        return None  # "Commission for racial equality chief X": a name written in lower case
    return k


def _compound(ctx: Context, t: Span) -> str:
    """A title that takes the lower-case noun written before it (``titles.jsonl`` ``compound``):
    "Labour's election chief X" -> "election chief"; not a body's word ("party chief": the
    party is the organisation) nor a name ("Pentagon chief X")."""
    k = _compound_noun(ctx, t)
    return t.ent_id_ if k is None else f"{ctx.doc[k].lower_} {t.ent_id_}"


def _shadow(ctx: Context, t: Span, pstart: int) -> tuple[str, str | None] | None:
    """An opposition office ("Shadow home secretary X", "Tory shadow chancellor X"): the title
    as written from "shadow" on, the party written before it; no government body."""
    doc, shadow = ctx.doc, ctx.lex.skip_words("shadow")
    start = min(pstart, t.start)
    k = next((k for k in range(start - 1, max(start - 4, -1), -1) if doc[k].lower_ in shadow), None)
    if k is None or any(not w.is_alpha for w in doc[k:start]):
        return None
    party = ctx.lex.offices.party_ending(doc, k)
    return doc[k : t.end].text.lower(), party[1] if party else _story_party(ctx, k)


def _story_party(ctx: Context, k: int) -> str | None:
    """The party a shadow office at token ``k`` is of when not written right before it: a party
    named just before, past a comma ("For the Conservatives, shadow education secretary X"). Not
    a party named elsewhere: on BBC politics stories the one party a story names was as often the
    government's ("one of the safest Labour seats … Shadow foreign secretary X")."""
    if k < 2 or ctx.doc[k - 1].text != ",":
        return None
    e = ctx.ent(k - 2, "AGENCY")
    kind = ctx.doc.user_data.get(AGENCY_INFO, {}).get(ent_name(e), {}).get("kind") if e else None
    return ent_name(e) if kind == "party" else None


def _earlier_title(ctx: Context, t: Span, pstart: int) -> Span | None:
    """A title that wins over ``t``: "Deputy Prime Minister and Foreign Minister X": the
    first-listed role; "Director General ISSI Ambassador X": a weak title yields to a title just
    before it (past acronyms and organisations between them)."""
    doc, ent_at, weak = ctx.doc, ctx.ent_at, ctx.lex.is_weak(t.ent_id_)
    j = pstart - 1
    while (
        j >= 0
        and (_acronym_no_title(ctx, j) or (j in ent_at and ent_at[j].label_ in ("AGENCY", "ORG")))
        and weak
    ):
        j = ent_at[j].start - 1 if j in ent_at else j - 1
    earlier = None
    k = j
    while k >= 0 and doc[k].lower_ in ctx.lex.skip_words("rank_word") and doc[k].is_title:
        k -= 1  # "Police Chief Senior Commissioner X": a rank after the role
    if j >= 1 and doc[j].lower_ == "and" and not ctx.lex.is_former(doc, j - 1):
        earlier = ent_at.get(j - 1)
    elif j >= 0 and (weak or k < j):
        earlier = ent_at.get(k)
    if (
        earlier is not None
        and earlier.label_ == "TITLE"
        and not ctx.lex.is_former(doc, earlier.start - 1)
        and doc[earlier.start].is_lower == doc[t.start].is_lower  # not "the prime minister and Chancellor X"
    ):
        return earlier
    return None


def _acronym_no_title(ctx: Context, j: int) -> bool:
    """An acronym at ``j`` that is no title: "DG ISSI Ambassador X" skips "ISSI", not "DG"."""
    tok, e = ctx.doc[j], ctx.ent_at.get(j)
    return tok.is_upper and tok.is_alpha and (e is None or e.label_ != "TITLE")


def title_before(ctx: Context, span: Span) -> Span | None:
    """The title a name follows, within eight steps back (punctuation and honorifics are free)
    past honorifics, a comma, brackets,
    "for/of/the", an agency or ORG, a portfolio, wing words and places, a country after "in/to"
    ("Representative in Pakistan X")."""
    doc, i, steps = ctx.doc, span.start - 1, 0
    while i >= 0 and steps < 8:
        e = ctx.ent_at.get(i)
        if e is None and steps == 0:
            low = _lower_head_after_body(ctx, i)
            if low is not None:
                return low
        if e is not None and e.label_ == "TITLE":
            pf = ctx.lex.portfolio_ending(doc, i + 1)
            if pf and pf[0] < e.start:
                i = pf[0] - 1  # "Minister for Law and Justice X": "Justice" is the portfolio's
                steps += 1
                continue
            return _outer_title(ctx, _long_form(ctx, e, i))
        if doc[i].text in (".", "?", "!") and i >= 1 and doc[i - 1].is_lower:
            return None  # "… who is the company's chief. Reliance Group acquired …": another sentence
        light = doc[i].is_punct or ctx.lex.is_honorific(doc[i])  # "(NAPTIP), Prof. X": no real step
        i = _step_back(ctx, i, e)
        if i is None:
            return None
        steps += 0 if light else 1
    return None


def _lower_head_after_body(ctx: Context, i: int) -> Span | None:
    """ "Hawks head Lt-Gen X", "SBMI head X": a title matched only when capitalised
    (``titles.jsonl`` ``cased``), written in lower case right after a body's name and right
    before the name (honorifics and ranks between), as "DCI boss X" is; not a weak title
    ("member") nor a court's ("judge")."""
    doc, tok = ctx.doc, ctx.doc[i]
    tid = ctx.lex.cased_titles.get(tok.text) if tok.is_lower else None
    info = ctx.lex.info(tid or "")
    if tid is None or info.get("weak") or info.get("org_kind") == "court" or i < 1:
        return None
    body = ctx.ent(i - 1, "AGENCY", "ORG")
    if body is None or body.end != i:
        return None
    # a Span reads its entity id from its token, as the entity ruler's titles do (tokens outside
    # any entity carry none, so nothing else reads it)
    tok.ent_id_ = tid
    return Span(doc, i, i + 1, label="TITLE")


def _outer_title(ctx: Context, e: Span) -> Span:
    """ "Minister of Justice X", "Minister of State for Criminal and Civil Justice X": the title
    whose portfolio the nearer one-word title ("Justice") ends, past up to four capitalised
    portfolio words and "and" before it."""
    doc, k = ctx.doc, e.start - 1
    while len(e) == 1 and k >= 1 and e.start - k <= 4 and _capitalised_portfolio_word(ctx, k):
        k -= 1
    outer = ctx.ent(k - 1, "TITLE") if k >= 1 and doc[k].lower_ in ("of", "for") else None
    info = ctx.lex.info(outer.ent_id_) if outer is not None else {}
    if info.get("portfolio_body") or (info.get("named_ministry") and k < e.start - 1):
        return outer
    return e


def _capitalised_portfolio_word(ctx: Context, k: int) -> bool:
    tok = ctx.doc[k]
    plain = k not in ctx.ent_at and k not in ctx.person_tokens
    return plain and (tok.lower_ == "and" or tok.is_title and tok.is_alpha and not tok.is_stop)


def _long_form(ctx: Context, e: Span, i: int) -> Span:
    """ "Inspector General of Police (IGP) Akhtar Hayat": the long form before the acronym."""
    doc = ctx.doc
    if e.start >= 2 and doc[e.start - 1].text == "(" and i + 1 < len(doc) and doc[e.end].text == ")":
        outer = ctx.ent(e.start - 2, "TITLE")
        if outer is not None:
            return outer
    return e


def _step_back(ctx: Context, i: int, e: Span | None) -> int | None:
    """The token before one piece between a title and a name, or None when ``i`` is no such piece."""
    doc, tok = ctx.doc, ctx.doc[i]
    if e is not None and e.label_ == "AGENCY":
        return e.start - 1
    back = _portfolio_back(ctx, i)
    if back is not None:
        return back
    if e is not None and e.label_ == "ORG":
        return e.start - 1
    if e is not None and e.label_ == "GPE" and e.start >= 1 and doc[e.start - 1].lower_ in ("in", "to", "of"):
        return e.start - 2  # "Representative in Pakistan X", "head of the Hawks in Gauteng, X",
        # "the Ambassador of Japan, X", "Chief of the Naval Staff of Pakistan, Admiral X"
    if tok.text == "-" and i >= 1 and ctx.lex.is_honorific_word(doc[i - 1]):
        return i - 1  # "Major-General"
    if tok.text == ")" and _closes_role_of_name(ctx, i):
        return None  # "A (CEO, MKAI), Dr. B": the title in brackets is A's
    if ctx.lex.is_honorific(tok) or tok.text in (",", "(", ")") or tok.lower_ in ("for", "of", "the"):
        return i - 1
    if _skipped_word(ctx, i):
        return i - 1
    if (
        tok.is_lower
        and tok.pos_ == "NOUN"
        and i >= 2
        and doc[i - 1].lower_ == "the"
        and doc[i - 2].lower_ in ("of", "for")
        and doc[i + 1].text == ","
    ):
        return i - 1  # "the leader of the opposition, X", "President of the university, Dr X"; not
        # "President of the session X"
    return None


def _bracketed_acronym(doc, i: int) -> bool:
    """Token ``i`` is an acronym in brackets: "(COP)"."""
    return doc[i].is_upper and doc[i].is_alpha and in_brackets(doc, i)


def _portfolio_back(ctx: Context, i: int) -> int | None:
    """The token before a portfolio list ending at ``i`` ("Minister for Science, Technology, and
    Federal Education, Dr X": the "for"), else before one portfolio ("Parliamentary Affairs")."""
    listed = list_before_name(ctx.lex, ctx.doc, i + 1, ctx.ent_at)
    if listed is not None:
        return listed
    pf = ctx.lex.portfolio_ending(ctx.doc, i + 1)
    return pf[0] - 1 if pf else None


def _closes_role_of_name(ctx: Context, i: int) -> bool:
    """The bracket closing at ``i`` holds the role of the name written before it
    (``apposition.bracketed_role``)."""
    k = next((k for k in range(i - 1, max(i - 10, 0), -1) if ctx.doc[k].text in ("(", ")")), None)
    return k is not None and ctx.doc[k].text == "(" and bracketed_role(ctx, k)


def _skipped_word(ctx: Context, i: int) -> bool:
    """A wing word or place ("DSP Legal X"), an acronym in brackets ("Commissioner of Police (COP)
    X"), or an acronym no rule knows after "of" ("Director General of ICESCO, Dr X")."""
    tok = ctx.doc[i]
    if tok.is_title and (tok.lower_ in ctx.lex.not_names or ctx.lex.in_place(ctx.doc, i)):
        return True
    return _bracketed_acronym(ctx.doc, i) or _acronym_after_of(ctx, i)


def _acronym_after_of(ctx: Context, i: int) -> bool:
    """An acronym no entity covers right after "of/at (the)" and before a comma."""
    doc, tok = ctx.doc, ctx.doc[i]
    k = i - 2 if i >= 2 and doc[i - 1].lower_ == "the" else i - 1
    return (
        i not in ctx.ent_at
        and tok.is_upper
        and tok.is_alpha
        and len(tok) >= 2
        and k >= 0
        and doc[k].lower_ in ("of", "at")
        and i + 1 < len(doc)
        and doc[i + 1].text == ","
    )
