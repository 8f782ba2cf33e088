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
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import MODELS_DIR, read_csv, read_lines, split_aliases
from extractors.nlp.components.agency_coordination import coordinated_start, listed_domains
from extractors.nlp.components.entities import AGENCY_INFO, rows
from extractors.nlp.components.long_forms import CONNECTORS as _CONNECTORS
from extractors.nlp.components.long_forms import _long_form_start
from extractors.nlp.tokens import POSSESSIVE

_ACRONYM = re.compile(r"^[A-Z][A-Za-z&/\-]{0,9}$")
# keyword kind of a law's head word ("National Commission for Minorities Act"): a law, not a body
_LAW = "law"
# keyword kinds that are never an agency: laws, and schools and universities (the guideline leaves them out)
_REFUSED = (_LAW, "school")
# A committee belongs to a legislature only when named with one ("Senate Standing Committee on
# Interior", "Public Accounts Committee"); "Inquiry Committee", "National Committee on Narrative
# Building" are the government's.
# A "force" named with one of these words is no police force: a task force (a multi-agency body),
# the armed forces.
_NOT_POLICE_FORCE = {"task", "air", "armed", "defence", "defense", "naval", "navy", "army", "military"}
# A centre or institute named with one of these words is a school, hospital or facility.
_FACILITY_WORDS = frozenset(read_lines(str(MODELS_DIR / "patterns" / "facility_words.txt")))
_RESEARCH_HEADS = {"center", "centre", "institute"}
# Bodies a police_names phrase does not make the police's: a ministry's unit, a commission, a council.
_NOT_POLICE_BODY = {"ministry", "commission", "council", "committee", "board", "secretariat", "office"}
# The head words of a police force's unit ("Criminal Investigation Department", "Human Trafficking Unit").
_UNIT_WORDS = {"unit", "department", "division", "squad", "branch", "section", "cell", "bureau"}
# Phrases that make a government-headed body the police's ("Criminal Investigation Department").
_POLICE_NAMES = tuple(f" {p} " for p in read_lines(str(MODELS_DIR / "patterns" / "police_names.txt")))
# Words that make "<word> Police" a kind of police ("Traffic Police"), not a place's force.
_POLICE_KINDS = frozenset(read_lines(str(MODELS_DIR / "patterns" / "police_kinds.txt")))
# A country's adjectives and names (country_words.csv): "the Slovak Police" is a country's force.
_COUNTRY_WORDS = frozenset(
    w
    for r in rows(str(MODELS_DIR / "gazetteers" / "country_words.csv"))
    for w in (r["country"], *split_aliases(r.get("demonyms") or ""))
)
# Words after "<place> Police" that make it a building or a post ("Muthaiga Police station").
_POLICE_POSTS = frozenset(
    r["word"] for r in read_csv(str(MODELS_DIR / "patterns" / "local_police.csv")) if r["effect"] == "drop"
)
_HOUSE_WORDS = {"senate", "assembly", "parliament", "parliamentary", "standing", "house", "congress", "congressional",
                "accounts", "caucus", "select", "lok", "sabha", "legislative", "judiciary",
                "appropriations"}  # fmt: skip


def head_kind(words: list[str], keywords: dict[str, str]) -> str | None:
    """Kind from the head noun: the word before a connector when it is an organisation word
    ("Ministry of Interior", "Senate Standing Committee on Interior", "Inter-Agency Council
    Against Trafficking"), else the last word ("Child Protection Bureau"); "Institute of
    Business Administration" is headed by "Institute", not "Administration".
    "Parliament House", "Tanda Police Station", "Trust Fund" have no organisation head."""
    low = [w.lower() for w in words]
    if not low:
        return None
    if keywords.get(low[-1]) == _LAW:  # "National Commission for Minorities Act"
        return _LAW
    for i, w in enumerate(low):
        if w in _CONNECTORS and i > 0 and low[i - 1] in keywords:
            return committee_kind(low, keywords[low[i - 1]])
    return committee_kind(low, keywords.get(low[-1]))


def police_unit(name: str) -> bool:
    """The body is a unit of a police force named by a phrase of ``police_names.txt`` and a unit
    word ("Criminal Investigation Department", "Anti-Human Trafficking Unit"); not a force or an
    agency of its own ("National Crime Agency", "Directorate for Priority Crime Investigation")."""
    words = name.lower().replace("-", " - ").split()
    low = f" {' '.join(words)} "
    return bool(words) and words[-1] in _UNIT_WORDS and "police" not in low and _police_named(words)


