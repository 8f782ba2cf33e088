"""Polite, robust HTTP fetching into content-addressed storage under ``raw/``.

Contract of :func:`fetch_one` (one URL, one :class:`Fetched`, never raises for network trouble):

* one ``httpx`` request at a time per client, a descriptive ``User-Agent``, redirects followed;
* timeouts (``timeout`` per connect/read, ``max_seconds`` for a whole body);
* retries with exponential backoff (or the server's Retry-After, capped at 60 s) on 5xx, 429 and
  transport errors (refused connection, timeout, broken response) -- never on other 4xx, which
  will not get better by asking again. In a Prefect run each URL is a ``fetch-url`` task run and
  the retries are Prefect's (``retries``, ``retry_delay_seconds``); outside one, a plain loop;
* a conditional request (``If-None-Match`` / ``If-Modified-Since``) when the URL was fetched before
  and its bytes are still on disk: ``304`` means nothing is downloaded;
* a size limit checked against ``Content-Length`` before reading and again while streaming;
* a content-type check per source kind, and a content check (a "PDF" must start with ``%PDF``,
  "text" must not be binary), so junk is refused before it is stored;
* the body stored once under its sha256: ``raw/fetched/<sha256>.<ext>`` (documents) or
  ``raw/.fetch/feeds/<sha256>.xml`` (feeds are listings, not documents, and stay out of the raw
  folder scan), plus, the first time those bytes are stored, ``<file>.meta.json`` with the URL and
  the response headers. Existing files are never rewritten.

:func:`fetch_host` runs a list of requests for one host in order with ``delay`` seconds between
requests; :func:`fetch_all` groups requests by host and runs one Prefect task per host, so hosts
are fetched in parallel and each host sees at most one request at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.feeds import FeedEntry, FeedError, parse_feed  # noqa: F401  (re-exported)

FETCHED_DIR = "fetched"  # under raw/: fetched documents, found by the raw folder scan too
FETCH_DIR = ".fetch"  # under raw/: feeds and the fetch state (hidden from the raw folder scan)

# Accepted content types per source kind, and the file extension each one is stored with.
EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
}
ACCEPT = {
    "article": ("text/html", "application/xhtml+xml", "text/plain", "application/pdf"),
    "report": ("application/pdf",),
    "feed": ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml"),
}
_OCTET = ("application/octet-stream", "binary/octet-stream", "")
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchSettings:
    """How to fetch. ``retries`` are extra attempts after the first; backoff doubles each time."""

    user_agent: str = "tipwatch/0.1 (research pipeline on human-trafficking reporting; polite fetcher)"
    timeout: float = 20.0
    max_seconds: float = 300.0
    retries: int = 3
    backoff: float = 1.0
    delay: float = 1.0
    max_bytes: int = 30_000_000


@dataclass(frozen=True)
class FetchRequest:
    """One URL to fetch. ``etag``/``last_modified`` make it conditional (only when ``path`` exists)."""

    url: str
    kind: str = "article"  # article / report / feed
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None  # what the URL held last time
    path: str | None = None  # where those bytes are, relative to raw/
    max_bytes: int | None = None


@dataclass(frozen=True)
class Fetched:
    """The outcome of one request. ``outcome``: new (bytes stored now), stored (bytes were already
    in raw/ from another URL or an earlier change), unchanged (304), error (``error`` says why)."""

    url: str
    outcome: str
    sha256: str | None = None
    path: str | None = None  # relative to raw/
    final_url: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    status_code: int | None = None
    attempts: int = 0
    n_bytes: int = 0
    error: str | None = None
    headers: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.outcome != "error"


class _Refused(Exception):
    """A response we will not store (size, type, content); the message is the one-line reason."""


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _media_type(value: str | None) -> str:
    return (value or "").split(";")[0].strip().lower()


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 1% control characters, in the first 8 KB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.01


def _starts_like_feed(data: bytes, *, after_bom: bool) -> bool:
    head = data.lstrip()[:100]
    return (head.lstrip(b"\xef\xbb\xbf") if after_bom else head).startswith((b"<?xml", b"<rss", b"<feed"))


def _relabelled(kind: str, media: str, data: bytes) -> str | None:
    """The media type the bytes show when the label is generic or wrong, else None: a PDF or feed
    sent as ``application/octet-stream``; a feed sent as ``text/html`` or ``text/plain`` (many
    servers do that)."""
    if media in _OCTET and kind in ("report", "article") and data.lstrip()[:5] == b"%PDF-":
        return "application/pdf"
    if media in _OCTET and kind == "feed" and _starts_like_feed(data, after_bom=True):
        return "application/xml"
    if (
        media not in ACCEPT[kind]
        and kind == "feed"
        and media.startswith("text/")
        and _starts_like_feed(data, after_bom=False)
    ):
        return "application/xml"
    return None


def check_content(kind: str, content_type: str, data: bytes) -> str:
    """The media type to store ``data`` under, or raise _Refused with the reason."""
    media = _media_type(content_type)
    relabelled = _relabelled(kind, media, data)
    if relabelled:
        return relabelled
    if media not in ACCEPT[kind]:
        raise _Refused(
            f"unsupported content type {media or '(none)'} for {'an' if kind == 'article' else 'a'} {kind}"
        )
    if media == "application/pdf":
        if data.lstrip()[:5] != b"%PDF-":
            raise _Refused("content labelled application/pdf is not a PDF")
    elif _looks_binary(data):
        raise _Refused(f"binary content labelled {media}")
    return media


def store_bytes(raw: Path, data: bytes, media: str, *, kind: str, meta: dict) -> tuple[str, str, bool]:
    """Store ``data`` content-addressed; returns (sha256, path relative to raw, newly stored)."""
    sha = hashlib.sha256(data).hexdigest()
    ext = EXTENSIONS.get(media, ".bin")
    rel = Path(FETCH_DIR, "feeds", sha + ext) if kind == "feed" else Path(FETCHED_DIR, sha + ext)
    path = raw / rel
    if path.exists():
        return sha, rel.as_posix(), False
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write aside and rename: a reader (or a crash) never sees a partial file under the final name.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    meta_tmp = tmp.with_suffix(".meta.tmp")
    meta_tmp.write_text(json.dumps({**meta, "sha256": sha, "bytes": len(data)}, indent=2, sort_keys=True))
    os.replace(meta_tmp, path.with_name(path.name + ".meta.json"))
    os.replace(tmp, path)
    return sha, rel.as_posix(), True


def _reason(exc: httpx.TransportError, settings: FetchSettings) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {settings.timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'transport error'}"


class _Retry(Exception):
    """A failure that asking again may cure: 5xx, 429, a refused connection, a timeout.
    ``wait`` is the server's Retry-After hint in seconds (capped at 60), 0 when it gave none."""

    def __init__(self, reason: str, wait: float = 0.0):
        super().__init__(reason)
        self.reason, self.wait = reason, wait


