"""Claim speakers: a source span resolved to ``(speaker, speaker_kind)`` for the claims table.

:func:`speaker` tries the steps in ``_SPEAKER_STEPS`` in order, one per kind of subject (a name,
"who", "he", "it", "the meeting", "the complainant", "the minister", "the committee", "the
statement", an office or official of a body, a study, a report, a bare title, a proper noun); the
first that returns decides, else the subject text is an unnamed speaker. ``speaker_kind`` is
``person``, ``organisation``, ``report`` or ``unnamed``.

The steps for bodies, documents and bare titles, which resolve no other phrase, are in
:mod:`extractors.nlp.claims.body_steps`.

Names, surnames and people's titles come from the officials component (``PEOPLE``,
``PERSON_AT``) through the lookups in :mod:`extractors.nlp.resolve`; anaphora ("he", "the
minister", "it", "the agency") refer back to the last fitting speaker of the claims before
(``earlier``), which journalism makes a better guess than the last name mentioned. Finding the
source span of a cue is :mod:`extractors.nlp.claims.sources` (re-exported here for
``ClaimFinder``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.nlp.claims.anaphora import (
    body_by_name_end,
    body_ref,
    clause_subject,
    company_ref,
    generic_body,
    group_pronoun,
    home_government,
    issuer,
    media_outlet,
    one_word_body,
    police_force,
    previous_body,
    same_source,
    subject_body,
)
from extractors.nlp.claims.body_steps import (
    _bare_title,
    _body_of_kind,
    _country,
    _member_of_body,
    _named_body,
    _office_of_body,
    _proper_noun,
    _report,
    _statement_ref,
    _study_by_body,
    _tip_report,
    _titled_person,
    _unresolved_name,
)
from extractors.nlp.claims.groups import (
    coordinated,
    counted_members,
    epithet,
    later_title_holder,
    lead_description,
    office_holder_later,
    persons_people,
)
from extractors.nlp.claims.lexicon import (
    _COMPLAINANT_HEADS,
    _ISSUED_HEADS,
    _MEETING_HEADS,
    _MEMBER_HEADS,
    _OFFICE_HEADS,
    _ORG_PRONOUNS,
    _PERSON_HEADS,
    _REPORT_HEADS,
    _SPEAKER_HEADS,
    _STUDY_HEADS,
    other_title_forms,
    title_words,
)
from extractors.nlp.claims.named import (
    _complainant,
    after_heading,
    earlier_full_name,
    earlier_name,
    name_in_phrase,
    person_by_title_head,
    person_by_written_title,
)
from extractors.nlp.claims.person_pronoun import person_pronoun as _person_pronoun
from extractors.nlp.claims.sources import _named_appos, _source
from extractors.nlp.claims.subjects import (
    Speaker,
    _headed,
    _in_clause,
    _name_head,
    _one_person,
    _Subject,
    definite_core,
)
from extractors.nlp.claims.surnames import full_name_of, person_after_role, person_named_before
from extractors.nlp.claims.tip_report import tip_report_phrase
from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials import PEOPLE
from extractors.nlp.ents import ents_within
from extractors.nlp.resolve import (
    agency_name,
    last_agency,
)
from extractors.nlp.tokens import POSSESSIVE

# _source, _named_appos, _name_head, _in_clause: bound in ClaimFinder from here
__all__ = [
    "_headed",
    "_in_clause",
    "_name_head",
    "_named_appos",
    "_one_person",
    "_source",
    "_titled_person",
    "speaker",
]


def speaker(self, doc: Doc, subj: Span, before: int, earlier: list | None = None) -> Speaker:
    """Resolve a source span to (speaker, speaker_kind) for the claims table.

    ``before``: the cue's token index (people mentioned before it count); ``earlier``: the claims
    before this one, in text order, for anaphoric sources. ``self`` is the ``ClaimFinder``."""
    s = _Subject(self, doc, definite_core(after_heading(subj)), before, earlier or [])
    for step in _SPEAKER_STEPS:
        found = step(s)
        if found is not None:
            # a short form of someone who spoke before is that person ("Mr Dery" -> Ambrose Dery),
            # else of someone named before ("CS Mutua" -> Alfred Mutua)
            if found[1] == "person" and found[0]:
                return earlier_full_name(s, found[0]) or full_name_of(s, found[0]) or found[0], "person"
            return found
    return s.span.text, "unnamed"


# -- names and pronouns ---------------------------------------------------------------------------


def _named_person(s: _Subject) -> Speaker | None:
    """A person the officials component resolved, as the head or right beside it ("Jehangir" ->
    Ahmad Ishaque Jehangir); a name inside a modifier is not the source ("The meeting, presided
    over by Chairman X, noted")."""
    doc, root, person_at = s.doc, s.root, s.person_at
    found = list(_named_people(s, doc, root, person_at))
    if not found:
        return None
    # "Gauteng provincial spokesperson for the Hawks, Captain X", "Rajgangpur SDPO X": a bare
    # word the model took for a name, written right before a title, is that title's station, no
    # rival to the person the officials component gave the title
    first, speaker_found = found[0]
    titled = {p["name"] for p in doc.user_data.get(PEOPLE, []) if p.get("title")}
    end = first.i
    while end < len(doc) and person_at.get(end) == speaker_found[0]:
        end += 1
    beside = doc[end : end + 2] if end < len(doc) and not doc[end].is_punct else doc[end : end + 1]
    if speaker_found[0] not in titled and any(t.ent_type_ == "TITLE" for t in beside):
        return next((f for _, f in found if f[0] in titled), speaker_found)
    return speaker_found


def _name_beside_title(s: _Subject) -> Speaker | None:
    """A title phrase whose holder's name the parser left outside the source, across a comma:
    "John Okello, the Police Spokesperson said" (the name before the definite title, not an
    object: "According to John Okello, the minister said" is two people) and "According to the
    Chief of the Airport Police, Commissioner Ronald Sipayung, a total …" (the name after it,
    past its ranks and titles)."""
    doc, span, person_at = s.doc, s.span, s.person_at
    if s.office is None and s.lead.ent_type_ != "TITLE" and s.lead.lower_ not in _PERSON_HEADS:
        return None
    before = span.start - 2
    if (
        span[0].lower_ == "the"
        and before >= 0
        and doc[before + 1].text == ","
        and before in person_at
        and _opens_sentence(doc, before, person_at)
    ):
        return person_at[before], "person"
    j = span.end + 1
    if span.end < len(doc) and doc[span.end].text == ",":
        while j < len(doc) and (
            doc[j].ent_type_ == "TITLE" or s.finder.shape.honorifics & {doc[j].lower_.rstrip(".")}
        ):
            j += 1
        if j in person_at and j > span.end + 1:
            return person_at[j], "person"
    return None


def _person_entity(s: _Subject) -> Speaker | None:
    """A name the officials component did not take, at an edge of the source phrase: after a
    possessive or a comma at its end ("War on Want's John Hilary", "The Shadow Secretary of State
    for the Family, Theresa May"), or opening it before a comma or "of" ("Ashok Vishwanathan of
    Operation Black Vote", "Mr MacDonell, political editor of The Scotsman"): that person, not
    the body around the name ("A spokesman for Michael Howard" ends with no comma; "A transcript of
    evidence from Jessy's maid, Amelia Laugher" has the name in apposition to another noun; "Lord
    Nicholls of Birkenhead" is a peer's name)."""
    span, doc = s.span, s.doc
    ents = [e for e in ents_within(span) if e.label_ == "PERSON"]
    last = ents[-1] if ents else None
    if last is not None and last.end == span.end:
        before = doc[last.start - 1].lower_
        if before in POSSESSIVE or (
            before == "," and last.root.dep_ == "appos" and last.root.head.i == s.root.i
        ):
            return _clean_name(s, last)
    first = ents[0] if ents and ents[0].start == span.start else None
    if first is not None and first.end < span.end and doc[first.end].lower_ in (",", "of"):
        return _clean_name(s, first)
    if len(span) > 2 and span[0].lower_.rstrip(".") in s.finder.shape.honorifics and span[2].text == ",":
        return _clean_name(s, span[1:2]) if span[1].pos_ == "PROPN" else None  # "Mr MacDonell, …"
    return None


def _clean_name(s: _Subject, name: Span) -> Speaker | None:
    longer = {t.lower_ for e in s.doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    found = s.finder.shape.clean(name, longer)
    return (found.text, "person") if found is not None else None


def _opens_sentence(doc: Doc, i: int, person_at: dict) -> bool:
    """The name ending at token ``i`` opens its sentence (not "identified as A and B, the
    spokesman said", where the names are the content)."""
    start = i
    while start - 1 >= 0 and person_at.get(start - 1) == person_at[i]:
        start -= 1
    return all(t.is_punct or t.is_space for t in doc[doc[i].sent.start : start])


def _named_people(s: _Subject, doc: Doc, root, person_at: dict):
    """The people :func:`_named_person` accepts in the source phrase, in text order."""
    for t in s.span:
        if (
            t.i in person_at
            and (root.lower_ in _REPORT_HEADS or root.tag_ in ("NNS", "NNPS") or _holder_after(s, root, t))
            and _possessor_of(_name_head(doc, t, person_at), root)
        ):
            # "Sir Alan Budd's inquiry found": the document; "President Bush's advisers": they;
            # "Ms Jowell's deputy, Richard Caborn, said": the deputy, named after the role
            continue
        if (
            t.i in person_at
            and root.i not in person_at
            and _through_prep(_name_head(doc, t, person_at), root)
            and not _holds_title(doc, person_at[t.i], root)
        ):
            continue  # "A spokesman for Michael Howard", "The MP for Sittingbourne and Sheppey"
        if t.i in person_at and (
            t.head.i == root.i
            or t.i == root.i
            or root.i in person_at
            or (t.head.i in person_at and not _in_clause(_name_head(doc, t, person_at), root))
            or _postnominal_appos(_name_head(doc, t, person_at), root)
        ):
            yield t, (person_at[t.i], "person")


def _holder_after(s: _Subject, root, t) -> bool:
    """Another person is named after the phrase's head, not through a preposition (the role's
    holder: "Trump's campaign manager, Corey Lewandowski"; not "Clinton's attack on Trump"), so
    the possessor ``t`` only qualifies the role."""
    doc, person_at = s.doc, s.person_at
    return root.i not in person_at and any(
        i in person_at
        and person_at[i] != person_at[t.i]
        and not _through_prep(_name_head(doc, doc[i], person_at), root)
        for i in range(root.i + 1, s.span.end)
    )


def _holds_title(doc: Doc, name: str, root) -> bool:
    """The officials component gave ``name`` the title ``root`` heads: "Federal Minister for
    Railways Hanif Abbasi", where the parser hangs the name from "for", is the minister himself,
    unlike "A spokesman for Michael Howard" (Howard holds no "spokesman" title)."""
    head = title_words(root)[-1]
    return any(
        p["name"] == name and (p.get("title") or "").lower().split()[-1:] == [head]
        for p in doc.user_data.get(PEOPLE, [])
    )


def _postnominal_appos(tok, root) -> bool:
    """ "Health Secretary, John Reid MP, said": the name modifies a title after it ("MP") that
    stands in apposition to the phrase's head (not "Democrats, Frank notes, applaud")."""
    head = tok.head
    return tok.dep_ == "compound" and head.dep_ == "appos" and head.head.i == root.i and head.pos_ == "PROPN"


def _possessor_of(tok, root) -> bool:
    return tok.dep_ == "poss" and tok.head.i == root.i


def _through_prep(tok, root) -> bool:
    """``tok`` hangs from ``root`` through a preposition: someone the speaker works for or
    represents, not the speaker."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ != "of":  # "Minister of Justice X" is often X's title
            return True
        tok = tok.head
    return False


def _relative_pronoun(s: _Subject) -> Speaker | None:
    """ "Mr Tarar, who said …": the relative pronoun stands for the noun it modifies."""
    root, doc = s.root, s.doc
    if not (s.low in ("who", "which", "that") and root.head.dep_ == "relcl" and root.head.head.i < root.i):
        return None
    noun = root.head.head
    if noun.i in s.person_at:
        return s.person_at[noun.i], "person"
    np = doc[noun.left_edge.i : root.i]
    while len(np) > 1 and (np[-1].is_punct or np[-1].is_space):
        np = np[:-1]
    if len(np) and root.i not in range(np.start, np.end):
        return speaker(s.finder, doc, np, s.before, s.earlier)
    return None


def _organisation_pronoun(s: _Subject) -> Speaker | None:
    """ "it": a report or agency that became a sentence's subject since the last claim, or the
    body the rules left unnamed that spoke just before (:mod:`~extractors.nlp.claims.anaphora`);
    else the last organisation or report that spoke, else the last agency named."""
    if not (s.low in _ORG_PRONOUNS and s.single):
        return None
    found = subject_body(s, lambda np: speaker(s.finder, s.doc, np, s.before, s.earlier)) or previous_body(s)
    found = found or one_word_body(s)
    if found is not None:
        return found
    prev = next((sp for sp in s.spoken if sp[1] in ("organisation", "report")), None)
    if prev is not None:
        return prev
    named = last_agency(s.doc, s.span.start)
    if named is not None:
        return named, "organisation"
    return s.span.text, "unnamed"


# -- definite references: "the meeting", "the complainant", "the minister", "the committee" ---------


def _possessor(s: _Subject) -> Speaker | None:
    """ "his plan", "its response": :func:`~extractors.nlp.claims.anaphora.clause_subject`."""
    return clause_subject(s, lambda np: speaker(s.finder, s.doc, np, s.before, s.earlier))


def _group_pronoun(s: _Subject) -> Speaker | None:
    """ "they": :func:`~extractors.nlp.claims.anaphora.group_pronoun`."""
    return group_pronoun(s, lambda np: speaker(s.finder, s.doc, np, s.before, s.earlier))


def _meeting(s: _Subject) -> Speaker | None:
    """ "The meeting, presided over by …, noted": the legislative body named last, whose meeting
    it is."""
    if not (s.definite and s.low in _MEETING_HEADS):
        return None
    kinds = s.doc.user_data.get(AGENCY_INFO, {})
    body = last_agency(s.doc, s.before, lambda e: kinds.get(agency_name(e), {}).get("kind") == "legislature")
    return (body, "organisation") if body is not None else None


def _complainant_ref(s: _Subject) -> Speaker | None:
    """ "the complainant": the person who lodged the complaint or case (:func:`_complainant`)."""
    if not (s.definite and s.low in _COMPLAINANT_HEADS):
        return None
    filer = _complainant(s.finder, s.doc, s.before)
    return (filer, "person") if filer else None


def _person_title(s: _Subject) -> Speaker | None:
    """ "the minister", "Interior Minister": the last person mentioned with that title; else, for
    an office (not "the spokesman", "the official"), the last person who spoke, or an unnamed
    speaker whose description has the word ("the spokesman" after "A spokesman for FIA"); else
    the holder of the title named soon after it (:func:`~extractors.nlp.claims.groups.office_holder_later`)."""
    if not (s.definite and s.low in _PERSON_HEADS):
        return None
    titled = _titled_person(s.finder, s.doc, s.span, s.before)
    if titled:
        return titled, "person"
    words = {t.lower_ for t in s.span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != s.root.i}
    for head in (s.low, *other_title_forms(s.low)):
        titled = person_by_written_title(s, head, words)
        if titled:
            return titled, "person"
    for sp in s.spoken:
        if sp[1] == "person" and s.low in _OFFICE_HEADS | _SPEAKER_HEADS:
            return sp
        if sp[1] == "unnamed" and s.low in sp[0].lower():
            return sp
    titled = office_holder_later(s)  # a lead's title: its holder named after it
    return (titled, "person") if titled else None


def _title_head(s: _Subject) -> Speaker | None:
    """ "the Admiral", "The actress", "the shadow chancellor": a definite title the heads in
    ``person_heads`` do not list is the person named with that title written next to the name
    (:func:`~extractors.nlp.claims.named.person_by_title_head`); else nothing."""
    root = s.root
    if not (
        s.definite and len(s.span) <= 4 and root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NN", "NNP")
    ):
        return None
    if root.is_upper or s.span[0].lower_ not in ("the", "this"):
        return None  # "the President IIUI": a body's name is no title; "Bilal Azam": no title
    found = person_by_title_head(s)
    return (found, "person") if found else None


def _member_ref(s: _Subject) -> Speaker | None:
    """ "The MP for Sittingbourne and Sheppey said" right after "Mr Wyatt predicted": one person of
    a body (``member_heads``), written definite as the cue's subject, is the person who spoke last
    (not "Clinton was the first candidate to weigh in, tweeting")."""
    root = s.root
    if s.span[0].lower_ not in ("the", "this") or s.low not in _MEMBER_HEADS or root.dep_ != "nsubj":
        return None
    if root.tag_ in ("NNS", "NNPS") or root.head.i != s.before or not s.spoken:
        return None
    return s.spoken[0] if s.spoken[0][1] == "person" else None


# -- a statement issued by a body (the other body, document and title steps: body_steps) ----------


def _issued_by(s: _Subject) -> Speaker | None:
    """ "a press release issued by the FIA": the issuer speaks."""
    if s.low not in _ISSUED_HEADS:
        return None
    orgs = [e for e in s.span.ents if e.label_ == "AGENCY"]
    if orgs:
        return agency_name(orgs[-1]), "organisation"
    return issuer(s, lambda np: speaker(s.finder, s.doc, np, s.before, s.earlier))


# participles that name a document's issuer ("a report released by X"), not its holder ("obtained by")
_ISSUE_VERBS = {"release", "issue", "publish", "compile", "provide", "prepare", "produce", "conduct"}


def _document_issuer(s: _Subject) -> Speaker | None:
    """ "a 2010 report by Infosur", "a new report from Reuters", "figures from the Executive
    Secretariat of …": a document other than the TIP report whose issuer is named speaks for
    that issuer (guideline: the document's description only without a named issuer); an agency
    issuer is found by the body steps after this, a person issuer leaves the document."""
    if s.low not in _REPORT_HEADS or s.low in _STUDY_HEADS or s.agency is not None:
        return None  # (the TIP report is found before: tip_report_phrase; a study stays a report)
    found = issuer(s, lambda np: speaker(s.finder, s.doc, np, s.before, s.earlier), _ISSUE_VERBS)
    # "The report released by US Secretary of State Rex Tillerson": a person releases the report
    # of an office, which stays the document (world_dev: the TIP report)
    return found if found is not None and found[1] != "person" else None


_SPEAKER_STEPS = (
    coordinated,
    persons_people,
    _named_person,
    _name_beside_title,
    _person_entity,
    _relative_pronoun,
    _possessor,
    _person_pronoun,
    _organisation_pronoun,
    _group_pronoun,
    tip_report_phrase,
    earlier_name,
    name_in_phrase,
    _meeting,
    _complainant_ref,
    lead_description,
    same_source,
    media_outlet,
    _person_title,
    _title_head,
    _member_ref,
    counted_members,
    police_force,
    body_ref,
    home_government,
    _body_of_kind,
    generic_body,
    company_ref,
    body_by_name_end,
    _issued_by,
    _document_issuer,
    _statement_ref,
    _office_of_body,
    _member_of_body,
    _study_by_body,
    _named_body,
    _tip_report,
    _report,
    _unresolved_name,
    epithet,
    _bare_title,
    later_title_holder,
    person_named_before,
    person_after_role,
    _proper_noun,
    _country,
)
