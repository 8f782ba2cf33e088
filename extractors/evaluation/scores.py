"""Score extracted tables against hand-annotated gold (precision, recall, F1 per field).

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

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractors.parse.documents import INVISIBLE_AND_SPACES

TABLES = ("officials", "agencies", "tier_placements", "claims")

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

OVERLAP_MIN_DICE = 0.5

# --------------------------------------------------------------------------------------------
# normalisation

_CHAR_MAP = str.maketrans(
    {
        **INVISIBLE_AND_SPACES,  # the stored text's own rules (soft hyphens, zero-width, odd spaces)
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_WS = re.compile(r"\s+")


def normalize(s: str | None) -> str:
    """Text as compared: NFC, no soft hyphens/zero-width chars, straight quotes and dashes,
    whitespace collapsed to single spaces and stripped. Case is kept (see :func:`key`)."""
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).translate(_CHAR_MAP)
    return _WS.sub(" ", s).strip()


def key(s: str | None) -> str:
    """:func:`normalize` plus case folding and a leading "the " removed."""
    k = normalize(s).casefold()
    return k[4:] if k.startswith("the ") else k


_ORG_PUNCT = re.compile(r"[.,;:()\"']+")


def org_key(name: str | None) -> str:
    """Organisation key: :func:`key` with punctuation dropped and "&" read as "and"
    ("Pakistan Rangers, Sindh" = "Pakistan Rangers Sindh")."""
    k = _ORG_PUNCT.sub(" ", key(name).replace("&", " and "))
    k = " ".join(k.split())
    return k[4:] if k.startswith("the ") else k


_EDGE = " \"'.,;:!?()[]-"


def span_key(s: str | None) -> str:
    """Key for strict span comparison: :func:`key`, enclosing quotes/edge punctuation and a
    leading complementiser "that" trimmed."""
    k = normalize(s).casefold().strip(_EDGE)
    if k.startswith("that "):
        k = k[5:].strip(_EDGE)
    return k


_TOKEN = re.compile(r"\w+")


def tokens(s: str | None) -> list[str]:
    return _TOKEN.findall(normalize(s).casefold())


def dice(a: str | None, b: str | None) -> float:
    """Token Dice coefficient of two strings (multisets of word tokens)."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    n = sum(ta.values()) + sum(tb.values())
    if not n:
        return 0.0
    return 2 * sum((ta & tb).values()) / n


# Words dropped from the front of a person's name: honorifics, military ranks, retirement marks.
# "Syed", "Mian", "Hafiz", "Rana", "Chaudhry" are kept: they are part of how the name is written.
HONORIFICS = frozenset(
    """dr mr mrs ms miss engr prof professor sir madam barrister advocate justice senator
    retired retd col colonel lt lieutenant gen general maj major brig brigadier capt captain
    cdr commander air marshal vice admiral""".split()
)
_NAME_PUNCT = re.compile(r"[.,()]")


def name_key(name: str | None) -> str:
    """Person-name key: :func:`key`, periods and brackets removed, honorifics and ranks dropped
    from the front ("Dr Ehsan Sadiq" -> "ehsan sadiq", "retired Col Shehzad Amir" ->
    "shehzad amir") and a trailing "(retd)" dropped."""
    words = _NAME_PUNCT.sub(" ", key(name)).split()
    while words and words[0] in HONORIFICS:
        words.pop(0)
    while words and words[-1] in ("retd", "retired"):
        words.pop()
    return " ".join(words)


TITLE_ABBREVIATIONS = {
    "dg": "director general",
    "adg": "additional director general",
    "ig": "inspector general",
    "igp": "inspector general",
    "aig": "additional inspector general",
    "dig": "deputy inspector general",
    "ceo": "chief executive officer",
    "sho": "station house officer",
    "ssp": "senior superintendent of police",
    "sp": "superintendent of police",
    "dsp": "deputy superintendent of police",
    "asp": "assistant superintendent of police",
    "dpo": "district police officer",
    "cpo": "city police officer",
    "pm": "prime minister",
    "cm": "chief minister",
    "mna": "member of the national assembly",
    "mpa": "member of the provincial assembly",
    "sapm": "special assistant to the prime minister",
    "asi": "assistant sub inspector",
    "si": "sub inspector",
    # a judge of a superior court is styled "Justice X" and called "the judge": one role
    "judge": "justice",
}
_TITLE_DROP = frozenset({"federal", "provincial", "the"})


