"""Claim rules: verbal."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractors.nlp.claims.lexicon import _CONTENT_STOP, _CUE_LEFT_DEPS, _SUBJ_DEPS, _THAT_NOUNS, _TRIM
from extractors.nlp.claims.spans import _Claim, _text


def _cue_bounds(self, verb: Token, prep: Token | None = None) -> tuple[int, int]:
    """The verb group: adjacent auxiliaries, negation and adverbs on the left (also an adverb
    of an adverb: "is once again questioning"); particles and a linking preposition on the
    right. (Taking "said Friday"/"said in a statement" into the cue lowered PolNeAR dev cue
    F1: most of its cues stop at the verb.)"""
    doc = verb.doc
    group = {verb.i}
    left = verb.i
    while left - 1 >= 0:
        t = doc[left - 1]
        if (
            t.head.i in group
            and t.dep_ in _CUE_LEFT_DEPS
            and not t.is_punct
            and t.lower_ not in ("when", "as", "how", "where", "why", "so")
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
    text = _text(doc)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    if end - start < 2:
        return None
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
    cue_start, cue_end = self._cue_bounds(verb, prep)
    if src is not None and src.start_char < cue_end and cue_start < src.end_char:
        # a subject parsed with its own verb inside ("A majority of voters expect …" with
        # "expect" as a clause on "voters"): the source stops before the cue
        cut = (
            doc.char_span(src.start_char, cue_start, alignment_mode="contract")
            if src.start_char < cue_start
            else None
        )
        while cut is not None and len(cut) and (cut[-1].is_punct or cut[-1].is_space):
            cut = cut[:-1]
        src = cut if cut is not None and len(cut) else None
    return _Claim(verb, cue_start, cue_end, src, (None, "unnamed"), start, end, direct)


def _hearer_participle(verb: Token) -> bool:
    """A bare passive participle opening an adverbial clause ("Asked about X, …", "When asked
    whether …, …"): the main clause's subject is the one addressed, not the speaker."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and not any(c.dep_ in _SUBJ_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _verbal(self, doc: Doc, tok: Token) -> _Claim | None:
    args = self._args(tok)
    if not args:
        return None
    children = list(tok.children)
    head = tok.head
    if (
        tok.lower_ in _CONTENT_STOP
        and tok.dep_ == "advcl"
        and tok.i > 0
        and doc[tok.i - 1].text == ","
        and head.i > tok.i
        and head.pos_ in ("VERB", "AUX")
        and head.dep_ in ("advcl", "conj", "ccomp")
        and head.head.i < tok.i
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children)
    ):
        # "X opposed the petition, saying during recent months, complaints had surged …" parsed
        # with the participle on the reported clause: that clause is the content, the verb
        # before the comma's subject the source
        last = head.right_edge
        while last.i > tok.i and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        made = self._make(doc, tok, doc[tok.i + 1].idx, last.idx + len(last), False)
        if made is not None:
            made.src, _ = self._source(head.head)
        return made
    comp = [c for c in children if c.dep_ == "ccomp"] if "ccomp" in args else []
    if not comp and "ccomp" in args:
        # "asked whether …", "explained how …": spaCy may attach a wh-clause as advcl/dobj
        comp = [
            c
            for c in children
            if c.dep_ in ("advcl",)
            and c.i > tok.i
            and c.left_edge.lower_ in ("whether", "if", "how", "why", "what")
        ]
    if not comp and "ccomp" in args and "xcomp" not in args:
        # "said legalizing it could put thousands to work": a gerund subject parsed as the
        # verb's xcomp, its clause as the gerund's ccomp
        comp = [
            c
            for c in children
            if c.dep_ == "xcomp"
            and c.tag_ == "VBG"
            and c.left_edge.i == tok.i + 1
            and any(g.dep_ == "ccomp" and g.i > c.i for g in c.children)
        ]
    if comp:
        c = max(comp, key=lambda c: (c.i > tok.i, len(list(c.subtree))))
        first, last = c.left_edge, c.right_edge
        if c.i < tok.i:  # "…, he said": content before the cue
            last = min(last, doc[tok.i - 1], key=lambda t: t.i)
        else:
            first = max(first, doc[tok.i + 1], key=lambda t: t.i)
        if first.lower_ == "that" and first.dep_ == "mark":
            first = doc[first.i + 1] if first.i + 1 < len(doc) else first
        last = self._content_end(doc, first, last, tok)
        return self._make(doc, tok, first.idx, last.idx + len(last), False)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    subjpass = [c for c in children if c.dep_ == "nsubjpass" and c.i < tok.i]
    xc = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i]
    if (
        subjpass
        and xc
        and "dobj_xcomp" in args
        and not any(c.dep_ == "agent" for c in children)
        and subjpass[0].lower_ not in ("who", "which", "that")
    ):
        # "Trump is expected to speak", "she was urged to run": the subject and the infinitive
        # are the content (scored without the cue between them); nobody is named as the source
        first, last = subjpass[0].left_edge, self._content_end(doc, xc[0], xc[0].right_edge, tok)
        return self._make(doc, tok, first.idx, last.idx + len(last), False)
    if (
        passive
        and tok.dep_ == "conj"
        and "ccomp" in args
        and tok.head.i < tok.i
        and tok.left_edge.i > tok.head.left_edge.i
    ):
        # "X improved …, an international conference was told": the passive cue parsed as a
        # conjunct of the reported clause
        first, last = tok.head.left_edge, doc[tok.left_edge.i - 1]
        return self._make(doc, tok, first.idx, last.idx + len(last), False)
    as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    # the object of a parenthetical "he told me", "she told The Times" is the hearer, not content
    hearer = lambda c: (
        c.dep_ == "dobj" and (tok.lemma_ == "tell" or c.lower_ in ("me", "us", "him", "her", "them"))
    )  # noqa: E731
    if (
        (tok.dep_ == "parataxis" or as_clause)
        and "ccomp" in args
        and any(c.dep_ in _SUBJ_DEPS for c in children)
        and not [c for c in children if c.dep_ in ("dobj", "xcomp") and c.i > tok.i and not hearer(c)]
    ):
        # "India, it says, demonstrated …" / "…, he said": the clause around the cue is the content
        head = tok.head
        if head.dep_ in _SUBJ_DEPS and head.head.pos_ in ("VERB", "AUX") and tok.i < head.head.i:
            head = head.head  # "The difference now, he told me, is that …" hangs on the subject
        first, last = head.left_edge, head.right_edge
        if tok.left_edge.i <= first.i:
            first = doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 <= last.i else first
        if tok.right_edge.i >= last.i:
            last = doc[tok.left_edge.i - 1] if tok.left_edge.i - 1 >= first.i else last
        return self._make(doc, tok, first.idx, last.idx + len(last), False)
    if tok.lemma_ == "say":  # "said yes", "said so"
        short = [
            c
            for c in children
            if c.i == tok.i + 1 and (c.dep_ == "intj" or (c.dep_ == "advmod" and c.lower_ == "so"))
        ]
        if short:
            return self._make(doc, tok, short[0].idx, short[0].idx + len(short[0]), False)
    xcomp = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i]
    dobj = [c for c in children if c.dep_ in ("dobj",) and c.i > tok.i]
    if dobj:
        # "expressed the hope that …", "raised the concern that …": the noun joins the cue
        that = [
            g
            for g in dobj[0].children
            if g.dep_ in ("acl", "ccomp", "relcl")
            and g.left_edge.lower_ == "that"
            and g.left_edge.dep_ == "mark"
        ]
        if that and dobj[0].lower_ in _THAT_NOUNS:
            first = doc[that[0].left_edge.i + 1]
            last = self._content_end(doc, first, that[0].right_edge, tok)
            made = self._make(doc, tok, first.idx, last.idx + len(last), False)
            if made:
                made.cue_end = dobj[0].idx + len(dobj[0])
            return made
    if "noun_that" in args and len(args) == 1:
        return None
    if (
        not dobj
        and xcomp
        and "dobj" in args
        and "xcomp" not in args
        and xcomp[0].tag_ == "VBG"
        and xcomp[0].i == tok.i + 1
    ):
        dobj = xcomp[:1]  # "criticised bypassing the process": a gerund object parsed as xcomp
        xcomp = []
    if xcomp and ("xcomp" in args or ("dobj_xcomp" in args and dobj)):
        first = dobj[0].left_edge if ("dobj_xcomp" in args and dobj) else xcomp[0].left_edge
        if (
            not dobj
            and tok.i + 1 < first.i
            and doc[tok.i + 1].dep_ in ("prep", "dative")
            and doc[tok.i + 1].head.i == tok.i
            and doc[tok.i + 1].lower_ == "to"
        ):
            first = doc[
                tok.i + 1
            ]  # "directed to the ministry and the NHA to expedite …": the addressee stays
        last = self._content_end(doc, first, xcomp[0].right_edge, tok)
        return self._make(doc, tok, first.idx, last.idx + len(last), False)
    k = tok.i + 1
    while (
        k < len(doc) - 1
        and doc[k].head.i == tok.i
        and doc[k].dep_ in ("prt", "advmod")
        and "prep:" + doc[k].lower_ not in args
    ):
        k += 1  # "spoke out about …", "spoke emotionally of …"
    nxt = doc[k] if k < len(doc) else None
    if nxt is not None and "prep:" + nxt.lower_ in args:
        # "called for …", "talked about …": the preposition joins the cue, what follows it up to
        # the end of the verb's argument that holds it is the content ("called for the US to act")
        holder = (
            nxt
            if nxt.head.i == tok.i
            else next((c for c in children if c.i > tok.i and c.left_edge.i == nxt.i), None)
        )
        if holder is not None and nxt.i + 1 <= holder.right_edge.i:
            first = doc[nxt.i + 1]
            last = holder.right_edge
            for c in sorted(children, key=lambda c: c.i):  # "called on X to resign"
                if c.i > last.i and c.dep_ in ("xcomp", "ccomp", "oprd") and c.left_edge.i == last.i + 1:
                    last = c.right_edge
            last = self._content_end(doc, first, self._list_end(doc, tok, last), tok)
            return self._make(doc, tok, first.idx, last.idx + len(last), False, prep=nxt)
    oprd = [c for c in children if c.dep_ == "oprd" and c.i > tok.i + 1]
    if (
        not dobj
        and oprd
        and "dobj" in args
        and all(
            doc[k].head.i != tok.i or doc[k].dep_ in ("nsubj", "dobj", "punct")
            for k in range(tok.i + 1, oprd[0].left_edge.i)
        )
    ):
        # "called Trump a liar" parsed without an object: the name and what it was called
        last = self._content_end(doc, doc[tok.i + 1], oprd[0].right_edge, tok)
        return self._make(doc, tok, doc[tok.i + 1].idx, last.idx + len(last), False)
    if dobj and ("dobj" in args or "dobj_xcomp" in args):
        d = dobj[0]
        if d.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or any(
            c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME") for c in d.children
        ):
            return None  # "charged Rs160,000", "identified 10 officials", "documented 1,580 cases": counted things, no statement
        last = dobj[-1].right_edge  # "highlighted Pakistan’s alignment" can come out as two objects
        for c in sorted(children, key=lambda c: c.i):
            if (
                c.i > d.i
                and c.dep_ in ("prep", "oprd", "advcl", "ccomp", "xcomp")
                and c.left_edge.i == last.i + 1
                and c.lower_ not in ("after", "before", "during", "on", "at", "in", "since", "when", "while")
            ):
                last = c.right_edge
        last = self._content_end(doc, d.left_edge, self._list_end(doc, tok, last), tok)
        return self._make(doc, tok, d.left_edge.idx, last.idx + len(last), False)
    return None


