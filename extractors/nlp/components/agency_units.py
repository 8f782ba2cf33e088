"""``tipwatch_agency_units_v1``: a unit named with its owner's possessive is an agency of its own.

"Fiji Police’s Human Trafficking Unit", "the Ministry of National Security’s Counter Trafficking
Unit", "Police Scotland’s National Human Trafficking Unit", "the National Police’s department for
Combating Human Trafficking": the guideline counts named units and offices as agencies of their
own (models/gold/README.md, "Named units and offices"), so the owner and its unit are two rows.

* An AGENCY entity with a possessive inside is cut in two when the words before it name a body
  (its head is an organisation word of ``org_keywords.csv``, or the document already knows it) and
  the words after it name a unit (headed by an organisation word, not a law or a school).
* A police AGENCY entity followed by a possessive and capitalised words headed by an organisation
  word that no other entity holds gains that unit ("Police Scotland" + "’s National Human
  Trafficking Unit"). Only the police's: the Pakistan news guideline folds other sub-units into
  their body ("DOJ's Civil Rights Division" → US Department of Justice, news_gold), while the
  police kind holds "police forces and units" in both.

The owner keeps its known body ("Police Scotland"); "<Country> Police" is the country's national
force of ``national_police.csv`` ("Fiji Police" → Fiji Police Force), a body the document names
with "of" after the owner's words is that body ("National Police" → National Police of Ukraine);
another owner is named as written. A unit is named as written, of its owner's kind when that is
the police, an international body or a foreign government, else the kind the owner's and the
unit's words give (:func:`head_kind`: a ministry's "Counter Trafficking Unit" is the
government's); its ``OWNER`` is the owner's name, since an official's organisation still folds
into the parent body. A possessive inside a name ("Ministry of Women’s Affairs", "Network for Children's
Rights") is no owner: what stands before it names no body, or what follows names none.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import read_csv
from extractors.nlp.components.acronyms import _CONNECTORS, _REFUSED, bracketed_acronym, head_kind
from extractors.nlp.components.entities import AGENCY_INFO, OWNER, RECOGNISED
from extractors.nlp.tokens import POSSESSIVE

# Owners' kinds their units share: the police's, the UN's ("UN’s Population Division"), a foreign
# government's ("the State Department's Office to Monitor ...").
_OWNER_KINDS = ("police", "international", "foreign_government")
# Words a unit's name holds at most after the owner's possessive.
_MAX_UNIT = 10


class AgencyUnits:
    def __init__(self, nlp: Language, name: str, *, org_keywords: str, national_police: str):
        self.name = name
        self.heads = {r["keyword"].lower(): r["kind"] for r in read_csv(org_keywords)}
        self.national = {f"{r['country']} Police": r["police"] for r in read_csv(national_police)}

    def __call__(self, doc: Doc) -> Doc:
        info = doc.user_data.get(AGENCY_INFO)
        if info is None:
            return doc
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        out: list[Span] = []
        changed = False
        for e in doc.ents:
            if e.label_ != "AGENCY":
                out.append(e)
                continue
            cut = next((i for i in range(e.start + 1, e.end - 1) if doc[i].text in POSSESSIVE), None)
            if cut is not None:
                owner = self._owner(doc, e.start, cut, info)
                unit = owner and self._unit(doc, cut + 1, e.end, owner, info)
                if owner and unit:
                    out += [owner, unit]
                    changed = True
                    continue
            out.append(e)
            if e.end + 1 < len(doc) and doc[e.end].text in POSSESSIVE and self._police(e, info):
                end = self._free_end(doc, e.end + 1, taken)
                unit = end and self._unit(doc, e.end + 1, end, e, info)
                if unit:
                    out.append(unit)
                    changed = True
        if changed:
            doc.ents = filter_spans(out)
        return doc

    @staticmethod
    def _police(e: Span, info: dict) -> bool:
        return (info.get(e.ent_id_) or {}).get("kind") == "police"

    def _owner(self, doc: Doc, start: int, end: int, info: dict) -> Span | None:
        """The body before a possessive: known to the document, or headed by an organisation word."""
        span = doc[start:end]
        text = span.text
        named = {e.ent_id_ for e in doc.ents if e.label_ == "AGENCY"}
        # "the National Police’s department ..." after "the National Police of Ukraine": that body
        longer = sorted(n for n in named if n.startswith(f"{text} of "))
        name = self.national.get(text) or (longer[0] if len(longer) == 1 else text)
        if name not in info:
            kind = head_kind([t.text for t in span], self.heads) if len(span) > 1 else None
            if kind is None or kind in _REFUSED:
                return None
            info[name] = {"acronym": None, "kind": kind, "country": None, RECOGNISED: True}
        return Span(doc, start, end, label="AGENCY", span_id=name)

    def _unit(self, doc: Doc, start: int, end: int, owner: Span, info: dict) -> Span | None:
        """The unit named from ``start`` to ``end``: two words or more, headed by an organisation
        word, starting with a capital or with its lower-case head word ("department for ...")."""
        span = doc[start:end]
        words = [t.text for t in span]
        first = span[0] if len(span) else None
        if len(span) < 2 or not (first.text[:1].isupper() or first.lower_ in self.heads):
            return None
        if head_kind(words, self.heads) in (None, *_REFUSED):
            return None
        # read with its owner's words: a ministry's "Counter Trafficking Unit" is the government's
        kind = head_kind([t.text for t in owner] + words, self.heads)
        owner_kind = (info.get(owner.id_) or {}).get("kind")
        if owner_kind in _OWNER_KINDS:  # a unit of the police, the UN or a foreign government
            kind = owner_kind
        name = span.text
        info.setdefault(
            name, {"acronym": bracketed_acronym(doc, end), "kind": kind, "country": None, RECOGNISED: True}
        )
        info[name] = {**info[name], OWNER: owner.id_}  # a new dict: a gazetteer's own stays unchanged
        return Span(doc, start, end, label="AGENCY", span_id=name)

    def _free_end(self, doc: Doc, start: int, taken: set[int]) -> int | None:
        """The end of capitalised words, connectors and hyphens from ``start`` in no entity, cut
        after its last organisation word; None when there is none."""
        end, last_head = start, None
        while end < len(doc) and end - start < _MAX_UNIT and end not in taken:
            t = doc[end]
            if t.text[:1].isupper() and t.is_alpha:
                if t.lower_ in self.heads:
                    last_head = end + 1
            elif not (t.lower_ in _CONNECTORS or t.text == "-" and not t.whitespace_):
                break
            end += 1
        return last_head if last_head and doc[start].text[:1].isupper() else None


@Language.factory("tipwatch_agency_units_v1", assigns=["doc.ents", "doc.user_data"], requires=["doc.ents"])
def make_agency_units(nlp: Language, name: str, org_keywords: str, national_police: str) -> AgencyUnits:
    return AgencyUnits(nlp, name, org_keywords=org_keywords, national_police=national_police)