def title_key(title: str | None) -> str:
    """Role key: :func:`key`, hyphens as spaces, abbreviations expanded ("DG" -> "director
    general"), "federal"/"provincial"/"the" dropped."""
    words = key(title).replace("-", " ").replace(".", " ").split()
    out: list[str] = []
    for w in words:
        if w in _TITLE_DROP:
            continue
        out.extend(TITLE_ABBREVIATIONS.get(w, w).split())
    return " ".join(out)


_TIERS = {
    "1": "1",
    "i": "1",
    "one": "1",
    "2": "2",
    "ii": "2",
    "two": "2",
    "2wl": "2WL",
    "iiwl": "2WL",
    "twowl": "2WL",
    "2watchlist": "2WL",
    "iiwatchlist": "2WL",
    "twowatchlist": "2WL",
    "3": "3",
    "iii": "3",
    "three": "3",
    "specialcase": "special_case",
    "special_case": "special_case",
    "specialcases": "special_case",
}


def tier_key(tier: Any) -> str:
    """Canonical tier code ("Tier II Watch List" -> "2WL"); unknown values are returned folded."""
    if tier is None:
        return ""
    t = re.sub(r"[\s\-_]+", "", normalize(str(tier)).casefold())
    if t.startswith("tier"):
        t = t[4:]
    return _TIERS.get(t, t)


def _year(y: Any) -> int | None:
    if y is None or y == "":
        return None
    try:
        return int(y)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------------------------
# scores


@dataclass(frozen=True)
class FieldScore:
    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.field, self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class Error:
    """One false positive or false negative, for finding what to fix."""

    field: str
    doc: int  # index into the documents scored
    kind: str  # "fp" or "fn"
    value: str


@dataclass(frozen=True)
class Report:
    """Micro-averaged scores per field, in :data:`FIELDS` order (or the scorer's own order)."""

    fields: tuple[FieldScore, ...]
    n_docs: int
    errors: tuple[Error, ...] = field(default=(), repr=False)

    def __getitem__(self, name: str) -> FieldScore:
        for f in self.fields:
            if f.field == name:
                return f
        raise KeyError(name)

    def to_dict(self, *, errors: bool = False) -> dict:
        out: dict[str, Any] = {
            "n_docs": self.n_docs,
            "fields": {f.field: f.to_dict() for f in self.fields},
        }
        if errors:
            out["errors"] = [
                {"field": e.field, "doc": e.doc, "kind": e.kind, "value": e.value} for e in self.errors
            ]
        return out

    def format_table(self) -> str:
        """Fixed-width text table: one line per field."""
        width = max([len("field")] + [len(f.field) for f in self.fields])
        head = f"{'field':<{width}}  {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
        lines = [head, "-" * len(head)]
        for f in self.fields:
            lines.append(
                f"{f.field:<{width}}  {f.precision:6.3f} {f.recall:6.3f} {f.f1:6.3f} {f.tp:5d} {f.fp:5d} {f.fn:5d}"
            )
        lines.append(f"({self.n_docs} documents)")
        return "\n".join(lines)


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
    return (name_key(_get(r, "name")), title_key(_get(r, "title")), key(_get(r, "organisation")))


def _agency_forms(r: dict) -> set[str]:
    """Name, acronym and (gold only) ``aliases``: other names the text uses for the agency."""
    forms = {org_key(_get(r, "name")), org_key(_get(r, "acronym"))}
    forms.update(org_key(a) for a in r.get("aliases") or ())
    return forms - {""}


def _tier_key(r: dict) -> tuple:
    return (key(_get(r, "country")), tier_key(_get(r, "tier")), _year(_get(r, "report_year")))


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
    return " ".join(t for t in tokens(s) if t not in _FUNCTION_WORDS)


def _fmt(r: dict, cols: Sequence[str]) -> str:
    return " | ".join(str(_get(r, c)) for c in cols)


