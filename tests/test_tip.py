"""TIP structure: tiers, narratives, cross-checks and statistics on exact, tiny and generated reports."""

from __future__ import annotations

import csv

import pytest

from extractors.parse import tip
from extractors.parse.documents import Document, Page
from extractors.parse.pdf import parse_pdf
from extractors.records import Statistic, TierPlacement
from tests.tip_fixtures import (
    CORPUS,
    NO_CORPUS,
    SAMPLE_PDF,
    load_truth,
    placement_rows,
    statistic_rows,
    truth_placement_rows,
    truth_statistic_rows,
    write_report,
)

FACTBOOK = CORPUS / "tip_text" / "factbook_trafficking_in_persons_field_2006_2025.csv"


def _doc(*pages: str) -> Document:
    text = "\n\n".join(pages)
    spans, pos = [], 0
    for n, page in enumerate(pages, start=1):
        spans.append(Page(n, pos, pos + len(page)))
        pos += len(page) + 2
    return Document(doc_id="d0", text=text, kind="tip_report", pages=tuple(spans), n_pages=len(pages))


def _assert_evidence(doc: Document, records) -> None:
    for r in records:
        assert doc.text[r.start : r.end] in r.evidence, r
        at = doc.text.rfind(
            r.evidence, 0, r.start + len(r.evidence)
        )  # the last copy starting at or before start
        assert at >= 0 and at + len(r.evidence) >= r.end, r
        assert r.page == doc.page_at(r.start)


# ------------------------------------------------------------------------------- tier names


@pytest.mark.parametrize(
    "text, tier",
    [
        ("Tier 1", "1"),
        ("TIER 2", "2"),
        ("Tier 2 Watch List", "2WL"),
        ("Tier II Watch List", "2WL"),
        ("Tier-2 watch list", "2WL"),
        ("tier ii watch-list", "2WL"),
        ("Tier Two", "2"),
        ("Tier III", "3"),
        ("Tier Three", "3"),
        ("Special Case", "special_case"),
        ("SPECIAL CASES", "special_case"),
        ("Tier 4", None),
        ("Tiered", None),
        ("Watch List", None),
    ],
)
def test_normalize_tier(text, tier):
    assert tip.normalize_tier(text) == tier


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "tier rating: Tier 2 Watch List - Gabon is on the Tier 2 Watch List for its failure ... (2008)",
            ("2WL", 2008),
        ),
        (
            "current situation: ... tier rating: Tier 3 Syria does not fully meet ... remained on Tier 3 ... (2022) trafficking profile: ... (2022)",
            ("3", 2022),
        ),
        (
            "tier rating: Bangladesh is placed on Tier 2 Watch List because it does not fully comply",
            ("2WL", None),
        ),
        (
            "tier rating: Special Case; for more details, go to: https://www.state.gov/reports/2025-trafficking-in-persons-report/libya/",
            ("special_case", 2025),
        ),
        ("The report said Pakistan, first listed in Tier 3, remained on Tier 2 this year.", ("2", None)),
        ("No tier is named here.", None),
    ],
)
def test_tier_from_text(text, expected):
    assert tip.tier_from_text(text) == expected


@pytest.mark.parametrize(
    "title_page, year",
    [
        ("2023 Trafficking in Persons Report\nJune 2023", 2023),
        ("TRAFFICKING IN PERSONS REPORT\nJUNE 2012", 2012),
        ("Trafficking in Persons Report, 10th Edition, June 2010", None),
        ("Annual report", None),
    ],
)
def test_report_year_from_title_page(title_page, year):
    assert tip.report_year(_doc(title_page, "BODY")) == year


# --------------------------------------------------------------------------- tiny documents

