"""The source span of a cue verb: who is said to say, before that phrase is resolved to a speaker.

:func:`_source` ``(finder, verb) -> (span or None, passive)`` walks up from the cue to a verb with
a subject, at most four verbs. At each verb the steps in ``_SOURCE_STEPS`` are tried in order; a
step returns the source, or a verb to climb to (a participle, conjunct or gerund shares its head's
subject), or ``None`` when it does not apply; when none applies there is no source. ``finder`` is
the ``ClaimFinder`` (its ``cues`` and span helpers ``_np``, ``_quoted``, ``_after_quote``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from extractors.nlp.claims.lexicon import _CONTENT_STOP, _NO_SOURCE_CUES, _QUOTING_PASSIVES, _SUBJ_DEPS
from extractors.nlp.claims.spans import bare_time

_Found = tuple[Span | None, bool]


def _source(self, verb: Token) -> _Found:
    """(source span, passive). Walks up from participles and conjuncts to the verb with a subject."""
    if verb.lemma_.lower() in _NO_SOURCE_CUES:
        # "Trump seemed to suggest …", "it appeared that …": PolNeAR gives these impressions no
        # source (train: none 85 of 112); the subject is part of what seems
        return None, True
    v = verb
    for _ in range(4):
        for step in _SOURCE_STEPS:
            found = step(self, verb, v)
            if isinstance(found, Token):
                v = found
                break
            if found is not None:
                return found
        else:
            break
    return None, False


# -- a subject ------------------------------------------------------------------------------------


def _subject(self, verb: Token, v: Token) -> _Found | None:
    """The subject of ``v``, outside the quotation: "Minister X informed", "“…,” said James Acton";
    ``None`` when ``v`` has no subject."""
    subj = [c for c in v.children if c.dep_ in _SUBJ_DEPS]
    if subj and all(self._quoted(c, verb) for c in subj):
        found = _quoted_subject(self, verb, v, subj)
        if found is not None:
            return found
        # (a conjunct cue left without a speaker would be dropped with its content: keep the
        # quoted subject)
    else:
        subj = [c for c in subj if not self._quoted(c, verb)]
    # a day parsed as a second subject is none ("a statement issued by the ISPR today said")
    subj = [c for c in subj if not bare_time(c)]
    if not subj:
        return None
    return _subject_phrase(self, verb, v, subj)


def _quoted_subject(self, verb: Token, v: Token, subj: list[Token]) -> _Found | None:
    """A subject inside the quotation is the quote's word, not its speaker ("“…, it will …,” said
    James Acton", "“… Full panic mode,” said X"): the name between the quote and the cue ("“We were
    wrong,” Ramos, 58, told AFP" with "told" parsed as a conjunct of "were") or right after the cue
    speaks. ``None`` for a conjunct cue with neither (its quoted subject is then kept)."""
    named = self._after_quote(subj[-1], verb)
    if named is not None:
        return self._np(named), False
    after = [
        c
        for c in verb.children
        if c.i > verb.i
        and c.dep_ in ("dobj", "attr", "npadvmod", "appos")
        and c.pos_ == "PROPN"
        and c.ent_type_ not in ("DATE", "TIME")
        and c.left_edge.i == verb.i + 1
    ]
    if after or v is verb:
        return (self._np(after[0]) if after else None), False
    return None


def _subject_phrase(self, verb: Token, v: Token, subj: list[Token]) -> _Found:
    """The noun phrase of the subject ("ISLAMABAD, Feb 17 (APP): Minister X informed": the subject
    before the verb); for a passive subject the by-agent, except under a quoting passive ("X was
    quoted as saying"); no source for an expletive subject ("it",
    "there"); a name in apposition to a misparsed dateline ("WASHINGTON -- President Obama said"),
    with a title or possessor split off right before the name ("Sullivan's lawyer Beth Wilkinson
    said", "Democratic frontrunner Hillary Clinton is calling")."""
    before = [c for c in subj if c.i < v.i]
    s = _main_subject(verb, v, subj, before)
    if s.dep_ == "nsubjpass" and v is not verb and v.lemma_.lower() in _QUOTING_PASSIVES:
        # "X was quoted (by Reuters) as saying …": X speaks, the by-agent only carried it
        return self._np(_named_appos(s) or s), False
    if s.dep_ == "nsubjpass":
        agent = [c for c in v.children if c.dep_ == "agent"]
        pobj = [g for a in agent for g in a.children if g.dep_ == "pobj"]
        return (self._np(pobj[0]) if pobj else None), True
    if s.lower_ in ("it", "there") and any(c.dep_ == "expl" for c in v.children):
        return None, True
    np = self._np(_named_appos(s) or s)
    for p in reversed(before[:-1]):
        if _split_premodifier(p, np):
            np = np.doc[p.left_edge.i : np.end]
    return np, False


def _main_subject(verb: Token, v: Token, subj: list[Token], before: list[Token]) -> Token:
    """The last subject before ``v`` ("ISLAMABAD, Feb 17 (APP): Minister X informed"); of two
    subjects (a parse error), a participle or gerund reached from below belongs to the one before
    it ("Ryan, despite admitting …, the victims need …")."""
    if v is not verb and len(before) > 1 and any(c.i < verb.i for c in before):
        return [c for c in before if c.i < verb.i][-1]
    return before[-1] if before else subj[0]


def _split_premodifier(p: Token, np: Span) -> bool:
    """``p`` is a title or possessor the parser split off as a second subject right before the
    name ("Sullivan's lawyer Beth Wilkinson said"): one source with it."""
    return (
        p.right_edge.i + 1 == np.start
        and p.pos_ in ("NOUN", "PROPN")
        and not p.right_edge.is_punct
        and not any(
            t.pos_ in ("VERB", "AUX") or "\n" in t.text_with_ws for t in np.doc[p.left_edge.i : np.start]
        )
    )


# -- no subject: an expletive, an agent, an object --------------------------------------------------


def _expletive(self, verb: Token, v: Token) -> _Found | None:
    """A verb with an expletive ("it", "there") and no subject has no source; counted passive
    as an expletive subject is in :func:`_subject_phrase`."""
    if any(c.dep_ == "expl" for c in v.children):
        return None, True
    return None


def _asking_agent(self, verb: Token, v: Token) -> _Found | None:
    """ "Asked by Starnes whether …, Carson said": the asker (the by-agent of the participle)."""
    agent = [g for a in v.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    if v is verb and v.tag_ == "VBN" and agent:
        return self._np(agent[0]), True
    return None


def _governed_object(self, verb: Token, v: Token) -> _Found | None:
    """ "prompted NATO to order …", "forced Stumpf to admit …": the person or body governed by
    the verb orders or admits ("used an expletive to describe …" keeps its subject)."""
    h = v.head
    if not (v.dep_ == "xcomp" and v.tag_ == "VB" and h.pos_ in ("VERB", "AUX") and h.lemma_ != "promise"):
        return None
    obj = [
        c
        for c in h.children
        if c.dep_ == "dobj"
        and h.i < c.i < v.i
        and (
            _can_speak(c)
            or any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in c.children)
            or (c.pos_ == "PRON" and c.lower_ in ("him", "her", "them", "us", "me"))
        )
    ]
    return (self._np(obj[0]), False) if obj else None


# entity labels of a person or body (AGENCY: the pipeline's named organisations, "prompted NATO to
# order …"); a common noun with a named person in apposition speaks too ("led the Latvian journalist
# Dainis Ivans to fear …")
_SPEAKING_LABELS = ("PERSON", "ORG", "NORP", "GPE", "AGENCY")


def _can_speak(t: Token) -> bool:
    return t.ent_type_ in _SPEAKING_LABELS


# -- climbing to the verb whose subject speaks -----------------------------------------------------


def _continued_cue(self, verb: Token, v: Token) -> Token | None:
    """ "Trump told Newsmax that Romney had a crazy policy, adding …", "He said the attacks helped
    and said …": a participle or conjunct parsed onto the reported clause continues the reporting
    verb, whose speaker it shares."""
    h = v.head
    if (
        ((v.dep_ == "advcl" and v.tag_ == "VBG") or v.dep_ == "conj")
        and h.dep_ == "ccomp"
        and h.head.i < h.i
        and h.head.pos_ in ("VERB", "AUX")
        and h.head.lemma_.lower() in self.cues
    ):
        return h.head
    return None


def _head_verb(self, verb: Token, v: Token) -> Token | None:
    """ "announced … and said …", "…, adding that …", "plans to …": a conjunct, adverbial
    clause, complement or predicate adjective shares its head's subject."""
    if (
        v.dep_ in ("conj", "advcl", "xcomp", "acomp")
        and v.head.pos_ in ("VERB", "AUX", "ADJ")
        and v.head.i != v.i
    ):
        return v.head
    return None


def _prepositional_clause(self, verb: Token, v: Token) -> Token | None:
    """ "began by saying …", "ended the speech with thanking …": the verb the preposition hangs on."""
    if (
        v.dep_ == "pcomp"
        and v.head.dep_ == "prep"
        and v.head.head.pos_ in ("VERB", "AUX")
        and v.head.lower_ in ("by", "in", "with", "without", "after", "before", "while")
    ):
        return v.head.head
    return None


def _gerund_after_preposition(self, verb: Token, v: Token) -> Token | None:
    """ "Despite challenging …, Cruz said", "In addition to stating …, Clinton has vowed",
    "pivoted to arguing …": a gerund after a preposition is done by the subject of the verb (or
    adjective) the phrase hangs on, also through a noun ("in addition to")."""
    if not (v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep"):
        return None
    up = v.head.head
    for _ in range(2):
        if (
            up.pos_ in ("NOUN", "ADV", "ADP")
            and up.dep_ in ("pobj", "advmod", "prep", "pcomp")
            and up.head.i != up.i
        ):
            up = up.head
        else:
            break
    return up if up.pos_ in ("VERB", "AUX", "ADJ") and up.i != v.i else None


# -- the rest -------------------------------------------------------------------------------------


def _relative_clause(self, verb: Token, v: Token) -> _Found | None:
    """A cue verb that is itself a relative clause and has no subject of its own (a relative
    pronoun subject, "who said", is found by :func:`_subject`) has no source."""
    return (None, False) if v.dep_ == "relcl" and v is verb else None


def _opening_preposition(self, verb: Token, v: Token) -> _Found | None:
    """ "At Boca West, where …, Jay DiPietro, the club's president, suggested": the subject parsed
    as an apposition to the object of an opening preposition."""
    if v.dep_ != "ROOT":
        return None
    for p in v.children:
        if p.dep_ == "prep" and p.i < v.i:
            for o in _prepositional_objects(p):
                named = _named_appos(o, v)
                if named is not None:
                    return self._np(named), False
    return None


def _prepositional_objects(p: Token, depth: int = 3):
    """The objects of preposition ``p`` and of the prepositions nested in them ("In response to
    Dr Gibbons' comments, Ieuan Wyn Jones, leader of …, said": the name hangs on "comments")."""
    for o in p.children:
        if o.dep_ == "pobj":
            yield o
            if depth > 1:
                for q in o.children:
                    if q.dep_ == "prep":
                        yield from _prepositional_objects(q, depth - 1)


def _participle_on_noun(self, verb: Token, v: Token) -> _Found | Token | None:
    """ "issued a statement saying …", "posted a tweet reading …": the issuer speaks; "protesters
    chanting …": the noun the participle modifies (people as the object speak for themselves:
    "cheered Democrats hoping to …", "featuring Hispanics telling …")."""
    if not (
        v.dep_ == "acl" and v.lower_.endswith("ing") and v.head.pos_ in ("NOUN", "PROPN") and v.i > v.head.i
    ):
        return None
    people = v.head.ent_type_ in ("PERSON", "NORP")
    if v.head.dep_ == "dobj" and v.head.head.pos_ in ("VERB", "AUX") and not people:
        return v.head.head
    if v.lower_ in _CONTENT_STOP and not people:
        outer = _outer_cue(self, v)
        if outer is not None:
            return outer
    doc = v.doc
    np = self._np(v.head)
    end = min(np.end, v.left_edge.i)
    while end - 1 > np.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (doc[np.start : end] if end > np.start else None), False


def _name_before(self, verb: Token, v: Token) -> _Found | None:
    """ "…, whose co-founder and CEO Ben Cooley said, “…”": a cue the parser left without a subject
    (a parataxis or a subjectless root) right after a person's name: the name speaks."""
    if v is not verb or v.dep_ not in ("parataxis", "ROOT") or v.i == 0:
        return None
    if any(c.dep_ in _SUBJ_DEPS for c in v.children):
        return None
    doc = v.doc
    name = next((e for e in doc.ents if e.end == v.i and e.label_ == "PERSON"), None)
    return (name, False) if name is not None else None


def _inverted_opening(self, verb: Token, v: Token) -> _Found | None:
    """ "Said Ellis: “…”", "Added one official, “…”": a sentence that opens with its cue, the
    source right after it and a quotation after a colon or comma (the parser makes the cue a
    compound or takes the source for its object)."""
    doc = v.doc
    if (
        v is not verb
        or verb.i != verb.sent.start
        or not verb.text[:1].isupper()
        or verb.tag_ not in ("VBD", "VBZ")
    ):
        return None
    if any(c.dep_ in _SUBJ_DEPS for c in verb.children) or verb.i + 1 >= len(doc):
        return None
    end = next((t.i for t in doc[verb.i + 1 : verb.i + 10] if t.text in (":", ",") or t.is_quote), None)
    if (
        end is None
        or end == verb.i + 1
        or not (doc[end].text == ":" or doc[end + 1 : end + 2].text in _OPENING)
    ):
        return None
    src = doc[verb.i + 1 : end]
    if src[0].pos_ not in ("PROPN", "DET", "NUM", "ADJ", "NOUN") or not any(
        t.pos_ in ("PROPN", "NOUN") for t in src
    ):
        return None
    return src, False


_OPENING = ("“", '"', "‘", "'")


def _left_clause_subject(self, verb: Token, v: Token) -> _Found | None:
    """A subjectless cue with its reported clause after it and, before it, a clause the parser
    made of its subject phrase: "Experts invited to the meeting said …" (a participle read as the
    verb), "Majyd Aziz, a former president of …, attended the event and, in an interview, said …"
    (a named person, subject of the verb the cue is joined to), "Siân Edwards, the campaigns head
    at …, said …" (the name before the misparsed title). Not "Hiding women away is a backward
    view, Musharraf has said" (no reported clause after the cue), nor a clause with an auxiliary
    ("The plan would boost …, says the party") or none of those shapes ("…, so explain to me
    how …")."""
    clause = _clause_before(verb, v)
    if clause is None:
        return None
    subj = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
    if not subj or subj[0].pos_ not in ("NOUN", "PROPN") or self._quoted(subj[0], verb):
        return None  # ('"One guy came in and said …," said the woman': a quoted subject)
    s, doc = subj[0], v.doc
    name = _name_in_apposition_before(s)
    if name is not None:
        return name, False
    if any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return None  # "The plan would boost …, says the party", "Few politicians would admit …"
    if clause.tag_ in ("VBN", "VBD") and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") for c in clause.children
    ):
        end = clause.right_edge.i + 1
        while end > s.left_edge.i + 1 and doc[end - 1].is_punct:
            end -= 1
        return doc[s.left_edge.i : end], False
    if s.ent_type_ == "PERSON":
        # "Jeffrey Salkin, a … rabbi helping to …, said"; "X attended the event and, …, said"
        return self._np(s), False
    return None


def _clause_before(verb: Token, v: Token) -> Token | None:
    """The last clause (ccomp, parataxis) the parser hung before ``verb``, a subjectless, active
    root or parataxis cue with a reported clause after it; else None."""
    if v is not verb or v.dep_ not in ("ROOT", "parataxis") or verb.tag_ == "VBN":
        return None
    children = list(v.children)
    if any(c.dep_ in _SUBJ_DEPS or c.dep_ in ("expl", "auxpass") for c in children):
        return None
    if not any(c.dep_ == "ccomp" and c.i > v.i for c in children):
        return None
    left = [c for c in children if c.dep_ in ("ccomp", "parataxis") and c.right_edge.i < v.i]
    return left[-1] if left else None


def _name_in_apposition_before(s: Token) -> Span | None:
    """A person's name right before the phrase of ``s`` and a comma ("Siân Edwards, the campaigns
    head at …")."""
    doc = s.doc
    k = s.left_edge.i - 1
    if k > 0 and doc[k].text == "," and doc[k - 1].ent_type_ == "PERSON":
        return next((e for e in doc.ents if e.end == k and e.label_ == "PERSON"), None)
    return None


def _outer_cue(self, v: Token) -> Token | None:
    """ "claim they have been made scapegoat urging …", "stressed the need for a “Skill Emergency,”
    urging …": a reporting participle hung on a noun inside another cue's content continues that
    cue."""
    up = v.head
    while (
        up.dep_ != "ROOT"
        and up.head.i != up.i
        and not (up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in self.cues)
    ):
        up = up.head
    if up.i != v.i and up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in self.cues:
        return up
    return None


_SOURCE_STEPS: tuple[Callable[..., _Found | Token | None], ...] = (
    _inverted_opening,
    _subject,
    _expletive,
    _asking_agent,
    _governed_object,
    _continued_cue,
    _head_verb,
    _prepositional_clause,
    _gerund_after_preposition,
    _relative_clause,
    _opening_preposition,
    _participle_on_noun,
    _name_before,
    _left_clause_subject,
)


def _named_appos(head: Token, verb: Token | None = None) -> Token | None:
    """The name in apposition to a noun that the parser took for the subject or, with ``verb``,
    for the object of an opening preposition, when the name is the real subject: "With 50 days
    until the election, Minyon Moore, an adviser, called", "WASHINGTON -- President Obama said".
    The noun is then a preposition's object or a place or date (a dateline); "The group's
    leader, John Smith, said" keeps its noun."""
    doc = head.doc
    names = [
        c
        for c in head.children
        if c.dep_ == "appos"
        and c.i > head.i
        and c.ent_type_ == "PERSON"
        and doc[c.left_edge.i - 1].text in (",", "—", "–", "--", "-")
    ]
    if not names:
        return None
    name = names[0]
    if verb is not None:
        return name if _ends_before(name, verb) else None
    before = doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    misplaced = before is not None and before.pos_ == "ADP" and before.dep_ == "prep"
    if misplaced or head.ent_type_ in ("GPE", "LOC", "DATE"):
        return name
    return None


def _ends_before(name: Token, verb: Token) -> bool:
    """The name's phrase ends right before the verb (bar commas and adverbs)."""
    doc = name.doc
    k = verb.i - 1
    while k > name.i and (doc[k].is_punct or doc[k].dep_ == "advmod"):
        k -= 1
    right = name.right_edge.i  # the comma closing the apposition may hang on the name
    while right > k and doc[right].is_punct:
        right -= 1
    return right == k
