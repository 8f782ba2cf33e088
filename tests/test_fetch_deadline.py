"""An overall deadline per HTTP request, headers included (issue 13): a real server on 127.0.0.1
that sends its status line and headers one byte a second is cut off with a reason within the
deadline, and the same client then fetches a good page from a well-behaved server.
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flows.fetch import FetchRequest, FetchSettings, client_for, fetch_one

PAGE = b"<html><head><title>Raid</title></head><body><p>Police rescued 14 children.</p></body></html>"


@pytest.fixture
def trickle():
    """A server that answers every request with headers at one byte a second."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    stop = threading.Event()

    def serve():
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            with conn:
                conn.recv(4096)
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n":
                    if stop.is_set():
                        break
                    try:
                        conn.sendall(bytes([byte]))
                    except OSError:
                        break
                    time.sleep(1.0)

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}/slow"
    stop.set()
    srv.close()


@pytest.fixture
def good():
    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/page"
    httpd.shutdown()


def test_headers_at_a_byte_a_second_are_cut_off_at_the_deadline(trickle, good, tmp_path):
    settings = FetchSettings(max_seconds=2.0, retries=0, delay=0.0)
    client = client_for(settings)
    t0 = time.monotonic()
    slow = fetch_one(client, FetchRequest(trickle), tmp_path, settings)
    took = time.monotonic() - t0
    assert (slow.outcome, slow.error) == (
        "error",
        "no complete response within 2 s (the deadline per request)",
    )
    assert took < 10  # the deadline, not the 40-odd seconds the headers would take
    page = fetch_one(client, FetchRequest(good), tmp_path, settings)  # the client still works
    assert page.outcome == "new" and (tmp_path / page.path).read_bytes() == PAGE
