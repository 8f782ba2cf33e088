"""News articles (plain text or HTML bytes) -> :class:`Document`.

Plain text: the first non-empty line is the headline (kept verbatim, typos included); trailing
site boilerplate ("Load Next Story", ad-script lines, APP author notes) is cut using the regular
expressions in ``models/patterns/boilerplate.txt``; a dateline glued to the first sentence
("ISLAMABAD, Feb 17 (APP):The ...") becomes its own paragraph (``models/patterns/datelines.txt``).
Soft hyphens and zero-width characters go in :func:`extractors.parse.documents.normalize_text`; curly
quotes are kept (claims need them). HTML: trafilatura extracts the main text, title, date and
author; the stored text is "title\\n\\nbody" so the headline is part of the evidence.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractors.assets import MODELS_DIR, read_lines
from extractors.parse.documents import EMPTY, Document, ParseError, decode_text, doc_id_for, normalize_text
from extractors.parse.tip_narratives import is_header_line

BOILERPLATE_FILE = MODELS_DIR / "patterns" / "boilerplate.txt"
DATELINES_FILE = MODELS_DIR / "patterns" / "datelines.txt"
_SITE_SUFFIX = re.compile(r"\s+-\s+[^-]+\s+-\s+DAWN\.COM$|\s+\|\s+[^|]+$")


def boilerplate_patterns(path: Path | str = BOILERPLATE_FILE) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in read_lines(str(path)))


def dateline_patterns(path: Path | str = DATELINES_FILE) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.MULTILINE) for p in read_lines(str(path)))


def split_dateline(text: str, patterns: tuple[re.Pattern, ...] | None = None, *, head_lines: int = 4) -> str:
    """Set a dateline in the first ``head_lines`` lines apart as its own paragraph:
    "ISLAMABAD, Feb 17 (APP):The National Assembly" -> "ISLAMABAD, Feb 17 (APP):\n\nThe National Assembly"."""
    patterns = patterns if patterns is not None else dateline_patterns()
    lines = text.split("\n")
    for n, line in enumerate(lines[:head_lines]):
        if is_header_line(line):
            continue  # "SPECIAL CASE: LIBYA", "UNITED KINGDOM: Tier 1": a TIP narrative header
        for p in patterns:
            m = p.match(line)
            if m:
                lines[n] = m.group(1) + "\n\n" + line[m.end() :]
                return "\n".join(lines)
    return text


def strip_boilerplate(text: str, patterns: tuple[re.Pattern, ...]) -> str:
    """Remove trailing lines that are site boilerplate, and cut a line where boilerplate begins."""
    lines = text.rstrip().split("\n")
    while lines:
        last = lines[-1]
        hit = next((m for m in (p.search(last) for p in patterns) if m), None)
        if hit is None:
            if not last.strip():
                lines.pop()
                continue
            break
        kept = last[: hit.start()].rstrip()
        if kept:
            lines[-1] = kept
            # the rest of the line was boilerplate; look again in case more precedes it
            if not any(p.search(kept) for p in patterns):
                break
        else:
            lines.pop()
    return "\n".join(lines)


def parse_text(
    data: bytes, *, source: str | None = None, patterns: tuple[re.Pattern, ...] | None = None
) -> Document:
    """A plain-text news article: headline on the first line, then the body."""
    text = normalize_text(decode_text(data))
    text = strip_boilerplate(text, patterns if patterns is not None else boilerplate_patterns())
    if not text.strip():
        raise ParseError("no text after removing boilerplate", EMPTY)
    title = next((line for line in text.split("\n") if line.strip()), None)
    text = split_dateline(text)
    return Document(doc_id=doc_id_for(data), text=text, kind="news", title=title, url=source)


def parse_html(
    data: bytes, *, source: str | None = None, patterns: tuple[re.Pattern, ...] | None = None
) -> Document:
    """An HTML page: main text via trafilatura; raises ParseError when there is no article text."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = decode_text(data)
    if "<" not in html[:2048]:
        raise ParseError("not HTML: no markup at the start of the file")
    result = trafilatura.bare_extraction(
        html,
        url=source if source and "://" in source else None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise ParseError("no article text found in the HTML", EMPTY)
    title = getattr(result, "title", None)
    if title:
        title = _SITE_SUFFIX.sub("", normalize_text(title))
    body = split_dateline(
        strip_boilerplate(normalize_text(body), patterns if patterns is not None else boilerplate_patterns())
    )
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Document(
        doc_id=doc_id_for(data),
        text=text,
        kind="news",
        title=title,
        published=getattr(result, "date", None),
        author=getattr(result, "author", None),
        url=source,
    )
