"""Anaphoric sources that refer back to a body, a document or an unnamed source.

Helpers of the speaker steps in :mod:`extractors.nlp.claims.speakers`, each a function of the
step's :class:`~extractors.nlp.claims.subjects._Subject`:

* :func:`subject_body`: "it" after a sentence whose subject is a report or an agency ("The report
  raised the status of Saudi Arabia … In doing so, it highlighted …" -> the report).
* :func:`previous_body`: "it" right after a claim of a body the rules do not know ("The public
  prosecution said in a statement … It said …" -> the public prosecution).
* :func:`same_source`: "the sources", "the same source" -> the source that spoke before ("two
  sources familiar with the matter told Reuters … the sources said" -> "two sources familiar
  with the matter"; "according to the same source" -> the last speaker).
* :func:`group_pronoun`: "they" -> the group or body that became a sentence's subject or spoke
  last ("Officials said … They said" -> officials; "The trio claimed … they admitted" -> the
  trio).
* :func:`clause_subject`: "his", "its", "their" -> the subject of their own clause ("The
  government has yet to issue its official response" -> the government).
* :func:`issuer`: "a statement released by the Government of Mexico" -> Government of Mexico.
* :func:`body_ref`: "the committee", "the government" -> a body of that name that spoke or was
  named before; the last body that spoke only when the head allows it (``spoken_head_kinds``).
* :func:`generic_body`: "the agency", "the Mexican government agency" -> the agency named last
  before, when nothing that spoke fits.
* :func:`police_force`: "the police", "police" -> the police force named last before ("Tel Aviv
  District Police … According to the police"), else the only one the story names.

Word lists: ``generic_org_heads``, ``org_heads``, ``police_heads``, ``police_unit_words``, ``group_nouns``, ``spoken_head_kinds`` and ``same_words`` in ``models/patterns/claim_lexicon.toml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.nlp.claims.lexicon import (
    _COMPANY_HEADS,
    _GENERIC_ORG_HEADS,
    _GROUP_NOUNS,
    _GROUP_PRONOUNS,
    _MEDIA_HEADS,
    _MEDIA_SERVICE_HEADS,
    _ORG_HEADS,
    _ORG_PRONOUNS,
    _PERSON_HEADS,
    _PERSON_HONORIFICS,
    _PERSON_PRONOUNS,
    _POLICE_HEADS,
    _POLICE_UNIT_WORDS,
    _REPORT_HEADS,
    _SAME_WORDS,
    _SPOKEN_HEAD_KINDS,
    _UNNAMED_HEADS,
)
from extractors.nlp.claims.subjects import Speaker, _headed
from extractors.nlp.components.entities import AGENCY_INFO, HOME_GOVERNMENT
from extractors.nlp.resolve import agency_name, last_agency

_PLURAL_TAGS = ("NNS", "NNPS")
# kinds of a state's bodies, which no company or group is
_STATE_KINDS = ("government", "police", "court", "legislature", "foreign_government", "international")


def subject_body(s, resolve) -> Speaker | None:
    """The report or agency that is the subject of a main clause after the last claim's cue and
    before the pronoun; ``resolve(span)`` resolves its phrase."""
    doc = s.doc
    after = s.earlier[-1].cue.i if s.earlier else -1
    for i in range(s.span.start - 1, after, -1):
        t = doc[i]
        if t.dep_ not in ("nsubj", "nsubjpass") or t.head.dep_ != "ROOT" or t.tag_ in _PLURAL_TAGS:
            continue
        ent = next((e for e in doc.ents if e.start <= i < e.end), None)
        if ent is not None and ent.label_ == "AGENCY":
            return agency_name(ent), "organisation"
        if t.lower_ in _REPORT_HEADS and ent is None:
            found = resolve(doc[t.left_edge.i : i + 1])
            return found if found[1] == "report" else None
        return None  # the last such subject is something else: no guess from here
    return None


def previous_body(s) -> Speaker | None:
    """The claim just before was made by a singular body the rules left unnamed."""
    if not s.earlier:
        return None
    c = s.earlier[-1]
    name, kind = c.speaker
    if kind != "unnamed" or name is None or c.src is None:
        return None
    root = c.src.root
    if (
        root.tag_ in _PLURAL_TAGS
        or root.pos_ not in ("NOUN", "PROPN")
        or root.lower_ in _PERSON_HEADS | _UNNAMED_HEADS | _PERSON_PRONOUNS | _ORG_PRONOUNS
        or root.ent_type_ in ("PERSON", "GPE", "NORP")
        or not _one_sentence_apart(c.cue, s.span[0])
    ):
        return None
    return name, kind


def _one_sentence_apart(a: Token, b: Token) -> bool:
    """``b`` is in ``a``'s sentence or the next."""
    sa, sb = a.sent.start, b.sent.start
    return sa == sb or (a.sent.end <= sb and a.doc[a.sent.end].sent.start == sb)


