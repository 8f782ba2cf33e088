"""``tipwatch_officials_v1``: people, their roles and organisations, and reference resolution.

Finds each person (``names``) and links a role in the constructions the domain uses, tried in the
order ``roles.CONSTRUCTIONS`` declares: an appointment ("has been appointed the director general
(DG) of the NCCIA": the new role wins), a title before the name (``premodifier``: "Interior
Minister Mohsin Naqvi"), a list under a plural title (``lists``: "sub-inspectors A, B, ASI C"), a
title after the name (``apposition``: "X, the director general of the FIA"); a chair ("led by
Senator Faisal Saleem", ``chair``) when nothing stronger is found. An organisation not named at the
title is implied (``orgs``: MNA -> National Assembly, a staff grade's employer). The story's person
still without a role takes a definite description of an office next to their name (``described``:
"Mr Blair … the prime minister"). Later short mentions, pronouns, role references and unnamed
officials are resolved by :mod:`extractors.nlp.resolve`, the resolver the claim speakers use too.

Writes the ``keys`` into ``doc.user_data`` (``PEOPLE``, ``PERSON_AT``, ``PRONOUN_AT``, ``ROLE_AT``,
``UNNAMED``, ``UNNAMED_AT``) and corrects PERSON entities to the full name span.
"""

from __future__ import annotations

from spacy.language import Language

from extractors.nlp.components.officials.keys import (
    APPOINTED,
    CHAIR,
    PEOPLE,
    PERSON_AT,
    PRONOUN_AT,
    ROLE_AT,
    TITLE,
    UNNAMED,
    UNNAMED_AT,
    WEAK,
)
from extractors.nlp.components.officials.linker import OfficialLinker

__all__ = [
    "APPOINTED",
    "CHAIR",
    "PEOPLE",
    "PERSON_AT",
    "PRONOUN_AT",
    "ROLE_AT",
    "TITLE",
    "UNNAMED",
    "UNNAMED_AT",
    "WEAK",
    "OfficialLinker",
    "make_official_linker",
]


@Language.factory(
    "tipwatch_officials_v1",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={
        "titles": None,
        "portfolios": None,
        "role_cues": None,
        "not_names": None,
        "unnamed_heads": None,
        "provinces": None,
        "places": None,
        "org_keywords": None,
        "name_particles": None,
        "offices": None,
        "party_forms": None,
        "country_words": None,
        "national_police": None,
        "police_stations": None,
        "ranks": None,
        "force_names": None,
        "time_words": None,
        "portfolio_words": None,
    },
)
def make_official_linker(
    nlp: Language,
    name: str,
    honorifics: str,
    titles: str | None,
    portfolios: str | None,
    role_cues: str | None,
    not_names: str | None,
    unnamed_heads: str | None,
    provinces: str | None,
    places: str | None,
    org_keywords: str | None,
    name_particles: str | None,
    offices: str | None,
    party_forms: str | None,
    country_words: str | None,
    national_police: str | None,
    police_stations: str | None,
    ranks: str | None,
    force_names: str | None,
    time_words: str | None,
    portfolio_words: str | None,
) -> OfficialLinker:
    files = dict(locals())  # every config file by its parameter name
    return OfficialLinker(files.pop("nlp"), files.pop("name"), **files)
