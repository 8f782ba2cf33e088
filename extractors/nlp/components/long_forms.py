"""The long form written before a bracketed acronym ("British Bankers' Association (BBA)").

Read by :mod:`acronyms` (``tipwatch_acronyms_v1``): the capitalised words, connectors, hyphenated
pieces and possessives before "(ACR)" whose initials spell the acronym.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.nlp.tokens import possessive_mark

CONNECTORS = {"of", "for", "and", "on", "the", "in", "to", "&", "against"}


def _initials_match(words: list[str], acronym: str) -> bool:
    letters = [c for c in acronym if c.isupper()]
    initials = [w[0].upper() for w in words if w[:1].isalpha()]
    content = [w[0].upper() for w in words if w[:1].isupper()]
    if not letters or not initials or initials[0] != letters[0] and content[:1] != letters[:1]:
        return False
    # Letters appear in order among the initials (connectors may or may not contribute one).
    it = iter(initials)
    return all(ch in it for ch in letters) and len(content) >= len(letters) - 2


def _hyphenated(doc: Doc, i: int) -> bool:
    """Token ``i`` is inside a hyphenated name ("Paigham-i-Aman", "Jamaat-e-Islami"): a hyphen
    between letters, or a word joined to one."""
    tok = doc[i]
    if tok.text == "-":  # joins a capitalised word or an inner piece ("Paigham-i-Aman"), not "state-run"
        return (
            0 < i < len(doc) - 1
            and doc[i - 1].is_alpha
            and doc[i + 1].is_alpha
            and not tok.whitespace_
            and (doc[i - 1].is_title or (i >= 2 and doc[i - 2].text == "-"))
        )
    # a lower-case inner piece between two hyphens ("-i-", "-e-")
    return (
        tok.is_alpha
        and 0 < i < len(doc) - 1
        and doc[i - 1].text == "-"
        and doc[i + 1].text == "-"
        and not tok.whitespace_
        and not doc[i - 1].whitespace_
    )


def _long_form_word(doc: Doc, k: int) -> bool:
    """A word of a long form: capitalised, an acronym, a connector, a hyphenated piece or a possessive."""
    tok = doc[k]
    return (
        tok.is_title
        or tok.is_upper
        or tok.lower_ in CONNECTORS
        or _hyphenated(doc, k)
        or possessive_mark(doc, k)
    ) and tok.text not in ("(", ",")


def _long_form_start(doc: Doc, open_: int, acronym: str, ent_at: dict[int, Span]) -> int | None:
    """Start of the long form before "(ACR)": capitalised words, connectors, hyphenated pieces and
    possessives ("British Bankers' Association") (at most twelve), trimmed to the longest suffix whose initials still match (drops "Speaking
    at the ..."), or to the first that spells it exactly; None when there is none, or it holds
    a title or a person."""
    start = open_
    while start > 0 and _long_form_word(doc, start - 1) and open_ - start < 12:
        start -= 1
    start = _past_owner(doc, start, open_, ent_at)
    while start < open_ and doc[start].lower_ in CONNECTORS:
        start += 1
    if start == open_ or any(
        ent_at.get(i) is not None and ent_at[i].label_ in ("TITLE", "PERSON") for i in range(start, open_)
    ):
        return None
    found = [
        s
        for s in range(start, open_)
        if doc[s].lower_ not in CONNECTORS
        and not possessive_mark(doc, s)  # "Kenya's [National Police Service] (NPS)"
        and _initials_match([t.text for t in doc[s:open_]], acronym)
    ]
    # A suffix whose capitalised words spell the acronym exactly is the name, not the longer run
    # before it ("Northumbria Police and the [North East Regional Special Operations Unit] (NERSOU)").
    exact = [s for s in found if _spelt(doc[s:open_], acronym)]
    return exact[0] if exact else found[0] if found else None


def _is_person(ent: Span | None) -> bool:
    return ent is not None and ent.label_ in ("TITLE", "PERSON")


def _past_owner(doc: Doc, start: int, open_: int, ent_at: dict[int, Span]) -> int:
    """``start``, or the token after the last possessive with a person or a title before it: the
    body of a person or an office holder is named after the owner ("Lord Woolf's [Sentencing
    Guidelines Council] (SGC)", "Director General of Saudi Arabia's [General Authority of Civil
    Aviation] (GACA)")."""
    for k in range(open_ - 1, start, -1):
        if possessive_mark(doc, k) and any(_is_person(ent_at.get(i)) for i in range(start, k)):
            return k + 1
    return start


def _spelt(span: Span, acronym: str) -> bool:
    """The capitalised words of ``span`` begin with the acronym's capitals, one each, in order."""
    return [t.text[0] for t in span if t.text[:1].isupper()] == [c for c in acronym if c.isupper()]
