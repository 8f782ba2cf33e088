"""A move the text forecasts for a report not yet out, for :mod:`.tier_years`: "Malaysia will fall to
Tier 3 after spending three years on the Tier 2 Watchlist in this year's TIP report" beside "The 2020
TIP report said that ..." is a move in the report after the one the text names in the past tense
(2021), not in that one."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.nlp.components.tier_clauses import clause_heads

# auxiliaries that put a clause in the future ("will fall", "'ll drop")
_FUTURE = ("will", "'ll", "shall")


def date_forecasts(doc: Doc, links: list[dict], doc_year: int | None, names_report) -> None:
    """An undated move the text forecasts (:func:`forecast_move`) in a text that names its report
    (``doc_year``; ``names_report``: a YEAR span -> bool) only in the past tense: the next report."""
    named = [e for e in doc.ents if e.label_ == "YEAR" and e.text == str(doc_year) and names_report(e)]
    if not named or not all(told_in_past(e) for e in named):
        return
    for link in links:
        if not link["_years"] and forecast_move(link):
            link["_years"] = [doc_year + 1]


def forecast_move(link: dict) -> bool:
    """The tier is where a country is moved to in a clause in the future tense ("will downgrade
    Malaysia to the lowest ranking", "Malaysia will fall to Tier 3"), or in a headline's "to" + verb
    ("US to downgrade Malaysia to lowest tier")."""
    e = link["_e"]
    if link["_from"] or not (link["_moved"] or link["change"] in ("upgraded", "downgraded")):
        return False
    if e.root.head.lower_ not in ("to", "into"):  # not "after spending three years on the watch list"
        return False
    head = clause_heads(e)[-1]
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE for a in auxes):
        return True
    return head.dep_ == "ROOT" and head.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes)


def told_in_past(y: Span) -> bool:
    """The year's report is spoken of in the past tense ("The 2020 TIP report said that ..."): the
    first verb above the year is a simple past or has a past auxiliary, and none of its auxiliaries
    is a future one ("the 2021 report, to be released on Thursday, will ...")."""
    verb = _verb_above(y.root)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE or a.tag_ in ("TO", "MD") for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _verb_above(t: Token) -> Token | None:
    """The first verb or auxiliary at or above a word."""
    while True:
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
