"""``tipwatch_agency_continued_v1``: an agency name cut before the rest of its own name.

A body named "organisation word of/for ..." often runs on past where the gazetteer or the
recogniser stops it, in one capitalised run: a list of portfolios ("Ministry of Foreign Affairs" +
", Foreign Employment and Tourism", "Ministry of Gender" + ", Labour, and Social Development"), a
second domain joined by 'and' ("Ministry of Human Services" + "and Social Security",
"Directorate for Investigation of Organized Crime" + "and Terrorism") or a phrase in 'in' that
names no place ("... Identification and Trafficking" + "in Human Beings"). After every other
agency component, each AGENCY entity of that form is grown over such a continuation: the body is
then the one the text names, with the kind its head word gives (:func:`head_kind`), its acronym in
brackets right after the name, and no country (the name's own country, if it names one, is
:mod:`agency_home`'s); every other mention resolved to the cut name ("the Ministry of Foreign
Affairs" later on) is that body too.

A continuation is capitalised words only: none an organisation word (a second body: "and
Bureau MH/MS", ", Interior Ministry and ..."), none inside a rule's entity (a country, a
gazetteer body, a title held by a person: "and Justice Minister Tarar"), not a person or a place
the statistical NER marks after 'and' or 'in' ("and John Smith", "in Central Asia": where a body
sits is cut elsewhere, ``agency_names._trailing_place``), and not followed by another capitalised
word or a possessive (the start of another name: "and Social Welfare Secretary"). A body the
gazetteer knows by the cut name runs on past a list of portfolios only, not past 'and' alone
("Department of Home Affairs and Immigration": the immigration service is a second body).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import read_csv
from extractors.nlp.components.acronyms import bracketed_acronym, head_kind
from extractors.nlp.components.agency_coordination import _NER_LABELS
from extractors.nlp.components.entities import AGENCY_INFO, RECOGNISED
from extractors.nlp.tokens import POSSESSIVE

# Statistical NER labels a continuation may not start with after 'and' / 'in' (another party).
_NOT_AFTER_AND = {"PERSON", "GPE", "LOC", "FAC"}
# Words that start another name ("and The Diplomatic Insight"), never a portfolio.
_ARTICLES = {"the", "a", "an"}
# Words an item of a continuation holds at most.
_MAX_ITEM = 5


def _word(doc: Doc, i: int, heads: dict[str, str]) -> bool:
    """Token ``i`` can be a word of a continuation: capitalised, alphabetic, no organisation word,
    in no rule entity except a one-word title no name follows ("Home Affairs and" + "Justice")."""
    t = doc[i]
    if not (t.is_alpha and t.text[:1].isupper()) or t.lower_ in heads or t.lower_ in _ARTICLES:
        return False
    if not t.ent_type_ or t.ent_type_ in _NER_LABELS:
        return True
    if t.ent_type_ != "TITLE" or t.ent_iob_ != "B":
        return False
    return i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I" and not doc[i + 1].text[:1].isupper()


def _item(doc: Doc, k: int, heads: dict[str, str]) -> int:
    """The end of the capitalised words from ``k`` (``k`` when there are none or too many)."""
    j = k
    while j < len(doc) and j - k <= _MAX_ITEM and _word(doc, j, heads):
        j += 1
    return k if j - k > _MAX_ITEM else j


def _free_start(doc: Doc, k: int) -> bool:
    """The statistical NER marks no person or place starting at ``k``."""
    return not (doc[k].ent_iob_ == "B" and doc[k].ent_type_ in _NOT_AFTER_AND)


def _closed(doc: Doc, j: int) -> bool:
    """The continuation ending at ``j`` ends the name: no capitalised word, possessive, noun or
    adjective follows (the words would modify it: "and Constitutional Affairs select committees")."""
    if j >= len(doc):
        return True
    t = doc[j]
    if (
        t.pos_ in ("NOUN", "ADJ", "PROPN") and t.is_alpha
    ):  # it modifies a noun ("... Affairs select committees")
        return False
    return not (t.is_alpha and t.text[:1].isupper()) and t.lower_ not in POSSESSIVE


def continuation(doc: Doc, end: int, heads: dict[str, str], known: bool = False) -> int:
    """The end of the name that runs on past ``end`` (see the module); ``end`` when it does not.
    A ``known`` body (a gazetteer row) runs on past a list only, not past 'and' alone
    ("Department of Home Affairs" + "and Immigration": the immigration service is a second body)."""
    n = len(doc)
    k = end
    # a list: ", Item" repeated, closed by "[,] and Item"
    while k + 1 < n and doc[k].text == "," and doc[k + 1].lower_ != "and":
        j = _item(doc, k + 1, heads)
        if j == k + 1:
            return end
        k = j
    listed = k > end
    k += listed and k + 1 < n and doc[k].text == "," and doc[k + 1].lower_ == "and"  # an Oxford comma
    if k + 1 < n and doc[k].lower_ == "and" and (listed or not known and _free_start(doc, k + 1)):
        j = _item(doc, k + 1, heads)
        if j > k + 1 and _closed(doc, j):
            k = j
        elif listed:
            return end
    elif listed:
        return end
    # "in" + words no entity marks, after a name or its continuation ("Trafficking in Human Beings")
    if k + 1 < n and doc[k].lower_ == "in":
        j = _item(doc, k + 1, heads)
        if j > k + 1 and _closed(doc, j) and not any(t.ent_type_ for t in doc[k + 1 : j]):
            k = j
    return k if k > end and _closed(doc, k) else end


def _of_form(span: Span, heads: dict[str, str]) -> bool:
    """The name is 'organisation word of/for ...' and ends on a word of that complement (which may
    be an organisation word itself: "Ministry of Public Administration")."""
    words = list(span)
    has_of = any(t.lower_ in ("of", "for") and words[i - 1].lower_ in heads for i, t in enumerate(words) if i)
    return has_of and span[-1].is_alpha


class AgencyContinued:
    def __init__(self, nlp: Language, name: str, *, org_keywords: str, agencies: str):
        self.name = name
        self.heads = {r["keyword"].lower(): r["kind"] for r in read_csv(org_keywords)}
        self.known = {r["name"] for r in read_csv(agencies)}

    def __call__(self, doc: Doc) -> Doc:
        info = doc.user_data.get(AGENCY_INFO)
        if info is None:
            return doc
        grown: dict[str, str] = {}  # the cut name -> the whole name
        added: list[Span] = []
        for e in doc.ents:
            if e.label_ != "AGENCY" or not _of_form(e, self.heads):
                continue
            old = info.get(e.ent_id_) or {}
            country = old.get("country") or ""
            if country and e.text.endswith(country):
                continue  # a country's body ("Supreme Court of Pakistan" + ", Mohatta Palace, and ...")
            end = continuation(doc, e.end, self.heads, known=e.ent_id_ in self.known)
            span = doc[e.start : end]
            name = span.text
            if end == e.end or _key(name) == _key(e.ent_id_):
                continue  # the gazetteer's name already ("..., Regulations, and Coordination")
            kind = head_kind([t.text for t in span], self.heads) or old.get("kind") or "government"
            info.setdefault(
                name,
                {"acronym": bracketed_acronym(doc, end), "kind": kind, "country": None, RECOGNISED: True},
            )
            grown[e.ent_id_] = name
            added.append(Span(doc, e.start, end, label="AGENCY", span_id=name))
        if not added:
            return doc
        ents = [e for e in doc.ents if not any(a.start < e.end and e.start < a.end for a in added)]
        ents = [
            Span(doc, e.start, e.end, label="AGENCY", span_id=grown[e.ent_id_])
            if e.label_ == "AGENCY" and e.ent_id_ in grown
            else e
            for e in ents
        ]
        doc.ents = filter_spans(ents + added)
        return doc


def _key(name: str) -> str:
    """A name compared without case, commas or an Oxford comma's extra space."""
    return " ".join(name.lower().replace(",", " ").split())


@Language.factory(
    "tipwatch_agency_continued_v1", assigns=["doc.ents", "doc.user_data"], requires=["doc.ents"]
)
def make_agency_continued(nlp: Language, name: str, org_keywords: str, agencies: str) -> AgencyContinued:
    return AgencyContinued(nlp, name, org_keywords=org_keywords, agencies=agencies)