def same_source(s) -> Speaker | None:
    """ "the sources", "the source", "the same source": the unnamed source that spoke last whose
    description has the head word; "the same source": whoever spoke last."""
    words = {t.lower_ for t in s.span}
    if s.span[0].lower_ != "the" or s.low not in ("source", "sources"):
        return None
    if words & _SAME_WORDS:
        return s.spoken[0] if s.spoken else None
    stem = s.low.rstrip("s")
    return next(
        (sp for sp in s.spoken if sp[1] == "unnamed" and stem in sp[0].lower() and sp[0] != s.span.text),
        None,
    )


def group_pronoun(s, resolve) -> Speaker | None:
    """ "they": a group or body that became a main clause's subject since the last claim's cue
    ("Experts studying the seas … have forecast … They predicted"), else the group or body that
    spoke last within three sentences ("Officials said … They said"), never one person."""
    if not (s.low in _GROUP_PRONOUNS and len(s.span) == 1):
        return None
    doc = s.doc
    after = s.earlier[-1].cue.i if s.earlier else -1
    for i in range(s.span.start - 1, after, -1):
        t = doc[i]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.lower_ not in _GROUP_PRONOUNS:
            if _group(t):  # "The first group, consisting of …": the group as the text names it
                return resolve(doc[t.left_edge.i : t.i + 1])
            if t.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in t.children) or _body(t):
                return resolve(s.finder._np(t))
            break
    for c in reversed(s.earlier):
        if c.speaker[0] is None or c.cue.sent.start < _sentences_back(doc, s.span[0], 3):
            return None
        if c.speaker[1] == "organisation" or (
            c.speaker[1] == "unnamed"
            and c.src is not None
            and (c.src.root.tag_ in _PLURAL_TAGS or _group(c.src.root))
        ):
            return c.speaker
        if c.speaker[1] == "person" or c.src is None or c.src.root.lower_ not in _GROUP_PRONOUNS:
            return None
    return None


def _group(t: Token) -> bool:
    """A group of people named in the singular ("The trio", "the family") or by a number ("the
    three", "All five"), which "they" refers back to."""
    return t.lower_ in _GROUP_NOUNS or (t.tag_ == "CD" and t.like_num and not t.text[:1].isdigit())


def clause_subject(s, resolve) -> Speaker | None:
    """ "his", "its", "their": the subject of the clause the possessive stands in, when it comes
    first ("Charles Kennedy repeated his call for a pause" -> Charles Kennedy; "The government has
    yet to issue its official response" -> the government)."""
    tok = s.span[0]
    if len(s.span) != 1 or tok.dep_ != "poss":
        return None
    v = tok.head
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    for _ in range(3):  # "has yet to issue": the subject is the head verb's
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            break
        if v.dep_ not in ("xcomp", "conj") or v.head.i == v.i:
            return None
        v = v.head
    if subj is None or subj.i > tok.i or subj.lower_ in ("i", "we", "you"):
        return None
    found = resolve(s.finder._np(subj))
    if (found[1] == "person") != (tok.lower_ in _PERSON_PRONOUNS) and tok.lower_ not in _GROUP_PRONOUNS:
        return None  # "its" is no person's, "his" no body's
    return found


def _body(t: Token) -> bool:
    """A body as a subject: an agency entity, or a definite organisation head ("The government")."""
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    return (ent is not None and ent.label_ == "AGENCY") or t.lower_ in _ORG_HEADS


