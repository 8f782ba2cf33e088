"""Score tier placements on TIP country narratives, file by file (``tipwatch evaluate --narratives``).

Contract: :func:`score_narratives` takes the gold rows (``models/gold/narratives/gold.csv``: file,
country, report_year, tier, change) and, per file, the ``tier_placements`` rows ``tipwatch run``
wrote for it; it returns a :class:`NarrativeScores` with, per file, whether the tier, the change
(where the page states one) and the report year (where the page states it) are right.

The placement a file gives is its first ``tip_narrative`` row for the gold country, else its first
row of any kind for that country; a file with no row for the country scores wrong on every field it
has gold for. Countries match by :func:`country_key` over the gazetteer's names and aliases ("the
UK", "United Kingdom"). Gold ``remained`` is the table's ``unchanged``; ``none-stated`` expects no
change and is reported apart (a change where the page states none), not in the change score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CHANGE_OF_GOLD = {"upgraded": "upgraded", "downgraded": "downgraded", "remained": "unchanged"}
NONE_STATED = "none-stated"


def country_key(name: str) -> str:
    """Letters only, case folded, a leading "the" dropped: "the UK" and "UK" share a key."""
    return re.sub(r"[^a-z]", "", re.sub(r"^\s*the\s+", "", name.casefold()))


@dataclass(frozen=True)
class FileScore:
    file: str
    country: str
    gold_tier: str
    tier: str | None
    gold_change: str | None  # upgraded / downgraded / unchanged, None when the page states none
    change: str | None
    gold_year: int | None
    year: int | None
    source_kind: str | None

    @property
    def tier_ok(self) -> bool:
        return self.tier == self.gold_tier

    @property
    def change_ok(self) -> bool | None:
        return None if self.gold_change is None else self.change == self.gold_change

    @property
    def year_ok(self) -> bool | None:
        return None if self.gold_year is None else self.year == self.gold_year


@dataclass
class NarrativeScores:
    files: list[FileScore] = field(default_factory=list)

    def counts(self) -> dict[str, tuple[int, int]]:
        """Field -> (right, scored): tier over all files, change and year where gold has one;
        ``spurious_change``: files stating no change that got one anyway (lower is better)."""
        change = [f.change_ok for f in self.files if f.change_ok is not None]
        year = [f.year_ok for f in self.files if f.year_ok is not None]
        quiet = [f for f in self.files if f.gold_change is None]
        return {
            "tier": (sum(f.tier_ok for f in self.files), len(self.files)),
            "change": (sum(change), len(change)),
            "year": (sum(year), len(year)),
            "spurious_change": (sum(f.change is not None for f in quiet), len(quiet)),
        }

    def errors(self) -> list[FileScore]:
        return [f for f in self.files if not f.tier_ok or f.change_ok is False or f.year_ok is False]

    def format_table(self) -> str:
        lines = [f"{'field':<16}{'right':>7}{'of':>5}{'share':>8}"]
        for name, (right, n) in self.counts().items():
            share = f"{right / n:.3f}" if n else "n/a"
            lines.append(f"{name:<16}{right:>7}{n:>5}{share:>8}")
        for f in self.errors():
            lines.append(
                f"  {f.file}: tier {f.tier} (gold {f.gold_tier}), change {f.change} (gold {f.gold_change}),"
                f" year {f.year} (gold {f.gold_year})"
            )
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "counts": {k: {"right": r, "of": n} for k, (r, n) in self.counts().items()},
            "errors": [f.__dict__ for f in self.errors()],
        }


def _int_or_none(value) -> int | None:
    """A year read from a table: None for null and NaN (pandas fills missing ints with NaN)."""
    return None if value is None or value != value else int(value)


def score_narratives(
    gold: list[dict], rows_by_file: dict[str, list[dict]], aliases: dict[str, list[str]]
) -> NarrativeScores:
    """Per gold row (one file each), the placement the file's tier rows give its country, scored."""
    keys_of = {country_key(n): {country_key(n), *(country_key(a) for a in al)} for n, al in aliases.items()}
    out = NarrativeScores()
    for g in gold:
        want = keys_of.get(country_key(g["country"]), {country_key(g["country"])})
        rows = [r for r in rows_by_file.get(g["file"], []) if country_key(r["country"] or "") in want]
        rows.sort(key=lambda r: r["source_kind"] != "tip_narrative")  # stable: narrative rows first
        got = rows[0] if rows else {}
        year = g.get("report_year") or None
        out.files.append(
            FileScore(
                file=g["file"],
                country=g["country"],
                gold_tier=g["tier"],
                tier=got["tier"] if isinstance(got.get("tier"), str) else None,
                gold_change=CHANGE_OF_GOLD.get(g["change"]),
                change=got["change"] if isinstance(got.get("change"), str) else None,
                gold_year=int(year) if year else None,
                year=_int_or_none(got.get("report_year")),
                source_kind=got.get("source_kind"),
            )
        )
    return out
