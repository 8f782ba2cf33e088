"""A police station as an official's organisation folds into its force (models/gold/README.md: "a
police station -> the provincial/capital police force"): "IGP X chaired meetings at the Central
Police Office (CPO)" in an Islamabad story works for the Islamabad police; "Police Inspector
Devendra Malla" in a Nepal story whose police body is "District Police Office, Bardia" for Nepal
Police (the phrase itself names no country: India and Pakistan name offices so too).

A station is a police agency whose name holds a station phrase (``patterns/police_stations.csv``).
Its force: the police of the document's province (``provinces.csv``); else the national police
(``gazetteers/national_police.csv``) of the country the phrase belongs to, or of the document's
country; else the organisation is left as it is. A unit of a force named by its unit word
(``police_stations.csv`` fold ``national``: "Counter-Trafficking Unit", "Central Investigation
Bureau", "Northern Division Police") folds into the one police force the story names as an agency
without such words (``_named_force``: "Nepal Police" beside "Metropolitan Police Sector Office"),
else the one national force it names, else its country's when the story names no other police body
(``_other_force``: the country a story names most may be the victims' destination); never into a
province's police (a "National Police Bureau" is a body of its own). A unit whose owner
``agency_units`` recorded folds into that owner first.

The story's force (``story_force``: the province's police, else the national police) is also the
body of a police title that names none ("police spokesman X", "X, the police spokesperson": a bare
word for the police, ``force_before``; "X, a spokesman for the police", "Officer in Charge of
Namatala Police Station": the police or a station after the title's link, ``force_after``) and of
a police rank with no force in its sentence (``orgs.police_org``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.nlp.components.acronyms import police_unit
from extractors.nlp.components.entities import AGENCY_INFO, OWNER
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context, Found


def fold_station(ctx: Context, found: Found | None) -> Found | None:
    """``found`` with a station organisation replaced by its force."""
    if found is None or not found[1]:
        return found
    # the owner the story names first ("the Head of the Criminal Investigation Unit" of the
    # Soekarno-Hatta Airport Police), then the station's or unit's force
    force = _owned_unit_force(ctx, found[1]) or station_force(ctx, found[1])
    return found if force is None else (found[0], force, *found[2:])


def _owned_unit_force(ctx: Context, org: str) -> str | None:
    """A unit written as the police's possession ("Fiji Police’s Human Trafficking Unit") in a
    story about a country whose police is one national force: that force; a unit that
    ``agency_units`` split from its owner: the owner (sub-units fold into their body,
    models/gold/README.md)."""
    owner = ctx.doc.user_data.get(AGENCY_INFO, {}).get(org, {}).get(OWNER)
    if owner:
        return owner
    for poss in ("’s ", "'s "):
        owner, found, _ = org.partition(poss)
        if found and owner.split()[-1].lower() in ctx.lex.skip_words("force_word"):
            return ctx.lex.national_police.get(ctx.country or "")
    return None


def station_force(ctx: Context, org: str) -> str | None:
    """The force of ``org`` when it is one of the document's police agencies named as a station,
    or as a unit of a national force (not that force itself)."""
    lex = ctx.lex
    if ctx.doc.user_data.get(AGENCY_INFO, {}).get(org, {}).get("kind") != "police":
        return None
    name = _words(org)
    phrases = _stations(lex, name)
    if not phrases:
        if not _is_unit(lex, name):
            return None
        force = _named_force(ctx) or (None if _other_force(ctx) else national_force(ctx))
        return force if force != org else None
    if ctx.province and lex.police_of.get(ctx.province):
        return lex.police_of[ctx.province]
    named = named_national_force(ctx)
    if named:
        return named
    # the longest phrase found names the unit ("district police office" over "police office")
    country = max(phrases, key=lambda pc: len(pc[0]))[1] or ctx.country
    return lex.national_police.get(country or "")


def _words(name: str) -> str:
    """``name`` lower case as whole words between spaces (phrases match whole words)."""
    return f" {' '.join(re.findall(r'[a-z0-9]+', name.lower()))} "


def _stations(lex, words: str) -> list[tuple[str, str]]:
    """The station phrases (with their country) ``words`` (from :func:`_words`) hold."""
    return [(p, c) for p, c in lex.police_stations if f" {p} " in words]


def _is_unit(lex, words: str) -> bool:
    """``words`` (from :func:`_words`) hold a unit's word of ``police_stations.csv``."""
    return any(f" {w} " in words for w in lex.police_unit_words)


def _named_force(ctx: Context) -> str | None:
    """The one police force the story names as an agency: a police agency named without a
    station's or unit's words ("Soekarno-Hatta Airport Police" for "the Head of the Criminal
    Investigation Unit"; "Nepal Police" for "the chief of MPSO"); ``None`` when it names none or
    two."""
    info = ctx.doc.user_data.get(AGENCY_INFO, {})
    named = set()
    for e in ctx.doc.ents:
        name = ent_name(e)
        if e.label_ != "AGENCY" or info.get(name, {}).get("kind") != "police":
            continue
        words = _words(name)
        if not _is_unit(ctx.lex, words) and not _stations(ctx.lex, words):
            named.add(name)
    return named.pop() if len(named) == 1 else None


