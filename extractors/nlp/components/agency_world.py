"""Agencies named with a place or an owner, as news from any country writes them (data in ``models/``).

:meth:`WorldAgencies.resolve` runs after the agency rules (:mod:`agency_rules`) on the document's
entities and returns them with these constructions applied, plus what is known of the agencies
they name (canonical name -> acronym, kind, country):

1. :meth:`~WorldAgencies.missions`: an embassy, high commission or consulate with its owner and
   place ("US Embassy" + "in Kuala Lumpur" -> "US Embassy in Kuala Lumpur", "the Albanian embassy in
   London", "Embassy of Thailand"): kind ``foreign_government``, or ``government`` when the owner
   is the document's own country (a Pakistani embassy in a story from a Pakistani province);
2. :meth:`~WorldAgencies.police_units`: a place's police named by its level ("Kupang City Police",
   "Galeana Municipal Police": ``police_units.csv``) and a police office with its place after a
   comma ("District Police Office, Bardia", "Area Police Office, Mainapokhar"): kind ``police``; a
   place's force or prosecutors' office (:meth:`~WorldAgencies.place_forces`), and a prosecution
   service named without a place ("the Public Prosecutor's Office", "the Attorney General's
   Office", "the Prosecutor's Office for Human Trafficking and Exploitation"): kind ``government``; a
   place's magistrates' court ("George Magistrate’s Court"): kind ``court``; the name after an
   NGO cue ("the charity Oxfam", "an organization named Sana Hath Haru": ``ngo_cues.txt``): ``ngo``;
3. :meth:`~WorldAgencies.listed_ministries`: "the ministries of Interior, Foreign Affairs, Justice
   and Culture and Media" -> one "Ministry of X" per comma-separated portfolio.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractors.assets import read_lines
from extractors.nlp.components.rule_files import rows

# The head words of a diplomatic mission (lower case) and how the canonical name writes them.
_MISSIONS = {"embassy": "Embassy", "consulate": "Consulate", "high commission": "High Commission"}
MISSION_HEADS = frozenset(_MISSIONS)  # a mission is named by its owner everywhere (agency_home)
# Entity labels a place or an owner may carry.
_PLACE_LABELS = ("GPE", "LOC", "NORP", "")
# ... and the words before a police force's name (the statistical model often tags the whole name)
_FORCE_PLACE_LABELS = (*_PLACE_LABELS, "ORG", "FAC")


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _replace(ents: list[Span], added: list[Span]) -> list[Span]:
    """``ents`` with ``added`` replacing the entities they overlap."""
    kept = [e for e in ents if not any(_overlaps(a, e) for a in added)]
    return sorted(filter_spans(kept + added), key=lambda s: s.start)


def _title_run(doc: Doc, i: int, limit: int = 3) -> int:
    """End of the run of up to ``limit`` capitalised words starting at token ``i`` that carry no
    entity other than a place ("Kuala Lumpur", "Phnom Penh")."""
    j = i
    while (
        j < len(doc)
        and j - i < limit
        and doc[j].is_alpha
        and doc[j].is_title
        and doc[j].ent_type_ in _PLACE_LABELS
    ):
        j += 1
    return j


class WorldAgencies:
    def __init__(self, countries: list[str], police_units: str | None = None, ngo_cues: str | None = None):
        """``countries``: the canonical country names (``countries.csv``); ``police_units``: the
        levels that name a place's police ("City", "Municipal", "Sector"), the words that continue
        such a name and the courts a place names ("Magistrate's Court")."""
        self.countries = sorted(countries, key=len, reverse=True)
        units = rows(police_units) if police_units else []
        self.police_levels = {r["word"].lower() for r in units if r["effect"] == "level"}
        self.police_continues = {r["word"] for r in units if r["effect"] == "continues"}
        self.court_levels = {r["word"] for r in units if r["effect"] == "court"}
        # a place's body named after the place: its police force, its prosecutors' office
        kinds = {"force": "police", "office": "government", "named_office": "government"}
        self.forces = {r["word"]: kinds[r["effect"]] for r in units if r["effect"] in kinds}
        # ... and a prosecution service's own name, a body without its place ("Attorney General's Office")
        self.named_offices = {r["word"] for r in units if r["effect"] == "named_office"}
        self.place_abbreviations = {r["word"] for r in units if r["effect"] == "place_abbreviation"}
        self.ngo_cues = {line.lower() for line in read_lines(ngo_cues)} if ngo_cues else set()

    def resolve(
        self, doc: Doc, ents: list[Span], home: str | None, known: dict[str, dict]
    ) -> tuple[list[Span], dict[str, dict]]:
        """``ents`` with the constructions applied; ``home`` is the document's own country when
        known, ``known`` what is known of its agencies so far."""
        extra: dict[str, dict] = {}
        ents = self.missions(doc, ents, home, known, extra)
        ents = self.police_units(doc, ents, extra)
        ents = self.place_forces(doc, ents, extra)
        ents = self.magistrates_courts(doc, ents, extra)
        ents = self.named_ngos(doc, ents, extra)
        ents = self.listed_ministries(doc, ents, known, extra)
        return ents, extra

    # -- 1. embassies, high commissions, consulates --------------------------------------------
    def country_of(self, word: str) -> str | None:
        """The country an owner word names: a country ("Pakistan") or its adjective ("Albanian",
        "Thai", "Pakistani"): the country whose name begins the word or begins with it."""
        for c in self.countries:
            if word == c or 0 < len(word) - len(c) <= 2 and word.startswith(c):
                return c
            if len(word) >= 4 and c.startswith(word):
                return c
        return None

    def missions(
        self, doc: Doc, ents: list[Span], home: str | None, known: dict[str, dict], extra: dict
    ) -> list[Span]:
        """Diplomatic missions with their owner and place (see the module)."""
        at = {i: e for e in ents for i in range(e.start, e.end)}
        added = []
        for tok in doc:
            head = _MISSIONS.get(tok.lower_)
            if head is None and tok.lower_ == "commission" and tok.i:
                prev = doc[tok.i - 1]  # "High Commission" written as two words, one space
                head = (
                    _MISSIONS["high commission"] if (prev.lower_, prev.whitespace_) == ("high", " ") else None
                )
            if head is None:
                continue
            head_start = tok.i - 1 if head == "High Commission" else tok.i
            span = self._mission(doc, head_start, tok.i + 1, head, at, known)
            if span is None:
                continue
            name, start, end, owner = span
            if head == "Consulate" and end < len(doc) and doc[end].text == "General":
                end, name = end + 1, f"{name} General"  # "US Consulate General in Curaçao"
            end, name = self._with_place(doc, end, name)
            kind = "government" if owner and owner == home else "foreign_government"
            meta = known.get(name) or extra.get(name) or {"acronym": None, "kind": kind, "country": owner}
            extra[name] = {**meta, "kind": kind if name not in known else meta["kind"]}
            added.append(Span(doc, start, end, label="AGENCY", span_id=name))
        return _replace(ents, added) if added else ents

    def _mission(
        self, doc: Doc, head_start: int, head_end: int, head: str, at: dict[int, Span], known: dict
    ) -> tuple[str, int, int, str | None] | None:
        """(name, start, end, owner country) of the mission whose head word ends at ``head_end``:
        a gazetteer mission ("US Embassy"), an owner before ("Albanian embassy") or after ("Embassy
        of Thailand"); None for a bare "the embassy"."""
        ent = at.get(head_start)
        if ent is not None and ent.label_ == "AGENCY" and ent.end == head_end and ent.ent_id_:
            return ent.ent_id_, ent.start, ent.end, (known.get(ent.ent_id_) or {}).get("country")
        if ent is not None and ent.label_ in ("TITLE", "PERSON"):
            return None
        found = self._owner_before(doc, head_start, at)
        if found is not None:
            owner_text, first, owner = found
            return f"{owner_text} {head}", first, head_end, owner
        if head_end + 1 < len(doc) and doc[head_end].lower_ == "of":
            k = head_end + 1 + (doc[head_end + 1].lower_ == "the")
            stop = _title_run(doc, k)
            owner = self.country_of(doc[k:stop].text) if stop > k else None
            if owner is not None:
                return f"{head} of {doc[k:stop].text}", head_start, stop, owner
        return None

    def _owner_before(self, doc: Doc, head_start: int, at: dict[int, Span]) -> tuple[str, int, str] | None:
        """(words, start, country) of the owner written right before a mission's head: an adjective or
        name of one or two words ("Albanian", "Sri Lankan"), else a country entity ("U.S.")."""
        prev = doc[head_start - 1] if head_start else None
        if prev is not None and prev.is_title and prev.is_alpha:
            for first in (prev.i - 1, prev.i):  # a two-word owner first ("Sri Lankan", "South African")
                words = doc[first : prev.i + 1] if first >= 0 else None
                if words is None or not all(
                    t.is_title and t.is_alpha and not t.is_sent_start for t in words[:-1]
                ):
                    continue
                owner = self.country_of(words.text)
                if owner is not None:
                    return words.text, first, owner
        ent = at.get(head_start - 1)  # a country written as an abbreviation ("U.S. Consulate")
        if ent is not None and ent.label_ == "GPE" and ent.end == head_start:
            owner = self.country_of(ent.ent_id_ or ent.text)
            if owner is not None:
                return ent.text, ent.start, owner
        return None

    @staticmethod
    def _with_place(doc: Doc, end: int, name: str) -> tuple[int, str]:
        """ "… in Kuala Lumpur", "… in the Dominican Republic": the mission's place joins its name."""
        if end + 1 < len(doc) and doc[end].lower_ == "in" and not name.endswith(f" in {doc[end + 1].text}"):
            at = end + 1 + (doc[end + 1].lower_ == "the" and end + 2 < len(doc))
            stop = _title_run(doc, at)
            if doc[at].ent_iob_ == "B" and doc[at].ent_type_ in ("GPE", "LOC"):  # the place's entity only
                stop = min(stop, next((j for j in range(at + 1, stop) if doc[j].ent_iob_ != "I"), stop))
            if stop > at:
                return stop, f"{name} in {doc[end + 1 : stop].text}"
        return end, name

    # -- 2. police units -------------------------------------------------------------------------
    def police_units(self, doc: Doc, ents: list[Span], extra: dict) -> list[Span]:
        """ "Kupang City Police", "the Kupang city police", "Galeana Municipal Police": a place, a
        level (``police_units.csv``) and "police"; "District Police Office, Bardia": a police office
        and its place after a comma. Not inside a title ("Capital City Police Officer")."""
        taken = {i for e in ents if e.label_ in ("AGENCY", "TITLE", "PERSON") for i in range(e.start, e.end)}
        added = []
        for tok in doc[1:]:
            i = tok.i
            if tok.lower_ != "police" or i in taken or doc[i - 1].lower_ not in self.police_levels:
                continue
            office = self._office_with_place(doc, i - 1)
            if office is not None:
                extra.setdefault(office.id_, {"acronym": None, "kind": "police", "country": None})
                added.append(office)
                continue
            if i < 2 or (i + 1 < len(doc) and doc[i + 1].text in self.police_continues):
                continue  # a longer name ("Tshwane Metro Police Department") or a title
            start = i - 1
            while start > 0 and i - start < 4 and doc[start - 1].is_title and doc[start - 1].is_alpha:
                if doc[start - 1].i in taken or doc[start - 1].is_sent_start:
                    break
                start -= 1
            if start == i - 1 or i - 1 in taken:
                continue
            name = " ".join(t.text if t.is_title else t.text.title() for t in doc[start : i + 1])
            extra.setdefault(name, {"acronym": None, "kind": "police", "country": None})
            added.append(Span(doc, start, i + 1, label="AGENCY", span_id=name))
        return _replace(ents, added) if added else ents

    def place_forces(self, doc: Doc, ents: list[Span], extra: dict) -> list[Span]:
        """ "Collier County Sheriff's Office", "the Chicago Police Department", "Kentucky State
        Police": one to four capitalised words before a force's name (``force`` in
        ``police_units.csv``), named as written, kind police; "Miami-Dade State Attorney's Office"
        (``office``): kind government; not inside another name or a title, but a title the name
        begins with is the name's ("Sheriff" in "Sheriff's Office")."""
        taken = {i for e in ents if e.label_ in ("AGENCY", "TITLE", "PERSON") for i in range(e.start, e.end)}
        title_end = {e.start: e.end for e in ents if e.label_ == "TITLE"}
        found: list[tuple[int, int, int, str]] = []  # start, the office's first word, end, kind
        for tok in doc[1:]:
            if not tok.is_title:
                continue
            end, kind = self._force_end(doc, tok.i)
            if end is None:
                continue
            free = title_end[tok.i] if title_end.get(tok.i, end) < end else tok.i
            if any(i in taken for i in range(free, end)):
                continue
            start = _place_before(doc, tok.i, taken, self.place_abbreviations)
            if kind == "government":
                end = _for_tail(doc, end, taken)
            if start == tok.i and not self._placeless(doc, tok.i, end):
                continue
            if start == tok.i and doc[start - 1].lower_ == "of":
                continue  # a title's complement ("Director of" + "Public Prosecution"), no body
            found.append((start, tok.i, end, kind))
            taken.update(range(start, end))
        added = []
        for start, head, end, kind in found:
            name = self._office_owner(doc, start, head, end, found) or doc[start:end].text
            extra.setdefault(name, {"acronym": None, "kind": kind, "country": None})
            added.append(Span(doc, start, end, label="AGENCY", span_id=name))
        return _replace(ents, added) if added else ents

    def _office_owner(self, doc: Doc, start: int, head: int, end: int, found: list) -> str | None:
        """The one place's office a prosecution office named with no place or only a level is,
        when the document names exactly one place's office of that name ("the Attorney General's
        Office", "the State Attorney General's Office" in a story naming "the Guanajuato Attorney
        General's Office"); None otherwise."""
        if any(t.lower_ not in self.police_levels for t in doc[start:head]):
            return None
        office = _plain(doc[head:end].text)
        owners = {
            doc[s:e].text
            for s, h, e, kind in found
            if kind == "government"
            and _plain(doc[h:e].text) == office
            and any(t.lower_ not in self.police_levels for t in doc[s:h])
        }
        return owners.pop() if len(owners) == 1 else None

    def _placeless(self, doc: Doc, i: int, end: int) -> bool:
        """A prosecution office named without its place: a service's own name ("the Public
        Prosecutor's Office", "the Attorney General's Office": ``named_office``) or an office with
        the remit or place that names it ("the Prosecutor's Office for Human Trafficking and
        Exploitation", "the Prosecutor's Office of Radom")."""
        if any(doc[i:k].text in self.named_offices for k in range(i + 1, end + 1)):
            return True
        return any(t.lower_ in ("for", "of") for t in doc[i:end])

    def _force_end(self, doc: Doc, i: int) -> tuple[int | None, str]:
        """End and kind of the force's or office's name (``police_units.csv``) that starts at token
        ``i``, the longest one; (None, "") when none does."""
        for end in range(min(i + 5, len(doc)), i, -1):
            kind = self.forces.get(doc[i:end].text)
            if kind:
                return end, kind
        return None, ""

    @staticmethod
    def _office_with_place(doc: Doc, level: int) -> Span | None:
        """ "District Police Office, Bardia", "Area Police Office, Mainapokhar": a level, "Police
        Office", a comma and one place word that ends the phrase."""
        k = level + 3
        if not (
            k + 1 < len(doc)
            and doc[level + 2].text == "Office"
            and doc[k].text == ","
            and doc[k + 1].is_title
            and doc[k + 1].is_alpha
            and (k + 2 == len(doc) or doc[k + 2].is_punct or doc[k + 2].is_lower)
        ):
            return None
        name = f"{doc[level : level + 3].text}, {doc[k + 1].text}"
        return Span(doc, level, k + 2, label="AGENCY", span_id=name)

    def magistrates_courts(self, doc: Doc, ents: list[Span], extra: dict) -> list[Span]:
        """ "George Magistrate’s Court", "Ikeja Magistrates' Court": a place's magistrates' court
        (kind court), named as written."""
        taken = {i for e in ents if e.label_ in ("AGENCY", "TITLE") for i in range(e.start, e.end)}
        added = []
        for tok in doc[2:]:
            if tok.text != "Court" or tok.i in taken:
                continue
            k = tok.i - 1
            if doc[k].text in ("'s", "’s", "'", "’"):
                k -= 1
            if doc[k].text not in self.court_levels or k == 0:
                continue
            start = k
            while start > 0 and k - start < 3 and doc[start - 1].is_title and doc[start - 1].is_alpha:
                if doc[start - 1].i in taken or doc[start - 1].lower_ == "the":
                    break
                start -= 1
            if start == k:
                continue
            name = doc[start : tok.i + 1].text
            extra.setdefault(name, {"acronym": None, "kind": "court", "country": None})
            added.append(Span(doc, start, tok.i + 1, label="AGENCY", span_id=name))
        return _replace(ents, added) if added else ents

    def named_ngos(self, doc: Doc, ents: list[Span], extra: dict) -> list[Span]:
        """ "the charity Oxfam", "non-governmental organization Justice & Care", "an organization
        named Sana Hath Haru": the capitalised name after an NGO cue (``ngo_cues.txt``), kind ngo;
        the statistical model's PERSON there is the organisation's name. Also the name before ", a
        <cue>" (:meth:`_appositive_ngos`)."""
        taken = {i for e in ents if e.label_ in ("AGENCY", "TITLE") for i in range(e.start, e.end)}
        added = []
        for tok in doc[1:]:
            if not tok.is_title or tok.i in taken or tok.is_sent_start:
                continue
            if not any(self._cue(doc[max(0, tok.i - n) : tok.i]) for n in (1, 2, 3, 4)):
                continue
            end = tok.i + 1
            while end < len(doc) and end not in taken and end - tok.i < 6:
                nxt = doc[end]
                joined = nxt.text in ("&", "for", "of") and end + 1 < len(doc) and doc[end + 1].is_title
                if not (nxt.is_title and nxt.is_alpha or joined):
                    break
                end += 1
            name = doc[tok.i : end].text
            kind = (extra.get(name) or {}).get("kind", "ngo")
            extra.setdefault(name, {"acronym": None, "kind": kind, "country": None})
            added.append(Span(doc, tok.i, end, label="AGENCY", span_id=name))
        added += self._appositive_ngos(doc, taken | {i for a in added for i in range(a.start, a.end)}, extra)
        return _replace(ents, added) if added else ents

    def _cue(self, words: Span) -> bool:
        """An NGO cue written as a common noun ("the charity", "an NGO"), not a word of a name
        ("the Dubai Charity Association")."""
        return words.text.lower() in self.ngo_cues and not any(t.is_title for t in words)

    def _appositive_ngos(self, doc: Doc, taken: set[int], extra: dict) -> list[Span]:
        """ "Our Rescue, a non-governmental organisation", "the Dubai Charity Association, a
        non-governmental organisation that ...": capitalised words (at most six) before a comma,
        "a"/"an" and an NGO cue that ends its noun phrase (not "a charity worker"), kind ngo."""
        added = []
        for comma in doc[1:-2]:
            c = comma.i
            if comma.text != "," or doc[c + 1].lower_ not in ("a", "an") or c - 1 in taken:
                continue
            end = next((c + 2 + n for n in (1, 2, 3, 4) if self._cue(doc[c + 2 : c + 2 + n])), None)
            if end is None or end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
                continue
            start = c
            while start > 0 and c - start < 6 and start - 1 not in taken:
                prev = doc[start - 1]
                joined = prev.text in _NAME_JOINS and start - 1 > 0 and doc[start - 2].is_title
                if not (prev.is_title and (prev.is_alpha or "-" in prev.text) or joined):
                    break
                start -= 1
                if prev.is_sent_start:
                    break
            while start < c and doc[start].lower_ in _NAME_JOINS:
                start += 1
            if start == c or _name_tail(doc, start, taken):
                continue
            name = doc[start:c].text
            extra.setdefault(name, {"acronym": None, "kind": "ngo", "country": None})
            added.append(Span(doc, start, c, label="AGENCY", span_id=name))
        return added

    # -- 3. "the ministries of A, B and C" -----------------------------------------------------
    def listed_ministries(self, doc: Doc, ents: list[Span], known: dict, extra: dict) -> list[Span]:
        """ "the ministries of Interior, Foreign Affairs, Justice, Labor and Social Development":
        one ministry per comma-separated capitalised portfolio, up to the first word that is not
        one ("… Culture and Media, and the Human Rights Commission")."""
        taken = {i for e in ents if e.label_ in ("AGENCY", "PERSON") for i in range(e.start, e.end)}
        added = []
        for tok in doc[:-2]:
            if tok.lower_ != "ministries" or doc[tok.i + 1].lower_ != "of" or tok.i in taken:
                continue
            for start, end in _portfolios(doc, tok.i + 2, taken):
                name = f"Ministry of {doc[start:end].text}"
                extra.setdefault(name, {"acronym": None, "kind": "government", "country": None})
                added.append(Span(doc, start, end, label="AGENCY", span_id=name))
        return _replace(ents, added) if added else ents


def _portfolios(doc: Doc, i: int, taken: set[int]) -> list[tuple[int, int]]:
    """The comma-separated capitalised portfolios from token ``i`` ("Interior", "Foreign
    Affairs", "Labor and Social Development"), a final "and" before the last one dropped; at
    least two, else none ("the ministries of the provinces")."""
    out, start, j = [], i, i
    while j < len(doc) and j not in taken:
        t = doc[j]
        if t.text == ",":
            if j > start:
                out.append((start, j))
            start = j + 1
            if j + 1 < len(doc) and doc[j + 1].lower_ == "and":
                start = j + 2
            j = start
            continue
        if not (t.is_title or t.lower_ in ("and", "&") and j > start):
            break
        j += 1
    if j > start and doc[j - 1].is_title:
        out.append((start, j))
    return out if len(out) >= 2 else []


# Words that join the parts of a name ("Justice & Care", "Service for Human Rights").
_NAME_JOINS = ("&", "for", "of", "and", "-")


def _name_tail(doc: Doc, start: int, taken: set[int]) -> bool:
    """The capitalised words from ``start`` end a longer name: "and"/"&" before them ("Centre for
    Strategic and [International Studies]"), or "of"/"for" after a word that is no title
    ("Institute of ..."; not "Director of [International Service for Human Rights]")."""
    if start == 0:
        return False
    before = doc[start - 1].lower_
    return before in ("and", "&") or before in ("of", "for") and start - 2 not in taken


def _plain(text: str) -> str:
    return text.replace("’", "'")


def _for_tail(doc: Doc, end: int, taken: set[int]) -> int:
    """End of an office's name with its remit or its place: "for"/"of" and capitalised words,
    joined by "and", "&" or "of" ("Prosecutor's Office" + "for Human Trafficking and Exploitation",
    "Public Prosecution Service" + "of Canada"); ``end`` when none follows or the words are another
    entity's."""
    if not (end + 1 < len(doc) and doc[end].lower_ in ("for", "of") and doc[end + 1].is_title):
        return end
    k = end + 1
    while k < len(doc) and k not in taken:
        if doc[k].is_title and doc[k].is_alpha:
            k += 1
        elif doc[k].lower_ in ("and", "&", "of") and k + 1 < len(doc) and doc[k + 1].is_title:
            k += 1
        else:
            break
    return k if k > end + 1 and doc[k - 1].is_title else end


def _place_before(
    doc: Doc, i: int, taken: set[int], abbreviations: frozenset[str] | set[str] = frozenset()
) -> int:
    """Where the place before token ``i`` begins: up to four capitalised words, not stop words nor
    taken, hyphenated ones joined ("Miami-Dade", "Wilkes-Barre"), a place name's abbreviation among
    them ("St. Louis County"); ``i`` when there is none."""
    start = i
    while start > 0 and i - start < 4 and start - 1 not in taken:
        prev = doc[start - 1]
        if prev.text == "-" and start > 1 and not prev.whitespace_ and not doc[start - 2].whitespace_:
            prev = doc[start - 2]
            step = 2
        else:
            step = 1
        if prev.text not in abbreviations and not (
            prev.is_title and prev.is_alpha and not prev.is_stop and prev.ent_type_ in _FORCE_PLACE_LABELS
        ):
            break
        start -= step
        if prev.is_sent_start:
            break
    return start