def _sentences_back(doc, tok: Token, n: int) -> int:
    """Start of the sentence ``n`` sentences before ``tok``'s."""
    start = tok.sent.start
    for _ in range(n):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def issuer(s, resolve, verbs: set[str] | None = None) -> Speaker | None:
    """ "a statement released by the Government of Mexico", "a statement from the Internal
    Security Forces": whoever released it when it is named (a proper noun: the body as written,
    without "the"; a person resolved), not an agency (those are found first). With ``verbs``,
    only a participle of those lemmas names the issuer ("data obtained by Dawn.com" is no one's
    release)."""
    for t in s.span:
        if (
            t.dep_ == "agent"
            and t.head.dep_ == "acl"
            and t.head.head.i == s.root.i
            and (verbs is None or t.head.lemma_.lower() in verbs)
        ) or (t.dep_ == "prep" and t.lower_ in ("from", "by") and t.head.i == s.root.i):
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is None or obj.pos_ != "PROPN":
                return None
            np = s.finder._np(obj)
            if obj.ent_type_ == "PERSON":
                found = resolve(np)
                return found if found[1] == "person" else None
            np = np[1:] if np[0].lower_ == "the" else np
            # "the … National Public Security System (Sesnsp": an acronym in brackets is no part
            bracket = next((t.i for t in np if t.text == "(" and t.i > np.start), None)
            return (np.doc[np.start : bracket] if bracket is not None else np).text, "organisation"
    return None


def generic_body(s) -> Speaker | None:
    """ "the agency", "the Mexican government agency": the agency named last before."""
    if s.span[0].lower_ not in ("the", "this") or s.low not in _GENERIC_ORG_HEADS or len(s.span) > 5:
        return None
    named = last_agency(s.doc, s.span.start)
    return (named, "organisation") if named is not None else None


def police_force(s) -> Speaker | None:
    """ "The police said", "according to police": the police force named last before the source
    (an agency of kind police with "police" in its name, not a unit of it: "Multi-Option Police
    Section"), else the one police force the story names, else nothing (the phrase stays as
    written: "police" in a story that names no force)."""
    words = [t.lower_ for t in s.span]
    if s.low not in _POLICE_HEADS or words[-1] not in _POLICE_HEADS or len(words) > 2:
        return None
    if len(words) == 2 and words[0] != "the":
        return None  # "provincial police", "Canadian police": a description, not a reference
    kinds = s.doc.user_data.get(AGENCY_INFO, {})

    def force(e) -> bool:
        name = agency_name(e)
        low = name.lower().replace(",", " ").split()
        return (
            kinds.get(name, {}).get("kind") == "police"
            and "police" in low
            and not _POLICE_UNIT_WORDS.intersection(low[low.index("police") + 1 :])
        )

    named = last_agency(s.doc, s.span.start, force)
    if named is None:
        forces = {agency_name(e) for e in s.doc.ents if e.label_ == "AGENCY" and force(e)}
        named = next(iter(forces)) if len(forces) == 1 else None
    return (named, "organisation") if named is not None else None


def body_ref(s) -> Speaker | None:
    """ "The committee" after "The Ministry of Foreign Affairs informed the committee": a body of
    that kind that spoke before ("Senate Standing Committee on Interior"; "the government" after
    "The UK government is planning"), else one named before, else the last body that spoke when
    the head says no more than "body" ("the agency") or the body is of a kind the head allows
    (``spoken_head_kinds``: "the force" after "Sindh Police"; "the government" is never the party
    that spoke last); failing all, the last agency whose name has the word."""
    low = s.low
    if not (s.definite and low in _ORG_HEADS):
        return None
    same = next((sp for sp in s.spoken if _same_body(sp, low)), None)
    if same is not None:
        return same
    named = last_agency(s.doc, s.span.start, lambda e: _headed(agency_name(e), low))
    if named is not None:
        return named, "organisation"
    prev = next((sp for sp in s.spoken if sp[1] == "organisation" and _spoken_fits(s, sp[0], low)), None)
    if prev is not None:
        return prev
    named = last_agency(s.doc, s.span.start, lambda e: low in e.text.lower() and not _other_head(e.text, low))
    return (named, "organisation") if named is not None else None


