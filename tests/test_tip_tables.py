"""The global law enforcement data table read with pdfplumber, on the committed sample report."""

from __future__ import annotations

import pytest

from extractors.parse.pdf import parse_pdf
from extractors.parse.tip_tables import law_enforcement_pages, law_enforcement_table
from extractors.records import Statistic
from tests.tip_fixtures import SAMPLE_PDF, write_report

# The table as scripts/make_tip_report.py prints it into raw/sample-tip-report-2023.pdf (seed 7):
# year, prosecutions (labor), convictions (labor), victims identified (labor), new or amended legislation.
SAMPLE_TABLE = [
    (2016, 9381, 893, 7560, 529, 57455, 9726, 39),
    (2017, 9964, 1447, 7676, 798, 80433, 10922, 11),
    (2018, 13764, 1062, 7679, 199, 64624, 22948, 9),
    (2019, 13623, 1316, 3488, 796, 66995, 22423, 32),
    (2020, 15367, 1499, 5573, 564, 101027, 16848, 24),
    (2021, 11035, 799, 9507, 183, 63562, 23822, 24),
    (2022, 13302, 1219, 7055, 394, 85020, 24954, 9),
]


def _expected(table) -> list[tuple]:
    rows = []
    for year, p, pl, c, cl, v, vl, leg in table:
        q, ql = f"year {year}", f"year {year}, labor trafficking"
        rows += [
            ("prosecutions", p, q),
            ("prosecutions", pl, ql),
            ("convictions", c, q),
            ("convictions", cl, ql),
            ("victims_identified", v, q),
            ("victims_identified", vl, ql),
            ("new_or_amended_legislation", leg, q),
        ]
    return rows


@pytest.fixture(scope="module")
def sample():
    data = SAMPLE_PDF.read_bytes()
    return data, parse_pdf(data)


def test_pages_hold_the_heading(sample):
    _, doc = sample
    assert law_enforcement_pages(doc) == [3]


def test_sample_table_rows(sample):
    data, doc = sample
    rows = law_enforcement_table(data, law_enforcement_pages(doc), doc)
    assert [(r.metric, r.value, r.qualifier) for r in rows] == _expected(SAMPLE_TABLE)
    assert {(r.doc_id, r.country, r.report_year, r.page) for r in rows} == {(doc.doc_id, "Global", 2023, 3)}
    assert all(isinstance(r, Statistic) for r in rows)
    assert len({r.id for r in rows}) == len(rows)


def test_offsets_point_at_the_number_on_the_row_line(sample):
    data, doc = sample
    rows = law_enforcement_table(data, [3], doc)
    page = doc.pages[2]
    for r in rows:
        assert page.start <= r.start < r.end <= page.end
        assert int(doc.text[r.start : r.end].replace(",", "")) == r.value
        assert doc.text[r.start : r.end] in r.evidence
        year = r.qualifier.split(",")[0].removeprefix("year ")
        assert r.evidence.startswith(year + " ")
        line_start = doc.text.rfind("\n", 0, r.start) + 1
        assert doc.text[line_start : line_start + len(r.evidence)] == r.evidence
    assert rows[0].evidence == "2016 9,381 (893) 7,560 (529) 57,455 (9,726) 39"


def test_pages_without_the_table_give_nothing(sample):
    data, doc = sample
    assert law_enforcement_table(data, [], doc) == []
    assert law_enforcement_table(data, [1, 4], doc) == []  # title page, a narrative


def test_other_report_year_and_seed(tmp_path):
    # A different seed and year: the table moves and its figures change; rows follow the years.
    path, _ = write_report(tmp_path, countries=3, year=2019, seed=11)
    data = path.read_bytes()
    doc = parse_pdf(data)
    pages = law_enforcement_pages(doc)
    rows = law_enforcement_table(data, pages, doc)
    assert len(pages) == 1 and len(rows) == 7 * 7
    assert {r.report_year for r in rows} == {2019}
    assert [r.qualifier for r in rows[::7]] == [f"year {y}" for y in range(2012, 2019)]
    for r in rows:
        assert int(doc.text[r.start : r.end].replace(",", "")) == r.value