class _Deadline:
    """An overall deadline for one request, headers included: a read timeout restarts with every
    byte, so a server sending its headers at a byte a second would hold a run forever. When
    ``seconds`` pass, the client's open connections are closed under the request, which then fails
    with a transport error (``expired`` tells it from a network failure)."""

    def __init__(self, client: httpx.Client, seconds: float):
        self.client, self.seconds, self.expired = client, seconds, False
        self.timer = threading.Timer(seconds, self._expire)
        self.timer.daemon = True
        self.reason = f"no complete response within {seconds:g} s (the deadline per request)"

    def _expire(self) -> None:
        self.expired = True
        self.client._transport.close()  # the pool opens new connections for later requests

    def __enter__(self) -> _Deadline:
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.cancel()


def retry_delays(settings: FetchSettings) -> list[float]:
    """Seconds before each retry: ``backoff`` doubling, e.g. backoff 1.0, retries 3 -> [1, 2, 4]."""
    return [settings.backoff * 2**i for i in range(settings.retries)]


def conditional_headers(req: FetchRequest, raw: Path) -> dict[str, str]:
    """``If-None-Match`` / ``If-Modified-Since`` when the URL's last bytes are still on disk."""
    headers = {}
    if req.path and (raw / req.path).exists():
        if req.etag:
            headers["If-None-Match"] = req.etag
        if req.last_modified:
            headers["If-Modified-Since"] = req.last_modified
    return headers


