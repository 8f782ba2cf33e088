"""Claim rules: nominal."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractors.nlp.claims.lexicon import _HEADING_WORDS, _SUBJ_DEPS, _TRIM
from extractors.nlp.claims.spans import _Claim, _text


def _nominal(self, doc: Doc, tok: Token) -> _Claim | None:
    """Noun cues (``cue_nouns.csv``): "his view that …", "Trump's call for …", "her plan to …",
    "Rubio's response was that …". The possessor is the source."""
    args = self.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    if not args:
        return None
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if not poss:
        return self._of_the_view(doc, tok)
    src = doc[poss[0].left_edge.i : poss[0].right_edge.i + 1]
    children = sorted(tok.children, key=lambda c: c.i)
    cue_end = tok.idx + len(tok)
    first = last = None
    for c in children:
        if c.i <= tok.i:
            continue
        if (
            "that" in args
            and c.dep_ in ("acl", "ccomp", "relcl")
            and c.left_edge.lower_ == "that"
            and c.left_edge.dep_ == "mark"
        ):
            first, last = doc[c.left_edge.i + 1], c.right_edge
        elif (
            "to" in args
            and c.dep_ in ("acl", "relcl")
            and c.left_edge.lower_ == "to"
            and c.left_edge.i == tok.i + 1
        ):
            first, last = c.left_edge, c.right_edge
        elif c.dep_ == "prep" and "prep:" + c.lower_ in args and c.i == tok.i + 1:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                first, last, cue_end = doc[c.i + 1], c.right_edge, c.idx + len(c)
        if first is not None:
            break
    if first is None and "copula" in args and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        comp = [c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.i > tok.head.i]
        if comp:
            first, last = comp[0].left_edge, comp[0].right_edge
            if first.lower_ == "that" and first.dep_ == "mark":
                first = doc[first.i + 1]
            cue_end = tok.head.idx + len(tok.head)
    if first is None or last.i < first.i:
        return None
    text = _text(doc)
    start, end = first.idx, last.idx + len(last)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    if end - start < 3:
        return None
    return _Claim(tok, tok.idx, cue_end, src, (None, "unnamed"), start, end, False)


def _according(self, doc: Doc, tok: Token) -> _Claim | None:
    if tok.i + 1 >= len(doc):
        return None
    nxt = doc[tok.i + 1]
    if not (
        (tok.lower_ == "according" and nxt.lower_ == "to") or (tok.lower_ == "as" and nxt.lower_ == "per")
    ):
        return None
    pobj = [c for c in nxt.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    src = self._np(pobj[0])
    sent = tok.sent
    if tok.i <= sent.start + 1 and not any(c.dep_ in _SUBJ_DEPS for c in tok.head.children):
        # "According to polls by X, majorities of voters say …": the clause's subject parsed as
        # an apposition of the source's last noun; the source ends at its comma
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
        if app is not None:
            src = doc[src.start : app.left_edge.i - 1]
    if src.end < sent.end - 2 and doc[src.end].text == "," and tok.i <= sent.start + 1:
        start, end = doc[src.end + 1].idx, sent.end_char
    elif tok.i > sent.start + 2:
        start, end = sent.start_char, sent.end_char
        if src.end >= sent.end - 2:  # "…, according to X." : content stops before the cue
            end = doc[tok.i - 1].idx if doc[tok.i - 1].is_punct else tok.idx
    else:
        return None
    text = _text(doc)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    if end - start < 10:
        return None
    return _Claim(tok, tok.idx, nxt.idx + len(nxt), src, (None, "unnamed"), start, end, False)


def _colon_speakers(self, doc: Doc, in_quote: list[int]) -> list[_Claim]:
    """Transcript and headline attributions: a paragraph that opens with a short name and a
    colon ("WALLACE: …", "John McCain: …"). Not a dateline ("ISLAMABAD: …"): places, dates and
    a lone word at the document's start are skipped."""
    out = []
    text = _text(doc)
    person_words: set[str] | None = None
    for tok in doc:
        if not tok.text.startswith(":") or tok.i == 0:
            continue
        start = tok.i
        while (
            start > 0
            and not doc[start - 1].is_space
            and "\n" not in doc[start - 1].text
            and tok.i - start < 6
        ):
            start -= 1
        name = doc[start : tok.i]
        if len(name) > 1 and name[0].text in ('"', "“"):  # a transcript line inside a quotation
            name = name[1:]
        elif in_quote[tok.i] >= 0:
            continue
        if start > 0 and not (doc[start - 1].is_space or "\n" in doc[start - 1].text):
            continue
        if not 1 <= len(name) <= 5 or not name[0].is_title and not name[0].is_upper:
            continue
        if name[-1].lower_ in _HEADING_WORDS or name[0].lower_ == "follow":
            continue  # "Editor's note: …", "CORRECTION: …", "Follow X on Twitter: …"
        if any(t.pos_ in ("VERB", "AUX") or t.is_punct or t.like_num for t in name):
            continue
        # the headline (the document's first line) names its speaker with one capitalised word
        # the tagger often takes for a common noun ("Poll: …", "Issa: …", "Sanders: …")
        headline_word = (
            len(name) == 1
            and name[0].is_title
            and name[0].is_alpha
            and name[0].pos_ not in ("INTJ", "ADV", "PRON", "DET")
            and "\n" not in text[: name.start_char]
        )
        # so does a transcript's surname ("MATTHEWS: …", "Lopez: …") of a person the text names
        if person_words is None:
            person_words = {
                t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_alpha and len(t) > 2
            }
        surname = (
            len(name) == 1
            and name[0].is_alpha
            and (name[0].is_title or name[0].is_upper)
            and name[0].lower_ in person_words
        )
        if not (headline_word or surname or any(t.pos_ == "PROPN" for t in name)) or any(
            t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "NORP", "FAC") for t in name
        ):
            continue
        if len(name) == 1 and name[0].is_upper and not text[: name.start_char].strip(' "“'):
            continue  # "ISLAMABAD: …" opening a news story
        para_end = text.find("\n", tok.idx)
        para_end = len(text) if para_end == -1 else para_end
        s, e = tok.idx + len(tok), para_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1] in " \t.":
            e -= 1
        if e - s < 10:
            continue
        out.append(_Claim(tok, tok.idx, tok.idx + 1, name, (None, "unnamed"), s, e, False))
    return out
