"""The ``claim_checks`` table: every claim about a country's tier checked against the TIP report rows.

Derived, not extracted: it is computed from a run's ``claims``, ``tier_placements`` (rows with
``source_kind`` ``tip_narrative`` / ``tip_table``) and ``documents`` (publication dates) each time a
run is published (:func:`claim_checks_table`, called by the flow just before ``Store.publish``), so
a new report changes the verdicts on old articles without re-extracting them. Runs published before
the table existed get it computed on demand (:func:`read_claim_checks`). The rules are in
:mod:`extractors.analysis.claim_checks`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

import pyarrow as pa

from extractors.analysis.claim_checks import check_claims, country_aliases
from extractors.analysis.topic import mentions_tip
from extractors.assets import MODELS_DIR, read_csv
from extractors.records import record_row
from flows.store import Store, StoreError, to_arrow

COUNTRIES_CSV = MODELS_DIR / "gazetteers" / "countries.csv"


def aliases() -> dict[str, str]:
    """Country spellings -> one key (the gazetteer's names and aliases); empty when the gazetteer is missing."""
    return country_aliases(read_csv(str(COUNTRIES_CSV))) if COUNTRIES_CSV.exists() else {}


def claim_checks_table(tables: Mapping[str, pa.Table], *, strict: bool = False) -> pa.Table:
    """claims + tier_placements + documents of one run -> the run's ``claim_checks`` table.

    Only claims from documents that are not TIP reports are checked (a report is the reference,
    not a claim about itself). A derived table must not cost the run its extracted tables: unless
    ``strict``, an error is reported on stderr in one line and the table is left empty.
    """
    try:
        return _claim_checks_table(tables)
    except Exception as exc:
        if strict:
            raise
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(
            f"[tipwatch] claim checks failed ({type(exc).__name__}: {msg}); claim_checks is empty in this run",
            file=sys.stderr,
            flush=True,
        )
        return to_arrow("claim_checks", [])


def _claim_checks_table(tables: Mapping[str, pa.Table]) -> pa.Table:
    docs = tables["documents"].select(["doc_id", "kind", "published"]).to_pylist()
    published = {d["doc_id"]: d["published"] for d in docs}
    reports = {d["doc_id"] for d in docs if d["kind"] == "tip_report"}
    claims = [c for c in tables["claims"].to_pylist() if c["doc_id"] not in reports]
    checks = check_claims(
        claims,
        tables["tier_placements"].to_pylist(),
        published=published,
        aliases=aliases(),
        tip_documents=_tip_documents(tables, {c["doc_id"] for c in claims}),
    )
    return to_arrow("claim_checks", [record_row(c) for c in checks])


def _tip_documents(tables: Mapping[str, pa.Table], doc_ids: set[str]) -> set[str] | None:
    """The documents (of ``doc_ids``) whose text speaks of the TIP report or trafficking; None
    (every document) when the run's tables carry no texts."""
    if "texts" not in tables:
        return None
    texts = tables["texts"].select(["doc_id", "text"]).to_pylist()
    return {t["doc_id"] for t in texts if t["doc_id"] in doc_ids and mentions_tip(t["text"] or "")}


def read_claim_checks(store: Store, run_id: str | None = None) -> pa.Table:
    """The run's ``claim_checks`` table; computed from its other tables when the run predates it."""
    run_id = run_id or store.latest_run()
    if run_id is None:
        raise StoreError(f"no completed run in {store.root}: run `tipwatch run` first")
    try:
        return store.read_table("claim_checks", run_id)
    except StoreError:
        return claim_checks_table(
            {t: store.read_table(t, run_id) for t in ("claims", "tier_placements", "documents", "texts")},
            strict=True,
        )
