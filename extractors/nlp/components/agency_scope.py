"""``tipwatch_agency_scope_v1``: an agency name that names no country is a country's body only
where the text supports that country.

The gazetteer (``agencies.csv``) lists bodies of one country under names many countries use:
Pakistan's Islamabad police as "Federal Police", its information ministry as "Ministry of
Information", the US Department of Justice as "Department of Justice". The forms of
``local_forms.txt`` are such names. An AGENCY entity the span ruler matched on one of them is
resolved here, after the entity rules and before the acronym linker (so that "Department of
Justice (DOJ)" teaches its acronym the body it resolved to):

1. the country the text gives it: a country or its adjective right before the name ("Pakistan's
   Interior Ministry", "the US Justice Department", "the Brazilian Federal Police":
   ``country_words.csv``), else a row the document names by another name, else the country the
   document is about (:meth:`AgencyScope.home_countries`: the country its country names, places,
   adjectives, other gazetteer agencies, dateline and Pakistani province name most, a country
   named as a modifier counting a quarter, and any named at least half as much), else the
   country its dateline is in ("ISLAMABAD:");
2. the gazetteer row of that country that has the form ("Federal Police" in a Brazilian story ->
   Federal Police of Brazil, in a Pakistani one -> Islamabad Capital Territory Police);
3. with no such row, or no country the text supports, the body as the text names it (the form as
   ``local_forms.txt`` writes it: "Federal Police"), its kind the row's (``foreign_government``
   read as ``government``: a body of no country named is not a foreign one), no country.

Updates ``doc.user_data[AGENCY_INFO]`` (the entity rules' agencies) to match.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import read_lines, split_aliases
from extractors.nlp.components.entities import AGENCY_INFO, PROVINCE, rows
from extractors.nlp.components.provinces import Provinces, dateline_place
from extractors.nlp.tokens import POSSESSIVE

# a country named as a modifier ("the US report") or through an agency is less often the one the
# story is about than a country the story talks of (as officials.offices.doc_countries weighs it)
_MODIFIER_DEPS = {"compound", "poss", "amod", "nmod"}
_MODIFIER_WEIGHT = 0.25
_PROVINCE_WEIGHT = 3  # a province named by the text (a dateline, a department) is strong evidence
_SECOND_SHARE = 0.5  # a country named half as much as the main one is also one the story is about
FOREIGN = "foreign_government"
# A local form this short that is a row's acronym names that row's body only where the text supports
# its country ("SC" is South Carolina in a US snippet, "FC" a football club).
_SHORT_ACRONYM = 2


def form_key(text: str) -> str:
    """How a form is compared: lower case, straight apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").lower().split())


def own_kinds(table: list[dict]) -> dict[str, str]:
    """A foreign-government row's kind in a story about its own country: its ``own_kind`` column,
    else ``government`` (read by ``tipwatch_agency_home_v1``, which shares the scope's tables)."""
    return {r["name"]: r.get("own_kind") or "government" for r in table if r["kind"] == FOREIGN}


