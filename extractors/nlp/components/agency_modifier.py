"""``tipwatch_agency_modifier_v1``: an international body named only as a modifier is no agency row.

"EU countries", "the only EU member state", "the United Nations protocol", "a UN official": the
name qualifies a noun (a group of states, a law, a person's post) and the body neither acts nor is
acted on (models/gold/README.md: agencies are named organisations that act or are acted on; laws,
places and an organisation named only through a person's title are not). An AGENCY mention of kind
``international`` is such a modifier when the parser makes it a compound of the noun right after
it and that noun is one of ``modifier_nouns.txt``. The mention stays an entity (a claim's speaker
may still be it: "a UN official said"); its start is listed in ``doc.user_data[MODIFIER_MENTIONS]``
and a body all of whose mentions are listed gives no agencies row (``extractors.extract``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.assets import read_lines
from extractors.nlp.components.entities import AGENCY_INFO

MODIFIER_MENTIONS = "tipwatch.modifier_mentions"
_KIND = "international"


def modifier_mention(e: Span, nouns: frozenset[str]) -> bool:
    """The mention ``e`` is a compound modifier of one of ``nouns`` right after it."""
    doc = e.doc
    if e.end >= len(doc):
        return False
    noun = doc[e.end]
    return noun.lower_ in nouns and e.root.dep_ == "compound" and e.root.head.i >= e.end


class AgencyModifier:
    def __init__(self, nlp: Language, name: str, *, modifier_nouns: str):
        self.name = name
        self.nouns = frozenset(w.lower() for w in read_lines(modifier_nouns))

    def __call__(self, doc: Doc) -> Doc:
        info = doc.user_data.get(AGENCY_INFO) or {}
        starts = [
            e.start
            for e in doc.ents
            if e.label_ == "AGENCY"
            and (info.get(e.ent_id_) or {}).get("kind") == _KIND
            and modifier_mention(e, self.nouns)
        ]
        if starts:
            doc.user_data[MODIFIER_MENTIONS] = starts
        return doc


@Language.factory("tipwatch_agency_modifier_v1", assigns=["doc.user_data"], requires=["doc.ents"])
def make_agency_modifier(nlp: Language, name: str, modifier_nouns: str) -> AgencyModifier:
    return AgencyModifier(nlp, name, modifier_nouns=modifier_nouns)
