"""Noun and prepositional cues: "his view that …", "Trump's call for …", "according to X".

A noun cue (``models/patterns/cue_nouns.csv``: per lemma ``that``, ``to``, ``prep:for``,
``copula``) takes its possessor as the source; "X was of the view that …" is handled as a verb
cue (``verbal._of_the_view``). "according to X" and "as per X" take X as the source and the rest
of the sentence as the content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import _SUBJ_DEPS
from extractors.nlp.claims.spans import _Claim, _trim_content


def noun_cue(self, doc: Doc, tok: Token) -> _Claim | None:
    """Noun cues with a possessor as the source: "his view that …", "Trump's call for …", "her
    plan to …", "Rubio's response was that …". Without a possessor only "was of the view that"
    counts."""
    args = self.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    if not args:
        return None
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if not poss:
        return self._of_the_view(doc, tok)
    src = doc[poss[0].left_edge.i : poss[0].right_edge.i + 1]
    found = _noun_content(doc, tok, args) or _copula_content(doc, tok, args)
    if found is None:
        return None
    first, last, cue_end = found
    if last.i < first.i:
        return None
    start, end = _trim_content(doc, first.idx, last.idx + len(last))
    if end - start < 3:
        return None
    return _Claim(tok, tok.idx, cue_end, src, (None, "unnamed"), start, end, False)


def _noun_content(doc: Doc, tok: Token, args: frozenset[str]) -> tuple[Token, Token, int] | None:
    """(first, last, cue end) of the first dependent after the noun that carries its content."""
    for c in sorted(tok.children, key=lambda c: c.i):
        found = _noun_argument(doc, tok, c, args) if c.i > tok.i else None
        if found is not None:
            return found
    return None


def _noun_argument(doc: Doc, tok: Token, c: Token, args: frozenset[str]) -> tuple[Token, Token, int] | None:
    """A that-clause ("his view that …"), an infinitive right after the noun ("her plan to …")
    or a preposition the noun takes, which joins the cue ("Trump's call for …")."""
    if (
        "that" in args
        and c.dep_ in ("acl", "ccomp", "relcl")
        and c.left_edge.lower_ == "that"
        and c.left_edge.dep_ == "mark"
    ):
        return doc[c.left_edge.i + 1], c.right_edge, tok.idx + len(tok)
    if (
        "to" in args
        and c.dep_ in ("acl", "relcl")
        and c.left_edge.lower_ == "to"
        and c.left_edge.i == tok.i + 1
    ):
        return c.left_edge, c.right_edge, tok.idx + len(tok)
    if c.dep_ == "prep" and "prep:" + c.lower_ in args and c.i == tok.i + 1:
        if any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return doc[c.i + 1], c.right_edge, c.idx + len(c)
    return None


def _copula_content(doc: Doc, tok: Token, args: frozenset[str]) -> tuple[Token, Token, int] | None:
    """ "Rubio's response was that …": the complement of "be" is the content, "response was"
    the cue."""
    if not ("copula" in args and tok.dep_ == "nsubj" and tok.head.lemma_ == "be"):
        return None
    be = tok.head
    comp = [c for c in be.children if c.dep_ in ("ccomp", "attr") and c.i > be.i]
    if not comp:
        return None
    first, last = comp[0].left_edge, comp[0].right_edge
    if first.lower_ == "that" and first.dep_ == "mark":
        first = doc[first.i + 1]
    return first, last, be.idx + len(be)


def according_to(self, doc: Doc, tok: Token) -> _Claim | None:
    """ "according to X", "as per X": X is the source, the rest of the sentence the content ("…,
    according to X." stops before the cue; a sentence-initial source ends at the comma before
    the clause's subject)."""
    if tok.i + 1 >= len(doc):
        return None
    nxt = doc[tok.i + 1]
    if not (
        (tok.lower_ == "according" and nxt.lower_ == "to") or (tok.lower_ == "as" and nxt.lower_ == "per")
    ):
        return None
    # "As per ‘Trafficking in Persons Report’": a quoted title can come out as pcomp (after its
    # opening quote; not a clause: "listed according to whether they were …")
    pobj = [c for c in nxt.children if c.dep_ == "pobj"] or [
        c for c in nxt.children if c.dep_ == "pcomp" and doc[c.i - 1].is_quote and c.i - 1 == nxt.i + 1
    ]
    if not pobj:
        return None
    src = _initial_source(doc, tok, self._np(pobj[0]))
    found = _according_content(doc, tok, src)
    if found is None:
        return None
    start, end = _trim_content(doc, *found)
    if end - start < 10:
        return None
    return _Claim(tok, tok.idx, nxt.idx + len(nxt), src, (None, "unnamed"), start, end, False)


def _initial_source(doc: Doc, tok: Token, src: Span) -> Span:
    """ "According to polls by X, majorities of voters say …" at a sentence's start with the
    clause's subject parsed as an apposition of the source's last noun: the source ends at its
    comma."""
    sent = tok.sent
    if tok.i > sent.start + 1 or any(c.dep_ in _SUBJ_DEPS for c in tok.head.children):
        return src
    app = next(
        (
            t
            for t in src
            if t.dep_ == "appos"
            and t.i > src.start + 1
            and doc[t.left_edge.i - 1].text == ","
            and t.right_edge.i + 1 >= src.end
        ),
        None,
    )
    return doc[src.start : app.left_edge.i - 1] if app is not None else src


def _according_content(doc: Doc, tok: Token, src: Span) -> tuple[int, int] | None:
    """The content's character span: after the source's comma when the cue opens the sentence,
    else the sentence (up to the cue when the source ends it)."""
    sent = tok.sent
    if tok.i <= sent.start + 1:
        first = _after_initial_source(doc, tok, src)
        return (doc[first].idx, sent.end_char) if first is not None and first < sent.end - 2 else None
    if tok.i <= sent.start + 2:
        return None
    start, end = sent.start_char, sent.end_char
    if src.end >= sent.end - 2:  # "…, according to X." : content stops before the cue
        end = doc[tok.i - 1].idx if doc[tok.i - 1].is_punct else tok.idx
    return start, end


def _after_initial_source(doc: Doc, tok: Token, src: Span) -> int | None:
    """Where the content starts after a sentence-initial "According to X": after the comma that
    ends X, also past a closing bracket or quote ("According to the Network … (Redim), …", "As per
    ‘… Report’, …"); without a comma, at the subject of the clause the cue belongs to when that
    subject starts right after X ("According to Binoga the group has been …"). None otherwise."""
    k = src.end
    while k < len(doc) and doc[k].text in _CLOSERS:
        k += 1
    if k < len(doc) and doc[k].text == ",":
        return k + 1
    subj = [c for c in tok.head.children if c.dep_ in _SUBJ_DEPS and c.i > tok.i]
    return k if subj and subj[0].left_edge.i == k else None


# what may close a source before its comma: a bracketed acronym, a quoted title
_CLOSERS = (")", "’", "”", "'", '"')


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
