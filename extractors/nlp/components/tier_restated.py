"""A rank restated by reference, for :mod:`.tiers`: "Malaysia's downgrade returns it to the same rank
it occupied in 2015 and 2016" places Malaysia on the tier the text gave it just before, in the years
written after the reference (2WL in 2015 and 2016). The reference words are ``same_rank`` phrases of
``models/patterns/tier_context.csv``."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.nlp.components.tier_year_spans import joined_years, sentence_years

# The year must follow the reference closely ("the same rank it occupied in 2015": 4 tokens), not
# be any later year of a long sentence.
YEAR_REACH = 6


def restated_rows(doc: Doc, rows: list[dict], phrases: list[tuple[str, ...]], issuer: str) -> list[dict]:
    """Rows for each reference that has years of its own: the one country the sentence names
    before it, on the one tier the last earlier sentence placing that country gives it. Nothing
    when the sentence names no country or several, when that sentence gives the country several
    tiers, or for a (country, tier, year) the rows already hold."""
    out: list[dict] = []
    held = {(r["country"], r["tier"], r["year"]) for r in rows}
    for sent in doc.sents:
        for start, end in _references(sent, phrases):
            years = _years_after(sent, end)
            country = _one_country(sent, start, issuer)
            tier = _earlier_tier(rows, country, sent.start_char) if years and country else None
            for year in years if tier else []:
                if (country, tier, year) not in held:
                    held.add((country, tier, year))
                    out.append(_row(doc, start, end, sent, country, tier, year))
    return out


def _references(sent: Span, phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Token start and end of each ``same_rank`` phrase in the sentence."""
    low = [t.lower_ for t in sent]
    return [
        (sent.start + i, sent.start + i + len(p))
        for p in phrases
        for i in range(len(low) - len(p) + 1)
        if tuple(low[i : i + len(p)]) == p
    ]


def _years_after(sent: Span, end: int) -> list[int]:
    """The years written right after the reference ("in 2015 and 2016"), before any tier."""
    years = sentence_years(sent)
    first = [y for y in years if end <= y.start <= end + YEAR_REACH]
    if not first:
        return []
    y = first[0]
    stop = min((e.start for e in sent.ents if e.label_ == "TIER" and e.start >= end), default=sent.end)
    if y.start >= stop:
        return []
    return joined_years(y, years)


def _one_country(sent: Span, before: int, issuer: str) -> str | None:
    """The one country (not the report's issuer) the sentence names before the reference."""
    named = {g.ent_id_ for g in sent.ents if g.label_ == "GPE" and g.ent_id_ and g.ent_id_ != issuer}
    named_before = {g.ent_id_ for g in sent.ents if g.ent_id_ in named and g.end <= before}
    return next(iter(named)) if len(named) == 1 and named_before else None


def _earlier_tier(rows: list[dict], country: str, before: int) -> str | None:
    """The tier of the country in the last sentence before ``before`` that places it, when that
    sentence gives it one tier."""
    earlier = [r for r in rows if r["country"] == country and r["sentence"][1] <= before]
    if not earlier:
        return None
    last = max(r["sentence"] for r in earlier)
    tiers = {r["tier"] for r in earlier if r["sentence"] == last}
    return tiers.pop() if len(tiers) == 1 else None


def _row(doc: Doc, start: int, end: int, sent: Span, country: str, tier: str, year: int) -> dict:
    return {
        "start": doc[start].idx,
        "end": doc[end - 1].idx + len(doc[end - 1]),
        "tier": tier,
        "country": country,
        "year": year,
        "sentence": (sent.start_char, sent.end_char),
        "change": None,
    }
