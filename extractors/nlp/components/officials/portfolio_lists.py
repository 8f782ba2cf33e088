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

from spacy.tokens import Doc

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