def company_ref(s) -> Speaker | None:
    """ "the company said", "The club, which has posted record losses, said", "the group added": a
    definite lower-case ``company_heads`` noun is the last body that spoke, else an organisation
    named in its sentence or the two before, that is no state body (a company, club, union or NGO:
    "the group" after "the ministry said" is not the ministry): the last that is a subject ("Ryanair
    has agreed to buy 70 Boeing planes … The carrier reported"), else the last; else nothing (as
    written). "The Bank" (capitalised) names a bank of its own."""
    span = s.span
    if not (s.definite and len(span) == 2 and span[0].lower_ in ("the", "this") and s.low in _COMPANY_HEADS):
        return None
    if span[1].is_title:
        return None
    info = s.doc.user_data.get(AGENCY_INFO, {})

    def private(e) -> bool:
        return e.label_ == "ORG" or (
            e.label_ == "AGENCY" and info.get(agency_name(e), {}).get("kind") not in _STATE_KINDS
        )

    doc = s.doc

    def body(sp) -> bool:
        if sp[1] == "person":
            return _one_word_body(doc, sp[0])
        return sp[1] == "organisation" and info.get(sp[0], {}).get("kind") not in _STATE_KINDS

    prev = next((sp for sp in s.spoken if sp[1] in ("organisation", "person") and body(sp)), None)
    if prev is not None:
        return prev[0], "organisation"
    lo = span.sent.start
    for _ in range(2):
        lo = doc[lo - 1].sent.start if lo > 0 else lo
    named = [e for e in doc.ents if lo <= e.start and e.end <= span.start and private(e)]
    subjects = [e for e in named if e.root.dep_ in ("nsubj", "nsubjpass")]
    e = (subjects or named or [None])[-1]
    if e is None:
        return None
    return (agency_name(e) if e.label_ == "AGENCY" else _org_name(e)), "organisation"


def _one_word_body(doc, name: str) -> bool:
    """A one-word name the parser took for a person ("Ryanair said", "Yukos says") that is no named
    person's surname and never follows an honorific ("Mr Smith"): a body."""
    if " " in name or any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == name for e in doc.ents):
        return False
    return not any(
        t.text == name and t.i and doc[t.i - 1].lower_.rstrip(".") in _PERSON_HONORIFICS for t in doc
    )


def one_word_body(s) -> Speaker | None:
    """ "It has claimed" right after "Yukos has claimed …": "it" is the one-word body the parser
    took for a person when that body spoke last (a person is never "it")."""
    last = s.spoken[0] if s.spoken else None
    if last is None or last[1] != "person" or not _one_word_body(s.doc, last[0]):
        return None
    return last[0], "organisation"


_NAME_JOINS = ("of", "and", "&", "for", "de")


def _org_name(e) -> str:
    """An organisation entity's name without what spaCy took in with it: a description before it
    ("UK advertising giant WPP" -> WPP, "Scandal-hit jet fuel supplier China Aviation Oil") and
    an apposition or acronym after it ("France Telecom, one of …", "Industrial and Commercial Bank
    (ICBC), China's biggest lender")."""
    toks = list(e)
    cut = next((i for i, t in enumerate(toks) if t.text in (",", "(")), len(toks))
    toks = toks[:cut]
    if toks and toks[0].lower_ == "the":
        toks = toks[1:]
    k = len(toks)
    while k > 0 and (toks[k - 1].text[:1].isupper() or toks[k - 1].lower_ in _NAME_JOINS):
        k -= 1
    while k < len(toks) and toks[k].lower_ in _NAME_JOINS:
        k += 1
    name = toks[k:] if k < len(toks) else toks
    return name[0].doc[name[0].i : name[-1].i + 1].text if name else e.text


def home_government(s) -> Speaker | None:
    """ "the government said", "This government says" when no body of that name spoke or was named
    (:func:`body_ref` first): the government of the one country the story is about, as
    ``agency_home`` names it ("UK government"; settled: a government as a whole speaks as an
    organisation); else nothing (the phrase stays as written)."""
    words = [t.lower_ for t in s.span]
    if words not in (["the", "government"], ["this", "government"]):
        return None
    name = s.doc.user_data.get(HOME_GOVERNMENT)
    return (name, "organisation") if name else None


