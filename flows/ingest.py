"""Sources: the ``tipwatch.toml`` sources file, and turning it into :class:`~flows.pipeline.Source` s.

The sources file (TOML)::

    [fetch]                         # optional; every key optional (see FetchSettings)
    user_agent = "tipwatch/0.1 (+mailto:you@example.org)"
    delay = 2.0                     # seconds between two requests to one host
    timeout = 20                    # seconds per connect / read
    retries = 3                     # extra attempts on 5xx, 429, timeouts, refused connections
    backoff = 1.0                   # seconds before the first retry; doubles each time
    max_bytes = 30_000_000          # larger responses fail with a reason

    [[sources]]
    kind = "feed"                   # folder / article / feed / report
    url = "https://example.org/rss"
    schedule = "0 * * * *"          # optional cron; `tipwatch serve` makes one deployment per schedule
    max_entries = 30                # feeds only (default 50)

    [[sources]]
    kind = "folder"
    path = "raw"                    # relative to the sources file

Relative folder paths are resolved against the sources file's folder.

What a run does with it (:func:`ingest_sources`): folders are read every run (their files are
hashed like ``raw/``); web sources are fetched (conditionally) when they are *due*: always in
``tipwatch run``, and in a scheduled run only those whose ``schedule`` is the run's. A web source
that is not due, or whose fetch fails, contributes its last good copy from ``raw/``, so every run
publishes complete tables. A URL that has never been fetched successfully becomes a failure record
(``Source.error``): a documents row with status ``error`` and the one-line reason.

Fetch state lives in ``raw/.fetch/state.json``: per URL the ETag, Last-Modified, the sha256 and
path of the bytes it last held, and feed entry links. It is the one file under ``raw/`` that is
rewritten (atomically, by the flow process only); it is a cache: deleting it costs a full
re-download and changes no table, because documents are keyed on content.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from flows.discover import discover, progress
from flows.fetch import (
    FETCH_DIR,
    FeedError,
    Fetched,
    FetchRequest,
    FetchSettings,
    fetch_all,
    parse_feed,
    with_settings,
)
from flows.plan import Source

KINDS = ("folder", "article", "feed", "report")
_KEYS = {"kind", "url", "path", "schedule", "name", "max_entries", "max_bytes"}
# documents.kind for a URL that could not be fetched (parsed documents get the parser's kind).
FAILED_KIND = {"article": "news", "feed": "news", "report": "tip_report"}


class SourcesError(Exception):
    """A sources file that cannot be used; ``str()`` is one line naming the file."""


@dataclass(frozen=True)
class SourceSpec:
    kind: str
    url: str | None = None
    path: Path | None = None
    schedule: str | None = None
    name: str | None = None
    max_entries: int = 50
    max_bytes: int | None = None

    @property
    def label(self) -> str:
        return self.name or self.url or str(self.path)


@dataclass(frozen=True)
class SourcesConfig:
    path: Path
    sources: tuple[SourceSpec, ...]
    fetch: FetchSettings = field(default_factory=FetchSettings)

    def schedules(self) -> list[str]:
        """Distinct cron schedules, in file order."""
        return list(dict.fromkeys(s.schedule for s in self.sources if s.schedule))


def load_sources(path: str | Path) -> SourcesConfig:
    """Read and validate a sources file; raises SourcesError with one line."""
    path = Path(path)
    data = _read_toml(path)
    unknown = set(data) - {"fetch", "sources"}
    if unknown:
        raise SourcesError(
            f"{path}: unknown section(s) {', '.join(sorted(unknown))}: use [fetch] and [[sources]]"
        )
    settings = _fetch_settings(path, data.get("fetch", {}))
    specs = [
        _source_spec(raw, f"{path}: source {i}", path.parent)
        for i, raw in enumerate(data.get("sources", []), 1)
    ]
    if not specs:
        raise SourcesError(f"{path}: no [[sources]] listed")
    return SourcesConfig(path, tuple(specs), settings)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"sources file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: not valid TOML: {exc}") from None


def _fetch_settings(path: Path, fetch: dict) -> FetchSettings:
    """The ``[fetch]`` table over the defaults, e.g. ``delai = 1`` -> "unknown [fetch] key(s) delai"."""
    bad = set(fetch) - set(FetchSettings.__dataclass_fields__)
    if bad:
        raise SourcesError(f"{path}: unknown [fetch] key(s) {', '.join(sorted(bad))}")
    try:
        return with_settings(FetchSettings(), fetch)
    except TypeError as exc:
        raise SourcesError(f"{path}: [fetch]: {exc}") from None


def _source_spec(raw: object, where: str, base: Path) -> SourceSpec:
    """One ``[[sources]]`` table, checked: e.g. ``kind = "blog"`` -> "kind must be one of folder,
    article, feed, report (got 'blog')"; a folder's relative path is resolved against ``base``."""
    if not isinstance(raw, dict):
        raise SourcesError(f"{where}: expected a table ([[sources]])")
    bad = set(raw) - _KEYS
    if bad:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(bad))}")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise SourcesError(f"{where}: kind must be one of {', '.join(KINDS)} (got {kind!r})")
    schedule = raw.get("schedule")
    if schedule is not None:
        _check_cron(schedule, where)
    if kind == "folder":
        if not isinstance(raw.get("path"), str):
            raise SourcesError(f'{where}: a folder needs path = "..."')
        folder = Path(raw["path"])
        folder = folder if folder.is_absolute() else (base / folder)
        return SourceSpec(kind, path=folder.resolve(), schedule=schedule, name=raw.get("name"))
    url = raw.get("url")
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise SourcesError(f'{where}: a {kind} needs url = "http(s)://..." (got {url!r})')
    return SourceSpec(
        kind,
        url=url,
        schedule=schedule,
        name=raw.get("name"),
        max_entries=int(raw.get("max_entries", 50)),
        max_bytes=raw.get("max_bytes"),
    )


