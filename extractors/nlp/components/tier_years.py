"""The report years of a tier mention, read from the text around it (used by :mod:`.tiers`).

A tier's years are the year nearest to it in its sentence together with the years joined to that
one: coordinated years ("in 2014 and 2015", "from 2016 and 2017 reports") and every year of a
range ("from 2013 to 2016", "2013–2016", "between 2017 and 2019"). The document's report year
comes from the report it names ("the 2022 TIP report") or, failing that, from the report current
at the date the text opens with (:func:`~.tier_dates.dateline`) or at the page's publication date
(``doc.user_data["published"]``), by the reports' release days (:mod:`.tier_dates`). A year that
closes a full date ("July 05, 2018 (LBO) –", "on June 16, 2023") is a date, not a report year, and
one that dates another event of the tier's sentence ("for its failure to show increased efforts to
combat trafficking in 2005") dates no tier.
The years around a mention are read by :mod:`.tier_year_spans`; those of a move's tiers by
:mod:`.tier_move_years`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.nlp.components.tier_clauses import clause_heads, ends_with
from extractors.nlp.components.tier_dates import (
    dateline,
    full_dates,
    published_date,
    release_days,
    report_year_at,
    reporting_periods,
    weekday_dateline,
)
from extractors.nlp.components.tier_mood import tokens as _tokens
from extractors.nlp.components.tier_move_years import before_destination as _before_destination
from extractors.nlp.components.tier_move_years import date_after_origins as _date_after_origins
from extractors.nlp.components.tier_move_years import date_earlier, mark_move_years, moved_nowhere
from extractors.nlp.components.tier_move_years import entered_then as _entered_then
from extractors.nlp.components.tier_move_years import held_before_move as _held_before_move
from extractors.nlp.components.tier_move_years import nearer_other_tier as _nearer_other_tier
from extractors.nlp.components.tier_move_years import owned_by_origins as _owned_by_origins
from extractors.nlp.components.tier_next_report import date_forecasts
from extractors.nlp.components.tier_year_spans import cited_year as _cited_year
from extractors.nlp.components.tier_year_spans import (
    joined_years,
    nearest_year,
    sentence_years,
    since,
    since_event,
    starts_period,
)
from extractors.nlp.components.tier_year_spans import next_tier as _next_tier


class TierDates:
    """Dates the links of :class:`~extractors.nlp.components.tiers.TierLinker` (phrases from
    ``tier_context``: ``report``, ``report_topic``, ``move``, ``stayed``, ``last_year``)."""

    def __init__(
        self, nlp: Language, phrases: dict[str, list[str]], releases: str | None = None, weekday_lag: int = 0
    ):
        self.releases = release_days(releases)
        self.weekday_lag = weekday_lag
        self.report_words = {p.lower() for p in phrases["report"]}
        self.report_topics = {p.lower() for p in phrases["report_topic"]}
        self.report_for = {p.lower() for p in phrases["report_for"]}
        self.report_titles = [tuple(t.text for t in nlp.make_doc(p)) for p in phrases.get("report_title", [])]
        self.move = {p.lower() for p in phrases["move"]}
        self.stayed = {p.lower() for p in phrases["stayed"]}
        self.released = {p.lower() for p in phrases["released"]}
        self.recent = {p.lower() for p in phrases["recent"]}
        self.last_year = [tuple(t.lower_ for t in nlp.make_doc(p)) for p in phrases["last_year"]]
        self.this_year = [tuple(t.lower_ for t in nlp.make_doc(p)) for p in phrases.get("this_year", [])]
        self.previous_report = [
            tuple(t.lower_ for t in nlp.make_doc(p)) for p in phrases.get("previous_report", [])
        ]
        self.year_names = {p.lower() for p in phrases.get("year_names", [])}
        self.first_issue = _tokens(nlp, phrases.get("first_issue", []))
        self.published_labels = tuple(p.lower() for p in phrases.get("published_label", []))
        self.period_months = (tuple(phrases.get("period_start", [])), tuple(phrases.get("period_end", [])))

    def report_year(self, doc: Doc) -> int | None:
        """The one report year the document names ("TIP Report 2025", "the US 2024 TIP report", a
        reporting period "covering April 2019 to March 2020": :meth:`_periods`)."""
        years = {year for _, year in self._periods(doc)}
        for e in doc.ents:
            if (
                e.label_ == "YEAR"
                and not self._first_issue(e)
                and (self._titles_report(e) or self._names_own(e))
            ):
                years.add(int(e.text))
        # several reports named: the latest is the one the text reports on ("the 2022 TIP report
        # ... the Trafficking Victims Protection Act of 2000")
        return max(years) if years else None

    def _names_own(self, y: Span) -> bool:
        return not self._names_other(y) and self._names_report(y)

    def _names_report(self, y: Span) -> bool:
        """A report word and a ``report_topic`` word name the year's report: both within eight words
        of the year, the report word within eight words before "for" and the year (``report_for``: "a
        report by the US Department of State for 2018"), or the report word right beside it ("latest 2024 report") and the topic
        anywhere in its sentence ("The U.S. Department of State's latest 2024 report indicates that
        Tonga does not fully meet the minimum standards for eliminating human trafficking"), then
        not for one year of several ("improved in the 2022 and 2023 reports": reports compared,
        not the one the text is on). A year after "since" opens a period and names no report ("on
        Tier 2 of the US Trafficking in Persons report since 2018")."""
        doc, sent = y.doc, y.sent
        if since(y):
            return False
        window = doc[max(y.start - 8, sent.start) : min(y.end + 8, sent.end)]
        beside = doc[max(y.start - 2, sent.start) : min(y.end + 2, sent.end)]
        if not any(t.lower_ in self.report_words for t in window):
            return False
        if any(t.lower_ in self.report_topics for t in window):
            return True
        if y.start > sent.start and doc[y.start - 1].lower_ in self.report_for:
            return True  # "a report by the US Department of State for 2018"
        return (
            not _coordinated(y)
            and any(t.lower_ in self.report_words for t in beside)
            and any(t.lower_ in self.report_topics for t in sent)
        )

    def _titles_report(self, y: Span) -> bool:
        """The year stands right before the report's title written without "report" and in title
        case ("on the 2019 Trafficking in Persons, which was released last week"), with no other
        name word after it ("the 2018 Trafficking in Persons Act", "... (Prevention) Act")."""
        doc = y.doc
        for title in self.report_titles:
            end = y.end + len(title)
            if end > y.sent.end or tuple(t.text for t in doc[y.end : end]) != title:
                continue
            after = doc[end] if end < y.sent.end else None
            if (
                after is None
                or after.is_lower
                or after.lower_ in self.report_words
                or (after.is_punct and after.text != "(")
            ):
                return True
        return False

    def _periods(self, doc: Doc) -> list[tuple[set[int], int]]:
        """(token indices, report year) of each reporting period the text states ("covering April
        2019 to March 2020" -> 2020): its years and dates are the period's, not a tier's."""
        out = []
        for start, end, year in reporting_periods(doc.text, *self.period_months):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.append(({t.i for t in span}, year))
        return out

    def _first_issue(self, y: Span) -> bool:
        """The year the report series began ("First published in 2001, the TIP report ..."):
        right after a ``first_issue`` phrase, with "in" between or not."""
        before = tuple(t.lower_ for t in y.doc[max(y.start - 4, y.sent.start) : y.start])
        return any(ends_with(before, p) or ends_with(before, (*p, "in")) for p in self.first_issue)

    def dated(self, doc: Doc, links: list[dict]) -> list[dict]:
        """One row per link and report year. A tier takes the years stated beside it
        (:meth:`_own_years`); an undated one the one year the document gives the same country
        and tier elsewhere, else the document's report year ("TIP Report 2025"), else the report
        current at the date the text opens with ("July 05, 2018 (LBO) – Sri Lanka retained its
        Tier 2 ranking" -> 2018) or, failing that, at the page's publication date. A tier held
        "for the third consecutive year" also held the year before, unless the sentence moved it
        onto that tier in that year; a tier dated the report year only by inference that differs
        from one the country is moved to in that year is dated the year before
        (:func:`~.tier_move_years.held_before_move`). A tier the country was moved from is dated the year before its
        destination (or, with none in the sentence, before a move of "last year": :meth:`_moved_last_year`; or by
        the years beside it), undated when no year is known ('raised the status of Saudi Arabia
        from "tier 3" to "tier 2 watch list"'), and left out then when it is a bare "watch list"."""
        if not links:
            return []
        released, weekdays, date, doc_year = self._doc_dates(doc)
        mark_move_years(links, lambda y: self._names_report(y) or self._titles_report(y))
        in_periods = {i for tokens, _ in self._periods(doc) for i in tokens}
        owned = _owned_by_origins(links) | in_periods
        dates = _dates_outside(full_dates(doc, weekdays), in_periods)
        for link in links:
            link["_nowhere"] = moved_nowhere(link, links)  # "upgraded from Tier 2 in 2016": held in 2015
        for link in links:
            skip = owned | _nearer_other_tier(link, links) | set(dates[0])
            link["_years"] = self._own_years(doc, link, skip, doc_year, date) or self._date_years(
                doc, link, dates, released
            )
        if not self._periods(doc):  # a move forecast beside a report told in the past: the next one
            date_forecasts(doc, links, doc_year, lambda y: self._titles_report(y) or self._names_own(y))
        _date_after_origins(links, doc_year)
        links = date_earlier(links)
        self._date_undated(links, doc_year)
        _held_before_move(links, doc_year)
        for link in links:
            if link["_from"] and not link["_years"]:
                link["_years"] = _before_destination(link, links) or self._moved_last_year(
                    doc, link, doc_year, date
                )
        return [
            {k: v for k, v in link.items() if not k.startswith("_")} | {"year": year}
            for link in links
            if not (link["_from"] and not link["_years"] and link["_weak"])
            for year in (link["_years"] or [None])
        ]

    def _doc_dates(self, doc: Doc) -> tuple[bool, dict, tuple | None, int | None]:
        """(the report just came out, the weekday-dating context, the text's date, the document's
        report year): its named report, else the report current at its dateline or page date."""
        released = self._just_released(doc)
        published = published_date(doc.user_data.get("published"))
        weekdays = {"releases": self.releases, "lag": self.weekday_lag, "published": published}
        date = dateline(doc.text, self.published_labels) or published or weekday_dateline(doc.text, weekdays)
        doc_year = self.report_year(doc) or (report_year_at(date, self.releases, released) if date else None)
        return released, weekdays, date, doc_year

    def _just_released(self, doc: Doc) -> bool:
        """A sentence says the report came out just now: a report word, a ``released`` verb and a
        ``recent`` word ("The sixth annual report on trafficking, which was released in Washington
        on Monday": the text's date is in the report's year, even before mid-June)."""
        for sent in doc.sents:
            low = {t.lower_ for t in sent}
            lemmas = {t.lemma_.lower() for t in sent}
            if low & self.report_words and (low | lemmas) & self.released and low & self.recent:
                return True
        return False

    def _date_undated(self, links: list[dict], doc_year: int | None) -> None:
        """Undated tiers (not moved from): the one year the document gives the same country and
        tier elsewhere, else the document's year, or the year before it for a tier held before
        (:func:`before_now`: "Bangladesh had been on the Tier-2 list for the last five consecutive
        years" in a text on the 2017 report -> 2016 alone); then the year before too for a tier
        held on, not for a move's destination, which the country did not hold before ("was
        downgraded to Tier 2 Watch List" beside "for the third consecutive year, officials did
        not ...")."""
        dated: dict[tuple, set] = {}
        for link in links:
            if not link["_from"]:
                dated.setdefault((link["country"], link["tier"]), set()).update(link["_years"])
        for link in links:
            if link["_from"]:
                continue
            if not link["_years"]:
                same = dated.get((link["country"], link["tier"]), set())
                if len(same) != 1 and doc_year and before_now(link["_e"]):
                    link["_years"] = [doc_year - 1]
                    continue
                link["_years"] = [next(iter(same))] if len(same) == 1 else ([doc_year] if doc_year else [])
                link["_inferred"] = set(link["_years"])
            if (
                link["_years"]
                and not link["_moved"]
                and not link["_held"]
                and self._stayed(link["_e"])
                and not _opens_period(link)
                and not _entered_then(link, links)
            ):
                link["_years"] = sorted({*link["_years"], max(link["_years"]) - 1})

    def _own_years(
        self, doc: Doc, link: dict, owned: set[int], doc_year: int | None, date: tuple | None = None
    ) -> list:
        """The years stated beside a tier: the nearest year in its sentence with the years joined
        to it ("in 2014 and 2015", "from 2013 to 2016", "(2013–2016)"), plus the report year after
        "since 2013" (and the year after "since" beside a named report: "on Tier 2 of the 2021 report
        since 2018" -> 2018 and 2021); "last year" (``last_year``) is the year before the text's date (else before
        the document's report), "the previous report" (``previous_report``) the year before the
        document's report, "this year" (``this_year``) the year of the text's ``date`` (its dateline or page date). Years written
        after a tier the country was moved from are that tier's (``owned``): "from Tier 3 in 2014
        to Tier 2 in 2017"."""
        e = link["_e"]
        if link["_from"]:
            return self._from_years(link)
        years = [
            y
            for y in sentence_years(e.sent)
            if y.start not in owned
            and not self._names_other(y)
            and not self._other_clause(y, e)
            and not self._other_event(y, e)
            and not self._first_issue(y)  # "the history of the report dating back to 2000"
        ]
        cited = _cited_year(e)
        if cited is not None:
            return [cited]
        y = nearest_year(e, years)
        if y is not None:
            return self._stated_years(link, y, years, doc_year)
        if doc_year and self._last_year(e, self.previous_report):
            return [doc_year - 1]
        if self._last_year(e):
            base = doc_year if self.report_year(doc) or date is None else date[0]
            return [base - 1] if base else []
        if date and self._last_year(e, self.this_year):
            return [date[0]]  # "this year's report" in a text dated 28 June 2021 -> 2021
        return []

    def _stated_years(self, link: dict, y: Span, years: list[Span], doc_year: int | None) -> list[int]:
        """The years of a tier whose sentence states ``y`` nearest to it (:meth:`_own_years`)."""
        e = link["_e"]
        out = joined_years(y, years)
        until = any(t.lower_ in ("until", "till") for t in e.sent)
        if not since(y) and not until and not before_now(e) and self._names_report(y):
            # "on Tier 2 of the 2021 report since 2018": the year it started too
            return sorted({*out, *(int(s.text) for s in years if since(s) and int(s.text) < out[0])})
        if not (since(y) or since_event(y)) or until or before_now(e) or not doc_year or doc_year <= out[-1]:
            return out
        # "since 2009", "since its upgrade in 2019": up to the report, which no word names
        link["_inferred"] = {doc_year}
        return out + [doc_year]

    def _date_years(self, doc: Doc, link: dict, dates: tuple[dict, int | None], released: bool) -> list[int]:
        """A tier with no year of its own beside a date in its sentence ("On June 16, 2023, the
        council said the Philippines kept its Tier 1 ranking", "In March 2019"): the report current
        at that date; at the text's dateline only when the document names no report ("the 2022 TIP
        report" then dates it)."""
        e, (days, first) = link["_e"], dates
        near = [i for i in days if e.sent.start <= i < e.sent.end]
        if link["_from"] or not near:
            return []
        i = min(near, key=lambda i: abs(i - e.start))
        if i == first and self.report_year(doc):
            return []
        year = report_year_at(days[i], self.releases, released)
        if i == first:
            link["_inferred"] = {year}  # the text's date, not one the tier's sentence states
        return [year]

    def _names_other(self, y: Span) -> bool:
        """The year is written before a noun it modifies whose phrase reaches no ``year_names`` word
        ("the 2018 Prevention of Trafficking in Persons Act", "the 2000 Palermo Protocol", "after
        the 2015 discovery of mass graves"): it names that thing, not the tier's report ("the 2018
        Trafficking in Persons Report", "its 2019 ranking" do date it)."""
        t, doc = y.root, y.doc
        if t.dep_ not in _MODIFIER_DEPS or t.head.i <= t.i or t.head.pos_ not in ("NOUN", "PROPN"):
            return False
        if doc[t.i + 1].is_punct:  # "(2020) trafficking profile: ...": the year closes a statement
            return False
        head = t.head
        while head.dep_ in _MODIFIER_DEPS and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        phrase = doc[t.i + 1 : head.right_edge.i + 1]
        return not any(w.lower_ in self.year_names for w in phrase)

    def _other_clause(self, y: Span, e: Span) -> bool:
        """The year is in a clause of its own that does not hold the tier ("Ghana, which enacted its
        law in 2005, remains on Tier 2"; "although the agency set up in 2003 convicted 40") and
        speaks of no report ("After the report was released in 2019, Kuwait moved up to Tier 2"
        still dates it, and so does a clause about the tier itself: "the Tier 1 status, which it
        achieved in 2009")."""
        own, tier, doc = clause_heads(y)[-1], clause_heads(e)[-1], y.doc
        if own.i == tier.i or own.is_ancestor(tier) or own.dep_ not in ("relcl", "advcl"):
            return False
        if own.dep_ == "relcl" and own.head.i in {t.i for t in clause_heads(e)}:
            return False  # a clause about the tier itself ("the Tier 1 status, which it achieved in 2009")
        if 0 < y.start and y.end < len(doc) and doc[y.start - 1].text == "(" and doc[y.end].text == ")":
            return False  # "... to commit (2020)": the date of the statement
        return not any(w.lower_ in self.year_names for w in own.subtree)

    def _other_event(self, y: Span, e: Span) -> bool:
        """The year dates another event inside the tier's sentence, not the placement: the first
        verb above the year is neither among the tier's heads nor above the tier, moves no country
        and speaks of no report (``year_names``): "placed on the Tier 2 Watch List for its failure
        to show increased efforts to combat trafficking in 2005", "Tier 3 - made no progress in
        preventing trafficking in 2006". "In 2017, Pakistan was placed on ...", "the report
        released in 2019", "since being upgraded in 2018", a clause about the tier itself ("the
        Tier 1 status, which it achieved in 2009") and a year in brackets closing a statement
        ("... to do so (2020)") still date it."""
        doc = y.doc
        if 0 < y.start and y.end < len(doc) and doc[y.start - 1].text == "(" and doc[y.end].text == ")":
            return False
        heads = {t.i for t in clause_heads(e)}
        t = y.root
        while t.head is not t:
            t = t.head
            if t.i in heads or t.is_ancestor(e.root):
                return False
            if t.pos_ == "VERB":
                break
        else:
            return False
        if t.lemma_.lower() in self.move or t.lower_ in self.move:
            return False
        if t.dep_ == "relcl" and t.head.i in heads:
            return False  # a clause about the tier itself ("the Tier 1 status, which it achieved in 2009")
        # the verb or the noun it describes names a report ("the report released in 2019")
        return not any(w.lower_ in self.year_names for w in [*t.subtree, t.head])

    def _from_years(self, link: dict) -> list[int]:
        """A tier the country was moved from takes only a year written after it and before the
        next tier ("from a Tier 3 country in 2019 to the Tier 2 Watchlist in 2020" -> 2019), in a
        sentence that moves a country; not the move's report year (``_move_years``)."""
        e = link["_e"]
        years = [y for y in sentence_years(e.sent) if y.start not in link.get("_move_years", ())]
        y = nearest_year(e, years, lo=e.end, hi=_next_tier(e))
        moves = any(t.lower_ in self.move or t.lemma_.lower() in self.move for t in e.sent)
        out = joined_years(y, years) if y is not None and moves else []
        return [x - 1 for x in out] if out and link["_nowhere"] and not e.root.is_ancestor(y.root) else out

    def _stayed(self, e: Span) -> bool:
        """The sentence says the tier was held before too: "for the fourth straight year", "for
        10 consecutive years", "in a row", "for the second year running" (``stayed`` words before or
        after "year"/"time", or "in a row") in the tier's clause or in a clause above it,
        not after "since" (the year it started is stated). A ``stayed`` word nearer a mention of
        another tier in the sentence is that tier's ("placed on Tier 3 after being on the Tier 2
        Watch List for two consecutive years": not Tier 3's)."""
        sent, clause = e.sent, clause_heads(e)[-1]
        # the tier's clause (with the clauses inside it) and the words of the clauses above it
        # ("Cyprus is the only EU state to make the tier 2 watchlist, for a second year in a row")
        above = {t.i for t in sent if clause_heads(t)[-1].is_ancestor(clause)}
        words = sorted({*clause.subtree, *(sent.doc[i] for i in above)}, key=lambda t: t.i)
        if any(w.lower_ == "since" for w in words):
            return False
        tiers = [x for x in sent.ents if x.label_ == "TIER"]
        for t in words:
            nearest = _nearest_tier(t, tiers)
            if t.lower_ not in self.stayed or (nearest is not None and nearest.ent_id_ != e.ent_id_):
                continue
            nxt = sent.doc[t.i + 1 : min(t.i + 3, sent.end)]
            if any(n.lemma_.lower() in ("year", "time") for n in nxt):
                return True
            if t.lower_ == "row" and t.i >= 2 and sent.doc[t.i - 2].lower_ == "in":
                return True
            if t.i > sent.start and sent.doc[t.i - 1].lemma_.lower() in ("year", "time"):
                return True  # "for the second year running"
        return False

    def _moved_last_year(self, doc: Doc, link: dict, doc_year: int | None, date: tuple | None) -> list[int]:
        """A tier the country was moved from "last year", in a sentence naming no destination: held
        the year before last year's report ("Qatar was downgraded last year from tier-two" in a
        text on the 2015 report -> 2013); a ``last_year`` phrase that dates the move verb, not the
        tier itself ("upgraded from Tier 3, its place last year")."""
        if not self._move_last_year(link["_e"]):
            return []
        base = doc_year if self.report_year(doc) or date is None else date[0]
        return [base - 2] if base else []

    def _move_last_year(self, e: Span) -> bool:
        """A ``last_year`` phrase of the tier's sentence dates a move verb."""
        sent = e.sent
        low = tuple(t.lower_ for t in sent)
        for i, p in _phrases_at(low, self.last_year):
            head = sent[i : i + len(p)].root.head
            if head.lemma_.lower() in self.move or head.lower_ in self.move:
                return True
        return False

    def _last_year(self, e: Span, phrases: list[tuple] | None = None) -> bool:
        """The tier's clause is dated "last year" ("Last year, Malaysia was upgraded to Tier 2"),
        not compared with it ("the same as last year", "up from last year"); with ``phrases``
        (``this_year``), dated by one of those instead ("in this year's report")."""
        clause = clause_heads(e)[-1]
        words = [t for t in e.sent if t.i == clause.i or clause.is_ancestor(t)]
        low = tuple(t.lower_ for t in words)
        found = _phrases_at(low, self.last_year if phrases is None else phrases)
        return any(not (i and low[i - 1] in _COMPARED) for i, _ in found)


def _coordinated(y: Span) -> bool:
    """The year stands in a coordination ("the 2022 and 2023 reports")."""
    return y.root.dep_ == "conj" or any(c.dep_ == "conj" for c in y.root.children)


def _phrases_at(low: tuple[str, ...], phrases: list[tuple[str, ...]]) -> list[tuple[int, tuple[str, ...]]]:
    """(start, phrase) of every occurrence of one of ``phrases`` in the lower-cased words ``low``."""
    return [(i, p) for p in phrases for i in range(len(low) - len(p) + 1) if low[i : i + len(p)] == p]


def _nearest_tier(t: Token, tiers: list[Span]) -> Span | None:
    """The tier mention nearest to a word (by tokens; the earlier one on a tie)."""
    return min(tiers, key=lambda x: (min(abs(t.i - x.start), abs(t.i - (x.end - 1))), x.start), default=None)


def before_now(e: Span) -> bool:
    """The tier's clause is in the past perfect ("Bangladesh had been on the Tier-2 list for the last
    five consecutive years", "had been on the watch list since 2018"): a state that ended before the
    report the text is about; not when a past reporting verb shifted the tense ("the report said
    Pakistan had been placed on Tier 2")."""
    clause = clause_heads(e)[-1]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in clause.children)
    return perfect and not (clause.dep_ == "ccomp" and clause.head.tag_ == "VBD")


def _opens_period(link: dict) -> bool:
    """The tier's earliest year is written as the start of a period ("for three consecutive years
    from 2015": not 2014 too)."""
    first = min(link["_years"])
    return any(
        int(y.text) == first and starts_period(y) for y in sentence_years(link["_e"].sent) if y.text.isdigit()
    )


def _dates_outside(dates: tuple[dict, int | None], in_periods: set[int]) -> tuple[dict, int | None]:
    """:func:`~.tier_dates.full_dates` without the dates that belong to a reporting period."""
    days, first = dates
    return {i: d for i, d in days.items() if i not in in_periods}, None if first in in_periods else first


# A year that modifies the noun after it ("the 2019 coup", "2018 Prevention ... Act").
_MODIFIER_DEPS = ("nummod", "compound", "amod", "nmod", "npadvmod", "poss")


# "the same as last year", "up from a year earlier": a comparison, not the tier's date
_COMPARED = ("as", "than", "since", "from")
