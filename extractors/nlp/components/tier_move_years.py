"""The years of the tiers of a move, for :mod:`.tier_years`: a tier moved from owns the years written
after it; the tier moved to is dated the year after the origin, the origin the year before the
destination; an earlier tier stays only with years of its own before the destination's; a tier dated the
report year only by inference beside a move to another tier in that year is the one held before it
(:func:`held_before_move`)."""

from __future__ import annotations

from extractors.nlp.components.tier_clauses import clause_heads
from extractors.nlp.components.tier_year_spans import edge_distance, next_tier, sentence_years


def before_destination(link: dict, links: list[dict]) -> list[int]:
    """The year before the earliest year of the tier the country was moved to in the same
    sentence ("upgraded ... in its 2018 report from the Tier 2 watch list to Tier 2" -> 2017)."""
    dest = [
        y
        for o in links
        if not o["_from"] and o["country"] == link["country"] and o["sentence"] == link["sentence"]
        for y in o["_years"]
    ]
    return [min(dest) - 1] if dest else []


def moved_nowhere(link: dict, links: list[dict]) -> bool:
    """A tier after "from" in a sentence that names no tier the country was moved to ("Pakistan was
    upgraded from Tier 2 in 2016"): a year written after it dates the move, not the tier; not a move
    negated ("has not been able to move up from Tier 2 in the 2019 report": held then)."""
    if any(c.dep_ == "neg" for h in clause_heads(link["_e"]) for c in h.children):
        return False
    return (
        link["_from"]
        and link.get("_after_from", False)
        and not any(
            o["_moved"]
            and not o["_from"]
            and o["country"] == link["country"]
            and o["sentence"] == link["sentence"]
            for o in links
        )
    )


def _after_origin(link: dict, links: list[dict]) -> list[int]:
    """The year after the latest year of the tier the country was moved from in the same sentence
    ("downgraded from Tier 2 Watch List in 2016 to Tier 3" -> Tier 3 in 2017)."""
    origin = [
        y
        for o in links
        if o["_from"] and o["country"] == link["country"] and o["sentence"] == link["sentence"]
        for y in o["_years"]
    ]
    return [max(origin) + 1] if origin else []


def owned_by_origins(links: list[dict]) -> set[int]:
    """Years written after a tier the country was moved from, before the sentence's next tier:
    that tier's ("from Tier 3 in 2014 to Tier 2 in 2017": 2014); not the move's report year
    (``_move_years``: "upgraded to Tier 2 from the Tier 2 Watch List in the 2024 TIP report")."""
    return {
        y.start
        for link in links
        if link["_from"]
        for y in sentence_years(link["_e"].sent)
        if link["_e"].end <= y.start < next_tier(link["_e"]) and y.start not in link.get("_move_years", ())
    }


def mark_move_years(links: list[dict], names_report) -> None:
    """Sets ``_move_years`` on a tier moved from that ends its move (:func:`ends_move`): the years
    after it that ``names_report`` (a YEAR span -> bool) finds naming a report."""
    for link in links:
        if ends_move(link, links):
            e = link["_e"]
            link["_move_years"] = {
                y.start for y in sentence_years(e.sent) if y.start >= e.end and names_report(y)
            }


def ends_move(link: dict, links: list[dict]) -> bool:
    """The tier moved from ("from", not held before: "after three years on the watch list in the 2020
    report") is the sentence's last tier and its country's destination stands before it ("upgraded
    to Tier 2 from the Tier 2 Watch List in the 2024 TIP report"): a year naming a report after it
    is then the move's report, which placed the country on the destination."""
    e = link["_e"]
    return (
        link["_from"]
        and link.get("_after_from", False)
        and next_tier(e) == e.sent.end
        and any(
            not o["_from"]
            and o["country"] == link["country"]
            and o["sentence"] == link["sentence"]
            and o["_e"].end <= e.start
            for o in links
        )
    )


def date_after_origins(links: list[dict], doc_year: int | None) -> None:
    """An undated tier a country was moved to: the year after the tier it was moved from in the
    sentence, else (no report year in the text) after one moved from in another sentence."""
    for link in links:
        if not link["_from"] and not link["_years"]:
            link["_years"] = _after_origin(link, links) or ([] if doc_year else _after_move_from(link, links))


