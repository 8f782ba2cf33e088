"""Frozen record types for every output table, their stable IDs and the table schemas.

Every extracted row carries its evidence: ``doc_id``, ``start``/``end`` (character offsets into the
document's stored text, end exclusive), ``page`` (PDF page, None for HTML/text) and ``evidence``
(the sentence). ``id`` is content-derived (:func:`stable_id`) so re-runs give the same IDs and run
diffs line up.

``TABLES`` is the single source of truth for table names, column order, column types and what a
row is; storage, ``tipwatch tables`` and the data dictionary all read it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields


def stable_id(*parts: object) -> str:
    """16-hex id from the canonical JSON of ``parts`` (doc_id, offsets, label, key fields)."""
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Mention:
    doc_id: str
    label: str  # PERSON, AGENCY, ORG, GPE, TIER, YEAR, TITLE
    text: str
    normalized: str
    start: int
    end: int
    page: int | None
    evidence: str
    id: str = ""

    def __post_init__(self):
        if not self.id:
            object.__setattr__(
                self, "id", stable_id("mention", self.doc_id, self.start, self.end, self.label)
            )


@dataclass(frozen=True)
class Official:
    doc_id: str
    name: str
    title: str | None
    organisation: str | None
    organisation_acronym: str | None
    country: str | None
    mention_count: int
    start: int
    end: int
    page: int | None
    evidence: str
    id: str = ""

    def __post_init__(self):
        if not self.id:
            object.__setattr__(self, "id", stable_id("official", self.doc_id, self.name.lower()))


@dataclass(frozen=True)
class Agency:
    doc_id: str
    name: str
    acronym: str | None
    kind: str
    country: str | None
    mention_count: int
    start: int
    end: int
    page: int | None
    evidence: str
    id: str = ""

    def __post_init__(self):
        if not self.id:
            object.__setattr__(self, "id", stable_id("agency", self.doc_id, self.name.lower()))


@dataclass(frozen=True)
class TierPlacement:
    doc_id: str
    country: str
    report_year: int | None
    tier: str  # 1, 2, 2WL, 3, special_case
    change: str | None  # upgraded, downgraded, unchanged
    source_kind: str  # tip_narrative, tip_table, news
    start: int
    end: int
    page: int | None
    evidence: str
    flag: str | None = None  # e.g. "conflict: tier table says 2" when sources in one report disagree
    id: str = ""

    def __post_init__(self):
        if not self.id:
            object.__setattr__(
                self,
                "id",
                stable_id("tier", self.doc_id, self.start, self.end, self.country, self.source_kind),
            )


@dataclass(frozen=True)
class Claim:
    doc_id: str
    speaker: str | None
    speaker_kind: str  # person, organisation, report, unnamed
    cue: str | None
    content: str
    direct: bool
    claim_type: str  # tier_placement, ranking_change, statistic, recommendation, assessment, other
    countries: tuple[str, ...]
    tiers: tuple[str, ...]
    years: tuple[int, ...]
    start: int  # the content span
    end: int
    page: int | None
    evidence: str
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    id: str = ""

    def __post_init__(self):
        if not self.id:
            object.__setattr__(self, "id", stable_id("claim", self.doc_id, self.start, self.end))


@dataclass(frozen=True)
class Statistic:
    doc_id: str
    country: str
    report_year: int | None
    metric: str  # investigations, prosecutions, convictions, victims_identified, ...
    value: int
    qualifier: str | None
    start: int
    end: int
    page: int | None
    evidence: str
    id: str = ""

    def __post_init__(self):
        if not self.id:
            object.__setattr__(
                self, "id", stable_id("statistic", self.doc_id, self.start, self.end, self.metric)
            )


@dataclass(frozen=True)
class Records:
    """Everything extracted from one document, one tuple per table."""

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
    row = asdict(record)
    for k, v in row.items():
        if isinstance(v, tuple):
            row[k] = list(v)
    return row


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # arrow-ish: string, int64, bool, list<string>, list<int64>, timestamp
    doc: str


@dataclass(frozen=True)
class Table:
    name: str
    row: str  # one line on what one row is
    columns: tuple[Column, ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name, type_, doc):
    return Column(name, type_, doc)


_EVIDENCE = (
    _c("doc_id", "string", "sha256 of the raw document bytes"),
    _c("start", "int64", "start character offset into the document's stored text"),
    _c("end", "int64", "end character offset (exclusive)"),
    _c("page", "int64", "PDF page number (null for HTML and text)"),
    _c("evidence", "string", "the sentence the row was extracted from"),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            "ingested document (every file, including the ones that failed)",
            (
                _c("doc_id", "string", "sha256 of the raw bytes"),
                _c("source", "string", "path relative to raw/, or URL"),
                _c("kind", "string", "news / tip_report / other"),
                _c("title", "string", "headline or report title"),
                _c("published", "string", "publication date (ISO) when known"),
                _c("language", "string", "language code"),
                _c("n_pages", "int64", "pages (PDF only)"),
                _c("n_chars", "int64", "characters of stored text"),
                _c("status", "string", "ok / empty / needs_ocr / encrypted / error"),
                _c("error", "string", "one-line reason when status is not ok"),
            ),
        ),
        Table(
            "texts",
            "document: its stored text, into which all offsets point",
            (
                _c("doc_id", "string", "document"),
                _c("text", "string", "normalised document text"),
                _c("page_starts", "list<int64>", "character offset where each PDF page starts"),
            ),
        ),
        Table(
            "mentions",
            "entity mention",
            (
                _c("id", "string", "stable row id"),
                _c("label", "string", "PERSON, AGENCY, ORG, GPE, TIER, YEAR or TITLE"),
                _c("text", "string", "surface text"),
                _c("normalized", "string", "canonical value (tier code, agency name, year, ...)"),
                *_EVIDENCE,
            ),
        ),
        Table(
            "officials",
            "person in a role, per document",
            (
                _c("id", "string", "stable row id"),
                _c("name", "string", "fullest form of the name"),
                _c("title", "string", "role, lower case (director general, minister, ...)"),
                _c("organisation", "string", "canonical organisation name"),
                _c("organisation_acronym", "string", "organisation acronym"),
                _c("country", "string", "country of the organisation"),
                _c("mention_count", "int64", "mentions of this person in the document"),
                *_EVIDENCE,
            ),
        ),
        Table(
            "agencies",
            "organisation, per document",
            (
                _c("id", "string", "stable row id"),
                _c("name", "string", "canonical long name"),
                _c("acronym", "string", "acronym"),
                _c(
                    "kind",
                    "string",
                    "government, police, court, legislature, ngo, international, foreign_government, other",
                ),
                _c("country", "string", "country"),
                _c("mention_count", "int64", "mentions in the document"),
                *_EVIDENCE,
            ),
        ),
        Table(
            "tier_placements",
            "stated tier of a country",
            (
                _c("id", "string", "stable row id"),
                _c("country", "string", "country"),
                _c("report_year", "int64", "year the TIP report was published"),
                _c("tier", "string", "1, 2, 2WL, 3 or special_case"),
                _c("change", "string", "upgraded, downgraded, unchanged or null"),
                _c("source_kind", "string", "tip_narrative, tip_table or news"),
                _c("flag", "string", "set when sources in one report disagree"),
                *_EVIDENCE,
            ),
        ),
        Table(
            "claims",
            "attributed statement",
            (
                _c("id", "string", "stable row id"),
                _c("speaker", "string", "who said it (resolved full name where possible)"),
                _c("speaker_kind", "string", "person, organisation, report or unnamed"),
                _c("cue", "string", "the reporting verb or phrase"),
                _c("content", "string", "what was said"),
                _c("direct", "bool", "true for a direct quotation"),
                _c(
                    "claim_type",
                    "string",
                    "tier_placement, ranking_change, statistic, recommendation, assessment, other",
                ),
                _c("countries", "list<string>", "countries the claim is about"),
                _c("tiers", "list<string>", "tiers the claim states"),
                _c("years", "list<int64>", "years the claim states"),
                _c("speaker_start", "int64", "speaker span start"),
                _c("speaker_end", "int64", "speaker span end"),
                _c("cue_start", "int64", "cue span start"),
                _c("cue_end", "int64", "cue span end"),
                *_EVIDENCE,
            ),
        ),
        Table(
            "statistics",
            "number a TIP report states",
            (
                _c("id", "string", "stable row id"),
                _c("country", "string", "country"),
                _c("report_year", "int64", "report year"),
                _c("metric", "string", "investigations, prosecutions, convictions, victims_identified, ..."),
                _c("value", "int64", "the number"),
                _c("qualifier", "string", "e.g. 'for forced labor'"),
                *_EVIDENCE,
            ),
        ),
        Table(
            "claim_checks",
            "claim about one country's tier, checked against the TIP report rows (derived each run; see extractors/checks.py)",
            (
                _c("id", "string", "stable row id (claim + country)"),
                _c("claim_id", "string", "the claim (claims.id)"),
                _c("country", "string", "country the claim is about (null when it names none)"),
                _c("speaker", "string", "who made the claim"),
                _c("asserted", "string", "what the claim asserts, one phrase per assertion"),
                _c(
                    "shapes",
                    "list<string>",
                    "assertion kinds and how years were stated (tier, upgraded, since_year, consecutive_years, ...)",
                ),
                _c(
                    "as_of_year", "int64", "end year for open expressions ('since 2015', 'the latest report')"
                ),
                _c(
                    "as_of_basis",
                    "string",
                    "where as_of_year comes from (publication date, latest report ingested, latest year named)",
                ),
                _c("verdict", "string", "supported, contradicted, partly_supported or not_checkable"),
                _c("reason", "string", "the verdict in words, with the years"),
                _c("years", "list<int64>", "report years checked"),
                _c("claimed", "list<string>", "per year in years: what the claim says"),
                _c(
                    "found", "list<string>", "per year in years: what the reports say (tier, or before→after)"
                ),
                _c("outcomes", "list<string>", "per year in years: supported, contradicted or missing"),
                _c("years_supported", "list<int64>", "years the reports agree with"),
                _c("years_contradicted", "list<int64>", "years the reports say otherwise"),
                _c("years_missing", "list<int64>", "years with no (or conflicting) report rows"),
                _c("row_ids", "list<string>", "tier_placements.id of the report rows behind the verdict"),
                _c("row_years", "list<int64>", "per report row: report year"),
                _c("row_tiers", "list<string>", "per report row: tier"),
                _c("row_doc_ids", "list<string>", "per report row: the report document"),
                _c("row_pages", "list<int64>", "per report row: PDF page"),
                *_EVIDENCE,
            ),
        ),
        Table(
            "runs",
            "pipeline run",
            (
                _c("run_id", "string", "run id (UTC timestamp + suffix)"),
                _c("started_at", "string", "ISO timestamp"),
                _c("finished_at", "string", "ISO timestamp"),
                _c("status", "string", "completed / failed"),
                _c("code_version", "string", "tipwatch version + hash of the extractor code"),
                _c("model", "string", "base spaCy model name and version"),
                _c("rules_hash", "string", "hash over models/"),
                _c("n_documents", "int64", "documents in the run"),
                _c("n_new", "int64", "documents parsed and extracted in this run"),
                _c("n_failed", "int64", "documents whose status is not ok"),
            ),
        ),
    )
}

RECORD_TABLES = ("mentions", "officials", "agencies", "tier_placements", "claims", "statistics")

_RECORD_TYPES = {
    "mentions": Mention,
    "officials": Official,
    "agencies": Agency,
    "tier_placements": TierPlacement,
    "claims": Claim,
    "statistics": Statistic,
}


def _check_schema() -> None:
    # The dataclasses and the table contract must not drift apart.
    for name, cls in _RECORD_TYPES.items():
        assert set(f.name for f in fields(cls)) == set(TABLES[name].column_names), name


_check_schema()
