"""The CIA World Factbook's "Trafficking in persons" entries through ``tipwatch run``.

``../shared/corpus/tip_text/factbook_trafficking_in_persons_field_2006_2025.csv`` holds 906 real
entries, each a country's paragraph ending in "tier rating: Tier 2 Watch List – … (2020)". Each entry
becomes a document as a user would save the Factbook's country page: the country's name as its
heading, then the entry. One run; per entry the tier is right when a tier placement of that
country has the entry's tier, and the year is right when the entry states one (``tier_text_year``)
and a row of that tier carries it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from flows.gold import GoldError, default_shared_dir
from flows.product_eval import run_documents

FACTBOOK = Path("corpus") / "tip_text" / "factbook_trafficking_in_persons_field_2006_2025.csv"
TIER_CODES = {
    "Tier 1": "1",
    "Tier 2": "2",
    "Tier 2 Watch List": "2WL",
    "Tier 3": "3",
    "Special Case": "special_case",
}


@dataclass(frozen=True)
class FactbookResult:
    n: int
    tier_right: int
    with_year: int
    year_right: int
    misses: tuple[tuple[str, str, str, str], ...]  # edition, country, expected, found

    def format(self, misses: int = 20) -> str:
        lines = [
            f"Factbook entries through tipwatch run: {self.n}",
            f"tier right  {self.tier_right}/{self.n} = {self.tier_right / self.n:.3f}",
            f"year right  {self.year_right}/{self.with_year} (entries that state a year)",
        ]
        for m in self.misses[:misses]:
            lines.append(f"  miss {m[0]} {m[1]}: expected {m[2]}, found {m[3] or 'no tier row'}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "entries": self.n,
            "tier_right": self.tier_right,
            "tier_accuracy": round(self.tier_right / self.n, 4),
            "entries_with_year": self.with_year,
            "year_right": self.year_right,
            "misses": [dict(zip(("edition", "country", "expected", "found"), m)) for m in self.misses],
        }


def load_factbook(shared_dir: Path | str | None = None) -> list[dict]:
    """The entries that give a tier (904 of 906)."""
    path = Path(shared_dir or default_shared_dir()) / FACTBOOK
    if not path.is_file():
        raise GoldError(f"Factbook entries not found: {path}")
    with open(path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["tier"] in TIER_CODES]


def evaluate_factbook(shared_dir: Path | str | None = None, model: str | None = None) -> FactbookResult:
    from extractors.analysis.claim_checks import country_key
    from flows.checks import aliases

    spelled = aliases()
    rows = load_factbook(shared_dir)
    out = run_documents(
        [(f"{r['country']}-{r['factbook_edition']}", f"{r['country']}\n\n{r['text']}") for r in rows],
        model=model,
    )
    right = years = year_right = 0
    misses = []
    for r, doc in zip(rows, out):
        want = TIER_CODES[r["tier"]]
        key = country_key(r["country"].split(" (")[0], spelled)  # "Burma (Myanmar)"
        mine = [t for t in doc["tier_placements"] if country_key(t["country"], spelled) == key]
        if any(t["tier"] == want for t in mine):
            right += 1
        else:
            found = ", ".join(sorted({f"{t['country']} {t['tier']}" for t in doc["tier_placements"]}))
            misses.append((r["factbook_edition"], r["country"], want, found))
        if r["tier_text_year"]:
            years += 1
            year_right += any(
                t["tier"] == want and t["report_year"] == int(r["tier_text_year"]) for t in mine
            )
    return FactbookResult(len(rows), right, years, year_right, tuple(misses))
