"""Law-enforcement statistics a TIP report's narratives state in prose.

Contract of :func:`statistics`: one :class:`~extractors.records.Statistic` per figure stated with a
verb ("investigated 1,120 cases", "initiated prosecutions of 12 suspects", "convicted three
traffickers", "identified 21,253 victims"), with the qualifier after the noun ("for forced labor"),
plus one per part of a breakdown in parentheses ("(1,010 for sex trafficking and 110 for forced
labor)"). Figures after "compared with" or for other verbs are not statistics of the year.
"""

from __future__ import annotations

import re

from extractors.parse.documents import Document
from extractors.parse.tip_narratives import (
    Narrative,
    country_key,
    page_finder,
    report_year,
    segment_narratives,
    sentence_span,
    tier_lists,
)
from extractors.records import Statistic

__all__ = ["statistics"]

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_WORD_NUMBERS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_METRIC_VERBS = {
    "investigations": (
        r"investigat(?:ed|ing)|initiated\s+investigations\s+(?:of|into)|opened\s+investigations\s+(?:of|into)"
    ),
    "prosecutions": r"prosecut(?:ed|ing)|initiated\s+prosecutions\s+(?:of|against)",
    "convictions": r"convict(?:ed|ing)",
    "victims_identified": r"identif(?:ied|ying)",
}
_NOUNS = (
    r"(?:(?:alleged|suspected|potential|trafficking|child|adult|foreign|individual)\s+)?"
    r"(?:cases?|suspects?|individuals?|people|persons?|traffickers?|defendants?|victims?|perpetrators?|offenders?)"
)
_QUALIFIER = (
    r"(?:for|of|under|involving)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}?"
    r"(?:trafficking|labor|labour|law|begging|servitude|marriage|exploitation)"
)
_STAT = re.compile(
    r"\b(?P<verb>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _METRIC_VERBS.items())
    + r")\s+(?:a\s+total\s+of\s+)?"
    + _NUM
    + r"\s+(?P<noun>"
    + _NOUNS
    + r")\b(?:\s+(?P<qual>"
    + _QUALIFIER
    + r")\b)?"
    + r"(?:\s*\((?P<parts>[^()]{3,200})\))?",
    re.I,
)
_PART = re.compile(_NUM + r"\s+(?:" + _NOUNS + r"\s+)?(?P<qual>" + _QUALIFIER + r")\b", re.I)


def statistics(doc: Document) -> list[Statistic]:
    """Investigations, prosecutions, convictions and victims identified stated in each narrative.

    One row per figure: the headline figure with its qualifier (None when the sentence gives none)
    and one per part of a breakdown in parentheses, each with its own qualifier. ``start``/``end``
    cover the phrase (verb to qualifier, or the breakdown part).
    """
    text = doc.text
    year = report_year(doc)
    narratives = segment_narratives(doc)
    limit = narratives[0].start if narratives else len(text)
    names = {country_key(c): c for c, _, _, _ in tier_lists(text, 0, limit)}
    pager = page_finder(doc)
    lowered = text.lower()
    out: list[Statistic] = []
    for n in narratives:
        country = names.get(country_key(n.country), n.country)
        for m in _stat_matches(text, lowered, n.header_end, n.end):
            metric = next(k for k in _METRIC_VERBS if m.group(k))
            end = m.end("qual") if m.group("qual") else m.end("noun")
            out.append(
                _statistic(
                    doc, pager, country, year, metric, m.group("num"), m.group("qual"), m.start(), end, n
                )
            )
            if m.group("parts"):
                base = m.start("parts")
                for part in _PART.finditer(m.group("parts")):
                    num, qual = part.group("num"), part.group("qual")
                    out.append(_statistic(doc, pager, country, year, metric, num, qual,
                                          base + part.start(), base + part.end(), n))  # fmt: skip
    return out


_VERB_STEMS = ("investigat", "prosecut", "convict", "identif", "initiated", "opened")


def _stat_matches(text: str, lowered: str, lo: int, hi: int):
    # str.find on the verb stems, then the full pattern anchored there: the same matches as
    # _STAT.finditer, several times faster on a 600-page report.
    """Matches of the statistic pattern in ``text[lo:hi]``, left to right, none overlapping."""
    starts = set()
    for stem in _VERB_STEMS:
        i = lowered.find(stem, lo, hi)
        while i >= 0:
            starts.add(i)
            i = lowered.find(stem, i + 1, hi)
    last_end = lo
    for i in sorted(starts):
        if i < last_end:
            continue
        m = _STAT.match(text, i, hi)
        if m:
            last_end = m.end()
            yield m


def _statistic(doc, pager, country, year, metric, num, qualifier, start, end, n: Narrative) -> Statistic:
    """One row: "three" -> 3, "1,120" -> 1120; evidence is the sentence around the phrase."""
    value = _WORD_NUMBERS.get(num.lower()) if not num[0].isdigit() else int(num.replace(",", ""))
    s, e = sentence_span(doc.text, start, end, n.header_end, n.end)
    qualifier = re.sub(r"\s+", " ", qualifier) if qualifier else None
    return Statistic(
        doc.doc_id, country, year, metric, value, qualifier, start, end, pager(start), doc.text[s:e]
    )