def _check_cron(value: object, where: str) -> None:
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=value)
    except Exception:
        raise SourcesError(
            f'{where}: schedule {value!r} is not a cron expression (e.g. "0 * * * *")'
        ) from None


# -- fetch state ------------------------------------------------------------------------------------
class FetchState:
    """URL -> what we know about it (see the module docstring). Saved atomically."""

    def __init__(self, raw: Path):
        self.path = raw / FETCH_DIR / "state.json"
        self.urls: dict[str, dict] = {}
        if self.path.exists():
            try:
                self.urls = json.loads(self.path.read_text())["urls"]
            except (ValueError, KeyError):
                self.urls = {}  # a damaged cache: start over (costs a re-download, nothing else)

    def request(self, url: str, kind: str, max_bytes: int | None = None) -> FetchRequest:
        s = self.urls.get(url, {})
        return FetchRequest(
            url, kind, s.get("etag"), s.get("last_modified"), s.get("sha256"), s.get("path"), max_bytes
        )

    def record(self, f: Fetched, checked_at: str) -> None:
        s = self.urls.setdefault(f.url, {})
        s["checked_at"] = checked_at
        if f.ok:
            if f.outcome != "unchanged":
                s.update(
                    sha256=f.sha256,
                    path=f.path,
                    content_type=f.content_type,
                    final_url=f.final_url,
                    fetched_at=checked_at,
                )
            s.update(etag=f.etag, last_modified=f.last_modified, error=None)
        else:
            s["error"] = f.error

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".state.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": 1, "urls": self.urls}, indent=1, sort_keys=True))
        os.replace(tmp, self.path)


# -- ingest -----------------------------------------------------------------------------------------
def failure_id(url: str) -> str:
    """doc_id of a URL with no bytes to hash: sha256 of the URL, so each failing URL is one row."""
    return hashlib.sha256(("unfetched:" + url).encode()).hexdigest()


def ingest_sources(sources_file: str, raw: Path, schedule: str | None = None, *, log=None) -> list[Source]:
    """Folders, articles, reports and feed entries of a sources file as a list of Source.

    ``schedule`` None fetches every web source; a cron string fetches only the web sources with
    that schedule (the others contribute their last stored copy). Order is deterministic: file
    order, feed entries in feed order."""
    log = log or progress
    cfg = load_sources(sources_file)
    raw = Path(raw)
    state = FetchState(raw)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    due = [s for s in cfg.sources if s.kind != "folder" and (schedule is None or s.schedule == schedule)]
    # 1. the URLs listed in the file; 2. the entries of the feeds fetched now
    results = _fetch(state, [state.request(s.url, s.kind, s.max_bytes) for s in due], raw, cfg.fetch, now)
    feed_errors = _list_feeds(state, [s for s in due if s.kind == "feed"], results, raw)
    wanted = _new_entries(state, due, results)
    results.update(_fetch(state, [state.request(u, "article") for u in wanted], raw, cfg.fetch, now))
    state.save()
    _log_fetched(list(results.values()), log)
    # 3. Sources, in file order
    out: list[Source] = []
    for spec in cfg.sources:
        out.extend(_sources_of(spec, state, raw, results, feed_errors, log))
    return [s for s in out if s is not None]


