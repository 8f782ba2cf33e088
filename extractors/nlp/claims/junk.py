"""Sources that cannot have said anything: the claim is dropped (``ClaimFinder._kept``).

A tier or a tier status ("Tier 3 status indicates …"), or a relative pronoun that stands for one
("Tier 2, which acknowledges …"), is no speaker; what the parser took for a
claim there is a description of the placement. Dates ("2005 offers the chance …") and relative
possessives ("countries whose governments are seeing …") were tried too and dropped: PolNeAR
counts such sources as attributions ("the charity, whose spokesman said …") and the PolNeAR cue
floor fell below its value with them. "You" alone is the reader addressed in general ("You know
what they say", "if you prefer …"), not a speaker (``reader_pronouns``).
"""

from __future__ import annotations

from extractors.nlp.claims.lexicon import _READER_PRONOUNS, _STATUS_WORDS


def junk_source(c) -> bool:
    """The claim's source phrase is a tier, a tier status or "which" on a tier, or the reader ("you")."""
    src = c.src
    if src is None or not len(src):
        return False
    if len(src) == 1 and src[0].lower_ in _READER_PRONOUNS:
        return True
    root = src.root
    if root.ent_type_ == "TIER":
        return True
    if root.lower_ in ("which", "that") and root.head.dep_ == "relcl" and root.head.head.ent_type_ == "TIER":
        return True  # "In between is Tier 2, which acknowledges national efforts …": the tier again
    return root.lower_ in _STATUS_WORDS and any(t.ent_type_ == "TIER" for t in src)
