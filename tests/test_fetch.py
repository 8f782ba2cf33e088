"""Fetching from a real HTTP server on 127.0.0.1: `tipwatch run --sources` twice (real Prefect flow
runs), then the server's request log, the raw/ folder and the published tables are checked."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fetch_site import ARTICLES, FEED, REPORT, Site, SiteServer  # noqa: E402

from flows.fetch import FeedEntry, FetchRequest, FetchSettings, fetch_host, parse_feed  # noqa: E402
from flows.ingest import SourcesError, load_sources  # noqa: E402

TIPWATCH = str(Path(sys.executable).with_name("tipwatch"))

SOURCES = """
[fetch]
timeout = 0.5
retries = 2
backoff = 0.05
delay = 0
max_bytes = 2_000_000

[[sources]]
kind = "article"
url = "{url}/news/tier-upgrade.html"

[[sources]]
kind = "article"
url = "{url}/mirror/tier-upgrade.html"   # the same bytes under another URL

[[sources]]
kind = "article"
url = "{url}/news/fia-raids.html"        # Last-Modified, no ETag

[[sources]]
kind = "feed"
url = "{url}/feed.xml"                   # feed-one, feed-two, and tier-upgrade again
schedule = "* * * * *"

[[sources]]
kind = "report"
url = "{url}/reports/tip-2023.pdf"

[[sources]]
kind = "article"
url = "{url}/news/flaky.html"            # 503, 503, then 200

[[sources]]
kind = "article"
url = "{url}/news/gone.html"             # 404

[[sources]]
kind = "article"
url = "{url}/news/slow.html"             # hangs past the timeout

[[sources]]
kind = "article"
url = "{url}/news/huge.html"             # 50 MB, no Content-Length

[[sources]]
kind = "article"
url = "{url}/news/junk.html"             # binary junk labelled text/html

