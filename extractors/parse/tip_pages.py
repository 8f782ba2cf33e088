"""TIP country narratives outside the report PDF: a state.gov page, an ecoi.net or refworld reprint,
an NGO page quoting it, a ``.txt`` copy or a one-page PDF.

Contract (pure; rules in ``models/patterns/tip_narrative.toml``):

- :func:`is_narrative` — a short document is report text when it holds a narrative header line
  ("PAKISTAN: Tier 2 Watch List", "Malaysia (Tier 3)", "SPECIAL CASE: LIBYA") with the summary's
  formula ("does not fully meet the minimum standards for the elimination of trafficking"), a
  Special Case statement or the scope paragraph's opening ("is a source, transit, and destination
  country for men, women, and children"); or a report-and-country title ("2019 Trafficking in
  Persons Report: Libya") with the formula or a Special Case statement; or when a paragraph near its
  start opens with the formula or a Special Case statement (a reprint without a header).
- :func:`page_narrative` — for such a document with no header line, the narrative its placement
  statement gives: "therefore Nigeria was upgraded to Tier 2", "Somalia remains a Special Case";
  the country is the statement's subject.
- :func:`page_year` — the report year a page names beyond the title forms of
  :func:`~extractors.parse.tip_narratives.report_year`: "the U.S. State Dept 2023 TIP Report", "TIP
  Report, June 2020", "Adapted from TIP 2019", "in the 2016 Report".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.assets import MODELS_DIR, read_toml
from extractors.parse.documents import Document
from extractors.parse.tiers import TIER_EXPR, tier_code

RULES_FILE = MODELS_DIR / "patterns" / "tip_narrative.toml"


@dataclass(frozen=True)
class PageRules:
    formula: re.Pattern
    special_case: re.Pattern
    scope: re.Pattern
    title: re.Pattern
    opening_chars: int
    opening_subject: re.Pattern
    max_chars: int
    change: re.Pattern  # groups up / down / stay / placed / consecutive, then TIER_EXPR's
    section_start: re.Pattern
    years: tuple[re.Pattern, ...]


@lru_cache(maxsize=4)
def page_rules(path: str = str(RULES_FILE)) -> PageRules:
    data = read_toml(path)
    ev, ch = data["evidence"], data["change"]
    verbs = "|".join(
        f"(?P<{group}>{'|'.join(ch[key])})"
        for group, key in (
            ("up", "upgraded"),
            ("down", "downgraded"),
            ("stay", "unchanged"),
            ("placed", "placed"),
        )
    )
    change = rf"\b(?:{verbs})\s+(?:the\s+)?{TIER_EXPR}(?P<consecutive>{ch['consecutive']})?"
    return PageRules(
        formula=re.compile(ev["formula"], re.I),
        special_case=re.compile(ev["special_case"], re.I),
        scope=re.compile(ev["scope"], re.I),
        title=re.compile(ev["title"], re.I),
        opening_chars=int(ev["opening_chars"]),
        opening_subject=re.compile(ev["opening_subject"]),
        max_chars=int(ev["max_chars"]),
        change=re.compile(change, re.I),
        section_start=re.compile(r"^(?:" + "|".join(ch["section_starts"]) + ")", re.M),
        years=tuple(re.compile(p, re.I) for p in data["years"]["patterns"]),
    )


def change_of(m: re.Match) -> str | None:
    """upgraded / downgraded / unchanged (also "placed ... for the Nth consecutive year") or None."""
    if m.group("up"):
        return "upgraded"
    if m.group("down"):
        return "downgraded"
    if m.group("stay") or m.group("consecutive"):
        return "unchanged"
    return None


def is_narrative(doc: Document, *, has_header: bool, rules: PageRules | None = None) -> bool:
    """A short document that is a TIP country narrative (``has_header``: a narrative header line was
    found in it, see :func:`~extractors.parse.tip_narratives.segment_narratives`)."""
    rules = rules or page_rules()
    text = doc.text
    if not text or len(text) > rules.max_chars:
        return False
    summary = rules.formula.search(text) or rules.special_case.search(text)
    if has_header and (summary or rules.scope.search(text)):
        return True
    if summary and (rules.title.search(doc.title or "") or rules.title.search(text[:500])):
        return True
    return any(
        (m := p.search(text, 0, rules.opening_chars)) and _opens_paragraph(text, m.start(), rules)
        for p in (rules.formula, rules.special_case)
    )


def _opens_paragraph(text: str, pos: int, rules: PageRules) -> bool:
    """Only the statement's subject comes before ``pos`` on its line ("The Government of Nigeria
    does not fully meet", "KUWAIT: The Government of Kuwait ...", "Somalia remains a Special Case")."""
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(rules.opening_subject.fullmatch(text[line_start:pos]))


@dataclass(frozen=True)
class Statement:
    """The placement a headerless page states: country (as written), tier, change, span."""

    country: str
    tier: str
    change: str | None
    start: int
    end: int


# The subject of a placement statement: up to five capitalised words right before its verb
# ("therefore Nigeria was upgraded", "Therefore, Cuba is placed", "Somalia remains a Special Case").
_SUBJECT = re.compile(
    r"((?:the[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+(?:of[ \t]+|and[ \t]+)?[A-Z][\w'’\-]*){0,4})"
    r"[ \t]+(?:was|is|has[ \t]+been)?[ \t]*$"
)
_NOT_SUBJECT = {"the government", "government", "it", "this", "therefore"}


def page_statement(doc: Document, rules: PageRules | None = None) -> Statement | None:
    """The placement statement of a page with no header: the last one whose sentence says
    "therefore", else the last one; its subject is the country."""
    rules = rules or page_rules()
    text = doc.text
    found = []
    for m in rules.change.finditer(text):
        subject = _subject(text, m.start())
        if subject:
            sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
            found.append(
                (bool(re.search(r"\btherefore\b", text[sentence_start + 1 : m.start()], re.I)), m, subject)
            )
    if not found:
        return None
    _, m, subject = max(found, key=lambda f: (f[0], f[1].start()))
    return Statement(subject, tier_code(m), change_of(m), m.start(), m.end())


def _subject(text: str, verb: int) -> str | None:
    """The capitalised subject right before a placement verb, or None ("the government was ...")."""
    m = _SUBJECT.search(text[max(0, verb - 80) : verb])
    if not m:
        return None
    subject = re.sub(r"^(?:the\s+)", "", m.group(1).strip(), flags=re.I)
    subject = re.sub(r"^(?:Therefore|Thus|However)\s*,?\s*", "", subject)
    return subject if subject and subject.lower() not in _NOT_SUBJECT else None


def page_year(doc: Document, rules: PageRules | None = None) -> int | None:
    """The report year a page names in its title or first 3,000 characters, by the ``[years]`` forms."""
    rules = rules or page_rules()
    for source in (doc.title or "", doc.text[:3000]):
        for p in rules.years:
            m = p.search(source)
            if m:
                return int(m.group(1))
    return None
