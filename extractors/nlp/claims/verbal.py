"""Verb cues: a reporting verb and the argument of it that carries the content.

``models/patterns/cues.csv`` gives, per lemma, the arguments that carry content (``ccomp`` "said
that …", ``xcomp`` "plans to …", ``dobj`` "denied the report", ``dobj_xcomp`` "urged Congress to
…", ``prep:for`` "called for …", ``noun_that`` "expressed the hope that …") and whether the verb
introduces a direct quote (``quote``). :func:`verb_cue` tries :data:`VERB_SHAPES` in order; the
first shape a verb fits decides, also when its content comes out empty (:data:`NO_CLAIM`).
The cue is the verb group (:func:`_cue_bounds`); the source is found by ``speakers._source``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.nlp.claims.lexicon import _CONTENT_STOP, _CUE_LEFT_DEPS, _SUBJ_DEPS, _THAT_NOUNS
from extractors.nlp.claims.spans import _Claim, _trim_content


class _NoClaim:
    """A verb fits a shape but yields no claim: the shapes after it are not tried."""

    def __repr__(self) -> str:
        return "NO_CLAIM"


NO_CLAIM = _NoClaim()

# adverbs that open a clause of their own, not part of the verb group ("as he said")
_CLAUSE_ADVERBS = ("when", "as", "how", "where", "why", "so")
# what a parenthetical cue's object may be without being its content: the hearer
_HEARER_OBJECTS = ("me", "us", "him", "her", "them")
# prepositions that set a time, not what the object is about ("denied the report on Monday")
_TIME_PREPS = ("after", "before", "during", "on", "at", "in", "since", "when", "while")


@dataclass(frozen=True)
class _Verb:
    """A cue verb with the arguments its lemma takes and the dependents the shapes look at."""

    tok: Token
    args: frozenset[str]
    children: tuple[Token, ...]
    dobj: tuple[Token, ...]  # objects after the verb, as parsed
    xcomp: tuple[Token, ...]  # open complements after the verb, as parsed

    @classmethod
    def of(cls, tok: Token, args: frozenset[str]) -> _Verb:
        children = tuple(tok.children)
        dobj = tuple(c for c in children if c.dep_ == "dobj" and c.i > tok.i)
        xcomp = tuple(c for c in children if c.dep_ == "xcomp" and c.i > tok.i)
        return cls(tok, args, children, dobj, xcomp)

    def objects(self) -> tuple[tuple[Token, ...], tuple[Token, ...]]:
        """(objects, open complements), with a gerund object parsed as xcomp taken as the object
        ("criticised bypassing the process")."""
        tok, xcomp = self.tok, self.xcomp
        if (
            not self.dobj
            and xcomp
            and "dobj" in self.args
            and "xcomp" not in self.args
            and xcomp[0].tag_ == "VBG"
            and xcomp[0].i == tok.i + 1
        ):
            return xcomp[:1], ()
        return self.dobj, xcomp


# --------------------------------------------------------------------------------------------
# the claim a verb shape makes


def _cue_bounds(self, verb: Token, prep: Token | None = None) -> tuple[int, int]:
    """The verb group: adjacent auxiliaries, negation and adverbs on the left ("has said", "did
    not say", "also said"; also an adverb of an adverb: "is once again questioning"); particles
    and a linking preposition on the right ("pointed out", "called for"). (Taking "said
    Friday"/"said in a statement" into the cue lowered PolNeAR dev cue F1: most of its cues stop
    at the verb.)"""
    doc = verb.doc
    group = {verb.i}
    left = verb.i
    while left - 1 >= 0:
        t = doc[left - 1]
        if (
            t.head.i in group
            and t.dep_ in _CUE_LEFT_DEPS
            and not t.is_punct
            and t.lower_ not in _CLAUSE_ADVERBS
        ):
            left -= 1
            group.add(t.i)
        else:
            break
    right = verb.i
    for c in verb.children:
        if c.dep_ == "prt" and c.i == right + 1:
            right = c.i
    if prep is not None and prep.i > verb.i:  # "spoke emotionally of"
        return doc[left].idx, prep.idx + len(prep)
    return doc[left].idx, doc[right].idx + len(doc[right])


def _make(
    self, doc: Doc, verb: Token, start: int, end: int, direct: bool, prep: Token | None = None
) -> _Claim | None:
    """The claim of cue ``verb`` with content ``start``-``end`` (edge punctuation trimmed; None
    when under two characters are left), its source and its cue span."""
    start, end = _trim_content(doc, start, end)
    if end - start < 2:
        return None
    src = _verb_source(self, verb, end)
    cue_start, cue_end = self._cue_bounds(verb, prep)
    if src is not None and src.start_char < cue_end and cue_start < src.end_char:
        src = _before_cue(src, cue_start)
    return _Claim(verb, cue_start, cue_end, src, (None, "unnamed"), start, end, direct)


def _verb_source(self, verb: Token, end: int):
    """The source span of cue ``verb`` whose content ends at ``end`` (None: no source)."""
    outer = self._outer_cue(verb)
    src, _ = self._source(outer if outer is not None else verb)  # "X says A and says B": X says B
    if self._hearer_participle(verb):
        # "Asked whether …, Ryan said": Ryan was asked; the asker is unnamed or the by-agent
        pobj = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        src = self._np(pobj[0]) if pobj else None
    if src is None and end <= verb.idx:
        # inverted, with the source parsed as an object: "“…,” stated DG FIA Jahangir"
        after = [
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj")
            and c.pos_ in ("PROPN", "NOUN")
        ]
        if after:
            src = self._np(after[0])
    return src


def _before_cue(src, cue_start: int):
    """A source that runs into its cue stops before it: a subject parsed with its own verb
    inside ("A majority of voters expect …" with "expect" as a clause on "voters")."""
    doc = src.doc
    cut = (
        doc.char_span(src.start_char, cue_start, alignment_mode="contract")
        if src.start_char < cue_start
        else None
    )
    while cut is not None and len(cut) and (cut[-1].is_punct or cut[-1].is_space):
        cut = cut[:-1]
    return cut if cut is not None and len(cut) else None


def _hearer_participle(verb: Token) -> bool:
    """A bare passive participle opening an adverbial clause ("Asked about X, …", "When asked
    whether …, …"): the main clause's subject is the one addressed, not the speaker."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and not any(c.dep_ in _SUBJ_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _decided(made: _Claim | None) -> _Claim | _NoClaim:
    return NO_CLAIM if made is None else made


def _claim(self, doc: Doc, tok: Token, first: Token, last: Token, prep: Token | None = None):
    """The claim of a shape that fits, its content running from ``first`` to ``last``."""
    return _decided(self._make(doc, tok, first.idx, last.idx + len(last), False, prep))


# --------------------------------------------------------------------------------------------
# the verb shapes, in the order verb_cue tries them


def _participle_on_clause(self, doc: Doc, v: _Verb):
    """A reporting participle after a comma that the parser hung on the reported clause: "X
    opposed the petition, saying during recent months, complaints had surged …". That clause is
    the content, the subject of the verb before the comma the source."""
    tok, head = v.tok, v.tok.head
    if not (
        tok.lower_ in _CONTENT_STOP
        and tok.dep_ == "advcl"
        and tok.i > 0
        and doc[tok.i - 1].text == ","
        and head.i > tok.i
        and head.pos_ in ("VERB", "AUX")
        and head.dep_ in ("advcl", "conj", "ccomp")
        and head.head.i < tok.i
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in v.children)
    ):
        return None
    last = head.right_edge
    while last.i > tok.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    made = self._make(doc, tok, doc[tok.i + 1].idx, last.idx + len(last), False)
    if made is not None:
        made.src, _ = self._source(head.head)
    return _decided(made)


def _complements(v: _Verb) -> list[Token]:
    """The reported clauses of a ``ccomp`` cue: its ccomp; else a wh-clause parsed as advcl
    ("asked whether …", "explained how …"); else, for a cue without ``xcomp``, a gerund subject
    parsed as the verb's xcomp with its clause as the gerund's ccomp ("said legalizing it could
    put thousands to work")."""
    if "ccomp" not in v.args:
        return []
    tok = v.tok
    comp = [c for c in v.children if c.dep_ == "ccomp"]
    if not comp:
        comp = [
            c
            for c in v.children
            if c.dep_ in ("advcl",)
            and c.i > tok.i
            and c.left_edge.lower_ in ("whether", "if", "how", "why", "what")
        ]
    if not comp and "xcomp" not in v.args:
        comp = [
            c
            for c in v.children
            if c.dep_ == "xcomp"
            and c.tag_ == "VBG"
            and c.left_edge.i == tok.i + 1
            and any(g.dep_ == "ccomp" and g.i > c.i for g in c.children)
        ]
    return comp


def _clause(self, doc: Doc, v: _Verb):
    """A cue with a reported clause: "said that …" (without the "that"), "asked whether …",
    "…, he said" (content before the cue, up to it)."""
    comp = _complements(v)
    if not comp:
        return None
    tok = v.tok
    c = max(comp, key=lambda c: (c.i > tok.i, len(list(c.subtree))))
    first, last = c.left_edge, c.right_edge
    if c.i < tok.i:  # "…, he said": content before the cue
        last = min(last, doc[tok.i - 1], key=lambda t: t.i)
    else:
        first = max(first, doc[tok.i + 1], key=lambda t: t.i)
    if first.lower_ == "that" and first.dep_ == "mark":
        first = doc[first.i + 1] if first.i + 1 < len(doc) else first
    return _claim(self, doc, tok, first, self._content_end(doc, first, last, tok))


def _passive_expected(self, doc: Doc, v: _Verb):
    """A passive with no agent and an infinitive: "Trump is expected to speak", "she was urged
    to run". The subject and the infinitive are the content (scored without the cue between
    them); nobody is named as the source."""
    subjpass = [c for c in v.children if c.dep_ == "nsubjpass" and c.i < v.tok.i]
    xc = [c for c in v.children if c.dep_ == "xcomp" and c.i > v.tok.i]
    if not (
        subjpass
        and xc
        and "dobj_xcomp" in v.args
        and not any(c.dep_ == "agent" for c in v.children)
        and subjpass[0].lower_ not in ("who", "which", "that")
    ):
        return None
    first, last = subjpass[0].left_edge, self._content_end(doc, xc[0], xc[0].right_edge, v.tok)
    return _claim(self, doc, v.tok, first, last)


def _passive_conjunct(self, doc: Doc, v: _Verb):
    """A passive cue parsed as a conjunct of the clause it reports: "X improved …, an
    international conference was told". The clause before it is the content."""
    tok = v.tok
    if not (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
        and tok.dep_ == "conj"
        and "ccomp" in v.args
        and tok.head.i < tok.i
        and tok.left_edge.i > tok.head.left_edge.i
    ):
        return None
    return _claim(self, doc, tok, tok.head.left_edge, doc[tok.left_edge.i - 1])


def _hearer(tok: Token, c: Token) -> bool:
    """The object of a parenthetical "he told me", "she told The Times" is the hearer."""
    return c.dep_ == "dobj" and (tok.lemma_ == "tell" or c.lower_ in _HEARER_OBJECTS)


def _parenthetical(self, doc: Doc, v: _Verb):
    """A cue inside the clause it reports: "India, it says, demonstrated …", "…, he said", "The
    plan, he told me, is …" (the hearer is no content). The clause around the cue is the
    content."""
    tok, children = v.tok, v.children
    as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    if not (
        (tok.dep_ == "parataxis" or as_clause)
        and "ccomp" in v.args
        and any(c.dep_ in _SUBJ_DEPS for c in children)
        and not [c for c in children if c.dep_ in ("dobj", "xcomp") and c.i > tok.i and not _hearer(tok, c)]
    ):
        return None
    head = tok.head
    if head.dep_ in _SUBJ_DEPS and head.head.pos_ in ("VERB", "AUX") and tok.i < head.head.i:
        head = head.head  # "The difference now, he told me, is that …" hangs on the subject
    first, last = head.left_edge, head.right_edge
    if tok.left_edge.i <= first.i:
        first = doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 <= last.i else first
    if tok.right_edge.i >= last.i:
        last = doc[tok.left_edge.i - 1] if tok.left_edge.i - 1 >= first.i else last
    return _claim(self, doc, tok, first, last)


def _said_so(self, doc: Doc, v: _Verb):
    """ "said yes", "said so": the word is the content."""
    tok = v.tok
    if tok.lemma_ != "say":
        return None
    short = [
        c
        for c in v.children
        if c.i == tok.i + 1 and (c.dep_ == "intj" or (c.dep_ == "advmod" and c.lower_ == "so"))
    ]
    return _claim(self, doc, tok, short[0], short[0]) if short else None


def _that_noun_object(self, doc: Doc, v: _Verb):
    """An object noun with a that-clause: "expressed the hope that …", "raised the concern that
    …". The noun joins the cue, the clause is the content."""
    if not v.dobj:
        return None
    obj = v.dobj[0]
    that = [
        g
        for g in obj.children
        if g.dep_ in ("acl", "ccomp", "relcl") and g.left_edge.lower_ == "that" and g.left_edge.dep_ == "mark"
    ]
    if not (that and obj.lower_ in _THAT_NOUNS):
        return None
    first = doc[that[0].left_edge.i + 1]
    last = self._content_end(doc, first, that[0].right_edge, v.tok)
    made = self._make(doc, v.tok, first.idx, last.idx + len(last), False)
    if made:
        made.cue_end = obj.idx + len(obj)
    return _decided(made)


def _only_noun_that(self, doc: Doc, v: _Verb):
    """A cue that reports only through a that-noun ("express") makes no claim otherwise."""
    return NO_CLAIM if "noun_that" in v.args and len(v.args) == 1 else None


def _infinitive(self, doc: Doc, v: _Verb):
    """A cue with an infinitive: "plans to …", "urged Congress to …" (``dobj_xcomp``: the object
    is content too); an addressee after "to" stays ("directed to the ministry and the NHA to
    expedite …")."""
    tok, args = v.tok, v.args
    dobj, xcomp = v.objects()
    if not (xcomp and ("xcomp" in args or ("dobj_xcomp" in args and dobj))):
        return None
    first = dobj[0].left_edge if ("dobj_xcomp" in args and dobj) else xcomp[0].left_edge
    nxt = doc[tok.i + 1]
    if (
        not dobj
        and tok.i + 1 < first.i
        and nxt.dep_ in ("prep", "dative")
        and nxt.head.i == tok.i
        and nxt.lower_ == "to"
    ):
        first = nxt
    return _claim(self, doc, tok, first, self._content_end(doc, first, xcomp[0].right_edge, tok))


def _cue_preposition(doc: Doc, v: _Verb) -> Token | None:
    """The preposition after the verb (past particles and adverbs: "spoke out about …", "spoke
    emotionally of …") when the lemma takes it (``prep:about``)."""
    tok, k = v.tok, v.tok.i + 1
    while (
        k < len(doc) - 1
        and doc[k].head.i == tok.i
        and doc[k].dep_ in ("prt", "advmod")
        and "prep:" + doc[k].lower_ not in v.args
    ):
        k += 1
    nxt = doc[k] if k < len(doc) else None
    return nxt if nxt is not None and "prep:" + nxt.lower_ in v.args else None


def _prepositional(self, doc: Doc, v: _Verb):
    """A cue with a linking preposition: "called for …", "talked about …". The preposition joins
    the cue; what follows it up to the end of the verb's argument that holds it is the content
    ("called for the US to act"; "called on X to resign"; a list the parser split onto the verb,
    see :func:`_list_end`)."""
    tok = v.tok
    nxt = _cue_preposition(doc, v)
    if nxt is None:
        return None
    holder = (
        nxt
        if nxt.head.i == tok.i
        else next((c for c in v.children if c.i > tok.i and c.left_edge.i == nxt.i), None)
    )
    if holder is None or nxt.i + 1 > holder.right_edge.i:
        return None
    first, last = doc[nxt.i + 1], holder.right_edge
    for c in sorted(v.children, key=lambda c: c.i):  # "called on X to resign"
        if c.i > last.i and c.dep_ in ("xcomp", "ccomp", "oprd") and c.left_edge.i == last.i + 1:
            last = c.right_edge
    last = self._content_end(doc, first, self._list_end(doc, tok, last), tok)
    return _claim(self, doc, tok, first, last, prep=nxt)


def _object_predicate(self, doc: Doc, v: _Verb):
    """ "called Trump a liar" parsed without an object: the name and what it was called."""
    tok = v.tok
    dobj, _ = v.objects()
    oprd = [c for c in v.children if c.dep_ == "oprd" and c.i > tok.i + 1]
    if not (
        not dobj
        and oprd
        and "dobj" in v.args
        and all(
            doc[k].head.i != tok.i or doc[k].dep_ in ("nsubj", "dobj", "punct")
            for k in range(tok.i + 1, oprd[0].left_edge.i)
        )
    ):
        return None
    first = doc[tok.i + 1]
    return _claim(self, doc, tok, first, self._content_end(doc, first, oprd[0].right_edge, tok))


def _counted(obj: Token) -> bool:
    """An object that counts things is no statement: "charged Rs160,000", "identified 10
    officials", "documented 1,580 cases"."""
    return obj.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or any(
        c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME") for c in obj.children
    )


def _direct_object(self, doc: Doc, v: _Verb):
    """A cue with an object: "denied the report", with what continues it on the verb ("accused
    X of …"; not a time: "on Monday"). "highlighted Pakistan’s alignment" can come out as two
    objects."""
    tok = v.tok
    dobj, _ = v.objects()
    if not (dobj and ("dobj" in v.args or "dobj_xcomp" in v.args)):
        return None
    d = dobj[0]
    if _counted(d):
        return NO_CLAIM
    last = dobj[-1].right_edge
    for c in sorted(v.children, key=lambda c: c.i):
        if (
            c.i > d.i
            and c.dep_ in ("prep", "oprd", "advcl", "ccomp", "xcomp")
            and c.left_edge.i == last.i + 1
            and c.lower_ not in _TIME_PREPS
        ):
            last = c.right_edge
    last = self._content_end(doc, d.left_edge, self._list_end(doc, tok, last), tok)
    return _claim(self, doc, tok, d.left_edge, last)


# The order matters: a reported clause wins over an object ("told reporters that …"), and the
# passive and parenthetical readings come before the object readings that would misread them.
VERB_SHAPES = (
    _participle_on_clause,
    _clause,
    _passive_expected,
    _passive_conjunct,
    _parenthetical,
    _said_so,
    _that_noun_object,
    _only_noun_that,
    _infinitive,
    _prepositional,
    _object_predicate,
    _direct_object,
)


def verb_cue(self, doc: Doc, tok: Token) -> _Claim | None:
    """The claim of ``tok`` as a cue verb of ``cues.csv``: the first of :data:`VERB_SHAPES` it
    fits."""
    args = self._args(tok)
    if not args:
        return None
    v = _Verb.of(tok, args)
    for shape in VERB_SHAPES:
        found = shape(self, doc, v)
        if found is not None:
            return None if found is NO_CLAIM else found
    return None


_verbal = verb_cue  # the name ClaimFinder binds


# --------------------------------------------------------------------------------------------
# helpers of the shapes


def _list_end(self, doc: Doc, verb: Token, last: Token) -> Token:
    """The end of an object that is a list the parser split onto the verb ("called for
    international cooperation, effective mass awareness and concerted efforts to …", "the
    FIA, provincial police, and other line departments to …", "the Commissions; NCHR, NCSW
    …"): items hung on the cue verb right after the content continue it, a cue verb (", and
    said …") or a clause with its own subject does not."""
    j, start = last.i + 1, last.i
    while j < len(doc):
        t = doc[j]
        purpose = _child_at(verb, j, ("xcomp",))
        if purpose is not None and purpose.left_edge.lower_ == "to" and last.i > start:
            return purpose.right_edge  # "… and other line departments to enhance coordination"
        if t.head.i == verb.i and t.dep_ in ("punct", "cc") and t.text in (",", ";", "and", "or"):
            j += 1
            continue
        item = _child_at(verb, j, ("conj", "dobj", "dep", "appos"), own_head=True)
        if item is None or not _continues_list(self, doc, last, item, t):
            break
        last = item.right_edge
        j = last.i + 1
    return last


def _child_at(verb: Token, j: int, deps: tuple[str, ...], own_head: bool = False) -> Token | None:
    """The first dependent of ``verb`` with one of ``deps`` whose phrase starts at token ``j``
    (``own_head``: and whose head word is not before ``j``)."""
    return next(
        (c for c in verb.children if c.left_edge.i == j and (not own_head or c.i >= j) and c.dep_ in deps),
        None,
    )


def _continues_list(self, doc: Doc, last: Token, item: Token, t: Token) -> bool:
    """``item`` (starting at ``t``) is one more item of the list ending at ``last``: no
    punctuation, no verb of its own (a past participle modifier may be), no subject, no line
    break and no cue verb inside."""
    if t.is_punct or t.is_space:
        return False
    if item.pos_ in ("VERB", "AUX") and (
        item.tag_ != "VBN" or item.i != t.i or item.lemma_.lower() in self.cues
    ):
        return False
    if any(c.dep_ in _SUBJ_DEPS for c in item.children):
        return False
    if "\n" in doc[last.i : item.right_edge.i + 1].text:
        return False
    return not any(
        x.pos_ == "VERB" and x.lemma_.lower() in self.cues for x in doc[t.i : item.right_edge.i + 1]
    )


def _of_the_view(self, doc: Doc, tok: Token) -> _Claim | None:
    """ "X was of the view / opinion that …": the subject of "be" is the source, "was of the
    view" the cue."""
    prep, be = tok.head, tok.head.head
    if (
        tok.lower_ not in ("view", "opinion")
        or tok.dep_ != "pobj"
        or prep.lower_ != "of"
        or prep.dep_ != "prep"
        or be.lemma_ != "be"
        or not prep.i < tok.i
        or prep.i < be.i
    ):
        return None
    that = [
        c
        for c in list(tok.children) + list(be.children)
        if c.dep_ in ("acl", "ccomp", "relcl")
        and c.i > tok.i
        and c.left_edge.lower_ == "that"
        and c.left_edge.dep_ == "mark"
    ]
    if not that:
        return None
    first = doc[that[0].left_edge.i + 1]
    last = self._content_end(doc, first, that[0].right_edge, be)
    made = self._make(doc, be, first.idx, last.idx + len(last), False)
    if made:
        made.cue_end = tok.idx + len(tok)
    return made
