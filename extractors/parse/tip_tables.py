"""Layout-bound tables of a TIP report, read with pdfplumber: the global law enforcement data table.

Running text comes from pypdfium2 (:mod:`extractors.parse.pdf`); a table's columns only exist as x
positions on the page, so this module reopens the few pages that carry one with pdfplumber.
Pure: PDF bytes and the parsed :class:`~extractors.parse.documents.Document` in, frozen
:class:`~extractors.records.Statistic` rows out, no file IO.

The table (as the generator ``scripts/make_tip_report.py`` and the real reports print it)::

    GLOBAL LAW ENFORCEMENT DATA
    YEAR  PROSECUTIONS    CONVICTIONS   VICTIMS IDENTIFIED  NEW OR AMENDED LEGISLATION
    2016  9,381 (893)     7,560 (529)   57,455 (9,726)      39

Numbers in parentheses are the labor trafficking share of the figure before them.
"""

from __future__ import annotations

import io
import re

import pdfplumber

from extractors.parse.documents import Document
from extractors.records import Statistic, stable_id

__all__ = ["HEADING", "law_enforcement_pages", "law_enforcement_table"]

HEADING = "GLOBAL LAW ENFORCEMENT DATA"
LABOR = "labor trafficking"

_YEAR = re.compile(r"(?:19|20)\d\d")
_CELL = re.compile(r"(?P<main>\d[\d,]*)\s*(?:\(\s*(?P<labor>\d[\d,]*)\s*\))?")
# A table row continued at the top of the next page: a year, then a figure.
_FIGURE = re.compile(r"\(?\d")
_ROW_LINE = re.compile(r"\s*(?:19|20)\d\d\s+\d[\d,]*")


def law_enforcement_pages(document: Document) -> list[int]:
    """1-based pages whose text holds the heading "GLOBAL LAW ENFORCEMENT DATA" (any case), each
    followed by the next page when that page opens with a table row (the table ran over a page end)."""
    out: list[int] = []
    pages = document.pages
    for i, page in enumerate(pages):
        if HEADING in document.text[page.start : page.end].upper():
            out.append(page.number)
            for nxt in pages[i + 1 :]:
                if not _ROW_LINE.match(document.text[nxt.start : nxt.end]):
                    break
                out.append(nxt.number)
    return sorted(set(out))


def law_enforcement_table(data: bytes, pages: list[int], document: Document) -> list[Statistic]:
    """The global law enforcement data table on ``pages`` (1-based) of the PDF ``data`` as statistics.

    Only ``pages`` are opened (``pdfplumber.open(..., pages=...)``) and every page is closed after
    use (pdfplumber keeps ~7 MB of layout objects per page otherwise). Columns are the header cells'
    left edges ("YEAR", "PROSECUTIONS", ...: header words closer than a font size form one cell),
    rows the lines under the header that start with a year and a figure; both are passed to
    ``extract_table`` as explicit lines (the generator and the reports print the table as text,
    without rules), on the page cropped to those rows. A page without the header (the table
    continued) reuses the previous page's columns; a page with neither gives nothing.

    One row per figure: ``country`` "Global"; ``report_year`` the report's year
    (:func:`extractors.parse.tip.report_year`, as for every other statistic of the report), never the
    table's year column, so that ``report_year`` means one thing across the statistics table; the year the
    figure is for goes into ``qualifier`` as "year 2021", and a parenthesised labor trafficking
    figure ("9,381 (893)") is a row of its own with qualifier "year 2021, labor trafficking".
    ``metric`` is the header cell lower-cased with non-alphanumerics as "_" ("VICTIMS IDENTIFIED"
    -> victims_identified, "NEW OR AMENDED LEGISLATION" -> new_or_amended_legislation). Cells
    that are not numbers ("N/A", empty) give no row.

    ``start``/``end`` cover the number in ``document.text`` (found on the page's line that starts
    with the row's year, in cell order) and ``evidence`` is that whole line. When the line or the
    number cannot be found in the stored text, the row points at the table's header line instead
    (or, failing that, is an empty span at the page's start) so offsets always lie inside the page.
    """
    if not pages:
        return []
    from extractors.parse.tip import report_year as year_of  # lazily, as extract.py imports tip

    report_year = year_of(document)
    spans = {p.number: p for p in document.pages}
    out: list[Statistic] = []
    columns: tuple[list[float], list[str]] | None = None
    with pdfplumber.open(io.BytesIO(data), pages=sorted(set(pages))) as pdf:
        for page in pdf.pages:
            try:
                table, columns = _table(page, columns)
            finally:
                page.close()
            span = spans.get(page.page_number)
            if table and span is not None:
                out.extend(_statistics(document, span, columns[1], table, report_year))
    return out


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their top, each line left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) < 1.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _header_cells(line: list[dict]) -> list[tuple[float, str]]:
    """(left edge, text) of each header cell: words closer than their font size belong together."""
    cells: list[tuple[float, list[str]]] = []
    prev = None
    for w in line:
        if prev is not None and w["x0"] - prev["x1"] < (w["bottom"] - w["top"]):
            cells[-1][1].append(w["text"])
        else:
            cells.append((w["x0"], [w["text"]]))
        prev = w
    return [(x, " ".join(t)) for x, t in cells]


