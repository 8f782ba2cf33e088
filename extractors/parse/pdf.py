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
"""

from __future__ import annotations

import ctypes
import os
import pickle
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

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

__all__ = ["parse_pdf", "column_gutters", "strip_running_lines"]

# pdfium error codes (fpdfview.h): FPDF_ERR_FILE=2, FORMAT=3, PASSWORD=4, SECURITY=6.
_PDFIUM_ENCRYPTED = {4, 6}
_MIN_PAGES_PER_WORKER = 100  # below this a second process (~0.3 s to start) costs more than it saves

# pdfium marks a hyphen it saw at a line end with U+FFFE (get_text_range) or U+0002 (bounded text)
# and joins the two lines itself. Join the word when both sides are lower case (what
# normalize_text(dehyphenate=True) does); after a capital or digit the hyphen belongs to a compound
# ("FAA-approved"): keep it and join the lines; otherwise put the hyphen and the line break back.
# (Matched on the marker, then decided on its neighbours: a lookbehind would be tried everywhere.)
_SOFT_BREAK = re.compile(r"[\ufffe\x02]\n?")


def _soft_break(m: re.Match) -> str:
    text, i, j = m.string, m.start(), m.end()
    before = text[i - 1] if i else ""
    after = text[j] if j < len(text) else ""
    if after.islower() and after.isascii():
        if before.islower() and before.isascii():
            return ""
        if before.isupper() or before.isdigit():
            return "-"
    return "-\n"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_pdf(data: bytes, *, source: str | None = None, max_pages: int = 2000, workers: int = 1) -> Document:
    """Parse PDF ``data`` into a :class:`Document`, or raise :class:`ParseError`.

    ``source`` is kept as the document's ``url`` when it looks like one (``http...``), otherwise only
    in ``meta``. ``workers > 1`` extracts page ranges in that many processes (the calling process
    does one share); small files always run in-process.
    """
    if not data or not data.strip():
        raise ParseError("file is empty (0 bytes)", EMPTY)
    if b"%PDF-" not in data[:1024]:
        raise ParseError("not a PDF: no %PDF- header in the first 1 KB", ERROR)
    if b"%%EOF" not in data[-2048:]:
        # pdfium would silently rebuild a cut-off file and give fewer pages; a partial report must
        # not pass for a complete one.
        raise ParseError(f"truncated PDF: no %%EOF marker at the end of the file ({len(data)} bytes)", ERROR)
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
            raw_pages = _extract_parallel(data, n_pages, workers)
        else:
            raw_pages = _extract_range(pdf, 0, n_pages)
    finally:
        pdf.close()

    if not any(any(ch.isalnum() for ch in text) for text, _, _ in raw_pages):
        raise ParseError(
            f"no text layer on any of the {n_pages} pages (scanned images?): needs OCR", NEEDS_OCR
        )

    # Pages arrive normalised (in the workers, in parallel); removing whole lines keeps them so,
    # except that a removed line may bring a hyphenated word's halves together.
    page_lines = [text.split("\n") for text, _, _ in raw_pages]
    page_lines, n_removed = strip_running_lines(page_lines)
    texts = ["\n".join(lines) for lines in page_lines]
    texts = [normalize_text(t, dehyphenate=True) if "-\n" in t else t for t in texts]

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
    text = "".join(parts)

    first_page = texts[0] if texts else ""
    kind = (
        "tip_report"
        if _TIP_TITLE.search(first_page) or _TIP_TITLE.search(metadata.get("Title", ""))
        else "other"
    )
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
    return Document(
        doc_id=doc_id_for(data),
        text=text,
        kind=kind,
        title=_title(metadata.get("Title", ""), first_page, kind),
        published=_pdf_date(metadata.get("CreationDate", "")),
        url=source if source and source.startswith(("http://", "https://")) else None,
        pages=tuple(pages),
        n_pages=n_pages,
        meta=tuple(sorted(meta.items())),
    )


# --------------------------------------------------------------------------------------- extraction


def _extract_parallel(data: bytes, n_pages: int, workers: int) -> list[tuple[str, int, str | None]]:
    # Contiguous page ranges, one per worker; the calling process takes the first range itself.
    # Workers are plain child interpreters (python -m extractors.parse.pdf) fed through pipes, not a
    # multiprocessing pool: fork is unsafe under callers' threads (Prefect, Dask) and spawn needs an
    # ``if __name__ == "__main__"`` guard in whatever script the caller runs.
    bounds = [round(i * n_pages / workers) for i in range(workers + 1)]
    ranges = [(bounds[i], bounds[i + 1]) for i in range(workers) if bounds[i] < bounds[i + 1]]
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    results: dict[int, list] = {}
    threads = []

    def run(index: int, start: int, stop: int) -> None:
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "extractors.parse.pdf", "--worker"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            )  # fmt: skip
            try:
                out, _ = proc.communicate(pickle.dumps((data, start, stop)), timeout=60 + (stop - start))
            except subprocess.TimeoutExpired:
                proc.kill()  # never wait on a stuck child; its range is done in-process below
                proc.communicate()
                return
            if proc.returncode == 0:
                results[index] = pickle.loads(out)
        except OSError:
            pass  # no child process: the range is done in-process below

    for index, (start, stop) in enumerate(ranges[1:], start=1):
        thread = threading.Thread(target=run, args=(index, start, stop), daemon=True)
        thread.start()
        threads.append(thread)
    results[0] = _extract_range_bytes(data, *ranges[0])
    for thread in threads:
        thread.join()
    pages = []
    for index, (start, stop) in enumerate(ranges):
        chunk = results.get(index)
        if chunk is None or len(chunk) != stop - start:
            chunk = _extract_range_bytes(data, start, stop)
        pages.extend(chunk)
    return pages


def _worker_main() -> int:
    data, start, stop = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(
        pickle.dumps(_extract_range_bytes(data, start, stop), protocol=pickle.HIGHEST_PROTOCOL)
    )
    sys.stdout.buffer.flush()
    return 0


def _extract_range_bytes(data: bytes, start: int, stop: int) -> list[tuple[str, int, str | None]]:
    pdf = pdfium.PdfDocument(data)
    try:
        return _extract_range(pdf, start, stop)
    finally:
        pdf.close()


def _extract_range(pdf, start: int, stop: int) -> list[tuple[str, int, str | None]]:
    """(normalised text, number of columns, error or None) for pages ``start..stop-1``."""
    out = []
    for i in range(start, stop):
        try:
            page = pdf[i]
        except Exception as exc:  # a broken page object must not sink the document
            out.append(("", 1, _one_line(exc)))
            continue
        try:
            text, columns = _page_text(page)
            out.append((normalize_text(text, dehyphenate=True), columns, None))
        except Exception as exc:
            out.append(("", 1, _one_line(exc)))
        finally:
            page.close()
    return out


def _page_text(page) -> tuple[str, int]:
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() == 0:
            return "", 1
        rects = _rects(textpage)
        width = page.get_width()
        gutters = column_gutters(rects, width)
        ordered = _columns_text(textpage, rects, gutters) if gutters else None
        if ordered is None:
            ordered = textpage.get_text_range()
        return _clean_raw(ordered), len(gutters) + 1
    finally:
        textpage.close()


def _rects(textpage) -> list[tuple[float, float, float, float]]:
    """Text rectangles (left, bottom, right, top) with an area; straight ctypes calls, as this runs
    for every page and pypdfium2's wrapper costs more than pdfium does."""
    n = pdfium_c.FPDFText_CountRects(textpage.raw, 0, -1)
    left, top, right, bottom = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    refs = (ctypes.byref(left), ctypes.byref(top), ctypes.byref(right), ctypes.byref(bottom))
    get = pdfium_c.FPDFText_GetRect
    raw = textpage.raw
    out = []
    for i in range(n):
        if get(raw, i, *refs):
            l, b, r, t = left.value, bottom.value, right.value, top.value  # noqa: E741
            if r > l and t > b:
                out.append((l, b, r, t))
    return out


