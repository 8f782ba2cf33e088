"""A title phrase written before the name and closed by a comma: "Principal Secretary for the State
Department for Children Services, Carren Ageng'o, echoed …", "The director of Thailand's Division of
Special Investigation (DSI), Suwana Suwanchutha, announced …", "Interpol's executive director of
police services, Tim Morris, said …", "the Minister of Justice and Human Rights of Bonaerense: Julio
Alak, and …". The phrase is the name's apposition: it opens a clause (the sentence, a quote, a
comma, a verb, "by" or "to"), starts with its title (past a determiner, a possessor or a body named
before it) and holds no verb, no other person and no clause break before the name's comma.

``premodifier.title_before`` walks back from the name over the pieces it knows (an agency, a
portfolio, "of the"); a phrase with anything else between (a body in lower case, "'s", "to PNG",
"in the Ministry of Interior") stops it. This construction reads the whole phrase instead; it is
tried only when no construction before it found a role.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.nlp.components.officials.context import Context, Found
from extractors.nlp.components.officials.premodifier import premodified

# punctuation that opens the clause the title phrase starts (a comma or colon closes it)
_OPENERS = {",", ";", ":", '"', "“", "”", "‘", "—", "–"}
# words after which a title phrase is the holder's own, not another word's object ("the wife of")
_OPEN_WORDS = {"by", "to"}
# the longest phrase read back from the name's comma (Tim Morris' phrase has 6 tokens, Musaddiq's 13)
_MAX_PHRASE = 16
# words that tie a title to the body written after it
_BODY_LINKS = {"of", "for", "in", "at"}


def fronted(ctx: Context, span: Span) -> Found | None:
    """The title opening the phrase before ``span``'s comma (honorifics and ranks between), with
    the organisation ``premodifier`` reads at it; the name must close the phrase (a comma, colon or
    verb after it)."""
    doc, lex = ctx.doc, ctx.lex
    k = span.start - 1
    while k >= 0 and lex.is_honorific(doc[k]):
        k -= 1
    if k < 1:
        return None
    if doc[k].text in (",", ":"):
        t = _opening_title(ctx, span.sent.start, k) if _closed(span) else None
    else:
        t = _title_of_body(ctx, span.sent.start, k + 1)
    if t is None or lex.is_former(doc, t.start - 1):
        return None
    return premodified(ctx, span, t)


def _title_of_body(ctx: Context, sent_start: int, end: int) -> Span | None:
    """A title and its body written right before the name with no comma ("Sub Inspector of Police
    X", "AFP Manager for Crime Operations X", "a deputy secretary in the ministry X"): the title
    opening the phrase that ends at ``end``, a link word ("of", "for", "in", "at") right after it
    and only the body's words (capitalised words, entities, links, body nouns) up to the name."""
    doc = ctx.doc
    i = end - 1
    while i >= sent_start and end - i <= _MAX_PHRASE:
        e = ctx.ent_at.get(i)
        if e is not None and e.label_ == "TITLE":
            break
        if not _body_word(ctx, i, e):
            return None
        i = (e.start if e is not None else i) - 1
    t = ctx.ent(i, "TITLE") if i >= sent_start else None
    if t is None or t.end >= end or doc[t.end].lower_ not in _BODY_LINKS:
        return None
    if doc[end - 1].lower_ in _BODY_LINKS or doc[end - 1].lower_ == "the":
        return None  # "a spokesman for Michael Howard", "the MP for Sittingbourne": no body between
    return _opening_title(ctx, sent_start, end) if _opens(ctx, t, sent_start) else None


def _body_word(ctx: Context, i: int, e: Span | None) -> bool:
    """A word of a body's name between a title and the name: an entity (no person), a capitalised
    word no name holds, a link or a body noun ("ministry")."""
    tok = ctx.doc[i]
    if i in ctx.person_tokens or (e is not None and e.label_ in ("PERSON", "DATE", "CARDINAL")):
        return False
    if e is not None or tok.lower_ in _BODY_LINKS or tok.lower_ in ("the", "and", "’s", "'s"):
        return True
    return tok.is_title and tok.is_alpha or tok.lower_ in ctx.lex.org_words


def _opens(ctx: Context, t: Span, sent_start: int) -> bool:
    """The title opens its clause: only a determiner or a body or place before it, back to the
    sentence start, an opening punctuation mark, a verb, "by" or "to"."""
    doc, j = ctx.doc, t.start - 1
    while j >= sent_start and _before_title(ctx, j):
        j -= 1
    return j < sent_start or _opener(doc[j]) or doc[j].pos_ in ("VERB", "AUX") or doc[j].lower_ in _OPEN_WORDS


def _closed(span: Span) -> bool:
    """The name ends its apposition: a comma, colon or verb right after it ("X, said", "X says")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text in (",", ":") or nxt.pos_ in ("VERB", "AUX")


def _opening_title(ctx: Context, sent_start: int, comma: int) -> Span | None:
    """The first title of the phrase ending at ``comma``, when the phrase opens with it."""
    doc, first = ctx.doc, None
    i = comma - 1
    while i >= sent_start and comma - i <= _MAX_PHRASE:
        tok = doc[i]
        if i in ctx.person_tokens or tok.pos_ in ("VERB", "AUX") or _opener(tok):
            break
        if tok.lower_ in _OPEN_WORDS and i not in ctx.ent_at and first is not None:
            break  # "by the Minister of Justice: X"; but "chief of mission to PNG, X" reads on
        e = ctx.ent_at.get(i)
        if e is not None and e.label_ == "TITLE":
            first = e
        i = (e.start if e is not None else i) - 1
    if first is None or comma - i > _MAX_PHRASE:
        return None
    if any(not _before_title(ctx, j) for j in range(i + 1, first.start)):
        return None
    if i >= sent_start and not (_opener(doc[i]) or doc[i].pos_ in ("VERB", "AUX")):
        if doc[i].lower_ not in _OPEN_WORDS:
            return None
    if i >= 0 and i - 1 >= 0 and i - 1 in ctx.person_tokens and doc[i].text == ",":
        return None  # "X, the Minister of Interior, Y": the phrase is X's apposition
    return first


def _before_title(ctx: Context, j: int) -> bool:
    """A token allowed before the phrase's title: a determiner, a possessive marker or a body or
    place named as the title's possessor ("Interpol's", "International Organization of Migration",
    an acronym no entity covers: "AFP's")."""
    tok, e = ctx.doc[j], ctx.ent_at.get(j)
    if e is not None and e.label_ in ("AGENCY", "ORG", "GPE", "NORP", "LOC"):
        return True
    if e is None and tok.pos_ == "PROPN" and not tok.is_lower:
        return True
    return tok.pos_ == "DET" or tok.tag_ == "POS" or tok.lower_ in ("’s", "'s")


def _opener(tok) -> bool:
    """Punctuation or a line break that opens the clause a title phrase starts ("Mission\nThe
    Country Manager of Our Rescue, X, said": a heading before it)."""
    return tok.text in _OPENERS or tok.is_space