def fetch_attempt(
    client: httpx.Client, req: FetchRequest, raw: Path, settings: FetchSettings, attempt: int
) -> Fetched:
    """One request for ``req`` (attempt number ``attempt``, from 1). Raises :class:`_Retry` when
    asking again may help; every other outcome, failures included, is a :class:`Fetched`."""
    headers = conditional_headers(req, raw)
    watchdog = _Deadline(client, settings.max_seconds)
    try:
        with watchdog, client.stream("GET", req.url, headers=headers) as resp:
            return _response(resp, req, raw, settings, bool(headers), attempt)
    except httpx.TransportError as exc:
        if watchdog.expired:  # headers or body trickling in: cut off, not waited on
            return Fetched(req.url, "error", attempts=attempt, error=watchdog.reason)
        raise _Retry(_reason(exc, settings)) from None
    except _Retry as exc:
        # The server's Retry-After counts when it asks for longer than our own backoff.
        delays = retry_delays(settings)
        if attempt <= len(delays) and exc.wait > delays[attempt - 1]:
            time.sleep(exc.wait - delays[attempt - 1])
        raise
    except _Refused as exc:
        return Fetched(req.url, "error", attempts=attempt, error=str(exc))
    except httpx.InvalidURL as exc:
        return Fetched(req.url, "error", attempts=attempt, error=f"invalid URL: {exc}")
    except Exception as exc:  # anything else (a protocol oddity, a full disk) fails this URL, not the run
        first = str(exc).splitlines()[0] if str(exc) else "fetch failed"
        return Fetched(req.url, "error", attempts=attempt, error=f"{type(exc).__name__}: {first}")


def _response(
    resp: httpx.Response,
    req: FetchRequest,
    raw: Path,
    settings: FetchSettings,
    conditional: bool,
    attempt: int,
) -> Fetched:
    """What a response means: 304 unchanged, 5xx / 429 retry, other non-200 an error, 200 stored."""
    code = resp.status_code
    if code == 304 and conditional:
        return Fetched(
            req.url,
            "unchanged",
            req.sha256,
            req.path,
            str(resp.url),
            None,
            resp.headers.get("etag") or req.etag,
            resp.headers.get("last-modified") or req.last_modified,
            code,
            attempt,
            0,
            None,
            dict(resp.headers),
        )
    if code in _RETRY_STATUS:
        after = resp.headers.get("retry-after", "")
        raise _Retry(
            f"HTTP {code} {resp.reason_phrase}".strip(), min(float(after), 60.0) if after.isdigit() else 0.0
        )
    if code != 200:
        return Fetched(
            req.url,
            "error",
            status_code=code,
            attempts=attempt,
            final_url=str(resp.url),
            error=f"HTTP {code} {resp.reason_phrase}".strip(),
            headers=dict(resp.headers),
        )
    return _store_response(resp, req, raw, settings, attempt)


def _store_response(
    resp: httpx.Response, req: FetchRequest, raw: Path, settings: FetchSettings, attempt: int
) -> Fetched:
    """Read a 200 response within the limits, check its content and store it."""
    data = _read_body(resp, req.max_bytes or settings.max_bytes, settings)
    media = check_content(req.kind, resp.headers.get("content-type", ""), data)
    meta = {
        "url": req.url,
        "final_url": str(resp.url),
        "status_code": resp.status_code,
        "fetched_at": _now(),
        "headers": dict(resp.headers),
    }
    sha, rel, new = store_bytes(raw, data, media, kind=req.kind, meta=meta)
    return Fetched(
        req.url,
        "new" if new else "stored",
        sha,
        rel,
        str(resp.url),
        media,
        resp.headers.get("etag"),
        resp.headers.get("last-modified"),
        resp.status_code,
        attempt,
        len(data),
        None,
        dict(resp.headers),
    )


def _fetch_url_fn(client: httpx.Client, req: FetchRequest, raw: Path, settings: FetchSettings) -> Fetched:
    from prefect.context import TaskRunContext

    return fetch_attempt(client, req, raw, settings, TaskRunContext.get().task_run.run_count)


