"""Dates written in a text and the TIP report current at them (used by :mod:`.tier_years`).

A report comes out on its release day (``models/gazetteers/tip_report_releases.csv``: 2015 on 27
July, 2022 on 19 July, 2025 at the end of September): a text dated before that day still cites the
year before's report (:func:`report_year_at`). A year that closes a full date ("June 16, 2023",
"16 June 2023", the dateline "July 05, 2018 (LBO) –") is the date of the text or of an event, not a
report year: :func:`full_dates` finds them so that the tier's own years leave them out and the
report current at the date is used instead.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractors.tip_releases import FALLBACK_RELEASE, Date, release_days, report_year_at

__all__ = ["FALLBACK_RELEASE", "Date", "dateline", "full_dates", "release_days", "report_year_at"]

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# A month's name or its abbreviation ("Sept.", "June"), not a word that starts like one ("market").
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+)"
    r"(?P<y>(?:19|20)\d{2})\b",
    re.I,
)
# A date written year first ("Published: 2019-06-21").
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d)\b")
DATELINE_CHARS = 300


def _dates(text: str) -> list[tuple[re.Match, Date]]:
    """(match, date) of each full date written in the text, in order. A month without a day ("in
    March 2019") is not one: its year stays a year, as the text states it."""
    found = []
    for m in _DATE.finditer(text):
        month = _MONTHS[(m["m1"] or m["m2"])[:3].lower()]
        found.append((m, (int(m["y"]), month, int(m["d1"] or m["d2"]))))
    for m in _ISO.finditer(text):
        if 1 <= int(m["mo"]) <= 12 and 1 <= int(m["d"]) <= 31:
            found.append((m, (int(m["y"]), int(m["mo"]), int(m["d"]))))
    return sorted(found, key=lambda f: f[0].start())


def dateline(text: str) -> Date | None:
    """(year, month, day) of the full date a text opens with ("July 05, 2018 (LBO) –",
    "ISLAMABAD, 3 March 2019:", "Published: 2019-06-21"); None without one in its first characters."""
    return next((date for _, date in _dates(text[:DATELINE_CHARS])), None)


def published_date(published: str | None) -> Date | None:
    """(year, month, day) of a page's publication date (``YYYY-MM-DD...``); None for a year alone."""
    if not published or len(published) < 10 or not published[:4].isdigit():
        return None
    try:
        return int(published[:4]), int(published[5:7]), int(published[8:10])
    except ValueError:
        return None


def full_dates(doc: Doc) -> tuple[dict[int, Date], int | None]:
    """Token index of each year that closes a date written in the text -> the date ("on Friday,
    June 16, 2023": the token "2023"), and the index of the text's dateline
    (:func:`dateline`), None without one."""
    out, first = {}, None
    for m, date in _dates(doc.text):
        span = doc.char_span(m.start("y"), m.end("y"))
        if span is not None and len(span) == 1:
            out[span.start] = date
            if first is None and m.start() < DATELINE_CHARS:
                first = span.start
    return out, first
