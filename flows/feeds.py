"""RSS and Atom feeds -> their entries, with :mod:`feedparser`.

:func:`parse_feed` returns the entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed in feed order, links
made absolute against the feed's URL and de-duplicated, entries without a link left out. Bytes that
are no feed raise :class:`FeedError`; so do bytes over ``max_bytes``, checked before feedparser sees
them (a fetched feed is already size-limited; this guards every other caller against feed bombs).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin
from xml.sax import SAXParseException

import feedparser

MAX_FEED_BYTES = 30_000_000


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None = None
    published: str | None = None


class FeedError(Exception):
    """Bytes that are not an RSS or Atom feed; ``str()`` is one line."""


def iso_date(value: str | None) -> str | None:
    """The calendar date a feed states, in its own time zone (not converted to UTC).

    RSS dates are RFC 822 (``Tue, 01 Aug 2023 10:00:00 +0500`` -> ``2023-08-01``), Atom dates
    RFC 3339 (``2024-06-25T09:00:00+05:00`` -> ``2024-06-25``); anything else is None."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _link(entry) -> str | None:
    """The entry's page: the Atom ``rel="alternate"`` link (not ``rel="edit"``), the RSS ``<link>``,
    or an RSS ``<guid>`` that is a URL (feedparser takes any permalink guid as the link)."""
    guid = entry.get("id") or ""
    if entry.get("guidislink"):
        return guid if guid.startswith("http") else None
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return guid if guid.startswith("http") else None


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


def parse_feed(data: bytes, base_url: str, *, max_bytes: int = MAX_FEED_BYTES) -> list[FeedEntry]:
    """Entries of a feed, in feed order (see the module docstring)."""
    if len(data) > max_bytes:
        raise FeedError(f"not a feed: {len(data):,} bytes, over the limit of {max_bytes:,}")
    parsed = feedparser.parse(data, sanitize_html=False)  # links made absolute below
    if not parsed.get("version"):
        exc = parsed.get("bozo_exception")
        reason = f"XML error {exc}" if isinstance(exc, SAXParseException) else "no RSS or Atom root element"
        raise FeedError(f"not a feed: {reason}")
    out, seen = [], set()
    for entry in parsed.entries:
        link = _link(entry)
        if not link:
            continue
        link = urljoin(base_url, link.strip())
        if link in seen:
            continue
        seen.add(link)
        published = entry.get("published") or entry.get("updated")
        out.append(FeedEntry(link, _text(entry.get("title")), iso_date(published)))
    return out
