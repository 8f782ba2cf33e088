"""Speakers marked by punctuation rather than a cue word: a name and a colon opening a paragraph
("WALLACE: …", "John McCain: …") and a name signing a quotation with a dash ("“…” ― Sonya
Herridge"). Both are whole-document constructions: they take the doc and its quotations and
return claims.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractors.nlp.claims.lexicon import _HEADING_WORDS, _NAME_PARTICLES, _PLACE_NAMES
from extractors.nlp.claims.spans import _Claim, _text, _trim_quote

# entity types that make a label a dateline or a place, not a speaker ("ISLAMABAD: …")
_NOT_SPEAKER_ENTS = ("GPE", "LOC", "DATE", "TIME", "NORP", "FAC")


def colon_speakers(self, doc: Doc, quotes: list[tuple[int, int]], in_quote: list[int]) -> list[_Claim]:
    """Transcript and headline attributions: a paragraph that opens with a short name and a
    colon ("WALLACE: …", "John McCain: …"); the rest of the paragraph is the content. Not a
    dateline ("ISLAMABAD: …"): places, dates and a lone upper-case word at the document's start
    are skipped, and so are labels ("Editor's note: …", "CORRECTION: …", "Follow X on Twitter:
    …")."""
    out = []
    text = _text(doc)
    person_words: set[str] | None = None
    for tok in doc:
        if not tok.text.startswith(":") or tok.i == 0:
            continue
        name = _label_before(doc, tok, in_quote)
        if name is None or not _label_shape(name):
            continue
        if person_words is None:
            person_words = {
                t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_alpha and len(t) > 2
            }
        if not _names_speaker(text, name, person_words):
            continue
        content = _rest_of_paragraph(text, tok)
        if content is not None:
            out.append(_Claim(tok, tok.idx, tok.idx + 1, name, (None, "unnamed"), *content, False))
    return out


def _label_before(doc: Doc, colon: Token, in_quote: list[int]) -> Span | None:
    """The up to six words between the paragraph's start and the colon (a transcript line may
    open a quotation: the mark is not part of the name); None inside a quotation or when the
    words do not open the paragraph."""
    start = colon.i
    while (
        start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].text and colon.i - start < 6
    ):
        start -= 1
    name = doc[start : colon.i]
    if len(name) > 1 and name[0].text in ('"', "“"):  # a transcript line inside a quotation
        name = name[1:]
    elif in_quote[colon.i] >= 0:
        return None
    if start > 0 and not (doc[start - 1].is_space or "\n" in doc[start - 1].text):
        return None
    return name


def _label_shape(name: Span) -> bool:
    """One to five capitalised words with no verb, punctuation or number, not a label such as
    "Editor's note" or "Follow X on Twitter"."""
    if not 1 <= len(name) <= 5 or not name[0].is_title and not name[0].is_upper:
        return False
    if name[-1].lower_ in _HEADING_WORDS or name[0].lower_ == "follow":
        return False
    return not any(t.pos_ in ("VERB", "AUX") or t.is_punct or t.like_num for t in name)


def _names_speaker(text: str, name: Span, person_words: set[str]) -> bool:
    """A proper name, a headline's one capitalised word or a surname of a person the text names
    (see below), and no place, date or nationality (an entity of those types, or a country or
    place of the gazetteers); not a lone upper-case word opening the story ("ISLAMABAD: …")."""
    if name.text.lower() in _PLACE_NAMES:
        return False  # a dateline the tagger took for no place ("KATHMANDU: …", "Kathmandu: …")
    if not (
        _headline_word(text, name)
        or _known_surname(name, person_words)
        or any(t.pos_ == "PROPN" for t in name)
    ) or any(t.ent_type_ in _NOT_SPEAKER_ENTS for t in name):
        return False
    return not (len(name) == 1 and name[0].is_upper and not text[: name.start_char].strip(' "“'))


def _headline_word(text: str, name: Span) -> bool:
    """The headline (the document's first line) names its speaker with one capitalised word the
    tagger often takes for a common noun ("Poll: …", "Issa: …", "Sanders: …")."""
    return (
        len(name) == 1
        and name[0].is_title
        and name[0].is_alpha
        and name[0].pos_ not in ("INTJ", "ADV", "PRON", "DET")
        and "\n" not in text[: name.start_char]
    )


def _known_surname(name: Span, person_words: set[str]) -> bool:
    """So does a transcript's surname ("MATTHEWS: …", "Lopez: …") of a person the text names."""
    return (
        len(name) == 1
        and name[0].is_alpha
        and (name[0].is_title or name[0].is_upper)
        and name[0].lower_ in person_words
    )


def _rest_of_paragraph(text: str, colon: Token) -> tuple[int, int] | None:
    """The paragraph after the colon without edge spaces and a final full stop; None when under
    ten characters."""
    para_end = text.find("\n", colon.idx)
    para_end = len(text) if para_end == -1 else para_end
    s, e = colon.idx + len(colon), para_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " \t.":
        e -= 1
    return None if e - s < 10 else (s, e)


def signed_quotes(self, doc: Doc, quotes: list[tuple[int, int]], in_quote: list[int]) -> list[_Claim]:
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
        src = doc.char_span(close + m.start(2), close + m.end(2), alignment_mode="expand")
        dash = doc.char_span(dash_s, dash_e, alignment_mode="expand")
        if src is None or dash is None or not _signature(src):
            continue
        start, end = _trim_quote(text, qs, qe)
        if end - start < 10:
            continue
        out.append(_Claim(dash[0], dash_s, dash_e, src, (None, "unnamed"), start, end, True))
    return out


def _signature(src: Span) -> bool:
    """One to six words that look like a name: capitalised (name particles such as "de" and
    initials' full stops aside), no verb."""
    if not 1 <= len(src) <= 6:
        return False
    return (
        all(
            t.text[0].isupper() or t.lower_ in _NAME_PARTICLES or (t.text == "." and t.i > src.start)
            for t in src
        )
        and src[0].text[0].isupper()
        and not any(t.pos_ in ("VERB", "AUX") for t in src)
    )