def test_extract_documents_adds_the_table_when_given_the_bytes(sample, nlp):
    from extractors.extract import extract_documents

    data, doc = sample
    [(_, without)] = list(extract_documents([doc], nlp))
    [(_, with_raw)] = list(extract_documents([doc], nlp, raw={doc.doc_id: data}))
    table = law_enforcement_table(data, [3], doc)
    assert not [s for s in without.statistics if s.country == "Global"]
    assert with_raw.statistics == without.statistics + tuple(table)


def _split_table_pdf() -> bytes:
    """A title page, then the heading and header with two rows at the foot of page 2 and the third
    row on page 3 (printed with the generator's own layout and PDF writer)."""
    import random

    from tests.tip_fixtures import generator

    g = generator()
    lay = g.Layout(year=2023, rng=random.Random(0))
    lay.text(g.MARGIN_X, 520, "2023 Trafficking in Persons Report", 26, bold=True)
    lay.finish_page()
    lay.heading("GLOBAL LAW ENFORCEMENT DATA", 13)
    lay.y = g.BOTTOM + 3.5 * g.LEADING  # room for the header and two rows
    lay.table([["YEAR", "PROSECUTIONS", "CONVICTIONS", "VICTIMS IDENTIFIED", "NEW OR AMENDED LEGISLATION"],
               ["2020", "1,000 (10)", "500 (5)", "9,000 (90)", "3"],
               ["2021", "1,100 (11)", "600 (6)", "N/A", "4"],
               ["2022", "1,200 (12)", "700", "9,200 (92)", "5"]], [50, 105, 100, 120, 130])  # fmt: skip
    lay.finish_page()
    return lay.writer.tobytes({"Title": "split table"})


def test_table_continued_on_the_next_page():
    data = _split_table_pdf()
    doc = parse_pdf(data)
    assert law_enforcement_pages(doc) == [2, 3]
    rows = law_enforcement_table(data, [2, 3], doc)
    got = [(r.page, r.metric, r.value, r.qualifier) for r in rows]
    q20, q21, q22 = "year 2020", "year 2021", "year 2022"
    lab = ", labor trafficking"
    assert got == [
        (2, "prosecutions", 1000, q20), (2, "prosecutions", 10, q20 + lab), (2, "convictions", 500, q20),
        (2, "convictions", 5, q20 + lab), (2, "victims_identified", 9000, q20), (2, "victims_identified", 90, q20 + lab),
        (2, "new_or_amended_legislation", 3, q20),
        (2, "prosecutions", 1100, q21), (2, "prosecutions", 11, q21 + lab), (2, "convictions", 600, q21),
        (2, "convictions", 6, q21 + lab), (2, "new_or_amended_legislation", 4, q21),  # N/A gives no row
        (3, "prosecutions", 1200, q22), (3, "prosecutions", 12, q22 + lab), (3, "convictions", 700, q22),
        (3, "victims_identified", 9200, q22), (3, "victims_identified", 92, q22 + lab),
        (3, "new_or_amended_legislation", 5, q22),
    ]  # fmt: skip
    assert {r.report_year for r in rows} == {2023}
    for r in rows:
        assert int(doc.text[r.start : r.end].replace(",", "")) == r.value
        assert doc.page_at(r.start) == r.page


def test_numbers_missing_from_the_stored_text_point_at_the_header_line(sample):
    # The stored text of the table's page lost its rows (as if pdfium had read them differently):
    # every figure falls back to the header line, and the ids stay distinct.
    from dataclasses import replace

    data, doc = sample
    page = doc.pages[2]
    head = doc.text.index("YEAR PROSECUTIONS", page.start)
    cut = doc.text.index("\n", head)
    text = doc.text[: cut + 1] + " " * (page.end - cut - 1) + doc.text[page.end :]
    damaged = replace(doc, text=text)
    rows = law_enforcement_table(data, [3], damaged)
    assert [(r.metric, r.value, r.qualifier) for r in rows] == _expected(SAMPLE_TABLE)
    header = "YEAR PROSECUTIONS CONVICTIONS VICTIMS IDENTIFIED NEW OR AMENDED LEGISLATION"
    assert {(text[r.start : r.end], r.evidence) for r in rows} == {(header, header)}
    assert len({r.id for r in rows}) == len(rows)
