"""Named bodies the agency recogniser (``agency_model``) leaves unmarked, found from their shape.

Handed to the recogniser's own checks (``AgencyModel._accept``), so a span found here is kept only
where a recognised one would be:

:func:`unit_of_parent`: a unit named before the body it belongs to ("the Residency Department"
+ "of the Ministry of Interior", "the Victim and Witness Attention Unit" + "of the Regional
Prosecutor's Office"): the whole span touches the parent's rule entity and is refused; the unit
alone is an agency of its own (guideline: named units and offices count as agencies).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.assets import MODELS_DIR, read_lines

# Head words of a unit that belongs to a larger body named after it with "of"
# (models/patterns/unit_heads.txt).
_UNIT_HEADS = frozenset(read_lines(str(MODELS_DIR / "patterns" / "unit_heads.txt")))


def unit_of_parent(doc: Doc, start: int, end: int, taken: list[Span], keywords: dict[str, str]) -> int | None:
    """The end of the unit a span names before its parent body ("Residency Department" + "of the
    Ministry of Interior"): the first unit word followed by "of" (and "the") and a rule agency
    inside the span; None when there is none (module docstring)."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ != "of" or doc[i - 1].lower_ not in _UNIT_HEADS or doc[i - 1].lower_ not in keywords:
            continue
        k = i + 1 + (doc[i + 1].lower_ == "the")
        if any(t.label_ == "AGENCY" and t.start == k for t in taken):
            return i
        return None
    return None