MODERN = _doc(
    "2019 Trafficking in Persons Report",
    "TIER PLACEMENTS\nTIER 1\nCanada\nTIER 2\nPakistan\nTIER 2 WATCH LIST\nCongo, Republic of\nthe\nTIER 3\nEritrea\n"
    "GLOBAL LAW ENFORCEMENT DATA",
    "CANADA: TIER 1\nThe Government of Canada fully meets the minimum standards for the elimination of trafficking. "
    "Therefore Canada remained on Tier 1.\nPRIORITIZED RECOMMENDATIONS:\nKeep going.",
    "CONGO, REPUBLIC OF THE: TIER 2 WATCH LIST\nThe government did not demonstrate increasing efforts; therefore the "
    "Republic of the Congo was downgraded to Tier 2 Watch List.\nPROSECUTION\nAuthorities reported investigating "
    "four suspects for forced labor.",
    "PAKISTAN: TIER 2 WATCH LIST\nThe Government of Pakistan does not fully meet the minimum standards but is making "
    "significant efforts to do so. Because the government has devoted sufficient resources to a written plan, "
    "Pakistan was granted a waiver from an otherwise required downgrade to Tier 3 and therefore remained on Tier 2 "
    "Watch List for the third consecutive year.\nPROSECUTION\nThe government investigated 1,120 cases (1,010 for sex "
    "trafficking and 110 for forced labor), compared with 1,005 cases in the previous reporting period. Courts "
    "convicted three traffickers\nfor forced labor. The government did not report any prosecutions.\nPROTECTION\n"
    "Authorities identified 21,253 potential victims and referred 12 victims to care.",
)


def test_narratives_are_segmented_with_pages():
    got = [
        (n.country, n.tier, n.header_style, n.first_page, n.last_page) for n in tip.segment_narratives(MODERN)
    ]
    assert got == [
        ("Canada", "1", "modern", 3, 3),
        ("Congo, Republic of the", "2WL", "modern", 4, 4),
        ("Pakistan", "2WL", "modern", 5, 5),
    ]
    pakistan = tip.segment_narratives(MODERN)[2]
    assert MODERN.text[pakistan.start : pakistan.header_end] == "PAKISTAN: TIER 2 WATCH LIST"
    assert pakistan.end == len(MODERN.text)


def test_table_and_header_disagreeing_flags_both_rows():
    rows = tip.tier_placements(MODERN)
    text = MODERN.text
    by = {(r.source_kind, r.country): r for r in rows}
    assert len(rows) == 7
    table = by[("tip_table", "Pakistan")]
    start = text.index("Pakistan\nTIER 2 WATCH LIST")
    assert table == TierPlacement(
        "d0", "Pakistan", 2019, "2", None, "tip_table", start, start + 8, 2, "Pakistan",
        "conflict: tier table says 2, narrative header says 2WL",
    )  # fmt: skip
    header = by[("tip_narrative", "Pakistan")]
    start = text.index("PAKISTAN: TIER 2 WATCH LIST")
    assert (header.tier, header.change, header.page, header.start, header.end) == (
        "2WL",
        "unchanged",
        5,
        start,
        start + 27,
    )
    assert header.flag == "conflict: tier table says 2, narrative header says 2WL"
    assert header.evidence.startswith("PAKISTAN: TIER 2 WATCH LIST\nThe Government of Pakistan")
    assert header.evidence.endswith("remained on Tier 2 Watch List for the third consecutive year.")
    # Agreeing rows carry no flag; a name wrapped in its column is one country.
    assert by[("tip_table", "Canada")].flag is None and by[("tip_narrative", "Canada")].change == "unchanged"
    congo = by[("tip_narrative", "Congo, Republic of the")]
    assert (congo.tier, congo.change, congo.flag) == ("2WL", "downgraded", None)
    assert by[("tip_table", "Congo, Republic of the")].evidence == "Congo, Republic of\nthe"
    assert by[("tip_table", "Eritrea")].tier == "3" and ("tip_narrative", "Eritrea") not in by
    _assert_evidence(MODERN, rows)


