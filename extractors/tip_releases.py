"""The day each TIP report came out, and the report current at a date.

One place for the rule the tier components (:mod:`extractors.nlp.components.tier_dates`) and the
claim checks (:mod:`extractors.analysis.assertions`) share: a text dated before a report's release
day (``models/gazetteers/tip_report_releases.csv``: 2015 on 27 July, 2022 on 19 July, 2025 at the
end of September) still cites the year before's report. Kept free of spaCy, so the claim checks
run in the flow's process without loading it.
"""

from __future__ import annotations

from extractors.assets import read_csv

# The day a report without a row in the release file is taken to come out (second half of June).
FALLBACK_RELEASE = (6, 15)

Date = tuple[int, int, int]


def release_days(path: str | None) -> dict[int, tuple[int, int]]:
    """Report year -> (month, day) of its release, from the release file (empty without one;
    comment rows, whose first field starts with '#', are skipped)."""
    if not path:
        return {}
    out = {}
    for r in read_csv(path):
        if (next(iter(r.values()), "") or "").startswith("#"):
            continue
        y, m, d = (int(p) for p in r["released"].split("-"))
        out[int(r["report_year"])] = (m, d)
    return out


def report_year_at(date: Date, releases: dict[int, tuple[int, int]], released: bool = False) -> int:
    """The report current at a date: its year once that year's report is out, else the year
    before ("2015-07-10" -> 2014: the 2015 report came out on 27 July). A text that reports the
    release just now (``released``) is dated in the report's year."""
    year, month, day = date
    return year if released or (month, day) >= releases.get(year, FALLBACK_RELEASE) else year - 1
