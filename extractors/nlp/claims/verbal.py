"""Verb cues: a reporting verb and the argument of it that carries the content.

``models/patterns/cues.csv`` gives, per lemma, the arguments that carry content (``ccomp`` "said
that …", ``xcomp`` "plans to …", ``dobj`` "denied the report", ``dobj_xcomp`` "urged Congress to
…", ``prep:for`` "called for …", ``noun_that`` "expressed the hope that …") and whether the verb
introduces a direct quote (``quote``). :func:`verb_cue` tries :data:`VERB_SHAPES` in order; the
first shape a verb fits decides, also when its content comes out empty. A shape returns None
when the verb does not fit it, :data:`NO_CLAIM` when it fits but makes no claim. The claim's
cue span and source come from ``cue._make``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.nlp.claims.lexicon import (
    _AS_ONLY_CUES,
    _CONTENT_STOP,
    _INFINITIVE_OBJECT_CUES,
    _SUBJ_DEPS,
    _THAT_NOUNS,
)
from extractors.nlp.claims.spans import _Claim


class _NoClaim:
    """A verb fits a shape but yields no claim: the shapes after it are not tried."""

    def __repr__(self) -> str:
        return "NO_CLAIM"


NO_CLAIM = _NoClaim()
Shaped = _Claim | _NoClaim | None  # what a verb shape returns

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


def _decided(made: _Claim | None) -> _Claim | _NoClaim:
    return NO_CLAIM if made is None else made


def _claim_from(self, doc: Doc, tok: Token, first: Token, last: Token, prep: Token | None = None) -> Shaped:
    """The claim of a shape that fits, its content running from ``first`` to ``last``."""
    return _decided(self._make(doc, tok, first.idx, last.idx + len(last), False, prep))


# --------------------------------------------------------------------------------------------
# the verb shapes, in the order verb_cue tries them


def _participle_on_clause(self, doc: Doc, v: _Verb) -> Shaped:
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
    comp = [c for c in v.children if c.dep_ == "ccomp"] or _wh_clauses(v)
    if not comp and "xcomp" not in v.args:
        comp = _gerund_subjects(v)
    return comp


def _wh_clauses(v: _Verb) -> list[Token]:
    return [
        c
        for c in v.children
        if c.dep_ in ("advcl",)
        and c.i > v.tok.i
        and c.left_edge.lower_ in ("whether", "if", "how", "why", "what")
    ]


def _gerund_subjects(v: _Verb) -> list[Token]:
    return [
        c
        for c in v.children
        if c.dep_ == "xcomp"
        and c.tag_ == "VBG"
        and c.left_edge.i == v.tok.i + 1
        and any(g.dep_ == "ccomp" and g.i > c.i for g in c.children)
    ]


def _clause(self, doc: Doc, v: _Verb) -> Shaped:
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
    return _claim_from(self, doc, tok, first, self._content_end(doc, first, last, tok))


def _passive_expected(self, doc: Doc, v: _Verb) -> Shaped:
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
    return _claim_from(self, doc, v.tok, first, last)


def _passive_conjunct(self, doc: Doc, v: _Verb) -> Shaped:
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
    return _claim_from(self, doc, tok, tok.head.left_edge, doc[tok.left_edge.i - 1])


def _hearer(tok: Token, c: Token) -> bool:
    """The object of a parenthetical "he told me", "she told The Times" is the hearer."""
    return c.dep_ == "dobj" and (tok.lemma_ == "tell" or c.lower_ in _HEARER_OBJECTS)


def _parenthetical(self, doc: Doc, v: _Verb) -> Shaped:
    """A cue inside the clause it reports: "India, it says, demonstrated …", "…, he said", "The
    plan, he told me, is …" (the hearer is no content). The clause around the cue is the
    content."""
    tok = v.tok
    if not _parenthetical_shape(v):
        return None
    head = tok.head
    if head.dep_ in _SUBJ_DEPS and head.head.pos_ in ("VERB", "AUX") and tok.i < head.head.i:
        head = head.head  # "The difference now, he told me, is that …" hangs on the subject
    first, last = head.left_edge, head.right_edge
    if tok.left_edge.i <= first.i:
        first = doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 <= last.i else first
    if tok.right_edge.i >= last.i:
        last = doc[tok.left_edge.i - 1] if tok.left_edge.i - 1 >= first.i else last
    return _claim_from(self, doc, tok, first, last)


def _parenthetical_shape(v: _Verb) -> bool:
    """A ``ccomp`` cue with a subject, in parataxis or an "as" clause, and no object or
    infinitive of its own but the hearer."""
    tok, children = v.tok, v.children
    as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    return (
        (tok.dep_ == "parataxis" or as_clause)
        and "ccomp" in v.args
        and any(c.dep_ in _SUBJ_DEPS for c in children)
        and not [c for c in children if c.dep_ in ("dobj", "xcomp") and c.i > tok.i and not _hearer(tok, c)]
    )


def _said_so(self, doc: Doc, v: _Verb) -> Shaped:
    """ "said yes", "said so": the word is the content."""
    tok = v.tok
    if tok.lemma_ != "say":
        return None
    short = [
        c
        for c in v.children
        if c.i == tok.i + 1 and (c.dep_ == "intj" or (c.dep_ == "advmod" and c.lower_ == "so"))
    ]
    return _claim_from(self, doc, tok, short[0], short[0]) if short else None


def _that_noun_object(self, doc: Doc, v: _Verb) -> Shaped:
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


def _only_noun_that(self, doc: Doc, v: _Verb) -> Shaped:
    """A cue that reports only through a that-noun ("express") makes no claim otherwise."""
    return NO_CLAIM if "noun_that" in v.args and len(v.args) == 1 else None


def _infinitive(self, doc: Doc, v: _Verb) -> Shaped:
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
    return _claim_from(self, doc, tok, first, self._content_end(doc, first, xcomp[0].right_edge, tok))


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


def _prepositional(self, doc: Doc, v: _Verb) -> Shaped:
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
    return _claim_from(self, doc, tok, first, last, prep=nxt)


def _object_predicate(self, doc: Doc, v: _Verb) -> Shaped:
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
    return _claim_from(self, doc, tok, first, self._content_end(doc, first, oprd[0].right_edge, tok))


def _counted(obj: Token) -> bool:
    """An object that counts things is no statement: "charged Rs160,000", "identified 10
    officials", "documented 1,580 cases"."""
    return obj.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or any(
        c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME") for c in obj.children
    )


