"""``tipwatch_entities_v1``: rule entities that override the statistical NER where rules know better.

Assigns ``doc.ents`` labels TIER (ent_id_ = canonical tier), AGENCY (ent_id_ = canonical name),
GPE (ent_id_ = canonical country, for gazetteer countries), TITLE (ent_id_ = normalised title; a
title's plural, ``plural_title``, has the singular's id) and YEAR (ent_id_ = the year). Before the rules run it cleans the base model's entities (drops a
leading "the", a trailing "'s"), and it records what the document's agencies are in
``doc.user_data[AGENCY_INFO]`` (canonical name -> acronym, kind, country).

Domain rules on top of the gazetteer (all data in ``models/``):

* the document's province (``doc.user_data[PROVINCE]``): from the dateline ("LAHORE:",
  "KARACHI, Feb 12 (APP):") through ``places.csv``, else the most mentioned province;
* provincial departments named by their domain ("the home department", "labour department") become
  "<Province> Home Department" when the province is known and the reference is definite;
* "<Place> police" ("Memon Goth police") is the province's police force (``local_police.csv``);
* generic references resolve to the specific body the document names ("the Rangers" in a story
  about "Pakistan Rangers Sindh"; "the Senate committee" -> the Senate standing committee named);
* a name inside a law's title ("Pakistan Coast Guards (Amendment) Bill") is not an agency mention;
* coordinated ministries ("the foreign and IT ministries") are each the gazetteer's ministry;
* a parliamentary committee named in full ("National Assembly Standing Committee on Government
  Assurances") is an agency of kind legislature, in the gazetteer or not (``agency_context.csv``).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import read_csv, read_jsonl, read_lines, split_aliases
from extractors.nlp.components.matching import RuleMatcher

AGENCY_INFO = "tipwatch.agencies"
PROVINCE = "tipwatch.province"
_LEADING = {"the", "a", "an"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&/\-]*[A-Z][A-Za-z&/\-]*$")
_DEPT = "DEPT:"
_GENERIC = "GENERIC:"
# "LAHORE:", "ISLAMABAD, Feb 17 (APP):", "KARACHI, Feb 12 (APP):" at the start of a line.
_DATELINE = re.compile(
    r"(?m)^([A-Z][A-Z .'-]{2,30}?)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([A-Z]{2,6}\))?\s*:"
)


def rows(path: str) -> list[dict]:
    """CSV rows without comment lines (a first field starting with '#')."""
    out = []
    for row in read_csv(path):
        first = next(iter(row.values()), "") or ""
        if not first.startswith("#"):
            out.append(row)
    return out


def clean_span(span: Span) -> Span | None:
    """Drop a leading article and trailing possessive/punctuation from an entity span."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in _LEADING or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].text in _POSSESSIVE or span.doc[end - 1].is_punct):
        end -= 1
    # An unclosed bracket inside the span ("Trade (DFAT") ends it.
    for i in range(start, end):
        if span.doc[i].text == "(" and not any(span.doc[j].text == ")" for j in range(i, end)):
            end = i
            break
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(span.doc, start, end, label=span.label, span_id=span.id)


def plural_title(pattern: str) -> str | None:
    """The plural of a title pattern, for lists of officials under one title ("sub-inspectors
    A, B and C", "the deputy directors are A and B"): the last word inflected ("sub-inspector" ->
    "sub-inspectors", "chairman" -> "chairmen", "secretary" -> "secretaries", "DSP" -> "DSPs").
    None for a title with a complement ("inspector general of police", "special assistant to the
    prime minister"), whose plural is not formed on the last word."""
    words = pattern.split()
    if any(w.lower() in ("of", "to", "for", "in", "on") for w in words) or "'" in pattern:
        return None
    last = words[-1]
    if _ACRONYM.match(last) and last.isupper():
        plural = last + "s"
    elif last.lower().endswith("man"):
        plural = last[:-3] + "men"
    elif last.lower().endswith("y") and last[-2:-1].lower() not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.lower().endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural])


