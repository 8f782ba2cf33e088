"""The country of an office and bodies named after places: the office a title holds in the
country named before it ("US Secretary of State", "British Foreign Secretary") or the document's
(``gazetteers/offices.csv``), the country a party-and-state tag gives ("Sen. X (R-Tex)"), a state's
or a city's office ("Ohio Attorney General": none of the country's), and a body named after its
place ("Polk County Sheriff" -> Polk County Sheriff's Office), and an envoy's mission ("US
ambassador to Namibia" -> US Embassy in Namibia). Functions of a ``Context``.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.context import Context
from extractors.nlp.tokens import POSSESSIVE


def place_words_before(ctx: Context, j: int, most: int, labels: tuple[str, ...]) -> int:
    """The first of up to ``most`` + 1 capitalised words ending at token ``j`` that can name a place
    (no stop word, honorific or person's word; an entity only of ``labels``): ``j + 1`` when none."""
    doc, k = ctx.doc, j
    while (
        k >= max(j - most, 0)
        and doc[k].is_title
        and doc[k].is_alpha
        and not doc[k].is_stop
        and not ctx.lex.is_honorific(doc[k])
        and k not in ctx.person_tokens
        and (k not in ctx.ent_at or ctx.ent_at[k].label_ in labels)
    ):
        k -= 1
    return k + 1


def place_body(ctx: Context, t: Span, j: int) -> tuple[str, int] | None:
    """ "Polk County Sheriff X" -> Polk County Sheriff's Office: a title whose body is named after
    its place (``titles.jsonl``: ``place_body``), the capitalised place words right before it."""
    body = ctx.lex.info(t.ent_id_).get("place_body")
    if not body:
        return None
    first = place_words_before(ctx, j, 3, ("GPE", "LOC", "FAC", "ORG"))
    return (f"{ctx.doc[first : j + 1].text} {body}", first) if first <= j else None


def office_before(ctx: Context, end: int, tid: str) -> tuple[int, str] | None:
    """(start, body) of a country's office written before its title ("Justice Secretary" in a
    Philippine story, "British Foreign Secretary"): the country named right before the portfolio,
    else the document's."""
    doc, offices = ctx.doc, ctx.lex.offices
    for k in range(max(end - 5, 0), end):
        named = country_at(ctx, k)
        if named is not None:
            found = offices.ending(doc, end, named[0], tid)
            if found is not None and found[0] in (named[1], named[1] + 1):
                return found
    found = offices.ending(doc, end, ctx.country, tid)
    if found is not None and found[0] >= 1 and doc[found[0] - 1].lower_ in ctx.lex.skip_words("sub_national"):
        return None  # "state House Speaker X": a state's office
    if found is not None or ctx.country in ctx.lex.country_of_province.values():
        return None if found is not None and _other_country_before(ctx, found[0], ctx.country) else found
    # a portfolio the story's country has no office for: another country's the story names
    # ("International Development Minister X" in a British story about Indonesia)
    for c in ctx.countries[1:]:
        found = offices.ending(doc, end, c, tid)
        if found is not None:
            return None if _other_country_before(ctx, found[0], c) else found
    return None


def _other_country_before(ctx: Context, start: int, country: str | None) -> bool:
    """A country other than ``country`` named right before token ``start``: "Chinese Foreign
    Minister X" is not the Foreign Office's in a British story, nor in one about China that
    names Britain."""
    k = start - 1
    if k >= 1 and ctx.doc[k].text in POSSESSIVE:
        k -= 1
    named = country_at(ctx, k) if k >= 0 else None
    return named is not None and named[0] != country


def title_country(ctx: Context, start: int) -> str | None:
    """The country named right before a title ("US Secretary of State"), else the document's."""
    k = start - 1
    if k >= 0 and ctx.doc[k].text in POSSESSIVE:
        k -= 1
    named = country_at(ctx, k) if k >= 0 else None
    return named[0] if named is not None else ctx.country


def country_at(ctx: Context, k: int) -> tuple[str, int] | None:
    """(country, end) of a country named at token ``k``: a place the gazetteer knows ("US",
    "Philippine") or a country's adjective ("British", "American": ``country_words.csv``)."""
    e = ctx.ent(k, "GPE")
    if e is not None and e.ent_id_:
        return e.ent_id_, e.end
    country = ctx.lex.demonyms.get(ctx.doc[k].text)
    return (country, k + 1) if country else None


def _seat_of_place(ctx: Context, span: Span, tspan: Span | None) -> str | None:
    """A legislator's seat (``titles.jsonl`` ``seat``) with its place after the name ("Sen. Ted
    Cruz of Texas"): the country of a place ``country_words.csv`` knows, or None."""
    doc, k = ctx.doc, span.end
    if (
        tspan is None
        or not ctx.lex.info(tspan.ent_id_).get("seat")
        or k + 1 >= len(doc)
        or doc[k].lower_ != "of"
    ):
        return None
    e = ctx.ent(k + 1, "GPE")
    return ctx.lex.place_country.get(e.text) if e is not None and not e.ent_id_ else None


def office_country(ctx: Context, span: Span, tspan: Span | None) -> str | None:
    """The country whose office a title is: none after a word of a state's level ("State Senator
    X", "state Rep. X": ``role_cues.csv`` ``sub_national``); a party-and-state tag after the name
    ("Sen. Ted Cruz (R-Tex)": the United States); a place that is no country right before the
    title or after its "of" is a state's or a city's office, none of the country's ("Ohio Attorney
    General X", "the attorney general of Oklahoma": not the US Department of Justice), except for a
    legislator's seat ("Vermont Sen. X": ``titles.jsonl`` ``seat``), in the country of a place
    ``country_words.csv`` knows ("Texas Senator X" in a story about Israel), else the story's;
    else the country named before the title or the document's, or the one country the title names
    an office of when that one has none ("Secretary of State X" in a story about Malaysia or naming
    no country: ``titles.jsonl`` ``office_country``)."""
    k = tspan.start - 1 if tspan is not None else -1
    if k >= 0 and ctx.doc[k].lower_ in ctx.lex.skip_words("sub_national"):
        return None
    tagged = ctx.lex.tag_country(ctx.doc, span.end) or _seat_of_place(ctx, span, tspan)
    if tagged or tspan is None:
        return tagged or ctx.country
    e = ctx.ent(k, "GPE") if k >= 0 else None
    if e is None and tspan.end + 1 < len(ctx.doc) and ctx.doc[tspan.end].lower_ == "of":
        e = ctx.ent(tspan.end + 1, "GPE")  # "the attorney general of Oklahoma": a state's office
    if e is not None and not e.ent_id_:  # a seat's country is the place's, else the story's
        return (
            ctx.lex.place_country.get(e.text) or ctx.country
            if ctx.lex.info(tspan.ent_id_).get("seat")
            else None
        )
    country = title_country(ctx, tspan.start)
    if ctx.lex.offices.implied(country, tspan.ent_id_) is None:
        return ctx.lex.info(tspan.ent_id_).get("office_country") or country
    return country


def mission_of(ctx: Context, span: Span, t: Span, body: str) -> str | None:
    """An envoy's mission (``titles.jsonl``: ``mission``) when the text names the country it
    represents and the one it is posted to: "US ambassador to Namibia" -> US Embassy in Namibia,
    "Ambassador of Morocco to Pakistan", "Morocco's Ambassador to Pakistan" -> Embassy of Morocco in
    Pakistan; none for "Ambassador X"
    alone (in Pakistani news also a retired diplomat's style), nor for a title after the name that
    a next name follows (a list: "A, Ambassador of Poland to Pakistan, B, …": whose it is is unclear)."""
    doc, i = ctx.doc, t.end
    owner = None
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        owner = _country_ent(ctx, i + 1)
        if owner is None:
            return None
        i = owner.end
    place = _country_ent(ctx, i + 1) if i + 1 < len(doc) and doc[i].lower_ == "to" else None
    if place is None or t.start >= span.end and _name_follows(ctx, place.end):
        return None
    if owner is not None:
        return f"{body} of {owner.text} in {place.text}"
    k = t.start - 1
    if k >= 1 and doc[k].text in POSSESSIVE:
        e = ctx.ent(k - 1, "GPE")  # "Pakistan's Ambassador to Kuwait" -> Embassy of Pakistan in Kuwait
        return f"{body} of {e.text} in {place.text}" if e is not None and e.ent_id_ else None
    e = ctx.ent(k, "GPE") if k >= 0 else None
    if e is not None and e.ent_id_:
        return f"{e.text} {body} in {place.text}"
    return f"{doc[k].text} {body} in {place.text}" if k >= 0 and doc[k].text in ctx.lex.demonyms else None


def _country_ent(ctx: Context, i: int) -> Span | None:
    """The country named at token ``i`` (past "the")."""
    if i < len(ctx.doc) and ctx.doc[i].lower_ == "the":
        i += 1
    e = ctx.ent(i, "GPE") if i < len(ctx.doc) else None
    return e if e is not None and e.ent_id_ and e.start == i else None


def _name_follows(ctx: Context, i: int) -> bool:
    """A name right after token ``i`` or past a comma or "is": a candidate name, or capitalised
    words the model tagged as no person and no known place ("…, Maciej Pisarski" as a GPE)."""
    doc = ctx.doc
    if i < len(doc) and doc[i].lower_ in (",", "is"):
        i += 1
    if i in ctx.person_tokens:
        return True
    e = ctx.ent_at.get(i)
    known = e is not None and (e.ent_id_ or e.label_ == "TITLE")
    return i < len(doc) and doc[i].is_title and doc[i].is_alpha and not known
