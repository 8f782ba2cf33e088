"""Word classes of single tokens that several components test for.

Kept in one place so that every component agrees on them (a second copy drifts: one module once
also counted a bare apostrophe, see ``entities._POSSESSIVE``, which stays separate on purpose).
"""

from __future__ import annotations

# spaCy splits the possessive clitic off as its own token, written with a straight or curly quote.
POSSESSIVE = frozenset({"'s", "’s"})


def possessive_mark(doc, i: int) -> bool:
    """Token ``i`` marks a possessive inside a name: the clitic ("Women's") or the bare apostrophe
    spaCy splits off a plural ("British Bankers' Association")."""
    tok = doc[i]
    return tok.text in POSSESSIVE or (tok.text in ("'", "’") and i > 0 and doc[i - 1].lower_.endswith("s"))
