"""An entity's canonical name: the gazetteer id the entity ruler gave it ("FIA" ->
"Federal Investigation Agency"), else its text as written. Imports nothing of the officials
package, so every officials module can use it."""

from __future__ import annotations

from spacy.tokens import Span


def ent_name(e: Span) -> str:
    """``e``'s canonical name: its ``ent_id_`` when it has one, else its text."""
    return e.ent_id_ or e.text
