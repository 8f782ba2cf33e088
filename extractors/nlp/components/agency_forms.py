"""``tipwatch_agency_forms_v1``: one body written two ways in one text is one agency row.

After the agency components (and the story's kinds: :mod:`agency_home`), an AGENCY whose name is
the tail of exactly one other agency's name in the document ("Human Trafficking Task Force" after
"San Diego Human Trafficking Task Force", "Interior Ministry" after "Italian Interior Ministry",
"One Health Secretariat" after "National One Health Secretariat"), or that other's "<X> Department"
/ "<X> Ministry" form ("Labor Department" and "US Department of Labor", "Gender Ministry" and
"Ministry of Gender Equality and Family"), names that body: its entities take the longer name. Only
when both have the same kind and no two different countries, and the short name has two words or
more ("Senate" stays "Senate"). Two longer candidates ("High Court" beside the Lahore and the
Islamabad High Court) leave it as it is.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.nlp.components.entities import AGENCY_INFO

# "<X> Department" is "Department of <X>" (and "Department for <X>"), "<X> Ministry" "Ministry of <X>".
_HEADS = ("department", "ministry")
# Words a country or qualifier adds before a body's name ("US Department of Labor").
_QUALIFIERS = {"us", "u.s.", "united", "states", "uk", "the"}


def _words(name: str) -> list[str]:
    return re.findall(r"[\w.&'’-]+", name.lower())


def _same_body(short: str, long: str) -> bool:
    """``short`` is the tail of ``long`` (two words or more), or its "<X> Department" form."""
    s, w = _words(short), _words(long)
    if len(s) >= 2 and len(w) > len(s) and w[-len(s) :] == s:
        return True
    if len(s) < 2 or s[-1] not in _HEADS:
        return False
    rest = [x for x in w if x not in _QUALIFIERS]
    if len(rest) < 3 or rest[0] != s[-1] or rest[1] not in ("of", "for"):
        return False
    return rest[2 : 2 + len(s) - 1] == s[:-1]


class AgencyForms:
    def __call__(self, doc: Doc) -> Doc:
        info = doc.user_data.get(AGENCY_INFO) or {}
        names = {e.ent_id_ or e.text for e in doc.ents if e.label_ == "AGENCY"}
        into = {}
        for short in names:
            meta = info.get(short) or {}
            longer = [
                n for n in names if n != short and _same_body(short, n) and _compatible(meta, info.get(n))
            ]
            if len(longer) == 1:
                into[short] = longer[0]
        if not into:
            return doc
        ents = [
            Span(doc, e.start, e.end, label="AGENCY", span_id=into[e.ent_id_ or e.text])
            if e.label_ == "AGENCY" and (e.ent_id_ or e.text) in into
            else e
            for e in doc.ents
        ]
        doc.ents = filter_spans(ents)
        return doc


def _compatible(a: dict, b: dict | None) -> bool:
    """Same kind, and not two different countries."""
    b = b or {}
    if (a.get("kind") or "other") != (b.get("kind") or "other"):
        return False
    return not (a.get("country") and b.get("country") and a["country"] != b["country"])


@Language.factory("tipwatch_agency_forms_v1", assigns=["doc.ents"], requires=["doc.ents"])
def make_agency_forms(nlp: Language, name: str) -> AgencyForms:
    return AgencyForms()