class AgencyScope:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        agencies: str,
        local_forms: str,
        countries: str,
        country_words: str,
        provinces: str | None = None,
        places: str | None = None,
    ):
        """``agencies``: the gazetteer; ``local_forms``: its forms that name no country;
        ``countries``: the canonical country names; ``country_words``: country -> its adjectives
        and places; ``provinces`` and ``places``: Pakistan's provinces (-> country) and places."""
        self.name = name
        self.meta: dict[str, dict] = {}
        self.candidates: dict[str, list[str]] = {}  # form key -> the rows that have it
        self.spelling: dict[str, str] = {}  # form key -> the form as local_forms.txt writes it
        table = rows(agencies)
        self.own_kind = own_kinds(table)
        local = {form_key(f): f for f in read_lines(local_forms)}
        for row in table:
            self.meta[row["name"]] = {
                "acronym": row["acronym"] or None,
                "kind": row["kind"] or "other",
                "country": row["country"] or None,
            }
            forms = [row["name"], *split_aliases(row["aliases"]), row["acronym"]]
            for key in dict.fromkeys(form_key(f) for f in forms if f):
                if key in local and row["country"]:
                    self.candidates.setdefault(key, []).append(row["name"])
                    self.spelling[key] = local[key]
        missing = sorted(f for k, f in local.items() if k not in self.candidates)
        if missing:
            raise ValueError(f"{local_forms}: not a form of a country's agency in {agencies}: {missing}")
        self.countries = {r["name"] for r in rows(countries)}
        # a country's names as written ("Pakistan", "US", "the Philippines" without "the"), also
        # inside other names ("Pakistan Coast Guards (Amendment) Bill")
        self.country_names = {
            f: r["name"] for r in rows(countries) for f in [r["name"], *split_aliases(r["aliases"])]
        }
        words = rows(country_words)
        self.demonyms = {f: r["country"] for r in words for f in split_aliases(r["demonyms"])}
        self.places = {f: r["country"] for r in words for f in split_aliases(r["places"])}
        self.province_country = {
            r["province"]: r.get("country") or "" for r in (rows(provinces) if provinces else [])
        }
        self.provinces = Provinces(provinces, places)

    def __call__(self, doc: Doc) -> Doc:
        scoped = {e for e in doc.ents if self._is_local(e)}
        if not scoped:
            return doc
        info = doc.user_data.setdefault(AGENCY_INFO, {})
        home = (*self.home_countries(doc, scoped, info), self.dateline_country(doc))
        named = {e.ent_id_ for e in doc.ents if e.label_ == "AGENCY" and e not in scoped}
        rowed, own = set(named), {}
        names = self._own_names(doc, scoped, named, home)
        resolved = [
            self._resolve(doc, e, home, (named, rowed, own), names) if e in scoped else e for e in doc.ents
        ]
        doc.ents = filter_spans([e for e in resolved if e is not None])
        used = {e.ent_id_ for e in doc.ents if e.label_ == "AGENCY"}
        for name in {n for e in scoped for n in self.candidates[form_key(e.text)]} - used:
            info.pop(name, None)  # a body no mention stands for any more
        for name in rowed & set(self.meta):
            info.setdefault(name, dict(self.meta[name]))
        info.update({name: meta for name, meta in own.items() if name not in rowed})
        return doc

    def _pick(self, key: str, modifier: str | None, named: set[str], home: tuple) -> str | None:
        """The row a local form stands for: the one of the country a modifier names; else a row
        the document names otherwise ("U.S. Department of Labor" ... "the Labor Department"), else
        the row of a country the document is about, else of the one it is filed from (``home``:
        :meth:`home_countries`, then the dateline's country); None when no row fits."""
        rows_ = self.candidates[key]
        if modifier:
            return next((c for c in rows_ if self.meta[c]["country"] == modifier), None)
        known = next((c for c in rows_ if c in named), None)
        for country in filter(None, home):
            known = known or next((c for c in rows_ if self.meta[c]["country"] == country), None)
        return known

    def _own_names(
        self, doc: Doc, scoped: set[Span], named: set[str], home: tuple
    ) -> dict[str, tuple[str, str | None]]:
        """Form key -> (name, acronym) of the body as written, for the mentions no country's row
        fits: the forms of one gazetteer row in one document are one body, named by its longest
        form ("Department of Justice" ... "DOJ": Department of Justice, acronym DOJ); none for
        forms that are all acronyms ("super PAC"), unless a person's title follows one ("DOJ
        Undersecretary Nicholas Ty": the body of an official)."""
        groups: dict[tuple[str, ...], list[str]] = {}
        written = {form_key(e.text) for e in scoped}  # also the mentions a country's name precedes
        titled = set()  # the groups with a mention a person's title follows ("DOJ Undersecretary")
        titles = {e.start for e in doc.ents if e.label_ == "TITLE"}
        for e in sorted(scoped, key=lambda s: s.start):
            key = form_key(e.text)
            if not self.modifier_country(doc, e)[0] and not self._pick(key, None, named, home):
                group = tuple(self.candidates[key])
                groups.setdefault(group, []).append(key)
                if e.end in titles:
                    titled.add(group)
        out = {}
        for group, keys in groups.items():
            acronyms = [k for k in keys if self._own_meta(k)["acronym"]]
            full = [k for k in keys if k not in acronyms]
            if not full and group not in titled:  # a bare acronym of no country the text
                continue  # supports, never a person's body: no body (_resolve)
            full = full or keys
            name = max((self._base_name(k, written) for k in full), key=lambda n: len(n.split()))
            out.update((k, (name, self.spelling[acronyms[0]] if acronyms else None)) for k in keys)
        return out

    def _resolve(self, doc: Doc, e: Span, home: tuple, seen: tuple, names: dict) -> Span | None:
        """One mention on a local form: the row the text supports (``rowed`` gets it), else the
        body as written (``own`` gets what is known of it), but no body for an acronym of two
        letters ("SC", "IB", "FC": a state, a bank, a football club elsewhere), nor for an
        acronym the text does not write out ("PAC" in a US story is a political action committee,
        not a public accounts committee: :meth:`_own_names`). An adjective of another country
        before it joins the name ("Spanish Interior Ministry": that country's, foreign when the
        story is about another one)."""
        named, rowed, own = seen
        key = form_key(e.text)
        modifier, start = self.modifier_country(doc, e)
        target = self._pick(key, modifier, named, home)
        if target is not None:
            rowed.add(target)
            return Span(doc, e.start, e.end, label="AGENCY", span_id=target)
        if modifier is None and self._own_meta(key)["acronym"] and len(e.text) <= _SHORT_ACRONYM:
            return None  # "SC shop" in a story from South Carolina: no body of a country it names
        if modifier is None and key not in names:
            return None  # "super PAC" in a US story: an acronym the text never writes out
        name, acronym = names.get(key) or (self._base_name(key, {key}), self._own_meta(key)["acronym"])
        meta = {**self._own_meta(key), "acronym": acronym}
        if modifier:
            name = f"{doc[start : e.start].text} {self.spelling[key]}" if start < e.start else name
            foreign = home[0] is not None and home[0] != modifier
            meta = {**meta, "country": modifier, "kind": FOREIGN if foreign else meta["kind"]}
        own[name] = meta
        return Span(doc, start, e.end, label="AGENCY", span_id=name)

    def _base_name(self, key: str, written: set[str]) -> str:
        """The name of the body a local form names as written: the form ("Interior Ministry",
        "Federal Police", "Foreign Office"); the row's long form made of the same words only when
        the document also writes that ("Foreign Ministry" ... "Vietnam's Ministry of Foreign
        Affairs": Ministry of Foreign Affairs, one body). Not the long form the text never uses: a
        country's own name for its ministry differs (Kazakhstan's Ministry of Internal Affairs,
        Haiti's Ministry of the Interior and Territorial Communities), and the guideline's aliases
        are the names the article uses."""
        rows_ = self.candidates[key]
        name = rows_[0] if len(rows_) == 1 else ""
        long_form = form_key(name)
        if long_form in written and set(key.split()) - {"of"} <= set(long_form.split()):
            return name
        return self.spelling[key]

    def _is_local(self, e: Span) -> bool:
        """An AGENCY entity the ruler matched on a local form, still standing for one of its rows
        (not one a rule resolved otherwise: "Supreme Court" -> US Supreme Court)."""
        if e.label_ != "AGENCY":
            return False
        return e.ent_id_ in self.candidates.get(form_key(e.text), ())

    def _own_meta(self, key: str) -> dict:
        """What is known of the body as the text names it: the kind its rows agree on, a body of
        no named country being no foreign one (a foreign row's kind at home: "Congress" is a
        legislature); the form as its acronym when it is one."""
        kinds = {
            self.own_kind[c] if self.meta[c]["kind"] == FOREIGN else self.meta[c]["kind"]
            for c in self.candidates[key]
        }
        kind = kinds.pop() if len(kinds) == 1 else "government"
        form = self.spelling[key]
        acronym = form if any(self.meta[c]["acronym"] == form for c in self.candidates[key]) else None
        return {"acronym": acronym, "kind": kind, "country": None}

    def modifier_country(self, doc: Doc, e: Span) -> tuple[str | None, int]:
        """The country named right before the name and where an adjective naming it starts:
        a country, possessive or not ("Pakistan's", "US": (country, e.start)), an adjective
        ("the Brazilian", "South African": (country, its first token)); else (None, e.start)."""
        i = e.start - 1
        poss = i >= 0 and doc[i].text in POSSESSIVE
        i -= poss
        if i < 0:
            return None, e.start
        for ent in doc.ents:
            if ent.end == i + 1 and ent.label_ == "GPE" and ent.ent_id_ in self.countries:
                return ent.ent_id_, e.start
        for n in (2, 1):
            country = self.demonyms.get(doc[i + 1 - n : i + 1].text) if i + 1 >= n else None
            if country:
                return country, e.start if poss else i + 1 - n
        return None, e.start

    def _country_word(self, doc: Doc, i: int) -> tuple[int, str | None, float]:
        """(tokens, country, weight) of a country's name, place or adjective at token ``i``: a
        name or a place counts 1, a quarter as a modifier ("the US report"); an adjective a
        quarter; (1, None, 0) for any other word."""
        if not (doc[i].is_title or doc[i].is_upper):
            return 1, None, 0
        for n in (4, 3, 2, 1):
            words = doc[i : i + n].text
            if words in self.country_names or words in self.places:
                last = doc[min(i + n, len(doc)) - 1]
                weight = _MODIFIER_WEIGHT if last.dep_ in _MODIFIER_DEPS else 1
                return n, self.country_names.get(words) or self.places[words], weight
            if words in self.demonyms:
                return n, self.demonyms[words], _MODIFIER_WEIGHT
        return 1, None, 0

    def named_countries(self, doc: Doc) -> set[str]:
        """Every country the text names: by name, place or adjective (:meth:`_country_word`)."""
        out, i = set(), 0
        while i < len(doc):
            n, country, _ = self._country_word(doc, i)
            out.add(country)
            i += n
        return out - {None}

    def dateline_country(self, doc: Doc) -> str | None:
        """The country of the place the story is filed from ("WASHINGTON:", "ISLAMABAD, Aug 13
        (APP):")."""
        place = dateline_place(doc.text)
        if not place:
            return None
        province = self.provinces.place_province.get(place) or self.provinces.province_of.get(place)
        if province:
            return self.province_country.get(province) or None
        return next((c for p, c in self.places.items() if p.lower() == place), None)

    def home_countries(self, doc: Doc, scoped: set[Span], info: dict) -> tuple:
        """The countries the document is about, most first: those its country names and places
        (:meth:`_country_word`), adjectives and other gazetteer agencies (a quarter each),
        dateline place and province (``_PROVINCE_WEIGHT``) name at least half as much as the
        country they name most (and at least once); the main one first, None first on a tie."""
        ranked = self.country_votes(doc, scoped, info).most_common()
        if not ranked:
            return (None,)
        top = ranked[0][1]
        main = None if len(ranked) > 1 and ranked[1][1] == top else ranked[0][0]
        return (main, *(c for c, v in ranked if v >= max(1, top * _SECOND_SHARE)))

    def country_votes(self, doc: Doc, scoped: set[Span], info: dict, *, dateline: bool = True) -> Counter:
        """How much the document names each country (:meth:`home_countries`); ``dateline=False``
        leaves out the place it is filed from (where the reporter is, not what the story is about:
        a Pakistani paper's "WASHINGTON:" story on a US case is a foreign correspondent's)."""
        votes: Counter = Counter()
        for e in doc.ents:
            country = (info.get(e.ent_id_) or {}).get("country") if e.label_ == "AGENCY" else None
            if country and e not in scoped:
                votes[country] += _MODIFIER_WEIGHT
        i = 0
        while i < len(doc):
            n, country, weight = self._country_word(doc, i)
            if country:
                votes[country] += weight
            i += n
        province = self.province_country.get(doc.user_data.get(PROVINCE) or "")
        for country in {self.dateline_country(doc) if dateline else None, province} - {None, ""}:
            votes[country] += _PROVINCE_WEIGHT
        return votes


@Language.factory("tipwatch_agency_scope_v1", assigns=["doc.ents"], requires=["doc.ents"])
def make_agency_scope(
    nlp: Language,
    name: str,
    agencies: str,
    local_forms: str,
    countries: str,
    country_words: str,
    provinces: str | None = None,
    places: str | None = None,
) -> AgencyScope:
    return AgencyScope(
        nlp,
        name,
        agencies=agencies,
        local_forms=local_forms,
        countries=countries,
        country_words=country_words,
        provinces=provinces,
        places=places,
    )
