"""Reading order of a PDF page from the geometry of its text rectangles.

Contract: :func:`column_gutters` finds the vertical gutters that split a page into prose columns
(``[]`` for single-column pages, tables and forms); :func:`columns_text` returns a multi-column
page's text in reading order (full-width bands top to bottom, between two bands each column left to
right, its lines top to bottom), or None when pdfium's own order already is that. Rectangles are
``(left, bottom, right, top)`` in PDF points, as pdfium gives them; lines set apart at the top or
bottom of the page (running heads, footers) belong to no column.
"""

from __future__ import annotations

Rect = tuple[float, float, float, float]

__all__ = ["column_gutters", "columns_text"]

_MIN_GUTTER = 6.0  # points; word gaps in justified text are narrower and not aligned anyway


def column_gutters(rects: list[Rect], page_width: float) -> list[tuple[float, float]]:
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
    gutters = _sparse_runs(rects, x0, x1)
    if not gutters:
        return []
    edges = [x0] + [g for gutter in gutters for g in gutter] + [x1]
    columns = [(edges[2 * i], edges[2 * i + 1]) for i in range(len(gutters) + 1)]
    if all(_is_prose_column(rects, left, right, page_width) for left, right in columns):
        return gutters
    return []


def _sparse_runs(rects: list[Rect], x0: float, x1: float) -> list[tuple[float, float]]:
    """X-ranges at least ``_MIN_GUTTER`` wide crossed by at most 8% of the rectangles, away from the
    page's outer 15% on either side (a ragged margin is not a gutter)."""
    span = x1 - x0
    step = 1.0
    n_bins = int(span / step) + 2
    diff = [0] * (n_bins + 1)  # a difference array: rectangles covering each 1-point bin
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
    return gutters


def _is_prose_column(rects, left: float, right: float, page_width: float) -> bool:
    """At least five lines, and at least 40% of the lines, fill 60% of the column's width; a
    column narrower than 15% of the page (a label column of a form) is none."""
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


def columns_text(textpage, rects: list[Rect], gutters: list[tuple[float, float]]) -> str | None:
    """Text of a multi-column page in reading order, or None when pdfium's order already is.

    pdfium's text follows the content stream (footnotes first, say), so order is made here from
    geometry: full-width bands top to bottom, and between two bands each column left to right, its
    lines top to bottom. When the stream already runs in that order (most typeset PDFs) the page is
    read in one call; otherwise each line is read on its own, which is slower.
    """
    mids = [(a + b) / 2 for a, b in gutters]
    margin = _margin_lines(rects)
    ordered = _reading_order(rects, _bands(rects, margin, mids), mids)
    if _body_in_order(rects, ordered, margin):
        # The body already runs in reading order; only lines in the margins (a page number the
        # producer drew first, a footer under one column) may sit out of place. Read the page in
        # one call and move those lines to the top or bottom.
        moved = _move_margin_lines(textpage, rects, margin)
        if moved is not None:
            return moved
    out = []
    for line in ordered:
        text = " ".join(p for p in _line_parts(textpage, rects, line) if p)
        if text:
            out.append(text)
    return "\n".join(out)


def _bands(rects: list[Rect], margin: set[float], mids: list[float]) -> list[list[float]]:
    """``[bottom, top]`` of the full-width bands (margin lines and lines crossing a gutter), top down."""
    spanning = [r for r in rects if r[1] in margin or any(r[0] < m < r[2] for m in mids)]
    bands: list[list[float]] = []
    for _, b, _, t in sorted(spanning, key=lambda r: -r[3]):
        if bands and t >= bands[-1][0] - 1:
            bands[-1][0] = min(bands[-1][0], b)
        else:
            bands.append([b, t])
    return bands


def _reading_order(rects: list[Rect], bands: list[list[float]], mids: list[float]) -> list[list[int]]:
    """Lines of rectangle indices in reading order: bands and the columns between them."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, rect in enumerate(rects):
        groups.setdefault(_group_key(rect, bands, mids), []).append(i)
    ordered: list[list[int]] = []
    for key in sorted(groups):
        ordered.extend(_lines(rects, groups[key]))
    return ordered


def _group_key(rect: Rect, bands: list[list[float]], mids: list[float]) -> tuple[int, int]:
    """(region, column): odd regions are bands, even ones the columns between them. A rectangle whose
    middle lies in a band belongs to it (a brace or a superscript beside a title line)."""
    cy = (rect[1] + rect[3]) / 2
    band = next((k for k, (b, t) in enumerate(bands) if b - 1 <= cy <= t + 1), None)
    if band is not None:
        return (2 * band + 1, 0)
    region = sum(1 for b, t in bands if cy < b)  # bands above this rectangle
    return (2 * region, sum(1 for m in mids if (rect[0] + rect[2]) / 2 > m))


def _body_in_order(rects: list[Rect], ordered: list[list[int]], margin: set[float]) -> bool:
    """True when the rectangles outside the margins already come in reading order."""
    position = {i: n for n, line in enumerate(ordered) for i in line}
    body = [position[i] for i in range(len(rects)) if rects[i][1] not in margin]
    return all(a <= b for a, b in zip(body, body[1:]))


def _line_parts(textpage, rects: list[Rect], line: list[int]) -> list[str]:
    return [textpage.get_text_bounded(*rects[i]).replace("\r\n", " ").strip() for i in line]


def _move_margin_lines(textpage, rects: list[Rect], margin: set[float]) -> str | None:
    """pdfium's text of the page with the margin lines moved to the top or bottom; None when a
    margin line cannot be found whole in pdfium's text (the caller then reads line by line)."""
    stream = [line.strip() for line in textpage.get_text_range().replace("\r\n", "\n").split("\n")]
    if not margin:
        return "\n".join(stream)
    body_bottom = min((r[1] for r in rects if r[1] not in margin), default=0.0)
    top, bottom = [], []
    for line in _lines(rects, [i for i, r in enumerate(rects) if r[1] in margin]):
        parts = [p for p in _line_parts(textpage, rects, line) if p]
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


def _margin_lines(rects: list[Rect]) -> set[float]:
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


def _lines(rects: list[Rect], indices: list[int]) -> list[list[int]]:
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