def _table(page, columns):
    """(rows as lists of cells without the header, (column edges, metric names)) on one page.

    A page without a ``YEAR`` header line continues the table of the page before (``columns``).
    """
    lines = _lines(page.extract_words())
    columns, body = _header(lines, columns, page.width)
    if columns is None:
        return [], columns
    rows = _year_rows(body)
    if not rows:
        return [], columns
    return _cells(page, rows, columns[0]), columns


def _header(lines: list[list[dict]], columns, page_width: float):
    """(column edges, metric names) from the ``YEAR ...`` header line and the lines under it; the
    ``columns`` carried over and all lines when the page has no header."""
    for i, line in enumerate(lines):
        if line[0]["text"].upper() == "YEAR" and len(line) >= 3:
            cells = _header_cells(line)
            metrics = [re.sub(r"[^a-z0-9]+", "_", t.lower()).strip("_") for _, t in cells[1:]]
            return ([x - 0.5 for x, _ in cells] + [page_width], metrics), lines[i + 1 :]
    return columns, lines


def _year_rows(body: list[list[dict]]) -> list[list[dict]]:
    """The run of lines that open with a year and then a figure; the table ends at the first other line.

    "2023 TRAFFICKING IN PERSONS REPORT" (a page's foot) is a year and no figure: no row.
    """
    rows = []
    for line in body:
        if not (_YEAR.fullmatch(line[0]["text"]) and len(line) >= 2 and _FIGURE.match(line[1]["text"])):
            if rows:
                break
            continue
        rows.append(line)
    return rows


def _cells(page, rows: list[list[dict]], edges: list[float]) -> list[list[str]]:
    """Cell texts of the year rows, read by pdfplumber between explicit column and row lines."""
    # Row lines are explicit too: the "text" strategy draws a row's lines only as far as its
    # words reach, so a row whose last cells are short loses them.
    tops = [min(w["top"] for w in line) - 1 for line in rows]
    bottom = min(max(w["bottom"] for w in rows[-1]) + 1, page.height)
    crop = page.crop((max(edges[0] - 1, 0), max(tops[0], 0), edges[-1], bottom))
    settings = {
        "vertical_strategy": "explicit",
        "explicit_vertical_lines": edges,
        "horizontal_strategy": "explicit",
        "explicit_horizontal_lines": tops + [bottom],
    }
    table = crop.extract_table(settings) or []
    table = [[(c or "").strip() for c in row] for row in table if any((c or "").strip() for c in row)]
    return [r for r in table if _YEAR.fullmatch(r[0])]


def _statistics(
    document: Document, span, metrics: list[str], table: list[list[str]], report_year
) -> list[Statistic]:
    """One ``Global`` statistic per figure of the table (and per labor share in parentheses), at the
    figure's own offsets on its row's line; a figure not found in the text rests on the header."""
    text = document.text
    page_text = text[span.start : span.end]
    header = re.search(r"^YEAR\b[^\n]*", page_text, re.M)
    fallback = (
        (span.start + header.start(), span.start + header.end()) if header else (span.start, span.start)
    )
    below = header.end() if header else 0  # rows are looked for under the header only
    out = []
    for row in table:
        year = row[0]
        m = re.compile(rf"^{year}\b[^\n]*", re.M).search(page_text, below)
        line = (span.start + m.start(), span.start + m.end()) if m else None
        cursor = line[0] + len(year) if line else 0
        for metric, cell in zip(metrics, row[1:]):
            for number, qualifier in _cell_numbers(cell, year):
                # the number itself, not a digit run inside another figure
                found = _number_pattern(number).search(text, cursor, line[1]) if line else None
                row_id = ""  # the default id (doc, offsets, metric) is unique for a located number
                if found:
                    start, end = found.span()
                    cursor = end
                    evidence = text[line[0] : line[1]]
                else:
                    start, end = fallback
                    evidence = text[start:end]
                    # rows sharing the fallback span are told apart by their year and qualifier
                    row_id = stable_id("statistic", document.doc_id, start, end, metric, qualifier)
                value = int(number.replace(",", ""))
                out.append(Statistic(document.doc_id, "Global", report_year, metric, value, qualifier,
                                     start, end, span.number, evidence, row_id))  # fmt: skip
    return out


def _number_pattern(number: str) -> re.Pattern:
    return re.compile(rf"(?<![\d,]){re.escape(number)}(?![\d,])")


def _cell_numbers(cell: str, year: str) -> list[tuple[str, str]]:
    """(figure, qualifier) of a cell: "9,381 (893)" -> the figure for the year and its labor share."""
    c = _CELL.fullmatch(cell)
    if not c:
        return []
    groups = (("main", f"year {year}"), ("labor", f"year {year}, {LABOR}"))
    return [(c.group(group), qualifier) for group, qualifier in groups if c.group(group) is not None]
