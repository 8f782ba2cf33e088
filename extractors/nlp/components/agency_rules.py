"""Domain rules for AGENCY mentions, on top of the gazetteer match (all data in ``models/``).

:meth:`AgencyRules.resolve` takes the document's entities after the span ruler and returns them
with these rules applied, in this order, plus what is known of the agencies the rules named
that the gazetteer does not list (canonical name -> acronym, kind, country):

1. :meth:`~AgencyRules.committees`: a parliamentary committee named in full ("National Assembly
   Standing Committee on Government Assurances") is an agency of kind legislature, in the
   gazetteer or not (``agency_context.csv``: houses and committee types);
2. per agency mention (:meth:`~AgencyRules._mention`): a name inside a law's title ("Pakistan
   Coast Guards (Amendment) Bill") is not a mention, nor is a government's seat standing for the
   office or the place ("the race for the White House": :meth:`~AgencyRules.seat_as_office`); a provincial department named by its
   domain ("the home department") is "<Province> Home Department" when the province is known and
   the reference definite, and so is each department listed with it ("the Auqaf, Trust, and
   Cooperative departments"); a generic reference resolves to the specific body the document
   names ("the Rangers" in a story about "Pakistan Rangers Sindh");
3. :meth:`~AgencyRules.listed_ministries`: coordinated ministries ("the foreign and IT
   ministries") are each the gazetteer's ministry;
4. :meth:`~AgencyRules.local_police`: "<Place> police" ("Memon Goth police") is the province's
   police force (``local_police.csv``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import read_lines, split_aliases
from extractors.nlp.components.provinces import Provinces
from extractors.nlp.components.rule_files import rows, token_pattern

# Pattern ids of the matches these rules resolve: a department named by its domain, a generic
# reference that is not itself a gazetteer agency.
DEPT = "DEPT:"
GENERIC = "GENERIC:"
# Words that join the parts of a committee's subject ("Information, Broadcasting and National
# Heritage", "Gilgit-Baltistan", "Problems of Less Developed Areas").
_SUBJECT_JOINS = ("and", "&", ",", "-", "of")


def _new_agency(extra: dict, name: str, kind: str, country: str = "Pakistan") -> None:
    extra.setdefault(name, {"acronym": None, "kind": kind, "country": country})


def _subject_word(tok) -> bool:
    """A word of a committee's subject before "committee": a word that is no stop word, or a join."""
    return tok.lower_ != "committee" and (tok.lower_ in _SUBJECT_JOINS or (tok.is_alpha and not tok.is_stop))


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


