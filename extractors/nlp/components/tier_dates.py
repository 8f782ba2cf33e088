"""Dates written in a text and the TIP report current at them (used by :mod:`.tier_years`).

A report comes out on its release day (``models/gazetteers/tip_report_releases.csv``: 2015 on 27
July, 2022 on 19 July, 2025 at the end of September): a text dated before that day still cites the
year before's report (:func:`report_year_at`). A year that closes a full date ("June 16, 2023",
"16 June 2023", the dateline "July 05, 2018 (LBO) –") is the date of the text or of an event, not a
report year: :func:`full_dates` finds them so that the tier's own years leave them out and the
report current at the date is used instead. A date written with its weekday and no year ("announced
on Tuesday, Sept. 30", "said on Friday, June 16") is dated by the weekday (:func:`weekday_year`).
A reporting period ("covering April 2019 to March 2020") names the report that covers it
(:func:`reporting_periods`).
"""

from __future__ import annotations

import datetime
import re

from spacy.tokens import Doc

from extractors.tip_releases import FALLBACK_RELEASE, Date, release_days, report_year_at

__all__ = [
    "FALLBACK_RELEASE",
    "Date",
    "dateline",
    "full_dates",
    "release_days",
    "reporting_periods",
    "report_year_at",
    "weekday_dateline",
    "weekday_year",
]

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
# A date with its weekday and no year ("on Tuesday, Sept. 30", "Friday 16 June", "Tuesday (19 July)"):
# not followed by one.
_WEEKDAYS = {w: i for i, w in enumerate("mon tues wednes thurs fri satur sun".split())}
_WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day\b,?\s+\(?(?:the\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}))"
    r"(?!,?\s*(?:19|20)\d{2}\b)",
    re.I,
)
# A page may name a day up to this many days ahead ("will be released on Friday, June 16").
_AHEAD = 31
# A date written year first ("Published: 2019-06-21").
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d)\b")
DATELINE_CHARS = 300
# A publication label dates the text when it is at most this many characters before the date
# ("Published:Friday | July 1, 2016": the weekday and separators between them).
_LABEL_REACH = 24


def weekday_year(
    month: int,
    day: int,
    weekday: int,
    releases: dict[int, tuple[int, int]],
    lag: int,
    published: Date | None = None,
) -> int | None:
    """The year of a date written with its weekday and no year: the latest year up to the page's
    date (``published``; or a few weeks after it, a date announced ahead) in which the day falls on that weekday; without a page date, the one year
    of a report (``releases``) out on that day or at most ``lag`` days before it ("said on Friday,
    June 16": 2023, the report of 15 June 2023; not 2006, eleven days after its release). None
    when no year or several fit."""
    if published is not None:
        latest = datetime.date(*published) + datetime.timedelta(days=_AHEAD)
        for year in range(latest.year, latest.year - 29, -1):
            if _on_weekday(year, month, day, weekday) and datetime.date(year, month, day) <= latest:
                return year
        return None
    fits = [
        year
        for year, (m, d) in releases.items()
        if _on_weekday(year, month, day, weekday)
        and 0 <= (datetime.date(year, month, day) - datetime.date(year, m, d)).days <= lag
    ]
    return fits[0] if len(fits) == 1 else None


def _on_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return datetime.date(year, month, day).weekday() == weekday
    except ValueError:  # 29 February, 31 June
        return False


def _weekday_dates(text: str, weekdays: dict | None) -> list[tuple[re.Match, Date, str]]:
    """(match, date, group of its day) of each date written with its weekday and no year whose
    year :func:`weekday_year` finds; ``weekdays``: its ``releases``, ``lag`` and ``published``."""
    found = []
    for m in _WEEKDAY_DATE.finditer(text) if weekdays else ():
        month, group = _MONTHS[(m["m1"] or m["m2"])[:3].lower()], "d1" if m["d1"] else "d2"
        year = weekday_year(month, int(m[group]), _WEEKDAYS[m["wd"].lower()], **weekdays)
        if year is not None:
            found.append((m, (year, month, int(m[group])), group))
    return found


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