def score_doc(gold_doc: Any, pred_doc: Any) -> tuple[dict[str, FieldScore], list[tuple[str, str, str]]]:
    """Scores for one document: per-field counts, and (field, kind, value) errors."""
    scores: dict[str, FieldScore] = {}
    errors: list[tuple[str, str, str]] = []

    def add(name: str, g: Sequence, p: Sequence, sim: Callable, cols: Sequence[str]) -> None:
        pairs = match(g, p, sim)
        mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
        scores[name] = FieldScore(name, len(pairs), len(p) - len(pairs), len(g) - len(pairs))
        errors.extend((name, "fn", _fmt(r, cols)) for i, r in enumerate(g) if i not in mg)
        errors.extend((name, "fp", _fmt(r, cols)) for j, r in enumerate(p) if j not in mp)

    g_ag = _dedupe(
        _table(gold_doc, "agencies"), lambda r: org_key(_get(r, "name")) or org_key(_get(r, "acronym"))
    )
    p_ag = _dedupe(
        _table(pred_doc, "agencies"), lambda r: org_key(_get(r, "name")) or org_key(_get(r, "acronym"))
    )

    def aliases(org: str | None, acronym: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
        return _org_aliases(org, acronym, g_ag, extra)

    def official_org(r: dict) -> frozenset[str]:
        # gold officials may list ``organisation_aliases`` (other names the text uses)
        return aliases(
            _get(r, "organisation"), _get(r, "organisation_acronym"), r.get("organisation_aliases") or ()
        )

    # officials
    g_of = _dedupe(_table(gold_doc, "officials"), _official_key)
    p_of = _dedupe(_table(pred_doc, "officials"), _official_key)

    def org_ok(g: dict, p: dict) -> bool:
        go, po = official_org(g), official_org(p)
        if not go or not po:
            return not go and not po
        return bool(go & po)

    def title_ok(g: dict, p: dict) -> bool:
        gt, pt = title_key(_get(g, "title")), title_key(_get(p, "title"))
        if gt == pt:
            return True
        # The organisation left in the predicted title ("interior minister" for minister / Ministry
        # of Interior, "inspector general of police" for inspector general / Punjab Police) is the
        # same role: drop words of the gold organisation, and "of"/"for", that the gold title lacks.
        org_words = {w for f in official_org(g) for w in f.split()}
        keep = set(gt.split())
        stripped = [w for w in pt.split() if w in keep or (w not in org_words and w not in ("of", "for"))]
        return " ".join(stripped) == gt

    def sim_official(g: dict, p: dict) -> float:
        if name_key(_get(g, "name")) != name_key(_get(p, "name")):
            return 0.0
        if not title_ok(g, p):
            return 0.0
        return 1.0 if org_ok(g, p) else 0.0

    add("officials", g_of, p_of, sim_official, ("name", "title", "organisation"))
    g_names = _dedupe(g_of, lambda r: name_key(_get(r, "name")))
    p_names = _dedupe(p_of, lambda r: name_key(_get(r, "name")))
    add(
        "officials_name",
        g_names,
        p_names,
        lambda g, p: float(name_key(_get(g, "name")) == name_key(_get(p, "name"))),
        ("name",),
    )

    # agencies
    def sim_agency(g: dict, p: dict) -> float:
        if org_key(_get(g, "name")) and org_key(_get(g, "name")) == org_key(_get(p, "name")):
            return 1.0  # exact name beats an acronym-only match
        return 0.9 if _agency_forms(g) & _agency_forms(p) else 0.0

    add("agencies", g_ag, p_ag, sim_agency, ("name", "acronym", "kind"))
    add(
        "agencies_kind",
        g_ag,
        p_ag,
        lambda g, p: sim_agency(g, p) if key(_get(g, "kind")) == key(_get(p, "kind")) else 0.0,
        ("name", "acronym", "kind"),
    )

    # tier placements
    g_t = _dedupe(_table(gold_doc, "tier_placements"), _tier_key)
    p_t = _dedupe(_table(pred_doc, "tier_placements"), _tier_key)
    add(
        "tier_placements",
        g_t,
        p_t,
        lambda g, p: float(_tier_key(g) == _tier_key(p)),
        ("country", "tier", "report_year"),
    )
    g_t2 = _dedupe(g_t, lambda r: _tier_key(r)[:2])
    p_t2 = _dedupe(p_t, lambda r: _tier_key(r)[:2])
    add(
        "tier_placements_no_year",
        g_t2,
        p_t2,
        lambda g, p: float(_tier_key(g)[:2] == _tier_key(p)[:2]),
        ("country", "tier"),
    )

    # claims (not deduplicated: each attributed statement counts)
    g_c, p_c = _table(gold_doc, "claims"), _table(pred_doc, "claims")

    def speaker_aliases(s: str | None) -> frozenset[str]:
        return aliases(s)

    def sim_speaker(g: dict, p: dict) -> float:
        return 1.0 if speaker_matches(g, p, speaker_aliases) else 0.0

    def sim_content_overlap(g: dict, p: dict) -> float:
        d = dice(_get(g, "content"), _get(p, "content"))
        return d if d >= OVERLAP_MIN_DICE else 0.0

    add("claims_speaker", g_c, p_c, sim_speaker, ("speaker", "speaker_kind"))
    add(
        "claims_cue",
        g_c,
        p_c,
        lambda g, p: float(
            bool(span_key(_get(g, "cue"))) and span_key(_get(g, "cue")) == span_key(_get(p, "cue"))
        ),
        ("cue",),
    )
    add(
        "claims_content_strict",
        g_c,
        p_c,
        lambda g, p: float(
            bool(span_key(_get(g, "content")))
            and span_key(_get(g, "content")) == span_key(_get(p, "content"))
        ),
        ("content",),
    )
    add("claims_content_overlap", g_c, p_c, sim_content_overlap, ("content",))
    add(
        "claims",
        g_c,
        p_c,
        lambda g, p: sim_content_overlap(g, p) if sim_speaker(g, p) else 0.0,
        ("speaker", "content"),
    )
    return scores, errors


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


# --------------------------------------------------------------------------------------------
# gold documents


@dataclass(frozen=True)
class GoldDoc:
    """One gold-annotated article: where it comes from, its text, and the expected rows."""

    ref: Mapping[str, str]  # {"corpus_file": ..., "link": ...} or {"seed": ...}
    text: str
    title: str | None = None
    officials: tuple[dict, ...] = ()
    agencies: tuple[dict, ...] = ()
    tier_placements: tuple[dict, ...] = ()
    claims: tuple[dict, ...] = ()

    @property
    def key(self) -> str:
        return self.ref.get("link") or self.ref.get("seed") or str(dict(self.ref))


def _normalized_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` as :func:`normalize` sees it (without NFC and the final strip), and for every
    character of the result its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        t = ch.translate(_CHAR_MAP)
        if not t:
            continue
        if t.isspace():
            if out and out[-1] == " ":
                continue
            t = " "
        out.append(t)
        where.append(i)
    return "".join(out), where


def locate(text: str, span: str | None, *, near: int | None = None) -> tuple[int, int] | None:
    """Character offsets (start, end exclusive) of ``span`` in the raw ``text``, comparing both
    normalised (soft hyphens, quotes, whitespace); the occurrence closest to ``near`` when given,
    else the first. None when absent."""
    needle = normalize(span)
    if not needle:
        return None
    hay, where = _normalized_with_map(text)
    hits = []
    i = hay.find(needle)
    while i >= 0:
        hits.append(i)
        i = hay.find(needle, i + 1)
    if not hits:
        return None
    i = min(hits, key=lambda h: (abs(where[h] - near), h)) if near is not None else hits[0]
    return where[i], where[i + len(needle) - 1] + 1


def gold_doc(obj: Mapping[str, Any], text: str, title: str | None = None) -> GoldDoc:
    """A :class:`GoldDoc` from one parsed gold JSONL line and the article text it refers to.

    Claims get character offsets into ``text`` (which the file does not store): ``start``/``end``
    for the content (first occurrence) and ``cue_start``/``cue_end`` for the occurrence of the cue
    nearest to it; None where a string is not found.
    """
    ref = {k: obj[k] for k in ("corpus_file", "link", "seed") if k in obj}
    tables = {t: tuple(dict(r) for r in obj.get(t, ())) for t in TABLES}
    for c in tables["claims"]:
        content = locate(text, c.get("content"))
        c["start"], c["end"] = content or (None, None)
        cue = locate(text, c.get("cue"), near=content[0] if content else None)
        c["cue_start"], c["cue_end"] = cue or (None, None)
    return GoldDoc(ref=ref, text=text, title=title, **tables)


def missing_spans(doc: GoldDoc) -> list[str]:
    """Gold cue/content strings that do not occur in the document's normalised text."""
    text = normalize(doc.text)
    out = []
    for c in doc.claims:
        for f in ("cue", "content"):
            v = c.get(f)
            if v and normalize(v) not in text:
                out.append(f"{f}: {v!r}")
    return out
