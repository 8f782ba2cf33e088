"""flows.deadline: a block running past its limit is stopped, in the main thread (pool workers,
by a timer's signal) and in any other thread (the task runner's, by an asynchronous exception);
a block that finishes in time is untouched and leaves no timer behind."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from flows.deadline import DeadlineExceeded, deadline


def _spin(seconds: float) -> int:
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:  # pure Python: the exception can arrive between bytecodes
        n += 1
    return n


def test_main_thread_block_is_stopped_and_the_timer_cleared():
    with pytest.raises(DeadlineExceeded):
        with deadline(0.2):
            _spin(30)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_other_thread_block_is_stopped_and_a_finished_one_is_not():
    outcome = []

    def work():
        try:
            with deadline(0.2):
                _spin(30)
            outcome.append("finished")
        except DeadlineExceeded:
            outcome.append("stopped")
        with deadline(5):
            _spin(0.05)
        _spin(0.3)  # past the first limit again: nothing fires after the blocks
        outcome.append("after")

    t = threading.Thread(target=work)
    t.start()
    t.join(20)
    assert outcome == ["stopped", "after"]


def test_zero_means_no_limit():
    with deadline(0):
        assert _spin(0.05) > 0
