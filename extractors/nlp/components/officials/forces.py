"""A police station as an official's organisation folds into its force (models/gold/README.md: "a
police station -> the provincial/capital police force"): "IGP X chaired meetings at the Central
Police Office (CPO)" in an Islamabad story works for the Islamabad police; "Police Inspector
Devendra Malla" in a Nepal story whose police body is "District Police Office, Bardia" for Nepal
Police (the phrase itself names no country: India and Pakistan name offices so too).

A station is a police agency whose name holds a station phrase (``patterns/police_stations.csv``).
Its force: the police of the document's province (``provinces.csv``); else the national police
(``gazetteers/national_police.csv``) of the country the phrase belongs to, or of the document's
country; else the organisation is left as it is.
"""

from __future__ import annotations

from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.context import Context, Found


def fold_station(ctx: Context, found: Found | None) -> Found | None:
    """``found`` with a station organisation replaced by its force."""
    if found is None or not found[1]:
        return found
    force = station_force(ctx, found[1])
    return found if force is None else (found[0], force, *found[2:])


def station_force(ctx: Context, org: str) -> str | None:
    """The force of ``org`` when it is one of the document's police agencies named as a station."""
    lex = ctx.lex
    if ctx.doc.user_data.get(AGENCY_INFO, {}).get(org, {}).get("kind") != "police":
        return None
    name = org.lower()
    phrases = [(p, c) for p, c in lex.police_stations if p in name]
    if not phrases:
        return None
    if ctx.province and lex.police_of.get(ctx.province):
        return lex.police_of[ctx.province]
    # the longest phrase found names the unit ("district police office" over "police office")
    country = max(phrases, key=lambda pc: len(pc[0]))[1] or ctx.country
    return lex.national_police.get(country or "")
