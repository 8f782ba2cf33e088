"""Speaker steps for bodies, documents and bare titles (the later steps of
:func:`extractors.nlp.claims.speakers.speaker`).

Each step takes a :class:`~extractors.nlp.claims.subjects._Subject` and returns
``(speaker, speaker_kind)`` or ``None`` when the subject is not its kind: a body named by its kind
("the charity"), a statement, an office or member of a body, a study, a report, a name the
officials component did not resolve, a bare title, a proper noun, a country. None of them resolves
another phrase recursively; the steps that do stay in :mod:`~extractors.nlp.claims.speakers`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.nlp.claims.groups import epithet, office_holder_later
from extractors.nlp.claims.lexicon import (
    _BODY_HEAD_KINDS,
    _ISSUED_HEADS,
    _MEMBER_HEADS,
    _OTHER_OFFICE_WORDS,
    _PERSON_HEADS,
    _REPORT_HEADS,
    _STUDY_HEADS,
    _UNNAMED_HEADS,
    other_title_forms,
    title_words,
)
from extractors.nlp.claims.named import person_with_written_title
from extractors.nlp.claims.subjects import Speaker, _Subject
from extractors.nlp.claims.tip_report import names_tip
from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials import PEOPLE
from extractors.nlp.resolve import (
    agency_name,
    last_agency,
    office_holder,
    titled_person,
)

# -- statements, offices and members of a body ---------------------------------------------------


def _body_of_kind(s: _Subject) -> Speaker | None:
    """ "The charity", "the party", "The group": the last agency of a fitting kind named before
    (``body_head_kinds``: a charity is an NGO, a party a party), else nothing."""
    kinds = _BODY_HEAD_KINDS.get(s.low)
    if not (s.definite and kinds):
        return None
    info = s.doc.user_data.get(AGENCY_INFO, {})
    named = last_agency(s.doc, s.span.start, lambda e: info.get(agency_name(e), {}).get("kind") in kinds)
    return (named, "organisation") if named is not None else None


def _statement_ref(s: _Subject) -> Speaker | None:
    """ "the statement", "the press release": the body whose release it was ("a UN press release
    said …" … "the press release said …"); a release first met without an issuer stays a report;
    else the last body that spoke, else the last agency named."""
    if not (s.low in _ISSUED_HEADS and s.definite):
        return None
    same = next(
        (
            c.speaker
            for c in reversed(s.earlier)
            if c.src is not None
            and c.speaker[0] is not None
            and c.speaker[1] in ("organisation", "report")
            and s.low in c.src.text.lower()
        ),
        None,
    )
    if same is not None:
        return same if same[1] == "organisation" else (s.span.text, "report")
    prev = next((sp for sp in s.spoken if sp[1] == "organisation"), None)
    if prev is not None:
        return prev
    named = last_agency(s.doc, s.span.start)
    return (named, "organisation") if named is not None else None


def _office_of_body(s: _Subject) -> Speaker | None:
    """ "The Director General of Immigration and Passports", "the FIA DG", "Secretary MoHR": the
    holder of the office when the story names one, else an unnamed official, never the body."""
    if s.agency is None or s.office is None:
        return None
    holder = office_holder(
        s.doc.user_data.get(PEOPLE, []), s.office.ent_id_, agency_name(s.agency), s.before
    ) or person_with_written_title(s)
    if holder:
        return holder, "person"
    return epithet(s) or (s.span.text, "unnamed")  # "The CID boss stressed"


def _member_of_body(s: _Subject) -> Speaker | None:
    """ "A senior official of FIA Gujrat circle", "A spokesman for FIA": a person of the body,
    unnamed, wherever the body is named ("Some of the sacked FIA officials" too); a report or
    document of the body is a report. People of a body outside its name ("a Labour backbencher",
    "Three Labour MPs": ``member_heads``) are unnamed too, never the body."""
    low = s.low
    if s.agency is not None and low in _MEMBER_HEADS and not s.agency.start <= s.root.i < s.agency.end:
        return s.span.text, "unnamed"
    if s.agency is None or low not in _UNNAMED_HEADS:
        return None
    if not (s.root.i >= s.agency.end or low in _PERSON_HEADS | {"officials", "officers", "sources"}):
        return None
    return s.span.text, ("report" if low in _REPORT_HEADS else "unnamed")


def _study_by_body(s: _Subject) -> Speaker | None:
    """ "A 2023 study by the UNODC and the EU": the study, not its authors."""
    if s.agency is None or s.low not in _STUDY_HEADS:
        return None
    return s.span.text, "report"


def _named_body(s: _Subject) -> Speaker | None:
    """ "the FIA statement": the body named in the phrase speaks ("The Ministry of Interior
    informed the committee")."""
    return (agency_name(s.agency), "organisation") if s.agency is not None else None


# -- reports, titles and names nothing above resolved ---------------------------------------------


def _tip_report(s: _Subject) -> Speaker | None:
    """ "The US 2024 Trafficking in Persons (TIP) report" parsed with another root: the report."""
    last_noun = next((t.lower_ for t in reversed(s.span) if t.pos_ in ("NOUN", "PROPN")), s.low)
    if last_noun in _REPORT_HEADS and s.low not in _REPORT_HEADS and _names_tip(s.span):
        return "report", "report"
    return None


def _report(s: _Subject) -> Speaker | None:
    """ "the report", "the TIP report" -> "report" (the TIP report this is about); another
    report or document (a bill, a poll, a ruling) keeps its text."""
    low = s.low
    if low not in _REPORT_HEADS:
        return None
    tip = _names_tip(s.span)
    return ("report" if low == "report" and (s.root.i - s.span.start <= 1 or tip) else s.span.text), "report"


_names_tip = names_tip


def _unresolved_name(s: _Subject) -> Speaker | None:
    """A name the officials component did not resolve: a person as written, when it has a name's
    shape (not "Scholars", "MoU", "Embassy": :class:`~extractors.nlp.components.officials.shape.NameShape`)."""
    if s.root.ent_type_ != "PERSON":
        return None
    ent = next((e for e in s.doc.ents if e.start <= s.root.i < e.end), None)
    longer = {t.lower_ for e in s.doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    if ent is not None and s.finder.shape.clean(ent, longer) is None:
        return None
    return s.span.text, "person"


def _bare_title(s: _Subject) -> Speaker | None:
    """ "The IG", "the SHO": a title the heads above do not list is still a person, the one
    mentioned last with that title, else unnamed."""
    if s.office is None or len(s.span) > 4:
        return None
    holder = _titled_person(s.finder, s.doc, s.span, s.before) or office_holder_later(s)
    return (holder, "person") if holder else (s.span.text, "unnamed")


def _proper_noun(s: _Subject) -> Speaker | None:
    """A proper noun that is no place, date or person of a body ("The MP for Sittingbourne"): an
    organisation the rules do not know."""
    root = s.root
    if root.pos_ == "PROPN" and root.ent_type_ not in ("GPE", "LOC", "DATE") and s.low not in _MEMBER_HEADS:
        if s.lead.ent_type_ == "TITLE" and not any(t.tag_ == "POS" for t in s.span):
            # "Deputy Superintendent of Police Ranchi said": a title and its station, no name
            return s.span.text, "unnamed"
        return s.span.text, "organisation"
    return None


def _country(s: _Subject) -> Speaker | None:
    """A country alone, as the country gazetteer tags it ("The United States of America charged
    Ghana …"), speaks as a body, as the guideline's speakers do; the name as written without "the"."""
    span = s.span[1:] if s.span[0].lower_ == "the" else s.span
    ents = [e for e in s.doc.ents if e.start <= s.root.i < e.end]
    if not (len(span) and ents and ents[0].label_ == "GPE" and ents[0].ent_id_):
        return None
    return (span.text, "organisation") if ents[0].start <= span.start and span.end <= ents[0].end else None


def _titled_person(self, doc: Doc, subj: Span, before: int) -> str | None:
    """ "the minister", "Interior Minister", "the prime minister" -> the last person mentioned
    before with that title (other words of the phrase must occur in the title or organisation;
    "DG", "IG", "SHO" stand for their titles). A title with a word that makes another office
    (``other_office_words``) the phrase lacks is not that title: "the minister" after "Prime
    Minister Shehbaz Sharif" is not the prime minister. The other forms of the head count
    ("spokesman", "spokeswoman", "spokesperson")."""
    root = subj.root
    if root.pos_ not in ("NOUN", "PROPN") or len(subj) > 4:
        return None
    words = {t.lower_ for t in subj if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != root.i}
    title = title_words(root)
    # "the DDG" stands for "deputy director general": its own words are the phrase's
    other = _OTHER_OFFICE_WORDS - words - set(title)
    people = doc.user_data.get(PEOPLE, [])
    # "the spokesperson" is also the person titled "spokeswoman" (``same_title_heads``)
    for head in (title[-1], *other_title_forms(title[-1])):
        found = titled_person(people, head, words, before, other)
        if found:
            return found
    return None
