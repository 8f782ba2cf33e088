"""``tipwatch_acronyms_v1``: agencies learnt from the text itself.

* "Long Name (ACR)": when the long form is a known agency, later "ACR" links to it; when it is
  organisation-like (its words include an organisation keyword such as Agency, Bureau,
  Organization) it becomes a new AGENCY with that acronym, and every "ACR" in the document is
  labelled AGENCY. Long forms listed in ``not_agencies`` ("Trafficking in Persons (TIP)") are
  concepts: their acronyms are removed from the entities instead.
* A title's acronym ("Inspector General of Police (IGP)") is not an agency; a wrong long form of a
  known acronym ("Federal Investigation Authority (FIA)", "National Database Registration
  Authority (Nadra)") is the known body.
* Statistical ORG entities whose head word is an organisation keyword ("Ministry of X", "Child
  Protection Bureau", not "Parliament House" or "Tanda Police Station") become AGENCY too, after
  trimming a possessive owner and lower-case lead words; coordinations, bare two-word generics
  ("Housing Authority"), regions ("Gujranwala Division") and laws (head word of kind ``law`` in
  ``org_keywords``: "National Commission for Minorities Act") are refused. PERSON entities with an
  organisation head word ("Human Trafficking Cell") are organisations.

Updates ``doc.user_data[AGENCY_INFO]`` with the learnt agencies (kind from the keyword).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import read_csv, read_lines, split_aliases
from extractors.nlp.components.entities import AGENCY_INFO, rows

_ACRONYM = re.compile(r"^[A-Z][A-Za-z&/\-]{0,9}$")
_CONNECTORS = {"of", "for", "and", "on", "the", "in", "to", "&"}
# keyword kind of a law's head word ("National Commission for Minorities Act"): a law, not a body
_LAW = "law"


def _initials_match(words: list[str], acronym: str) -> bool:
    letters = [c for c in acronym if c.isupper()]
    initials = [w[0].upper() for w in words if w[:1].isalpha()]
    content = [w[0].upper() for w in words if w[:1].isupper()]
    if not letters or not initials or initials[0] != letters[0] and content[:1] != letters[:1]:
        return False
    # Letters appear in order among the initials (connectors may or may not contribute one).
    it = iter(initials)
    return all(ch in it for ch in letters) and len(content) >= len(letters) - 2


def _hyphenated(doc: Doc, i: int) -> bool:
    """Token ``i`` is inside a hyphenated name ("Paigham-i-Aman", "Jamaat-e-Islami"): a hyphen
    between letters, or a word joined to one."""
    tok = doc[i]
    if tok.text == "-":  # joins a capitalised word or an inner piece ("Paigham-i-Aman"), not "state-run"
        return (
            0 < i < len(doc) - 1
            and doc[i - 1].is_alpha
            and doc[i + 1].is_alpha
            and not tok.whitespace_
            and (doc[i - 1].is_title or (i >= 2 and doc[i - 2].text == "-"))
        )
    # a lower-case inner piece between two hyphens ("-i-", "-e-")
    return (
        tok.is_alpha
        and 0 < i < len(doc) - 1
        and doc[i - 1].text == "-"
        and doc[i + 1].text == "-"
        and not tok.whitespace_
        and not doc[i - 1].whitespace_
    )


class AcronymLinker:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        org_keywords: str,
        not_agencies: str,
        places: str | None = None,
        provinces: str | None = None,
    ):
        self.name = name
        self.keywords = {row["keyword"].lower(): row["kind"] for row in read_csv(org_keywords)}
        self.not_agencies = {line.lower() for line in read_lines(not_agencies)}
        self.places = {r["place"].lower() for r in rows(places)} if places else set()
        for r in rows(provinces) if provinces else []:
            self.places.add(r["province"].lower())
            self.places.update(a.lower() for a in split_aliases(r["aliases"]))

    def kind_of(self, words: list[str]) -> str | None:
        """Kind from the head noun: the last word ("Child Protection Bureau"), or the word before the
        first connector ("Ministry of Interior", "Senate Standing Committee on Interior").
        "Parliament House", "Tanda Police Station", "Trust Fund" have no organisation head."""
        low = [w.lower() for w in words]
        if not low:
            return None
        if low[-1] in self.keywords:
            return self.keywords[low[-1]]
        for i, w in enumerate(low):
            if w in _CONNECTORS and i > 0:
                return self.keywords.get(low[i - 1])
        return None

    def _trim_org(self, doc: Doc, e: Span) -> Span | None:
        """A model ORG as an organisation name: cut a possessive owner and lower-case words before
        it ("Trump's Council of ...", "research institute Foundation ..."), a dangling connector at
        the end ("French Department of"); refuse coordinations ("X Committee and the Y Committee")
        and bare generic names of two words without a proper name ("Housing Authority")."""
        start, end = e.start, e.end
        for i in range(start, end):
            if doc[i].text in ("'s", "’s"):
                start = i + 1
        while start < end and not (doc[start].is_title or doc[start].is_upper):
            start += 1
        while end > start and doc[end - 1].lower_ in _CONNECTORS:
            end -= 1
        span = doc[start:end]
        if len(span) < 2 or any(
            span[i].lower_ == "and" and span[i + 1].lower_ == "the" for i in range(len(span) - 1)
        ):
            return None
        ands = [i for i, t in enumerate(span) if t.lower_ == "and"]
        if (
            ands
            and any(t.lower_ in self.keywords for t in span[: ands[0]])
            and span[-1].lower_ in self.keywords
        ):
            return None  # "Auction Committee and Auction Management Committee": two bodies
        if not span[0].is_alpha and not span[0].is_upper or any(t.text in "()[]" for t in span):
            return None
        if len(span) == 2 and not (
            span[0].is_upper or span[0].lower_ in self.places or span[0].ent_type_ in ("GPE", "NORP")
        ):
            return None
        return Span(doc, start, end, label=e.label_)

    def is_region(self, words: list[str]) -> bool:
        """ "Gujranwala Division", "Multan Zone": a place name plus an administrative word."""
        places = self.places
        body = [w for w in words if w.lower() not in self.keywords]
        return bool(body) and " ".join(body).lower() in places

    def __call__(self, doc: Doc) -> Doc:
        info: dict = doc.user_data.setdefault(AGENCY_INFO, {})
        ents = list(doc.ents)
        ent_at = {i: e for e in ents for i in range(e.start, e.end)}
        links: dict[str, str] = {}  # acronym -> canonical agency name
        concepts: set[str] = set()
        new_spans: list[Span] = []
        for tok in doc[2:-1]:
            if not (tok.text == "(" and doc[tok.i + 2].text == ")" if tok.i + 2 < len(doc) else False):
                continue
            acr = doc[tok.i + 1]
            if not _ACRONYM.match(acr.text) or sum(c.isupper() for c in acr.text) < 2:
                continue
            prev = ent_at.get(tok.i - 1)
            if prev is not None and prev.label_ == "AGENCY" and prev.ent_id_:
                links[acr.text] = prev.ent_id_
                info.setdefault(prev.ent_id_, {"acronym": acr.text, "kind": "other", "country": None})
                if not info[prev.ent_id_].get("acronym"):
                    info[prev.ent_id_]["acronym"] = acr.text
                continue
            if prev is not None and prev.label_ == "TITLE":
                continue  # "Inspector General of Police (IGP)": a title's acronym, not an agency
            start = tok.i
            while (
                start > 0
                and (
                    doc[start - 1].is_title
                    or doc[start - 1].is_upper
                    or doc[start - 1].lower_ in _CONNECTORS
                    or _hyphenated(doc, start - 1)
                )
                and doc[start - 1].text not in ("(", ",")
                and tok.i - start < 12
            ):
                start -= 1
            while start < tok.i and doc[start].lower_ in _CONNECTORS:
                start += 1
            words = [t.text for t in doc[start : tok.i]]
            if not words or any(
                ent_at.get(i) is not None and ent_at[i].label_ in ("TITLE", "PERSON")
                for i in range(start, tok.i)
            ):
                continue
            # Trim to the shortest suffix whose initials still match (drops "Speaking at the ...").
            for s in range(start, tok.i):
                cand = [t.text for t in doc[s : tok.i]]
                if doc[s].lower_ not in _CONNECTORS and _initials_match(cand, acr.text):
                    start, words = s, cand
                    break
            else:
                continue
            long_form = doc[start : tok.i].text  # as written: "National Paigham-i-Aman Committee"
            if long_form.lower() in self.not_agencies:
                concepts.add(acr.text)
                continue
            known = ent_at.get(acr.i)
            if (
                known is not None
                and known.label_ == "AGENCY"
                and known.ent_id_ in info
                and known.start == acr.i
            ):
                # "Federal Investigation Authority (FIA)": a variant of a known body's name
                new_spans.append(Span(doc, start, tok.i, label="AGENCY", span_id=known.ent_id_))
                continue
            kind = self.kind_of(words)
            if kind is None or kind == _LAW:
                continue
            links[acr.text] = long_form
            info.setdefault(long_form, {"acronym": acr.text, "kind": kind, "country": None})
            new_spans.append(Span(doc, start, tok.i, label="AGENCY", span_id=long_form))
        for e in ents:
            if (
                e.label_ == "PERSON"
                and len(e) > 1
                and self.keywords.get(e[-1].lower_, _LAW) != _LAW
                and e.text not in links
            ):
                # "Human Trafficking Cell" tagged PERSON: an organisation head word is never a name;
                # the model's span may miss capitalised words before it ("[Human] Trafficking Cell")
                start = e.start
                while (
                    start > 0
                    and e.start - start < 3
                    and doc[start - 1].is_title
                    and not doc[start - 1].is_stop
                    and doc[start - 1].i not in ent_at
                    and not doc[start - 1].is_sent_start
                ):
                    start -= 1
                span = Span(doc, start, e.end, label="AGENCY")
                info.setdefault(
                    span.text, {"acronym": None, "kind": self.keywords[e[-1].lower_], "country": None}
                )
                new_spans.append(Span(doc, start, e.end, label="AGENCY", span_id=span.text))
                continue
            if e.label_ == "ORG" and e.text not in concepts and e.text not in links:
                after = (
                    ent_at.get(e.end + 1)
                    if e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")"
                    else None
                )
                if (
                    after is not None
                    and after.label_ == "AGENCY"
                    and after.ent_id_ in info
                    and after.start == e.end + 1
                ):
                    # "National Database Registration Authority (Nadra)": the known body, spelt otherwise
                    new_spans.append(Span(doc, e.start, e.end, label="AGENCY", span_id=after.ent_id_))
                    continue
                e = self._trim_org(doc, e)
                if e is None:
                    continue
                words = [t.text for t in e]
                kind = self.kind_of(words)
                if (
                    kind
                    and kind != _LAW
                    and e.text.lower() not in self.not_agencies
                    and len(words) > 1
                    and not self.is_region(words)
                    and not any(w in (",", "–", "—") for w in words)
                ):
                    info.setdefault(e.text, {"acronym": None, "kind": kind, "country": None})
                    new_spans.append(Span(doc, e.start, e.end, label="AGENCY", span_id=e.text))
        for t in doc:
            if t.text in links:
                new_spans.append(Span(doc, t.i, t.i + 1, label="AGENCY", span_id=links[t.text]))
        new_tokens = {i for s in new_spans for i in range(s.start, s.end)}
        kept = [
            e
            for e in ents
            if not any(i in new_tokens for i in range(e.start, e.end))
            and not (e.label_ in ("ORG", "AGENCY") and e.text in concepts)
        ]
        doc.ents = filter_spans(kept + new_spans)
        return doc


@Language.factory("tipwatch_acronyms_v1", assigns=["doc.ents"], requires=["doc.ents"])
def make_acronym_linker(
    nlp: Language,
    name: str,
    org_keywords: str,
    not_agencies: str,
    places: str | None = None,
    provinces: str | None = None,
) -> AcronymLinker:
    return AcronymLinker(
        nlp, name, org_keywords=org_keywords, not_agencies=not_agencies, places=places, provinces=provinces
    )
