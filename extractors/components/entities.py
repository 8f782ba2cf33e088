"""``tipwatch_entities_v1``: rule entities that override the statistical NER where rules know better.

Assigns ``doc.ents`` labels TIER (ent_id_ = canonical tier), AGENCY (ent_id_ = canonical name),
GPE (ent_id_ = canonical country, for gazetteer countries), TITLE (ent_id_ = normalised title)
and YEAR (ent_id_ = the year). Before the rules run it cleans the base model's entities (drops a
leading "the", a trailing "'s"), and it records what the document's agencies are in
``doc.user_data[AGENCY_INFO]`` (canonical name -> acronym, kind, country).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler, prioritize_new_ents_filter
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .assets import read_csv, read_jsonl, read_lines, split_aliases

AGENCY_INFO = "tipwatch.agencies"
_LEADING = {"the", "a", "an"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&/\-]*[A-Z][A-Za-z&/\-]*$")


def clean_span(span: Span) -> Span | None:
    """Drop a leading article and trailing possessive/punctuation from an entity span."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in _LEADING:
        start += 1
    while end > start and (span.doc[end - 1].text in _POSSESSIVE or span.doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return Span(span.doc, start, end, label=span.label, span_id=span.id)


def _token_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Case-insensitive token pattern for a phrase; acronyms (all caps) match exactly."""
    if _ACRONYM.match(phrase) and " " not in phrase:
        return [{"ORTH": phrase}]
    return [{"ORTH": t.text} if _ACRONYM.match(t.text) else {"LOWER": t.lower_} for t in nlp.make_doc(phrase)]


class EntityRules:
    def __init__(self, nlp: Language, name: str, *, tiers: str, titles: str, agencies: str, countries: str,
                 honorifics: str, min_year: int, max_year: int):
        self.name = name
        self.min_year, self.max_year = min_year, max_year
        self.honorifics = {h.lower().rstrip(".") for h in read_lines(honorifics)}
        self.agency_info: dict[str, dict] = {}
        patterns: list[dict] = []
        for p in read_jsonl(tiers):
            patterns.append(p)
        for p in read_jsonl(titles):
            title = p["pattern"].lower().replace("-", " ")
            patterns.append({"label": "TITLE", "id": title, "pattern": _token_pattern(nlp, p["pattern"])})
        for row in read_csv(agencies):
            info = {"acronym": row["acronym"] or None, "kind": row["kind"] or "other", "country": row["country"] or None}
            self.agency_info[row["name"]] = info
            for form in [row["name"], *split_aliases(row["aliases"]), *([row["acronym"]] if row["acronym"] else [])]:
                patterns.append({"label": "AGENCY", "id": row["name"], "pattern": _token_pattern(nlp, form)})
        for row in read_csv(countries):
            for form in [row["name"], *split_aliases(row["aliases"])]:
                patterns.append({"label": "GPE", "id": row["name"], "pattern": _token_pattern(nlp, form)})
        self.ruler = SpanRuler(nlp, name=f"{name}_ruler", spans_key=None, annotate_ents=True,
                               ents_filter=prioritize_new_ents_filter, overwrite=False)
        self.ruler.add_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        cleaned = [s for s in (clean_span(e) for e in doc.ents) if s is not None]
        doc.ents = filter_spans(cleaned)
        doc = self.ruler(doc)
        doc.ents = self._with_years(doc)
        found = {e.ent_id_ for e in doc.ents if e.label_ == "AGENCY"}
        doc.user_data[AGENCY_INFO] = {name: dict(self.agency_info[name]) for name in found if name in self.agency_info}
        return doc

    def _with_years(self, doc: Doc) -> list[Span]:
        """Four-digit years become YEAR entities, splitting any DATE entity that holds them."""
        years = [
            Span(doc, t.i, t.i + 1, label="YEAR", span_id=t.text)
            for t in doc
            if t.shape_ == "dddd" and self.min_year <= int(t.text) <= self.max_year
        ]
        year_tokens = {s.start for s in years}
        kept = [
            e for e in doc.ents
            if not (e.label_ in ("DATE", "CARDINAL") and any(i in year_tokens for i in range(e.start, e.end)))
            and not any(i in year_tokens for i in range(e.start, e.end) if e.label_ not in ("AGENCY", "TIER"))
        ]
        taken = {i for e in kept for i in range(e.start, e.end)}
        return sorted(kept + [y for y in years if y.start not in taken], key=lambda s: s.start)


@Language.factory(
    "tipwatch_entities_v1",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"min_year": 1990, "max_year": 2035},
)
def make_entity_rules(nlp: Language, name: str, tiers: str, titles: str, agencies: str, countries: str,
                      honorifics: str, min_year: int, max_year: int) -> EntityRules:
    return EntityRules(nlp, name, tiers=tiers, titles=titles, agencies=agencies, countries=countries,
                       honorifics=honorifics, min_year=min_year, max_year=max_year)
