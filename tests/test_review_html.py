"""The HTML review page in a real browser (issue 5, acceptance 5 and 6).

Two real flow runs: the seed article, then a hostile article whose text and file name carry
``<script>``, ``onerror=``, ``onload=`` and ``javascript:`` links. ``tipwatch diff --html`` writes the
page; headless Chromium (Debian's ``chromium``) loads it from a file, takes a screenshot and dumps
the DOM after scripts ran. The page's own script marks ``<body data-ready="1">`` when it finished
without an error; every injected payload would set ``data-pwned`` or the title instead.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SEED
from typer.testing import CliRunner

from flows.cli.app import app
from flows.pipeline import tipwatch_flow
from flows.review import COLOURS

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed: apt-get install -y chromium"
)

HOSTILE_NAME = 'x"><img src=x onerror="document.body.dataset.pwned=\'name\'">.txt'
HOSTILE = """Officials <script>document.title="pwned";document.body.dataset.pwned="script"</script> meet on trafficking

ISLAMABAD: The Federal Investigation Agency (FIA) said on Monday that <img src=x onerror="document.body.dataset.pwned='img'"> 40 suspects had been arrested.

FIA Director General Ahmad Khan said the victims could read <a href="javascript:document.body.dataset.pwned='link'">this page</a> for help.

Pakistan remained on the Tier 2 Watch List, the <svg onload="document.body.dataset.pwned='svg'"></svg> report said.
"""


def chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
        "--enable-logging=stderr",
        "--v=0",
        # paint the whole frame before capturing and let the page's script finish, also on a
        # loaded machine (without these a screenshot once caught a half-painted page)
        "--run-all-compositor-stages-before-draw",
        "--virtual-time-budget=5000",
        *extra,
        url,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


class DomCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    work = tmp_path_factory.mktemp("review")
    raw, processed = work / "raw", work / "processed"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    tipwatch_flow(raw_dir=str(raw), processed_dir=str(processed))
    (raw / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    tipwatch_flow(raw_dir=str(raw), processed_dir=str(processed))
    html = work / "review.html"
    res = CliRunner().invoke(app, ["diff", "--processed", str(processed), "--html", str(html)])
    assert res.exit_code == 0, res.output
    profile = work / "chromium-profile"
    shot = work / "review.png"
    proc = chromium(html.as_uri(), profile, "--dump-dom")
    shot_proc = chromium(html.as_uri(), profile, f"--screenshot={shot}")
    filtered = chromium(html.as_uri() + "#table=agencies,claims&kind=added", profile, "--dump-dom")
    return {
        "html": html,
        "dom": proc.stdout,
        "log": proc.stderr + shot_proc.stderr + filtered.stderr,
        "shot": shot,
        "filtered": filtered.stdout,
    }


def test_page_script_ran_without_errors(page):
    dom = DomCollector()
    dom.feed(page["dom"])
    (body,) = [a for t, a in dom.elements if t == "body"]
    assert body.get("data-ready") == "1"  # set by the last line of the page's script
    assert "data-pwned" not in body
    assert "Uncaught" not in page["log"] and "Refused to" not in page["log"], page["log"][-2000:]
    shown = page["dom"].split('<div id="shown">', 1)[1].split("<", 1)[0]
    n_rows = sum(1 for t, _ in dom.elements if t == "article")
    assert n_rows > 0 and shown == f"{n_rows} of {n_rows} rows shown"


def test_hostile_content_is_text_and_nothing_runs(page):
    dom = DomCollector()
    dom.feed(page["dom"])
    tags = [t for t, _ in dom.elements]
    assert tags.count("script") == 1 and "img" not in tags and "svg" not in tags
    assert not [(t, k) for t, a in dom.elements for k in a if k.startswith("on")]
    hrefs = [a["href"] for t, a in dom.elements if t == "a"]
    assert hrefs and all(h.startswith("file://") for h in hrefs)
    assert all("javascript" not in h for h in hrefs)
    text = "".join(dom.text)
    title = text.split("tipwatch review: ", 1)[1].split("\n", 1)[0]
    assert "pwned" not in title
    for payload in (
        '<script>document.title="pwned";document.body.dataset.pwned="script"</script>',
        "<img src=x onerror=\"document.body.dataset.pwned='img'\">",
        "<a href=\"javascript:document.body.dataset.pwned='link'\">this page</a>",
        "<svg onload=\"document.body.dataset.pwned='svg'\"></svg>",
        HOSTILE_NAME,
    ):
        assert payload in text, payload


def test_highlighted_spans_in_dom_and_screenshot(page):
    from PIL import Image

    dom = DomCollector()
    dom.feed(page["dom"])
    marks = [a.get("class") for t, a in dom.elements if t == "mark"]
    assert {"l-AGENCY", "l-GPE", "l-SPEAKER", "l-CUE", "l-CONTENT"} <= set(marks)
    img = Image.open(page["shot"]).convert("RGB")
    assert img.size == (1280, 900)
    colours = {c for _, c in img.getcolors(maxcolors=1 << 20)}
    # On screen: the counts, the added document's group with its document and text rows, then its
    # official (mentions are folded at the end of the group).
    hexcol = COLOURS["OFFICIAL"].lstrip("#")
    assert tuple(int(hexcol[i : i + 2], 16) for i in (0, 2, 4)) in colours


def test_filters_preselected_from_the_link(page):
    dom = DomCollector()
    dom.feed(page["filtered"])
    rows = [(a["data-table"], a["data-kind"], "hidden" in a) for t, a in dom.elements if t == "article"]
    shown = [(t, k) for t, k, hidden in rows if not hidden]
    assert shown and set(shown) == {("agencies", "added"), ("claims", "added")}
    assert all(hidden for t, k, hidden in rows if (t, k) not in shown)
    assert f'<div id="shown">{len(shown)} of {len(rows)} rows shown</div>' in page["filtered"]
