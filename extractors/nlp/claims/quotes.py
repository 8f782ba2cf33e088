"""Claim rules: quotes."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import _CUE_LEFT_DEPS, _SUBJ_DEPS, _TRIM
from extractors.nlp.claims.spans import _Claim, _text, _trim_quote


def _signed_quotes(self, doc: Doc, quotes: list[tuple[int, int]]) -> list[_Claim]:
    """A quotation signed with a dash and a name that ends its paragraph ("“…” ― Sonya
    Herridge", readers' and social media reactions): the name is the source, the dash the cue."""
    out = []
    text = _text(doc)
    for qs, qe in quotes:
        close = qe + (2 if text[qe : qe + 2] == "''" else 1)
        para_end = text.find("\n", close)
        para_end = len(text) if para_end == -1 else para_end
        m = re.match(r"[ \t]*(―|—|–|--|-)[ \t]*(\S.*?)[ \t.]*$", text[close:para_end])
        if m is None:
            continue
        dash_s, dash_e = close + m.start(1), close + m.end(1)
        name_s, name_e = close + m.start(2), close + m.end(2)
        src = doc.char_span(name_s, name_e, alignment_mode="expand")
        dash = doc.char_span(dash_s, dash_e, alignment_mode="expand")
        if src is None or dash is None or not 1 <= len(src) <= 6:
            continue
        if (
            not all(
                t.text[0].isupper() or t.lower_ in self._NAME_PARTICLES or (t.text == "." and t.i > src.start)
                for t in src
            )
            or not src[0].text[0].isupper()
            or any(t.pos_ in ("VERB", "AUX") for t in src)
        ):
            continue
        start, end = _trim_quote(text, qs, qe)
        if end - start < 10:
            continue
        out.append(_Claim(dash[0], dash_s, dash_e, src, (None, "unnamed"), start, end, True))
    return out


def _drop_nested(claims: list[_Claim]) -> list[_Claim]:
    """Only the outermost attribution: a claim whose cue lies in another's content goes.

    Two claims that each hold the other's cue ("A said B, according to C", whose "said" runs
    on to the end; "X, as many expected, according to Y") would both go: the later cue wins,
    since a content rarely runs on past a later cue of its own sentence."""

    def holds(o: _Claim, c: _Claim) -> bool:
        return o is not c and o.start <= c.cue_start < o.end

    # A relative clause with its own named speaker ("his donations, which he said were …",
    # "his daughters, who he said were living …") is annotated as its own attribution
    # (PolNeAR is univocal): the holder's content ends before the clause.
    for c in claims:
        v = c.cue
        if (
            v.dep_ != "relcl"
            or c.src is None
            or c.src.root.lower_ in ("who", "which", "that", "whom", "what")
            or c.src.root.i < v.left_edge.i
            or v.left_edge.head.i == v.i
            or not any(x.dep_ == "ccomp" for x in v.children)
        ):
            continue  # only a gap inside the reported clause: "which he said were …"
        clause_start = v.left_edge.idx
        for o in claims:
            if holds(o, c) and not holds(c, o) and o.start < clause_start and o.cue_start < clause_start:
                text = _text(v.doc)
                end = clause_start
                while end > o.start and text[end - 1] in _TRIM:
                    end -= 1
                o.end = min(o.end, end)
    out = []
    for c in claims:
        if any(holds(o, c) and not (holds(c, o) and c.cue_start > o.cue_start) for o in claims):
            continue
        out.append(c)
    return out


def _quote_cue(self, doc: Doc, qspan: Span, in_quote: list[int]) -> Token | None:
    """The cue verb of a direct quote: after it in its sentence ("“…,” X said") or before it
    ("X said: “…”", "X told reporters, “…”")."""
    # the cue's sentence may start at the closing mark when the model splits there
    # ("“…,” Sarandon, 69, told MSNBC"), so look on to the end of the paragraph
    after = doc[qspan.end : min(len(doc), qspan.end + 26)]
    for t in after:
        if in_quote[t.i] >= 0 or "\n" in t.text:
            break
        args = self._args(t)
        if args and "quote" in args:
            # the tokens between the quote and the cue are punctuation, the cue's subject or its auxiliaries
            subj = [c for c in t.children if c.dep_ in _SUBJ_DEPS]
            allowed = {i for s in subj for i in range(s.left_edge.i, s.right_edge.i + 1)}
            if all(
                x.is_punct or x.i in allowed or (x.head.i == t.i and x.dep_ in _CUE_LEFT_DEPS)
                for x in doc[qspan.end : t.i]
            ):
                return t
            break
        if t.i - qspan.end > 25:
            break
    start = qspan.start - 1
    # a colon right before the quote, also across a paragraph break ("Cruz continued:\n“…”",
    # "Clinton released the following statement: “…”"): the verb of the colon's sentence
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k >= 0 and doc[k].text.endswith(":") and in_quote[k] < 0:
        verbs = [t for t in doc[doc[k].sent.start : k] if t.pos_ == "VERB" and in_quote[t.i] < 0]
        cands = [t for t in verbs if self._args(t)] or [
            t for t in verbs if any(c.dep_ in ("nsubj", "csubj") for c in t.children)
        ]
        if cands:
            return cands[-1]
    first_tok = qspan[0]
    sent_start = first_tok.sent.start
    # spaCy sometimes starts a new sentence at the quote after "X said:" -- look into the previous one
    lo = (
        sent_start
        if sent_start < start
        else (doc[sent_start - 1].sent.start if sent_start > 0 else sent_start)
    )
    lo = max(lo, start - 30)
    for t in reversed(doc[lo : max(start, 0)]):
        if in_quote[t.i] >= 0:
            break
        if t.text == "\n" or "\n\n" in t.text:
            break
        args = self._args(t)
        if args and "quote" in args:
            between = doc[t.i + 1 : qspan.start]
            if all(
                x.is_punct
                or x.is_space
                or x.lower_ == "that"
                or (x.head.i == t.i and x.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod", "prt"))
                or any(
                    a.head.i == t.i and a.dep_ in ("dobj", "dative", "prep", "npadvmod") for a in x.ancestors
                )
                for x in between
            ):
                return t
            return None
    return None


def _attach_quotes(
    self, doc: Doc, claims: list[_Claim], quotes: list[tuple[int, int]], in_quote: list[int]
) -> list[_Claim]:
    text = _text(doc)
    by_cue = {c.cue.i: c for c in claims}
    last: _Claim | None = None
    last_para = -1
    para_of = lambda pos: text.count("\n", 0, pos)  # noqa: E731
    for qi, (qs, qe) in enumerate(quotes):  # noqa: B007
        qspan = doc.char_span(qs, qe, alignment_mode="expand")
        if qspan is None or len(qspan) == 0:
            continue
        outer_s, outer_e = (
            qs - (2 if text[qs - 2 : qs] == "''" else 1),
            min(len(text), qe + (2 if text[qe : qe + 2] == "''" else 1)),
        )
        holder = next((c for c in claims if c.start < qe and qs < c.end), None)
        if holder is not None:
            # a quote inside (or overlapping) an indirect content: mixed, or the whole content
            if holder.start >= outer_s - 1 and holder.end <= outer_e + 1:
                (holder.start, holder.end), holder.direct = _trim_quote(text, qs, qe), True
            else:
                holder.start, holder.end = min(holder.start, qs), max(holder.end, qe)
            last, last_para = holder, para_of(qe)
            continue
        cue = self._quote_cue(doc, qspan, in_quote)
        if cue is not None and cue.i in by_cue:
            c = by_cue[cue.i]
            c.start, c.end = min(c.start, qs), max(c.end, qe)
            last, last_para = c, para_of(qe)
            continue
        if cue is not None:
            made = self._make(doc, cue, qs, qe, True)
            if made:
                made.start, made.end = _trim_quote(text, qs, qe)
                claims.append(made)
                by_cue[cue.i] = made
                last, last_para = made, para_of(qe)
            continue
        # a continuation of the last quote's claim: same paragraph, or the next one
        para = para_of(qs)
        opens_para = qs - 1 == 0 or text[:outer_s].endswith("\n")
        whole_para = opens_para and text[outer_e:].split("\n", 1)[0].strip(" .") == ""
        if (
            last is not None
            and len(qspan) >= 3
            and (para == last_para or (para == last_para + 1 and (last.direct or whole_para) and opens_para))
        ):
            between = [c for c in claims if c is not last and last.end <= c.cue_start < qs]
            if not between and last.end <= qs:
                last.end = qe
                last_para = para_of(qe)
                continue
    return claims
