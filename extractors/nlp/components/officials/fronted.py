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


def fronted(ctx: Context, span: Span) -> Found | None:
    """The title opening the phrase before ``span``'s comma (honorifics and ranks between), with
    the organisation ``premodifier`` reads at it; the name must close the phrase (a comma, colon or
    verb after it)."""
    doc, lex = ctx.doc, ctx.lex
    k = span.start - 1
    while k >= 0 and lex.is_honorific(doc[k]):
        k -= 1
    if k < 1 or doc[k].text not in (",", ":") or not _closed(span):
        return None
    t = _opening_title(ctx, span.sent.start, k)
    if t is None or lex.is_former(doc, t.start - 1):
        return None
    return premodified(ctx, span, t)


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
        if i in ctx.person_tokens or tok.pos_ in ("VERB", "AUX") or tok.text in _OPENERS:
            break
        e = ctx.ent_at.get(i)
        if e is not None and e.label_ == "TITLE":
            first = e
        i = (e.start if e is not None else i) - 1
    if first is None or comma - i > _MAX_PHRASE:
        return None
    if any(not _before_title(ctx, j) for j in range(i + 1, first.start)):
        return None
    if i >= sent_start and not (doc[i].text in _OPENERS or doc[i].pos_ in ("VERB", "AUX")):
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