def _other_force(ctx: Context) -> bool:
    """The story names a police body (no unit) the agencies do not hold as a police force ("The
    Soekarno-Hatta Airport Police" of another kind): its units may be that body's, not the national
    force of the country the story names most (a destination named thrice)."""
    return any(
        e.label_ in ("AGENCY", "ORG")
        and len(e) > 1
        and e[-1].lower_ in ctx.lex.force_names
        and not _is_unit(ctx.lex, _words(ent_name(e)))
        for e in ctx.doc.ents
    )


def national_force(ctx: Context) -> str | None:
    """The national force a unit of the story belongs to: the one the story names
    (:func:`named_national_force`), else its country's (``gazetteers/national_police.csv``)."""
    return named_national_force(ctx) or ctx.lex.national_police.get(ctx.country or "")


def named_national_force(ctx: Context) -> str | None:
    """The one national force (``gazetteers/national_police.csv``) the document names as an
    agency ("Nepal Police", "Ghana Police Service"): the owner of the units the story names, more
    surely than the country it names most (a Ghana story naming an NGO "headquartered in the United
    States"); ``None`` when it names none or two."""
    forces = set(ctx.lex.national_police.values())
    named = {ent_name(e) for e in ctx.doc.ents if e.label_ == "AGENCY" and ent_name(e) in forces}
    return named.pop() if len(named) == 1 else None


def story_force(ctx: Context) -> str | None:
    """The police force of the story: its province's police, else its country's one national police
    (``gazetteers/national_police.csv``), else ``None``."""
    if ctx.province and ctx.lex.police_of.get(ctx.province):
        return ctx.lex.police_of[ctx.province]
    return ctx.lex.national_police.get(ctx.country or "")


def _open_before(doc, j: int) -> bool:
    """Nothing that could name a body before token ``j``: the sentence start, an article,
    punctuation."""
    return (
        j == 0 or doc[j].is_sent_start or doc[j - 1].lower_ in ("the", "a", "an") or not doc[j - 1].is_alpha
    )


def force_before(ctx: Context, j: int) -> tuple[str | None, int] | None:
    """A bare word for the police (``role_cues.csv`` ``force_word``) at token ``j`` before a title,
    as (its force, where the body's words start): after a country's name or demonym that
    country's one national police ("Ghana Police Superintendent X", "Ugandan police spokesman X");
    after an article, punctuation or at the sentence start the story's force ("police spokesman
    X", "X, the police spokesman"), also past a title's qualifier ("Acting Police Commissioner X"); ``None`` when a longer name holds the word ("Kampala
    Metropolitan Police spokesperson": a force of its own) or an entity covers it."""
    doc = ctx.doc
    if doc[j].lower_ not in ctx.lex.skip_words("force_word") or j in ctx.ent_at:
        return None
    if _open_before(doc, j):
        return story_force(ctx), j
    if doc[j - 1].lower_ in ctx.lex.skip_words("title_qualifier") and _open_before(doc, j - 1):
        return story_force(ctx), j - 1  # "acting Police Commissioner X": the qualifier is the title's
    prev = ctx.ent_at.get(j - 1)
    country = ctx.lex.demonyms.get(doc[j - 1].text)
    if prev is not None and prev.label_ == "GPE" and prev.end == j:
        country = prev.ent_id_ or country
    if country is None:
        return None
    start = prev.start if prev is not None and prev.end == j else j - 1
    return ctx.lex.national_police.get(country), start


def staff_police(ctx: Context, sent: Span, kinds: dict) -> str | None:
    """For ranks that police and the FIA share: the document's police force (not a unit of it:
    ``acronyms.police_unit``), or the province's when the sentence is about police ("SHO X, DSP Y,
    Inspector Z")."""
    police = next(
        (
            n
            for n, _ in ctx.agency_count.most_common()
            if kinds.get(n, {}).get("kind") == "police" and not police_unit(n)
        ),
        None,
    )
    if police:
        return police
    about_police = any(t.lower_ in ("police", "policemen", "policeman") for t in sent) or any(
        e.label_ == "TITLE" and ctx.lex.info(e.ent_id_).get("org_kind") == "police" for e in sent.ents
    )
    if about_police and ctx.province and ctx.lex.police_of.get(ctx.province):
        return ctx.lex.police_of[ctx.province]
    return None


def force_after(ctx: Context, t_end: int) -> str | None:
    """The story's force for a title followed by "of/for/at (the)" and the police written in lower
    case, alone or with a unit ("X, a spokesman for the police", "head of the police department's
    anti-trafficking section"), or by a station ("Officer in Charge of Namatala Police Station": a
    station folds into its force); ``None`` for a place's own force ("of the Kampala Metropolitan
    Police") or when no force word follows within four words."""
    doc, k = ctx.doc, t_end
    if k < len(doc) and doc[k].lower_ in ("of", "for", "at"):
        k += 1
    elif t_end == 0 or doc[t_end - 1].lower_ != "of":
        return None  # the title must end in or be followed by its link ("head of" is one title)
    k += k < len(doc) and doc[k].lower_ == "the"
    start = k
    while k < min(start + 4, len(doc)) and doc[k].lower_ not in ctx.lex.skip_words("force_word"):
        if not doc[k].is_alpha or k in ctx.person_tokens or doc[k].lower_ in ("of", "for", "and"):
            return None
        k += 1
    if k >= min(start + 4, len(doc)) or k in ctx.ent_at:
        return None
    named = any(not w.is_lower for w in doc[start:k])
    if not named:
        return story_force(ctx)
    station = doc[k : k + 3].text.lower()
    if any(station.startswith(p) for p, _ in ctx.lex.police_stations):
        return story_force(ctx)
    return None
