"""The officials linker's word lists, loaded once from ``models/``, and the token tests built on them.

A ``Lexicon`` is read-only after loading: honorifics, titles (``patterns/titles.jsonl``: what body a
title implies, whether it is weak, a staff grade, its plural), portfolios
(``gazetteers/portfolios.csv``: "Interior Minister" -> Ministry of Interior), role cues
(``patterns/role_cues.csv``: chair, former, appointed), words that are never names, name particles,
unnamed-official heads, provinces and places, offices by country and party short forms
(``offices``), time words that never end a name (``patterns/time_words.txt``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.assets import read_csv, read_jsonl, read_lines, split_aliases
from extractors.nlp.components.entities import plural_title, rows
from extractors.nlp.components.officials.offices import Offices

_TITLE_KEYS = (
    "organisation",
    "org_kind",
    "weak",
    "no_org",
    "named_org",
    "unit_head",
    "body_head",
    "staff",
    "portfolio_body",
    "place_body",
    "seat",
    "mission",
    "office_country",
    "compound",
    "lower",
    "rank",
    "prosecution",
    "named_ministry",
)
_CUE_EFFECTS = {"chair", "chair_after", "chaired", "former", "appointed", "party_tag"}


def _lower_lines(path: str | None) -> set[str]:
    return {w.lower() for w in read_lines(path)} if path else set()


class Lexicon:
    def __init__(
        self,
        nlp: Language,
        *,
        honorifics: str,
        titles: str | None = None,
        portfolios: str | None = None,
        role_cues: str | None = None,
        not_names: str | None = None,
        unnamed_heads: str | None = None,
        provinces: str | None = None,
        places: str | None = None,
        org_keywords: str | None = None,
        name_particles: str | None = None,
        offices: str | None = None,
        party_forms: str | None = None,
        country_words: str | None = None,
        national_police: str | None = None,
        police_stations: str | None = None,
        ranks: str | None = None,
        force_names: str | None = None,
        time_words: str | None = None,
        portfolio_words: str | None = None,
    ):
        self.honorifics = {h.lower().rstrip(".") for h in read_lines(honorifics)}
        self._load_titles(read_jsonl(titles) if titles else ())
        self._load_portfolios(nlp, rows(portfolios) if portfolios else [])
        self._load_role_cues(nlp, rows(role_cues) if role_cues else [])
        self.not_names = _lower_lines(not_names)
        self.particles = _lower_lines(name_particles)
        self.unnamed_heads = _lower_lines(unnamed_heads)
        self._load_places(rows(provinces) if provinces else [], rows(places) if places else [])
        self.org_words = {r["keyword"].lower() for r in read_csv(org_keywords)} if org_keywords else set()
        # a portfolio premodified by these is Pakistan's ("Pakistani Interior Minister"), others are foreign
        self.home = self.skip_words("home") | set(self.province_of)
        # a country's adjectives, case-sensitive ("British" Foreign Secretary -> United Kingdom)
        words = rows(country_words) if country_words else []
        self.demonyms = {f: r["country"] for r in words for f in split_aliases(r["demonyms"])}
        # a country's states and cities ("Texas" Senator -> the United States Senate)
        self.place_country = {f: r["country"] for r in words for f in split_aliases(r["places"])}
        # a station's force: the country's national police (forces.py)
        self.national_police = (
            {r["country"]: r["police"] for r in rows(national_police)} if national_police else {}
        )
        self._load_stations(rows(police_stations) if police_stations else [])
        rank_rows = rows(ranks) if ranks else []
        self.ranks = {r["rank"]: r["title"] for r in rank_rows}  # ranks.py
        self.police_ranks = {r["rank"] for r in rank_rows if r.get("force") == "police"}
        self.force_names = _lower_lines(force_names)  # ranks.py
        self.time_words = _lower_lines(time_words)  # names.py: "X Tuesday said" names X
        self._load_portfolio_words(portfolio_words)
        self.offices = Offices(
            nlp, rows(offices) if offices else [], rows(party_forms) if party_forms else []
        )

    def _load_stations(self, station_rows: list[dict]) -> None:
        """A station's phrases with their country (forces.py), and a unit's words ("Counter-Trafficking
        Unit": fold ``national``), which fold into a national force only."""
        self.police_stations = [
            (r["phrase"].lower(), r["country"]) for r in station_rows if r.get("fold") != "national"
        ]
        self.police_unit_words = {r["phrase"].lower() for r in station_rows if r.get("fold") == "national"}

    def _load_titles(self, patterns) -> None:
        self.title_info: dict[str, dict] = {}
        for p in patterns:
            tid = p.get("id") or p["pattern"].lower()
            self.title_info.setdefault(tid, {k: p[k] for k in _TITLE_KEYS if k in p})
        self.cased_titles = {
            p["pattern"].lower(): p.get("id") or p["pattern"].lower() for p in patterns if p.get("cased")
        }
        # plural forms ("sub-inspectors", "deputy directors") open a list of people holding the title
        self.plural_titles = {
            pl.lower() for p in patterns if p.get("plural", True) and (pl := plural_title(p["pattern"]))
        }

    def _load_portfolios(self, nlp: Language, table: list[dict]) -> None:
        self.portfolios: list[tuple[tuple[str, ...], str, set[str]]] = []
        for r in table:
            toks = tuple(t.lower_ for t in nlp.make_doc(r["portfolio"]))
            self.portfolios.append((toks, r["organisation"], set(split_aliases(r["titles"]))))
        self.portfolios.sort(key=lambda p: -len(p[0]))
        self._portfolio_orgs: dict[str, set[str]] = {}
        for _, org, titles in self.portfolios:
            for t in titles:
                self._portfolio_orgs.setdefault(t, set()).add(org)
        # another country's story: the name of the shortest portfolio of that organisation
        self.abroad: dict[str, str] = {}
        for r in sorted(table, key=lambda r: len(r["portfolio"])):
            if r.get("abroad"):
                self.abroad.setdefault(r["organisation"], r["abroad"])
        # the same list by first and by last word, in the same order: a lookup tries only the
        # phrases that can match at a token (the rules call these for most tokens of a text)
        self.portfolios_by_first: dict[str, list] = {}
        self.portfolios_by_last: dict[str, list] = {}
        for p in self.portfolios:
            self.portfolios_by_first.setdefault(p[0][0], []).append(p)
            self.portfolios_by_last.setdefault(p[0][-1], []).append(p)

    def _load_portfolio_words(self, path: str | None) -> None:
        """portfolio_lists.py: the words a minister's list of portfolios is made of, the listed
        ones and those of every portfolio."""
        words = {w for toks, _, _ in self.portfolios for w in toks if w.isalpha()}
        self.portfolio_words = _lower_lines(path) | (words - {"and", "of", "the"})

    def _load_role_cues(self, nlp: Language, table: list[dict]) -> None:
        self.chairs: list[tuple[tuple[str, ...], str]] = []
        self.chairs_after: list[tuple[tuple[str, ...], str]] = []
        self.chaired: set[str] = set()
        self.former: set[str] = set()
        self.appointed: list[tuple[str, ...]] = []
        self._words: dict[str, set[str]] = {}
        self.party_tags: dict[str, str] = {}  # "R" -> United States: "Sen. X (R-Tex)"
        for r in table:
            if r["effect"] not in _CUE_EFFECTS:
                self._words.setdefault(r["effect"], set()).add(r["phrase"].lower())
                continue
            toks = tuple(t.lower_ for t in nlp.make_doc(r["phrase"]))
            if r["effect"] == "chair":
                self.chairs.append((toks, r["title"]))
            elif r["effect"] == "chair_after":
                self.chairs_after.append((toks, r["title"]))
            elif r["effect"] == "chaired":
                self.chaired.add(r["phrase"].lower())
            elif r["effect"] == "former":
                self.former.add(r["phrase"].lower())
            elif r["effect"] == "appointed":
                self.appointed.append(toks)
            elif r["effect"] == "party_tag":
                self.party_tags[r["phrase"]] = r["title"]
        self.appointed.sort(key=lambda t: -len(t))
        self.appointed_by_first: dict[str, list[tuple[str, ...]]] = {}
        for c in self.appointed:
            self.appointed_by_first.setdefault(c[0], []).append(c)

    def _load_places(self, provinces: list[dict], places: list[dict]) -> None:
        self.province_of: dict[str, str] = {}
        self.police_of: dict[str, str] = {}
        self.country_of_province: dict[str, str] = {}
        for r in provinces:
            self.country_of_province[r["province"]] = r.get("country") or ""
            for form in [r["province"], *split_aliases(r["aliases"])]:
                self.province_of[form.lower()] = r["province"]
            self.police_of[r["province"]] = r["police"]
        self.place_of = {r["place"].lower(): r["province"] for r in places}
        self.places: set[str] = set(self.province_of) | set(self.place_of)

    def portfolio_orgs(self, title: str) -> set[str]:
        """The organisations a portfolio gives ``title`` (``portfolios.csv``)."""
        return self._portfolio_orgs.get(title, set())

    def office_title(self, org: str) -> str | None:
        """The title of the office that names ``org`` (a ``portfolios.csv`` title its name holds:
        "United Nations High Commissioner for Refugees" -> high commissioner), or None."""
        low = f" {org.lower()} "
        return next((t for t, orgs in self._portfolio_orgs.items() if org in orgs and f" {t} " in low), None)

    def skip_words(self, effect: str) -> set[str]:
        """The single words of a ``role_cues.csv`` word effect (``appointed_skip``, ``as_skip``,
        ``apposition_skip``, ``list_opener``, ``home``)."""
        return self._words.get(effect, set())

    # -- titles -----------------------------------------------------------------------------------
    def qualifier_start(self, doc: Doc, start: int) -> int:
        """Where the qualifiers written before the title at ``start`` begin (``title_qualifier``:
        "Acting Director General", "Regional State Prosecutor"): at most two, in the title's case."""
        k, cased, words = start, doc[start].is_title, self.skip_words("title_qualifier")
        while k > max(start - 2, 0) and doc[k - 1].lower_ in words and doc[k - 1].is_title == cased:
            k -= 1
        return k

    def qualifiers(self, doc: Doc, start: int) -> str:
        """The qualifiers before the title at ``start`` as written, lower case ("acting"), or "";
        also one before the title's portfolio ("Deputy Foreign Minister", "the deputy health
        minister": ``portfolio_qualifier``) or before the police word written before the title
        ("acting Police Commissioner": ``force_word``)."""
        q = self.qualifier_start(doc, start)
        if q == start and start >= 2 and doc[start - 1].lower_ in self.skip_words("force_word"):
            if doc[start - 2].lower_ in self.skip_words("title_qualifier"):
                return doc[start - 2].lower_  # "acting Police Commissioner": the force is the body
        pf = self.portfolio_ending(doc, start) if q == start else None
        if pf and pf[0] >= 1:
            k = pf[0] - 1
            if (
                doc[k].lower_ in self.skip_words("portfolio_qualifier")
                and doc[k].is_title == doc[start].is_title
            ):
                return doc[k].lower_
        return doc[q:start].text.lower()

    def info(self, tid: str) -> dict:
        """What ``titles.jsonl`` says about a title id (empty for an unknown one)."""
        return self.title_info.get(tid, {})

    def is_weak(self, tid: str) -> bool:
        """A title that yields to a stronger one or to a chair ("senator", "ambassador")."""
        return bool(self.info(tid).get("weak"))

    def is_plural(self, t: Span) -> bool:
        return t.label_ == "TITLE" and t.text.lower() in self.plural_titles

    def cased_title_at(self, doc: Doc, i: int) -> Span | None:
        """A title matched only when capitalised ("Coordinator", "Head"), written in lower case
        where an appointment cue makes it a role: "has been appointed its coordinator"."""
        for n in (3, 2, 1):
            tid = self.cased_titles.get(doc[i : i + n].text.lower())
            if tid and i + n <= len(doc):
                return Span(doc, i, i + n, label="TITLE", span_id=tid)
        return None

    def appointment_cue(self, doc: Doc, k: int) -> tuple[str, ...] | None:
        """The longest appointment cue starting at token ``k`` ("appointed as", "posted as", "named")."""
        if k >= len(doc):
            return None
        cues = self.appointed_by_first.get(doc[k].lower_, ())
        return next((c for c in cues if tuple(t.lower_ for t in doc[k : k + len(c)]) == c), None)

    def is_former(self, doc: Doc, i: int) -> bool:
        """Token ``i`` marks a past role: "former interior minister", "then-local government
        minister", "the then Minister", "for then IAEA head X" (after a preposition); but "and
        then Minister X spoke" is current."""
        hyphen = i >= 1 and doc[i].text == "-"
        if hyphen:
            i -= 1
        if i >= 0 and doc[i].lower_ == "then" and not hyphen:
            before = doc[i - 1] if i >= 1 else None
            return before is not None and (before.lower_ == "the" or before.pos_ == "ADP")
        return i >= 0 and doc[i].lower_ in self.former

    def tag_country(self, doc: Doc, end: int) -> str | None:
        """The country of a party-and-state tag right after a name ending at ``end``: "Ted Cruz
        (R-Tex)", "Matt Gaetz, R-Fla." (``role_cues.csv``: ``party_tag``)."""
        k = end + 1 if end < len(doc) and doc[end].text in ("(", ",") else end
        if k + 2 >= len(doc) or doc[k + 1].text != "-" or not doc[k + 2].text[:1].isupper():
            return None
        return self.party_tags.get(doc[k].text)

    # -- names ------------------------------------------------------------------------------------
    def is_honorific(self, tok) -> bool:
        """An honorific or the full stop after one ("Mr", "Dr", "Syed", "."), or a retired marker
        in brackets after a rank (``role_cues.csv`` ``retired_mark``: "Captain (R) Zafar Iqbal")."""
        return self.is_honorific_word(tok) or tok.text == "." or self._retired_mark(tok)

    def _retired_mark(self, tok) -> bool:
        doc, i = tok.doc, tok.i
        return (
            tok.lower_ in self.skip_words("retired_mark")
            and 2 <= i < len(doc) - 1
            and doc[i - 1].text == "("
            and doc[i + 1].text == ")"
            and self.is_honorific_word(doc[i - 2])
        )

    def retired_after(self, doc: Doc, i: int) -> bool:
        """A retired marker in brackets at token ``i`` ("Justice (R) X", "Justice (retd) X"): the
        title right before it is a past role."""
        return (
            i + 2 < len(doc)
            and doc[i].text == "("
            and doc[i + 2].text == ")"
            and (self._retired_mark(doc[i + 1]) or doc[i + 1].lower_ in self.skip_words("retired_word"))
        )

    def is_honorific_word(self, tok) -> bool:
        return tok.lower_.rstrip(".") in self.honorifics

    def is_name_token(self, tok, taken: set[int]) -> bool:
        """A capitalised word that can be part of a name: not a stop word, honorific, place, a
        word listed in ``not_names`` ("Legal", "Zone") or a token of another entity (``taken``)."""
        return (
            tok.is_title
            and tok.is_alpha
            and not tok.is_stop
            and tok.i not in taken
            and tok.lower_ not in self.not_names
            and not self.in_place(tok.doc, tok.i)
            and not self.is_honorific(tok)
        )

    def in_place(self, doc: Doc, i: int) -> bool:
        """Token ``i`` is a place or a word of a two-word place ("Khyber Pakhtunkhwa": "Governor
        Khyber Pakhtunkhwa Faisal Karim Kundi")."""
        pairs = (doc[i - 1 : i + 1] if i >= 1 else None, doc[i : i + 2] if i + 1 < len(doc) else None)
        return doc[i].lower_ in self.places or any(
            p is not None and p.text.lower() in self.places for p in pairs
        )

    def name_run_end(self, doc: Doc, i: int, taken: set[int]) -> int:
        """End of the name starting at ``i``: up to five name words, particles inside ("Naseer ud
        Din"); a name ends where a portfolio begins ("state ministers A Khan National Food Security")."""
        j = i
        while (
            j < len(doc)
            and j - i < 5
            and not (j - i >= 2 and self.portfolio_starting(doc, j))
            and (
                self.is_name_token(doc[j], taken)
                or (
                    j > i
                    and doc[j].lower_ in self.particles
                    and j + 1 < len(doc)
                    and self.is_name_token(doc[j + 1], taken)
                )
            )
        ):
            j += 1
        return j

    # -- portfolios -------------------------------------------------------------------------------
    def portfolio_ending(self, doc: Doc, end: int, title: str | None = None) -> tuple[int, str] | None:
        """A portfolio phrase ending at token ``end`` (exclusive): (start, organisation)."""
        if end < 1 or end > len(doc):
            return None
        for toks, org, titles in self.portfolios_by_last.get(doc[end - 1].lower_, ()):
            start = end - len(toks)
            if start < 0 or (title and titles and title not in titles):
                continue
            if self._glued(doc, start):
                continue  # part of a word: "e-commerce minister" has no commerce portfolio
            if tuple(t.lower_ for t in doc[start:end]) == toks:
                return start, org
        return None

    def _glued(self, doc: Doc, start: int) -> bool:
        """Token ``start`` continues a hyphenated word ("e-commerce"), not after a former cue
        ("then-local government minister")."""
        return (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and doc[start - 2].lower_ not in self.former
        )

    def portfolio_starting(self, doc: Doc, start: int, title: str | None = None) -> tuple[int, str] | None:
        """A portfolio phrase starting at token ``start``: (end, organisation); "Minister for
        Interior" (a portfolio of the title ``title`` when given)."""
        if start < 0 or start >= len(doc):
            return None
        for toks, org, titles in self.portfolios_by_first.get(doc[start].lower_, ()):
            end = start + len(toks)
            if end > len(doc) or (title and titles and title not in titles):
                continue
            if tuple(t.lower_ for t in doc[start:end]) == toks:
                return end, org
        return None

    def org_name(self, org: str, province: str | None, abroad: bool = False) -> str | None:
        """A portfolio's organisation; "{province}" filled from the document's province; in a story
        about another country its name there (``abroad``: "Ministry of Housing", not Pakistan's
        Ministry of Housing and Works), none for a body only Pakistan has."""
        if abroad and org in self.abroad:
            return None if self.abroad[org] == "-" else self.abroad[org]
        if "{province}" in org:
            if abroad:
                return None
            return org.replace("{province}", province) if province else None
        return org
