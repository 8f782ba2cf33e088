"""Where a content ends: before the same speaker's next attribution (", adding that …", "says A
and says B") and after a list the parser split onto the cue verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractors.nlp.claims.lexicon import _CONTENT_STOP, _SUBJ_DEPS


def _content_end(self, doc: Doc, first: Token, last: Token, verb: Token) -> Token:
    """Cut a content span before a second attribution of the same source (", adding that …",
    "the need for a “Skill Emergency,” urging …", "dismissed the petition saying …": a
    participle with its own complement, also without a comma, is the next claim)."""
    for t in doc[first.i + 1 : last.i + 1]:
        stop = _before_participle(doc, first, t, verb)
        if stop is not None:
            return stop
        if self._second_cue(t, verb) and t.left_edge.i > first.i:
            # "says A and says B", "said A and called B …": the parser often hangs the second
            # cue on the reported clause; it is the same speaker's next attribution, not content
            end = t.left_edge.i - 1
            while end > first.i and (doc[end].dep_ == "cc" or doc[end].is_punct or doc[end].is_space):
                end -= 1
            return doc[end] if end < last.i else last
    return last


def _before_participle(doc: Doc, first: Token, t: Token, verb: Token) -> Token | None:
    """The content's last token when ``t`` is a reporting participle after the cue that starts
    the next claim (after a comma, dash or semicolon, or with a complement of its own)."""
    if t.lower_ not in _CONTENT_STOP or t.i <= verb.i:
        return None
    k = t.i - 1
    while k > first.i and doc[k].text in ("”", '"', "’"):
        k -= 1
    if doc[k].text in (",", "—", "–", ";"):
        return doc[k - 1] if k - 1 >= first.i else first
    if t.dep_ in ("acl", "advcl") and any(c.dep_ in ("ccomp", "dobj") and c.i > t.i for c in t.children):
        return doc[t.i - 1] if t.i - 1 >= first.i else first
    return None


def _second_cue(self, t: Token, verb: Token) -> bool:
    """A subjectless cue verb conjoined to the reported clause of ``verb`` (see _content_end)."""
    outer = self._outer_cue(t)
    return outer is not None and outer.i == verb.i


def _outer_cue(self, t: Token) -> Token | None:
    """For a subjectless cue verb conjoined into another cue's reported clause ("says A and
    says B"), that other cue verb; None otherwise."""
    if (
        t.dep_ != "conj"
        or not self._args(t)
        or any(c.dep_ in _SUBJ_DEPS or c.dep_ == "expl" for c in t.children)
    ):
        return None
    v = t.head
    while v.dep_ in ("ccomp", "xcomp", "conj") and v.head.i != v.i and v.i > v.head.i:
        if v.dep_ in ("ccomp", "xcomp") and self._args(v.head):
            # the same finite form ("says … and says"); a bare "tell" shares the reported
            # clause's modal ("says he'd sit Putin down and tell him …") and is content
            ok = v.head.i < t.i and t.tag_ == v.head.tag_ and t.tag_ in ("VBD", "VBZ", "VBP")
            return v.head if ok else None
        v = v.head
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
