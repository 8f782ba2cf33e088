"""flows.guard: the parsing child is a real process that outlives one document, comes back when
something outside kills it, and leaves nothing behind; a PDF it parses gives the same Document as
parsing in this process."""

from __future__ import annotations

import fcntl
import os
import signal
import threading
import time

import psutil
from tip_fixtures import SAMPLE_PDF

from flows import guard
from flows.parsing import parse_source
from flows.plan import Limits, Source

PDF = Source("sample.pdf", str(SAMPLE_PDF), "sample")


def test_same_document_as_in_process_and_one_child_for_many():
    first = guard.guarded_parse(PDF, Limits())
    pid = guard._CHILD[0].proc.pid
    assert first == parse_source(PDF, Limits())[0]
    assert guard.guarded_parse(PDF, Limits()) == first
    assert guard._CHILD[0].proc.pid == pid  # the same child for the next document


def test_a_child_killed_from_outside_is_replaced():
    guard.guarded_parse(PDF, Limits())
    old = guard._CHILD[0].proc.pid
    os.kill(old, signal.SIGKILL)  # as when the thread that started it ends
    doc = guard.guarded_parse(PDF, Limits())
    assert (doc.status, doc.kind) == ("ok", "tip_report")
    assert guard._CHILD[0].proc.pid != old


def test_stopping_leaves_no_process():
    guard.guarded_parse(PDF, Limits())
    pid = guard._CHILD[0].proc.pid
    guard._stop()
    assert not guard._CHILD
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_one_guarded_parse_at_a_time_in_the_run():
    """The run's processes share one parse slot (a file lock named in the environment that pool
    workers inherit): while another holds it, a parse waits."""
    done = []
    with open(os.environ["TIPWATCH_PARSE_SLOT"], "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as another process of the run would
        t = threading.Thread(target=lambda: done.append(guard.guarded_parse(PDF, Limits()).status))
        t.start()
        time.sleep(1.0)
        assert done == []
    t.join(30)
    assert done == ["ok"]
