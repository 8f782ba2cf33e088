"""``tipwatch_entities_v2``: rule entities that override the statistical NER where rules know better.

Assigns ``doc.ents``: one label per entry of the config's ``labels`` table (a label and its
pattern file: TIER from ``tiers.jsonl``, ent_id_ = canonical tier; GPE from ``countries.csv``,
ent_id_ = canonical country), AGENCY (ent_id_ = canonical name), TITLE (ent_id_ = normalised title;
a title's plural, ``plural_title``, has the singular's id) and YEAR (ent_id_ = the year). A new
entity type is a pattern file under ``models/patterns/`` and one line in ``[...labels]`` of
``models/pipeline.cfg``. Also writes ``doc.user_data[PROVINCE]`` (the document's province) and
``doc.user_data[AGENCY_INFO]`` (the document's agencies: canonical name -> acronym, kind, country).

The steps, in order: clean the base model's entities (:func:`clean_span`); match the patterns,
the rule match winning over the model's; give a plural title back to the model's entity it
displaced unless names follow it; years (:meth:`EntityRules._with_years`); the document's
province (:mod:`~extractors.nlp.components.provinces`); the agency rules
(:mod:`~extractors.nlp.components.agency_rules`). ``tipwatch_entities_v1`` is the same
component configured with ``tiers`` and ``countries`` keys instead of ``labels``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extractors.assets import read_lines
from extractors.nlp.components.agency_rules import AgencyRules
from extractors.nlp.components.agency_world import WorldAgencies
from extractors.nlp.components.matching import RuleMatcher
from extractors.nlp.components.provinces import Provinces
from extractors.nlp.components.rule_files import (
    agency_gazetteer,
    label_patterns,
    plural_title,
    rows,
    title_patterns,
)
from extractors.nlp.components.tiers import TIER_LINKS

# Re-exported: the officials, acronyms, claims and record code import these names from here.
__all__ = [
    "AGENCY_INFO",
    "HOME_GOVERNMENT",
    "PROVINCE",
    "TIER_LINKS",
    "EntityRules",
    "clean_span",
    "plural_title",
    "rows",
]

AGENCY_INFO = "tipwatch.agencies"
# Marks the AGENCY_INFO entry of a body the trained recogniser found (agency_model): no gazetteer
# row gives its kind in another country's story, so agency_home reads it from its name.
RECOGNISED = "recognised"
# Marks the AGENCY_INFO entry of a unit named with its owner's possessive (agency_units): the
# owner's canonical name, the body an official of the unit works for (sub-units fold into it).
OWNER = "owner"
PROVINCE = "tipwatch.province"
# The name the story's country's government goes by ("UK government", "Pakistani government"):
# set by agency_home when the story is about one country; "the government said" speaks for it.
HOME_GOVERNMENT = "tipwatch.home_government"
_LEADING = {"the", "a", "an"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


def clean_span(span: Span) -> Span | None:
    """Drop a leading article and trailing possessive/punctuation from an entity span ("the
    FIA's" -> "FIA"); an unclosed bracket inside the span ends it ("Trade (DFAT" -> "Trade")."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in _LEADING or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].text in _POSSESSIVE or span.doc[end - 1].is_punct):
        end -= 1
    for i in range(start, end):
        if span.doc[i].text == "(" and not any(span.doc[j].text == ")" for j in range(i, end)):
            end = i
            break
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(span.doc, start, end, label=span.label, span_id=span.id)


@Language.factory("tipwatch_entities_v2", assigns=["doc.ents"], requires=["doc.ents"])
class EntityRules:
    """The entity rules: pattern files per label, titles, agencies, years, province, agency rules."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        labels: dict[str, str],
        titles: str,
        agencies: str,
        honorifics: str,
        min_year: int = 1990,
        max_year: int = 2035,
        provinces: str | None = None,
        places: str | None = None,
        departments: str | None = None,
        generic_agencies: str | None = None,
        agency_context: str | None = None,
        local_police: str | None = None,
        indefinite: str | None = None,
        police_units: str | None = None,
        ngo_cues: str | None = None,
    ):
        """``labels``: entity label -> its pattern file (see ``rule_files.label_patterns``); the
        other file arguments feed the TITLE and AGENCY rules; years in [min_year, max_year]."""
        self.name = name
        self.min_year, self.max_year = min_year, max_year
        self.honorifics = {h.lower().rstrip(".") for h in read_lines(honorifics)}
        patterns = [p for label, path in labels.items() for p in label_patterns(nlp, label, path)]
        titled, self.plural_titles = title_patterns(nlp, titles)
        agency, self.agency_info, agency_form = agency_gazetteer(nlp, agencies)
        self.provinces = Provinces(provinces, places)
        self.agency_rules = AgencyRules(
            nlp,
            provinces=self.provinces,
            agencies=set(self.agency_info),
            agency_form=agency_form,
            departments=departments,
            generic_agencies=generic_agencies,
            agency_context=agency_context,
            local_police=local_police,
            indefinite=indefinite,
            parties={n for n, m in self.agency_info.items() if m["kind"] == "party"},
        )
        countries = [r["name"] for r in rows(labels["GPE"])] if "GPE" in labels else []
        self.world = WorldAgencies(countries, police_units, ngo_cues)
        self.ruler = RuleMatcher(nlp)
        self.ruler.add_patterns(patterns + titled + agency + self.agency_rules.patterns)

    def __call__(self, doc: Doc) -> Doc:
        cleaned = [s for s in (clean_span(e) for e in doc.ents) if s is not None]
        doc.ents = filter_spans(cleaned)
        before = list(doc.ents)
        doc = self.ruler(doc)
        doc.ents = self._plural_titles(doc, before)
        doc.ents = self._with_years(doc)
        province = self.provinces.of_document(doc)
        doc.user_data[PROVINCE] = province
        doc.ents, extra = self.agency_rules.resolve(doc, province)
        home = "Pakistan" if province else None  # the provinces are Pakistan's
        doc.ents, world = self.world.resolve(doc, list(doc.ents), home, {**self.agency_info, **extra})
        found = {e.ent_id_ for e in doc.ents if e.label_ == "AGENCY"}
        info = {name: dict(self.agency_info[name]) for name in found if name in self.agency_info}
        info.update({k: v for k, v in extra.items() if k in found})
        info.update({k: v for k, v in world.items() if k in found and k not in info})
        doc.user_data[AGENCY_INFO] = info
        return doc

    def _plural_titles(self, doc: Doc, before: list[Span]) -> list[Span]:
        """A plural title not followed by names is no title: the model's entity it displaced comes
        back ("Chairman Board of Governors ISSI": the model's "Board of Governors ISSI")."""
        dropped = [
            e
            for e in doc.ents
            if e.label_ == "TITLE" and e.text.lower() in self.plural_titles and not self._names_follow(doc, e)
        ]
        if not dropped:
            return list(doc.ents)
        kept = [e for e in doc.ents if e not in dropped]
        back = [
            b
            for b in before
            if any(b.start < d.end and d.start < b.end for d in dropped)
            and not any(b.start < k.end and k.start < b.end for k in kept)
        ]
        return sorted(kept + back, key=lambda x: x.start)

    def _names_follow(self, doc: Doc, e: Span) -> bool:
        """A plural title is a title only over a list of names ("sub-inspectors A and B", "the
        deputy directors are A"), not in a body's name ("Board of Governors Ambassador X",
        "Council of Ministers") or "the ministers met"."""
        if e.start >= 2 and doc[e.start - 1].lower_ == "of" and doc[e.start - 2].is_title:
            return False
        i = e.end
        if i < len(doc) and (
            doc[i].lower_ in ("are", "were", "include", "included", "including") or doc[i].text == ":"
        ):
            i += 1
        while i < len(doc) and doc[i].lower_.rstrip(".") in self.honorifics:
            i += 1
        return (
            i + 1 < len(doc)
            and doc[i].is_title
            and doc[i].is_alpha
            and doc[i + 1].is_title
            and doc[i + 1].is_alpha
        )

    def _with_years(self, doc: Doc) -> list[Span]:
        """Four-digit years in [min_year, max_year] become YEAR entities ("reports since 2015",
        "in the 2022 and 2023 reports"), splitting any DATE or CARDINAL entity that holds them; an
        AGENCY or TIER entity keeps a year inside it."""
        years = [Span(doc, t.i, t.i + 1, label="YEAR", span_id=t.text) for t in doc if self._is_year(t)]
        year_tokens = {s.start for s in years}
        kept = [
            e
            for e in doc.ents
            if not (e.label_ in ("DATE", "CARDINAL") and any(i in year_tokens for i in range(e.start, e.end)))
            and not any(i in year_tokens for i in range(e.start, e.end) if e.label_ not in ("AGENCY", "TIER"))
        ]
        taken = {i for e in kept for i in range(e.start, e.end)}
        return sorted(kept + [y for y in years if y.start not in taken], key=lambda s: s.start)

    def _is_year(self, t: Token) -> bool:
        return t.shape_ == "dddd" and self.min_year <= int(t.text) <= self.max_year


@Language.factory("tipwatch_entities_v1", assigns=["doc.ents"], requires=["doc.ents"])
def make_entity_rules(
    nlp: Language,
    name: str,
    tiers: str,
    titles: str,
    agencies: str,
    countries: str,
    honorifics: str,
    min_year: int = 1990,
    max_year: int = 2035,
    provinces: str | None = None,
    places: str | None = None,
    departments: str | None = None,
    generic_agencies: str | None = None,
    agency_context: str | None = None,
    local_police: str | None = None,
    indefinite: str | None = None,
) -> EntityRules:
    """The v1 config: TIER patterns (``tiers``) and GPE countries (``countries``) as their own keys."""
    return EntityRules(
        nlp,
        name,
        labels={"TIER": tiers, "GPE": countries},
        titles=titles,
        agencies=agencies,
        honorifics=honorifics,
        min_year=min_year,
        max_year=max_year,
        provinces=provinces,
        places=places,
        departments=departments,
        generic_agencies=generic_agencies,
        agency_context=agency_context,
        local_police=local_police,
        indefinite=indefinite,
    )
