"""Where a news text's headline block ends: the lines a text opens with before its body.

A news text is stored as "headline\\n\\nbody" (:mod:`extractors.parse.news`), often after page
furniture a copied page keeps ("Advertisement", "Are you sure?", a byline, "What you need to
know:" with its summary bullets). The headline block is every line from the start of the text
up to the first body line. A body line ends its sentence with a full stop (closing quotes and
brackets aside) or runs longer than :data:`BODY_WORDS` words; a headline, a kicker or a bullet
does neither ("Report: Hungary on 'watch list' for human trafficking", "Bangladesh on Tier 2
Watch list!"). A text with no body line has no headline block: all it has is its body (a quote,
a fragment).
"""

from __future__ import annotations

import re

# a line this long is a paragraph of the body even without a full stop (a truncated lead)
BODY_WORDS = 30
# at most this many non-empty lines open a text before its body (headline, kicker, dek, furniture)
MAX_HEAD_LINES = 8
_ENDS_SENTENCE = re.compile(r"[.…]['\"”’)\]]*\s*$")


def is_body_line(line: str) -> bool:
    """``line`` (not empty) is a paragraph of the body: it ends with a full stop, or it is long."""
    return bool(_ENDS_SENTENCE.search(line)) or len(line.split()) > BODY_WORDS


def headline_end(text: str) -> int:
    """The character offset where the text's headline block ends (0 when it has none): the start
    of the first body line, when at most :data:`MAX_HEAD_LINES` non-empty lines come before it."""
    pos, heads = 0, 0
    for line in text.split("\n"):
        if line.strip():
            if is_body_line(line.strip()):
                return pos
            heads += 1
            if heads > MAX_HEAD_LINES:
                return 0
        pos += len(line) + 1
    return 0
