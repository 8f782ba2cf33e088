"""Parse a document in a child process that a time limit and a memory limit can stop.

A PDF of 36 KB can expand to gigabytes inside the PDF library, and a large web page can take
many minutes to parse; neither may stall or exhaust a run. :func:`guarded_parse` hands such a
document (every PDF, every file of unknown type, HTML over :data:`GUARDED_HTML_BYTES`) to one
long-lived child interpreter (``python -m flows.guard``) per calling process and waits at most
``Limits.parse_seconds``:

- the child caps its own address space at ``Limits.parse_memory_mb`` (``RLIMIT_AS``, inherited by
  the PDF reader's helper processes), so a bomb ends in a MemoryError or a killed child, never
  in the machine swapping;
- a parse over the time limit gets the child's whole process group killed;
- either way the document gets status ``error`` and one line, and the next document gets a fresh
  child. The child lives in its own session (a terminal's Ctrl-C is the parent's to handle) and
  dies with the thread that started it (``PR_SET_PDEATHSIG``), so a killed run leaves none behind.

Frames on the pipes: 8-byte big-endian length, then a pickle. The child is our own code, started
by us, so unpickling its answer is as safe as the parse itself.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import pickle
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors.parse import HTML_SUFFIXES, TEXT_SUFFIXES
from extractors.parse.documents import Document
from flows.plan import Limits, Source

GUARDED_HTML_BYTES = 256_000  # a news page is far smaller; parsing time grows fast beyond it


def needs_guard(s: Source, size: int) -> bool:
    """Plain text never needs the child (decoding is linear and the byte limit bounds it); HTML
    does above :data:`GUARDED_HTML_BYTES`; everything else (PDFs, unknown types) always does."""
    name = s.source.lower()
    if name.endswith(TEXT_SUFFIXES):
        return False
    return not name.endswith(HTML_SUFFIXES) or size > GUARDED_HTML_BYTES


class _Child:
    """One child interpreter and its pipes."""

    def __init__(self, memory_mb: int):
        root = str(Path(__file__).resolve().parent.parent)  # where ``flows`` is importable from
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
        self.memory_mb = memory_mb
        self.stderr = tempfile.TemporaryFile()  # its last words, when it dies, for the error line
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "flows.guard", str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            env=env,
            start_new_session=True,  # its own process group: killed as one, out of the terminal's reach
        )

    def alive(self) -> bool:
        return self.proc.poll() is None

    def last_words(self) -> str:
        self.stderr.seek(0)
        lines = self.stderr.read()[-4000:].decode("utf-8", "replace").strip().splitlines()
        return lines[-1].strip() if lines else ""

    def kill(self) -> int | None:
        """Kill the child and its helpers; its exit status (negative: the signal that ended it)."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()
            except OSError:
                pass
        return self.proc.wait()


_LOCK = threading.Lock()
_CHILD: list[_Child] = []  # at most one per process, started on first need
# One guarded parse at a time in the whole run (its pool workers inherit the variable): each child
# may grow to its memory limit, and the run's peak must stay bounded. A file lock, which the kernel
# releases when its holder dies, so a killed worker never leaves the others waiting.
_SLOT_ENV = "TIPWATCH_PARSE_SLOT"


def guarded_parse(s: Source, limits: Limits) -> Document:
    """:func:`flows.parsing.parse_source` run in the child, within ``limits.parse_seconds`` and
    ``limits.parse_memory_mb``; a Document with status ``error`` and one line when it is not."""
    with _LOCK, _parse_slot():
        doc = _in_child(s, limits)
        if doc is None:  # killed from outside (the thread that started it ended): once more
            doc = _in_child(s, limits) or _failed(s, _death(-signal.SIGKILL, limits.parse_memory_mb, ""))
    return doc


def _in_child(s: Source, limits: Limits) -> Document | None:
    """The child's answer, an error Document, or None when something outside SIGKILLed the child."""
    child = _child(limits.parse_memory_mb)
    deadline = time.monotonic() + limits.parse_seconds
    try:
        _write(child.proc.stdin, pickle.dumps((s, limits)))
        answer = _read(child.proc.stdout.fileno(), deadline)
    except TimeoutError:
        _drop(child)
        return _failed(s, f"parsing took over {limits.parse_seconds:g} s (the limit, --parse-seconds)")
    except (EOFError, OSError):
        code = _drop(child)
        if code == -signal.SIGKILL:
            return None
        return _failed(s, _death(code, limits.parse_memory_mb, child.last_words()))
    doc, memory_error = pickle.loads(answer)
    if memory_error:  # its heap is suspect after a MemoryError: the next document gets a new child
        _drop(child)
    return doc


@contextmanager
def _parse_slot() -> Iterator[None]:
    with open(os.environ[_SLOT_ENV], "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def _own_slot() -> None:
    """Name the run's slot when this process is the first of its run to import the module (set
    at import, before any pool starts, so the workers inherit it); its owner removes the file."""
    if _SLOT_ENV not in os.environ:
        path = os.path.join(tempfile.gettempdir(), f"tipwatch-parse-{os.getpid()}.lock")
        os.environ[_SLOT_ENV] = path
        atexit.register(lambda: Path(path).unlink(missing_ok=True))


_own_slot()


def _child(memory_mb: int) -> _Child:
    if _CHILD and (not _CHILD[0].alive() or _CHILD[0].memory_mb != memory_mb):
        _drop(_CHILD[0])
    if not _CHILD:
        _CHILD.append(_Child(memory_mb))
    return _CHILD[0]


def _drop(child: _Child) -> int | None:
    if child in _CHILD:
        _CHILD.remove(child)
    return child.kill()


@atexit.register
def _stop() -> None:
    for child in list(_CHILD):
        _drop(child)


def _death(code: int | None, memory_mb: int, last_words: str) -> str:
    if code is not None and code < 0:  # pdfium aborts when an allocation fails under the cap
        return f"the parser died: over the memory limit of {memory_mb:,} MB, or a crash (signal {-code})"
    return f"the parser stopped (exit status {code}){': ' + last_words if last_words else ''}"


def _failed(s: Source, message: str) -> Document:
    return Document(doc_id=s.doc_id, text="", kind="other", url=s.source, status="error", error=message)


def _write(pipe, payload: bytes) -> None:
    pipe.write(len(payload).to_bytes(8, "big") + payload)
    pipe.flush()


def _read(fd: int, deadline: float | None) -> bytes:
    size = int.from_bytes(_read_exact(fd, 8, deadline), "big")
    return _read_exact(fd, size, deadline)


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


# ---- the child ---------------------------------------------------------------------------------


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when the thread that started it ends (a killed run)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # elsewhere the closed stdin still ends it between documents


def main(memory_mb: int) -> None:
    """The child's loop: read (source, limits), parse, answer (document, ran out of memory)."""
    import resource

    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap if hard < 0 else min(cap, hard), hard))
    from flows.parsing import parse_source  # after the cap: the imports count against it too

    stdin, stdout = sys.stdin.buffer.fileno(), sys.stdout.buffer
    while True:
        try:
            s, limits = pickle.loads(_read(stdin, None))
        except EOFError:
            return
        try:
            answer = (parse_source(s, limits)[0], False)
        except MemoryError:
            answer = (_failed(s, f"parsing ran out of memory (the limit is {memory_mb:,} MB)"), True)
        except Exception as exc:  # a parser bug: this document's error, not the child's end
            answer = (_failed(s, f"parsing failed: {type(exc).__name__}: {exc}".splitlines()[0]), False)
        _write(stdout, pickle.dumps(answer))


if __name__ == "__main__":
    main(int(sys.argv[1]))
