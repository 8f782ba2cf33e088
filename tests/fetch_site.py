"""A real HTTP site on 127.0.0.1 for the fetch tests and benchmark: articles, a feed, a PDF, and
endpoints that misbehave. Every request is logged (path, conditional headers, status sent)."""

from __future__ import annotations

import hashlib
import random
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = formatdate(1686900000, usegmt=True)  # 2023-06-16


def article_html(
    title: str, paragraphs: list[str], *, date: str = "2023-06-16", author: str = "Staff Reporter"
) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta name="author" content="{author}">'
        f'<meta property="article:published_time" content="{date}"></head>'
        '<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>\n{body}\n</article><footer>Copyright The Daily Example</footer></body></html>"
    ).encode()


ARTICLES = {
    "/news/tier-upgrade.html": article_html(
        "Pakistan upgraded to Tier 2 in US trafficking report",
        [
            "ISLAMABAD: The US State Department has upgraded Pakistan to Tier 2 in its 2023 Trafficking in Persons "
            "report, officials said on Friday.",
            '"This is recognition of the work our investigators have done," said Federal Investigation Agency (FIA) '
            "Director General Mohsin Hassan Butt at a press conference in Islamabad.",
            "The report said the government increased investigations and convictions of traffickers, but noted "
            "that protection services for victims remained inadequate in several provinces.",
        ],
    ),
    "/news/fia-raids.html": article_html(
        "FIA arrests 12 suspects in human smuggling raids",
        [
            "KARACHI: The Federal Investigation Agency (FIA) arrested 12 suspects in raids against human smuggling "
            "networks across Sindh, an FIA spokesperson said on Tuesday.",
            "The agency said the suspects had sent dozens of people abroad on forged documents and that cases had "
            "been registered under the Prevention of Trafficking in Persons Act.",
            "Rights groups welcomed the arrests but said prosecutions of traffickers remained rare.",
        ],
        date="2023-07-04",
    ),
    "/news/feed-one.html": article_html(
        "Senate committee reviews anti-trafficking law",
        [
            "ISLAMABAD: A Senate committee on Monday reviewed amendments to the Prevention of Trafficking in Persons "
            "Act 2018, the committee chairman said.",
            "The Ministry of Interior told the committee that the National Police Bureau was compiling data on "
            "trafficking cases from all provinces.",
            "Members asked the ministry to report on convictions secured since the law was passed.",
        ],
        date="2023-08-01",
    ),
    "/news/feed-two.html": article_html(
        "UNODC trains prosecutors on trafficking cases",
        [
            "LAHORE: The United Nations Office on Drugs and Crime (UNODC) held a training session for prosecutors on "
            "handling human trafficking cases, organisers said on Wednesday.",
            "The session covered victim identification, evidence collection and cooperation with the Federal "
            "Investigation Agency.",
            "Participants said the country needed more specialised courts to hear trafficking cases.",
        ],
        date="2023-08-09",
    ),
    "/news/flaky.html": article_html(
        "Punjab police rescue bonded labourers from brick kilns",
        [
            "LAHORE: Punjab police rescued 40 bonded labourers, including children, from brick kilns near Kasur, "
            "a police spokesperson said on Thursday.",
            "The kiln owners were arrested and cases were registered under the Bonded Labour System (Abolition) Act.",
            "Labour rights groups said bonded labour remained the largest form of trafficking in the province.",
        ],
        date="2023-09-14",
    ),
}
ARTICLES["/mirror/tier-upgrade.html"] = ARTICLES["/news/tier-upgrade.html"]  # same bytes, another URL

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>The Daily Example</title><link>http://example.invalid/</link>
<item><title>Senate committee reviews anti-trafficking law</title><link>/news/feed-one.html</link>
<pubDate>Tue, 01 Aug 2023 10:00:00 +0500</pubDate></item>
<item><title>UNODC trains prosecutors</title><link>/news/feed-two.html</link><pubDate>Wed, 09 Aug 2023 10:00:00 +0500</pubDate></item>
<item><title>Pakistan upgraded to Tier 2</title><link>/news/tier-upgrade.html</link></item>
</channel></rss>
"""


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer (Helvetica), xref offsets computed."""
    esc = [ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for ln in lines]
    stream = ("BT /F1 11 Tf 14 TL 72 740 Td " + " ".join(f"({ln}) '" for ln in esc) + " ET").encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


