"""Clause helpers for the tier rules (:mod:`.tiers`, :mod:`.tier_years`, :mod:`.tier_countries`,
:mod:`.tier_mood`): the heads of a tier's own clause, a head's modifiers, word-pattern endings, and
a join in doing something."""

from __future__ import annotations

from spacy.tokens import Span, Token

_CLAUSE_DEPS = ("ROOT", "relcl", "ccomp", "advcl", "conj", "parataxis")


def clause_heads(e: Span | Token) -> list:
    """The tier's root and its heads up to and including the head of its own clause ("where it
    has remained in Tier 2" stops at "remained", not at the "failure" the clause hangs from)."""
    t = e.root if isinstance(e, Span) else e
    out = [t]
    while t.dep_ not in _CLAUSE_DEPS and t.head is not t:
        t = t.head
        out.append(t)
    return out


def modifiers(t) -> list:
    """A head's modifiers and theirs ("an otherwise required downgrade": downgrade -> required ->
    otherwise)."""
    first = [c for c in t.children if c.dep_ in ("amod", "advmod", "neg", "acomp")]
    return first + [g for c in first for g in c.children if g.dep_ in ("advmod", "neg")]


def ends_with(words: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """The words end with the pattern, "*" standing for any one word."""
    tail = words[-len(pattern) :]
    return len(tail) == len(pattern) and all(p in ("*", w) for p, w in zip(pattern, tail))


def joins_in_doing(verb: Token) -> bool:
    """A "join" verb with "in" + a verb form: joining others in doing something ("joined the Tier 3
    countries in criticising the report"), not joining them on a tier."""
    return any(
        c.dep_ == "pcomp" for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for c in p.children
    )
