"""Document -> Records: runs the spaCy pipeline over a document and turns its annotations into rows.

:func:`extract_documents` is the one entry point the flows call. Long documents (TIP reports) are
cut into paragraph-aligned chunks that spaCy can take; every offset is mapped back to the stored
text. TIP reports additionally get tier placements and statistics from :mod:`extractors.parse.tip`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.nlp.claims import CLAIMS, claim_type
from extractors.nlp.components.agency_modifier import MODIFIER_MENTIONS
from extractors.nlp.components.entities import AGENCY_INFO, TIER_LINKS
from extractors.nlp.components.officials import PEOPLE
from extractors.nlp.components.tier_moves import SAME  # "the same rank": no tier of its own
from extractors.nlp.ents import ents_in_chars
from extractors.parse.documents import Document
from extractors.records import Agency, Claim, Mention, Official, Records, TierPlacement
from extractors.speaker_links import link_speakers

MENTION_LABELS = ("PERSON", "AGENCY", "ORG", "GPE", "TIER", "YEAR", "TITLE")
CHUNK_CHARS = 10_000
# spaCy's memory grows with the text it holds at once (parser states, tensors): the bare model
# peaks at 498 MiB on one 100,000-character text and 794 MiB on 199,000 (164 MiB loaded). A text
# stays whole below 60,000 characters (the longest of 3,115 Dawn/APP articles is 67,000, the next
# 39,000) and a batch holds at most as much, so a worker stays near 400 MiB whatever it is given.
WHOLE_BELOW = 60_000
BATCH_CHARS = 60_000


@dataclass(frozen=True)
class Chunk:
    document: Document
    offset: int
    text: str


def chunks(document: Document, size: int = CHUNK_CHARS, whole_below: int = WHOLE_BELOW) -> list[Chunk]:
    """Paragraph-aligned pieces of at most ~``size`` characters (a single longer paragraph is cut).

    Documents shorter than ``whole_below`` stay whole, so that everything resolved across a
    document (surnames, pronouns, a tier's report year) works on any article; only reports are cut.
    """
    text = document.text
    if len(text) <= max(size, whole_below):
        return [Chunk(document, 0, text)]
    out: list[Chunk] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start + size // 4, end)
            if cut == -1:
                cut = text.rfind("\n", start + size // 4, end)
            end = cut + 1 if cut != -1 else end
        out.append(Chunk(document, start, text[start:end]))
        start = end
    return out


def _sentence(span: Span) -> str:
    return span.sent.text.strip()


def _ents_in(doc: Doc, start: int, end: int, label: str) -> list[Span]:
    return [e for e in ents_in_chars(doc, start, end) if e.label_ == label]


def _unique(values: Iterable) -> tuple:
    seen: list = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return tuple(seen)


class RecordBuilder:
    """Turns one annotated chunk into records. ``rules`` are the claim-type rules."""

    def __init__(self, claim_rules: tuple[dict, ...]):
        self.claim_rules = claim_rules

    def build(self, doc: Doc, chunk: Chunk) -> Records:
        d, off = chunk.document, chunk.offset
        page = lambda s: d.page_at(s + off)  # noqa: E731
        mentions = tuple(
            Mention(
                d.doc_id,
                e.label_,
                e.text,
                e.ent_id_ or e.text,
                e.start_char + off,
                e.end_char + off,
                page(e.start_char),
                _sentence(e),
            )
            for e in doc.ents
            if e.label_ in MENTION_LABELS
        )
        info = doc.user_data.get(AGENCY_INFO, {})
        agencies = self._agencies(doc, chunk, info, page)
        officials = self._officials(doc, chunk, info, page)
        tiers = self._news_tiers(doc, chunk, page) if d.kind == "news" else ()
        claims = self._claims(doc, chunk, page)
        return Records(
            mentions=mentions, officials=officials, agencies=agencies, tier_placements=tiers, claims=claims
        )

    def _agencies(self, doc, chunk, info, page) -> tuple[Agency, ...]:
        first: dict[str, Span] = {}
        counts: dict[str, int] = {}
        named: set[str] = set()  # not a party named only as a politician's ("Conservative MP X")
        title_at = {e.start for e in doc.ents if e.label_ == "TITLE"}
        modifiers = set(doc.user_data.get(MODIFIER_MENTIONS, ()))  # "EU countries" (agency_modifier)
        keys: dict[str, str] = {}  # the name as a row writes it -> the entity's key in ``info``
        for e in doc.ents:
            if e.label_ == "AGENCY":
                # a name the text wraps across a line ("Supreme\nJudicial Council") is one name
                key = " ".join((e.ent_id_ or e.text).split())
                keys.setdefault(key, e.ent_id_ or e.text)
                first.setdefault(key, e)
                counts[key] = counts.get(key, 0) + 1
                if e.start in modifiers:
                    continue
                if e.end not in title_at or (info.get(keys[key]) or {}).get("kind") != "party":
                    named.add(key)
        out = []
        for key, e in first.items():
            if key not in named:
                continue
            meta = info.get(keys[key], {})
            out.append(
                Agency(
                    chunk.document.doc_id,
                    key,
                    meta.get("acronym"),
                    meta.get("kind") or "other",
                    meta.get("country"),
                    counts[key],
                    e.start_char + chunk.offset,
                    e.end_char + chunk.offset,
                    page(e.start_char),
                    _sentence(e),
                )
            )
        return tuple(out)

    def _officials(self, doc, chunk, info, page) -> tuple[Official, ...]:
        out = []
        for p in doc.user_data.get(PEOPLE, []):
            if not (p["title"] or p["organisation"]):
                continue
            s = doc[p["first"][0] : p["first"][1]]
            org = p["organisation"]
            meta = info.get(org, {}) if org else {}
            out.append(
                Official(
                    chunk.document.doc_id,
                    p["name"],
                    " ".join(w for w in (p.get("qualifier"), p["title"]) if w) or None,
                    org,
                    meta.get("acronym"),
                    meta.get("country"),
                    len(p["mentions"]),
                    s.start_char + chunk.offset,
                    s.end_char + chunk.offset,
                    page(s.start_char),
                    _sentence(s),
                )
            )
        return tuple(out)

    def _news_tiers(self, doc, chunk, page) -> tuple[TierPlacement, ...]:
        """Tier placements a news text states: the links tipwatch_tier_links made, or without that
        component each TIER entity with the nearest country of its sentence (and its one year)."""
        if TIER_LINKS in doc.user_data:  # country, year and negation decided by tipwatch_tier_links
            return _linked_tiers(doc, chunk, page)
        out = []
        for e in doc.ents:
            if e.label_ != "TIER":
                continue
            sent = e.sent
            countries = [g for g in _ents_in(doc, sent.start_char, sent.end_char, "GPE") if g.ent_id_]
            if not countries:
                continue
            nearest = min(countries, key=lambda g: abs(g.start - e.start))
            years = _unique(int(y.text) for y in _ents_in(doc, sent.start_char, sent.end_char, "YEAR"))
            out.append(
                TierPlacement(
                    chunk.document.doc_id,
                    nearest.ent_id_,
                    years[0] if len(years) == 1 else None,
                    e.ent_id_,
                    None,
                    "news",
                    e.start_char + chunk.offset,
                    e.end_char + chunk.offset,
                    page(e.start_char),
                    sent.text.strip(),
                )
            )
        return tuple(out)

    def _claims(self, doc, chunk, page) -> tuple[Claim, ...]:
        out = []
        off = chunk.offset
        text = doc.text  # Doc.text joins every token each time: read it once per chunk, not per claim
        for c in doc.user_data.get(CLAIMS, []):
            s, e = c["start"], c["end"]
            content = text[s:e]
            countries = _unique(g.ent_id_ for g in _ents_in(doc, s, e, "GPE") if g.ent_id_)
            tiers = _unique(t.ent_id_ for t in _ents_in(doc, s, e, "TIER") if t.ent_id_ != SAME)
            years = _unique(int(y.text) for y in _ents_in(doc, s, e, "YEAR"))
            span = doc.char_span(s, e, alignment_mode="expand")
            sents = _unique(t.sent for t in span) if span is not None else ()
            evidence = text[sents[0].start_char : sents[-1].end_char].strip() if sents else content
            shift = lambda v: None if v is None else v + off  # noqa: E731
            out.append(
                Claim(
                    chunk.document.doc_id,
                    c["speaker"],
                    c["speaker_kind"],
                    c["cue"],
                    content,
                    c["direct"],
                    claim_type(content, tiers=list(tiers), rules=self.claim_rules),
                    countries,
                    tiers,
                    years,
                    s + off,
                    e + off,
                    page(s),
                    evidence,
                    shift(c["speaker_start"]),
                    shift(c["speaker_end"]),
                    shift(c["cue_start"]),
                    shift(c["cue_end"]),
                )
            )
        return tuple(out)


def merge(parts: Iterable[Records]) -> Records:
    parts = list(parts)
    return Records(
        **{name: tuple(r for p in parts for r in getattr(p, name)) for name in Records.__dataclass_fields__}
    )


def _dedupe(records: Records) -> Records:
    """Per-document rows found in several chunks (agencies, officials) become one row with summed counts."""
    out = {}
    for name in ("agencies", "officials"):
        rows: dict[str, object] = {}
        for r in getattr(records, name):
            if r.id in rows:
                prev = rows[r.id]
                rows[r.id] = replace(prev, mention_count=prev.mention_count + r.mention_count)
            else:
                rows[r.id] = r
        out[name] = tuple(rows.values())
    return replace(records, **out)


def extract_documents(
    documents: list[Document],
    nlp: Language,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    raw: dict[str, bytes] | None = None,
) -> Iterator[tuple[Document, Records]]:
    """Yield (document, records) for each document, in input order.

    Documents whose status is not ``ok`` yield empty records. TIP reports also get tier
    placements and statistics from their structure (:mod:`extractors.parse.tip`), and, when ``raw``
    holds their PDF bytes (doc_id -> bytes), the global law enforcement data table
    (:mod:`extractors.parse.tip_tables`).
    """
    per_doc = _annotate(documents, nlp, batch_size=batch_size, n_process=n_process)
    for d in documents:
        records = link_speakers(_dedupe(merge(per_doc.get(d.doc_id, []))))
        if d.kind == "tip_report" and d.status == "ok":
            records = merge([records, tip_records(d)])
            if raw and d.doc_id in raw:
                records = replace(records, statistics=records.statistics + _law_enforcement(d, raw[d.doc_id]))
        yield d, records


def _linked_tiers(doc, chunk, page) -> tuple[TierPlacement, ...]:
    """The tier links tipwatch_tier_links stored on the doc, as rows with offsets into the document."""
    text = doc.text  # once per chunk: Doc.text rebuilds the string on every access
    return tuple(
        TierPlacement(
            chunk.document.doc_id,
            link["country"],
            link["year"],
            link["tier"],
            link.get("change"),
            "news",
            link["start"] + chunk.offset,
            link["end"] + chunk.offset,
            page(link["start"]),
            text[link["sentence"][0] : link["sentence"][1]].strip(),
        )
        for link in doc.user_data[TIER_LINKS]
    )


def _annotate(
    documents: list[Document], nlp: Language, *, batch_size: int, n_process: int
) -> dict[str, list[Records]]:
    """doc_id -> the records of each of its chunks, for every ``ok`` document with text."""
    builder = RecordBuilder(nlp.get_pipe("tipwatch_claims").types)
    todo = [d for d in documents if d.status == "ok" and d.text]
    all_chunks = [c for d in todo for c in chunks(d)]
    per_doc: dict[str, list[Records]] = {d.doc_id: [] for d in todo}
    if all_chunks:
        mean = sum(len(c.text) for c in all_chunks) / len(all_chunks)
        batch_size = max(1, min(batch_size, int(BATCH_CHARS // max(mean, 1))))
    # Only the text and an index travel to worker processes, never the whole Document.
    # TIP reports skip the components models/pipeline.cfg lists under [reports] disable and give
    # components the settings under [reports.components].
    report_disable = list(nlp.meta.get("tipwatch_report_disable", []))
    report_cfg = {n: dict(c) for n, c in nlp.meta.get("tipwatch_report_components", {}).items()} or None
    for is_report in (False, True):
        group = [i for i, c in enumerate(all_chunks) if (c.document.kind == "tip_report") == is_report]
        if not group:
            continue
        texts = ((_dated(nlp, all_chunks[i]), i) for i in group)
        disable, component_cfg = (report_disable, report_cfg) if is_report else ([], None)
        for doc, i in nlp.pipe(
            texts,
            as_tuples=True,
            batch_size=batch_size,
            n_process=n_process,
            disable=disable,
            component_cfg=component_cfg,
        ):
            chunk = all_chunks[i]
            per_doc[chunk.document.doc_id].append(builder.build(doc, chunk))
    return per_doc


def _dated(nlp: Language, chunk: Chunk) -> str | Doc:
    """The chunk's text, or a tokenized Doc carrying the document's publication date
    (``user_data["published"]``) for the components that date what the text leaves undated."""
    published = chunk.document.published
    if not published or chunk.document.kind == "tip_report":
        return chunk.text
    doc = nlp.make_doc(chunk.text)
    doc.user_data["published"] = published
    return doc


def _law_enforcement(document: Document, data: bytes) -> tuple:
    """Statistic rows of the report's global law enforcement data table (none when unreadable)."""
    from extractors.parse.tip_tables import law_enforcement_pages, law_enforcement_table

    pages = law_enforcement_pages(document)
    try:
        return tuple(law_enforcement_table(data, pages, document) if pages else [])
    except Exception:  # noqa: BLE001 - pdfium read it; a table pdfplumber cannot read only loses the table rows
        return ()


def tip_records(document: Document) -> Records:
    """Tier placements and statistics from a TIP report's structure."""
    from extractors.parse import tip  # the TIP structure parser; imported lazily to keep news-only runs light

    return Records(
        tier_placements=tuple(tip.tier_placements(document)), statistics=tuple(tip.statistics(document))
    )