def _infinitive_after(tok: Token, obj: Token) -> bool:
    """ "charged Ghana to end …": an infinitive right after the object, also when the parser hangs
    it on the verb as an adverbial clause."""
    return any(
        c.dep_ in ("xcomp", "advcl") and c.left_edge.i == obj.right_edge.i + 1 and c.left_edge.tag_ == "TO"
        for c in tok.children
    )


def _named_as(tok: Token, obj: Token) -> bool:
    """ "identified the suspects as …": an "as" on the verb or its object after the object; or a
    negated verb, which withholds a name ("Johnson did not identify a location": PolNeAR dev
    annotates it)."""
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in (*tok.children, *obj.children)
    )


def _direct_object(self, doc: Doc, v: _Verb) -> Shaped:
    """A cue with an object: "denied the report", with what continues it on the verb ("accused
    X of …"; not a time: "on Monday"). "highlighted Pakistan’s alignment" can come out as two
    objects."""
    tok = v.tok
    dobj, _ = v.objects()
    if not (dobj and ("dobj" in v.args or "dobj_xcomp" in v.args)):
        return None
    d = dobj[0]
    lemma = tok.lemma_.lower()
    if (
        _counted(d)
        or (lemma in _INFINITIVE_OBJECT_CUES and not _infinitive_after(tok, d))
        or (lemma in _AS_ONLY_CUES and not _named_as(tok, d))
    ):
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
    return _claim_from(self, doc, tok, d.left_edge, last)


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