REPORT = tiny_pdf(
    [
        "2023 TRAFFICKING IN PERSONS REPORT",
        "PAKISTAN: TIER 2",
        "The Government of Pakistan does not fully meet the minimum standards for the elimination of",
        "trafficking but is making significant efforts to do so. Therefore Pakistan was upgraded to Tier 2.",
        "The government investigated 1,120 cases and convicted 98 traffickers.",
    ]
)
JUNK = random.Random(7).randbytes(4096)


@dataclass
class Site:
    """Routes and the request log. ``slow_seconds`` is how long /news/slow.html hangs."""

    slow_seconds: float = 3.0
    huge_bytes: int = 50_000_000
    log: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    extra: dict[str, bytes] = field(default_factory=dict)  # more articles (the benchmark)


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            path = self.path.split("?")[0]
            counted = path != "/news/slow.html"  # the client gives up on it while it still sleeps
            with site.lock:
                site.counts[path] = site.counts.get(path, 0) + 1
                n = site.counts[path]
                if counted:
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
            entry = {
                "path": path,
                "if_none_match": self.headers.get("If-None-Match"),
                "if_modified_since": self.headers.get("If-Modified-Since"),
                "user_agent": self.headers.get("User-Agent"),
                "time": time.monotonic(),
            }
            try:
                entry["status"] = self.route(path, n)
            except (BrokenPipeError, ConnectionResetError):
                entry["status"] = "aborted by client"
            finally:
                with site.lock:
                    if counted:
                        site.in_flight -= 1
                    site.log.append(entry)

        def send(
            self,
            code: int,
            body: bytes = b"",
            ctype: str = "text/html; charset=utf-8",
            headers: dict | None = None,
        ) -> int:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)
            return code

        def with_etag(self, body: bytes, ctype: str, etag: str) -> int:
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers={"ETag": etag})
            return self.send(200, body, ctype, {"ETag": etag})

        def route(self, path: str, n: int) -> int:
            if path == "/news/fia-raids.html":  # Last-Modified only, no ETag
                if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                    return self.send(304, headers={"Last-Modified": LAST_MODIFIED})
                return self.send(200, ARTICLES[path], headers={"Last-Modified": LAST_MODIFIED})
            if path == "/news/flaky.html" and n <= 2:
                return self.send(503, b"busy", "text/plain")
            if path in ARTICLES:
                return self.with_etag(
                    ARTICLES[path],
                    "text/html; charset=utf-8",
                    '"' + hashlib.sha1(ARTICLES[path]).hexdigest()[:10] + '"',
                )
            if path in site.extra:
                ctype = "application/rss+xml" if path.endswith(".xml") else "text/html; charset=utf-8"
                return self.with_etag(site.extra[path], ctype, f'"x{len(site.extra[path])}-{path}"')
            if path == "/feed.xml":
                return self.with_etag(FEED, "application/rss+xml", '"feed-1"')
            if path == "/reports/tip-2023.pdf":
                return self.with_etag(REPORT, "application/pdf", '"report-2023"')
            if path == "/news/slow.html":
                time.sleep(site.slow_seconds)
                return self.send(200, ARTICLES["/news/fia-raids.html"])
            if path == "/news/huge.html":  # no Content-Length: the size is only known by reading
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"x" * 65530 + b"</p>"
                sent = 0
                while sent < site.huge_bytes:
                    self.wfile.write(chunk)
                    sent += len(chunk)
                self.close_connection = True
                return 200
            if path == "/news/junk.html":
                return self.send(200, JUNK, "text/html")
            if path == "/data.json":
                return self.send(200, b'{"a": 1}', "application/json")
            return self.send(404, b"not found", "text/plain")

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # clients that hang up early are expected here
        pass


class SiteServer:
    """ThreadingHTTPServer on 127.0.0.1 (free port) in a daemon thread; use as a context manager."""

    def __init__(self, site: Site | None = None):
        self.site = site or Site()
        self.httpd = _QuietServer(("127.0.0.1", 0), make_handler(self.site))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
