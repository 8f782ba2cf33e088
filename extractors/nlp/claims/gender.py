"""A person pronoun's gender against what the story shows of a person's: "he" never stands for
someone the story calls Mrs, Ms or Lady, "she" never for someone it calls Mr or Lord (BBC politics:
"Mrs Jowell …" then a shadow minister's "… he said"; "Mr Blunkett … Mrs Quinn … She denies").

The only evidence is an honorific written before a surname (the lists in
``claim_lexicon.toml``); a surname written with both (Mr and Mrs Schlafly), or shared by two people
the story names (John and Phyllis Schlafly), shows nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from extractors.nlp.claims.lexicon import (
    _FEMALE_HONORIFICS,
    _FEMALE_PRONOUNS,
    _MALE_HONORIFICS,
    _MALE_PRONOUNS,
)


def _surnames_after(doc: Doc, honorifics: set[str]) -> set[str]:
    """Capitalised words written right after one of ``honorifics`` ("Mrs Jowell" -> "Jowell")."""
    return {
        doc[t.i + 1].text
        for t in doc[:-1]
        if t.lower_ in honorifics and doc[t.i + 1].is_title and doc[t.i + 1].is_alpha
    }


def gender_clash(doc: Doc, pronoun: str, names: Iterable[str]) -> Callable[[str | None], bool]:
    """A test: the story shows that the person named ``name`` cannot be ``pronoun`` ("he", "she");
    ``names``: the full names of the people the story names."""
    low = pronoun.lower()
    if low in _MALE_PRONOUNS:
        same, other = _MALE_HONORIFICS, _FEMALE_HONORIFICS
    elif low in _FEMALE_PRONOUNS:
        same, other = _FEMALE_HONORIFICS, _MALE_HONORIFICS
    else:
        return lambda name: False
    shown = _surnames_after(doc, other) - _surnames_after(doc, same)
    shared = Counter(n.split()[-1] for n in set(names) if n)
    shown = {w for w in shown if shared[w] <= 1}
    return lambda name: bool(name) and name.split()[-1] in shown
