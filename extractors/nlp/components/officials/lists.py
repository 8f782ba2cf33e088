"""Names listed under a plural title, each with the title of its group.

"sub-inspectors A, B, ASI C, D and E" (a title inside the list starts a new group: C, D and E are
ASIs); "The deputy directors are A (Hyderabad zone), B and C and assistant directors are D";
"Sub-Inspectors A and B; ASI C; and Head Constables D, E". A listed name has two words or more
("A, Convener, APHC" is an apposition, not a list); anything else ends the list.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.nlp.components.officials.lexicon import Lexicon


def listed_names(lex: Lexicon, doc: Doc, ents: list[Span], taken: set[int]) -> list[tuple[Span, Span]]:
    """(name, title) for every name in a list opened by a plural title that is not a past role
    ("former sub-inspectors")."""
    titles = {e.start: e for e in ents if e.label_ == "TITLE"}
    out: list[tuple[Span, Span]] = []
    done: set[int] = set()
    for first in titles.values():
        if not lex.is_plural(first) or first.start in done or lex.is_former(doc, first.start - 1):
            continue
        out.extend(_list_under(lex, doc, first, titles, taken, done))
    return out


def _list_under(
    lex: Lexicon, doc: Doc, first: Span, titles: dict[int, Span], taken: set[int], done: set[int]
):
    """The names after one plural title, group by group; records the titles used in ``done``."""
    cur, i, n = first, first.end, len(doc)
    while i < n:
        done.add(cur.start)
        if doc[i].lower_ in lex.skip_words("list_opener") or doc[i].text == ":":
            i += 1
        while i < n and lex.is_honorific_word(doc[i]):
            i += 1
        j = lex.name_run_end(doc, i, taken)
        if j - i < 2 or doc[i:j].text.lower() in lex.places:
            return
        yield Span(doc, i, j, label="PERSON"), cur
        i = _after_posting(doc, j)
        if i is None:
            return
        k = _after_separator(doc, i)
        if k in titles:
            cur = titles[k]
            i = cur.end
        elif doc[i : i + 1].text == ";" or k == i:
            return  # "…; the rest were released": a group ends at a semicolon; names need a separator
        else:
            i = k


def _after_posting(doc: Doc, i: int) -> int | None:
    """Past a name's posting in brackets ("A (Hyderabad zone)"); None for an unclosed bracket."""
    if i < len(doc) and doc[i].text == "(":
        close = next((k for k in range(i + 1, min(i + 8, len(doc))) if doc[k].text == ")"), None)
        return None if close is None else close + 1
    return i


def _after_separator(doc: Doc, i: int) -> int:
    """Past the separator between listed names: ",", ";", "and", "the" (", and the")."""
    n = len(doc)
    if i < n and doc[i].text in (",", ";"):
        i += 1
    if i < n and doc[i].lower_ == "and":
        i += 1
    if i < n and doc[i].lower_ == "the":
        i += 1
    return i
