"""The prosecution service a prosecutor works for when the title names no body: "X, the public
prosecutor", "stated Chief Prosecutor X" in a story that names the Public Prosecution or the Public
Prosecutor's Office elsewhere (models/gold/README.md: the organisation is the body the role belongs
to, implied by the title where it is not written at it).
"""

from __future__ import annotations

from extractors.nlp.components.officials.canonical import named_agencies
from extractors.nlp.components.officials.context import Context


def prosecution_body(ctx: Context) -> str | None:
    """The first agency the document names whose name holds a prosecution word (``role_cues.csv``
    ``prosecution_word``: "Public Prosecution", "Crown Prosecution Service"), not a court (courts try
    cases, prosecutors bring them); None when it names none."""
    words = ctx.lex.skip_words("prosecution_word")
    for name, info, name_words in named_agencies(ctx.doc):
        if info.get("kind") != "court" and any(w in words for w in name_words):
            return name
    return None