def _token_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Case-insensitive token pattern for a phrase; acronyms (all caps) match exactly."""
    if _ACRONYM.match(phrase) and " " not in phrase:
        return [{"ORTH": phrase}]
    return [{"ORTH": t.text} if _ACRONYM.match(t.text) else {"LOWER": t.lower_} for t in nlp.make_doc(phrase)]


class EntityRules:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        tiers: str,
        titles: str,
        agencies: str,
        countries: str,
        honorifics: str,
        min_year: int,
        max_year: int,
        provinces: str | None = None,
        places: str | None = None,
        departments: str | None = None,
        generic_agencies: str | None = None,
        agency_context: str | None = None,
        local_police: str | None = None,
        indefinite: str | None = None,
    ):
        self.name = name
        self.min_year, self.max_year = min_year, max_year
        self.honorifics = {h.lower().rstrip(".") for h in read_lines(honorifics)}
        self.agency_info: dict[str, dict] = {}
        self.agency_form: dict[str, str] = {}  # lower-case name, alias or acronym -> canonical name
        self.plural_titles: set[str] = set()
        patterns: list[dict] = []
        for p in read_jsonl(tiers):
            patterns.append({k: p[k] for k in ("label", "pattern", "id") if k in p})
        for p in read_jsonl(titles):
            title = p.get("id") or p["pattern"].lower().replace("-", " ")
            # the plural has the singular's id: officials tell them apart by the words matched;
            # "plural": false for titles whose plural names others ("speakers" at a seminar)
            plural = plural_title(p["pattern"]) if p.get("plural", True) else None
            if plural:
                self.plural_titles.add(plural.lower())
            for form in filter(None, (p["pattern"], plural)):
                pattern = _token_pattern(nlp, form)
                if p.get("cased"):  # common words that are titles only when capitalised ("Head of Office")
                    pattern[0] = {**pattern[0], "IS_TITLE": True}
                patterns.append({"label": "TITLE", "id": title, "pattern": pattern})
        for row in rows(agencies):
            info = {
                "acronym": row["acronym"] or None,
                "kind": row["kind"] or "other",
                "country": row["country"] or None,
            }
            self.agency_info[row["name"]] = info
            forms = [
                row["name"],
                *split_aliases(row["aliases"]),
                *([row["acronym"]] if row["acronym"] else []),
            ]
            self.agency_form.update((f.lower(), row["name"]) for f in forms)
            # news text mostly has the typographic apostrophe ("Prime Minister’s Office")
            for form in dict.fromkeys(forms + [f.replace("'", "’") for f in forms]):
                patterns.append({"label": "AGENCY", "id": row["name"], "pattern": _token_pattern(nlp, form)})
        for row in rows(countries):
            for form in [row["name"], *split_aliases(row["aliases"])]:
                patterns.append({"label": "GPE", "id": row["name"], "pattern": _token_pattern(nlp, form)})
        # Provinces and places: the document's province decides provincial departments and police.
        self.province_of: dict[str, str] = {}
        self.police_of: dict[str, str] = {}
        for row in rows(provinces) if provinces else []:
            for form in [row["province"], *split_aliases(row["aliases"])]:
                self.province_of[form.lower()] = row["province"]
            self.police_of[row["province"]] = row["police"]
        self.place_province = {r["place"].lower(): r["province"] for r in (rows(places) if places else [])}
        self.dept_alias: dict[str, str] = {}
        for row in rows(departments) if departments else []:
            for form in [row["department"], *split_aliases(row["aliases"])]:
                self.dept_alias[form.lower()] = row["department"]
                patterns.append(
                    {
                        "label": "AGENCY",
                        "id": _DEPT + row["department"],
                        "pattern": _token_pattern(nlp, form.lower()),
                    }
                )
        self.generics: dict[str, list[str]] = {}
        for row in rows(generic_agencies) if generic_agencies else []:
            self.generics[row["generic"]] = split_aliases(row["specifics"])
            if row["generic"] not in self.agency_info:
                patterns.append(
                    {
                        "label": "AGENCY",
                        "id": _GENERIC + row["generic"],
                        "pattern": _token_pattern(nlp, row["generic"]),
                    }
                )
        context = rows(agency_context) if agency_context else []
        self.law_words = [
            tuple(t.lower_ for t in nlp.make_doc(r["phrase"])) for r in context if r["effect"] == "drop"
        ]
        self.houses = [
            (tuple(t.text for t in nlp.make_doc(r["phrase"])), r["name"] or r["phrase"])
            for r in context
            if r["effect"] == "house"
        ]
        self.committee_types = {r["phrase"] for r in context if r["effect"] == "committee_type"}
        self.police_next = {
            r["word"].lower(): r["effect"] for r in (rows(local_police) if local_police else [])
        }
        self.indefinite = {w.lower() for w in read_lines(indefinite)} if indefinite else set()
        self.ruler = RuleMatcher(nlp)
        self.ruler.add_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        cleaned = [s for s in (clean_span(e) for e in doc.ents) if s is not None]
        doc.ents = filter_spans(cleaned)
        before = list(doc.ents)
        doc = self.ruler(doc)
        dropped = [
            e
            for e in doc.ents
            if e.label_ == "TITLE" and e.text.lower() in self.plural_titles and not self._names_follow(doc, e)
        ]
        if dropped:  # the model's entity the plural had displaced comes back ("Board of Governors ISSI")
            kept = [e for e in doc.ents if e not in dropped]
            back = [
                b
                for b in before
                if any(b.start < d.end and d.start < b.end for d in dropped)
                and not any(b.start < k.end and k.start < b.end for k in kept)
            ]
            doc.ents = sorted(kept + back, key=lambda x: x.start)
        doc.ents = self._with_years(doc)
        province = self.province(doc)
        doc.user_data[PROVINCE] = province
        extra: dict[str, dict] = {}
        doc.ents = self._domain_agencies(doc, province, extra)
        found = {e.ent_id_ for e in doc.ents if e.label_ == "AGENCY"}
        info = {name: dict(self.agency_info[name]) for name in found if name in self.agency_info}
        info.update({k: v for k, v in extra.items() if k in found})
        doc.user_data[AGENCY_INFO] = info
        return doc

    def _names_follow(self, doc: Doc, e: Span) -> bool:
        """A plural title is a title only over a list of names ("sub-inspectors A and B", "the
        deputy directors are A"), not in a body's name ("Board of Governors Ambassador X",
        "Council of Ministers") or "the ministers met"."""
        if e.start >= 2 and doc[e.start - 1].lower_ == "of" and doc[e.start - 2].is_title:
            return False
        i = e.end
        if i < len(doc) and (
            doc[i].lower_ in ("are", "were", "include", "included", "including") or doc[i].text == ":"
        ):
            i += 1
        while i < len(doc) and doc[i].lower_.rstrip(".") in self.honorifics:
            i += 1
        return (
            i + 1 < len(doc)
            and doc[i].is_title
            and doc[i].is_alpha
            and doc[i + 1].is_title
            and doc[i + 1].is_alpha
        )

    # -- province ---------------------------------------------------------------------------------
    def province(self, doc: Doc) -> str | None:
        """The dateline's province, else the most mentioned province (provinces and places)."""
        head = doc.text[:600]
        m = _DATELINE.search(head)
        if m:
            place = m.group(1).strip().lower()
            prov = self.place_province.get(place) or self.province_of.get(place)
            if prov:
                return prov
        counts: Counter = Counter()
        for tok in doc:
            if tok.is_title or tok.is_upper:
                for n in (2, 1):
                    phrase = doc[tok.i : tok.i + n].text.lower()
                    prov = self.province_of.get(phrase) or self.place_province.get(phrase)
                    if prov:
                        counts[prov] += 1
                        break
        return counts.most_common(1)[0][0] if counts else None

    # -- domain rules -----------------------------------------------------------------------------
    def _domain_agencies(self, doc: Doc, province: str | None, extra: dict) -> list[Span]:
        ents = self._committees(doc, list(doc.ents), extra)
        present = {
            e.ent_id_ for e in ents if e.label_ == "AGENCY" and not e.ent_id_.startswith((_DEPT, _GENERIC))
        }
        out: list[Span] = []
        listed: list[Span] = []
        for e in ents:
            if e.label_ != "AGENCY":
                out.append(e)
                continue
            if self._in_law_title(doc, e):
                continue
            eid = e.ent_id_
            if eid.startswith(_DEPT):
                span = self._department(doc, e, province, extra)
                if span is not None:
                    out.append(span)
                    listed.extend(self._listed_departments(doc, span, province, extra))
                continue
            generic = eid[len(_GENERIC) :] if eid.startswith(_GENERIC) else eid
            if generic in self.generics:
                target = self._specific(generic, present, province)
                if target is None and eid.startswith(_GENERIC):
                    continue
                out.append(Span(doc, e.start, e.end, label="AGENCY", span_id=target or eid))
                continue
            out.append(e)
        listed.extend(self._listed_ministries(doc, out))
        if listed:  # a listed department outranks the model's guess ("Auqaf" as PERSON)
            out = [e for e in out if not any(x.start < e.end and e.start < x.end for x in listed)] + listed
        out = self._local_police(doc, out, province, extra)
        return sorted(filter_spans(out), key=lambda s: s.start)

    def _committees(self, doc: Doc, ents: list[Span], extra: dict) -> list[Span]:
        """Parliamentary committees named in full ("National Assembly Standing Committee on
        Government Assurances", "NA Standing Committee on Information Technology and Telecom") are
        agencies of kind legislature with the house written out; a longer committee name replaces
        a gazetteer match inside it ("Senate")."""
        found: list[Span] = []
        n = len(doc)
        # the subject ends where a title or a name begins ("… on Interior Chairman Faisal Saleem")
        stop = {
            i for e in ents if e.label_ in ("TITLE", "PERSON", "DATE", "TIME") for i in range(e.start, e.end)
        }  # "… on Defence Thursday"
        for i in range(n):
            for words, house in self.houses:
                j = i + len(words)
                if tuple(t.text for t in doc[i:j]) != words:
                    continue
                kind = doc[j].text if j < n and doc[j].text in self.committee_types else None
                k = j + (kind is not None)
                if not (k + 2 < n and doc[k].text == "Committee" and doc[k + 1].lower_ in ("on", "for")):
                    continue
                m = k + 2
                end = m
                while m < n and m not in stop:
                    tok = doc[m]
                    if tok.is_title or (tok.is_upper and tok.is_alpha):
                        m += 1
                        end = m
                    elif (
                        tok.lower_ in ("and", "&", ",", "-", "of")
                        and m + 1 < n
                        and (doc[m + 1].is_title or doc[m + 1].is_upper)
                        and doc[m + 1].is_alpha
                        and m + 1 not in stop
                    ):
                        m += 1  # "Information, Broadcasting and National Heritage", "Gilgit-Baltistan", "Problems of Less Developed Areas"
                    else:
                        break
                if end == k + 2:
                    continue
                subject = doc[k + 2 : end].text
                name = " ".join(filter(None, (house, kind, "Committee", doc[k + 1].lower_, subject)))
                extra.setdefault(name, {"acronym": None, "kind": "legislature", "country": "Pakistan"})
                found.append(Span(doc, i, end, label="AGENCY", span_id=name))
                break
        if not found:
            return ents
        kept = [
            e
            for e in ents
            if not any(f.start < e.end and e.start < f.end for f in found)
            or any(e.start <= f.start and f.end <= e.end and e.label_ == "AGENCY" for f in found)
        ]
        return sorted(
            filter_spans(
                kept
                + [
                    f
                    for f in found
                    if not any(e.label_ == "AGENCY" and e.start <= f.start and f.end <= e.end for e in kept)
                ]
            ),
            key=lambda s: s.start,
        )

    def _in_law_title(self, doc: Doc, e: Span) -> bool:
        nxt = tuple(t.lower_ for t in doc[e.end : e.end + 4])
        return any(nxt[: len(w)] == w for w in self.law_words)

    def _department(self, doc: Doc, e: Span, province: str | None, extra: dict) -> Span | None:
        start = e.start
        prev = doc[start - 1] if start > 0 else None
        named = None
        if prev is not None:
            named = self.province_of.get(prev.lower_) or (
                self.province_of.get(doc[start - 2 : start].text.lower()) if start > 1 else None
            )
            if named:
                start -= 1 if self.province_of.get(prev.lower_) else 2
            elif prev.lower_ in self.indefinite:
                return None
        prov = named or province
        if not prov:
            return None
        name = f"{prov} {e.ent_id_[len(_DEPT) :]}"
        extra.setdefault(name, {"acronym": None, "kind": "government", "country": "Pakistan"})
        return Span(doc, start, e.end, label="AGENCY", span_id=name)

    def _listed_departments(self, doc: Doc, span: Span, province: str | None, extra: dict) -> list[Span]:
        """ "the Auqaf, Trust, and Cooperative departments": each listed domain that is a known
        department ("Auqaf" -> Punjab Auqaf Department)."""
        if doc[span.end - 1].lower_ != "departments" or not province:
            return []
        out = []
        i = span.start - 1
        while i >= 0 and (
            doc[i].text == "," or doc[i].lower_ == "and" or (doc[i].is_title and doc[i].is_alpha)
        ):
            dept = self.dept_alias.get(f"{doc[i].lower_} department") if doc[i].is_title else None
            if dept:
                name = f"{province} {dept}"
                extra.setdefault(name, {"acronym": None, "kind": "government", "country": "Pakistan"})
                out.append(Span(doc, i, i + 1, label="AGENCY", span_id=name))
            i -= 1
        return out

    def _listed_ministries(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "the interior and foreign affairs ministries", "the foreign and IT ministries": each
        listed domain whose "<domain> ministry" is a gazetteer name or alias."""
        taken = {i for e in ents if e.label_ == "AGENCY" for i in range(e.start, e.end)}
        out = []
        for tok in doc:
            if tok.lower_ not in ("ministries", "divisions") or tok.i in taken:
                continue
            word = "ministry" if tok.lower_ == "ministries" else "division"
            # the coordinated domains before the plural: [interior] and [foreign affairs]
            segments, end, i = [], tok.i, tok.i - 1
            while i >= 0 and tok.i - i <= 10 and i not in taken:
                if doc[i].text == "," or doc[i].lower_ == "and":
                    if end > i + 1:
                        segments.append((i + 1, end))
                    end = i
                elif not doc[i].is_alpha or (doc[i].is_stop and not doc[i].is_upper):  # "IT" is not "it"
                    break
                i -= 1
            if end > i + 1:
                segments.append((i + 1, end))
            if len(segments) < 2:
                continue  # "the ministries", "federal ministries": no listed domains
            for start, stop in segments:
                name = self.agency_form.get(f"{doc[start:stop].text.lower()} {word}")
                if name:
                    out.append(Span(doc, start, stop, label="AGENCY", span_id=name))
        return out

    def _specific(self, generic: str, present: set[str], province: str | None) -> str | None:
        cands = []
        for s in self.generics[generic]:
            if s.endswith("*"):
                cands.extend(sorted(p for p in present if p.startswith(s[:-1])))
            elif s in present:
                cands.append(s)
        if cands:
            return cands[0]
        if province:
            for s in self.generics[generic]:
                if not s.endswith("*") and province in s:
                    return s
        return None

    def _local_police(self, doc: Doc, ents: list[Span], province: str | None, extra: dict) -> list[Span]:
        """ "<Place> police" -> the province's police force."""
        police = self.police_of.get(province or "")
        if not police:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        added = []
        for tok in doc:
            if tok.lower_ != "police" or tok.i in taken or tok.i == 0:
                continue
            nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
            if self.police_next.get(nxt) == "drop":
                continue
            start = tok.i
            while (
                start > 0
                and doc[start - 1].is_title
                and doc[start - 1].is_alpha
                and not doc[start - 1].is_sent_start
                and doc[start - 1].i not in taken
                and tok.i - start < 3
            ):
                start -= 1
            if start == tok.i:
                continue
            extra.setdefault(police, {"acronym": None, "kind": "police", "country": "Pakistan"})
            added.append(Span(doc, start, tok.i + 1, label="AGENCY", span_id=police))
        kept = [e for e in ents if not any(a.start < e.end and e.start < a.end for a in added)]
        return kept + added

    def _with_years(self, doc: Doc) -> list[Span]:
        """Four-digit years become YEAR entities, splitting any DATE entity that holds them."""
        years = [
            Span(doc, t.i, t.i + 1, label="YEAR", span_id=t.text)
            for t in doc
            if t.shape_ == "dddd" and self.min_year <= int(t.text) <= self.max_year
        ]
        year_tokens = {s.start for s in years}
        kept = [
            e
            for e in doc.ents
            if not (e.label_ in ("DATE", "CARDINAL") and any(i in year_tokens for i in range(e.start, e.end)))
            and not any(i in year_tokens for i in range(e.start, e.end) if e.label_ not in ("AGENCY", "TIER"))
        ]
        taken = {i for e in kept for i in range(e.start, e.end)}
        return sorted(kept + [y for y in years if y.start not in taken], key=lambda s: s.start)


@Language.factory(
    "tipwatch_entities_v1",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={
        "min_year": 1990,
        "max_year": 2035,
        "provinces": None,
        "places": None,
        "departments": None,
        "generic_agencies": None,
        "agency_context": None,
        "local_police": None,
        "indefinite": None,
    },
)
def make_entity_rules(
    nlp: Language,
    name: str,
    tiers: str,
    titles: str,
    agencies: str,
    countries: str,
    honorifics: str,
    min_year: int,
    max_year: int,
    provinces: str | None,
    places: str | None,
    departments: str | None,
    generic_agencies: str | None,
    agency_context: str | None,
    local_police: str | None,
    indefinite: str | None,
) -> EntityRules:
    return EntityRules(
        nlp,
        name,
        tiers=tiers,
        titles=titles,
        agencies=agencies,
        countries=countries,
        honorifics=honorifics,
        min_year=min_year,
        max_year=max_year,
        provinces=provinces,
        places=places,
        departments=departments,
        generic_agencies=generic_agencies,
        agency_context=agency_context,
        local_police=local_police,
        indefinite=indefinite,
    )


TIER_LINKS = "tipwatch.tier_links"
# A bare "watch list"/"blacklist" places only a country at most this many tokens away ("added Saudi
# Arabia and Cuba to its blacklist"), not one named later in a long sentence about something else.
WEAK_TIER_REACH = 10


class TierLinker:
    """``tipwatch_tier_links_v1``: which country a TIER mention places, and in which report year.

    For each TIER entity: the country is the nearest gazetteer country in the sentence plus the
    countries coordinated with it ("placed both Pakistan and India among the countries that do
    not fully meet ..."); the year is the sentence's year nearest to the tier. A tier right after a
    negating phrase ("removal from the Tier 2 Watch List") places nothing; tiers count only in a
    document about trafficking (``context`` phrases), so a "Tier-II" training programme or a stop
    "watch list" is not a placement. Undated mentions take the year of the
    same country and tier stated elsewhere in the document, else the document's report year
    ("TIP Report 2025").

    Moves and restatements (phrases in ``tier_context``): a tier after "from" ("upgraded from the
    Tier 2 Watch List to Tier 2", 'from a ranking of "Tier 3"') is where the country was; in a
    sentence that moves a country ("upgraded", "downgraded", "boost", "added"), the tier after "to"
    is its placement and its other tiers there are earlier ones; a bare "watch list"/"blacklist"
    beside a tier of the same country restates it ("Tier two list, a watch list"), places only a
    country within :data:`WEAK_TIER_REACH` tokens, and nothing in a sentence about another body's
    list ("FATF"); the country moved is the one named before the tier. A country the parser split
    off as a sentence of its own ("PAKISTAN: | Tier 2 Watch List") belongs to the next sentence.

    Writes ``doc.user_data[TIER_LINKS]``: dicts with ``start``/``end``
    (characters of the tier mention), ``tier``, ``country``, ``year``, ``sentence`` (start, end).
    """

    def __init__(self, nlp: Language, name: str, *, tier_context: str):
        self.name = name
        self.negate: list[tuple[str, ...]] = []
        self.context: list[str] = []
        self.report_words: set[str] = set()
        self.move: set[str] = set()
        self.other_list: set[str] = set()
        context = rows(tier_context)
        self.skip = {r["phrase"].lower() for r in context if r["effect"] == "skip"}
        for r in context:
            if r["effect"] == "negate":
                self.negate.append(
                    tuple(t.lower_ for t in nlp.make_doc(r["phrase"]) if t.lower_ not in self.skip)
                )
            elif r["effect"] == "context":
                self.context.append(r["phrase"].lower())
            elif r["effect"] == "report":
                self.report_words.add(r["phrase"].lower())
            elif r["effect"] == "move":
                self.move.add(r["phrase"].lower())
            elif r["effect"] == "other_list":
                self.other_list.add(r["phrase"].lower())

    def report_year(self, doc: Doc) -> int | None:
        """The one report year the document names ("TIP Report 2025", "the US 2024 TIP report")."""
        years = set()
        for e in doc.ents:
            if e.label_ != "YEAR":
                continue
            window = doc[max(e.start - 6, e.sent.start) : min(e.end + 6, e.sent.end)]
            if any(t.lower_ in self.report_words for t in window) and any(
                t.lower_ in ("tip", "trafficking") for t in window
            ):
                years.add(int(e.text))
        return years.pop() if len(years) == 1 else None

    def __call__(self, doc: Doc) -> Doc:
        low = doc.text.lower()
        has_context = any(c in low for c in self.context)
        links: list[dict] = []
        by_sent: dict[int, list[Span]] = {}  # sentence start -> its GPE and YEAR entities
        if has_context:
            for g in doc.ents:
                if g.label_ in ("GPE", "YEAR"):
                    by_sent.setdefault(g.sent.start, []).append(g)
        for e in doc.ents:
            if e.label_ != "TIER":
                continue
            before = self._before(doc, e)
            if any(before[-len(n) :] == n for n in self.negate):
                continue
            if not has_context:
                continue
            sent = e.sent
            countries = self._heading_country(doc, sent) + [
                g for g in by_sent.get(sent.start, ()) if g.label_ == "GPE" and g.ent_id_
            ]
            if not countries:
                continue
            moved = before[-1:] == ("to",) and any(
                t.lower_ in self.move or t.lemma_.lower() in self.move for t in sent
            )
            # the country moved to a tier is named before it ("Nepal was upgraded to Tier 2 while Kenya ...")
            preceding = [g for g in countries if g.end <= e.start] if moved else []
            nearest = min(preceding or countries, key=lambda g: abs(g.start - e.start))
            group = {nearest.root.i} | {c.i for c in nearest.root.conjuncts}
            names = [g.ent_id_ for g in countries if g.root.i in group or g is nearest]
            years = [y for y in by_sent.get(sent.start, ()) if y.label_ == "YEAR"]
            year = int(min(years, key=lambda y: abs(y.start - e.start)).text) if years else None
            weak = not any(t.lower_.startswith("tier") for t in e)
            if weak and (
                any(t.lower_ in self.other_list for t in sent)
                or abs(nearest.start - e.start) > WEAK_TIER_REACH
            ):
                continue  # "the FATF grey list": another body's list; a country far off is not on it
            for country in dict.fromkeys(names):
                links.append(
                    {
                        "start": e.start_char,
                        "end": e.end_char,
                        "tier": e.ent_id_,
                        "country": country,
                        "year": year,
                        "sentence": (sent.start_char, sent.end_char),
                        "_weak": weak,
                        "_moved": moved,
                    }
                )
        links = self._destinations(links)
        dated: dict[tuple, set] = {}
        for link in links:
            if link["year"] is not None:
                dated.setdefault((link["country"], link["tier"]), set()).add(link["year"])
        doc_year = self.report_year(doc)
        for link in links:
            if link["year"] is None:
                same = dated.get((link["country"], link["tier"]), set())
                link["year"] = next(iter(same)) if len(same) == 1 else doc_year
        doc.user_data[TIER_LINKS] = links
        return doc

    def _before(self, doc: Doc, e: Span) -> tuple[str, ...]:
        """The words before a tier, ``skip`` words (articles, possessives) and quotes left out:
        'from a ranking of "Tier 2 Watch List"' -> (..., 'from', 'ranking', 'of')."""
        out = []
        for t in reversed(doc[max(e.start - 8, 0) : e.start]):
            if t.lower_ in self.skip or t.is_quote or t.is_space:
                continue
            out.append(t.lower_)
            if len(out) == 4:
                break
        return tuple(reversed(out))

    @staticmethod
    def _heading_country(doc: Doc, sent: Span) -> list[Span]:
        """The country the parser split off the start of the tier's sentence ("PAKISTAN: | Tier 2
        Watch List", "Nepal | was upgraded to Tier 2 while ..."): the previous sentence when it is
        nothing but one country and punctuation."""
        if sent.start == 0:
            return []
        prev = doc[sent.start - 1].sent
        gpes = [
            g
            for g in doc.ents
            if g.label_ == "GPE" and g.ent_id_ and prev.start <= g.start and g.end <= prev.end
        ]
        if len(gpes) != 1:
            return []
        rest = [
            t for t in prev if not (gpes[0].start <= t.i < gpes[0].end) and not (t.is_punct or t.is_space)
        ]
        return [] if rest else gpes

    @staticmethod
    def _destinations(links: list[dict]) -> list[dict]:
        """Within a sentence, per country: a tier the country is moved to ("upgraded Thailand
        ... to Tier 2", "downgraded again to the Tier 2 watch list") is its placement, and its other
        tiers there are where it was ("... remained in the Tier 2 Watch List for the last three
        years"); a bare "watch list"/"blacklist" beside a tier of the same country restates that
        tier ("upgraded to Tier two list, a watch list")."""
        out = []
        for link in links:
            same = [o for o in links if o["country"] == link["country"] and o["sentence"] == link["sentence"]]
            if not link["_moved"] and any(o["_moved"] and o["tier"] != link["tier"] for o in same):
                continue
            if link["_weak"] and any(not o["_weak"] and o["tier"] != link["tier"] for o in same):
                continue
            out.append(link)
        return [{k: v for k, v in link.items() if not k.startswith("_")} for link in out]


@Language.factory("tipwatch_tier_links_v1", assigns=["doc.user_data"], requires=["doc.ents", "token.dep"])
def make_tier_linker(nlp: Language, name: str, tier_context: str) -> TierLinker:
    return TierLinker(nlp, name, tier_context=tier_context)
