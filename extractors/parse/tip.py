"""TIP-report structure: country narratives, tier placements, statistics, report year.

Pure functions over a :class:`~extractors.parse.documents.Document` (or short text). Every record's
``start``/``end`` are offsets into ``doc.text`` with ``doc.text[start:end]`` the span the record
rests on (a narrative header, a name in a tier list, a statistic phrase); ``evidence`` is the
sentence or line holding that span, copied from ``doc.text``; ``page`` is ``doc.page_at(start)``.

What is recognised (DESIGN.md section 6):

- narrative headers on a line of their own, in capitals: ``PAKISTAN: TIER 2 WATCH LIST`` (reports
  from 2017) or ``PAKISTAN (Tier 2)`` (older reports);
- tier lists before the first narrative: a heading line (``TIER 1``, ``TIER 2``, ``TIER 2 WATCH
  LIST``, ``TIER 3``, ``SPECIAL CASES``) followed by one country name per line;
- the change from the narrative summary ("was upgraded to Tier 2", "remained on Tier 2 Watch List",
  "is downgraded to Tier 3", "is placed on Tier 2 for a second consecutive year");
- statistics stated with a verb ("investigated 1,120 cases", "initiated prosecutions of 12
  suspects", "convicted three traffickers", "identified 21,253 victims"), a qualifier after the noun
  ("for forced labor") and a breakdown in parentheses ("(1,010 for sex trafficking and 110 for forced
  labor)"). Figures after "compared with" or for other verbs are not statistics of the year.

Refusing to guess: a country whose tier list entry and narrative header disagree gets both rows,
each with ``flag`` saying so; nothing is silently picked.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractors.parse.documents import Document
from extractors.records import Statistic, TierPlacement

__all__ = [
    "Narrative",
    "normalize_tier",
    "find_tier",
    "tier_from_text",
    "report_year",
    "segment_narratives",
    "tier_placements",
    "statistics",
]

# ------------------------------------------------------------------------------------------- tiers

_NUMBER = {
    "1": "1",
    "i": "1",
    "one": "1",
    "2": "2",
    "ii": "2",
    "two": "2",
    "3": "3",
    "iii": "3",
    "three": "3",
}
_TIER_EXPR = (
    r"(?:tier[\s\-]*(?P<n>1|2|3|iii|ii|i|one|two|three)(?![\w\-])(?P<wl>[\s\-]*watch[\s\-]*list)?"
    r"|(?P<sc>special[\s\-]+cases?))"
)
_TIER_RE = re.compile(r"(?<![\w\-])" + _TIER_EXPR + r"(?![\w\-])", re.I)
_TIER_FULL = re.compile(r"\s*" + _TIER_EXPR + r"\s*", re.I)


def _tier_code(m: re.Match) -> str:
    if m.group("sc"):
        return "special_case"
    n = _NUMBER[m.group("n").lower()]
    if m.group("wl"):
        return "2WL" if n == "2" else n  # "Tier 3 watch list" does not exist; keep the number
    return n


def normalize_tier(text: str) -> str | None:
    """Canonical tier (``1``, ``2``, ``2WL``, ``3``, ``special_case``) when ``text`` is exactly a tier name.

    Accepts "Tier 1", "TIER 2", "Tier 2 Watch List", "Tier II Watch List", "Tier-2 watch list",
    "Tier Two", "Special Case(s)"; anything else gives None.
    """
    m = _TIER_FULL.fullmatch(text)
    return _tier_code(m) if m else None


def find_tier(text: str) -> tuple[str, int, int] | None:
    """The first tier name in ``text``: (canonical tier, start, end), or None."""
    m = _TIER_RE.search(text)
    return (_tier_code(m), m.start(), m.end()) if m else None


_YEAR_PAREN = re.compile(r"\((?:19|20)\d{2}\)")
_REPORT_URL_YEAR = re.compile(r"reports/((?:19|20)\d{2})-trafficking-in-persons-report", re.I)
_STATEMENT = re.compile(
    r"\b(?:upgraded\s+to|downgraded\s+to|remain(?:s|ed)?\s+on|placed\s+on|(?:is|was)\s+on|ranked(?:\s+on)?)\s+(?:the\s+)?"
    + _TIER_EXPR,
    re.I,
)


def tier_from_text(text: str) -> tuple[str, int | None] | None:
    """(tier, report year or None) that a short text states, or None when it states none.

    Made for entries such as the CIA Factbook's "Trafficking in persons" field: the tier is the one
    named right after "tier rating:"; the year is the first "(YYYY)" after it, or the year in a
    ``state.gov/reports/YYYY-trafficking-in-persons-report`` link. Without a "tier rating:" label,
    a placement statement ("remained on Tier 2 Watch List", "was upgraded to Tier 2") wins over the
    first tier mentioned.
    """
    label = re.search(r"tier\s+rating\s*:", text, re.I)
    tier = None
    rest = text
    if label:
        rest = text[label.end() :]
        found = find_tier(rest[:200])
        if found:
            tier = found[0]
    if tier is None:
        m = _STATEMENT.search(rest)
        if m:
            tier = _tier_code(m)
        else:
            found = find_tier(rest)
            if found is None:
                return None
            tier = found[0]
    year = None
    m = _YEAR_PAREN.search(rest)
    if m:
        year = int(m.group()[1:-1])
    else:
        m = _REPORT_URL_YEAR.search(text)
        if m:
            year = int(m.group(1))
    return tier, year


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


# -------------------------------------------------------------------------------------- narratives


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
# Cheap search for where a header could be; the whole line is checked after.
_HEADER_HINT = re.compile(r":[ \t]*(?:TIER|SPECIAL)|\((?:TIER|SPECIAL)", re.I)


def _header_country(raw: str) -> bool:
    return (
        any(c.isalpha() for c in raw) and raw == raw.upper() and not normalize_tier(raw) and raw[0].isalpha()
    )


def segment_narratives(doc: Document) -> list[Narrative]:
    """Country narratives in document order, each from its header line to the next one."""
    text = doc.text
    found = []
    seen_lines = set()
    for hint in _HEADER_HINT.finditer(text):
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        if start in seen_lines:
            continue
        seen_lines.add(start)
        line = text[start:end]
        for style, pattern in (("modern", _MODERN_HEADER), ("legacy", _LEGACY_HEADER)):
            m = pattern.fullmatch(line)
            if m:
                country, tier = m.group("country").strip(), normalize_tier(m.group("tier"))
                if tier and _header_country(country):
                    found.append((start, end, country, tier, style))
                    break
    found.sort()
    pager = _pager(doc)
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


def _pager(doc: Document):
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


def _key(country: str) -> str:
    return re.sub(r"[^a-z]", "", country.casefold())


# -------------------------------------------------------------------------------- tier placements

_LIST_HEADING = re.compile(r"(?:TIER\s+(?:1|2|3|I{1,3})(?:\s+WATCH\s+LIST)?|SPECIAL\s+CASES?)", re.I)
_NAME_LINE = re.compile(r"[A-Z][\w'’.()\-,&/ ]{1,60}")
_CHANGE = re.compile(
    r"\b(?:(?P<up>upgraded\s+to)|(?P<down>downgraded\s+to)|(?P<stay>remain(?:s|ed)?\s+on)"
    r"|(?P<placed>(?:placed|ranked)\s+on|(?:is|was)\s+ranked))\s+(?:the\s+)?"
    + _TIER_EXPR
    + r"(?P<consecutive>\s+for\s+(?:a|the)\s+\w+\s+consecutive\s+year)?",
    re.I,
)
_SECTION_START = re.compile(
    r"^(?:PRIORITIZED RECOMMENDATIONS|Recommendations for\b|PROSECUTION|Prosecution\b)", re.M
)


def tier_placements(doc: Document) -> list[TierPlacement]:
    """Tier placements from the tier lists (``tip_table``) and every narrative header (``tip_narrative``).

    One row per list entry and one per narrative, in document order. Narrative rows carry the
    ``change`` their summary states; their span is the header line and their evidence runs from
    the header to the end of the sentence stating the placement. Rows are flagged, never dropped,
    when the list and the header disagree, when a country is listed under two tiers, or when the
    summary names a different tier than the header.
    """
    text = doc.text
    year = report_year(doc)
    narratives = segment_narratives(doc)
    limit = narratives[0].start if narratives else len(text)
    listed = _tier_lists(text, 0, limit)

    table_tiers: dict[str, set[str]] = {}
    spelled: dict[str, str] = {}
    for country, tier, _, _ in listed:
        table_tiers.setdefault(_key(country), set()).add(tier)
        spelled.setdefault(_key(country), country)
    header_tiers: dict[str, set[str]] = {}
    for n in narratives:
        header_tiers.setdefault(_key(n.country), set()).add(n.tier)

    pager = _pager(doc)
    rows: list[TierPlacement] = []
    for country, tier, start, end in listed:
        key = _key(country)
        flag = None
        if len(table_tiers[key]) > 1:
            flag = "conflict: listed under tiers " + " and ".join(sorted(table_tiers[key]))
        elif key in header_tiers and header_tiers[key] != {tier}:
            flag = f"conflict: tier table says {tier}, narrative header says {'/'.join(sorted(header_tiers[key]))}"
        rows.append(TierPlacement(doc.doc_id, country, year, tier, None,
                                  "tip_table", start, end, pager(start), text[start:end], flag))  # fmt: skip
    for n in narratives:
        key = _key(n.country)
        change, stated, ev_end = _summary_change(text, n)
        flag = None
        if key in table_tiers and table_tiers[key] != {n.tier}:
            flag = f"conflict: tier table says {'/'.join(sorted(table_tiers[key]))}, narrative header says {n.tier}"
        elif stated is not None and stated != n.tier:
            flag = f"conflict: summary says {stated}, narrative header says {n.tier}"
        rows.append(
            TierPlacement(
                doc.doc_id,
                spelled.get(key, n.country),
                year,
                n.tier,
                change,
                "tip_narrative",
                n.start,
                n.header_end,
                n.first_page,
                text[n.start : ev_end],
                flag,
            )  # fmt: skip
        )
    return rows


def _tier_lists(text: str, lo: int, hi: int) -> list[tuple[str, str, int, int]]:
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
    return (
        bool(_NAME_LINE.fullmatch(line.rstrip("*")))
        and (any(c.islower() for c in line) or (" " not in line and len(line) <= 8))  # "USA", "C.A.R."
        and len(line.split()) <= 6
        and not line.endswith((":", ";"))
        and not (line.endswith(".") and not re.search(r"\bSt\.$|(?:\b[A-Z]\.){2,}$", line))  # "C.A.R."
        and not any(c.isdigit() for c in line)
    )


def _summary_change(text: str, n: Narrative) -> tuple[str | None, str | None, int]:
    """(change, tier the summary states, end of the evidence) for one narrative."""
    section = _SECTION_START.search(text, n.header_end, n.end)
    hi = section.start() if section else min(n.end, n.header_end + 4000)
    last = None
    for m in _CHANGE.finditer(text, n.header_end, hi):
        last = m
    if last is None:
        return None, None, n.header_end
    if last.group("up"):
        change = "upgraded"
    elif last.group("down"):
        change = "downgraded"
    elif last.group("stay") or last.group("consecutive"):
        change = "unchanged"
    else:
        change = None
    _, end = _sentence_span(text, last.start(), last.end(), n.header_end, hi)
    return change, _tier_code(last), end


# -------------------------------------------------------------------------------------- statistics

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_WORD_NUMBERS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_METRIC_VERBS = {
    "investigations": r"investigat(?:ed|ing)|initiated\s+investigations\s+(?:of|into)|opened\s+investigations\s+(?:of|into)",
    "prosecutions": r"prosecut(?:ed|ing)|initiated\s+prosecutions\s+(?:of|against)",
    "convictions": r"convict(?:ed|ing)",
    "victims_identified": r"identif(?:ied|ying)",
}
_NOUNS = r"(?:(?:alleged|suspected|potential|trafficking|child|adult|foreign|individual)\s+)?(?:cases?|suspects?|individuals?|people|persons?|traffickers?|defendants?|victims?|perpetrators?|offenders?)"
_QUALIFIER = r"(?:for|of|under|involving)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}?(?:trafficking|labor|labour|law|begging|servitude|marriage|exploitation)"
_STAT = re.compile(
    r"\b(?P<verb>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _METRIC_VERBS.items())
    + r")\s+(?:a\s+total\s+of\s+)?"
    + _NUM
    + r"\s+(?P<noun>"
    + _NOUNS
    + r")\b(?:\s+(?P<qual>"
    + _QUALIFIER
    + r")\b)?"
    + r"(?:\s*\((?P<parts>[^()]{3,200})\))?",
    re.I,
)
_PART = re.compile(_NUM + r"\s+(?:" + _NOUNS + r"\s+)?(?P<qual>" + _QUALIFIER + r")\b", re.I)


def statistics(doc: Document) -> list[Statistic]:
    """Investigations, prosecutions, convictions and victims identified stated in each narrative.

    One row per figure: the headline figure with its qualifier (None when the sentence gives none)
    and one per part of a breakdown in parentheses, each with its own qualifier. ``start``/``end``
    cover the phrase (verb to qualifier, or the breakdown part).
    """
    text = doc.text
    year = report_year(doc)
    narratives = segment_narratives(doc)
    limit = narratives[0].start if narratives else len(text)
    names = {_key(c): c for c, _, _, _ in _tier_lists(text, 0, limit)}
    pager = _pager(doc)
    lowered = text.lower()
    out: list[Statistic] = []
    for n in narratives:
        country = names.get(_key(n.country), n.country)
        for m in _stat_matches(text, lowered, n.header_end, n.end):
            metric = next(k for k in _METRIC_VERBS if m.group(k))
            end = m.end("qual") if m.group("qual") else m.end("noun")
            out.append(
                _statistic(
                    doc, pager, country, year, metric, m.group("num"), m.group("qual"), m.start(), end, n
                )
            )
            if m.group("parts"):
                base = m.start("parts")
                for part in _PART.finditer(m.group("parts")):
                    out.append(_statistic(doc, pager, country, year, metric, part.group("num"), part.group("qual"),
                                          base + part.start(), base + part.end(), n))  # fmt: skip
    return out


_VERB_STEMS = ("investigat", "prosecut", "convict", "identif", "initiated", "opened")


def _stat_matches(text: str, lowered: str, lo: int, hi: int):
    # str.find on the verb stems, then the full pattern anchored there: the same matches as
    # _STAT.finditer, several times faster on a 600-page report.
    starts = set()
    for stem in _VERB_STEMS:
        i = lowered.find(stem, lo, hi)
        while i >= 0:
            starts.add(i)
            i = lowered.find(stem, i + 1, hi)
    last_end = lo
    for i in sorted(starts):
        if i < last_end:
            continue
        m = _STAT.match(text, i, hi)
        if m:
            last_end = m.end()
            yield m


def _statistic(doc, pager, country, year, metric, num, qualifier, start, end, n: Narrative) -> Statistic:
    value = _WORD_NUMBERS.get(num.lower()) if not num[0].isdigit() else int(num.replace(",", ""))
    s, e = _sentence_span(doc.text, start, end, n.header_end, n.end)
    qualifier = re.sub(r"\s+", " ", qualifier) if qualifier else None
    return Statistic(
        doc.doc_id, country, year, metric, value, qualifier, start, end, pager(start), doc.text[s:e]
    )


# ---------------------------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?=\s|$)")


def _sentence_span(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
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
    word = re.search(r"(\w+)$", text[max(0, dot - 6) : dot])
    return bool(word) and word.group(1) in {"St", "Mr", "Mrs", "Dr", "No", "U.S", "e.g", "i.e"}
