"""Score extracted tables against hand-annotated gold (precision, recall, F1 per field).

:func:`score` is the entry point; the parts live by job: :mod:`~extractors.evaluation.keys` (how
strings compare), :mod:`~extractors.evaluation.matching` (rows matched per field and document),
:mod:`~extractors.evaluation.results` (scores and reports), :mod:`~extractors.evaluation.gold_docs`
(gold documents and their spans). Their public names are importable from here too.

Pure: every function takes parsed objects and returns values; reading gold files and article
texts lives in ``flows/gold.py``. Nothing here knows how the extractor works; predictions are the
rows of the output tables (plain dicts, as ``Records.rows()`` gives them).

A document, gold or predicted, is a mapping (or object with attributes) holding lists of row dicts
under ``officials``, ``agencies``, ``tier_placements`` and ``claims``.

Matching rules (see ``models/gold/README.md`` for the annotation guidelines):

* Every field is scored by a deterministic one-to-one matching per document: all (gold, predicted)
  pairs that satisfy the field's predicate are ranked by similarity (highest first, then gold
  index, then predicted index) and accepted greedily while both sides are unused. Matched pairs
  are true positives, unmatched predictions false positives, unmatched gold rows false negatives.
  Counts are summed over documents (micro average).
* Strings are compared after :func:`normalize` (soft hyphens and zero-width characters removed,
  curly quotes and dashes made straight, whitespace collapsed) and case folding.
* ``officials``, ``agencies`` and ``tier_placements`` are sets per document: duplicate rows (same
  key) on either side count once.
* Spans (cue, content) are compared as strings, not offsets, because the pipeline's stored text
  may differ from the raw article (dateline, ad lines, soft hyphens).  *Strict*: equal after
  normalisation and after trimming enclosing quotes, edge punctuation and a leading "that".
  *Overlap*: token Dice coefficient >= 0.5 (word tokens, multiset), which also forbids matching two
  different sentences of one article through shared function words ("the", "said").
* Empty denominators: precision (recall) is 1.0 when there are neither predictions (gold rows)
  nor errors of the other kind, else 0.0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractors.evaluation.gold_docs import TABLES, GoldDoc, gold_doc, locate, missing_spans
from extractors.evaluation.keys import (
    HONORIFICS,
    OVERLAP_MIN_DICE,
    country_key,
    dice,
    key,
    name_key,
    normalize,
    org_key,
    span_key,
    tier_key,
    title_abbreviations,
    title_key,
    tokens,
)
from extractors.evaluation.matching import match, score_doc, speaker_matches
from extractors.evaluation.results import Error, FieldScore, Report

__all__ = [
    "FIELDS",
    "FIELD_HELP",
    "HONORIFICS",
    "OVERLAP_MIN_DICE",
    "TABLES",
    "Error",
    "FieldScore",
    "GoldDoc",
    "Report",
    "dice",
    "gold_doc",
    "key",
    "locate",
    "match",
    "missing_spans",
    "name_key",
    "normalize",
    "org_key",
    "score",
    "score_doc",
    "span_key",
    "speaker_matches",
    "tier_key",
    "title_abbreviations",
    "title_key",
    "country_key",
    "tokens",
]

FIELDS = (
    "officials",
    "officials_name",
    "agencies",
    "agencies_kind",
    "tier_placements",
    "tier_placements_no_year",
    "claims_speaker",
    "claims_cue",
    "claims_content_strict",
    "claims_content_overlap",
    "claims",
)

FIELD_HELP = {
    "officials": "name + title + organisation (organisation by name or acronym)",
    "officials_name": "official's name alone",
    "agencies": "agency by canonical name or acronym",
    "agencies_kind": "agency matched as above and same kind",
    "tier_placements": "country + tier + report_year",
    "tier_placements_no_year": "country + tier (report_year ignored)",
    "claims_speaker": "claim speakers per document (multiset), speaker alone",
    "claims_cue": "claim cues per document (multiset), cue string alone",
    "claims_content_strict": "claim content, equal after normalisation",
    "claims_content_overlap": "claim content, token Dice >= 0.5",
    "claims": "speaker and content (overlap) of the same claim",
}


def score(gold_docs: Sequence[Any], predicted_docs: Sequence[Any]) -> Report:
    """Score predicted tables against gold, document by document (the two lists are parallel)."""
    if len(gold_docs) != len(predicted_docs):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(predicted_docs)} predicted")
    totals = {f: FieldScore(f) for f in FIELDS}
    errors: list[Error] = []
    for n, (g, p) in enumerate(zip(gold_docs, predicted_docs)):
        doc_scores, doc_errors = score_doc(g, p)
        for f, s in doc_scores.items():
            totals[f] = totals[f] + s
        errors.extend(Error(f, n, kind, value) for f, kind, value in doc_errors)
    return Report(tuple(totals[f] for f in FIELDS), len(gold_docs), tuple(errors))
