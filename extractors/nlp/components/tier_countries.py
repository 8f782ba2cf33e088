"""Which countries a tier mention places, for :mod:`extractors.nlp.components.tiers`: the nearest
country and those coordinated with it, a country the parser split off as a heading, unnamed
"other countries", and a country named only by its adjective ("Malaysian authorities")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.assets import split_aliases
from extractors.nlp.components.rule_files import rows
from extractors.nlp.components.tier_clauses import clause_heads, joins_in_doing
from extractors.nlp.tokens import POSSESSIVE


def demonyms(country_words: str | None) -> dict[tuple[str, ...], str]:
    """A country's adjectives and peoples ("Malaysian", case-sensitive) by their words, from the
    ``demonyms`` column of ``gazetteers/country_words.csv``."""
    if not country_words:
        return {}
    return {tuple(f.split()): r["country"] for r in rows(country_words) for f in split_aliases(r["demonyms"])}


def demonym_counts(doc: Doc, words: dict[tuple[str, ...], str], issuer: str) -> dict[str, int]:
    """How often the text names each country (not the issuer) by its adjective or people."""
    counts: dict[str, int] = {}
    longest = max((len(k) for k in words), default=0)
    for t in doc:
        for n in range(1, longest + 1):
            country = words.get(tuple(w.text for w in doc[t.i : t.i + n]))
            if country and country != issuer:
                counts[country] = counts.get(country, 0) + 1
    return counts


def other_countries_placed(e: Span, countries: list[Span], country_words: set[str]) -> bool:
    """The tier's clause places unnamed countries ("Nineteen other countries were also designated
    Tier 3 this year, while 12 - including regional neighbor Myanmar ... - join Cambodia"): its
    subject is a plural ``country_word`` ("countries", "nations") that holds none of the
    sentence's countries, and the tier is not part of that subject."""
    clause = clause_heads(e)[-1]
    for subj in clause.children:
        if (
            subj.dep_ in ("nsubj", "nsubjpass")
            and subj.tag_ == "NNS"
            and subj.lemma_.lower() in country_words
        ):
            lo, hi = subj.left_edge.i, subj.right_edge.i
            inside = any(lo <= g.start and g.end - 1 <= hi for g in countries)
            return not inside and not lo <= e.start <= hi
    return False


def nearest_country(e: Span, countries: list[Span], moved: bool) -> Span:
    """The country nearest to the tier; for a move, the nearest one named before the tier
    ("Nepal was upgraded to Tier 2 while Kenya ..." -> Nepal)."""
    preceding = [g for g in countries if g.end <= e.start] if moved else []
    return min(preceding or countries, key=lambda g: abs(g.start - e.start))


def with_coordinated(countries: list[Span], nearest: Span) -> list[str]:
    """The nearest country and the countries coordinated with it, each once ("placed both
    Pakistan and India among the countries that do not fully meet ...")."""
    group = {nearest.root.i} | {c.i for c in nearest.root.conjuncts}
    return list(dict.fromkeys(g.ent_id_ for g in countries if g.root.i in group or g is nearest))


def heading_country(doc: Doc, sent: Span) -> list[Span]:
    """The country the parser split off the start of the tier's sentence ("PAKISTAN: | Tier 2
    Watch List", "Nepal | was upgraded to Tier 2 while ..."): the previous sentence when it is
    nothing but one country and punctuation."""
    if sent.start == 0:
        return []
    prev = doc[sent.start - 1].sent
    gpes = [
        g for g in doc.ents if g.label_ == "GPE" and g.ent_id_ and prev.start <= g.start and g.end <= prev.end
    ]
    if len(gpes) != 1:
        return []
    rest = [t for t in prev if not (gpes[0].start <= t.i < gpes[0].end) and not (t.is_punct or t.is_space)]
    return [] if rest else gpes


def outside_brackets(g: Span) -> list:
    """The tokens after a span in its sentence, leaving out a bracketed aside ("(TIP)", "(US)"),
    the bracket that closes the span's own aside and a possessive "'s"."""
    out, depth = [], 0
    for t in g.doc[g.end : g.sent.end]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and t.lower_ not in POSSESSIVE:
            out.append(t)
    return out


def sentence_entities(doc: Doc) -> dict[int, list[Span]]:
    """Sentence start -> the sentence's GPE and YEAR entities, in document order."""
    by_sent: dict[int, list[Span]] = {}
    for g in doc.ents:
        if g.label_ in ("GPE", "YEAR"):
            by_sent.setdefault(g.sent.start, []).append(g)
    return by_sent


def joined_by_the_move(e: Span, countries: list[Span], joins: set[str]) -> list[str]:
    """Countries a country moved onto the tier joins there: the objects of a ``joins`` verb
    hanging from the tier's clause ("Vietnam and Cambodia were dropped to Tier 3, to join their
    neighbours Malaysia and Myanmar already on this classification", "was downgraded to Tier 3,
    joining Iran and Syria"); not a join in doing something ("joining Laos in criticising the
    report") nor one that names a tier of its own."""
    clause = clause_heads(e)[-1]
    out: list[str] = []
    for j in clause.children:
        if j.dep_ not in ("advcl", "xcomp") or j.lemma_.lower() not in joins:
            continue
        lo, hi = j.left_edge.i, j.right_edge.i
        if joins_in_doing(j) or any(x.label_ == "TIER" and lo <= x.start <= hi for x in e.sent.ents):
            continue
        out += [g.ent_id_ for g in countries if lo <= g.start and g.end - 1 <= hi]
    return out
