"""The TIP report as a claim speaker, before its issuer is taken for the speaker.

The guideline (``models/gold/README.md``, claims) gives a claim whose source is the Trafficking in
Persons report to ``report`` (kind ``report``), not to the US Department of State that publishes
it: "the US State Department's Trafficking in Persons (TIP) Report", "The 2024 TIP Report
published by the US Department of State", "The State Department's 2020 Trafficking in Persons
Report", "The United States in its TIP report for the year 2020" all speak as ``report``. In a
text that names the TIP report, "the State Department report" and "the US government's annual
report ranking countries …" are that report too. Word lists: ``tip_report_words`` and
``tip_report_modifiers`` in ``models/patterns/claim_lexicon.toml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import _TIP_REPORT_MODIFIERS, _TIP_REPORT_WORDS
from extractors.nlp.claims.subjects import Speaker, _in_clause

_REPORT_NOUNS = ("report",)


def names_tip(span: Span) -> bool:
    """The phrase names the TIP report ("TIP", "Trafficking in Persons")."""
    return any(t.text in _TIP_REPORT_WORDS for t in span)


def _doc_names_tip(doc: Doc) -> bool:
    return any(t.text in _TIP_REPORT_WORDS for t in doc)


def _report_noun(span: Span, root: Token) -> Token | None:
    """The phrase's "report": its head, or a report the head speaks in ("The United States in its
    TIP report"), not one inside a clause ("the FIA, citing the TIP report")."""
    for t in span:
        if t.lower_ not in _REPORT_NOUNS or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.i == root.i or (not _in_clause(t, root) and _hangs_from(t, root)):
            return t
    return None


def _hangs_from(t: Token, root: Token) -> bool:
    """``t`` is the root's child or grandchild, or a report the root speaks *in*, reached through
    prepositions and their objects only ("The United States in its Trafficking in Persons (TIP)
    report": report <- in <- Trafficking <- in <- States; not "the ministry in charge of the fight
    against the TIP report")."""
    if t.head.i == root.i or t.head.head.i == root.i:
        return True
    for _ in range(6):
        if t.dep_ not in ("pobj", "prep", "nmod", "compound") or t.head.i == t.i:
            return False
        if t.head.i == root.i:
            return t.lower_ == "in"
        t = t.head
    return False


def tip_report_phrase(s) -> Speaker | None:
    """``("report", "report")`` when the source phrase is the TIP report (module docstring)."""
    span = s.span
    noun = _report_noun(span, s.root)
    if noun is None:
        return None
    if names_tip(span):
        return "report", "report"
    before = {t.lower_ for t in span[: noun.i - span.start]}
    if before & _TIP_REPORT_MODIFIERS and _doc_names_tip(s.doc):
        return "report", "report"
    return None