# One task run per URL; Prefect retries it (see fetch_one). Called, not submitted: it runs in the
# fetch task of its host, so requests to a host stay one at a time.
fetch_url = task(_fetch_url_fn, name="fetch-url", cache_policy=NO_CACHE, persist_result=False)


def fetch_one(client: httpx.Client, req: FetchRequest, raw: Path, settings: FetchSettings) -> Fetched:
    """Fetch one URL with retries; see the module docstring. Never raises for network trouble.

    In a Prefect run the retries are the ``fetch-url`` task's (``retries``, ``retry_delay_seconds``
    from :func:`retry_delays`); a library caller outside Prefect gets the same delays in a loop."""
    from prefect.context import FlowRunContext, TaskRunContext

    delays = retry_delays(settings)
    try:
        if FlowRunContext.get() is None and TaskRunContext.get() is None:
            return _without_prefect(client, req, raw, settings, delays)
        retrying = fetch_url.with_options(retries=settings.retries, retry_delay_seconds=delays or 0)
        return retrying(client, req, raw, settings)
    except _Retry as exc:
        attempts = settings.retries + 1
        suffix = f" ({attempts} attempts)" if attempts > 1 else ""
        return Fetched(req.url, "error", attempts=attempts, error=exc.reason + suffix)


def _without_prefect(
    client, req: FetchRequest, raw: Path, settings: FetchSettings, delays: list[float]
) -> Fetched:
    for attempt, delay in enumerate([*delays, None], 1):
        try:
            return fetch_attempt(client, req, raw, settings, attempt)
        except _Retry:
            if delay is None:
                raise
            time.sleep(delay)
    raise AssertionError("unreachable")


def _read_body(resp: httpx.Response, max_bytes: int, settings: FetchSettings) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _Refused(f"response is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    started, chunks, size = time.monotonic(), [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _Refused(f"response is over the limit of {max_bytes:,} bytes")
        if time.monotonic() - started > settings.max_seconds:
            raise _Refused(f"response took longer than {settings.max_seconds:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def client_for(settings: FetchSettings) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=True,
        max_redirects=5,
        # One connection per host: requests to a host never overlap.
        limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
    )


def fetch_host(requests: list[FetchRequest], raw: str, settings: FetchSettings) -> list[Fetched]:
    """Fetch requests (all for one host) one after another, ``settings.delay`` s apart."""
    out: list[Fetched] = []
    last = None
    with client_for(settings) as client:
        for req in requests:
            if last is not None:
                # The delay runs from the end of one request to the start of the next.
                time.sleep(max(0.0, settings.delay - (time.monotonic() - last)))
            out.append(fetch_one(client, req, Path(raw), settings))
            last = time.monotonic()
    return out


fetch_host_task = task(fetch_host, name="fetch", cache_policy=NO_CACHE, persist_result=False, retries=0)


def fetch_all(requests: list[FetchRequest], raw: Path, settings: FetchSettings) -> list[Fetched]:
    """Fetch every request, one Prefect task per host (hosts in parallel); results in input order.

    Inside a flow run the tasks go through the flow's task runner; outside one (a script, a test of
    the library) the hosts are fetched in turn in this process."""
    from prefect.context import FlowRunContext

    groups: dict[str, list[int]] = {}
    for i, req in enumerate(requests):
        groups.setdefault(host_of(req.url), []).append(i)
    results: list[Fetched | None] = [None] * len(requests)
    in_flow = FlowRunContext.get() is not None
    pending = []
    for idxs in groups.values():
        reqs = [requests[i] for i in idxs]
        if in_flow:
            pending.append((idxs, fetch_host_task.submit(reqs, str(raw), settings)))
        else:
            pending.append((idxs, fetch_host(reqs, str(raw), settings)))
    for idxs, res in pending:
        fetched = res.result() if in_flow else res
        for i, f in zip(idxs, fetched):
            results[i] = f
    return [r for r in results if r is not None]


def with_settings(settings: FetchSettings, overrides: dict) -> FetchSettings:
    """``settings`` with the known keys of ``overrides`` applied (from the sources file)."""
    known = {k: v for k, v in overrides.items() if k in FetchSettings.__dataclass_fields__}
    return replace(settings, **known)