def nearer_other_tier(link: dict, links: list[dict]) -> set[int]:
    """Years of the sentence nearer to another tier the sentence gives the same country: that
    tier's ("placed on Tier 2 in 2019 and 2020, and is now on the Tier 2 Watch List": not the
    watch list's years); a tier moved from owns no year before it ("In 2021 the report moved
    Malaysia from the Tier 2 Watch List to Tier 3": the move's year, Tier 3's)."""
    e = link["_e"]
    others = [
        o
        for o in links
        if o["country"] == link["country"] and o["sentence"] == link["sentence"] and o["tier"] != link["tier"]
    ]
    return {
        y.start
        for y in sentence_years(e.sent)
        if any(
            edge_distance(o["_e"], y) < edge_distance(e, y)
            and not (o["_from"] and (y.start < o["_e"].start or y.start in o.get("_move_years", ())))
            for o in others
        )
    }


def _after_move_from(link: dict, links: list[dict]) -> list[int]:
    """The year after a tier the country was moved from, with years, in a sentence that names no
    destination for it: the move's destination is this undated tier of the country, told elsewhere
    ("earning a Tier 2 ranking in the latest report" ... "a boost from the Tier 2 Watchlist the
    Kingdom received from 2016 and 2017 reports" -> Tier 2 in 2018); not a tier the country is said
    to remain on ("remains on Tier 2": no move ends there)."""
    if link["change"] == "remained":
        return []
    origin = [
        y
        for o in links
        if o["_from"]
        and o["country"] == link["country"]
        and o["tier"] != link["tier"]
        and o["sentence"] != link["sentence"]
        and not any(
            d["country"] == o["country"] and d["sentence"] == o["sentence"] and not d["_from"] for d in links
        )
        for y in o["_years"]
    ]
    return [max(origin) + 1] if origin else []


def date_earlier(links: list[dict]) -> list[dict]:
    """An earlier tier of a move sentence (``_earlier``: not moved, beside a tier the country is moved
    to) stays with its own years before the destination's (:func:`kept_earlier`); with no years of
    its own it was held before the move, the year before the destination ("Bangladesh was on the
    Tier 2 Watch List for two consecutive years before it was upgraded to Tier 2 in 2020" -> 2019
    alone, ``_held``: no year before it for the stay); with no destination year either, no row."""
    for link in links:
        link["_held"] = False
        if link["_earlier"] and not link["_years"]:
            link["_years"] = before_destination(link, links)
            link["_held"] = bool(link["_years"])
            link["change"] = None if link["_held"] else link["change"]  # where it was: no change
    return [link for link in links if not link["_earlier"] or link["_held"] or kept_earlier(link, links)]


def kept_earlier(link: dict, links: list[dict]) -> bool:
    """An earlier tier of a move sentence with its own years, all before the destination's."""
    dest = [
        y
        for o in links
        if o["_moved"] and o["country"] == link["country"] and o["sentence"] == link["sentence"]
        for y in o["_years"]
    ]
    return bool(link["_years"] and dest and max(link["_years"]) < min(dest))


def entered_then(link: dict, links: list[dict]) -> bool:
    """The sentence moves the country onto this tier in the tier's first year: the stay starts
    there ("moved up from Tier 2 Watch List to Tier 2 in 2015, and was a steady performer at Tier
    2 for three consecutive years": not on Tier 2 in 2014)."""
    first = min(link["_years"])
    return any(
        o is not link
        and not o["_from"]
        and (o["_moved"] or o["change"] in ("upgraded", "downgraded"))
        and (o["country"], o["tier"], o["sentence"]) == (link["country"], link["tier"], link["sentence"])
        and first in o["_years"]
        for o in links
    )


def held_before_move(links: list[dict], doc_year: int | None) -> None:
    """A country holds one tier in a report. A tier dated the document's report year only by
    inference (no year beside it, only the text's dateline in its sentence, or "since 2009" carried
    up to the report) that differs from a
    tier the document moves the same country to in that year is the tier it held before the move:
    dated the year before ("Russia was downgraded to Tier 3 ... Russia has been placed on Tier 2
    Watch List for the last nine consecutive years" in a text on the 2013 report -> 2012, not
    2013; "has remained on the Tier 2 Watch List since 2009" beside an upgrade to Tier 2 in 2014
    -> 2009 and 2013)."""
    if doc_year is None:
        return
    moved_to = {
        (link["country"], link["tier"])
        for link in links
        if not link["_from"]
        and doc_year in link["_years"]
        and (link["_moved"] or link["change"] in ("upgraded", "downgraded"))
    }
    for link in links:
        if (
            link["_from"]
            or link["_moved"]
            or link["change"] in ("upgraded", "downgraded")
            or doc_year not in link.get("_inferred", ())
            or (link["country"], link["tier"]) in moved_to
            or not any(c == link["country"] for c, _ in moved_to)
        ):
            continue
        link["_years"] = sorted({*link["_years"], doc_year - 1} - {doc_year})
