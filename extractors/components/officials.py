"""``tipwatch_officials_v1``: people, their titles and organisations, and surname resolution.

Finds each person (PERSON entities, and proper names right after a title: "Director General
Dr Ehsan Sadiq"), links a title and organisation in the patterns the domain uses:

* premodifier: "National Police Bureau Director General Dr Ehsan Sadiq", "SSDO Executive
  Director Syed Kausar Abbas", "Interior Minister Mohsin Naqvi";
* apposition: "Ahmad Ishaque Jehangir, the director general of the Federal Investigation Agency
  (FIA)", "Ali Khan, FIA director";

then resolves later short mentions ("Jehangir highlighted", "Abbas told") to the full name.

Writes ``doc.user_data[PEOPLE]``: one dict per person in order of first mention, with ``name``,
``title``, ``organisation`` (canonical agency name), ``mentions`` (token ranges), and
``doc.user_data[PERSON_AT]``: token index -> person name for every resolved mention token.
PERSON entities are corrected to the full name span (honorifics excluded).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .assets import read_lines

PEOPLE = "tipwatch.people"
PERSON_AT = "tipwatch.person_at"
_APPOS_LINKS = {"of", "at", "for", "in", "the", "a", "an", ","}


def _is_name_token(tok) -> bool:
    return (tok.is_title or (tok.is_upper and len(tok) > 1 and tok.is_alpha and False)) and tok.is_alpha and not tok.is_stop


class OfficialLinker:
    def __init__(self, nlp: Language, name: str, *, honorifics: str):
        self.name = name
        self.honorifics = {h.lower().rstrip(".") for h in read_lines(honorifics)}

    def _is_honorific(self, tok) -> bool:
        return tok.lower_.rstrip(".") in self.honorifics or tok.text == "."

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        persons = self._person_spans(doc, ents)
        ent_at = {}
        others = [e for e in ents if e.label_ != "PERSON" and not any(p.start < e.end and e.start < p.end for p in persons)]
        for e in others + persons:
            for i in range(e.start, e.end):
                ent_at[i] = e
        people: dict[str, dict] = {}
        order: list[str] = []
        person_at: dict[int, str] = {}
        by_surname: dict[str, str] = {}
        resolved_spans: list[Span] = []
        for span in sorted(persons, key=lambda s: s.start):
            name = span.text
            key = self._resolve(name, people, by_surname)
            if key is None:
                key = name
                people[key] = {"name": name, "title": None, "organisation": None, "mentions": [], "first": (span.start, span.end)}
                order.append(key)
                if len(span) > 1:
                    by_surname.setdefault(span[-1].text, key)
            person = people[key]
            person["mentions"].append((span.start, span.end))
            title, org = self._role(doc, span, ent_at)
            if title and not person["title"]:
                person["title"] = title
            if org and not person["organisation"]:
                person["organisation"] = org
            for i in range(span.start, span.end):
                person_at[i] = key
            resolved_spans.append(Span(doc, span.start, span.end, label="PERSON", span_id=key))
        # Bare surnames the model missed or mislabelled ("Jehangir" as GPE).
        for tok in doc:
            key = by_surname.get(tok.text)
            if key and tok.i not in person_at and tok.is_title:
                people[key]["mentions"].append((tok.i, tok.i + 1))
                person_at[tok.i] = key
                resolved_spans.append(Span(doc, tok.i, tok.i + 1, label="PERSON", span_id=key))
        resolved_tokens = {i for s in resolved_spans for i in range(s.start, s.end)}
        kept = [e for e in others if not any(i in resolved_tokens for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + resolved_spans)
        doc.user_data[PEOPLE] = [people[k] for k in order]
        doc.user_data[PERSON_AT] = person_at
        return doc

    def _person_spans(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """PERSON entities without honorifics, plus names following a title; adjacent pieces merged."""
        spans: list[Span] = []
        for e in ents:
            if e.label_ == "PERSON":
                start = e.start
                while start < e.end and self._is_honorific(doc[start]):
                    start += 1
                if start < e.end:
                    spans.append(Span(doc, start, e.end, label="PERSON"))
        taken = {i for e in ents if e.label_ in ("AGENCY", "TITLE", "TIER", "YEAR") for i in range(e.start, e.end)}
        for e in ents:
            if e.label_ != "TITLE":
                continue
            i = e.end
            while i < len(doc) and self._is_honorific(doc[i]):
                i += 1
            j = i
            while j < len(doc) and j - i < 4 and j not in taken and _is_name_token(doc[j]):
                j += 1
            if j > i:
                spans.append(Span(doc, i, j, label="PERSON"))
        # Merge overlapping or touching pieces ("Syed Kausar" + "Abbas").
        spans.sort(key=lambda s: (s.start, -s.end))
        merged: list[Span] = []
        for s in spans:
            if merged and s.start <= merged[-1].end:
                last = merged[-1]
                merged[-1] = Span(doc, last.start, max(last.end, s.end), label="PERSON")
            else:
                merged.append(s)
        return [s for s in merged if any(t.is_alpha for t in s)]

    def _resolve(self, name: str, people: dict, by_surname: dict) -> str | None:
        if name in people:
            return name
        parts = name.split()
        if len(parts) == 1 and name in by_surname:
            return by_surname[name]
        for key in people:
            kp = key.split()
            if len(parts) >= 2 and parts[-1] == kp[-1] and (parts[0] == kp[0] or set(parts) <= set(kp)):
                return key
        return None

    def _role(self, doc: Doc, span: Span, ent_at: dict) -> tuple[str | None, str | None]:
        title = org = None
        # Premodifier: [AGENCY|GPE] TITLE [honorific] NAME
        i = span.start - 1
        while i >= 0 and self._is_honorific(doc[i]):
            i -= 1
        if i >= 0 and ent_at.get(i) is not None and ent_at[i].label_ == "TITLE":
            t = ent_at[i]
            title = t.ent_id_ or t.text.lower()
            j = t.start - 1
            if j >= 0 and ent_at.get(j) is not None and ent_at[j].label_ == "AGENCY":
                org = ent_at[j].ent_id_ or ent_at[j].text
            elif j >= 0 and doc[j].lower_ in ("of", "at"):
                k = j - 1
        # Apposition: NAME , [the] TITLE [of|at] [the] AGENCY   or   NAME , AGENCY TITLE
        i = span.end
        if i < len(doc) and doc[i].text == ",":
            j = i + 1
            seen_title = None
            while j < len(doc) and j - i <= 10:
                e = ent_at.get(j)
                if e is not None and e.label_ == "TITLE" and seen_title is None:
                    seen_title = e.ent_id_ or e.text.lower()
                    j = e.end
                    continue
                if e is not None and e.label_ == "AGENCY":
                    if seen_title or (ent_at.get(e.end) is not None and ent_at[e.end].label_ == "TITLE"):
                        org = org or (e.ent_id_ or e.text)
                        if not seen_title:
                            seen_title = ent_at[e.end].ent_id_ or ent_at[e.end].text.lower()
                    break
                if doc[j].lower_ in _APPOS_LINKS or doc[j].is_title and seen_title is None and False:
                    j += 1
                    continue
                break
            if seen_title and not title:
                title = seen_title
        return title, org


@Language.factory("tipwatch_officials_v1", assigns=["doc.ents"], requires=["doc.ents"])
def make_official_linker(nlp: Language, name: str, honorifics: str) -> OfficialLinker:
    return OfficialLinker(nlp, name, honorifics=honorifics)