def dateline(text: str, labels: tuple[str, ...] = ()) -> Date | None:
    """(year, month, day) of the full date a text opens with ("July 05, 2018 (LBO) –",
    "ISLAMABAD, 3 March 2019:", "Published: 2019-06-21"); None without one in its first characters.
    A date right after one of ``labels`` ("Published:Sunday | June 30, 2013") is the text's own even
    when another comes first: a page header prints the day it was saved ("Thu | Nov 30, 2023")."""
    found = _dates(text[:DATELINE_CHARS])
    for m, date in found:
        before = text[max(0, m.start() - _LABEL_REACH) : m.start()].lower()
        if any(label in before for label in labels):
            return date
    return next((date for _, date in found), None)


def weekday_dateline(text: str, weekdays: dict) -> Date | None:
    """(year, month, day) of a date with its weekday and no year in a text's first characters
    ("announced on Tuesday, Sept. 30"; ``weekdays``: :func:`_weekday_dates`), for a text with no
    full dateline and no page date; None without one."""
    return next((date for _, date, _ in _weekday_dates(text[:DATELINE_CHARS], weekdays)), None)


def published_date(published: str | None) -> Date | None:
    """(year, month, day) of a page's publication date (``YYYY-MM-DD...``); None for a year alone."""
    if not published or len(published) < 10 or not published[:4].isdigit():
        return None
    try:
        return int(published[:4]), int(published[5:7]), int(published[8:10])
    except ValueError:
        return None


# A month and year with an optional day before or after the month ("April 2019", "1 April 2019",
# "April 1, 2019"), then a range word and another such date: a period that may be a reporting period.
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"


def _month_year(m: str, y: str) -> str:
    """A month and year with an optional day before or after the month, groups named ``m`` and ``y``."""
    return rf"(?:(?:{_DAY}\s+(?:of\s+)?)?(?P<{m}>{_MONTH})\s+(?:{_DAY},?\s+)?(?P<{y}>(?:19|20)\d{{2}}))"


_PERIOD = re.compile(
    _month_year("m1", "y1") + r"\s*(?:to|through|till|until|and|[-–—])\s*" + _month_year("m2", "y2") + r"\b",
    re.I,
)


def reporting_periods(text: str, first: tuple[str, ...], last: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """(start, end, report year) of each TIP reporting period written in the text: a month of
    ``first`` to a month of ``last`` in the next year ("covering April 2019 to March 2020", "from 1
    April 2022 through 31 March 2023", "between April 2019 and March 2020") names the report that
    covers it, the one of its closing year (2020, 2023). Other periods ("From July 2010 to June
    2016") name no report."""
    firsts, lasts = {m[:3].lower() for m in first}, {m[:3].lower() for m in last}
    return [
        (m.start(), m.end(), int(m["y2"]))
        for m in _PERIOD.finditer(text)
        if m["m1"][:3].lower() in firsts and m["m2"][:3].lower() in lasts and int(m["y2"]) == int(m["y1"]) + 1
    ]


def full_dates(doc: Doc, weekdays: dict | None = None) -> tuple[dict[int, Date], int | None]:
    """Token index of each year that closes a date written in the text -> the date ("on Friday,
    June 16, 2023": the token "2023"; a date with its weekday and no year, by the token of its day:
    "on Friday, June 16", ``weekdays`` as for :func:`_weekday_dates`), and the index of the
    text's dateline (:func:`dateline`), None without one."""
    out, first = {}, None
    found = [(m, date, "y") for m, date in _dates(doc.text)] + _weekday_dates(doc.text, weekdays)
    for m, date, group in sorted(found, key=lambda f: f[0].start()):
        span = doc.char_span(
            m.start(group), m.end(group), alignment_mode="strict" if group == "y" else "expand"
        )
        if span is not None and len(span) == 1:
            out[span.start] = date
            if first is None and m.start() < DATELINE_CHARS:
                first = span.start
    return out, first
