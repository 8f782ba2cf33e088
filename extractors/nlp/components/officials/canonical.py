"""An entity's canonical name: the gazetteer id the entity ruler gave it ("FIA" ->
"Federal Investigation Agency"), else its text as written; and the agencies a document names,
by those names. Imports nothing of the officials package, so every officials module can use it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from extractors.nlp.components.entities import AGENCY_INFO


def ent_name(e: Span) -> str:
    """``e``'s canonical name: its ``ent_id_`` when it has one, else its text."""
    return e.ent_id_ or e.text


def named_agencies(doc: Doc) -> Iterator[tuple[str, dict, list[str]]]:
    """Each ``AGENCY`` entity of ``doc`` in text order: its canonical name, what the agency
    components recorded about it (``AGENCY_INFO``: kind, owner; empty when nothing) and the
    lower-case words of the name."""
    info = doc.user_data.get(AGENCY_INFO, {})
    for e in doc.ents:
        if e.label_ == "AGENCY":
            name = ent_name(e)
            yield name, info.get(name, {}), re.findall(r"[a-z]+", name.lower())
