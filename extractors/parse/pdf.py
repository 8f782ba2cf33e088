"""PDF bytes -> :class:`~extractors.parse.documents.Document` with page provenance.

Contract of :func:`parse_pdf`:

- ``Document.text`` is the pages' cleaned text joined by ``"\\n\\n"``; ``Document.pages[i]`` gives the
  exact ``[start, end)`` range of page ``i + 1`` in that text (empty pages get ``start == end``).
- Each page's text is normalised with ``normalize_text(..., dehyphenate=True)`` after running
  headers, footers and page numbers were removed. They are recognised by pattern (a line repeated
  at the top or bottom of several pages, digits ignored; a number that follows the page sequence),
  never by cropping a fixed band of the page.
- Multi-column pages come out in reading order: full-width blocks (titles, running heads) in place,
  and between them each column from left to right, top to bottom.
- Failures raise :class:`~extractors.parse.documents.ParseError` with a one-line message and a status:
  ``empty`` (no bytes, no pages), ``encrypted`` (a password is needed), ``needs_ocr`` (pages but no
  text layer), ``error`` (not a PDF, corrupt, truncated, over ``max_pages``).

Running text comes from pdfium (pypdfium2), which reads a 600-page report at hundreds of pages per
second; pdfplumber is 50x slower and leaks memory per page, so it is not needed for running text.
Column layout is read from pdfium's own text rectangles, which costs well under a millisecond a page.
Pages are read by :mod:`extractors.parse.pdf_pages` (layout: :mod:`extractors.parse.pdf_layout`);
running lines go in :mod:`extractors.parse.running_lines`; this module checks, assembles and names.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from extractors.parse.documents import (
    EMPTY,
    ENCRYPTED,
    ERROR,
    NEEDS_OCR,
    Document,
    Page,
    ParseError,
    doc_id_for,
    normalize_text,
)
from extractors.parse.pdf_layout import column_gutters
from extractors.parse.pdf_pages import PageText, extract_parallel, extract_range
from extractors.parse.running_lines import strip_running_lines

__all__ = ["parse_pdf", "column_gutters", "strip_running_lines"]

# pdfium error codes (fpdfview.h): FPDF_ERR_FILE=2, FORMAT=3, PASSWORD=4, SECURITY=6.
_PDFIUM_ENCRYPTED = {4, 6}
_MIN_PAGES_PER_WORKER = 100  # below this a second process (~0.3 s to start) costs more than it saves


def parse_pdf(data: bytes, *, source: str | None = None, max_pages: int = 2000, workers: int = 1) -> Document:
    """Parse PDF ``data`` into a :class:`Document`, or raise :class:`ParseError`.

    ``source`` is kept as the document's ``url`` when it looks like one (``http...``), otherwise only
    in ``meta``. ``workers > 1`` extracts page ranges in that many processes (the calling process
    does one share); small files always run in-process.
    """
    _check_bytes(data)
    metadata, raw_pages = _read_pages(data, max_pages, workers)
    n_pages = len(raw_pages)
    if not any(any(ch.isalnum() for ch in text) for text, _, _ in raw_pages):
        raise ParseError(
            f"no text layer on any of the {n_pages} pages (scanned images?): needs OCR", NEEDS_OCR
        )
    # Pages arrive normalised (in the workers, in parallel); removing whole lines keeps them so,
    # except that a removed line may bring a hyphenated word's halves together.
    page_lines, n_removed = strip_running_lines([text.split("\n") for text, _, _ in raw_pages])
    texts = ["\n".join(lines) for lines in page_lines]
    texts = [normalize_text(t, dehyphenate=True) if "-\n" in t else t for t in texts]
    text, pages = _join_pages(texts)
    first_page = texts[0] if texts else ""
    kind = (
        "tip_report"
        if _TIP_TITLE.search(first_page) or _TIP_TITLE.search(metadata.get("Title", ""))
        else "other"
    )
    return Document(
        doc_id=doc_id_for(data),
        text=text,
        kind=kind,
        title=_title(metadata.get("Title", ""), first_page, kind),
        published=_pdf_date(metadata.get("CreationDate", "")),
        url=source if source and source.startswith(("http://", "https://")) else None,
        pages=pages,
        n_pages=n_pages,
        meta=_meta(metadata, source, raw_pages, n_removed),
    )


def _check_bytes(data: bytes) -> None:
    """Refuse what is not a whole PDF before pdfium sees it."""
    if not data or not data.strip():
        raise ParseError("file is empty (0 bytes)", EMPTY)
    if b"%PDF-" not in data[:1024]:
        raise ParseError("not a PDF: no %PDF- header in the first 1 KB", ERROR)
    if b"%%EOF" not in data[-2048:]:
        # pdfium would silently rebuild a cut-off file and give fewer pages; a partial report must
        # not pass for a complete one.
        raise ParseError(f"truncated PDF: no %%EOF marker at the end of the file ({len(data)} bytes)", ERROR)


def _read_pages(data: bytes, max_pages: int, workers: int) -> tuple[dict[str, str], list[PageText]]:
    """(metadata, one ``(text, columns, error)`` per page), or ParseError for no or too many pages."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in _PDFIUM_ENCRYPTED:
            raise ParseError("encrypted PDF: a password is required to open it", ENCRYPTED) from None
        raise ParseError(f"corrupt PDF: pdfium cannot open it ({exc})", ERROR) from None
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise ParseError("PDF has no pages", EMPTY)
        if n_pages > max_pages:
            raise ParseError(f"PDF has {n_pages} pages, over the limit of {max_pages}", ERROR)
        metadata = _metadata(pdf)
        if workers > 1 and n_pages >= 2 * _MIN_PAGES_PER_WORKER:
            return metadata, extract_parallel(data, n_pages, workers)
        return metadata, extract_range(pdf, 0, n_pages)
    finally:
        pdf.close()


