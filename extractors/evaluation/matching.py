"""Matching gold rows to predicted rows, field by field, for one document.

Contract of :func:`score_doc`: a gold and a predicted document (mappings or objects holding lists
of row dicts under ``officials``, ``agencies``, ``tier_placements`` and ``claims``) in; a
:class:`~extractors.evaluation.results.FieldScore` per field and the unmatched rows as errors out.
Every field is a deterministic one-to-one matching (:func:`match`). ``officials``, ``agencies``
and ``tier_placements`` are sets per document (duplicate keys count once); claims are not
deduplicated. Organisations meet by name, acronym or any other form a gold agency lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from extractors.evaluation.keys import (
    OVERLAP_MIN_DICE,
    country_key,
    dice,
    key,
    name_key,
    org_key,
    span_key,
    tier_key,
    title_key,
    tokens,
    year_value,
)
from extractors.evaluation.results import FieldScore

__all__ = ["match", "score_doc", "speaker_matches"]

Similarity = Callable[[Any, Any], float]


def match(
    gold: Sequence[Any], pred: Sequence[Any], similarity: Callable[[Any, Any], float]
) -> list[tuple[int, int]]:
    """Deterministic one-to-one matching: pairs with similarity > 0, best first (ties: gold index,
    then predicted index), accepted while both sides are free. Returns (gold_i, pred_j) pairs."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = similarity(g, p)
            if s > 0:
                cands.append((-s, i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _table(doc: Any, name: str) -> list[dict]:
    if isinstance(doc, Mapping):
        rows = doc.get(name)
    else:
        rows = getattr(doc, name, None)
    return [dict(r) for r in (rows or ())]


def _get(row: Mapping, name: str) -> Any:
    v = row.get(name)
    return None if v == "" else v


def _dedupe(rows: Iterable[dict], k: Callable[[dict], Any]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        kk = k(r)
        if kk in seen:
            continue
        seen.add(kk)
        out.append(r)
    return out


# ---- per-table keys and predicates


def _org_aliases(
    org: str | None, acronym: str | None, agencies: Sequence[dict], extra: Iterable[str] = ()
) -> frozenset[str]:
    """The organisation's name, acronym and ``extra`` names, plus the other forms of any gold
    agency they name."""
    names = {org_key(org), org_key(acronym), *(org_key(e) for e in extra)} - {""}
    for a in agencies:
        forms = _agency_forms(a)
        if forms & names:
            names |= forms
    return frozenset(names)


def _official_key(r: dict) -> tuple:
    """(name key, title key, organisation key): duplicates of one official count once."""
    return (name_key(_get(r, "name")), title_key(_get(r, "title")), key(_get(r, "organisation")))


def _agency_forms(r: dict) -> set[str]:
    """Name, acronym and (gold only) ``aliases``: other names the text uses for the agency."""
    forms = {org_key(_get(r, "name")), org_key(_get(r, "acronym"))}
    forms.update(org_key(a) for a in r.get("aliases") or ())
    return forms - {""}


def _tier_key(r: dict) -> tuple:
    """(country key, tier code, report year): duplicates of one placement count once."""
    return (country_key(_get(r, "country")), tier_key(_get(r, "tier")), year_value(_get(r, "report_year")))


def speaker_matches(
    g: Mapping, p: Mapping, aliases: Callable[[str | None], frozenset[str]] | None = None
) -> bool:
    """Gold and predicted claim speakers agree.

    Equal name keys (honorifics dropped); or the same organisation by name or acronym (via the
    gold agencies); or both speakers are the report (``speaker_kind == "report"``); or, for unnamed
    speakers ("a senior FIA official"), both unnamed with token Dice >= 0.5 over content words
    ("A spokesman for FIA" = "FIA spokesman"); or both absent (passive "was told").
    """
    gk, pk = _get(g, "speaker_kind"), _get(p, "speaker_kind")
    gs, ps = _get(g, "speaker"), _get(p, "speaker")
    if gk == "report" and pk == "report":
        return True
    if gs is None or ps is None:
        return gs is None and ps is None
    if name_key(gs) == name_key(ps):
        return True
    if aliases is not None:
        ga, pa = aliases(gs), aliases(ps)
        if ga & pa:
            return True
    if gk == "unnamed" and pk == "unnamed":
        return dice(_content_words(gs), _content_words(ps)) >= OVERLAP_MIN_DICE
    return False


_FUNCTION_WORDS = frozenset("a an the of for from in at by on to and".split())


def _content_words(s: str) -> str:
    """ "A spokesman for FIA" -> "spokesman fia" (function words dropped)."""
    return " ".join(t for t in tokens(s) if t not in _FUNCTION_WORDS)


def _fmt(r: dict, cols: Sequence[str]) -> str:
    return " | ".join(str(_get(r, c)) for c in cols)


class _Tally:
    """Per-field scores and errors of one document, in the order the fields are added."""

    def __init__(self) -> None:
        self.scores: dict[str, FieldScore] = {}
        self.errors: list[tuple[str, str, str]] = []

    def add(self, name: str, g: Sequence, p: Sequence, sim: Similarity, cols: Sequence[str]) -> None:
        pairs = match(g, p, sim)
        mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
        self.scores[name] = FieldScore(name, len(pairs), len(p) - len(pairs), len(g) - len(pairs))
        self.errors.extend((name, "fn", _fmt(r, cols)) for i, r in enumerate(g) if i not in mg)
        self.errors.extend((name, "fp", _fmt(r, cols)) for j, r in enumerate(p) if j not in mp)


def score_doc(gold_doc: Any, pred_doc: Any) -> tuple[dict[str, FieldScore], list[tuple[str, str, str]]]:
    """Scores for one document: per-field counts, and (field, kind, value) errors."""
    tally = _Tally()
    g_ag = _dedupe(_table(gold_doc, "agencies"), _agency_key)
    p_ag = _dedupe(_table(pred_doc, "agencies"), _agency_key)
    _score_officials(tally, _table(gold_doc, "officials"), _table(pred_doc, "officials"), g_ag)
    _score_agencies(tally, g_ag, p_ag)
    _score_tiers(tally, _table(gold_doc, "tier_placements"), _table(pred_doc, "tier_placements"))
    _score_claims(tally, _table(gold_doc, "claims"), _table(pred_doc, "claims"), g_ag)
    return tally.scores, tally.errors


# ---- officials


def _score_officials(tally: _Tally, gold: list[dict], pred: list[dict], g_ag: list[dict]) -> None:
    """``officials`` (name, title and organisation) and ``officials_name`` (the name alone)."""
    g_of = _dedupe(gold, _official_key)
    p_of = _dedupe(pred, _official_key)
    tally.add(
        "officials",
        g_of,
        p_of,
        lambda g, p: _official_similarity(g, p, g_ag),
        ("name", "title", "organisation"),
    )
    g_names = _dedupe(g_of, lambda r: name_key(_get(r, "name")))
    p_names = _dedupe(p_of, lambda r: name_key(_get(r, "name")))
    tally.add("officials_name", g_names, p_names, _same_name, ("name",))


def _same_name(g: dict, p: dict) -> float:
    return float(name_key(_get(g, "name")) == name_key(_get(p, "name")))


def _official_similarity(g: dict, p: dict, g_ag: list[dict]) -> float:
    """1.0 when name, title and organisation all agree (see :func:`_title_ok`), else 0.0."""
    if name_key(_get(g, "name")) != name_key(_get(p, "name")):
        return 0.0
    if not _title_ok(g, p, g_ag):
        return 0.0
    return 1.0 if _org_ok(g, p, g_ag) else 0.0


def _official_org(r: dict, g_ag: list[dict]) -> frozenset[str]:
    # gold officials may list ``organisation_aliases`` (other names the text uses)
    return _org_aliases(
        _get(r, "organisation"), _get(r, "organisation_acronym"), g_ag, r.get("organisation_aliases") or ()
    )


def _org_ok(g: dict, p: dict, g_ag: list[dict]) -> bool:
    go, po = _official_org(g, g_ag), _official_org(p, g_ag)
    if not go or not po:
        return not go and not po
    return bool(go & po)


def _title_ok(g: dict, p: dict, g_ag: list[dict]) -> bool:
    """Equal title keys, or the predicted title with the gold organisation's words left in it.

    The organisation left in the predicted title ("interior minister" for minister / Ministry of
    Interior, "inspector general of police" for inspector general / Punjab Police) is the same
    role: drop words of the gold organisation, and "of"/"for", that the gold title lacks.
    """
    gt, pt = title_key(_get(g, "title")), title_key(_get(p, "title"))
    if gt == pt:
        return True
    org_words = {w for f in _official_org(g, g_ag) for w in f.split()}
    keep = set(gt.split())
    stripped = [w for w in pt.split() if w in keep or (w not in org_words and w not in ("of", "for"))]
    return " ".join(stripped) == gt


# ---- agencies and tier placements


def _agency_key(r: dict) -> str:
    return org_key(_get(r, "name")) or org_key(_get(r, "acronym"))


def _agency_similarity(g: dict, p: dict) -> float:
    """1.0 for the same name, 0.9 for a shared acronym or other form ("FIA" = "Federal
    Investigation Agency"), else 0.0."""
    if org_key(_get(g, "name")) and org_key(_get(g, "name")) == org_key(_get(p, "name")):
        return 1.0  # exact name beats an acronym-only match
    return 0.9 if _agency_forms(g) & _agency_forms(p) else 0.0


def _score_agencies(tally: _Tally, g_ag: list[dict], p_ag: list[dict]) -> None:
    """``agencies`` (by name or acronym) and ``agencies_kind`` (matched as above, same kind)."""
    cols = ("name", "acronym", "kind")
    tally.add("agencies", g_ag, p_ag, _agency_similarity, cols)
    tally.add(
        "agencies_kind",
        g_ag,
        p_ag,
        lambda g, p: _agency_similarity(g, p) if key(_get(g, "kind")) == key(_get(p, "kind")) else 0.0,
        cols,
    )


def _score_tiers(tally: _Tally, gold: list[dict], pred: list[dict]) -> None:
    """``tier_placements`` (country, tier, report year) and ``tier_placements_no_year``."""
    g_t = _dedupe(gold, _tier_key)
    p_t = _dedupe(pred, _tier_key)
    tally.add(
        "tier_placements",
        g_t,
        p_t,
        lambda g, p: float(_tier_key(g) == _tier_key(p)),
        ("country", "tier", "report_year"),
    )
    g_t2 = _dedupe(g_t, lambda r: _tier_key(r)[:2])
    p_t2 = _dedupe(p_t, lambda r: _tier_key(r)[:2])
    tally.add(
        "tier_placements_no_year",
        g_t2,
        p_t2,
        lambda g, p: float(_tier_key(g)[:2] == _tier_key(p)[:2]),
        ("country", "tier"),
    )


# ---- claims


def _score_claims(tally: _Tally, g_c: list[dict], p_c: list[dict], g_ag: list[dict]) -> None:
    """Speaker, cue, content (strict and overlap), and speaker with content of the same claim; each
    attributed statement counts (no deduplication)."""

    def speaker_aliases(s: str | None) -> frozenset[str]:
        return _org_aliases(s, None, g_ag)

    def sim_speaker(g: dict, p: dict) -> float:
        return 1.0 if speaker_matches(g, p, speaker_aliases) else 0.0

    tally.add("claims_speaker", g_c, p_c, sim_speaker, ("speaker", "speaker_kind"))
    tally.add("claims_cue", g_c, p_c, _same_span("cue"), ("cue",))
    tally.add("claims_content_strict", g_c, p_c, _same_span("content"), ("content",))
    tally.add("claims_content_overlap", g_c, p_c, _content_overlap, ("content",))
    tally.add(
        "claims",
        g_c,
        p_c,
        lambda g, p: _content_overlap(g, p) if sim_speaker(g, p) else 0.0,
        ("speaker", "content"),
    )


def _same_span(name: str) -> Similarity:
    """1.0 when the gold span is non-empty and equal to the predicted one after :func:`span_key`."""
    return lambda g, p: float(
        bool(span_key(_get(g, name))) and span_key(_get(g, name)) == span_key(_get(p, name))
    )


def _content_overlap(g: dict, p: dict) -> float:
    d = dice(_get(g, "content"), _get(p, "content"))
    return d if d >= OVERLAP_MIN_DICE else 0.0
