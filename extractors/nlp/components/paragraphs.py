"""``tipwatch_paragraphs_v1``: a blank line always starts a new sentence.

Headlines, datelines ("ISLAMABAD:") and PDF headings carry no final full stop, so the parser
would glue them to the next paragraph and evidence sentences would swallow the headline. Runs
before the parser, which keeps preset sentence starts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBreaks:
    def __init__(self, name: str, min_newlines: int):
        self.name = name
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= self.min_newlines:
                doc[tok.i + 1].is_sent_start = True
        return doc


@Language.factory(
    "tipwatch_paragraphs_v1", assigns=["token.is_sent_start"], default_config={"min_newlines": 2}
)
def make_paragraph_breaks(nlp: Language, name: str, min_newlines: int) -> ParagraphBreaks:
    return ParagraphBreaks(name, min_newlines)