def _fetch(
    state: FetchState, requests: list[FetchRequest], raw: Path, settings, now: str
) -> dict[str, Fetched]:
    """Fetch ``requests`` and record each outcome in the fetch state; URL -> Fetched."""
    results: dict[str, Fetched] = {}
    for f in fetch_all(requests, raw, settings):
        state.record(f, now)
        results[f.url] = f
    return results


def _list_feeds(state: FetchState, feeds: list[SourceSpec], results: dict, raw: Path) -> dict[str, str]:
    """Record the entries of each feed fetched now; feed URL -> error for those that failed.

    A feed that fails keeps the entries it had; entries listed before stay ``seen`` (feeds show only
    their newest items, and articles listed before stay in the tables)."""
    feed_errors: dict[str, str] = {}
    for spec in feeds:
        f = results[spec.url]
        entry = state.urls[spec.url]
        if not f.ok:
            feed_errors[spec.url] = f.error
            continue
        try:
            entries = parse_feed((raw / f.path).read_bytes(), f.final_url or spec.url)
        except FeedError as exc:
            entry["error"] = str(exc)
            feed_errors[spec.url] = str(exc)
            continue
        entry["entries"] = [e.link for e in entries[: spec.max_entries]]
        entry["seen"] = list(dict.fromkeys(entry["entries"] + entry.get("seen", [])))
    return feed_errors


def _new_entries(state: FetchState, due: list[SourceSpec], results: dict) -> list[str]:
    """Entry links of the due feeds not fetched yet in this run, in feed order, once each."""
    links = (link for s in due if s.kind == "feed" for link in state.urls[s.url].get("entries", []))
    return list(dict.fromkeys(link for link in links if link not in results))


def _log_fetched(fetched: list[Fetched], log) -> None:
    if fetched:
        counts = {
            k: sum(1 for r in fetched if r.outcome == k) for k in ("new", "stored", "unchanged", "error")
        }
        log(
            f"fetched {len(fetched)} URLs: {counts['new']} new, {counts['stored']} already stored, "
            f"{counts['unchanged']} unchanged (304), {counts['error']} failed"
        )


def _sources_of(spec: SourceSpec, state: FetchState, raw: Path, results: dict, feed_errors: dict, log):
    """The Sources one entry of the sources file contributes (None for a URL never seen)."""
    if spec.kind == "folder":
        if not spec.path.is_relative_to(raw.resolve()):  # files are read only inside raw/
            error = (
                f"refused: the folder {spec.path} is outside the raw folder (files are read only inside it)"
            )
            log(error)
            key = failure_id(f"folder:{spec.path}")
            return [Source(str(spec.path), "", key, error=error, kind="other")]
        if not spec.path.is_dir():
            log(f"folder not found, skipped: {spec.path}")
            return []
        return discover(spec.path)
    if spec.kind != "feed":
        return [_source(state, raw, spec.url, spec.url, spec.kind, results)]
    links = state.urls.get(spec.url, {}).get("seen")
    if links is not None:
        return [_source(state, raw, link, spec.url, "article", results) for link in links]
    if spec.url in feed_errors:  # never listed: the feed itself is the failed document
        error = feed_errors[spec.url]
        return [Source(spec.url, "", failure_id(spec.url), spec.url, error=error, kind="news")]
    return []


def _source(state: FetchState, raw: Path, url: str, fetched_from: str, kind: str, results: dict):
    """The Source for a URL: its stored copy when there is one, else a failure record (or None
    when it was neither fetched nor stored, i.e. not due and never seen)."""
    s = state.urls.get(url, {})
    if s.get("path") and (raw / s["path"]).exists():
        return Source(url, str(raw / s["path"]), s["sha256"], fetched_from)
    f = results.get(url)
    if f is None:
        return None
    return Source(
        url,
        "",
        failure_id(url),
        fetched_from,
        error=f.error or s.get("error") or "not fetched",
        kind=FAILED_KIND[kind],
    )
