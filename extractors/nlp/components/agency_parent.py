"""``tipwatch_agency_parent_v1``: a unit named as part of a police body is a police unit.

Named units count as agencies of their own (models/gold/README.md, world definitions), and their
head word ("Unit", "Bureau", "Department": ``org_keywords.csv``) makes them the government's. A
unit (a name headed by a ``unit_head`` of ``police_units.csv``) the text names as part of a police
body is the police's, like the body:

- "<unit> (ACR) of|at|under|within the <police body>": "the Eastern Regional Anti-Human Trafficking
  Unit (AHT) of the Ghana Police Service";
- "<police body>'s <unit>": "DCI’s Transnational and Organized Crime Unit";
- "<unit>, <police body>" outside a list: "the Anti-Human Trafficking Bureau, Nepal Police arrested".

Runs after every agency component that adds a body (rules, trained recogniser) and before
``tipwatch_agency_home`` (which reads kinds). Updates ``doc.user_data[AGENCY_INFO]`` with new dicts
(the gazetteer's own are never changed).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.rule_files import rows

_POSSESSIVE = {"'s", "’s", "'", "’"}
_LIST_WORDS = {",", "and", "or", "&", ";"}
# Words that join a unit to the body it is part of ("... Unit (HTICU) at the Garda National
# Protective Services Bureau").
_PART_OF = {"of", "at", "under", "within"}


def _kind(info: dict, e: Span) -> str | None:
    return (info.get(e.ent_id_) or {}).get("kind")


def _after_brackets(doc: Doc, i: int) -> int:
    """Past a bracketed acronym right at token ``i`` ("(AHT)"), else ``i``."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        return i + 3
    return i


class AgencyParent:
    def __init__(self, unit_heads: set[str]):
        """``unit_heads``: the lower-case head words of a body's unit ("unit", "bureau")."""
        self.unit_heads = unit_heads

    def __call__(self, doc: Doc) -> Doc:
        info = doc.user_data.get(AGENCY_INFO)
        if not info:
            return doc
        agencies = [e for e in doc.ents if e.label_ == "AGENCY" and e.ent_id_]
        starts = {e.start: e for e in agencies}
        ends = {e.end: e for e in agencies}
        for e in agencies:
            if _kind(info, e) != "government" or e[-1].lower_ not in self.unit_heads:
                continue
            parent = self.parent(doc, e, starts, ends)
            if parent is not None and _kind(info, parent) == "police" and parent.ent_id_ != e.ent_id_:
                info[e.ent_id_] = {**info[e.ent_id_], "kind": "police"}
        return doc

    @staticmethod
    def parent(doc: Doc, e: Span, starts: dict[int, Span], ends: dict[int, Span]) -> Span | None:
        """The body ``e`` is named as part of (see the module), or None."""
        k = _after_brackets(doc, e.end)
        if k < len(doc) and doc[k].lower_ in _PART_OF:
            k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
            if k in starts:
                return starts[k]
        if e.start >= 2 and doc[e.start - 1].text in _POSSESSIVE and e.start - 1 in ends:
            return ends[e.start - 1]
        if k + 1 < len(doc) and doc[k].text == "," and k + 1 in starts:
            parent = starts[k + 1]
            after = _after_brackets(doc, parent.end)
            listed = e.start > 0 and doc[e.start - 1].lower_ in _LIST_WORDS
            if not listed and (after >= len(doc) or doc[after].lower_ not in _LIST_WORDS):
                return parent
        return None


@Language.factory("tipwatch_agency_parent_v1", assigns=["doc.user_data"], requires=["doc.ents"])
def make_agency_parent(nlp: Language, name: str, police_units: str) -> AgencyParent:
    """``police_units``: the CSV whose ``unit_head`` rows are the head words of a unit."""
    return AgencyParent({r["word"].lower() for r in rows(police_units) if r["effect"] == "unit_head"})