def bracketed_acronym(doc: Doc, end: int) -> str | None:
    """ "Long Name (ACR)": the acronym in brackets right after a name ending at token ``end``."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        acr = doc[end + 1].text
        return acr if acr.isupper() and len(acr) > 1 else None
    return None


def _police_named(words: list[str]) -> bool:
    return any(p in f" {' '.join(words)} " for p in _POLICE_NAMES)


def committee_kind(words: list[str], kind: str | None) -> str | None:
    """``kind`` for an organisation's lower-case ``words``, a committee without a house word made
    the government's; a government body named as the police's ("District Police Office", "Metro
    Police Department", "Ghana Police Service"), as law enforcement or by a phrase of
    ``police_names.txt`` ("Criminal Investigation Department", "Special Task Force") is the police,
    any other task force or an air force the government's; a national institute is the state's."""
    if kind == "legislature" and "committee" in words and not _HOUSE_WORDS & set(words):
        return "government"
    if kind == "government" and ("police" in words or "enforcement" in words):
        return "police"  # "South Carolina Law Enforcement Division", "Drug Enforcement Administration"
    # "Criminal Investigation Department", "Anti-Human Trafficking Unit" (not a ministry's)
    if kind == "government" and not _NOT_POLICE_BODY & set(words) and _police_named(words):
        return "police"
    if (
        kind == "police"
        and _NOT_POLICE_FORCE & set(words)
        and "police" not in words
        and not _police_named(words)
    ):
        return "government"  # a task force, an air force ("Task Force to Monitor ...", "US Air Force")
    if kind in ("school", "ngo") and _RESEARCH_HEADS & set(words):
        return _research_kind(words)
    return kind


def _research_kind(words: list[str]) -> str:
    """A national institute or centre is the state's ("National Judicial Institute", "National
    Migration Institute"); one named with a facility word a school or facility ("Institute of
    Business Administration", "Medical Center"); any other a research body or NGO ("Cato
    Institute", "Tax Policy Center")."""
    if words[0] == "national":
        return "government"
    if _FACILITY_WORDS & set(words):
        return "school"
    return "ngo"


def _place_police(span: Span) -> bool:
    """ "Leicestershire Police", "Slovak Police": a capitalised word that names no kind of police
    (``police_kinds.txt``: "Traffic Police", "Federal Police") before "Police", the place's force;
    not its station or post (``local_police.csv``: "Muthaiga Police station"); after "the", only a
    country's ("the Slovak Police"): "the Khanna Police" is a city police station's (the capital's
    police, as the guideline folds a station)."""
    first, last, doc = span[0], span[-1], span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _POLICE_POSTS:
        return False
    if span.start > 0 and doc[span.start - 1].lower_ == "the" and first.text not in _COUNTRY_WORDS:
        return False
    return last.text == "Police" and first.is_title and first.is_alpha and first.lower_ not in _POLICE_KINDS


def _same_body(long_form: str, known: str) -> bool:
    """A long form written before a known body's acronym names that body when at least half its
    content words are the body's ("Federal Investigation Authority (FIA)"), not another body with
    the same initials ("National Crime Research Centre (NCRC)")."""
    words = [w for w in re.findall(r"[a-z]+", long_form.lower()) if w not in _CONNECTORS]
    known_words = set(re.findall(r"[a-z]+", known.lower()))
    return not words or 2 * sum(w in known_words for w in words) >= len(words)


@dataclass
class _Learnt:
    """What one document teaches: agency info (``AGENCY_INFO``), acronym -> agency, acronyms of
    concepts, new AGENCY spans."""

    info: dict
    ent_at: dict[int, Span]
    links: dict[str, str] = field(default_factory=dict)
    concepts: set[str] = field(default_factory=set)
    spans: list[Span] = field(default_factory=list)

    def link_known(self, acronym: str, agency: str) -> None:
        """ "Federal Investigation Agency (FIA)": later "FIA" is that agency; the agency keeps the
        acronym it had."""
        self.links[acronym] = agency
        self.info.setdefault(agency, {"acronym": acronym, "kind": "other", "country": None})
        if not self.info[agency].get("acronym"):
            self.info[agency]["acronym"] = acronym


def _relabel(doc: Doc, ents: list[Span], learnt: _Learnt) -> None:
    """Every learnt acronym in the document becomes its AGENCY; new spans replace the entities
    they overlap; a concept's acronym ("TIP") is no organisation."""
    for t in doc:
        if t.text in learnt.links:
            learnt.spans.append(Span(doc, t.i, t.i + 1, label="AGENCY", span_id=learnt.links[t.text]))
    new_tokens = {i for s in learnt.spans for i in range(s.start, s.end)}
    kept = [
        e
        for e in ents
        if not any(i in new_tokens for i in range(e.start, e.end))
        and not (e.label_ in ("ORG", "AGENCY") and e.text in learnt.concepts)
    ]
    doc.ents = filter_spans(kept + learnt.spans)


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
        """Kind from the head noun (:func:`head_kind` with this linker's keywords)."""
        return head_kind(words, self.keywords)

    def _trim_org(self, doc: Doc, e: Span) -> Span | None:
        """A model ORG as an organisation name: cut a possessive owner and lower-case words before
        it ("Trump's Council of ...", "research institute Foundation ..."), a dangling connector at
        the end ("French Department of"); None when what is left is refused (``_refused``)."""
        start, end = e.start, e.end
        for i in range(start, end):  # the owner's possessive, not one inside the name ("Women's")
            if doc[i].lower_ in self.keywords:
                break
            if doc[i].text in POSSESSIVE:
                start = i + 1
        while start < end and not (doc[start].is_title or doc[start].is_upper):
            start += 1
        while end > start and doc[end - 1].lower_ in _CONNECTORS:
            end -= 1
        return None if self._refused(doc[start:end]) else Span(doc, start, end, label=e.label_)

    def _refused(self, span: Span) -> bool:
        """Not one organisation name: a single word; coordinations ("X Committee and the Y
        Committee", "Auction Committee and Auction Management Committee": two bodies); brackets;
        bare generic names of two words without a proper name ("Housing Authority")."""
        if len(span) < 2 or self._coordination(span):
            return True
        if not span[0].is_alpha and not span[0].is_upper or any(t.text in "()[]" for t in span):
            return True
        return len(span) == 2 and not (
            span[0].is_upper
            or span[0].lower_ in self.places
            or span[0].ent_type_ in ("GPE", "NORP")
            or _place_police(span)
        )

    def _coordination(self, span: Span) -> bool:
        """Two bodies: "X Committee and the Y Committee", "Auction Committee and Auction
        Management Committee" (an organisation head word before "and" and at the end)."""
        if any(span[i].lower_ == "and" and span[i + 1].lower_ == "the" for i in range(len(span) - 1)):
            return True
        ands = [i for i, t in enumerate(span) if t.lower_ == "and"]
        return bool(
            ands
            and any(t.lower_ in self.keywords for t in span[: ands[0]])
            and span[-1].lower_ in self.keywords
        )

    def is_region(self, words: list[str]) -> bool:
        """ "Gujranwala Division", "Multan Zone": a place name plus an administrative word."""
        places = self.places
        body = [w for w in words if w.lower() not in self.keywords]
        return bool(body) and " ".join(body).lower() in places

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        learnt = _Learnt(
            doc.user_data.setdefault(AGENCY_INFO, {}), {i: e for e in ents for i in range(e.start, e.end)}
        )
        for tok in doc[2:-1]:
            if tok.text == "(" and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")":
                self._definition(doc, tok.i, learnt)
        for e in ents:
            if (
                e.label_ == "PERSON"
                and len(e) > 1
                and self.keywords.get(e[-1].lower_, _LAW) not in _REFUSED
                and e.text not in learnt.links
            ):
                self._person_org(doc, e, learnt)
            elif e.label_ == "ORG" and e.text not in learnt.concepts and e.text not in learnt.links:
                self._model_org(doc, e, learnt)
        _relabel(doc, ents, learnt)
        return doc

    # -- "Long Name (ACR)" -------------------------------------------------------------------------
    def _definition(self, doc: Doc, open_: int, learnt: _Learnt) -> None:
        """An acronym defined in brackets after its long form (``open_`` is the bracket): links a
        known agency's acronym ("Federal Investigation Agency (FIA)"); skips a title's ("Inspector
        General of Police (IGP)"); records a concept's ("Trafficking in Persons (TIP)"), a known
        body spelt otherwise ("Federal Investigation Authority (FIA)") or a new agency whose long
        form has an organisation head word ("National Paigham-i-Aman Committee (NPAC)")."""
        acr = doc[open_ + 1]
        if not _ACRONYM.match(acr.text) or sum(c.isupper() for c in acr.text) < 2:
            return
        prev = learnt.ent_at.get(open_ - 1)
        if prev is not None and prev.label_ == "AGENCY" and prev.ent_id_:
            learnt.link_known(acr.text, prev.ent_id_)
            return
        if prev is not None and prev.label_ == "TITLE":
            return
        start = _long_form_start(doc, open_, acr.text, learnt.ent_at)
        if start is None:
            return
        long_form = doc[start:open_].text  # as written: "National Paigham-i-Aman Committee"
        if long_form.lower() in self.not_agencies:
            learnt.concepts.add(acr.text)
            return
        known = learnt.ent_at.get(acr.i)
        other = False  # the known acronym names another body here ("National Crime Research Centre (NCRC)")
        if (
            known is not None
            and known.label_ == "AGENCY"
            and known.ent_id_ in learnt.info
            and known.start == acr.i
        ):
            if _same_body(long_form, known.ent_id_):
                learnt.spans.append(Span(doc, start, open_, label="AGENCY", span_id=known.ent_id_))
                return
            other = True
        if other:  # not the gazetteer's body: forget it (the recogniser links acronyms to what is known)
            learnt.info.pop(known.ent_id_, None)
        kind = self.kind_of([t.text for t in doc[start:open_]])
        if kind is None or kind in _REFUSED:
            if other:
                learnt.concepts.add(acr.text)
            return
        learnt.links[acr.text] = long_form
        learnt.info.setdefault(long_form, {"acronym": acr.text, "kind": kind, "country": None})
        learnt.spans.append(Span(doc, start, open_, label="AGENCY", span_id=long_form))

    # -- organisations the model labelled otherwise -----------------------------------------------
    def _person_org(self, doc: Doc, e: Span, learnt: _Learnt) -> None:
        """ "Human Trafficking Cell" tagged PERSON: an organisation head word is never a name; the
        model's span may miss capitalised words before it ("[Human] Trafficking Cell")."""
        start = e.start
        while (
            start > 0
            and e.start - start < 3
            and doc[start - 1].is_title
            and not doc[start - 1].is_stop
            and doc[start - 1].i not in learnt.ent_at
            and not doc[start - 1].is_sent_start
        ):
            start -= 1
        span = Span(doc, start, e.end, label="AGENCY")
        learnt.info.setdefault(
            span.text, {"acronym": None, "kind": self.keywords[e[-1].lower_], "country": None}
        )
        learnt.spans.append(Span(doc, start, e.end, label="AGENCY", span_id=span.text))

    def untagged_names(self, doc: Doc, runs: list[tuple[int, int]]) -> None:
        """The spans ``runs`` (capitalised names no entity covers: :mod:`agency_heads`) as model ORG
        entities are: new agencies when their head word is an organisation keyword."""
        ents = list(doc.ents)
        learnt = _Learnt(
            doc.user_data.setdefault(AGENCY_INFO, {}), {i: e for e in ents for i in range(e.start, e.end)}
        )
        for start, end in runs:
            self._model_org(doc, Span(doc, start, end, label="ORG"), learnt)
        if learnt.spans:
            _relabel(doc, ents, learnt)

    def _model_org(self, doc: Doc, e: Span, learnt: _Learnt) -> None:
        """A model ORG followed by a known body's acronym is that body ("National Database
        Registration Authority (Nadra)"); an ORG with an organisation head word, trimmed, is a new
        agency ("Child Protection Bureau"); not a law, a concept, a region or a list."""
        after = (
            learnt.ent_at.get(e.end + 1)
            if e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")"
            else None
        )
        if (
            after is not None
            and after.label_ == "AGENCY"
            and after.ent_id_ in learnt.info
            and after.start == e.end + 1
            and _same_body(e.text, after.ent_id_)
        ):
            learnt.spans.append(Span(doc, e.start, e.end, label="AGENCY", span_id=after.ent_id_))
            return
        e = self._trim_org(doc, e)
        if e is None:
            return
        words = [t.text for t in e]
        kind = self.kind_of(words)
        if (
            kind
            and kind not in _REFUSED
            and e.text.lower() not in self.not_agencies
            and len(words) > 1
            and not self.is_region(words)
            and not any(w in ("–", "—") for w in words)
            and ("," not in words or listed_domains(e, self.keywords, self.places))
        ):
            e = Span(
                doc, coordinated_start(doc, e.start, e.end, self.keywords, self.places), e.end, label=e.label_
            )
            learnt.info.setdefault(e.text, {"acronym": None, "kind": kind, "country": None})
            learnt.spans.append(Span(doc, e.start, e.end, label="AGENCY", span_id=e.text))


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
