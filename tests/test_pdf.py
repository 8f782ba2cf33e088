"""PDF stage: statuses for every kind of bad file, exact page offsets, running lines, reading order."""

from __future__ import annotations

import csv
import re
import time

import pytest

from extractors.parse.documents import EMPTY, ENCRYPTED, ERROR, NEEDS_OCR, OK, ParseError, doc_id_for
from extractors.parse.pdf import column_gutters, parse_pdf, strip_running_lines
from tests.tip_fixtures import CORPUS, NO_CORPUS, SAMPLE_PDF, load_truth

PDFS = CORPUS / "pdfs"

# What each corpus PDF must end as (manifest.csv says why: encrypted, scanned, zero bytes, ...).
EXPECTED_STATUS = {
    "175.pdf": NEEDS_OCR,
    "issue-203-decimalize.pdf": NEEDS_OCR,
    "aes-256.pdf": ENCRYPTED,
    "health_protected.pdf": ENCRYPTED,
    "password-example.pdf": ENCRYPTED,
    "empty.pdf": EMPTY,
}


def _status(data: bytes) -> tuple[str, str]:
    try:
        doc = parse_pdf(data)
    except ParseError as exc:
        return exc.status, str(exc)
    return OK, f"{doc.n_pages} pages"


@pytest.fixture(scope="module")
def sample():
    return parse_pdf(SAMPLE_PDF.read_bytes(), source="raw/sample-tip-report-2023.pdf")


# ------------------------------------------------------------------------------------ failures


def test_empty_bytes_are_empty():
    with pytest.raises(ParseError) as err:
        parse_pdf(b"")
    assert (err.value.status, str(err.value)) == (EMPTY, "file is empty (0 bytes)")


def test_not_a_pdf_is_an_error():
    with pytest.raises(ParseError) as err:
        parse_pdf(b"<html><body>hello</body></html>")
    assert (err.value.status, str(err.value)) == (ERROR, "not a PDF: no %PDF- header in the first 1 KB")


