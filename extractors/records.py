"""The table contract: every output table defined once (:data:`TABLES`), with the frozen records
that fill the extracted ones and their stable IDs.

Every extracted row carries its evidence: ``doc_id``, ``start``/``end`` (character offsets into the
document's stored text, end exclusive), ``page`` (PDF page, None for HTML/text) and ``evidence``
(the sentence). ``id`` is content-derived (:func:`stable_id`) so re-runs give the same IDs and run
diffs line up.

A record class is its table's schema (each field a column, see :mod:`extractors.tables`); its
:class:`~extractors.tables.Table` adds the row key, sort order, summary columns and review
highlights. Storage, diffs, the review page, ``tipwatch tables`` and the data dictionary all read
:data:`TABLES`. To add a column, add a field to the record and fill it where the record is built;
to add a table, add a record class, its ``Table`` in :data:`TABLES` and its tuple in
:class:`Records`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields

from extractors.tables import EVIDENCE_COLUMNS, Column, Highlight, Table, col, evidence_col, row_id

__all__ = [
    "RECORD_TABLES",
    "TABLES",
    "Agency",
    "Claim",
    "Column",
    "Mention",
    "Official",
    "Records",
    "Statistic",
    "Table",
    "TierPlacement",
    "record_row",
    "stable_id",
]


def stable_id(*parts: object) -> str:
    """16-hex id from the canonical JSON of ``parts`` (doc_id, offsets, label, key fields)."""
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def _set_id(record, *parts: object) -> None:
    # Frozen records get their content-derived id once, when built without one.
    if not record.id:
        object.__setattr__(record, "id", stable_id(*parts))


@dataclass(frozen=True)
class Mention:
    doc_id: str = evidence_col("doc_id")
    label: str = col("PERSON, AGENCY, ORG, GPE, TIER, YEAR or TITLE")
    text: str = col("surface text")
    normalized: str = col("canonical value (tier code, agency name, year, ...)")
    start: int = evidence_col("start")
    end: int = evidence_col("end")
    page: int | None = evidence_col("page")
    evidence: str = evidence_col("evidence")
    id: str = row_id()

    def __post_init__(self):
        _set_id(self, "mention", self.doc_id, self.start, self.end, self.label)


@dataclass(frozen=True)
class Official:
    doc_id: str = evidence_col("doc_id")
    name: str = col("fullest form of the name")
    title: str | None = col("role, lower case (director general, minister, ...)")
    organisation: str | None = col("canonical organisation name")
    organisation_acronym: str | None = col("organisation acronym")
    country: str | None = col("country of the organisation")
    mention_count: int = col("mentions of this person in the document")
    start: int = evidence_col("start")
    end: int = evidence_col("end")
    page: int | None = evidence_col("page")
    evidence: str = evidence_col("evidence")
    id: str = row_id()

    def __post_init__(self):
        _set_id(self, "official", self.doc_id, self.name.lower())


# The kinds an agency row can have (the gold guideline's definition, models/gold/README.md).
AGENCY_KINDS = (
    "government", "police", "court", "legislature", "ngo", "international", "foreign_government", "party", "other",
)  # fmt: skip


@dataclass(frozen=True)
class Agency:
    doc_id: str = evidence_col("doc_id")
    name: str = col("canonical long name")
    acronym: str | None = col("acronym")
    kind: str = col(", ".join(AGENCY_KINDS))
    country: str | None = col("country")
    mention_count: int = col("mentions in the document")
    start: int = evidence_col("start")
    end: int = evidence_col("end")
    page: int | None = evidence_col("page")
    evidence: str = evidence_col("evidence")
    id: str = row_id()

    def __post_init__(self):
        _set_id(self, "agency", self.doc_id, self.name.lower())


@dataclass(frozen=True)
class TierPlacement:
    doc_id: str = evidence_col("doc_id")
    country: str = col("country")
    report_year: int | None = col("year the TIP report was published")
    tier: str = col("1, 2, 2WL, 3 or special_case")
    change: str | None = col("upgraded, downgraded, unchanged or null")
    source_kind: str = col("tip_narrative, tip_table or news")
    start: int = evidence_col("start")
    end: int = evidence_col("end")
    page: int | None = evidence_col("page")
    evidence: str = evidence_col("evidence")
    # e.g. "conflict: tier table says 2" when sources in one report disagree
    flag: str | None = col("set when sources in one report disagree", default=None)
    id: str = row_id()

    def __post_init__(self):
        _set_id(self, "tier", self.doc_id, self.start, self.end, self.country, self.source_kind)


@dataclass(frozen=True)
class Claim:
    doc_id: str = evidence_col("doc_id")
    speaker: str | None = col("who said it (resolved full name where possible)")
    speaker_kind: str = col("person, organisation, report or unnamed")
    cue: str | None = col("the reporting verb or phrase")
    content: str = col("what was said")
    direct: bool = col("true for a direct quotation")
    claim_type: str = col("tier_placement, ranking_change, statistic, recommendation, assessment, other")
    countries: tuple[str, ...] = col("countries the claim is about")
    tiers: tuple[str, ...] = col("tiers the claim states")
    years: tuple[int, ...] = col("years the claim states")
    start: int = evidence_col("start")  # the content span
    end: int = evidence_col("end")
    page: int | None = evidence_col("page")
    evidence: str = evidence_col("evidence")
    speaker_start: int | None = col("speaker span start", default=None)
    speaker_end: int | None = col("speaker span end", default=None)
    cue_start: int | None = col("cue span start", default=None)
    cue_end: int | None = col("cue span end", default=None)
    official_id: str | None = col("the officials row of the speaker (same document), if any", default=None)
    agency_id: str | None = col(
        "the agencies row of the speaker's organisation (same document): the agency speaking, the "
        "organisation of the official speaking, or the one an unnamed speaker belongs to",
        default=None,
    )
    id: str = row_id()

    def __post_init__(self):
        _set_id(self, "claim", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Statistic:
    doc_id: str = evidence_col("doc_id")
    country: str = col("country")
    report_year: int | None = col("report year")
    metric: str = col("investigations, prosecutions, convictions, victims_identified, ...")
    value: int = col("the number")
    qualifier: str | None = col("e.g. 'for forced labor'")
    start: int = evidence_col("start")
    end: int = evidence_col("end")
    page: int | None = evidence_col("page")
    evidence: str = evidence_col("evidence")
    id: str = row_id()

    def __post_init__(self):
        _set_id(self, "statistic", self.doc_id, self.start, self.end, self.metric)


@dataclass(frozen=True)
class Records:
    """Everything extracted from one document, one tuple per extracted table."""

    mentions: tuple[Mention, ...] = ()
    officials: tuple[Official, ...] = ()
    agencies: tuple[Agency, ...] = ()
    tier_placements: tuple[TierPlacement, ...] = ()
    claims: tuple[Claim, ...] = ()
    statistics: tuple[Statistic, ...] = ()

    def rows(self) -> dict[str, list[dict]]:
        """Rows per table as plain dicts in schema column order."""
        return {name: [record_row(r) for r in getattr(self, name)] for name in RECORD_TABLES}


def record_row(record) -> dict:
    """A record as a plain dict, tuples as lists (what Arrow and JSON take)."""
    row = asdict(record)
    for k, v in row.items():
        if isinstance(v, tuple):
            row[k] = list(v)
    return row


def _columns(*spec: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in spec)


# Tables whose rows are not records built here: written by flows (documents, texts, runs) or by
# extractors.analysis (claim_checks, whose ClaimCheck record is checked against this schema there).
_DOCUMENTS = Table(
    "documents",
    "ingested document (every file, including the ones that failed)",
    _columns(
        ("doc_id", "string", "sha256 of the raw bytes"),
        ("source", "string", "path relative to raw/, or URL"),
        ("kind", "string", "news / tip_report / other"),
        ("title", "string", "headline or report title"),
        ("published", "string", "publication date (ISO) when known"),
        ("language", "string", "language code"),
        ("n_pages", "int64", "pages (PDF only)"),
        ("n_chars", "int64", "characters of stored text"),
        ("status", "string", "ok / empty / needs_ocr / encrypted / error"),
        ("error", "string", "one-line reason when status is not ok"),
    ),
    origin="ingested",
    key="doc_id",
    sort=("source", "doc_id"),
    summary=("source", "kind", "status", "title"),
    extra=_columns(
        ("extractor_version", "string", "hash of the code, model and rules that extracted the document"),
        ("fetched_from", "string", "URL the document was fetched from (sources runs)"),
    ),
    diff_ignores=("extractor_version",),
)
_TEXTS = Table(
    "texts",
    "document: its stored text, into which all offsets point",
    _columns(
        ("doc_id", "string", "document"),
        ("text", "string", "normalised document text"),
        ("page_starts", "list<int64>", "character offset where each PDF page starts"),
    ),
    origin="ingested",
    key="doc_id",
    sort=("doc_id",),
    text_column="text",
    history=False,  # whole documents once per run would dwarf the database
)
_CLAIM_CHECKS = Table(
    "claim_checks",
    "claim about one country's tier, checked against the TIP report rows "
    "(derived each run; see extractors/checks.py)",
    _columns(
        ("id", "string", "stable row id (claim + country)"),
        ("claim_id", "string", "the claim (claims.id)"),
        ("country", "string", "country the claim is about (null when it names none)"),
        ("speaker", "string", "who made the claim"),
        ("asserted", "string", "what the claim asserts, one phrase per assertion"),
        (
            "shapes",
            "list<string>",
            "assertion kinds and how years were stated (tier, upgraded, since_year, consecutive_years, ...)",
        ),
        ("as_of_year", "int64", "end year for open expressions ('since 2015', 'the latest report')"),
        (
            "as_of_basis",
            "string",
            "where as_of_year comes from (publication date, latest report ingested, latest year named)",
        ),
        ("verdict", "string", "supported, contradicted, partly_supported or not_checkable"),
        ("reason", "string", "the verdict in words, with the years"),
        ("years", "list<int64>", "report years checked"),
        ("claimed", "list<string>", "per year in years: what the claim says"),
        ("found", "list<string>", "per year in years: what the reports say (tier, or before→after)"),
        ("outcomes", "list<string>", "per year in years: supported, contradicted or missing"),
        ("years_supported", "list<int64>", "years the reports agree with"),
        ("years_contradicted", "list<int64>", "years the reports say otherwise"),
        ("years_missing", "list<int64>", "years with no (or conflicting) report rows"),
        ("row_ids", "list<string>", "tier_placements.id of the report rows behind the verdict"),
        ("row_years", "list<int64>", "per report row: report year"),
        ("row_tiers", "list<string>", "per report row: tier"),
        ("row_doc_ids", "list<string>", "per report row: the report document"),
        ("row_pages", "list<int64>", "per report row: PDF page"),
    )
    + EVIDENCE_COLUMNS,
    origin="derived",
    summary=("speaker", "country", "verdict", "asserted"),
    highlights=(Highlight("CHECK"),),
)
_RUNS = Table(
    "runs",
    "pipeline run",
    _columns(
        ("run_id", "string", "run id (UTC timestamp + suffix)"),
        ("started_at", "string", "ISO timestamp"),
        ("finished_at", "string", "ISO timestamp"),
        ("status", "string", "completed / failed"),
        ("code_version", "string", "tipwatch version + hash of the extractor code"),
        ("model", "string", "base spaCy model name and version"),
        ("rules_hash", "string", "hash over models/"),
        ("n_documents", "int64", "documents in the run"),
        ("n_new", "int64", "documents parsed and extracted in this run"),
        ("n_failed", "int64", "documents whose status is not ok"),
    ),
    origin="registry",
    key="run_id",
    sort=("run_id",),
    history=False,  # the registry already lists every run
)

_DOCUMENT_VERSIONS = Table(
    "document_versions",
    "version of a document: a source (file under raw/ or URL) with one content hash, over the runs that saw it",
    _columns(
        ("source", "string", "path relative to raw/, or the URL"),
        ("doc_id", "string", "sha256 of this version's bytes"),
        ("n_chars", "int64", "characters of this version's text"),
        ("first_run", "string", "first completed run that had this version"),
        ("last_run", "string", "last completed run that had this version (the latest run: still current)"),
    ),
    origin="registry",
    key="doc_id",
    sort=("source", "first_run", "doc_id"),
    summary=("source", "first_run", "last_run"),
    history=False,  # every version of every run is already here
)

# Every table in contract order: the order of the store, the diff, the data dictionary.
TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        _DOCUMENTS,
        _TEXTS,
        Table.of_record(
            Mention,
            "mentions",
            "entity mention",
            summary=("label", "text", "normalized"),
            highlights=(Highlight(label_column="label"),),
        ),
        Table.of_record(
            Official,
            "officials",
            "person in a role, per document",
            summary=("name", "title", "organisation"),
            highlights=(Highlight("OFFICIAL"),),
        ),
        Table.of_record(
            Agency,
            "agencies",
            "organisation, per document",
            summary=("name", "acronym", "kind", "country"),
            highlights=(Highlight("AGENCY"),),
        ),
        Table.of_record(
            TierPlacement,
            "tier_placements",
            "stated tier of a country",
            summary=("country", "report_year", "tier", "change", "source_kind"),
            highlights=(Highlight("TIER"),),
        ),
        Table.of_record(
            Claim,
            "claims",
            "attributed statement",
            summary=("speaker", "cue", "content", "claim_type"),
            highlights=(
                Highlight("SPEAKER", "speaker_start", "speaker_end"),
                Highlight("CUE", "cue_start", "cue_end"),
                Highlight("CONTENT"),
            ),
        ),
        Table.of_record(
            Statistic,
            "statistics",
            "number a TIP report states",
            summary=("country", "report_year", "metric", "value", "qualifier"),
            highlights=(Highlight("STATISTIC"),),
        ),
        _CLAIM_CHECKS,
        _RUNS,
        _DOCUMENT_VERSIONS,
    )
}

# The tables a document's Records fill, in contract order.
RECORD_TABLES = tuple(name for name, t in TABLES.items() if t.record is not None)


def _check_records() -> None:
    # Records has one tuple per record table, in the same order.
    assert tuple(f.name for f in fields(Records)) == RECORD_TABLES, RECORD_TABLES


_check_records()
