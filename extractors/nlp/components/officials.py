"""``tipwatch_officials_v1``: people, their roles and organisations, and reference resolution.

Finds each person (PERSON entities without honorifics or ranks, names right after an honorific
whatever the model labelled them: "Dr Arshad Mahmood" as ORG, and proper names right after a
title: "Director General Dr Ehsan Sadiq") and links a role in the patterns the domain uses:

* premodifier: "National Police Bureau Director General Dr Ehsan Sadiq", "Interior Minister Mohsin
  Naqvi" (portfolio -> Ministry of Interior, ``gazetteers/portfolios.csv``), "Director General FIA,
  Mr. Riffat Mukhtar", "Minister for Law and Justice Azam Nazir Tarar", "Khyber Pakhtunkhwa
  Inspector General of Police (IGP) Akhtar Hayat";
* apposition: "Ahmad Ishaque Jehangir, the director general of the Federal Investigation Agency
  (FIA)", "Mr. Shakeel Durrani, Additional Director General (Immigration), FIA";
* appointments ("has been appointed the director general (DG) of the NCCIA": the new role wins) and
  chairs ("led by Senator Faisal Saleem" -> chairman of the body named before), from
  ``patterns/role_cues.csv``; titles after "former" are past roles and do not count;
* lists under a plural title: "sub-inspectors A, B, ASI C, D and E" (a title inside the list starts
  a new group), "The deputy directors are A (Hyderabad zone) and B and assistant directors are C",
  groups separated by semicolons; each listed name gets the title of its group;
* organisation fallbacks from ``patterns/titles.jsonl``: an implied body (MNA -> National Assembly),
  a body of the title's kind in the document (justice -> the court, DSP -> the police), the body
  named just before in the sentence; titles of office without a body (prime minister) get none;
  a staff grade (``staff``: sub-inspector, ASI, head constable, assistant director …) takes the
  executive body named earlier in its sentence, else the document's most mentioned one
  (``staff: "legislature"``: members and chairmen take a legislative body the same way);
* chairs also after the name ("with Senator X in the chair"); "the committee, chaired by X" is the
  committee the story named, not an agency named before it in the sentence.

Resolution within a document: later short mentions ("Jehangir", "Mr Naqvi", "DG Qazi") resolve to
the full name; pronouns and definite role references ("the minister") resolve to people.

Writes to ``doc.user_data``:

* ``PEOPLE``: one dict per person in order of first mention: ``name``, ``title``, ``organisation``
  (canonical agency name), ``mentions`` (token ranges), ``first``;
* ``PERSON_AT``: token index -> person name for every name mention token;
* ``PRONOUN_AT``: token index of he/she/his/her/him -> person name (the most recent person before);
* ``ROLE_AT``: token index of a definite role reference ("the minister", "the Passports DG") ->
  person name, when exactly one person in the document holds that role;
* ``UNNAMED``: unnamed officials and sources ("a senior FIA official", "A spokesman for FIA"): dicts
  with ``text`` (the first description), ``head``, ``organisation``, ``start``/``end`` (tokens);
  ``UNNAMED_AT``: token index -> that description, also for later mentions ("the spokesman").

PERSON entities are corrected to the full name span (honorifics excluded).
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import read_csv, read_jsonl, read_lines, split_aliases
from extractors.nlp.components.entities import AGENCY_INFO, PROVINCE, plural_title, rows

PEOPLE = "tipwatch.people"
PERSON_AT = "tipwatch.person_at"
PRONOUN_AT = "tipwatch.pronoun_at"
ROLE_AT = "tipwatch.role_at"
UNNAMED = "tipwatch.unnamed"
UNNAMED_AT = "tipwatch.unnamed_at"

_PRONOUNS = {"he", "she", "him", "her", "his"}
_DETS = {"the", "a", "an"}
_LINKS = {"of", "at", "for", "in", "from", "the", "a", "an", "to"}
_POSS = {"'s", "’s"}
# Strength of a role found for a mention: an appointment beats an explicit title, which beats a
# chair ("led by X"), which beats a weak title (senator).
APPOINTED, TITLE, CHAIR, WEAK = 4, 3, 2, 1


class OfficialLinker:
    def __init__(
        self,
        nlp: Language,
        name: str,
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
    ):
        self.name = name
        self.honorifics = {h.lower().rstrip(".") for h in read_lines(honorifics)}
        self.title_info: dict[str, dict] = {}
        for p in read_jsonl(titles) if titles else ():
            tid = p.get("id") or p["pattern"].lower()
            self.title_info.setdefault(
                tid,
                {
                    k: p[k]
                    for k in ("organisation", "org_kind", "weak", "no_org", "body_head", "staff")
                    if k in p
                },
            )
        self.cased_titles = {
            p["pattern"].lower(): p.get("id") or p["pattern"].lower()
            for p in (read_jsonl(titles) if titles else ())
            if p.get("cased")
        }
        # plural forms ("sub-inspectors", "deputy directors") open a list of people holding the title
        self.plural_titles = {
            pl.lower()
            for p in (read_jsonl(titles) if titles else ())
            if p.get("plural", True) and (pl := plural_title(p["pattern"]))
        }
        self.portfolios: list[tuple[tuple[str, ...], str, set[str]]] = []
        for r in rows(portfolios) if portfolios else []:
            toks = tuple(t.lower_ for t in nlp.make_doc(r["portfolio"]))
            self.portfolios.append((toks, r["organisation"], set(split_aliases(r["titles"]))))
        self.portfolios.sort(key=lambda p: -len(p[0]))
        self.chairs: list[tuple[tuple[str, ...], str]] = []
        self.chairs_after: list[tuple[tuple[str, ...], str]] = []
        self.chaired: set[str] = set()
        self.former: set[str] = set()
        self.appointed: list[tuple[str, ...]] = []
        for r in rows(role_cues) if role_cues else []:
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
        self.appointed.sort(key=lambda t: -len(t))
        self.not_names = {w.lower() for w in read_lines(not_names)} if not_names else set()
        self.particles = {w.lower() for w in read_lines(name_particles)} if name_particles else set()
        self.unnamed_heads = {w.lower() for w in read_lines(unnamed_heads)} if unnamed_heads else set()
        self.places: set[str] = set()
        self.province_of: dict[str, str] = {}
        self.police_of: dict[str, str] = {}
        for r in rows(provinces) if provinces else []:
            for form in [r["province"], *split_aliases(r["aliases"])]:
                self.province_of[form.lower()] = r["province"]
            self.police_of[r["province"]] = r["police"]
        self.places.update(self.province_of)
        self.place_of = {r["place"].lower(): r["province"] for r in (rows(places) if places else [])}
        self.places.update(self.place_of)
        self.org_words = {r["keyword"].lower() for r in read_csv(org_keywords)} if org_keywords else set()
        # a portfolio premodified by these is Pakistan's ("Pakistani Interior Minister"), others are foreign
        self.home = {"pakistan", "pakistani", "federal", "provincial", "caretaker", "former"} | set(
            self.province_of
        )

    # -- token classes ----------------------------------------------------------------------------
    def _is_honorific(self, tok) -> bool:
        return tok.lower_.rstrip(".") in self.honorifics or tok.text == "."

    def _is_name_token(self, tok, taken: set[int]) -> bool:
        return (
            tok.is_title
            and tok.is_alpha
            and not tok.is_stop
            and tok.i not in taken
            and tok.lower_ not in self.not_names
            and tok.lower_ not in self.places
            and not self._is_honorific(tok)
        )

    def _portfolio_ending(self, doc: Doc, end: int, title: str | None = None) -> tuple[int, str] | None:
        """A portfolio phrase ending at token ``end`` (exclusive): (start, organisation)."""
        for toks, org, titles in self.portfolios:
            start = end - len(toks)
            if start < 0 or (title and titles and title not in titles):
                continue
            if tuple(t.lower_ for t in doc[start:end]) == toks:
                return start, org
        return None

    def _portfolio_starting(self, doc: Doc, start: int, title: str | None = None) -> tuple[int, str] | None:
        for toks, org, titles in self.portfolios:
            end = start + len(toks)
            if end > len(doc) or (title and titles and title not in titles):
                continue
            if tuple(t.lower_ for t in doc[start:end]) == toks:
                # "Minister for Interior" but not "Minister for Interior Affairs Committee"
                return end, org
        return None

    # -- main -------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        province = doc.user_data.get(PROVINCE)
        persons, weak_names = self._person_spans(doc, ents)
        others = [
            e
            for e in ents
            if e.label_ != "PERSON"
            and not any(p.start < e.end and e.start < p.end for p in persons + weak_names)
        ]
        self._person_tokens = {i for s in persons + weak_names for i in range(s.start, s.end)}
        ent_at: dict[int, Span] = {}
        for e in others:
            for i in range(e.start, e.end):
                ent_at[i] = e
        agency_count = Counter(e.ent_id_ or e.text for e in others if e.label_ == "AGENCY")
        people: dict[str, dict] = {}
        order: list[str] = []
        person_at: dict[int, str] = {}
        by_surname: dict[str, str] = {}
        resolved_spans: list[Span] = []
        weak_starts = {s.start for s in weak_names}
        for span in sorted(persons + weak_names, key=lambda s: s.start):
            key = self._resolve(span.text, people, by_surname)
            if key is None:
                if span.start in weak_starts:
                    continue  # a single capitalised word after a title that names nobody known
                key = span.text
                people[key] = {
                    "name": key,
                    "title": None,
                    "organisation": None,
                    "mentions": [],
                    "first": (span.start, span.end),
                    "_strength": 0,
                }
                order.append(key)
                if len(span) > 1:
                    by_surname.setdefault(span[-1].text, key)
            person = people[key]
            person["mentions"].append((span.start, span.end))
            role = self._role(doc, span, ent_at, province, agency_count)
            if role is not None:
                title, org, strength = role
                if strength > person["_strength"]:
                    if title == person["title"] and not org:
                        org = person[
                            "organisation"
                        ]  # "Chairman Khanzada" after "… with Senator Zeeshan Khanzada in the chair"
                    person.update(title=title, organisation=org, _strength=strength)
                elif title == person["title"] and org and not person["organisation"]:
                    person["organisation"] = org
            for i in range(span.start, span.end):
                person_at[i] = key
            resolved_spans.append(Span(doc, span.start, span.end, label="PERSON", span_id=key))
        # Bare surnames the model missed or mislabelled ("Jehangir" as GPE).
        for tok in doc:
            key = by_surname.get(tok.text)
            if (
                key
                and tok.i not in person_at
                and tok.is_title
                and not (tok.i in ent_at and ent_at[tok.i].label_ == "AGENCY")
            ):
                people[key]["mentions"].append((tok.i, tok.i + 1))
                person_at[tok.i] = key
                resolved_spans.append(Span(doc, tok.i, tok.i + 1, label="PERSON", span_id=key))
        resolved_tokens = {i for s in resolved_spans for i in range(s.start, s.end)}
        kept = [e for e in others if not any(i in resolved_tokens for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + resolved_spans)
        for p in people.values():
            p.pop("_strength", None)
        doc.user_data[PEOPLE] = [people[k] for k in order]
        doc.user_data[PERSON_AT] = person_at
        doc.user_data[PRONOUN_AT] = self._pronouns(doc, person_at)
        doc.user_data[ROLE_AT] = self._role_refs(doc, people, person_at)
        doc.user_data[UNNAMED], doc.user_data[UNNAMED_AT] = self._unnamed(doc, person_at)
        return doc

    # -- people -----------------------------------------------------------------------------------
    def _person_spans(self, doc: Doc, ents: list[Span]) -> tuple[list[Span], list[Span]]:
        """(names, weak names): PERSON entities without honorifics, extended left over a missed
        given name ("Geir Thomas Tonstol"), plus names after a title; weak names are single words
        after a title, kept only when they resolve to a known person ("DG Qazi")."""
        taken = {
            i for e in ents if e.label_ in ("AGENCY", "TITLE", "TIER", "YEAR") for i in range(e.start, e.end)
        }
        taken |= {i for e in ents if e.label_ == "GPE" and e.ent_id_ for i in range(e.start, e.end)}
        ent_tokens = {i for e in ents for i in range(e.start, e.end)}
        spans: list[Span] = []
        for e in ents:
            if e.label_ != "PERSON" and not self._honoured_name(doc, e):
                continue
            start, end = e.start, e.end
            while start < end and (self._is_honorific(doc[start]) or doc[start].lower_ in self.former):
                start += 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _POSS):
                end -= 1
            while start < end and (doc[start].lower_ in self.not_names or doc[start].lower_ in self.places):
                start += 1
            while end > start and doc[end - 1].lower_ in self.not_names:
                end -= 1
            if (
                start >= end
                or any(t.lower_ in self.org_words for t in doc[start:end])
                or all(t.is_upper and len(t) > 2 for t in doc[start:end])
                or doc[start:end].text.lower() in self.places
            ):
                continue
            while (
                start > 0
                and start == e.start
                and doc[start - 1].pos_ == "PROPN"
                and self._is_name_token(doc[start - 1], taken)
                and doc[start - 1].i not in ent_tokens
                and start > e.start - 1
            ):
                start -= 1
            while (
                end + 1 < len(doc)
                and doc[end].lower_ in self.particles
                and self._is_name_token(doc[end + 1], taken)
            ):
                end += 2  # "Naseer ud Din"
            # "Malik Rasheed Ahmad Khan National Food Security & Research": the name ends at a portfolio
            end = next((k for k in range(start + 2, end) if self._portfolio_starting(doc, k)), end)
            for k in range(max(start - 4, 1), start + 1):
                pf = self._portfolio_starting(doc, k)
                if pf and start <= pf[0] < end and doc[k - 1].lower_ in ("for", "of"):
                    start = pf[0]  # "Minister of State for [Overseas Pakistanis] Aun Chaudhry"
                    break
            spans.append(Span(doc, start, end, label="PERSON"))
        weak: list[Span] = []
        for e in ents:
            if e.label_ != "TITLE":
                continue
            i = e.end
            steps = 0
            # skip honorifics, an agency or portfolio, wing words and one comma: "Director General
            # FIA, Mr. Riffat Mukhtar", "DG Passport Mustafa Jamal Qazi", "DSP Legal Sajid Cheema"
            while i < len(doc) and steps < 6:
                tok = doc[i]
                if self._is_honorific(tok) or (tok.text == "," and steps == 0):
                    i += 1
                elif any(x.label_ in ("AGENCY", "ORG") and x.start == i for x in ents):
                    i = next(x.end for x in ents if x.label_ in ("AGENCY", "ORG") and x.start == i)
                elif tok.lower_ in self.not_names and tok.is_title:
                    i += 1
                elif self._portfolio_starting(doc, i, e.ent_id_):
                    i = self._portfolio_starting(doc, i, e.ent_id_)[0]
                elif tok.lower_ in ("for", "of") and self._portfolio_starting(doc, i + 1, e.ent_id_):
                    i = self._portfolio_starting(doc, i + 1, e.ent_id_)[0]
                elif tok.lower_ in ("in", "to") and any(
                    x.label_ == "GPE" and x.ent_id_ and x.start == i + 1 for x in ents
                ):
                    # "WHO Representative in Pakistan Dr Dapeng Luo", "EU Ambassador to Pakistan X"
                    i = next(x.end for x in ents if x.label_ == "GPE" and x.ent_id_ and x.start == i + 1)
                elif (
                    tok.lower_ in ("of", "at")
                    and i + 1 < len(doc)
                    and any(x.label_ == "AGENCY" and x.start == i + 1 for x in ents)
                ):
                    i = next(x.end for x in ents if x.label_ == "AGENCY" and x.start == i + 1)
                elif tok.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
                    i += 3
                else:
                    break
                steps += 1
            if i < len(doc) and doc[i].text == ",":
                i += 1
                while i < len(doc) and self._is_honorific(doc[i]):
                    i += 1
            j = i
            while (
                j < len(doc)
                and j - i < 5
                and not (j - i >= 2 and self._portfolio_starting(doc, j))
                and (
                    self._is_name_token(doc[j], taken)
                    or (
                        j > i
                        and doc[j].lower_ in self.particles
                        and j + 1 < len(doc)
                        and self._is_name_token(doc[j + 1], taken)
                    )
                )
            ):
                j += 1
            if j > i and doc[i:j].text.lower() in self.places:
                continue  # "Deputy Commissioner Dera Ismail Khan": a place, not a name
            if j - i >= 2 or (j > i and any(x.label_ == "PERSON" and x.start <= i < x.end for x in ents)):
                spans.append(Span(doc, i, j, label="PERSON"))
            elif j > i:
                weak.append(Span(doc, i, j, label="PERSON"))
        listed = self._listed(doc, ents, taken)
        self._list_title = {k: t for s, t in listed for k in range(s.start, s.end)}
        spans.extend(s for s, _ in listed)
        # Merge overlapping or touching pieces ("Syed Kausar" + "Abbas").
        spans.sort(key=lambda s: (s.start, -s.end))
        merged: list[Span] = []
        for s in spans:
            if merged and s.start <= merged[-1].end:
                last = merged[-1]
                merged[-1] = Span(doc, last.start, max(last.end, s.end), label="PERSON")
            else:
                merged.append(s)
        names = [s for s in merged if any(t.is_alpha for t in s)]
        covered = {i for s in names for i in range(s.start, s.end)}
        weak = [w for w in weak if w.start not in covered]
        return names, weak

    def _honoured_name(self, doc: Doc, e: Span) -> bool:
        """A name the model labelled otherwise ("Dr Arshad Mahmood" as ORG): two or more name words
        right after an honorific, none of them an organisation word or a place."""
        k = e.start - 1
        if k >= 1 and doc[k].text == ".":
            k -= 1
        return (
            e.label_ in ("ORG", "NORP", "GPE", "FAC", "PRODUCT")
            and not e.ent_id_
            and len(e) >= 2
            and k >= 0
            and doc[k].lower_.rstrip(".") in self.honorifics
            and all(
                t.is_title and t.is_alpha and t.lower_ not in self.org_words and t.lower_ not in self.places
                for t in e
            )
        )

    def _cased_title_at(self, doc: Doc, i: int) -> Span | None:
        """A title matched only when capitalised ("Coordinator", "Head"), written in lower case
        where an appointment cue makes it a role: "has been appointed its coordinator"."""
        for n in (3, 2, 1):
            tid = self.cased_titles.get(doc[i : i + n].text.lower())
            if tid and i + n <= len(doc):
                return Span(doc, i, i + n, label="TITLE", span_id=tid)
        return None

    def _is_plural(self, t: Span) -> bool:
        return t.label_ == "TITLE" and t.text.lower() in self.plural_titles

    def _listed(self, doc: Doc, ents: list[Span], taken: set[int]) -> list[tuple[Span, Span]]:
        """Names listed under a plural title, each with the title it falls under: "sub-inspectors
        A, B, ASI C, D and E" (a title inside the list starts a new group: C, D and E are ASIs),
        "The deputy directors are A (Hyderabad zone), B and C and assistant directors are D",
        "Sub-Inspectors A and B; ASI C; and Head Constables D, E". A listed name has two words or
        more ("A, Convener, APHC" is an apposition, not a list); anything else ends the list."""
        titles = {e.start: e for e in ents if e.label_ == "TITLE"}
        out: list[tuple[Span, Span]] = []
        done: set[int] = set()
        for first in titles.values():
            if not self._is_plural(first) or first.start in done or self._is_former(doc, first.start - 1):
                continue
            cur, i, n = first, first.end, len(doc)
            while i < n:
                done.add(cur.start)
                if doc[i].lower_ in ("are", "were", "include", "included", "including") or doc[i].text == ":":
                    i += 1
                while i < n and doc[i].lower_.rstrip(".") in self.honorifics:
                    i += 1
                j = i
                # a name ends where a portfolio begins ("state ministers A Khan National Food Security, …")
                while (
                    j < n
                    and j - i < 5
                    and not (j - i >= 2 and self._portfolio_starting(doc, j))
                    and (
                        self._is_name_token(doc[j], taken)
                        or (
                            j > i
                            and doc[j].lower_ in self.particles
                            and j + 1 < n
                            and self._is_name_token(doc[j + 1], taken)
                        )
                    )
                ):
                    j += 1
                if j - i < 2 or doc[i:j].text.lower() in self.places:
                    break
                out.append((Span(doc, i, j, label="PERSON"), cur))
                i = j
                if i < n and doc[i].text == "(":  # "(Hyderabad zone)": the person's posting
                    close = next((k for k in range(i + 1, min(i + 8, n)) if doc[k].text == ")"), None)
                    if close is None:
                        break
                    i = close + 1
                group_end = i < n and doc[i].text == ";"
                after_name = i
                if i < n and doc[i].text in (",", ";"):
                    i += 1
                if i < n and doc[i].lower_ == "and":
                    i += 1
                if i < n and doc[i].lower_ == "the":
                    i += 1
                if i in titles:
                    cur = titles[i]
                    i = cur.end
                elif group_end or i == after_name:
                    break  # "…; the rest were released": a group ends at a semicolon; names need a separator
        return out

    def _resolve(self, name: str, people: dict, by_surname: dict) -> str | None:
        if name in people:
            return name
        parts = name.split()
        if len(parts) == 1:
            if name in by_surname:
                return by_surname[name]
            for key in people:  # a surname that is not last ("Qazi" for Mustafa Jamal Qazi)
                if name in key.split()[1:]:
                    return key
            firsts = [key for key in people if key.split()[0] == name and len(key.split()) > 1]
            return firsts[0] if len(firsts) == 1 else None  # "PM Shehbaz"
        for key in people:
            kp = key.split()
            if parts[-1] == kp[-1] and (parts[0] == kp[0] or set(parts) <= set(kp)):
                return key
            if len(parts) == len(kp) >= 3 and parts[1:] == kp[1:] and parts[0][:1] == kp[0][:1]:
                return key  # spelling of the first name varies ("Mohammad"/"Muhammad Afzaal Bhatti")
            if set(parts) <= set(kp) or set(kp) <= set(parts) and len(kp) >= 2:
                return key
        return None

    # -- roles ------------------------------------------------------------------------------------
    def _is_former(self, doc: Doc, i: int) -> bool:
        hyphen = i >= 1 and doc[i].text == "-"
        if hyphen:
            i -= 1  # "then-local government minister"
        if i >= 0 and doc[i].lower_ == "then" and not hyphen and not (i >= 1 and doc[i - 1].lower_ == "the"):
            return False  # "and then Minister X spoke": only "then-" and "the then" mark a past role
        return i >= 0 and doc[i].lower_ in self.former

    def _premods(
        self, doc: Doc, t: Span, ent_at: dict, province: str | None, agency_count: Counter
    ) -> tuple[str | None, int]:
        """Organisation named before a title ("FIA DG", "Interior Minister", "Federal Investigation
        Agency (FIA) Director General", "Khyber Pakhtunkhwa Inspector General"): (org, start)."""
        j = t.start - 1
        tid = t.ent_id_
        if j >= 2 and doc[j].text == ")" and doc[j - 2].text == "(":
            inner = ent_at.get(j - 1)
            if inner is not None and inner.label_ == "AGENCY":
                return inner.ent_id_ or inner.text, inner.start - 1
            j -= 3
        if j < 0:
            return None, t.start
        e = ent_at.get(j)
        if e is not None and e.label_ == "AGENCY":
            return e.ent_id_ or e.text, e.start
        pf = self._portfolio_ending(doc, j + 1, tid)
        if pf:
            k = pf[0] - 1
            if k >= 0 and doc[k].text in _POSS:
                k -= 1
            if k >= 0 and doc[k].ent_type_ in ("NORP", "GPE") and doc[k].lower_ not in self.home:
                return "", pf[0]  # a foreign government's minister: no Pakistani ministry
            return self._org_name(pf[1], province), pf[0]
        if doc[j].text in _POSS and j >= 1:
            # "the agency's Director General", "commission's chief executive officer"
            word = doc[j - 1].lower_
            if word in self.org_words:
                for k in range(j - 2, -1, -1):
                    x = ent_at.get(k)
                    if x is not None and x.label_ == "AGENCY" and word in (x.ent_id_ or x.text).lower():
                        return x.ent_id_ or x.text, j - 1
                if agency_count:
                    return agency_count.most_common(1)[0][0], j - 1
        prov = self.province_of.get(doc[j].lower_) or (
            self.province_of.get(doc[j - 1 : j + 1].text.lower()) if j >= 1 else None
        )
        if prov and self.title_info.get(tid, {}).get("org_kind") == "police":
            return self.police_of.get(prov), j
        return None, t.start

    def _post(
        self, doc: Doc, t_end: int, ent_at: dict, province: str | None, tid: str
    ) -> tuple[str | None, int]:
        """Organisation right after a title ("director general of the FIA", "Minister for Interior",
        "Joint Secretary at the Ministry of ...", "Additional Director General (Immigration), FIA")."""
        i = t_end
        steps = 0
        while i < len(doc) and steps < 6:
            tok = doc[i]
            e = ent_at.get(i)
            if e is not None and e.label_ == "AGENCY":
                return e.ent_id_ or e.text, e.end
            pf = (
                self._portfolio_starting(doc, i, tid)
                if (i > t_end and doc[i - 1].lower_ in ("for", "of")) or i == t_end
                else None
            )
            if pf:
                return self._org_name(pf[1], province), pf[0]
            if e is not None and e.label_ == "ORG":
                return e.text, e.end
            if tok.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
                i += 3  # "director general (DG) of the NCCIA"
                steps += 1
                continue
            if (
                tok.lower_ in _LINKS
                or tok.text in ("(", ")", ",")
                or (tok.lower_ in self.not_names and tok.is_title)
            ):
                i += 1
                steps += 1
                continue
            break
        return None, t_end

    def _org_name(self, org: str, province: str | None) -> str | None:
        if "{province}" in org:
            return org.replace("{province}", province) if province else None
        return org

    def _title_before(self, doc: Doc, span: Span, ent_at: dict) -> Span | None:
        """The title a name follows: skips honorifics, a comma, an agency, portfolio, wing words."""
        i = span.start - 1
        steps = 0
        while i >= 0 and steps < 8:
            tok = doc[i]
            e = ent_at.get(i)
            pf = self._portfolio_ending(doc, i + 1)
            if e is not None and e.label_ == "TITLE" and pf and pf[0] < e.start:
                i = pf[0] - 1  # "Minister for Law and Justice X": "Justice" is the portfolio's
                steps += 1
                continue
            if e is not None and e.label_ == "TITLE":
                # "Inspector General of Police (IGP) Akhtar Hayat": the long form before the acronym
                if (
                    e.start >= 2
                    and doc[e.start - 1].text == "("
                    and i + 1 < len(doc)
                    and doc[e.end].text == ")"
                ):
                    outer = ent_at.get(e.start - 2)
                    if outer is not None and outer.label_ == "TITLE":
                        return outer
                return e
            if e is not None and e.label_ in ("AGENCY", "ORG"):
                i = e.start - 1
            elif (
                e is not None
                and e.label_ == "GPE"
                and e.ent_id_
                and e.start >= 1
                and doc[e.start - 1].lower_ in ("in", "to")
            ):
                i = e.start - 2  # "Representative in Pakistan X"
            elif self._is_honorific(tok) or tok.text in (",", "(", ")") or tok.lower_ in ("for", "of", "the"):
                i -= 1
            elif tok.is_title and (tok.lower_ in self.not_names or tok.lower_ in self.places):
                i -= 1
            else:
                pf = self._portfolio_ending(doc, i + 1)
                if not pf:
                    return None
                i = pf[0] - 1
            steps += 1
        return None

    def _role(self, doc: Doc, span: Span, ent_at: dict, province: str | None, agency_count: Counter):
        """(title, organisation, strength) for one name mention, or None."""
        sent = span.sent
        found: list[tuple[str, str | None, int, Span | None]] = []
        # appointment: "... has been appointed (as) the director general (DG) of the NCCIA"
        k = span.end
        while k < sent.end - 1:
            if k in ent_at and ent_at[k].label_ == "PERSON":
                break
            cue = next((c for c in self.appointed if tuple(t.lower_ for t in doc[k : k + len(c)]) == c), None)
            if cue:
                m = k + len(cue)
                while (
                    m < sent.end
                    and doc[m].lower_ in {"as", "the", "a", "an", "new", "its", "acting"} | self.former
                ):
                    m += 1
                e = ent_at.get(m) or self._cased_title_at(doc, m)
                tid = e.ent_id_ or e.id_ if e is not None else ""  # a span of our own has only id_
                if e is not None and e.label_ == "TITLE" and not self.title_info.get(tid, {}).get("weak"):
                    org, _ = self._post(doc, e.end, ent_at, province, tid)
                    if org is None and doc[m - 1].lower_ in ("its", "their"):
                        # "has been appointed its coordinator": the body named last before it
                        org = next(
                            (
                                x.ent_id_ or x.text
                                for x in reversed(sent.ents)
                                if x.label_ == "AGENCY" and x.end <= m
                            ),
                            None,
                        )
                    found.append((tid, org, APPOINTED, e))
                    break
            k += 1
        if not found and span.end + 1 < len(doc) and doc[span.end].lower_ == "as":
            m = span.end + 1
            while m < sent.end and doc[m].lower_ in ("the", "a", "an", "new", "acting"):
                m += 1
            e = ent_at.get(m)
            if e is not None and e.label_ == "TITLE":
                org, _ = self._post(doc, e.end, ent_at, province, e.ent_id_)
                found.append((e.ent_id_, org, APPOINTED, e))
        # premodifier title
        t = self._title_before(doc, span, ent_at)
        k = t.start - 1 if t is not None else -1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if (
            k >= 1
            and doc[k].lower_ == "to"
            and (k - 1) in ent_at
            and ent_at[k - 1].label_ == "TITLE"
            and doc[ent_at[k - 1].start].is_title
        ):
            # "Advisor to PM Rana Sanaullah": an adviser, not the prime minister; but "served as
            # spokesperson to President Asif Ali Zardari": the name is the president's
            t = ent_at[k - 1]
        while t is not None:
            pstart = self._premods(doc, t, ent_at, province, agency_count)[1]
            if self._is_former(doc, t.start - 1) or self._is_former(doc, pstart - 1):
                # "chairman and former Inspector General of Police X": the earlier, current title;
                # "former interior minister X", "then-local government minister X": a past role
                j = t.start - 2
                prev = ent_at.get(j - 1) if j >= 0 and doc[j].lower_ == "and" else None
                t = prev if prev is not None and prev.label_ == "TITLE" else None
                continue
            org, pstart = self._premods(doc, t, ent_at, province, agency_count)
            # "Deputy Prime Minister and Foreign Minister X": the first-listed role; "Director
            # General ISSI Ambassador X": a weak title yields to a title just before it
            j = pstart - 1
            while (
                j >= 0
                and (
                    doc[j].is_upper
                    and doc[j].is_alpha
                    or (j in ent_at and ent_at[j].label_ in ("AGENCY", "ORG"))
                )
                and self.title_info.get(t.ent_id_, {}).get("weak")
            ):
                j = ent_at[j].start - 1 if j in ent_at else j - 1
            earlier = None
            if j >= 1 and doc[j].lower_ == "and" and not self._is_former(doc, j - 1):
                earlier = ent_at.get(j - 1)
            elif j >= 0 and self.title_info.get(t.ent_id_, {}).get("weak"):
                earlier = ent_at.get(j)
            if (
                earlier is not None
                and earlier.label_ == "TITLE"
                and not self._is_former(doc, earlier.start - 1)
            ):
                t = earlier
                org, pstart = self._premods(doc, t, ent_at, province, agency_count)
                if org is None:
                    org, _ = self._post(doc, t.end, ent_at, province, t.ent_id_)
            if org is None:
                org = self._between(doc, t.end, span.start, ent_at, province, t.ent_id_)
            if org is None and span.end < len(doc) and doc[span.end].lower_ in ("of", "at", "from"):
                org, _ = self._post(doc, span.end, ent_at, province, t.ent_id_)
            strength = WEAK if self.title_info.get(t.ent_id_, {}).get("weak") else TITLE
            found.append((t.ent_id_, org, strength, t))
            break
        # a name in a list under a title: "sub-inspectors A, B and C" (A has the title just before)
        listed = next(
            (self._list_title[k] for k in range(span.start, span.end) if k in self._list_title), None
        )
        if not found and listed is not None:
            org, _ = self._premods(doc, listed, ent_at, province, agency_count)
            found.append(
                (
                    listed.ent_id_,
                    org,
                    WEAK if self.title_info.get(listed.ent_id_, {}).get("weak") else TITLE,
                    listed,
                )
            )
        # apposition: NAME, [the|a] [org] TITLE [of|at ...] ORG
        app = self._apposition(doc, span, ent_at, province, agency_count, self._person_tokens)
        if app is not None:
            found.append(app)
        # chair: "led by X", "under the chairmanship of X"
        chair = self._chair(doc, span, ent_at)
        if not found and chair is None:
            return None
        if not found:
            return chair[0], chair[1], CHAIR
        title, org, strength, tspan = max(found, key=lambda f: f[2])
        if strength <= WEAK and chair is not None:
            return chair[0], chair[1], CHAIR
        if org is None:
            org = self._fallback_org(doc, span, tspan, title, ent_at, chair, agency_count, province)
        info = self.title_info.get(title, {})
        if info.get("no_org") or not org:
            org = None
        return title, org, strength

    def _between(self, doc, start, end, ent_at, province, tid) -> str | None:
        """An agency or portfolio between a title and the name ("DG FIA Mr. X", "DG Passport X")."""
        for label in ("AGENCY", "ORG"):
            for i in range(start, end):
                e = ent_at.get(i)
                if e is not None and e.label_ == label:
                    return e.ent_id_ or e.text
        for i in range(start, end):
            pf = self._portfolio_starting(doc, i, tid)
            if pf and pf[0] <= end:
                return self._org_name(pf[1], province)
        return None

    def _apposition(self, doc, span, ent_at, province, agency_count, person_tokens=frozenset()):
        i = span.end
        if i >= len(doc):
            return None
        comma = doc[i].text == ","
        if comma:
            i += 1
        elif not (i in ent_at and ent_at[i].label_ == "TITLE" and doc[i].is_title):
            return None
        former = False
        org_before = None
        steps = 0
        while i < len(doc) and steps < 5:
            tok = doc[i]
            e = ent_at.get(i)
            if e is not None and e.label_ == "TITLE":
                break
            if tok.lower_ in _DETS or tok.lower_ in ("current", "currently", "newly", "appointed", "also"):
                i += 1
            elif tok.lower_ in self.former:
                former = True
                i += 1
            elif e is not None and e.label_ == "AGENCY":
                org_before = e.ent_id_ or e.text
                i = e.end
            else:
                pf = self._portfolio_starting(doc, i)
                if not pf:
                    return None
                org_before = self._org_name(pf[1], province)
                i = pf[0]
            steps += 1
        e = ent_at.get(i)
        if e is None or e.label_ != "TITLE" or former:
            return None
        # "chaired by Tariq Fazal Chaudhry, Passports Director General Mustafa Qazi": the next name's title
        k = e.end
        while (
            k < len(doc)
            and k - e.end < 4
            and (
                self._is_honorific(doc[k])
                or (k in ent_at and ent_at[k].label_ == "AGENCY")
                or doc[k].text == ","
            )
        ):
            k += 1
        if k < len(doc) and k in person_tokens:
            return None
        # "Farrukh Abbas and Muhammad Azam Cheema, the spokesman said": a new subject, not apposition
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= e.end for t in e) and doc[e.end].pos_ in (
            "VERB",
            "AUX",
        ):
            return None
        org = org_before
        if org is None:
            if self._portfolio_ending(doc, e.start, e.ent_id_):
                org = self._org_name(self._portfolio_ending(doc, e.start, e.ent_id_)[1], province)
            else:
                org, end = self._post(doc, e.end, ent_at, province, e.ent_id_)
                if org is None and doc[end : end + 1].text.lower() == "and":
                    # "Project Manager and Officer in Charge ICMPD"
                    nxt = ent_at.get(end + 1)
                    if nxt is not None and nxt.label_ == "TITLE":
                        org, _ = self._post(doc, nxt.end, ent_at, province, nxt.ent_id_)
        if org is None:
            # "A, Director General (IC), and B, Director (IC), MoHR": the body closes both appositions
            k = (
                e.end + 3
                if e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")"
                else e.end
            )
            if doc[k : k + 2].text.lower().replace(" ", "") == ",and" and k + 2 in person_tokens:
                j = k + 2
                while j in person_tokens:
                    j += 1
                nxt = self._apposition(
                    doc, Span(doc, k + 2, j), ent_at, province, agency_count, person_tokens
                )
                org = nxt[1] if nxt is not None else None
        strength = WEAK if self.title_info.get(e.ent_id_, {}).get("weak") else TITLE
        return e.ent_id_, org, strength, e

    def _chair(self, doc, span, ent_at) -> tuple[str, str | None] | None:
        """(title, body) when the name chairs a meeting: "led by X", "with Senator X in the chair";
        the body is the agency named last before the cue in the sentence."""
        i = span.start - 1
        while i >= 0 and (
            self._is_honorific(doc[i])
            or (i in ent_at and ent_at[i].label_ == "TITLE")
            or (
                doc[i].lower_ in ("its", "the", "their")
                and i + 1 in ent_at
                and ent_at[i + 1].label_ == "TITLE"
            )
        ):
            # "presided over by its chairperson X"
            i = ent_at[i].start - 1 if i in ent_at and ent_at[i].label_ == "TITLE" else i - 1
        cues = [(i + 1 - len(toks), toks, title) for toks, title in self.chairs]
        cues += [
            (span.start, toks, title)
            for toks, title in self.chairs_after
            if tuple(t.lower_ for t in doc[span.end : span.end + len(toks)]) == toks
        ]
        for start, toks, title in cues:
            if start >= 0 and (start == span.start or tuple(t.lower_ for t in doc[start : i + 1]) == toks):
                sent = span.sent
                org = None
                k = start - 1 if start > 0 and doc[start - 1].text != "," else start - 2
                if k >= sent.start and doc[k].lower_ in self.chaired and k not in ent_at:
                    k = sent.start - 1  # "X informed the committee, chaired by Y": not X's agency
                for k in range(k, sent.start - 1, -1):  # noqa: B020
                    e = ent_at.get(k)
                    if e is not None and e.label_ == "AGENCY":
                        org = e.ent_id_ or e.text
                        break
                if org is None:
                    # "The meeting, presided over by X" / "The body, …": the legislative body the
                    # story named last (meetings chaired in these stories are committee meetings)
                    kinds = doc.user_data.get(AGENCY_INFO, {})
                    before = [
                        e
                        for e in doc.ents
                        if e.label_ == "AGENCY"
                        and e.end <= sent.start
                        and kinds.get(e.ent_id_ or e.text, {}).get("kind") == "legislature"
                    ]
                    if before:
                        org = before[-1].ent_id_ or before[-1].text
                return title, org
        return None

    def _fallback_org(
        self, doc, span, tspan, title, ent_at, chair, agency_count, province=None
    ) -> str | None:
        info = self.title_info.get(title, {})
        if info.get("no_org"):
            return None
        if info.get("organisation"):
            return info["organisation"]
        if chair is not None and chair[1]:
            return chair[1]
        kind = info.get("org_kind")
        if kind:
            agencies = self._doc_agencies(doc, ent_at)
            if kind == "police" and tspan is not None:
                # "Faisalabad City Police Officer X": the place's province's police
                for k in range(max(tspan.start - 3, 0), tspan.start):
                    prov = self.province_of.get(doc[k].lower_) or self.place_of.get(doc[k].lower_)
                    if prov and self.police_of.get(prov):
                        return self.police_of[prov]
                for k in range(tspan.end, min(tspan.end + 8, len(doc))):
                    prov = self.province_of.get(doc[k].lower_) or (
                        self.province_of.get(doc[k : k + 2].text.lower())
                    )
                    if prov and self.police_of.get(prov):
                        return self.police_of[prov]
                sent = tspan.sent
                for e in doc.ents:
                    if (
                        e.label_ == "AGENCY"
                        and sent.start <= e.start < sent.end
                        and any(n == (e.ent_id_ or e.text) and k == "police" for n, k in agencies)
                    ):
                        return e.ent_id_ or e.text
                if province and self.police_of.get(province):
                    return self.police_of[province]
            for name, k in agencies:
                if k == kind:
                    return name
            return None
        if tspan is not None:
            # the body named just before the title ("Speaking on behalf of IOM, Chief of Mission X")
            k = tspan.start - 1
            while k >= max(tspan.sent.start, tspan.start - 5) and (
                doc[k].is_punct or doc[k].lower_ in ("of", "on", "behalf", "the", "from")
            ):
                k -= 1
            e = ent_at.get(k)
            if e is not None and e.label_ == "AGENCY":
                return e.ent_id_ or e.text
            # the head of a body, in a document that names only that body, in the title's sentence
            only = next(iter(agency_count)) if len(agency_count) == 1 else None
            if info.get("body_head") and only and any((e.ent_id_ or e.text) == only for e in tspan.sent.ents):
                return only
            # "Director Gujranwala Zone X": a sub-unit of the document's main agency
            if any(doc[k].lower_ in self.not_names for k in range(tspan.end, span.start)) and agency_count:
                return agency_count.most_common(1)[0][0]
            listed = span.start in self._list_title  # list members sit apart from their title
            around = ([] if listed else list(doc[tspan.end : span.start])) + (
                [doc[tspan.start - 1]] if tspan.start > 0 and not doc[tspan.start].is_sent_start else []
            )
            named = any(
                (t.is_title or t.is_upper)
                and t.is_alpha
                and not t.is_stop
                and not self._is_honorific(t)
                and t.i not in self._person_tokens
                for t in around
            )
            if info.get("staff") and not named:
                # not when a body we do not know is named at the title ("Chairman Pakistan Peoples
                # Party X", "PPP Chairman X": a party is no agency, and its chairman not the committee's)
                return self._staff_org(doc, tspan, agency_count, info["staff"], province)
        return None

    def _staff_org(
        self, doc: Doc, tspan: Span, agency_count: Counter, staff: bool | str, province: str | None = None
    ) -> str | None:
        """The body of a staff grade named without one ("The FIA raiding team was headed by ...
        with sub-inspectors A and B"; "The deputy directors are A and B" in an FIA story): the
        body named last before the title in its sentence; else, for ranks that police and the FIA
        share, the document's police force, or the province's when the sentence is about police
        ("SHO X, DSP Y, Inspector Z"); else the document's most mentioned body.
        ``staff`` true: an executive body (legislatures and courts hold hearings about staff, they
        do not employ them); a kind ("legislature" for members): a body of that kind."""
        kinds = doc.user_data.get(AGENCY_INFO, {})

        def employer(name: str) -> bool:
            kind = kinds.get(name, {}).get("kind")
            return kind == staff if isinstance(staff, str) else kind not in ("legislature", "court")

        sent = tspan.sent
        for e in reversed(sent.ents):
            if e.label_ == "AGENCY" and e.end <= tspan.start and employer(e.ent_id_ or e.text):
                return e.ent_id_ or e.text
        if staff is True:
            police = next(
                (n for n, _ in agency_count.most_common() if kinds.get(n, {}).get("kind") == "police"), None
            )
            if police:
                return police
            about_police = any(t.lower_ in ("police", "policemen", "policeman") for t in sent) or any(
                e.label_ == "TITLE" and self.title_info.get(e.ent_id_, {}).get("org_kind") == "police"
                for e in sent.ents
            )
            if about_police and province and self.police_of.get(province):
                return self.police_of[province]
        return next((name for name, _ in agency_count.most_common() if employer(name)), None)

    def _doc_agencies(self, doc, ent_at) -> list[tuple[str, str]]:
        info = doc.user_data.get(AGENCY_INFO, {})
        seen: list[tuple[str, str]] = []
        for e in doc.ents:
            if e.label_ == "AGENCY":
                name = e.ent_id_ or e.text
                if all(name != s for s, _ in seen):
                    seen.append((name, info.get(name, {}).get("kind", "other")))
        return seen

    # -- references -------------------------------------------------------------------------------
    def _pronouns(self, doc: Doc, person_at: dict[int, str]) -> dict[int, str]:
        out: dict[int, str] = {}
        last = None
        for tok in doc:
            if tok.i in person_at:
                last = person_at[tok.i]
            elif tok.lower_ in _PRONOUNS and last is not None:
                out[tok.i] = last
        return out

    def _role_refs(self, doc: Doc, people: dict, person_at: dict[int, str]) -> dict[int, str]:
        holders: dict[str, list[str]] = {}
        for key, p in people.items():
            if p["title"]:
                holders.setdefault(p["title"], []).append(key)
        out: dict[int, str] = {}
        for e in doc.ents:
            if e.label_ != "TITLE" or e.start == 0 or any(i in person_at for i in range(e.start, e.end)):
                continue
            j = e.start - 1
            while j >= 0 and (
                doc[j].is_title
                and not doc[j].is_sent_start
                and doc[j].lower_ not in _DETS
                or doc[j].lower_ == "federal"
            ):
                j -= 1  # "the Passports DG", "the interior minister", "the federal minister"
            if j < 0 or doc[j].lower_ != "the":
                continue
            nxt = doc[e.end] if e.end < len(doc) else None
            if nxt is not None and nxt.is_title and nxt.is_alpha and not nxt.is_sent_start:
                continue  # a name follows: not a bare reference
            keys = holders.get(e.ent_id_, [])
            if len(keys) == 1:
                for i in range(j, e.end):
                    out[i] = keys[0]
        return out

    def _unnamed(self, doc: Doc, person_at: dict[int, str]) -> tuple[list[dict], dict[int, str]]:
        found: list[dict] = []
        at: dict[int, str] = {}
        by_head: dict[str, dict] = {}
        for tok in doc:
            if tok.lower_ not in self.unnamed_heads or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            left, right = tok.left_edge.i, tok.i + 1
            # "A spokesman for FIA": keep a following "for/of/from/in" + agency phrase
            for child in tok.rights:
                if child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "in", "at"):
                    right = child.right_edge.i + 1
            if any(i in person_at for i in range(left, right)) or right - left > 10:
                continue
            phrase = doc[left:right]
            org = next((e.ent_id_ or e.text for e in phrase.ents if e.label_ == "AGENCY"), None)
            definite = doc[left].lower_ == "the" and right - left <= 3 and org is None
            head = tok.lemma_.lower()
            if definite and head in by_head:
                desc = by_head[head]["text"]
            else:
                rec = {"text": phrase.text, "head": head, "organisation": org, "start": left, "end": right}
                found.append(rec)
                by_head.setdefault(head, rec)
                desc = rec["text"]
            for i in range(left, right):
                at[i] = desc
        return found, at


@Language.factory(
    "tipwatch_officials_v1",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={
        "titles": None,
        "portfolios": None,
        "role_cues": None,
        "not_names": None,
        "unnamed_heads": None,
        "provinces": None,
        "places": None,
        "org_keywords": None,
        "name_particles": None,
    },
)
def make_official_linker(
    nlp: Language,
    name: str,
    honorifics: str,
    titles: str | None,
    portfolios: str | None,
    role_cues: str | None,
    not_names: str | None,
    unnamed_heads: str | None,
    provinces: str | None,
    places: str | None,
    org_keywords: str | None,
    name_particles: str | None,
) -> OfficialLinker:
    return OfficialLinker(
        nlp,
        name,
        honorifics=honorifics,
        titles=titles,
        portfolios=portfolios,
        role_cues=role_cues,
        not_names=not_names,
        unnamed_heads=unnamed_heads,
        provinces=provinces,
        places=places,
        org_keywords=org_keywords,
        name_particles=name_particles,
    )
