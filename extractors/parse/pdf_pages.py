"""pdfium pages -> ``(text, columns, error)`` per page, in this process or in worker processes.

Contract: :func:`extract_range` reads pages ``start..stop-1`` of an open pdfium document and gives,
for each, its text normalised with ``normalize_text(..., dehyphenate=True)`` and in reading order
(:mod:`extractors.parse.pdf_layout`), its number of columns, and a one-line error or None (a broken
page yields ``("", 1, error)`` and never sinks the document). :func:`extract_parallel` does the
same for a whole file in contiguous page ranges, one per worker; results are identical either way.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import re
import subprocess
import sys
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.parse.documents import ERROR, ParseError, normalize_text
from extractors.parse.pdf_layout import column_gutters, columns_text

__all__ = ["PageText", "extract_parallel", "extract_range"]

PageText = tuple[str, int, str | None]  # (normalised text, number of columns, error or None)

# pdfium marks a hyphen it saw at a line end with U+FFFE (get_text_range) or U+0002 (bounded text)
# and joins the two lines itself. Join the word when both sides are lower case (what
# normalize_text(dehyphenate=True) does); after a capital or digit the hyphen belongs to a compound
# ("FAA-approved"): keep it and join the lines; otherwise put the hyphen and the line break back.
# (Matched on the marker, then decided on its neighbours: a lookbehind would be tried everywhere.)
_SOFT_BREAK = re.compile(r"[\ufffe\x02]\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _soft_break(m: re.Match) -> str:
    """Resolve one pdfium soft-hyphen marker: "traffick\ufffe\ning" -> "trafficking",
    "FAA\ufffe\napproved" -> "FAA-approved", anything else -> the hyphen and the line break back."""
    text, i, j = m.string, m.start(), m.end()
    before = text[i - 1] if i else ""
    after = text[j] if j < len(text) else ""
    if after.islower() and after.isascii():
        if before.islower() and before.isascii():
            return ""
        if before.isupper() or before.isdigit():
            return "-"
    return "-\n"


def extract_parallel(data: bytes, n_pages: int, workers: int) -> list[PageText]:
    """Pages of the PDF ``data`` read in ``workers`` contiguous ranges; the calling process takes
    the first range itself, and redoes any range whose worker failed or timed out."""
    # Workers are plain child interpreters (python -m extractors.parse.pdf_pages) fed through pipes,
    # not a multiprocessing pool: fork is unsafe under callers' threads (Prefect, Dask) and spawn
    # needs an ``if __name__ == "__main__"`` guard in whatever script the caller runs.
    bounds = [round(i * n_pages / workers) for i in range(workers + 1)]
    ranges = [(bounds[i], bounds[i + 1]) for i in range(workers) if bounds[i] < bounds[i + 1]]
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    results: dict[int, list] = {}
    threads = []
    for index, (start, stop) in enumerate(ranges[1:], start=1):
        thread = threading.Thread(
            target=_run_worker, args=(results, index, (data, start, stop), env), daemon=True
        )
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


def _run_worker(results: dict[int, list], index: int, job: tuple[bytes, int, int], env: dict) -> None:
    """Run one range in a child interpreter; leave ``results[index]`` unset when it fails."""
    start, stop = job[1], job[2]
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "extractors.parse.pdf_pages", "--worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        )  # fmt: skip
        try:
            out, _ = proc.communicate(pickle.dumps(job), timeout=60 + (stop - start))
        except subprocess.TimeoutExpired:
            proc.kill()  # never wait on a stuck child; its range is done in-process by the caller
            proc.communicate()
            return
        if proc.returncode == 0:
            results[index] = pickle.loads(out)
    except OSError:
        pass  # no child process: the caller does the range in-process


def _worker_main() -> int:
    data, start, stop = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(
        pickle.dumps(_extract_range_bytes(data, start, stop), protocol=pickle.HIGHEST_PROTOCOL)
    )
    sys.stdout.buffer.flush()
    return 0


def _extract_range_bytes(data: bytes, start: int, stop: int) -> list[PageText]:
    pdf = pdfium.PdfDocument(data)
    try:
        return extract_range(pdf, start, stop)
    finally:
        pdf.close()


def extract_range(pdf, start: int, stop: int) -> list[PageText]:
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
        except PageTooLong:
            raise
        except Exception as exc:
            out.append(("", 1, _one_line(exc)))
        finally:
            page.close()
    return out


class PageTooLong(ParseError):
    """A page with more characters than any real page holds (text drawn again and again through a
    form object: a small PDF that expands to millions of characters). The document is refused."""


# A dense report page holds about 6,000 characters; 100,000 is no page a person reads.
MAX_PAGE_CHARS = 100_000


def _page_text(page) -> tuple[str, int]:
    """(raw text in reading order, number of columns) of one page."""
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        if n == 0:
            return "", 1
        if n > MAX_PAGE_CHARS:
            raise PageTooLong(f"a page has {n:,} characters, over the limit of {MAX_PAGE_CHARS:,}", ERROR)
        rects = _rects(textpage)
        width = page.get_width()
        gutters = column_gutters(rects, width)
        ordered = columns_text(textpage, rects, gutters) if gutters else None
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
    """pdfium text with line ends unified, soft hyphens resolved and control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SOFT_BREAK.sub(_soft_break, text)
    return _CONTROL.sub("", text)


def _one_line(exc: Exception) -> str:
    """``"TypeName: first line of the message"`` for a page error."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


if __name__ == "__main__" and sys.argv[1:] == ["--worker"]:
    raise SystemExit(_worker_main())