[[sources]]
kind = "article"
url = "{url}/data.json"                  # a content type no source kind accepts
"""

OK_PATHS = [
    "/news/tier-upgrade.html",
    "/mirror/tier-upgrade.html",
    "/news/fia-raids.html",
    "/feed.xml",
    "/reports/tip-2023.pdf",
    "/news/flaky.html",
    "/news/feed-one.html",
    "/news/feed-two.html",
]


def _tipwatch(args, env, cwd):
    proc = subprocess.run([TIPWATCH, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def fetched(tmp_path_factory):
    """Two `tipwatch run --sources` runs against the site; per run: summary, request log, raw files."""
    work = tmp_path_factory.mktemp("fetch")
    raw, processed = work / "raw", work / "processed"
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect")}
    env.pop("PREFECT_API_URL", None)
    with SiteServer(Site(slow_seconds=2.0)) as srv:
        (work / "tipwatch.toml").write_text(SOURCES.format(url=srv.url))
        runs = []
        for _ in range(2):
            start = len(srv.site.log)
            proc = _tipwatch(
                [
                    "run",
                    "--sources",
                    "tipwatch.toml",
                    "--raw",
                    str(raw),
                    "--processed",
                    str(processed),
                    "--json",
                ],
                env,
                work,
            )
            files = {
                p.relative_to(raw).as_posix(): p.read_bytes()
                for p in sorted(raw.rglob("*"))
                if p.is_file() and p.name != "state.json"
            }
            runs.append(
                {
                    "summary": json.loads(proc.stdout),
                    "stderr": proc.stderr,
                    "log": [e for e in srv.site.log[start:] if e["path"] != "/news/slow.html"],
                    "files": files,
                }
            )
        yield {
            "url": srv.url,
            "runs": runs,
            "site": srv.site,
            "raw": raw,
            "processed": processed,
            "work": work,
        }


def _documents(processed: Path, url: str) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(processed / "tipwatch.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT source, kind, title, published, status, error, fetched_from FROM documents "
            "ORDER BY source"
        ).fetchall()
    finally:
        con.close()
    return [tuple(v.replace(url, "") if isinstance(v, str) else v for v in r) for r in rows]


def test_every_document_ends_with_its_status(fetched):
    assert _documents(fetched["processed"], fetched["url"]) == [
        (
            "/data.json",
            "news",
            None,
            None,
            "error",
            "unsupported content type application/json for an article",
            "/data.json",
        ),
        (
            "/news/feed-one.html",
            "news",
            "Senate committee reviews anti-trafficking law",
            "2023-08-01",
            "ok",
            None,
            "/feed.xml",
        ),
        (
            "/news/feed-two.html",
            "news",
            "UNODC trains prosecutors on trafficking cases",
            "2023-08-09",
            "ok",
            None,
            "/feed.xml",
        ),
        (
            "/news/fia-raids.html",
            "news",
            "FIA arrests 12 suspects in human smuggling raids",
            "2023-07-04",
            "ok",
            None,
            "/news/fia-raids.html",
        ),
        (
            "/news/flaky.html",
            "news",
            "Punjab police rescue bonded labourers from brick kilns",
            "2023-09-14",
            "ok",
            None,
            "/news/flaky.html",
        ),
        ("/news/gone.html", "news", None, None, "error", "HTTP 404 Not Found", "/news/gone.html"),
        (
            "/news/huge.html",
            "news",
            None,
            None,
            "error",
            "response is over the limit of 2,000,000 bytes",
            "/news/huge.html",
        ),
        (
            "/news/junk.html",
            "news",
            None,
            None,
            "error",
            "binary content labelled text/html",
            "/news/junk.html",
        ),
        (
            "/news/slow.html",
            "news",
            None,
            None,
            "error",
            "timed out after 0.5 s (3 attempts)",
            "/news/slow.html",
        ),
        (
            "/news/tier-upgrade.html",
            "news",
            "Pakistan upgraded to Tier 2 in US trafficking report",
            "2023-06-16",
            "ok",
            None,
            "/news/tier-upgrade.html",
        ),
        (
            "/reports/tip-2023.pdf",
            "tip_report",
            "2023 TRAFFICKING IN PERSONS REPORT",
            None,
            "ok",
            None,
            "/reports/tip-2023.pdf",
        ),
    ]
    first, second = (r["summary"] for r in fetched["runs"])
    assert (first["n_documents"], first["n_new"], first["n_failed"]) == (11, 6, 5)
    assert (second["n_documents"], second["n_failed"]) == (11, 5)


def test_retries_on_5xx_but_not_on_4xx(fetched):
    log = fetched["runs"][0]["log"]
    assert [e["status"] for e in log if e["path"] == "/news/flaky.html"] == [503, 503, 200]
    assert [e["status"] for e in log if e["path"] == "/news/gone.html"] == [404]
    # the hanging endpoint: three attempts per run, each given up after the timeout
    assert fetched["site"].counts["/news/slow.html"] == 6


def test_bytes_stored_once_by_content_with_url_and_headers(fetched):
    files = fetched["runs"][0]["files"]
    docs = {n: b for n, b in files.items() if n.startswith("fetched/") and not n.endswith(".meta.json")}
    assert sorted(docs.values()) == sorted({ARTICLES[p] for p in OK_PATHS if p in ARTICLES} | {REPORT})
    assert len(docs) == 6  # tier-upgrade came from three URLs (direct, mirror, feed) and is stored once
    for name, data in docs.items():
        assert name == f"fetched/{hashlib.sha256(data).hexdigest()}{Path(name).suffix}"
    assert sorted(Path(n).suffix for n in docs) == [".html"] * 5 + [".pdf"]
    meta = json.loads(files[f"fetched/{hashlib.sha256(REPORT).hexdigest()}.pdf.meta.json"])
    assert meta["url"] == fetched["url"] + "/reports/tip-2023.pdf"
    assert meta["headers"]["etag"] == '"report-2023"' and meta["headers"]["content-type"] == "application/pdf"
    assert meta["bytes"] == len(REPORT) and meta["status_code"] == 200
    # the feed is kept (content-addressed) where the raw folder scan does not treat it as a document
    assert files[f".fetch/feeds/{hashlib.sha256(FEED).hexdigest()}.xml"] == FEED
    # refused responses are not stored at all
    assert not [n for n in files if not n.startswith(("fetched/", ".fetch/feeds/"))]


def test_second_run_is_conditional_and_downloads_nothing_unchanged(fetched):
    first, second = fetched["runs"]
    assert second["files"] == first["files"]
    by_path = {}
    for e in second["log"]:
        by_path.setdefault(e["path"], []).append(e)
    for path in OK_PATHS:
        (e,) = by_path[path]
        assert e["status"] == 304, path
        assert e["if_none_match"] or e["if_modified_since"], path
    assert by_path["/news/fia-raids.html"][0]["if_modified_since"] == "Fri, 16 Jun 2023 07:20:00 GMT"
    # only the URLs that failed are downloaded again
    assert sorted({e["path"] for e in second["log"] if e["status"] == 200}) == [
        "/data.json",
        "/news/junk.html",
    ]
    assert "fetched 13 URLs: 0 new, 0 already stored, 8 unchanged (304), 5 failed" in second["stderr"]


def test_polite(fetched):
    site = fetched["site"]
    assert site.max_in_flight == 1
    assert {e["user_agent"] for e in site.log} == {FetchSettings().user_agent}


def test_main_text_extracted_from_html(fetched):
    import duckdb

    con = duckdb.connect(str(fetched["processed"] / "tipwatch.duckdb"), read_only=True)
    try:
        (text,) = con.execute(
            "SELECT text FROM texts JOIN documents USING (doc_id) WHERE source LIKE '%/news/fia-raids.html'"
        ).fetchone()
    finally:
        con.close()
    # the main text: headline first, then the article body (layout details are the news parser's)
    assert text.split("\n")[0] == "FIA arrests 12 suspects in human smuggling raids"
    assert "The Federal Investigation Agency (FIA) arrested 12 suspects in raids" in text
    assert text.endswith(
        "Rights groups welcomed the arrests but said prosecutions of traffickers remained rare."
    )
    assert "Home" not in text and "Copyright" not in text


# -- the library without a flow -----------------------------------------------------------------------
def test_delay_between_requests_to_one_host(tmp_path):
    with SiteServer() as srv:
        reqs = [
            FetchRequest(f"{srv.url}{p}")
            for p in ("/news/feed-one.html", "/news/feed-two.html", "/news/fia-raids.html")
        ]
        out = fetch_host(reqs, str(tmp_path), FetchSettings(delay=0.3))
        times = [e["time"] for e in srv.site.log]
    assert [f.outcome for f in out] == ["new", "new", "new"]
    assert all(b - a >= 0.3 for a, b in zip(times, times[1:]))


def test_parse_feed_rss_and_atom():
    assert parse_feed(FEED, "http://h.test/feeds/x.xml") == [
        FeedEntry(
            "http://h.test/news/feed-one.html", "Senate committee reviews anti-trafficking law", "2023-08-01"
        ),
        FeedEntry("http://h.test/news/feed-two.html", "UNODC trains prosecutors", "2023-08-09"),
        FeedEntry("http://h.test/news/tier-upgrade.html", "Pakistan upgraded to Tier 2", None),
    ]
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
    <entry><title>One</title><link rel="alternate" href="https://a.test/1"/><link rel="edit" href="https://a.test/e1"/>
    <updated>2024-06-24T08:00:00Z</updated></entry>
    <entry><title>Two</title><link href="/2"/><published>2024-06-25T09:00:00+05:00</published></entry>
    <entry><title>no link</title></entry></feed>"""
    assert parse_feed(atom, "https://a.test/feed") == [
        FeedEntry("https://a.test/1", "One", "2024-06-24"),
        FeedEntry("https://a.test/2", "Two", "2024-06-25"),
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        (
            '[[sources]]\nkind = "blog"\nurl = "https://x.test/"\n',
            "source 1: kind must be one of folder, article, feed, report (got 'blog')",
        ),
        (
            '[[sources]]\nkind = "feed"\nurl = "ftp://x.test/"\n',
            "source 1: a feed needs url = \"http(s)://...\" (got 'ftp://x.test/')",
        ),
        (
            '[[sources]]\nkind = "article"\nurl = "https://x.test/"\nschedule = "hourly"\n',
            "source 1: schedule 'hourly' is not a cron expression (e.g. \"0 * * * *\")",
        ),
        ('[fetch]\ndelai = 1\n[[sources]]\nkind = "folder"\npath = "raw"\n', "unknown [fetch] key(s) delai"),
        ('[[sources]]\nkind = "folder"\npth = "raw"\n', "source 1: unknown key(s) pth"),
        ("sources = [", "not valid TOML"),
    ],
)
def test_bad_sources_file_is_one_line(tmp_path, text, message):
    path = tmp_path / "tipwatch.toml"
    path.write_text(text)
    with pytest.raises(SourcesError) as exc:
        load_sources(path)
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_bad_sources_file_is_one_line_from_the_cli(tmp_path):
    path = tmp_path / "tipwatch.toml"
    path.write_text('[[sources]]\nkind = "blog"\n')
    message = "source 1: kind must be one of folder, article, feed, report (got 'blog')"
    for command in (["sources"], ["run", "--raw", str(tmp_path), "--processed", str(tmp_path / "processed")]):
        proc = subprocess.run(
            [TIPWATCH, *command, "--sources", str(path)], capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 1 and proc.stdout == ""
        assert (
            proc.stderr.startswith("tipwatch: error: ")
            and proc.stderr.count("\n") == 1
            and message in proc.stderr
        )
    assert not (tmp_path / "processed").exists()
