"""A time limit on a block of Python code running in this process.

``with deadline(seconds):`` raises :class:`DeadlineExceeded` inside the block once ``seconds``
have passed. In the main thread (a pool worker) a real-time timer's signal raises it; in any
other thread (a task runner's thread) a watchdog raises it in that thread asynchronously. Either
way it arrives between Python bytecodes: a long call into C (one spaCy component over one text)
finishes first, which for the NLP stage is a fraction of a second per text.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DeadlineExceeded(Exception):
    """The block ran past its time limit."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(signum, frame):
        raise DeadlineExceeded

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    state = {"armed": True}
    lock = threading.Lock()

    def ring():
        with lock:
            if state["armed"]:
                _raise_in(target, DeadlineExceeded)

    timer = threading.Timer(seconds, ring)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:  # after this, the watchdog can no longer fire into code past the block
            state["armed"] = False
        timer.cancel()
        _raise_in(target, None)  # clear one that fired but has not been raised yet


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None
    )
