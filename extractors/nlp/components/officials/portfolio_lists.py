"""A minister's portfolio written as a list between the title and the name.

"Minister for Local Government, Housing and Town Planning Saeed Ghani", "Minister for Science,
Technology, and Federal Education, Dr Maqbool Siddiqui", "Minister for Investment, Qaiser Ahmed
Sheikh": the model often reads the last portfolio and the name as one organisation, so the name is
found by the words, not the model's spans. A list is capitalised portfolio words
(``Lexicon.portfolio_words``: ``patterns/portfolio_words.txt`` and the words of
``gazetteers/portfolios.csv``) joined by commas, "and" or "&"; it ends at the first other word,
where the name (or a comma and the name) starts.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.nlp.components.officials.lexicon import Lexicon

_JOINERS = {",", "and", "&"}


def portfolio_list_end(lex: Lexicon, doc: Doc, i: int, tid: str) -> int | None:
    """The token after a portfolio list that starts at ``i`` (the word after "for"/"of") of a
    title ``tid`` that takes portfolios; None when ``doc[i]`` starts no list."""
    if not lex.info(tid).get("portfolio_body"):
        return None
    end = None
    j = i
    while j < len(doc) and _portfolio_word(lex, doc[j]):
        while j < len(doc) and _portfolio_word(lex, doc[j]):
            j += 1
        end = j
        k = j
        while k < len(doc) and doc[k].lower_ in _JOINERS:
            k += 1  # ", and" joins like "and"
        if k == j or k >= len(doc) or not _portfolio_word(lex, doc[k]):
            break
        j = k
    return end


def _portfolio_word(lex: Lexicon, tok) -> bool:
    return tok.is_title and tok.is_alpha and tok.lower_ in lex.portfolio_words


def list_before_name(lex: Lexicon, doc: Doc, end: int, ent_at: dict) -> int | None:
    """The "for"/"of" before a portfolio list that ends at token ``end`` (exclusive) right after
    a title that takes portfolios, reading back from the name; None when there is no such list."""
    j = end
    while j > 0 and (_portfolio_word(lex, doc[j - 1]) or doc[j - 1].lower_ in _JOINERS):
        j -= 1
    while j < end and not _portfolio_word(lex, doc[j]):
        j += 1  # the list starts with a portfolio word, not a comma
    title = ent_at.get(j - 2) if j >= 2 else None
    if j == end or doc[j - 1].lower_ not in ("for", "of") or title is None or title.label_ != "TITLE":
        return None
    return j - 1 if portfolio_list_end(lex, doc, j, title.ent_id_) == end else None


def past_portfolio_lists(lex: Lexicon, doc: Doc, ents: list[Span], names: list[Span]) -> list[Span]:
    """``names`` without the words of a portfolio list after a title: the model's "Families
    Margaret Hodge" is "Margaret Hodge" and its "Young People" no name ("Minister for Children,
    Young People and Families Margaret Hodge")."""
    lists = []
    for e in ents:
        if e.label_ == "TITLE" and e.end < len(doc) and doc[e.end].lower_ in ("for", "of"):
            end = portfolio_list_end(lex, doc, e.end + 1, e.ent_id_)
            if end is not None:
                lists.append((e.end + 1, end))
    out = []
    for s in names:
        cut = next((end for start, end in lists if start <= s.start < end), None)
        if cut is None:
            out.append(s)
        elif cut < s.end:
            out.append(Span(doc, cut, s.end, label=s.label_))
    return out