def test_statistics_exact_records():
    text = MODERN.text
    sentence = text[text.index("The government investigated") : text.index("previous reporting period.") + 26]
    convict = "Courts convicted three traffickers\nfor forced labor."
    victims = "Authorities identified 21,253 potential victims and referred 12 victims to care."

    def at(phrase):
        return text.index(phrase), text.index(phrase) + len(phrase)

    expected = [
        Statistic("d0", "Congo, Republic of the", 2019, "investigations", 4, "for forced labor",
                  *at("investigating four suspects for forced labor"), 4,
                  "Authorities reported investigating four suspects for forced labor."),
        Statistic("d0", "Pakistan", 2019, "investigations", 1120, None, *at("investigated 1,120 cases"), 5, sentence),
        Statistic("d0", "Pakistan", 2019, "investigations", 1010, "for sex trafficking", *at("1,010 for sex trafficking"), 5, sentence),
        Statistic("d0", "Pakistan", 2019, "investigations", 110, "for forced labor", *at("110 for forced labor"), 5, sentence),
        Statistic("d0", "Pakistan", 2019, "convictions", 3, "for forced labor", *at("convicted three traffickers\nfor forced labor"), 5, convict),
        Statistic("d0", "Pakistan", 2019, "victims_identified", 21253, None, *at("identified 21,253 potential victims"), 5, victims),
    ]  # fmt: skip
    assert tip.statistics(MODERN) == expected


def test_legacy_header_and_recommendations():
    doc = _doc(
        "Trafficking in Persons Report\nJune 2012",
        "TIER 2\nMali\nNiger\nTIER 3\nEritrea",
        "MALI (Tier 2)\nMali is a source country for children subjected to forced labor. The Government of Mali does not "
        "fully comply with the minimum standards. Therefore, Mali is upgraded to Tier 2.\nRecommendations for Mali: "
        "prosecute traffickers.\nProsecution\nThe government prosecuted 18 defendants under the anti-trafficking law.",
        "NIGER (Tier 2)\nNiger is placed on Tier 2 for a second consecutive year.",
        "ERITREA (Tier 3)\nEritrea is placed on Tier 3.",
    )
    rows = [
        (r.source_kind, r.country, r.report_year, r.tier, r.change, r.page) for r in tip.tier_placements(doc)
    ]
    assert rows == [
        ("tip_table", "Mali", 2012, "2", None, 2),
        ("tip_table", "Niger", 2012, "2", None, 2),
        ("tip_table", "Eritrea", 2012, "3", None, 2),
        ("tip_narrative", "Mali", 2012, "2", "upgraded", 3),
        ("tip_narrative", "Niger", 2012, "2", "unchanged", 4),
        ("tip_narrative", "Eritrea", 2012, "3", None, 5),
    ]
    assert [n.header_style for n in tip.segment_narratives(doc)] == ["legacy"] * 3
    assert [(s.country, s.metric, s.value, s.qualifier) for s in tip.statistics(doc)] == [
        ("Mali", "prosecutions", 18, "under the anti-trafficking law")
    ]


def test_summary_naming_another_tier_than_the_header_is_flagged():
    doc = _doc("2021 Trafficking in Persons Report", "CHAD: TIER 2\nTherefore Chad was downgraded to Tier 3.")
    (row,) = tip.tier_placements(doc)
    assert (row.tier, row.change, row.flag) == (
        "2",
        "downgraded",
        "conflict: summary says 3, narrative header says 2",
    )


# ------------------------------------------------------------------------------ whole reports


def test_committed_sample_matches_its_truth_exactly():
    doc = parse_pdf(SAMPLE_PDF.read_bytes())
    truth = load_truth()
    rows = tip.tier_placements(doc)
    assert placement_rows(rows) == truth_placement_rows(truth)
    countries = {r["country"] for r in truth["tier_placements"]}
    assert len(countries) >= 8 and "Pakistan" in countries
    for kind in ("tip_table", "tip_narrative"):
        assert sorted(r.country for r in rows if r.source_kind == kind) == sorted(countries)
    assert all(r.flag is None for r in rows)
    pakistan = next(r for r in rows if r.country == "Pakistan" and r.source_kind == "tip_narrative")
    assert (pakistan.tier, pakistan.report_year) == ("2WL", 2023)
    stats = tip.statistics(doc)
    assert statistic_rows(stats) == truth_statistic_rows(truth)
    _assert_evidence(doc, rows + stats)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tip")
    reports = []
    for countries, year, seed in ((25, 2023, 11), (12, 2014, 5)):
        path, truth = write_report(folder, countries=countries, year=year, seed=seed)
        reports.append((parse_pdf(path.read_bytes()), truth))
    return reports


