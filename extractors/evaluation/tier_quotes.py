"""Score tier placements on short real quotes (``../shared/corpus/tiers/news_cited_tier_evidence.csv``).

Pure: rows and predictions in, a :class:`TierQuoteReport` out; reading the CSV and running the
pipeline live in ``flows/gold.py`` and ``flows/evaluation.py``.

Each row is one country's placement (country, report year, tier) with a short quote from news, an
official statement or a TIP narrative that states it. Every quote is scored on its own:

* Gold is the row's placement; predictions are the quote's ``tier_placements`` rows **for the
  row's country** (a quote that lists "Pakistan, Serbia, and Saudi Arabia" is evidence about
  Pakistan only: the other countries are not annotated, so they are neither right nor wrong),
  leaving out another tier dated to an earlier report than the row's ("In the 2012 TIP Report, Nigeria
  was downgraded from Tier 1 to Tier 2" also places Nigeria on Tier 1 in 2011: another report's
  placement, which the row does not annotate either).
* ``tier_quotes``: (country, tier) on every scorable row. ``tier_quotes_year``: (country, tier,
  report_year) on the scorable rows whose quote states the row's report year ("In the 2012 TIP
  Report, Nigeria was ..."); a placement stated without a year cannot be dated from the quote.
* Precision, recall and F1 as in :mod:`extractors.evaluation.scores` (set per quote, micro average).

A row is skipped, with its reason, when its quote cannot be scored from the quote alone
(:func:`skip_reason`): the quote is not English; it never names the country ("the country has
been placed ..."); or every year it names is before the report year and none starts a period
running to now ("on the Tier 2 Watch List from 2017 to 2019" in a row for 2022: the quote states
earlier years' placements, not the row's; "since 2013" still covers the report year).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from extractors.evaluation.scores import Error, FieldScore, Report, country_key, normalize, tier_key

FIELDS = ("tier_quotes", "tier_quotes_year")
FIELD_HELP = {
    "tier_quotes": "country + tier of the row's country, every scorable quote",
    "tier_quotes_year": "country + tier + report_year, quotes that state the row's year",
}

# Function words of English and of the Romance languages of the covered countries' press
# ("O país foi promovido para a Lista de Observação do Nível 2"). A heading without any
# ("PAKISTAN: Tier 2 Watch List") counts as English.
_ENGLISH = frozenset(
    "the of to in on is was has have been from its and for by with into at as are were".split()
)
_ROMANCE = frozenset(
    "o os as do da dos das para foi em na no que um uma el la los las les des du est por con".split()
)
# "news in Portuguese (RTP Africa)": the row says the source is in another language.
_LANGUAGE_NOTE = re.compile(
    r"\bin (?!English\b)(Portuguese|Spanish|French|Arabic|Urdu|Bengali|Hindi|Malay|Thai|Russian|Chinese)\b"
)
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_WORD = re.compile(r"[^\W\d_]+")
# "upgraded from Tier 2 Watch List to Tier 2", 'from a ranking of "Tier 3"': where the country was
_FROM_TIER = re.compile(
    r"\bfrom\s+(?:(?:the|a)\s+)?(?:ranking\s+of\s+)?[\"“”]?"
    r"(tier[\s\-]*(?:[0-9]|i{1,3}|one|two|three)(?:[\s\-]+watch[\s\-]*list)?)",
    re.I,
)


@dataclass(frozen=True)
class TierQuote:
    """One row of the evidence CSV."""

    country: str
    report_year: int | None
    tier: str  # as written in the CSV ("Tier 2 Watch List"); compared through ``tier_key``
    evidence_type: str
    url: str
    quote: str


@dataclass(frozen=True)
class Skipped:
    row: int  # index into the rows given
    country: str
    report_year: int | None
    reason: str


@dataclass(frozen=True)
class TierQuoteReport:
    report: Report  # fields :data:`FIELDS`; ``n_docs`` = scorable quotes; Error.doc = row index
    skipped: tuple[Skipped, ...]
    year_scored: int  # scorable quotes that state the row's year
    n_rows: int

    def to_dict(self, *, errors: bool = False) -> dict:
        out = self.report.to_dict(errors=errors)
        out = {
            "rows": self.n_rows,
            "scored": self.report.n_docs,
            "year_scored": self.year_scored,
            "skipped": [
                {"row": s.row, "country": s.country, "report_year": s.report_year, "reason": s.reason}
                for s in self.skipped
            ],
            **out,
        }
        return out

    def format_table(self) -> str:
        lines = [
            self.report.format_table().rsplit("\n", 1)[0],
            f"({self.n_rows} quotes: {self.report.n_docs} scored, {self.year_scored} of them with the "
            f"report year stated; {len(self.skipped)} skipped)",
        ]
        reasons: dict[str, int] = {}
        for s in self.skipped:
            reasons[s.reason] = reasons.get(s.reason, 0) + 1
        lines += [f"  skipped {n}: {r}" for r, n in sorted(reasons.items())]
        return "\n".join(lines)


def country_named(quote: str, forms: Iterable[str]) -> bool:
    """Whether any of ``forms`` (a country's name and aliases) occurs as whole words in ``quote``."""
    text = normalize(quote).casefold()
    return any(re.search(rf"(?<!\w){re.escape(normalize(f).casefold())}(?!\w)", text) for f in forms if f)


def is_english(quote: str, evidence_type: str = "") -> bool:
    """Not marked as another language, and not written with Romance function words only."""
    if _LANGUAGE_NOTE.search(evidence_type or ""):
        return False
    words = {w.casefold() for w in _WORD.findall(quote)}
    return bool(words & _ENGLISH) or not words & _ROMANCE


def stated_years(quote: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(quote)]


def skip_reason(row: TierQuote, country_forms: Iterable[str] = ()) -> str | None:
    """Why ``row`` cannot be scored from its quote alone, or None when it can."""
    if not is_english(row.quote, row.evidence_type):
        return "quote is not English"
    if not country_named(row.quote, [row.country, *country_forms]):
        return "quote does not name the country"
    years = stated_years(row.quote)
    if (
        row.report_year
        and years
        and all(y < row.report_year for y in years)
        and not re.search(r"\bsince\s+(19|20)\d\d\b", row.quote, re.I)
    ):
        return "quote states only placements of years before the report year"
    return None


def _pairs(rows: Iterable[Mapping], row: TierQuote, with_year: bool) -> set[tuple]:
    """The predictions a row annotates: its country's, except another tier dated to a report
    before the row's ("In the 2012 TIP Report, Nigeria was downgraded from Tier 1 to Tier 2" also
    places Nigeria on Tier 1 in 2011: another report's placement, which the row does not annotate)
    and another tier, undated, that the quote names as where the country was moved from ("upgraded
    from Tier 2 Watch List to Tier 2": the earlier report's placement, its year not stated)."""
    out = set()
    moved_from = {tier_key(m[1]) for m in _FROM_TIER.finditer(normalize(row.quote))}
    for r in rows:
        if country_key(r.get("country")) != country_key(row.country):
            continue
        y = r.get("report_year")
        undated = y in (None, "")
        earlier = not undated and row.report_year is not None and int(y) < row.report_year
        previous = undated and tier_key(r.get("tier")) in moved_from
        if (earlier or previous) and tier_key(r.get("tier")) != tier_key(row.tier):
            continue
        out.add(
            (country_key(r.get("country")), tier_key(r.get("tier")))
            + ((int(y) if y not in (None, "") else None,) if with_year else ())
        )
    return out


def score_tier_quotes(
    rows: Sequence[TierQuote],
    predicted: Sequence[Sequence[Mapping]],
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> TierQuoteReport:
    """Score ``predicted`` (per row, its quote's ``tier_placements`` rows as dicts) against
    ``rows``. ``aliases``: country -> other names (the gazetteer's), for :func:`skip_reason`;
    predictions already carry canonical country names."""
    if len(rows) != len(predicted):
        raise ValueError(f"{len(rows)} rows but {len(predicted)} predictions")
    aliases = aliases or {}
    totals = {f: FieldScore(f) for f in FIELDS}
    errors: list[Error] = []
    skipped: list[Skipped] = []
    scored = year_scored = 0
    for n, (row, pred) in enumerate(zip(rows, predicted)):
        reason = skip_reason(row, aliases.get(row.country, ()))
        if reason:
            skipped.append(Skipped(n, row.country, row.report_year, reason))
            continue
        scored += 1
        fields = [("tier_quotes", False)]
        if row.report_year is not None and row.report_year in stated_years(row.quote):
            year_scored += 1
            fields.append(("tier_quotes_year", True))
        for name, with_year in fields:
            gold = {
                (country_key(row.country), tier_key(row.tier)) + ((row.report_year,) if with_year else ())
            }
            pred_set = _pairs(pred, row, with_year)
            tp = len(gold & pred_set)
            totals[name] = totals[name] + FieldScore(name, tp, len(pred_set) - tp, len(gold) - tp)
            errors += [
                Error(name, n, "fn", " | ".join(map(str, g))) for g in sorted(gold - pred_set, key=str)
            ]
            errors += [
                Error(name, n, "fp", " | ".join(map(str, p))) for p in sorted(pred_set - gold, key=str)
            ]
    report = Report(tuple(totals[f] for f in FIELDS), scored, tuple(errors))
    return TierQuoteReport(report, tuple(skipped), year_scored, len(rows))
