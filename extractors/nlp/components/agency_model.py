"""``tipwatch_agency_model_v1``: named organisations the rules missed, from a trained recogniser.

The recogniser is en_core_web_sm's NER fine-tuned on our own development annotations to mark
``AGENCY`` spans (``models/agency_ner/``: config, training command, weights). It runs on a copy of
the document built in its own vocabulary, so the pipeline's entities are never overwritten by it;
then each of its spans that no rule found becomes an AGENCY entity, after the same checks the rules
make: a span must start with a capital, not overlap a rule entity (agency, country, title, tier,
year), not be a generic mention (``generic_agencies.csv``) or a concept (``not_agencies.txt``), and
be headed by an organisation word (``org_keywords.csv``: not a law or school word, not a plural),
which also gives its kind — a span without one (a programme, a fund) is refused unless it is the
acronym of an agency the document already has, to which it then links, or an acronym of three
letters or more the recogniser marks on its own ("DOLE, DFA, DSWD"; kind ``other``), not one that
``not_agencies.txt`` lists as a concept; "Long Name (ACR)" gives a new agency its acronym.

Off with ``enabled = false`` in ``models/pipeline.cfg`` (or when the weights are absent).
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import MODELS_DIR, read_csv, read_lines
from extractors.nlp.components.entities import AGENCY_INFO

_RULE_LABELS = ("AGENCY", "GPE", "TITLE", "TIER", "YEAR")
_REFUSED_KINDS = ("law", "school")
_LEAD = {"the", "a", "an", "its", "their", "his", "her"}
# A bare acronym the recogniser marks is an agency from three letters ("DOLE", "DSWD", "POEA"
# listed as bodies); two-letter ones ("NA", "KE") are too often something else.
MIN_ACRONYM = 3


class AgencyModel:
    def __init__(self, nlp: Language, name: str, *, model: str, enabled: bool, org_keywords: str,
                 generic_agencies: str, not_agencies: str, places: str):  # fmt: skip
        self.name = name
        path = Path(model) if Path(model).is_absolute() else MODELS_DIR / model
        self.trained = spacy.load(path) if enabled and (path / "config.cfg").is_file() else None
        self.keywords = {r["keyword"].lower(): r["kind"] for r in read_csv(org_keywords)}
        self.generic = {r["generic"].lower().rstrip("*") for r in read_csv(generic_agencies) if r["generic"]}
        self.not_agencies = {line.lower() for line in read_lines(not_agencies)}
        self.places = {r["place"].lower() for r in read_csv(places)}

    def __call__(self, doc: Doc) -> Doc:
        if self.trained is None or not len(doc):
            return doc
        copy = Doc(self.trained.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        found = self.trained.get_pipe("agency_ner")(copy).ents
        info = doc.user_data.setdefault(AGENCY_INFO, {})
        taken = [e for e in doc.ents if e.label_ in _RULE_LABELS]
        new = []
        for e in found:
            span = self._accept(doc, e.start, e.end, taken)
            if span is not None:
                new.append(span)
                meta = {"acronym": self._acronym(doc, span), "kind": self._kind(span), "country": None}
                info.setdefault(span.ent_id_, meta)
        if new:
            kept = [e for e in doc.ents if not any(n.start < e.end and e.start < n.end for n in new)]
            doc.ents = filter_spans(kept + new)
        return doc

    def _accept(self, doc: Doc, start: int, end: int, taken: list[Span]) -> Span | None:
        while start < end and (doc[start].lower_ in _LEAD or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
            end -= 1
        if end <= start or not doc[start].text[:1].isupper():
            return None
        if any(t.start < end and start < t.end for t in taken):
            return None
        text = doc[start:end].text
        low = text.lower()
        if low in self.generic or low in self.not_agencies or (end - start == 1 and not text.isupper()):
            return None
        if end - start > 1 and all(
            t.lower_ in self.places or t.ent_type_ in ("GPE", "LOC") for t in doc[start : end - 1]
        ):
            return None  # a region ("Gujranwala Division"), not a body
        known = self._known_acronym(doc, text)
        kind = self._kind(doc[start:end])
        acronym = end - start == 1 and text.isupper() and len(text) >= MIN_ACRONYM
        refused = kind in _REFUSED_KINDS or kind == "other" or doc[end - 1].tag_ in ("NNS", "NNPS")
        if known is None and not acronym and refused:
            return None  # programmes, funds, short acronyms and plurals ("National Commissions") are no body
        return Span(doc, start, end, label="AGENCY", span_id=known or text)

    def _kind(self, span: Span) -> str:
        words = [t.lower_ for t in span]
        for i, w in enumerate(words):
            if w in ("of", "for", "on", "against") and i > 0 and words[i - 1] in self.keywords:
                return self.keywords[words[i - 1]]
        return self.keywords.get(words[-1], "other")

    @staticmethod
    def _known_acronym(doc: Doc, text: str) -> str | None:
        """The canonical name of an agency of this document whose acronym ``text`` is."""
        if not text.isupper():
            return None
        for name, meta in doc.user_data.get(AGENCY_INFO, {}).items():
            if (meta or {}).get("acronym") == text:
                return name
        return None

    @staticmethod
    def _acronym(doc: Doc, span: Span) -> str | None:
        """ "Long Name (ACR)": the acronym in brackets right after the span."""
        if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
            acr = doc[span.end + 1].text
            return acr if acr.isupper() and len(acr) > 1 else None
        return None


@Language.factory(
    "tipwatch_agency_model_v1",
    assigns=["doc.ents", "doc.user_data"],
    requires=["doc.ents"],
    default_config={"enabled": True},
)
def make_agency_model(
    nlp: Language, name: str, model: str, enabled: bool, org_keywords: str, generic_agencies: str,
    not_agencies: str, places: str,
) -> AgencyModel:  # fmt: skip
    return AgencyModel(
        nlp, name, model=model, enabled=enabled, org_keywords=org_keywords,
        generic_agencies=generic_agencies, not_agencies=not_agencies, places=places,
    )  # fmt: skip