def _clean_raw(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SOFT_BREAK.sub(_soft_break, text)
    return _CONTROL.sub("", text)


# ------------------------------------------------------------------------------------------ columns

_MIN_GUTTER = 6.0  # points; word gaps in justified text are narrower and not aligned anyway


def column_gutters(
    rects: list[tuple[float, float, float, float]], page_width: float
) -> list[tuple[float, float]]:
    """Vertical gutters ``(x0, x1)`` that split a page's text into columns, left to right.

    ``rects`` are text rectangles ``(left, bottom, right, top)`` in PDF points. A gutter is an
    x-range crossed by few rectangles (titles and running heads may span it) with at least one
    column of full, prose-like lines on each side. Tables and forms (short cells, labels and values)
    are not columns: they keep pdfium's row order. Returns ``[]`` for single-column pages.
    """
    rects = [r for r in rects if r[2] - r[0] > 1 and r[3] - r[1] > 1]
    if len(rects) < 12:
        return []
    x0 = min(r[0] for r in rects)
    x1 = max(r[2] for r in rects)
    span = x1 - x0
    if span < 0.4 * page_width:
        return []
    # Most pages are one column of full-width lines: settle those without the histogram.
    widths = sorted(r[2] - r[0] for r in rects)
    if widths[len(widths) // 2] > 0.6 * span:
        return []
    step = 1.0
    n_bins = int(span / step) + 2
    diff = [0] * (n_bins + 1)
    for left, _, right, _ in rects:
        diff[int((left - x0) / step)] += 1
        diff[int((right - x0) / step) + 1] -= 1
    tolerated = max(1, int(0.08 * len(rects)))
    gutters = []
    cover = 0
    run_start = None
    for i in range(n_bins):
        cover += diff[i]
        low = cover <= tolerated
        if low and run_start is None:
            run_start = i
        if (not low or i == n_bins - 1) and run_start is not None:
            a, b = x0 + run_start * step, x0 + i * step
            mid = (a + b) / 2
            if b - a >= _MIN_GUTTER and x0 + 0.15 * span < mid < x1 - 0.15 * span:
                gutters.append((a, b))
            run_start = None
    if not gutters:
        return []
    edges = [x0] + [g for gutter in gutters for g in gutter] + [x1]
    columns = [(edges[2 * i], edges[2 * i + 1]) for i in range(len(gutters) + 1)]
    for left, right in columns:
        if not _is_prose_column(rects, left, right, page_width):
            return []
    return gutters


def _is_prose_column(rects, left: float, right: float, page_width: float) -> bool:
    width = right - left
    if width < 0.15 * page_width:
        return False
    # Line extents: rectangles of one baseline inside the column, merged.
    lines: dict[int, list[float]] = {}
    for l, b, r, t in rects:  # noqa: B007, E741
        if l >= left - 1 and r <= right + 1:
            key = round(b / 2)
            ext = lines.setdefault(key, [l, r])
            ext[0], ext[1] = min(ext[0], l), max(ext[1], r)
    full = sum(1 for l, r in lines.values() if r - l >= 0.6 * width)  # noqa: E741
    return full >= 5 and full >= 0.4 * len(lines)


def _columns_text(textpage, rects, gutters) -> str | None:
    """Text of a multi-column page in reading order, or None when pdfium's order already is.

    pdfium's text follows the content stream (footnotes first, say), so order is made here from
    geometry: full-width bands top to bottom, and between two bands each column left to right, its
    lines top to bottom. When the stream already runs in that order (most typeset PDFs) the page is
    read in one call; otherwise each line is read on its own, which is slower.
    """
    mids = [(a + b) / 2 for a, b in gutters]
    margin = _margin_lines(rects)
    spanning = [r for r in rects if r[1] in margin or any(r[0] < m < r[2] for m in mids)]
    bands: list[list[float]] = []
    for l, b, r, t in sorted(spanning, key=lambda r: -r[3]):  # noqa: B007, E741
        if bands and t >= bands[-1][0] - 1:
            bands[-1][0] = min(bands[-1][0], b)
        else:
            bands.append([b, t])
    # Group key for every rectangle; one whose middle lies in a band belongs to it (a brace or a
    # superscript beside a title line).
    groups: dict[tuple[int, int], list[int]] = {}
    for i, rect in enumerate(rects):
        cy = (rect[1] + rect[3]) / 2
        band = next((k for k, (b, t) in enumerate(bands) if b - 1 <= cy <= t + 1), None)
        if band is not None:
            key = (2 * band + 1, 0)
        else:
            region = sum(1 for b, t in bands if cy < b)  # bands above this rectangle
            key = (2 * region, sum(1 for m in mids if (rect[0] + rect[2]) / 2 > m))
        groups.setdefault(key, []).append(i)
    ordered: list[list[int]] = []  # lines, in reading order, of rectangle indices
    for key in sorted(groups):
        ordered.extend(_lines(rects, groups[key]))
    position = {}
    for n, line in enumerate(ordered):
        for i in line:
            position[i] = n
    body = [position[i] for i in range(len(rects)) if rects[i][1] not in margin]
    if all(a <= b for a, b in zip(body, body[1:])):
        # The body already runs in reading order; only lines in the margins (a page number the
        # producer drew first, a footer under one column) may sit out of place. Read the page in
        # one call and move those lines to the top or bottom.
        moved = _move_margin_lines(textpage, rects, margin)
        if moved is not None:
            return moved
    out = []
    for line in ordered:
        parts = [textpage.get_text_bounded(*rects[i]).replace("\r\n", " ").strip() for i in line]
        text = " ".join(p for p in parts if p)
        if text:
            out.append(text)
    return "\n".join(out)


def _move_margin_lines(textpage, rects, margin: set[float]) -> str | None:
    stream = [line.strip() for line in textpage.get_text_range().replace("\r\n", "\n").split("\n")]
    if not margin:
        return "\n".join(stream)
    body_bottom = min((r[1] for r in rects if r[1] not in margin), default=0.0)
    top, bottom = [], []
    for line in _lines(rects, [i for i, r in enumerate(rects) if r[1] in margin]):
        parts = [textpage.get_text_bounded(*rects[i]).replace("\r\n", " ").strip() for i in line]
        parts = [p for p in parts if p]
        joined = " ".join(parts)
        if joined in stream:  # pdfium kept the pieces of one baseline together
            stream.remove(joined)
        else:
            for part in parts:
                if part not in stream:
                    return None  # pdfium mixed it with other text: let the caller order line by line
                stream.remove(part)
        if joined:
            (bottom if rects[line[0]][1] < body_bottom else top).append(joined)
    return "\n".join(top + stream + bottom)


def _margin_lines(rects) -> set[float]:
    """Bottoms of the lines set apart at the top or bottom of the page (running heads, footers).

    They belong to no column even when they sit inside one's x-range: a footer printed under the
    left column must not come between the left and the right column's text.
    """
    heights = sorted(r[3] - r[1] for r in rects)
    gap = 3 * heights[len(heights) // 2]
    # Lines: rectangle bottoms within 2 points of each other (descenders, mixed font sizes).
    lines: list[list[float]] = []
    for bottom in sorted({r[1] for r in rects}, reverse=True):
        if lines and lines[-1][-1] - bottom <= 2:
            lines[-1].append(bottom)
        else:
            lines.append([bottom])
    margin: set[float] = set()
    for ends in (lines, lines[::-1]):
        for k in range(min(3, len(ends) - 2)):
            if min(abs(a - b) for a in ends[k] for b in ends[k + 1]) <= gap:
                break
            for line in ends[: k + 1]:
                margin.update(line)
    return margin


def _lines(rects, indices: list[int]) -> list[list[int]]:
    """Rectangle indices grouped into lines (top to bottom), each line left to right.

    A rectangle much taller than a text line (rotated margin text) stays a line of its own, or it
    would swallow every line beside it.
    """
    heights = sorted(rects[i][3] - rects[i][1] for i in indices)
    tall = 2.5 * heights[len(heights) // 2]
    lines: list[list[int]] = []
    lb = lt = 0.0  # vertical extent of the line being built
    for i in sorted(indices, key=lambda i: -rects[i][3]):
        _, b, _, t = rects[i]
        if lines and t - b <= tall and lt - lb <= tall:
            if min(lt, t) - max(lb, b) >= 0.5 * min(lt - lb, t - b):
                lines[-1].append(i)
                lb, lt = min(lb, b), max(lt, t)
                continue
        lines.append([i])
        lb, lt = b, t
    return [sorted(line, key=lambda i: rects[i][0]) if len(line) > 1 else line for line in lines]


# ---------------------------------------------------------------------------- running heads and feet

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-\u2013\u2014]?(?:\s+of\s+\d{1,4})?$", re.I
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_EDGE = 3  # lines at each end of a page where page numbers are looked for


def strip_running_lines(pages: list[list[str]]) -> tuple[list[list[str]], int]:
    """Remove page numbers and running heads/feet from per-page lines; return (pages, n_removed).

    Page numbers: a bare number near either end of a page whose value minus the page index is the
    same on at least two pages (so "47699" on page 2 and "47700" on page 3 both go, a table cell
    does not). Running lines: the first or last remaining line of a page whose text, with digits
    ignored, opens or closes at least a quarter of the pages (and at least three), or, in the
    first round, whose exact text opens or closes two consecutive pages (a country's running head)
    or that holds a number and three words and opens or closes two pages (a title with a page
    number).
    Up to three rounds peel stacked heads and feet. A heading that happens to open two pages far
    apart stays. Case matters: "PAKISTAN" (a running head) is not "Pakistan" (a list entry).
    """
    pages = [[line.strip() for line in lines if line.strip()] for lines in pages]
    removed = 0
    if len(pages) < 2:
        return pages, removed

    candidates = []  # (page index, line index, offset)
    for p, lines in enumerate(pages):
        n = len(lines)
        for j in sorted(set(range(min(_EDGE, n))) | set(range(max(0, n - _EDGE), n))):
            m = _PAGE_NUMBER.match(lines[j])
            if m:
                value = _number(m.group(1))
                if value is not None:
                    candidates.append((p, j, value - p))
    offsets = Counter()
    for offset in {(p, off) for p, _, off in candidates}:
        offsets[offset[1]] += 1
    drop: dict[int, set[int]] = {}
    for p, j, off in candidates:
        if offsets[off] >= 2:
            drop.setdefault(p, set()).add(j)
    if drop:
        pages = [
            [line for j, line in enumerate(lines) if j not in drop.get(p, ())]
            for p, lines in enumerate(pages)
        ]
        removed += sum(len(v) for v in drop.values())

    common = max(3, -(-len(pages) // 4))
    for round_ in range(3):
        seen: dict[str, set[int]] = {}  # digit-blind key -> pages with it at the top or bottom
        exact: dict[str, set[int]] = {}
        for p, lines in enumerate(pages):
            for line in {lines[0], lines[-1]} if lines else ():
                seen.setdefault(_line_key(line), set()).add(p)
                exact.setdefault(line, set()).add(p)
        running = {
            key
            for key, ps in seen.items()
            if len(ps) >= common and len(key) <= 200 and sum(ch.isalpha() for ch in key) >= 2
        }
        if round_ == 0:
            # A section's running head (a country's name) may span only two pages: the same line,
            # digits and all, opening or closing two consecutive pages.
            running |= {
                _line_key(line)
                for line, ps in exact.items()
                if any(p + 1 in ps for p in ps) and len(line) <= 200 and sum(ch.isalpha() for ch in line) >= 2
            }
            # A title with the page number in it ("THE SIEGE OF VICKSBURG. 49" / "... 55").
            running |= {
                key
                for key, ps in seen.items()
                if len(ps) >= 2
                and "#" in key
                and len(re.findall(r"[^\W\d_]{2,}", key)) >= 3
                and len(key) <= 200
            }
        if not running:
            break
        changed = False
        for p, lines in enumerate(pages):  # noqa: B007
            if lines and _line_key(lines[0]) in running:
                lines.pop(0)
                removed += 1
                changed = True
            if lines and _line_key(lines[-1]) in running:
                lines.pop()
                removed += 1
                changed = True
        if not changed:
            break
    return pages, removed


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line))


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    total, prev = 0, 0
    for ch in reversed(token.lower()):
        value = _ROMAN[ch]
        total += -value if value < prev else value
        prev = max(prev, value)
    return total + 10_000  # roman front matter never shares an offset with arabic numbering


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


def _one_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


if __name__ == "__main__" and sys.argv[1:] == ["--worker"]:
    raise SystemExit(_worker_main())