def body_by_name_end(s) -> Speaker | None:
    """ "the coast guard" after "The Hellenic Coast Guard said", "the Gendarmerie" after "The
    Argentine National Gendarmerie dismantled": "the" and one or two nouns that end the name of
    a body named before stand for the last such body (a head in ``org_heads`` is
    :func:`body_ref`'s; "the police" is :func:`police_force`'s)."""
    span = s.span
    if not (s.definite and span[0].lower_ in ("the", "this") and 2 <= len(span) <= 3):
        return None
    words = [t.lower_ for t in span[1:]]
    if s.low in _POLICE_HEADS or not all(t.pos_ in ("NOUN", "PROPN") and t.is_alpha for t in span[1:]):
        return None

    def ends_in_words(e) -> bool:
        name = agency_name(e).lower().split()
        return len(name) > len(words) and name[-len(words) :] == words

    named = last_agency(s.doc, span.start, ends_in_words)
    return (named, "organisation") if named is not None else None


def _other_head(name: str, low: str) -> bool:
    """The word is only a modifier in the name: another body word heads it ("Sindh Local
    Government Department" is a department, never "the government")."""
    return any(_headed(name, head) for head in _ORG_HEADS if head != low)


def _same_body(sp, low: str) -> bool:
    """A body that spoke under the name ``low`` heads: an organisation ("Ministry of Interior"), or
    a short definite phrase with more than the head ("The UK government", not "The ministry",
    "Sources within the civic agency" or "a post on X by the KP government")."""
    if sp[1] == "organisation":
        return _headed(sp[0], low)
    words = sp[0].split()
    return (
        sp[1] == "unnamed"
        and 2 < len(words) <= 4
        and words[0].lower() in ("the", "this")
        and _headed(sp[0], low)
    )


def _spoken_fits(s, name: str, low: str) -> bool:
    """A body that spoke may be "the <low>": any body for a generic head, else one of the kinds
    ``spoken_head_kinds`` allows for the head."""
    if low in _GENERIC_ORG_HEADS:
        return True
    kind = s.doc.user_data.get(AGENCY_INFO, {}).get(name, {}).get("kind")
    return kind in _SPOKEN_HEAD_KINDS.get(low, ())


def _media_phrase(s) -> bool:
    """A definite phrase headed by an outlet's noun: "the paper", "The Mirror newspaper", "the
    Tasnim news agency" (not "the UN agency")."""
    root = s.root
    if s.span[0].lower_ not in ("the", "this") or root.tag_ not in ("NN", "NNP") or len(s.span) > 6:
        return False
    if root.lower_ in _MEDIA_HEADS:
        return True
    return root.lower_ in _MEDIA_SERVICE_HEADS and any(
        t.lower_ == "news" for t in s.span[: root.i - s.span.start]
    )


def media_outlet(s) -> Speaker | None:
    """ "The Reuters news agency reported", "The Mirror newspaper said": the outlet named in the
    phrase; "the paper said" after "the El Paso Times reported": the outlet that reported last
    (an organisation whose cue was "report" or whose phrase had an outlet's noun); else nothing
    (the phrase stays as written)."""
    if not _media_phrase(s):
        return None
    # a capitalised head is part of the name ("The Athens News Agency"), a common one is not
    # ("The Mirror newspaper", "the Xinhua news agency")
    names = [
        t
        for t in s.span
        if t.pos_ == "PROPN" and (t.i != s.root.i or t.is_title) and t.ent_type_ not in ("GPE", "NORP")
    ]
    if names:
        return s.doc[names[0].i : names[-1].i + 1].text, "organisation"
    for c in reversed(s.earlier):
        if not (c.speaker[1] == "organisation" and c.speaker[0]):
            continue
        if c.cue.lemma_.lower() == "report" or (c.src is not None and c.src.root.lower_ in _MEDIA_HEADS):
            return c.speaker
    return None
