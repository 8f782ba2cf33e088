"""Direct quotes and nesting: the passes over the claims the constructions found.

:func:`_drop_nested` keeps only the outermost attribution. :func:`_attach_quotes` then gives
each quotation (“…”, "…" and ASCII ''…'', see ``spans.quote_spans``) its claim: a quote inside an
indirect content makes a mixed claim (``direct`` false), or the whole content when it is all of
it; a quote with a cue in its sentence before ("X said: “…”") or after ("“…,” said X", "“…,” X
told reporters") is a direct claim; a quote that continues after its attribution ("“A,” he said.
“B.”") is a second claim with the same speaker and cue (the news guideline; the PolNeAR scorer
joins them back into one relation) when it opens a sentence, and so is a quote opening the
next paragraph ("X said: “A.”\n“B.”"; a blank line between paragraphs counts as one break); a
quote that continues a claim inside its paragraph with no attribution between extends it. A
quotation over several paragraphs attributed at its end ("“A.\n“B,” police said.": only the
last part closes) gives each part that attribution's speaker and cue. Quotes of fewer than three
words with no cue are scare quotes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import (
    _CUE_LEFT_DEPS,
    _QUOTE_LEAD_CUES,
    _QUOTING_PASSIVES,
    _SUBJ_DEPS,
    _TRIM,
)
from extractors.nlp.claims.spans import _Claim, _reopens, _text, _trim_quote

_BREAKS = re.compile(r"\n(?:[ \t\r\f\v]*\n)*")

# --------------------------------------------------------------------------------------------
# nesting


def _drop_nested(claims: list[_Claim]) -> list[_Claim]:
    """Only the outermost attribution: a claim whose cue lies in another's content goes
    (PolNeAR annotates the outermost).

    Two claims that each hold the other's cue ("A said B, according to C", whose "said" runs
    on to the end; "X, as many expected, according to Y") would both go: the later cue wins,
    since a content rarely runs on past a later cue of its own sentence."""
    _end_before_relative_clauses(claims)
    return [
        c
        for c in claims
        if not any(_holds(o, c) and not (_holds(c, o) and c.cue_start > o.cue_start) for o in claims)
    ]


def _holds(o: _Claim, c: _Claim) -> bool:
    """Claim ``o``'s content holds claim ``c``'s cue."""
    return o is not c and o.start <= c.cue_start < o.end


def _end_before_relative_clauses(claims: list[_Claim]) -> None:
    """A relative clause with its own named speaker and a gap in its reported clause ("his
    donations, which he said were …", "his daughters, who he said were living …") is annotated
    as its own attribution (PolNeAR is univocal): the holder's content ends before the clause."""
    for c in claims:
        if not _relative_with_speaker(c):
            continue
        v = c.cue
        clause_start = v.left_edge.idx
        for o in claims:
            if _holds(o, c) and not _holds(c, o) and o.start < clause_start and o.cue_start < clause_start:
                text = _text(v.doc)
                end = clause_start
                while end > o.start and text[end - 1] in _TRIM:
                    end -= 1
                o.end = min(o.end, end)


def _relative_with_speaker(c: _Claim) -> bool:
    """The claim's cue heads a relative clause with a named speaker (not the relative pronoun)
    and a reported clause whose subject is the gap: "which he said were …"."""
    v = c.cue
    return not (
        v.dep_ != "relcl"
        or c.src is None
        or c.src.root.lower_ in ("who", "which", "that", "whom", "what")
        or c.src.root.i < v.left_edge.i
        or v.left_edge.head.i == v.i
        or not any(x.dep_ == "ccomp" for x in v.children)
    )


# --------------------------------------------------------------------------------------------
# direct quotes


def _attach_quotes(
    self, doc: Doc, claims: list[_Claim], quotes: list[tuple[int, int]], in_quote: list[int]
) -> list[_Claim]:
    """Each quotation joins the claim whose content it overlaps, else makes the claim of its cue
    (or extends that cue's claim), else continues the last quotation's claim (see the module
    docstring); ``claims`` is extended in place and returned."""
    text = _text(doc)
    by_cue = {c.cue.i: c for c in claims}
    last: _Claim | None = None
    last_at = (-1, "", False)  # where the quote ``last`` was given ends (see _where)
    # unattributed quotes left open, each running on into the next, with the claim each was given
    # as a continuation of ``last`` (None when none)
    open_run: list[_Open] = []
    for qs, qe in quotes:
        qspan = doc.char_span(qs, qe, alignment_mode="expand")
        if qspan is None or len(qspan) == 0:
            continue
        run, open_run = _run_into(text, open_run, (qs, qe)), []
        holder = next((c for c in claims if c.start < qe and qs < c.end), None)
        if holder is not None:
            _quote_into(text, holder, qs, qe)
            last, last_at = holder, _where(text, qs, qe)
            _attribute_run(text, claims, holder, run, qe)
            continue
        cue = self._quote_cue(doc, qspan, in_quote)
        if cue is not None:
            made = _cue_claim(self, doc, claims, by_cue, cue, (qs, qe))
            if made is not None:
                last, last_at = made, _where(text, qs, qe)
                _attribute_run(text, claims, made, run, qe)
            continue
        if len(qspan) < 3:
            continue
        reported = _reported_before(text, claims, last, (qs, qe))
        if reported is not None:
            start, end = _trim_quote(text, qs, qe)
            last = replace(reported, start=start, end=end, direct=True)
            claims.append(last)
            last_at = _where(text, qs, qe)
            if _left_open(text, qe):
                open_run = [*run, _Open(qs, qe, last)]
            continue
        given: _Claim | None = None
        if last is not None and _continues(text, claims, last, last_at, (qs, qe)):
            before = (last.start, last.end)
            given = _continue(text, claims, last, qs, qe)
            if given is last and (last.start, last.end) != before:
                continue  # the quote ran into ``last``: no quotation of its own
            last, last_at = given, _where(text, qs, qe)
            given = given if given.start >= qs else None  # None: ``last`` left as it was
        if _left_open(text, qe) and (run or _opens_sentence(text, qs, qe)):
            open_run = [*run, _Open(qs, qe, given)]
    return claims


class _Open(NamedTuple):
    """A quotation left open with no attribution of its own, and the claim it got as the
    continuation of an earlier one."""

    start: int
    end: int
    given: _Claim | None


def _left_open(text: str, qe: int) -> bool:
    """The quotation ends at its paragraph's end or where a new one reopens, with no closing
    mark: it runs on into the next quotation."""
    rest = text[qe:].lstrip(" \t")
    return rest[:1] in ("", "\n") or _reopens(text, qe)


def _run_into(text: str, run: list[_Open], quote: tuple[int, int]) -> list[_Open]:
    """``run`` when the quote continues its last quotation (reopening right after it, or opening
    the next paragraph, with the same mark), else nothing."""
    if not run:
        return []
    qs, qe = quote
    prev_s, prev_e = run[-1].start, run[-1].end
    if _mark(text, qs, qe) != _mark(text, prev_s, prev_e):
        return []
    reopened = _outer(text, qs, qe)[0] == prev_e
    next_para = _opens_para(text, qs, qe) and _para_of(text, qs) == _para_of(text, prev_e) + 1
    return run if reopened or next_para else []


def _attribute_run(text: str, claims: list[_Claim], made: _Claim, run: list[_Open], qe: int) -> None:
    """A quotation over several paragraphs attributed at its end ("“A.\n“B,” police said.": each
    paragraph opens and none but the last closes): when ``made`` is the direct claim of the last
    part (ending at ``qe``) with its cue after it, each earlier part is a claim with its speaker
    and cue (the news guideline's one claim per quotation), in place of the claim it got as the
    continuation of an earlier quotation."""
    if not (run and made.direct and made.end <= qe + 1 and made.cue_start >= qe):
        return
    given = {id(o.given) for o in run if o.given is not None}
    claims[:] = [c for c in claims if id(c) not in given]
    for o in run:
        start, end = _trim_quote(text, o.start, o.end)
        claims.append(replace(made, start=start, end=end))


def _continue(text: str, claims: list[_Claim], last: _Claim, qs: int, qe: int) -> _Claim:
    """A quote that continues ``last``: after its attribution ("“A,” he said. “B.”") a claim of
    its own with the same speaker and cue (the news guideline: two claims) when it opens its
    sentence (a quoted phrase inside a new sentence, 'Convention should be "nurtured"', is that
    sentence's, which may have a speaker of its own); also a quote that reopens in the paragraph
    of an unclosed one ('X said: "A. "B."', paragraph breaks lost), as each was a paragraph; else
    ``last`` runs on to the quote's end."""
    after_cue = last.end <= last.cue_start < qs
    if after_cue and text[: _outer(text, qs, qe)[0]].rstrip()[-1:] not in (".", "?", "!", ",", ":", ""):
        return last
    if after_cue or _reopens(text, qs - 1) or _opens_para(text, qs, qe):
        start, end = _trim_quote(text, qs, qe)
        made = replace(last, start=start, end=end, direct=True)
        claims.append(made)
        return made
    last.end = qe
    return last


def _reported_before(
    text: str, claims: list[_Claim], last: _Claim | None, quote: tuple[int, int]
) -> _Claim | None:
    """The reported statement a quote with no cue of its own goes on from: "X said that A. “B.”"
    and "X said A.\\n“B.”" (the next line) give B X's speaker and cue, as a claim of its own (the
    news guideline, as for "“A,” X said. “B.”"). Only when the quote opens a sentence right after
    that claim's content, with nothing but punctuation between, and the claim has a source, a
    verb of saying for its cue (``quote_lead_cues``: not "Many might think", "The minister
    emphasized"), not a participle of another claim's cue ("“A,” said X, speaking of Y.") and
    is the last attribution before the quote; a quoted paragraph after a blank line is not
    taken (as often another source's: :func:`_continues`)."""
    qs, qe = quote
    outer_s = _outer(text, qs, qe)[0]
    before = [c for c in claims if c.cue_start < qs and max(c.end, c.cue_end) <= outer_s]
    if not before:
        return None
    c = max(before, key=lambda o: (max(o.end, o.cue_end), o.cue_start))
    if c.src is None or c.direct or c.end <= c.start or (last is not None and last.end >= c.end):
        return None
    if c.cue.lemma_.lower() not in _QUOTE_LEAD_CUES:
        return None  # "emphasized that A. “B.”", "believes A. “B.”": no statement B goes on from
    if any(o.cue.i == c.cue.head.i for o in claims if o is not c):
        return None  # "“A,” said X, speaking of Y. “B.”": B goes on from A (PolNeAR dev)
    gap = text[max(c.end, c.cue_end, c.src.end_char) : outer_s]
    if gap.count("\n") > 1 or any(ch.isalnum() for ch in gap):
        return None
    return c if _opens_sentence(text, qs, qe) else None


def _opens_sentence(text: str, qs: int, qe: int) -> bool:
    """The quotation's opening mark starts its paragraph or a sentence."""
    before = text[: _outer(text, qs, qe)[0]]
    return before.endswith("\n") or before.rstrip()[-1:] in (".", "?", "!", "")


def _opens_para(text: str, qs: int, qe: int) -> bool:
    """The quotation's opening mark starts its paragraph."""
    outer_s = _outer(text, qs, qe)[0]
    return outer_s == 0 or text[:outer_s].endswith("\n")


def _mark(text: str, qs: int, qe: int) -> str:
    """The quotation's opening mark (a closing one typed in its place read as opening)."""
    return text[_outer(text, qs, qe)[0] : qs].replace("”", "“")


def _where(text: str, qs: int, qe: int) -> tuple[int, str, bool]:
    """The paragraph the quotation ends in, its opening mark, and whether it is left open."""
    return _para_of(text, qe), _mark(text, qs, qe), _left_open(text, qe)


def _para_of(text: str, pos: int) -> int:
    """The paragraph number of ``pos``: a run of line breaks (blank lines between paragraphs, as
    most web text has them) is one break, so "the next paragraph" is the next one written."""
    return len(_BREAKS.findall(text, 0, pos))


def _outer(text: str, qs: int, qe: int) -> tuple[int, int]:
    """The quotation with its marks."""
    return (
        qs - (2 if text[qs - 2 : qs] == "''" else 1),
        min(len(text), qe + (2 if text[qe : qe + 2] == "''" else 1)),
    )


def _quote_into(text: str, holder: _Claim, qs: int, qe: int) -> None:
    """A quote inside (or overlapping) an indirect content: the claim becomes direct when the
    quote is all of its content, mixed otherwise (its span grows to hold the quote)."""
    outer_s, outer_e = _outer(text, qs, qe)
    if holder.start >= outer_s - 1 and holder.end <= outer_e + 1:
        (holder.start, holder.end), holder.direct = _trim_quote(text, qs, qe), True
    else:
        holder.start, holder.end = min(holder.start, qs), max(holder.end, qe)


def _cue_claim(
    self, doc: Doc, claims: list[_Claim], by_cue: dict[int, _Claim], cue: Token, quote: tuple[int, int]
) -> _Claim | None:
    """The claim of the quote's cue: the cue's claim grown to hold the quote, else a new direct
    claim (added to ``claims``)."""
    qs, qe = quote
    if cue.i in by_cue:
        c = by_cue[cue.i]
        if c.end <= c.cue_start < qs:  # “A,” he said. “B.”: B is a claim of its own
            return _continue(_text(doc), claims, c, qs, qe)
        c.start, c.end = min(c.start, qs), max(c.end, qe)
        return c
    made = self._make(doc, cue, qs, qe, True)
    if made:
        made.start, made.end = _trim_quote(_text(doc), qs, qe)
        claims.append(made)
        by_cue[cue.i] = made
    return made


def _continues(
    text: str, claims: list[_Claim], last: _Claim, last_at: tuple[int, str, bool], quote: tuple[int, int]
) -> bool:
    """A quote with no cue continues the last quote's claim: in the same paragraph, or opening
    the next one when that claim is direct or the quote is the whole paragraph, with no other
    cue between them."""
    qs, qe = quote
    outer_e = _outer(text, qs, qe)[1]
    para = _para_of(text, qs)
    last_para, last_mark, last_open = last_at
    opens_para = _opens_para(text, qs, qe)
    whole_para = opens_para and text[outer_e:].split("\n", 1)[0].strip(" .") == ""
    # the next paragraph's quotation continues only one written with the same marks (an excerpt
    # set off with "…" paragraphs is not the speech quoted inside it with “…"), not a transcript
    # line ("PENCE: …", whose next paragraph may be "(CROSSTALK)"), and after an indirect claim
    # only when that claim's quotation was left open or across a single line break: in web text
    # with blank lines between paragraphs a whole quoted paragraph after a reported one whose
    # quotes closed is as often another source's (PolNeAR dev)
    next_para = (
        para == last_para + 1
        and opens_para
        and _mark(text, qs, qe) == last_mark
        and last.cue.text != ":"
        and (last.direct or last_open or (whole_para and "\n\n" not in text[last.end : qs].replace(" ", "")))
    )
    if not (para == last_para or next_para):
        return False
    between = [c for c in claims if c.cue_start != last.cue_start and last.end <= c.cue_start < qs]
    return not between and last.end <= qs


def _quote_cue(self, doc: Doc, qspan: Span, in_quote: list[int]) -> Token | None:
    """The cue verb of a direct quote: after it in its sentence ("“…,” X said"), else the verb
    before a colon that opens it ("X said: “…”"), else before it in its sentence ("X told
    reporters, “…”")."""
    for find in (_cue_after, _colon_cue, _cue_before):
        cue = find(self, doc, qspan, in_quote)
        if cue is not None:
            return cue
    return None


def _cue_after(self, doc: Doc, qspan: Span, in_quote: list[int]) -> Token | None:
    """A quote cue after the quote with nothing but punctuation, its subject or its auxiliaries
    between them ("“…,” said X", "“…,” Sarandon, 69, told MSNBC"). The cue's sentence may start
    at the closing mark when the model splits there, so the search runs on to the end of the
    paragraph (at most 26 tokens)."""
    for t in doc[qspan.end : min(len(doc), qspan.end + 26)]:
        if in_quote[t.i] >= 0 or "\n" in t.text:
            return None
        args = self._args(t)
        if args and "quote" in args:
            return t if _subject_between(doc, qspan.end, t) and not _reports_own(doc, qspan, t) else None
        if t.i - qspan.end > 25:
            return None
    return None


def _reports_own(doc: Doc, qspan: Span, cue: Token) -> bool:
    """A quotation closed with its sentence's full stop, followed by a new sentence whose cue has a
    reported clause of its own ("“… in the chosen countries.” A spokesman for the embassy said it
    was the first it had heard of a scheme"), or, after a full stop, an object, infinitive or
    agent of its own (the last paragraph of a run-on quotation, then "The government has
    announced plans to cut …", "The ballot will ask residents to vote …", "Her call was backed
    by …"): the quote is not that cue's (it goes on from the claim before it). Not an addressee
    ("“….” Mr X told reporters") and not after "?"/"!" ("“…?” he asked the boy")."""
    inner = qspan.text.rstrip(" ”\"'’")
    after = [c for c in cue.children if c.i > cue.i]
    if inner[-1:] in (".", "!", "?") and any(c.dep_ == "ccomp" for c in after):
        return True
    own = ("dobj", "xcomp", "agent") if cue.lemma_.lower() != "tell" else ("xcomp", "agent")
    return inner[-1:] == "." and any(c.dep_ in own for c in after)


def _subject_between(doc: Doc, start: int, cue: Token) -> bool:
    """Tokens ``start`` up to ``cue`` are punctuation, the cue's subject or its auxiliaries; for
    a cue under a quoting passive ("“…,” X, head of Y, was quoted as saying"), that passive's."""
    verbs = [cue]
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_.lower() in _QUOTING_PASSIVES:
        verbs += [cue.head, cue.head.head]
    subj = [c for v in verbs for c in v.children if c.dep_ in _SUBJ_DEPS]
    allowed = {i for s in subj for i in range(s.left_edge.i, s.right_edge.i + 1)} | {v.i for v in verbs}
    return all(
        x.is_punct or x.i in allowed or (x.head in verbs and x.dep_ in _CUE_LEFT_DEPS)
        for x in doc[start : cue.i]
    )


def _colon_cue(self, doc: Doc, qspan: Span, in_quote: list[int]) -> Token | None:
    """A colon right before the quote, also across a paragraph break ("Cruz continued:\\n“…”",
    "Clinton released the following statement: “…”"): the last cue verb of the colon's
    sentence, else its last verb with a subject."""
    k = _colon_before(doc, qspan, in_quote)
    if k is None:
        return None
    verbs = [t for t in doc[doc[k].sent.start : k] if t.pos_ == "VERB" and in_quote[t.i] < 0]
    cands = [t for t in verbs if self._args(t)] or [
        t for t in verbs if any(c.dep_ in ("nsubj", "csubj") for c in t.children)
    ]
    return cands[-1] if cands else None


def _colon_before(doc: Doc, qspan: Span, in_quote: list[int]) -> int | None:
    """The index of a colon (outside quotations) before the quote's opening mark and any
    space."""
    k = qspan.start - 2
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or not doc[k].text.endswith(":") or in_quote[k] >= 0:
        return None
    return k


def _cue_before(self, doc: Doc, qspan: Span, in_quote: list[int]) -> Token | None:
    """A quote cue before the quote in its sentence (or the one before: spaCy sometimes starts a
    sentence at the quote after "X said:"), within 30 tokens and the paragraph, with only its
    objects, addressee or a "that" between ("X told reporters, “…”", "X said that “…”")."""
    start = qspan.start - 1
    sent_start = qspan[0].sent.start
    lo = (
        sent_start
        if sent_start < start
        else (doc[sent_start - 1].sent.start if sent_start > 0 else sent_start)
    )
    lo = max(lo, start - 30)
    for t in reversed(doc[lo : max(start, 0)]):
        if in_quote[t.i] >= 0 or t.text == "\n" or "\n\n" in t.text:
            return None
        args = self._args(t)
        if args and "quote" in args:
            return t if all(_before_quote_ok(t, x) for x in doc[t.i + 1 : qspan.start]) else None
    return None


def _before_quote_ok(cue: Token, x: Token) -> bool:
    """``x`` may stand between a cue and its quote: punctuation, "that", or a part of the cue's
    object, addressee or adverbial ("told reporters on Monday")."""
    deps = ("dobj", "dative", "prep", "npadvmod")
    return (
        x.is_punct
        or x.is_space
        or x.lower_ == "that"
        or (x.head.i == cue.i and x.dep_ in (*deps, "advmod", "prt"))
        or any(a.head.i == cue.i and a.dep_ in deps for a in x.ancestors)
    )
