"""A real headless Chromium driven over the DevTools protocol (for the review page's tests and its
benchmark): navigate, evaluate, press keys, click, download, screenshot. Uses ``websockets`` (which
Prefect already installs) and Debian's ``/usr/bin/chromium``; no browser download."""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from websockets.sync.client import connect

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,900", "--remote-debugging-port=0", "--remote-allow-origins=*",
)  # fmt: skip


class Browser:
    """One Chromium process and one page. Use as a context manager."""

    def __init__(self, downloads: Path):
        self.profile = Path(tempfile.mkdtemp(prefix="tipwatch-chromium-"))
        self.proc = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port = self._port()
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(p for p in pages if p["type"] == "page")
        version = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=10))
        self._ids = itertools.count(1)
        self.ws = connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=30)
        # The download folder holds while this connection is open (it is reset when it closes).
        self.browser_ws = connect(version["webSocketDebuggerUrl"], max_size=None, open_timeout=30)
        self._call(
            self.browser_ws, "Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads)
        )
        self.call("Page.enable")

    def _port(self) -> int:
        f = self.profile / "DevToolsActivePort"
        for _ in range(600):
            if f.exists() and f.read_text().strip():
                return int(f.read_text().split()[0])
            time.sleep(0.1)
        raise RuntimeError("Chromium did not open its DevTools port within 60 s")

    def _call(self, ws, method: str, **params) -> dict:
        n = next(self._ids)
        ws.send(json.dumps({"id": n, "method": method, "params": params}))
        while True:
            msg = json.loads(ws.recv(timeout=120))
            if msg.get("id") == n:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def call(self, method: str, **params) -> dict:
        return self._call(self.ws, method, **params)

    def eval(self, expression: str):
        res = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in res:
            raise RuntimeError(f"page error: {res['exceptionDetails']}")
        return res["result"].get("value")

    def open(self, url: str, ready: str = "document.body && document.body.dataset.ready === '1'") -> None:
        self.call("Page.navigate", url=url)
        for _ in range(1200):
            if self.eval(f"!!({ready})"):
                return
            time.sleep(0.05)
        raise RuntimeError(f"page not ready within 60 s: {url}")

    def key(self, key: str) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, text=key if kind == "keyDown" else "")

    def click(self, selector: str) -> None:
        box = self.eval(
            f"(function(){{var e=document.querySelector({json.dumps(selector)});e.scrollIntoView();"
            "var r=e.getBoundingClientRect();return [r.x + r.width / 2, r.y + r.height / 2];})()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self.ws.close()
            self.browser_ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def wait_for_file(folder: Path, name: str, timeout: float = 30) -> Path:
    path = folder / name
    for _ in range(int(timeout * 10)):
        if path.exists() and not list(folder.glob("*.crdownload")):
            return path
        time.sleep(0.1)
    raise RuntimeError(f"{name} was not downloaded into {folder}")
