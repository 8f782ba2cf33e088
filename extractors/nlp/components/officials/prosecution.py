"""The prosecution service a prosecutor works for when the title names no body: "X, the public
prosecutor", "stated Chief Prosecutor X" in a story that names the Public Prosecution or the Public
Prosecutor's Office elsewhere (models/gold/README.md: the organisation is the body the role belongs
to, implied by the title where it is not written at it).
"""

from __future__ import annotations

import re

from extractors.nlp.components.entities import AGENCY_INFO
from extractors.nlp.components.officials.canonical import ent_name
from extractors.nlp.components.officials.context import Context


def prosecution_body(ctx: Context) -> str | None:
    """The first agency the document names whose name holds a prosecution word (``role_cues.csv``
    ``prosecution_word``: "Public Prosecution", "Crown Prosecution Service"), not a court (courts try
    cases, prosecutors bring them); None when it names none."""
    words = ctx.lex.skip_words("prosecution_word")
    kinds = ctx.doc.user_data.get(AGENCY_INFO, {})
    for e in ctx.doc.ents:
        if e.label_ != "AGENCY":
            continue
        name = ent_name(e)
        if kinds.get(name, {}).get("kind") == "court":
            continue
        if any(w in words for w in re.findall(r"[a-z]+", name.lower())):
            return name
    return None
