"""The progress of a run's long stage on stderr: a live bar on a terminal, plain lines elsewhere.

:func:`stage_progress` counts documents through a stage. When stderr is a terminal (and ``TERM``
is not ``dumb``) it draws a rich progress bar with the count, the rate, the time spent and the time
left; otherwise (a log file, cron's mail, a pipe) it prints plain lines, at most one every
:data:`PLAIN_EVERY` seconds and always the last one::

    [tipwatch] parsed and extracted 48/140 documents (3.1 documents/s, about 30 s left)
    [tipwatch] parsed and extracted 140/140 documents in 45 s (3.1 documents/s)

The bar is redrawn twice a second by a thread of this module (not rich's own), under a lock that
:mod:`flows.interrupt` takes before its last line, so an interrupted run never leaves a half-drawn
bar or a hidden cursor behind.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

PLAIN_EVERY = 5.0  # seconds between plain progress lines
REDRAW_EVERY = 0.5  # seconds between redraws of the bar
PREFIX = "[tipwatch] "


def on_terminal(stream) -> bool:
    """Whether ``stream`` is a terminal that can draw a bar."""
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def duration(seconds: float) -> str:
    """``45 s`` below a minute and a half, ``4 min`` above."""
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


class PlainProgress:
    """Plain lines: the count, the rate and the time left, at most one every ``every`` seconds,
    and the last one with the stage's time. ``clock`` is the time source (seconds)."""

    def __init__(self, total: int, label: str, unit: str, stream, every: float = PLAIN_EVERY, clock=None):
        self.total, self.label, self.unit, self.stream, self.every = total, label, unit, stream, every
        self.clock = clock or time.monotonic
        self.done = 0
        self.started = self.clock()
        self.last_line = self.started

    def advance(self, n: int) -> None:
        self.done += n
        now = self.clock()
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        head = f"{PREFIX}{self.label} {self.done}/{self.total} {self.unit}"
        if self.done >= self.total:
            line = f"{head} in {duration(elapsed)} ({rate:.1f} {self.unit}/s)"
        elif now - self.last_line >= self.every:
            left = (self.total - self.done) / rate if rate else 0.0
            line = f"{head} ({rate:.1f} {self.unit}/s, about {duration(left)} left)"
        else:
            return
        self.last_line = now
        print(line, file=self.stream, flush=True)

    def close(self) -> None:
        pass


class BarProgress:
    """A rich progress bar on a terminal, 78 columns wide at most::

    [tipwatch] extracting ━━━━━━━━━━╸━━━━━ 104/140 docs 7.2/s 0:00:16 ETA 0:00:03
    """

    def __init__(self, total: int, label: str, unit: str, stream):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.unit = unit
        self._lock = threading.Lock()  # one drawer at a time; flows.interrupt takes it last
        self._closed = threading.Event()
        self.bar = Progress(
            TextColumn(f"{PREFIX}{label}", markup=False),
            BarColumn(bar_width=16),
            MofNCompleteColumn(),
            TextColumn(unit, markup=False),
            TextColumn("{task.fields[rate]}", markup=False),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=stream, force_terminal=True),
            auto_refresh=False,
            redirect_stdout=False,
        )
        self.task = self.bar.add_task(label, total=total, rate="")
        self.started = time.monotonic()
        self.bar.start()
        self._redrawer = threading.Thread(target=self._redraw, name="tipwatch-progress", daemon=True)
        self._redrawer.start()

    def _redraw(self) -> None:
        while not self._closed.wait(REDRAW_EVERY):
            with self._lock:
                if not self._closed.is_set():
                    self.bar.refresh()

    def advance(self, n: int) -> None:
        with self._lock:
            self.bar.advance(self.task, n)
            done = self.bar.tasks[0].completed
            rate = done / max(time.monotonic() - self.started, 1e-9)
            self.bar.update(self.task, rate=f"{rate:.1f}/s")
            self.bar.refresh()

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            self.bar.stop()

    def abandon(self, stream_fd: int = 2) -> None:
        """For an interrupted run: stop drawing (waiting briefly for a redraw in progress), end the
        bar's line and show the cursor again, without rich (the main thread may be inside it)."""
        self._closed.set()
        self._lock.acquire(timeout=0.5)  # never released: nothing draws after this
        os.write(stream_fd, b"\n\x1b[?25h")


@contextmanager
def stage_progress(
    total: int,
    label: str = "parsed and extracted",
    unit: str = "documents",
    stream=None,
    bar: tuple[str, str] = ("extracting", "docs"),
) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)`` for a stage of ``total`` items: a bar (labelled with the shorter
    ``bar`` words) on a terminal, plain lines otherwise; nothing at all for an empty stage."""
    from flows.interrupt import set_terminal_cleanup

    stream = stream or sys.stderr
    if total <= 0:
        yield lambda n: None
        return
    shown = BarProgress(total, *bar, stream) if on_terminal(stream) else None
    reporter = shown or PlainProgress(total, label, unit, stream)
    if shown is not None:
        set_terminal_cleanup(shown.abandon)
    try:
        yield reporter.advance
    finally:
        if shown is not None:
            set_terminal_cleanup(None)
        reporter.close()
