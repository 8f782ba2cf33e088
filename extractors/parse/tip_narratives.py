"""A TIP report's structure: report year, country narratives, tier lists, sentences around a span.

Contract: pure functions over a :class:`~extractors.parse.documents.Document` (or its text) that
give offsets into ``doc.text``: :func:`segment_narratives` (one :class:`Narrative` per country
header, in document order), :func:`tier_lists` (each name under a tier-list heading),
:func:`sentence_span` (the sentence around a span, never crossing a heading line), and
:func:`report_year` (the year on the title page). The rows built from them are in
:mod:`extractors.parse.tip` and :mod:`extractors.parse.tip_statistics`.

What is recognised:

- narrative headers on a line of their own, in capitals: ``PAKISTAN: TIER 2 WATCH LIST`` (reports
  from 2017) or ``PAKISTAN (Tier 2)`` (older reports);
- tier lists before the first narrative: a heading line (``TIER 1``, ``TIER 2``, ``TIER 2 WATCH
  LIST``, ``TIER 3``, ``SPECIAL CASES``) followed by one country name per line; a long name
  wrapped in its column ("Congo, Republic of" / "the") is one entry;
- the report year on the title page: "2023 Trafficking in Persons Report", "Trafficking in
  Persons Report June 2023".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.assets import MODELS_DIR, read_csv, split_aliases
from extractors.parse.documents import Document
from extractors.parse.tiers import normalize_tier

__all__ = [
    "Narrative",
    "country_key",
    "page_finder",
    "report_year",
    "segment_narratives",
    "sentence_span",
    "tier_lists",
    "title_case_country",
]

# ------------------------------------------------------------------------------------- report year

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})\s+Trafficking\s+in\s+Persons\s+Report\b", re.I)
_YEAR_AFTER = re.compile(
    r"Trafficking\s+in\s+Persons\s+Report[\s,:\-\u2013\u2014]*(?:" + _MONTHS + r"\s+)?((?:19|20)\d{2})\b",
    re.I,
)


def report_year(doc: Document) -> int | None:
    """The year a TIP report was published, from its title page ("2023 Trafficking in Persons Report",
    "Trafficking in Persons Report June 2023"); None when the first page does not say."""
    first = doc.text[doc.pages[0].start : doc.pages[0].end] if doc.pages else doc.text[:3000]
    for source in (first, doc.title or ""):
        m = _YEAR_BEFORE.search(source) or _YEAR_AFTER.search(source)
        if m:
            return int(m.group(1))
    return None


@dataclass(frozen=True)
class Narrative:
    """One country narrative: ``doc.text[start:end]`` from its header to the next header."""

    country: str  # as the header spells it, in title case ("Congo, Republic of the")
    tier: str  # from the header
    header_style: str  # "modern" (PAKISTAN: TIER 2) or "legacy" (PAKISTAN (Tier 2))
    start: int
    header_end: int
    end: int
    first_page: int | None
    last_page: int | None


_MODERN_HEADER = re.compile(r"(?P<country>[^\n:]{2,70}?):[ \t]*(?P<tier>[^\n:]{4,30})")
_LEGACY_HEADER = re.compile(r"(?P<country>[^\n]{2,70}?)[ \t]*\((?P<tier>[^\n()]{4,30})\)")
# Reprints: "SPECIAL CASE: LIBYA" (the tier first), and a legacy header with more on its line
# ("AFGHANISTAN (Tier 3) Extracted in part from ...", "UNITED KINGDOM (UK) - (Tier 1)Extracted ...").
_REVERSED_HEADER = re.compile(r"(?P<tier>special[ \t]+cases?)[ \t]*:[ \t]*(?P<country>[^\n:]{2,70})", re.I)
_LEAD_HEADER = re.compile(
    r"(?P<country>[^\n()]{2,70}?)(?:[ \t]*\([A-Z]{2,5}\))?[ \t]*[-\u2013\u2014]?[ \t]*"
    r"\((?P<tier>[^\n()]{4,30})\)[ \t]*(?P<rest>\S[^\n]*)"
)
# Cheap search for where a header could be; the whole line is checked after. A modern header may be
# split over two lines in a PDF copy ("SAUDI ARABIA:" / "Tier 2 Watch List").
_HEADER_HINT = re.compile(
    r":[ \t]*\n?[ \t]*(?:TIER|SPECIAL)|\((?:TIER|SPECIAL)|^[ \t]*SPECIAL[ \t]+CASES?[ \t]*:", re.I | re.M
)
COUNTRIES_FILE = MODELS_DIR / "gazetteers" / "countries.csv"


@lru_cache(maxsize=2)
def _known_countries(path: str = str(COUNTRIES_FILE)) -> frozenset[str]:
    """Every country name and alias of the gazetteer, case folded."""
    return frozenset(
        form.casefold() for row in read_csv(path) for form in [row["name"], *split_aliases(row["aliases"])]
    )


def _header_country(raw: str, *, caps_only: bool = False) -> bool:
    """The country part of a header is in capitals and no tier name ("PAKISTAN", "COTE D'IVOIRE"), or
    (unless ``caps_only``) a country the gazetteer knows as written in any case ("Malaysia")."""
    if not raw or not raw[0].isalpha() or normalize_tier(raw):
        return False
    if raw == raw.upper():
        return True
    return not caps_only and raw.casefold() in _known_countries()


def segment_narratives(doc: Document) -> list[Narrative]:
    """Country narratives in document order, each from its header line to the next one."""
    text = doc.text
    found = _headers(text)
    pager = page_finder(doc)
    out = []
    for i, (start, header_end, country, tier, style) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        # Trailing blank lines belong to no one.
        while end > header_end and text[end - 1] in "\n ":
            end -= 1
        out.append(
            Narrative(
                country=title_case_country(country),
                tier=tier,
                header_style=style,
                start=start,
                header_end=header_end,
                end=end,
                first_page=pager(start),
                last_page=pager(max(start, end - 1)),
            )
        )
    return out


def _headers(text: str) -> list[tuple[int, int, str, str, str]]:
    """(line start, line end, country as printed, tier, style) of every narrative header line:
    ``PAKISTAN: TIER 2 WATCH LIST`` (modern) or ``PAKISTAN (Tier 2)`` (legacy), in text order."""
    found = []
    seen_lines = set()
    for hint in _HEADER_HINT.finditer(text):
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        if start in seen_lines:
            continue
        seen_lines.add(start)
        header = _header_line(text[start:end].replace("\n", " "))
        if header:
            found.append((start, end, *header))
    found.sort()
    return found


_STYLES = (("modern", _MODERN_HEADER), ("legacy", _LEGACY_HEADER), ("reversed", _REVERSED_HEADER))


def is_header_line(line: str) -> bool:
    """``line`` is a narrative header on its own: "PAKISTAN: Tier 2 Watch List", "SPECIAL CASE: LIBYA"."""
    return bool(_HEADER_HINT.search(line)) and _header_line(line) is not None


def _header_line(line: str) -> tuple[str, str, str] | None:
    """(country as printed, tier, style) when ``line`` is a narrative header, else None."""
    for style, pattern in _STYLES:
        m = pattern.fullmatch(line.strip())
        if m:
            country, tier = m.group("country").strip(), normalize_tier(m.group("tier"))
            if tier and _header_country(country):
                return country, tier, style
    m = _LEAD_HEADER.match(line.strip())
    if m and normalize_tier(m.group("tier")) and _header_country(m.group("country").strip(), caps_only=True):
        return m.group("country").strip(), normalize_tier(m.group("tier")), "reprint"
    return None


def page_finder(doc: Document):
    """``doc.page_at`` with the page starts computed once (it is called for every record)."""
    if not doc.pages:
        return lambda offset: None
    starts = [p.start for p in doc.pages]
    numbers = [p.number for p in doc.pages]
    return lambda offset: numbers[max(bisect.bisect_right(starts, offset) - 1, 0)]


_SMALL = {"and", "of", "the", "da", "de", "du", "del", "la"}


def title_case_country(upper: str) -> str:
    """``CONGO, REPUBLIC OF THE`` -> ``Congo, Republic of the``; ``COTE D'IVOIRE`` -> ``Cote d'Ivoire``."""
    words = upper.split(" ")
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        after_comma = i > 0 and out[-1].endswith(",")
        if i > 0 and not after_comma and low in _SMALL:
            out.append(low)
        elif re.fullmatch(r"\(?(?:[A-Z]\.){2,}\)?,?|\([A-Z]{2,4}\),?", word):
            out.append(word)  # initials and bracketed acronyms: "C.A.R.", "(ROC)"
        else:
            # Capitalise after a hyphen ("Guinea-Bissau") and after a one-letter elision
            # ("d'Ivoire"), not after a possessive ("People's").
            if re.match(r"[a-z]['’][a-z]", low):
                cased = low[:2] + low[2:].capitalize()
                cased = cased[0].upper() + cased[1:] if i == 0 else cased
            else:
                cased = re.sub(r"(^|[-(])([a-z])", lambda m: m.group(1) + m.group(2).upper(), low)
            out.append(cased)
    return " ".join(out)


def country_key(country: str) -> str:
    """ "Congo, Republic of the" and "CONGO, REPUBLIC OF THE" share a key (letters only, case folded)."""
    return re.sub(r"[^a-z]", "", country.casefold())


_LIST_HEADING = re.compile(r"(?:TIER\s+(?:1|2|3|I{1,3})(?:\s+WATCH\s+LIST)?|SPECIAL\s+CASES?)", re.I)
_NAME_LINE = re.compile(r"[A-Z][\w'’.()\-,&/ ]{1,60}")


def tier_lists(text: str, lo: int, hi: int) -> list[tuple[str, str, int, int]]:
    """(country, tier, start, end) for every name under a tier-list heading in ``text[lo:hi]``."""
    out: list[tuple[str, str, int, int]] = []
    tier = None
    pos = lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        line_end = hi if nl < 0 else nl
        line = text[pos:line_end]
        stripped = line.strip()
        start = pos + (len(line) - len(line.lstrip()))
        end = start + len(stripped)
        if _LIST_HEADING.fullmatch(stripped):
            tier = normalize_tier(stripped)
        elif tier and not stripped:
            pass  # a page break or blank line inside a list
        elif (
            tier
            and stripped[0].islower()
            and out
            and out[-1][1] == tier
            and text[out[-1][3] : start].strip() == ""
        ):
            country, t, s, _ = out[-1]  # a long name wrapped in its column: "Congo, Republic of" / "the"
            out[-1] = (f"{country} {stripped}", t, s, end)
        elif tier and _is_name(stripped):
            out.append(
                (
                    stripped.rstrip("*").strip(),
                    tier,
                    start,
                    end - (len(stripped) - len(stripped.rstrip("*").strip())),
                )
            )
        else:
            tier = None
        pos = line_end + 1
    return out


def _is_name(line: str) -> bool:
    """A tier-list entry: "Pakistan", "Congo, Republic of the", "USA", "C.A.R.", "St. Lucia"; not a
    sentence, a heading ending in ":" or a line with digits."""
    return (
        bool(_NAME_LINE.fullmatch(line.rstrip("*")))
        and (any(c.islower() for c in line) or (" " not in line and len(line) <= 8))  # "USA", "C.A.R."
        and len(line.split()) <= 6
        and not line.endswith((":", ";"))
        and not (line.endswith(".") and not re.search(r"\bSt\.$|(?:\b[A-Z]\.){2,}$", line))  # "C.A.R."
        and not any(c.isdigit() for c in line)
    )


# ---------------------------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?=\s|$)")


def sentence_span(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, not crossing ``lo``/``hi`` or a heading line."""
    s = start
    while s > lo:
        ch = text[s - 1]
        if ch == "\n":
            # A line break ends a sentence only after a line that is a heading or ends a sentence.
            prev_start = text.rfind("\n", lo, s - 1) + 1
            prev = text[max(prev_start, lo) : s - 1].rstrip()
            if (
                not prev
                or prev.endswith((".", "!", "?", ":", ".\u201d", '."'))
                or not any(c.islower() for c in prev)
            ):
                break
        elif ch in " " and s - 2 >= lo and text[s - 2] in ".!?" and not _abbreviation(text, s - 2):
            break
        s -= 1
    m = _SENTENCE_END.search(text, end, hi)
    e = m.end() if m else hi
    return s, e


def _abbreviation(text: str, dot: int) -> bool:
    """A dot that ends "St.", "Mr.", "Mrs.", "Dr." or "No." does not end a sentence."""
    word = re.search(r"(\w+)$", text[max(0, dot - 6) : dot])
    return bool(word) and word.group(1) in {"St", "Mr", "Mrs", "Dr", "No", "U.S", "e.g", "i.e"}
