"""``tipwatch_agency_home_v1``: an agency's kind as the story's country sees it.

The gazetteer (``agencies.csv``) gives each body one kind, written for the stories the corpus
mostly has: the US State Department, the FBI and the UK Home Office are ``foreign_government``
(Pakistani, Malaysian or Nigerian stories about them). Under the world definitions a government
body is foreign only when it is not of the country the story is about. After all the agency
components, this one reads the one country the text names (by name, place or adjective:
:meth:`AgencyScope.named_countries`) and gives a ``foreign_government`` row of that country its
own kind: the row's ``own_kind`` column ("US Immigration and Customs Enforcement": ``police``),
else ``government`` (the Justice Department in a story about a Florida congressman). A text that
names no country is about the one country of its agencies (a snippet on the FBI; a BBC story on
the Home Office and the Liberal Democrats). A text that names two countries is left as it is: a
Bangladeshi or Kuwaiti story on the State Department's report, a Dawn story on an Indian family
charged in the US (news_gold keeps the US bodies of Dawn's stories foreign).

A story may also be written from inside a country while it mostly names others (a US paper on
China's navy, Syria's war or a Ukrainian party): the country of a story whose own bodies it never
qualifies by their country ("the White House", "Congress", "the Home Office", never "the US
Congress" or "Britain's Home Office") and whose domestic politics it names is its home, unless
another country is named ``DOMINANT`` times as much (a Dawn story on Pakistan that mentions the
White House). Its domestic politics: a party of that country, as a body or as a word
("Republicans", "Republican senators", "Labour", "a Tory MP"), or a legislature the gazetteer does
not make foreign ("the Commons"); not "Congress" itself, which a Dawn or APP story on a Pakistani
minister's visit to Washington names too. A foreign paper names another country's bodies by their
country, and its stories on them rarely name that country's parties (the DOJ charging an Indian
family in Nebraska; the State Department's report on Saudi Arabia).

A body only the trained recogniser found (:mod:`agency_model`, no gazetteer row) has the kind its
own country gives it; when its name names another country than the story's ("Indian Navy" in a
Dawn story on Pakistan, "Unique Identification Authority of India") it is ``foreign_government``.
So is a state body a rule built with no country ("Indian Air Force (IAF)") whose own name names
another one. A story about no one country (a Dawn story on Pakistan and India, each named as
often) that names the state bodies of one country only as that country's own (ISPR, the Pakistan
Air Force) is that country's for these bodies: the Indian Navy in it is foreign, as the
gazetteer's rows of India already are.

Other rows keep their kind (a body named as written, an embassy: :mod:`agency_world`). Updates
``doc.user_data[AGENCY_INFO]`` (new dicts: the gazetteer's own are never changed), and sets
``doc.user_data[HOME_GOVERNMENT]`` to the name of the home country's government ("UK government",
"Pakistani government": :meth:`AgencyHome.government_name`) for "the government said" (claims).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.nlp.components.agency_scope import FOREIGN, AgencyScope
from extractors.nlp.components.agency_world import MISSION_HEADS
from extractors.nlp.components.entities import AGENCY_INFO, HOME_GOVERNMENT, RECOGNISED
from extractors.nlp.components.rule_files import rows

# A story that names several countries is about the one it names this many times as much as any
# other (a US story on Congress that mentions Russia; a BBC story on the Home Office that mentions
# an Albanian family).
DOMINANT = 3
# the kinds of a state's bodies: another country's are foreign_government
_STATE_KINDS = {"government", "police", "court", "legislature"}
# the kinds of a country's bodies only a story from inside it names unqualified
_DOMESTIC = {"party", "legislature"}


class AgencyHome:
    def __init__(self, scope: AgencyScope, party_forms: dict[str, str] | None = None):
        """``scope``: the pipeline's own ``tipwatch_agency_scope`` component, whose tables read the
        countries a document is about and give a foreign row's kind at home
        (:attr:`AgencyScope.own_kind`): the gazetteer is read once per pipeline, not twice.
        ``party_forms``: a party's short form -> its country ("Republican", "Tory": the party
        named as a word, not as a body, is a sign of the country's domestic politics too)."""
        self.scope = scope
        self.party_forms = party_forms or {}

    def __call__(self, doc: Doc) -> Doc:
        info = doc.user_data.get(AGENCY_INFO)
        own_kind = self.scope.own_kind
        used = {e.ent_id_ for e in doc.ents if e.label_ == "AGENCY"} & set(own_kind)
        found = [e for e in doc.ents if e.label_ == "AGENCY" and self._countryless(info, e)]
        main = self._main_country(doc, info or {})
        home = main or self._own_bodies_country(doc, info or {})
        if home is not None:
            doc.user_data[HOME_GOVERNMENT] = self.government_name(home)
        if not info or not (used or found):
            return doc
        for name in used if main else ():
            meta = info.get(name)
            if meta and meta.get("kind") == FOREIGN and meta.get("country") == main:
                info[name] = {**meta, "kind": own_kind[name]}
        if home is None:
            return doc
        for e in found:
            meta = info[e.ent_id_]
            country = meta.get("country") or self._name_country(doc, e, before=meta.get(RECOGNISED))
            if meta.get("kind") in _STATE_KINDS and country and country != home:
                info[e.ent_id_] = {**meta, "kind": FOREIGN, "country": country}
        return doc

    def government_name(self, country: str) -> str:
        """How a story names its country's government as a whole: by the country's upper-case
        short name ("UK government", "US government"), else its first adjective ("Pakistani
        government", "Cambodian government"), else its name ("Hong Kong government")."""
        scope = self.scope
        short = next(
            (f for f, c in scope.country_names.items() if c == country and f.isalpha() and f.isupper()), None
        )
        adjective = next((f for f, c in scope.demonyms.items() if c == country), None)
        return f"{short or adjective or country} government"

    def _own_bodies_country(self, doc: Doc, info: dict) -> str | None:
        """For a story about no one country: the one country whose state bodies the text names
        as its own (kind government, police, court or legislature, not foreign: ISPR and the
        Pakistan Air Force in a Dawn story on India's air force), else None. A recognised body
        named by another country ("Indian Navy", "Israel Air Force") is then that country's
        foreign body, as the gazetteer's rows of it already are ("India's Ministry of Defence")."""
        own = {
            meta.get("country")
            for e in doc.ents
            if e.label_ == "AGENCY" and (meta := info.get(e.ent_id_) or {}).get("kind") in _STATE_KINDS
        }
        own.discard(None)
        return next(iter(own)) if len(own) == 1 else None

    @staticmethod
    def _countryless(info: dict | None, e: Span) -> bool:
        """Whether a row's kind is this component's to read from its name: a body only the
        recogniser found, or a state body of no known country that a rule built from the text
        ("Indian Air Force (IAF)")."""
        meta = (info or {}).get(e.ent_id_) or {}
        return bool(meta.get(RECOGNISED)) or (meta.get("kind") in _STATE_KINDS and not meta.get("country"))

    def _name_country(self, doc: Doc, e: Span, before: bool = True) -> str | None:
        """The country a body's name names ("Indian Navy") or, with ``before``, the words right
        before it ("the Brazilian" + "Federal Police", "Britain's" + "Navy"), else None."""
        scope = self.scope
        for i in range(e.start, e.end):
            for j in range(i + 1, min(e.end, i + 4) + 1):
                words = doc[i:j].text
                country = scope.country_names.get(words) or scope.demonyms.get(words)
                if country:
                    return country
        return scope.modifier_country(doc, e)[0] if before else None

    def _main_country(self, doc: Doc, info: dict) -> str | None:
        """The one country the text names; with none, the one country of its agencies; with
        several, the one it names at least ``DOMINANT`` times as much as any other, its dateline
        left out (:meth:`AgencyScope.country_votes`), else the one it is written from
        (:meth:`_written_from`) unless another is named ``DOMINANT`` times as much, else None."""
        named = self.scope.named_countries(doc)
        if not named:  # no country named: the countries of all its agencies that have one
            named = {(info.get(e.ent_id_) or {}).get("country") for e in doc.ents if e.label_ == "AGENCY"}
            named.discard(None)
        if len(named) == 1:
            return next(iter(named))
        if not named:
            return None
        votes = self.scope.country_votes(doc, set(), info, dateline=False)
        ranked = votes.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]):
            return ranked[0][0]
        inside = self._written_from(doc, info)
        if inside and not any(v >= DOMINANT * votes[inside] for c, v in votes.items() if c != inside):
            return inside
        return None

    def _written_from(self, doc: Doc, info: dict) -> str | None:
        """The one country whose foreign-kind bodies the text names, never with that country's
        name or adjective (in the name or right before it: :meth:`_qualified`; its embassies,
        named by their owner everywhere, left out), and whose domestic politics it names (a party
        or a legislature row of that country, a party's short form: :meth:`_party_words`); else
        None."""
        mentions: dict[str, list[bool]] = {}
        domestic = set()
        for e in doc.ents:
            meta = (info.get(e.ent_id_) or {}) if e.label_ == "AGENCY" else {}
            country = meta.get("country")
            if not country:
                continue
            if meta.get("kind") == FOREIGN and not any(h in e.text.lower() for h in MISSION_HEADS):
                mentions.setdefault(country, []).append(self._qualified(doc, e, country))
            if meta.get("kind") in _DOMESTIC:  # not a foreign row's own kind: "Congress" alone
                domestic.add(country)  # is what an APP story on Pakistan's minister names too
        domestic |= self._party_words(doc)
        inside = [c for c, qualified in mentions.items() if c in domestic and not any(qualified)]
        return inside[0] if len(inside) == 1 else None

    def _party_words(self, doc: Doc) -> set[str]:
        """The countries of the party short forms the text writes outside other names
        ("Republican senators", "a Tory MP"; not "Democratic Republic of Congo", "Pakistan
        Democratic Movement")."""
        out = set()
        for i in range(len(doc)):
            for n in (2, 1):
                words = doc[i : i + n]
                country = self.party_forms.get(words.text)
                if country and all(t.ent_type_ in ("", "NORP") for t in words):
                    out.add(country)
        return out

    def _qualified(self, doc: Doc, e: Span, country: str) -> bool:
        """Whether a mention names its country: a name or adjective of it inside the mention ("US
        Congress", "U.S. Senate", "UK Home Office") or right before it ("Britain's Home Office")."""
        scope = self.scope
        for i in range(e.start, e.end):
            for j in range(i + 1, min(e.end, i + 4) + 1):
                words = doc[i:j].text
                if (scope.country_names.get(words) or scope.demonyms.get(words)) == country:
                    return True
        return scope.modifier_country(doc, e)[0] == country


@Language.factory("tipwatch_agency_home_v1", assigns=["doc.user_data"], requires=["doc.ents"])
def make_agency_home(
    nlp: Language, name: str, scope: str = "tipwatch_agency_scope", party_forms: str | None = None
) -> AgencyHome:
    """``scope``: the name of the pipeline's ``tipwatch_agency_scope_v1`` component, added before
    this one (its tables are shared, not loaded again); ``party_forms``: a CSV of form, party,
    country (``gazetteers/party_forms.csv``)."""
    if scope not in nlp.pipe_names or not isinstance(nlp.get_pipe(scope), AgencyScope):
        raise ValueError(f"{name}: needs the agency scope component {scope!r} earlier in the pipeline")
    forms = {r["form"]: r["country"] for r in rows(party_forms) if r.get("country")} if party_forms else {}
    return AgencyHome(nlp.get_pipe(scope), forms)