class AgencyRules:
    def __init__(
        self,
        nlp: Language,
        *,
        provinces: Provinces,
        agencies: set[str],
        agency_form: dict[str, str],
        departments: str | None = None,
        generic_agencies: str | None = None,
        agency_context: str | None = None,
        local_police: str | None = None,
        indefinite: str | None = None,
        parties: set[str] | None = None,
    ):
        """``agencies``: the gazetteer's canonical names; ``agency_form``: its lower-case names,
        aliases and acronyms -> canonical name; ``parties``: the names of kind party. The other
        arguments name rule files."""
        self.provinces = provinces
        self.parties = parties or set()
        self.agency_form = agency_form
        self.patterns: list[dict] = []  # the ruler's DEPT: and GENERIC: patterns
        self.dept_alias: dict[str, str] = {}  # lower-case department name or alias -> department
        for row in rows(departments) if departments else []:
            for form in [row["department"], *split_aliases(row["aliases"])]:
                self.dept_alias[form.lower()] = row["department"]
                pattern = token_pattern(nlp, form.lower())
                self.patterns.append({"label": "AGENCY", "id": DEPT + row["department"], "pattern": pattern})
        self.generics: dict[str, list[str]] = {}  # generic reference -> its specifics
        for row in rows(generic_agencies) if generic_agencies else []:
            self.generics[row["generic"]] = split_aliases(row["specifics"])
            if row["generic"] not in agencies:
                pattern = token_pattern(nlp, row["generic"])
                self.patterns.append({"label": "AGENCY", "id": GENERIC + row["generic"], "pattern": pattern})
        self._read_context(nlp, rows(agency_context) if agency_context else [])
        self.police_next = {
            r["word"].lower(): r["effect"] for r in (rows(local_police) if local_police else [])
        }
        self.indefinite = {w.lower() for w in read_lines(indefinite)} if indefinite else set()

    def _read_context(self, nlp: Language, context: list[dict]) -> None:
        """``agency_context.csv``: the words of a law's title (``drop``), the houses of parliament
        with their canonical names (``house``) and the committee types (``committee_type``)."""
        self.law_words = [
            tuple(t.lower_ for t in nlp.make_doc(r["phrase"])) for r in context if r["effect"] == "drop"
        ]
        self.houses = [
            (tuple(t.text for t in nlp.make_doc(r["phrase"])), r["name"] or r["phrase"])
            for r in context
            if r["effect"] == "house"
        ]
        self.house_starts = {words[0] for words, _ in self.houses if words}
        self.committee_types = {r["phrase"] for r in context if r["effect"] == "committee_type"}
        self.subject_houses = {r["phrase"]: r["name"] for r in context if r["effect"] == "subject_house"}
        self.not_party_next = {r["phrase"].lower() for r in context if r["effect"] == "not_party"}
        self.seats = {r["phrase"] for r in context if r["effect"] == "seat"}
        self.seat_before = [
            tuple(t.lower_ for t in nlp.make_doc(r["phrase"]))
            for r in context
            if r["effect"] == "seat_before"
        ]
        self.seat_after = {r["phrase"].lower() for r in context if r["effect"] == "seat_after"}
        self.party_next = {r["phrase"].lower() for r in context if r["effect"] == "party"}

    def resolve(self, doc: Doc, province: str | None) -> tuple[list[Span], dict[str, dict]]:
        """``doc.ents`` with the rules applied in the module's order, and the agencies they named
        that the gazetteer does not list."""
        extra: dict[str, dict] = {}
        ents = self.committees(doc, list(doc.ents), extra)
        present = {
            e.ent_id_ for e in ents if e.label_ == "AGENCY" and not e.ent_id_.startswith((DEPT, GENERIC))
        }
        out: list[Span] = []
        listed: list[Span] = []
        for e in ents:
            kept, more = self._mention(doc, e, present, province, extra)
            out.extend(kept)
            listed.extend(more)
        listed.extend(self.listed_ministries(doc, out))
        if listed:  # a listed department outranks the model's guess ("Auqaf" as PERSON)
            out = [e for e in out if not any(_overlaps(x, e) for x in listed)] + listed
        out = self.local_police(doc, out, province, extra)
        return sorted(filter_spans(out), key=lambda s: s.start), extra

    # -- 1. committees ----------------------------------------------------------------------------
    def committees(self, doc: Doc, ents: list[Span], extra: dict) -> list[Span]:
        """Parliamentary committees named in full ("National Assembly Standing Committee on
        Government Assurances", "NA Standing Committee on Information Technology and Telecom") are
        agencies of kind legislature with the house written out; a longer committee name replaces
        a gazetteer match inside it ("Senate")."""
        # the subject ends where a title or a name begins ("… on Interior Chairman Faisal Saleem",
        # "… on Defence Thursday")
        stop = {
            i for e in ents if e.label_ in ("TITLE", "PERSON", "DATE", "TIME") for i in range(e.start, e.end)
        }
        found = []
        for i in range(len(doc)):
            span = self._committee_at(doc, i, stop)
            if span is not None:
                _new_agency(extra, span.id_, "legislature")
                found.append(span)
            elif (span := self._subject_committee_at(doc, i)) is not None:
                _new_agency(extra, span.id_, "legislature", self.subject_houses[doc[i].text])
                found.append(span)
        return _with_committees(ents, found) if found else ents

    def _committee_at(self, doc: Doc, i: int, stop: set[int]) -> Span | None:
        """The committee whose name starts at token ``i``: a house ("National Assembly", "NA",
        "Senate"), an optional committee type ("Standing"), "Committee on|for" and a subject in
        title case ("Information, Broadcasting and National Heritage")."""
        n = len(doc)
        if doc[i].text not in self.house_starts:  # most tokens: no house of parliament starts here
            return None
        for words, house in self.houses:
            j = i + len(words)
            if tuple(t.text for t in doc[i:j]) != words:
                continue
            kind = doc[j].text if j < n and doc[j].text in self.committee_types else None
            k = j + (kind is not None)
            if not (k + 2 < n and doc[k].text == "Committee" and doc[k + 1].lower_ in ("on", "for")):
                continue
            end = _subject_end(doc, k + 2, stop)
            if end == k + 2:
                continue
            subject = doc[k + 2 : end].text
            name = " ".join(filter(None, (house, kind, "Committee", doc[k + 1].lower_, subject)))
            return Span(doc, i, end, label="AGENCY", span_id=name)
        return None

    def _subject_committee_at(self, doc: Doc, i: int) -> Span | None:
        """The committee named by its subject after a house (``subject_house``: "the Commons trade
        committee", "the Commons work and pensions select committee" -> "Work and Pensions
        Committee"): up to five words, in any case, joined by ``_SUBJECT_JOINS``, an optional
        committee type and "committee"; None for a house with no subject ("a Commons select
        committee") or words that are no subject ("the Commons has approved the committee")."""
        if doc[i].text not in self.subject_houses:
            return None
        types = {t.lower() for t in self.committee_types}
        k, words = i + 1, []
        while k < len(doc) and k - i <= 6 and _subject_word(doc[k]):
            words.append(doc[k])
            k += 1
        while words and words[-1].lower_ in types:
            words.pop()
        if not (k < len(doc) and doc[k].lower_ == "committee" and words) or words[0].lower_ in _SUBJECT_JOINS:
            return None
        if any(t.lower_ in types for t in words) or words[-1].lower_ in _SUBJECT_JOINS:
            return None
        subject = " ".join(
            t.lower_ if t.lower_ in _SUBJECT_JOINS else t.text[:1].upper() + t.text[1:] for t in words
        )
        return Span(doc, i, k + 1, label="AGENCY", span_id=f"{subject} Committee")

    # -- 2. one mention at a time -----------------------------------------------------------------
    def _mention(
        self, doc: Doc, e: Span, present: set[str], province: str | None, extra: dict
    ) -> tuple[list[Span], list[Span]]:
        """What one entity becomes (none, itself or a resolved agency) and the departments listed
        with it. Rules in order: law title, provincial department, generic reference."""
        if e.label_ != "AGENCY":
            return [e], []
        if self.in_law_title(doc, e) or self.not_party(doc, e) or self.seat_as_office(doc, e):
            return [], []
        if e.ent_id_.startswith(DEPT):
            span = self.department(doc, e, province, extra)
            if span is None:
                return [], []
            return [span], self.listed_departments(doc, span, province, extra)
        return self.generic(doc, e, present, province), []

    def in_law_title(self, doc: Doc, e: Span) -> bool:
        """A name followed by a law's title words is part of the law's title, not a mention of the
        body ("Pakistan Coast Guards (Amendment) Bill", "FIA Act")."""
        nxt = tuple(t.lower_ for t in doc[e.end : e.end + 4])
        return any(nxt[: len(w)] == w for w in self.law_words)

    def seat_as_office(self, doc: Doc, e: Span) -> bool:
        """A government named by its seat (``seat`` in ``agency_context.csv``: "the White House",
        "Downing Street") standing for the office or the place, not the body acting or acted on:
        after words that make it a prize or a place ("the race for the White House", "since
        leaving Downing Street", "a party at the White House": ``seat_before``) or before a word
        that makes it one's campaign or an event there ("his White House bid", "a White House
        reception": ``seat_after``)."""
        if e.text not in self.seats:
            return False
        nxt = doc[e.end].lower_ if e.end < len(doc) else ""
        if nxt in self.seat_after:
            return True
        before = tuple(t.lower_ for t in doc[max(0, e.start - 3) : e.start])
        return any(len(w) <= len(before) and before[len(before) - len(w) :] == w for w in self.seat_before)

    def not_party(self, doc: Doc, e: Span) -> bool:
        """A party's one-word name used for something else: before a word that makes it a
        portfolio or a body ("Labour Department", "Labour Court": ``not_party`` in
        ``agency_context.csv``), opening a sentence as a common word ("Labour rights activists"),
        in a list of other capitalised words or inside a longer name ("Gujranwala Brick Kiln Labour
        Watch"), after "of"/"for" ("Ministry of Labour") or in a list of portfolios ("Ministries
        of Justice, Labour and Social Affairs")."""
        if e.ent_id_ not in self.parties or len(e) != 1:
            return False
        nxt = doc[e.end] if e.end < len(doc) else None
        if nxt is not None and nxt.lower_ in self.not_party_next:
            return True
        return (
            self._common_word_opening(e, nxt)
            or self._listed_with_others(doc, e)
            or _inside_name(doc, e)
            or _after_portfolio(doc, e)
        )

    def _common_word_opening(self, e: Span, nxt) -> bool:
        """A capitalised common word opening a sentence ("Labour rights activists", "Labour and
        industrial relations"), not the party acting ("Labour says", "Labour's plan") nor before a
        party role ("Labour leader Tony Blair", "Tory MPs": ``party`` in ``agency_context.csv``)."""
        return bool(
            e[0].is_sent_start
            and nxt is not None
            and nxt.is_alpha
            and nxt.is_lower
            and nxt.pos_ not in ("VERB", "AUX")
            and nxt.lower_ not in self.party_next
        )

    def _listed_with_others(self, doc: Doc, e: Span) -> bool:
        """Inside a comma list of capitalised words that are not parties ("the departments – Auqaf,
        Trust, Cooperatives, Labour, Police"), not in a list of parties ("Labour, the Tories") nor
        after a comma ("Ms Roche, Labour MP for Hornsey")."""
        if not (
            0 < e.start
            and e.end < len(doc)
            and doc[e.start - 1].text == ","
            and doc[e.end].lower_ in (",", "and", "&")
        ):
            return False
        for k in (e.start - 2, e.end + 1):
            comma = k + 1 if k < e.start else k - 1
            if 0 <= k < len(doc) and doc[comma].text == "," and doc[k].is_title and doc[k].is_alpha:
                if doc[k].ent_id_ not in self.parties:
                    return True
        return False

    def department(self, doc: Doc, e: Span, province: str | None, extra: dict) -> Span | None:
        """A department named by its domain is the named province's ("Sindh home department") or
        the document's ("the home department", "labour department" in a Lahore story -> Punjab
        Labour Department); None after an indefinite word ("respective home departments", "every
        department": ``indefinite.txt``) or when no province is known."""
        named, start = self.provinces.named_before(doc, e.start)
        if named is None and start > 0 and doc[start - 1].lower_ in self.indefinite:
            return None
        prov = named or province
        if not prov:
            return None
        name = f"{prov} {e.ent_id_[len(DEPT) :]}"
        _new_agency(extra, name, "government")
        return Span(doc, start, e.end, label="AGENCY", span_id=name)

    def listed_departments(self, doc: Doc, span: Span, province: str | None, extra: dict) -> list[Span]:
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
                _new_agency(extra, name, "government")
                out.append(Span(doc, i, i + 1, label="AGENCY", span_id=name))
            i -= 1
        return out

    def generic(self, doc: Doc, e: Span, present: set[str], province: str | None) -> list[Span]:
        """A generic reference is the specific body the document names ("the Rangers" in a story
        about "Pakistan Rangers Sindh"; "the Senate committee" -> the Senate standing committee
        named), else the specific of the document's province ("Pakistan Rangers" in a Sindh story
        -> Pakistan Rangers Sindh); a generic that is not itself a gazetteer agency ("NA panel") is
        dropped when nothing decides."""
        eid = e.ent_id_
        generic = eid[len(GENERIC) :] if eid.startswith(GENERIC) else eid
        if generic not in self.generics:
            return [e]
        target = self._specific(generic, present, province)
        if target is None and eid.startswith(GENERIC):
            return []
        return [Span(doc, e.start, e.end, label="AGENCY", span_id=target or eid)]

    def _specific(self, generic: str, present: set[str], province: str | None) -> str | None:
        """The first specific (``generic_agencies.csv``; a trailing '*' is a name prefix) the
        document names, else the one with the document's province in its name."""
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

    # -- 3. listed ministries ---------------------------------------------------------------------
    def listed_ministries(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "the interior and foreign affairs ministries", "the foreign and IT ministries": each
        listed domain whose "<domain> ministry" is a gazetteer name or alias."""
        taken = {i for e in ents if e.label_ == "AGENCY" for i in range(e.start, e.end)}
        out = []
        for tok in doc:
            if tok.lower_ not in ("ministries", "divisions") or tok.i in taken:
                continue
            word = "ministry" if tok.lower_ == "ministries" else "division"
            segments = _coordinated(doc, tok.i, taken)
            if len(segments) < 2:
                continue  # "the ministries", "federal ministries": no listed domains
            for start, stop in segments:
                name = self.agency_form.get(f"{doc[start:stop].text.lower()} {word}")
                if name:
                    out.append(Span(doc, start, stop, label="AGENCY", span_id=name))
        return out

    # -- 4. local police --------------------------------------------------------------------------
    def local_police(self, doc: Doc, ents: list[Span], province: str | None, extra: dict) -> list[Span]:
        """ "<Place> police" ("Memon Goth police", "Saddar police") -> the province's police
        force; not when the next word makes it a place ("police station", "police lines":
        ``local_police.csv``)."""
        police = self.provinces.police_of.get(province or "")
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
            start = _place_start(doc, tok.i, taken)
            if start == tok.i:
                continue
            _new_agency(extra, police, "police")
            added.append(Span(doc, start, tok.i + 1, label="AGENCY", span_id=police))
        kept = [e for e in ents if not any(_overlaps(a, e) for a in added)]
        return kept + added


def _inside_name(doc: Doc, e: Span) -> bool:
    """Between two capitalised words inside a sentence: part of a longer name ("Gujranwala Brick
    Kiln Labour Watch")."""
    if e.start == 0 or e.end >= len(doc):
        return False
    prev, nxt = doc[e.start - 1], doc[e.end]
    return not prev.is_sent_start and prev.is_title and prev.is_alpha and nxt.is_title and nxt.is_alpha


def _after_portfolio(doc: Doc, e: Span) -> bool:
    """After "of"/"for" following a capitalised word, directly or in a list ("Ministry of Labour",
    "Ministries of Justice, Labour and Social Affairs"); not "the votes of Labour MPs"."""
    i = e.start - 1
    while i >= 0 and e.start - i <= 8 and (doc[i].text in (",", "and", "&") or doc[i].is_title):
        i -= 1
    return i >= 1 and doc[i].lower_ in ("of", "for") and doc[i - 1].is_title


def _with_committees(ents: list[Span], found: list[Span]) -> list[Span]:
    """The entities with the committees found: a committee replaces what it overlaps ("Senate"
    inside "Senate Standing Committee on Interior") unless it lies inside a longer agency."""

    def inside(a: Span, b: Span) -> bool:
        return b.start <= a.start and a.end <= b.end

    kept = [
        e
        for e in ents
        if not any(_overlaps(f, e) for f in found)
        or (e.label_ == "AGENCY" and any(inside(f, e) for f in found))
    ]
    agencies = [e for e in kept if e.label_ == "AGENCY"]
    added = [f for f in found if not any(inside(f, e) for e in agencies)]
    return sorted(filter_spans(kept + added), key=lambda s: s.start)


def _subject_end(doc: Doc, m: int, stop: set[int]) -> int:
    """Where a committee's subject starting at token ``m`` ends: title-case or upper-case words,
    joined by ``_SUBJECT_JOINS`` before another such word, up to a title or a name (``stop``)."""
    n, end = len(doc), m
    while m < n and m not in stop:
        tok = doc[m]
        if tok.is_title or (tok.is_upper and tok.is_alpha):
            m += 1
            end = m
        elif (
            tok.lower_ in _SUBJECT_JOINS
            and m + 1 < n
            and (doc[m + 1].is_title or doc[m + 1].is_upper)
            and doc[m + 1].is_alpha
            and m + 1 not in stop
        ):
            m += 1
        else:
            break
    return end


def _coordinated(doc: Doc, head: int, taken: set[int]) -> list[tuple[int, int]]:
    """The coordinated domains before a plural head, as (start, end) token ranges, last first:
    "[interior] and [foreign affairs] ministries"; at most ten tokens back, stopping at a taken
    token, a non-word or a stop word ("IT" is not "it")."""
    segments, end, i = [], head, head - 1
    while i >= 0 and head - i <= 10 and i not in taken:
        if doc[i].text == "," or doc[i].lower_ == "and":
            if end > i + 1:
                segments.append((i + 1, end))
            end = i
        elif not doc[i].is_alpha or (doc[i].is_stop and not doc[i].is_upper):
            break
        i -= 1
    if end > i + 1:
        segments.append((i + 1, end))
    return segments


def _place_start(doc: Doc, police: int, taken: set[int]) -> int:
    """Where the place name before "police" begins: up to three title-case words in the
    sentence, none of them already an entity ("Memon Goth police" -> "Memon")."""
    start = police
    while (
        start > 0
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and not doc[start - 1].is_sent_start
        and doc[start - 1].i not in taken
        and police - start < 3
    ):
        start -= 1
    return start