def _join_pages(texts: list[str]) -> tuple[str, tuple[Page, ...]]:
    """Page texts joined by a blank line, with each page's ``[start, end)`` in the joined text."""
    parts: list[str] = []
    pages: list[Page] = []
    pos = 0
    for number, page_text in enumerate(texts, start=1):
        if parts:
            parts.append("\n\n")
            pos += 2
        pages.append(Page(number, pos, pos + len(page_text)))
        parts.append(page_text)
        pos += len(page_text)
    return "".join(parts), tuple(pages)


def _meta(
    metadata: dict[str, str], source: str | None, raw_pages: list[PageText], n_removed: int
) -> tuple[tuple[str, str], ...]:
    """The document's ``meta``: producer, source, multi-column pages, page errors, lines removed."""
    meta = {"pdf_" + k.lower(): v for k, v in metadata.items() if k in ("Producer", "Creator") and v}
    if source:
        meta["source"] = source
    multi = [i + 1 for i, (_, columns, _) in enumerate(raw_pages) if columns > 1]
    if multi:
        meta["multi_column_pages"] = _ranges(multi)
    failed = [f"{i + 1}: {err}" for i, (_, _, err) in enumerate(raw_pages) if err]
    if failed:
        meta["page_errors"] = "; ".join(failed)
    if n_removed:
        meta["running_lines_removed"] = str(n_removed)
    return tuple(sorted(meta.items()))


# ------------------------------------------------------------------------------------------ metadata

_TIP_TITLE = re.compile(r"trafficking\s+in\s+persons\s+report", re.I)
_JUNK_TITLE = re.compile(r"^(untitled|microsoft \w+ - |document\d*$)|\.(docx?|pdf|indd|qxd|tex|dvi)$", re.I)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _metadata(pdf) -> dict[str, str]:
    try:
        return {k: v.strip() for k, v in pdf.get_metadata_dict(skip_empty=True).items() if isinstance(v, str)}
    except Exception:  # metadata is optional; a broken Info dictionary must not fail the parse
        return {}


def _title(meta_title: str, first_page: str, kind: str) -> str | None:
    """The document title: a TIP report's "Trafficking in Persons Report" line, else a real
    metadata title (not "Untitled", "Microsoft Word - x.docx" or a file name), else the first
    line of the first page with three letters."""
    if kind == "tip_report":
        for line in first_page.split("\n"):
            if _TIP_TITLE.search(line):
                return line.strip()
    if meta_title and len(meta_title.split()) >= 2 and not _JUNK_TITLE.search(meta_title):
        return meta_title
    for line in first_page.split("\n"):
        if sum(ch.isalpha() for ch in line) >= 3 and len(line) <= 200:
            return line.strip()
    return None


def _pdf_date(value: str) -> str | None:
    """PDF date -> ISO date as precise as it is: "D:20230615120000" -> "2023-06-15",
    "D:2023" -> "2023"; None outside 1980-2100."""
    m = _PDF_DATE.match(value or "")
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not (1980 <= int(year) <= 2100):
        return None
    if month and 1 <= int(month) <= 12:
        if day and 1 <= int(day) <= 31:
            return f"{year}-{month}-{day}"
        return f"{year}-{month}"
    return year


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7, 9, 10] -> "1-3,7,9-10"."""
    out = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ",".join(out)