@pytest.mark.parametrize("which", [0, 1], ids=["modern-25-countries", "legacy-12-countries"])
def test_generated_report_is_extracted_completely(generated, which):
    doc, truth = generated[which]
    assert tip.report_year(doc) == truth["report_year"]
    rows = tip.tier_placements(doc)
    assert placement_rows(rows) == truth_placement_rows(truth)  # tiers, years, changes and pages
    assert all(r.flag is None for r in rows)
    stats = tip.statistics(doc)
    assert statistic_rows(stats) == truth_statistic_rows(truth)
    _assert_evidence(doc, rows + stats)
    narratives = tip.segment_narratives(doc)
    assert [n.header_style for n in narratives] == [
        "modern" if truth["report_year"] >= 2017 else "legacy"
    ] * len(narratives)
    assert all(a.end <= b.start for a, b in zip(narratives, narratives[1:]))


# ------------------------------------------------------------------------------- real text


@pytest.mark.skipif(not FACTBOOK.is_file(), reason=NO_CORPUS)
def test_factbook_tier_agreement():
    with open(FACTBOOK, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["tier"].strip()]
    misses = []
    for r in rows:
        got = tip.tier_from_text(r["text"])
        if got is None or got[0] != tip.normalize_tier(r["tier"]):
            misses.append((r["factbook_edition"], r["country"], r["tier"], got))
    agreement = 1 - len(misses) / len(rows)
    print(f"factbook tier agreement: {len(rows) - len(misses)}/{len(rows)} = {agreement:.4f}")
    for miss in misses:
        print("  miss:", miss)
    assert len(rows) >= 900
    assert agreement >= 0.99


# -------------------------------------------------------------------------------- the generator


def test_generator_is_deterministic_and_made_the_committed_sample():
    from tests.tip_fixtures import SAMPLE_TRUTH, generator

    data, truth = generator().generate(countries=8, year=2023, seed=7)
    assert data == SAMPLE_PDF.read_bytes()
    assert truth == load_truth(SAMPLE_TRUTH)
    assert len(data) < 300_000


def test_generator_takes_tiers_from_a_csv(tmp_path):
    from tests.tip_fixtures import generator

    csv_path = tmp_path / "tiers.csv"
    csv_path.write_text(
        "report_year,country,country_key,iso3,tier,source\n"
        "2023,Pakistan,pakistan,PAK,Tier 2,big\n"
        "2023,Cote d’Ivoire,cote divoire,CIV,Tier 2,big\n"
        "2023,Antigua & Barbuda,antigua and barbuda,ATG,Tier 1,big\n"
        "2023,C.A.R.,car,,Tier 3,small\n"  # a tier the big source lacks: taken
        "2023,Cote D'Ivoire,cote divoire,,Tier 3,small\n"  # same country, other spelling: ignored
        "2022,Pakistan,pakistan,PAK,Tier 2 Watch List,big\n"
        "2022,C.A.R.,car,,Tier 3,small\n",
        encoding="utf-8",
    )
    data, truth = generator().generate(countries=190, year=2023, seed=3, tiers_csv=str(csv_path))
    narrative = {
        r["country"]: (r["tier"], r["change"])
        for r in truth["tier_placements"]
        if r["source_kind"] == "tip_narrative"
    }
    assert narrative["Pakistan"] == ("2", "upgraded") and narrative["C.A.R."] == ("3", "unchanged")
    assert sorted(narrative) == ["Antigua & Barbuda", "C.A.R.", "Cote d’Ivoire", "Pakistan"]
    path = tmp_path / "csv.pdf"
    path.write_bytes(data)
    doc = parse_pdf(data)
    assert placement_rows(tip.tier_placements(doc)) == truth_placement_rows(truth)
    assert statistic_rows(tip.statistics(doc)) == truth_statistic_rows(truth)
