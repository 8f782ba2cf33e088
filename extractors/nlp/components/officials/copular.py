"""A role stated with "is": "Ed is a special advisor to the chancellor", "Craig Bryan is the head
of the National Center for Veterans Studies", "X, who is Oxfam's director". Only the present tense
("was" may be a past role) and only the name as the clause's subject (or its relative clause's);
not a past role ("is a former minister"), a negated one, nor a weak title without its body
("Trump, who is a leader who embodies …").
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.context import Context, Found
from extractors.nlp.components.officials.keys import TITLE, WEAK
from extractors.nlp.components.officials.orgs import post, premods


def copular(ctx: Context, span: Span) -> Found | None:
    """NAME is [the|a|an] [ORG's|ORG] TITLE [of|at ORG]: the title after a present-tense "is" whose
    subject the name is, with the organisation named at it."""
    doc, verb = ctx.doc, _verb(span)
    if verb is None or verb.i < span.end or verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP"):
        return None
    if any(t.dep_ == "neg" for t in verb.children):
        return None  # "X is not the minister"
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    e = ctx.ent(attr.i, "TITLE") if attr is not None else None
    if e is None or any(k in ctx.person_tokens for k in range(verb.i, e.start)):
        return None
    if any(doc[k].lower_ in ctx.lex.former for k in range(attr.left_edge.i, e.start)):
        return None  # "X is a former minister", "X is the ex-chairman"
    if any(
        c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" or c.lower_ in ("only", "last") for c in attr.children
    ):
        return None  # "X is the first chief executive to be tried": a description, not the role
    org, _ = premods(ctx, e)
    if org is None:
        org, _ = post(ctx, e.end, e.ent_id_)
    if ctx.lex.is_weak(e.ent_id_):
        return None if org is None else (e.ent_id_, org, WEAK, e)  # "X, who is a leader who …"
    return e.ent_id_, org, TITLE, e


def _verb(span: Span):
    """The verb the name is the subject of: "X is", "His brother X is" (the subject's apposition),
    "X, who is" (a relative clause on the name)."""
    root = span.root
    rel = next((c for c in root.children if c.dep_ == "relcl"), None)
    who = (span.end, span.end + 1)  # "X who is", "X, who is": the clause right after the name
    if rel is not None and any(
        c.dep_ == "nsubj" and c.lower_ in ("who", "that") and c.i in who for c in rel.children
    ):
        return rel
    if root.dep_ == "appos" and root.head.dep_ == "nsubj":
        root = root.head
    return root.head if root.dep_ == "nsubj" else None
