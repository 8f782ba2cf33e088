"""A page's publication date dates the tiers its text leaves undated (issue 12): from an HTML
page's metadata or a ``<file>.meta.json`` sidecar (``{"published": "YYYY-MM-DD"}``), the report
current at that date, or the report's own year when the text says it was released just now.
One real flow run over tiny real files; exact rows.
"""

from __future__ import annotations

import json

from flows.pipeline import tipwatch_flow
from flows.store import Store

RELEASED = (
    "Thailand earns Tier 2 ranking\n\nThailand has climbed to a Tier 2 ranking in the latest US "
    "Trafficking in Persons (TIP) report. The annual report, released on Thursday in Washington, "
    "said that the Thai government had demonstrated increased efforts.\n"
)
CITED = (
    "Minister meets NGOs\n\nThe minister said Malaysia remained on Tier 2 Watch List in the US "
    "Trafficking in Persons report and promised new shelters for victims.\n"
)
HTML = (
    "<html><head><title>Ghana keeps Tier 2</title>"
    '<meta property="article:published_time" content="2019-03-03T08:00:00Z"></head><body><article>'
    "<h1>Ghana keeps Tier 2</h1><p>Ghana is on Tier 2 of the US Trafficking in Persons report, the "
    "minister told reporters in Accra on Sunday, and promised to do more for victims of trafficking."
    "</p></article></body></html>"
)


def test_publication_dates_date_undated_tiers(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "released.txt").write_text(RELEASED)
    (raw / "released.txt.meta.json").write_text(json.dumps({"published": "2018-06-29"}))
    (raw / "cited.txt").write_text(CITED)
    (raw / "cited.txt.meta.json").write_text(json.dumps({"published": "2016-02-10T09:00:00Z"}))
    (raw / "undated.txt").write_text(CITED.replace("Malaysia", "Indonesia"))
    (raw / "year-only.txt").write_text(CITED.replace("Malaysia", "Nepal"))
    (raw / "year-only.txt.meta.json").write_text(json.dumps({"published": "2016"}))
    (raw / "ghana.html").write_text(HTML)
    tipwatch_flow(raw_dir=str(raw), processed_dir=str(processed))
    store = Store(processed)
    published = {r["source"]: r["published"] for r in store.read_table("documents").to_pylist()}
    assert published == {
        "released.txt": "2018-06-29",  # released just now: the report of that year
        "cited.txt": "2016-02-10",  # before mid-June: the year before's report
        "undated.txt": None,
        "year-only.txt": None,  # a year alone cannot tell which report was current
        "ghana.html": "2019-03-03",
    }
    source = {r["doc_id"]: r["source"] for r in store.read_table("documents").to_pylist()}
    rows = {
        (source[r["doc_id"]], r["country"], r["tier"], r["report_year"])
        for r in store.read_table("tier_placements").to_pylist()
    }
    assert rows == {
        ("released.txt", "Thailand", "2", 2018),
        ("cited.txt", "Malaysia", "2WL", 2015),
        ("undated.txt", "Indonesia", "2WL", None),
        ("year-only.txt", "Nepal", "2WL", None),
        ("ghana.html", "Ghana", "2", 2018),
    }
