"""Page numbers and running heads/feet, recognised by pattern across a document's pages.

Contract of :func:`strip_running_lines`: per-page lines in, the same lines without page numbers and
running lines out, plus how many were removed. Nothing is cut by position on the page: a line goes
because it repeats at the top or bottom of several pages (digits ignored) or because its number
follows the page sequence.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["strip_running_lines"]

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-\u2013\u2014]?(?:\s+of\s+\d{1,4})?$", re.I
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_EDGE = 3  # lines at each end of a page where page numbers are looked for
_MAX_RUNNING = 200  # characters; a longer line is body text, whatever repeats
_TITLE_WORDS = re.compile(r"[^\W\d_]{2,}")


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
    if len(pages) < 2:
        return pages, 0
    pages, removed = _drop_page_numbers(pages)
    common = max(3, -(-len(pages) // 4))
    for round_ in range(3):
        running = _running_keys(pages, common, first_round=round_ == 0)
        if not running:
            break
        peeled = _peel(pages, running)
        if not peeled:
            break
        removed += peeled
    return pages, removed


def _drop_page_numbers(pages: list[list[str]]) -> tuple[list[list[str]], int]:
    """Pages without their page-number lines, and how many lines went."""
    drop = _page_number_lines(pages)
    if not drop:
        return pages, 0
    pages = [
        [line for j, line in enumerate(lines) if j not in drop.get(p, ())] for p, lines in enumerate(pages)
    ]
    return pages, sum(len(v) for v in drop.values())


def _page_number_lines(pages: list[list[str]]) -> dict[int, set[int]]:
    """Page index -> indices of its lines that are page numbers (value minus page index shared by
    at least two pages: "47699" on page 2 and "47700" on page 3)."""
    candidates = []  # (page index, line index, offset)
    for p, lines in enumerate(pages):
        n = len(lines)
        for j in sorted(set(range(min(_EDGE, n))) | set(range(max(0, n - _EDGE), n))):
            m = _PAGE_NUMBER.match(lines[j])
            if m:
                value = _number(m.group(1))
                if value is not None:
                    candidates.append((p, j, value - p))
    offsets = Counter(off for _, off in {(p, off) for p, _, off in candidates})  # pages per offset
    drop: dict[int, set[int]] = {}
    for p, j, off in candidates:
        if offsets[off] >= 2:
            drop.setdefault(p, set()).add(j)
    return drop


def _running_keys(pages: list[list[str]], common: int, *, first_round: bool) -> set[str]:
    """Digit-blind keys of the lines that run: at the top or bottom of ``common`` pages or more; in
    the first round also a line opening or closing two consecutive pages (a country's running head)
    and a title with a page number in it ("THE SIEGE OF VICKSBURG. 49" / "... 55")."""
    seen: dict[str, set[int]] = {}  # digit-blind key -> pages with it at the top or bottom
    exact: dict[str, set[int]] = {}
    for p, lines in enumerate(pages):
        for line in {lines[0], lines[-1]} if lines else ():
            seen.setdefault(_line_key(line), set()).add(p)
            exact.setdefault(line, set()).add(p)
    running = {key for key, ps in seen.items() if len(ps) >= common and _may_run(key)}
    if first_round:
        running |= {
            _line_key(line) for line, ps in exact.items() if any(p + 1 in ps for p in ps) and _may_run(line)
        }
        running |= {
            key
            for key, ps in seen.items()
            if len(ps) >= 2
            and "#" in key
            and len(_TITLE_WORDS.findall(key)) >= 3
            and len(key) <= _MAX_RUNNING
        }
    return running


def _may_run(line: str) -> bool:
    """A running line is short and has words: not a figure, not a paragraph."""
    return len(line) <= _MAX_RUNNING and sum(ch.isalpha() for ch in line) >= 2


def _peel(pages: list[list[str]], running: set[str]) -> int:
    """Remove (in place) each page's first and last line when running; returns how many went."""
    removed = 0
    for lines in pages:
        if lines and _line_key(lines[0]) in running:
            lines.pop(0)
            removed += 1
        if lines and _line_key(lines[-1]) in running:
            lines.pop()
            removed += 1
    return removed


def _line_key(line: str) -> str:
    """Digit-blind key: "2023 TRAFFICKING IN PERSONS REPORT 47" -> "# TRAFFICKING IN PERSONS REPORT #"."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line))


def _number(token: str) -> int | None:
    """ "47" -> 47; roman "xiv" -> 14 + 10,000, so front matter never joins the arabic sequence."""
    if token.isdigit():
        return int(token)
    total, prev = 0, 0
    for ch in reversed(token.lower()):
        value = _ROMAN[ch]
        total += -value if value < prev else value
        prev = max(prev, value)
    return total + 10_000  # roman front matter never shares an offset with arabic numbering
