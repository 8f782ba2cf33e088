"""Bytes -> :class:`Document`, choosing the parser by content (PDF magic, HTML markup) and name.

Never raises for bad input: a failure becomes a Document with ``status`` (error, empty,
needs_ocr, encrypted) and a one-line ``error``, so one broken file never stops a run.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.parse.documents import EMPTY, ERROR, OK, Document, ParseError, doc_id_for

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES


def sniff(data: bytes, name: str = "", content_type: str | None = None) -> str:
    """'pdf', 'html' or 'text' from magic bytes, content type and file name, in that order."""
    head = data[:1024].lstrip().lower()
    if (
        data[:1024].lstrip().startswith(b"%PDF")
        or name.lower().endswith(PDF_SUFFIXES)
        or (content_type or "").startswith("application/pdf")
    ):
        return "pdf"
    if (
        name.lower().endswith(HTML_SUFFIXES)
        or "html" in (content_type or "")
        or head.startswith((b"<!doctype html", b"<html"))
    ):
        return "html"
    return "text"


def failed(
    data: bytes, source: str | None, message: str, status: str = ERROR, kind: str = "other"
) -> Document:
    return Document(doc_id=doc_id_for(data), text="", kind=kind, url=source, status=status, error=message)


# Limits beside max_bytes/max_pages: a web page or text file is never this big (HTML parsing
# time grows fast with size), and no document this long is a news article or one TIP report
# (a whole report is about 3 M characters); one file must not stall or exhaust a run.
MAX_TEXT_FILE_BYTES = 20_000_000
MAX_CHARS = 6_000_000  # a PDF (a whole report is about 3 M characters)
MAX_TEXT_CHARS = 500_000  # an HTML or text document: a long article is 50,000


def byte_limit(pdf: bool, max_bytes: int) -> int:
    """The most bytes a file may have: ``max_bytes`` for a PDF, no more than
    :data:`MAX_TEXT_FILE_BYTES` for HTML and text."""
    return max_bytes if pdf else min(max_bytes, MAX_TEXT_FILE_BYTES)


def parse_bytes(
    data: bytes,
    *,
    source: str | None = None,
    name: str = "",
    content_type: str | None = None,
    max_bytes: int = 200_000_000,
    max_pages: int = 2000,
    pdf_workers: int = 1,
    max_chars: int = MAX_CHARS,
) -> Document:
    """Parse any supported input; failures come back as a Document with a status and reason.

    Refused with a reason: files over ``max_bytes`` (HTML and text files over
    :data:`MAX_TEXT_FILE_BYTES`), PDFs over ``max_pages``, and any document whose text comes out
    longer than ``max_chars`` characters (HTML and text: :data:`MAX_TEXT_CHARS`)."""
    fmt = sniff(data, name or (source or ""), content_type)
    kind = "other" if fmt == "pdf" else "news"
    if not data:
        return failed(data, source, "file is empty", EMPTY, kind)
    limit = byte_limit(fmt == "pdf", max_bytes)
    if len(data) > limit:
        return failed(data, source, f"file is {len(data):,} bytes, over the limit of {limit:,}", ERROR, kind)
    doc = _parse(data, fmt, kind, source, max_pages, pdf_workers)
    chars = max_chars if fmt == "pdf" else min(max_chars, MAX_TEXT_CHARS)
    if len(doc.text) > chars:
        message = f"text is {len(doc.text):,} characters, over the limit of {chars:,}"
        return failed(data, source, message, ERROR, doc.kind)
    return doc


def _parse(
    data: bytes, fmt: str, kind: str, source: str | None, max_pages: int, pdf_workers: int
) -> Document:
    """The parser of ``fmt`` on ``data``; a parse error or a parser bug as a failed Document."""
    try:
        if fmt == "pdf":
            from extractors.parse.pdf import parse_pdf

            return as_report_text(parse_pdf(data, source=source, max_pages=max_pages, workers=pdf_workers))
        if fmt == "html":
            from extractors.parse.news import parse_html

            return as_report_text(parse_html(data, source=source))
        from extractors.parse.news import parse_text

        return as_report_text(parse_text(data, source=source))
    except ParseError as exc:
        return failed(data, source, str(exc), exc.status, kind)
    except Exception as exc:  # a parser bug must not stop the run; record it on the document
        return failed(
            data,
            source,
            f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'parse failed'}",
            ERROR,
            kind,
        )


def as_report_text(doc: Document) -> Document:
    """``doc`` as a ``tip_report`` when it is a TIP country narrative (a state.gov page, a reprint, a
    one-page PDF: :func:`extractors.parse.tip_pages.is_narrative`), else unchanged."""
    if doc.status != OK or doc.kind == "tip_report":
        return doc
    from extractors.parse.tip_narratives import segment_narratives
    from extractors.parse.tip_pages import is_narrative, page_rules

    if len(doc.text) > page_rules().max_chars:
        return doc
    if is_narrative(doc, has_header=bool(segment_narratives(doc))):
        return replace(doc, kind="tip_report")
    return doc