def test_truncated_copy_of_a_good_pdf_is_an_error():
    data = SAMPLE_PDF.read_bytes()
    half = data[: len(data) // 2]
    with pytest.raises(ParseError) as err:
        parse_pdf(half)
    assert err.value.status == ERROR
    assert str(err.value) == f"truncated PDF: no %%EOF marker at the end of the file ({len(half)} bytes)"
    # Cut off but with an end marker glued on: pdfium cannot open it either.
    with pytest.raises(ParseError) as err:
        parse_pdf(half + b"\n%%EOF\n")
    assert err.value.status == ERROR and str(err.value).startswith("corrupt PDF: pdfium cannot open it")


def test_too_many_pages_is_an_error_with_the_reason():
    with pytest.raises(ParseError) as err:
        parse_pdf(SAMPLE_PDF.read_bytes(), max_pages=10)
    assert (err.value.status, str(err.value)) == (ERROR, "PDF has 27 pages, over the limit of 10")


@pytest.mark.skipif(not PDFS.is_dir(), reason=NO_CORPUS)
def test_every_corpus_pdf_ends_with_a_status_and_a_one_line_reason():
    with open(PDFS / "manifest.csv", newline="", encoding="utf-8") as fh:
        names = [row["file"] for row in csv.DictReader(fh)]
    assert len(names) == 25
    got = {}
    for name in names:
        started = time.monotonic()
        status, reason = _status((PDFS / name).read_bytes())
        assert time.monotonic() - started < 20, f"{name} took too long"
        assert reason and "\n" not in reason, name
        got[name] = status
    assert got == {name: EXPECTED_STATUS.get(name, OK) for name in names}


# -------------------------------------------------------------------------------- the document


def test_sample_document_fields(sample):
    assert sample.doc_id == doc_id_for(SAMPLE_PDF.read_bytes())
    assert sample.kind == "tip_report"
    assert sample.title == "2023 Trafficking in Persons Report"
    assert sample.published == "2023-06-15"
    assert sample.n_pages == len(sample.pages) == load_truth()["n_pages"] == 27
    assert sample.status == OK
    assert dict(sample.meta)["source"] == "raw/sample-tip-report-2023.pdf"


def test_pages_cover_the_text_exactly(sample):
    text = sample.text
    assert [p.number for p in sample.pages] == list(range(1, 28))
    assert sample.pages[0].start == 0 and sample.pages[-1].end == len(text)
    for prev, page in zip(sample.pages, sample.pages[1:]):
        assert text[prev.end : page.start] == "\n\n"
    for page in sample.pages:
        assert sample.page_at(page.start) == page.number
        assert sample.page_at(page.end - 1) == page.number
    page3 = sample.pages[2]
    assert text[page3.start : page3.end].startswith("TIER PLACEMENTS\nTIER 1\n")


def test_running_heads_footers_and_page_numbers_are_gone(sample):
    lines = sample.text.split("\n")
    assert "2023 TRAFFICKING IN PERSONS REPORT" not in lines
    assert not any(re.fullmatch(r"\d{1,3}", line) for line in lines)
    # Running heads are the country in capitals; only the narrative headers keep it.
    assert "PAKISTAN" not in lines
    assert "PAKISTAN: TIER 2 WATCH LIST" in lines
    assert int(dict(sample.meta)["running_lines_removed"]) > 40


def test_words_hyphenated_across_lines_are_joined(sample):
    assert not re.search(r"[a-z]-\n[a-z]", sample.text)
    assert "\ufffe" not in sample.text and "\x02" not in sample.text
    # Compounds keep their hyphen.
    assert "anti-trafficking" in sample.text


def test_parallel_extraction_gives_the_same_document(tmp_path):
    from extractors.parse.pdf import _MIN_PAGES_PER_WORKER
    from tests.tip_fixtures import write_report

    path, _ = write_report(tmp_path, countries=70, year=2023, seed=11)
    data = path.read_bytes()
    one = parse_pdf(data)
    two = parse_pdf(data, workers=2)
    assert one.n_pages >= 2 * _MIN_PAGES_PER_WORKER  # big enough for the workers to be used
    assert two == one


# ------------------------------------------------------------------------------- reading order


@pytest.mark.skipif(not PDFS.is_dir(), reason=NO_CORPUS)
def test_two_column_paper_reads_column_by_column():
    doc = parse_pdf((PDFS / "naacl06-shinyama.pdf").read_bytes())
    # Page 1: "specify arti-" ends the left column, "cles and adjust its patterns" opens the right.
    assert "you need to repeat the whole process: specify articles and adjust its patterns" in " ".join(
        doc.text.split()
    )
    assert doc.title == "Preemptive Information Extraction using Unrestricted Relation Discovery"


@pytest.mark.skipif(not PDFS.is_dir(), reason=NO_CORPUS)
def test_three_column_register_page_is_not_led_by_its_footnotes():
    # Regression: pdfium's stream order puts page 2's footnotes first; the page must open with the
    # sentence carried over from page 1 ("... takeoff from Soekarno-" / "Hatta International Airport").
    doc = parse_pdf((PDFS / "federal-register-2020-17221.pdf").read_bytes())
    page2 = doc.pages[1]
    assert doc.text[page2.start : page2.end].startswith(
        "Hatta International Airport in Jakarta,\nIndonesia, resulting in 189 fatalities."
    )
    flat = " ".join(doc.text.split())
    assert (
        "On November 7, 2018, the FAA issued Emergency AD 2018–23–51 as an interim corrective action." in flat
    )
    assert flat.index("These effects include stall warning") < flat.index(
        "On November 7, 2018, the FAA issued"
    )
    assert "FAA-approved" in flat
    assert "Federal Register / Vol. 85" not in doc.text  # running head removed on every page


# --------------------------------------------------------------------------------- unit pieces


def test_column_gutters_finds_the_gap_between_two_prose_columns():
    left = [(54, 700 - 12 * i, 290, 709 - 12 * i) for i in range(30)]
    right = [(320, 700 - 12 * i, 556, 709 - 12 * i) for i in range(30)]
    title = [(150, 740, 460, 752)]
    assert column_gutters(left + right + title, 612) == [(291.0, 320.0)]
    # A form: short labels on the left, values on the right, is not two columns.
    labels = [(54, 700 - 12 * i, 120, 709 - 12 * i) for i in range(30)]
    values = [(320, 700 - 12 * i, 380 + (i % 3) * 60, 709 - 12 * i) for i in range(30)]
    assert column_gutters(labels + values, 612) == []


def test_strip_running_lines_keeps_headings_that_open_two_pages():
    pages = [
        ["12", "PAKISTAN", "PROSECUTION", "text one."],
        ["PAKISTAN", "PROSECUTION", "text two.", "13"],
        ["14", "INDIA", "more text.", "REPORT 2023"],
        ["INDIA", "last text.", "REPORT 2023", "15"],
    ]
    cleaned, removed = strip_running_lines(pages)
    assert cleaned == [
        ["PROSECUTION", "text one."],
        ["PROSECUTION", "text two."],
        ["more text."],
        ["last text."],
    ]
    assert removed == 10
