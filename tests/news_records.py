"""Records of one short news text through the real parser and pipeline, for the tests that pin a
construction with its exact rows (shared so that every officials test reads them the same way)."""

from __future__ import annotations

from extractors.extract import extract_documents
from extractors.parse.news import parse_text


def officials(nlp, text: str) -> set[tuple]:
    """(name, title, organisation) of every official in ``text``, stored under a one-word headline
    as a news page is ("Headline\\n\\nbody"), so the text is all body."""
    document = parse_text(f"Headline\n\n{text}".encode(), source="test")
    [(_, records)] = list(extract_documents([document], nlp))
    return {(o.name, o.title, o.organisation) for o in records.officials}
