"""flows.plan: what a run extracts, carries over and records as unfetched, with exact results."""

from __future__ import annotations

from flows.plan import RunPlan, Source, describe, plan_run, unique_sources

A = Source("a.txt", "/raw/a.txt", "id-a")
A_COPY = Source("copy/a.txt", "/raw/copy/a.txt", "id-a")  # the same bytes under another name
B = Source("b.pdf", "/raw/b.pdf", "id-b")
C = Source("c.html", "/raw/c.html", "id-c")
GONE = Source(
    "https://x.test/gone", "", "id-gone", "https://x.test/gone", error="HTTP 404 Not Found", kind="news"
)


def row(status: str, version: str = "v1") -> dict:
    return {"status": status, "extractor_version": version}


def test_first_run_extracts_everything_once_in_order():
    assert plan_run([B, A, A_COPY, C], {}, "v1") == RunPlan([B, A, C], [], [])


def test_duplicates_keep_the_first_listed():
    assert unique_sources([A_COPY, A, B]) == [A_COPY, B]


def test_unchanged_documents_are_carried_and_failures_retried():
    previous = {"id-a": row("ok"), "id-b": row("error"), "id-c": row("needs_ocr")}
    assert plan_run([A, B, C], previous, "v1") == RunPlan([B], [A, C], [])


def test_statuses_from_the_bytes_alone_are_carried():
    for status in ("ok", "empty", "needs_ocr", "encrypted"):
        assert plan_run([A], {"id-a": row(status)}, "v1") == RunPlan([], [A], [])
    for status in ("error", "timeout"):
        assert plan_run([A], {"id-a": row(status)}, "v1") == RunPlan([A], [], [])


def test_a_new_extractor_version_extracts_again():
    assert plan_run([A, B], {"id-a": row("ok", "v0"), "id-b": row("ok")}, "v1") == RunPlan([A], [B], [])


def test_unfetched_urls_are_neither_extracted_nor_carried():
    previous = {"id-gone": row("ok")}  # even if a row with its id were there
    assert plan_run([GONE, A], previous, "v1") == RunPlan([A], [], [GONE])


def test_describe():
    plan = plan_run([A, B, C, GONE], {"id-a": row("ok")}, "v1")
    assert describe(plan) == "3 documents, 1 unchanged (carried over), 2 to parse and extract"
