"""Parse one source file into a Document, in the calling process.

:func:`parse_source` is what a worker runs for a plain-text file or a small web page, and what
:mod:`flows.guard`'s child runs for everything else.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from extractors.parse import HTML_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES, byte_limit
from extractors.parse.documents import Document
from flows.pagemeta import sidecar_published
from flows.plan import Limits, Source


def parse_source(s: Source, limits: Limits) -> tuple[Document, bytes]:
    """A source's Document and bytes. A file type no parser reads is a failed document: a name
    without a supported suffix that is neither a URL nor a PDF by its first bytes."""
    from extractors.parse import failed, parse_bytes

    size = os.stat(s.path).st_size
    # by name before reading (the parser checks again by content): HTML and text have the lower limit
    limit = byte_limit(not s.source.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES), limits.max_bytes)
    if size > limit:  # refused before a byte is read: a huge file never fills memory
        message = f"file is {size:,} bytes, over the limit of {limit:,}"
        return Document(
            doc_id=s.doc_id, text="", kind="other", url=s.source, status="error", error=message
        ), b""
    data = Path(s.path).read_bytes()
    if not s.source.lower().endswith(SUPPORTED_SUFFIXES) and "://" not in s.source and data[:5] != b"%PDF-":
        return failed(data, s.source, f"unsupported file type {Path(s.source).suffix or '(none)'}"), data
    doc = parse_bytes(
        data,
        source=s.source,
        name=s.path,
        max_bytes=limits.max_bytes,
        max_pages=limits.max_pages,
        pdf_workers=2 if len(data) > 2_000_000 else 1,
    )
    if doc.published is None and (published := sidecar_published(s.path)):
        doc = replace(doc, published=published)
    return doc, data
