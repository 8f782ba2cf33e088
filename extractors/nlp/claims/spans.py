"""Spans the claim rules share: quotations and heading lines of a text, the claim record
(:class:`_Claim`) and its trimming, the cue arguments of a token, and the source noun phrase
(:func:`_np`) with what comes off it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import (
    _CREDENTIAL_VERBS,
    _DATELINE,
    _QUOTES_KEY,
    _SETTING_NOUNS,
    _TEXT_KEY,
    _TIME_LINKS,
    _TIME_WORDS,
    _TRIM,
    _TRIM_CLAUSES,
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation: “…”, "…" and ASCII ''…''.

    Per paragraph (line). A paragraph with a stray closing mark is skipped, except that ” typed
    where a quotation opens (after a space or colon, before a letter) opens it; a quotation still
    open at the end of its paragraph runs to that end (a quote over several paragraphs reopens
    each one).
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        found = _paragraph_quotes(para)
        if found is not None:
            spans.extend((offset + s, offset + e) for s, e in found if e > s)
        offset += len(para) + 1
    return spans


def _paragraph_quotes(para: str) -> list[tuple[int, int]] | None:
    """The quotations of one paragraph (offsets into it); None when its marks do not balance."""
    found: list[tuple[int, int]] = []
    i, n = 0, len(para)
    while i < n:
        ch = _mark_at(para, i)
        if ch == "''":
            close = para.find("''", i + 2)
            end = close if close != -1 else n
            found.append((i + 2, end))
            i = end + 2
        elif ch in '“"':
            end = _closing(para, i, ch)
            if end is None:
                return None
            found.append((i + 1, end))
            i = end if _reopens(para, end) else end + 1
        elif ch == "”":
            return None
        else:
            i += 1
    return found


def _mark_at(para: str, i: int) -> str:
    """The character at ``i``, with two ASCII apostrophes read as one mark and a closing mark
    typed where an opening one belongs (” No single agency …”) read as “."""
    ch = para[i]
    if ch == "'" and para.startswith("''", i):
        return "''"
    if ch == "”" and (i == 0 or para[i - 1] in " :(") and i + 1 < len(para) and para[i + 1].isalnum():
        return "“"
    return ch


def _closing(para: str, i: int, ch: str) -> int | None:
    """Where the quotation opened by ``ch`` at ``i`` closes (the paragraph's end when it does
    not), or where a new one opens after a sentence end (:func:`_reopens`); None for “ … “
    (unbalanced)."""
    close = _mixed_close(para, i, ch, para.find("”" if ch == "“" else '"', i + 1))
    if ch == "“":
        reopen = para.find("“", i + 1)
        if reopen != -1 and (close == -1 or reopen < close):
            return reopen if _reopens(para, reopen) else None
    return close if close != -1 else len(para)


def _mixed_close(para: str, i: int, ch: str, close: int) -> int:
    """A quotation opened with one kind of mark and closed with the other (“…," and "…”, as
    texts pasted from several sources have them): the other kind's mark closes it when it comes
    first and cannot pair with its own kind (an odd number of ", more ” than “)."""
    if ch == "“" and para.count('"') % 2:
        other = para.find('"', i + 1)
    elif ch == '"' and para.count("”") > para.count("“"):
        other = para.find("”", i + 1)
    else:
        return close
    return other if other != -1 and (close == -1 or other < close) else close


def _reopens(para: str, k: int) -> bool:
    """The mark at ``k`` opens a new quotation of the same speaker after a sentence end, the
    previous one left open: a quote over several paragraphs whose paragraph breaks were lost
    ("“A. “B.”", '"A. "B," he said')."""
    return (
        0 < k < len(para) - 1
        and para[k] in '“"'
        and para[k - 1] == " "
        and para[: k - 1].rstrip()[-1:] in (".", "?", "!")
        and (para[k + 1].isalnum() or para[k + 1] in "‘'")
    )


def _heading_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of summary bullets and subheadings: a line opening with a bullet ("• NA panel
    instructs NHA to …") or a short line with no closing punctuation and no quotation ("Says rights
    of … are fundamental, but not absolute", "…, say officials"). They sum up the story; the
    statements they sum up are annotated where the story makes them."""
    spans, offset = [], 0
    if "\n" not in text.strip():
        return spans  # a single paragraph is the text itself, not a heading over it
    lines = text.split("\n")
    for i, line in enumerate(lines):
        s = line.strip()
        # a paragraph of its own (blank lines around it), not a hard-wrapped line of a sentence
        alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
        if s and (
            s[0] in "•·▪●"
            or (
                alone
                and len(s.split()) < 25
                and not re.search(r"[.?!:;\"”’')\]]$", s)
                and not re.search(r"[“”\"―]", s)
            )
        ):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _text(doc: Doc) -> str:
    """The doc's text, computed once per doc (``Doc.text`` joins every token on each access)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or not len(doc) or len(cached) != doc[-1].idx + len(doc[-1].text_with_ws):
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def _trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """A quotation's content without edge spaces and trailing commas; its final full stop goes
    too unless the quotation has several sentences (the news guideline)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    if end > start and text[end - 1] == "." and not re.search(r"[.?!] ", text[start : end - 1]):
        end -= 1
    return start, end


def _trim_content(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A content span without edge spaces and punctuation (:data:`_TRIM`), a final full stop,
    and what opens the text before it: a title line with no closing punctuation ("India to
    increase prosecution\nThe report said …") or a dateline (``dateline`` in the lexicon)."""
    text = _text(doc)
    start = _after_opening(text, start, end)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    return start, end


def _after_opening(text: str, start: int, end: int) -> int:
    """``start`` moved past a title line or dateline when the content starts the text."""
    if text[:start].strip():
        return start
    first_line = text.find("\n", start, end)
    if first_line != -1 and not re.search(r"[.?!:;\"”’')\]]\s*$", text[start:first_line]):
        start = first_line + 1
        while start < end and text[start].isspace():
            start += 1
        return start
    m = _DATELINE.match(text, start, end)
    return m.end() if m else start


@dataclass
class _Claim:
    cue: Token  # the cue's head token (verb, "according")
    cue_start: int
    cue_end: int
    src: Span | None  # source span in the text (None: no source)
    speaker: tuple[str | None, str]
    start: int
    end: int
    direct: bool

    def cue_text(self) -> str:
        """The cue as the claims table shows it: the verb group without its adverbs, and without
        the auxiliaries before an adverb ("also said", "had also said", "have repeatedly denied"
        -> "said", "denied"; "has said" stays); the offsets keep the whole group (PolNeAR's cue
        span)."""
        doc = self.cue.doc
        span = doc.char_span(self.cue_start, self.cue_end, alignment_mode="expand")
        start = self.cue_start
        if span is not None:
            before = [t for t in span if t.i < self.cue.i]
            # a passive or negated group keeps its auxiliaries ("was earlier informed", "has not
            # yet said"): only its leading adverbs go
            whole = any(t.dep_ in ("auxpass", "neg") for t in before)
            for k, t in enumerate(before):
                if t.dep_ == "advmod" and not (whole and any(x.dep_ != "advmod" for x in before[:k])):
                    start = t.idx + len(t)
        return _text(doc)[start : self.cue_end].strip()

    def as_dict(self) -> dict:
        speaker, kind = self.speaker
        return {
            "speaker": speaker,
            "speaker_kind": kind,
            "speaker_start": self.src.start_char if self.src is not None else None,
            "speaker_end": self.src.end_char if self.src is not None else None,
            "cue": self.cue_text(),
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
        }


def _parse_args(value: str) -> frozenset[str]:
    return frozenset(a.strip() for a in value.split("|") if a.strip())


def _args(self, tok: Token) -> frozenset[str] | None:
    if (
        tok.pos_ == "ADJ"
        and tok.lower_.endswith("ed")
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    ):
        # "The committee was earlier informed that …" with the participle tagged an adjective
        return next(
            (self.cues[k] for k in (tok.lemma_.lower(), tok.lower_[:-1], tok.lower_[:-2]) if k in self.cues),
            None,
        )
    if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.lemma_ == "say"):
        return None
    return self.cues.get(tok.lemma_.lower())


def _quoted(subj: Token, verb: Token) -> bool:
    """The subject stands inside a quotation that closes before its verb ("“… we will …,”
    X said")."""
    if subj.i > verb.i or subj.dep_ != "nsubj":
        return False  # (a quoted title can be a passive subject: "“Born to Run” was written by …")
    doc = subj.doc
    text = _text(doc)
    cached = doc.user_data.get(_QUOTES_KEY)
    if cached is None or cached[0] != len(text):
        cached = doc.user_data[_QUOTES_KEY] = (len(text), quote_spans(text))
    last = subj.right_edge
    return any(qs <= subj.left_edge.idx and last.idx + len(last) <= qe <= verb.idx for qs, qe in cached[1])


def _after_quote(subj: Token, verb: Token) -> Token | None:
    """The head of the noun phrase between the quotation holding ``subj`` and ``verb``, if
    nothing else (no verb) stands there."""
    doc = subj.doc
    quotes = doc.user_data.get(_QUOTES_KEY, (0, []))[1]
    qe = next((qe for qs, qe in quotes if qs <= subj.idx < qe <= verb.idx), None)
    if qe is None:
        return None
    region = [t for t in doc[subj.i : verb.i] if t.idx >= qe and not t.is_punct and not t.is_space]
    lo = region[0].i if region else verb.i
    name = next((t for t in region if t.pos_ in ("PROPN", "NOUN") and not lo <= t.head.i < verb.i), None)
    if name is None or any(
        t.pos_ in ("VERB", "AUX") and not name.left_edge.i <= t.i <= name.right_edge.i for t in region
    ):
        return None  # (a verb of its own, as in "Mr. X, now retired in Y, said", may sit inside the phrase)
    return name


def _np(self, head: Token) -> Span:
    """The source noun phrase headed by ``head``: its subtree with its modifiers ("Scott Pruitt,
    the attorney general of Oklahoma", "X, who is a lawyer,"), after a dateline and without the
    parts :data:`_NP_CUTS` take off its end, edge punctuation or a focusing "even"."""
    doc = head.doc
    start, end = _after_dateline(head), head.right_edge.i + 1
    for cut in _NP_CUTS:
        end = cut(self, head, start, end)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    # a focusing "even" is not part of the name ("Even China said", "even some of his admirers
    # agree"; PolNeAR train: out 13 of 14)
    if start < head.i and doc[start].lower_ == "even" and doc[start].dep_ == "advmod":
        start += 1
    return doc[start:end] if end > start else doc[head.i : head.i + 1]


def _after_dateline(head: Token) -> int:
    """Where the phrase starts after a dateline or misparsed opening before the subject
    ("ISLAMABAD, Jan 30 (APP): Minister X said", "RENO, Nev. (AP) — X says", a list number on its
    own line). A line break inside a clause after the head is no dateline."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    for t in doc[start : head.i]:
        if t.i < end - 1 and (
            ":" in t.text
            or (
                t.text in ("—", "–", "--", "-") and t.i > start and t.whitespace_ and doc[t.i - 1].whitespace_
            )
            or "\n" in t.text
        ):
            start = t.i + 1
    return start


def _incidental_clause(self, head: Token, start: int, end: int) -> int:
    """An incidental relative or participle clause after the name is not part of the source
    ("Barkley, who said he …, says"; "Rubio, speaking at a rally, said"); a clause giving the
    source's role or credentials stays ("…, who served as ambassador, said", "…, who is a
    lawyer, said")."""
    doc = head.doc
    for c in head.children:
        if (
            c.dep_ in _TRIM_CLAUSES
            and c.i > head.i
            and doc[c.left_edge.i - 1].text == ","
            and c.right_edge.i + 1 >= end - 1
            and c.lemma_ not in _CREDENTIAL_VERBS
        ):
            end = min(end, c.left_edge.i - 1)
    return end


def _floating_word(self, head: Token, start: int, end: int) -> int:
    """Nor is a floating quantifier ("Richards and Menendez both said"; PolNeAR keeps "Obama
    himself"), nor a headline after a colon ("Paul Ryan: FBI Decision Defies Explanation")."""
    doc = head.doc
    for c in head.children:
        if (
            c.i > head.i
            and c.dep_ in ("appos", "advmod", "det")
            and c.right_edge.i + 1 >= end - 1
            and (
                (c.i == c.right_edge.i and c.lower_ in ("both", "all", "each"))
                or doc[c.left_edge.i - 1].text == ":"
            )
        ):
            end = min(end, c.left_edge.i)
    return end


def _reporting_clause(self, head: Token, start: int, end: int) -> int:
    """Nor a clause reporting what a noun inside the phrase said (", who also said that …",
    ", which expects 5,000 to attend"): another attribution, not a description."""
    doc = head.doc
    for d in doc[head.i + 1 : end]:
        if (
            d.dep_ == "relcl"
            and d.head.i != head.i
            and doc[d.left_edge.i - 1].text == ","
            and d.right_edge.i + 1 >= end - 1
            and d.lemma_.lower() in self.cues
            and any(c.dep_ == "ccomp" for c in d.children)
        ):
            end = min(end, d.left_edge.i - 1)
    return end


def _setting(self, head: Token, start: int, end: int) -> int:
    """Nor a parenthetical setting ("The president, in his message, said"), nor the statement or
    call it spoke in, written without commas at the end of the phrase ("Sharifi in a conference
    call said"; ``setting_nouns``)."""
    doc = head.doc
    for c in head.children:
        if (
            c.dep_ == "prep"
            and c.i > head.i
            and c.i - 1 >= start
            and doc[c.i - 1].text == ","
            and c.lower_ in ("in", "at", "during", "on", "while", "after", "like", "unlike")
        ):
            end = min(end, c.i - 1)
        elif (
            c.dep_ == "prep"
            and c.lower_ == "in"
            and c.i > head.i
            and c.right_edge.i + 1 >= end
            and any(o.dep_ == "pobj" and o.lower_ in _SETTING_NOUNS for o in c.children)
        ):
            end = min(end, c.i)
    return end


def _when_spoken(self, head: Token, start: int, end: int) -> int:
    """Nor when it spoke: "a poll released in late August", "doctors in 2015"."""
    for c in head.children:
        if c.i > head.i and c.right_edge.i + 1 >= end and c.left_edge.i > start:
            if c.dep_ == "prep" and any(
                g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj"
            ):
                end = min(end, c.left_edge.i)
    return end


def _time_tail(self, head: Token, start: int, end: int) -> int:
    """Nor a day written after it APP style, with "here"/"on" joining it ("The Government of
    Sweden Monday announced", "an ANF Headquarters spokesman here on Monday said", "The ministry
    today said"; ``time_words.txt``). Only a day hanging from the head noun: one a participle
    governs ("The guidance published on Tuesday") or a name ("a poll for the Independent on
    Sunday") stays."""
    doc = head.doc
    cut = end
    while cut - 1 > head.i and _time_word(doc[cut - 1], _TIME_WORDS):
        cut -= 1
    while cut < end and cut - 1 > head.i and _time_word(doc[cut - 1], _TIME_LINKS):
        cut -= 1
    if cut == end:
        return end
    top = doc[cut]
    while cut <= top.head.i < end and top.head.i != top.i:
        top = top.head
    return cut if top.head.i == head.i else end


def _time_word(tok: Token, words: set[str]) -> bool:
    return tok.lower_ in words and tok.ent_type_ in ("", "DATE", "TIME")


def bare_time(tok: Token) -> bool:
    """``tok`` is a time word alone ("today said" parsed as the subject of "said")."""
    return tok.lower_ in _TIME_WORDS and tok.n_lefts + tok.n_rights == 0


# what comes off the end of a source phrase, in this order (each sees the end the one before left)
_NP_CUTS = (_incidental_clause, _floating_word, _reporting_clause, _setting, _when_spoken, _time_tail)
