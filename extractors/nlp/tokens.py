"""Word classes of single tokens that several components test for.

Kept in one place so that every component agrees on them (a second copy drifts: one module once
also counted a bare apostrophe, see ``entities._POSSESSIVE``, which stays separate on purpose).
"""

from __future__ import annotations

# spaCy splits the possessive clitic off as its own token, written with a straight or curly quote.
POSSESSIVE = frozenset({"'s", "’s"})