def _list_end(self, doc: Doc, verb: Token, last: Token) -> Token:
    """The end of an object that is a list the parser split onto the verb ("called for
    international cooperation, effective mass awareness and concerted efforts to …", "the
    FIA, provincial police, and other line departments to …", "the Commissions; NCHR, NCSW
    …"): items hung on the cue verb right after the content continue it, a cue verb (", and
    said …") or a clause with its own subject does not."""
    j, start = last.i + 1, last.i
    while j < len(doc):
        t = doc[j]
        purpose = next(
            (
                c
                for c in verb.children
                if c.left_edge.i == j and c.dep_ == "xcomp" and c.left_edge.lower_ == "to"
            ),
            None,
        )
        if purpose is not None and last.i > start:
            return purpose.right_edge  # "… and other line departments to enhance coordination"
        if t.head.i == verb.i and t.dep_ in ("punct", "cc") and t.text in (",", ";", "and", "or"):
            j += 1
            continue
        item = next(
            (
                c
                for c in verb.children
                if c.left_edge.i == j and c.i >= j and c.dep_ in ("conj", "dobj", "dep", "appos")
            ),
            None,
        )
        if (
            item is None
            or t.is_punct
            or t.is_space
            or (
                item.pos_ in ("VERB", "AUX")
                and (item.tag_ != "VBN" or item.i != j or item.lemma_.lower() in self.cues)
            )
            or any(c.dep_ in _SUBJ_DEPS for c in item.children)
            or "\n" in doc[last.i : item.right_edge.i + 1].text
            or any(x.pos_ == "VERB" and x.lemma_.lower() in self.cues for x in doc[j : item.right_edge.i + 1])
        ):
            break
        last = item.right_edge
        j = last.i + 1
    return last


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
